"""A sentence's edge clauses composed from the token features read for the sentence
(``stmtdiff.adapters.models.usepool``): the model never reads a clause it can find in its
sentence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from align_support import CHINESE, ENGLISH, RUSSIAN

from stmtdiff.adapters.models.embed import (
    USE_MODEL,
    CachingEncoder,
    EmbeddingCache,
    UseEncoder,
    encoder_available,
)
from stmtdiff.adapters.models.usepool import Composer
from stmtdiff.core.align.semantic import ClauseEncoder, SemanticParams, merge_runs, semantic_scorer
from stmtdiff.core.text.clauses import edge_clauses
from stmtdiff.core.text.scripts import BaseLang

pytestmark = pytest.mark.skipif(not encoder_available(), reason="encoder package not installed")

LONG = {
    "ru": [
        "Стороны провели переговоры в тёплой атмосфере, обсудили торговлю и энергетику.",
        "По итогам визита, который прошёл в Москве, подписаны пять соглашений.",
    ],
    "zh": [
        "双方在友好气氛中举行会谈，讨论了贸易和能源合作。",
        "访问期间，双方在莫斯科签署了五项协议。",
    ],
    "en": [
        "The two sides held talks in a warm atmosphere, discussing trade and energy.",
        "During the visit, which took place in Moscow, five agreements were signed.",
    ],
}


@pytest.fixture(scope="module")
def use() -> UseEncoder:
    return UseEncoder()


class Counting(UseEncoder):
    """The real encoder, counting how often the composer (and so the model) is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def composer(self) -> Composer | None:
        self.asked += 1
        return super().composer()


def caching(use: UseEncoder, folder: Path) -> CachingEncoder:
    return CachingEncoder(use, USE_MODEL, EmbeddingCache(folder / "embeddings.sqlite3"))


def edges(texts: list[str], lang: str) -> list[tuple[int, str]]:
    return [(k, c) for k, text in enumerate(texts) for c in edge_clauses(text, lang)]


def test_the_caching_encoder_composes_clauses(use: UseEncoder, tmp_path: Path) -> None:
    assert isinstance(caching(use, tmp_path), ClauseEncoder)


@pytest.mark.parametrize("lang", ["ru", "zh", "en"])
def test_a_clause_is_composed_from_its_sentence_and_never_read_as_a_text(
    use: UseEncoder, tmp_path: Path, lang: str
) -> None:
    encoder = caching(use, tmp_path)
    encoder.encode_clauses(LONG[lang], edges(LONG[lang], lang))
    assert encoder.stats.embedded == len(LONG[lang])


@pytest.mark.parametrize("lang", ["ru", "zh", "en"])
def test_a_composed_clause_is_close_to_the_clause_embedded_as_a_text(
    use: UseEncoder, tmp_path: Path, lang: str
) -> None:
    wanted = edges(LONG[lang], lang)
    composed = caching(use, tmp_path).encode_clauses(LONG[lang], wanted)
    embedded = use.encode([clause for _, clause in wanted])
    assert np.all((composed * embedded).sum(axis=1) > 0.9)


def test_a_sentence_read_for_its_clauses_is_not_read_again_for_its_runs(
    use: UseEncoder, tmp_path: Path
) -> None:
    encoder = caching(use, tmp_path)
    encoder.encode_clauses(RUSSIAN, edges(RUSSIAN, "ru"))
    encoder.encode_runs(RUSSIAN, 1)
    encoder.encode_runs(RUSSIAN, 3)
    assert encoder.stats.embedded == len(RUSSIAN)


def test_a_clause_that_is_its_whole_sentence_is_the_sentence_vector(
    use: UseEncoder, tmp_path: Path
) -> None:
    text = "Стороны выступают против односторонних санкций."
    (vector,) = caching(use, tmp_path).encode_clauses([text], [(0, text)])
    assert float(vector @ use.encode([text])[0]) > 0.9999


def test_a_clause_found_twice_in_its_sentence_is_embedded_as_a_text(
    use: UseEncoder, tmp_path: Path
) -> None:
    text = "Peace and friendship, trade and culture, then Peace and friendship"
    encoder = caching(use, tmp_path)
    (vector,) = encoder.encode_clauses([text], [(0, "peace and friendship")])
    assert encoder.stats.embedded == 2
    assert float(vector @ use.encode(["peace and friendship"])[0]) > 0.9999


def test_a_clause_holding_a_character_the_vocabulary_lacks_is_still_composed(
    use: UseEncoder, tmp_path: Path
) -> None:
    text = "会员国已缴纳摊款，两法庭的摊款较低。"
    wanted = edges([text], "zh")
    encoder = caching(use, tmp_path)
    composed = encoder.encode_clauses([text], wanted)
    embedded = use.encode([clause for _, clause in wanted])
    assert encoder.stats.embedded == 1
    assert np.all((composed * embedded).sum(axis=1) > 0.9)


def test_cached_clauses_never_load_the_model(use: UseEncoder, tmp_path: Path) -> None:
    first = caching(use, tmp_path).encode_clauses(ENGLISH, edges(ENGLISH, "en"))
    model = Counting()
    again = caching(model, tmp_path)
    assert np.array_equal(again.encode_clauses(ENGLISH, edges(ENGLISH, "en")), first)
    assert (again.stats.embedded, model.asked) == (0, 0)


def test_a_cold_alignment_of_sentence_for_sentence_translations_reads_each_sentence_once(
    use: UseEncoder, tmp_path: Path
) -> None:
    encoder = caching(use, tmp_path)
    scorer = semantic_scorer(
        RUSSIAN, CHINESE, BaseLang("ru"), BaseLang("zh"), encoder, SemanticParams()
    )
    scorer.gain(1, 2, 1, 1)  # edge clauses are part of every bead's gain
    assert encoder.stats.embedded == len(RUSSIAN) + len(CHINESE)


def test_joined_pairs_are_read_as_text_only_around_a_sentence_the_first_pass_leaves_unpaired(
    use: UseEncoder, tmp_path: Path
) -> None:
    halves = ["The Parties will expand settlements.", "They will use national currencies."]
    split = [*ENGLISH[:3], *halves, *ENGLISH[4:]]
    encoder = caching(use, tmp_path)
    semantic_scorer(RUSSIAN, split, BaseLang("ru"), BaseLang("en"), encoder, SemanticParams())
    # one of the two halves is left unpaired: the pairs holding it are read, on that side only
    assert encoder.stats.embedded == len(RUSSIAN) + len(split) + 2


def test_the_runs_worth_reading_are_those_holding_a_sentence_the_chain_skips() -> None:
    chain = [(0, 0), (1, 1), (3, 2)]
    assert merge_runs(chain, 4, 3, 2) == ([1, 2], [])
    assert merge_runs(chain, 4, 3, 3) == ([0, 1], [])
