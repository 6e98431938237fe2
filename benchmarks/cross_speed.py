"""Time cross-language alignment of two long, edited versions (Russian and Chinese).

Both versions of a 5,000-sentence statement (`check_speed.make_statement`) lose a share of their
sentences at random, each its own, so the alignment holds hundreds of missing and extra
sentences: every deleted sentence is then weighed against every inserted one as a possible move.
Prints seconds (best of ``--runs``, the encoder's cache warmed by a first run) for the whole
pair alignment, the part spent looking for moves, and how many moves and skips were found.

    python benchmarks/cross_speed.py [--sentences 5000] [--drop 0.08] [--runs 2]
"""

from __future__ import annotations

import argparse
import random
import time

from check_speed import make_statement

from stmtdiff.adapters.models.dictionary import key_maker, lexicon_for
from stmtdiff.adapters.models.embed import shared_encoder
from stmtdiff.core.align.pairalign import Evidence, align_pair, choose_scorer
from stmtdiff.core.align.repair import find_moves
from stmtdiff.core.model import MethodChoice
from stmtdiff.core.text.versions import make_version


def dropped(text: str, share: float, seed: int) -> str:
    """The text without a random ``share`` of its sentences (one per line after the split)."""
    rng = random.Random(seed)
    lines = text.replace("。", "。\n").replace(". ", ".\n").splitlines()
    return "\n".join(line for line in lines if rng.random() >= share) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000)
    parser.add_argument("--drop", type=float, default=0.08)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    ru, _, zh = make_statement(args.sentences)
    pivot = make_version("ru", dropped(ru, args.drop, 1), lang="ru")
    other = make_version("zh", dropped(zh, args.drop, 2), lang="zh")
    proof = Evidence(encoder=shared_encoder, lexicon=lexicon_for, keys=key_maker)
    print(f"{len(pivot.sentences)} ru and {len(other.sentences)} zh sentences")
    for method in (MethodChoice.LEXICAL, MethodChoice.SEMANTIC):
        timings = []
        for _ in range(args.runs + 1):
            started = time.perf_counter()
            pair = align_pair(pivot, other, method=method, evidence=proof)
            timings.append(time.perf_counter() - started)
        skips = sum(1 for bead in pair.beads if not bead.src or not bead.tgt)
        # The moves alone (they weigh sentence against sentence: paragraphs play no part).
        scorer = choose_scorer(pivot, other, method, proof)
        started = time.perf_counter()
        find_moves(list(pair.beads), scorer)
        moves_time = time.perf_counter() - started
        print(
            f"{method:9} {min(timings[1:]):6.2f} s  moves {moves_time:5.2f} s  "
            f"{len(pair.moves)} moves, {skips} skips"
        )


if __name__ == "__main__":
    main()
