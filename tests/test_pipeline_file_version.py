"""``check`` loads its files through the pipeline, as ``compare`` does."""

from __future__ import annotations

from pathlib import Path

import pytest

from stmtdiff.adapters.pipeline import Request, load_file_version, load_versions
from stmtdiff.core.errors import StmtdiffError

RU = "Стороны обсудили торговлю. Президенты подписали заявление."
ZH = "双方讨论了贸易问题。两国元首签署了声明。"


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_file_loads_as_compare_loads_it(tmp_path: Path) -> None:
    ru, zh = _write(tmp_path, "ru.txt", RU), _write(tmp_path, "zh.txt", ZH)
    compared = load_versions(Request([ru, zh]))
    for path, expected in zip((ru, zh), compared, strict=True):
        version, _ = load_file_version(path, expected.id, lang=None, shown_path=path)
        assert version.lang == expected.lang
        assert [s.text for s in version.sentences] == [s.text for s in expected.sentences]


def test_a_given_language_overrides_detection(tmp_path: Path) -> None:
    version, _ = load_file_version(
        _write(tmp_path, "ru.txt", RU), "source", lang="uk", shown_path="ru.txt"
    )
    assert version.lang == "uk"


def test_the_version_is_labelled_by_its_path_and_shown_by_the_given_one(tmp_path: Path) -> None:
    path = _write(tmp_path, "ru.txt", RU)
    version, document = load_file_version(path, "source", lang=None, shown_path="ru.txt")
    origins = document.origins
    assert (version.label, version.path, origins) == (path, "ru.txt", None)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StmtdiffError, match="is a folder, not a file"):
        load_file_version(str(tmp_path), "source", lang=None, shown_path="x")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StmtdiffError, match="no such file"):
        load_file_version(str(tmp_path / "no.txt"), "source", lang=None, shown_path="x")
