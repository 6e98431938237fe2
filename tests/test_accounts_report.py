"""The report of two accounts as a reader sees it: the same status counts in every front end, in
the accounts' own words, and a "who said what" block that keeps its layout at any width."""

from __future__ import annotations

import asyncio
import io
from dataclasses import replace

import pytest
from align_support import WordHashEncoder
from lxml import html as lxml_html
from rich.cells import cell_len
from rich.console import Console

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
from stmtdiff.frontends.tui.header import StatementHeader
from stmtdiff.frontends.tui.state import ViewState

#: A Kremlin-style account of a call, written for these tests.
KREMLIN = [
    "Владимир Путин и Си Цзиньпин провели телефонный разговор.",
    "Обсуждены пути расширения взаимовыгодного сотрудничества в сферах экономики и торговли, "
    "инвестиций, культуры, образования и спорта.",
    "Разговор носил тёплый и дружеский характер.",
]
#: A Xinhua-style account of the same call: long sentences only it reports.
XINHUA = [
    "习近平同俄罗斯总统普京通电话。",
    "历史和现实昭示我们，中俄是搬不走的好邻居，是患难与共、相互支持、共同发展的真朋友。",
    "去年9月，中国同巴西一道，会同部分全球南方国家成立乌克兰危机“和平之友”小组，"
    "为推动危机政治解决营造氛围、积累条件。",
]
#: An English agency's account: a long sentence only it reports.
AGENCY = [
    "Vladimir Putin and Xi Jinping held a telephone conversation.",
    "The two sides agreed to keep in close contact through various channels and to coordinate "
    "their positions on the Ukraine crisis and other major international and regional issues.",
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
    chinese = next(line for line in previews if "历史和现实" in line)
    assert chinese.endswith(("…”", "真朋友。”"))  # cut with an ellipsis, or whole


@pytest.mark.parametrize("width", [60, 80])
def test_english_previews_are_cut_at_a_word_with_an_ellipsis(
    table: SubjectTable, width: int
) -> None:
    comparison = accounts(table, ("kremlin", KREMLIN, "ru"), ("agency", AGENCY, "en"))
    block = who_block(terminal(comparison, width))
    preview = next(line for line in block if "The two sides agreed" in line)
    assert cell_len(preview) <= width
    assert preview.endswith("…”") and not preview.endswith(" …”")


def test_subjects_only_one_names_wrap_between_names_under_the_previews(
    call: Comparison,
) -> None:
    block = who_block(terminal(call, 60))
    named = [k for k, line in enumerate(block) if line.startswith("  named only by xinhua")]
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


def test_tui_header_counts_as_the_terminal_does(call: Comparison) -> None:
    async def run() -> str:
        app = StmtdiffApp(ViewState(call))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            buffer = io.StringIO()
            Console(file=buffer, width=120, no_color=True).print(
                app.query_one(StatementHeader).content
            )
            return buffer.getvalue()

    header = asyncio.run(run())
    footer = terminal(call, 100).splitlines()[-1]
    for status, count in status_counts(call).items():
        assert (f"{count} {status.value}" in header) == bool(count)
        assert (f"{count} {status.value}" in footer) == bool(count)
