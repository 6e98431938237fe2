"""The lexical aligner: no model, no translation; lexicons, numbers, numbering and length."""

from __future__ import annotations

import math

import numpy as np
import pytest
from align_support import (  # noqa: F401
    CHINESE,
    ENGLISH,
    RUSSIAN,
    assert_pairs_equal_similarity,
    assert_tables_equal_gain,
    model_cache,
)

from stmtdiff.adapters.models.dictionary import cedict, key_maker, lexicon_for, load_glossary
from stmtdiff.core.align.coverage import coverage
from stmtdiff.core.align.lengthmodel import length_model
from stmtdiff.core.align.lexical import LexicalEvidence, lexical_scorer, numbering
from stmtdiff.core.align.lexicon import KeyMaker, Lexicon
from stmtdiff.core.align.scoring import Scorer, run
from stmtdiff.core.align.search import Band
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.text.scripts import BaseLang

pytestmark = pytest.mark.usefixtures("model_cache")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("1. Стороны отмечают", "1"),
        ("一、双方指出", "1"),
        ("（三）双方", "3"),
        ("十二、双方", "12"),
        ("(b) The Parties", "b"),
        ("The Parties", None),
    ],
)
def test_paragraph_numbering_is_read_alike_in_every_script(text: str, label: str | None) -> None:
    assert numbering(text) == label


def test_cedict_translates_chinese_words_into_english_stems() -> None:
    table = cedict()
    assert table is not None
    assert "cooper" in table.forward["合作"]
    assert "yunnan" in table.forward["云南"]  # a "see 云南省" entry takes that entry's meaning


def test_chinese_text_is_segmented_by_longest_dictionary_match() -> None:
    assert key_maker("zh").keys("两国加强能源合作。") == ["两国", "加强", "能源", "合作"]


def test_a_translation_covers_the_words_of_its_source() -> None:
    lexicon = lexicon_for("zh", "en")
    assert lexicon is not None
    zh, en = key_maker("zh"), key_maker("en")
    right = coverage([zh.keys(CHINESE[3])], [en.keys(ENGLISH[3])], lexicon)
    wrong = coverage([zh.keys(CHINESE[3])], [en.keys(ENGLISH[4])], lexicon)
    assert right[0] > 0.5 and wrong[0] < right[0]


def test_the_learned_length_ratio_makes_chinese_shorter_than_russian() -> None:
    model = length_model(BaseLang("ru"), BaseLang("zh"))
    assert 0.15 < model.ratio < 0.4
    assert model.probability(100, int(100 * model.ratio)) > model.probability(100, 100)


def test_a_length_probability_is_the_exact_two_sided_tail_alone_or_in_a_table() -> None:
    model = length_model(BaseLang("ru"), BaseLang("zh"))
    delta = (40 - 100 * model.ratio) / math.sqrt(100 * model.variance)
    exact = math.erfc(abs(delta) / math.sqrt(2.0))
    assert model.probability(100, 40) == exact
    assert model.probabilities(np.array([7, 100]), np.array([3, 40]))[1] == exact


def test_a_beads_coverage_alone_is_its_cell_of_the_document_tables() -> None:
    evidence = LexicalEvidence(
        RUSSIAN[:6],
        CHINESE[:6],
        BaseLang("ru"),
        BaseLang("zh"),
        lexicon_for("ru", "zh"),
        key_maker,
        length_model(BaseLang("ru"), BaseLang("zh")),
        count_unknown=False,
    )
    tables = evidence.run_tables(Band(np.zeros(6), np.full(6, 5)))
    for i, di, j, dj in [(0, 1, 0, 1), (2, 2, 1, 3), (3, 1, 4, 2)]:
        alone = evidence.words(i, di, j, dj)
        in_table = tables.words(di, dj, np.array([i]), np.array([j]))[0]
        assert alone == pytest.approx(in_table, rel=1e-12)
    assert evidence.words(1, 1, 1, 1) > evidence.words(1, 1, 4, 1)


def test_an_empty_run_translates_nothing_but_the_other_sides_known_words_count() -> None:
    lexicon = lexicon_for("zh", "en")
    assert lexicon is not None
    src_share, tgt_share, src_mass, tgt_mass = coverage(
        [key_maker("zh").keys("两国加强能源合作。")], [], lexicon
    )
    assert (src_share, tgt_share, tgt_mass) == (0.0, 0.0, 0.0) and src_mass > 0


@pytest.mark.parametrize(
    ("src", "tgt", "langs"),
    [(RUSSIAN, ENGLISH, ("ru", "en")), (CHINESE, ENGLISH, ("zh", "en"))],
)
def test_translations_align_one_to_one_with_no_model(
    src: list[str], tgt: list[str], langs: tuple[str, str]
) -> None:
    src_lang, tgt_lang = (BaseLang(lang) for lang in langs)
    scorer = lexical_scorer(
        src, tgt, src_lang, tgt_lang, lexicon=lexicon_for(*langs), keys=key_maker
    )
    beads = run(scorer, len(src), len(tgt))
    assert [(b.src, b.tgt) for b in beads] == [((i,), (i,)) for i in range(len(src))]


def test_an_omitted_sentence_stays_unaligned_with_no_model() -> None:
    zh = [*CHINESE[:3], *CHINESE[4:]]
    scorer = lexical_scorer(
        ENGLISH, zh, BaseLang("en"), BaseLang("zh"), lexicon=lexicon_for("en", "zh"), keys=key_maker
    )
    beads = [(b.src, b.tgt) for b in run(scorer, len(ENGLISH), len(zh))]
    assert ((3,), ()) in beads


def test_russian_and_chinese_meet_through_english_words() -> None:
    lexicon = lexicon_for("ru", "zh")
    assert lexicon is not None
    ru, zh = key_maker("ru"), key_maker("zh")
    shared = coverage([ru.keys(RUSSIAN[4])], [zh.keys(CHINESE[4])], lexicon)
    unrelated = coverage([ru.keys(RUSSIAN[4])], [zh.keys(CHINESE[5])], lexicon)
    assert shared[1] > unrelated[1]


def test_a_glossary_adds_term_pairs(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "terms.tsv"
    path.write_text("# user terms\nСила Сибири\tPower of Siberia\n", encoding="utf-8")
    glossary = load_glossary(path, "ru", "en")
    assert "power" in glossary.forward[KeyMaker("ru").keys("Сила")[0]]


def test_a_glossary_line_without_a_tab_is_an_error(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "terms.tsv"
    path.write_text("Сила Сибири = Power of Siberia\n", encoding="utf-8")
    with pytest.raises(StmtdiffError, match=r"terms\.tsv:1"):
        load_glossary(path, "ru", "en")


#: Two numbered paragraphs and a sentence the Russian leaves out (written for these tests).
TRADE_RU = [
    "1. Стороны отмечают, что товарооборот в 2024 году достиг 245 млрд долларов США.",
    "Стороны будут расширять расчёты в национальных валютах.",
    "2. Стороны выступают против односторонних санкций.",
]
TRADE_EN = [
    "1. The sides note that trade reached 245 billion U.S. dollars in 2024.",
    "They will expand settlements in national currencies.",
    "2. The sides oppose unilateral sanctions.",
    "The next meeting will take place in 2026.",
]


def trade_scorer() -> Scorer:
    lexicon = lexicon_for("ru", "en")
    return lexical_scorer(
        TRADE_RU, TRADE_EN, BaseLang("ru"), BaseLang("en"), lexicon=lexicon, keys=key_maker
    )


def test_the_vectorised_lexical_gain_tables_equal_the_scorer_gain_cell_by_cell() -> None:
    assert_tables_equal_gain(trade_scorer(), len(TRADE_RU), len(TRADE_EN), tolerance=1e-6)


def test_the_lexical_similarities_of_many_pairs_at_once_equal_them_pair_by_pair() -> None:
    assert_pairs_equal_similarity(trade_scorer(), [2, 0], [3, 1, 0], tolerance=1e-6)


def test_paragraph_numbers_that_agree_count_for_a_pair_and_differing_ones_never_against() -> None:
    keys = KeyMaker("en")
    stress = keys.keys("4. The Parties stress the friendship between the two peoples.")
    renumbered = keys.keys("3. The Parties stress the friendship between the two peoples.")
    same_number = keys.keys("4. The Parties stress the friendship between the two peoples.")
    lexicon = Lexicon("en", "en")
    moved = coverage([stress], [renumbered], lexicon, count_unknown=True)
    unmoved = coverage([stress], [same_number], lexicon, count_unknown=True)
    unnumbered = coverage(
        [keys.keys("The Parties stress the friendship between the two peoples.")],
        [keys.keys("The Parties stress the friendship between the two peoples.")],
        lexicon,
        count_unknown=True,
    )
    assert moved[:2] == unnumbered[:2] == (1.0, 1.0)
    assert unmoved[:2] == (1.0, 1.0) and unmoved[2] > moved[2]
