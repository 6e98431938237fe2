"""The TUI's view model: filter, navigation, search, pivot, columns and cell marking."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from tui_support import (
    ZH_IN_ENGLISH,
    official_vs_agency,
    statuses,
    three_english,
    version,
    with_chinese,
)

from stmtdiff.adapters.pipeline import Request, build_comparison
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.model import Comparison, Version
from stmtdiff.frontends.tui.state import Filter, Piece, Span, ViewState


def test_comparison_under_test_has_every_kind_of_row() -> None:
    assert statuses(official_vs_agency()) == [
        "changed",
        "missing",
        "moved",
        "identical",
        "identical",
        "moved",
        "extra",
        "identical",
    ]


def test_all_rows_are_shown_at_first_with_the_first_selected() -> None:
    state = ViewState(official_vs_agency())
    assert state.row_indices == tuple(range(8))
    assert state.cursor == 0
    assert state.filter is Filter.ALL


def test_changes_filter_keeps_only_rows_that_differ() -> None:
    state = ViewState(official_vs_agency())
    state.set_filter(Filter.CHANGES)
    assert state.row_indices == (0, 1, 2, 5, 6)


def test_omissions_filter_keeps_rows_where_a_version_lacks_text() -> None:
    state = ViewState(official_vs_agency())
    state.set_filter(Filter.OMISSIONS)
    assert state.row_indices == (1, 6)


def test_filter_cycles_all_changes_omissions_and_back() -> None:
    state = ViewState(official_vs_agency())
    assert [state.cycle_filter() for _ in range(3)] == [
        Filter.CHANGES,
        Filter.OMISSIONS,
        Filter.ALL,
    ]


def test_filter_keeps_the_selected_row_when_it_stays_shown() -> None:
    state = ViewState(official_vs_agency())
    state.move(5)
    state.set_filter(Filter.CHANGES)
    assert state.selected_row is not None and state.selected_row.index == 5


def test_filter_moves_a_hidden_selection_to_the_next_shown_row() -> None:
    state = ViewState(official_vs_agency())
    state.move(3)  # an identical row
    state.set_filter(Filter.CHANGES)
    assert state.selected_row is not None and state.selected_row.index == 5


def test_filter_with_nothing_to_show_selects_nothing() -> None:
    text = "The Parties met in Moscow. They signed nine agreements on trade and energy."
    state = ViewState(compare([version("a", text, "en"), version("b", text, "en")]))
    state.set_filter(Filter.CHANGES)
    assert state.rows == [] and state.selected_row is None
    assert state.next_difference() is False


def test_move_stays_within_the_shown_rows() -> None:
    state = ViewState(official_vs_agency())
    state.move(-3)
    assert state.cursor == 0
    state.move(100)
    assert state.cursor == 7


def test_top_and_bottom_select_the_first_and_last_shown_rows() -> None:
    state = ViewState(official_vs_agency())
    state.bottom()
    assert state.cursor == 7
    state.top()
    assert state.cursor == 0


def test_next_difference_skips_rows_that_say_the_same() -> None:
    state = ViewState(official_vs_agency())
    state.move(2)
    assert state.next_difference() is True
    assert state.selected_row is not None and state.selected_row.index == 5


def test_next_difference_past_the_last_one_stays_put() -> None:
    state = ViewState(official_vs_agency())
    state.bottom()
    assert state.next_difference() is False
    assert state.cursor == 7


def test_previous_difference_goes_back_over_identical_rows() -> None:
    state = ViewState(official_vs_agency())
    state.move(6)  # extra
    state.previous_difference()
    assert state.selected_row is not None and state.selected_row.index == 5
    state.move(-1)  # identical
    state.previous_difference()
    assert state.selected_row is not None and state.selected_row.index == 2


def test_search_matches_any_version_ignoring_case() -> None:
    state = ViewState(official_vs_agency())
    assert state.search("VISA REGIME") == 1
    assert state.selected_row is not None and state.selected_row.index == 6


def test_search_selects_the_first_hit_at_or_after_the_cursor() -> None:
    state = ViewState(official_vs_agency())
    state.move(4)
    state.search("the")
    assert state.selected_row is not None and state.selected_row.index == 4


def test_next_while_searching_goes_to_the_next_hit_not_the_next_difference() -> None:
    state = ViewState(official_vs_agency())
    state.search("sides")  # agency rows 0 and 2 say "two sides" / "Both sides"; row 5 too
    assert state.hits == [0, 2, 5]
    state.next_difference()
    assert state.selected_row is not None and state.selected_row.index == 2
    assert state.hit_number() == 2


def test_search_without_hits_keeps_the_cursor() -> None:
    state = ViewState(official_vs_agency())
    state.move(3)
    assert state.search("Vladivostok") == 0
    assert state.cursor == 3


def test_clearing_the_search_brings_back_difference_jumps() -> None:
    state = ViewState(official_vs_agency())
    state.search("Kazan")
    state.clear_search()
    state.top()
    state.next_difference()
    assert state.query is None
    assert state.selected_row is not None and state.selected_row.index == 1


def test_search_ranges_locate_every_match_in_a_text() -> None:
    state = ViewState(official_vs_agency())
    state.search("sides")
    assert state.search_ranges("Both sides; the two Sides") == [(5, 10), (20, 25)]


def test_search_finds_chinese_text() -> None:
    state = ViewState(with_chinese())
    assert state.search("北极") == 1
    assert state.selected_row is not None and state.selected_row.index == 4


def test_search_only_counts_rows_the_filter_shows() -> None:
    state = ViewState(official_vs_agency())
    state.set_filter(Filter.OMISSIONS)
    assert state.search("Kazan") == 0
    assert state.search("sanctions") == 1


def test_pivot_moves_to_the_selected_column_via_the_core() -> None:
    comparison = official_vs_agency()
    calls: list[tuple[list[str], str]] = []

    def recompare(versions: Sequence[Version], pivot: str) -> Comparison:
        calls.append(([v.id for v in versions], pivot))
        return compare(versions, pivot=pivot)

    state = ViewState(comparison, recompare=recompare)
    state.move_column(1)
    assert state.set_pivot() is True
    assert calls == [(["official", "agency"], "agency")]
    assert state.comparison.pivot == "agency"


def test_new_pivot_turns_its_additions_into_the_others_omissions() -> None:
    state = ViewState(official_vs_agency())
    state.move_column(1)
    state.set_pivot()
    visa = next(r for r in state.comparison.rows if "visa" in state.plain(r.cell("agency")))
    assert visa.cell("official").status.value == "missing"


def test_new_pivot_keeps_the_statement_title_and_the_notes() -> None:
    # The HTML export after a pivot change still says what the statement is and how its
    # translations were made.
    comparison = replace(
        official_vs_agency(),
        title="Joint statement, 16 May 2024",
        notes=["agency.txt translated by google"],
    )
    state = ViewState(comparison)
    state.move_column(1)
    state.set_pivot()
    assert state.comparison.pivot == "agency"
    assert state.comparison.title == "Joint statement, 16 May 2024"
    assert state.comparison.notes == ["agency.txt translated by google"]


def test_new_pivot_keeps_the_cursor_on_the_same_sentence() -> None:
    state = ViewState(official_vs_agency())
    state.move(6)  # the visa sentence, only in agency
    state.move_column(1)
    state.set_pivot()
    row = state.selected_row
    assert row is not None and "visa" in state.plain(row.cell("agency"))


def test_pivot_reuses_the_loaded_versions_without_reading_files_again() -> None:
    state = ViewState(official_vs_agency())
    before = [id(v) for v in state.versions]
    state.move_column(1)
    state.set_pivot()
    assert [id(v) for v in state.versions] == before


def test_selecting_the_pivot_column_again_changes_nothing() -> None:
    state = ViewState(official_vs_agency())
    assert state.set_pivot() is False
    assert state.comparison.pivot == "official"


def test_columns_can_be_hidden_and_shown_again() -> None:
    state = ViewState(three_english())
    assert state.toggle_column(1) is True
    assert [v.id for v in state.shown_versions] == ["official", "wire"]
    assert state.toggle_column(1) is True
    assert [v.id for v in state.shown_versions] == ["official", "agency", "wire"]


def test_the_last_shown_column_cannot_be_hidden() -> None:
    state = ViewState(three_english())
    state.toggle_column(0)
    state.toggle_column(1)
    assert state.toggle_column(2) is False
    assert [v.id for v in state.shown_versions] == ["wire"]


def test_hiding_the_selected_column_selects_a_shown_one() -> None:
    state = ViewState(three_english())
    state.toggle_column(0)
    assert state.selected_version.id == "agency"


def test_column_selection_skips_hidden_columns() -> None:
    state = ViewState(three_english())
    state.toggle_column(1)
    state.move_column(1)
    assert state.selected_version.id == "wire"


def test_toggle_column_out_of_range_is_refused() -> None:
    state = ViewState(official_vs_agency())
    assert state.toggle_column(5) is False


def test_translations_cannot_be_shown_when_none_were_loaded() -> None:
    state = ViewState(official_vs_agency())
    assert state.toggle_translations() is False
    assert state.show_translations is False


def test_translations_replace_originals_where_they_exist() -> None:
    state = ViewState(with_chinese())
    row = state.comparison.rows[4]
    zh, en = state.comparison.version("xinhua"), state.comparison.version("official")
    assert state.display_text(zh, row.cell("xinhua")) == "双方将扩大北极科研合作。"
    state.toggle_translations()
    assert state.display_text(zh, row.cell("xinhua")) == ZH_IN_ENGLISH[4]
    assert state.display_text(en, row.cell("official")).startswith("Both sides will expand")


def test_pivot_cell_marks_the_words_another_version_lacks() -> None:
    state = ViewState(official_vs_agency())
    row = state.comparison.rows[0]
    dropped = [p.text for p in state.pieces(row, row.cell("official")) if p.span is Span.DROPPED]
    assert dropped == ["Parties"]


def test_other_cells_mark_the_words_they_add() -> None:
    state = ViewState(official_vs_agency())
    row = state.comparison.rows[0]
    added = [p.text for p in state.pieces(row, row.cell("agency")) if p.span is Span.ADDED]
    assert added == ["two sides"]


def test_pivot_marks_combine_what_each_other_version_lacks() -> None:
    state = ViewState(three_english())
    row = state.comparison.rows[3]  # wire writes "10%" for "ten percent"
    dropped = [p.text for p in state.pieces(row, row.cell("official")) if p.span is Span.DROPPED]
    assert dropped == ["ten percent"]


def test_empty_cells_say_where_a_moved_sentence_went() -> None:
    state = ViewState(official_vs_agency())
    row = state.comparison.rows[5]
    assert state.pieces(row, row.cell("agency")) == [Piece("↕ moved to row 3", Span.MOVED)]


def test_moved_sentences_say_where_they_came_from() -> None:
    state = ViewState(official_vs_agency())
    row = state.comparison.rows[2]
    assert state.pieces(row, row.cell("agency"))[-1] == Piece("  ↕ from row 6", Span.MOVED)


def test_missing_text_is_shown_as_a_dash() -> None:
    state = ViewState(official_vs_agency())
    row = state.comparison.rows[1]
    assert state.pieces(row, row.cell("agency")) == [Piece("—", Span.NOTE)]


def test_cross_language_cells_are_not_marked() -> None:
    state = ViewState(with_chinese())
    for row in state.comparison.rows:
        assert all(p.span is Span.PLAIN for p in state.pieces(row, row.cell("xinhua")))


def test_plain_text_spells_what_the_pieces_draw(samples: Path) -> None:
    comparisons = [
        official_vs_agency(),
        three_english(),
        with_chinese(),
        build_comparison(Request(inputs=[str(samples)])),
    ]
    for comparison in comparisons:
        state = ViewState(comparison)
        for row in comparison.rows:
            for cell in row.cells:
                drawn = "".join(p.text for p in state.pieces(row, cell))
                assert drawn == state.plain(cell)


@pytest.mark.parametrize("translated", [False, True])
def test_plain_text_follows_the_translation_toggle(translated: bool) -> None:
    state = ViewState(with_chinese())
    if translated:
        state.toggle_translations()
    cell = state.comparison.rows[0].cell("xinhua")
    expected = ZH_IN_ENGLISH[0] if translated else "双方重申恪守《联合国宪章》宗旨和原则。"
    assert state.plain(cell) == expected
