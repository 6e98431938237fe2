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
from collections.abc import Set as AbstractSet
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


#: Before the forms that start a word: the character before is no letter or digit.
WORD_START = r"(?<!\w)"

#: Texts up to this many characters in all get a tree fitted to their pairs of characters
#: (``_Layer.regex``). Finding, compiling and scanning, English of ``tests/reportkit.py``, best of
#: 3 (2 cores, load 4.5): three sentences 5.8 ms fitted / 24.8 ms by script; 10,000 characters
#: 16 / 26 ms; 30,000 27 / 28 ms; 300,000 92 / 86 ms, where listing the pairs costs more than
#: the branches it leaves out save. Russian: 1,355 characters 16 / 34 ms.
FITTED_CHARS = 20_000


class _Layer:
    """Subjects whose forms compete for the same place in a text: the longest form wins. A form
    may name several subjects: Chinese 中俄 is China and Russia at once.

    The forms are compiled into one alternation, a tree by their first two characters, matched
    against the lower-cased text: the regex engine tests a word start once per place, then the
    branch of the character there, and in it only the few forms sharing two letters. Grouped
    by the first character only they took 3.2 s in Russian at 8,000 sentences, and one flat
    alternation of every form took 300 s for 600,000 characters.

    The tree is written and compiled lazily, and only with the branches whose first character
    is of a script (``_script``) the texts hold. A branch can match only where the text has its
    first character, so leaving out the others changes no match, while each letter of an
    English text tries ~30 branches instead of ~350. Summary of 2,000 English sentences, CPU
    (load ~14): 225 ms with every script's branches, 70 ms with its own, 56 ms with the
    word-start check before the branches; a two-sentence English compare compiles 36 ms of
    patterns instead of 94 (``benchmarks/summary_speed.py``).
    """

    def __init__(self, subjects: Sequence[tuple[int, Subject]]) -> None:
        owners: dict[str, list[int]] = {}
        for index, item in subjects:
            for form in item.forms:
                owners.setdefault(_fold(form.strip()), []).append(index)
        forms = sorted(owners, key=lambda form: -len(form.replace("*", "")))
        self._owners = {f"f{k}": owners[form] for k, form in enumerate(forms)}
        self._forms = forms
        #: Case-sensitive forms (abbreviations in capitals) are checked on the original text,
        #: each compiled the first time the lower-cased tree finds it (``None``: the form
        #: ignores case). Decided then too: deciding it for every form of the table took 60% of
        #: building a layer, ~10 ms of a two-sentence compare.
        self._exact: dict[str, re.Pattern[str] | None] = {}
        # A two-level tree by the first two characters, so each place tries a few forms only.
        #: First character -> second character ("" for none) -> (form number, lower case).
        self._tree: dict[str, dict[str, list[tuple[int, str]]]] = {}
        for k, form in enumerate(forms):
            low = _lower(form)
            second = low[1] if len(low) > 1 and low[1].isalnum() else ""
            self._tree.setdefault(low[0], {}).setdefault(second, []).append((k, low))
        #: Per script, the first characters of its branches.
        self._starts: dict[str, set[str]] = {}
        for first in self._tree:
            self._starts.setdefault(_script(first), set()).add(first)
        self._compiled: dict[frozenset[str], re.Pattern[str] | None] = {}
        #: Fitted trees, by their branches (first and second character).
        self._fitted: dict[frozenset[tuple[str, str]], re.Pattern[str] | None] = {}

    def regex(
        self, chars: AbstractSet[str], pairs: AbstractSet[str] | None = None
    ) -> re.Pattern[str] | None:
        """The tree for texts made of ``chars`` (lower-cased): only the branches of the scripts
        among them, written and compiled once per set of scripts; ``None`` when no form can
        match.

        ``pairs``, the texts' two-character sequences, fits the tree to those texts alone: only
        the forms whose first two characters they hold (or whose first, when the second is no
        letter or digit). The others cannot match anywhere in them, so leaving them out changes
        no match; in two English sentences they are 95% of the forms (see
        ``FITTED_CHARS``). A fitted tree serves only texts with no other pair.
        """
        if pairs is not None:
            wanted = [
                (first, {s: group for s, group in groups.items() if not s or first + s in pairs})
                for first, groups in self._tree.items()
                if first in chars
            ]
            wanted = [(first, groups) for first, groups in wanted if groups]
            key = frozenset((first, second) for first, groups in wanted for second in groups)
            if key not in self._fitted:
                self._fitted[key] = self._compile(wanted)
            return self._fitted[key]
        scripts = frozenset(
            script for script, starts in self._starts.items() if not starts.isdisjoint(chars)
        )
        if scripts not in self._compiled:
            self._compiled[scripts] = self._compile(
                [(f, groups) for f, groups in self._tree.items() if _script(f) in scripts]
            )
        return self._compiled[scripts]

    def _compile(
        self, wanted: Sequence[tuple[str, dict[str, list[tuple[int, str]]]]]
    ) -> re.Pattern[str] | None:
        """The tree of the ``wanted`` branches (first character, its forms by the second)."""
        # The word-start check comes first, once for all the forms that start a word: a
        # place inside a word fails it at once, instead of after its letter was matched
        # against each first letter (the scan of English text took 30% less). Only one
        # branch can match at a place, that of its character, so their order is free.
        words = [self._branch(f, groups) for f, groups in wanted if not is_ideographic(f)]
        others = [self._branch(f, groups) for f, groups in wanted if is_ideographic(f)]
        branches = [f"{WORD_START}(?:{'|'.join(words)})"] if words else []
        branches += others
        return re.compile("|".join(branches)) if branches else None

    @staticmethod
    def _branch(first: str, groups: dict[str, list[tuple[int, str]]]) -> str:
        """The alternation of the forms starting with ``first``, by their second character."""
        alternatives = []
        for second, group in groups.items():
            forms = "|".join(
                f"(?P<f{k}>{_pattern(low, skip=2 if second else 1)})" for k, low in group
            )
            alternatives.append(f"{re.escape(second)}(?:{forms})" if second else forms)
        return f"{re.escape(first)}(?:{'|'.join(alternatives)})"

    def find(
        self, folded: str, lowered: str, regex: re.Pattern[str] | None
    ) -> list[tuple[int, int, int]]:
        """(subject index, start, end) of each place a form matches in ``folded``, in order
        (``lowered`` is its lower case), by ``regex`` from ``regex()`` for a set of characters
        that includes all of ``lowered``."""
        if regex is None:
            return []
        found: list[tuple[int, int, int]] = []
        for match in regex.finditer(lowered):
            name = match.lastgroup
            assert name is not None
            if self._in_its_case(name, folded, match):
                found.extend((index, *match.span()) for index in self._owners[name])
        return found

    def _in_its_case(self, name: str, folded: str, match: re.Match[str]) -> bool:
        """Whether a form found in the lower case is there in its case: always, unless it is
        written in capitals (then it must be found in them)."""
        if name not in self._exact:
            form = self._forms[int(name[1:])]
            self._exact[name] = re.compile(_pattern(form)) if _exact(form) else None
        exact = self._exact[name]
        return exact is None or exact.fullmatch(folded, match.start(), match.end()) is not None


def _script(char: str) -> str:
    """The script a form's first character is grouped by: Latin (with digits and ASCII),
    Cyrillic, or any other (Han above all)."""
    if char < "\u0250":
        return "latin"
    if "\u0400" <= char < "\u0530":
        return "cyrillic"
    return "other"


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
        return [self.subjects[index] for index in self._find_all([text])[0]]

    def places(self, text: str) -> list[tuple[Subject, int, int]]:
        """Each place ``text`` names a subject: the subject, start and end, names before
        topics (a place naming two subjects, 中俄, comes twice)."""
        return [(self.subjects[index], start, end) for index, start, end in self._places(text)]

    def _places(self, text: str) -> list[tuple[int, int, int]]:
        return self._places_all([text])[0]

    def mentions(self, texts: Sequence[str]) -> dict[str, tuple[int, ...]]:
        """Subject id -> indices of the texts (sentences) naming it, in order of first mention."""
        return self.mentions_each([texts])[0]

    def mentions_each(self, groups: Sequence[Sequence[str]]) -> list[dict[str, tuple[int, ...]]]:
        """``mentions`` of each group of texts (each version's sentences), searched together:
        with one tree fitted to them all when they are short (``FITTED_CHARS``)."""
        found = self._find_all([text for group in groups for text in group], fitted=True)
        out: list[dict[str, tuple[int, ...]]] = []
        start = 0
        for group in groups:
            where: dict[str, list[int]] = {}
            for position, indices in enumerate(found[start : start + len(group)]):
                for index in indices:
                    where.setdefault(self.subjects[index].id, []).append(position)
            out.append({key: tuple(value) for key, value in where.items()})
            start += len(group)
        return out

    def _find_all(self, texts: Sequence[str], *, fitted: bool = False) -> list[list[int]]:
        """Per text, the indices of the subjects it names, each once, names before topics."""
        return [
            list(dict.fromkeys(index for index, _, _ in places))
            for places in self._places_all(texts, fitted=fitted)
        ]

    def _places_all(
        self, texts: Sequence[str], *, fitted: bool = False
    ) -> list[list[tuple[int, int, int]]]:
        """Per text, (subject index, start, end) of each place it names a subject, names before
        topics. The patterns are chosen once for all the texts, by the characters they hold;
        ``fitted``: by their pairs of characters when they are short, for a caller that
        searches all its texts in one call (per-text callers would compile a tree per text).
        A text given twice is scanned once (its places do not depend on the patterns chosen:
        those of characters the text lacks have no form that could match in it)."""
        distinct = list(dict.fromkeys(texts))
        folded = [_fold(text) for text in distinct]
        lowered = [_lower(text) for text in folded]
        chars = set().union(*lowered)
        pairs = None
        if fitted and sum(map(len, lowered)) <= FITTED_CHARS:
            pairs = {pair for low in lowered for pair in map(str.__add__, low, low[1:])}
        regexes = [layer.regex(chars, pairs) for layer in self._layers]
        places = {
            text: [
                place
                for layer, regex in zip(self._layers, regexes, strict=True)
                for place in layer.find(fold, low, regex)
            ]
            for text, fold, low in zip(distinct, folded, lowered, strict=True)
        }
        return [places[text] for text in texts]
