"""Read subject tables: the one shipped in ``stmtdiff/data/subjects.toml``, the user's
``--watch`` files, and the files the config file's ``watch = [...]`` names.

Two formats. TOML, one table per category, one entry per subject::

    [country]
    ukraine = { en = ["Ukraine", "Ukrainian*"], ru = ["Украин*"], zh = ["乌克兰"] }

and, for quick lists, tab-separated lines ``id<TAB>form|form[<TAB>category]`` (category
``topic`` when left out; ``#`` starts a comment). A file is TOML when its name ends in ``.toml``.
An entry whose id the table already has adds its forms to that subject. Form syntax: see
``stmtdiff.core.compare.subjects``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from stmtdiff.adapters.files.cachefiles import prepared, user_cache_dir
from stmtdiff.adapters.translate.config import default_config_path, read_config_document
from stmtdiff.core.compare.subjects import (
    CATEGORIES,
    TABLE_LANGS,
    Subject,
    SubjectTable,
    form_error,
    merge,
)
from stmtdiff.core.compare.subjects import subject as make_subject
from stmtdiff.core.errors import StmtdiffError


def _line_of(text: str, key: str) -> int:
    """1-based line where ``key`` is defined, as ``key = ...`` or ``[key]`` (TOML parsers do
    not say); 1 when not found."""
    name = rf'"?{re.escape(key)}"?'
    pattern = re.compile(rf"^[ \t]*(?:{name}[ \t]*=|\[[ \t]*{name}[ \t]*\])", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def parse_toml_subjects(text: str, source: str) -> list[Subject]:
    """Subjects of a TOML table; ``source`` names it in errors (``file:line: ...``). Lines are
    looked for only when there is an error to report: finding the 200 shipped keys' lines took
    as long as compiling their patterns."""
    import tomllib  # ~5 ms: the shipped table is read from its prepared form

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise StmtdiffError(f"{source}: not a valid subject table: {error}") from error
    subjects: list[Subject] = []
    for category, entries in document.items():
        if category not in CATEGORIES or not isinstance(entries, dict):
            raise StmtdiffError(
                f"{source}:{_line_of(text, category)}: {category!r} is not a category table "
                f"(use [{'], ['.join(CATEGORIES)}])"
            )
        for subject_id, entry in entries.items():
            try:
                subjects.append(_toml_entry(subject_id, category, entry))
            except _EntryError as error:
                raise StmtdiffError(f"{source}:{_line_of(text, subject_id)}: {error}") from None
    return subjects


class _EntryError(Exception):
    """What is wrong with one TOML entry; the caller adds where it is."""


def _toml_entry(subject_id: str, category: str, entry: Any) -> Subject:
    if not isinstance(entry, dict):
        raise _EntryError(f"{subject_id} must be a table such as {{ en = [...] }}")
    forms: dict[str, list[str]] = {}
    for lang, value in entry.items():
        if lang not in TABLE_LANGS:
            raise _EntryError(
                f"{subject_id}: unknown language {lang!r} (use {', '.join(TABLE_LANGS)})"
            )
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise _EntryError(f"{subject_id}.{lang} must be a list of strings")
        for form in values:
            problem = form_error(form)
            if problem is not None:
                raise _EntryError(problem)
        forms[lang] = values
    if not any(forms.values()):
        raise _EntryError(f"{subject_id} has no forms")
    return make_subject(subject_id, category, forms)


def _checked(form: str, where: str) -> str:
    problem = form_error(form)
    if problem is not None:
        raise StmtdiffError(f"{where}: {problem}")
    return form


def parse_tsv_subjects(text: str, source: str) -> list[Subject]:
    """Subjects of ``id<TAB>form|form[<TAB>category]`` lines."""
    subjects: list[Subject] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{source}:{number}"
        fields = [part.strip() for part in line.split("\t")]
        if len(fields) not in (2, 3) or not fields[0] or not fields[1]:
            raise StmtdiffError(f"{where}: expected id<TAB>form|form[<TAB>category], got {raw!r}")
        category = fields[2] if len(fields) == 3 else "topic"
        if category not in CATEGORIES:
            raise StmtdiffError(
                f"{where}: unknown category {category!r} (use {', '.join(CATEGORIES)})"
            )
        forms = [_checked(form.strip(), where) for form in fields[1].split("|")]
        subjects.append(Subject(fields[0], category, tuple(forms), fields[0]))
    return subjects


def read_watch_file(path: str | Path) -> list[Subject]:
    """The subjects of one watch file (TOML or TSV, by its name)."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise StmtdiffError(f"cannot read watch file {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise StmtdiffError(f"watch file {path} is not UTF-8 text") from error
    if path.suffix.lower() == ".toml":
        return parse_toml_subjects(text, str(path))
    return parse_tsv_subjects(text, str(path))


#: The table that ships with stmtdiff (a wheel installs its data as files; ``importlib.resources``
#: would cost ~5 ms of imports to find the same path).
BUILTIN_TABLE = Path(__file__).parents[2] / "data" / "subjects.toml"
#: Bump when the prepared form of a table changes, or what a table's text parses to.
_PREPARED_VERSION = 1


@cache
def builtin_subjects() -> tuple[Subject, ...]:
    """The table that ships with stmtdiff, parsed once and kept prepared in the cache folder
    (``cachefiles.prepared``), named by the table's CRC-32 and size (``hashlib`` would cost
    ~3 ms to import). Parsing the TOML (and importing ``tomllib``) took ~20 ms of a two-sentence
    compare; the prepared form reads back in ~0.3 ms."""
    data = BUILTIN_TABLE.read_bytes()

    def parse() -> list[tuple[str, str, tuple[str, ...], str]]:
        subjects = parse_toml_subjects(data.decode("utf-8"), BUILTIN_TABLE.name)
        return [(item.id, item.category, item.forms, item.name) for item in subjects]

    stem = f"subjects-{zlib.crc32(data):08x}-{len(data)}"
    rows = prepared(user_cache_dir(), stem, _PREPARED_VERSION, parse)
    return tuple(Subject(*fields) for fields in rows)


def config_watch_files(path: Path | None = None) -> list[Path]:
    """The files the config file's top-level ``watch`` list names, relative to the config file."""
    path = default_config_path() if path is None else path
    value = read_config_document(path).get("watch", [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise StmtdiffError(f"config file {path}: watch must be a list of file names")
    return [path.parent / Path(item).expanduser() for item in value]


def load_subject_table(
    watch: Sequence[str | Path] = (), *, config: Path | None = None
) -> SubjectTable:
    """The shipped table, extended by the config file's watch files, then by ``watch``."""
    files = [*config_watch_files(config), *watch]
    if not files:
        return _builtin_table()
    subjects = list(builtin_subjects())
    for path in files:
        subjects.extend(read_watch_file(path))
    return SubjectTable(merge(subjects))


@cache
def _builtin_table() -> SubjectTable:
    """Compiled once per process: the patterns of ~900 forms take 0.3 s to compile."""
    return SubjectTable(builtin_subjects())
