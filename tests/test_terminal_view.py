"""The terminal view of ``compare``: its content, its columns, ``--color`` and its width rule."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from stmtdiff.adapters.models.embed import encoder_available
from stmtdiff.adapters.pipeline import Request, build_comparison
from stmtdiff.core.model import Comparison, Status
from stmtdiff.core.view.status import SYMBOLS
from stmtdiff.frontends.cli.main import main
from stmtdiff.frontends.report.terminal import GAP, plain_terminal, render_terminal, wrap_ranges

BEIJING = (
    "The two sides held talks in Moscow in a warm and friendly atmosphere. "
    "The Parties note that relations have reached the highest level in their history. "
    "In 2024, trade reached 245.2 billion U.S. dollars. "
    "The next meeting will take place in China in 2026.\n"
)
MOSCOW = (
    "The two sides held talks in Moscow in a warm and friendly atmosphere. "
    "The sides note that relations have reached the best level in their entire history. "
    "The next meeting will take place in China in 2026.\n"
)
XINHUA = (
    "双方在莫斯科举行了会谈，气氛温暖友好。两国元首指出，中俄关系处于历史最好水平。"
    "双方同意加强能源领域合作，扩大本币结算。\n"
)
XINHUA_EDITED = (
    "双方在莫斯科举行了会谈，气氛友好。两国元首指出，中俄关系处于历史最好水平。"
    "双方同意加强能源领域合作，扩大本币结算规模。\n"
)
ESC = "\x1b["


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No colour or width hints from the environment unless a test sets them."""
    for name in ("COLUMNS", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def write(tmp_path: Path, **texts: str) -> list[str]:
    paths = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def compare_out(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["compare", *args])
    return capsys.readouterr().out


def table_lines(out: str) -> list[str]:
    """The lines between the rule under the table's header and the summary line."""
    lines = out.splitlines()
    rule = next(k for k, line in enumerate(lines) if line.startswith("───"))
    return [line for line in lines[rule + 1 :] if not re.match(r"\d+ rows: ", line)]


def test_every_row_appears_with_its_number_and_status_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = compare_out(capsys, *write(tmp_path, beijing=BEIJING, moscow=MOSCOW))
    starts = [line.split()[:2] for line in table_lines(out) if line[:4].strip()]
    assert starts == [
        ["1", SYMBOLS[Status.IDENTICAL]],
        ["2", SYMBOLS[Status.CHANGED]],
        ["3", SYMBOLS[Status.MISSING]],
        ["4", SYMBOLS[Status.IDENTICAL]],
    ]


def test_without_colour_drops_and_additions_are_bracketed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = compare_out(capsys, *write(tmp_path, beijing=BEIJING, moscow=MOSCOW))
    assert "[-Parties-]{+sides+}" in out
    assert "{+entire +}" in out or "{+entire+}" in out


def test_color_never_writes_no_escape_codes_even_when_forced_by_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = compare_out(capsys, *write(tmp_path, beijing=BEIJING, moscow=MOSCOW), "--color", "never")
    assert ESC not in out
    assert "[-Parties-]" in out


def test_color_always_styles_diffs_in_a_pipe_instead_of_bracketing_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = compare_out(capsys, *write(tmp_path, beijing=BEIJING, moscow=MOSCOW), "--color", "always")
    assert re.search(r"\x1b\[[0-9;]*9[0-9;]*mParties", out)  # struck through
    assert "[-Parties-]" not in out


def test_color_auto_is_plain_outside_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = compare_out(capsys, *write(tmp_path, beijing=BEIJING, moscow=MOSCOW), "--color", "auto")
    assert ESC not in out


def test_force_color_colours_auto_outside_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESC in compare_out(capsys, *write(tmp_path, beijing=BEIJING, moscow=MOSCOW))


def test_no_color_wins_over_force_color_for_auto(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    assert ESC not in compare_out(capsys, *write(tmp_path, beijing=BEIJING, moscow=MOSCOW))


def test_redirected_output_is_the_same_text_as_the_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = write(tmp_path, beijing=BEIJING * 3, moscow=MOSCOW * 3)
    redirected = compare_out(capsys, *inputs)
    main(["compare", *inputs, "-o", str(tmp_path / "out.txt")])
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == redirected


def test_output_to_a_file_is_160_columns_wide_without_columns_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = compare_out(capsys, *write(tmp_path, beijing=BEIJING * 3, moscow=MOSCOW * 3))
    assert max(cell_len(line) for line in out.splitlines()) == 160


@pytest.mark.parametrize("columns", [40, 60, 97])
def test_no_line_is_wider_than_columns(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    inputs = write(tmp_path, a=XINHUA + BEIJING, b=XINHUA_EDITED + MOSCOW)
    out = compare_out(capsys, *inputs, "--lang", "zh")
    assert all(cell_len(line) <= columns for line in table_lines(out))


def test_second_column_starts_on_the_same_cell_on_every_line_after_chinese_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    out = compare_out(capsys, *write(tmp_path, a=XINHUA, b=XINHUA_EDITED))
    header = next(line for line in out.splitlines() if line.lstrip().startswith("#"))
    start = cell_len(header[: header.index("b.txt")])
    for line in table_lines(out):
        cells, k = 0, 0
        while cells < start and k < len(line):
            cells += cell_len(line[k])
            k += 1
        assert cells == start and line[k - len(GAP) : k] == GAP, line


def test_wrapping_keeps_russian_words_whole() -> None:
    text = "Стороны подтверждают приверженность"
    lines = [text[a:b] for a, b, _ in wrap_ranges(text, 15)]
    assert lines == ["Стороны", "подтверждают", "приверженность"]


def test_wrapping_cuts_a_word_wider_than_the_column() -> None:
    text = "достопримечательность"
    assert [text[a:b] for a, b, _ in wrap_ranges(text, 10)] == ["достоприме", "чательност", "ь"]


def test_wrapping_breaks_chinese_between_characters_counting_two_cells_each() -> None:
    lines = wrap_ranges("中俄关系处于历史最好水平。", 10)
    assert [cells for _, _, cells in lines] == [10, 10, 6]


def test_wrapping_starts_a_new_line_at_a_newline() -> None:
    text = "Original.\nTranslation."
    assert [text[a:b] for a, b, _ in wrap_ranges(text, 40)] == ["Original.", "Translation."]


def test_segment_color_never_writes_no_escape_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    (path,) = write(tmp_path, beijing=BEIJING)
    assert main(["segment", path, "--lang", "en", "--color", "never"]) == 0
    assert ESC not in capsys.readouterr().out


def test_check_text_color_always_colours_a_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, translation = write(
        tmp_path, ru="В 2024 году товарооборот вырос на 10%.\n", en="In 2024, trade grew by 12%.\n"
    )
    main(["check", source, translation, "--color", "always"])
    assert ESC in capsys.readouterr().out


def test_align_accepts_color_like_every_printing_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, translation = write(tmp_path, a=BEIJING, b=MOSCOW)
    assert main(["align", source, translation, "--color", "never"]) == 0
    assert ESC not in capsys.readouterr().out


def _rich_without_colour(comparison: Comparison, width: int, **options: bool) -> str:
    """What rich's console prints without colours: the view ``plain_terminal`` must equal."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=False, no_color=True, color_system=None
    )
    render_terminal(comparison, console, **options)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def five_versions() -> Comparison:
    """The shipped sample: Russian, Chinese and three English versions, with one-sided facts."""
    if not encoder_available():
        pytest.skip("encoder package not installed")
    return build_comparison(Request([str(Path(__file__).parent.parent / SAMPLE)]))


SAMPLE = "samples/joint-statement"


def _narrowest_plain_width(comparison: Comparison, **options: bool) -> int:
    """The narrowest width at which no line above or below the table needs wrapping."""
    low, high = 1, 1000
    while low < high:
        middle = (low + high) // 2
        if plain_terminal(comparison, middle, **options) is None:
            low = middle + 1
        else:
            high = middle
    return low


@pytest.mark.parametrize(
    "options",
    [{}, {"only_changes": True}, {"show_translation": True}],
    ids=["all-rows", "only-changes", "translations"],
)
def test_plain_view_is_what_rich_prints_without_colour(
    five_versions: Comparison, options: dict[str, bool]
) -> None:
    for width in (_narrowest_plain_width(five_versions, **options), 1000):
        assert plain_terminal(five_versions, width, **options) == _rich_without_colour(
            five_versions, width, **options
        )


@pytest.mark.skipif(not encoder_available(), reason="encoder package not installed")
def test_plain_view_of_accounts_shows_the_highlight_legend_as_rich_does(tmp_path: Path) -> None:
    comparison = build_comparison(
        Request(write(tmp_path, kremlin=MOSCOW, xinhua=XINHUA), readouts=True)
    )
    plain = plain_terminal(comparison, 1000)
    assert plain is not None
    assert "⟦" in plain
    assert plain == _rich_without_colour(comparison, 1000)


def test_plain_view_leaves_a_line_that_must_wrap_to_rich(five_versions: Comparison) -> None:
    assert plain_terminal(five_versions, 40) is None


def test_a_short_comparison_in_a_pipe_is_printed_without_rich(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Стороны провели переговоры.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Стороны провели важные переговоры.\n", encoding="utf-8")
    code = (
        "import sys\nfrom stmtdiff.frontends.cli.main import main\n"
        "main(['compare', 'a.txt', 'b.txt'])\n"
        "print('rich.console' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert "{+важные +}" in result.stdout
    assert result.stderr.strip() == "False"
