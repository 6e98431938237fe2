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


def test_comparing_an_edited_english_statement_imports_neither_encoder_nor_dictionaries(
    tmp_path: Path,
) -> None:
    original, edited = statement_pair(60)
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(edited, encoding="utf-8")
    code = (
        "import json, sys\n"
        "from stmtdiff.adapters.pipeline import Request, build_comparison\n"
        f"build_comparison(Request([{str(tmp_path / 'a.txt')!r}, {str(tmp_path / 'b.txt')!r}]))\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert sorted(name for name in CROSS_LANGUAGE_ONLY if name in loaded) == []


def test_comparing_an_edited_statement_with_sentences_moved_or_dropped_imports_no_numpy(
    tmp_path: Path,
) -> None:
    original, edited = statement_pair(400)  # 2% dropped and 2% added: moves are searched for
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(edited, encoding="utf-8")
    code = (
        "import json, sys\n"
        "from stmtdiff.adapters.pipeline import Request, build_comparison\n"
        f"build_comparison(Request([{str(tmp_path / 'a.txt')!r}, {str(tmp_path / 'b.txt')!r}]))\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert "numpy" not in json.loads(result.stdout.splitlines()[-1])
