"""The command line as a user meets it: exit codes, output formats, one-line errors."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from stmtdiff.frontends.cli.main import main

MOSCOW = "The Parties met in Moscow.\nThe Parties firmly condemn terrorism.\nTrade grew by 5%.\n"
BEIJING = "The Parties met in Moscow.\nThe Parties condemn terrorism.\nTrade grew by 5%.\n"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    a = tmp_path / "moscow.txt"
    b = tmp_path / "beijing.txt"
    a.write_text(MOSCOW, encoding="utf-8")
    b.write_text(BEIJING, encoding="utf-8")
    return str(a), str(b)


def test_identical_versions_exit_zero(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", pair[0], pair[0]]) == 0
    assert "identical" in capsys.readouterr().out


def test_different_versions_exit_one_and_show_the_change(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", *pair]) == 1
    out = capsys.readouterr().out
    assert "firmly" in out
    assert "1 changed" in out


def test_only_changes_hides_identical_rows(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["compare", *pair, "--only-changes"])
    out = capsys.readouterr().out
    assert "Trade grew" not in out
    assert "condemn" in out


def test_json_output_follows_the_schema(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", *pair, "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "stmtdiff/alignment@1"
    assert [v["id"] for v in data["versions"]] == ["moscow", "beijing"]
    first = data["versions"][0]["sentences"][1]
    assert first == {
        "id": 1,
        "text": "The Parties firmly condemn terrorism.",
        "start": 27,
        "end": 64,
        "paragraph": 1,
    }
    row = data["rows"][1]
    assert row["status"] == "changed"
    assert row["cells"]["beijing"]["diff"][1] == ["delete", "firmly "]
    assert data["summary"]["changed"] == 1


def test_output_file_is_written(pair: tuple[str, str], tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    main(["compare", *pair, "--format", "json", "-o", str(target)])
    assert json.loads(target.read_text(encoding="utf-8"))["rows"]


def test_pivot_option_changes_the_reference(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["compare", *pair, "--format", "json", "--pivot", "2"])
    assert json.loads(capsys.readouterr().out)["pivot"] == "beijing"


def test_lang_option_overrides_detection(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["compare", *pair, "--format", "json", "--lang", "2=de"])
    langs = [v["lang"] for v in json.loads(capsys.readouterr().out)["versions"]]
    assert langs == ["en", "de"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["compare", "{a}"], "at least 2 versions"),
        (["compare", "{a}", "{missing}"], "missing.txt"),
        (["compare", "{a}", "{a}", "--pivot", "7"], "out of range"),
        (["compare", "{a}", "{a}", "--lang", "9=ru"], "unknown version '9'"),
        (["compare", "{a}", "{a}", "--translation", "nofile"], "VERSION=VALUE"),
        (["compare", "{a}", "{a}", "--format", "pdf"], "invalid choice"),
    ],
)
def test_bad_usage_is_one_line_and_exit_two(
    pair: tuple[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    argv = [a.format(a=pair[0], missing=tmp_path / "missing.txt") for a in arguments]
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse usage errors
        code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_nine_versions_are_refused(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", *([pair[0]] * 9)]) == 2
    assert "at most 8 versions" in capsys.readouterr().err


def test_segment_prints_spans(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", pair[0], "--format", "json"]) == 0
    sentences = json.loads(capsys.readouterr().out)["sentences"]
    assert [(s["start"], s["end"]) for s in sentences] == [(0, 26), (27, 64), (65, 82)]


def test_demo_runs_on_the_shipped_samples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "en-moscow" in out or "Kremlin" in out
    assert "changed" in out


def test_output_without_styles_marks_changes_wdiff_style(
    pair: tuple[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "diff.txt"
    main(["compare", *pair, "-o", str(target)])
    assert "The Parties [-firmly -]condemn terrorism." in target.read_text(encoding="utf-8")


def test_a_manifest_folder_compares_its_versions_with_labels_and_title(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["compare", str(samples), "--format", "json", "--method", "lexical"])
    data = json.loads(capsys.readouterr().out)
    assert data["title"].startswith("Joint Statement on Deepening Partnership")
    assert [v["label"] for v in data["versions"]][:2] == [
        "Kremlin, Russian original",
        "Kremlin, English translation",
    ]
    assert data["versions"][2]["publisher"] == "Xinhua"


def test_segment_reports_each_sentences_language_in_a_mixed_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mixed = tmp_path / "mixed.txt"
    mixed.write_text(
        "Стороны договорились о сотрудничестве. The parties agreed to cooperate.\n双方同意合作。\n",
        encoding="utf-8",
    )
    assert main(["segment", str(mixed), "--format", "json"]) == 0
    sentences = json.loads(capsys.readouterr().out)["sentences"]
    assert [s["lang"] for s in sentences] == ["ru", "en", "zh"]


def test_a_command_collects_cycles_less_often_and_gives_the_callers_settings_back(
    pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    from stmtdiff.frontends.cli import main as cli

    during: list[tuple[int, int, int]] = []
    run = cli._run

    def watched(args: argparse.Namespace) -> int:
        during.append(gc.get_threshold())
        return run(args)

    monkeypatch.setattr(cli, "_run", watched)
    before = gc.get_threshold()
    assert main(["compare", *pair]) == 1
    assert during == [cli.GC_THRESHOLDS]
    assert gc.get_threshold() == before
    with pytest.raises(SystemExit):
        main(["compare", "--no-such-option", *pair])
    assert gc.get_threshold() == before
    capsys.readouterr()
