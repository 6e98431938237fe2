"""HTML pages: the statement's headline, date and body, without the page around it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from stmtdiff.adapters.ingest import load_document
from stmtdiff.core.errors import StmtdiffError

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_kremlin_page_gives_headline_lead_and_body_without_caption_tags_or_related() -> None:
    document = load_document(str(PAGES / "kremlin-talks.html"))
    assert document.text.split("\n") == [
        "Российско-китайские переговоры",
        "Владимир Путин провёл переговоры с Председателем Китайской Народной Республики.",
        "Стороны обсудили ключевые вопросы двустороннего сотрудничества, в том числе в "
        "торгово-экономической, энергетической и гуманитарной сферах.",
        "Было отмечено, что товарооборот между двумя странами по итогам прошлого года "
        "превысил 240 млрд долл. США.",
        "Лидеры подтвердили приверженность принципам равноправия, взаимного уважения и "
        "невмешательства во внутренние дела.",
        "По итогам переговоров подписано Совместное заявление о дальнейшем углублении "
        "отношений всеобъемлющего партнёрства и стратегического взаимодействия.",
    ]
    assert (document.title, document.date, document.publisher) == (
        "Российско-китайские переговоры",
        "2024-05-16",
        "Президент России",
    )
    assert document.kind == "html"


def test_news_cn_page_drops_photo_caption_editor_share_and_related_news() -> None:
    document = load_document(str(PAGES / "newscn-talks.html"))
    assert document.text.split("\n") == [
        "中俄两国元首举行会谈",
        "新华社北京5月16日电\u3000国家主席在北京人民大会堂同俄罗斯总统举行会谈。",
        "两国元首积极评价中俄关系发展成果，一致同意继续深化各领域务实合作。",
        "双方认为，中俄关系不针对第三方，不受第三方干扰。",
        "会谈后，两国元首签署并发表《中华人民共和国和俄罗斯联邦在两国建交75周年之际"
        "关于新时代全面战略协作伙伴关系的联合声明》。",
    ]
    assert (document.date, document.publisher) == ("2024-05-16", "新华网")


def test_fmprc_page_saved_as_gb2312_is_decoded_from_its_meta_charset() -> None:
    document = load_document(str(PAGES / "fmprc-briefing-gb2312.html"))
    assert document.encoding == "gb18030"
    assert document.text.split("\n") == [
        "外交部发言人就中俄元首会谈答记者问",
        "问：请介绍中俄两国元首会谈的主要成果。",
        "答：两国元首就双边关系和共同关心的国际和地区问题深入交换意见，达成许多新的重要共识。",
        "双方同意扩大贸易、能源、农业和人文领域合作，推动两国关系持续健康稳定发展。",
        "中方愿同俄方一道，坚定支持彼此维护本国主权、安全和发展利益。",
    ]
    assert (document.date, document.publisher) == ("2024-05-17", "中华人民共和国外交部")


def test_page_of_unknown_site_falls_back_to_generic_extraction(tmp_path: Path) -> None:
    paragraphs = [
        "The two sides reaffirmed that their relations are not directed against any third "
        "country and are not subject to interference by third parties.",
        "They agreed to expand trade in agricultural products, energy and high technology, "
        "and to increase the share of national currencies in bilateral settlements.",
        "Both sides stand for a multipolar world and the democratisation of international "
        "relations, with the central role of the United Nations.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        "<!DOCTYPE html><html><head><title>Joint statement | Example Ministry</title></head>"
        "<body><div class='menu'><a href='/'>Home</a> <a href='/news'>News</a></div>"
        f"<div class='story'><h1>Joint statement</h1>{body}</div>"
        "<div class='social-share'>Share on Facebook | Share on X</div>"
        "<div class='footer'>© Example Ministry. All rights reserved.</div></body></html>"
    )
    source = tmp_path / "statement.html"
    source.write_text(page, encoding="utf-8")
    document = load_document(str(source))
    assert document.text.split("\n") == ["Joint statement", *paragraphs]


def test_page_with_no_main_text_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "index.html"
    source.write_text(
        "<!DOCTYPE html><html><head><title>Новости</title></head><body>"
        "<nav><a href='/'>Главная</a> <a href='/news'>Новости</a></nav>"
        "<footer>© 2024</footer></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(StmtdiffError) as caught:
        load_document(str(source))
    assert str(caught.value) == f"{source}: no main text found on the page"


def test_html_saved_with_a_txt_extension_is_read_as_html(tmp_path: Path) -> None:
    source = tmp_path / "kremlin.txt"
    shutil.copy(PAGES / "kremlin-talks.html", source)
    document = load_document(str(source))
    assert document.kind == "html"
    assert document.text.startswith("Российско-китайские переговоры\nВладимир Путин")
