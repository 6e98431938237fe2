"""How adapters report long work to whichever front end runs them, without drawing anything.

An adapter that works for more than a moment (translating a statement, preparing the dictionary)
asks ``display`` for a bar and advances it; the command line sets ``display`` to a rich bar on
stderr (``stmtdiff.frontends.cli.progress``). With no front end set, nothing is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class ProgressBar(Protocol):
    """What an adapter needs of a progress display: shown while in use, advanced step by step."""

    def __enter__(self) -> object: ...

    def __exit__(self, *exc: object) -> None: ...

    def advance(self) -> None: ...


#: Told when a cache is prepared for seconds (CC-CEDICT on a first run), so a front end can
#: show why nothing happens yet; None, the default, says nothing (library use, tests).
preparing: Callable[[str], None] | None = None


def announce(message: str) -> None:
    """Pass a preparation's description to the front end's ``preparing``, if any."""
    if preparing is not None:
        preparing(message)


#: Makes a progress display for ``(description, total steps)``; ``None``: nothing is shown.
display: Callable[[str, int], ProgressBar] | None = None
