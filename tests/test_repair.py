"""Bead repair after the search (``core.align.repair``): gaps, moves, replacements, realign."""

from __future__ import annotations

import re
from collections.abc import Callable

from stmtdiff.core.align.pairalign import Evidence, choose_scorer
from stmtdiff.core.align.repair import find_moves, gaps, pair_replacements, realign
from stmtdiff.core.align.sametext import same_language_scorer
from stmtdiff.core.align.scoring import pair_similarities
from stmtdiff.core.model import Bead, Version
from stmtdiff.core.text.versions import version_from_sentences

TRADE = "Стороны обсудили развитие торговли и инвестиций между двумя странами."
ENERGY = "Особое внимание было уделено сотрудничеству в энергетике и поставкам газа."
CULTURE = "Президенты договорились расширять гуманитарные и культурные обмены."
VISIT = "Председатель КНР пригласил Президента России посетить Пекин с визитом."


def ru(id: str, sentences: list[str]) -> Version:
    return version_from_sentences(id, sentences, lang="ru")


def test_gaps_hold_the_unaligned_beads_between_aligned_ones() -> None:
    beads = [Bead((0,), ()), Bead((1,), (0,)), Bead((), (1,)), Bead((2,), ()), Bead((3,), (2,))]
    assert gaps(beads) == [[Bead((0,), ())], [Bead((), (1,)), Bead((2,), ())], []]


def test_a_sentence_moved_to_the_end_is_a_move() -> None:
    pivot = ru("a", [VISIT, TRADE, ENERGY, CULTURE])
    other = ru("b", [TRADE, ENERGY, CULTURE, VISIT])
    beads = [Bead((0,), ()), Bead((1,), (0,)), Bead((2,), (1,)), Bead((3,), (2,)), Bead((), (3,))]
    assert find_moves(beads, choose_scorer(pivot, other, evidence=Evidence())) == [(0, 3)]


def test_the_word_scorers_similarities_of_all_pairs_at_once_are_those_pair_by_pair() -> None:
    src = [TRADE, "中俄关系具有强大内生动力。", "The sides met in Moscow.", "", None]
    tgt = [ENERGY, "中俄关系具有独特战略价值。", "The sides met in Kazan.", None, "…"]
    scorer = same_language_scorer(src, tgt)
    rows, cols = range(len(src)), range(len(tgt))
    assert pair_similarities(scorer, rows, cols) == [
        [scorer.similarity(i, 1, j, 1) for j in cols] for i in rows
    ]
    assert pair_similarities(scorer, rows, cols[:3]) == [
        [scorer.similarity(i, 1, j, 1) for j in cols[:3]] for i in rows
    ]


def test_a_deletion_and_insertion_in_the_same_gap_are_never_a_move() -> None:
    pivot = ru("a", [TRADE, VISIT, CULTURE])
    other = ru("b", [TRADE, VISIT, CULTURE])
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((), (1,)), Bead((2,), (2,))]
    assert find_moves(beads, choose_scorer(pivot, other, evidence=Evidence())) == []


def test_a_sentence_rewritten_in_place_is_paired_with_its_similarity() -> None:
    pivot = ru("a", [TRADE, "Президент подчеркнул важность открытого диалога.", CULTURE])
    other = ru("b", [TRADE, "Президент отметил важность открытого диалога.", CULTURE])
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((), (1,)), Bead((2,), (2,))]
    repaired = pair_replacements(beads, [], pivot, other)
    assert [(b.src, b.tgt) for b in repaired] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert repaired[1].score > 0.15


def test_unlike_sentences_in_place_stay_a_deletion_and_an_insertion() -> None:
    pivot = ru("a", [TRADE, ENERGY, CULTURE])
    other = ru("b", [TRADE, VISIT, CULTURE])
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((), (1,)), Bead((2,), (2,))]
    assert pair_replacements(beads, [], pivot, other) == beads


def test_moved_sentences_are_not_paired_as_replacements() -> None:
    pivot = ru("a", [TRADE, "Президент подчеркнул важность открытого диалога.", CULTURE])
    other = ru("b", [TRADE, "Президент отметил важность открытого диалога.", CULTURE])
    beads = [Bead((0,), (0,)), Bead((1,), ()), Bead((), (1,)), Bead((2,), (2,))]
    assert pair_replacements(beads, [(1, 5), (7, 1)], pivot, other) == beads


def _number_misses(
    source: list[str], translation: list[str]
) -> Callable[[tuple[int, ...], tuple[int, ...]], float]:
    """A cost for ``realign``: numbers found on one side only."""

    def cost(src: tuple[int, ...], tgt: tuple[int, ...]) -> float:
        left = set(re.findall(r"\d+", " ".join(source[i] for i in src)))
        right = set(re.findall(r"\d+", " ".join(translation[j] for j in tgt)))
        return float(len(left ^ right))

    return cost


def test_realign_finds_the_dropped_sentence_inside_a_group() -> None:
    source = [
        "Товарооборот вырос на 30 процентов.",
        "Стороны подписали 12 соглашений.",
        "Следующая встреча пройдёт в 2025 году.",
    ]
    translation = ["Trade grew by 30 percent.", "The next meeting will be held in 2025."]
    cost, path = realign((0, 1, 2), (0, 1), _number_misses(source, translation), 0.5)
    assert path == [Bead((0,), (0,)), Bead((1,), ()), Bead((2,), (1,))]
    assert cost == 0.5


def test_realign_prefers_a_pair_to_two_skips_of_equal_cost() -> None:
    cost, path = realign((4,), (7,), lambda src, tgt: 2.0, 1.0)
    assert (cost, path) == (2.0, [Bead((4,), (7,))])
