"""Semantic alignment across languages: the two passes, merges, omissions, comparable texts."""

from __future__ import annotations

import numpy as np
import pytest
from align_support import CHINESE, ENGLISH, RUSSIAN

from stmtdiff.embed import UseEncoder, encoder_available
from stmtdiff.model import Bead
from stmtdiff.pairalign import Evidence, align_pair
from stmtdiff.semantic import bead_types, corridor, first_pass, looks_comparable
from stmtdiff.versions import version_from_sentences


def test_first_pass_chains_the_best_one_to_one_pairs_in_order() -> None:
    similarity = np.array(
        [
            [0.9, 0.1, 0.1, 0.1],
            [0.1, 0.2, 0.8, 0.1],
            [0.1, 0.7, 0.1, 0.1],  # crosses the previous pair: cannot join the chain
            [0.1, 0.1, 0.1, 0.9],
        ]
    )
    assert first_pass(similarity, top_k=1) == [(0, 0), (1, 2), (3, 3)]


def test_corridor_spans_each_gap_between_first_pass_pairs_plus_the_window() -> None:
    window = corridor([(0, 0), (2, 3)], 4, 5, width=1)
    assert window == [(0, 1), (0, 2), (0, 5), (0, 5), (3, 5)]


def test_bead_types_reach_one_to_four_and_skips() -> None:
    types = bead_types(5)
    assert {(1, 4), (4, 1), (2, 3), (3, 2), (0, 1), (1, 0)} <= set(types)
    assert (2, 4) not in types


def test_lengths_far_off_the_language_pair_mark_a_comparable_text() -> None:
    assert looks_comparable(["a" * 400], ["字" * 40], expected_ratio=0.24) is True
    assert looks_comparable(["a" * 400], ["字" * 100], expected_ratio=0.24) is False


needs_encoder = pytest.mark.skipif(not encoder_available(), reason="encoder package not installed")


@pytest.fixture(scope="module")
def evidence() -> Evidence:
    encoder = UseEncoder()
    return Evidence(encoder=lambda: encoder)


def pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in beads]


@needs_encoder
def test_a_russian_statement_and_its_chinese_translation_align_one_to_one(
    evidence: Evidence,
) -> None:
    ru = version_from_sentences("ru", RUSSIAN, lang="ru")
    zh = version_from_sentences("zh", CHINESE, lang="zh")
    pair = align_pair(ru, zh, evidence=evidence)
    assert pair.method == "semantic"
    assert pairs(pair.beads) == [((i,), (i,)) for i in range(len(RUSSIAN))]
    assert pair.confidence > 0.5 and pair.warning is None


@needs_encoder
def test_two_english_sentences_merged_in_chinese_become_one_bead(evidence: Evidence) -> None:
    merged = [*CHINESE[:2], CHINESE[2] + CHINESE[3], *CHINESE[4:]]
    en = version_from_sentences("en", ENGLISH, lang="en")
    zh = version_from_sentences("zh", merged, lang="zh")
    beads = pairs(align_pair(en, zh, evidence=evidence).beads)
    assert ((2, 3), (2,)) in beads


@needs_encoder
def test_a_sentence_the_translation_leaves_out_stays_unaligned(evidence: Evidence) -> None:
    ru = version_from_sentences("ru", RUSSIAN, lang="ru")
    zh = version_from_sentences("zh", [*CHINESE[:3], *CHINESE[4:]], lang="zh")
    beads = pairs(align_pair(ru, zh, evidence=evidence).beads)
    assert ((3,), ()) in beads
    assert ((4,), (3,)) in beads
