"""The checks on aligned pairs, given hand-made alignments so no aligner decides the outcome."""

from __future__ import annotations

from stmtdiff.core.check.findings import CheckReport, Finding, Severity
from stmtdiff.core.check.glossary import parse_toml
from stmtdiff.core.check.rules import aligned_texts, check_translation
from stmtdiff.core.model import Bead, Method, PairAlignment, Version
from stmtdiff.core.text.versions import make_version


def version(text: str, lang: str, path: str) -> Version:
    return make_version(path, text, lang=lang, path=path)


def one_to_one(source: Version, translation: Version, *extra: Bead) -> PairAlignment:
    beads = list(extra) or [
        Bead((i,), (i,)) for i in range(min(len(source.sentences), len(translation.sentences)))
    ]
    return PairAlignment(source.id, translation.id, Method.LEXICAL, 1.0, beads)


def findings(
    source_text: str,
    translation_text: str,
    lang: str = "en",
    *beads: Bead,
    source_lang: str = "ru",
) -> list[Finding]:
    source = version(source_text, source_lang, "ru.txt")
    translation = version(translation_text, lang, "t.txt")
    report = check_translation(source, translation, one_to_one(source, translation, *beads))
    return report.findings


def rules(found: list[Finding]) -> list[str]:
    return [f.rule for f in found]


def test_faithful_translation_has_no_findings() -> None:
    found = findings(
        "Стороны провели переговоры в Пекине 16 мая 2024 г. Они обсудили торговлю.",
        "The sides held talks in Beijing on 16 May 2024. They discussed trade.",
    )
    assert found == []


def test_sentence_in_the_source_script_is_untranslated() -> None:
    found = findings("Стороны обсудили торговлю.", "Стороны обсуждали торговлю.")
    assert rules(found) == ["untranslated"]
    assert found[0].message == "this sentence is in Russian, the source language, not translated"


def test_copy_of_the_source_is_untranslated() -> None:
    found = findings("Стороны обсудили торговлю.", "Стороны обсудили торговлю.", "zh")
    assert [f.message for f in found] == ["the translation is identical to the source"]


def test_untranslated_in_the_same_script_is_found_by_language_identification() -> None:
    found = findings(
        "Les parties ont examiné la coopération commerciale et les investissements.",
        "Les parties ont examiné la coopération commerciale et les investissements mutuels.",
        "en",
        source_lang="fr",
    )
    assert rules(found) == ["untranslated"]


def test_untranslated_pair_gets_no_further_content_findings() -> None:
    found = findings("Рост составил 5%.", "Рост составил 7%.")
    assert rules(found) == ["untranslated"]


def test_a_translation_sentence_without_source_is_extra() -> None:
    found = findings(
        "Стороны обсудили торговлю.",
        "The sides discussed trade. They also discussed the weather.",
        "en",
        Bead((0,), (0,)),
        Bead((), (1,)),
    )
    assert rules(found) == ["extra"]
    extra = found[0]
    assert (extra.translation.line, extra.translation.column) == (1, 28)
    assert (extra.source.line, extra.source.column) == (1, 27)  # after the source's sentence


def test_merged_group_hiding_a_dropped_sentence_is_split() -> None:
    # The aligner pairs both source sentences with the one translation sentence.
    found = findings(
        "Стороны будут углублять сотрудничество в рамках Шанхайской организации сотрудничества. "
        "Они поддерживают расширение БРИКС, в который 1 января 2024 года вошли новые государства.",
        "The sides will deepen cooperation within the Shanghai Cooperation Organisation.",
        "en",
        Bead((0, 1), (0,)),
    )
    assert rules(found) == ["missing"]
    assert found[0].source_sentence.startswith("Они поддерживают")


def test_translator_joining_two_sentences_is_not_split() -> None:
    found = findings(
        "Стороны обсудили торговлю и инвестиции. Они договорились продолжить диалог.",
        "The sides discussed trade and investment and agreed to continue the dialogue.",
        "en",
        Bead((0, 1), (0,)),
    )
    assert found == []


def test_moved_sentence_is_paired_not_missing_and_extra() -> None:
    source = version("Первое предложение здесь. Второе предложение здесь.", "ru", "ru.txt")
    translation = version("The second sentence is here. The first sentence is here.", "en", "t.txt")
    alignment = PairAlignment(
        source.id,
        translation.id,
        Method.LEXICAL,
        1.0,
        [Bead((0,), ()), Bead((1,), (0,)), Bead((), (1,))],
        moves=[(0, 1)],
    )
    assert check_translation(source, translation, alignment).findings == []
    assert aligned_texts(source, translation, alignment)[0] == (
        "Первое предложение здесь.",
        "The first sentence is here.",
    )


def test_truncated_translation_is_a_length_warning() -> None:
    found = findings(
        "Стороны выступают против односторонних санкций, не одобренных Советом Безопасности "
        "ООН, и против вмешательства во внутренние дела суверенных государств.",
        "The sides oppose sanctions.",
    )
    assert rules(found) == ["length"]
    assert found[0].severity is Severity.WARNING
    assert "shorter than usual for ru→en" in found[0].message


def test_chinese_is_expected_to_be_short() -> None:
    found = findings(
        "Стороны выступают против односторонних санкций, не одобренных Советом Безопасности ООН.",
        "双方反对未经联合国安理会授权的单边制裁。",
        "zh",
    )
    assert found == []


def test_unbalanced_quotes_in_the_translation_are_a_punctuation_warning() -> None:
    found = findings(
        "Стороны приветствуют инициативу «Один пояс, один путь».",
        "The sides welcome the “Belt and Road Initiative.",
    )
    assert [(f.rule, f.message) for f in found] == [
        ("punctuation", "unbalanced “” in the translation")
    ]


def test_question_rendered_as_statement_is_a_punctuation_warning() -> None:
    found = findings("Кто выиграет от санкций?", "谁将从制裁中获益。", "zh")
    assert [f.message for f in found] == ["the source is a question, the translation is not"]


def test_glossary_finding_names_the_required_translation() -> None:
    glossary = parse_toml('[[term]]\nru = "БРИКС"\nen = "BRICS"\n', "g.toml")
    source = version("Стороны поддерживают расширение БРИКС.", "ru", "ru.txt")
    translation = version("The sides support the expansion of the group.", "en", "t.txt")
    report = check_translation(
        source, translation, one_to_one(source, translation), glossary=glossary
    )
    assert [f.message for f in report.findings] == [
        "glossary term «БРИКС» must be translated as “BRICS” (g.toml, entry 1)"
    ]


def test_skipped_rules_report_nothing() -> None:
    source = version("Рост составил 5%.", "ru", "ru.txt")
    translation = version("Growth was 7%.", "en", "t.txt")
    alignment = one_to_one(source, translation)
    assert rules(check_translation(source, translation, alignment).findings) == ["numbers"]
    report = check_translation(source, translation, alignment, skip=frozenset({"numbers"}))
    assert report.findings == []


def test_warnings_fail_only_with_fail_on_warning() -> None:
    source = version("Кто выиграет от санкций?", "ru", "ru.txt")
    translation = version("Who will gain from the sanctions.", "en", "t.txt")
    pair = check_translation(source, translation, one_to_one(source, translation))
    assert CheckReport([pair], Severity.ERROR).exit_code == 0
    assert CheckReport([pair], Severity.WARNING).exit_code == 1


def test_locations_count_characters_from_one_on_each_line() -> None:
    found = findings(
        "Заголовок\n\nСтороны обсудили торговлю. Рост составил 5%.",
        "Heading\n\nThe sides discussed trade. Growth was 7%.",
    )
    (finding,) = found
    assert (finding.source.line, finding.source.column) == (3, 28)
    assert (finding.translation.line, finding.translation.column) == (3, 28)
    assert (finding.translation.end_line, finding.translation.end_column) == (3, 42)


def test_two_against_two_is_checked_sentence_by_sentence() -> None:
    found = findings(
        "Стороны выступают против односторонних санкций. Такие меры подрывают торговлю.",
        "The sides oppose unilateral sanctions. Такие меры подрывают торговлю.",
        "en",
        Bead((0, 1), (0, 1)),
    )
    assert [(f.rule, f.translation.column) for f in found] == [("untranslated", 40)]


def test_redrawn_sentence_boundaries_stay_one_unit() -> None:
    found = findings(
        "Товарооборот вырос на 26% и достиг 240 млрд долларов. Это рекорд.",
        "Trade grew by 26%. At 240 billion dollars, it set a record.",
        "en",
        Bead((0, 1), (0, 1)),
    )
    assert found == []


def test_three_against_two_hiding_a_dropped_sentence_is_realigned() -> None:
    glossary = parse_toml('[[term]]\nru = "БРИКС"\nzh = "金砖国家"\n', "g.toml")
    source = version(
        "Стороны выступают за укрепление роли БРИКС. Россия и Китай поддерживают проведение "
        "5507 совместных мероприятий. Министры приветствуют инвестиции в размере 9 млрд долларов.",
        "ru",
        "ru.txt",
    )
    translation = version(
        "中俄两国支持举办5507场联合活动。两国外长欢迎90亿美元投资。", "zh", "t.txt"
    )
    alignment = PairAlignment(
        source.id, translation.id, Method.LEXICAL, 1.0, [Bead((0, 1, 2), (0, 1))]
    )
    found = check_translation(source, translation, alignment, glossary=glossary).findings
    assert [(f.rule, f.source_ids) for f in found] == [("missing", (0,))]


def test_paragraph_numbers_are_labels_not_numbers() -> None:
    # The first sentence of paragraph 101 was dropped; its label moved to the next sentence.
    found = findings(
        "101. Стороны обсудили торговлю. Главы государств выступают за сотрудничество в Арктике.",
        "101. The heads of state stand for cooperation in the Arctic.",
        "en",
        Bead((0,), ()),
        Bead((1,), (0,)),
    )
    assert rules(found) == ["missing"]


def test_chinese_list_labels_match_arabic_ones() -> None:
    assert findings("3. Стороны обсудили торговлю.", "三、双方讨论了贸易。", "zh") == []
