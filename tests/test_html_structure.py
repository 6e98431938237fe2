"""The HTML report's structure, read back with a browser-grade parser (html5lib)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from reportkit import MOSCOW, RU, ZH, ZH_EN, body_rows, joint_comparison, parse_html

from stmtdiff import __version__
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.text.versions import version_from_sentences
from stmtdiff.frontends.report.html import render_html

WHEN = datetime(2025, 5, 20, 9, 30, tzinfo=UTC)


def joint_document() -> Any:
    return parse_html(render_html(joint_comparison(), generated_at=WHEN))


def text_of(element: Any) -> str:
    return "".join(element.itertext())


def classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def cells(row: Any) -> list[Any]:
    """The version cells of a table row (after the number and the status badge)."""
    return list(row.xpath("./td[not(@class='st')]"))


def test_one_table_row_per_alignment_row_anchored_from_one() -> None:
    rows = body_rows(joint_document())
    assert [row.get("id") for row in rows] == [f"row-{n}" for n in range(1, 7)]
    assert [row.xpath("./th/a/@href")[0] for row in rows] == [f"#row-{n}" for n in range(1, 7)]


def test_each_row_has_its_status_class_and_a_badge_naming_the_status() -> None:
    comparison = joint_comparison()
    rows = body_rows(parse_html(render_html(comparison, generated_at=WHEN)))
    for row, expected in zip(rows, comparison.rows, strict=True):
        assert f"s-{expected.status.value}" in classes(row)
        badge = row.xpath("./td[@class='st']/span")[0]
        assert text_of(badge).split()[-1] == expected.status.value


def test_filter_flags_mark_differing_rows_and_rows_with_omissions() -> None:
    rows = body_rows(joint_document())
    assert ["d" in classes(row) for row in rows] == [False, True, True, True, True, True]
    assert ["o" in classes(row) for row in rows] == [False, False, True, True, False, False]


def test_one_column_per_version_after_number_and_status() -> None:
    document = joint_document()
    headers = [text_of(th) for th in document.xpath("//table[@id='rows']/thead/tr/th")]
    assert headers == [
        "#",
        "Status",
        "Kremlin, Englishen · pivot",
        "Xinhua, Englishen",
        "Kremlin, Russianru",
        "Xinhua, Chinesezh",
    ]
    assert all(len(cells(row)) == 4 for row in body_rows(document))


def test_cells_carry_their_version_language_so_cjk_cyrillic_and_latin_share_one_table() -> None:
    first = body_rows(joint_document())[0]
    assert [cell.get("lang") for cell in cells(first)] == ["en", "en", "ru", "zh"]
    assert text_of(cells(first)[2]).startswith(RU[0])
    assert text_of(cells(first)[3]).startswith(ZH[0])


def test_changed_words_are_marked_with_ins_and_del_in_the_other_version() -> None:
    changed = body_rows(joint_document())[1]
    beijing = cells(changed)[1]
    assert [text_of(d) for d in beijing.xpath(".//del")] == ["245.2"]
    assert [text_of(i) for i in beijing.xpath(".//ins")] == ["245", ", a new record"]


def test_pivot_cell_is_plain_text() -> None:
    changed = body_rows(joint_document())[1]
    pivot = cells(changed)[0]
    assert pivot.xpath(".//ins|.//del") == []
    assert text_of(pivot) == MOSCOW[1]


def test_missing_text_is_said_in_words_not_colour_alone() -> None:
    missing = body_rows(joint_document())[2]
    assert text_of(cells(missing)[1]) == "— missing"
    assert "c-missing" in classes(cells(missing)[1])


def test_moved_sentence_links_to_its_other_place_both_ways() -> None:
    rows = body_rows(joint_document())
    away, back = cells(rows[4])[1], cells(rows[5])[1]
    assert away.xpath("./a/@href") == ["#row-6"]
    assert text_of(away) == "↕ moved to row 6"
    assert back.xpath("./a/@href") == ["#row-5"]
    assert text_of(back).endswith("↕ from row 5")


def test_translations_are_in_the_cells_behind_a_toggle() -> None:
    document = joint_document()
    zh_cell = cells(body_rows(document)[0])[3]
    translation = zh_cell.xpath("./div[@class='tr']")[0]
    assert text_of(translation) == ZH_EN[0]
    assert translation.get("lang") == "en"
    assert document.xpath("//input[@id='show-tr'][@type='checkbox']")
    style = document.xpath("//style")[0].text
    assert ".tr { display: none;" in style


def test_no_translation_toggle_when_no_version_has_translations() -> None:
    a = version_from_sentences("a", ["Trade grew by 5%."], lang="en")
    b = version_from_sentences("b", ["Trade grew by 6%."], lang="en")
    document = parse_html(render_html(compare([a, b]), generated_at=WHEN))
    assert document.xpath("//input[@id='show-tr']") == []


def version_rows(document: Any) -> dict[str, list[str]]:
    """The versions table: label -> the row's cell texts."""
    table = {}
    for row in document.xpath("//table[@class='versions']/tbody/tr"):
        texts = [text_of(cell).strip() for cell in row.xpath("./th|./td")]
        table[row.xpath("./th")[0].text.strip()] = texts
    return table


def test_metadata_names_each_version_source_language_publisher_and_date() -> None:
    table = version_rows(joint_document())
    assert list(table) == [
        "Kremlin, English",
        "Xinhua, English",
        "Kremlin, Russian",
        "Xinhua, Chinese",
    ]
    moscow = table["Kremlin, English"]
    assert moscow[:6] == [
        "1",
        "Kremlin, English pivotofficial translation",
        "en-moscow.txt",
        "en",
        "Kremlin",
        "2025-05-16",
    ]
    assert table["Xinhua, Chinese"][2:6] == ["zh.txt", "zh", "—", "—"]


def test_metadata_gives_alignment_method_confidence_and_warning_per_pair() -> None:
    table = version_rows(joint_document())
    assert table["Xinhua, English"][8] == "same-language, confidence 0.81"
    assert table["Xinhua, Chinese"][8] == (
        "translation, confidence 0.42⚠ low confidence: check the alignment"
    )
    assert table["Kremlin, English"][8].startswith("the pivot")


def test_metadata_gives_translation_engines_version_and_generation_time() -> None:
    document = joint_document()
    table = version_rows(document)
    assert table["Kremlin, Russian"][9] == "file:ru-en.txt → en"
    meta = text_of(document.xpath("//p[@class='meta']")[0])
    assert "Translation: file:ru-en.txt, file:zh-en.txt." in meta
    assert f"stmtdiff {__version__}" in meta
    assert document.xpath("//p[@class='meta']/time/@datetime") == ["2025-05-20T09:30:00+00:00"]
    assert "2025-05-20 09:30 UTC" in meta


def test_summary_counts_rows_per_status() -> None:
    document = joint_document()
    counts = {
        text_of(item.xpath("./span")[0]).split()[-1]: int(item.xpath("./strong")[0].text)
        for item in document.xpath("//ul[@class='counts']/li")
    }
    assert counts == {
        "moved": 2,
        "missing": 1,
        "extra": 1,
        "changed": 1,
        "minor": 0,
        "matched": 0,
        "identical": 1,
    }


def test_summary_gives_share_of_sentences_without_counterpart_per_version() -> None:
    moscow = [
        "The Parties note that relations have reached the highest level in their history.",
        "In 2024, trade reached 245.2 billion U.S. dollars.",
        "The Parties oppose unilateral sanctions.",
        "The next summit will take place in China in 2026.",
    ]
    beijing = [moscow[0], moscow[1], moscow[3]]
    a = version_from_sentences("a", moscow, lang="en", label="Moscow")
    b = version_from_sentences("b", beijing, lang="en", label="Beijing")
    table = version_rows(parse_html(render_html(compare([a, b]), generated_at=WHEN)))
    assert table["Moscow"][7] == "1 (25.0 %)"
    assert table["Beijing"][7] == "0 (0.0 %)"


def test_legend_explains_every_status_and_the_word_marks() -> None:
    legend = joint_document().xpath("//dl[@class='legend']")[0]
    terms = [text_of(dt) for dt in legend.xpath(".//dt")]
    for status in ("identical", "minor", "matched", "changed", "missing", "extra", "moved"):
        assert any(term.endswith(status) for term in terms)
    assert legend.xpath(".//dt/ins") and legend.xpath(".//dt/del")


def test_filter_buttons_for_all_changes_and_omissions_with_counts() -> None:
    buttons = joint_document().xpath("//div[@class='controls']/button")
    assert [(b.get("data-filter"), text_of(b)) for b in buttons] == [
        ("all", "All rows (6)"),
        ("changes", "Changes (5)"),
        ("omissions", "Omissions (2)"),
    ]


def test_stylesheet_has_sticky_headers_print_rules_and_dark_theme() -> None:
    style = joint_document().xpath("//style")[0].text
    assert "position: sticky" in style.split(".rows thead th {")[1].split("}")[0]
    assert "@media print" in style
    assert "@media (prefers-color-scheme: dark)" in style


def test_title_names_the_pivot_and_what_it_is_compared_with() -> None:
    document = joint_document()
    assert document.xpath("//h1")[0].text == "Kremlin, English compared with 3 other versions"
    a = version_from_sentences("a", ["Trade grew by 5%."], lang="en", label="Moscow")
    b = version_from_sentences("b", ["Trade grew by 6%."], lang="en", label="Beijing")
    two = parse_html(render_html(compare([a, b], pivot="b"), generated_at=WHEN))
    assert two.xpath("//title")[0].text == "Beijing compared with Moscow · stmtdiff"
