"""Match the facts of two accounts of one event, wherever each side reports them.

Two readouts of one call (the Kremlin's and Xinhua's) are not translations of each other: each
side orders its points its own way, merges or splits them, and leaves some out. So sentences are
linked many-to-many and without regard to order. A pair of sentences scores by the encoder's
cosine of the sentences and of their parts (a long sentence carrying several facts matches on
one of them), and by the lexicon's share of shared names, numbers and words.

Whether a score is high enough depends on the document: two readouts of one call share their
topic, so every pair of their sentences is somewhat alike. The threshold is therefore set per
document from scores of pairs that cannot be counterparts (as Vecalign sets its deletion
penalty): all pairs but each sentence's best ones. A sentence with no counterpart above it stays
alone; it never takes its nearest neighbour.

Groups are then formed as Vecalign/Bertalign do: each link keeps its strongest pair, and grows
by a neighbouring unlinked sentence of either side only while the group, embedded as one text,
scores higher against the other side than it did without it (a fact split across two
neighbours is one group; a close neighbour that adds nothing stays out); a far member of the first
link returns when the group's combined vector scores higher with it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from stmtdiff.core.align.semantic import Encoder, display_similarities
from stmtdiff.core.model import Link, LinkKind
from stmtdiff.core.text.clauses import clauses
from stmtdiff.core.text.scripts import joins_without_space

#: Shortest part of a sentence matched on its own, in characters (Han text says more per
#: character); shorter clauses join their neighbour.
MIN_PART = {"cjk": 12, "other": 30}

#: Weight of the lexicon's evidence against the encoder's. Constructed dev accounts, pooled
#: strict link F1: 0 -> 0.60, 0.3 -> 0.63, 0.5 -> 0.64 (but Text+Berg, no de-fr lexicon,
#: 0.61 -> 0.52 at 0.5).
WORD_WEIGHT = 0.3


@dataclass(frozen=True, slots=True)
class MatchParams:
    """How high above the document's noise a pair must score to be linked.

    ``firm_quantile`` and ``possible_quantile``: quantiles of the scores of non-counterparts
    that a firm and a possible link must exceed; ``margin``: added to both; ``rival``: how far
    below its rival a pair that is not its sides' mutual best may score and still be linked;
    ``context_quantile``: the quantile a pair next to a link must exceed (``neighbours``).
    Constructed dev accounts (MAC-Dev, Text+Berg dev, UN dev; 94 pieces), pooled strict link F1
    / one-side-only F1: possible quantile 0.95 -> 0.55 / 0.47, 0.98 -> 0.60 / 0.60, 0.99 -> 0.63
    / 0.64; rival 0.1 over no limit: 0.63 -> 0.66, 0.64 -> 0.67; 0.999 loses recall.
    """

    firm_quantile: float = 0.999
    possible_quantile: float = 0.99
    context_quantile: float = 0.9
    margin: float = 0.0
    rival: float = 0.1


#: Largest group grown from a link, in sentences of both sides together (1-3, 3-1 and 2-2 at
#: most): constructed dev accounts hold few larger (MAC-Dev: 20 of 698 gold groups).
MAX_GROUP = 4

#: (i, di, j, dj) -> score in [0, 1] of pivot sentences i..i+di-1 against other j..j+dj-1.
GroupScore = Callable[[int, int, int, int], float]

#: (pivot ids, other ids) -> cosine of the normalised sums of the two sides' sentence vectors.
SetScore = Callable[[Sequence[int], Sequence[int]], float]

#: (i, j) -> share of shared words of pivot sentence i and other sentence j, in [0, 1].
WordScore = Callable[[int, int], float]


def parts(text: str, lang: str) -> list[str]:
    """The sentence cut at its clause breaks into parts long enough to carry a fact."""
    shortest = MIN_PART["cjk" if joins_without_space(lang) else "other"]
    joiner = "" if joins_without_space(lang) else ", "
    out: list[str] = []
    current = ""
    for clause in clauses(text, lang):
        current = clause if not current else current + joiner + clause
        if len(current) >= shortest:
            out.append(current)
            current = ""
    if current:
        if out:
            out[-1] = out[-1] + joiner + current
        else:
            out.append(current)
    return out if len(out) > 1 else []


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    normed: np.ndarray = vectors / np.where(norms == 0, 1.0, norms)
    return normed


def _embedded(
    texts: Sequence[str], lang: str, encoder: Encoder
) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Vectors of the sentences, of their parts, and the sentence each part belongs to."""
    pieces: list[str] = []
    owner: list[int] = []
    for index, text in enumerate(texts):
        for piece in parts(text, lang):
            pieces.append(piece)
            owner.append(index)
    sentences = _unit(np.asarray(encoder.encode(list(texts)), dtype=np.float64))
    if pieces:
        vectors = _unit(np.asarray(encoder.encode(pieces), dtype=np.float64))
    else:
        vectors = np.zeros((0, sentences.shape[1]))
    return sentences, vectors, owner


def _best_by_owner(matrix: np.ndarray, owner: Sequence[int], size: int, axis: int) -> np.ndarray:
    """Max over the parts of each sentence along ``axis`` (0: rows are parts)."""
    fill = -1.0
    shape = (size, matrix.shape[1]) if axis == 0 else (matrix.shape[0], size)
    out = np.full(shape, fill)
    for k, index in enumerate(owner):
        if axis == 0:
            out[index] = np.maximum(out[index], matrix[k])
        else:
            out[:, index] = np.maximum(out[:, index], matrix[:, k])
    return out


def cosines(
    src: Sequence[str], src_lang: str, tgt: Sequence[str], tgt_lang: str, encoder: Encoder
) -> np.ndarray:
    """Cosine of each pivot sentence with each other sentence, the best of whole sentences and
    of a part of one against the other whole (a merged sentence matches on one of its facts)."""
    s_vec, s_parts, s_owner = _embedded(src, src_lang, encoder)
    t_vec, t_parts, t_owner = _embedded(tgt, tgt_lang, encoder)
    best: np.ndarray = s_vec @ t_vec.T
    if len(s_owner):
        best = np.maximum(best, _best_by_owner(s_parts @ t_vec.T, s_owner, len(src), 0))
    if len(t_owner):
        best = np.maximum(best, _best_by_owner(s_vec @ t_parts.T, t_owner, len(tgt), 1))
    return best


def scores(cosine: np.ndarray, words: WordScore | None = None) -> np.ndarray:
    """Pair scores in [0, 1]: the encoder's, with the lexicon's evidence blended in."""
    result: np.ndarray = display_similarities(cosine)
    if words is not None and cosine.size:
        table = np.array(
            [[words(i, j) for j in range(cosine.shape[1])] for i in range(cosine.shape[0])]
        )
        result = (1 - WORD_WEIGHT) * result + WORD_WEIGHT * table
    return result


def thresholds(score: np.ndarray, params: MatchParams = MatchParams()) -> tuple[float, float]:
    """(firm, possible) thresholds from the scores of pairs that cannot be counterparts: every
    pair that is neither its pivot sentence's best nor its other sentence's best."""
    if score.size == 0:
        return 1.0, 1.0
    null = _null(score)
    firm = float(np.quantile(null, params.firm_quantile)) + params.margin
    possible = float(np.quantile(null, params.possible_quantile)) + params.margin
    return firm, min(possible, firm)


def _null(score: np.ndarray) -> np.ndarray:
    """Scores of the pairs that cannot be counterparts: neither sentence's best."""
    n, m = score.shape
    best = np.zeros_like(score, dtype=bool)
    best[np.arange(n), score.argmax(axis=1)] = True
    best[score.argmax(axis=0), np.arange(m)] = True
    null = score[~best]
    return null if null.size else score.ravel()


def link(score: np.ndarray, params: MatchParams = MatchParams()) -> list[Link]:
    """Links of the pivot's sentences (rows) to the other's (columns), joined into groups of
    sentences linked together. A pair above the possible threshold is linked when each side is
    the other's best; or when it is the best of one side and within ``params.rival`` of the pair
    that side's partner prefers (a merged sentence takes both halves of a split one). A group is
    firm when each of its pairs clears the firm threshold.
    """
    n, m = score.shape
    if n == 0 or m == 0:
        return []
    firm, possible = thresholds(score, params)
    row_best = score.argmax(axis=1)
    col_best = score.argmax(axis=0)
    edges: list[tuple[int, int]] = []
    for i, j in zip(*np.nonzero(score > possible), strict=True):
        if row_best[i] != j and col_best[j] != i:
            continue
        rival = score[col_best[j], j] if row_best[i] == j else score[i, row_best[i]]
        if score[i, j] >= rival - params.rival:
            edges.append((int(i), int(j)))
    parent = list(range(n + m))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        parent[find(i)] = find(n + j)
    groups: dict[int, list[tuple[int, int]]] = {}
    for i, j in edges:
        groups.setdefault(find(i), []).append((i, j))
    links: list[Link] = []
    for members in groups.values():
        values = [float(score[i, j]) for i, j in members]
        links.append(
            Link(
                pivot=tuple(sorted({i for i, _ in members})),
                other=tuple(sorted({j for _, j in members})),
                score=round(float(np.mean(values)), 4),
                kind=LinkKind.FIRM if min(values) > firm else LinkKind.POSSIBLE,
            )
        )
    links.sort(key=lambda item: (item.pivot, item.other))
    return links


def grow(links: Sequence[Link], group_score: GroupScore, n: int, m: int) -> list[Link]:
    """Each link cut to its strongest pair, then grown by adjacent unlinked sentences while the
    grown group scores higher as one text (strongest links grow first).

    Constructed dev accounts, pooled strict link F1 / one-side-only F1: groups of ``link``
    0.664 / 0.672; grown from their strongest pair 0.778 / 0.718 (MAC-Dev 0.509 -> 0.630,
    Text+Berg 0.604 -> 0.720, UN 0.847 -> 0.953); requiring a gain of 0.02 changes nothing
    (0.778 / 0.721), of 0.05 loses (0.747 / 0.703). Real call: lax link F1 0.500 -> 0.833.
    (Measured on cached scores; the benchmark run gives 0.777 / 0.716.)
    """
    anchors: list[tuple[float, int, int, Link]] = []
    for item in links:
        best = max(
            ((group_score(i, 1, j, 1), i, j) for i in item.pivot for j in item.other),
            key=lambda entry: entry[0],
        )
        anchors.append((*best, item))
    used_pivot = {i for _, i, _, _ in anchors}
    used_other = {j for _, _, j, _ in anchors}
    grown: list[Link] = []
    for value, i, j, item in sorted(anchors, key=lambda entry: -entry[0]):
        start, end, first, last = i, i + 1, j, j + 1
        while end - start + last - first < MAX_GROUP:
            options = []
            if start > 0 and start - 1 not in used_pivot:
                options.append((start - 1, end, first, last))
            if end < n and end not in used_pivot:
                options.append((start, end + 1, first, last))
            if first > 0 and first - 1 not in used_other:
                options.append((start, end, first - 1, last))
            if last < m and last not in used_other:
                options.append((start, end, first, last + 1))
            scored = [(group_score(a, b - a, c, d - c), (a, b, c, d)) for a, b, c, d in options]
            better = [entry for entry in scored if entry[0] > value]
            if not better:
                break
            value, (start, end, first, last) = max(better, key=lambda entry: entry[0])
            used_pivot.update(range(start, end))
            used_other.update(range(first, last))
        grown.append(
            Link(
                pivot=tuple(range(start, end)),
                other=tuple(range(first, last)),
                score=round(value, 4),
                kind=item.kind,
            )
        )
    grown.sort(key=lambda entry: (entry.pivot, entry.other))
    return grown


def neighbours(
    links: Sequence[Link], score: np.ndarray, params: MatchParams = MatchParams()
) -> list[Link]:
    """The links, and as possible links the pairs of unlinked sentences that follow or precede a
    link on both sides and score above the ``context_quantile`` of the document's null scores
    (a fact reported next to a shared one in both texts needs less evidence; chains extend).

    Constructed dev accounts, grown groups then grown again, pooled strict link F1 /
    one-side-only F1: without 0.777 / 0.716; quantile 0.5 -> 0.766 / 0.698, 0.7 -> 0.772 /
    0.718, 0.8 -> 0.777 / 0.721, 0.9 -> 0.784 / 0.737 (MAC-Dev 0.629 -> 0.648, Text+Berg
    0.716 -> 0.722, UN 0.953 -> 0.950).
    """
    n, m = score.shape
    if not links:
        return []
    floor = float(np.quantile(_null(score), params.context_quantile))
    used_pivot = {i for item in links for i in item.pivot}
    used_other = {j for item in links for j in item.other}
    found: list[Link] = []
    pending = [(item.pivot, item.other) for item in links]
    while pending:
        pivot, other = pending.pop()
        for i, j in ((pivot[-1] + 1, other[-1] + 1), (pivot[0] - 1, other[0] - 1)):
            if not (0 <= i < n and 0 <= j < m) or i in used_pivot or j in used_other:
                continue
            if score[i, j] > floor:
                used_pivot.add(i)
                used_other.add(j)
                found.append(Link((i,), (j,), round(float(score[i, j]), 4), LinkKind.POSSIBLE))
                pending.append(((i,), (j,)))
    return sorted([*links, *found], key=lambda item: (item.pivot, item.other))


def rejoin(grown: Sequence[Link], first: Sequence[Link], set_score: SetScore) -> list[Link]:
    """Grown groups given back the far members of the first-pass link they came from, each one
    only when the group's combined vector (normalised sum of its members') scores higher with
    it: the Kremlin merges in one sentence what Xinhua says in two places.

    Dev, pooled strict link F1 / one-side-only F1: 0.784 / 0.737 without, 0.777 / 0.736 with
    (MAC-Dev lax 0.833 -> 0.854); real call one-side-only 0.667 -> 0.750, and its clearest shared
    statement («не направлена против кого-либо» / 不针对第三方), which opens one text and closes
    the other, is linked again. Requiring a gain of 0.02: 0.778 / 0.737, same on the call.
    """
    used_pivot = {i for item in grown for i in item.pivot}
    used_other = {j for item in grown for j in item.other}
    out: list[Link] = []
    for item in grown:
        pivot, other = set(item.pivot), set(item.other)
        for source in first:
            if not (pivot & set(source.pivot) and other & set(source.other)):
                continue
            for i in source.pivot:
                if i not in used_pivot and set_score([*pivot, i], [*other]) > set_score(
                    [*pivot], [*other]
                ):
                    pivot.add(i)
                    used_pivot.add(i)
            for j in source.other:
                if j not in used_other and set_score([*pivot], [*other, j]) > set_score(
                    [*pivot], [*other]
                ):
                    other.add(j)
                    used_other.add(j)
        out.append(Link(tuple(sorted(pivot)), tuple(sorted(other)), item.score, item.kind))
    return out
