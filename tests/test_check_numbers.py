"""Numbers, dates and percentages compared as values across Russian, Chinese and English."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stmtdiff.core.text.numbers import (
    compare_numbers,
    number_tokens,
    quantities,
    spelled_numbers,
    strip_label,
    zh_numeral,
)
from stmtdiff.core.text.scripts import BaseLang

#: The languages these examples are written in, as a version carries them.
EN, RU, ZH = BaseLang("en"), BaseLang("ru"), BaseLang("zh")


def values(text: str, lang: str) -> list[tuple[str, str]]:
    return [(q.kind, q.value) for q in quantities(text, BaseLang(lang))]


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
    assert 2 in spelled_numbers("между двумя странами", RU)
    assert 2 in spelled_numbers("between the two countries", EN)
    assert 2 in spelled_numbers("两国", ZH)


def test_matching_numbers_give_no_mismatch() -> None:
    assert (
        compare_numbers("достиг 240,1 млрд долларов в 2023 году", RU, "2023年达到2401亿美元", ZH)
        is None
    )


def test_a_changed_number_is_reported_on_both_sides() -> None:
    mismatch = compare_numbers("до 2 401 человека", RU, "增至2410人", ZH)
    assert mismatch is not None
    assert [q.text for q in mismatch.source_only] == ["2 401"]
    assert [q.text for q in mismatch.translation_only] == ["2410"]


def test_a_dropped_date_is_reported_from_the_source() -> None:
    mismatch = compare_numbers("Пекин, 16 мая 2024 г.", RU, "Beijing, May 2024", EN)
    assert mismatch is not None
    assert [(q.kind, q.value) for q in mismatch.source_only] == [("date", "2024-05-16")]
    assert [(q.kind, q.value) for q in mismatch.translation_only] == [("date", "2024-05")]


def test_digits_against_a_spelled_out_number_are_excused() -> None:
    assert compare_numbers("1. Обе стороны согласились.", RU, "一、双方同意。", ZH) is None
    assert compare_numbers("Группа двадцати", RU, "the G20", EN) is None


def test_a_percentage_is_not_the_bare_number() -> None:
    mismatch = compare_numbers("выросла на 5%", RU, "grew by 5", EN)
    assert mismatch is not None


# Issue 15: what official translations write differently, compared as values.


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("в 15 ч. 00 м.", "ru"),
        ("at 3 p.m.", "en"),
        ("at 1500 hours", "en"),
        ("下午3时", "zh"),
    ],
)
def test_times_become_hours_and_minutes(text: str, lang: str) -> None:
    assert ("time", "15:00") in {key for q in quantities(text, BaseLang(lang)) for key in q.keys}


def test_a_clock_time_written_as_a_number_reads_both_ways() -> None:
    (quantity,) = quantities("заседание: 10.00 - 13.00", RU)[1:]
    assert quantity.keys == {("number", "13"), ("time", "13:00")}


def test_the_second_time_of_a_chinese_range_keeps_the_afternoon() -> None:
    assert [q.value for q in quantities("下午3时至6时", ZH)] == ["15:00", "18:00"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("с 13 по 16 мая 2025 года", "ru"),
        ("13–16 мая 2025 г.", "ru"),
        ("from 13 to 16 May 2025", "en"),
        ("13-16 May 2025", "en"),
        ("May 13 to 16, 2025", "en"),
        ("2025年5月13日至16日", "zh"),
        ("2025年5月13-16日", "zh"),
    ],
)
def test_a_range_shares_its_month_and_year(text: str, lang: str) -> None:
    assert values(text, lang) == [("date", "2025-05-13"), ("date", "2025-05-16")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("с 31 марта по 3 апреля 2015 года", "ru"),
        ("from 31 March to 3 April 2015", "en"),
        ("2015年3月31日至4月3日", "zh"),
    ],
)
def test_a_range_across_months_shares_its_year(text: str, lang: str) -> None:
    assert values(text, lang) == [("date", "2015-03-31"), ("date", "2015-04-03")]


def test_a_list_of_days_shares_its_month() -> None:
    expected = [("date", f"2015-03-{day}") for day in ("19", "20", "23", "24")]
    assert values("19, 20, 23 and 24 March 2015", "en") == expected
    assert values("2015年3月19、20、23和24日", "zh") == expected


def test_days_without_a_month_stay_numbers() -> None:
    assert values("paras. 53-55", "en") == [("number", "53"), ("number", "55")]


def test_a_bare_chinese_month_is_no_number() -> None:
    assert values("4月份，儿基会运送了用品", "zh") == []


@pytest.mark.parametrize(
    "text",
    [
        "1 036 201 000",
        "1\u00a0036\u00a0201\u00a0000",
        "1\u2009036\u2009201\u2009000",
        "1'036'201'000",
    ],
)
def test_russian_thousands_separators(text: str) -> None:
    assert values(text, "ru") == [("number", "1036201000")]


def test_english_grouping_followed_by_a_comma_is_read_whole() -> None:
    assert values("$1,036,201,000, of which", "en") == [("number", "1036201000")]


def test_chinese_text_groups_thousands_with_spaces() -> None:
    assert values("所需资源：162 324 300美元", "zh") == [("number", "162324300")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("1.2 million", "en"),
        ("1,2 млн", "ru"),
        ("120万", "zh"),
    ],
)
def test_scaled_millions(text: str, lang: str) -> None:
    assert values(text, lang) == [("number", "1200000")]


def test_scaled_billions_and_yi() -> None:
    assert values("1,2 млрд", "ru") == values("12亿", "zh") == [("number", "1200000000")]


def test_more_than_sits_between_a_number_and_its_chinese_scale() -> None:
    assert values("1 280多万人", "zh") == values("12.8 million people", "en")


def test_a_bare_number_before_a_percentage_in_a_range_is_a_percentage() -> None:
    assert compare_numbers("от 37% до 47%", RU, "between 37 and 47 per cent", EN) is None


def test_russian_percent_adjectives() -> None:
    assert values("30-процентную комиссию", "ru") == [("percent", "30")]


def test_footnote_marks_glued_to_words_are_no_numbers() -> None:
    assert values("доклад Генерального секретаря1;", "ru") == []
    assert values("the Advisory Committee,4 and", "en") == []


def test_footnote_marks_after_the_closing_punctuation_are_no_numbers() -> None:
    assert values("укрепило бы благосостояние прибрежных общин.25", "ru") == []
    assert values("of coastal communities.25", "en") == []
    assert values("表示注意到秘书长的报告；2", "zh") == []
    assert values("审议了该报告。3", "zh") == []


def test_a_number_closing_a_sentence_after_a_decimal_point_is_still_read() -> None:
    assert values("the rate rose to 13.3", "en") == [("number", "13.3")]


def test_codes_with_capital_letters_keep_their_numbers() -> None:
    assert compare_numbers("в районе Б-31", RU, "in the area of B31", EN) is None


def test_document_symbols_are_compared_whole() -> None:
    mismatch = compare_numbers("(A/69/828)", RU, "(A/69/829)", EN)
    assert mismatch is not None
    assert [q.text for q in mismatch.source_only] == ["A/69/828"]


def test_a_roman_numeral_written_the_same_on_both_sides() -> None:
    assert compare_numbers("в разделе III доклада", RU, "in section III of the report", EN) is None


def test_compound_spelled_numbers_excuse_digits() -> None:
    assert compare_numbers("32 страны", RU, "Thirty-two States", EN) is None
    assert compare_numbers("Сто тридцать шестое заседание", RU, "136th meeting", EN) is None


def test_chinese_numerals_excuse_digits() -> None:
    assert compare_numbers("二〇二五年，三千人", ZH, "In 2025, 3,000 people", EN) is None


def test_a_changed_time_is_found() -> None:
    assert compare_numbers("в 15 ч. 00 м.", RU, "at 4 p.m.", EN) is not None


def test_a_changed_scale_is_found() -> None:
    assert compare_numbers("1,2 млн", RU, "1.2 billion", EN) is not None


# A number written the way each language writes it parses back to the same value.


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    return separator.join(
        [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    )


@given(
    whole=st.integers(min_value=0, max_value=10**12),
    fraction=st.one_of(st.none(), st.integers(min_value=1, max_value=99)),
    ru_space=st.sampled_from([" ", "\u00a0", "\u202f", "\u2009"]),
)
def test_numbers_in_en_ru_zh_formats_parse_to_one_value(
    whole: int, fraction: int | None, ru_space: str
) -> None:
    decimals = "" if fraction is None else f"{fraction:02d}".rstrip("0")
    en = _group(str(whole), ",") + (f".{decimals}" if decimals else "")
    ru = _group(str(whole), ru_space) + (f",{decimals}" if decimals else "")
    zh = str(whole) + (f".{decimals}" if decimals else "")
    expected = str(whole) + (f".{decimals}" if decimals else "")
    for text, lang in (
        (f"total {en} units", "en"),
        (f"всего {ru} единиц", "ru"),
        (f"共{zh}个", "zh"),
    ):
        assert values(text, lang) == [("number", expected)], (text, lang)


@given(date=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_dates_in_en_ru_zh_formats_parse_to_one_value(date: dt.date) -> None:
    ru_months = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
    ru = f"{date.day} {ru_months.split()[date.month - 1]} {date.year} года"
    texts = [
        (f"{date.day} {date:%B} {date.year}", "en"),
        (f"{date:%B} {date.day}, {date.year}", "en"),
        (ru, "ru"),
        (f"{date.year}年{date.month}月{date.day}日", "zh"),
    ]
    for text, lang in texts:
        assert values(text, lang) == [("date", date.isoformat())], text


def test_numbered_paragraphs_of_un_documents_are_labels() -> None:
    assert (
        compare_numbers(
            strip_label("30.42 Основная ответственность возложена на Отдел."),
            RU,
            strip_label("30.43 Substantive responsibility is vested in the Division."),
            EN,
        )
        is None
    )
    assert (
        strip_label("11.6 million adolescents were reached")
        == "11.6 million adolescents were reached"
    )


def test_a_roman_century_against_its_spelled_english() -> None:
    assert compare_numbers("в XXI веке", RU, "in the twenty-first century", EN) is None


def test_chinese_ranges_joined_by_yiji_share_the_year() -> None:
    assert values("2015年2月2日至6日以及2月17日至20日", "zh")[-1] == ("date", "2015-02-20")


def test_a_bare_year_may_repeat_the_year_of_a_date() -> None:
    assert (
        compare_numbers(
            "В октябре 2014 года прошла Неделя Африки.",
            RU,
            "In October 2014, Africa Week 2014 was held.",
            EN,
        )
        is None
    )


def test_a_date_still_needs_a_date_of_the_same_value() -> None:
    mismatch = compare_numbers("16 мая 2024 года", RU, "in 2024, on 17 May 2024", EN)
    assert mismatch is not None
    assert [q.value for q in mismatch.source_only] == ["2024-05-16"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("на пять процентов", "ru"), ("by five per cent", "en"), ("5%", "en"), ("百分之五", "zh")],
)
def test_a_percentage_in_words_is_a_percentage(text: str, lang: str) -> None:
    assert values(text, lang) == [("percent", "5")]


def test_a_spelled_percentage_with_tens() -> None:
    assert values("twenty-five per cent", "en") == [("percent", "25")]


# The renderings official zh->en translations use (issue 15's last open target).


def agree(source: str, source_lang: str, translation: str) -> bool:
    return compare_numbers(source, BaseLang(source_lang), translation, EN) is None


@pytest.mark.parametrize(
    ("source", "lang", "translation"),
    [
        ("每年为300万名儿童提供疫苗。", "zh", "Three million children are vaccinated each year."),
        ("За последние 30 лет торговля выросла.", "ru", "Trade has grown over three decades."),
        ("过去10年中，局势发生了变化。", "zh", "The situation has changed in the past decade."),
        ("Совещание посетили 12 экспертов.", "ru", "A dozen experts attended the meeting."),
    ],
)
def test_english_number_words_with_a_multiplier_excuse_the_digits(
    source: str, lang: str, translation: str
) -> None:
    assert agree(source, lang, translation)


@pytest.mark.parametrize(
    "translation",
    [
        "It is proposed to abolish the P-3 post of Budget Officer.",
        "P-3 Budget Officer post abolished",
    ],
)
def test_one_before_a_classifier_is_the_english_singular(translation: str) -> None:
    assert agree("拟裁撤1个P-3预算干事员额。", "zh", translation)


def test_one_before_a_classifier_does_not_hide_a_count_the_translation_changed() -> None:
    mismatch = compare_numbers("拟裁撤1个P-3员额。", ZH, "4 P-3 posts are abolished.", EN)
    assert mismatch is not None
    assert [q.value for q in mismatch.translation_only] == ["4"]


def test_a_year_named_as_the_previous_year_agrees() -> None:
    assert agree(
        "2016年出口增长5％，而2015年为2％。",
        "zh",
        "Exports grew by 5 per cent in 2016, against 2 per cent in the previous year.",
    )


def test_the_previous_year_must_be_the_year_before_one_the_translation_names() -> None:
    assert not agree(
        "2016年出口增长5％，而2014年为2％。",
        "zh",
        "Exports grew by 5 per cent in 2016, against 2 per cent in the previous year.",
    )


def test_a_year_given_once_for_two_date_ranges_agrees() -> None:
    assert agree(
        "工作组于2016年3月1日至4日以及3月8日至10日举行会议。",
        "zh",
        "The working group met from 1 to 4 March and from 8 to 10 March 2016.",
    )


def test_a_month_named_alone_takes_the_year_the_translation_names_elsewhere() -> None:
    assert agree(
        "2017年9月，代表团在2017年6月访问后返回。",
        "zh",
        "Back in September, the mission had visited in June 2017.",
    )


def test_a_dated_month_against_a_bare_month_without_that_year_is_reported() -> None:
    mismatch = compare_numbers(
        "2017年9月，代表团返回。", ZH, "The mission returned in September.", EN
    )
    assert mismatch is not None
    assert [q.value for q in mismatch.source_only] == ["2017-09"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("on 3 Safar A.H. 1437", "en"),
        ("3 сафара 1437 года хиджры", "ru"),
        ("回历1437年2月3日", "zh"),
    ],
)
def test_hijri_dates_read_as_their_own_calendar(text: str, lang: str) -> None:
    assert values(text, lang)[-1] == ("date", "1437-02-03")


def test_a_table_date_with_an_abbreviated_month_and_two_digit_year() -> None:
    assert values("Post filled 5 Mar 15, pending clearance", "en") == [("date", "2015-03-05")]
    assert values("on 5 Mar 15 people were hired", "en") == [("number", "5"), ("number", "15")]


def test_a_table_label_is_stripped_like_a_paragraph_number() -> None:
    assert strip_label("Table 3: Staffing by grade, 2016") == "Staffing by grade, 2016"


def test_a_footnote_mark_closing_a_heading_after_a_number_is_no_number() -> None:
    assert values("Staffing by grade, 2015-2016 4", "en") == [
        ("number", "2015"),
        ("number", "2016"),
    ]


def test_a_footnote_mark_inside_chinese_text_is_no_number() -> None:
    assert values("按照修订的比额表，3 分摊经费。", "zh") == []


def test_chinese_numerals_with_tens_are_numbers() -> None:
    assert values("第三十九条", "zh") == [("number", "39")]
    assert values("十分重要", "zh") == []


def test_chinese_numerals_take_their_scale_but_several_tens_are_no_number() -> None:
    assert values("一百万人", "zh") == [("number", "1000000")]
    assert values("数十万人", "zh") == []


def test_a_changed_article_number_against_chinese_numerals_is_found() -> None:
    assert not agree("（第三十六、三十八和三十九条）", "zh", "(arts. 36, 38 and 36)")


def test_a_roman_numeral_of_the_english_spells_the_chinese_numeral() -> None:
    assert agree("《公约》第十一部分", "zh", "Part XI of the Convention")


def test_the_one_of_a_chinese_word_for_some_excuses_no_digit() -> None:
    assert not agree("一些报告执行了行动5。", "zh", "Some reports implemented actions 5 and 1.")


def test_a_trimester_is_three_months() -> None:
    assert agree(
        "审判将在2018年头3个月开始。", "zh", "The trial will start in the first trimester of 2018."
    )


# The aligners' reading of the same extractor (issue 17: one home for numbers).


def test_alignment_number_tokens_ignore_thousands_separators_and_full_width_digits() -> None:
    assert number_tokens("trade of 245,200 million in ２０２４") == {"245200", "2024"}


def test_alignment_number_tokens_read_a_decimal_comma_as_a_point() -> None:
    assert number_tokens("рост на 2,5 процента") == number_tokens("growth of 2.5 per cent")


def test_yi_shi_for_a_moment_is_no_time() -> None:
    """一时 ("for a moment") is no 01:00; 下午三时 and 十时三十分 are times."""
    english = "The crisis cannot be solved soon."
    assert compare_numbers("危机一时难以解决。", ZH, english, EN) is None
    assert [q.value for q in quantities("会议于下午三时开始。", ZH)] == ["15:00"]
    assert [q.value for q in quantities("会议于十时三十分开始。", ZH)] == ["10:30"]
