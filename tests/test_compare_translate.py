"""`compare --translate`: versions in two languages lined up through a machine translation.

Runs the real CLI against the local stub LibreTranslate server; nothing leaves the machine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from translate_stubs import libre_flags, serving

from stmtdiff.frontends.cli.main import main

RUSSIAN = (
    "Стороны подтвердили приверженность целям и принципам Устава ООН.\n"
    "Российская Федерация и Китайская Народная Республика выступают за многополярный мир.\n"
    "Стороны договорились укреплять сотрудничество в области энергетики.\n"
)
CHINESE = "双方重申恪守《联合国宪章》宗旨和原则。\n双方同意加强能源领域合作。\n"


@pytest.fixture
def pair(tmp_path: Path) -> list[str]:
    ru = tmp_path / "ru.txt"
    zh = tmp_path / "zh.txt"
    ru.write_text(RUSSIAN, encoding="utf-8")
    zh.write_text(CHINESE, encoding="utf-8")
    return [str(ru), str(zh)]


def run_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    main([*argv, "--format", "json"])
    return json.loads(capsys.readouterr().out)


def test_translation_aligns_shared_sentences_and_shows_the_omission(
    pair: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache.sqlite3"
    with serving() as stub:
        data = run_json(
            [
                "compare",
                *pair,
                *libre_flags(stub.url, cache),
            ],
            capsys,
        )
    assert data["alignments"][0]["method"] == "translation"
    rows = data["rows"]
    cells = [(row["cells"]["ru"]["sentences"], row["cells"]["zh"]["sentences"]) for row in rows]
    assert cells == [([0], [0]), ([1], []), ([2], [1])]
    assert rows[1]["status"] == "missing"
    zh = data["versions"][1]
    assert zh["translation"]["engine"] == "libre"
    assert zh["sentences"][1]["translation"].startswith("The two sides agreed")
    assert any("libre" in note for note in data["notes"])


def test_a_second_run_sends_nothing_already_translated(
    pair: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache.sqlite3"
    argv = ["compare", *pair, "--translate", "libre", "--cache", str(cache)]
    with serving() as stub:
        run_json([*argv, "--translate-url", stub.url], capsys)
        first = stub.count
        run_json([*argv, "--translate-url", stub.url], capsys)
        assert first == 5
        assert stub.count == first


def test_offline_sends_nothing_and_says_what_lacks_a_translation(
    pair: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving() as stub:
        data = run_json(
            [
                "compare",
                *pair,
                *libre_flags(stub.url, tmp_path / "empty.sqlite3"),
                "--offline",
            ],
            capsys,
        )
        assert stub.count == 0
    notes = " ".join(data["notes"])
    assert "3 of 3 sentences have no cached libre translation" in notes


def test_without_translate_nothing_is_sent(
    pair: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving() as stub:
        data = run_json(["compare", *pair, "--cache", str(tmp_path / "c.sqlite3")], capsys)
        assert stub.count == 0
    assert data["alignments"][0]["method"] != "translation"


def test_an_unreachable_engine_is_one_line_and_exit_two(
    pair: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[translate]\nretries = 1\n", encoding="utf-8")
    monkeypatch.setenv("STMTDIFF_CONFIG", str(config))
    code = main(
        [
            "compare",
            *pair,
            *libre_flags("http://127.0.0.1:9/", tmp_path / "c.sqlite3"),
            "--translate-timeout",
            "0.5",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("stmtdiff: error: libre")
    assert len(err.strip().splitlines()) == 1


def test_show_translation_prints_translations_under_the_originals(
    pair: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    with serving() as stub:
        main(
            [
                "compare",
                *pair,
                *libre_flags(stub.url, tmp_path / "c.sqlite3"),
                "--show-translation",
            ]
        )
    lines = capsys.readouterr().out.splitlines()
    original = next(k for k, line in enumerate(lines) if "双方同意加强能源领域合作。" in line)
    assert (
        "The two sides agreed to strengthen cooperation in the energy sector."
        in lines[original + 1]
    )
