"""How often langid's short-English check spares langdetect, and whether it ever disagrees.

For the dev sets' English, German and French lines (and pairs of lines, as a two-sentence
file reads), every text under 20 words that the check takes for English is also detected with
the check turned off, through langdetect: the figures behind ``_SHORT_ENGLISH_HITS`` and
``_SHORT_ENGLISH_SHARE`` in ``stmtdiff/core/text/langid.py``. Dev sets only (MAC-Dev English,
Text+Berg dev German and French); texts of fewer than 16 letters are left out, as they never
reach langdetect.

    python benchmarks/langid_fastpath.py
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from stmtdiff.adapters.models.langprofiles import install
from stmtdiff.core.text import langid

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "aligngold"
SETS = {
    "en": sorted((SHARED / "mac-dev-zh-en/data/mac/dev/en").glob("00?")),
    "de": [SHARED / "textberg-de-fr/bleualign_data/dev.de"],
    "fr": [SHARED / "textberg-de-fr/bleualign_data/dev.fr"],
}


def short_texts(paths: list[Path]) -> list[str]:
    lines = [line.strip() for p in paths for line in p.read_text("utf-8").splitlines()]
    lines = [line for line in lines if line]
    texts = lines + [f"{a} {b}" for a, b in zip(lines[::2], lines[1::2], strict=False)]
    return [
        text
        for text in texts
        if len(langid._WORD.findall(text.lower())) < langid._ENGLISH_WORDS
        and langid.script_counts(text)["latin"] >= langid.SHORT_LATIN
    ]


def main() -> None:
    if not all(path.is_file() for paths in SETS.values() for path in paths):
        print(f"skipped: the dev sets are absent ({SHARED})")
        return
    install()
    print(f"{'set':<4} {'short texts':>11} {'taken for en':>13} {'langdetect disagrees':>21}")
    for lang, paths in SETS.items():
        texts = short_texts(paths)
        fast = [text for text in texts if langid._plainly_english(text)]
        with mock.patch.object(langid, "_plainly_english", return_value=False):
            slow = [langid.detect_language(text) for text in fast]
        disagree = [(text, guess) for text, guess in zip(fast, slow, strict=True) if guess != "en"]
        print(f"{lang:<4} {len(texts):>11} {len(fast):>13} {len(disagree):>21}")
        for text, guess in disagree[:5]:
            print(f"     langdetect: {guess}: {text[:90]}")


if __name__ == "__main__":
    main()
