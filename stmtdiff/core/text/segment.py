"""Split a text into paragraphs and sentences, keeping exact character spans.

Paragraphs are lines (readouts are one paragraph per line); a line holding only a list marker
(``12.``, ``（二）``) joins the line after it. Within a paragraph, every run of terminal
punctuation (with the closing quotes and brackets after it) is a candidate boundary, and
:func:`_decide` settles it with rules written for the faults measured below; where the rules have
no opinion (``word. Word``), a well-kept library decides: razdel for Russian, sentencex for every
other language (its abbreviation lists cover some 250 languages, so ``de``, ``fr``, ``uk``... get a
sensible fallback). Library boundaries that fall outside our candidates (scripts whose stops we do
not list, such as the danda) are kept unless a rule forbids them.

Why this split of labour (``python benchmarks/segmenters.py``; exact sentence lists on the cases of
tests/test_segment_{en,ru,zh}.py, written for the joint-statement cases stmtdiff must get right):

=========  ==========  ==========  ==========  ==============
lang       sentencex   pysbd       razdel      this module
=========  ==========  ==========  ==========  ==============
en (49)    40 (82%)    41 (84%)    --          49
ru (49)    32 (65%)    28 (57%)    44 (90%)    49
zh (43)    33 (77%)    28 (65%)    --          43
=========  ==========  ==========  ==========  ==============

pysbd is also ~125 times slower than sentencex (0.4 MB/s: 12 s for a 5 MB text), so it is not
used. This module segments 5 MB of real readouts in 0.6 s (ru) and 0.7 s (zh), and 5 MB of the
dense test cases in 1.1-3 s, on a busy 2-core machine.

The faults fixed here: sentencex splits list markers off (``1.`` | ``The sides``), never splits
inside quotation marks (so it is shown blanks in their place), ignores ``。`` before a digit and
``)`` after a stop, and knows neither ``Amb.`` nor ``approx.``; razdel splits
``млрд долл. | США`` and keeps ``в 2001 г. Он остаётся`` together.

Chinese: a sentence ends at ``。！？`` (or ``?!``) with any closing quotes or brackets after it,
so ``……第三方。”`` ends after the ``”``. The full-width semicolon ``；`` does NOT end a sentence:
the Russian and English versions render it as ``;`` or ``,`` inside one sentence, so splitting
there would only give the aligner 1-2 beads to repair, and the usual Chinese convention does not
split there either. An ellipsis ``……`` ends a sentence only before a closing quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import sentencex

from stmtdiff.core.model import Sentence
from stmtdiff.core.text.scripts import base_language, is_ideographic
from stmtdiff.lazyexports import lazy_pattern

#: Everything ``str.strip()`` removes, plus the invisible marks editors leave at line edges.
#: Written out: finding them with ``isspace`` among the first 12,289 characters took ~1 ms of
#: every run (tests/test_segment_spans.py checks the list against ``isspace``).
_BLANK = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u2060"
)

_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_QUOTES = re.compile(r"[\"«»“”„‘’‚「」『』]")

_HAN_NUM = "一二三四五六七八九十百零〇"
#: A numbered-paragraph or list marker: it opens a sentence and is never a sentence itself.
_MARKER = (
    r"(?:\d{1,3}[.)．]|[(（]\d{1,3}[)）]|[IVXLC]{1,6}[.)]|[(（]?[ivxlc]{1,6}[)）]"
    r"|[(（]?[a-zа-яё][)）]|\d{1,3}、"
    rf"|[{_HAN_NUM}]{{1,4}}、|[(（][{_HAN_NUM}]{{1,4}}[)）])"
)
_MARKER_ONLY = re.compile(_MARKER)
#: The patterns below only judge a stop inside a paragraph, which text given one sentence per
#: line never has: compiled on first use (~1.2 ms together).
_MARKER_THEN_TEXT = lazy_pattern(_MARKER + r"\s")

_STOPS = ".!?…。！？｡‼⁇⁈⁉"
_CJK_STOPS = frozenset("。！？｡")
_CLOSERS = "\"'»”’」』）)]】〕〉》›"
_CLOSER_CHARS = tuple(_CLOSERS)
#: A run of stops and closing marks that starts with a stop. Written as one class after the first
#: stop, not as ``(?:stops+closers*)+`` (the same runs): the nested loops made finding the runs
#: 4 times slower, 0.055 s of the 0.22 s that 8,000 English sentences take to segment.
_RUN = re.compile(rf"[{re.escape(_STOPS)}][{re.escape(_STOPS + _CLOSERS)}]*")
#: Characters that continue the sentence when they follow a stop: ``etc., and``.
_CONTINUING = frozenset(",;:，；：、")
_NEXT_WORD = lazy_pattern(r"[\"'«“„‘‚「『（(\[—–\-\s]*(\w*)")
#: The abbreviation (or word) just before a final period: ``U.S``, ``т. д``, ``Mr``, ``долл``.
_TOKEN = lazy_pattern(r"(?<![\w.])(?:[^\W\d_]{1,4}\.\s?)*[^\W\d_]+$")
_AFTER_NUMBER = lazy_pattern(r"(?:\d|\d-х|\b[IVXLC]+)\s*$")


@dataclass(frozen=True, slots=True)
class _Rules:
    """What a language's abbreviations mean at a period (tokens without their final dot)."""

    #: Never end a sentence: titles, ``e.g``, ``т.е``.
    titles: frozenset[str] = frozenset()
    #: Never end a sentence before a number: ``No. 5``, ``Jan. 16``.
    before_numbers: frozenset[str] = frozenset()
    #: May end a sentence: ``U.S``, ``p.m``, ``т.д``, ``руб``.
    ambiguous: frozenset[str] = frozenset()
    #: Ambiguous after a number (``2001 г.`` is a year), titles otherwise (``г. Москва``).
    after_numbers: frozenset[str] = frozenset()
    #: After an ambiguous abbreviation, a sentence starts only at one of these words (English,
    #: where ``the U.S. Congress`` is common); ``None`` means at any capitalised word.
    starters: frozenset[str] | None = None
    #: Capitalised words that continue after an ambiguous abbreviation: ``долл. США``.
    continuations: frozenset[str] = frozenset()
    #: A sentence-so-far that is only a date cannot be a sentence: ``В 2024 г.`` + ``Россия...``.
    date_only: re.Pattern[str] | None = None
    #: Words that carry a sentence on after a closing quote: Japanese ``「…。」と述べた``.
    after_quote: tuple[str, ...] = ()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _date_only(prepositions: str, abbreviations: str) -> re.Pattern[str]:
    """A sentence-so-far that is only a date: ``В 2024 г.``, ``16 мая 2024 г.``, ``у 2024 р.``.
    Compiled when a text of its language is first segmented (~0.6 ms each)."""
    return lazy_pattern(
        rf"(?i)(?:(?:{'|'.join(prepositions.split())})\s+)?"
        r"(?:\d{1,2}(?:[–—-]\d{1,2})?\s+\w+\s+)?"
        r"(?:\d{3,4}(?:\s*[–—-]\s*\d{2,4})?(?:-х)?|[IVXLC]+(?:\s*[–—-]\s*[IVXLC]+)?)"
        rf"\s*(?:{abbreviations})\."
    )


_RULES: dict[str, _Rules] = {
    "en": _Rules(
        titles=_words(
            "Mr Mrs Ms Messrs Mme Dr Prof Rev Hon St Mt Ft Gen Lt Col Maj Capt Cmdr Adm Sgt "
            "Sen Rep Gov Amb Pres Supt vs cf viz e.g i.e approx incl esp"
        ),
        before_numbers=_words(
            "No Nos Nr Art Arts Para Paras para paras Sec Ch Chap Vol Vols Fig p pp "
            "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
        ),
        ambiguous=_words(
            "U.S U.K U.N E.U U.S.A U.S.S.R D.C P.R.C a.m p.m etc Inc Ltd Co Corp Jr Sr al Dept"
        ),
        starters=_words(
            "The This That These Those There They He She It We I You Our Their His Her Its "
            "In On At For By With From To As After Before During While When Since Until Under "
            "But And Or Yet So However Moreover Furthermore Meanwhile Nevertheless Thus Then "
            "Both Each All Also Such A An If According Following Despite Last Next"
        ),
    ),
    "ru": _Rules(
        titles=_words(
            "т.е т.н т.к т.ч т.о и.о им ст см ср напр проф акад доц ген зам пред гос тов "
            "ул пл д с п пп ч гл разд рис табл прил о оз р стр т вып англ кит рус нем франц "
            "лат букв прим ок св"
        ),
        before_numbers=_words("янв фев февр мар апр авг сен сент окт нояб ноя дек"),
        ambiguous=_words("т.д т.п др пр руб долл коп тыс млн млрд трлн ед чел кв км"),
        after_numbers=_words("г гг в вв"),
        continuations=_words("США"),
        date_only=_date_only(
            "в во с со до к ко по после на за в течение с начала к концу", "гг?|вв?"
        ),
    ),
    "uk": _Rules(
        titles=_words(
            "т.зв т.б т.ч і.о в.о ім див напр проф акад доц ген заст вул пл м с п пп ч гл рис "
            "табл дод о англ кит рос укр"
        ),
        ambiguous=_words("т.д т.п ін грн дол коп тис млн млрд трлн"),
        after_numbers=_words("р рр ст"),
        continuations=_words("США"),
        date_only=_date_only("у в з із до після на за протягом", "рр?|ст"),
    ),
    "ja": _Rules(after_quote=("と", "って")),
}
#: Languages without rules of their own still know the usual "before a number" abbreviations.
_DEFAULT_RULES = _Rules(
    before_numbers=_words("art Art Nr nr No no n p pp Abs Bd vol Vol ch cap par")
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph, surrounding blanks excluded.

    Every non-blank line is a paragraph; a line that is only a list marker joins the next one.
    """
    spans: list[tuple[int, int]] = []
    pending: int | None = None  # start of a marker-only line waiting for its text
    for line in _LINE.finditer(text):
        content = line.group().strip(_BLANK)
        if not content:
            continue
        start = line.start() + line.group().index(content[0])
        end = start + len(content)
        if _MARKER_ONLY.fullmatch(content):
            if pending is None:
                pending = start
            continue
        spans.append((start if pending is None else pending, end))
        pending = None
    if pending is not None:
        last = text.rstrip(_BLANK)
        spans.append((pending, len(last)))
    return spans


def segment(text: str, lang: str) -> list[Sentence]:
    """Sentences of ``text`` in order; ``text[s.start:s.end] == s.text`` for each.

    ``lang`` is an ISO 639-1 code (a region subtag is ignored); any code works, those without
    rules of their own falling back on the library's.
    """
    base = base_language(lang)
    sentences: list[Sentence] = []
    for paragraph, (start, end) in enumerate(paragraph_spans(text)):
        para = text[start:end]
        for piece_start, piece_end in _sentence_spans(para, base):
            sentences.append(
                Sentence(
                    len(sentences),
                    para[piece_start:piece_end],
                    start + piece_start,
                    start + piece_end,
                    paragraph,
                )
            )
    return sentences


#: Paragraphs whose sentence spans are kept, process-wide. Versions in one language share most
#: of their paragraphs, and each is split once: on ``benchmarks/terminal_speed.py``'s 2×8,000
#: sentences (one paragraph each) segmenting both takes 0.55-0.78 of the time it took, side by
#: side in one process at load 7-9. Room for two 8,000-line versions.
SPLIT_CACHE = 16_384
#: Only paragraphs up to this long are kept, so the cache holds at most ~32 MB (16,384 × 1,000
#: two-byte characters). 91 of the 95 paragraphs of ../shared/corpus are this short (the longest
#: has 2,423 characters); a longer paragraph is split again each time, as before.
SPLIT_CACHE_CHARS = 1_000


def _sentence_spans(para: str, lang: str) -> tuple[tuple[int, int], ...]:
    """Spans of the sentences of one paragraph in a base language."""
    if len(para) > SPLIT_CACHE_CHARS:
        return tuple(_split(para, lang, _RULES.get(lang, _DEFAULT_RULES)))
    return _kept_spans(para, lang)


@lru_cache(maxsize=SPLIT_CACHE)
def _kept_spans(para: str, lang: str) -> tuple[tuple[int, int], ...]:
    return tuple(_split(para, lang, _RULES.get(lang, _DEFAULT_RULES)))


#: What a paragraph may hold, before the closing brackets and stops that end it, to be one
#: sentence without asking the library: letters, digits, spaces, ``,%-(``. Each other mark was
#: seen to split somewhere: razdel splits at ``;`` and at ``:)``, sentencex before a lone quote and
#: before a list marker such as ``2)``. Asking the library about these paragraphs never changed
#: their spans, on the 31,577 of ../shared's 144,671 paragraphs (corpus and aligngold) and on
#: 24,000 random ones in 11 languages (tests/test_segment_spans.py holds both paths equal). Text
#: given one sentence per line is mostly such lines: 1,722 of the 2,129 distinct ones of
#: ``benchmarks/terminal_speed.py``'s 2×2,000 sentences, whose segmenting took 0.7 of the time.
_PLAIN = re.compile(r"[\w ,%\-(]*")


def _split(para: str, lang: str, rules: _Rules) -> list[tuple[int, int]]:
    """Spans of the sentences of one paragraph (which has no blanks at its edges)."""
    runs = list(_RUN.finditer(para))
    ours = [(run.start(), run.end()) for run in runs if _is_candidate(para, run)]
    if not ours:
        end = runs[-1].start() if runs and runs[-1].end() == len(para) else len(para)
        while end and para[end - 1] == ")":
            end -= 1
        if _PLAIN.fullmatch(para, 0, end):
            return [(0, len(para))]
    return _split_with_library(para, lang, rules, ours)


def _split_with_library(
    para: str, lang: str, rules: _Rules, ours: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """:func:`_split` once the library is asked; ``ours``: the runs of stops that may end a
    sentence."""
    library = _library_boundaries(para, lang)
    candidates: list[tuple[int, int, bool]] = []  # (run start, run end, library agrees)
    covered: set[int] = set()
    for a, p in ours:
        i = bisect_left(library, a + 1)
        agrees = i < len(library) and library[i] <= p
        while i < len(library) and library[i] <= p:
            covered.add(library[i])
            i += 1
        candidates.append((a, p, agrees))
    candidates += [(b, b, True) for b in library if b not in covered and para[b] in _BLANK]
    candidates.sort()
    spans: list[tuple[int, int]] = []
    start = 0
    for run_start, p, library_agrees in candidates:
        if p <= start:
            continue
        q = p
        while q < len(para) and para[q] in _BLANK:
            q += 1
        verdict = _decide(para, start, run_start, p, q, rules)
        if verdict is None:
            verdict = library_agrees
        if verdict:
            spans.append((start, p))
            start = q
    spans.append((start, len(para)))
    return spans


def _is_candidate(para: str, run: re.Match[str]) -> bool:
    """Can a sentence end after this run? Before a blank, or after a Chinese stop; before a
    Chinese character also after ``?!`` or a closing quote (``Спасибо.”全场``), but not after a
    bare period (``U.N.安理会``)."""
    p, stops = run.end(), run.group()
    if p == len(para):
        return False
    if para[p] in _BLANK or not _CJK_STOPS.isdisjoint(stops):
        return True
    return is_ideographic(para[p]) and (
        stops.endswith(_CLOSER_CHARS) or "!" in stops or "?" in stops
    )


def _library_boundaries(para: str, lang: str) -> list[int]:
    """Sorted ends (blanks excluded) of every sentence but the last, as the library sees them."""
    if lang == "ru":
        from razdel import sentenize  # Russian only: its rules take ~2 ms to import

        pieces = [(s.start, s.text) for s in sentenize(para)]
    else:
        # sentencex never splits inside quotation marks, so it sees blanks in their place; and
        # the Rust library cannot take lone surrogates. Both swaps keep every offset.
        safe = _QUOTES.sub(" ", _SURROGATE.sub("\ufffd", para))
        pieces = [
            (piece["start_index"], piece["text"])
            for piece in sentencex.get_sentence_boundaries(lang, safe)
        ]
    ends = [start + len(text.rstrip(_BLANK)) for start, text in pieces if text.strip(_BLANK)]
    return sorted({end for end in ends if 0 < end < len(para)})


def _decide(para: str, start: int, run_start: int, p: int, q: int, rules: _Rules) -> bool | None:
    """Is there a boundary after ``para[run_start:p]``? ``None``: no rule knows; ask the library.

    ``start`` is where the current sentence began, ``q`` where the next text begins.
    """
    if q >= len(para) or _MARKER_ONLY.fullmatch(para, start, p) or para[q] in _CONTINUING:
        return False
    run = para[run_start:p]
    if run.endswith(_CLOSER_CHARS) and para.startswith(rules.after_quote, q):
        return False
    if not _CJK_STOPS.isdisjoint(run) or p == q:
        return True
    next_word = _NEXT_WORD.match(para, q).group(1)  # type: ignore[union-attr]
    if run.startswith(".") and not run.startswith(("..", ".…")):
        token = _TOKEN.search(para, max(start, run_start - 32), run_start)
        if token:
            verdict = _abbreviation(
                para[start : token.start()], token.group(), para[start:p], next_word, rules
            )
            if verdict is not None:
                return verdict
    if _MARKER_THEN_TEXT.match(para, q):
        return True
    if next_word[:1].islower():
        return False
    if any(c in run for c in "!?…‼⁇⁈⁉") or ".." in run or run.endswith(_CLOSER_CHARS):
        return True
    return None


def _abbreviation(before: str, token: str, left: str, next_word: str, rules: _Rules) -> bool | None:
    """The verdict of ``token`` (the sentence so far is ``before + token + stop``, ``left``).

    ``None`` when the token is a plain word, not an abbreviation.
    """
    compact = re.sub(r"\s", "", token)
    forms = {compact, compact[:1].lower() + compact[1:]}
    ambiguous = not forms.isdisjoint(rules.ambiguous)
    if not forms.isdisjoint(rules.after_numbers):
        ambiguous = bool(_AFTER_NUMBER.search(before))
        if not ambiguous:
            return False
    if ambiguous:
        if rules.starters is not None:
            return next_word in rules.starters
        if not next_word[:1].isupper() or next_word in rules.continuations:
            return False
        return not (rules.date_only and rules.date_only.fullmatch(left))
    if not forms.isdisjoint(rules.titles):
        return False
    if all(len(part) == 1 and part.isupper() for part in compact.split(".")):
        return False  # initials: В.В. Путин, V. Putin
    if not forms.isdisjoint(rules.before_numbers) and next_word[:1].isdigit():
        return False
    return None
