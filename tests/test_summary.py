""" "Who said what": facts both versions report, facts and subjects only one has, computed from
the rows and shown at the top of every output."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from stmtdiff.adapters.ingest.subjects import load_subject_table
from stmtdiff.adapters.pipeline import CompareOptions
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.compare.subjects import SubjectTable
from stmtdiff.core.compare.summary import OneSided, preview, summarize
from stmtdiff.core.model import Comparison, MethodChoice
from stmtdiff.core.text.versions import make_version
from stmtdiff.frontends.cli.main import main
from stmtdiff.frontends.report.html import render_html
from stmtdiff.frontends.report.jsonout import to_dict
from stmtdiff.frontends.report.markdown import render_markdown
from stmtdiff.frontends.report.terminal import render_terminal
from stmtdiff.frontends.tui.app import StmtdiffApp
from stmtdiff.frontends.tui.state import ViewState

#: A Kremlin-style account and an agency's: the agency drops the SCO sentence and adds one on
#: Brazil; the rest is the same.
KREMLIN_EN = (
    "The leaders discussed trade and investment. "
    "They confirmed the schedule of the SCO summit. "
    "The Chinese side supported the dialogue between Russia and the United States. "
    "The conversation was warm and friendly."
)
AGENCY_EN = (
    "The leaders discussed trade and investment. "
    "The Chinese side supported the dialogue between Russia and the United States. "
    "China and Brazil founded a group of friends of peace. "
    "The conversation was warm and friendly."
)
KREMLIN_RU = (
    "Обсуждены пути расширения торговли и инвестиций. "
    "Подтверждён график саммита Шанхайской организации сотрудничества. "
    "С китайской стороны выражена поддержка диалогу России и США."
)
XINHUA_ZH = "双方讨论了经贸和投资合作。中方支持俄美对话。中国同巴西一道成立和平之友小组。"


@pytest.fixture(scope="module")
def table() -> SubjectTable:
    return load_subject_table()


def accounts(table: SubjectTable, *texts: tuple[str, str, str]) -> Comparison:
    versions = [make_version(vid, text, lang=lang) for vid, text, lang in texts]
    comparison = compare(versions, method=MethodChoice.LEXICAL)
    return replace(comparison, who_said_what=summarize(comparison, table))


@pytest.fixture
def english(table: SubjectTable) -> Comparison:
    return accounts(table, ("kremlin", KREMLIN_EN, "en"), ("agency", AGENCY_EN, "en"))


def test_rows_holding_both_versions_count_as_facts_both_report(english: Comparison) -> None:
    assert english.who_said_what is not None
    assert english.who_said_what.pairs[0].both == 3


def test_a_sentence_only_the_pivot_has_is_listed_with_its_row(english: Comparison) -> None:
    assert english.who_said_what is not None
    only = english.who_said_what.pairs[0].only["kremlin"]
    assert only == [OneSided(row=1, sentence_ids=(1,))]


def test_a_sentence_only_the_other_version_has_is_listed(english: Comparison) -> None:
    assert english.who_said_what is not None
    only = english.who_said_what.pairs[0].only["agency"]
    assert [fact.sentence_ids for fact in only] == [(2,)]


def test_a_moved_sentence_is_reported_by_both_once(table: SubjectTable) -> None:
    first = "Trade grew by ten percent. The Arctic route opened. Visas were simplified. "
    later = "The Arctic route opened. Visas were simplified. Trade grew by ten percent. "
    tail = "The talks were held in Moscow. The next summit will be in Beijing."
    comparison = accounts(table, ("a", first + tail, "en"), ("b", later + tail, "en"))
    assert comparison.who_said_what is not None
    pair = comparison.who_said_what.pairs[0]
    assert any(row.status.value == "moved" for row in comparison.rows)
    assert (pair.both, pair.only) == (5, {"a": [], "b": []})


def test_subjects_only_one_account_names_across_languages(table: SubjectTable) -> None:
    comparison = accounts(table, ("kremlin", KREMLIN_RU, "ru"), ("xinhua", XINHUA_ZH, "zh"))
    assert comparison.who_said_what is not None
    subjects = comparison.who_said_what.pairs[0].subjects_only
    assert subjects is not None
    # The Kremlin's sentence also speaks of a summit, which Xinhua's does not.
    assert [m.subject.id for m in subjects["kremlin"]] == ["sco", "high_level_contacts"]
    assert {m.subject.id for m in subjects["xinhua"]} == {"brazil", "friends_for_peace"}


def test_a_subject_names_the_sentences_that_mention_it(table: SubjectTable) -> None:
    comparison = accounts(table, ("kremlin", KREMLIN_RU, "ru"), ("xinhua", XINHUA_ZH, "zh"))
    assert comparison.who_said_what is not None
    subjects = comparison.who_said_what.pairs[0].subjects_only
    assert subjects is not None
    assert subjects["kremlin"][0].sentence_ids == (1,)


def test_each_version_is_summarised_against_the_pivot(table: SubjectTable) -> None:
    comparison = accounts(
        table,
        ("kremlin", KREMLIN_RU, "ru"),
        ("xinhua", XINHUA_ZH, "zh"),
        ("agency", AGENCY_EN, "en"),
    )
    assert comparison.who_said_what is not None
    pairs = comparison.who_said_what.pairs
    assert [(p.pivot, p.other) for p in pairs] == [("kremlin", "xinhua"), ("kremlin", "agency")]


def test_subjects_are_not_compared_in_a_language_the_table_lacks(table: SubjectTable) -> None:
    german = "Die Seiten sprachen über Handel. Die NATO wurde nicht erwähnt."
    comparison = accounts(table, ("a", AGENCY_EN, "en"), ("b", german, "de"))
    assert comparison.who_said_what is not None
    assert comparison.who_said_what.pairs[0].subjects_only is None


def test_a_translation_into_a_table_language_is_searched_instead(table: SubjectTable) -> None:
    german = replace(
        make_version("b", "Die Seiten sprachen über Handel. Brasilien war Thema.", lang="de"),
        translations=["The sides talked about trade.", "Brazil was discussed."],
        translation_lang="en",
    )
    comparison = compare(
        [make_version("a", AGENCY_EN, lang="en"), german], method=MethodChoice.LEXICAL
    )
    subjects = summarize(comparison, table).pairs[0].subjects_only
    assert subjects is not None
    assert "united_states" in {m.subject.id for m in subjects["a"]}


def test_preview_cuts_long_sentences_at_a_word() -> None:
    text = "The Parties oppose unilateral sanctions that lack a basis in international law."
    assert preview(text, 40) == "The Parties oppose unilateral sanctions…"


def test_preview_counts_chinese_characters_as_two_columns() -> None:
    assert preview("中俄关系具有强大内生动力和独特战略价值", 20) == "中俄关系具有强大内…"


def test_terminal_shows_who_said_what_above_the_table(english: Comparison) -> None:
    buffer = io.StringIO()
    render_terminal(english, Console(file=buffer, width=120, no_color=True))
    out = buffer.getvalue()
    assert "Who said what: kremlin / agency" in out
    assert "named only by kremlin: Shanghai Cooperation Organisation" in out
    assert out.index("Who said what") < out.index("They confirmed the schedule of the SCO")


def test_json_summary_lists_one_sided_facts_and_subjects(english: Comparison) -> None:
    entry = to_dict(english)["summary"]["who_said_what"][0]
    assert entry["both"] == 3
    assert entry["only"]["kremlin"] == [{"row": 1, "sentences": [1]}]
    assert entry["subjects_only"]["agency"][0] == {
        "id": "brazil",
        "name": "Brazil",
        "category": "country",
        "sentences": [2],
    }


def test_json_summary_keeps_the_row_counts(english: Comparison) -> None:
    summary = to_dict(english)["summary"]
    assert summary["missing"] == 1 and summary["extra"] == 1


def test_markdown_opens_with_who_said_what(english: Comparison) -> None:
    text = render_markdown(english)
    assert "### Who said what: kremlin / agency" in text
    assert "- Only **agency** (1): row 4 “China and Brazil founded" in text
    assert text.index("Who said what") < text.index("| # | Version |")


def test_html_report_opens_with_who_said_what_linking_rows(english: Comparison) -> None:
    page = render_html(english)
    assert page.index('id="who-h"') < page.index('id="versions-h"')
    assert '<a href="#row-2">row 2</a> <span lang="en">They confirmed the schedule' in page
    assert "Named only here: Brazil" in page


def test_changing_the_pivot_in_the_tui_summarises_again(english: Comparison) -> None:
    realigned = ViewState(english, options=CompareOptions(method=MethodChoice.LEXICAL)).realigned(
        "agency"
    )
    assert realigned.who_said_what is not None
    assert realigned.who_said_what.pairs[0].pivot == "agency"


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    kremlin, xinhua = tmp_path / "kremlin.txt", tmp_path / "xinhua.txt"
    kremlin.write_text(KREMLIN_RU, encoding="utf-8")
    xinhua.write_text(XINHUA_ZH, encoding="utf-8")
    return str(kremlin), str(xinhua)


def test_compare_json_carries_the_summary(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["compare", *files, "--method", "lexical", "--format", "json"])
    entry = json.loads(capsys.readouterr().out)["summary"]["who_said_what"][0]
    assert "sco" in [s["id"] for s in entry["subjects_only"]["kremlin"]]


def test_watch_file_adds_subjects_to_the_summary(
    files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    watch = tmp_path / "watch.tsv"
    watch.write_text("schedule\tграфик*\n", encoding="utf-8")
    main(["compare", *files, "--method", "lexical", "--format", "json", "--watch", str(watch)])
    entry = json.loads(capsys.readouterr().out)["summary"]["who_said_what"][0]
    assert "schedule" in [s["id"] for s in entry["subjects_only"]["kremlin"]]


def test_bad_watch_file_is_one_line_error_with_exit_2(
    files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    watch = tmp_path / "watch.tsv"
    watch.write_text("ok\tforms\nbroken line\n", encoding="utf-8")
    assert main(["compare", *files, "--watch", str(watch)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("stmtdiff: error: ") and "watch.tsv:2:" in err
    assert err.count("\n") == 1


def test_real_phone_call_kremlin_names_the_sco_and_xinhua_brazil(
    shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """24 Feb 2025: the Kremlin mentions the coming SCO summit, Xinhua the "Friends for Peace"
    group China founded with Brazil; neither mentions the other's."""
    folder = shared / "corpus" / "cn-ru-2025-02-24-phone-call"
    kremlin, xinhua = folder / "ru-kremlin.txt", folder / "zh-xinhua-via-cctv-xwlb.txt"
    main(["compare", str(kremlin), str(xinhua), "--format", "json"])
    entry = json.loads(capsys.readouterr().out)["summary"]["who_said_what"][0]
    only = {vid: {s["id"] for s in found} for vid, found in entry["subjects_only"].items()}
    assert "sco" in only["ru-kremlin"]
    assert {"brazil", "friends_for_peace"} <= only["zh-xinhua-via-cctv-xwlb"]
    assert "united_states" not in only["ru-kremlin"]


def test_tui_opens_with_the_watch_files_subjects(
    files: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[StmtdiffApp] = []
    monkeypatch.setattr(StmtdiffApp, "run", lambda self, *a, **k: opened.append(self))
    monkeypatch.setattr("stmtdiff.frontends.cli.commands.tui.terminal_attached", lambda: True)
    watch = tmp_path / "watch.tsv"
    watch.write_text("schedule\tграфик*\n", encoding="utf-8")
    assert main(["tui", *files, "--method", "lexical", "--watch", str(watch)]) == 0
    summary = opened[0].state.comparison.who_said_what
    assert summary is not None and summary.pairs[0].subjects_only is not None
    assert "schedule" in [m.subject.id for m in summary.pairs[0].subjects_only["kremlin"]]
