"""Progress on stderr for the command line: the adapters report steps, this draws them."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


class RichProgressBar:
    """A transient rich bar of ``total`` steps (``stmtdiff.adapters.progress.ProgressBar``)."""

    def __init__(self, description: str, total: int) -> None:
        self._progress = Progress(
            TextColumn(description),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task(description, total=total)

    def __enter__(self) -> RichProgressBar:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def advance(self) -> None:
        self._progress.advance(self._task)
