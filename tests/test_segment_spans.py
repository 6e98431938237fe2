"""Segmentation invariants: exact spans, paragraphs, other languages, real readouts, any input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stmtdiff.core.model import Sentence
from stmtdiff.core.text.segment import paragraph_spans, segment

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
INVISIBLE = "\ufeff\u200b\u2060"
#: A list marker standing alone; a sentence must never be only this.
LONE_MARKER = re.compile(
    r"\(?\d{1,3}[.)．]|[(（][\d一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
    r"|[IVX]{1,5}\.|\(?[a-zа-я]\)"
)


def assert_well_formed(text: str, sentences: list[Sentence]) -> None:
    """Spans exact, stripped, in order, not overlapping, covering every visible character."""
    assert [s.id for s in sentences] == list(range(len(sentences)))
    covered = [False] * len(text)
    previous_end = 0
    previous_paragraph = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text and not is_blank(s.text[0]) and not is_blank(s.text[-1])
        assert s.start >= previous_end
        assert s.paragraph >= previous_paragraph
        previous_end, previous_paragraph = s.end, s.paragraph
        covered[s.start : s.end] = [True] * (s.end - s.start)
    uncovered = {c for c, hit in zip(text, covered, strict=True) if not hit}
    assert all(is_blank(c) for c in uncovered)


def is_blank(char: str) -> bool:
    return char.isspace() or char in INVISIBLE


# --- paragraphs -----------------------------------------------------------------------------


def test_each_line_is_a_paragraph() -> None:
    text = "Joint Statement\nThe sides met. They agreed.\nThe visit ended."
    assert [(s.text, s.paragraph) for s in segment(text, "en")] == [
        ("Joint Statement", 0),
        ("The sides met.", 1),
        ("They agreed.", 1),
        ("The visit ended.", 2),
    ]


def test_blank_lines_do_not_count_as_paragraphs() -> None:
    text = "Первый абзац.\n\n\n  \nВторой абзац."
    assert [s.paragraph for s in segment(text, "ru")] == [0, 1]


def test_crlf_and_lone_carriage_return_separate_paragraphs() -> None:
    text = "第一段。\r\n第二段。\r第三段。"
    assert [(s.text, s.paragraph) for s in segment(text, "zh")] == [
        ("第一段。", 0),
        ("第二段。", 1),
        ("第三段。", 2),
    ]


def test_paragraph_spans_exclude_surrounding_blanks() -> None:
    text = "\ufeff  Заголовок \r\n\tПервый абзац.\u3000\n"
    spans = paragraph_spans(text)
    assert [text[a:b] for a, b in spans] == ["Заголовок", "Первый абзац."]


def test_marker_alone_on_a_line_joins_the_next_line() -> None:
    text = "12.\nThe sides will hold regular consultations."
    assert [(s.text, s.paragraph) for s in segment(text, "en")] == [
        ("12.\nThe sides will hold regular consultations.", 0)
    ]


def test_chinese_marker_alone_on_a_line_joins_the_next_line() -> None:
    text = "双方一致同意：\n（二）\n\n扩大贸易规模。"
    assert [s.text for s in segment(text, "zh")] == ["双方一致同意：", "（二）\n\n扩大贸易规模。"]


def test_marker_on_the_last_line_is_kept() -> None:
    assert [s.text for s in segment("The sides agreed.\n3.\n", "en")] == [
        "The sides agreed.",
        "3.",
    ]


def test_offsets_count_the_byte_order_mark() -> None:
    sentences = segment("\ufeffСтороны провели переговоры.", "ru")
    assert (sentences[0].start, sentences[0].end) == (1, 28)


def test_empty_and_blank_texts_have_no_sentences() -> None:
    assert segment("", "en") == []
    assert segment(" \r\n\t\u3000\ufeff", "zh") == []


# --- languages without rules of their own -------------------------------------------------------

FALLBACK = [
    pytest.param(
        "de",
        "Am 16. Mai 2024 trafen sich die Präsidenten in Peking. Sie sprachen z. B. über Handel.",
        [
            "Am 16. Mai 2024 trafen sich die Präsidenten in Peking.",
            "Sie sprachen z. B. über Handel.",
        ],
        id="de-ordinal-date-and-zb",
    ),
    pytest.param(
        "fr",
        "M. Macron a rencontré M. Xi le 6 mai. Le texte, notamment l'art. 3, porte sur "
        "le commerce.",
        [
            "M. Macron a rencontré M. Xi le 6 mai.",
            "Le texte, notamment l'art. 3, porte sur le commerce.",
        ],
        id="fr-monsieur-and-article",
    ),
    pytest.param(
        "uk",
        "Угоду підписано у 2024 р. Переговори пройшли в Києві. У 2024 р. Україна отримала 3,5 млрд "
        "дол. США.",
        [
            "Угоду підписано у 2024 р.",
            "Переговори пройшли в Києві.",
            "У 2024 р. Україна отримала 3,5 млрд дол. США.",
        ],
        id="uk-year-abbreviation-and-dollars",
    ),
    pytest.param(
        "ja",
        "両国首脳は会談した。「協力を深める。」と述べた。共同声明に署名した！",
        ["両国首脳は会談した。", "「協力を深める。」と述べた。", "共同声明に署名した！"],
        id="ja-quotation-particle",
    ),
    pytest.param(
        "hi",
        "दोनों नेताओं ने बातचीत की। उन्होंने संयुक्त बयान जारी किया।",
        ["दोनों नेताओं ने बातचीत की।", "उन्होंने संयुक्त बयान जारी किया।"],
        id="hi-danda-from-the-library",
    ),
    pytest.param(
        "zh-Hans",
        "双方同意。“好的。”然后离开。",
        ["双方同意。", "“好的。”", "然后离开。"],
        id="region-subtag-is-ignored",
    ),
    pytest.param(
        "EN_us",
        "Mr. Wang met the U.S. envoy. They talked.",
        ["Mr. Wang met the U.S. envoy.", "They talked."],
        id="language-code-case-and-underscore",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FALLBACK)
def test_other_languages(lang: str, text: str, expected: list[str]) -> None:
    assert [s.text for s in segment(text, lang)] == expected


# --- real readouts --------------------------------------------------------------------------


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []


@pytest.mark.shared
@pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_readouts_segment_into_exact_spans_and_no_lone_markers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    sentences = segment(text, path.name[:2])
    assert_well_formed(text, sentences)
    assert not [s.text for s in sentences if LONE_MARKER.fullmatch(s.text)]


# --- any input ------------------------------------------------------------------------------

LANGS = st.sampled_from(["en", "ru", "zh", "uk", "de", "ja", "", "xx-YY"])
# fmt: off
STATEMENT_PIECES = [
    "Mr.", "U.S.", "p.m.", "No.", "т.д.", "т. е.", "г.", "гг.", "долл.", "В.В.", "2024",
    "1.", "12.", "2)", "(3)", "а)", "一、", "（二）", "II.", "3.5%", "2,5", "...", "…", "……",
    "。", "！", "？", "；", "”", "“", "«", "»", "„", "「", "」", "(", ")", ".", "?!", "—",
    " ", " ", "\n", "\r\n", "\r", "\t", "\u3000", "\u00a0", "\ufeff", "\u2028",
    "The", "sides", "Стороны", "договорились", "双方", "同意", "G20", "kremlin.ru", "Путин",
]
# fmt: on


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(STATEMENT_PIECES), max_size=40).map("".join), LANGS)
def test_statement_like_text_is_well_formed(text: str, lang: str) -> None:
    assert_well_formed(text, segment(text, lang))


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=[])), LANGS)
def test_any_unicode_is_well_formed(text: str, lang: str) -> None:
    assert_well_formed(text, segment(text, lang))


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_lone_surrogate_is_kept_and_does_not_crash(lang: str) -> None:
    text = "The sides\ud800 met. They agreed."
    assert [s.text for s in segment(text, lang)] == ["The sides\ud800 met.", "They agreed."]


def test_sentences_are_trimmed_of_every_space_python_knows_and_the_invisible_marks() -> None:
    from stmtdiff.core.text import segment as module

    spaces = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
    assert spaces + INVISIBLE == module._BLANK
    text = f"{spaces}{INVISIBLE}Стороны провели переговоры.\u3000\u2060"
    assert [s.text for s in segment(text, "ru")] == ["Стороны провели переговоры."]


# --- paragraphs the library is not asked about ------------------------------------------------

ALIGNGOLD = CORPUS.parent / "aligngold"


def _asked(para: str, lang: str) -> list[tuple[int, int]]:
    """The spans of ``para`` with the library asked, as every paragraph was before."""
    from stmtdiff.core.text import segment as module

    rules = module._RULES.get(lang, module._DEFAULT_RULES)
    ours = [
        (r.start(), r.end()) for r in module._RUN.finditer(para) if module._is_candidate(para, r)
    ]
    return module._split_with_library(para, lang, rules, ours)


def _split(para: str, lang: str) -> list[tuple[int, int]]:
    from stmtdiff.core.text import segment as module

    return module._split(para, lang, module._RULES.get(lang, module._DEFAULT_RULES))


@pytest.mark.parametrize(
    ("lang", "para"),
    [
        ("en", "The ministers note trade, which reached 155 billion U.S. dollars (paragraph 4)."),
        ("en", "The Parties: Russia and China (both permanent members) - agree"),
        ("ru", "Стороны отметили рост товарооборота на 25% (пункт 3)."),
        ("ru", "Положение в Ливии (22 февраля 2011 года; 12 мая 2015 года)"),
        ("zh", "双方同意加强合作，推动两国关系发展。"),
        ("de", 'Foto Markus Stähet "'),
        ("fr", "Photo : Markus Stähet « à Paris »"),
        ("ru", "Итоги: рост 5% :) и план на 2025 год."),
        ("uk", "Пункти 1 2)  3 та 4"),
        ("ja", "双方 6) 合意"),
    ],
)
def test_a_paragraph_splits_as_the_library_says_whether_or_not_it_is_asked(
    lang: str, para: str
) -> None:
    assert _split(para, lang) == _asked(para, lang)


PLAIN_PIECES = [
    "The", "sides", "Стороны", "договорились", "双方", "同意", "2024", "25%", "(3)", "а)",
    ",", ":", ";", "-", " ", "  ", ".", "!", "?", "。", "…", "(", ")", "2)", ":)", "”", "»", '"',
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PLAIN_PIECES), min_size=1, max_size=30).map("".join), LANGS)
def test_a_plain_paragraph_splits_as_the_library_says(text: str, lang: str) -> None:
    para = text.strip()
    if para:
        base = lang.split("-")[0].lower()
        assert _split(para, base) == _asked(para, base)


@pytest.mark.shared
@pytest.mark.skipif(not ALIGNGOLD.is_dir(), reason="../shared/aligngold is absent")
def test_every_real_paragraph_splits_as_the_library_says() -> None:
    from stmtdiff.core.text.segment import paragraph_spans

    checked = 0
    for path in sorted([*corpus_files(), *ALIGNGOLD.rglob("*")]):
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        lang = (
            "ru"
            if re.search("[а-я]", text[:2000])
            else "zh"
            if re.search("[一-龥]", text[:2000])
            else "en"
        )
        for start, end in paragraph_spans(text):
            para = text[start:end]
            if len(para) <= 1_000:
                assert _split(para, lang) == _asked(para, lang), para
                checked += 1
    assert checked > 10_000
