""" "Who said what": what both versions report, what only one reports, and the subjects only one
names, for each version against the pivot. Pure: front ends only render the result.

Built from the rows alone (a row whose cells hold sentences in both versions is a fact both
report; a version's sentences in a row where the other has none are facts only it reports; a
moved sentence has its counterpart elsewhere, so both report it), so it holds for any aligner
that fills the rows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from stmtdiff.core.compare.compare import cell_text
from stmtdiff.core.compare.subjects import TABLE_LANGS, Subject, SubjectTable
from stmtdiff.core.model import Comparison, LinkKind, Method, Status, Version
from stmtdiff.core.text.visible import visible

#: Characters of a sentence preview: enough to recognise a readout sentence on one line.
PREVIEW_CHARS = 60


@dataclass(frozen=True, slots=True)
class OneSided:
    """A fact only one version reports: its row and that version's sentences in it."""

    row: int
    sentence_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """A subject one version names and the other does not, and the sentences naming it."""

    subject: Subject
    sentence_ids: tuple[int, ...]


@dataclass(slots=True)
class PairSummary:
    """One version against the pivot."""

    pivot: str
    other: str
    #: Facts both report: rows where both hold sentences, plus moved pairs.
    both: int
    #: Per version id (the pivot and the other): the facts only it reports.
    only: dict[str, list[OneSided]]
    #: Per version id: the subjects only it names; ``None`` when a version's language (or its
    #: translation's) is not in the subject table, so absence would mean nothing.
    subjects_only: dict[str, list[Mention]] | None
    #: Accounts: how many of ``both`` are weak links, possible counterparts to check by eye
    #: (``None`` for versions of one text, which have no weak links).
    possible: int | None = None

    @property
    def both_words(self) -> str:
        """What every output writes after the number of ``both``: " facts", or " facts (2 of
        them possible links, to check)", so a weak link is not read as a fact both report
        (" fact (a possible link, to check)" for one fact, not "1 of them possible link")."""
        facts = f" fact{'' if self.both == 1 else 's'}"
        if not self.possible:
            return facts
        if self.possible == self.both:
            weak = "a possible link" if self.both == 1 else "all possible links"
        elif self.possible == 1:
            weak = "1 of them a possible link"
        else:
            weak = f"{self.possible} of them possible links"
        return f"{facts} ({weak}, to check)"


@dataclass(slots=True)
class Summary:
    pairs: list[PairSummary]
    #: The table the subjects were found with, to summarise again when the pivot changes.
    table: SubjectTable


def summarize(comparison: Comparison, table: SubjectTable) -> Summary:
    """The summary of every version against the pivot, in the order of ``alignments``."""
    pivot = comparison.version(comparison.pivot)
    mentions = _mentions(comparison.versions, table)
    pivot_mentions = mentions[pivot.id]
    pairs = []
    for alignment in comparison.alignments:
        other = comparison.version(alignment.other)
        both, only = _facts(comparison, pivot.id, other.id)
        possible = None
        if alignment.method == Method.READOUTS:
            possible = sum(
                1 for row in comparison.rows if row.cell(other.id).link is LinkKind.POSSIBLE
            )
        other_mentions = mentions[other.id]
        subjects_only = None
        if pivot_mentions is not None and other_mentions is not None:
            subjects_only = {
                pivot.id: _unshared(pivot_mentions, other_mentions, table),
                other.id: _unshared(other_mentions, pivot_mentions, table),
            }
        pairs.append(PairSummary(pivot.id, other.id, both, only, subjects_only, possible))
    return Summary(pairs, table)


def _facts(
    comparison: Comparison, pivot_id: str, other_id: str
) -> tuple[int, dict[str, list[OneSided]]]:
    both = 0
    only: dict[str, list[OneSided]] = {pivot_id: [], other_id: []}
    for row in comparison.rows:
        mine, theirs = row.cell(pivot_id), row.cell(other_id)
        if mine.sentence_ids and theirs.sentence_ids:
            both += 1
        elif theirs.status is Status.MOVED:
            # A moved pair shows in two rows; count it once, from the pivot's side.
            both += 1 if mine.sentence_ids else 0
        elif mine.sentence_ids or theirs.sentence_ids:
            side = mine if mine.sentence_ids else theirs
            only[side.version].append(OneSided(row.index, tuple(side.sentence_ids)))
    return both, only


def _mentions(
    versions: Sequence[Version], table: SubjectTable
) -> dict[str, dict[str, tuple[int, ...]] | None]:
    """Per version id: subject id -> sentence ids naming it; ``None`` when the table cannot
    read the version. All versions are searched in one call, so a comparison compiles one
    pattern, fitted to the words of all its texts (``SubjectTable.mentions_each``)."""
    texts = {version.id: _searched_texts(version) for version in versions}
    readable = {key: value for key, value in texts.items() if value is not None}
    found = dict(zip(readable, table.mentions_each(list(readable.values())), strict=True))
    return {key: found.get(key) for key in texts}


def _searched_texts(version: Version) -> list[str] | None:
    """The texts the table searches for a version: its sentences, else their translations
    into a language of the table; ``None`` when there are none."""
    if version.base_lang in TABLE_LANGS:
        return [s.text for s in version.sentences]
    translations, lang = version.translations, version.translation_base_lang
    if translations is not None and lang in TABLE_LANGS:
        return [t or "" for t in translations]
    return None


def _unshared(
    mine: dict[str, tuple[int, ...]], theirs: dict[str, tuple[int, ...]], table: SubjectTable
) -> list[Mention]:
    by_id = {subject.id: subject for subject in table.subjects}
    return [Mention(by_id[key], ids) for key, ids in mine.items() if key not in theirs]


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` columns (a Chinese character takes two), at a
    word where there are spaces."""
    line = re.sub(r"\s+", " ", text).strip()
    widths = [2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line]
    if sum(widths) <= limit:
        return line
    end, used = 0, 0
    while used + widths[end] <= limit - 1:  # one column for the ellipsis
        used += widths[end]
        end += 1
    cut = line[:end]
    space = cut.rfind(" ") if line[end] != " " else end  # end a word-cut at the word before
    return (cut[:space] if space > end // 2 else cut).rstrip(" ,;:，；：") + "…"


def fact_previews(
    comparison: Comparison,
    version_id: str,
    facts: list[OneSided],
    *,
    limit: int = PREVIEW_CHARS,
) -> list[tuple[int, str]]:
    """(row index, preview of the version's sentences there, ``limit`` columns at most) for each
    fact, for the reports. The preview is cut after control characters are made visible, so
    its width is the width shown."""
    version = comparison.version(version_id)
    return [
        (fact.row, preview(visible(cell_text(version, fact.sentence_ids)), limit)) for fact in facts
    ]
