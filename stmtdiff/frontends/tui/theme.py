"""Styles shared by the grid, header and detail pane, defined once in styles.tcss.

Each widget that draws statuses declares the ``status--*`` component classes, so one tcss rule
per status colours the gutter, the counts and the detail pane alike. The symbols come from the
core's status vocabulary, so every front end speaks the same visual language.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget

from stmtdiff.core.model import Status

__all__ = ["STATUS_CLASSES", "component_style", "status_class"]


def status_class(status: Status) -> str:
    return f"status--{status.value}"


STATUS_CLASSES: frozenset[str] = frozenset(status_class(status) for status in Status)


def component_style(widget: Widget, name: str) -> Style:
    """Only the properties the component class sets, with translucent colours blended.

    Textual's partial style keeps exactly the rules a class sets but drops colour alpha
    (``$success 20%`` comes out as full green); its full style blends alpha against the widget
    but also fills in inherited colours, which would paint over a highlighted row. Take the
    set properties from the one and their values from the other.
    """
    partial = widget.get_component_rich_style(name, partial=True)
    full = widget.get_component_rich_style(name)
    return partial + Style(
        color=full.color if partial.color is not None else None,
        bgcolor=full.bgcolor if partial.bgcolor is not None else None,
    )
