"""The Markdown report, read back through a CommonMark renderer with GitHub's tables and strikes."""

from __future__ import annotations

import re
from typing import Any

import html5lib
from markdown_it import MarkdownIt
from reportkit import BEIJING, MOSCOW, joint_comparison

from stmtdiff.core.compare.compare import compare
from stmtdiff.core.text.versions import version_from_sentences
from stmtdiff.frontends.report.html import Piece
from stmtdiff.frontends.report.markdown import COMMENT_LIMIT, escape, marked, render_markdown

GITHUB_LIKE = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def rendered(markdown: str) -> str:
    """Inline Markdown as HTML, without the paragraph around it."""
    html = GITHUB_LIKE.renderInline(markdown)
    assert isinstance(html, str)
    return html


def difference_cells(markdown: str) -> list[list[Any]]:
    """The <td> elements of the differences table (the last table), row by row."""
    document = html5lib.parse(
        GITHUB_LIKE.render(markdown), treebuilder="lxml", namespaceHTMLElements=False
    )
    table = document.xpath("//table")[-1]
    return [list(tr.xpath("./td")) for tr in table.xpath("./tbody/tr")]


def difference_rows(markdown: str) -> list[list[str]]:
    """The differences table's cells as rendered text."""
    return [["".join(td.itertext()) for td in row] for row in difference_cells(markdown)]


def test_summary_table_counts_rows_per_status_and_skips_empty_ones() -> None:
    text = render_markdown(joint_comparison())
    summary = text.split("| Status | Rows |\n|---|--:|\n")[1].split("\n\n")[0].splitlines()
    assert summary == [
        "| ↕ moved | 2 |",
        "| − missing | 1 |",
        "| + extra | 1 |",
        "| ≠ changed | 1 |",
        "| = identical | 1 |",
        "| **total** | **6** |",
    ]


def test_only_rows_that_differ_are_listed() -> None:
    rows = difference_rows(render_markdown(joint_comparison()))
    assert [row[0] for row in rows] == ["2", "3", "4", "5", "6"]
    assert [row[1] for row in rows] == [
        "≠ changed",
        "− missing",
        "+ extra",
        "↕ moved",
        "↕ moved",
    ]


def test_deleted_words_are_struck_and_inserted_words_bold() -> None:
    text = render_markdown(joint_comparison())
    line = next(line for line in text.splitlines() if line.startswith("| 2 | ≠ changed |"))
    assert "reached ~~245.2~~**245** billion" in line
    assert "<s>245.2</s><strong>245</strong>" in GITHUB_LIKE.render(text)


def test_insertion_starting_with_punctuation_after_a_word_falls_back_to_an_ins_tag() -> None:
    """`dollars**, a new record**.` renders no bold in CommonMark, so the report uses <ins>."""
    pieces = [Piece("", "U.S. dollars"), Piece("ins", ", a new record"), Piece("", ".")]
    assert marked(pieces) == "U.S. dollars<ins>, a new record</ins>."


def test_marks_keep_surrounding_spaces_outside_the_markers() -> None:
    pieces = [
        Piece("", "The "),
        Piece("del", "Parties "),
        Piece("ins", "two sides "),
        Piece("", "note"),
    ]
    text = marked(pieces)
    assert text == "The ~~Parties~~ **two sides** note"
    assert rendered(text) == "The <s>Parties</s> <strong>two sides</strong> note"


def test_chinese_marks_render_between_characters() -> None:
    pieces = [Piece("", "双方"), Piece("del", "坚决"), Piece("ins", "强烈"), Piece("", "谴责。")]
    assert rendered(marked(pieces)) == "双方<s>坚决</s><strong>强烈</strong>谴责。"


def test_markdown_special_characters_in_statements_are_shown_literally() -> None:
    hostile = "Tariffs | duties *must* fall to_zero_ ~~now~~ `code` <b>bold</b> [link](x) &amp;"
    moscow = [*MOSCOW[:2], hostile, *MOSCOW[3:]]
    comparison = joint_comparison(moscow, list(BEIJING))
    cell = difference_cells(render_markdown(comparison))[1][2]
    assert "".join(cell.itertext()) == hostile
    assert list(cell) == []  # no element inside: no <b>, <em>, <code>, <s> or <a>


def test_escape_turns_line_breaks_into_spaces_so_a_row_stays_one_line() -> None:
    assert escape("first line\r\nsecond | line") == "first line second \\| line"


def test_cross_language_cells_and_moves_are_spelled_out() -> None:
    rows = difference_rows(render_markdown(joint_comparison()))
    by_number = {row[0]: row for row in rows}
    assert by_number["3"][4].startswith("Стороны выступают")
    assert by_number["3"][5] == "— missing"
    assert by_number["4"][5] == "双方愿扩大人工智能领域合作。"
    assert by_number["5"][3] == "↕ moved to row 6"
    assert by_number["6"][3].endswith("↕ from row 5")


def test_identical_versions_say_there_is_no_difference() -> None:
    a = version_from_sentences("a", MOSCOW, lang="en")
    b = version_from_sentences("b", list(MOSCOW), lang="en")
    text = render_markdown(compare([a, b]))
    assert text.endswith("No differences.\n")
    assert "| # | Status |" not in text


def long_changed_pair() -> tuple[list[str], list[str]]:
    """900 sentences, every one reworded in the second version: far too many rows to post."""
    left = [
        f"Under item {k}, the Parties agree to expand cooperation in trade, energy and "
        f"transport, and to hold consultations before the end of year {2000 + k}."
        for k in range(900)
    ]
    right = [s.replace("the Parties agree", "the two sides have agreed") for s in left]
    return left, right


def test_long_report_stays_under_github_comment_limit_and_says_what_it_left_out() -> None:
    left, right = long_changed_pair()
    a = version_from_sentences("a", left, lang="en")
    b = version_from_sentences("b", right, lang="en")
    text = render_markdown(compare([a, b]))
    assert len(text) <= COMMENT_LIMIT
    shown = len(difference_rows(text))
    match = re.search(r"\*\*(\d+) more rows omitted\*\*", text.splitlines()[-1])
    assert match is not None
    assert shown > 100
    assert shown + int(match.group(1)) == 900


def test_report_that_fits_has_no_omitted_line() -> None:
    assert "omitted" not in render_markdown(joint_comparison())


def test_versions_table_gives_source_language_publisher_date_and_alignment() -> None:
    lines = render_markdown(joint_comparison()).splitlines()
    moscow = next(line for line in lines if line.startswith("| 1 | Kremlin, English |"))
    assert moscow.startswith("| 1 | Kremlin, English | en-moscow.txt | en | Kremlin | 2025-05-16 |")
    zh = next(line for line in lines if line.startswith("| 4 | Xinhua, Chinese |"))
    assert zh.endswith("| translation, confidence 0.42 ⚠ low confidence: check the alignment |")
