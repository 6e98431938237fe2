"""What a check reports: findings, the rules that produce them, and the report every format renders.

Rule ids and fingerprints are part of the interface: CI systems key suppressions, baselines and
"already reported" state on them, so they never change between releases or runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from stmtdiff.core.model import Method


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def rank(self) -> int:
        """Higher is more severe: errors sort before warnings."""
        return 2 if self is Severity.ERROR else 1


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    #: PascalCase name, as SARIF wants ``reportingDescriptor.name``; never the id in other case
    #: (SARIF multitool rule SARIF1001 compares them ignoring case).
    name: str
    severity: Severity
    summary: str
    help: str


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule(
            "missing",
            "MissingTranslation",
            Severity.ERROR,
            "A source sentence has no counterpart in the translation.",
            "Translate the sentence, or re-check the alignment if it was merged into a neighbour.",
        ),
        Rule(
            "extra",
            "ExtraTranslation",
            Severity.ERROR,
            "A translation sentence has no counterpart in the source.",
            "Remove the sentence, or add what it translates to the source.",
        ),
        Rule(
            "numbers",
            "NumberMismatch",
            Severity.ERROR,
            "Numbers, dates or percentages differ between a sentence and its translation.",
            "Numerals are compared as values: 2 401, 2,401 and 2401 agree, as do 245,2 млрд, "
            "245.2 billion and 2452亿, or 16 мая 2024 г., 16 May 2024 and 2024年5月16日.",
        ),
        Rule(
            "untranslated",
            "UntranslatedSentence",
            Severity.ERROR,
            "The translation sentence is in the source language, or equal to the source.",
            "Translate the sentence.",
        ),
        Rule(
            "glossary",
            "GlossaryTerm",
            Severity.ERROR,
            "A glossary term in the source lacks its required translation.",
            "Use the translation the glossary requires, or add the wording used to the glossary.",
        ),
        Rule(
            "stale",
            "StaleTranslation",
            Severity.ERROR,
            "The source sentence changed since the translation was approved; the translation "
            "did not.",
            "Update the translation, then record the approval with `stmtdiff approve`.",
        ),
        Rule(
            "length",
            "LengthRatio",
            Severity.WARNING,
            "The translation is far longer or shorter than the language pair's usual ratio.",
            "Check for a truncated or padded translation.",
        ),
        Rule(
            "punctuation",
            "PunctuationMismatch",
            Severity.WARNING,
            "Unbalanced quotes or brackets, or a question translated as a statement.",
            "Close the quote or bracket, or match the sentence type of the source.",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Location:
    """A span in a file, 1-based, columns counted in characters (Unicode code points).

    Lines and columns are ``None`` for a file that has no lines (DOCX, PDF): the location is
    then the file alone.
    """

    path: str
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None

    @property
    def where(self) -> str:
        """``path:line:column``, or the path alone when the file has no lines."""
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem with one aligned pair (or one unpaired sentence) of a translation."""

    rule: str
    severity: Severity
    message: str
    source_path: str
    translation_path: str
    #: Where the source sentence is; for ``extra``, where it would be (an empty span).
    source: Location
    #: Where the translation sentence is; for ``missing``, where it would be (an empty span).
    translation: Location
    source_sentence: str = ""
    translation_sentence: str = ""
    #: Source sentence ids of the aligned unit, empty for ``extra``.
    source_ids: tuple[int, ...] = ()
    translation_ids: tuple[int, ...] = ()
    #: What distinguishes two findings of one rule on one pair (the number, the term).
    detail: str = ""
    fingerprint: str = ""

    @property
    def primary_is_source(self) -> bool:
        """A missing sentence is shown where it is, in the source; all else in the translation."""
        return self.rule == "missing"

    @property
    def location(self) -> Location:
        return self.source if self.primary_is_source else self.translation

    @property
    def related(self) -> Location:
        return self.translation if self.primary_is_source else self.source


def sort_key(finding: Finding) -> tuple[str, int, int, int, str]:
    """File and position order; within one place, rules in their documented order."""
    where = finding.location
    rank = list(RULES).index(finding.rule)
    return (where.path, where.line or 0, where.column or 0, rank, finding.detail)


def _base_fingerprint(finding: Finding) -> str:
    import hashlib

    from stmtdiff.core.text.normalize import (
        canonical,  # rapidfuzz: not for ``--help``, which needs RULES
    )

    parts = (
        finding.rule,
        finding.source_path,
        finding.translation_path,
        canonical(finding.source_sentence),
        canonical(finding.translation_sentence),
        finding.detail,
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def with_fingerprints(findings: Iterable[Finding]) -> list[Finding]:
    """Give each finding a fingerprint that survives edits elsewhere in the files.

    It hashes what the finding is about (rule, files, sentences, detail), never line numbers;
    a repeated identical finding gets ``:2``, ``:3`` … in file order, as GitHub does.
    """
    seen: Counter[str] = Counter()
    result = []
    for finding in sorted(findings, key=sort_key):
        base = _base_fingerprint(finding)
        seen[base] += 1
        suffix = "" if seen[base] == 1 else f":{seen[base]}"
        result.append(replace(finding, fingerprint=base + suffix))
    return result


@dataclass(frozen=True, slots=True)
class SourceSentence:
    """A source sentence as reports list it (one JUnit test case each)."""

    id: int
    location: Location
    text: str


@dataclass(slots=True)
class PairReport:
    """The checks of one translation against its source."""

    source_path: str
    translation_path: str
    source_lang: str
    translation_lang: str
    method: Method
    confidence: float
    sentences: list[SourceSentence]
    findings: list[Finding]
    #: Aligned units (sentence pairs, or merged groups) checked for content.
    pairs: int = 0
    warning: str | None = None
    translation_sentences: int = 0


@dataclass(slots=True)
class CheckReport:
    """Everything one ``stmtdiff check`` run found, in every translation it checked."""

    pairs: list[PairReport] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for pair in self.pairs for f in pair.findings), key=sort_key)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def fails(self, finding: Finding) -> bool:
        return finding.severity.rank >= self.fail_on.rank

    @property
    def failed(self) -> bool:
        return any(self.fails(f) for f in self.findings)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        """One line: counts by severity and whether the check fails."""
        errors, warnings = self.count(Severity.ERROR), self.count(Severity.WARNING)
        translations = len(self.pairs)
        checked = f"{translations} translation{'s' if translations != 1 else ''} checked"
        if not errors and not warnings:
            return f"{checked}: no findings"
        parts = [_plural(errors, "error"), _plural(warnings, "warning")]
        verdict = "failed" if self.failed else "passed"
        return f"{checked}: {', '.join(parts)} ({verdict}, --fail-on {self.fail_on})"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
