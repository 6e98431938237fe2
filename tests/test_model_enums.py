"""The core's vocabularies are StrEnums: typed inside, the same plain strings in the JSON."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from stmtdiff.core.align.repair import MOVE_THRESHOLD
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.model import Comparison, DiffBasis, LinkKind, Method, Role
from stmtdiff.core.text.versions import make_version
from stmtdiff.frontends.report.jsonout import render_json

KREMLIN = (
    "Президенты обсудили двустороннее сотрудничество. "
    "Стороны договорились продолжить контакты на высшем уровне."
)
EDITED = (
    "Президенты подробно обсудили двустороннее сотрудничество. "
    "Стороны договорились продолжить контакты на высшем уровне."
)


@pytest.fixture(scope="module")
def edited() -> Comparison:
    """A Kremlin readout and an edited copy of it, aligned by the core's own compare()."""
    return compare(
        [
            make_version("kremlin", KREMLIN, lang="ru", role=Role.ORIGINAL),
            make_version("edited", EDITED, lang="ru", role=Role.UNOFFICIAL_TRANSLATION),
        ]
    )


def test_json_carries_the_method_as_its_plain_string(edited: Comparison) -> None:
    assert edited.alignments[0].method is Method.SAME_LANGUAGE
    assert '"method": "same-language"' in render_json(edited)


def test_json_carries_the_role_as_its_plain_string(edited: Comparison) -> None:
    versions = json.loads(render_json(edited))["versions"]
    assert [version["role"] for version in versions] == ["original", "unofficial translation"]
    assert '"role": "unofficial translation"' in render_json(edited)


def test_json_carries_the_diff_basis_as_its_plain_string(edited: Comparison) -> None:
    changed = edited.rows[0].cell("edited")
    assert changed.diff_basis is DiffBasis.TEXT
    assert '"diff_basis": "text"' in render_json(edited)


def test_json_carries_the_link_kind_as_its_plain_string(edited: Comparison) -> None:
    assert [link.kind for link in edited.alignments[0].all_links()] == [LinkKind.FIRM] * 2
    links = json.loads(render_json(edited))["alignments"][0]["links"]
    assert [link["kind"] for link in links] == ["firm", "firm"]


def test_a_version_carries_its_language_without_region_or_script() -> None:
    version = make_version("xinhua", "双方同意加强务实合作。", lang="zh-Hans-CN")
    assert (version.lang, version.base_lang) == ("zh-Hans-CN", "zh")


def test_a_version_carries_its_translations_language_without_region() -> None:
    version = make_version("kremlin", "Стороны договорились.", lang="ru")
    translated = replace(version, translations=["The sides agreed."], translation_lang="en-GB")
    assert (version.translation_base_lang, translated.translation_base_lang) == (None, "en")


def test_every_method_that_aligns_in_order_has_a_move_threshold() -> None:
    """Accounts of one event (readouts) link in any order, so nothing moves between them."""
    assert set(MOVE_THRESHOLD) == set(Method) - {Method.READOUTS}
