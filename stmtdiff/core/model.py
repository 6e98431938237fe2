"""Plain dataclasses shared by the core and every front end.

The core takes these in and gives these out; nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from stmtdiff.core.text.scripts import BaseLang, base_language

if TYPE_CHECKING:
    from stmtdiff.core.compare.summary import Summary


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a version, with its exact span in the version's text."""

    id: int
    text: str
    start: int
    end: int
    paragraph: int


class Role(StrEnum):
    """What a version is, as a manifest says: the first three are versions of one text, a
    readout is an account of the event."""

    ORIGINAL = "original"
    OFFICIAL_TRANSLATION = "official translation"
    UNOFFICIAL_TRANSLATION = "unofficial translation"
    READOUT = "readout"


#: The roles' names, for messages and choices.
ROLES = tuple(role.value for role in Role)


@dataclass(frozen=True, slots=True)
class Version:
    """One version of the statement: its text, where it came from, and its sentences."""

    id: str
    text: str
    lang: str
    sentences: list[Sentence]
    label: str = ""
    path: str = ""
    #: The web address the text was read or fetched from, when it came from the web.
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    role: Role | None = None
    #: Machine or human translation of each sentence into ``translation_lang``,
    #: indexed like ``sentences``; ``None`` where a sentence has no translation.
    translations: list[str | None] | None = None
    translation_lang: str | None = None
    translation_engine: str | None = None

    @property
    def display_label(self) -> str:
        return self.label or self.id

    @property
    def base_lang(self) -> BaseLang:
        """The language without region or script (``zh-Hans`` → ``zh``): what every decision
        about the version's language reads, so no caller re-derives it from ``lang``."""
        return base_language(self.lang)

    @property
    def translation_base_lang(self) -> BaseLang | None:
        """:attr:`base_lang` of the translations' language; ``None`` without one."""
        return base_language(self.translation_lang) if self.translation_lang else None


class Status(StrEnum):
    """How a cell (or a whole row) relates to the pivot version."""

    IDENTICAL = "identical"  # same text
    MINOR = "minor"  # only whitespace, punctuation, quote style or case differ
    MATCHED = "matched"  # counterpart in another language; no word-level comparison possible
    POSSIBLE = "possible"  # accounts: a weak link, a possible counterpart to check by eye
    CHANGED = "changed"  # words differ
    MISSING = "missing"  # the pivot has text here, this version has none
    EXTRA = "extra"  # this version has text the pivot lacks
    MOVED = "moved"  # the counterpart sits in another row


#: Row status precedence: a row takes the first status any of its cells has.
STATUS_PRECEDENCE: tuple[Status, ...] = (
    Status.MOVED,
    Status.MISSING,
    Status.EXTRA,
    Status.CHANGED,
    Status.POSSIBLE,
    Status.MINOR,
    Status.MATCHED,
    Status.IDENTICAL,
)

#: Statuses that mean "the versions say the same thing here".
SAME_STATUSES: frozenset[Status] = frozenset({Status.IDENTICAL, Status.MINOR, Status.MATCHED})


class DiffBasis(StrEnum):
    """What a cell's word diff compares."""

    TEXT = "text"  # the versions' own texts
    TRANSLATION = "translation"  # their translations into a common language


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"  # present in this version, absent from the pivot
    DELETE = "delete"  # present in the pivot, absent from this version


@dataclass(frozen=True, slots=True)
class DiffOp:
    op: Op
    text: str


class OnlyKind(StrEnum):
    """What an unmatched part of a linked pair of accounts is (``OnlyHere.kind``)."""

    CLAUSE = "clause"  # a clause the other side has no counterpart for
    NUMBER = "number"  # a number, date or time the other side does not give
    NAME = "name"  # a country, organisation, person or topic the other side does not name


#: Sides of a linked pair: the pivot's cell, or the cell that holds the span.
ONLY_SIDES = ("pivot", "other")


@dataclass(frozen=True, slots=True)
class OnlyHere:
    """A part of one side of a linked pair of accounts that the other side has no counterpart
    for (``stmtdiff.core.compare.meaning``): ``start`` and ``end`` index that side's cell text
    (``compare.cell_text``), ``side`` is one of ``ONLY_SIDES``."""

    side: str
    kind: OnlyKind
    start: int
    end: int
    text: str


class LinkKind(StrEnum):
    """How sure a link between accounts is (``Link.kind``), and for a cell (``Cell.link``)
    also that no link reaches it."""

    FIRM = "firm"  # clears the document's firm threshold
    POSSIBLE = "possible"  # clears only the lower one
    ALONE = "alone"  # cells only: reported by this version only


@dataclass(slots=True)
class Cell:
    """One version's sentences in one row, compared with the pivot's cell."""

    version: str
    sentence_ids: list[int]
    status: Status
    similarity: float | None = None
    #: Word diff from the pivot cell to this cell; ``None`` for the pivot or when not comparable.
    diff: list[DiffOp] | None = None
    diff_basis: DiffBasis | None = None
    #: For a moved cell: the index of the row holding its counterpart.
    moved_to: int | None = None
    #: Accounts of one event only: how the cell is linked to the pivot's cell.
    link: LinkKind | None = None
    #: Accounts only, a link worded differently: the parts of either side the other lacks,
    #: in the place of a word diff.
    only_here: tuple[OnlyHere, ...] = ()
    #: The same found on the translations shown under the originals: spans index the side's
    #: cell translation (``compare.cell_translation``); a side without one has none.
    translation_only_here: tuple[OnlyHere, ...] = ()
    #: Accounts only, a linked cell: its sentences come earlier in their own text than that
    #: version's sentences in the rows above (the other side reports the fact elsewhere).
    out_of_order: bool = False


@dataclass(slots=True)
class Row:
    index: int
    cells: list[Cell]
    status: Status
    similarity: float | None = None

    def cell(self, version_id: str) -> Cell:
        for cell in self.cells:
            if cell.version == version_id:
                return cell
        raise KeyError(version_id)


@dataclass(frozen=True, slots=True)
class Bead:
    """One step of a monotonic alignment: source ids and target ids aligned together."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0


class Method(StrEnum):
    """How a pair was aligned (``PairAlignment.method``): the result, never a request."""

    SAME_LANGUAGE = "same-language"  # words of one language
    TRANSLATION = "translation"  # translations into a common language
    SEMANTIC = "semantic"  # sentence embeddings from the offline encoder
    LEXICAL = "lexical"  # lexicon, anchors and length
    READOUTS = "readouts"  # matched as two accounts of one event


class MethodChoice(StrEnum):
    """How versions in different languages may be aligned, as asked (``pairalign``): ``auto``
    lets the evidence decide. Here, with no imports, so the command line can offer the choices
    without loading the aligners."""

    AUTO = "auto"
    TRANSLATION = "translation"
    SEMANTIC = "semantic"
    LEXICAL = "lexical"


#: The choices' names, for the command line and messages.
METHODS = tuple(choice.value for choice in MethodChoice)


@dataclass(frozen=True, slots=True)
class Link:
    """Sentences of the pivot and of another version that say the same thing (a bead of an
    alignment, or a group of facts two accounts share wherever each side places them)."""

    pivot: tuple[int, ...]
    other: tuple[int, ...]
    score: float
    kind: LinkKind = LinkKind.FIRM


@dataclass(frozen=True, slots=True)
class PairAlignment:
    """How one version was aligned to the pivot, and how much to trust it."""

    pivot: str
    other: str
    method: Method
    confidence: float  # 0..1: mean similarity of the aligned beads
    beads: list[Bead] = field(default_factory=list)
    #: (pivot sentence id, other sentence id) pairs left unaligned in place but alike elsewhere.
    moves: list[tuple[int, int]] = field(default_factory=list)
    warning: str | None = None
    #: The texts looked like two accounts of one event, not translations (by their lengths).
    comparable: bool = False
    #: Groups of linked sentences: for accounts, the matcher's; else one per aligned bead.
    links: list[Link] = field(default_factory=list)

    def all_links(self) -> list[Link]:
        """The links, derived from the beads when the aligner gave none (parallel texts)."""
        if self.links:
            return self.links
        return [Link(b.src, b.tgt, round(b.score, 4)) for b in self.beads if b.src and b.tgt]


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of comparing versions: aligned rows plus how they were obtained."""

    versions: list[Version]
    pivot: str
    rows: list[Row]
    alignments: list[PairAlignment]
    #: The statement's title, when a manifest names it.
    title: str | None = None
    #: Sentences for the reader about how the result was obtained (e.g. translations missing).
    notes: list[str] = field(default_factory=list)
    #: What both versions report and what only one does (``stmtdiff.core.compare.summary``); set by
    #: the
    #: pipeline that has the subject table, shown at the top of every output.
    who_said_what: Summary | None = None

    def version(self, version_id: str) -> Version:
        for version in self.versions:
            if version.id == version_id:
                return version
        raise KeyError(version_id)

    @property
    def accounts(self) -> bool:
        """Whether some version was matched to the pivot as an account of one event."""
        return any(pair.method == Method.READOUTS for pair in self.alignments)

    def counts(self) -> dict[Status, int]:
        """Rows per status, in precedence order, zero counts included (but ``possible``'s
        outside accounts of one event, the only comparisons that can have it)."""
        accounts = self.accounts
        result = {
            status: 0 for status in STATUS_PRECEDENCE if accounts or status is not Status.POSSIBLE
        }
        for row in self.rows:
            result[row.status] = result.get(row.status, 0) + 1
        return result

    @property
    def differs(self) -> bool:
        """True when any row is more than a minor difference (drives exit code 1)."""
        return any(row.status not in SAME_STATUSES for row in self.rows)
