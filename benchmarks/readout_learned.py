"""A learned pair scorer for accounts of one event, measured against the matcher (issue 14).

The matcher (``stmtdiff.core.align.readouts``) links a pair above the document's null quantile
when it is its sentences' mutual best, or one side's best within ``rival`` of its rival. Here
the first pass is replaced by a logistic regression over per-pair features that are already
computed or cheap (the score, its calibration against the document's null scores, the encoder
and lexicon parts, its gap to the row's and column's runner-up, whether it is the row's or
column's best, a CSLS-like margin against the four nearest, the length residual, the relative
position and the diagonal neighbours' scores); a pair is linked when its probability exceeds
``tau`` and it is its row's or column's most probable. Growth, the corridor and the rejoining
stay the matcher's. Also measured: a one-to-one assignment in place of mutual bests. The model
is fitted on the constructed dev accounts only (never on the real call); on dev each set is
scored by a model fitted on the other two (a model scoring its own training accounts flatters
itself), on test by one fitted on all of dev, which also scores the real call.

Usage: ``python benchmarks/readout_learned.py [--split dev|test]`` (the embeddings are those of
``readout_quality.py``: cached after its first run). Figures: docs/alignment.md, "Accounts of one
event".
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from readout_quality import Account, Score, accounts, real_call

from stmtdiff.adapters.offline import offline_evidence
from stmtdiff.core.align.pairalign import AccountEvidence, Evidence, account_evidence
from stmtdiff.core.align.readouts import (
    MIN_NULL,
    _null,
    corridor,
    grow,
    join,
    link,
    rejoin,
    thresholds,
)
from stmtdiff.core.align.semantic import display_similarities
from stmtdiff.core.model import Link, LinkKind

FEATURES = (
    "score",
    "calibrated",
    "encoder",
    "words",
    "row_gap",
    "col_gap",
    "row_best",
    "col_best",
    "both_best",
    "csls",
    "length",
    "position",
    "context",
)

#: Feature sets measured: every feature; without the position and context ones (constructed
#: accounts keep 85% of their facts in order, real readouts do not); the calibrated score and
#: its gaps only (the lowest capacity).
SUBSETS = {
    "all": FEATURES,
    "no position": FEATURES[:11],
    "calibrated+gaps": ("calibrated", "row_gap", "col_gap"),
}
TAUS = (0.5, 0.6, 0.7)


@dataclass
class Prepared:
    account: Account
    found: AccountEvidence
    features: np.ndarray  # n x m x len(FEATURES)
    labels: np.ndarray  # n x m, 1 where both sentences are in one gold group


def _runner_up(score: np.ndarray, axis: int) -> np.ndarray:
    """For each cell, the best other cell of its row (axis 1) or column (axis 0)."""
    if score.shape[axis] < 2:
        return np.full_like(score, np.nan)
    ordered = np.sort(score, axis=axis)
    top = np.expand_dims(ordered.take(-1, axis=axis), axis)
    second = np.expand_dims(ordered.take(-2, axis=axis), axis)
    out: np.ndarray = np.where(score >= top, second, top)
    return out


def _nearest_mean(score: np.ndarray, axis: int, k: int = 4) -> np.ndarray:
    k = min(k, score.shape[axis])
    ordered = -np.sort(-score, axis=axis)
    out: np.ndarray = np.expand_dims(ordered.take(range(k), axis=axis).mean(axis=axis), axis)
    return out


def features(
    score: np.ndarray, cosine: np.ndarray, words: np.ndarray, account: Account
) -> np.ndarray:
    """The per-pair features, scaled by the document's null scores (median to 0.99 quantile;
    the medians over the dev accounts where a document has fewer than ``MIN_NULL``)."""
    n, m = score.shape
    null = _null(score)
    middle, high = (
        (float(np.median(null)), float(np.quantile(null, 0.99)))
        if null.size >= MIN_NULL
        else (0.0, 0.36)
    )
    scale = max(high - middle, 1e-3)
    row_second = np.nan_to_num(_runner_up(score, 1), nan=high)
    col_second = np.nan_to_num(_runner_up(score, 0), nan=high)
    row_best = (score >= score.max(axis=1, keepdims=True)).astype(float)
    col_best = (score >= score.max(axis=0, keepdims=True)).astype(float)
    csls = (2 * score - _nearest_mean(score, 1) - _nearest_mean(score, 0)) / scale
    src_len = np.log1p([len(text) for text in account.src])
    tgt_len = np.log1p([len(text) for text in account.tgt])
    ratio = src_len[:, None] - tgt_len[None, :]
    position = np.abs(((np.arange(n) + 0.5) / n)[:, None] - ((np.arange(m) + 0.5) / m)[None, :])
    calibrated = (score - middle) / scale
    padded = np.pad(calibrated, 1)
    context = np.maximum(padded[:-2, :-2], padded[2:, 2:])
    return np.stack(
        [
            score,
            calibrated,
            display_similarities(cosine),
            words,
            (score - row_second) / scale,
            (score - col_second) / scale,
            row_best,
            col_best,
            row_best * col_best,
            csls,
            np.abs(ratio - np.median(ratio)),
            position,
            context,
        ],
        axis=-1,
    )


def prepare(account: Account, evidence: Evidence) -> Prepared:
    from stmtdiff.core.align.pairalign import account_encoder, account_scores
    from stmtdiff.core.align.readouts import cosines

    found = account_evidence(account.src, account.tgt, account.src_lang, account.tgt_lang, evidence)
    encoder = account_encoder(evidence)
    cosine = cosines(account.src, account.src_lang, account.tgt, account.tgt_lang, encoder)
    _, lexical = account_scores(
        account.src, account.tgt, account.src_lang, account.tgt_lang, evidence, encoder
    )
    n, m = found.score.shape
    words = np.array([[lexical.words(i, 1, j, 1) for j in range(m)] for i in range(n)])
    labels = np.zeros((n, m))
    for src, tgt in account.gold:
        labels[np.ix_(list(src), list(tgt))] = 1.0
    return Prepared(account, found, features(found.score, cosine, words, account), labels)


def fit(rows: Sequence[Prepared], columns: Sequence[int]) -> tuple[np.ndarray, float]:
    """Logistic regression (Newton steps, a little L2) on standardised features; the weights
    are returned for the raw features."""
    x = np.concatenate([p.features.reshape(-1, len(FEATURES))[:, columns] for p in rows])
    y = np.concatenate([p.labels.ravel() for p in rows])
    mean, spread = x.mean(axis=0), x.std(axis=0) + 1e-9
    design = np.hstack([(x - mean) / spread, np.ones((len(x), 1))])
    weights = np.zeros(design.shape[1])
    for _ in range(50):
        prob = 1 / (1 + np.exp(-design @ weights))
        penalty = 1e-2 * np.r_[weights[:-1], 0.0]
        hessian = (design * (prob * (1 - prob))[:, None]).T @ design + 1e-2 * np.eye(len(weights))
        weights -= np.linalg.solve(hessian, design.T @ (prob - y) + penalty)
    coef = weights[:-1] / spread
    return coef, float(weights[-1] - (mean / spread) @ weights[:-1])


def learned_first(prob: np.ndarray, score: np.ndarray, tau: float) -> list[Link]:
    """Pairs above ``tau`` that are their row's or column's most probable, joined in groups."""
    row_best, col_best = prob.argmax(axis=1), prob.argmax(axis=0)
    edges = [
        (int(i), int(j))
        for i, j in zip(*np.nonzero(prob > tau), strict=True)
        if row_best[i] == j or col_best[j] == i
    ]
    return join(edges, score, math.inf)  # the benchmark's links are all possible


def assigned(score: np.ndarray) -> list[Link]:
    """An assignment in place of mutual bests: pairs taken one to one by score, greedily, down
    to the document's possible threshold; the rest stay alone."""
    possible = thresholds(score)[1]
    m = score.shape[1]
    taken_rows: set[int] = set()
    taken_cols: set[int] = set()
    links: list[Link] = []
    for flat in np.argsort(-score, axis=None):
        i, j = divmod(int(flat), m)
        if score[i, j] <= possible:
            break
        if i not in taken_rows and j not in taken_cols:
            taken_rows.add(i)
            taken_cols.add(j)
            links.append(Link((i,), (j,), round(float(score[i, j]), 4), LinkKind.POSSIBLE))
    return links


def matched(p: Prepared, first: list[Link]) -> list[Link]:
    """The matcher's growth, corridor and rejoining after a given first pass."""
    n, m = p.found.score.shape
    grown = grow(first, p.found.group_score, n, m)
    grown = grow(corridor(grown, p.found.score), p.found.group_score, n, m)
    return rejoin(grown, first, p.found.set_score)


def measure(rows: Sequence[Prepared], decide: Callable[[Prepared], list[Link]]) -> str:
    per_set: dict[str, Score] = {}
    for p in rows:
        pred = decide(p)
        per_set.setdefault(p.account.name, Score()).add(
            [(x.pivot, x.other) for x in pred],
            p.account.gold,
            (len(p.account.src), len(p.account.tgt)),
        )
    pooled = Score()
    parts = []
    for name, score in per_set.items():
        parts.append(f"{name} {_figures(score)}")
        if name != "phone-call":
            pooled.merge(score)
    parts.append(f"pooled {_figures(pooled)}")
    return "  ".join(parts)


def _figures(score: Score) -> str:
    """Strict link F1 / lax link F1 / one-side-only F1."""
    strict, lax = score.links.scores()[2], score.links.scores()[5]
    precision = score.alone_hit / score.alone_pred if score.alone_pred else 0.0
    recall = score.alone_hit / score.alone_gold if score.alone_gold else 0.0
    alone = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{strict:.3f}/{lax:.3f}/{alone:.3f}"


def _learned(prob: dict[int, np.ndarray], tau: float) -> Callable[[Prepared], list[Link]]:
    def decide(p: Prepared) -> list[Link]:
        return matched(p, learned_first(prob[id(p)], p.found.score, tau))

    return decide


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    args = parser.parse_args(argv)
    evidence = offline_evidence()
    train = [prepare(item, evidence) for item in accounts("dev")]
    call = real_call()
    real = [] if call is None else [prepare(call, evidence)]
    held = train if args.split == "dev" else [prepare(item, evidence) for item in accounts("test")]
    rows = real + held
    print("figures: strict link F1 / lax link F1 / one-side-only F1")
    print("matcher        ", measure(rows, lambda p: matched(p, link(p.found.score))))
    print("assignment     ", measure(rows, lambda p: matched(p, assigned(p.found.score))))
    for label, names in SUBSETS.items():
        columns = [FEATURES.index(name) for name in names]
        coef, bias = fit(train, columns)
        prob = {id(p): 1 / (1 + np.exp(-(p.features[..., columns] @ coef + bias))) for p in rows}
        print(f"{label}: weights {np.round(coef, 3).tolist()} bias {bias:.3f}")
        if args.split == "dev":
            for name in {p.account.name for p in train}:
                c, b = fit([p for p in train if p.account.name != name], columns)
                for p in held:
                    if p.account.name == name:
                        prob[id(p)] = 1 / (1 + np.exp(-(p.features[..., columns] @ c + b)))
        for tau in TAUS:
            kind = "left-out set" if args.split == "dev" else "fitted on dev"
            print(f"  tau {tau} ({kind})", measure(rows, _learned(prob, tau)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
