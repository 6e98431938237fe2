"""Comparing edits of one text loads nothing the cross-language aligners need."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reportkit import statement_pair

#: The sentence encoder (and sqlite3 for its cache) and the bilingual dictionaries.
CROSS_LANGUAGE_ONLY = (
    "stmtdiff.adapters.models.embed",
    "stmtdiff.adapters.models.dictionary",
    "sqlite3",
)


def modules_loaded_comparing(folder: Path, original: str, edited: str) -> set[str]:
    """The modules a fresh process has loaded after comparing the two texts."""
    (folder / "a.txt").write_text(original, encoding="utf-8")
    (folder / "b.txt").write_text(edited, encoding="utf-8")
    code = (
        "import json, sys\n"
        "from stmtdiff.adapters.pipeline import Request, build_comparison\n"
        f"build_comparison(Request([{str(folder / 'a.txt')!r}, {str(folder / 'b.txt')!r}]))\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_comparing_an_edited_english_statement_imports_neither_encoder_nor_dictionaries(
    tmp_path: Path,
) -> None:
    loaded = modules_loaded_comparing(tmp_path, *statement_pair(60))
    assert sorted(name for name in CROSS_LANGUAGE_ONLY if name in loaded) == []


def test_comparing_an_edited_statement_with_sentences_moved_or_dropped_imports_no_numpy(
    tmp_path: Path,
) -> None:
    # 2% dropped and 2% added: moves are searched for
    assert "numpy" not in modules_loaded_comparing(tmp_path, *statement_pair(400))
