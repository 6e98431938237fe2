"""Word-level evidence across languages: a bilingual lexicon and the keys it is looked up by.

A text becomes a bag of *keys*: for alphabetic languages, stems of its content words (Snowball
stemmers); for Chinese, the words a greedy longest-match segmentation finds in the lexicon's
Chinese headwords (a character where none matches). A ``Lexicon`` maps source keys to sets of
target keys. Two sentences (or runs of sentences) agree lexically as far as the words of each
are translated by words of the other; ``stmtdiff.core.align.coverage`` measures that.

Pure: lexicons are built from tables by front-end code (``stmtdiff.adapters.models.dictionary``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from stmtdiff.core.text.normalize import canonical
from stmtdiff.core.text.scripts import HAN, base_language, joins_without_space
from stmtdiff.lazyexports import lazy_pattern

TYPE_CHECKING = False  # not ``typing``'s: the same-language path imports this module
if TYPE_CHECKING:
    import snowballstemmer

# Compiled on first use: the same-language path reads only the paragraph numbering here.
_WORD = lazy_pattern(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_HAN = lazy_pattern(f"[{HAN}]+")

_STEMMERS = {
    "en": "english",
    "ru": "russian",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Function words carry no evidence of correspondence; leaving them out sharpens coverage.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "a an the and or but if of to in on at by for with from as is are was were be been "
        "being it its this that these those he she they them his her their i me my we us our "
        "you your not no so than then there here which who whom what when where how all any "
        "each also has have had do does did will would shall should can could may might must "
        "into out up down over about very just only s t"
    ),
    "ru": _words(
        "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по "
        "только ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли "
        "если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего "
        "ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего "
        "раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь "
        "этом один почти мой тем чтобы нее неё сейчас были куда зачем всех никогда можно при "
        "наконец два об другой хоть после над больше тот через эти нас про всего них какая "
        "много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя "
        "такой им более всегда конечно всю между это также"
    ),
    "zh": _words(
        "的 了 是 在 和 与 及 也 就 都 而 着 过 把 被 之 其 这 那 个 为 以 于 对 将 并 等"
    ),
    "de": _words(
        "der die das den dem des ein eine einer eines einem einen und oder aber in im an am "
        "auf aus bei mit nach von vom zu zum zur für ist sind war waren wird werden hat haben "
        "es er sie wir ihr ich sich nicht auch als wie so da dass"
    ),
    "fr": _words(
        "le la les l un une des du de d et ou mais dans en au aux sur par pour avec est sont "
        "était il elle ils elles nous vous je se s ne pas que qui qu ce cette ces son sa ses "
        "leur leurs y a à"
    ),
}


@lru_cache(maxsize=16)
def _stemmer(lang: str) -> snowballstemmer.stemmer | None:
    import snowballstemmer  # for lexicon keys only: a same-language compare never stems

    name = _STEMMERS.get(lang)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """Lower-cased stem of one word (ё as е); the word itself where no stemmer exists."""
    word = word.lower().replace("ё", "е")
    stemmer = _stemmer(lang)
    return stemmer.stemWord(word) if stemmer is not None and not word.isdigit() else word


def alpha_keys(text: str, lang: str) -> list[str]:
    """Stems of the content words of an alphabetic text, in order."""
    stop = STOPWORDS.get(lang, frozenset())
    keys = []
    for word in _WORD.findall(canonical(text)):
        lowered = word.lower()
        if lowered in stop or (len(lowered) == 1 and not lowered.isdigit()):
            continue
        keys.append(stem(lowered, lang))
    return keys


def han_keys(text: str, headwords: frozenset[str], longest: int) -> list[str]:
    """Greedy longest-match words of the Han runs of ``text`` (a lone character where no
    headword matches); digits and Latin words of the text become keys too."""
    stop = STOPWORDS["zh"]
    keys: list[str] = []
    text = canonical(text)
    for run in _HAN.findall(text):
        i = 0
        while i < len(run):
            for size in range(min(longest, len(run) - i), 0, -1):
                piece = run[i : i + size]
                if size == 1 or piece in headwords:
                    break
            if piece not in stop:
                keys.append(piece)
            i += size
    keys.extend(word.lower() for word in _WORD.findall(_HAN.sub(" ", text)))
    return keys


#: Paragraph numbering at the start of a sentence: 1. 1) (1) 一、 （一） a) (a) I.
_NUMBERING = re.compile(
    r"^\s*(?:[(（]?(\d{1,3}|[一二三四五六七八九十]{1,3}|[a-zа-я]|[ivxlc]{1,5})[)）.、．]|"
    r"[(（](\d{1,3}|[一二三四五六七八九十]{1,3}|[a-zа-я])[)）])",
    re.IGNORECASE,
)
_CHINESE_NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九十", start=0)}
#: Quoted spans in any of the quote styles the languages use.
_QUOTED = lazy_pattern(r"[\"«“„「『]([^\"»”“」』]{2,80})[\"»”“」』]")


def _chinese_number(text: str) -> int | None:
    if not all(c in _CHINESE_NUMERALS for c in text):
        return None
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CHINESE_NUMERALS[tens] if tens else 1) * 10 + (
            _CHINESE_NUMERALS[units] if units else 0
        )
    return int("".join(str(_CHINESE_NUMERALS[c]) for c in text))


def numbering(text: str) -> str | None:
    """The paragraph number a sentence starts with, normalised (``一、`` and ``1.`` alike)."""
    match = _NUMBERING.match(canonical(text))
    if not match:
        return None
    label = (match.group(1) or match.group(2)).lower()
    if label.isdigit():
        return str(int(label))
    value = _chinese_number(label)
    return str(value) if value is not None else label


#: Prefix of paragraph-number keys. Two sides numbering a paragraph alike is strong evidence;
#: numbering it differently is none (a moved paragraph renumbers the ones after it), so an
#: unmatched number never counts as an untranslated word.
NUMBERING = "§"


def without_numbering(text: str) -> str:
    """The text after its paragraph number, if any: the number is the paragraph's, not one the
    sentence states (``4.`` against ``三、`` or a renumbered ``3.`` says nothing against a pair)."""
    return _NUMBERING.sub("", canonical(text), count=1)


@dataclass
class Lexicon:
    """Word translations between ``src_lang`` and ``tgt_lang`` (both directions)."""

    src_lang: str
    tgt_lang: str
    #: Translations per key: frozensets, or tuples as read from a prepared table (only
    #: membership and iteration are used, and converting 100,000 entries costs a second).
    forward: dict[str, Collection[str]] = field(default_factory=dict)
    backward: dict[str, Collection[str]] = field(default_factory=dict)

    @classmethod
    def from_pairs(cls, src_lang: str, tgt_lang: str, pairs: Iterable[tuple[str, str]]) -> Lexicon:
        forward: dict[str, set[str]] = {}
        backward: dict[str, set[str]] = {}
        for a, b in pairs:
            forward.setdefault(a, set()).add(b)
            backward.setdefault(b, set()).add(a)
        return cls(
            src_lang,
            tgt_lang,
            {k: frozenset(v) for k, v in forward.items()},
            {k: frozenset(v) for k, v in backward.items()},
        )

    @classmethod
    def from_table(
        cls, src_lang: str, tgt_lang: str, table: Mapping[str, Sequence[str]]
    ) -> Lexicon:
        """From source key -> target keys."""
        return cls(src_lang, tgt_lang, dict(table), inverse(table))

    def reversed(self) -> Lexicon:
        return Lexicon(self.tgt_lang, self.src_lang, self.backward, self.forward)

    def merged(self, other: Lexicon) -> Lexicon:
        """Union of two lexicons of the same language pair."""
        if (other.src_lang, other.tgt_lang) != (self.src_lang, self.tgt_lang):
            other = other.reversed()
        return Lexicon(
            self.src_lang,
            self.tgt_lang,
            _union(self.forward, other.forward),
            _union(self.backward, other.backward),
        )

    def __len__(self) -> int:
        return sum(len(v) for v in self.forward.values())


def inverse(table: Mapping[str, Sequence[str]]) -> dict[str, Collection[str]]:
    """Target key -> the source keys translated by it."""
    backward: dict[str, list[str]] = {}
    for key, values in table.items():
        for value in values:
            backward.setdefault(value, []).append(key)
    return dict(backward)


def _union(
    a: Mapping[str, Collection[str]], b: Mapping[str, Collection[str]]
) -> dict[str, Collection[str]]:
    out = dict(a)
    for key, values in b.items():
        out[key] = frozenset(out[key]) | frozenset(values) if key in out else values
    return out


class KeyMaker:
    """Turns texts of one language into lexicon keys (headwords for Chinese, stems otherwise)."""

    def __init__(self, lang: str, headwords: Iterable[str] = ()) -> None:
        self.lang = base_language(lang)
        self.headwords = frozenset(h for h in headwords if _HAN.fullmatch(h))
        self.longest = max((len(h) for h in self.headwords), default=1)
        self.longest = min(self.longest, 6)

    def keys(self, text: str) -> list[str]:
        """Lexicon keys of ``text``; paragraph numbering becomes a key written alike in every
        language (``§3`` for ``3.``, ``三、`` and ``(3)``)."""
        label = numbering(text)
        found = []
        if label is not None:
            found.append(f"{NUMBERING}{label}")
            text = without_numbering(text)
        if joins_without_space(self.lang):
            return found + han_keys(text, self.headwords, self.longest)
        return found + alpha_keys(text, self.lang)
