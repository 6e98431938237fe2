"""`stmtdiff.toml` manifests and how command-line inputs expand into versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from stmtdiff.adapters.ingest import VersionSpec, expand_inputs, load_manifest
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.model import Role

MANIFEST = """\
title = "Joint statement on the new era of partnership, 16 May 2024"

[[version]]
id = "ru"
label = "Kremlin, Russian original"
publisher = "Kremlin"
lang = "ru"
role = "original"
source = "ru-kremlin.txt"
date = 2024-05-16
translation = "translations/ru.en.txt"

[[version]]
id = "zh"
label = "Xinhua, Chinese original"
publisher = "Xinhua"
lang = "zh"
role = "original"
source = "https://www.news.cn/politics/2024-05/16/c_1130146.htm"
date = "2024-05-16"

[[version]]
id = "en-cn"
label = "Chinese MFA, English translation"
publisher = "MFA of China"
lang = "en"
role = "official translation"
source = "/srv/statements/en-mfa.txt"
"""


def write_manifest(folder: Path, text: str, name: str = "stmtdiff.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_manifest_lists_versions_in_order_with_paths_resolved_against_its_folder(
    tmp_path: Path,
) -> None:
    path = write_manifest(tmp_path / "set", MANIFEST)
    manifest = load_manifest(path)
    assert manifest.title == "Joint statement on the new era of partnership, 16 May 2024"
    assert manifest.versions == [
        VersionSpec(
            source=str(tmp_path / "set" / "ru-kremlin.txt"),
            id="ru",
            label="Kremlin, Russian original",
            publisher="Kremlin",
            lang="ru",
            role=Role.ORIGINAL,
            date="2024-05-16",
            translation=str(tmp_path / "set" / "translations" / "ru.en.txt"),
        ),
        VersionSpec(
            source="https://www.news.cn/politics/2024-05/16/c_1130146.htm",
            id="zh",
            label="Xinhua, Chinese original",
            publisher="Xinhua",
            lang="zh",
            role=Role.ORIGINAL,
            date="2024-05-16",
        ),
        VersionSpec(
            source="/srv/statements/en-mfa.txt",
            id="en-cn",
            label="Chinese MFA, English translation",
            publisher="MFA of China",
            lang="en",
            role=Role.OFFICIAL_TRANSLATION,
        ),
    ]


def test_folder_with_a_manifest_expands_to_its_versions(tmp_path: Path) -> None:
    write_manifest(tmp_path / "set", MANIFEST)
    specs = expand_inputs([str(tmp_path / "set"), str(tmp_path / "extra.txt")])
    assert [spec.id for spec in specs] == ["ru", "zh", "en-cn", None]
    assert specs[-1].source == str(tmp_path / "extra.txt")


def test_manifest_path_expands_like_its_folder(tmp_path: Path) -> None:
    path = write_manifest(tmp_path / "set", MANIFEST)
    assert expand_inputs([str(path)]) == expand_inputs([str(tmp_path / "set")])


def test_relative_manifest_paths_stay_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_manifest(tmp_path / "samples" / "set", MANIFEST)
    monkeypatch.chdir(tmp_path)
    specs = expand_inputs(["samples/set/"])
    assert specs[0].source == "samples/set/ru-kremlin.txt"


def test_files_urls_and_stdin_pass_through_unchanged(tmp_path: Path) -> None:
    inputs = ["ru.txt", "https://en.kremlin.ru/events/president/news/74040", "-"]
    assert expand_inputs(inputs) == [VersionSpec(source=item) for item in inputs]


def test_folder_without_manifest_is_refused_with_advice(tmp_path: Path) -> None:
    with pytest.raises(StmtdiffError) as caught:
        expand_inputs([str(tmp_path)])
    assert str(caught.value) == (
        f"{tmp_path} is a directory (give files, or a folder with a stmtdiff.toml)"
    )


def test_standard_input_can_be_named_only_once() -> None:
    with pytest.raises(StmtdiffError, match=r"^'-' \(standard input\) can be given only once$"):
        expand_inputs(["-", "-"])


def test_role_spelling_is_normalised(tmp_path: Path) -> None:
    path = write_manifest(
        tmp_path, '[[version]]\nsource = "en.txt"\nrole = "Unofficial_Translation"\n'
    )
    assert load_manifest(path).versions[0].role == "unofficial translation"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[version]]\nid = "ru"\nsource = "ru.txt"\nlanguage = "ru"\n',
            "version 1 (ru): unknown key 'language' (allowed: id, label, publisher, lang, "
            "role, source, date, translation)",
        ),
        (
            'titel = "Joint statement"\n[[version]]\nsource = "ru.txt"\n',
            "unknown key 'titel' (allowed at the top: title, version, check)",
        ),
        (
            '[[version]]\nid = "ru"\nlabel = "Kremlin"\n',
            "version 1 (ru): missing 'source' (a file path or URL)",
        ),
        (
            '[[version]]\nid = "ru"\nsource = "a.txt"\n[[version]]\nid = "ru"\nsource = "b.txt"\n',
            "version id 'ru' is used twice",
        ),
        (
            '[[version]]\nsource = "ru.txt"\nrole = "translation"\n',
            "version 1: role 'translation' is not one of: original, official translation, "
            "unofficial translation, readout",
        ),
        (
            '[[version]]\nsource = "ru.txt"\nlang = "Russian"\n',
            "version 1: lang 'Russian' is not a language code like 'ru'",
        ),
        (
            '[[version]]\nsource = "ru.txt"\ndate = "16.05.2024"\n',
            "version 1: date '16.05.2024' is not YYYY-MM-DD",
        ),
        ("[[version]]\nsource = 3\n", "version 1: 'source' must be a non-empty string"),
        (
            '[[version]]\nid = "ru en"\nsource = "ru.txt"\n',
            "version 1 (ru en): id 'ru en' may hold only letters, digits, . _ -",
        ),
        ('title = "Joint statement"\n', "no versions (add [[version]] tables with a source each)"),
    ],
)
def test_invalid_manifest_is_a_one_line_error_naming_it(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write_manifest(tmp_path, text)
    with pytest.raises(StmtdiffError) as caught:
        expand_inputs([str(tmp_path)])
    assert str(caught.value) == f"{path}: {message}"


def test_manifest_with_a_toml_syntax_error_says_where(tmp_path: Path) -> None:
    path = write_manifest(tmp_path, '[[version]\nsource = "ru.txt"\n')
    with pytest.raises(StmtdiffError) as caught:
        load_manifest(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not valid TOML (") and "line 1" in message
    assert "\n" not in message


def test_missing_manifest_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(StmtdiffError) as caught:
        load_manifest(tmp_path / "stmtdiff.toml")
    assert str(caught.value) == f"{tmp_path / 'stmtdiff.toml'}: no such manifest"
