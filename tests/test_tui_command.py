"""``stmtdiff tui``: its options, the comparison it opens, and errors before any screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from stmtdiff.frontends.cli.commands import tui as tui_command
from stmtdiff.frontends.cli.main import build_parser, main
from stmtdiff.frontends.tui.app import StmtdiffApp


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[StmtdiffApp]:
    """Apps the command would have run, recorded instead of taking over the terminal."""
    apps: list[StmtdiffApp] = []
    monkeypatch.setattr(tui_command, "terminal_attached", lambda: True)
    monkeypatch.setattr(StmtdiffApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


def test_tui_takes_the_same_comparison_options_as_compare() -> None:
    args = build_parser().parse_args(
        ["tui", "a.txt", "b.txt", "--pivot", "2", "--lang", "zh", "--translation", "1=t.txt"]
    )
    assert (args.inputs, args.pivot, args.lang, args.translation) == (
        ["a.txt", "b.txt"],
        "2",
        ["zh"],
        ["1=t.txt"],
    )


def test_tui_opens_the_comparison_with_the_requested_pivot(
    samples: Path, opened: list[StmtdiffApp]
) -> None:
    files = [str(samples / "en-moscow.txt"), str(samples / "en-beijing.txt")]
    assert main(["tui", *files, "--pivot", "2"]) == 0
    assert [app.state.comparison.pivot for app in opened] == ["en-beijing"]


def test_tui_opens_every_version_of_a_manifest(samples: Path, opened: list[StmtdiffApp]) -> None:
    assert main(["tui", str(samples)]) == 0
    assert [v.id for v in opened[0].state.versions] == [
        "ru",
        "en-moscow",
        "zh",
        "en-beijing",
        "readout",
    ]


def test_unreadable_input_is_reported_on_one_line_before_any_screen(
    samples: Path, opened: list[StmtdiffApp], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tui", "no-such-statement.txt", str(samples / "en-moscow.txt")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("stmtdiff: error: ") and error.count("\n") == 1
    assert opened == []
