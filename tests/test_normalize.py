"""What counts as the same text: canonical, loose and tokens, whatever shortcut computes them.

The shortcuts (ASCII via ``bytes.translate``, ``str.split`` for ``\\s+``) must agree with the
definitions written out here with regular expressions, for any text in any script.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from stmtdiff.core.text.normalize import canonical, loose, tokens
from stmtdiff.core.text.scripts import CJK

UNIFIED = str.maketrans(
    {"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "「": '"', "」": '"', "『": '"'}
    | {"』": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'", "＂": '"', "＇": "'", "—": "-"}
    | {"–": "-", "‑": "-", "−": "-", "…": "..."}
)


def defined_canonical(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(UNIFIED)
    return re.sub(r"\s+", " ", text).strip()


def defined_loose(text: str) -> str:
    return re.sub(r"[\W_]+", "", defined_canonical(text).casefold())


def defined_tokens(text: str) -> tuple[str, ...]:
    return tuple(re.findall(f"[{CJK}]|[^\\W_]+", defined_canonical(text).casefold()))


#: Plain ASCII (the shortcuts' own path), and letters, digits, spaces of every kind, punctuation
#: and quotes of ru, zh and en statements mixed with any character.
TEXTS = st.text(alphabet=st.characters(max_codepoint=127), max_size=40) | st.text(
    alphabet=st.sampled_from(
        "Aa1_-.,'\" \t\n\u00a0\u2003\u3000\x1cЖжё«»„“”‘’—–…ﬁＡ１「」『』，。中国俄罗斯ß"
    )
    | st.characters(),
    max_size=40,
)


@given(TEXTS)
def test_canonical_is_nfkc_with_unified_quotes_and_single_spaces(text: str) -> None:
    assert canonical(text) == defined_canonical(text)


@given(TEXTS)
def test_loose_keeps_only_case_folded_letters_and_digits(text: str) -> None:
    assert loose(text) == defined_loose(text)


@given(TEXTS)
def test_tokens_are_case_folded_words_and_single_cjk_characters(text: str) -> None:
    assert tokens(text) == defined_tokens(text)


def test_quote_styles_and_spacing_of_three_languages_normalise_alike() -> None:
    assert canonical("  «Стороны»\u00a0— за  мир… ") == '"Стороны" - за мир...'
    assert canonical("“The Parties’ view”") == '"The Parties\' view"'
    assert canonical("「中俄」\u3000关系") == '"中俄" 关系'


def test_loose_and_tokens_of_plain_english_drop_punctuation_and_case() -> None:
    assert (
        loose("The Parties (paragraph 4): U.S. trade_flows!") == "thepartiesparagraph4ustradeflows"
    )
    assert tokens("The Parties (paragraph 4): U.S.") == (
        "the",
        "parties",
        "paragraph",
        "4",
        "u",
        "s",
    )
