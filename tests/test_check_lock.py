"""The approval lock: hashes per pair, stale detection, and a file that diffs one line per pair."""

from __future__ import annotations

import json

import pytest

from stmtdiff.core.check.lock import Lock, parse_lock, render_lock, sentence_hash
from stmtdiff.core.errors import StmtdiffError

PAIRS = [
    ("1. Стороны встретились в Пекине.", "1. The sides met in Beijing."),
    ("2. Переговоры прошли успешно.", "2. The talks went well."),
]


def _lock(pairs: list[tuple[str, str]] = PAIRS) -> Lock:
    lock = Lock()
    lock.record("statement/en.txt", "statement/ru.txt", pairs)
    return lock


def test_round_trip_keeps_every_pair() -> None:
    text = render_lock(_lock())
    again = parse_lock(text, "stmtdiff.lock.json")
    assert render_lock(again) == text
    assert json.loads(text)["translations"]["statement/en.txt"]["source"] == "statement/ru.txt"


def test_each_pair_is_one_line_so_one_edit_is_one_changed_line() -> None:
    before = render_lock(_lock()).splitlines()
    edited = [PAIRS[0], ("2. Переговоры прошли конструктивно.", "2. The talks were constructive.")]
    after = render_lock(_lock(edited)).splitlines()
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1
    assert "Переговоры прошли конструктивно" in changed[0][1]


def test_translations_are_sorted_and_keys_too() -> None:
    lock = _lock()
    lock.record("statement/de.txt", "statement/ru.txt", PAIRS)
    text = render_lock(lock)
    assert text.index('"statement/de.txt"') < text.index('"statement/en.txt"')
    first_pair = json.loads(text)["translations"]["statement/de.txt"]["pairs"][0]
    assert list(first_pair) == ["source", "text", "translation"]


def test_hash_ignores_spacing_and_quote_style() -> None:
    assert sentence_hash("Стороны  приветствуют «итоги».") == sentence_hash(
        "Стороны приветствуют “итоги”."
    )
    assert sentence_hash("Стороны приветствуют итоги.") != sentence_hash("Стороны одобряют итоги.")


def test_edited_source_with_unchanged_translation_is_stale() -> None:
    locked = _lock().translations["statement/en.txt"]
    approval = locked.stale("1. Стороны встретились в Москве.", "1. The sides met in Beijing.")
    assert approval is not None
    assert approval.text == "1. Стороны встретились в Пекине."


def test_approved_pair_is_not_stale() -> None:
    locked = _lock().translations["statement/en.txt"]
    assert locked.stale(*PAIRS[0]) is None


def test_both_sides_changed_is_not_stale() -> None:
    locked = _lock().translations["statement/en.txt"]
    assert locked.stale("1. Стороны встретились в Москве.", "1. The sides met in Moscow.") is None


def test_retranslated_sentence_of_an_unchanged_source_is_not_stale() -> None:
    locked = _lock().translations["statement/en.txt"]
    assert locked.stale(PAIRS[0][0], "1. The parties met in Beijing.") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "unreadable lock file"),
        ("[]", "not a stmtdiff lock file"),
        ('{"schema": "stmtdiff/lock@1"}', 'no "translations" table'),
        (
            '{"schema": "stmtdiff/lock@1", "translations": {"en.txt": {"pairs": []}}}',
            "has no source",
        ),
        (
            '{"schema": "stmtdiff/lock@1", "translations": {"en.txt": {"source": "ru.txt", '
            '"pairs": [{"source": 1}]}}}',
            "malformed pair",
        ),
    ],
)
def test_broken_lock_files_are_refused(text: str, message: str) -> None:
    with pytest.raises(StmtdiffError, match=message):
        parse_lock(text, "stmtdiff.lock.json")
