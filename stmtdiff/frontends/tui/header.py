"""The top of the screen: which versions are compared, how many rows of each status, the filter
and search in force, and who said what (facts and subjects only one version has), so the reader
always knows what the table below is showing."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widgets import Static

from stmtdiff.core.model import Status
from stmtdiff.core.text.visible import visible
from stmtdiff.core.view.status import SYMBOLS, rows_words, status_counts
from stmtdiff.frontends.tui.state import FILTER_LABELS, Filter, ViewState
from stmtdiff.frontends.tui.theme import STATUS_CLASSES, component_style, status_class

#: Shown in place of the last line of "who said what" when the header has no room for all of it.
MORE = "… w: who said what in full"


def _packed(parts: list[tuple[str, Text]], width: int, room: int | None, meta: Style) -> Text:
    """``parts`` filled into lines ``width`` cells wide (one line when the width is not known
    yet), each part whole; when more lines than ``room`` are needed, the last one that fits
    says where the rest is."""
    lines: list[Text] = []
    for separator, part in parts:
        if lines and (not width or lines[-1].cell_len + len(separator) + part.cell_len <= width):
            lines[-1].append(separator, style=meta)
            lines[-1].append_text(part)
        else:
            lines.append(part.copy())
    if room is not None and len(lines) > room:
        lines = [*lines[: max(room - 1, 0)], Text().append(MORE, meta)]
    return Text("\n").join(lines)


class StatementHeader(Static):
    """Versions (number, label, language, publisher), counts per status, filter and search."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "header--version",
        "header--pivot",
        "header--hidden",
        "header--meta",
        "header--filter",
        "header--warning",
        *STATUS_CLASSES,
    }

    def __init__(self, state: ViewState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state
        self._laid_out_width = 0

    def on_mount(self) -> None:
        self.show()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_width:
            self.show()

    def show(self) -> None:
        """Redraw from the state (after any change the grid reports, and at a new width)."""
        width = self.content_size.width
        self._laid_out_width = self.size.width
        text = self._versions() + Text("\n") + self._summary()
        parts = self._who_said_what()
        if parts is not None:
            room = None
            if width and self.styles.max_height is not None:
                used = len(text.wrap(self.app.console, width))
                room = int(self.styles.max_height.value) - used
            text += Text("\n") + _packed(parts, width, room, self._meta())
        self.update(text)

    def _versions(self) -> Text:
        state = self.state
        text = Text()
        for position, version in enumerate(state.versions, start=1):
            if position > 1:
                text.append("   ")
            hidden = version.id in state.hidden
            style = self._part("header--hidden" if hidden else "header--version")
            text.append(f"{position} {visible(version.display_label)}", style=style)
            details = [version.lang, *([version.publisher] if version.publisher else [])]
            text.append(visible(f" ({', '.join(details)})"), style=self._meta())
            if state.is_pivot(version):
                text.append(" ◆ pivot", style=self._part("header--pivot"))
            if hidden:
                text.append(" hidden", style=self._meta())
        return text

    def _summary(self) -> Text:
        state = self.state
        comparison = state.comparison
        text = Text(rows_words(len(comparison.rows)), style=self._part("header--version"))
        for status, count in status_counts(comparison).items():
            if count:
                text.append("  ")
                text.append(f"{SYMBOLS[status]} {count} {status.value}", style=self._status(status))
        if state.filter is not Filter.ALL:
            text.append("  │  ", style=self._meta())
            text.append(
                f"showing {FILTER_LABELS[state.filter]} ({len(state.row_indices)})",
                style=self._part("header--filter"),
            )
        if state.query is not None:
            text.append("  │  ", style=self._meta())
            number = state.hit_number()
            where = f"{number}/{len(state.hits)}" if number else f"{len(state.hits)} rows"
            query = visible(state.query)
            text.append(f"search “{query}” {where}", style=self._part("header--filter"))
        if state.show_translations:
            text.append("  │  ", style=self._meta())
            text.append("translations", style=self._part("header--filter"))
        warnings = sum(1 for pair in comparison.alignments if pair.warning)
        if warnings:
            text.append("  │  ", style=self._meta())
            plural = "s" if warnings > 1 else ""
            text.append(
                f"⚠ {warnings} unreliable alignment{plural}", style=self._part("header--warning")
            )
        return text

    def _who_said_what(self) -> list[tuple[str, Text]] | None:
        """Facts both versions report, facts and subjects only one has (per pair), as parts
        each kept whole on a line (a label is never parted from its count, a subject name
        never broken), each with the separator that goes before it on a line."""
        comparison = self.state.comparison
        summary = comparison.who_said_what
        if summary is None:
            return None
        parts: list[tuple[str, Text]] = []
        for position, pair in enumerate(summary.pairs):
            both = Text()
            if len(summary.pairs) > 1:
                label = visible(comparison.version(pair.other).display_label)
                both.append(f"{label}: ", style=self._part("header--version"))
            both.append(
                f"both report {pair.both}{pair.both_words}", style=self._part("header--version")
            )
            parts.append(("  │  " if position else "", both))
            for vid, facts in pair.only.items():
                label = visible(comparison.version(vid).display_label)
                only = Text().append(f"only {label} {len(facts)}", self._status(Status.MISSING))
                parts.append((" · ", only))
            for vid, mentions in (pair.subjects_only or {}).items():
                names = [visible(m.subject.name) for m in mentions]
                for k, name in enumerate(names):
                    piece = Text()
                    if k == 0:
                        label = visible(comparison.version(vid).display_label)
                        piece.append(f"named only by {label}: ", self._meta())
                    piece.append(name + ("," if k < len(names) - 1 else ""))
                    parts.append((" · " if k == 0 else " ", piece))
        return parts

    def _part(self, name: str) -> Style:
        return component_style(self, name)

    def _meta(self) -> Style:
        return self._part("header--meta")

    def _status(self, status: Status) -> Style:
        return self._part(status_class(status))
