"""`stmtdiff align SRC TGT`: beads in the research tools' format, JSON, translations, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from align_support import CHINESE, ENGLISH, RUSSIAN, model_cache  # noqa: F401

from stmtdiff.frontends.cli.main import main

pytestmark = pytest.mark.usefixtures("model_cache")


def write(folder: Path, name: str, lines: list[str]) -> str:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def covered(beads: list[str], n: int, m: int) -> bool:
    """True when the beads cover 0..n-1 and 0..m-1 once each, in order."""
    src: list[int] = []
    tgt: list[int] = []
    for bead in beads:
        left, right = bead.split(":")
        src += [int(x) for x in left.strip("[]").split(",") if x]
        tgt += [int(x) for x in right.strip("[]").split(",") if x]
    return src == list(range(n)) and tgt == list(range(m))


@pytest.mark.parametrize("method", ["lexical", "semantic"])
def test_beads_cover_every_sentence_of_both_sides_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], method: str
) -> None:
    zh = write(tmp_path, "zh.txt", [CHINESE[0], CHINESE[1], CHINESE[2] + CHINESE[3], *CHINESE[4:]])
    en = write(tmp_path, "en.txt", ENGLISH)
    assert main(["align", "--segmented", "--method", method, zh, en]) == 0
    out, err = capsys.readouterr()
    beads = out.split()
    assert beads[:3] == ["[0]:[0]", "[1]:[1]", "[2]:[2,3]"]
    assert covered(beads, 5, 6)
    assert f"zh→en aligned by {method}" in err


def test_json_names_the_method_and_its_confidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ru = write(tmp_path, "ru.txt", RUSSIAN)
    en = write(tmp_path, "en.txt", ENGLISH)
    assert main(["align", "--segmented", "--format", "json", ru, en]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "semantic"
    assert 0.5 < data["confidence"] <= 1
    assert (data["src"]["lang"], data["tgt"]["lang"]) == ("ru", "en")
    assert [b["src"] for b in data["beads"]] == [[i] for i in range(len(RUSSIAN))]


def test_a_line_aligned_translation_selects_the_translation_method(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zh = write(tmp_path, "zh.txt", CHINESE)
    en = write(tmp_path, "en.txt", ENGLISH)
    mt = write(tmp_path, "zh.en.txt", ENGLISH)
    assert main(["align", "--segmented", "--src-translation", mt, zh, en]) == 0
    out, err = capsys.readouterr()
    assert out.split() == [f"[{i}]:[{i}]" for i in range(len(CHINESE))]
    assert "aligned by translation" in err


def test_a_translation_with_the_wrong_line_count_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zh = write(tmp_path, "zh.txt", CHINESE)
    en = write(tmp_path, "en.txt", ENGLISH)
    mt = write(tmp_path, "mt.txt", ENGLISH[:3])
    assert main(["align", "--segmented", "--src-translation", mt, zh, en]) == 2
    err = capsys.readouterr().err
    assert err.startswith("stmtdiff: error: ") and err.count("\n") == 1
    assert "one line per sentence" in err


def test_the_translation_method_without_a_translation_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zh = write(tmp_path, "zh.txt", CHINESE)
    en = write(tmp_path, "en.txt", ENGLISH)
    assert main(["align", "--segmented", "--method", "translation", zh, en]) == 2
    assert "--method translation needs a translation" in capsys.readouterr().err


def test_beads_can_be_written_to_a_file(tmp_path: Path) -> None:
    ru = write(tmp_path, "ru.txt", RUSSIAN)
    zh = write(tmp_path, "zh.txt", CHINESE)
    target = tmp_path / "out.align"
    assert main(["align", "--segmented", ru, zh, "-o", str(target)]) == 0
    assert covered(target.read_text(encoding="utf-8").split(), 6, 6)


SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "joint-statement"


@pytest.mark.parametrize("method", ["lexical", "semantic"])
def test_parallel_declares_the_texts_translations_so_lengths_never_call_them_comparable(
    capsys: pytest.CaptureFixture[str], method: str
) -> None:
    ru, readout = str(SAMPLES / "ru-kremlin.txt"), str(SAMPLES / "readout-en.txt")
    assert main(["align", "--method", method, ru, readout]) == 0
    assert "not versions of one text" in capsys.readouterr().err
    assert main(["align", "--method", method, "--parallel", ru, readout]) == 0
    assert "not versions of one text" not in capsys.readouterr().err


def test_readouts_of_different_meetings_get_compares_share_little_warning_naming_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    talks = write(
        tmp_path,
        "talks.txt",
        [
            "The ministers discussed fishing quotas in the northern seas.",
            "A protocol on veterinary checks was signed.",
            "They agreed to meet again in the autumn.",
        ],
    )
    concert = write(
        tmp_path,
        "concert.txt",
        [
            "The president opened a new railway station in the capital.",
            "Students performed a concert for the guests.",
            "The mayor thanked the builders for their work.",
        ],
    )
    assert main(["align", "--readouts", talks, concert]) == 0
    err = capsys.readouterr().err
    assert f"stmtdiff: warning: {concert} and {talks} share little" in err
