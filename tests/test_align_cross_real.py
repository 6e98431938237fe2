"""Cross-language alignment on real readouts and gold sets from ../shared (skipped when absent)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from align_support import model_cache  # noqa: F401

from stmtdiff.adapters.models.embed import encoder_available
from stmtdiff.adapters.pipeline import attach_translation_file
from stmtdiff.core.text.versions import make_version
from stmtdiff.frontends.cli.main import main

pytestmark = [
    pytest.mark.usefixtures("model_cache"),
    pytest.mark.skipif(not encoder_available(), reason="encoder package not installed"),
]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "joint-statement"


def compare_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    main(["compare", *argv, "--format", "json"])
    return json.loads(capsys.readouterr().out)


def row_texts(data: Any, versions: list[Any]) -> list[tuple[str, str, str]]:
    """(status, pivot text, other text) per row."""
    rows = []
    for row in data["rows"]:
        cells = list(row["cells"].values())
        texts = [
            " ".join(version.sentences[i].text for i in cell["sentences"])
            for version, cell in zip(versions, cells, strict=True)
        ]
        rows.append((cells[1]["status"], texts[0], texts[1]))
    return rows


def test_the_russian_and_chinese_samples_align_offline_by_the_semantic_method(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ru, zh = SAMPLES / "ru-kremlin.txt", SAMPLES / "zh-xinhua.txt"
    data = compare_json(capsys, str(ru), str(zh))
    pair = data["alignments"][0]
    assert pair["method"] == "semantic" and pair["confidence"] > 0.5
    versions = [
        make_version("ru", ru.read_text("utf-8")),
        make_version("zh", zh.read_text("utf-8")),
    ]
    rows = row_texts(data, versions)
    assert any("2450" in other and "245,2" in pivot for _, pivot, other in rows)


def test_a_whole_text_translation_is_aligned_to_its_version_sentence_by_sentence() -> None:
    version = make_version("ru", (SAMPLES / "ru-kremlin.txt").read_text("utf-8"), lang="ru")
    version = attach_translation_file(version, str(SAMPLES / "en-moscow.txt"))
    assert version.translations is not None and version.translation_lang == "en"
    by_sentence = dict(zip((s.text for s in version.sentences), version.translations, strict=True))
    wanted = "Главы государств провели переговоры в Москве в тёплой и дружественной атмосфере."
    assert by_sentence[wanted] == (
        "The heads of state held talks in Moscow in a warm and friendly atmosphere."
    )


PHONE_CALL = "corpus/cn-ru-2025-02-24-phone-call"


def test_two_readouts_of_one_call_line_up_what_both_report_and_no_more(
    shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ru_path = shared / PHONE_CALL / "ru-kremlin.txt"
    zh_path = shared / PHONE_CALL / "zh-xinhua-via-cctv-xwlb.txt"
    data = compare_json(capsys, str(ru_path), str(zh_path))
    pair = data["alignments"][0]
    # Their lengths show two accounts of one call: the fact matcher takes over, and says so.
    assert pair["method"] == "readouts"
    assert any("accounts of one event" in note for note in data["notes"])
    versions = [
        make_version("ru", ru_path.read_text("utf-8")),
        make_version("zh", zh_path.read_text("utf-8")),
    ]
    rows = row_texts(data, versions)
    # Shared: the headline, and the plans for the 80th anniversary of the victory.
    assert rows[0][1].startswith("Телефонный разговор") and "通电话" in rows[0][2]
    assert any("80-летия Победы" in pivot and "80周年" in other for _, pivot, other in rows)
    # Only the Kremlin reports the tone of the call; only Xinhua Xi's "four musts" on Ukraine.
    assert ("missing", "Разговор носил тёплый и дружеский характер.", "") in rows
    assert any(status == "extra" and "四个应该" in other for status, _, other in rows)
    # The clearest shared statement closes the Kremlin's text and opens Xinhua's: one row.
    assert any("против кого-либо" in pivot and "不针对第三方" in other for _, pivot, other in rows)


@pytest.mark.slow
def test_mac_dev_scores_as_the_benchmark_reports(shared: Path) -> None:
    """One MAC-Dev chapter through the benchmark code: semantic and lexical stay near dev."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from align_quality import evidence, run_dataset
    from aligndata import mac

    docs = list(mac("dev"))[:1]
    proof = evidence()
    semantic = run_dataset(docs, "semantic", proof, None)
    lexical = run_dataset(docs, "lexical", proof, None)
    assert semantic is not None and lexical is not None
    assert semantic[0].scores()[2] > 0.8
    assert lexical[0].scores()[2] > 0.5
