"""Hostile text reaching the reader (issue 15): shown, never obeyed, never parsed as markup.

Statements, file names and translator answers carry terminal escapes (a window title, an OSC 8
link, the ``conceal`` attribute that hides what follows), rich markup (``[/]``, ``[link=…]``)
and bidi overrides. Every output but JSON must show them as ``visible`` tokens.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from textual.content import Content
from textual.widgets import Static
from translate_stubs import Reply, libre_flags, serving

from stmtdiff.core.check.findings import Finding, Location, Severity
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.model import Comparison, MethodChoice
from stmtdiff.core.text.versions import make_version
from stmtdiff.core.text.visible import visible
from stmtdiff.frontends.cli.main import main
from stmtdiff.frontends.report.check_github import plain
from stmtdiff.frontends.tui.app import make_app
from stmtdiff.frontends.tui.detail import DetailPane
from stmtdiff.frontends.tui.header import StatementHeader
from stmtdiff.frontends.tui.state import ViewState

TITLE = "\x1b]0;pwned\x07"  # sets the terminal window's title
LINK = "\x1b]8;;https://evil.example\x1b\\"  # opens an OSC 8 hyperlink
CONCEAL = "\x1b[8m"  # hides everything after it
RLO = "\u202e"  # right-to-left override: reorders what follows
MARKUP = "[link=https://evil.example]here[/link] [conceal]secret[/conceal] [/]"
#: What rich itself emits for a hyperlink or for concealed text, if it obeyed the markup.
RICH_LINK = "\x1b]8;"
RICH_CONCEAL = re.compile(r"\x1b\[[0-9;]*\b8m")

RUSSIAN = (
    f"Стороны подтвердили{TITLE} приверженность целям Устава ООН.\n\n"
    f"Товарооборот вырос на {LINK}десять{CONCEAL} процентов {MARKUP}.\n\n"
    f"Следующий саммит {RLO}пройдёт в Пекине.\n"
)
#: The same statement with a word added to each sentence: every row differs.
OFFICIAL = (
    RUSSIAN.replace("Стороны", "Стороны твёрдо")
    .replace("вырос", "вырос почти")
    .replace("саммит", "саммит глав")
)
CHINESE = "双方重申恪守《联合国宪章》宗旨。\n\n双边贸易额增长百分之十。\n\n下次峰会将在北京举行。\n"
ENGLISH = (
    "The Parties reaffirmed their commitment to the UN Charter.\n\n"
    "Trade grew by ten percent.\n\n"
    "The next summit will be held in Beijing.\n"
)
#: A file name a reader would take for "kremlin.txt".
HOSTILE_NAME = f"kremlin{TITLE}[link=evil.example]x[conceal].txt"  # no "/": a file name


def assert_shown(out: str, *, markup: bool = True, shown: str = "␛]0;pwned␇") -> None:
    """No raw escape from the input and no link or conceal of rich's; the visible forms instead."""
    for raw in (TITLE, LINK, CONCEAL, RLO, RICH_LINK):
        assert raw not in out
    assert not RICH_CONCEAL.search(out)
    assert shown in out
    if markup:
        assert "[link=https://evil.example]" in out


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich writes as to a colour terminal (so it would emit links and conceal if it obeyed)."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "400")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    texts = {
        HOSTILE_NAME: RUSSIAN,
        "official.txt": OFFICIAL,
        "xinhua.txt": CHINESE,
        "english.txt": ENGLISH,
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return {name: str(tmp_path / name) for name in texts}


# -- the function -----------------------------------------------------------------------------


def test_visible_shows_c0_controls_and_del_as_control_pictures() -> None:
    assert visible(f"a{TITLE}b\x7f") == "a␛]0;pwned␇b␡"


def test_visible_shows_c1_controls_and_bidi_overrides_as_code_point_tokens() -> None:
    assert visible("x\x9b8m\u202ey\u2066z") == "x<U+009B>8m<U+202E>y<U+2066>z"


def test_visible_keeps_tabs_and_newlines_unless_asked_for_one_line() -> None:
    assert visible("a\tb\nc") == "a\tb\nc"
    assert visible("a\tb\nc", newlines=False) == "a\tb␊c"


def test_visible_leaves_ordinary_multilingual_text_alone() -> None:
    text = "Стороны «договорились»: 双方同意 — [link] <b>&amp; ‏עברית‎"
    assert visible(text) == text


SHOWN = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


@given(st.text())
def test_visible_output_has_no_control_or_bidi_character_but_tab_and_newline(text: str) -> None:
    out = visible(text)
    assert all(unicodedata.category(c) != "Cc" or c in "\t\n" for c in out)
    assert not SHOWN.search(out)


@given(st.text())
def test_visible_is_idempotent(text: str) -> None:
    assert visible(visible(text)) == visible(text)


@given(
    st.text(
        st.characters(
            exclude_categories=["Cc"],
            exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
        )
    )
)
def test_visible_leaves_printable_text_unchanged(text: str) -> None:
    assert visible(text) == text


# -- each output ------------------------------------------------------------------------------


def test_compare_terminal_shows_controls_of_texts_and_file_names(
    files: dict[str, str], terminal: None, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["compare", files[HOSTILE_NAME], files["english.txt"]])
    out = capsys.readouterr().out
    assert_shown(out)
    assert "kremlin␛]0;pwned␇[link=evil.example]x[conceal].txt" in out
    assert "<U+202E>пройдёт" in out


def test_compare_show_translation_shows_a_translators_controls(
    files: dict[str, str], terminal: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = json.dumps({"translatedText": f"Trade grew{TITLE} by {LINK}ten{CONCEAL} {MARKUP}."})
    with serving() as stub:
        stub.script.extend(Reply(body=answer) for _ in range(6))
        flags = libre_flags(stub.url, tmp_path / "cache.sqlite3")
        main(["compare", files["xinhua.txt"], files["english.txt"], *flags, "--show-translation"])
    out = capsys.readouterr().out
    assert_shown(out)
    assert "Trade grew␛]0;pwned␇ by ␛]8;;https://evil.example␛\\ten␛[8m" in out


def test_segment_table_shows_text_and_file_name_and_parses_no_markup(
    files: dict[str, str], terminal: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["segment", files[HOSTILE_NAME]]) == 0
    out = capsys.readouterr().out
    assert_shown(out)
    assert "[conceal]secret[/conceal] [/]" in out
    assert "kremlin␛]0;pwned␇[link=evil.example]x[conceal].txt" in out


def test_segment_lines_show_controls(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["segment", files[HOSTILE_NAME], "--format", "lines"])
    assert_shown(capsys.readouterr().out)


def test_segment_json_keeps_the_raw_text_escaped_by_json(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["segment", files[HOSTILE_NAME], "--format", "json"])
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert TITLE in json.loads(out)["sentences"][0]["text"]


#: Twelve sentences whose numbers all differ: twelve ``numbers`` errors, two past GitHub's ten.
CHECK_SOURCE = "".join(f"В {n}-м квартале товарооборот вырос на {n + 10}%.\n\n" for n in range(12))
CHECK_TRANSLATION = "".join(f"In quarter {n}, trade grew by {n + 30}%.\n\n" for n in range(12))


def _check_files(tmp_path: Path, translation_name: str) -> list[str]:
    source = tmp_path / "ru.txt"
    translation = tmp_path / translation_name
    source.write_text(CHECK_SOURCE.replace("вырос", f"вырос{TITLE}", 1), encoding="utf-8")
    translation.write_text(CHECK_TRANSLATION.replace("grew", f"grew{LINK}", 1), encoding="utf-8")
    return [str(source), str(translation)]


def test_check_text_shows_controls_of_sentences_and_file_names(
    tmp_path: Path, terminal: None, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", *_check_files(tmp_path, HOSTILE_NAME)])
    out = capsys.readouterr().out
    assert_shown(out, markup=False)
    assert "kremlin␛]0;pwned␇[link=evil.example]x[conceal].txt" in out
    assert "вырос␛]0;pwned␇" in out
    assert "grew␛]8;;https://evil.example␛\\" in out


def test_check_github_file_name_with_a_newline_injects_no_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = f"en\n::error file=x::injected{TITLE}.txt"
    main(["check", *_check_files(tmp_path, name), "--format", "github"])
    lines = capsys.readouterr().out.splitlines()
    commands = [line for line in lines if line.lstrip().startswith("::")]
    assert len(commands) == 10
    assert all("/en%0A%3A%3Aerror file=x%3A%3Ainjected␛]0;pwned␇.txt," in c for c in commands)
    assert len(lines) == 10 + 2 + 1  # annotations, plain lines past the limit, the summary
    assert_shown("\n".join(lines), markup=False)


def test_check_github_plain_line_never_starts_a_command() -> None:
    where = Location("::error::forged.txt", 3, 1, 3, 9)
    finding = Finding(
        rule="numbers",
        severity=Severity.ERROR,
        message="numbers differ",
        source_path="ru.txt",
        translation_path=where.path,
        source=where,
        translation=where,
        source_sentence="",
        translation_sentence="",
        source_ids=(2,),
        translation_ids=(2,),
    )
    assert plain(finding).startswith("./::error::forged.txt:3:1: error")


def test_markdown_report_shows_controls_of_texts_and_file_names(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["compare", files[HOSTILE_NAME], files["official.txt"], "--format", "markdown"])
    out = capsys.readouterr().out
    assert_shown(out, markup=False, shown="␛\\]0;pwned␇")
    assert "␛\\]8;;https://evil.example␛\\\\десять␛\\[8m" in out
    assert "\\<U+202E\\>пройдёт" in out
    assert "kremlin␛\\]0;pwned␇\\[link=evil.example\\]x\\[conceal\\].txt" in out
    assert "\\<U+202E\\>пройдёт" in out


def test_html_report_shows_controls_and_bidi_overrides_as_text(
    files: dict[str, str], tmp_path: Path
) -> None:
    report = tmp_path / "report.html"
    main(
        [
            "compare",
            files[HOSTILE_NAME],
            files["english.txt"],
            "--format",
            "html",
            "-o",
            str(report),
        ]
    )
    page = report.read_text(encoding="utf-8")
    assert_shown(page)
    assert "&lt;U+202E&gt;пройдёт" in page
    assert "<title>kremlin␛]0;pwned␇[link=evil.example]x[conceal].txt compared" in page


# -- the TUI ----------------------------------------------------------------------------------


def hostile_comparison() -> Comparison:
    kremlin = make_version(
        "kremlin", RUSSIAN.replace("Стороны", "Стороны твёрдо"), lang="ru", label=HOSTILE_NAME
    )
    official = make_version("official", RUSSIAN, lang="ru", label=f"official {MARKUP}")
    return compare([kremlin, official], pivot="kremlin", method=MethodChoice.LEXICAL)


def test_tui_state_gives_cells_visible_and_measures_what_it_draws() -> None:
    state = ViewState(hostile_comparison())
    for row in state.rows:
        for cell in row.cells:
            drawn = "".join(piece.text for piece in state.pieces(row, cell))
            assert drawn == state.plain(cell)
            assert drawn == visible(drawn)
    texts = {state.plain(cell) for row in state.rows for cell in row.cells}
    assert any("␛]8;;https://evil.example␛\\десять␛[8m" in text for text in texts)


def _console_text(renderable: object) -> str:
    console = Console(width=400, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


def test_tui_widgets_and_notices_show_controls_and_parse_no_markup(tmp_path: Path) -> None:
    app = make_app(hostile_comparison(), export_dir=tmp_path)
    seen: dict[str, str] = {}

    async def run() -> None:
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.pause()
            app.query_one(DetailPane).display = True
            app.query_one(DetailPane).show()
            await pilot.press("l", "p")  # make the column with the hostile label the pivot
            await app.workers.wait_for_complete()
            await pilot.pause()
            seen["header"] = _console_text(app.query_one(StatementHeader).content)
            seen["detail"] = _console_text(app.query_one("#detail-body", Static).content)
            grid = app.grid
            seen["grid"] = "\n".join(grid.render_line(y).text for y in range(grid.size.height))
            seen["notices"] = "\n".join(str(n.message) for n in app._notifications)
            seen["palette"] = "\n".join(
                Content.from_markup(command.title).plain
                for command in app.get_system_commands(app.screen)
            )

    asyncio.run(run())
    for where, text in seen.items():
        assert "\x1b" not in text, where
        assert RLO not in text, where
    assert "kremlin␛]0;pwned␇[link=evil.example]x[conceal].txt" in seen["header"]
    assert "Стороны подтвердили␛]0;pwned␇ приверженность" in seen["detail"]
    assert "<U+202E>пройдёт" in seen["grid"]
    assert f"Pivot: official {MARKUP}" in seen["notices"]
    assert f"Toggle column 2: official {MARKUP}" in seen["palette"]


# -- error lines ------------------------------------------------------------------------------


def test_error_line_shows_controls_of_a_file_name_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / f"gone\n{TITLE}{RLO}.txt"
    assert main(["compare", str(missing), str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("stmtdiff: error: ")
    assert "gone␊␛]0;pwned␇<U+202E>.txt" in err
    assert_shown(err, markup=False)


def test_usage_error_shows_controls_of_the_argument(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["segment", "a.txt", f"extra{TITLE}"])  # "unrecognized arguments" quotes it raw
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert "extra␛]0;pwned␇" in err
    assert_shown(err, markup=False)


def test_fetch_error_line_shows_controls_of_a_manifest_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = (
        '[[version]]\nid = "kremlin"\nsource = "http://127.0.0.1:9/a\\u001b]0;pwned\\u0007"\n'
    )
    (tmp_path / "stmtdiff.toml").write_text(manifest, encoding="utf-8")
    main(["fetch", str(tmp_path)])  # an invalid URL: refused before any connection
    err = capsys.readouterr().err
    assert "stmtdiff: error: http://127.0.0.1:9/a␛]0;pwned␇" in err
    assert_shown(err, markup=False)


def test_check_translation_notes_on_stderr_show_controls_of_file_names(
    files: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving() as stub:
        flags = libre_flags(stub.url, tmp_path / "cache.sqlite3")
        main(["check", files[HOSTILE_NAME], files["english.txt"], *flags])
    err = capsys.readouterr().err
    assert "/kremlin␛]0;pwned␇[link=evil.example]x[conceal].txt" in err
    assert_shown(err, markup=False)
