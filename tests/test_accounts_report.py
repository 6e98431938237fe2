"""The report of two accounts as a reader sees it: the same status counts in every front end, in
the accounts' own words, and a "who said what" block that keeps its layout at any width."""

from __future__ import annotations

import asyncio
import io
import re
from dataclasses import replace

import pytest
from align_support import WordHashEncoder
from lxml import html as lxml_html
from rich.cells import cell_len
from rich.console import Console
from textual.widgets import Static

from stmtdiff.adapters.ingest.subjects import load_subject_table
from stmtdiff.core.align.pairalign import Evidence
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.compare.subjects import SubjectTable
from stmtdiff.core.compare.summary import PairSummary, summarize
from stmtdiff.core.model import Comparison, Status
from stmtdiff.core.text.versions import version_from_sentences
from stmtdiff.core.view.status import status_counts
from stmtdiff.frontends.report.html import render_html
from stmtdiff.frontends.report.markdown import render_markdown
from stmtdiff.frontends.report.terminal import SHOWN_FACTS, render_terminal
from stmtdiff.frontends.tui.app import StmtdiffApp
from stmtdiff.frontends.tui.header import MORE, StatementHeader
from stmtdiff.frontends.tui.state import ViewState

#: A Kremlin-style account of a call, written for these tests.
KREMLIN = [
    "Президенты обсудили по телефону ход подготовки к предстоящему визиту.",
    "Рассмотрены вопросы сотрудничества в энергетике, транспорте, науке и туризме, а также в "
    "области сельского хозяйства.",
    "Беседа прошла в деловой и конструктивной атмосфере.",
]
#: A Xinhua-style account of the same call, written for these tests: long sentences only it
#: reports, and more of them than the terminal previews.
XINHUA = [
    "两国元首通电话。",
    "双方一致认为，两国作为友好邻邦，应当在互利共赢的基础上不断深化各领域务实合作，造福两国人民。",
    "今年春天，中方同多国一道发起成立区域发展合作伙伴小组，为推动地区经济复苏和共同繁荣作出积极贡献。",
    "中方愿同各方保持密切沟通。",
    "双方表示将继续加强在国际事务中的协调配合。",
]
#: An English agency's account, written for these tests: a long sentence only it reports.
AGENCY = [
    "The two presidents discussed the preparations for the coming visit by telephone.",
    "Both presidents said they would stay in regular touch through every available channel and "
    "align their positions on the main regional and international questions of the day.",
]


@pytest.fixture(scope="module")
def table() -> SubjectTable:
    return load_subject_table()


def accounts(table: SubjectTable, *versions: tuple[str, list[str], str]) -> Comparison:
    comparison = compare(
        [version_from_sentences(vid, sentences, lang=lang) for vid, sentences, lang in versions],
        evidence=Evidence(encoder=WordHashEncoder),
        readouts=True,
    )
    return replace(comparison, who_said_what=summarize(comparison, table))


@pytest.fixture(scope="module")
def call(table: SubjectTable) -> Comparison:
    return accounts(table, ("kremlin", KREMLIN, "ru"), ("xinhua", XINHUA, "zh"))


def terminal(comparison: Comparison, width: int) -> str:
    buffer = io.StringIO()
    render_terminal(comparison, Console(file=buffer, width=width, no_color=True))
    return buffer.getvalue()


def who_block(out: str) -> list[str]:
    """The lines of the "who said what" block (it ends at the first blank line)."""
    lines = out.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith("Who said what"))
    end = lines.index("", start)
    return lines[start:end]


def test_accounts_counts_leave_out_moved_which_no_row_of_theirs_can_be(call: Comparison) -> None:
    assert call.accounts
    assert Status.MOVED not in status_counts(call)
    assert status_counts(call)[Status.EXTRA] == call.counts()[Status.EXTRA]


def test_html_counts_of_accounts_show_no_moved_badge(call: Comparison) -> None:
    document = lxml_html.fromstring(render_html(call))
    badges = document.xpath("//ul[@class='counts']/li/span/text()")
    assert not any("moved" in badge for badge in badges)
    assert any("possible" in badge for badge in badges)


def test_html_legend_of_accounts_explains_link_marks_not_moves(call: Comparison) -> None:
    document = lxml_html.fromstring(render_html(call))
    legend = " ".join(document.xpath("//dl[@class='legend']//text()"))
    assert "↕ out of order" in legend and "a fact only the pivot reports" in legend
    assert "moved to row" not in legend


def test_html_nonzero_counts_match_the_terminal_and_markdown(call: Comparison) -> None:
    document = lxml_html.fromstring(render_html(call))
    html_counts = {
        " ".join(item.xpath("span/text()")): int(item.xpath("strong/text()")[0])
        for item in document.xpath("//ul[@class='counts']/li")
    }
    shown = {label: n for label, n in html_counts.items() if n}
    footer = terminal(call, 100).splitlines()[-1]
    markdown = render_markdown(call)
    for label, n in shown.items():
        symbol, name = label.split(" ")
        assert f"{symbol} {n} {name}" in footer
        assert f"| {label} | {n} |" in markdown


def test_parallel_versions_keep_the_moved_count_in_html(table: SubjectTable) -> None:
    ru = ["Стороны подписали соглашение.", "Торговля выросла на десять процентов."]
    comparison = compare(
        [version_from_sentences("a", ru, lang="ru"), version_from_sentences("b", ru, lang="ru")]
    )
    assert Status.MOVED in status_counts(comparison)
    assert "↕ moved" in render_html(comparison)


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_chinese_and_russian_previews_fit_the_terminal_width(call: Comparison, width: int) -> None:
    block = who_block(terminal(call, width))
    previews = [line for line in block if line.lstrip().startswith("row ")]
    assert call.who_said_what is not None
    facts = sum(min(len(f), SHOWN_FACTS) for f in call.who_said_what.pairs[0].only.values())
    assert len(previews) == facts  # one line each: none wrapped onto a line of its own
    assert all(cell_len(line) <= width for line in block)
    chinese = next(line for line in previews if "双方一致认为" in line)
    assert chinese.endswith(("…”", "造福两国人民。”"))  # cut with an ellipsis, or whole


@pytest.mark.parametrize("width", [60, 80])
def test_english_previews_are_cut_at_a_word_with_an_ellipsis(
    table: SubjectTable, width: int
) -> None:
    comparison = accounts(table, ("kremlin", KREMLIN, "ru"), ("agency", AGENCY, "en"))
    block = who_block(terminal(comparison, width))
    preview = next(line for line in block if "Both presidents said" in line)
    assert cell_len(preview) <= width
    assert preview.endswith("…”") and not preview.endswith(" …”")


def test_subjects_only_one_names_wrap_between_names_under_the_previews(
    call: Comparison,
) -> None:
    block = who_block(terminal(call, 60))
    named = [k for k, line in enumerate(block) if line.startswith("  named only by kremlin")]
    assert named and block[named[0] + 1].startswith("    ")
    assert all(cell_len(line) <= 60 for line in block)


def test_a_single_row_is_counted_as_one_row_not_one_rows(table: SubjectTable) -> None:
    comparison = accounts(table, ("kremlin", KREMLIN[:1], "ru"), ("tass", KREMLIN[:1], "ru"))
    assert terminal(comparison, 80).splitlines()[-1].startswith("1 row: ")
    assert "<p>1 aligned row, " in render_html(comparison)


def test_a_single_possible_link_reads_as_a_possible_link() -> None:
    pair = PairSummary("kremlin", "xinhua", both=1, possible=1, only={}, subjects_only=None)
    assert pair.both_words == " fact (a possible link, to check)"


def test_all_links_possible_reads_as_all_possible_links() -> None:
    pair = PairSummary("kremlin", "xinhua", both=3, possible=3, only={}, subjects_only=None)
    assert pair.both_words == " facts (all possible links, to check)"


def test_one_possible_link_among_several_reads_as_one_of_them() -> None:
    pair = PairSummary("kremlin", "xinhua", both=4, possible=1, only={}, subjects_only=None)
    assert pair.both_words == " facts (1 of them a possible link, to check)"


def screen_text(widget: Static, width: int) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True).print(widget.content)
    return buffer.getvalue()


def tui(comparison: Comparison, width: int, *keys: str) -> dict[str, str]:
    """The header's text and, after ``keys``, the text of the top screen's Statics."""

    async def run() -> dict[str, str]:
        app = StmtdiffApp(ViewState(comparison))
        async with app.run_test(size=(width, 30)) as pilot:
            await pilot.pause()
            seen = {"header": screen_text(app.query_one(StatementHeader), width - 2)}
            await pilot.press(*keys)
            await pilot.pause()
            seen["screen"] = "".join(
                screen_text(widget, width) for widget in app.screen.query(Static)
            )
            return seen

    return asyncio.run(run())


def test_tui_header_counts_as_the_terminal_does(call: Comparison) -> None:
    header = tui(call, 120)["header"]
    footer = terminal(call, 100).splitlines()[-1]
    for status, count in status_counts(call).items():
        assert (f"{count} {status.value}" in header) == bool(count)
        assert (f"{count} {status.value}" in footer) == bool(count)


@pytest.fixture(scope="module")
def long_labels(table: SubjectTable) -> Comparison:
    """The real pair's file names: long labels that part a count from its label at 80."""
    return accounts(
        table, ("ru-kremlin.txt", KREMLIN, "ru"), ("zh-xinhua-via-cctv-xwlb.txt", XINHUA, "zh")
    )


def test_tui_header_keeps_each_label_with_its_count_at_80_columns(
    long_labels: Comparison,
) -> None:
    lines = tui(long_labels, 80)["header"].splitlines()
    assert any(re.search(r"only zh-xinhua-via-cctv-xwlb\.txt \d", line) for line in lines)
    assert any(re.search(r"only ru-kremlin\.txt \d", line) for line in lines)


def test_tui_header_says_where_the_rest_is_when_it_has_no_room(
    long_labels: Comparison,
) -> None:
    assert MORE in tui(long_labels, 60)["header"]
    assert MORE not in tui(long_labels, 200)["header"]


def test_w_shows_every_one_sided_fact_in_full(long_labels: Comparison) -> None:
    shown = tui(long_labels, 100, "w")["screen"]
    assert "Who said what: ru-kremlin.txt / zh-xinhua-via-cctv-xwlb.txt" in shown
    assert long_labels.who_said_what is not None
    for facts in long_labels.who_said_what.pairs[0].only.values():
        for fact in facts:
            assert f"row {fact.row + 1} " in shown
    assert "more" not in shown


def test_w_then_escape_returns_to_the_table(long_labels: Comparison) -> None:
    shown = tui(long_labels, 100, "w", "escape")["screen"]
    assert "Who said what:" not in shown


def test_a_column_label_wider_than_its_column_is_cut_with_an_ellipsis(
    long_labels: Comparison,
) -> None:
    out = terminal(long_labels, 60)
    heading = next(line for line in out.splitlines() if line.lstrip().startswith("#"))
    assert "zh-xinhua-via-cctv-xwl" in heading and heading.rstrip().endswith("…")
    assert not any(line.strip().startswith("t (zh)") for line in out.splitlines())


def test_accounts_without_a_single_link_say_so_instead_of_a_mean_score(call: Comparison) -> None:
    assert not call.alignments[0].links
    assert "xinhua: aligned by readouts, matched fact by fact; no fact linked" in terminal(
        call, 120
    )


def test_html_legend_of_accounts_in_two_languages_leaves_out_word_diff_marks(
    call: Comparison,
) -> None:
    document = lxml_html.fromstring(render_html(call))
    assert not document.xpath("//dl[@class='legend']//ins | //dl[@class='legend']//del")


def test_a_long_label_sends_the_first_subject_name_to_the_next_line_not_column_0(
    long_labels: Comparison,
) -> None:
    block = who_block(terminal(long_labels, 45))
    named = next(k for k, line in enumerate(block) if line.startswith("  named only by zh-"))
    assert block[named + 1].startswith("    ")
    assert all(cell_len(line) <= 45 for line in block[named : named + 2])
