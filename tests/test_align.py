"""The monotonic aligner: anchors, beads and the band."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from stmtdiff.core.align.sametext import same_language_scorer
from stmtdiff.core.align.scoring import (
    PARAGRAPH_PENALTY,
    informative_paragraphs,
    paragraph_starts,
    respect_paragraphs,
    run,
)
from stmtdiff.core.align.search import align, longest_increasing, patience_anchors
from stmtdiff.core.model import Bead


def beads_of(src: list[str], tgt: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    scorer = same_language_scorer(src, tgt)
    return [(b.src, b.tgt) for b in run(scorer, len(src), len(tgt))]


def test_identical_documents_align_one_to_one() -> None:
    text = ["Стороны провели переговоры.", "Они подписали заявление.", "Визит завершён."]
    assert beads_of(text, text) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_a_sentence_split_in_two_aligns_as_one_to_two() -> None:
    src = [
        "The sides held talks in Moscow and signed a joint statement on partnership.",
        "The visit ended on Friday.",
    ]
    tgt = [
        "The sides held talks in Moscow.",
        "They signed a joint statement on partnership.",
        "The visit ended on Friday.",
    ]
    assert beads_of(src, tgt) == [((0,), (0, 1)), ((1,), (2,))]


def test_two_sentences_merged_into_one_align_as_two_to_one() -> None:
    src = [
        "In 2024, trade between the two countries reached 245 billion U.S. dollars.",
        "The two sides will expand settlements in national currencies.",
        "Such measures undermine the global economy.",
    ]
    tgt = [
        "In 2024, trade between the two countries reached 245 billion U.S. dollars, "
        "and the two sides will expand settlements in national currencies.",
        "Such measures undermine the global economy.",
    ]
    assert beads_of(src, tgt) == [((0, 1), (0,)), ((2,), (1,))]


def test_an_omitted_sentence_is_a_deletion_not_a_forced_match() -> None:
    src = [
        "双方认为，乌克兰危机应通过对话解决。",
        "持久解决需要消除冲突的根源。",
        "双方将携手推动建设平等有序的多极化世界。",
    ]
    tgt = ["双方认为，乌克兰危机应通过对话解决。", "双方将携手推动建设平等有序的多极化世界。"]
    assert beads_of(src, tgt) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]


def test_unrelated_sentences_are_not_aligned() -> None:
    assert beads_of(["Trade reached 245 billion dollars."], ["The weather was fine."]) == [
        ((0,), ()),
        ((), (0,)),
    ]


def test_empty_sides_give_only_skips() -> None:
    assert beads_of([], ["Одно предложение."]) == [((), (0,))]
    assert beads_of(["One sentence."], []) == [((0,), ())]


def test_patience_anchors_skip_repeated_sentences_and_keep_order() -> None:
    src = ["a", "b", "x", "c", "x"]
    tgt = ["c", "a", "b", "x"]
    assert patience_anchors(src, tgt) == [(0, 1), (1, 2)]


def test_path_goes_through_given_anchors() -> None:
    def gain(i: int, di: int, j: int, dj: int) -> float:
        return 1.0 if di == dj == 1 else 0.0

    path = align(3, 3, gain, anchors=[(1, 2)])
    assert Bead((1,), (2,), 1.0) in path
    covered_src = [i for b in path for i in b.src]
    covered_tgt = [j for b in path for j in b.tgt]
    assert covered_src == [0, 1, 2]
    assert covered_tgt == [0, 1, 2]


def test_large_gaps_use_the_band_and_still_cover_everything() -> None:
    n = 1_500
    src = [f"Sentence number {k} talks about item {k * 7} of the statement." for k in range(n)]
    tgt = [f"Sentence number {k} talks about point {k * 7} of the statement." for k in range(n)]
    beads = beads_of(src, tgt)
    assert all(b == ((k,), (k,)) for k, b in enumerate(beads))


def test_a_merge_across_a_paragraph_boundary_on_one_side_only_pays_the_penalty() -> None:
    src = [
        "2. Стороны отмечают высокий уровень отношений.",
        "Отношения не направлены против третьих стран.",
        "3. Стороны осуждают попытки пересмотра итогов войны.",
    ]
    tgt = ["2. Стороны отмечают высокий уровень отношений.", "Отношения ни против кого."]
    starts = paragraph_starts([0, 0, 1], [True, False, True])
    plain = same_language_scorer(src, tgt)
    merged = plain.gain(1, 2, 1, 1)
    scorer = respect_paragraphs(same_language_scorer(src, tgt), starts, [False, False])
    assert scorer.gain(1, 2, 1, 1) == merged - PARAGRAPH_PENALTY
    assert scorer.gain(0, 2, 0, 2) == plain.gain(0, 2, 0, 2)


def test_paragraphs_of_one_sentence_each_say_nothing_not_even_their_numbers() -> None:
    assert paragraph_starts([0, 1, 2, 3], [False, False, True, False]) == [False] * 4


def test_paragraphs_of_several_sentences_and_numbered_sentences_open_paragraphs() -> None:
    assert paragraph_starts([0, 0, 1, 1, 1], [False, False, False, True, False]) == [
        False,
        False,
        True,
        True,
        False,
    ]


@given(st.lists(st.integers(0, 20), max_size=30))
def test_longest_increasing_finds_a_strictly_rising_run_as_long_as_any(values: list[int]) -> None:
    positions = longest_increasing(values)
    assert positions == sorted(positions)
    assert all(values[a] < values[b] for a, b in pairwise(positions))
    best = [1] * len(values)  # quadratic reference: longest run ending at each position
    for b in range(len(values)):
        for a in range(b):
            if values[a] < values[b]:
                best[b] = max(best[b], best[a] + 1)
    assert len(positions) == max(best, default=0)


def test_only_paragraphs_of_several_sentences_say_where_an_alignment_may_break() -> None:
    assert not informative_paragraphs([0, 1, 2, 3])  # one sentence per line
    assert not informative_paragraphs([])
    assert informative_paragraphs([0, 0, 1, 1, 1])
