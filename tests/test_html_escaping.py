"""Hostile input shows as text in the HTML report and runs nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, cast

import pytest
from reportkit import BEIJING, MOSCOW, body_rows, joint_comparison, parse_html

from stmtdiff.core.model import Comparison, Role
from stmtdiff.frontends.report.html import asset, render_html

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
WHEN = datetime(2025, 5, 20, tzinfo=UTC)


def hostile_comparison() -> Comparison:
    """The joint statement with attack strings in sentences, metadata and translations."""
    moscow = [f"The Parties note {SCRIPT} progress.", *MOSCOW[1:]]
    beijing = [f"The Parties note {IMAGE} progress.", *BEIJING[1:]]
    comparison = joint_comparison(moscow, beijing)
    moscow_version, beijing_version, ru, zh = comparison.versions
    assert ru.translations is not None
    ru.translations[0] = f"The sides {SCRIPT} note."
    versions = [
        replace(moscow_version, label=f"Kremlin {SCRIPT}", path=f"statements/{IMAGE}.txt"),
        replace(
            beijing_version,
            label=f"</title>{SCRIPT}",
            publisher=f"Xinhua {IMAGE}",
            date=f"2025{SCRIPT}",
            # No manifest gives such a role; the renderer escapes whatever a version carries.
            role=cast(Role, f"</style>{SCRIPT}"),
        ),
        replace(ru, translation_engine=f"engine{IMAGE}"),
        replace(zh, lang='zh" onmouseover="alert(1)'),
    ]
    alignments = list(comparison.alignments)
    alignments[1] = replace(alignments[1], warning=f"careful {IMAGE}")
    return replace(comparison, versions=versions, alignments=alignments)


@pytest.fixture(scope="module")
def document() -> Any:
    return parse_html(render_html(hostile_comparison(), generated_at=WHEN))


def test_only_the_reports_own_script_is_in_the_page(document: Any) -> None:
    scripts = document.xpath("//script")
    assert len(scripts) == 1
    assert scripts[0].text == asset("report.js")


def test_no_element_gets_an_event_handler_or_an_image(document: Any) -> None:
    assert document.xpath("//img") == []
    handlers = [
        (element.tag, name)
        for element in document.iter()
        if isinstance(element.tag, str)
        for name in element.attrib
        if name.lower().startswith("on")
    ]
    assert handlers == []


def test_attack_strings_in_sentences_show_as_text(document: Any) -> None:
    first = body_rows(document)[0]
    texts = ["".join(td.itertext()) for td in first.xpath("./td[not(@class='st')]")]
    assert texts[0] == f"The Parties note {SCRIPT} progress."
    assert IMAGE in texts[1]


def test_attack_strings_in_labels_paths_and_metadata_show_as_text(document: Any) -> None:
    versions = "".join(document.xpath("//table[@class='versions']")[0].itertext())
    for shown in (
        f"Kremlin {SCRIPT}",
        f"statements/{IMAGE}.txt",
        f"</title>{SCRIPT}",
        f"Xinhua {IMAGE}",
        f"2025{SCRIPT}",
        f"</style>{SCRIPT}",
        f"careful {IMAGE}",
        f"engine{IMAGE}",
    ):
        assert shown in versions
    assert document.xpath("//title")[0].text.startswith(f"Kremlin {SCRIPT} compared with")


def test_attack_string_in_a_translation_shows_as_text(document: Any) -> None:
    translation = body_rows(document)[0].xpath(".//div[@class='tr']")[0]
    assert translation.text == f"The sides {SCRIPT} note."


def test_a_language_code_cannot_break_out_of_its_attribute(document: Any) -> None:
    zh_cell = body_rows(document)[0].xpath("./td")[-1]
    assert zh_cell.get("lang") == 'zh" onmouseover="alert(1)'
