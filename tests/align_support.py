"""Shared helpers for the cross-language alignment tests: a private model cache, texts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from stmtdiff.adapters.models.embed import CACHE_ENV
from stmtdiff.core.align.scoring import Scorer, pair_similarities
from stmtdiff.core.align.search import corridor_band


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point the embedding cache and prepared lexicons at a folder of this test session."""
    folder = tmp_path_factory.mktemp("model-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(folder))
        yield folder


#: A short joint statement in three languages, sentence for sentence (written for these tests).
RUSSIAN = [
    "Совместное заявление Российской Федерации и Китайской Народной Республики.",
    "1. Стороны отмечают, что двусторонние отношения достигли наивысшего уровня.",
    "2. В 2024 году товарооборот между двумя странами достиг 245 млрд долларов США.",
    "Стороны будут расширять расчёты в национальных валютах.",
    "3. Стороны выступают против односторонних санкций.",
    "Следующая встреча состоится в Пекине в 2026 году.",
]
CHINESE = [
    "中华人民共和国和俄罗斯联邦联合声明。",
    "一、双方指出，两国关系处于历史最高水平。",
    "二、2024年，两国贸易额达到2450亿美元。",
    "双方将扩大本币结算。",
    "三、双方反对单边制裁。",
    "下次会晤将于2026年在北京举行。",
]
ENGLISH = [
    "Joint Statement of the Russian Federation and the People's Republic of China.",
    "1. The Parties note that bilateral relations have reached the highest level.",
    "2. In 2024, trade between the two countries reached 245 billion US dollars.",
    "The Parties will expand settlements in national currencies.",
    "3. The Parties oppose unilateral sanctions.",
    "The next meeting will take place in Beijing in 2026.",
]


def assert_tables_equal_gain(scorer: Scorer, n: int, m: int, tolerance: float) -> None:
    """The vectorised gain tables hold ``scorer.gain`` at every cell of the corridor, and -inf
    where a bead would run past the end of a text."""
    assert scorer.window is not None and scorer.tables is not None
    band = corridor_band(n, m, scorer.window)
    for (di, dj), table in scorer.tables(band, scorer.beads).items():
        for cell in range(band.size):
            i, j = int(band.rows[cell]), int(band.cols[cell])
            if i + di <= n and j + dj <= m:
                assert table[cell] == pytest.approx(scorer.gain(i, di, j, dj), abs=tolerance)
            else:
                assert table[cell] == float("-inf")


def assert_pairs_equal_similarity(
    scorer: Scorer, rows: list[int], cols: list[int], tolerance: float
) -> None:
    """The vectorised 1-1 similarities of some sentences against some others (in any order,
    as moves ask for them) hold ``scorer.similarity`` pair by pair."""
    assert scorer.pairs is not None
    matrix = pair_similarities(scorer, rows, cols)
    assert [len(values) for values in matrix] == [len(cols)] * len(rows)
    for a, i in enumerate(rows):
        for b, j in enumerate(cols):
            expected = scorer.similarity(i, 1, j, 1)
            assert matrix[a][b] == pytest.approx(expected, abs=tolerance)


class WordHashEncoder:
    """A stand-in encoder: each word adds a fixed pseudo-random direction (no model needed).

    ``punctuation``: the marks read as spaces, so "sides," and "sides" are one word.
    """

    def __init__(self, punctuation: str = ".") -> None:
        self.punctuation = punctuation

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            vector = np.zeros(64)
            words = text.lower()
            for mark in self.punctuation:
                words = words.replace(mark, " ")
            for word in words.split():
                vector += np.random.default_rng(sum(map(ord, word))).standard_normal(64)
            rows.append(vector / max(float(np.linalg.norm(vector)), 1e-9))
        return np.array(rows, dtype=np.float32)
