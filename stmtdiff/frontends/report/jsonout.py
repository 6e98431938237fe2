"""The JSON contract ``stmtdiff/alignment@1`` (documented in docs/json-schema.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from json.encoder import encode_basestring
from typing import Any

from stmtdiff.core.model import Cell, Comparison, OnlyHere, PairAlignment, Version
from stmtdiff.project import stmtdiff_version

SCHEMA = "stmtdiff/alignment@1"
_INFINITY = float("inf")


def _version(version: Version) -> dict[str, Any]:
    return _version_head(version, _sentences(version))


def _sentences(version: Version) -> list[dict[str, Any]]:
    sentences = []
    for sentence in version.sentences:
        item: dict[str, Any] = {
            "id": sentence.id,
            "text": sentence.text,
            "start": sentence.start,
            "end": sentence.end,
            "paragraph": sentence.paragraph,
        }
        if version.translations is not None:
            item["translation"] = version.translations[sentence.id]
        sentences.append(item)
    return sentences


def _version_head(version: Version, sentences: Any) -> dict[str, Any]:
    """A version's entry around its ``sentences`` (data, or written by :func:`render_json`)."""
    return {
        "id": version.id,
        "label": version.display_label,
        "path": version.path,
        "url": version.url,
        "lang": version.lang,
        "publisher": version.publisher,
        "date": version.date,
        "role": version.role,
        "translation": (
            {"lang": version.translation_lang, "engine": version.translation_engine}
            if version.translations is not None
            else None
        ),
        "sentences": sentences,
    }


def who_said_what(comparison: Comparison) -> list[dict[str, Any]] | None:
    """The ``summary.who_said_what`` entries: one per non-pivot version, against the pivot."""
    if comparison.who_said_what is None:
        return None
    return [
        {
            "pivot": pair.pivot,
            "other": pair.other,
            "both": pair.both,
            **({} if pair.possible is None else {"possible": pair.possible}),
            "only": {
                vid: [{"row": f.row, "sentences": list(f.sentence_ids)} for f in facts]
                for vid, facts in pair.only.items()
            },
            "subjects_only": (
                None
                if pair.subjects_only is None
                else {
                    vid: [
                        {
                            "id": m.subject.id,
                            "name": m.subject.name,
                            "category": m.subject.category,
                            "sentences": list(m.sentence_ids),
                        }
                        for m in mentions
                    ]
                    for vid, mentions in pair.subjects_only.items()
                }
            ),
        }
        for pair in comparison.who_said_what.pairs
    ]


def links_json(pair: PairAlignment) -> list[dict[str, Any]]:
    """The pair's groups of linked sentences (for parallel texts: its aligned beads)."""
    return [
        {
            "pivot": list(item.pivot),
            "other": list(item.other),
            "score": round(min(max(item.score, 0.0), 1.0), 4),
            "kind": item.kind,
        }
        for item in pair.all_links()
    ]


def only_here_json(cell: Cell, *, translated: bool = False) -> dict[str, Any]:
    """``only_here`` for a cell of accounts (one with a ``link``): the parts of the linked pair
    either side lacks; nothing for other cells, so parallel texts' JSON stays as it was.
    ``translated`` (some version carries translations): also ``translation_only_here``, the
    same found on the translations."""
    if cell.link is None:
        return {}
    found = {"only_here": _spans(cell.only_here)}
    if translated:
        found["translation_only_here"] = _spans(cell.translation_only_here)
    return found


def _spans(spans: Sequence[OnlyHere]) -> list[dict[str, Any]]:
    return [
        {"side": s.side, "kind": s.kind.value, "start": s.start, "end": s.end, "text": s.text}
        for s in spans
    ]


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready data."""
    return _document(comparison, [_version(v) for v in comparison.versions], _rows(comparison))


def _document(
    comparison: Comparison,
    versions: Any,
    rows: Any,
    links: Callable[[PairAlignment], Any] = links_json,
) -> dict[str, Any]:
    """The document around its long lists, ``versions`` (each with its sentences), each
    alignment's ``links`` and the ``rows``: as data for :func:`to_dict`, already written for
    :func:`render_json`."""
    return {
        "schema": SCHEMA,
        "generator": f"stmtdiff {stmtdiff_version()}",
        "title": comparison.title,
        "pivot": comparison.pivot,
        "versions": versions,
        "alignments": [
            {
                "pivot": a.pivot,
                "other": a.other,
                "method": a.method,
                "confidence": round(a.confidence, 4),
                "warning": a.warning,
                "links": links(a),
            }
            for a in comparison.alignments
        ],
        "notes": comparison.notes,
        "summary": {
            **{status.value: count for status, count in comparison.counts().items()},
            "who_said_what": who_said_what(comparison),
        },
        "rows": rows,
    }


def _translated(comparison: Comparison) -> bool:
    """Whether some version carries translations (cells of accounts then also give
    ``translation_only_here``)."""
    return any(v.translations is not None for v in comparison.versions)


def _rows(comparison: Comparison) -> list[dict[str, Any]]:
    translated = _translated(comparison)
    return [
        {
            "index": row.index,
            "status": row.status.value,
            "similarity": None if row.similarity is None else round(row.similarity, 4),
            "cells": {
                cell.version: {
                    "sentences": cell.sentence_ids,
                    "status": cell.status.value,
                    "similarity": (None if cell.similarity is None else round(cell.similarity, 4)),
                    "diff": (
                        None if cell.diff is None else [[op.op.value, op.text] for op in cell.diff]
                    ),
                    "diff_basis": cell.diff_basis,
                    "moved_to": cell.moved_to,
                    "link": cell.link,
                    **only_here_json(cell, translated=translated),
                }
                for cell in row.cells
            },
        }
        for row in comparison.rows
    ]


def render_json(comparison: Comparison) -> str:
    """The bytes of ``json.dumps(to_dict(comparison), ensure_ascii=False, indent=2)`` and a line
    break (``tests/test_json_writer.py`` holds them to it).

    The sentences and rows, nearly all of a report, are written straight from the comparison:
    building them as dicts first and walking those took 1.5-2.2 times as long on
    ``benchmarks/terminal_speed.py``'s 2×8,000 sentences (0.45-0.84 s against 0.21-0.55 s, side
    by side in one process at load 7-9).
    """
    sep = "," + _LEVEL[2]
    versions = sep.join(
        [
            _value(_version_head(version, _Written(_sentences_json(version))), _LEVEL[2])
            for version in comparison.versions
        ]
    )
    # The two long lists go in by one join, not through the encoder's concatenations, each of
    # which would copy them (the 8,000-row report is 11 MB).
    head = indented_json(
        _document(
            comparison,
            _Written(_VERSIONS),
            _Written(_ROWS) if comparison.rows else [],
            _links_json,
        )
    )
    before, after_versions = head.split(_VERSIONS)
    if not comparison.rows:
        return "".join([before, "[", _LEVEL[2], versions, _LEVEL[1], "]", after_versions, "\n"])
    middle, after = after_versions.split(_ROWS)
    return "".join(
        [
            before,
            "[",
            _LEVEL[2],
            versions,
            _LEVEL[1],
            "]",
            middle,
            _rows_json(comparison),
            after,
            "\n",
        ]
    )


#: Where the versions and rows go in the encoded document: a raw NUL is never in the encoder's
#: output, which escapes control characters.
_VERSIONS = "\x00versions\x00"
_ROWS = "\x00rows\x00"


#: The line break and indentation of each nesting level.
_LEVEL = ["\n" + "  " * depth for depth in range(8)]


class _Written(str):
    """JSON already written at its place in the document, which the encoder writes as it is."""


def _sentences_json(version: Version) -> str:
    """``version``'s ``sentences``, the list at depth 3 of the document, as :func:`_version`
    makes them."""
    if not version.sentences:
        return "[]"
    four, five = _LEVEL[4], _LEVEL[5]
    translations = version.translations
    items = [
        f'{{{five}"id": {s.id!r},{five}"text": {encode_basestring(s.text)},{five}"start": '
        f'{s.start!r},{five}"end": {s.end!r},{five}"paragraph": {s.paragraph!r}'
        + (
            ""
            if translations is None
            else f',{five}"translation": {_value(translations[s.id], five)}'
        )
        + f"{four}}}"
        for s in version.sentences
    ]
    sep = "," + four
    return f"[{four}{sep.join(items)}{_LEVEL[3]}]"


def _rows_json(comparison: Comparison) -> str:
    """The non-empty ``rows``, the list at depth 1, as :func:`_rows` makes them.

    Each row and cell is one f-string of its parts: written as concatenations, every ``+``
    copied the text built so far (on the 2×2,000 sentences of ``benchmarks/terminal_speed.py``
    the writer ran 249 M instructions that way, 231 M this way, counted by valgrind)."""
    two, three, four = _LEVEL[2:5]
    translated = _translated(comparison)
    cells_sep = "," + four
    items = []
    for row in comparison.rows:
        cells = (
            f"{{{four}{cells_sep.join([_cell_json(cell, translated) for cell in row.cells])}"
            f"{three}}}"
            if row.cells
            else "{}"
        )
        items.append(
            f'{{{three}"index": {row.index!r},{three}"status": {encode_basestring(row.status)}'
            f',{three}"similarity": {_rounded(row.similarity)},{three}"cells": {cells}{two}}}'
        )
    sep = "," + two
    return f"[{two}{sep.join(items)}{_LEVEL[1]}]"


def _cell_json(cell: Cell, translated: bool) -> str:
    """One cell of a row, the object at depth 4, keyed by its version."""
    four, five, six, seven = _LEVEL[4:8]
    if cell.diff is None:
        diff = "null"
    elif not cell.diff:
        diff = "[]"
    else:
        ops = ("," + six).join(
            [
                f"[{seven}{encode_basestring(op.op)},{seven}{encode_basestring(op.text)}{six}]"
                for op in cell.diff
            ]
        )
        diff = f"[{six}{ops}{five}]"
    basis = "null" if cell.diff_basis is None else encode_basestring(cell.diff_basis)
    moved_to = "null" if cell.moved_to is None else _value(cell.moved_to, five)
    link = "null" if cell.link is None else encode_basestring(cell.link)
    only_here = "".join(
        [f",{five}{key}: {_value(value, five)}" for key, value in _only_here(cell, translated)]
    )
    return (
        f'{encode_basestring(cell.version)}: {{{five}"sentences": '
        f'{_ids(cell.sentence_ids, five, six)},{five}"status": {encode_basestring(cell.status)}'
        f',{five}"similarity": {_rounded(cell.similarity)},{five}"diff": {diff}'
        f',{five}"diff_basis": {basis},{five}"moved_to": {moved_to},{five}"link": {link}'
        f"{only_here}{four}}}"
    )


def _only_here(cell: Cell, translated: bool) -> list[tuple[str, Any]]:
    found = only_here_json(cell, translated=translated)
    return [(encode_basestring(key), value) for key, value in found.items()]


def _rounded(similarity: float | None) -> str:
    """A similarity as the rows hold it, rounded to 4 places."""
    if similarity is None:
        return "null"
    value = round(similarity, 4)
    finite = type(value) is float and -_INFINITY < value < _INFINITY
    return float.__repr__(value) if finite else _value(value, "")


def _links_json(pair: PairAlignment) -> Any:
    """A pair's ``links``, the list at depth 3, as :func:`links_json` makes them."""
    links = pair.all_links()
    if not links:
        return []
    four, five, six = _LEVEL[4:7]
    items = [
        f'{{{five}"pivot": {_ids(link.pivot, five, six)},{five}"other": '
        f'{_ids(link.other, five, six)},{five}"score": '
        f"{_rounded(min(max(link.score, 0.0), 1.0))},"
        f'{five}"kind": {encode_basestring(link.kind)}{four}}}'
        for link in links
    ]
    return _Written("[" + four + ("," + four).join(items) + _LEVEL[3] + "]")


def _ids(ids: Sequence[int], indent: str, inner: str) -> str:
    """A list of sentence ids whose closing bracket is at ``indent``, its items at ``inner``."""
    if len(ids) == 1:  # most cells and links: one sentence
        return f"[{inner}{ids[0]!r}{indent}]"
    return "[" + inner + ("," + inner).join([repr(i) for i in ids]) + indent + "]" if ids else "[]"


def indented_json(value: Any) -> str:
    """The bytes of ``json.dumps(value, ensure_ascii=False, indent=2)``, in a fifth of its time.

    The standard library's indented encoder is pure Python, one generator step per value (its C
    encoder cannot indent): at 8,000 rows of ``benchmarks/terminal_speed.py`` it took 0.70 s of
    a 5 s run. Here each container is one ``join``, strings go through the same C escaping
    function, and the values most of a report holds (strings, ``null``, small integers) and the
    keys (a few dozen names, written again in every row) are written without a call each.
    """
    return _value(value, "\n")


class _Keys(dict[str, str]):
    """``"key": `` for each key met, escaped the first time only."""

    def __missing__(self, key: str) -> str:
        encoded = self[key] = encode_basestring(key) + ": "
        return encoded


def _value(value: Any, indent: str) -> str:
    """``value`` at the nesting level whose line break and indentation is ``indent``."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    if kind is float and -_INFINITY < value < _INFINITY:
        return float.__repr__(value)
    if kind is dict:
        return _dict(value, indent, _Keys()) if value else "{}"
    if kind is list or kind is tuple:
        return _list(value, indent, _Keys()) if value else "[]"
    return _scalar(value, indent)


def _dict(value: dict[Any, Any], indent: str, keys: _Keys) -> str:
    """A non-empty dict; strings and ``null`` inline, containers recursively with ``keys``."""
    inner = indent + "  "
    items = [
        keys[key]
        + (
            encode_basestring(item)
            if type(item) is str
            else "null"
            if item is None
            else _dict(item, inner, keys)
            if type(item) is dict and item
            else _list(item, inner, keys)
            if type(item) is list and item
            else _value(item, inner)
        )
        for key, item in value.items()
    ]
    return "{" + inner + ("," + inner).join(items) + indent + "}"


def _list(value: list[Any] | tuple[Any, ...], indent: str, keys: _Keys) -> str:
    """A non-empty list or tuple, as :func:`_dict` writes its values."""
    inner = indent + "  "
    items = [
        encode_basestring(item)
        if type(item) is str
        else _dict(item, inner, keys)
        if type(item) is dict and item
        else _list(item, inner, keys)
        if type(item) is list and item
        else _value(item, inner)
        for item in value
    ]
    return "[" + inner + ("," + inner).join(items) + indent + "]"


def _scalar(value: Any, indent: str) -> str:
    """What the standard encoder does with the rest, in its order: str and int subclasses
    (enums) by value, floats by ``repr`` (NaN and infinities as JavaScript names); what
    :func:`render_json` wrote already as it is."""
    if type(value) is _Written:
        return value
    if isinstance(value, str):
        return encode_basestring(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (_INFINITY, -_INFINITY):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if isinstance(value, dict):
        return _value(dict(value), indent)
    if isinstance(value, (list, tuple)):
        return _value(list(value), indent)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
