"""One glossary type: ``align --glossary`` reads check's TOML, CSV and TSV glossaries too."""

from __future__ import annotations

from pathlib import Path

from stmtdiff.adapters.models.dictionary import key_maker, load_glossary
from stmtdiff.core.check.glossary import parse_glossary

TOML = """[[term]]
ru = "Сила Сибири"
en = ["Power of Siberia", "Sila Sibiri"]
zh = "西伯利亚力量"
"""
CSV = "ru,en\nСила Сибири,Power of Siberia | Sila Sibiri\n"
TSV = "ru\ten\nСила Сибири\tPower of Siberia | Sila Sibiri\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _sila() -> str:
    return key_maker("ru").keys("Сила")[0]


def test_align_reads_a_toml_glossary(tmp_path: Path) -> None:
    lexicon = load_glossary(_write(tmp_path, "terms.toml", TOML), "ru", "en")
    assert {"power", "sila"} <= set(lexicon.forward[_sila()])


def test_align_reads_a_csv_glossary(tmp_path: Path) -> None:
    lexicon = load_glossary(_write(tmp_path, "terms.csv", CSV), "ru", "en")
    assert {"power", "sila"} <= set(lexicon.forward[_sila()])


def test_a_tsv_header_of_languages_is_read_as_a_header_not_a_pair(tmp_path: Path) -> None:
    lexicon = load_glossary(_write(tmp_path, "terms.tsv", TSV), "ru", "en")
    assert "ru" not in lexicon.forward
    assert {"power", "sila"} <= set(lexicon.forward[_sila()])


def test_align_and_check_take_the_same_pairs_from_a_glossary(tmp_path: Path) -> None:
    path = _write(tmp_path, "terms.toml", TOML)
    aligned = load_glossary(path, "ru", "zh")
    checked = parse_glossary(TOML, str(path)).lexicon("ru", "zh", key_maker("ru"), key_maker("zh"))
    assert aligned.forward == checked.forward and len(aligned) > 0
