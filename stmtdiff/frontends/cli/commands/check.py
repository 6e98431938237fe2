"""``stmtdiff check`` and ``stmtdiff approve``: fail CI when a translation falls out of step.

``check SOURCE TRANSLATION…`` (or, with no files, the ``[[check]]`` tables of stmtdiff.toml or
``[tool.stmtdiff]`` in pyproject.toml) aligns each translation to its source and reports what no
longer matches. ``approve`` (``check --update-lock``) records the current pairs in the lock file.
Exit status: 0 nothing at or above ``--fail-on``, 1 findings, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import io
import os
import sys

from stmtdiff.core.errors import StmtdiffError
from stmtdiff.frontends.cli.choices import DEFAULT_FAIL_ON, METHODS, RULES, SEVERITIES
from stmtdiff.frontends.cli.commands.options import add_color_argument, output_console, output_file
from stmtdiff.frontends.cli.translate_options import add_translation_arguments, settings_from_args

# What a running check needs is imported where it runs: ``--help`` declares this command too.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from stmtdiff.adapters.check.config import CheckSpec, FileSpec
    from stmtdiff.core.align.pairalign import Evidence
    from stmtdiff.core.check.findings import CheckReport
    from stmtdiff.core.check.glossary import Glossary
    from stmtdiff.core.check.lock import Lock
    from stmtdiff.core.model import MethodChoice, PairAlignment, Version

FORMATS = ("text", "json", "junit", "github", "sarif")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser(
        "check",
        help="check translations against their source (for CI)",
        description="Align each translation to its source and report missing, extra, "
        "untranslated and stale sentences, number, glossary, length and punctuation problems. "
        "With no files, run the [[check]] tables of stmtdiff.toml (or [tool.stmtdiff] in "
        "pyproject.toml). Exit status: 0 nothing at or above --fail-on, 1 findings, 2 error.",
    )
    _add_arguments(check)
    check.add_argument(
        "--update-lock",
        action="store_true",
        help="approve the current pairs: record them in the lock file, then check",
    )
    check.set_defaults(func=run)
    approve = subparsers.add_parser(
        "approve",
        help="record the current translation pairs in the lock file",
        description="Same as check --update-lock: record every aligned pair's hashes in the "
        "lock file (commit it), so a later source edit shows up as a stale translation.",
    )
    _add_arguments(approve)
    approve.set_defaults(func=run, update_lock=True)


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="the source, then its translations (none: the checks in stmtdiff.toml)",
    )
    parser.add_argument("--glossary", metavar="FILE", help="term pairs to enforce (TOML or CSV)")
    parser.add_argument("--lock", metavar="FILE", help="approval lock file (JSON)")
    parser.add_argument(
        "--config", metavar="FILE", help="stmtdiff.toml or pyproject.toml to read checks from"
    )
    parser.add_argument(
        "--lang",
        action="append",
        default=[],
        metavar="FILE=LANG",
        help="language of a file, when detection is not enough; repeatable",
    )
    parser.add_argument(
        "--method",
        choices=METHODS,
        default=None,
        help="how translations are aligned to the source (default: auto)",
    )
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=RULES,
        metavar="RULE",
        help=f"leave out a check; repeatable ({', '.join(RULES)})",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")
    add_color_argument(parser)
    parser.add_argument(
        "-o", "--output", metavar="FILE", type=output_file, help="write to FILE ('-': stdout)"
    )
    add_translation_arguments(parser, display=False)
    parser.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        default=DEFAULT_FAIL_ON,
        help="lowest severity that fails the run (default: error)",
    )


def run(args: argparse.Namespace) -> int:
    # The aligners load here, not when the command line is built (benchmarks/startup.py).
    from stmtdiff.adapters.offline import offline_evidence
    from stmtdiff.adapters.pipeline import machine_translate
    from stmtdiff.core.check.findings import CheckReport, Severity
    from stmtdiff.core.check.rules import check_translation
    from stmtdiff.core.text.visible import visible

    specs = _specs(args)
    if args.output:
        from stmtdiff.adapters.files.fsutil import refuse_to_replace

        refuse_to_replace(args.output, _reads(specs, args))
    loader = _Loader()
    evidence = offline_evidence()
    settings = settings_from_args(args)
    jobs = []
    for spec in specs:
        source = loader.version(spec.source, "source")
        glossary = loader.glossary(spec.glossary) if spec.glossary else None
        for number, file in enumerate(spec.translations, start=1):
            translation = loader.version(file, f"translation-{number}")
            (source, translation), notes = machine_translate([source, translation], settings)
            # Later checks of either file read it translated, as this one does.
            loader.keep(spec.source, "source", source)
            loader.keep(file, f"translation-{number}", translation)
            for note in notes:
                print(f"stmtdiff: {visible(note)}", file=sys.stderr)
            pair_evidence = _with_glossary(evidence, glossary, source.lang, translation.lang)
            alignment = _align(source, translation, spec.method, pair_evidence)
            jobs.append((spec, source, translation, alignment))
    if args.update_lock:
        _approve(jobs, loader)
    report = CheckReport(fail_on=Severity(args.fail_on))
    for spec, source, translation, alignment in jobs:
        lock = loader.lock(spec.lock) if spec.lock else None
        locked = lock.translations.get(_lock_key(spec.lock, translation)) if lock else None
        report.pairs.append(
            check_translation(
                source,
                translation,
                alignment,
                glossary=loader.glossary(spec.glossary) if spec.glossary else None,
                lock=locked,
                skip=spec.skip,
                source_origins=loader.origins.get(source.label),
                translation_origins=loader.origins.get(translation.label),
                source_has_lines=source.label not in loader.lineless,
                translation_has_lines=translation.label not in loader.lineless,
            )
        )
    _emit(report, args)
    return report.exit_code


def _specs(args: argparse.Namespace) -> list[CheckSpec]:
    from stmtdiff.adapters.check.config import CheckSpec, FileSpec, parse_config
    from stmtdiff.core.model import MethodChoice

    langs = _langs(args.lang)
    skip = frozenset(args.skip)
    if args.files:
        if len(args.files) < 2:
            raise StmtdiffError(
                "check needs a source and at least one translation "
                "(or no files, to run the checks in stmtdiff.toml)"
            )
        if args.update_lock and not args.lock:
            raise StmtdiffError("approving needs a lock file to write: give --lock FILE")
        files = [
            FileSpec(f, langs.get(f) or langs.get(str(n))) for n, f in enumerate(args.files, 1)
        ]
        return [
            CheckSpec(
                source=files[0],
                translations=files[1:],
                glossary=args.glossary,
                lock=args.lock,
                method=MethodChoice(args.method or MethodChoice.AUTO),
                skip=skip,
            )
        ]
    path = args.config or _find_config()
    specs = parse_config(_read(path, "config file"), path)
    for spec in specs:
        spec.glossary = args.glossary or spec.glossary
        spec.lock = args.lock or spec.lock
        spec.method = MethodChoice(args.method or spec.method)
        spec.skip = spec.skip | skip
        spec.source = _relang(spec.source, langs)
        spec.translations = [_relang(t, langs) for t in spec.translations]
        if args.update_lock and not spec.lock:
            raise StmtdiffError(
                f'{path}: approving needs a lock file: add lock = "FILE" to the check '
                f"of {spec.source.path}, or give --lock FILE"
            )
    return specs


def _reads(specs: list[CheckSpec], args: argparse.Namespace) -> list[str | None]:
    """Every file the checks read (or approve into): none may be replaced by ``-o``."""
    from stmtdiff.adapters.check.config import CONFIG_NAMES

    reads: list[str | None] = [*args.files, args.config, *CONFIG_NAMES]
    for spec in specs:
        reads.extend((spec.source.path, spec.glossary, spec.lock))
        reads.extend(t.path for t in spec.translations)
    return reads


def _relang(spec: FileSpec, langs: dict[str, str]) -> FileSpec:
    from stmtdiff.adapters.check.config import FileSpec

    return FileSpec(spec.path, langs.get(spec.path) or spec.lang)


def _langs(values: list[str]) -> dict[str, str]:
    table = {}
    for value in values:
        key, sep, lang = value.rpartition("=")
        if not sep or not key or not lang:
            raise StmtdiffError(f"--lang expects FILE=LANG, got {value!r}")
        table[key] = lang
    return table


def _find_config() -> str:
    from pathlib import Path

    from stmtdiff.adapters.check.config import find_config

    found = find_config(Path.cwd())
    if found is None:
        raise StmtdiffError(
            "no files given, and no stmtdiff.toml (or [tool.stmtdiff] in pyproject.toml) here "
            "or in a parent folder up to the repository root: give SOURCE TRANSLATION…, "
            "or --config FILE"
        )
    return os.path.relpath(found)


def _read(path: str, what: str) -> str:
    from pathlib import Path

    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise StmtdiffError(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise StmtdiffError(f"{path}: is a folder, not a {what}") from None
    except OSError as error:
        raise StmtdiffError(f"{path}: cannot read {what} ({error.strerror or error})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StmtdiffError(f"{path}: {what} is not UTF-8 text") from None


def _display(path: str) -> str:
    """A path as reports show it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


class _Loader:
    """Reads each file once, however many checks name it."""

    def __init__(self) -> None:
        self.versions: dict[tuple[str, str | None, str], Version] = {}
        #: Per version label, where each line of an HTML page's extracted text begins in the file.
        self.origins: dict[str, list[tuple[int, int] | None] | None] = {}
        #: Version labels of files without lines (DOCX, PDF).
        self.lineless: set[str] = set()
        self.glossaries: dict[str, Glossary] = {}
        self.locks: dict[str, Lock] = {}

    def version(self, spec: FileSpec, version_id: str) -> Version:
        key = (spec.path, spec.lang, version_id)
        if key not in self.versions:
            from stmtdiff.adapters.pipeline import load_file_version

            version, document = load_file_version(
                spec.path, version_id, lang=spec.lang, shown_path=_display(spec.path)
            )
            self.versions[key] = version
            self.origins[spec.path] = document.origins
            if not document.has_lines:
                self.lineless.add(spec.path)
        return self.versions[key]

    def keep(self, spec: FileSpec, version_id: str, version: Version) -> None:
        """Give later reads of the file ``version`` (the same version, now translated)."""
        self.versions[(spec.path, spec.lang, version_id)] = version

    def glossary(self, path: str) -> Glossary:
        if path not in self.glossaries:
            from stmtdiff.core.check.glossary import parse_glossary

            self.glossaries[path] = parse_glossary(_read(path, "glossary"), _display(path))
        return self.glossaries[path]

    def lock(self, path: str) -> Lock:
        if path not in self.locks:
            from pathlib import Path

            if not Path(path).exists():
                raise StmtdiffError(
                    f"{path}: no such lock file (create it with stmtdiff approve --lock {path})"
                )
            from stmtdiff.adapters.check.lockfile import read_lock

            self.locks[path] = read_lock(path, _display(path))
        return self.locks[path]


def _align(
    source: Version, translation: Version, method: MethodChoice, evidence: Evidence
) -> PairAlignment:
    from pathlib import Path

    from stmtdiff.core.compare.compare import compare

    if Path(source.label).resolve() == Path(translation.label).resolve():
        raise StmtdiffError(f"{source.label} is both the source and a translation")
    # A translation checked against its source is a translation by definition, however much
    # shorter or longer it has become.
    comparison = compare(
        [source, translation], pivot=0, method=method, evidence=evidence, parallel=True
    )
    return comparison.alignments[0]


def _with_glossary(
    evidence: Evidence, glossary: Glossary | None, src_lang: str, tgt_lang: str
) -> Evidence:
    """The glossary's term pairs as aligner evidence too: a term and its translation anchor."""
    if glossary is None:
        return evidence
    lexicon = glossary.lexicon(src_lang, tgt_lang, evidence.keys(src_lang), evidence.keys(tgt_lang))
    if not lexicon:
        return evidence
    from dataclasses import replace

    return replace(evidence, glossary=[*evidence.glossary, lexicon])


def _lock_key(lock_path: str | None, version: Version) -> str:
    """A file as the lock names it: relative to the lock file, with forward slashes."""
    from pathlib import Path

    folder = os.path.dirname(os.path.abspath(lock_path or "."))
    return Path(os.path.relpath(os.path.abspath(version.label), folder)).as_posix()


def _approve(
    jobs: list[tuple[CheckSpec, Version, Version, PairAlignment]], loader: _Loader
) -> None:
    from stmtdiff.adapters.check.lockfile import update_lock_file
    from stmtdiff.core.check.rules import aligned_texts

    approvals: dict[str, list[tuple[str, str, list[tuple[str, str]]]]] = {}
    for spec, source, translation, alignment in jobs:
        assert spec.lock is not None  # _specs refuses approval without a lock
        glossary = loader.glossary(spec.glossary) if spec.glossary else None
        pairs = aligned_texts(source, translation, alignment, glossary=glossary)
        approvals.setdefault(spec.lock, []).append(
            (_lock_key(spec.lock, translation), _lock_key(spec.lock, source), pairs)
        )
    for path, entries in approvals.items():
        loader.locks[path] = update_lock_file(path, entries, _display(path))
        count = sum(len(pairs) for *_, pairs in entries)
        print(f"approved {count} sentence pairs in {path}", file=sys.stderr)


def _render(report: CheckReport, args: argparse.Namespace) -> str | None:
    from stmtdiff.frontends.report.check_github import render_github
    from stmtdiff.frontends.report.check_json import render_check_json
    from stmtdiff.frontends.report.check_junit import render_junit
    from stmtdiff.frontends.report.check_sarif import render_sarif
    from stmtdiff.frontends.report.check_text import render_check_text

    renderers = {
        "json": render_check_json,
        "junit": render_junit,
        "github": render_github,
        "sarif": render_sarif,
    }
    if args.format in renderers:
        return renderers[args.format](report)
    # One console rule for both paths, so ``> f`` and ``-o f`` write the same text.
    buffer = io.StringIO() if args.output else None
    render_check_text(report, output_console(args.color, buffer))
    return None if buffer is None else buffer.getvalue()


def _emit(report: CheckReport, args: argparse.Namespace) -> None:
    text = _render(report, args)
    if args.output:
        from stmtdiff.adapters.files.fsutil import write_atomic

        assert text is not None
        write_atomic(args.output, text)
        print(f"wrote {args.output}: {report.summary()}", file=sys.stderr)
    elif text is not None:
        sys.stdout.write(text)
