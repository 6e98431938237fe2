"""The word diff inside a row."""

from __future__ import annotations

from stmtdiff.core.compare.diff import new_text, old_text, tokenize, word_diff
from stmtdiff.core.model import DiffOp, Op


def changes(old: str, new: str) -> list[tuple[Op, str]]:
    return [(op.op, op.text) for op in word_diff(old, new) if op.op is not Op.EQUAL]


def test_whole_words_are_replaced_not_letters() -> None:
    assert changes("They condemn the attack.", "They condone the attack.") == [
        (Op.DELETE, "condemn"),
        (Op.INSERT, "condone"),
    ]


def test_russian_words_with_hyphens_stay_whole() -> None:
    assert changes(
        "Российско-китайские отношения крепнут.", "Китайско-российские отношения крепнут."
    ) == [(Op.DELETE, "Российско-китайские"), (Op.INSERT, "Китайско-российские")]


def test_numbers_with_decimals_and_percent_are_single_tokens() -> None:
    assert tokenize("245,2 млрд и 95%") == ["245,2", " ", "млрд", " ", "и", " ", "95%"]


def test_chinese_is_diffed_by_character() -> None:
    assert changes("双方对亚太地区表示严重关切。", "双方对亚太地区表示关切。") == [
        (Op.DELETE, "严重")
    ]


def test_chinese_numbers_stay_whole_inside_cjk_text() -> None:
    assert tokenize("2450亿美元") == ["2450", "亿", "美", "元"]


def test_both_sides_are_recoverable_from_the_edit_script() -> None:
    old = "The Parties will work together to build a more just multipolar world."
    new = "The two sides will work together to build an equal and orderly multipolar world."
    ops = word_diff(old, new)
    assert old_text(ops) == old
    assert new_text(ops) == new


def test_adjacent_operations_of_one_kind_are_merged() -> None:
    ops = word_diff("a b c", "x y z")
    assert ops == [DiffOp(Op.DELETE, "a b c"), DiffOp(Op.INSERT, "x y z")]


def test_long_diffs_are_exact_and_deterministic() -> None:
    old = " ".join(f"word{k}" for k in range(3000))
    new = old.replace("word1500", "changed")
    first = word_diff(old, new)
    assert [op for op in first if op.op is not Op.EQUAL] == [
        DiffOp(Op.DELETE, "word1500"),
        DiffOp(Op.INSERT, "changed"),
    ]
    assert word_diff(old, new) == first
