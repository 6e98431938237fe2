"""Main text of a news or ministry page: headline, date and body paragraphs, nothing else.

Pages from kremlin.ru, news.cn and fmprc.gov.cn mark their article body with stable ids and
classes, which are more reliable than any density heuristic, so those rules come first.
Other pages go to trafilatura after the same boilerplate clean-up. Measured on the saved-page
imitations in tests/fixtures/pages: trafilatura alone drops the Kremlin lead paragraph and keeps
Xinhua photo captions and footers; the rules get all three exactly.
"""

from __future__ import annotations

import copy
import re

import lxml.html
from lxml import etree

from stmtdiff.adapters.ingest.document import PARAGRAPH_SEPARATOR, Document
from stmtdiff.core.errors import StmtdiffError

#: Body containers of known sites, most specific first; each rule is a group of containers read
#: in document order (the Kremlin lead paragraph lives outside its entry-content).
_BODY_RULES: tuple[tuple[str, ...], ...] = (
    ("class:read__lead", "class:entry-content"),  # kremlin.ru
    ("id:detailContent",),  # news.cn
    ("id:News_Body_Txt_A",),  # fmprc.gov.cn
    ("itemprop:articleBody",),  # schema.org markup on many news sites
)

# fmt: off
_DROP_TAGS = frozenset({
    "script", "style", "noscript", "nav", "footer", "aside", "form", "figure", "figcaption",
    "iframe", "button", "svg", "select", "template",
})
# fmt: on
_BOILERPLATE = re.compile(
    r"(?:^|[-_\s])(?:share|sharing|social|related|caption|breadcrumbs?|print|editor|tags|comments?|"
    r"footer|foot|nav|navbar|menu|topnav|sidebar|search|advert|ads?|xgxw|xglj|dqwz|"
    r"permalink|subscribe)(?:$|[-_\s])",
    re.IGNORECASE,
)
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})
# fmt: off
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
    "article", "header", "main", "table", "tr", "td", "th", "dd", "dt", "dl", "pre", "center",
})
# fmt: on
_PHOTO_CREDIT = re.compile(
    r"(?:摄|供图)\s*[)）]?\s*$|^\s*(?:Фото|Photo)\b|(?:Фото|Photo)\s*:", re.I
)
_CENTERED = re.compile(r"text-align\s*:\s*center", re.I)
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_EDGE_SPACE = " \t\r\n\f\v\u00a0\u3000\u200b"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
#: How many lines past an element's start tag its text or tail is looked for.
_ORIGIN_LOOKAHEAD = 200
_PUBLISHER_META = ("og:site_name", "sitename", "application-name", "source", "contentsource")


def extract_html(markup: str, source: str) -> Document:
    """The page's headline, date, publisher and body paragraphs, one paragraph per line."""
    import trafilatura  # only when a page is read: it costs a tenth of a second to import

    tree = _parse(markup, source)
    meta = trafilatura.extract_metadata(copy.deepcopy(tree))
    title = _clean(meta.title) if meta.title else None
    publisher = _publisher(tree)
    _strip_boilerplate(tree)
    paragraphs = _body_by_rules(tree)
    if not paragraphs:
        paragraphs = _body_by_trafilatura(tree)
    paragraphs = [p for p in paragraphs if p != title]
    if not paragraphs:
        raise StmtdiffError(f"{source}: no main text found on the page")
    lines = [title, *paragraphs] if title else paragraphs
    return Document(
        text=PARAGRAPH_SEPARATOR.join(lines),
        source=source,
        title=title,
        date=meta.date or None,
        publisher=publisher,
        kind="html",
        origins=paragraph_origins(markup, lines),
    )


def paragraph_origins(markup: str, paragraphs: list[str]) -> list[tuple[int, int] | None]:
    """Where each extracted paragraph begins in ``markup``: 1-based line and column, or ``None``.

    lxml knows the line of each element's start tag; a paragraph begins at the first text node,
    in document order after the previous paragraph's, whose cleaned text opens it. The column is
    where that text's first characters sit on the line (1 when markup such as an entity hides it).
    """
    # Blank the XML declaration rather than remove it, so that line numbers stay the file's.
    kept = _XML_DECLARATION.sub(lambda m: "\n" * m.group().count("\n"), markup, count=1)
    try:
        tree = lxml.html.document_fromstring(kept)
    except (etree.ParserError, ValueError):
        return [None] * len(paragraphs)
    nodes: list[tuple[str, int]] = []
    for element in tree.iter():
        if isinstance(element.tag, str) and element.text and element.sourceline:
            nodes.append((_clean(element.text), element.sourceline))
        parent = element.getparent()
        if element.tail and parent is not None and element.sourceline:
            nodes.append((_clean(element.tail), element.sourceline))
    source_lines = markup.splitlines()
    origins: list[tuple[int, int] | None] = []
    position = 0
    for paragraph in paragraphs:
        origin = None
        for index in range(position, len(nodes)):
            text, line = nodes[index]
            if text and (paragraph.startswith(text) or text.startswith(paragraph)):
                origin, position = _locate(source_lines, line, text), index + 1
                break
        origins.append(origin)
    return origins


def _locate(source_lines: list[str], line: int, text: str) -> tuple[int, int]:
    """The text's first characters at or after ``line`` (a tail follows its element's start
    tag, maybe lines later); the element's line, column 1, when markup hides them."""
    for number in range(line, min(line + _ORIGIN_LOOKAHEAD, len(source_lines)) + 1):
        found = source_lines[number - 1].find(text[:12])
        if found >= 0:
            return number, found + 1
    return line, 1


def _parse(markup: str, source: str) -> lxml.html.HtmlElement:
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1))
    except (etree.ParserError, ValueError) as exc:
        raise StmtdiffError(f"{source}: cannot parse the page as HTML ({exc})") from exc


def _publisher(tree: lxml.html.HtmlElement) -> str | None:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = _clean(meta.get("content") or "")
        if key in _PUBLISHER_META and content and key not in found:
            found[key] = content
    return next((found[key] for key in _PUBLISHER_META if key in found), None)


def _strip_boilerplate(tree: lxml.html.HtmlElement) -> None:
    """Drop navigation, share buttons, related links, captions and photos, in place."""
    _drop_photo_blocks(tree)
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _KEEP_TAGS:
            continue
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag in _DROP_TAGS or _BOILERPLATE.search(marks):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _drop_photo_blocks(tree: lxml.html.HtmlElement) -> None:
    """A block holding only an image, and the caption block right after it (Xinhua style)."""
    for image in list(tree.iter("img")):
        block = image.getparent()
        while block is not None and block.tag not in ("p", "div", "center"):
            block = block.getparent()
        if block is None or block.getparent() is None or _clean(block.text_content()):
            continue
        caption = block.getnext()
        if caption is not None and caption.tag in ("p", "div") and _is_caption(caption):
            caption.drop_tree()
        block.drop_tree()


def _is_caption(element: lxml.html.HtmlElement) -> bool:
    text = _clean(element.text_content())
    if not text or len(text) > 300:
        return False
    styles = " ".join(
        f"{e.get('style', '')} align:{e.get('align', '')}"
        for e in element.iter()
        if isinstance(e.tag, str)
    )
    return bool(
        _CENTERED.search(styles) or "align:center" in styles.lower() or _PHOTO_CREDIT.search(text)
    )


def _body_by_rules(tree: lxml.html.HtmlElement) -> list[str]:
    for rule in _BODY_RULES:
        # An XPath union returns each node once, in document order.
        containers: list[lxml.html.HtmlElement] = tree.xpath(" | ".join(map(_xpath, rule)))
        outermost = [c for c in containers if not any(_contains(o, c) for o in containers)]
        paragraphs = [p for container in outermost for p in _paragraphs(container)]
        if paragraphs:
            return paragraphs
    return []


def _xpath(selector: str) -> str:
    attribute, value = selector.split(":", 1)
    if attribute == "class":
        return f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {value} ')]"
    return f"//*[@{attribute}='{value}']"


def _contains(outer: lxml.html.HtmlElement, inner: lxml.html.HtmlElement) -> bool:
    return any(ancestor is outer for ancestor in inner.iterancestors())


def _paragraphs(container: lxml.html.HtmlElement) -> list[str]:
    """Text of ``container`` split at block elements and line breaks."""
    paragraphs: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        text = _clean("".join(pending))
        pending.clear()
        if text:
            paragraphs.append(text)

    def walk(element: lxml.html.HtmlElement) -> None:
        if isinstance(element.tag, str):
            block = element.tag in _BLOCK_TAGS or element.tag == "br"
            if block:
                flush()
            if element.text:
                pending.append(element.text)
            for child in element:
                walk(child)
                if child.tail:
                    pending.append(child.tail)
            if block:
                flush()

    walk(container)
    flush()
    return paragraphs


def _body_by_trafilatura(tree: lxml.html.HtmlElement) -> list[str]:
    import trafilatura

    text = trafilatura.extract(
        copy.deepcopy(tree),
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_precision=True,
    )
    return [line for line in (_clean(raw) for raw in (text or "").splitlines()) if line]


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip(_EDGE_SPACE)
