"""Statements written for the TUI tests, and helpers to build comparisons of them.

Two English renderings of one fictional communiqué: the second calls the Parties "the two
sides", drops the sentence on sanctions, adds one on visas and puts the Arctic sentence earlier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from stmtdiff.adapters.pipeline import Request, build_comparison
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.model import Comparison, Version
from stmtdiff.core.text.versions import make_version

EN_OFFICIAL = (
    "The Parties reaffirmed their commitment to the purposes and principles of the UN Charter. "
    "They oppose unilateral sanctions that bypass the Security Council. "
    "Bilateral trade grew by ten percent over the previous year. "
    "The heads of state agreed to open a direct flight between Kazan and Urumqi. "
    "Both sides will expand cooperation on research in the Arctic. "
    "The next summit will be held in Beijing in the autumn."
)

EN_AGENCY = (
    "The two sides reaffirmed their commitment to the purposes and principles of the UN Charter. "
    "Both sides will expand cooperation on research in the Arctic. "
    "Bilateral trade grew by ten percent over the previous year. "
    "The heads of state agreed to open a direct flight between Kazan and Urumqi. "
    "A simplified visa regime for business travellers was agreed. "
    "The next summit will be held in Beijing in the autumn."
)

EN_WIRE = (
    "The Parties reaffirmed their commitment to the purposes and principles of the UN Charter. "
    "They oppose unilateral sanctions that bypass the Security Council. "
    "Bilateral trade grew by 10% over the previous year. "
    "The heads of state agreed to open a direct flight between Kazan and Urumqi. "
    "Both sides will expand cooperation on research in the Arctic. "
    "The next summit will be held in Beijing in the autumn."
)

ZH_XINHUA = (
    "双方重申恪守《联合国宪章》宗旨和原则。"
    "双方反对绕过安理会的单边制裁。"
    "双边贸易额比上年增长百分之十。"
    "两国元首同意开通喀山至乌鲁木齐直航。"
    "双方将扩大北极科研合作。"
    "下次峰会将于秋季在北京举行。"
)

#: Hand translation of ZH_XINHUA, sentence by sentence.
ZH_IN_ENGLISH = [
    "The two sides reaffirm their adherence to the purposes and principles of the UN Charter.",
    "The two sides oppose unilateral sanctions that bypass the Security Council.",
    "Bilateral trade grew by ten percent year on year.",
    "The two heads of state agreed to open a direct flight from Kazan to Urumqi.",
    "The two sides will expand scientific cooperation in the Arctic.",
    "The next summit will be held in Beijing in autumn.",
]


def version(version_id: str, text: str, lang: str, label: str = "") -> Version:
    return make_version(version_id, text, lang=lang, label=label or version_id)


def official_vs_agency() -> Comparison:
    return compare([version("official", EN_OFFICIAL, "en"), version("agency", EN_AGENCY, "en")])


def three_english() -> Comparison:
    return compare(
        [
            version("official", EN_OFFICIAL, "en"),
            version("agency", EN_AGENCY, "en"),
            version("wire", EN_WIRE, "en"),
        ]
    )


def with_chinese(*, translated: bool = True) -> Comparison:
    zh = version("xinhua", ZH_XINHUA, "zh")
    if translated:
        zh = replace(
            zh, translations=list(ZH_IN_ENGLISH), translation_lang="en", translation_engine="hand"
        )
    return compare([version("official", EN_OFFICIAL, "en"), zh])


def statuses(comparison: Comparison) -> list[str]:
    return [row.status.value for row in comparison.rows]


def many(versions: Sequence[Version]) -> Comparison:
    return compare(list(versions))


def english_samples(samples: Path) -> Comparison:
    """The shipped Kremlin and Xinhua English translations, Kremlin first."""
    return build_comparison(
        Request(inputs=[str(samples / "en-moscow.txt"), str(samples / "en-beijing.txt")])
    )


def long_statement(size: int) -> Comparison:
    """``size`` numbered sentences against a copy where every tenth one is reworded."""
    original = [
        f"In item {k} the Parties note steady progress on joint project {k}." for k in range(size)
    ]
    edited = [s.replace("steady", "uneven") if k % 10 == 0 else s for k, s in enumerate(original)]
    return compare(
        [version("long", " ".join(original), "en"), version("edited", " ".join(edited), "en")]
    )
