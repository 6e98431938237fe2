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
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from stmtdiff.core.text.scripts import EAST_ASIAN_FROM, is_ideographic

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

#: A form's pattern split into its pieces: ``*`` (any word ending), a run of spaces (any run of
#: white space), and literal text between them (``_pattern`` writes each piece).
_PIECES = re.compile(r"(\*|\s+)")

#: A run of word characters, and the character after it (none at the end of a piece).
_RUN = re.compile(r"(\w+)(.?)", re.DOTALL)

#: A word of a text, as the patterns see words: a run of letters, digits and ``_``.
_WORD = re.compile(r"\w+")

#: A run of East Asian characters (from ``EAST_ASIAN_FROM``): what a form starting with one
#: needs, found without looking at each Latin or Cyrillic letter of a text. Written as the class
#: of the characters below it: the class up to U+10FFFF took 14 ms to compile, this one 0.3.
_EAST_ASIAN = re.compile(f"[^\\0-{chr(ord(EAST_ASIAN_FROM) - 1)}]+")

#: A form's first run of letters, after any punctuation, and the character after it.
_LEAD = re.compile(r"[^\w\s*]*(\w+)(.?)", re.DOTALL)


#: Texts with up to this many East Asian characters in all are searched for each run of them
#: that a form holds (``_Needs``); longer ones are only checked for the characters. Fitting and
#: compiling both layers, best of 7 (load 2.5), searched / not: Chinese sentences of the UN test
#: set (a speed figure: no quality depends on it), 17,054 characters 7.8 / 11.4 ms, 42,217
#: 12.2 / 8.0 ms, where the searches cost more than the forms they leave out; the Chinese novels
#: of the MAC dev set, which name few subjects, 37,121 characters 7.3 / 16.0 ms.
EAST_ASIAN_SEARCHED = 20_000


@dataclass(frozen=True, slots=True)
class _Needs:
    """What a text must hold for a form to match anywhere in it (both in lower case, folded).

    A run of letters and digits that the form puts at a word start (its start, where the
    pattern checks that no letter comes before; after a space; after a punctuation mark) is a
    whole word of the text when the form ends the word there too (a space, a punctuation mark,
    or the form's end, where the pattern checks that no letter follows), and the start of a word
    when ``*`` follows. A run after ``*``, and a form that starts with a Chinese character (no
    word start is checked: Chinese has no spaces), say nothing of the text's words; the text
    must still hold each of the form's East Asian characters, and each run of them
    (``EAST_ASIAN_SEARCHED``).
    """

    words: tuple[str, ...]
    stems: tuple[str, ...]
    chars: frozenset[str]
    runs: tuple[str, ...]

    @classmethod
    def of(cls, low: str) -> _Needs:
        pieces = _PIECES.split(low)  # literal, separator, literal, ..., literal
        if len(pieces) == 1 and _EAST_ASIAN.fullmatch(low) and is_ideographic(low[0]):
            # Most Chinese forms: one run, the words inside it left unchecked (a third of the
            # time; 350 such forms are looked at for 20 Chinese sentences).
            return cls((), (), frozenset(low), (low,))
        words: list[str] = []
        stems: list[str] = []
        at_start = not is_ideographic(low[0])  # whether a text word starts at the next piece
        for number in range(0, len(pieces), 2):
            piece = pieces[number]
            for run in _RUN.finditer(piece):
                if run.start() == 0 and not at_start:
                    continue
                word, after = run.groups()
                if not after and number + 1 == len(pieces):  # the form's end
                    whole = not is_ideographic(low[-1])
                else:
                    whole = after != "" or pieces[number + 1] != "*"
                (words if whole else stems).append(word)
            if number + 1 < len(pieces):
                at_start = pieces[number + 1] != "*"
        runs = [run for piece in pieces[::2] for run in _EAST_ASIAN.findall(piece)]
        return cls(tuple(words), tuple(stems), frozenset("".join(runs)), tuple(runs))


class _Vocabulary:
    """The words of the texts a tree is fitted to, and their East Asian characters (in lower
    case, folded)."""

    def __init__(self, lowered: Iterable[str]) -> None:
        # Split at white space first: the words of the distinct pieces are those of the texts,
        # found in a fraction of the characters (the 2 x 2,000 English sentences of
        # ``tests/reportkit.py``, load 1: 13 ms instead of 23 for the words of the whole text).
        pieces: set[str] = set()
        for text in lowered:
            pieces.update(text.split())
        joined = " ".join(pieces)
        self.words = set(_WORD.findall(joined))
        runs = _EAST_ASIAN.findall(joined)
        self.chars: set[str] = set().union(*runs)
        #: The runs of East Asian characters, when they are few enough to search.
        self.east_asian = " ".join(runs) if sum(map(len, runs)) <= EAST_ASIAN_SEARCHED else None
        self._sorted: list[str] | None = None

    def starts(self, stem: str) -> bool:
        """Whether a word starts with ``stem``."""
        if self._sorted is None:
            self._sorted = sorted(self.words)
        at = bisect_left(self._sorted, stem)
        return at < len(self._sorted) and self._sorted[at].startswith(stem)

    def holds(self, needs: _Needs) -> bool:
        """Whether the texts hold what a form needs (so it may match in one of them)."""
        return (
            all(word in self.words for word in needs.words)
            and all(self.starts(stem) for stem in needs.stems)
            and needs.chars <= self.chars
            and (self.east_asian is None or all(run in self.east_asian for run in needs.runs))
        )


class _Layer:
    """Subjects whose forms compete for the same place in a text: the longest form wins. A form
    may name several subjects: Chinese 中俄 is China and Russia at once.

    The forms are compiled into one alternation, a tree by their first two characters, matched
    against the lower-cased text: the regex engine tests a word start once per place, then the
    branch of the character there, and in it only the few forms sharing two letters. Grouped
    by the first character only they took 3.2 s in Russian at 8,000 sentences, and one flat
    alternation of every form took 300 s for 600,000 characters.

    The tree is fitted to the texts it searches: it holds only the forms whose words, stems and
    East Asian characters the texts hold (``_Needs``), so leaving out the others changes no
    match, and it is compiled once per set of forms. A 2 x 2,000-sentence English summary
    (``tests/reportkit.py``) keeps 16 of the table's 1,245 forms, 2 x 2,000 UN sentences about
    300 (their words: 2,103 and 8,359). It replaced two fittings:
    by the pairs of characters of short texts (listing the pairs cost more than it saved beyond
    20,000 characters) and by the scripts of long ones (every Latin form: 25 ms to compile).
    Finding the subjects of two versions with a fresh table, before / after (best of 7,
    load 0.7, the old and new module side by side in one process): ``reportkit`` English 2 x
    2,000 sentences 53.2 / 30.2 ms; UN test set 2 x 2,000 English 112.6 / 111.7 ms (its 8,000
    distinct words cost about what the smaller tree saves), Russian 173 / 122, Chinese 124 /
    70; 2 x 20 English 16.9 / 5.8, Russian 17.5 / 5.7, Chinese 4.0 / 4.4 ms; two English
    sentences 3.0 / 2.4 ms, two Chinese 1.8 / 2.5 ms.
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
        #: Form numbers by the first word they need, the first stem, or (a form starting with
        #: an East Asian character) that character; ``_always``: the others (``"*``).
        self._by_word: dict[str, list[int]] = {}
        self._by_stem: dict[str, list[int]] = {}
        self._by_char: dict[str, list[int]] = {}
        self._always: list[int] = []
        for k, form in enumerate(forms):
            low = _lower(form)
            second = low[1] if len(low) > 1 and low[1].isalnum() else ""
            self._tree.setdefault(low[0], {}).setdefault(second, []).append((k, low))
            # Indexed by what ``_Needs`` finds first, the script looked up only where it must:
            # the Han pattern takes 2 ms to compile, and a text with no Han character needs none.
            lead = _LEAD.match(low) if low[0] < EAST_ASIAN_FROM else None
            if lead is not None:
                word, after = lead.groups()
                whole = after != "*" and (after != "" or not is_ideographic(word[-1]))
                (self._by_word if whole else self._by_stem).setdefault(word, []).append(k)
            elif low[0] >= EAST_ASIAN_FROM:
                self._by_char.setdefault(low[0], []).append(k)
            else:
                self._always.append(k)
        #: The needs of the forms looked at so far (``_Needs``: worked out for every form, they
        #: took 7 ms of a two-sentence compare).
        self._needs: dict[int, _Needs] = {}
        #: Fitted trees (``_compile``), by the numbers of the forms they hold.
        self._fitted: dict[frozenset[int], tuple[re.Pattern[str], ...]] = {}

    def trees(self, vocabulary: _Vocabulary) -> tuple[re.Pattern[str], ...]:
        """The trees for texts of ``vocabulary``: the forms whose needs they meet, in the
        order of the whole tree, compiled once per set of forms; none when no form can match."""
        candidates = [
            *(k for word in self._by_word.keys() & vocabulary.words for k in self._by_word[word]),
            *(k for stem, group in self._by_stem.items() if vocabulary.starts(stem) for k in group),
            *(k for char in self._by_char.keys() & vocabulary.chars for k in self._by_char[char]),
            *self._always,
        ]
        kept = frozenset(k for k in candidates if vocabulary.holds(self._needs_of(k)))
        if kept not in self._fitted:
            firsts = {_lower(self._forms[k])[0] for k in kept}
            wanted = []
            for first, groups in self._tree.items():
                if first not in firsts:
                    continue
                fitted = {s: [f for f in group if f[0] in kept] for s, group in groups.items()}
                fitted = {s: group for s, group in fitted.items() if group}
                if fitted:
                    wanted.append((first, fitted))
            self._fitted[kept] = self._compile(wanted)
        return self._fitted[kept]

    def _needs_of(self, k: int) -> _Needs:
        """The needs of form ``k``, worked out the first time it is a candidate."""
        if k not in self._needs:
            self._needs[k] = _Needs.of(_lower(self._forms[k]))
        return self._needs[k]

    def _compile(
        self, wanted: Sequence[tuple[str, dict[str, list[tuple[int, str]]]]]
    ) -> tuple[re.Pattern[str], ...]:
        """The trees of the ``wanted`` branches (first character, its forms by the second): one
        for the forms that start a word, one for the Chinese forms, as the engine scans them
        best (``_matches`` runs them as one)."""
        # The word-start check comes first, once for all the forms that start a word: a
        # place inside a word fails it at once, instead of after its letter was matched
        # against each first letter (the scan of English text took 30% less). A tree that
        # starts with a character in every branch, as the Chinese one does, is scanned
        # faster still: the engine skips the places whose character starts no branch (2,000
        # Chinese sentences: 11 ms instead of 40), but English letters start a branch almost
        # everywhere, and there the check first is faster (49 ms instead of 71).
        words = [self._branch(f, groups) for f, groups in wanted if not is_ideographic(f)]
        others = [self._branch(f, groups) for f, groups in wanted if is_ideographic(f)]
        trees = [f"{WORD_START}(?:{'|'.join(words)})"] if words else []
        trees += ["|".join(others)] if others else []
        return tuple(re.compile(tree) for tree in trees)

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
        self, folded: str, lowered: str, trees: Sequence[re.Pattern[str]]
    ) -> list[tuple[int, int, int]]:
        """(subject index, start, end) of each place a form matches in ``folded``, in order
        (``lowered`` is its lower case), by ``trees`` from ``trees()`` for texts that include
        ``lowered``."""
        found: list[tuple[int, int, int]] = []
        for match in _matches(lowered, trees):
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


def _matches(text: str, trees: Sequence[re.Pattern[str]]) -> Iterator[re.Match[str]]:
    """The matches of ``trees`` in ``text`` as one alternation of them would find them: at the
    first place where one matches, then from its end. Two trees never match at the same place
    (a branch starts with its own character, and a Chinese one is no word's)."""
    if len(trees) < 2:
        yield from (trees[0].finditer(text) if trees else ())
        return
    words, chinese = trees
    first, second = words.search(text), chinese.search(text)
    while first is not None and second is not None:
        match = first if first.start() < second.start() else second
        yield match
        if first.start() < match.end():
            first = words.search(text, match.end())
        if second.start() < match.end():
            second = chinese.search(text, match.end())
    for last, tree in ((first, words), (second, chinese)):
        if last is not None:
            yield last
            yield from tree.finditer(text, last.end())


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
    """The subjects compiled into two layers, names and topics, each a pattern fitted to the
    texts searched, so each text is scanned twice whatever the table's size (a scan is two for
    texts with Chinese and other forms: ``_Layer._compile``). Among names the longest form at a
    place wins («Шанхайской организации сотрудничества» is the SCO, not Shanghai); topics are
    found apart, so the topic 乌克兰危机 (the Ukraine crisis) still names Ukraine."""

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
        """``mentions`` of each group of texts (each version's sentences), searched together,
        with one tree fitted to them all."""
        found = self._find_all([text for group in groups for text in group])
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

    def _find_all(self, texts: Sequence[str]) -> list[list[int]]:
        """Per text, the indices of the subjects it names, each once, names before topics."""
        return [
            list(dict.fromkeys(index for index, _, _ in places))
            for places in self._places_all(texts)
        ]

    def _places_all(self, texts: Sequence[str]) -> list[list[tuple[int, int, int]]]:
        """Per text, (subject index, start, end) of each place it names a subject, names before
        topics. The trees are fitted once to the words of all the texts; a text given twice is
        scanned once (its places do not depend on the tree: the forms left out of it cannot
        match in any of the texts)."""
        distinct = list(dict.fromkeys(texts))
        folded = [_fold(text) for text in distinct]
        lowered = [_lower(text) for text in folded]
        vocabulary = _Vocabulary(lowered)
        trees = [layer.trees(vocabulary) for layer in self._layers]
        places = {
            text: [
                place
                for layer, layer_trees in zip(self._layers, trees, strict=True)
                for place in layer.find(fold, low, layer_trees)
            ]
            for text, fold, low in zip(distinct, folded, lowered, strict=True)
        }
        return [places[text] for text in texts]
