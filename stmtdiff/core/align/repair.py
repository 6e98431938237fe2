"""Bead repair: what the monotonic search leaves apart, mended after it.

The search pairs sentences in order and drops what it cannot be sure of. Three repairs follow,
each a pure function here: ``find_moves`` pairs a deleted and an inserted sentence that are alike
but far apart, ``pair_replacements`` pairs those left apart in the same place (a rewrite), and
``realign`` re-aligns a small merged group exactly under a caller's cost (``check`` uses it to
find a dropped sentence hidden in an n-to-m bead). The first two see the beads the same way: as
the gaps of unaligned beads between aligned ones (``gaps``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from stmtdiff.core.align.scoring import Scorer, pair_similarities
from stmtdiff.core.model import Bead, Method, Version
from stmtdiff.core.text.normalize import similarity

#: Similarity above which a deleted and an inserted sentence count as one moved sentence, for
#: every method that aligns in order (accounts of one event, ``readouts``, link in any order and
#: have no moves); a method without an entry is a bug, and a KeyError.
MOVE_THRESHOLD: dict[Method, float] = {
    Method.SAME_LANGUAGE: 0.6,
    Method.TRANSLATION: 0.6,
    Method.SEMANTIC: 0.8,
    Method.LEXICAL: 0.9,
}
#: Next to a moved sentence, a sentence moved with it needs this share of the threshold.
MOVE_NEIGHBOUR = 0.5
#: Move detection compares every deletion with every insertion; beyond this it is skipped.
MAX_MOVE_PAIRS = 1_000_000
#: Sentences in the same place sharing at least this share of words are one rewritten sentence.
REPLACE_THRESHOLD = 0.15

#: Ids of a group of sentences on each side: a bead's ``src`` and ``tgt``.
Ids = tuple[int, ...]


def gaps(beads: Sequence[Bead]) -> list[list[Bead]]:
    """The unaligned beads (one side empty) between aligned ones: ``gaps(b)[k]`` follows the
    k-th aligned bead (``[0]`` comes before the first), so there is one more gap than aligned
    beads. A deletion and an insertion in one gap are in the same place."""
    result: list[list[Bead]] = [[]]
    for bead in beads:
        if bead.src and bead.tgt:
            result.append([])
        else:
            result[-1].append(bead)
    return result


def find_moves(beads: Sequence[Bead], scorer: Scorer) -> list[tuple[int, int]]:
    """Pair deleted and inserted sentences that are alike but far apart: a moved sentence.

    A deletion and an insertion in the same gap (no aligned bead between them) are a rewrite in
    place, not a move, so they are never paired.
    """
    deleted: list[tuple[int, int]] = []  # (sentence id, its gap)
    inserted: list[tuple[int, int]] = []
    for place, gap in enumerate(gaps(beads)):
        for bead in gap:
            if bead.src:
                deleted.append((bead.src[0], place))
            else:
                inserted.append((bead.tgt[0], place))
    if not deleted or not inserted or len(deleted) * len(inserted) > MAX_MOVE_PAIRS:
        return []
    threshold = MOVE_THRESHOLD[scorer.method]
    similar = pair_similarities(scorer, [i for i, _ in deleted], [j for j, _ in inserted])
    near = [
        (value, i, j)
        for (i, i_place), values in zip(deleted, similar, strict=True)
        for (j, j_place), value in zip(inserted, values, strict=True)
        if value >= threshold and i_place != j_place
    ]
    # Most similar first, ties to the later sentences. In plain Python, not numpy: a
    # same-language compare needs numpy nowhere else, and its import (0.1-0.2 s) was a third of
    # a 2×2,000-sentence JSON compare's time beside difflib.HtmlDiff's whole run.
    near.sort(reverse=True)
    candidates = [(i, j) for _, i, j in near]
    used_src: set[int] = set()
    used_tgt: set[int] = set()
    moves: list[tuple[int, int]] = []
    for i, j in candidates:
        if i in used_src or j in used_tgt:
            continue
        used_src.add(i)
        used_tgt.add(j)
        moves.append((i, j))
    # A moved paragraph moves whole: a neighbour of a moved sentence that moved the same way
    # needs less evidence (a short sentence says less, across languages most of all).
    deleted_ids = {i for i, _ in deleted}
    inserted_ids = {j for j, _ in inserted}
    pending = list(moves)
    while pending:
        i, j = pending.pop()
        for step in (-1, 1):
            a, b = i + step, j + step
            if (
                a in deleted_ids
                and b in inserted_ids
                and a not in used_src
                and b not in used_tgt
                and scorer.similarity(a, 1, b, 1) >= threshold * MOVE_NEIGHBOUR
            ):
                used_src.add(a)
                used_tgt.add(b)
                moves.append((a, b))
                pending.append((a, b))
    return sorted(moves)


def pair_replacements(
    beads: Sequence[Bead], moves: Sequence[tuple[int, int]], pivot: Version, other: Version
) -> list[Bead]:
    """Show a sentence rewritten in place as changed, not as one deletion plus one insertion.

    In one gap, k unaligned pivot sentences and k unaligned sentences of the other version
    (moved ones aside) are paired in order when each pair shares some words, as diff tools pair
    a "replace" block. The aligner leaves such pairs apart because they are too unlike to be
    sure of; their position makes them counterparts all the same.
    """
    moved_src = {i for i, _ in moves}
    moved_tgt = {j for _, j in moves}
    aligned = [bead for bead in beads if bead.src and bead.tgt]
    result: list[Bead] = []
    for place, gap in enumerate(gaps(beads)):
        result.extend(_pair_gap(gap, moved_src, moved_tgt, pivot, other))
        if place < len(aligned):
            result.append(aligned[place])
    return result


def _pair_gap(
    gap: list[Bead], moved_src: set[int], moved_tgt: set[int], pivot: Version, other: Version
) -> list[Bead]:
    deleted = [b.src[0] for b in gap if b.src and b.src[0] not in moved_src]
    inserted = [b.tgt[0] for b in gap if b.tgt and b.tgt[0] not in moved_tgt]
    if not deleted or len(deleted) != len(inserted):
        return gap
    scores = [
        similarity(pivot.sentences[i].text, other.sentences[j].text)
        for i, j in zip(deleted, inserted, strict=True)
    ]
    if min(scores) < REPLACE_THRESHOLD:
        return gap
    pairs = dict(zip(deleted, zip(inserted, scores, strict=True), strict=True))
    paired_tgt = set(inserted)
    skipped_src = [b.src[0] for b in gap if b.src and b.src[0] not in pairs]
    skipped_tgt = [b.tgt[0] for b in gap if b.tgt and b.tgt[0] not in paired_tgt]
    beads: list[Bead] = []
    for i, (j, score) in pairs.items():
        while skipped_src and skipped_src[0] < i:
            beads.append(Bead((skipped_src.pop(0),), ()))
        while skipped_tgt and skipped_tgt[0] < j:
            beads.append(Bead((), (skipped_tgt.pop(0),)))
        beads.append(Bead((i,), (j,), score))
    beads.extend(Bead((i,), ()) for i in skipped_src)
    beads.extend(Bead((), (j,)) for j in skipped_tgt)
    return beads


#: The steps of ``realign``: 1-1, 2-1, 1-2, a dropped and an added sentence.
_STEPS = ((1, 1), (2, 1), (1, 2), (1, 0), (0, 1))


def realign(
    src: Ids, tgt: Ids, cost: Callable[[Ids, Ids], float], skip: float
) -> tuple[float, list[Bead]]:
    """The cheapest monotonic alignment of a small group, exactly, and its total cost.

    Each pairing step (1-1, 2-1, 1-2) costs ``cost(src_ids, tgt_ids)``, each unpaired sentence
    ``skip``; on equal cost the earlier step in ``_STEPS`` wins. The work is
    ``len(src) * len(tgt)`` calls of ``cost``: meant for groups of a few sentences.
    """
    best: dict[tuple[int, int], tuple[float, list[Bead]]] = {(0, 0): (0.0, [])}
    for i in range(len(src) + 1):
        for j in range(len(tgt) + 1):
            if (i, j) not in best:
                continue
            total, path = best[(i, j)]
            for di, dj in _STEPS:
                if i + di > len(src) or j + dj > len(tgt):
                    continue
                step = Bead(src[i : i + di], tgt[j : j + dj])
                added = cost(step.src, step.tgt) if di and dj else skip
                key = (i + di, j + dj)
                if key not in best or total + added < best[key][0]:
                    best[key] = (total + added, [*path, step])
    return best[(len(src), len(tgt))]
