"""The glossary: term pairs a translation must respect, read from TOML, CSV or TSV, matched
across inflection; the aligners take its pairs as lexicon evidence too (:meth:`Glossary.lexicon`).

A glossary entry gives one term in several languages, each with accepted alternatives. When the
source sentence contains the entry's source-language term, the translation must contain one of
its translation-language forms. Russian inflects: ``Шанхайская организация сотрудничества``
must also be found as ``Шанхайской организации сотрудничества``, so words of inflecting
languages match on their stem; ``*`` in a term matches any word ending explicitly.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass, field

from stmtdiff.core.align.lexicon import KeyMaker, Lexicon
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.text.normalize import canonical
from stmtdiff.core.text.scripts import BaseLang, base_language, has_cjk

#: Languages whose words change their endings; their glossary words match on the stem.
INFLECTING = frozenset({"ru", "uk", "be", "bg", "sr", "pl", "cs"})
#: Separates alternatives in a CSV cell: ``Organisation | Organization``.
CSV_ALTERNATIVES = "|"
_WORD = re.compile(r"\w+\*?|\*|[^\w\s]", re.UNICODE)
#: A line with its ``\n``, as ``io.StringIO`` yields them to the csv reader (the core reads no
#: streams): only ``\n`` ends one, so a ``\r`` or a line separator in a quoted cell stays in it.
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def normalise(text: str) -> str:
    """What glossary matching sees: canonical text, case-folded, ``ё`` read as ``е``."""
    return canonical(text).casefold().replace("ё", "е")


def _literal(word: str, lang: BaseLang) -> str:
    """The part of a glossary word any match must contain: the word, its stem, or its prefix."""
    if word.endswith("*"):
        return word[:-1]
    inflects = lang in INFLECTING and len(word) > 3 and word.isalpha()
    if inflects and not has_cjk(word):
        return word[:-2] if len(word) > 5 else word[:-1]
    return word


def _word_pattern(word: str, lang: BaseLang) -> str:
    literal = re.escape(_literal(word, lang))
    if word.endswith("*"):
        return literal + r"\w*"
    if literal != re.escape(word):
        return literal + r"\w{0,4}"
    return literal


@dataclass(frozen=True, slots=True)
class TermPattern:
    """A compiled glossary form, with a literal every match contains to skip the regex fast."""

    form: str
    pattern: re.Pattern[str]
    literal: str

    def search(self, normalised: str) -> bool:
        return self.literal in normalised and self.pattern.search(normalised) is not None


def term_pattern(term: str, lang: BaseLang) -> TermPattern:
    """A matcher for ``term`` in normalised text: whole words, stems for inflecting languages."""
    words = [w for w in _WORD.findall(normalise(term)) if w != "*"]
    if not words:
        raise StmtdiffError(f"empty glossary term for {lang}")
    cjk = has_cjk(term)
    joiner = r"\s*" if cjk else r"\s+"
    body = ""
    for index, word in enumerate(words):
        if index:
            glue = r"\s*" if not word[0].isalnum() or not words[index - 1][-1].isalnum() else joiner
            body += glue
        body += _word_pattern(word, lang)
    pattern = re.compile(body if cjk else rf"(?<!\w){body}(?!\w)")
    literal = max((_literal(word, lang) for word in words), key=len)
    return TermPattern(term, pattern, literal)


@dataclass(slots=True)
class Term:
    """One glossary entry: its forms per language (alternatives in order of preference)."""

    forms: dict[BaseLang, list[str]]
    #: Where the entry is defined, for messages: "entry 3" or "line 4".
    where: str
    _patterns: dict[BaseLang, list[TermPattern]] = field(default_factory=dict, repr=False)

    def patterns(self, lang: BaseLang) -> list[TermPattern]:
        if lang not in self._patterns:
            self._patterns[lang] = [term_pattern(form, lang) for form in self.forms.get(lang, [])]
        return self._patterns[lang]

    def find(self, normalised: str, lang: BaseLang) -> str | None:
        """The glossary form of the term that a normalised text contains (inflected or not)."""
        for matcher in self.patterns(lang):
            if matcher.search(normalised):
                return matcher.form
        return None


@dataclass(slots=True)
class Glossary:
    path: str
    terms: list[Term]

    def relevant(self, source_lang: BaseLang, translation_lang: BaseLang) -> list[Term]:
        """Entries that give both languages of a pair."""
        return [t for t in self.terms if t.forms.get(source_lang) and t.forms.get(translation_lang)]

    def lexicon(
        self, source_lang: str, translation_lang: str, source_keys: KeyMaker, target_keys: KeyMaker
    ) -> Lexicon:
        """The entries' term pairs as an aligner lexicon: every key of a source form paired with
        every key of a translation form, so a term and its translation anchor the alignment."""
        src, tgt = base_language(source_lang), base_language(translation_lang)
        pairs: list[tuple[str, str]] = []
        for term in self.relevant(src, tgt):
            for left in term.forms[src]:
                for right in term.forms[tgt]:
                    for key in source_keys.keys(left):
                        pairs.extend((key, other) for other in target_keys.keys(right))
        return Lexicon.from_pairs(src, tgt, pairs)


@dataclass(frozen=True, slots=True)
class GlossaryMiss:
    term: Term
    #: The glossary's form of the term found in the source sentence.
    source_form: str


def check_terms(
    terms: list[Term],
    source: str,
    source_lang: BaseLang,
    translation: str,
    translation_lang: BaseLang,
) -> list[GlossaryMiss]:
    """Entries found in the source sentence whose translation is absent from the translation."""
    misses = []
    source, translation = normalise(source), normalise(translation)
    for term in terms:
        form = term.find(source, source_lang)
        if form is None or term.find(translation, translation_lang) is not None:
            continue
        misses.append(GlossaryMiss(term, form))
    return misses


def _forms(value: object, where: str, lang: str, path: str) -> list[str]:
    values = value if isinstance(value, list) else [value]
    forms = []
    for item in values:
        if not isinstance(item, str):
            raise StmtdiffError(f"{path}: {where}: {lang} must be text or a list of texts")
        if not item.strip():
            raise StmtdiffError(f"{path}: {where}: {lang} is an empty term")
        forms.append(item.strip())
    return forms


def _language_key(key: str) -> bool:
    return bool(re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)?", key))


def parse_toml(text: str, path: str) -> Glossary:
    """``[[term]]`` tables with one key per language: ``ru = "…"``, ``en = ["…", "…"]``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise StmtdiffError(f"{path}: not valid TOML ({error})") from None
    entries = data.get("term")
    if not isinstance(entries, list) or not entries:
        raise StmtdiffError(f"{path}: no [[term]] tables (each gives a term per language)")
    terms = []
    for number, entry in enumerate(entries, start=1):
        where = f"entry {number}"
        if not isinstance(entry, dict):
            raise StmtdiffError(f"{path}: {where} is not a table")
        forms = {
            base_language(key): _forms(value, where, key, path)
            for key, value in entry.items()
            if _language_key(key)
        }
        terms.append(_entry({k: v for k, v in forms.items() if v}, where, path))
    return _checked(Glossary(path, terms))


def _csv_rows(text: str, path: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Non-blank rows with the file line each starts on; malformed quoting is an error.

    The csv module's lenient mode reads an unterminated quote to the end of the file as one cell,
    silently swallowing every term after it; strict mode plus a check for line breaks inside a
    cell (no term spans lines) turns that into a message naming the line the quote opened on.
    """
    lines = _LINE.findall(text.lstrip("\ufeff"))
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            raise StmtdiffError(
                f"{path}: line {start}: malformed quoting ({error}); a quote opened here "
                "is not closed where the cell ends"
            ) from None
        if any("\n" in cell or "\r" in cell for cell in row):
            raise StmtdiffError(
                f"{path}: line {start}: a quote opened here runs over {reader.line_num - start} "
                "line break(s): a term cannot span lines"
            )
        if any(cell.strip() for cell in row):
            rows.append((start, row))
        start = reader.line_num + 1


def parse_csv(text: str, path: str, delimiter: str = ",") -> Glossary:
    """A header row of language codes, then one entry per row; ``|`` separates alternatives."""
    rows = _csv_rows(text, path, delimiter)
    if len(rows) < 2:
        raise StmtdiffError(f"{path}: needs a header row of language codes and at least one term")
    header = [cell.strip() for cell in rows[0][1]]
    languages = [base_language(cell) if _language_key(cell) else None for cell in header]
    if sum(lang is not None for lang in languages) < 2:
        raise StmtdiffError(
            f"{path}: the header must name at least two languages (e.g. ru,en,zh), got "
            f"{delimiter.join(header)}"
        )
    terms = []
    for line, row in rows[1:]:
        if len(row) != len(header):
            raise StmtdiffError(
                f"{path}: line {line} has {len(row)} cells, the header has {len(header)} "
                "(an unquoted separator inside a term?)"
            )
        forms: dict[BaseLang, list[str]] = {}
        for lang, cell in zip(languages, row, strict=True):
            if lang is None:
                continue
            alternatives = [part.strip() for part in cell.split(CSV_ALTERNATIVES) if part.strip()]
            if alternatives:
                forms[lang] = alternatives
        terms.append(_entry(forms, f"line {line}", path))
    return _checked(Glossary(path, terms))


def parse_pairs(text: str, path: str, source_lang: str, target_lang: str) -> Glossary:
    """``source<TAB>target`` per line, no header (``align --glossary``); ``#`` starts a comment.

    One term may be listed twice here (several translations of it are all evidence).
    """
    src, tgt = base_language(source_lang), base_language(target_lang)
    terms = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "\t" not in line:
            raise StmtdiffError(f"{path}:{number}: expected 'source<TAB>target'")
        left, right = line.split("\t", 1)
        terms.append(Term({src: [left], tgt: [right]}, f"line {number}"))
    return Glossary(path, terms)


def parse_pair_glossary(text: str, path: str, source_lang: str, target_lang: str) -> Glossary:
    """A glossary for one language pair: TOML, CSV, a TSV whose header names languages, or else
    ``source<TAB>target`` pairs (:func:`parse_pairs`)."""
    lower = path.lower()
    if lower.endswith(".toml"):
        return parse_toml(text, path)
    if lower.endswith(".csv"):
        return parse_csv(text, path)
    if _names_languages(text):
        return parse_csv(text, path, delimiter="\t")
    return parse_pairs(text, path, source_lang, target_lang)


def _names_languages(text: str) -> bool:
    """Whether the first line that is not blank is a TSV header of two or more language codes."""
    for line in text.lstrip("\ufeff").splitlines():
        if line.strip():
            return sum(_language_key(cell.strip()) for cell in line.split("\t")) >= 2
    return False


def _entry(forms: dict[BaseLang, list[str]], where: str, path: str) -> Term:
    """An entry that can be checked: one giving fewer than two languages would be a no-op."""
    if len(forms) < 2:
        given = ", ".join(forms) or "none"
        raise StmtdiffError(
            f"{path}: {where} gives a term in fewer than two languages (languages: {given}), "
            "so it could never be checked"
        )
    return Term(forms, where)


def parse_glossary(text: str, path: str) -> Glossary:
    """A glossary from its file text; the extension says TOML, TSV (``.tsv``) or CSV (otherwise)."""
    if path.lower().endswith(".toml"):
        return parse_toml(text, path)
    if path.lower().endswith(".tsv"):
        return parse_csv(text, path, delimiter="\t")
    return parse_csv(text, path)


def _checked(glossary: Glossary) -> Glossary:
    """Refuse a glossary that lists one term twice: which translation would it require?"""
    first_seen: dict[tuple[str, str], str] = {}
    for term in glossary.terms:
        for lang, forms in term.forms.items():
            for form in forms:
                key = (lang, normalise(form))
                if key in first_seen:
                    raise StmtdiffError(
                        f"{glossary.path}: duplicate {lang} term {form!r} "
                        f"({first_seen[key]} and {term.where})"
                    )
                first_seen[key] = term.where
            try:
                term.patterns(lang)  # refuse an empty or unusable term now, not mid-check
            except StmtdiffError as error:
                raise StmtdiffError(f"{glossary.path}: {term.where}: {error}") from None
    return glossary
