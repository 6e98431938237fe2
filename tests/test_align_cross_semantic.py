"""Semantic alignment across languages: the two passes, merges, omissions, comparable texts."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from align_support import (
    CHINESE,
    ENGLISH,
    RUSSIAN,
    WordHashEncoder,
    assert_pairs_equal_similarity,
    assert_tables_equal_gain,
)

from stmtdiff.adapters.models.embed import UseEncoder, encoder_available
from stmtdiff.core.align import scoring
from stmtdiff.core.align.band import bead_types, corridor, first_pass
from stmtdiff.core.align.lengthmodel import length_model
from stmtdiff.core.align.lexical import LexicalEvidence
from stmtdiff.core.align.lexicon import KeyMaker, Lexicon
from stmtdiff.core.align.pairalign import Evidence, align_pair, choose_scorer
from stmtdiff.core.align.scoring import run
from stmtdiff.core.align.search import align, align_tables, corridor_band
from stmtdiff.core.align.semantic import View, looks_comparable, semantic_scorer
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.model import Bead, MethodChoice, Role, Version
from stmtdiff.core.text.scripts import BaseLang
from stmtdiff.core.text.versions import version_from_sentences


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


def test_lengths_far_off_with_most_sentences_matching_mark_a_free_translation() -> None:
    src = ["a" * 200, "b" * 200, "c" * 200]
    tgt = ["字" * 10, "字" * 10, "字" * 10]
    diagonal = np.eye(3) * 0.5 + 0.1
    assert looks_comparable(src, tgt, expected_ratio=0.24, similarity=diagonal) is False
    one_match = np.full((3, 3), 0.1)
    one_match[0, 0] = 0.6
    assert looks_comparable(src, tgt, expected_ratio=0.24, similarity=one_match) is True


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


@needs_encoder
def test_a_reply_cut_off_mid_sentence_stays_with_its_speaker(evidence: Evidence) -> None:
    # "'But—'" reads like the start of the eunuch's question, but it is how the first
    # speaker's sentence ends: its last clause (可是) is what matches it.
    zh = version_from_sentences(
        "zh", ["他说：“我赢了十几两银子，可是……”", "海老公道：“可是什么？”"], lang="zh"
    )
    en = version_from_sentences(
        "en",
        ["'I won a dozen taels,' he said.", "'But—'", "'But what?' said the old eunuch."],
        lang="en",
    )
    beads = pairs(align_pair(zh, en, evidence=evidence, parallel=True).beads)
    assert beads == [((0,), (0, 1)), ((1,), (2,))]


@needs_encoder
def test_one_long_sentence_rendered_as_five_short_ones_is_one_bead(evidence: Evidence) -> None:
    zh = version_from_sentences(
        "zh",
        [
            "双方举行了会谈。",
            "双方同意扩大贸易规模，加强能源合作，深化人文交流，推进地方合作，"
            "并在联合国等多边平台保持密切协调。",
            "会谈后，两国元首共同会见了记者。",
        ],
        lang="zh",
    )
    en = version_from_sentences(
        "en",
        [
            "The sides held talks.",
            "They agreed to expand trade.",
            "Energy cooperation will be strengthened.",
            "Cultural exchanges will deepen.",
            "Regional cooperation will move forward.",
            "The two countries will coordinate closely at the United Nations and other "
            "multilateral forums.",
            "After the talks, the two heads of state met the press together.",
        ],
        lang="en",
    )
    beads = pairs(align_pair(zh, en, evidence=evidence, parallel=True).beads)
    assert beads == [((0,), (0,)), ((1,), (1, 2, 3, 4, 5)), ((2,), (6,))]


def test_the_vectorised_gain_tables_equal_the_scorer_gain_cell_by_cell() -> None:
    src = [s.text for s in version_from_sentences("ru", RUSSIAN, lang="ru").sentences]
    tgt = [s.text for s in version_from_sentences("en", ENGLISH, lang="en").sentences]
    lexicon = Lexicon.from_pairs("ru", "en", [("сторон", "side"), ("товарооборот", "trade")])
    words = LexicalEvidence(
        src,
        tgt,
        BaseLang("ru"),
        BaseLang("en"),
        lexicon,
        KeyMaker,
        length_model(BaseLang("ru"), BaseLang("en")),
        count_unknown=False,
    )
    scorer = semantic_scorer(
        src, tgt, BaseLang("ru"), BaseLang("en"), WordHashEncoder(), words=words
    )
    assert_tables_equal_gain(scorer, len(src), len(tgt), tolerance=1e-5)


def test_the_similarities_of_many_pairs_at_once_equal_them_pair_by_pair() -> None:
    src = [s.text for s in version_from_sentences("ru", RUSSIAN, lang="ru").sentences]
    tgt = [s.text for s in version_from_sentences("zh", CHINESE, lang="zh").sentences]
    # Both versions translated into English (here: the English version, sentence for sentence).
    translated = View(ENGLISH, "en", ENGLISH, "en", weight=0.5)
    scorer = semantic_scorer(
        src, tgt, BaseLang("ru"), BaseLang("zh"), WordHashEncoder(), extra_views=[translated]
    )
    assert_pairs_equal_similarity(scorer, [5, 2, 0], [4, 1, 0, 3], tolerance=1e-6)


def test_the_vectorised_search_finds_the_cell_by_cell_search_path() -> None:
    rng = np.random.default_rng(7)
    n, m = 30, 26
    beads = bead_types(5)
    gains = {(di, dj): rng.normal(size=(n + 1, m + 1)) for di, dj in beads}
    window = [(max(0, i - 6), min(m, i + 4)) for i in range(n + 1)]
    band = corridor_band(n, m, window)
    tables = {b: g[band.rows, band.cols] for b, g in gains.items()}
    fast = align_tables(n, m, band, tables)
    slow = align(
        n, m, lambda i, di, j, dj: float(gains[(di, dj)][i, j]), beads=beads, window=window
    )
    assert fast == [
        (b.src[0] if b.src else i, len(b.src), b.tgt[0] if b.tgt else j, len(b.tgt))
        for b, (i, j) in zip(slow, starts(slow), strict=True)
    ]


def starts(beads: list[Bead]) -> list[tuple[int, int]]:
    """Where each bead starts on both sides (a skip's empty side starts where it stands)."""
    out, i, j = [], 0, 0
    for bead in beads:
        out.append((i, j))
        i, j = i + len(bead.src), j + len(bead.tgt)
    return out


def test_a_corridor_too_wide_for_tables_is_searched_cell_by_cell_to_the_same_beads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    src = [s.text for s in version_from_sentences("ru", RUSSIAN, lang="ru").sentences]
    tgt = [s.text for s in version_from_sentences("zh", CHINESE, lang="zh").sentences]
    scorer = semantic_scorer(src, tgt, BaseLang("ru"), BaseLang("zh"), WordHashEncoder())
    fast = run(scorer, len(src), len(tgt))
    monkeypatch.setattr(scoring, "MAX_TABLE_CELLS", 0)
    assert pairs(run(scorer, len(src), len(tgt))) == pairs(fast)


def _unmatched_pair() -> tuple[Version, Version]:
    """Chinese and English lines of made-up words, the English far too long for a translation:
    by their texts alone, two accounts of one event."""
    zh = version_from_sentences("zh", [f"第{k}条声明。" for k in range(12)], lang="zh")
    en = version_from_sentences(
        "en", [" ".join(f"e{k}w{n}." for n in range(12)) for k in range(12)], lang="en"
    )
    return zh, en


def _verbose_pair(translation_words: int) -> tuple[Version, Version]:
    """``_unmatched_pair`` with a Chinese-to-English 'translation' of ``translation_words``
    made-up words per line: the fake encoder matches nothing, only its length speaks."""
    zh, en = _unmatched_pair()
    words: list[str | None] = [
        " ".join(f"t{k}w{n}" for n in range(translation_words)) for k in range(12)
    ]
    return replace(zh, translations=words, translation_lang="en"), en


def test_a_translation_as_long_as_the_other_version_marks_the_pair_as_translations() -> None:
    # The originals' lengths are far off the zh-en ratio, but in English the translation is
    # as long as the other version: a free translation, not two accounts of one event.
    evidence = Evidence(encoder=WordHashEncoder)
    assert not choose_scorer(*_verbose_pair(12), MethodChoice.TRANSLATION, evidence).comparable
    assert choose_scorer(*_verbose_pair(2), MethodChoice.TRANSLATION, evidence).comparable


def test_manifest_roles_of_an_original_and_its_translation_make_them_versions_of_one_text() -> None:
    evidence = Evidence(encoder=WordHashEncoder)
    zh, en = _unmatched_pair()
    (judged,) = compare([zh, en], method=MethodChoice.SEMANTIC, evidence=evidence).alignments
    assert judged.warning is not None and "not versions of one text" in judged.warning
    zh, en = replace(zh, role=Role.ORIGINAL), replace(en, role=Role.OFFICIAL_TRANSLATION)
    (declared,) = compare([zh, en], method=MethodChoice.SEMANTIC, evidence=evidence).alignments
    assert declared.warning is None or "not versions of one text" not in declared.warning


def test_a_readout_role_leaves_the_judgement_to_the_texts() -> None:
    evidence = Evidence(encoder=WordHashEncoder)
    zh, en = _unmatched_pair()
    zh, en = replace(zh, role=Role.ORIGINAL), replace(en, role=Role.READOUT)
    (pair,) = compare([zh, en], method=MethodChoice.SEMANTIC, evidence=evidence).alignments
    assert pair.warning is not None and "not versions of one text" in pair.warning
