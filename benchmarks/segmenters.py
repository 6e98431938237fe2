"""Compare sentence splitters on stmtdiff's own hard cases, and time them.

Why: stmtdiff.core.text.segment chose its approach by these figures (see its module docstring). The
cases
are the parametrised lists of tests/test_segment_{en,ru,zh}.py; a case counts as right only when
the whole list of sentences is exactly right. Every splitter gets one line at a time (stmtdiff
treats each line as a paragraph), and its pieces are stripped of surrounding whitespace.

Run: python benchmarks/segmenters.py   (needs the optional libraries sentencex, pysbd, razdel)
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from stmtdiff.core.text.segment import segment

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "ru", "zh")
BLANK = " \t\r\n\u00a0\u3000\ufeff"

Splitter = Callable[[str, str], list[str]]


def load_cases(lang: str) -> list[tuple[str, str, list[str]]]:
    """(id, text, expected sentences) for each case of tests/test_segment_<lang>.py."""
    path = ROOT / "tests" / f"test_segment_{lang}.py"
    spec = importlib.util.spec_from_file_location(f"cases_{lang}", path)
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [(case.id, *case.values) for case in module.CASES]


def per_line(split_line: Callable[[str, str], Iterator[str]]) -> Splitter:
    """Feed a library one line at a time and tidy its pieces, as stmtdiff does."""

    def split(text: str, lang: str) -> list[str]:
        pieces = []
        for line in text.splitlines():
            for piece in split_line(line, lang):
                if piece.strip(BLANK):
                    pieces.append(piece.strip(BLANK))
        return pieces

    return split


def make_splitters() -> dict[str, tuple[Splitter, tuple[str, ...]]]:
    """Each available splitter with the languages it claims to handle."""
    splitters: dict[str, tuple[Splitter, tuple[str, ...]]] = {
        "stmtdiff": (lambda text, lang: [s.text for s in segment(text, lang)], LANGS),
    }
    try:
        import sentencex

        splitters["sentencex"] = (per_line(lambda line, lang: sentencex.segment(lang, line)), LANGS)
    except ImportError:
        pass
    try:
        import pysbd

        cache: dict[str, Any] = {}

        def pysbd_line(line: str, lang: str) -> Iterator[str]:
            if lang not in cache:
                cache[lang] = pysbd.Segmenter(language=lang, clean=False)
            return iter(cache[lang].segment(line))

        splitters["pysbd"] = (per_line(pysbd_line), LANGS)
    except ImportError:
        pass
    try:
        from razdel import sentenize

        splitters["razdel"] = (per_line(lambda line, _: (s.text for s in sentenize(line))), ("ru",))
    except ImportError:
        pass
    return splitters


def accuracy(split: Splitter, lang: str, show_failures: bool) -> tuple[int, int]:
    cases = load_cases(lang)
    right = 0
    for case_id, text, expected in cases:
        try:
            got = split(text, lang)
        except Exception as error:  # a library crash counts as a wrong answer
            got = [f"<{type(error).__name__}>"]
        if got == expected:
            right += 1
        elif show_failures:
            print(f"      {case_id}: {got}")
    return right, len(cases)


def speed_text(lang: str, size: int) -> str:
    """About ``size`` characters of the language's cases, repeated line by line."""
    lines = [line for _, text, _ in load_cases(lang) for line in text.splitlines()]
    block = "\n".join(lines) + "\n"
    return block * (size // len(block) + 1)


def seconds(split: Splitter, text: str, lang: str) -> float:
    start = time.perf_counter()
    split(text, lang)
    return time.perf_counter() - start


def main() -> None:
    splitters = make_splitters()
    print("Exact-list accuracy on the test cases (failures listed for the libraries):")
    for lang in LANGS:
        print(f"  {lang}:")
        for name, (split, langs) in splitters.items():
            if lang in langs:
                right, total = accuracy(split, lang, show_failures=False)
                print(f"    {name:10} {right:3}/{total} = {right / total:5.1%}")
                if name != "stmtdiff" and right < total:
                    accuracy(split, lang, show_failures=True)
    print("\nSpeed on 300,000 characters per language (characters per second):")
    for lang in LANGS:
        text = speed_text(lang, 300_000)
        for name, (split, langs) in splitters.items():
            if lang in langs:
                rate = len(text) / seconds(split, text, lang)
                print(f"  {lang} {name:10} {rate:12,.0f}")
    print("\nstmtdiff on 5 MB (5,000,000 characters) per language:")
    for lang in LANGS:
        text = speed_text(lang, 5_000_000)[:5_000_000]
        print(f"  {lang}: {seconds(splitters['stmtdiff'][0], text, lang):.2f} s")
    two_thousand = " ".join(["The sides held talks in Moscow on 16 May."] * 2000)
    elapsed = seconds(splitters["stmtdiff"][0], two_thousand, "en")
    print(f"\nstmtdiff on 2,000 English sentences: {elapsed:.3f} s")


if __name__ == "__main__":
    main()
