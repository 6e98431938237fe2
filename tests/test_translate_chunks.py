"""Cutting over-long texts for engines with a per-request size limit."""

from __future__ import annotations

from stmtdiff.adapters.translate.chunks import join_pieces, split_for_limit


def test_a_text_within_the_limit_is_one_piece() -> None:
    assert split_for_limit("  双方同意加强能源领域合作。 ", 50) == ["双方同意加强能源领域合作。"]


def test_a_long_text_is_cut_after_a_sentence_end() -> None:
    text = "双方同意加强能源领域合作。中俄两国主张建设多极化世界。"
    assert split_for_limit(text, 20) == [
        "双方同意加强能源领域合作。",
        "中俄两国主张建设多极化世界。",
    ]


def test_a_closing_quote_stays_with_its_sentence() -> None:
    text = "Стороны заявили: «Мы за диалог.» Переговоры продолжатся в Пекине."
    assert split_for_limit(text, 40) == [
        "Стороны заявили: «Мы за диалог.»",
        "Переговоры продолжатся в Пекине.",
    ]


def test_without_a_sentence_end_the_cut_falls_after_a_clause_mark() -> None:
    text = "Стороны подчеркнули важность диалога, взаимного уважения и доверия"
    assert split_for_limit(text, 45) == [
        "Стороны подчеркнули важность диалога,",
        "взаимного уважения и доверия",
    ]


def test_without_punctuation_the_cut_falls_at_a_space() -> None:
    assert split_for_limit("многополярный мир и равная безопасность", 20) == [
        "многополярный мир и",
        "равная безопасность",
    ]


def test_an_unbroken_run_is_cut_hard_at_the_limit() -> None:
    assert split_for_limit("中" * 25, 10) == ["中" * 10, "中" * 10, "中" * 5]


def test_no_piece_exceeds_the_limit_and_nothing_is_lost() -> None:
    text = ("Стороны подтвердили приверженность принципам Устава ООН. " * 30).strip()
    pieces = split_for_limit(text, 130)
    assert all(len(piece) <= 130 for piece in pieces)
    assert " ".join(pieces) == text


def test_pieces_are_rejoined_with_spaces_for_english_and_without_for_chinese() -> None:
    assert (
        join_pieces(["The parties met.", "They agreed."], "en") == "The parties met. They agreed."
    )
    assert join_pieces(["双方举行会谈。", "双方达成共识。"], "zh") == "双方举行会谈。双方达成共识。"
