"""Wrapping cells in the TUI grid: Chinese breaks between characters, never inside a number,
never before closing punctuation; text without wide characters wraps as rich wraps it."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.text import Text

from stmtdiff.frontends.tui.wrap import wrap

CONSOLE = Console(width=120)
TRADE = "二、2024年，两国贸易额达到2450亿美元，双方将扩大本币结算。"


def lines(text: str, width: int) -> list[str]:
    return [line.plain for line in wrap(Text(text), width, CONSOLE)]


@pytest.mark.parametrize("width", range(8, 30))
def test_a_number_in_chinese_is_never_split_across_lines(width: int) -> None:
    wrapped = lines(TRADE, width)
    assert "".join(wrapped) == TRADE
    assert any("2450" in line for line in wrapped)
    assert any("2024" in line for line in wrapped)


@pytest.mark.parametrize("width", range(6, 30))
def test_closing_punctuation_never_starts_a_line(width: int) -> None:
    for line in lines(TRADE, width)[1:]:
        assert line[0] not in "，。、）》」"


@pytest.mark.parametrize("width", range(6, 30))
def test_every_line_fits_its_column(width: int) -> None:
    assert all(Text(line).cell_len <= width for line in lines(TRADE, width))


def test_latin_words_in_chinese_text_stay_whole() -> None:
    wrapped = lines("普京总统通电话 (Vladimir Putin) 表示感谢。", 12)
    assert any("Vladimir" in line for line in wrapped)
    assert any("Putin" in line for line in wrapped)


def test_english_wraps_exactly_as_rich_does() -> None:
    text = Text("The Parties reaffirmed their commitment to the purposes and principles.")
    assert [line.plain for line in wrap(text, 20, CONSOLE)] == [
        line.plain for line in text.wrap(CONSOLE, 20)
    ]


def test_styles_are_kept_across_the_breaks() -> None:
    text = Text("两国贸易额达到")
    text.append("2450亿美元", style="bold")
    wrapped = wrap(text, 10, CONSOLE)
    bold = [span for line in wrapped for span in line.spans if span.style == "bold"]
    assert "".join(line.plain[s.start : s.end] for line in wrapped for s in line.spans) == (
        "2450亿美元"
    )
    assert bold
