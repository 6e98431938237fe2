"""Writing systems have one home (``stmtdiff.core.text.scripts``): which characters are Han, Kana,
Hangul,
and which languages join their sentences without a space."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stmtdiff.core.compare.diff import tokenize
from stmtdiff.core.text.clauses import edge_clauses
from stmtdiff.core.text.langid import script_counts
from stmtdiff.core.text.scripts import (
    base_language,
    east_asian_script,
    glues_lines,
    han_count,
    has_cjk,
    is_cjk_char,
    is_ideographic,
    is_wide,
    joins_without_space,
    sentence_separator,
)
from stmtdiff.frontends.cli.main import main

#: One character of each block the Han range covers: extension A, unified, compatibility,
#: extension B.
HAN_SAMPLES = ["\u3400", "中", "\uf900", "𠮷"]


@pytest.mark.parametrize("lang", ["zh", "zh-Hans", "ZH_cn", "ja", "ja-JP"])
def test_chinese_and_japanese_join_without_space(lang: str) -> None:
    assert joins_without_space(lang)
    assert sentence_separator(lang) == ""


@pytest.mark.parametrize("lang", ["ko", "ko-KR", "th", "en", "ru", ""])
def test_korean_and_alphabetic_languages_join_with_a_space(lang: str) -> None:
    assert not joins_without_space(lang)
    assert sentence_separator(lang) == " "


def test_base_language_drops_region_and_script() -> None:
    assert base_language(" zh-Hans-CN") == "zh"
    assert base_language("EN_us") == "en"


@pytest.mark.parametrize("char", HAN_SAMPLES)
def test_every_han_block_is_han(char: str) -> None:
    assert han_count(f"a{char}b") == 1
    assert is_ideographic(char)
    assert is_cjk_char(char)
    assert east_asian_script(char) == "han"


def test_han_count_counts_only_han() -> None:
    assert han_count("中国ロシア한국 China") == 2


def test_kana_is_ideographic_but_not_han() -> None:
    assert han_count("ひらがなカタカナ") == 0
    assert is_ideographic("か")
    assert east_asian_script("カ") == "kana"


def test_hangul_is_a_cjk_unit_but_not_ideographic() -> None:
    """A Hangul syllable is one diff unit, yet Korean text puts spaces between sentences."""
    assert is_cjk_char("한")
    assert has_cjk("Korea 한국")
    assert not is_ideographic("한")
    assert east_asian_script("한") == "hangul"


def test_conjoining_jamo_are_hangul_script_but_not_units() -> None:
    assert east_asian_script("\u1100") == "hangul"
    assert not is_cjk_char("\u1100")


@pytest.mark.parametrize("char", ["a", "я", "1", " ", "."])
def test_alphabets_digits_and_ascii_are_not_cjk(char: str) -> None:
    assert not is_cjk_char(char)
    assert not is_wide(char)
    assert not glues_lines(char)
    assert east_asian_script(char) is None


@pytest.mark.parametrize("char", ["中", "か", "。", "（", "，", "Ａ"])
def test_ideographs_kana_and_full_width_forms_glue_broken_lines(char: str) -> None:
    assert glues_lines(char)
    assert is_wide(char)


def test_a_line_break_next_to_hangul_stays_a_space() -> None:
    assert not glues_lines("한")
    assert is_wide("한")


def test_two_supplementary_han_characters_are_two_diff_tokens() -> None:
    """Extension B characters (rare names) were one token together: a changed one showed as a
    changed word, unlike every other Han character."""
    assert tokenize("𠮷𠀋") == ["𠮷", "𠀋"]


def test_a_compatibility_ideograph_counts_as_han_for_language_identification() -> None:
    assert script_counts("\uf900")["han"] == 1


def test_korean_clauses_break_at_an_en_dash() -> None:
    """Korean punctuates like English (dashes, spaced quotes), not like Chinese."""
    text = "양국은 협력을 강화한다 – 무역을 확대한다"
    assert edge_clauses(text, "ko") == ("양국은 협력을 강화한다", "무역을 확대한다")


def test_korean_sentences_merged_into_one_row_keep_their_space(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One Korean sentence split in two by the other version: the row's text reads as written,
    ``합의했다. 무역을``, not ``합의했다.무역을``."""
    (tmp_path / "one.txt").write_text(
        "양국은 협력을 강화하기로 합의하고 무역을 확대하기로 했다.\n", encoding="utf-8"
    )
    (tmp_path / "two.txt").write_text(
        "양국은 협력을 강화하기로 합의했다. 무역을 확대하기로 했다.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["compare", "one.txt", "two.txt", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    (row,) = report["rows"]
    cell = row["cells"]["two"]
    assert cell["sentences"] == [0, 1]
    written = "".join(text for op, text in cell["diff"] if op != "delete")
    assert written == "양국은 협력을 강화하기로 합의했다. 무역을 확대하기로 했다."
