"""Numbers, dates and percentages of a sentence, normalised so ru, zh and en forms compare equal.

Translation QA tools compare digit strings, and so report ``2 401`` against ``2,401`` or
``245,2 млрд`` against ``2452亿`` as mismatches. Here every quantity becomes a value first:
digit grouping and decimal marks follow the language, scale words multiply (``млрд``, ``billion``,
``亿``), dates in any of the three languages' orders become ISO dates, and ordinal suffixes
(``80-летия``, ``80周年``, ``80th``) leave the number alone. A number one side spells out in words
(``two``, ``двух``, ``两``) excuses the other side's digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from stmtdiff.scripts import base_language

#: Kinds of quantity; a percentage never equals the bare number it carries.
NUMBER, PERCENT, POINTS, DATE = "number", "percent", "percentage points", "date"

_SPACES = "\u00a0\u202f\u2009\u2007"  # no-break, narrow no-break, thin, figure space
_D = r"(?<![\d.,])"  # a number starts here, not inside another

# Grouped numbers first, then plain ones; the language decides what "," means.
_GROUPED_SPACE_ANY = rf"{_D}\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?!\d)"
_GROUPED_SPACE_RU = rf"{_D}\d{{1,3}}(?:[ {_SPACES}]\d{{3}})+(?!\d)"
_GROUPED_COMMA = rf"{_D}\d{{1,3}}(?:,\d{{3}})+(?![\d,])"
_DECIMAL = r"(?:[.,]\d+(?![\d]))?"
_PLAIN = rf"{_D}\d+"

_SCALE_WORDS: tuple[tuple[str, int], ...] = (
    (r"тыс\.?|тысяч[аиу]?", 10**3),
    (r"млн\.?|миллион(?:а|ов|ом|ами|ах)?", 10**6),
    (r"млрд\.?|миллиард(?:а|ов|ом|ами|ах)?", 10**9),
    (r"трлн\.?|триллион(?:а|ов|ом|ами|ах)?", 10**12),
    (r"thousands?", 10**3),
    (r"millions?|mln\.?", 10**6),
    (r"billions?|bn\b", 10**9),
    (r"trillions?|tn\b", 10**12),
)
_SCALE_CJK: tuple[tuple[str, int], ...] = (("万亿", 10**12), ("亿", 10**8), ("万", 10**4))
_SCALE = (
    r"(?P<scale>(?:\s|["
    + _SPACES
    + r"])*(?:"
    + "|".join(f"(?:{pattern})(?![а-яёa-z])" for pattern, _ in _SCALE_WORDS)
    + r")|"
    + "|".join(word for word, _ in _SCALE_CJK)
    + ")?"
)
_PERCENT = (
    r"(?P<percent>\s?[%％]|(?:\s|[" + _SPACES + r"])+(?:"
    r"процент(?:а|ов|ам|ами|ах)?|per\s?cent|percent)(?![а-яёa-z]))?"
)
_POINTS = (
    r"(?P<points>(?:\s|[" + _SPACES + r"])*(?:"
    r"процентн\w*\s+пункт\w*|п\.\s?п\.|percentage\s+points?|个百分点))"
)

_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_ZH_DIGITS |= {"七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_ZH_NUMERAL = "[〇零一二两三四五六七八九十百千万亿]+"

_RU_MONTHS = (
    r"январ[ьяе]",
    r"феврал[ьяе]",
    r"март[аеу]?",
    r"апрел[ьяе]",
    r"ма[йяею]",
    r"июн[ьяе]",
    r"июл[ьяе]",
    r"август[аеу]?",
    r"сентябр[ьяе]",
    r"октябр[ьяе]",
    r"ноябр[ьяе]",
    r"декабр[ьяе]",
)
_EN_MONTHS = (
    "January|Jan\\.",
    "February|Feb\\.",
    "March|Mar\\.",
    "April|Apr\\.",
    "May",
    "June|Jun\\.",
    "July|Jul\\.",
    "August|Aug\\.",
    "September|Sept?\\.",
    "October|Oct\\.",
    "November|Nov\\.",
    "December|Dec\\.",
)


def _month_group(months: tuple[str, ...]) -> str:
    return "|".join(f"(?P<m{i}>{pattern})" for i, pattern in enumerate(months, start=1))


_RU_MONTH = rf"(?:{_month_group(_RU_MONTHS)})(?![а-яё])"
_EN_MONTH = rf"(?:{_month_group(_EN_MONTHS)})(?![A-Za-z])"
_YEAR = r"(?P<year>\d{4})(?!\d)"
_DAY = r"(?P<day>\d{1,2})(?!\d)"
_ZH_PART = rf"(?:\d+|{_ZH_NUMERAL})"

_DATE_PATTERNS = (
    # 2024年5月16日, 二〇二四年五月十六日, 2024年5月, 5月16日
    re.compile(
        rf"(?:(?P<year>{_ZH_PART})\s*年\s*)?(?P<month>{_ZH_PART})\s*月(?:\s*(?P<day>{_ZH_PART})\s*[日号])?"
    ),
    # 16 мая 2024 г. / 16 мая / в мае 2024 года
    re.compile(
        rf"(?<!\d){_DAY}[\s{_SPACES}]+{_RU_MONTH}(?:[\s{_SPACES}]+{_YEAR}"
        r"(?:[\s" + _SPACES + r"]*(?:г\.|года|год|году)(?![а-яё]))?)?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![а-яё]){_RU_MONTH}[\s{_SPACES}]+{_YEAR}"
        r"(?:[\s" + _SPACES + r"]*(?:г\.|года|год|году)(?![а-яё]))?",
        re.IGNORECASE,
    ),
    # 16 May 2024 / 16th of May, 2024 / May 16, 2024 / May 2024
    re.compile(rf"(?<!\d){_DAY}(?:st|nd|rd|th)?(?:\s+of)?\s+{_EN_MONTH}(?:,?\s+{_YEAR})?"),
    re.compile(rf"(?<![A-Za-z]){_EN_MONTH}\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"),
    re.compile(rf"(?<![A-Za-z]){_EN_MONTH}(?:\s+of)?,?\s+{_YEAR}"),
)

_ROMAN = re.compile(
    r"(?<![\w])(?=[IVXLC])(C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(?=[\s" + _SPACES + r"]+"
    r"[а-яё])"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number, percentage or date as written (``text``, ``start``) and as a value."""

    kind: str
    value: str
    text: str
    start: int
    end: int

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.value)


def _number_pattern(lang: str) -> re.Pattern[str]:
    spaced = (
        _GROUPED_SPACE_RU if base_language(lang) in {"ru", "uk", "be", "bg"} else _GROUPED_SPACE_ANY
    )
    number = rf"(?P<number>(?:{spaced}|{_GROUPED_COMMA}|{_PLAIN}){_DECIMAL})"
    return re.compile(rf"(?P<zhpercent>百分之)?{number}(?:{_POINTS}|{_PERCENT}{_SCALE})")


_NUMBER_PATTERNS: dict[str, re.Pattern[str]] = {}


def _parse_number(text: str, lang: str) -> Decimal:
    """The value of a digit string written the way ``lang`` writes numbers."""
    digits = "".join(ch for ch in text if ch not in " " + _SPACES)
    comma_decimal = base_language(lang) in {"ru", "uk", "be", "bg"}
    if "," in digits and "." in digits:
        digits = digits.replace(",", "")  # 1,234.5: commas group
    elif "," in digits:
        groups = digits.split(",")
        grouping = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
        digits = digits.replace(",", "." if comma_decimal or not grouping else "")
    try:
        return Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the patterns only pass digits and marks
        return Decimal(0)


def _canonical(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text[:-2] if text.endswith(".0") else text


def _scale(word: str | None) -> int:
    if not word:
        return 1
    word = word.strip(" " + _SPACES).lower()
    for cjk, factor in _SCALE_CJK:
        if word == cjk:
            return factor
    for pattern, factor in _SCALE_WORDS:
        if re.fullmatch(pattern, word):
            return factor
    return 1


def zh_numeral(text: str) -> int | None:
    """The value of a Chinese numeral (``十六``, ``二〇二四``, ``两千``); else ``None``."""
    if not text or any(ch not in _ZH_DIGITS and ch not in _ZH_UNITS for ch in text):
        return None
    if all(ch in _ZH_DIGITS for ch in text):  # digit by digit: 二〇二四
        return int("".join(str(_ZH_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
            continue
        unit = _ZH_UNITS[ch]
        if unit >= 10_000:
            total += (section + digit) * unit
            section = digit = 0
        else:
            section += (digit or 1) * unit
            digit = 0
    return total + section + digit


def _date_part(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else zh_numeral(text)


def _month_of(match: re.Match[str]) -> int | None:
    if match.groupdict().get("month") is not None:
        return _date_part(match.group("month"))
    for number in range(1, 13):
        if match.groupdict().get(f"m{number}"):
            return number
    return None


def _date_value(match: re.Match[str]) -> str | None:
    year = _date_part(match.groupdict().get("year"))
    month = _month_of(match)
    day = _date_part(match.groupdict().get("day"))
    if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if day is None and year is None:
        return None  # a bare month name ("May") says nothing numeric
    if year is not None and day is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if year is not None:
        return f"{year:04d}-{month:02d}"
    return f"--{month:02d}-{day:02d}"


def _dates(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            value = _date_value(match)
            if value is None:
                continue
            taken.append((start, end))
            found.append(Quantity(DATE, value, match.group().strip(), start, end))
    return found


def _roman(text: str) -> int:
    total = 0
    for index, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def quantities(text: str, lang: str) -> list[Quantity]:
    """Every number, percentage and date in ``text``, in order of appearance."""
    found = _dates(text)
    taken = [(q.start, q.end) for q in found]
    pattern = _NUMBER_PATTERNS.get(lang)
    if pattern is None:
        pattern = _NUMBER_PATTERNS.setdefault(lang, _number_pattern(lang))
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(start < b and a < end for a, b in taken):
            continue
        value = _parse_number(match.group("number"), lang)
        if match.group("points"):
            kind = POINTS
        elif match.group("percent") or match.group("zhpercent"):
            kind = PERCENT
        else:
            kind = NUMBER
            value *= _scale(match.group("scale"))
        found.append(Quantity(kind, _canonical(value), match.group().strip(), start, end))
    for match in re.finditer(r"百分之(" + _ZH_NUMERAL + ")", text):
        value_int = zh_numeral(match.group(1))
        if value_int is not None and not any(
            match.start() < b and a < match.end() for a, b in taken
        ):
            found.append(Quantity(PERCENT, str(value_int), match.group(), *match.span()))
    if base_language(lang) == "ru":
        for match in _ROMAN.finditer(text):
            if match.group(1):
                found.append(
                    Quantity(NUMBER, str(_roman(match.group(1))), match.group(1), *match.span(1))
                )
    return sorted(found, key=lambda q: q.start)


# Spelled-out numbers that excuse digits on the other side (small counts and ordinals).
_EN_WORDS = {
    1: "one|first|single",
    2: "two|second|both|twice|double|bilateral",
    3: "three|third|trilateral|tripartite",
    4: "four|fourth",
    5: "five|fifth",
    6: "six|sixth",
    7: "seven|seventh",
    8: "eight|eighth",
    9: "nine|ninth",
    10: "ten|tenth",
    11: "eleven|eleventh",
    12: "twelve|twelfth",
    20: "twenty|twentieth",
    100: "hundred|hundredth|centenary|centennial",
}
_RU_WORDS = {
    1: r"од(?:ин|на|но|ного|ной|ному|ним|ном|ну)|перв\w+",
    2: r"дв(?:а|е|ух|ум|умя)|двое|вто\w+|обе|оба|обеих|обоих|двусторонн\w+",
    3: r"тр(?:и|ех|ёх|ем|ём|емя)|трет\w+|трехсторонн\w+|трёхсторонн\w+",
    4: r"четыр\w+|четв[её]рт\w+",
    5: r"пят(?:ь|и|ью)|пят\w+",
    6: r"шест\w+",
    7: r"сем(?:ь|и|ью)|седьм\w+",
    8: r"вос[еь]м\w*",
    9: r"девят\w+",
    10: r"десят\w+",
    11: r"одиннадцат\w+",
    12: r"двенадцат\w+",
    20: r"двадцат\w+",
    100: r"сто|ста|сот\w+|столет\w+",
}
_WORD_PATTERNS = {
    "en": {n: re.compile(rf"\b(?:{w})\b", re.IGNORECASE) for n, w in _EN_WORDS.items()},
    "ru": {
        n: re.compile(rf"(?<![а-яё])(?:{w})(?![а-яё])", re.IGNORECASE) for n, w in _RU_WORDS.items()
    },
}


def spelled_numbers(text: str, lang: str) -> set[int]:
    """Small numbers ``text`` writes in words: what the other side's digits may stand for."""
    base = base_language(lang)
    if base in {"zh", "ja"}:
        values = {zh_numeral(run) for run in re.findall(_ZH_NUMERAL, text)}
        return {v for v in values if v is not None}
    patterns = _WORD_PATTERNS.get(base, {})
    return {number for number, pattern in patterns.items() if pattern.search(text)}


#: A list label opening a sentence: "12.", "3)", "(b)", "IV.", "一、", "（二）".
_LABEL = re.compile(
    r"^\s*(?:\(?(?:\d{1,3}|[IVXLC]{1,6}|[a-zа-я])[.)]|[一二三四五六七八九十百]+、|（[一二三四五六七八九十]+）)\s*"
)


def strip_label(sentence: str) -> str:
    """A sentence without its paragraph number: a label of the list, not a number it states.

    A translation that drops a paragraph's first sentence moves the label to the next one;
    comparing labels would report a number that is no fault of the sentence.
    """
    return _LABEL.sub("", sentence, count=1)


@dataclass(frozen=True, slots=True)
class NumberMismatch:
    """Quantities only one side of an aligned pair has."""

    source_only: list[Quantity]
    translation_only: list[Quantity]


def _excused(quantity: Quantity, spelled: set[int]) -> bool:
    return quantity.kind == NUMBER and quantity.value.isdigit() and int(quantity.value) in spelled


def _only_in(left: Iterable[Quantity], right_keys: set[tuple[str, str]]) -> list[Quantity]:
    seen: set[tuple[str, str]] = set()
    result = []
    for quantity in left:
        if quantity.key not in right_keys and quantity.key not in seen:
            seen.add(quantity.key)
            result.append(quantity)
    return result


def compare_numbers(
    source: str, source_lang: str, translation: str, translation_lang: str
) -> NumberMismatch | None:
    """What numbers differ between a sentence and its translation; ``None`` when they agree."""
    left = quantities(source, source_lang)
    right = quantities(translation, translation_lang)
    if not left and not right:
        return None
    left_keys = {q.key for q in left}
    right_keys = {q.key for q in right}
    source_only = _only_in(left, right_keys)
    translation_only = _only_in(right, left_keys)
    if source_only:
        spelled = spelled_numbers(translation, translation_lang)
        source_only = [q for q in source_only if not _excused(q, spelled)]
    if translation_only:
        spelled = spelled_numbers(source, source_lang)
        translation_only = [q for q in translation_only if not _excused(q, spelled)]
    if not source_only and not translation_only:
        return None
    return NumberMismatch(source_only, translation_only)
