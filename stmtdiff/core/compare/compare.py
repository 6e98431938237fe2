"""Compare N versions: align each to the pivot, merge into rows, classify every cell.

Rows follow the pivot's order. A pivot sentence that any version merges with its neighbour joins
that neighbour's row, so each row is a unit every version agrees on; sentences a version adds get
rows of their own right after the pivot row they follow. Every sentence of every version lands in
exactly one row, and each version's sentences keep their order down the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from stmtdiff.core.align.pairalign import Evidence, align_pair, common_texts, match_accounts
from stmtdiff.core.align.repair import MOVE_THRESHOLD, pair_replacements
from stmtdiff.core.align.search import longest_increasing
from stmtdiff.core.compare.diff import word_diff
from stmtdiff.core.compare.subjects import SubjectTable
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.model import (
    STATUS_PRECEDENCE,
    Bead,
    Cell,
    Comparison,
    DiffBasis,
    Link,
    LinkKind,
    Method,
    MethodChoice,
    OnlyHere,
    PairAlignment,
    Role,
    Row,
    Status,
    Version,
)
from stmtdiff.core.text.normalize import canonical, loose, similarity
from stmtdiff.core.text.scripts import sentence_separator

TYPE_CHECKING = False  # not ``typing``'s
if TYPE_CHECKING:
    from stmtdiff.core.compare.meaning import Meaning

MAX_VERSIONS = 8
#: Translations of two versions less alike than this mark the row as changed.
TRANSLATION_CHANGED = 0.5


#: Roles of versions of one text (a readout is an account of the event instead).
TEXT_ROLES = frozenset(Role) - {Role.READOUT}


def _declared_parallel(pivot: Version, other: Version) -> bool:
    """Versions the manifest calls originals or translations are versions of one text whatever
    their lengths; without roles, or with a readout, the aligner judges from the texts."""
    return pivot.role in TEXT_ROLES and other.role in TEXT_ROLES


def compare(
    versions: Sequence[Version],
    *,
    pivot: str | int = 0,
    method: MethodChoice = MethodChoice.AUTO,
    evidence: Evidence | None = None,
    parallel: bool = False,
    readouts: bool = False,
    subjects: SubjectTable | None = None,
) -> Comparison:
    """Align every version to the pivot and build the classified table of rows; ``parallel``:
    the versions are declared translations of one another (``pairalign.choose_scorer``);
    ``readouts``: they are independent accounts of one event, matched fact by fact
    (``stmtdiff.core.align.readouts``), as they also are when a manifest makes each pair a readout
    and a
    version, or the lengths of every pair show accounts (then a note says so); ``subjects``: the
    table that finds the names only one of two linked accounts' sentences gives."""
    if not 2 <= len(versions) <= MAX_VERSIONS:
        raise StmtdiffError(f"compare needs 2 to {MAX_VERSIONS} versions, got {len(versions)}")
    ids = [v.id for v in versions]
    if len(set(ids)) != len(ids):
        raise StmtdiffError(f"version ids must be unique, got {', '.join(ids)}")
    pivot_version = _pick_pivot(versions, pivot)
    others = [v for v in versions if v.id != pivot_version.id]
    # Rows either follow one text or match accounts: a manifest that mixes versions of one text
    # with a readout keeps the text's rows (the readout is then aligned as a comparable text), and
    # so does an explicit --method.
    by_role = all(Role.READOUT in {pivot_version.role, v.role} for v in others)
    declared = readouts or (by_role and method == MethodChoice.AUTO)
    if declared and not parallel:
        return _accounts(versions, pivot_version, others, evidence, [], subjects)
    alignments = [
        align_pair(
            pivot_version,
            other,
            method=method,
            evidence=evidence,
            parallel=parallel or _declared_parallel(pivot_version, other),
        )
        for other in versions
        if other.id != pivot_version.id
    ]
    found = [pair for pair in alignments if pair.comparable]
    every_pair = bool(found) and len(found) == len(alignments)
    if every_pair and not parallel and method == MethodChoice.AUTO and evidence is not None:
        note = (
            "the lengths of "
            + ", ".join(by.display_label for by in others if by.id in {p.other for p in found})
            + f" and {pivot_version.display_label} say they are accounts of one event, not "
            "versions of one text: their facts are matched wherever each side reports them "
            "(as with --readouts; give --method to align them in order)"
        )
        return _accounts(versions, pivot_version, others, evidence, [note], subjects)
    by_id = {v.id: v for v in versions}
    alignments = [
        replace(
            pair,
            beads=pair_replacements(pair.beads, pair.moves, pivot_version, by_id[pair.other]),
        )
        if pair.method == Method.SAME_LANGUAGE
        else pair
        for pair in alignments
    ]
    rows = _classified_rows(pivot_version, versions, alignments)
    unlike = False
    for k, pair in enumerate(alignments):
        other = by_id[pair.other]
        if parallel or pair.comparable or _declared_parallel(pivot_version, other):
            continue  # declared versions of one text, or warned of by the length check
        share = worded_alike(rows, pivot_version, other)
        if pair.method == Method.SAME_LANGUAGE and share < SAME_SHARE_LITTLE:
            alignments[k] = replace(
                pair,
                warning=(
                    f"{other.display_label} and {pivot_version.display_label} share little: "
                    f"{share:.0%} of their sentences are worded alike; they may be different "
                    "texts (two meetings' readouts?), so only sentences worded alike are paired"
                ),
                beads=_unlike_apart(pair.beads, pivot_version, other),
            )
            unlike = True
    if unlike:
        rows = _classified_rows(pivot_version, versions, alignments)
    for pair in alignments:
        _diff_moves(rows, pair, pivot_version, by_id[pair.other])
    return Comparison(
        versions=list(versions), pivot=pivot_version.id, rows=rows, alignments=alignments
    )


#: Linked or aligned sentences of one language this alike (``normalize.similarity``) are one
#: sentence edited, and a word diff shows the edit: the threshold at which a deleted and an added
#: sentence are one moved sentence (``repair.MOVE_THRESHOLD``). Less alike, a word diff strikes out
#: nearly all of both: the phone call's two readouts in English give their linked pairs 0.08-0.36.
SAME_WORDING = MOVE_THRESHOLD[Method.SAME_LANGUAGE]

#: Versions in one language (of lengths that pass for versions of one text) with less than this
#: share of their sentences worded alike (``worded_alike``) are unrelated texts. Xinhua readouts
#: of different meetings aligned in order (``../shared/corpus``, the 9 pairs of the 15 whose
#: lengths pass): 0.00-0.07, and 0.26 for the 2023 and 2025 talks (formulaic lines); the shipped
#: sample's Kremlin and Xinhua English translations of one statement: 0.75.
SAME_SHARE_LITTLE = 0.5


def _classified_rows(
    pivot: Version, versions: Sequence[Version], alignments: Sequence[PairAlignment]
) -> list[Row]:
    rows = _build_rows(pivot, versions, alignments)
    for row in rows:
        _classify(row, pivot, versions)
    return rows


def worded_alike(rows: Sequence[Row], pivot: Version, other: Version) -> float:
    """Share of both versions' sentences in rows where ``other``'s cell is worded like the
    pivot's (``SAME_WORDING``), from the similarities the rows hold already."""
    covered = 0
    for row in rows:
        mine, theirs = row.cell(pivot.id), row.cell(other.id)
        alike = theirs.similarity is not None and theirs.similarity >= SAME_WORDING
        if mine.sentence_ids and theirs.sentence_ids and alike:
            covered += len(mine.sentence_ids) + len(theirs.sentence_ids)
    total = len(pivot.sentences) + len(other.sentences)
    return covered / total if total else 1.0


def _unlike_apart(beads: Sequence[Bead], pivot: Version, other: Version) -> list[Bead]:
    """The beads, each pairing sentences not worded alike split into its pivot sentences
    (missing) and the other's (extra)."""
    out: list[Bead] = []
    for bead in beads:
        if bead.src and bead.tgt:
            old, new = cell_text(pivot, bead.src), cell_text(other, bead.tgt)
            if similarity(old, new) < SAME_WORDING:
                out.extend(Bead((i,), ()) for i in bead.src)
                out.extend(Bead((), (j,)) for j in bead.tgt)
                continue
        out.append(bead)
    return out


def _pick_pivot(versions: Sequence[Version], pivot: str | int) -> Version:
    if isinstance(pivot, int):
        if not 0 <= pivot < len(versions):
            raise StmtdiffError(f"pivot {pivot + 1} is out of range 1..{len(versions)}")
        return versions[pivot]
    for version in versions:
        if version.id == pivot:
            return version
    raise StmtdiffError(f"unknown pivot {pivot!r} (versions: {', '.join(v.id for v in versions)})")


@dataclass(slots=True)
class _Slots:
    """Where one version's sentences go: into pivot groups, or after them as insertions."""

    in_group: dict[int, list[int]] = field(default_factory=dict)
    after_group: dict[int, list[int]] = field(default_factory=dict)  # -1: before the first group


def _pivot_groups(n: int, alignments: Sequence[PairAlignment]) -> list[list[int]]:
    """Pivot sentences split into runs; a bead covering several pivot sentences joins them."""
    joined = [False] * n  # joined[i]: sentence i belongs to the same group as i - 1
    for pair in alignments:
        for bead in pair.beads:
            for sid in bead.src[1:]:
                joined[sid] = True
    groups: list[list[int]] = []
    for sid in range(n):
        if joined[sid] and groups:
            groups[-1].append(sid)
        else:
            groups.append([sid])
    return groups


def _slots(pair: PairAlignment, group_of: list[int]) -> _Slots:
    slots = _Slots()
    current = -1  # group of the last pivot sentence seen
    pending: list[int] = []  # insertions since then; they may turn out to sit inside a group
    for bead in pair.beads:
        if bead.src:
            group = group_of[bead.src[0]]
            if pending:
                target = slots.in_group if group == current else slots.after_group
                target.setdefault(current if group != current else group, []).extend(pending)
                pending = []
            current = group
            if bead.tgt:
                slots.in_group.setdefault(group, []).extend(bead.tgt)
        else:
            pending.extend(bead.tgt)
    if pending:
        slots.after_group.setdefault(current, []).extend(pending)
    return slots


def _build_rows(
    pivot: Version, versions: Sequence[Version], alignments: Sequence[PairAlignment]
) -> list[Row]:
    groups = _pivot_groups(len(pivot.sentences), alignments)
    group_of = [0] * len(pivot.sentences)
    for index, group in enumerate(groups):
        for sid in group:
            group_of[sid] = index
    slots = {pair.other: _slots(pair, group_of) for pair in alignments}

    rows: list[Row] = []

    def add_row(contents: dict[str, list[int]]) -> int:
        cells = [Cell(v.id, contents.get(v.id, []), Status.IDENTICAL) for v in versions]
        rows.append(Row(len(rows), cells, Status.IDENTICAL))
        return len(rows) - 1

    pivot_row: dict[int, int] = {}  # pivot sentence id -> row
    other_row: dict[tuple[str, int], int] = {}  # (version, inserted sentence id) -> row
    for group_index in range(-1, len(groups)):
        if group_index >= 0:
            contents = {pivot.id: groups[group_index]}
            for version_id, version_slots in slots.items():
                contents[version_id] = version_slots.in_group.get(group_index, [])
            row_index = add_row(contents)
            for sid in groups[group_index]:
                pivot_row[sid] = row_index
        for batch in _insertion_batches(versions, slots, group_index):
            for k in range(len(next(iter(batch.values())))):
                row_index = add_row({version_id: [sids[k]] for version_id, sids in batch.items()})
                for version_id, sids in batch.items():
                    other_row[(version_id, sids[k])] = row_index

    for pair in alignments:
        for pivot_sid, other_sid in pair.moves:
            src_row = rows[pivot_row[pivot_sid]]
            dst_index = other_row.get((pair.other, other_sid))
            source_cell = src_row.cell(pair.other)
            if dst_index is None or source_cell.sentence_ids or source_cell.moved_to is not None:
                # Absorbed into a group (shown in place), or a row whose cell already points at
                # another place: a cell links to one place only.
                continue
            src_row.cell(pair.other).status = Status.MOVED
            src_row.cell(pair.other).moved_to = dst_index
            rows[dst_index].cell(pair.other).status = Status.MOVED
            rows[dst_index].cell(pair.other).moved_to = src_row.index
    return rows


def _insertion_batches(
    versions: Sequence[Version], slots: dict[str, _Slots], group_index: int
) -> list[dict[str, list[int]]]:
    """Sentences versions add after one pivot group, batched to share rows.

    Versions that add the same number of sentences at the same place almost always add the same
    content (one side's original and its translation), so they share rows, in order.
    """
    batches: dict[int, dict[str, list[int]]] = {}
    for version in versions:
        added = slots[version.id].after_group.get(group_index, []) if version.id in slots else []
        if added:
            batches.setdefault(len(added), {})[version.id] = added
    return list(batches.values())


def cell_text(version: Version, sentence_ids: Sequence[int]) -> str:
    """The sentences of a cell joined as a reader would write them."""
    return sentence_separator(version.lang).join(
        version.sentences[sid].text for sid in sentence_ids
    )


def cell_translation(
    version: Version, sentence_ids: Sequence[int], *, placeholder: str | None = None
) -> str | None:
    """The translations of a cell's sentences joined; ``None`` when the cell has none.

    A sentence without a translation shows as ``placeholder``; with no placeholder it makes the
    whole result ``None`` (a partial translation would misread as a complete one).
    """
    if version.translations is None or not sentence_ids:
        return None
    parts = [
        placeholder if version.translations[sid] is None else version.translations[sid]
        for sid in sentence_ids
    ]
    return _joined(parts, version.translation_lang or "")


def _joined(parts: Sequence[str | None], lang: str) -> str | None:
    if any(part is None for part in parts):
        return None
    return sentence_separator(lang).join(part for part in parts if part is not None)


def _classify(row: Row, pivot: Version, versions: Sequence[Version]) -> None:
    by_id = {v.id: v for v in versions}
    pivot_cell = row.cell(pivot.id)
    pivot_cell.status = Status.IDENTICAL
    for cell in row.cells:
        if cell.version == pivot.id or cell.status is Status.MOVED:
            continue
        _classify_cell(cell, pivot_cell, pivot, by_id[cell.version])
    statuses = {cell.status for cell in row.cells if cell.version != pivot.id}
    row.status = next((s for s in STATUS_PRECEDENCE if s in statuses), Status.IDENTICAL)
    values = [c.similarity for c in row.cells if c.version != pivot.id and c.similarity is not None]
    row.similarity = min(values) if values else None


def _classify_cell(cell: Cell, pivot_cell: Cell, pivot: Version, version: Version) -> None:
    if not pivot_cell.sentence_ids:
        cell.status = Status.EXTRA if cell.sentence_ids else Status.IDENTICAL
        return
    if not cell.sentence_ids:
        cell.status = Status.MISSING
        return
    old = cell_text(pivot, pivot_cell.sentence_ids)
    new = cell_text(version, cell.sentence_ids)
    if pivot.base_lang == version.base_lang:
        _compare_texts(cell, old, new, basis=DiffBasis.TEXT)
        return
    common = common_texts(pivot, version)
    if common is not None:
        # Rebuild the cell texts in the common language (originals or translations).
        left, right, lang = common
        old_t = _joined([left[i] for i in pivot_cell.sentence_ids], lang)
        new_t = _joined([right[i] for i in cell.sentence_ids], lang)
        if old_t is not None and new_t is not None:
            _compare_texts(cell, old_t, new_t, basis=DiffBasis.TRANSLATION)
            # Machine translations of two originals never agree word for word: only a large
            # difference between them is evidence of a change.
            sim = cell.similarity
            if cell.status is not Status.CHANGED or sim is None or sim >= TRANSLATION_CHANGED:
                cell.status = Status.MATCHED
            return
    cell.status = Status.MATCHED
    cell.similarity = None


def _compare_texts(cell: Cell, old: str, new: str, *, basis: DiffBasis) -> None:
    cell.diff_basis = basis
    if old == new or canonical(old) == canonical(new):
        cell.status = Status.IDENTICAL
        cell.similarity = 1.0
        cell.diff = word_diff(old, new) if old != new else None
        return
    cell.diff = word_diff(old, new)
    cell.similarity = similarity(old, new)
    cell.status = Status.MINOR if loose(old) == loose(new) else Status.CHANGED


def _accounts(
    versions: Sequence[Version],
    pivot: Version,
    others: Sequence[Version],
    evidence: Evidence | None,
    notes: list[str],
    subjects: SubjectTable | None,
) -> Comparison:
    """The comparison of accounts of one event: each version's facts linked to the pivot's."""
    if not pivot.sentences:
        raise StmtdiffError(f"{pivot.display_label} has no sentences to match")
    evidence = evidence or Evidence()
    alignments = [
        warn_if_sharing_little(match_accounts(pivot, other, evidence), pivot, other)
        for other in others
    ]
    # numpy and numbers: accounts only
    from stmtdiff.core.compare.meaning import Meaning, translated

    meanings = {
        other.id: Meaning(pivot, other, evidence, subjects)
        for other, pair in zip(others, alignments, strict=True)
        if pair.links
    }
    on_translations = {
        other.id: Meaning(translated(pivot), translated(other), evidence, subjects)
        for other, pair in zip(others, alignments, strict=True)
        if pair.links and _translations_to_read(pivot, other)
    }
    rows = account_rows(pivot, versions, alignments, meanings, on_translations)
    return Comparison(
        versions=list(versions),
        pivot=pivot.id,
        rows=rows,
        alignments=alignments,
        notes=notes,
    )


#: Accounts whose firm links cover less than this share of their sentences get a warning. The
#: 24 Feb 2025 call's two readouts: 0.32; Xinhua readouts of different meetings compared by
#: mistake: 0.09 (a 2024 concert against 2023 talks), 0.20 (talks in 2024 against talks in 2025).
SHARE_LITTLE = 0.25


def warn_if_sharing_little(pair: PairAlignment, pivot: Version, other: Version) -> PairAlignment:
    """The pair, with a warning when its firm links cover less than ``SHARE_LITTLE``: for
    ``compare`` and ``align`` alike, so both say it of the same pair."""
    share = shared_share(pair, len(pivot.sentences), len(other.sentences))
    if share >= SHARE_LITTLE:
        return pair
    warning = (
        f"{other.display_label} and {pivot.display_label} share little: "
        f"{share:.0%} of their sentences have a firm counterpart; they may report "
        "different events"
    )
    return replace(pair, warning=warning)


def shared_share(pair: PairAlignment, n: int, m: int) -> float:
    """Share of both accounts' sentences that a firm link reaches."""
    firm = [item for item in pair.links if item.kind is LinkKind.FIRM]
    covered = len({i for item in firm for i in item.pivot}) + len(
        {j for item in firm for j in item.other}
    )
    return covered / (n + m) if n + m else 0.0


def account_rows(
    pivot: Version,
    versions: Sequence[Version],
    alignments: Sequence[PairAlignment],
    meanings: dict[str, Meaning],
    on_translations: dict[str, Meaning],
) -> list[Row]:
    """Rows of accounts: in the pivot's order, each linked group of sentences in its pivot
    sentence's row, so every sentence appears once, wherever its own text places it. A sentence
    no link reaches gets a row of its own after the row of its own text's previous sentence.
    ``meanings``: per other version, what its linked cells and the pivot's lack;
    ``on_translations``: the same read on the translations, where either side has some."""
    n = len(pivot.sentences)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for pair in alignments:
        for item in pair.links:
            for sid in item.pivot[1:]:
                parent[find(sid)] = find(item.pivot[0])
    group_of = {sid: min(s for s in range(n) if find(s) == find(sid)) for sid in range(n)}
    starts = sorted(set(group_of.values()))
    linked: dict[str, dict[int, list[Link]]] = {}
    for pair in alignments:
        for item in pair.links:
            linked.setdefault(pair.other, {}).setdefault(group_of[item.pivot[0]], []).append(item)
    by_id = {v.id: v for v in versions}

    def new_row(contents: dict[str, list[int]]) -> Row:
        cells = [Cell(v.id, contents.get(v.id, []), Status.IDENTICAL) for v in versions]
        return Row(0, cells, Status.IDENTICAL)

    linked_rows: list[Row] = []
    placed: dict[tuple[str, int], int] = {}  # (version, sentence) -> linked row
    for start in starts:
        contents = {pivot.id: [s for s in range(n) if group_of[s] == start]}
        links: dict[str, list[Link]] = {}
        for pair in alignments:
            links[pair.other] = linked.get(pair.other, {}).get(start, [])
            contents[pair.other] = sorted({j for item in links[pair.other] for j in item.other})
            placed.update({(pair.other, j): len(linked_rows) for j in contents[pair.other]})
        row = new_row(contents)
        for pair in alignments:
            _account_cell(
                row.cell(pair.other),
                links[pair.other],
                pivot,
                by_id[pair.other],
                row,
                meanings,
                on_translations,
            )
        linked_rows.append(row)
    alone: dict[int, list[Row]] = {}  # linked row index (-1: before all) -> rows after it
    for pair in alignments:
        previous = -1
        for sid in range(len(by_id[pair.other].sentences)):
            if (pair.other, sid) in placed:
                previous = placed[(pair.other, sid)]
                continue
            row = new_row({pair.other: [sid]})
            row.cell(pair.other).status = Status.EXTRA
            row.cell(pair.other).link = LinkKind.ALONE
            alone.setdefault(previous, []).append(row)
    rows = list(alone.get(-1, []))
    for index, row in enumerate(linked_rows):
        rows.append(row)
        rows.extend(alone.get(index, []))
    for index, row in enumerate(rows):
        row.index = index
    for row in rows:
        for cell in row.cells:
            pivot_has_text = bool(row.cell(pivot.id).sentence_ids)
            if cell.version != pivot.id and not cell.sentence_ids and pivot_has_text:
                cell.status = Status.MISSING
        others = [c for c in row.cells if c.version != pivot.id]
        if row.cell(pivot.id).sentence_ids and not any(c.sentence_ids for c in others):
            row.cell(pivot.id).link = LinkKind.ALONE  # labelled as the other side's are
        statuses = {c.status for c in others}
        row.status = next((s for s in STATUS_PRECEDENCE if s in statuses), Status.IDENTICAL)
        values = [c.similarity for c in row.cells if c.similarity is not None]
        row.similarity = min(values) if values else None
    _mark_out_of_order(rows, [pair.other for pair in alignments])
    return rows


def _mark_out_of_order(rows: Sequence[Row], version_ids: Sequence[str]) -> None:
    """Flag the linked cells a reader going down the table would not find in their own text's
    order (``Cell.out_of_order``): those off the longest run of the version's cells whose
    sentences rise row by row, so that one fact reported elsewhere flags one cell, not every
    cell after it."""
    for version_id in version_ids:
        cells = [row.cell(version_id) for row in rows if row.cell(version_id).sentence_ids]
        kept = set(longest_increasing([cell.sentence_ids[0] for cell in cells]))
        for k, cell in enumerate(cells):
            if k not in kept and cell.link in (LinkKind.FIRM, LinkKind.POSSIBLE):
                cell.out_of_order = True


def _account_cell(
    cell: Cell,
    links: Sequence[Link],
    pivot: Version,
    other: Version,
    row: Row,
    meanings: dict[str, Meaning],
    on_translations: dict[str, Meaning],
) -> None:
    """A linked cell: a word diff when the accounts word it alike in one language; else the
    parts either side lacks (``changed`` when there are any, ``matched`` when not), and those
    its translation lines show; a weak link is a possible counterpart whatever it says."""
    if not cell.sentence_ids:
        return
    score = min(item.score for item in links)
    pivot_ids = row.cell(pivot.id).sentence_ids
    old, new = cell_text(pivot, pivot_ids), cell_text(other, cell.sentence_ids)
    if pivot.base_lang == other.base_lang and similarity(old, new) >= SAME_WORDING:
        _compare_texts(cell, old, new, basis=DiffBasis.TEXT)
    else:
        cell.only_here = meanings[other.id].only_here(pivot_ids, cell.sentence_ids)
        cell.status = Status.CHANGED if cell.only_here else Status.MATCHED
        if other.id in on_translations:
            cell.translation_only_here = _on_translations(
                on_translations[other.id], pivot, pivot_ids, other, cell.sentence_ids
            )
    cell.similarity = score
    cell.link = LinkKind.FIRM
    if any(item.kind is LinkKind.POSSIBLE for item in links):
        cell.status = Status.POSSIBLE
        cell.link = LinkKind.POSSIBLE


def _translations_to_read(pivot: Version, other: Version) -> bool:
    """Whether a pair's translation lines can be read for their only-here parts: either side
    has translations, and neither side's are all blank (no clause of them to score)."""
    sides = (pivot, other)
    return any(v.translations is not None for v in sides) and all(
        v.translations is None or any(t and t.strip() for t in v.translations) for v in sides
    )


def _on_translations(
    meaning: Meaning,
    pivot: Version,
    pivot_ids: Sequence[int],
    other: Version,
    other_ids: Sequence[int],
) -> tuple[OnlyHere, ...]:
    """The only-here parts of a linked pair's translation lines, each side's translation read
    against the other side's translation (or its original, when it has none); for the sides
    whose translation line is shown whole, and none when a side's translation has gaps or is
    blank (its sentences' translation stands in another row's: a missing sentence would read as
    a clause the other side lacks)."""
    sides = {"pivot": (pivot, pivot_ids), "other": (other, other_ids)}
    if any(
        v.translations is not None and not (cell_translation(v, ids) or "").strip()
        for v, ids in sides.values()
    ):
        return ()
    shown = {side for side, (v, _) in sides.items() if v.translations is not None}
    return tuple(s for s in meaning.only_here(pivot_ids, other_ids) if s.side in shown)


def account_mark(version: Version, cell: Cell) -> str | None:
    """For a cell of an account: how sure its link is and where it stands in its own text
    (its counterpart's row may be far from its own place); ``None`` for other cells."""
    if cell.link is None or not cell.sentence_ids:
        return None
    where = ", ".join(str(sid + 1) for sid in cell.sentence_ids)
    noun = "sentence" if len(cell.sentence_ids) == 1 else "sentences"
    place = f"its {noun} {where} of {len(version.sentences)}"
    if cell.link is LinkKind.ALONE:
        return f"only this version reports it · {place}"
    if cell.out_of_order:
        place = f"↕ out of order: {place}"
    kind = "possible counterpart" if cell.link is LinkKind.POSSIBLE else "counterpart"
    score = "" if cell.similarity is None else f" {cell.similarity:.2f}"
    return f"{kind}{score} · {place}"


def _diff_moves(rows: Sequence[Row], pair: PairAlignment, pivot: Version, other: Version) -> None:
    """A moved sentence in the pivot's language is diffed against its counterpart, so a change
    made while moving it (a softened verb) shows where the sentence now stands."""
    if pivot.base_lang != other.base_lang:
        return
    for row in rows:
        cell = row.cell(other.id)
        if cell.status is not Status.MOVED or not cell.sentence_ids or cell.moved_to is None:
            continue
        source = rows[cell.moved_to].cell(pivot.id).sentence_ids
        if not source:
            continue
        old = cell_text(pivot, source)
        new = cell_text(other, cell.sentence_ids)
        cell.diff = word_diff(old, new)
        cell.diff_basis = DiffBasis.TEXT
        cell.similarity = 1.0 if canonical(old) == canonical(new) else similarity(old, new)
