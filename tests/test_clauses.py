"""A sentence's first and last clause, which the aligner matches at the edges of a bead."""

from __future__ import annotations

from stmtdiff.core.align.band import edge_fit
from stmtdiff.core.text.clauses import edge_clauses


def test_an_english_sentence_opens_and_closes_at_its_commas() -> None:
    text = "The sides agreed, after long talks, to expand trade in energy."
    assert edge_clauses(text, "en") == ("The sides agreed", "to expand trade in energy.")


def test_a_quoted_reply_splits_at_its_quotation_marks() -> None:
    text = "'I won a dozen taels,' he said."
    assert edge_clauses(text, "en") == ("I won a dozen taels", "he said.")


def test_an_apostrophe_inside_a_word_is_not_a_break() -> None:
    text = "The eunuch's reply came at once."
    assert edge_clauses(text, "en") == (text, text)


def test_russian_guillemets_and_dashes_end_clauses() -> None:
    text = "Владимир Путин сказал: «Мы ценим дружбу — впереди много работы»."
    assert edge_clauses(text, "ru") == ("Владимир Путин сказал", "впереди много работы")


def test_chinese_clauses_end_at_full_width_commas_colons_and_quotes() -> None:
    text = "他说：“我赢了十几两银子，可是……”"
    assert edge_clauses(text, "zh") == ("他说", "可是")


def test_a_sentence_of_one_clause_is_both_its_first_and_last() -> None:
    text = "习近平主席表示赞同。"
    assert edge_clauses(text, "zh") == (text, text)


def test_fragments_too_short_to_mean_anything_are_not_clauses() -> None:
    assert edge_clauses("Yes, he said, OK", "en") == ("Yes", "he said")
    assert edge_clauses("好，我们走吧。", "zh") == ("好，我们走吧。", "好，我们走吧。")


def test_a_text_of_punctuation_alone_stands_for_itself() -> None:
    assert edge_clauses("……", "zh") == ("……", "……")


def test_a_bead_that_ends_where_its_translation_ends_fits_better_than_one_cut_short() -> None:
    # Source sentence 0 ("He said: 'I won ten taels, but...'") is rendered as target sentences
    # 0 and 1 ("'I won ten taels,' he said." / "'But—'"): its last clause matches target 1's.
    first = {(0, 0): 0.9, (1, 2): 0.8}
    last = {(0, 1): 0.9, (1, 2): 0.8}

    def fit(i: int, di: int, j: int, dj: int) -> float:
        return edge_fit(
            lambda a, b: first.get((a, b), 0.1),
            lambda a, b: last.get((a, b), 0.1),
            2,
            3,
            (i, di, j, dj),
            neighbour_weight=0.8,
        )

    assert fit(0, 1, 0, 2) > fit(0, 1, 0, 1)
    assert fit(1, 1, 2, 1) > fit(1, 1, 1, 2)
