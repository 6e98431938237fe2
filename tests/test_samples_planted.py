"""The differences planted in samples/joint-statement (see samples/README.md) are found.

Each pair the README's table speaks of is compared through the same path the CLI takes
(``session.build_comparison``), offline: two English translations (same language, independent
wording), the Russian and Chinese originals (semantic, no translation), each original against
its own side's English, and all five versions of the manifest around the Russian pivot.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from align_support import model_cache  # noqa: F401

from stmtdiff.adapters.models.embed import encoder_available
from stmtdiff.adapters.pipeline import Request, build_comparison
from stmtdiff.core.model import Comparison, Op, Row, Status

pytestmark = [
    pytest.mark.usefixtures("model_cache"),
    pytest.mark.skipif(not encoder_available(), reason="encoder package not installed"),
]

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "joint-statement"


@cache
def comparison(*names: str) -> Comparison:
    """Comparison of the named sample files (or the whole folder when none is named)."""
    inputs = [str(SAMPLES / name) for name in names] or [str(SAMPLES)]
    return build_comparison(Request(inputs=inputs))


def row_with(result: Comparison, version: str, fragment: str) -> Row:
    """The row holding the sentence of ``version`` whose text contains ``fragment``."""
    sentences = result.version(version).sentences
    for row in result.rows:
        if any(fragment in sentences[i].text for i in row.cell(version).sentence_ids):
            return row
    raise AssertionError(f"no sentence of {version} contains {fragment!r}")


def texts(result: Comparison, row: Row, version: str) -> list[str]:
    sentences = result.version(version).sentences
    return [sentences[i].text for i in row.cell(version).sentence_ids]


def inserted(result: Comparison, row: Row, version: str) -> str:
    diff = row.cell(version).diff or []
    return " ".join(op.text for op in diff if op.op is Op.INSERT)


def deleted(result: Comparison, row: Row, version: str) -> str:
    diff = row.cell(version).diff or []
    return " ".join(op.text for op in diff if op.op is Op.DELETE)


def assert_moved(result: Comparison, pivot: str, other: str, here: str, there: str) -> None:
    """The pivot sentence containing ``here`` moved to the row of ``other``'s ``there``."""
    row = row_with(result, pivot, here)
    target = row_with(result, other, there)
    assert row.cell(other).status is Status.MOVED and row.cell(other).sentence_ids == []
    assert row.cell(other).moved_to == target.index
    assert target.cell(other).status is Status.MOVED


def assert_together(result: Comparison, a: str, a_text: str, b: str, b_text: str) -> None:
    row = row_with(result, a, a_text)
    assert any(b_text in text for text in texts(result, row, b)), (texts(result, row, a), b_text)


# --- the two English translations (same language) ---------------------------------------------

EN = ("en-moscow.txt", "en-beijing.txt")


def test_english_translations_show_the_second_world_war_paragraph_as_moved() -> None:
    result = comparison(*EN)
    assert_moved(result, "en-moscow", "en-beijing", "firmly condemn", "The two sides condemn")
    assert_moved(result, "en-moscow", "en-beijing", "In the year of the 80th", "In the year of")


def test_english_translations_pair_the_reworded_relations_sentence_alone() -> None:
    result = comparison(*EN)
    row = row_with(result, "en-moscow", "These relations are not directed")
    assert texts(result, row, "en-moscow") == [
        "These relations are not directed against any third country and are not subject to "
        "external pressure."
    ]
    assert texts(result, row, "en-beijing") == [
        "The relationship does not target any third party and is free from interference by any "
        "third party."
    ]
    assert row.status is Status.CHANGED


def test_english_translations_show_the_ukraine_sentence_missing_from_beijing() -> None:
    result = comparison(*EN)
    row = row_with(result, "en-moscow", "root causes of the conflict")
    assert row.cell("en-beijing").sentence_ids == []
    assert row.cell("en-beijing").status is Status.MISSING


def test_english_translations_show_the_softened_concern_and_changed_figure() -> None:
    result = comparison(*EN)
    concern = row_with(result, "en-moscow", "serious concern")
    assert "serious" in deleted(result, concern, "en-beijing")
    trade = row_with(result, "en-moscow", "245.2 billion")
    assert "245.2" in deleted(result, trade, "en-beijing")
    assert "245" in inserted(result, trade, "en-beijing")


def test_english_translations_join_the_two_trade_sentences_beijing_merged() -> None:
    result = comparison(*EN)
    row = row_with(result, "en-beijing", "245 billion")
    assert len(texts(result, row, "en-moscow")) == 2
    assert "national currencies" in texts(result, row, "en-moscow")[1]


def test_english_translations_show_the_taiwan_clause_and_the_multipolar_goal() -> None:
    result = comparison(*EN)
    taiwan = row_with(result, "en-moscow", "Taiwan")
    assert "reunification" in inserted(result, taiwan, "en-beijing")
    world = row_with(result, "en-moscow", "multipolar world")
    assert "just" in deleted(result, world, "en-beijing")
    assert "orderly" in inserted(result, world, "en-beijing")


def test_english_translations_pair_paragraphs_whatever_their_numbers_and_quotes() -> None:
    result = comparison(*EN)
    assert_together(
        result,
        "en-moscow",
        '4. The Parties stress that "the friendship',
        "en-beijing",
        "3. The two sides stress that ‘the friendship",
    )
    assert_together(result, "en-moscow", "14–16 May 2025", "en-beijing", "May 14 to 16, 2025")


# --- Russian and Chinese originals (semantic, offline) -------------------------------------------

RU_ZH = ("ru-kremlin.txt", "zh-xinhua.txt")


def test_russian_and_chinese_are_aligned_by_the_offline_semantic_method() -> None:
    (pair,) = comparison(*RU_ZH).alignments
    assert pair.method == "semantic" and pair.warning is None


def test_russian_and_chinese_show_the_second_world_war_paragraph_as_moved() -> None:
    result = comparison(*RU_ZH)
    assert_moved(result, "ru-kremlin", "zh-xinhua", "решительно осуждают", "六、双方谴责")
    assert_moved(result, "ru-kremlin", "zh-xinhua", "В год 80-летия Победы", "在胜利80周年之际")


def test_russian_and_chinese_keep_paragraph_five_apart_from_six() -> None:
    result = comparison(*RU_ZH)
    row = row_with(result, "zh-xinhua", "五、双方反对")
    assert texts(result, row, "zh-xinhua") == [
        "五、双方反对没有国际法依据、未经联合国安理会授权的单边制裁。"
    ]
    assert len(texts(result, row, "ru-kremlin")) == 1


def test_russian_and_chinese_show_the_ukraine_sentence_missing_from_chinese() -> None:
    result = comparison(*RU_ZH)
    row = row_with(result, "ru-kremlin", "Прочное урегулирование")
    assert row.cell("zh-xinhua").status is Status.MISSING
    assert_together(result, "ru-kremlin", "украинский кризис", "zh-xinhua", "乌克兰危机")


def test_russian_and_chinese_join_the_two_trade_sentences_chinese_merged() -> None:
    result = comparison(*RU_ZH)
    row = row_with(result, "zh-xinhua", "2450亿美元")
    assert [text[:14] for text in texts(result, row, "ru-kremlin")] == [
        "5. В 2024 г. т",
        "Стороны будут ",
    ]


def test_russian_and_chinese_pair_renumbered_paragraphs_and_rewritten_dates() -> None:
    result = comparison(*RU_ZH)
    assert_together(result, "ru-kremlin", "4. Стороны подчёркивают", "zh-xinhua", "三、双方强调")
    assert_together(result, "ru-kremlin", "14–16 мая 2025", "zh-xinhua", "2025年5月14日至16日")
    assert_together(result, "ru-kremlin", "Тайвань", "zh-xinhua", "国家统一")
    assert_together(result, "ru-kremlin", "многополярный мир", "zh-xinhua", "多极化世界")


# --- each original against its own side's English -----------------------------------------------


@pytest.mark.parametrize(
    ("original", "english"),
    [("ru-kremlin.txt", "en-moscow.txt"), ("zh-xinhua.txt", "en-beijing.txt")],
)
def test_an_original_and_its_own_translation_pair_every_sentence_one_to_one(
    original: str, english: str
) -> None:
    result = comparison(original, english)
    (pair,) = result.alignments
    assert pair.moves == []
    assert all(len(b.src) == 1 and len(b.tgt) == 1 for b in pair.beads)


# --- all five versions, Russian pivot ---------------------------------------------------------


def test_five_versions_show_the_chinese_side_moving_the_second_world_war_paragraph() -> None:
    result = comparison()
    assert result.pivot == "ru"
    for other, there in (("zh", "六、双方谴责"), ("en-beijing", "6. The two sides condemn")):
        assert_moved(result, "ru", other, "решительно осуждают", there)
    assert row_with(result, "ru", "решительно осуждают").cell("en-moscow").sentence_ids == [5]


def test_five_versions_show_the_ukraine_sentence_missing_on_the_chinese_side_only() -> None:
    row = row_with(comparison(), "ru", "Прочное урегулирование")
    assert row.cell("en-moscow").sentence_ids == [19]
    assert row.cell("zh").status is Status.MISSING
    assert row.cell("en-beijing").status is Status.MISSING


def test_five_versions_group_no_more_than_the_merged_trade_sentences() -> None:
    result = comparison()
    groups = [
        texts(result, row, "ru") for row in result.rows if len(row.cell("ru").sentence_ids) > 1
    ]
    assert [[text[:10] for text in group] for group in groups] == [["5. В 2024 ", "Стороны бу"]]


def test_five_versions_pair_the_readout_only_where_it_quotes_the_statement() -> None:
    result = comparison()
    (pair,) = [p for p in result.alignments if p.other == "readout"]
    assert all(len(b.src) <= 1 and len(b.tgt) <= 1 for b in pair.beads)
    assert pair.warning is not None and "unreliable" in pair.warning
    for ru, readout in [
        ("2. Стороны отмечают", "at their best in history"),
        ("товарооборот", "245 billion"),
        ("одного Китая", "one-China principle"),
        ("многополярный мир", "equal and orderly"),
        ("Следующая встреча", "next meeting"),
    ]:
        assert_together(result, "ru", ru, "readout", readout)
    headline = row_with(result, "readout", "Xi and Putin sign joint statement")
    assert headline.cell("ru").sentence_ids == []


def test_readout_against_the_english_statement_pairs_only_what_it_quotes() -> None:
    # Same language, but a readout is not a version of the statement: it must not glue the
    # statement's sentences together to match its own summary lines.
    result = build_comparison(Request(inputs=[str(SAMPLES)], pivot="en-moscow"))
    (pair,) = [p for p in result.alignments if p.other == "readout"]
    assert pair.method == "same-language"
    assert pair.warning is not None and "not versions of one text" in pair.warning
    assert "--translate" not in pair.warning
    assert all(len(b.src) <= 2 and len(b.tgt) <= 2 for b in pair.beads)
    assert_together(result, "en-moscow", "2. The Parties note", "readout", "at their best")
