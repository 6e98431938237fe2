"""What ``stmtdiff tui`` looks like, as SVG snapshots (Textual is pinned so they stay stable).

Regenerate after a deliberate change with ``pytest tests/test_tui_snapshots.py --snapshot-update``
and look at the SVGs under tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui_support import english_samples, with_chinese

from stmtdiff.frontends.tui.app import make_app

SnapCompare = Callable[..., bool]


def test_main_screen_at_80_by_24(snap_compare: SnapCompare, samples: Path) -> None:
    assert snap_compare(make_app(english_samples(samples)), terminal_size=(80, 24))


def test_main_screen_at_160_by_50(snap_compare: SnapCompare, samples: Path) -> None:
    assert snap_compare(make_app(english_samples(samples)), terminal_size=(160, 50))


def test_detail_pane_of_a_changed_row(snap_compare: SnapCompare, samples: Path) -> None:
    app = make_app(english_samples(samples))
    assert snap_compare(app, press=["j", "j", "j"], terminal_size=(100, 40))


def test_changes_only_with_a_search_hit(snap_compare: SnapCompare, samples: Path) -> None:
    app = make_app(english_samples(samples))
    assert snap_compare(app, press=["f", "slash", *"sides", "enter"], terminal_size=(100, 30))


def test_chinese_wraps_at_its_cell_width(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(with_chinese()), terminal_size=(80, 24))


def test_help_screen(snap_compare: SnapCompare, samples: Path) -> None:
    app = make_app(english_samples(samples))
    assert snap_compare(app, press=["question_mark"], terminal_size=(100, 40))
