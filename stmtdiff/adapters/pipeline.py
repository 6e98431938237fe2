"""From command-line inputs to a ``Comparison``: the one path every front end takes.

This is where I/O happens (reading files, pages, translations); the core it calls does none.
compare, tui, check and demo all build their comparison here, so they never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from stmtdiff.adapters.ingest import Document, VersionSpec, expand_inputs, load_document
from stmtdiff.adapters.ingest.sources import is_url, manifest_path
from stmtdiff.adapters.ingest.subjects import load_subject_table
from stmtdiff.adapters.offline import offline_evidence
from stmtdiff.adapters.translate.settings import TranslationSettings
from stmtdiff.core.align.pairalign import align_pair
from stmtdiff.core.compare.compare import MAX_VERSIONS, compare
from stmtdiff.core.compare.subjects import SubjectTable
from stmtdiff.core.compare.summary import summarize
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.model import Comparison, MethodChoice, Version
from stmtdiff.core.text.langid import detect_language
from stmtdiff.core.text.scripts import base_language, sentence_separator
from stmtdiff.core.text.versions import DETECT_SAMPLE, make_version


@dataclass(slots=True)
class Request:
    """What the user asked to compare, and how."""

    inputs: list[str]
    pivot: str | None = None
    #: Language overrides: key "" applies to every version, else a version id or 1-based position.
    langs: dict[str, str] = field(default_factory=dict)
    method: MethodChoice = MethodChoice.AUTO
    #: Translation files per version id or 1-based position: one sentence per line.
    translation_files: dict[str, str] = field(default_factory=dict)
    #: Machine translation; ``None`` or an engine of ``None`` sends nothing anywhere.
    translation: TranslationSettings | None = None
    #: Read URLs from the page cache only, never from the network.
    offline: bool = False
    #: The report's title (``--title``); ``None``: the manifest's, else made from the labels.
    title: str | None = None
    #: Labels per version id or 1-based position (``--label``), over the manifest's.
    labels: dict[str, str] = field(default_factory=dict)
    #: Subject tables (``--watch``) added to the shipped one for the "who said what" summary.
    watch: list[str] = field(default_factory=list)
    #: The versions are accounts of one event (``--readouts``), matched fact by fact.
    readouts: bool = False


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """How a request's loaded versions are compared: the one value the first comparison and
    every later one around another pivot (the TUI's) share, so a pivot change keeps the mode
    (``--readouts``), the method and the subjects (``--watch``) of the run. Translations travel
    with the versions themselves."""

    method: MethodChoice = MethodChoice.AUTO
    readouts: bool = False
    #: The subject table of the summary and of names only one account gives; ``None``: the
    #: shipped one with the config file's watch files.
    subjects: SubjectTable | None = None

    def compare(self, versions: Sequence[Version], pivot: str | int = 0) -> Comparison:
        """The comparison around ``pivot``, with its "who said what" summary."""
        subjects = self.subjects if self.subjects is not None else load_subject_table()
        comparison = compare(
            versions,
            pivot=pivot,
            method=self.method,
            evidence=offline_evidence(),
            readouts=self.readouts,
            subjects=subjects,
        )
        return replace(comparison, who_said_what=summarize(comparison, subjects))


def compare_options(request: Request) -> CompareOptions:
    """The request's options of comparison, its watch files read once."""
    return CompareOptions(
        method=request.method,
        readouts=request.readouts,
        subjects=load_subject_table(request.watch),
    )


def _version_id(spec: VersionSpec, taken: set[str]) -> str:
    base = spec.id or _slug(Path(spec.source).stem if spec.source != "-" else "stdin")
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _slug(name: str) -> str:
    return re.sub(r"[^\w.-]+", "-", name).strip("-") or "version"


def _lookup(table: dict[str, str], version_id: str, position: int) -> str | None:
    return table.get(version_id) or table.get(str(position)) or table.get("")


def load_versions(request: Request) -> list[Version]:
    """Read and segment every version named by the request, in order."""
    specs = expand_inputs(request.inputs)
    if len(specs) < 2:
        raise StmtdiffError(
            f"compare needs at least 2 versions, got {len(specs)} (give two or more files)"
        )
    if len(specs) > MAX_VERSIONS:
        raise StmtdiffError(f"compare takes at most {MAX_VERSIONS} versions, got {len(specs)}")
    taken: set[str] = set()
    versions: list[Version] = []
    for position, spec in enumerate(specs, start=1):
        document = load_document(spec.source, offline=request.offline)
        version_id = _version_id(spec, taken)
        lang = _lookup(request.langs, version_id, position) or spec.lang
        version = make_version(
            version_id,
            document.text,
            lang=lang,
            label=_lookup(request.labels, version_id, position)
            or spec.label
            or document.title
            or Path(spec.source).name,
            path=spec.source,
            publisher=spec.publisher or document.publisher,
            date=spec.date or document.date,
            role=spec.role,
        )
        version = replace(version, url=spec.url or (spec.source if is_url(spec.source) else None))
        translation = _lookup(request.translation_files, version_id, position)
        if translation is None and spec.translation:
            translation = spec.translation
        if translation is not None:
            version = attach_translation_file(version, translation)
        versions.append(version)
    _check_unknown_keys(request, versions)
    return versions


def load_file_version(
    path: str, version_id: str, *, lang: str | None, shown_path: str
) -> tuple[Version, Document]:
    """One local file as a version, for ``check``: read and segmented as :func:`load_versions`
    does (``lang`` when given, else detected), labelled by its path.

    Also returns the loaded document: where each line of an HTML page's extracted text begins in
    the file, and whether the file has lines at all (DOCX, PDF do not), so that check's findings
    can point into the file itself.
    """
    if Path(path).is_dir():
        raise StmtdiffError(f"{path}: is a folder, not a file")
    if not Path(path).is_file():
        raise StmtdiffError(f"{path}: no such file")
    document = load_document(path)
    version = make_version(version_id, document.text, lang=lang, label=path, path=shown_path)
    return version, document


def _check_unknown_keys(request: Request, versions: Sequence[Version]) -> None:
    known = {v.id for v in versions} | {str(i) for i in range(1, len(versions) + 1)} | {""}
    tables = (
        ("--lang", request.langs),
        ("--translation", request.translation_files),
        ("--label", request.labels),
    )
    for option, table in tables:
        for key in table:
            if key not in known:
                raise StmtdiffError(
                    f"{option} names unknown version {key!r} "
                    f"(versions: {', '.join(v.id for v in versions)})"
                )


def attach_translation_file(version: Version, path: str, *, segmented: bool = False) -> Version:
    """``version`` with a translation file attached: one translated sentence per line, or a
    whole text, which is segmented and aligned to the version's sentences (cross-language).

    ``segmented``: the version was given one sentence per line, so its translation must be too.
    """
    document = load_document(path)
    text = document.text
    lines = text.splitlines() if segmented else [ln.strip() for ln in text.splitlines()]
    if not segmented:
        lines = [line for line in lines if line]
    engine = f"file:{Path(path).name}"
    if len(lines) == len(version.sentences):
        return replace(
            version,
            translations=list(lines),
            translation_lang=detect_language(text[:DETECT_SAMPLE]),
            translation_engine=engine,
        )
    if segmented:
        raise StmtdiffError(
            f"{path}: {len(lines)} lines, but {version.path or version.id} has "
            f"{len(version.sentences)} (a translation of segmented input needs one line per "
            "sentence)"
        )
    translated = make_version("translation", text)
    if not translated.sentences:
        raise StmtdiffError(f"{path}: the translation is empty")
    return replace(
        version,
        translations=translations_by_alignment(version, translated),
        translation_lang=translated.lang,
        translation_engine=engine,
    )


def translations_by_alignment(version: Version, translated: Version) -> list[str | None]:
    """Each sentence's translation, from a whole translated text aligned to the version.

    A translated sentence aligned to several of the version's sentences goes to the first of
    them (the others get an empty translation, so the group still reads whole); translated
    sentences aligned to nothing join the previous sentence's translation; sentences nothing
    translates get none.
    """
    pair = align_pair(version, translated, evidence=offline_evidence())
    parts: list[list[str]] = [[] for _ in version.sentences]
    covered = [False] * len(version.sentences)
    previous = 0
    for bead in pair.beads:
        texts = [translated.sentences[j].text for j in bead.tgt]
        if bead.src:
            for i in bead.src:
                covered[i] = bool(bead.tgt)
            previous = bead.src[0]
        if texts:
            parts[previous].extend(texts)
    separator = sentence_separator(translated.lang)
    return [
        separator.join(texts) if texts else ("" if covered[i] else None)
        for i, texts in enumerate(parts)
    ]


def machine_translate(
    versions: Sequence[Version], settings: TranslationSettings
) -> tuple[list[Version], list[str]]:
    """The versions, each not in the target language and without a translation file now with
    a machine translation, and notes for the reader: which engine was used, and which
    sentences have no translation (offline, nothing cached) and so fall back to the offline
    aligners. Only translates when the user named an engine.
    """
    engine = settings.engine
    if engine is None:
        return list(versions), []
    # Imported here: the HTTP clients behind the engines are only needed once one is asked for.
    from stmtdiff.adapters.translate.service import translate_sentences

    notes: list[str] = []
    target = base_language(settings.target)
    out: list[Version] = []
    for version in versions:
        if version.translations is not None or version.base_lang == target:
            out.append(version)
            continue
        result = translate_sentences([s.text for s in version.sentences], version.lang, settings)
        out.append(
            replace(
                version,
                translations=result.translations,
                translation_lang=settings.target,
                translation_engine=result.engine,
            )
        )
        if result.missing:
            notes.append(
                f"{version.display_label}: {len(result.missing)} of {len(version.sentences)} "
                f"sentences have no cached {result.engine} translation (offline); "
                "they are aligned without one"
            )
        notes.extend(result.notices)
    translated = [v.display_label for v in out if v.translation_engine == engine]
    if translated:
        notes.insert(
            0, f"machine translation into {settings.target} by {engine}: " + ", ".join(translated)
        )
    return out, notes


def statement_title(inputs: Sequence[str]) -> str | None:
    """The title of the first manifest among the inputs, if it has one."""
    for item in inputs:
        if item != "-" and not is_url(item) and (path := manifest_path(item)) is not None:
            from stmtdiff.adapters.ingest.manifest import load_manifest  # TOML: sets only

            title = load_manifest(path).title
            if title:
                return title
    return None


def build_comparison(request: Request, options: CompareOptions | None = None) -> Comparison:
    """Load, segment, translate when asked, and compare: the whole pipeline for one request.
    ``options``: the request's (``compare_options``), given by a caller that compares again."""
    options = options or compare_options(request)
    versions = load_versions(request)
    notes: list[str] = []
    if request.translation:
        versions, notes = machine_translate(versions, request.translation)
    pivot: str | int = 0
    if request.pivot is not None:
        pivot = _resolve_pivot(request.pivot, versions)
    comparison = options.compare(versions, pivot)
    return replace(
        comparison,
        title=request.title or statement_title(request.inputs),
        notes=[*notes, *comparison.notes],
    )


def _resolve_pivot(value: str, versions: Sequence[Version]) -> str | int:
    if value.isdigit():
        return int(value) - 1
    return value
