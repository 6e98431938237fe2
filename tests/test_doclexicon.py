"""Word pairs learned from a document's own first alignment (stmtdiff.core.align.doclexicon)."""

from __future__ import annotations

import dataclasses
import itertools

from stmtdiff.adapters.models.dictionary import key_maker
from stmtdiff.core.align.doclexicon import MIN_BEADS, MIN_SIMILARITY, learn_pairs
from stmtdiff.core.align.lexical import LexicalParams, lexical_scorer
from stmtdiff.core.align.scoring import run
from stmtdiff.core.model import Bead
from stmtdiff.core.text.scripts import BaseLang

#: One bead per chapter scene: Minford renders 韦小宝 as "Trinket" and 小玄子 as "Misty".
SCENES = [
    (["韦小宝", "赌", "银子"], ["trinket", "gambl", "silver"]),
    (["小玄子", "摔跤"], ["misti", "wrestl"]),
    (["韦小宝", "小玄子", "打"], ["trinket", "misti", "fight"]),
    (["海老公", "药"], ["hai", "medicin"]),
    (["韦小宝", "海老公", "说"], ["trinket", "hai", "said"]),
]


def one_to_one(count: int, score: float = 0.8) -> list[Bead]:
    return [Bead((k,), (k,), score) for k in range(count)]


def scenes(count: int) -> tuple[list[list[str]], list[list[str]]]:
    chosen = [SCENES[k % len(SCENES)] for k in range(count)]
    return [zh for zh, _ in chosen], [en for _, en in chosen]


def test_a_name_translated_freely_is_learned_from_the_beads_it_recurs_in() -> None:
    zh, en = scenes(25)
    pairs = learn_pairs(one_to_one(25), zh, en)
    assert ("韦小宝", "trinket") in pairs
    assert ("小玄子", "misti") in pairs


def test_each_word_keeps_only_its_best_partner() -> None:
    zh, en = scenes(25)
    pairs = learn_pairs(one_to_one(25), zh, en)
    assert ("韦小宝", "misti") not in pairs  # they meet in one scene of three
    assert [b for a, b in pairs if a == "韦小宝"] == ["trinket"]


def test_a_few_sentences_teach_nothing() -> None:
    zh, en = scenes(MIN_BEADS - 1)
    assert learn_pairs(one_to_one(MIN_BEADS - 1), zh, en) == []


def test_beads_that_barely_match_teach_nothing() -> None:
    zh, en = scenes(25)
    assert learn_pairs(one_to_one(25, score=MIN_SIMILARITY / 2), zh, en) == []


def test_unaligned_sentences_teach_nothing() -> None:
    zh, en = scenes(25)
    beads = [Bead((k,), (), 0.0) for k in range(25)] + [Bead((), (k,), 0.0) for k in range(25)]
    assert learn_pairs(beads, zh, en) == []


#: German and French goods, which no lexicon shipped with stmtdiff translates.
GOODS = [
    ("Getreide", "les céréales"),
    ("Stahl", "l'acier"),
    ("Erdgas", "le gaz"),
    ("Kohle", "le charbon"),
    ("Holz", "le bois"),
    ("Wein", "le vin"),
    ("Käse", "le fromage"),
    ("Papier", "le papier"),
    ("Zucker", "le sucre"),
    ("Tee", "le thé"),
]


def test_a_german_french_pair_no_lexicon_covers_aligns_by_its_own_recurring_words() -> None:
    talks = list(itertools.combinations(range(len(GOODS)), 2))[:40]
    german = [f"Die Minister sprachen über {GOODS[a][0]} und {GOODS[b][0]}." for a, b in talks]
    french = [f"Les ministres ont parlé de {GOODS[a][1]} et de {GOODS[b][1]}." for a, b in talks]
    del french[20]  # the French version leaves one sentence out
    expected = {((k,), (k - (k > 20),)) for k in range(len(german)) if k != 20}

    def correct(learn: bool) -> int:
        params = dataclasses.replace(LexicalParams(), learn=learn)
        scorer = lexical_scorer(
            german, french, BaseLang("de"), BaseLang("fr"), keys=key_maker, params=params
        )
        beads = run(scorer, len(german), len(french))
        return sum((bead.src, bead.tgt) in expected for bead in beads)

    assert correct(learn=True) >= 38
    assert correct(learn=False) < 30  # lengths alone: every sentence is about as long
