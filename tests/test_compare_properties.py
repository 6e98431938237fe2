"""Invariants of every comparison, on random edits of a statement (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stmtdiff.core.compare.compare import compare
from stmtdiff.core.model import Comparison
from stmtdiff.core.text.versions import version_from_sentences

SUBJECTS = ["The Parties", "Russia", "China", "The heads of state", "Both sides", "The ministers"]
VERBS = ["condemn", "welcome", "support", "oppose", "note", "reaffirm", "stress"]
OBJECTS = [
    "unilateral sanctions",
    "the central role of the United Nations",
    "trade of 245 billion dollars",
    "the Years of Culture in 2026",
    "a multipolar world",
    "settlements in national currencies",
    "the outcomes of the Second World War",
    "cooperation in the Arctic",
]


@st.composite
def statement(draw: st.DrawFn) -> list[str]:
    size = draw(st.integers(min_value=0, max_value=14))
    return [
        f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(VERBS))} "
        f"{draw(st.sampled_from(OBJECTS))} (point {k})."
        for k in range(size)
    ]


@st.composite
def edited(draw: st.DrawFn, original: list[str]) -> list[str]:
    """The original after random drops, insertions, edits, merges and moves."""
    text = list(original)
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        action = draw(st.sampled_from(["drop", "insert", "edit", "merge", "move"]))
        if action == "insert" or not text:
            position = draw(st.integers(min_value=0, max_value=len(text)))
            text.insert(position, f"An added sentence about {draw(st.sampled_from(OBJECTS))}.")
            continue
        k = draw(st.integers(min_value=0, max_value=len(text) - 1))
        if action == "drop":
            del text[k]
        elif action == "edit":
            text[k] = text[k].replace(" ", " firmly ", 1)
        elif action == "merge" and k + 1 < len(text):
            text[k : k + 2] = [text[k].rstrip(".") + ", and " + text[k + 1]]
        elif action == "move":
            sentence = text.pop(k)
            text.insert(draw(st.integers(min_value=0, max_value=len(text))), sentence)
    return text


@st.composite
def versions(draw: st.DrawFn) -> list[list[str]]:
    original = draw(statement())
    count = draw(st.integers(min_value=1, max_value=3))
    return [original, *(draw(edited(original)) for _ in range(count))]


def run(texts: list[list[str]], pivot: int = 0) -> Comparison:
    return compare(
        [version_from_sentences(f"v{k}", t, lang="en") for k, t in enumerate(texts)], pivot=pivot
    )


@settings(max_examples=150, deadline=None)
@given(versions())
def test_every_sentence_appears_in_exactly_one_row_in_order(texts: list[list[str]]) -> None:
    result = run(texts)
    for k, sentences in enumerate(texts):
        seen = [sid for row in result.rows for sid in row.cell(f"v{k}").sentence_ids]
        assert seen == list(range(len(sentences)))


@settings(max_examples=100, deadline=None)
@given(versions(), st.data())
def test_any_pivot_keeps_every_sentence_once(texts: list[list[str]], data: st.DataObject) -> None:
    pivot = data.draw(st.integers(min_value=0, max_value=len(texts) - 1))
    result = run(texts, pivot)
    for k, sentences in enumerate(texts):
        seen = [sid for row in result.rows for sid in row.cell(f"v{k}").sentence_ids]
        assert seen == list(range(len(sentences)))


@settings(max_examples=100, deadline=None)
@given(versions())
def test_moves_point_at_each_other(texts: list[list[str]]) -> None:
    result = run(texts)
    for row in result.rows:
        for cell in row.cells:
            if cell.moved_to is not None:
                partner = result.rows[cell.moved_to].cell(cell.version)
                assert partner.moved_to == row.index


@settings(max_examples=100, deadline=None)
@given(statement())
def test_a_version_compared_with_itself_never_differs(sentences: list[str]) -> None:
    result = run([sentences, list(sentences)])
    assert not result.differs
    assert len(result.rows) == len(sentences)
