"""Linked sentences of two accounts are compared for meaning: what one side says that the other
has no counterpart for (a clause, a number, a name), not word by word. And versions in one
language that share little are warned about and not paired sentence by sentence."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from align_support import WordHashEncoder
from rich.console import Console

from stmtdiff.adapters.ingest.subjects import load_subject_table
from stmtdiff.adapters.offline import offline_evidence
from stmtdiff.core.align.pairalign import Evidence
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.compare.meaning import fact_spans
from stmtdiff.core.compare.subjects import SubjectTable, subject
from stmtdiff.core.compare.summary import summarize
from stmtdiff.core.model import Cell, Comparison, LinkKind, OnlyHere, OnlyKind, Row, Status
from stmtdiff.core.text.versions import version_from_sentences
from stmtdiff.core.view.onlyhere import LEGEND, shown_only_here
from stmtdiff.frontends.report.html import render_html
from stmtdiff.frontends.report.jsonout import to_dict
from stmtdiff.frontends.report.markdown import render_markdown
from stmtdiff.frontends.report.terminal import render_terminal
from stmtdiff.frontends.tui.state import Span, ViewState

#: A Kremlin-style readout of a call, written for these tests.
KREMLIN = [
    "Состоялся телефонный разговор Владимира Путина с Председателем КНР Си Цзиньпином.",
    "Владимир Путин проинформировал собеседника о российско-американских контактах, а также "
    "пригласил его посетить Казань в октябре на саммит БРИКС.",
    "Товарооборот между двумя странами в прошлом году превысил 240 миллиардов долларов.",
    "Лидеры обсудили ситуацию на Украине и в секторе Газа.",
    "Разговор носил тёплый и дружеский характер.",
]
#: Xinhua's account of the same call, written for these tests.
XINHUA = [
    "国家主席习近平应约同俄罗斯总统普京通电话。",
    "普京介绍了俄美接触的最新情况。",
    "去年两国贸易额超过2000亿美元。",
    "双方就乌克兰问题交换了意见。",
    "双方同意继续保持密切沟通。",
]


@pytest.fixture(scope="module")
def call() -> Comparison:
    """The two accounts compared with the offline encoder and the shipped subject table."""
    return compare(
        [
            version_from_sentences("kremlin", KREMLIN, lang="ru"),
            version_from_sentences("xinhua", XINHUA, lang="zh"),
        ],
        evidence=offline_evidence(),
        readouts=True,
        subjects=load_subject_table([]),
    )


def row_of(comparison: Comparison, pivot_sentence: int) -> Row:
    return next(r for r in comparison.rows if r.cells[0].sentence_ids == [pivot_sentence])


def only(cell: Cell) -> set[tuple[str, OnlyKind, str]]:
    return {(s.side, s.kind, s.text) for s in cell.only_here}


def test_a_clause_only_one_account_has_is_marked_on_its_side(call: Comparison) -> None:
    cell = row_of(call, 1).cell("xinhua")
    assert cell.sentence_ids == [1]
    clause = "а также пригласил его посетить Казань в октябре на саммит БРИКС."
    assert only(cell) == {("pivot", OnlyKind.CLAUSE, clause)}


def test_a_number_each_account_gives_differently_is_marked_on_both_sides(
    call: Comparison,
) -> None:
    cell = row_of(call, 2).cell("xinhua")
    assert only(cell) == {
        ("pivot", OnlyKind.NUMBER, "240 миллиардов"),
        ("other", OnlyKind.NUMBER, "2000亿"),
    }


def test_a_name_only_one_account_names_is_marked(call: Comparison) -> None:
    cell = row_of(call, 3).cell("xinhua")
    assert cell.sentence_ids == [3]
    assert only(cell) == {("pivot", OnlyKind.NAME, "секторе Газа")}


def test_a_span_indexes_its_sides_cell_text(call: Comparison) -> None:
    span = row_of(call, 2).cell("xinhua").only_here[0]
    assert KREMLIN[2][span.start : span.end] == span.text


def test_a_linked_pair_worded_differently_has_no_word_diff(call: Comparison) -> None:
    row = row_of(call, 2)
    assert row.status is Status.CHANGED
    assert row.cell("xinhua").diff is None


def test_a_weak_link_stays_possible_whatever_one_side_alone_says(call: Comparison) -> None:
    cell = row_of(call, 1).cell("xinhua")
    assert cell.link == "possible" and cell.only_here
    assert cell.status is Status.POSSIBLE


def test_a_linked_pair_saying_nothing_the_other_lacks_is_matched() -> None:
    pivot = version_from_sentences(
        "tass", ["The sides signed an agreement on energy.", "Talks lasted three hours."], lang="en"
    )
    other = version_from_sentences(
        "xinhua", ["An energy agreement was signed by the sides.", "Weather was fine."], lang="en"
    )
    result = compare([pivot, other], evidence=Evidence(encoder=WordHashEncoder), readouts=True)
    cell = row_of(result, 0).cell("xinhua")
    assert (cell.sentence_ids, cell.status, cell.only_here) == ([0], Status.MATCHED, ())


def test_accounts_worded_alike_keep_their_word_diff() -> None:
    pivot = version_from_sentences(
        "tass", ["The sides firmly condemn terrorism.", "Talks lasted three hours."], lang="en"
    )
    other = version_from_sentences(
        "xinhua", ["Weather was fine.", "The sides condemn terrorism."], lang="en"
    )
    result = compare([pivot, other], evidence=Evidence(encoder=WordHashEncoder), readouts=True)
    cell = row_of(result, 0).cell("xinhua")
    assert cell.status is Status.CHANGED and cell.only_here == ()
    assert cell.diff is not None and ("delete", "firmly ") in [(o.op, o.text) for o in cell.diff]


def test_long_sentences_are_cut_into_fact_sized_spans() -> None:
    text = "习近平强调，乌克兰危机全面升级之初，我就提出了解决危机的基本主张。"
    assert [text[a:b] for a, b in fact_spans(text, "zh")] == [
        "习近平强调，乌克兰危机全面升级之初",
        "我就提出了解决危机的基本主张",
    ]


def test_subjects_are_found_with_their_places() -> None:
    table = SubjectTable([subject("kazan", "place", {"ru": ["Казан*"], "zh": ["喀山"]})])
    assert [(s.id, a, b) for s, a, b in table.places("Саммит пройдёт в Казани.")] == [
        ("kazan", 17, 23)
    ]


def test_the_pivot_shows_what_no_other_account_has() -> None:
    """With two other accounts, the pivot highlights only what neither of them reports."""
    kazan = OnlyHere("pivot", OnlyKind.NAME, 0, 6, "Kazan.")
    brics = OnlyHere("pivot", OnlyKind.NAME, 7, 12, "BRICS")
    row = Row(
        0,
        [
            Cell("kremlin", [0], Status.IDENTICAL),
            Cell("xinhua", [0], Status.CHANGED, link=LinkKind.FIRM, only_here=(kazan, brics)),
            Cell("tass", [0], Status.CHANGED, link=LinkKind.FIRM, only_here=(kazan,)),
        ],
        Status.CHANGED,
    )
    assert shown_only_here(row, "kremlin", "kremlin") == (kazan,)


def test_terminal_brackets_what_one_side_alone_says_and_prints_the_legend(
    call: Comparison,
) -> None:
    out = io.StringIO()
    render_terminal(call, Console(file=out, width=200, color_system=None))
    text = out.getvalue()
    assert "⟦240 миллиардов⟧" in text and "⟦2000亿⟧" in text
    assert "[-" not in text
    assert LEGEND in " ".join(text.split())


def test_terminal_prints_no_highlight_legend_when_nothing_is_highlighted() -> None:
    versions = [
        version_from_sentences("a", ["The sides met in Moscow."], lang="en"),
        version_from_sentences("b", ["The sides met in Kazan."], lang="en"),
    ]
    out = io.StringIO()
    render_terminal(compare(versions), Console(file=out, width=200, color_system=None))
    assert "⟦" not in out.getvalue()


def test_html_marks_what_one_side_alone_says_by_kind(call: Comparison) -> None:
    page = render_html(call)
    assert '<mark class="only only-number"' in page and ">2000亿</mark>" in page
    assert LEGEND in page


def test_markdown_marks_what_one_side_alone_says(call: Comparison) -> None:
    assert "<mark>2000亿</mark>" in render_markdown(call)


def test_json_lists_what_one_side_alone_says_for_accounts_only(call: Comparison) -> None:
    cell = json.loads(json.dumps(to_dict(call)))["rows"][row_of(call, 2).index]["cells"]["xinhua"]
    assert {"side": "other", "kind": "number", "text": "2000亿"}.items() <= next(
        s for s in cell["only_here"] if s["side"] == "other"
    ).items()


def test_json_of_versions_of_one_text_has_no_only_here() -> None:
    versions = [
        version_from_sentences("a", ["The sides met in Moscow."], lang="en"),
        version_from_sentences("b", ["The sides met in Kazan."], lang="en"),
    ]
    cells = to_dict(compare(versions))["rows"][0]["cells"]
    assert "only_here" not in cells["b"]


def test_the_tui_highlights_what_one_side_alone_says(call: Comparison) -> None:
    row = row_of(call, 2)
    pieces = ViewState(call).pieces(row, row.cell("xinhua"))
    assert [p.text for p in pieces if p.span is Span.ONLY] == ["2000亿"]


#: Two unrelated English texts of about one length: a Russia-India meeting and a China-UN one.
INDIA = [
    "The President of Russia held talks with the Prime Minister of India in Moscow.",
    "The two leaders discussed trade in energy and the supply of fertilisers.",
    "They agreed to expand payments in national currencies.",
    "The sides signed an agreement on cooperation in nuclear power.",
    "The Prime Minister invited the President to visit New Delhi next year.",
]
UN = [
    "The Foreign Minister of China met the Secretary-General of the United Nations in New York.",
    "The meeting focused on climate finance for developing countries.",
    "China pledged additional funds for the Global Development Initiative.",
    "The Secretary-General thanked China for its support of peacekeeping missions.",
    "Both called for reform of the Security Council.",
]


def unrelated() -> Comparison:
    return compare(
        [
            version_from_sentences("india", INDIA, lang="en"),
            version_from_sentences("un", UN, lang="en"),
        ],
        evidence=Evidence(encoder=WordHashEncoder),
    )


def test_same_language_texts_that_share_little_are_warned_about() -> None:
    warning = unrelated().alignments[0].warning
    assert warning is not None and "share little" in warning


def test_same_language_texts_that_share_little_pair_no_sentences() -> None:
    statuses = {row.status for row in unrelated().rows}
    assert statuses == {Status.MISSING, Status.EXTRA}


def test_versions_of_one_text_are_not_warned_about() -> None:
    edited = [*INDIA[:2], "They agreed to widen payments in national currencies.", *INDIA[3:]]
    result = compare(
        [
            version_from_sentences("india", INDIA, lang="en"),
            version_from_sentences("edited", edited, lang="en"),
        ],
        evidence=Evidence(encoder=WordHashEncoder),
    )
    assert result.alignments[0].warning is None
    assert [row.status for row in result.rows].count(Status.CHANGED) == 1


#: English translations of the two accounts, written for these tests, one line per sentence.
KREMLIN_EN = [
    "A telephone conversation took place between Vladimir Putin and President of China Xi Jinping.",
    "Vladimir Putin informed his counterpart about the Russian-American contacts, and also "
    "invited him to visit Kazan in October for the BRICS summit.",
    "Trade between the two countries exceeded 240 billion dollars last year.",
    "The leaders discussed the situation in Ukraine and in the Gaza Strip.",
    "The conversation was warm and friendly.",
]
XINHUA_EN = [
    "President Xi Jinping held a phone call with Russian President Putin at his request.",
    "Putin briefed on the latest developments in Russia-US contacts.",
    "Trade between the two countries exceeded 200 billion dollars last year.",
    "The two sides exchanged views on the Ukraine issue.",
    "The two sides agreed to keep in close communication.",
]


def translated_call(
    kremlin_en: list[str | None] | None, xinhua_en: list[str | None] | None
) -> Comparison:
    """The two accounts, each with its English translation when given."""
    versions = [
        replace(
            version_from_sentences(vid, texts, lang=lang),
            translations=english,
            translation_lang=None if english is None else "en",
        )
        for vid, texts, lang, english in (
            ("kremlin", KREMLIN, "ru", kremlin_en),
            ("xinhua", XINHUA, "zh", xinhua_en),
        )
    ]
    return compare(
        versions, evidence=offline_evidence(), readouts=True, subjects=load_subject_table([])
    )


@pytest.fixture(scope="module")
def call_en() -> Comparison:
    return translated_call(list(KREMLIN_EN), list(XINHUA_EN))


def translation_only(cell: Cell) -> set[tuple[str, OnlyKind, str]]:
    return {(s.side, s.kind, s.text) for s in cell.translation_only_here}


def test_a_clause_only_one_account_has_is_marked_on_its_translation_too(
    call_en: Comparison,
) -> None:
    clause = "and also invited him to visit Kazan in October for the BRICS summit."
    cell = row_of(call_en, 1).cell("xinhua")
    assert translation_only(cell) == {("pivot", OnlyKind.CLAUSE, clause)}


def test_numbers_each_account_gives_differently_are_marked_on_both_translations(
    call_en: Comparison,
) -> None:
    assert translation_only(row_of(call_en, 2).cell("xinhua")) == {
        ("pivot", OnlyKind.NUMBER, "240 billion"),
        ("other", OnlyKind.NUMBER, "200 billion"),
    }


def test_a_translation_span_indexes_its_sides_cell_translation(call_en: Comparison) -> None:
    cell = row_of(call_en, 3).cell("xinhua")
    (span,) = cell.translation_only_here
    assert (span.side, KREMLIN_EN[3][span.start : span.end]) == ("pivot", "Gaza")


def test_translation_marks_leave_the_status_to_the_originals(
    call: Comparison, call_en: Comparison
) -> None:
    assert [r.status for r in call_en.rows] == [r.status for r in call.rows]


def test_a_side_without_translation_has_no_translation_marks() -> None:
    # Xinhua's English is read against the Kremlin's Russian original, which shows no line.
    cell = row_of(translated_call(None, list(XINHUA_EN)), 2).cell("xinhua")
    assert translation_only(cell) == {("other", OnlyKind.NUMBER, "200 billion")}


def test_a_translation_with_a_gap_is_not_marked() -> None:
    # The missing sentence would otherwise read as a clause the other side lacks.
    english: list[str | None] = list(KREMLIN_EN)
    english[2] = None
    cell = row_of(translated_call(english, list(XINHUA_EN)), 2).cell("xinhua")
    assert cell.only_here and cell.translation_only_here == ()


def test_terminal_brackets_what_one_side_alone_says_on_translation_lines(
    call_en: Comparison,
) -> None:
    out = io.StringIO()
    console = Console(file=out, width=240, color_system=None)
    render_terminal(call_en, console, show_translation=True)
    text = out.getvalue()
    assert "exceeded ⟦240 billion⟧ dollars" in text and "exceeded ⟦200 billion⟧ dollars" in text


def test_html_marks_what_one_side_alone_says_on_translation_lines(call_en: Comparison) -> None:
    page = render_html(call_en)
    assert '<div class="tr" lang="en">Trade between the two countries exceeded <mark' in page
    assert ">200 billion</mark> dollars last year.</div>" in page


def test_json_lists_what_one_side_alone_says_on_translations(call_en: Comparison) -> None:
    cells = to_dict(call_en)["rows"][row_of(call_en, 2).index]["cells"]
    found = {(s["side"], s["text"]) for s in cells["xinhua"]["translation_only_here"]}
    assert found == {("pivot", "240 billion"), ("other", "200 billion")}


def test_json_of_accounts_without_translations_has_no_translation_only_here(
    call: Comparison,
) -> None:
    cells = to_dict(call)["rows"][row_of(call, 2).index]["cells"]
    assert "only_here" in cells["xinhua"] and "translation_only_here" not in cells["xinhua"]


def test_the_tui_highlights_what_one_side_alone_says_in_translations(
    call_en: Comparison,
) -> None:
    row = row_of(call_en, 2)
    state = ViewState(call_en)
    state.toggle_translations()
    pieces = state.pieces(row, row.cell("xinhua"))
    assert [p.text for p in pieces if p.span is Span.ONLY] == ["200 billion"]


def test_the_summary_counts_the_shared_facts_that_are_only_possible_links(
    call: Comparison,
) -> None:
    pair = summarize(call, load_subject_table([])).pairs[0]
    assert (pair.both, pair.possible) == (5, 3)


def test_translations_left_blank_are_not_read_for_marks() -> None:
    cell = row_of(translated_call(list(KREMLIN_EN), [""] * len(XINHUA)), 2).cell("xinhua")
    assert cell.only_here and cell.translation_only_here == ()


def test_a_cell_whose_translation_stands_in_another_row_is_not_marked() -> None:
    # A whole-text translation aligned to the sentences gives a group's translation to its
    # first sentence and leaves the others blank.
    english: list[str | None] = list(KREMLIN_EN)
    english[2] = ""
    cell = row_of(translated_call(english, list(XINHUA_EN)), 2).cell("xinhua")
    assert cell.only_here and cell.translation_only_here == ()
