"""What a reader of two accounts sees beside each sentence: whether it has a counterpart, how
sure that is, where the sentence stands in its own text, and whether the other side reports it
out of order."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from align_support import WordHashEncoder
from rich.console import Console

from stmtdiff.adapters.ingest.subjects import load_subject_table
from stmtdiff.core.align.pairalign import Evidence
from stmtdiff.core.compare.compare import account_mark, compare
from stmtdiff.core.compare.summary import PairSummary, summarize
from stmtdiff.core.model import Comparison, LinkKind
from stmtdiff.core.text.versions import version_from_sentences
from stmtdiff.frontends.report.html import render_html
from stmtdiff.frontends.report.jsonout import to_dict
from stmtdiff.frontends.report.markdown import render_markdown
from stmtdiff.frontends.report.terminal import render_terminal

#: A news agency's account of talks, written for these tests.
TASS = [
    "The sides signed an agreement on energy supplies.",
    "Trade grew by ten percent over the year.",
    "The talks were held in a warm atmosphere.",
    "The ministers discussed visas for students.",
]
#: The other side's account: it reports the energy agreement last and says nothing of visas.
XINHUA = [
    "Trade grew by ten percent over the year.",
    "The talks were held in a warm atmosphere.",
    "Both leaders praised the new bridge over the Amur.",
    "An agreement on energy supplies was signed by the sides.",
]


@pytest.fixture(scope="module")
def talks() -> Comparison:
    return compare(
        [
            version_from_sentences("tass", TASS, lang="en"),
            version_from_sentences("xinhua", XINHUA, lang="en"),
        ],
        evidence=Evidence(encoder=WordHashEncoder),
        readouts=True,
    )


def mark_of(comparison: Comparison, version_id: str, sentence: int) -> str | None:
    row = next(r for r in comparison.rows if sentence in r.cell(version_id).sentence_ids)
    return account_mark(comparison.version(version_id), row.cell(version_id))


def test_the_pivots_sentence_no_account_reports_is_labelled_as_one_sides_only(
    talks: Comparison,
) -> None:
    assert mark_of(talks, "tass", 3) == "only this version reports it · its sentence 4 of 4"


def test_the_pivots_one_side_only_cell_is_alone_in_json_terms(talks: Comparison) -> None:
    row = next(r for r in talks.rows if r.cell("tass").sentence_ids == [3])
    assert row.cell("tass").link is LinkKind.ALONE


def test_a_counterpart_reported_out_of_order_is_marked_so(talks: Comparison) -> None:
    mark = mark_of(talks, "xinhua", 3)
    assert mark is not None and "↕ out of order: its sentence 4 of 4" in mark


def test_counterparts_in_their_texts_order_carry_no_out_of_order_mark(
    talks: Comparison,
) -> None:
    marks = [mark_of(talks, "xinhua", sentence) for sentence in (0, 1)]
    assert all(mark is not None and "out of order" not in mark for mark in marks)


def test_a_one_side_only_sentence_is_never_out_of_order(talks: Comparison) -> None:
    assert mark_of(talks, "xinhua", 2) == "only this version reports it · its sentence 3 of 4"


def test_a_cell_of_several_sentences_names_them_in_the_plural() -> None:
    pivot = version_from_sentences("tass", ["The sides signed a deal on gas and oil."], lang="en")
    other = version_from_sentences(
        "xinhua", ["The sides signed a deal on gas.", "And oil."], lang="en"
    )
    result = compare([pivot, other], evidence=Evidence(encoder=WordHashEncoder), readouts=True)
    cell = result.rows[0].cell("xinhua")
    assert (cell.sentence_ids, account_mark(other, cell)) == (
        [0, 1],
        f"counterpart {cell.similarity:.2f} · its sentences 1, 2 of 2",
    )


def test_the_summary_words_say_which_shared_facts_to_check() -> None:
    pair = PairSummary("tass", "xinhua", 5, {}, None, possible=2)
    assert pair.both_words == " facts (2 of them possible links, to check)"


def test_versions_of_one_text_have_no_possible_count_in_json() -> None:
    versions = [
        version_from_sentences("a", ["The sides met in Moscow."], lang="en"),
        version_from_sentences("b", ["The sides met in Kazan."], lang="en"),
    ]
    comparison = compare(versions)
    summarised = replace(comparison, who_said_what=summarize(comparison, load_subject_table([])))
    (entry,) = to_dict(summarised)["summary"]["who_said_what"]
    assert "possible" not in entry


def test_the_terminal_says_accounts_are_matched_fact_by_fact(talks: Comparison) -> None:
    out = io.StringIO()
    render_terminal(talks, Console(file=out, width=160, color_system=None))
    assert "xinhua: aligned by readouts, matched fact by fact; mean link score" in out.getvalue()


def test_markdown_of_accounts_without_word_diffs_does_not_explain_struck_words() -> None:
    pivot = version_from_sentences("tass", ["The sides signed a deal on gas."], lang="en")
    other = version_from_sentences("xinhua", ["A gas deal was signed by both sides."], lang="en")
    result = compare([pivot, other], evidence=Evidence(encoder=WordHashEncoder), readouts=True)
    assert "~~deleted~~" not in render_markdown(result)


def test_html_shows_each_accounts_link_whether_or_not_translations_are(
    talks: Comparison,
) -> None:
    # The translation lines hide until the reader asks for them; a link's mark must not.
    page = render_html(talks)
    assert '<div class="lk">only this version reports it · its sentence 4 of 4</div>' in page
