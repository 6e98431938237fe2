"""The JSON report's own indented encoder writes exactly what ``json.dumps(indent=2)`` writes."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stmtdiff.frontends.report.jsonout import indented_json

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)


def stdlib(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@given(JSON_VALUES)
def test_any_json_value_encodes_to_the_standard_librarys_bytes(value: Any) -> None:
    assert indented_json(value) == stdlib(value)


def test_multilingual_text_with_control_characters_is_escaped_as_the_standard_library_does() -> (
    None
):
    row = {
        "diff": [["equal", "Стороны "], ["delete", "решительно "], ["insert", "坚决\u200b\t\x1b"]],
        "sentences": [],
        "cells": {},
        "similarity": 0.8889,
    }
    assert indented_json(row) == stdlib(row)


def test_string_and_integer_enums_are_written_as_their_values() -> None:
    class Role(enum.StrEnum):
        ORIGINAL = "original"

    class Level(enum.IntEnum):
        HIGH = 3

    value = {"role": Role.ORIGINAL, "level": Level.HIGH, "pair": ("ru", "zh")}
    assert indented_json(value) == stdlib(value)


def test_a_value_json_cannot_hold_is_refused_as_the_standard_library_refuses_it() -> None:
    with pytest.raises(TypeError, match="Object of type object is not JSON serializable"):
        indented_json({"when": object()})
