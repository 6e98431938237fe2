"""What a word diff cannot show between two accounts' linked sentences: the parts of either
side the other has no counterpart for.

Two readouts word one fact their own way, so a word diff of a linked pair strikes out nearly
all of it. What a reader needs is what one side says and the other does not:

- a clause: a fact-sized part of a sentence (the matcher's parts, ``readouts.parts``) with no
  sentence of the other side's cell scoring above the document's noise. The score and the
  threshold are the matcher's (``pairalign.account_scores``, ``readouts.context_threshold``), the
  threshold set from the scores of the document's clauses against the other document's
  sentences, as the matcher sets its own from sentence pairs;
- a number, date or time only one side gives (``text.numbers.compare_numbers``);
- a country, organisation, person or topic only one side names (``compare.subjects``).

A number or name inside a clause that is reported already is not reported again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from stmtdiff.core.align.pairalign import Evidence, account_encoder, account_scores
from stmtdiff.core.align.readouts import MIN_PART, context_threshold
from stmtdiff.core.compare.subjects import TABLE_LANGS, SubjectTable
from stmtdiff.core.model import OnlyHere, OnlyKind, Sentence, Version
from stmtdiff.core.text.clauses import clauses
from stmtdiff.core.text.numbers import compare_numbers
from stmtdiff.core.text.scripts import joins_without_space, sentence_separator

TYPE_CHECKING = False  # not ``typing``'s; see stmtdiff.lazyexports.numpy
if TYPE_CHECKING:
    import numpy as np
else:  # numpy loads when accounts are first compared: a same-language compare never does
    from stmtdiff.lazyexports import numpy as np

#: Most clauses and sentences per side whose scores set a document's threshold; a longer
#: document gives every n-th (90,000 pairs fix a quantile well), so the cost stays bounded.
NULL_SAMPLE = 300


# _floor: a clause of a linked sentence needs the evidence the matcher asks of a pair next to a link
# (``MatchParams.context_quantile`` of the document's noise), not that of a pair on its own.
# The phone call's readouts (``../shared/corpus``), clauses reported, judged by reading both
# texts: at the noise's 0.99 quantile 15, 8 of them right (wrong: «Путин проинформировал … о
# российско-американских контактах», which 普京介绍了俄美接触最新情况 reports); at 0.9, 7, 5
# right (wrong: 期待…保持高层交往, the «встреч на высшем уровне» of the other side).
def fact_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each fact-sized part of a sentence: its clauses, a clause shorter than
    the matcher's ``MIN_PART`` joined to the next, as ``readouts.parts`` joins them; the whole
    sentence when it has one part."""
    if not text.strip():
        return []  # a translation left empty: its group's translation stands on another line
    shortest = MIN_PART["cjk" if joins_without_space(lang) else "other"]
    spans: list[tuple[int, int]] = []
    start, position, size = -1, 0, 0
    for clause in clauses(text, lang):
        found = text.find(clause, position)
        position = found + len(clause)
        start = found if start < 0 else start
        size += len(clause)
        if size >= shortest:
            spans.append((start, position))
            start, size = -1, 0
    if start >= 0 and spans:
        spans[-1] = (spans[-1][0], position)
    return spans if len(spans) > 1 else [(0, len(text))]


def _cell_offsets(version: Version, sentence_ids: Sequence[int]) -> list[int]:
    """Where each sentence starts in the cell's text (``compare.cell_text``)."""
    separator = len(sentence_separator(version.lang))
    offsets, position = [], 0
    for sid in sentence_ids:
        offsets.append(position)
        position += len(version.sentences[sid].text) + separator
    return offsets


def translated(version: Version) -> Version:
    """``version`` as the translation shown under it reads: each sentence its translation (empty
    where it has none), in the translation's language, so the only-here parts of the lines a
    reader of the translations sees are found as on the originals; the version itself when it
    has no translation (the other side's translation is then read against its original)."""
    if version.translations is None:
        return version
    texts = [text or "" for text in version.translations]
    sentences, offset = [], 0
    for sentence, text in zip(version.sentences, texts, strict=True):
        sentences.append(
            Sentence(sentence.id, text, offset, offset + len(text), sentence.paragraph)
        )
        offset += len(text) + 1
    return Version(
        id=version.id,
        text="\n".join(texts),
        lang=version.translation_lang or "und",
        sentences=sentences,
        label=version.label,
    )


class Meaning:
    """The only-here parts of the linked cells of one pair of accounts (the pivot and one
    other version); the pair's clause thresholds are set once, for every cell."""

    def __init__(
        self,
        pivot: Version,
        other: Version,
        evidence: Evidence,
        subjects: SubjectTable | None = None,
    ) -> None:
        self.versions = {"pivot": pivot, "other": other}
        self.evidence = evidence
        self.encoder = account_encoder(evidence)
        readable = {pivot.base_lang, other.base_lang} <= set(TABLE_LANGS)
        self.subjects = subjects if readable else None
        self.floors = {
            "pivot": self._floor(pivot, other),
            "other": self._floor(other, pivot),
        }

    def _scores(
        self, units: Sequence[str], mine: Version, sentences: Sequence[str], theirs: Version
    ) -> np.ndarray:
        """Each unit's score against each of ``sentences`` (both sides have some: the pair is
        linked)."""
        score, _ = account_scores(
            units, sentences, mine.base_lang, theirs.base_lang, self.evidence, self.encoder
        )
        return score

    def _floor(self, mine: Version, theirs: Version) -> float:
        """The score a clause of ``mine`` must pass to have a counterpart in ``theirs``."""
        units = [s.text[a:b] for s in mine.sentences for a, b in fact_spans(s.text, mine.lang)]
        sentences = [s.text for s in theirs.sentences]
        units = units[:: -(-len(units) // NULL_SAMPLE)]
        sentences = sentences[:: -(-len(sentences) // NULL_SAMPLE)]
        return context_threshold(self._scores(units, mine, sentences, theirs))

    def only_here(self, pivot_ids: Sequence[int], other_ids: Sequence[int]) -> tuple[OnlyHere, ...]:
        """The parts of the pivot's sentences ``pivot_ids`` and the other's ``other_ids`` that
        the other side has no counterpart for, each side's in the order of its text."""
        ids = {"pivot": pivot_ids, "other": other_ids}
        texts = {
            side: sentence_separator(v.lang).join(v.sentences[i].text for i in ids[side])
            for side, v in self.versions.items()
        }
        found: list[OnlyHere] = []
        for side, other_side in (("pivot", "other"), ("other", "pivot")):
            found += self._clauses(side, ids[side], ids[other_side])
        mismatch = compare_numbers(
            texts["pivot"],
            self.versions["pivot"].base_lang,
            texts["other"],
            self.versions["other"].base_lang,
        )
        if mismatch is not None:
            for side, items in (
                ("pivot", mismatch.source_only),
                ("other", mismatch.translation_only),
            ):
                found += [OnlyHere(side, OnlyKind.NUMBER, q.start, q.end, q.text) for q in items]
        found += self._names(texts)
        return _without_overlaps(found)

    def _clauses(
        self, side: str, mine_ids: Sequence[int], theirs_ids: Sequence[int]
    ) -> list[OnlyHere]:
        mine = self.versions[side]
        theirs = self.versions["other" if side == "pivot" else "pivot"]
        spans = [
            (offset + a, offset + b, mine.sentences[sid].text[a:b])
            for sid, offset in zip(mine_ids, _cell_offsets(mine, mine_ids), strict=True)
            for a, b in fact_spans(mine.sentences[sid].text, mine.lang)
        ]
        best = self._scores(
            [text for _, _, text in spans],
            mine,
            [theirs.sentences[j].text for j in theirs_ids],
            theirs,
        ).max(axis=1)
        return [
            OnlyHere(side, OnlyKind.CLAUSE, start, end, text)
            for (start, end, text), value in zip(spans, best, strict=True)
            if value <= self.floors[side]
        ]

    def _names(self, texts: dict[str, str]) -> list[OnlyHere]:
        if self.subjects is None:
            return []
        places = {side: self.subjects.places(text) for side, text in texts.items()}
        named = {side: {item.id for item, _, _ in found} for side, found in places.items()}
        out: list[OnlyHere] = []
        for side, other_side in (("pivot", "other"), ("other", "pivot")):
            at: dict[tuple[int, int], list[str]] = {}
            for item, start, end in places[side]:
                at.setdefault((start, end), []).append(item.id)
            out += [
                OnlyHere(side, OnlyKind.NAME, start, end, texts[side][start:end])
                for (start, end), ids in at.items()
                if not named[other_side] & set(ids)
            ]
        return out


def _without_overlaps(found: Iterable[OnlyHere]) -> tuple[OnlyHere, ...]:
    """The spans in order, each side's, a span overlapping one before it (a clause first, then
    a number, then a name) left out."""
    kept: list[OnlyHere] = []
    for item in found:
        if not any(k.side == item.side and k.start < item.end and item.start < k.end for k in kept):
            kept.append(item)
    return tuple(sorted(kept, key=lambda item: (item.side != "pivot", item.start)))
