"""Comparing versions: rows, cell statuses, moves, pivots and N versions."""

from __future__ import annotations

import pytest

from stmtdiff.core.compare.compare import compare
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.model import Comparison, Op, Status, Version
from stmtdiff.core.text.versions import version_from_sentences

MOSCOW = [
    "The Parties note that relations have reached the highest level in their history.",
    "The Parties firmly condemn any attempt to revise the outcomes of the Second World War.",
    "In 2024, trade reached 245.2 billion U.S. dollars.",
    "The Parties will expand settlements in national currencies.",
    "A lasting settlement requires addressing the root causes of the conflict.",
    "The next meeting will take place in China in 2026.",
]


def en(id: str, sentences: list[str]) -> Version:
    return version_from_sentences(id, sentences, lang="en")


def statuses(comparison: Comparison, version_id: str) -> list[Status]:
    return [row.cell(version_id).status for row in comparison.rows]


def test_identical_versions_give_identical_rows_and_no_difference() -> None:
    result = compare([en("a", MOSCOW), en("b", list(MOSCOW))])
    assert statuses(result, "b") == [Status.IDENTICAL] * len(MOSCOW)
    assert not result.differs


def test_quote_style_and_spacing_only_is_minor() -> None:
    a = en("a", ['The Parties stress that "friendship is a lasting foundation".'])
    b = en("b", ["The Parties stress  that «friendship is a lasting foundation»."])
    c = en("c", ["the parties stress that friendship is a lasting foundation"])
    result = compare([a, b, c])
    assert statuses(result, "b") == [Status.IDENTICAL]  # canonical forms agree
    assert statuses(result, "c") == [Status.MINOR]
    assert not result.differs


def test_a_softened_verb_is_changed_with_the_word_diff() -> None:
    b = list(MOSCOW)
    b[1] = "The Parties condemn any attempt to revise the outcomes of the Second World War."
    result = compare([en("a", MOSCOW), en("b", b)])
    cell = result.rows[1].cell("b")
    assert cell.status is Status.CHANGED
    assert cell.diff is not None
    assert [(op.op, op.text) for op in cell.diff if op.op is not Op.EQUAL] == [
        (Op.DELETE, "firmly ")
    ]
    assert result.differs


def test_a_changed_figure_is_marked_as_deleted_and_inserted() -> None:
    b = list(MOSCOW)
    b[2] = "In 2024, trade reached 245 billion U.S. dollars."
    cell = compare([en("a", MOSCOW), en("b", b)]).rows[2].cell("b")
    changes = [(op.op, op.text) for op in cell.diff or [] if op.op is not Op.EQUAL]
    assert changes == [(Op.DELETE, "245.2"), (Op.INSERT, "245")]


def test_an_omitted_sentence_is_missing_in_that_version() -> None:
    b = MOSCOW[:4] + MOSCOW[5:]
    result = compare([en("a", MOSCOW), en("b", b)])
    missing = [row for row in result.rows if row.cell("b").status is Status.MISSING]
    assert [row.cell("a").sentence_ids for row in missing] == [[4]]
    assert missing[0].status is Status.MISSING


def test_an_added_sentence_is_extra_and_gets_its_own_row_in_place() -> None:
    b = [*MOSCOW[:3], "Both sides welcomed the new visa-free regime.", *MOSCOW[3:]]
    result = compare([en("a", MOSCOW), en("b", b)])
    assert [row.status for row in result.rows][3] is Status.EXTRA
    assert result.rows[3].cell("b").sentence_ids == [3]
    assert result.rows[3].cell("a").sentence_ids == []


def test_two_sentences_merged_share_one_row() -> None:
    b = [
        *MOSCOW[:2],
        "In 2024, trade reached 245.2 billion U.S. dollars, "
        "and the Parties will expand settlements in national currencies.",
        *MOSCOW[4:],
    ]
    result = compare([en("a", MOSCOW), en("b", b)])
    row = next(r for r in result.rows if r.cell("b").sentence_ids == [2])
    assert row.cell("a").sentence_ids == [2, 3]
    assert row.status is Status.CHANGED


def test_a_moved_sentence_is_reported_with_both_places() -> None:
    b = [MOSCOW[0], *MOSCOW[2:5], MOSCOW[1], MOSCOW[5]]
    result = compare([en("a", MOSCOW), en("b", b)])
    origin = next(r for r in result.rows if r.cell("a").sentence_ids == [1])
    target = result.rows[origin.cell("b").moved_to or 0]
    assert origin.cell("b").status is Status.MOVED
    assert target.cell("b").status is Status.MOVED
    assert target.cell("b").sentence_ids == [4]
    assert target.cell("b").moved_to == origin.index


def test_a_rewritten_sentence_in_place_is_not_a_move() -> None:
    b = list(MOSCOW)
    b[4] = "Peace needs dialogue."
    result = compare([en("a", MOSCOW), en("b", b)])
    assert Status.MOVED not in statuses(result, "b")


def test_three_versions_share_one_table_with_the_pivot_first() -> None:
    b = list(MOSCOW)
    b[1] = "The Parties condemn any attempt to revise the outcomes of the Second World War."
    c = MOSCOW[:4] + MOSCOW[5:]
    result = compare([en("a", MOSCOW), en("b", b), en("c", c)])
    assert result.pivot == "a"
    assert [cell.version for cell in result.rows[0].cells] == ["a", "b", "c"]
    assert result.rows[1].cell("b").status is Status.CHANGED
    assert result.rows[1].cell("c").status is Status.IDENTICAL
    assert result.rows[4].cell("c").status is Status.MISSING


def test_a_merge_in_one_version_joins_the_pivot_row_for_all_versions() -> None:
    merged = [*MOSCOW[:2], MOSCOW[2] + " " + MOSCOW[3], *MOSCOW[4:]]
    result = compare([en("a", MOSCOW), en("b", merged), en("c", list(MOSCOW))])
    row = next(r for r in result.rows if r.cell("a").sentence_ids == [2, 3])
    assert row.cell("c").sentence_ids == [2, 3]
    assert row.cell("c").status is Status.IDENTICAL


def test_pivot_can_be_chosen_by_id_or_position() -> None:
    versions = [en("a", MOSCOW), en("b", MOSCOW[1:])]
    assert compare(versions, pivot="b").pivot == "b"
    assert compare(versions, pivot=1).pivot == "b"
    by_b = compare(versions, pivot="b")
    assert by_b.rows[0].cell("a").status is Status.EXTRA


@pytest.mark.parametrize("count", [1, 9])
def test_fewer_than_two_or_more_than_eight_versions_is_an_error(count: int) -> None:
    versions = [en(f"v{k}", MOSCOW) for k in range(count)]
    with pytest.raises(StmtdiffError, match="2 to 8 versions"):
        compare(versions)


def test_unknown_pivot_is_an_error() -> None:
    with pytest.raises(StmtdiffError, match="unknown pivot 'zz'"):
        compare([en("a", MOSCOW), en("b", MOSCOW)], pivot="zz")


def test_counts_cover_every_row() -> None:
    result = compare([en("a", MOSCOW), en("b", MOSCOW[:3])])
    assert sum(result.counts().values()) == len(result.rows)
    assert result.counts()[Status.MISSING] == 3


def test_chinese_cells_are_diffed_character_by_character() -> None:
    a = version_from_sentences("zh1", ["双方强烈谴责恐怖主义。"], lang="zh")
    b = version_from_sentences("zh2", ["双方谴责恐怖主义。"], lang="zh")
    cell = compare([a, b]).rows[0].cell("zh2")
    assert [(op.op, op.text) for op in cell.diff or [] if op.op is not Op.EQUAL] == [
        (Op.DELETE, "强烈")
    ]


def test_versions_adding_the_same_sentence_share_its_row() -> None:
    added = "Both sides welcomed the new visa-free regime."
    b = [*MOSCOW[:3], added, *MOSCOW[3:]]
    c = [*MOSCOW[:3], "Both sides welcomed the visa-free regime.", *MOSCOW[3:]]
    result = compare([en("a", MOSCOW), en("b", b), en("c", c)])
    extra = [row for row in result.rows if row.status is Status.EXTRA]
    assert len(extra) == 1
    assert extra[0].cell("b").sentence_ids == [3]
    assert extra[0].cell("c").sentence_ids == [3]


def test_a_sentence_reworded_in_place_is_changed_not_missing_plus_extra() -> None:
    b = list(MOSCOW)
    b[0] = "The two sides note that China-Russia relations are at their best in history."
    result = compare([en("a", MOSCOW), en("b", b)])
    assert result.rows[0].cell("b").sentence_ids == [0]
    assert result.rows[0].status is Status.CHANGED
    assert len(result.rows) == len(MOSCOW)
