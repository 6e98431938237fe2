"""The status vocabulary: each status's mark and meaning, which statuses are omissions, and how a
moved sentence points to its other row. Every renderer and the TUI read it from here, so a reader
who learns ``↕`` or "missing" in one output finds it meaning the same in all of them (and in the
README's table)."""

from __future__ import annotations

from stmtdiff.core.model import Comparison, Method, PairAlignment, Row, Status

#: One mark per status: the gutter of the terminal, TUI, HTML and Markdown.
SYMBOLS: dict[Status, str] = {
    Status.IDENTICAL: "=",
    Status.MINOR: "≈",
    Status.MATCHED: "~",
    Status.POSSIBLE: "?",
    Status.CHANGED: "≠",
    Status.MISSING: "−",
    Status.EXTRA: "+",
    Status.MOVED: "↕",
}

#: What each status means: the legends, the badges' tooltips, the TUI's help.
DESCRIPTIONS: dict[Status, str] = {
    Status.IDENTICAL: "same text in every version",
    Status.MINOR: "only spacing, punctuation, quote marks or letter case differ",
    Status.MATCHED: "counterparts in other languages or other words; words not compared",
    Status.POSSIBLE: "a possible counterpart: the accounts' link is weak, check it",
    Status.CHANGED: "words differ from the pivot, or one account says more (highlighted)",
    Status.MISSING: "the pivot has text here that a version lacks",
    Status.EXTRA: "a version has text here that the pivot lacks",
    Status.MOVED: "the counterpart sits in another row (follow the link)",
}

#: What a status means between accounts of one event, where it differs from ``DESCRIPTIONS``:
#: the legends of a comparison of accounts use the words its cells' marks use ("only this
#: version reports it", "counterpart").
ACCOUNT_DESCRIPTIONS: dict[Status, str] = {
    Status.MATCHED: "linked counterparts, saying the same in other words or another language",
    Status.CHANGED: "linked counterparts, one side says more (highlighted)",
    Status.MISSING: "a fact only the pivot reports",
    Status.EXTRA: "a fact only this version reports, not the pivot",
}


def descriptions(comparison: Comparison) -> dict[Status, str]:
    """What each status that ``status_counts`` shows means, in this comparison's words."""
    extra = ACCOUNT_DESCRIPTIONS if comparison.accounts else {}
    return {status: extra.get(status, DESCRIPTIONS[status]) for status in status_counts(comparison)}


def status_counts(comparison: Comparison) -> dict[Status, int]:
    """Rows per status for a reader: those of the statuses a row of this comparison can have
    (zeros included), in precedence order. Accounts are matched wherever each side places a
    fact, so no row of theirs is ``moved`` (an out-of-order counterpart stays in its row,
    marked), and only accounts have ``possible``. Every front end counts with this, so none
    shows a "moved 0" another lacks; JSON's ``summary`` keeps every status (its schema says
    so)."""
    counts = comparison.counts()
    if comparison.accounts:
        del counts[Status.MOVED]
    return counts


def rows_words(n: int) -> str:
    """ "1 row", "14 rows": the totals above and below the tables."""
    return f"{n} row{'' if n == 1 else 's'}"


#: Statuses that mean text is absent from one side: what the "omissions" filters show.
OMISSION_STATUSES: frozenset[Status] = frozenset({Status.MISSING, Status.EXTRA})


def is_omission(row: Row) -> bool:
    """True when some version has text in this row that another lacks."""
    return any(cell.status in OMISSION_STATUSES for cell in row.cells)


def moved_to(row_number: int) -> str:
    """An empty cell whose sentence stands in row ``row_number`` (numbered from 1)."""
    return f"↕ moved to row {row_number}"


def moved_from(row_number: int) -> str:
    """A sentence whose place in the pivot's order is row ``row_number`` (numbered from 1)."""
    return f"↕ from row {row_number}"


def alignment_words(pair: PairAlignment) -> str:
    """How a version was aligned with the pivot, for the terminal's header and the versions
    tables: accounts are matched fact by fact, and their confidence is the mean score of their
    links, not the score of an alignment of one text."""
    if pair.method == Method.READOUTS:
        if not pair.links:  # a mean of no scores
            return "readouts, matched fact by fact; no fact linked"
        return f"readouts, matched fact by fact; mean link score {pair.confidence:.2f}"
    return f"{pair.method}, confidence {pair.confidence:.2f}"
