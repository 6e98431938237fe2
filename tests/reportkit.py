"""Hand-built comparisons for the report tests (HTML and Markdown).

The rows are written out here rather than produced by the aligner, so the report tests pin down
what the renderers do with each kind of row, whatever the aligners decide.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import html5lib

from stmtdiff.adapters.pipeline import Request, build_comparison
from stmtdiff.core.compare.compare import cell_text
from stmtdiff.core.compare.diff import word_diff
from stmtdiff.core.model import (
    Cell,
    Comparison,
    DiffBasis,
    Method,
    PairAlignment,
    Role,
    Row,
    Status,
    Version,
)
from stmtdiff.core.text.versions import version_from_sentences

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = "samples/joint-statement"
#: The sample report uses the Kremlin's English text as pivot, so word diffs show against Xinhua's.
SAMPLE_PIVOT = "en-moscow"

MOSCOW = [
    "The Parties note that relations between Russia and China have reached the highest level "
    "in their history.",
    "In 2024, trade between the two countries reached 245.2 billion U.S. dollars.",
    "The Parties oppose unilateral sanctions that lack a basis in international law.",
    "The Parties firmly condemn any attempt to revise the outcomes of the Second World War.",
]
BEIJING = [
    "The Parties note that relations between Russia and China have reached the highest level "
    "in their history.",
    "In 2024, trade between the two countries reached 245 billion U.S. dollars, a new record.",
    "The two sides stand ready to expand cooperation in artificial intelligence.",
    "The two sides condemn any attempt to revise the outcomes of the Second World War.",
]
RU = [
    "Стороны отмечают, что российско-китайские отношения достигли наивысшего уровня в своей "
    "истории.",
    "В 2024 году товарооборот между двумя странами достиг 245,2 млрд долларов США.",
    "Стороны выступают против односторонних санкций, не имеющих основания в международном праве.",
    "Стороны решительно осуждают любые попытки пересмотреть итоги Второй мировой войны.",
]
RU_EN = [
    "The sides note that Russian-Chinese relations have reached the highest level in their "
    "history.",
    "In 2024, trade between the two countries reached 245.2 billion US dollars.",
    "The sides oppose unilateral sanctions that have no basis in international law.",
    "The sides resolutely condemn any attempts to revise the results of the Second World War.",
]
ZH = [
    "双方指出，中俄关系处于历史最好水平。",
    "2024年，两国贸易额达到2450亿美元，创历史新高。",
    "双方愿扩大人工智能领域合作。",
    "双方谴责任何企图篡改第二次世界大战成果的行为。",
]
ZH_EN = [
    "The two sides pointed out that China-Russia relations are at their best level in history.",
    "In 2024, trade between the two countries reached 245 billion US dollars, a record high.",
    "The two sides are willing to expand cooperation in the field of artificial intelligence.",
    "The two sides condemn any attempt to tamper with the outcomes of World War II.",
]


def _cell(
    version: Version, ids: list[int], status: Status, pivot: Version, pivot_ids: list[int]
) -> Cell:
    """A cell; same-language cells that differ from the pivot get the real word diff."""
    cell = Cell(version.id, ids, status)
    if status in {Status.CHANGED, Status.MINOR} and version.lang == pivot.lang:
        cell.diff = word_diff(cell_text(pivot, pivot_ids), cell_text(version, ids))
        cell.diff_basis = DiffBasis.TEXT
    return cell


def joint_comparison(
    moscow: list[str] | None = None, beijing: list[str] | None = None
) -> Comparison:
    """Four versions (pivot en-moscow, en-beijing, ru and zh translated): one row of each kind.

    Rows: 1 identical, 2 changed, 3 missing (in Beijing's and the Chinese text), 4 extra (Beijing
    and Chinese add a sentence), 5 and 6 a sentence Beijing moved to the end.
    """
    m = version_from_sentences(
        "en-moscow", moscow or MOSCOW, lang="en", label="Kremlin, English", path="en-moscow.txt"
    )
    m = replace(m, publisher="Kremlin", date="2025-05-16", role=Role.OFFICIAL_TRANSLATION)
    b = version_from_sentences(
        "en-beijing", beijing or BEIJING, lang="en", label="Xinhua, English", path="en-beijing.txt"
    )
    b = replace(b, publisher="Xinhua", date="2025-05-17")
    r = version_from_sentences("ru", RU, lang="ru", label="Kremlin, Russian", path="ru.txt")
    r = replace(
        r, translations=list(RU_EN), translation_lang="en", translation_engine="file:ru-en.txt"
    )
    z = version_from_sentences("zh", ZH, lang="zh", label="Xinhua, Chinese", path="zh.txt")
    z = replace(
        z, translations=list(ZH_EN), translation_lang="en", translation_engine="file:zh-en.txt"
    )
    ID, C, X, M = Status.IDENTICAL, Status.CHANGED, Status.MATCHED, Status.MISSING
    E, V = Status.EXTRA, Status.MOVED
    layout: list[tuple[Status, list[tuple[list[int], Status]]]] = [
        (ID, [([0], ID), ([0], ID), ([0], X), ([0], X)]),
        (C, [([1], ID), ([1], C), ([1], X), ([1], X)]),
        (M, [([2], ID), ([], M), ([2], X), ([], M)]),
        (E, [([], ID), ([2], E), ([], ID), ([2], E)]),
        (V, [([3], ID), ([], V), ([3], X), ([3], X)]),
        (V, [([], ID), ([3], V), ([], ID), ([], ID)]),
    ]
    versions = [m, b, r, z]
    rows = []
    for index, (status, cells) in enumerate(layout):
        pivot_ids = cells[0][0]
        row_cells = [
            _cell(version, ids, cell_status, m, pivot_ids)
            for version, (ids, cell_status) in zip(versions, cells, strict=True)
        ]
        rows.append(Row(index, row_cells, status))
    rows[4].cell("en-beijing").moved_to = 5
    rows[5].cell("en-beijing").moved_to = 4
    alignments = [
        PairAlignment("en-moscow", "en-beijing", Method.SAME_LANGUAGE, 0.81, moves=[(3, 3)]),
        PairAlignment("en-moscow", "ru", Method.TRANSLATION, 0.88),
        PairAlignment(
            "en-moscow",
            "zh",
            Method.TRANSLATION,
            0.42,
            warning="low confidence: check the alignment",
        ),
    ]
    return Comparison(versions=versions, pivot="en-moscow", rows=rows, alignments=alignments)


def sample_comparison() -> Comparison:
    """The shipped sample statement, all five versions, as the example report shows it."""
    return build_comparison(Request(inputs=[SAMPLES], pivot=SAMPLE_PIVOT))


def sample_pair_comparison() -> Comparison:
    """The two English translations of the sample, as ``stmtdiff demo`` compares them."""
    return build_comparison(
        Request(inputs=[f"{SAMPLES}/en-moscow.txt", f"{SAMPLES}/en-beijing.txt"])
    )


def parse_html(text: str) -> Any:
    """The document as a browser parses it (html5lib), as an lxml tree for XPath queries."""
    return html5lib.parse(text, treebuilder="lxml", namespaceHTMLElements=False)


def body_rows(document: Any) -> list[Any]:
    return list(document.xpath("//table[@id='rows']/tbody/tr"))


_SUBJECTS = [
    "The Parties",
    "The two sides",
    "The heads of state",
    "The ministers",
    "Both countries",
]
_VERBS = [
    "reaffirm",
    "welcome",
    "support",
    "oppose",
    "note with satisfaction",
    "stress",
    "call for",
]
_OBJECTS = [
    "unilateral sanctions that lack a basis in international law and harm the global economy",
    "the central coordinating role of the United Nations in international affairs",
    "trade between the two countries, which reached {n} billion U.S. dollars last year",
    "the Years of Culture in {y}, with exhibitions, film weeks and student exchanges",
    "settlements in national currencies, which account for {n} percent of bilateral trade",
    "cooperation in the Arctic and on the Northern Sea Route, including in shipbuilding",
]


def statement_pair(size: int, seed: int = 11) -> tuple[str, str]:
    """A statement of ``size`` sentences and an edited copy: 5% reworded, 2% dropped, 2% added."""
    rng = random.Random(seed)
    sentences = [
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} "
        + rng.choice(_OBJECTS).format(n=rng.randint(10, 900), y=rng.randint(1990, 2030))
        + f" (paragraph {k + 1})."
        for k in range(size)
    ]
    edited: list[str] = []
    for sentence in sentences:
        roll = rng.random()
        if roll < 0.02:
            continue
        if roll < 0.04:
            edited.append(
                "In addition, the sides " + rng.choice(_OBJECTS).format(n=5, y=2030) + "."
            )
        if roll > 0.95:
            sentence = sentence.replace(" the ", " the entire ", 1).replace("Parties", "sides")
        edited.append(sentence)
    return " ".join(sentences), " ".join(edited)
