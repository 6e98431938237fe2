"""Glossaries in TOML and CSV: term pairs per language, inflection, duplicates refused."""

from __future__ import annotations

import pytest

from stmtdiff.core.check.glossary import check_terms, parse_csv, parse_glossary, parse_toml
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.text.scripts import BaseLang

#: The languages these examples are written in, as a version carries them.
EN, RU, ZH = BaseLang("en"), BaseLang("ru"), BaseLang("zh")

TOML = """\
[[term]]
ru = "Шанхайская организация сотрудничества"
en = ["Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"]
zh = "上海合作组织"

[[term]]
ru = "ООН"
en = "UN"
"""


def test_toml_entries_keep_their_alternatives() -> None:
    glossary = parse_toml(TOML, "glossary.toml")
    assert glossary.terms[0].forms[EN] == [
        "Shanghai Cooperation Organisation",
        "Shanghai Cooperation Organization",
    ]
    assert [t.where for t in glossary.relevant(RU, ZH)] == ["entry 1"]


def test_csv_header_names_the_languages_and_bars_separate_alternatives() -> None:
    glossary = parse_csv(
        "ru,en,zh,note\nБРИКС,BRICS,金砖国家,\nСовет Безопасности ООН,UN Security Council | "
        "Security Council,联合国安理会,the body\n",
        "terms.csv",
    )
    assert glossary.terms[1].forms == {
        "ru": ["Совет Безопасности ООН"],
        "en": ["UN Security Council", "Security Council"],
        "zh": ["联合国安理会"],
    }
    assert glossary.terms[1].where == "line 3"


def test_extension_picks_the_format() -> None:
    assert parse_glossary("ru,en\nООН,UN\n", "g.csv").terms[0].forms[EN] == ["UN"]
    assert parse_glossary(TOML, "g.toml").terms[1].forms[RU] == ["ООН"]


def test_inflected_russian_source_term_is_found() -> None:
    terms = parse_toml(TOML, "g.toml").terms
    misses = check_terms(
        terms,
        "Стороны углубят сотрудничество в рамках Шанхайской организации сотрудничества.",
        RU,
        "The sides will deepen cooperation within the regional organisation.",
        EN,
    )
    assert [m.source_form for m in misses] == ["Шанхайская организация сотрудничества"]


def test_any_listed_alternative_satisfies_the_term() -> None:
    terms = parse_toml(TOML, "g.toml").terms
    source = "Стороны поддерживают Шанхайскую организацию сотрудничества."
    assert (
        check_terms(terms, source, RU, "They back the Shanghai Cooperation Organization.", EN) == []
    )


def test_chinese_terms_match_inside_running_text() -> None:
    terms = parse_toml(TOML, "g.toml").terms
    source = "в рамках Шанхайской организации сотрудничества"
    assert check_terms(terms, source, RU, "在上海合作组织框架内", ZH) == []
    assert len(check_terms(terms, source, RU, "在上合组织框架内", ZH)) == 1


def test_short_terms_match_whole_words_only() -> None:
    terms = parse_toml(TOML, "g.toml").terms
    # "ООН" must not be found inside another word, nor "UN" inside "UNESCO".
    assert check_terms(terms, "Стороны ценят ЮНЕСКО.", RU, "The sides value UNESCO.", EN) == []
    assert len(check_terms(terms, "Устав ООН.", RU, "The UNESCO charter.", EN)) == 1


def test_wildcard_matches_any_ending() -> None:
    glossary = parse_toml('[[term]]\nen = "sanction*"\nru = "санкци*"\n', "g.toml")
    assert (
        check_terms(glossary.terms, "unilateral sanctions", EN, "односторонних санкций", RU) == []
    )


def test_yo_and_ye_are_the_same_letter() -> None:
    glossary = parse_toml('[[term]]\nru = "Объединённые Нации"\nen = "United Nations"\n', "g.toml")
    assert len(check_terms(glossary.terms, "Объединенные Нации", RU, "the Organisation", EN)) == 1


def test_duplicate_term_in_toml_is_refused_with_both_entries_named() -> None:
    text = TOML + '\n[[term]]\nru = "ООН"\nen = "United Nations"\n'
    with pytest.raises(
        StmtdiffError, match=r"g.toml: duplicate ru term 'ООН' \(entry 2 and entry 3\)"
    ):
        parse_toml(text, "g.toml")


def test_duplicate_term_in_csv_names_both_lines() -> None:
    with pytest.raises(StmtdiffError, match=r"duplicate en term 'brics' \(line 2 and line 3\)"):
        parse_csv("ru,en\nБРИКС,BRICS\nбрикс+,brics\n", "g.csv")


def test_csv_without_two_languages_is_refused() -> None:
    with pytest.raises(StmtdiffError, match="at least two languages"):
        parse_csv("term,note\nООН,UN\n", "g.csv")


def test_toml_without_terms_is_refused() -> None:
    with pytest.raises(StmtdiffError, match=r"no \[\[term\]\] tables"):
        parse_toml('title = "glossary"\n', "g.toml")


def _refusal(text: str, path: str) -> str:
    with pytest.raises(StmtdiffError) as caught:
        parse_glossary(text, path)
    return str(caught.value)


def test_csv_unterminated_quote_is_refused_with_the_line_it_opens_on() -> None:
    text = 'ru,en\nБРИКС,BRICS\n"ООН,UN\nСовет Безопасности,Security Council\n'
    assert _refusal(text, "terms.csv").startswith("terms.csv: line 3: ")


def test_csv_quote_closed_lines_later_is_refused_rather_than_swallowing_terms() -> None:
    text = 'ru,en\n"ООН,UN\nБРИКС,"BRICS"\n'
    assert _refusal(text, "terms.csv").startswith("terms.csv: line 2: ")


def test_csv_line_numbers_count_blank_lines() -> None:
    text = "ru,en\n\nБРИКС,BRICS\n\nООН,UN\nБРИКС,UN\n"
    assert "line 6" in _refusal(text, "terms.csv")


def test_csv_row_with_more_cells_than_the_header_is_refused() -> None:
    text = "ru,en\nСовет Безопасности, ООН,UN Security Council\n"
    assert "line 2 has 3 cells, the header has 2" in _refusal(text, "terms.csv")


def test_csv_row_with_fewer_cells_than_the_header_is_refused() -> None:
    assert "line 2 has 2 cells, the header has 3" in _refusal(
        "ru,en,zh\nБРИКС,BRICS\n", "terms.csv"
    )


def test_csv_entry_with_a_single_language_is_refused() -> None:
    assert "line 2 gives a term in fewer than two languages" in _refusal(
        "ru,en,zh\nБРИКС,,\n", "terms.csv"
    )


def test_tsv_glossary_is_read_with_tabs() -> None:
    glossary = parse_glossary("ru\ten\tzh\nБРИКС\tBRICS\t金砖国家\n", "terms.tsv")
    assert glossary.terms[0].forms == {"ru": ["БРИКС"], "en": ["BRICS"], "zh": ["金砖国家"]}


def test_tsv_row_with_a_missing_tab_is_refused() -> None:
    assert "line 3 has 1 cells" in _refusal("ru\ten\nБРИКС\tBRICS\nООН UN\n", "terms.tsv")


def test_toml_entry_whose_language_keys_are_misspelt_is_refused() -> None:
    text = '[[term]]\nru = "ООН"\nEN = "UN"\n'
    assert "entry 1 gives a term in fewer than two languages" in _refusal(text, "g.toml")


def test_toml_empty_term_is_refused() -> None:
    text = '[[term]]\nru = "ООН"\nen = ["UN", " "]\n'
    assert "g.toml: entry 1: en is an empty term" in _refusal(text, "g.toml")


def test_term_of_punctuation_only_names_its_entry() -> None:
    text = '[[term]]\nru = "ООН"\nen = "*"\n'
    assert _refusal(text, "g.toml").startswith("g.toml: entry 1: ")
