"""Fixtures shared across the suite: the shipped samples and the optional ../shared data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "joint-statement"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def private_caches(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep every cache and config the suite touches out of the user's home.

    Embeddings, the parsed dictionary, fetched pages and translations go to one folder per test
    session (shared by its tests, so the dictionary is parsed once); no user config file applies.
    """
    home = tmp_path_factory.mktemp("home")
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    patch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    patch.setenv("STMTDIFF_MODEL_CACHE", str(home / "cache" / "models"))
    patch.delenv("STMTDIFF_CONFIG", raising=False)
    patch.delenv("STMTDIFF_CACHE_DIR", raising=False)
    yield
    patch.undo()


@pytest.fixture(scope="session", autouse=True)
def language_identifier() -> None:
    """What the command line and the public API install at start-up: langdetect for the texts
    whose letters leave their language open (the core reads no files of its own)."""
    from stmtdiff.adapters.models.langprofiles import install

    install()


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def shared() -> Path:
    """The ../shared data folder; tests using it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (real readouts and gold alignments live there)")
    return SHARED
