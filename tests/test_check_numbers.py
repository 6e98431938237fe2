"""Numbers, dates and percentages compared as values across Russian, Chinese and English."""

from __future__ import annotations

import pytest

from stmtdiff.check.numbers import compare_numbers, quantities, spelled_numbers, zh_numeral


def values(text: str, lang: str) -> list[tuple[str, str]]:
    return [(q.kind, q.value) for q in quantities(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("2,401 students", "en"),
        ("2 401 студента", "ru"),
        ("2\u00a0401 студента", "ru"),
        ("2401名学生", "zh"),
    ],
)
def test_grouped_and_plain_integers_are_one_value(text: str, lang: str) -> None:
    assert values(text, lang) == [("number", "2401")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("245,2 млрд долларов", "ru"), ("$245.2 billion", "en"), ("2452亿美元", "zh")],
)
def test_scale_words_multiply(text: str, lang: str) -> None:
    assert values(text, lang) == [("number", "245200000000")]


def test_trillions_and_wan_yi_agree() -> None:
    assert values("1,5 трлн", "ru") == values("1.5 trillion", "en") == values("1.5万亿", "zh")


def test_comma_is_a_decimal_mark_in_russian_but_groups_thousands_in_english() -> None:
    assert values("рост на 2,401 процента", "ru") == [("percent", "2.401")]
    assert values("2,401 delegates", "en") == [("number", "2401")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("16 мая 2024 г.", "ru"),
        ("2024年5月16日", "zh"),
        ("二〇二四年五月十六日", "zh"),
        ("16 May 2024", "en"),
        ("May 16, 2024", "en"),
    ],
)
def test_full_dates_in_every_order_are_one_date(text: str, lang: str) -> None:
    assert values(text, lang) == [("date", "2024-05-16")]


def test_month_and_year_without_a_day() -> None:
    assert (
        values("в мае 2024 года", "ru") == values("in May 2024", "en") == values("2024年5月", "zh")
    )
    assert values("in May 2024", "en") == [("date", "2024-05")]


def test_day_and_month_without_a_year() -> None:
    assert values("16 мая", "ru") == values("on 16 May", "en") == [("date", "--05-16")]


def test_a_bare_month_name_is_no_number() -> None:
    assert values("The sides may meet in May.", "en") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [("80-летия Победы", "ru"), ("胜利80周年", "zh"), ("the 80th anniversary", "en")],
)
def test_ordinal_suffixes_leave_the_number(text: str, lang: str) -> None:
    assert values(text, lang) == [("number", "80")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("превысила 95%", "ru"),
        ("95 процентов", "ru"),
        ("95 per cent", "en"),
        ("95％", "zh"),
        ("百分之九十五", "zh"),
    ],
)
def test_percentages_are_their_own_kind(text: str, lang: str) -> None:
    assert values(text, lang) == [("percent", "95")]


def test_percentage_points_differ_from_percentages() -> None:
    assert values("на 0,5 процентного пункта", "ru") == [("percentage points", "0.5")]
    assert values("0.5个百分点", "zh") == [("percentage points", "0.5")]


def test_roman_century_numbers_in_russian() -> None:
    assert values("в XXI веке", "ru") == values("in the 21st century", "en") == [("number", "21")]


def test_chinese_numerals() -> None:
    assert [zh_numeral(t) for t in ("十六", "二〇二四", "两千", "一百二十", "三万五千")] == [
        16,
        2024,
        2000,
        120,
        35000,
    ]
    assert zh_numeral("合作") is None


def test_spelled_out_counts_per_language() -> None:
    assert 2 in spelled_numbers("между двумя странами", "ru")
    assert 2 in spelled_numbers("between the two countries", "en")
    assert 2 in spelled_numbers("两国", "zh")


def test_matching_numbers_give_no_mismatch() -> None:
    assert (
        compare_numbers(
            "достиг 240,1 млрд долларов в 2023 году", "ru", "2023年达到2401亿美元", "zh"
        )
        is None
    )


def test_a_changed_number_is_reported_on_both_sides() -> None:
    mismatch = compare_numbers("до 2 401 человека", "ru", "增至2410人", "zh")
    assert mismatch is not None
    assert [q.text for q in mismatch.source_only] == ["2 401"]
    assert [q.text for q in mismatch.translation_only] == ["2410"]


def test_a_dropped_date_is_reported_from_the_source() -> None:
    mismatch = compare_numbers("Пекин, 16 мая 2024 г.", "ru", "Beijing, May 2024", "en")
    assert mismatch is not None
    assert [(q.kind, q.value) for q in mismatch.source_only] == [("date", "2024-05-16")]
    assert [(q.kind, q.value) for q in mismatch.translation_only] == [("date", "2024-05")]


def test_digits_against_a_spelled_out_number_are_excused() -> None:
    assert compare_numbers("1. Обе стороны согласились.", "ru", "一、双方同意。", "zh") is None
    assert compare_numbers("Группа двадцати", "ru", "the G20", "en") is None


def test_a_percentage_is_not_the_bare_number() -> None:
    mismatch = compare_numbers("выросла на 5%", "ru", "grew by 5", "en")
    assert mismatch is not None
