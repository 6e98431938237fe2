"""``render_json`` writes the sentences and rows straight from the comparison: its bytes are those
of the standard library's encoder on ``to_dict``, the contract's data, for every kind of
comparison (same language, translations, accounts of one event, empty versions)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from stmtdiff.adapters.ingest.subjects import load_subject_table
from stmtdiff.adapters.offline import offline_evidence
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.compare.summary import summarize
from stmtdiff.core.model import Comparison, Status, Version
from stmtdiff.core.text.versions import make_version, version_from_sentences
from stmtdiff.frontends.report.jsonout import render_json, to_dict

#: A Kremlin-style paragraph and an edited copy, written for these tests: a word changed, a
#: sentence dropped, one added, one moved, one differing only in its quotes.
KREMLIN = (
    "Стороны подтвердили приверженность «духу Шанхая».\n"
    "Товарооборот в 2023 году превысил 240 млрд долл. США.\n"
    "Стороны решительно осуждают терроризм во всех его формах.\n"
    "Россия и Китай продолжат тесную координацию в ООН.\n"
    "Лидеры обсудили ситуацию на Украине.\n"
)
EDITED = (
    'Стороны подтвердили приверженность "духу Шанхая".\n'
    "Товарооборот в 2024 году превысил 240 млрд долл. США.\n"
    "Лидеры обсудили ситуацию на Украине.\n"
    "Россия и Китай продолжат тесную координацию в ООН и БРИКС.\n"
    "Стороны договорились о визите в Казань.\n"
)
XINHUA = ["国家主席习近平应约同俄罗斯总统普京通电话。", "去年两国贸易额超过2000亿美元。"]
KREMLIN_CALL = [
    "Состоялся телефонный разговор Владимира Путина с Председателем КНР Си Цзиньпином.",
    "Товарооборот между двумя странами в прошлом году превысил 240 миллиардов долларов.",
]


def in_english(version: Version, *translations: str | None) -> Version:
    """``version`` with English translations of its sentences, as read from a file."""
    return replace(
        version, translations=list(translations), translation_lang="en", translation_engine="file"
    )


def stdlib(comparison: Comparison) -> str:
    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=2) + "\n"


def summarised(comparison: Comparison) -> Comparison:
    table = load_subject_table([])
    return replace(
        comparison, title="Совместное заявление", who_said_what=summarize(comparison, table)
    )


def test_same_language_edits_of_every_kind_are_written_as_the_standard_library_writes_them() -> (
    None
):
    comparison = summarised(
        compare([make_version("kremlin", KREMLIN, lang="ru"), make_version("edited", EDITED)])
    )
    assert {row.status for row in comparison.rows} >= {Status.CHANGED, Status.MISSING}
    assert render_json(comparison) == stdlib(comparison)


def test_versions_with_translations_are_written_as_the_standard_library_writes_them() -> None:
    russian = version_from_sentences("kremlin", KREMLIN_CALL, lang="ru")
    chinese = in_english(
        version_from_sentences("xinhua", XINHUA, lang="zh"),
        "Xi Jinping held a phone call with Putin.",
        None,
    )
    comparison = compare([russian, chinese])
    assert render_json(comparison) == stdlib(comparison)


def test_what_one_account_alone_says_is_written_as_the_standard_library_writes_it() -> None:
    comparison = compare(
        [
            version_from_sentences("kremlin", KREMLIN_CALL, lang="ru"),
            version_from_sentences("xinhua", XINHUA, lang="zh"),
        ],
        evidence=offline_evidence(),
        readouts=True,
        subjects=load_subject_table([]),
    )
    assert any(cell.only_here for row in comparison.rows for cell in row.cells)
    assert render_json(comparison) == stdlib(comparison)


@pytest.mark.parametrize("blank", ["", "   \n"])
def test_versions_without_sentences_are_written_as_the_standard_library_writes_them(
    blank: str,
) -> None:
    comparison = compare([make_version("a", blank, lang="en"), make_version("b", "", lang="en")])
    assert render_json(comparison) == stdlib(comparison)


def test_accounts_with_translations_are_written_as_the_standard_library_writes_them() -> None:
    kremlin = in_english(
        version_from_sentences("kremlin", KREMLIN_CALL, lang="ru"),
        "A telephone conversation took place between Vladimir Putin and Xi Jinping.",
        "Trade between the two countries exceeded 240 billion dollars last year.",
    )
    xinhua = in_english(
        version_from_sentences("xinhua", XINHUA, lang="zh"),
        "President Xi Jinping held a phone call with Russian President Putin.",
        "Trade between the two countries exceeded 200 billion dollars last year.",
    )
    comparison = compare(
        [kremlin, xinhua],
        evidence=offline_evidence(),
        readouts=True,
        subjects=load_subject_table([]),
    )
    assert any(cell.translation_only_here for row in comparison.rows for cell in row.cells)
    assert render_json(comparison) == stdlib(comparison)
