"""Issue 15, "silent wrong results" in `stmtdiff check`: each repro of the issue, as a spec.

Correct dates, times and amounts were reported as number mismatches (the project's own samples
failed their check); HTML translations got line numbers of the extracted text; a CSV glossary
with an unterminated quote silently dropped the terms after it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from stmtdiff.core.text.numbers import compare_numbers
from stmtdiff.core.text.scripts import BaseLang
from stmtdiff.frontends.cli.main import main

#: The languages these examples are written in, as a version carries them.
EN, RU = BaseLang("en"), BaseLang("ru")

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "joint-statement"


def _manifest_pairs() -> list[tuple[str, str]]:
    """Each official translation with the original its publisher issued, as the manifest says."""
    versions = tomllib.loads((SAMPLES / "stmtdiff.toml").read_text("utf-8"))["version"]
    originals = {v["publisher"]: v["source"] for v in versions if v["role"] == "original"}
    return [
        (originals[v["publisher"]], v["source"])
        for v in versions
        if v["role"] == "official translation"
    ]


def test_the_manifest_names_translation_pairs() -> None:
    assert ("zh-xinhua.txt", "en-beijing.txt") in _manifest_pairs()
    assert ("ru-kremlin.txt", "en-moscow.txt") in _manifest_pairs()


@pytest.mark.parametrize(("source", "translation"), _manifest_pairs())
def test_samples_pass_their_own_check(
    source: str, translation: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["check", str(SAMPLES / source), str(SAMPLES / translation)])
    assert status == 0, capsys.readouterr().out


@pytest.mark.parametrize(
    ("source", "lang", "translation"),
    [
        (
            "习近平于2025年5月14日至16日对俄罗斯进行国事访问。",
            "zh",
            "Xi paid a state visit from May 14 to 16, 2025.",
        ),
        (
            "Визит состоялся 14–16 мая 2025 г.",
            "ru",
            "The visit took place from May 14 to 16, 2025.",
        ),
        ("Заседание откроется в 10 ч. 15 м.", "ru", "The meeting will open at 10.15 a.m."),
        ("Заседание возобновится в 15 ч. 00 м.", "ru", "The meeting will resume at 3 p.m."),
        (
            "Сессия пройдет с 13 апреля по 7 мая 2015 года.",
            "ru",
            "The session will run from 13 April 2015 to 7 May 2015.",
        ),
        (
            "Смета составляет 1 036 201 000 долл. США, из них 2 млн на поездки.",
            "ru",
            "The estimate is $1,036,201,000, of which $2 million is for travel.",
        ),
    ],
    ids=["zh-range", "ru-range", "ru-time", "ru-time-pm", "ru-range-two-months", "grouped-amount"],
)
def test_issue_repros_compare_as_values(source: str, lang: str, translation: str) -> None:
    assert compare_numbers(source, BaseLang(lang), translation, EN) is None


def test_a_changed_day_in_a_shared_month_range_is_still_found() -> None:
    mismatch = compare_numbers(
        "Визит состоялся 14–16 мая 2025 г.",
        RU,
        "The visit took place from May 14 to 17, 2025.",
        EN,
    )
    assert mismatch is not None
    assert [q.value for q in mismatch.translation_only] == ["2025-05-17"]


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Joint statement</title>
</head>
<body>
<nav><a href="/">Home</a></nav>
<div itemprop="articleBody">
<p>The sides held talks in Moscow on 16 May 2024.</p>

<p>
  Trade between the two countries reached 245 billion dollars in 2023.
</p>
</div>
</body>
</html>
"""


def test_html_translation_findings_point_at_the_markup_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ru.txt").write_text(
        "Стороны провели переговоры в Москве 16 мая 2024 года.\n\n"
        "Товарооборот между двумя странами достиг 240,1 млрд долларов в 2023 году.\n",
        "utf-8",
    )
    (tmp_path / "en.html").write_text(PAGE, "utf-8")
    status = main(["check", str(tmp_path / "ru.txt"), str(tmp_path / "en.html"), "--skip", "extra"])
    out = capsys.readouterr().out
    assert status == 1
    # The paragraph's text is on line 13, column 3 of the page (its <p> on line 12); the
    # extracted text would have said line 3.
    assert f"{tmp_path / 'en.html'}:13:3  error [numbers]" in out


def test_csv_glossary_with_an_unterminated_quote_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ru.txt").write_text("Стороны поддерживают БРИКС и ООН.\n", "utf-8")
    (tmp_path / "en.txt").write_text("The sides support BRICS and the UN.\n", "utf-8")
    (tmp_path / "terms.csv").write_text('ru,en\n"БРИКС,BRICS\nООН,UN\n', "utf-8")
    args = ["check", str(tmp_path / "ru.txt"), str(tmp_path / "en.txt")]
    assert main([*args, "--glossary", str(tmp_path / "terms.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("stmtdiff: error: ") and err.count("\n") == 1
    assert "terms.csv: line 2: " in err
