"""Glossaries in TOML and CSV: term pairs per language, inflection, duplicates refused."""

from __future__ import annotations

import pytest

from stmtdiff.check.glossary import check_terms, parse_csv, parse_glossary, parse_toml
from stmtdiff.errors import StmtdiffError

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
    assert glossary.terms[0].forms["en"] == [
        "Shanghai Cooperation Organisation",
        "Shanghai Cooperation Organization",
    ]
    assert [t.where for t in glossary.relevant("ru", "zh")] == ["entry 1"]


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
    assert parse_glossary("ru,en\nООН,UN\n", "g.csv").terms[0].forms["en"] == ["UN"]
    assert parse_glossary(TOML, "g.toml").terms[1].forms["ru"] == ["ООН"]


def test_inflected_russian_source_term_is_found() -> None:
    terms = parse_toml(TOML, "g.toml").terms
    misses = check_terms(
        terms,
        "Стороны углубят сотрудничество в рамках Шанхайской организации сотрудничества.",
        "ru",
        "The sides will deepen cooperation within the regional organisation.",
        "en",
    )
    assert [m.source_form for m in misses] == ["Шанхайская организация сотрудничества"]


def test_any_listed_alternative_satisfies_the_term() -> None:
    terms = parse_toml(TOML, "g.toml").terms
    source = "Стороны поддерживают Шанхайскую организацию сотрудничества."
    assert (
        check_terms(terms, source, "ru", "They back the Shanghai Cooperation Organization.", "en")
        == []
    )


def test_chinese_terms_match_inside_running_text() -> None:
    terms = parse_toml(TOML, "g.toml").terms
    source = "в рамках Шанхайской организации сотрудничества"
    assert check_terms(terms, source, "ru", "在上海合作组织框架内", "zh") == []
    assert len(check_terms(terms, source, "ru", "在上合组织框架内", "zh")) == 1


def test_short_terms_match_whole_words_only() -> None:
    terms = parse_toml(TOML, "g.toml").terms
    # "ООН" must not be found inside another word, nor "UN" inside "UNESCO".
    assert check_terms(terms, "Стороны ценят ЮНЕСКО.", "ru", "The sides value UNESCO.", "en") == []
    assert len(check_terms(terms, "Устав ООН.", "ru", "The UNESCO charter.", "en")) == 1


def test_wildcard_matches_any_ending() -> None:
    glossary = parse_toml('[[term]]\nen = "sanction*"\nru = "санкци*"\n', "g.toml")
    assert (
        check_terms(glossary.terms, "unilateral sanctions", "en", "односторонних санкций", "ru")
        == []
    )


def test_yo_and_ye_are_the_same_letter() -> None:
    glossary = parse_toml('[[term]]\nru = "Объединённые Нации"\nen = "United Nations"\n', "g.toml")
    assert (
        len(check_terms(glossary.terms, "Объединенные Нации", "ru", "the Organisation", "en")) == 1
    )


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
