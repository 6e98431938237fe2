"""Run every check on one translation aligned to its source and collect the findings.

The aligner's beads say which source sentences a translation sentence renders; unpaired
sentences are ``missing`` or ``extra`` (what only an aligner can see), paired ones get the
content checks translation QA tools run on segment pairs: numbers, untranslated text, glossary
terms, length and punctuation, plus ``stale`` against the approval lock.
"""

from __future__ import annotations

import bisect
import math
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from stmtdiff.core.align.lengthmodel import density
from stmtdiff.core.align.repair import realign
from stmtdiff.core.check.findings import (
    RULES,
    Finding,
    Location,
    PairReport,
    SourceSentence,
    with_fingerprints,
)
from stmtdiff.core.check.glossary import Glossary, check_terms
from stmtdiff.core.check.lock import LockedTranslation
from stmtdiff.core.compare.compare import cell_text
from stmtdiff.core.model import PairAlignment, Version
from stmtdiff.core.text.langid import detect_language
from stmtdiff.core.text.normalize import canonical
from stmtdiff.core.text.numbers import NumberMismatch, compare_numbers, strip_label
from stmtdiff.core.text.scripts import SCRIPT_PATTERNS, BaseLang, base_language, sentence_separator

#: A translation this many times longer or shorter than expected gets a ``length`` warning.
LENGTH_FACTOR = 2.5
#: Sentences shorter than this (in English-equivalent characters) vary too much to judge.
LENGTH_MINIMUM = 30
#: With this many pairs, the document's own median ratio replaces the table above.
LENGTH_SAMPLE = 8
#: Merged groups up to this size are audited for a dropped sentence hidden inside.
MAX_SPLIT = 3
#: How much better (in log length ratio) a part of a merged group must fit to be split off.
SPLIT_MARGIN = math.log(1.6)
#: Larger groups (n against m, both above 1) are re-aligned inside up to this size.
MAX_REALIGN = 4
#: What an unpaired sentence costs inside a re-aligned group (a number mismatch costs 1).
SKIP = math.log(1.6)

LANGUAGE_NAMES = {"ru": "Russian", "en": "English", "zh": "Chinese", "fr": "French"}
LANGUAGE_NAMES |= {"de": "German", "es": "Spanish", "ja": "Japanese", "ko": "Korean"}

_SCRIPTS = {
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    **SCRIPT_PATTERNS,
}
_LANG_SCRIPT = {"ru": "cyrillic", "uk": "cyrillic", "be": "cyrillic", "bg": "cyrillic"}
_LANG_SCRIPT |= {"sr": "cyrillic", "mk": "cyrillic", "zh": "han", "ja": "kana", "ko": "hangul"}

#: Bracket and quote pairs whose balance the punctuation check verifies.
_PAIRS = (
    ("(（", ")）"),
    ("[［【", "]］】"),
    ("«", "»"),
    ("“", "”"),
    ("「『", "」』"),
    ("《〈", "》〉"),
)
_CLOSING = "»”’\"'」』)）]】》〉 "
_WHITESPACE = re.compile(r"\s")


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(base_language(lang), lang)


@dataclass(frozen=True, slots=True)
class Unit:
    """Source sentences and the translation sentences aligned with them (either may be empty)."""

    source_ids: tuple[int, ...]
    translation_ids: tuple[int, ...]


def units(alignment: PairAlignment) -> list[Unit]:
    """The alignment's beads in source order, with moved sentences paired where they started."""
    moved_from = dict(alignment.moves)  # source id -> translation id
    moved_to = set(moved_from.values())
    result = []
    for bead in alignment.beads:
        if not bead.src and bead.tgt and bead.tgt[0] in moved_to and len(bead.tgt) == 1:
            continue
        if bead.src and not bead.tgt and len(bead.src) == 1 and bead.src[0] in moved_from:
            result.append(Unit(bead.src, (moved_from[bead.src[0]],)))
            continue
        result.append(Unit(tuple(bead.src), tuple(bead.tgt)))
    return result


#: Per line of an extracted text (an HTML page's paragraphs), where it begins in the file.
Origins = Sequence[tuple[int, int] | None]


class _Lines:
    """Character offsets to 1-based line and column numbers.

    With ``origins`` (text extracted from HTML) a position is the one in the page's markup where
    the offset's paragraph begins: the extracted text's own line numbers would point at unrelated
    markup (line 6 = ``</head>`` for a paragraph on line 23). A paragraph not found in the markup
    takes the previous one's origin. Without ``has_lines`` (DOCX, PDF) there is no position to
    give, and spans carry the path alone.
    """

    def __init__(self, text: str, origins: Origins | None = None, has_lines: bool = True) -> None:
        self.has_lines = has_lines
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self.origins: list[tuple[int, int]] | None = None
        if origins is not None:
            last = (1, 1)
            self.origins = []
            for origin in origins:
                last = origin or last
                self.origins.append(last)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        if self.origins:
            return self.origins[min(line, len(self.origins)) - 1]
        return line, offset - self.starts[line - 1] + 1

    def span(self, path: str, start: int, end: int) -> Location:
        if not self.has_lines:
            return Location(path, None, None, None, None)
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Location(path, line, column, end_line, end_column)


@dataclass(slots=True)
class _Side:
    version: Version
    path: str
    lines: _Lines

    def location(self, ids: Sequence[int], after: int | None) -> Location:
        """The span of ``ids``; with none, the empty span after sentence ``after``."""
        sentences = self.version.sentences
        if ids:
            return self.lines.span(self.path, sentences[ids[0]].start, sentences[ids[-1]].end)
        if after is not None:
            offset = sentences[after].end
        else:
            offset = sentences[0].start if sentences else 0
        return self.lines.span(self.path, offset, offset)

    def text(self, ids: Sequence[int]) -> str:
        return cell_text(self.version, ids)

    def unlabelled(self, ids: Sequence[int]) -> str:
        """The sentences without paragraph numbers: what the numbers check compares."""
        separator = sentence_separator(self.version.lang)
        return separator.join(strip_label(self.version.sentences[i].text) for i in ids)


def check_translation(
    source: Version,
    translation: Version,
    alignment: PairAlignment,
    *,
    glossary: Glossary | None = None,
    lock: LockedTranslation | None = None,
    skip: frozenset[str] = frozenset(),
    source_origins: Origins | None = None,
    translation_origins: Origins | None = None,
    source_has_lines: bool = True,
    translation_has_lines: bool = True,
) -> PairReport:
    """Every finding for one translation, with the source sentences reports list.

    ``*_origins``: for a text extracted from HTML, where each of its lines begins in the file.
    ``*_has_lines``: False for a file without lines (DOCX, PDF), whose locations are the file.
    """
    src = _Side(
        source,
        source.path or source.id,
        _Lines(source.text, source_origins, source_has_lines),
    )
    tgt = _Side(
        translation,
        translation.path or translation.id,
        _Lines(translation.text, translation_origins, translation_has_lines),
    )
    checker = _Checker(src, tgt, glossary, lock, skip)
    findings = checker.run(units(alignment))
    sentences = [SourceSentence(s.id, src.location([s.id], None), s.text) for s in source.sentences]
    return PairReport(
        source_path=src.path,
        translation_path=tgt.path,
        source_lang=source.lang,
        translation_lang=translation.lang,
        method=alignment.method,
        confidence=alignment.confidence,
        sentences=sentences,
        findings=with_fingerprints(findings),
        pairs=checker.pairs,
        warning=alignment.warning,
        translation_sentences=len(translation.sentences),
    )


def aligned_texts(
    source: Version,
    translation: Version,
    alignment: PairAlignment,
    *,
    glossary: Glossary | None = None,
) -> list[tuple[str, str]]:
    """The (source, translation) texts of every aligned unit, as the checks pair them."""
    src = _Side(source, source.path or source.id, _Lines(""))
    tgt = _Side(translation, translation.path or translation.id, _Lines(""))
    checker = _Checker(src, tgt, glossary, None, frozenset())
    return [
        (src.text(unit.source_ids), tgt.text(unit.translation_ids))
        for unit in checker.paired_units(units(alignment))
    ]


class _Checker:
    def __init__(
        self,
        src: _Side,
        tgt: _Side,
        glossary: Glossary | None,
        lock: LockedTranslation | None,
        skip: frozenset[str],
    ) -> None:
        self.src, self.tgt = src, tgt
        self.terms = (
            glossary.relevant(src.version.base_lang, tgt.version.base_lang) if glossary else []
        )
        self.glossary_path = glossary.path if glossary else ""
        self.lock = lock
        self.enabled = {rule for rule in RULES if rule not in skip}
        self.findings: list[Finding] = []
        self.pairs = 0
        self.src_lang, self.tgt_lang = src.version.lang, tgt.version.lang
        self.src_base, self.tgt_base = src.version.base_lang, tgt.version.base_lang

    def paired_units(self, all_units: list[Unit]) -> list[Unit]:
        return [u for u in self._split_merges(all_units) if u.source_ids and u.translation_ids]

    def run(self, all_units: list[Unit]) -> list[Finding]:
        all_units = self._split_merges(all_units)
        last_src: int | None = None
        last_tgt: int | None = None
        paired: list[tuple[Unit, str, str]] = []
        for unit in all_units:
            if unit.source_ids and not unit.translation_ids:
                for sid in unit.source_ids:
                    self._missing(sid, last_tgt)
            elif unit.translation_ids and not unit.source_ids:
                for tid in unit.translation_ids:
                    self._extra(tid, last_src)
            else:
                self.pairs += 1
                left, right = self.src.text(unit.source_ids), self.tgt.text(unit.translation_ids)
                if not self._untranslated(unit, left, right):
                    paired.append((unit, left, right))
            if unit.source_ids:
                last_src = max(unit.source_ids)
            if unit.translation_ids:
                last_tgt = max(unit.translation_ids)
        expected = self._expected_ratio([(left, right) for _, left, right in paired])
        for unit, left, right in paired:
            self._numbers(unit)
            self._glossary(unit, left, right)
            self._stale(unit, left, right)
            self._length(unit, left, right, expected)
            self._punctuation(unit, left, right)
        return self.findings

    def _split_merges(self, all_units: list[Unit]) -> list[Unit]:
        """Undo merges that hide a dropped sentence: what the aligner could not tell apart.

        An aligner that finds one translation sentence for two source sentences either saw the
        translator join them or saw one of them dropped; it cannot tell, and merges. A part of
        the group whose numbers, glossary terms and length fit the translation clearly better
        than the whole group does is the real counterpart, and the rest is missing (or extra).
        Groups of n sentences against n become n pairs where each pair fits.
        """
        simple = [
            (self.src.text(u.source_ids), self.tgt.text(u.translation_ids))
            for u in all_units
            if len(u.source_ids) == 1 and len(u.translation_ids) == 1
        ]
        expected = self._expected_ratio(simple)
        result: list[Unit] = []
        for unit in all_units:
            if len(unit.source_ids) == len(unit.translation_ids) > 1:
                result.extend(self._diagonal(unit, expected))
            elif len(unit.translation_ids) == 1 and 1 < len(unit.source_ids) <= MAX_SPLIT:
                result.extend(self._split(unit, expected, translation_side=False))
            elif len(unit.source_ids) == 1 and 1 < len(unit.translation_ids) <= MAX_SPLIT:
                result.extend(self._split(unit, expected, translation_side=True))
            elif (
                1 < len(unit.source_ids) <= MAX_REALIGN
                and 1 < len(unit.translation_ids) <= MAX_REALIGN
            ):
                result.extend(self._realign(unit, expected))
            else:
                result.append(unit)
        return result

    def _diagonal(self, unit: Unit, expected: float) -> list[Unit]:
        """Two sentences against two (or n against n) as n pairs, when each pair fits on its own.

        The finer pairs put each finding on its own sentence; a translator who redrew the
        sentence boundaries leaves pairs that do not fit, and the group stays whole.
        """
        pairs = [
            Unit((s,), (t,)) for s, t in zip(unit.source_ids, unit.translation_ids, strict=True)
        ]
        fits = [self._fit(pair, expected) for pair in pairs]
        whole_misses, _ = self._fit(unit, expected)
        if sum(m for m, _ in fits) <= whole_misses and all(d < SPLIT_MARGIN for _, d in fits):
            return pairs
        return [unit]

    def _realign(self, unit: Unit, expected: float) -> list[Unit]:
        """Re-align a group of n against m sentences on content: a dropped or added sentence.

        A small exact alignment inside the group, scoring each pair by its number and glossary
        mismatches and its length, and each unpaired sentence by ``SKIP``; it replaces the group
        only when it fits clearly better than the group as one unit.
        """
        whole_misses, whole_deviation = self._fit(unit, expected)
        cost, path = realign(unit.source_ids, unit.translation_ids, self._pair_cost(expected), SKIP)
        if cost + SPLIT_MARGIN < whole_misses + whole_deviation:
            return [Unit(bead.src, bead.tgt) for bead in path]
        return [unit]

    def _pair_cost(self, expected: float) -> Callable[[tuple[int, ...], tuple[int, ...]], float]:
        """``_fit`` as one number, for ``realign``: each mismatch costs 1, plus the deviation."""

        def cost(source_ids: tuple[int, ...], translation_ids: tuple[int, ...]) -> float:
            misses, deviation = self._fit(Unit(source_ids, translation_ids), expected)
            return misses + deviation

        return cost

    def _split(self, unit: Unit, expected: float, *, translation_side: bool) -> list[Unit]:
        group = unit.translation_ids if translation_side else unit.source_ids
        whole = self._fit(unit, expected)
        best: tuple[tuple[int, float], Unit] | None = None
        for start in range(len(group)):
            for stop in range(start + 1, len(group) + 1):
                if stop - start == len(group):
                    continue
                part = group[start:stop]
                candidate = (
                    Unit(unit.source_ids, part)
                    if translation_side
                    else Unit(part, unit.translation_ids)
                )
                fit = self._fit(candidate, expected)
                if best is None or fit < best[0]:
                    best = (fit, candidate)
        if best is None or not _clearly_better(best[0], whole):
            return [unit]
        kept = best[1].translation_ids if translation_side else best[1].source_ids
        pieces: list[Unit] = []
        for sid in group:
            if sid == kept[0]:
                pieces.append(best[1])
            elif sid not in kept:
                pieces.append(Unit((), (sid,)) if translation_side else Unit((sid,), ()))
        return pieces

    def _fit(self, unit: Unit, expected: float) -> tuple[int, float]:
        """How badly a pairing fits: content mismatches, then length deviation (lower is better)."""
        left, right = self.src.text(unit.source_ids), self.tgt.text(unit.translation_ids)
        mismatch = self._compare_numbers(unit)
        misses = len(mismatch.source_only) + len(mismatch.translation_only) if mismatch else 0
        if self.terms:
            misses += len(check_terms(self.terms, left, self.src_base, right, self.tgt_base))
        deviation = (
            abs(math.log(_length(right) / _length(left) / expected)) if expected > 0 else 0.0
        )
        return misses, deviation

    def _add(
        self,
        rule: str,
        message: str,
        unit: Unit,
        *,
        after_src: int | None = None,
        after_tgt: int | None = None,
        detail: str = "",
    ) -> None:
        if rule not in self.enabled:
            return
        self.findings.append(
            Finding(
                rule=rule,
                severity=RULES[rule].severity,
                message=message,
                source_path=self.src.path,
                translation_path=self.tgt.path,
                source=self.src.location(unit.source_ids, after_src),
                translation=self.tgt.location(unit.translation_ids, after_tgt),
                source_sentence=self.src.text(unit.source_ids),
                translation_sentence=self.tgt.text(unit.translation_ids),
                source_ids=unit.source_ids,
                translation_ids=unit.translation_ids,
                detail=detail,
            )
        )

    def _missing(self, sid: int, last_tgt: int | None) -> None:
        message = f"this sentence has no counterpart in {self.tgt.path}"
        self._add("missing", message, Unit((sid,), ()), after_tgt=last_tgt)

    def _extra(self, tid: int, last_src: int | None) -> None:
        message = f"this sentence has no counterpart in {self.src.path}"
        self._add("extra", message, Unit((), (tid,)), after_src=last_src)

    def _untranslated(self, unit: Unit, left: str, right: str) -> bool:
        """Report untranslated sentences of a unit; True when it has any (content checks are moot).

        Judged sentence by sentence: a unit of two translation sentences, one of them left in
        the source language, is mostly in the right script as a whole.
        """
        if "untranslated" not in self.enabled or self.src_base == self.tgt_base:
            return False
        sources = {canonical(left)} | {canonical(self.src.text([i])) for i in unit.source_ids}
        found = False
        for tid in unit.translation_ids:
            sentence = self.tgt.text([tid])
            if not any(ch.isalpha() for ch in sentence):
                continue
            one = Unit(unit.source_ids, (tid,))
            if canonical(sentence) in sources:
                self._add("untranslated", "the translation is identical to the source", one)
                found = True
            elif _written_in(sentence, self.src_base, self.tgt_base):
                name = language_name(self.src_lang)
                message = f"this sentence is in {name}, the source language, not translated"
                self._add("untranslated", message, one)
                found = True
        return found

    def _numbers(self, unit: Unit) -> None:
        if "numbers" not in self.enabled:
            return
        mismatch = self._compare_numbers(unit)
        if mismatch is not None:
            self._add("numbers", self._numbers_message(mismatch), unit, detail=_detail(mismatch))

    def _compare_numbers(self, unit: Unit) -> NumberMismatch | None:
        left = self.src.unlabelled(unit.source_ids)
        right = self.tgt.unlabelled(unit.translation_ids)
        return compare_numbers(left, self.src_base, right, self.tgt_base)

    def _numbers_message(self, mismatch: NumberMismatch) -> str:
        source = ", ".join(q.text for q in mismatch.source_only)
        translation = ", ".join(q.text for q in mismatch.translation_only)
        if source and translation:
            return f"numbers differ: the source has {source}, the translation has {translation}"
        if source:
            return f"the translation lacks {source} from the source"
        return f"the translation has {translation}, which the source lacks"

    def _glossary(self, unit: Unit, left: str, right: str) -> None:
        if "glossary" not in self.enabled or not self.terms:
            return
        for miss in check_terms(self.terms, left, self.src_base, right, self.tgt_base):
            required = " or ".join(f"“{form}”" for form in miss.term.forms[self.tgt_base])
            message = (
                f"glossary term «{miss.source_form}» must be translated as {required} "
                f"({self.glossary_path}, {miss.term.where})"
            )
            self._add("glossary", message, unit, detail=miss.term.where)

    def _stale(self, unit: Unit, left: str, right: str) -> None:
        if "stale" not in self.enabled or self.lock is None:
            return
        approval = self.lock.stale(left, right)
        if approval is not None:
            message = (
                "the source sentence changed since this translation was approved; the "
                f"translation did not (approved against «{approval.text}»)"
            )
            self._add("stale", message, unit)

    def _expected_ratio(self, pairs: list[tuple[str, str]]) -> float:
        table = density(self.tgt_lang) / density(self.src_lang)
        ratios = [_length(r) / _length(left) for left, r in pairs if self._judged(left)]
        if len(ratios) >= LENGTH_SAMPLE:
            return statistics.median(ratios)
        return table

    def _judged(self, left: str) -> bool:
        return _length(left) / density(self.src_lang) >= LENGTH_MINIMUM

    def _length(self, unit: Unit, left: str, right: str, expected: float) -> None:
        if "length" not in self.enabled or not self._judged(left) or expected <= 0:
            return
        ratio = _length(right) / _length(left)
        factor = ratio / expected
        if 1 / LENGTH_FACTOR <= factor <= LENGTH_FACTOR:
            return
        how = "longer" if factor > 1 else "shorter"
        times = factor if factor > 1 else 1 / factor
        message = (
            f"the translation is {times:.1f}× {how} than usual for "
            f"{self.src_base}→{self.tgt_base} "
            f"({_length(right)} characters for {_length(left)})"
        )
        self._add("length", message, unit, detail=how)

    def _punctuation(self, unit: Unit, left: str, right: str) -> None:
        if "punctuation" not in self.enabled:
            return
        for opening, closing in _PAIRS:
            if _balanced(left, opening, closing) and not _balanced(right, opening, closing):
                pair = opening[0] + closing[0]
                self._add(
                    "punctuation",
                    f"unbalanced {pair} in the translation",
                    unit,
                    detail=pair,
                )
        if left.count('"') % 2 == 0 and right.count('"') % 2 == 1:
            self._add("punctuation", 'unbalanced " in the translation', unit, detail='"')
        asks, answers = _is_question(left), _is_question(right)
        if asks != answers:
            message = (
                "the source is a question, the translation is not"
                if asks
                else "the translation is a question, the source is not"
            )
            self._add("punctuation", message, unit, detail="question")


def _clearly_better(part: tuple[int, float], whole: tuple[int, float]) -> bool:
    """A part beats the whole group on content without fitting worse in length, or on length
    by a wide margin while fitting well."""
    part_misses, part_deviation = part
    whole_misses, whole_deviation = whole
    if part_misses < whole_misses:
        return part_deviation <= whole_deviation + SPLIT_MARGIN
    return (
        part_misses == whole_misses
        and part_deviation + SPLIT_MARGIN < whole_deviation
        and part_deviation < SPLIT_MARGIN
    )


def _length(text: str) -> int:
    """Characters other than whitespace (at least 1, as a divisor)."""
    return max(1, len(text) - len(_WHITESPACE.findall(text)))


def _written_in(text: str, source_lang: BaseLang, translation_lang: BaseLang) -> bool:
    """True when ``text`` is written in the source language rather than the translation's."""
    expected = _LANG_SCRIPT.get(translation_lang, "latin")
    source_script = _LANG_SCRIPT.get(source_lang, "latin")
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS.items()}
    counts["han"] *= 3  # a Han character carries a word
    if translation_lang == "ja":
        counts["kana"] += counts["han"]
    dominant = max(counts, key=lambda name: counts[name])
    if counts[dominant] == 0:
        return False
    if source_script != expected:
        return dominant == source_script
    # Same script (en and fr, say): only a language identifier can tell them apart.
    letters = sum(1 for ch in text if ch.isalpha())
    return letters >= 20 and detect_language(text) == source_lang


def _balanced(text: str, opening: str, closing: str) -> bool:
    if not any(ch in text for ch in opening + closing):
        return True
    depth = 0
    for ch in text:
        if ch in opening:
            depth += 1
        elif ch in closing:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _is_question(text: str) -> bool:
    return text.rstrip(_CLOSING).endswith(("?", "？"))


def _detail(mismatch: NumberMismatch) -> str:
    left = ",".join(sorted(f"{q.kind}:{q.value}" for q in mismatch.source_only))
    right = ",".join(sorted(f"{q.kind}:{q.value}" for q in mismatch.translation_only))
    return f"{left}|{right}"
