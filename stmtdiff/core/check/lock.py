"""The approval lock: which source sentence each translation sentence was approved against.

``stmtdiff approve`` records, for every aligned pair, a hash of the source sentence and of its
translation. Later, a source sentence whose hash the lock does not know, paired with a
translation whose hash it does, was edited while its translation was not: the ``stale`` check.

The file is committed with the translations, so it is written for review: keys sorted, one pair
per line in source order with the start of the source sentence beside the hashes, so a changed
sentence shows as one changed line in a diff.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.text.normalize import canonical

SCHEMA = "stmtdiff/lock@1"
#: Hex digits kept of each SHA-256: 64 bits, ample for the sentences of one statement.
HASH_LENGTH = 16
#: Characters of the source sentence kept beside its hashes, to make diffs readable.
EXCERPT_LENGTH = 60


def sentence_hash(text: str) -> str:
    """Hash of a sentence as a reader sees it: spacing, quote style and dashes do not count."""
    return hashlib.sha256(canonical(text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def excerpt(text: str) -> str:
    text = canonical(text)
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"


@dataclass(frozen=True, slots=True)
class LockedPair:
    source: str  # hash of the source sentence(s)
    translation: str  # hash of the translation sentence(s)
    text: str = ""  # excerpt of the source, for the reader of a diff


@dataclass(slots=True)
class LockedTranslation:
    """The approved pairs of one translation file."""

    source: str
    pairs: list[LockedPair] = field(default_factory=list)
    _sources: set[str] = field(init=False, repr=False)
    _by_translation: dict[str, LockedPair] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sources = {p.source for p in self.pairs}
        self._by_translation = {}
        for pair in self.pairs:
            self._by_translation.setdefault(pair.translation, pair)

    def stale(self, source: str, translation: str) -> LockedPair | None:
        """The approval a pair has outlived: its translation was approved with another source.

        ``None`` when the source sentence is one the lock knows, and when the translation changed
        too (it was updated, whether or not approved since).
        """
        if sentence_hash(source) in self._sources:
            return None
        return self._by_translation.get(sentence_hash(translation))


@dataclass(slots=True)
class Lock:
    """All approvals in one lock file, keyed by translation path (relative to the lock file)."""

    translations: dict[str, LockedTranslation] = field(default_factory=dict)

    def record(self, key: str, source: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Approve ``(source sentence, translation sentence)`` pairs, replacing older approvals."""
        self.translations[key] = LockedTranslation(
            source,
            [LockedPair(sentence_hash(s), sentence_hash(t), excerpt(s)) for s, t in pairs],
        )


def render_lock(lock: Lock) -> str:
    """The lock file's text: stable, sorted, one pair per line."""
    lines = ["{", f'  "schema": {json.dumps(SCHEMA)},', '  "translations": {']
    keys = sorted(lock.translations)
    for index, key in enumerate(keys):
        entry = lock.translations[key]
        lines.append(f"    {_dump(key)}: {{")
        lines.append('      "pairs": [')
        for number, pair in enumerate(entry.pairs):
            record = {"source": pair.source, "text": pair.text, "translation": pair.translation}
            comma = "," if number < len(entry.pairs) - 1 else ""
            lines.append(f"        {_dump(record)}{comma}")
        lines.append("      ],")
        lines.append(f'      "source": {_dump(entry.source)}')
        lines.append("    }" + ("," if index < len(keys) - 1 else ""))
    lines.extend(["  }", "}", ""])
    return "\n".join(lines)


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))


def parse_lock(text: str, path: str) -> Lock:
    """Read a lock file's text; anything but a stmtdiff lock is a clear error."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise StmtdiffError(
            f"{path}: unreadable lock file (not JSON: {error.msg} at line {error.lineno}); "
            "restore it from version control or re-create it with stmtdiff approve"
        ) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise StmtdiffError(f"{path}: not a stmtdiff lock file (expected schema {SCHEMA!r})")
    translations = data.get("translations")
    if not isinstance(translations, dict):
        raise StmtdiffError(f'{path}: lock file has no "translations" table')
    lock = Lock()
    for key, entry in translations.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("source"), str):
            raise StmtdiffError(f"{path}: lock entry {key!r} has no source")
        pairs = entry.get("pairs")
        if not isinstance(pairs, list):
            raise StmtdiffError(f"{path}: lock entry {key!r} has no list of pairs")
        locked = []
        for item in pairs:
            if not (
                isinstance(item, dict)
                and isinstance(item.get("source"), str)
                and isinstance(item.get("translation"), str)
            ):
                raise StmtdiffError(f"{path}: lock entry {key!r} has a malformed pair: {item!r}")
            locked.append(
                LockedPair(item["source"], item["translation"], str(item.get("text", "")))
            )
        lock.translations[key] = LockedTranslation(entry["source"], locked)
    return lock
