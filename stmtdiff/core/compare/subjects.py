"""Which countries, organisations, people and topics a text names, from a trilingual table.

Readouts of one event name different subjects: the Kremlin mentions the SCO summit, Xinhua the
"Friends for Peace" group founded with Brazil. A table of names and terms (``data/subjects.toml``,
read by ``stmtdiff.adapters.ingest.subjects``) lists each subject's surface forms in English,
Russian and
Chinese; this module finds them in text. Pure: no I/O.

Form syntax: ``*`` stands for any word ending, so ``Украин*`` finds Украина, Украины, украинского
(Russian inflection by stem); a space matches any run of spaces. Latin and Cyrillic forms match
whole words (a hyphen separates words, so ``американ*`` finds «российско-американских»); Chinese
forms match anywhere, as Chinese has no spaces. A form written in capitals (``US``, ``ООН``) is
case-sensitive, so the abbreviation does not find "us"; any other form ignores case. «ё» and «е»
are the same letter to the matcher, as Russian texts write either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from stmtdiff.core.text.scripts import is_ideographic

#: Languages the shipped table covers: texts in other languages (without a translation into one
#: of these) cannot be checked, since a subject's absence would mean nothing.
TABLE_LANGS = ("en", "ru", "zh")
CATEGORIES = ("country", "organisation", "person", "place", "currency", "topic")


@dataclass(frozen=True, slots=True)
class Subject:
    """One subject and the forms that name it (any language; the key only documents them)."""

    id: str
    category: str
    forms: tuple[str, ...]
    #: How reports name it: the first English form, else the id.
    name: str


def subject(id: str, category: str, forms_by_lang: Mapping[str, Sequence[str]]) -> Subject:
    """A subject from its forms per language; its display name is its first English form."""
    english = forms_by_lang.get("en", ())
    forms = tuple(form for lang_forms in forms_by_lang.values() for form in lang_forms)
    name = english[0].replace("*", "") if english else id
    return Subject(id, category, forms, name)


def merge(subjects: Iterable[Subject]) -> list[Subject]:
    """One subject per id, in first-seen order: a later entry with a known id adds its forms."""
    merged: dict[str, Subject] = {}
    for item in subjects:
        known = merged.get(item.id)
        if known is None:
            merged[item.id] = item
        else:
            forms = known.forms + tuple(f for f in item.forms if f not in known.forms)
            merged[item.id] = Subject(known.id, known.category, forms, known.name)
    return list(merged.values())


def form_error(form: str) -> str | None:
    """Why a form cannot be used, or ``None`` when it can."""
    core = form.replace("*", "").strip()
    if not core:
        return f"form {form!r} has no letters"
    if form.strip().startswith("*"):
        return f"form {form!r} starts with '*' (a form names the start of a word)"
    return None


def _fold(text: str) -> str:
    """Same length as ``text``, so match offsets stay valid."""
    return text.replace("ё", "е").replace("Ё", "Е")


#: After a form's first character: the character before that one is no letter or digit.
WORD_START_AFTER_ONE = r"(?<!\w.)"


class _Layer:
    """Subjects whose forms compete for the same place in a text: the longest form wins. A form
    may name several subjects: Chinese 中俄 is China and Russia at once.

    The forms are compiled into one alternation, a tree by their first two characters, matched
    against the lower-cased text: the regex engine skips every character no form starts with,
    tests a word start once per place and tries only the few forms sharing two letters. With
    the shipped table, 8,000 sentences take 1.4 s in Russian (1.2 million characters), 0.3 s in
    Chinese, 1.2 s in English (`benchmarks/summary_speed.py`, both versions: 2.4 s); grouped by
    the first character only they took 3.2 s in Russian, and one flat alternation of every form
    took 300 s for 600,000 characters.
    """

    def __init__(self, subjects: Sequence[tuple[int, Subject]]) -> None:
        owners: dict[str, list[int]] = {}
        for index, item in subjects:
            for form in item.forms:
                owners.setdefault(_fold(form.strip()), []).append(index)
        forms = sorted(owners, key=lambda form: -len(form.replace("*", "")))
        self._owners = {f"f{k}": owners[form] for k, form in enumerate(forms)}
        #: Case-sensitive forms (abbreviations in capitals) are checked on the original text.
        self._exact = {
            f"f{k}": re.compile(_pattern(form)) for k, form in enumerate(forms) if _exact(form)
        }
        # A two-level tree by the first two characters, so each place tries a few forms only.
        tree: dict[str, dict[str, list[str]]] = {}
        for k, form in enumerate(forms):
            low = _lower(form)
            second = low[1] if len(low) > 1 and low[1].isalnum() else ""
            pattern = f"(?P<f{k}>{_pattern(low, skip=2 if second else 1)})"
            tree.setdefault(low[0], {}).setdefault(second, []).append(pattern)
        alternatives = []
        for first, groups in tree.items():
            inner = "|".join(
                re.escape(second) + f"(?:{'|'.join(group)})" if second else "|".join(group)
                for second, group in groups.items()
            )
            # The word-start check is made once per first character, before its forms are tried.
            start = "" if is_ideographic(first) else WORD_START_AFTER_ONE
            alternatives.append(f"{re.escape(first)}{start}(?:{inner})")
        self._regex = re.compile("|".join(alternatives)) if alternatives else None

    def find(self, folded: str) -> list[tuple[int, int, int]]:
        """(subject index, start, end) of each place a form matches, in order."""
        if self._regex is None:
            return []
        found: list[tuple[int, int, int]] = []
        for match in self._regex.finditer(_lower(folded)):
            name = match.lastgroup
            assert name is not None
            exact = self._exact.get(name)
            if exact is None or exact.fullmatch(folded, match.start(), match.end()):
                found.extend((index, *match.span()) for index in self._owners[name])
        return found


def _lower(text: str) -> str:
    """Lower case of the same length (a few letters lower-case to two characters)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _exact(form: str) -> bool:
    letters = [c for c in form if c.isalpha() and not is_ideographic(c)]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _pattern(form: str, *, skip: int = 0) -> str:
    """A form as a regex; ``skip``: without its first characters and word-start check, which
    the caller makes."""
    parts = []
    for piece in re.split(r"(\*|\s+)", form[skip:]):
        if piece == "*":
            parts.append(r"\w*")
        elif piece and piece.isspace():
            parts.append(r"\s+")
        elif piece:
            parts.append(re.escape(piece))
    body = "".join(parts)
    if not skip and not is_ideographic(form[0]):
        body = r"(?<!\w)" + body
    if not is_ideographic(form[-1]) and not form.endswith("*"):
        body += r"(?!\w)"
    return body


class SubjectTable:
    """The subjects compiled into two patterns, names and topics, so each text is scanned twice
    whatever the table's size. Among names the longest form at a place wins («Шанхайской
    организации сотрудничества» is the SCO, not Shanghai); topics are found apart, so the topic
    乌克兰危机 (the Ukraine crisis) still names Ukraine."""

    def __init__(self, subjects: Sequence[Subject]) -> None:
        self.subjects = list(subjects)
        self._layers = [
            _Layer(
                [(k, s) for k, s in enumerate(self.subjects) if (s.category == "topic") == topic]
            )
            for topic in (False, True)
        ]

    def find(self, text: str) -> list[Subject]:
        """The subjects ``text`` names, each once, names before topics."""
        found = dict.fromkeys(index for index, _, _ in self._places(text))
        return [self.subjects[index] for index in found]

    def places(self, text: str) -> list[tuple[Subject, int, int]]:
        """Each place ``text`` names a subject: the subject, start and end, names before
        topics (a place naming two subjects, 中俄, comes twice)."""
        return [(self.subjects[index], start, end) for index, start, end in self._places(text)]

    def _places(self, text: str) -> list[tuple[int, int, int]]:
        folded = _fold(text)
        return [place for layer in self._layers for place in layer.find(folded)]

    def mentions(self, texts: Sequence[str]) -> dict[str, tuple[int, ...]]:
        """Subject id -> indices of the texts (sentences) naming it, in order of first mention."""
        where: dict[str, list[int]] = {}
        for position, text in enumerate(texts):
            for item in self.find(text):
                where.setdefault(item.id, []).append(position)
        return {key: tuple(value) for key, value in where.items()}
