"""The HTML report is one self-contained file: it opens offline and fetches nothing."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from reportkit import ROOT, joint_comparison, parse_html, sample_comparison

from stmtdiff.frontends.report.html import render_html

WHEN = datetime(2025, 5, 20, tzinfo=UTC)
URL_SOURCE = "https://www.example.org/statements/2025-05-16?lang=en"


@pytest.fixture(scope="module")
def document() -> Any:
    comparison = joint_comparison()
    first, *rest = comparison.versions
    comparison = replace(comparison, versions=[replace(first, path=URL_SOURCE), *rest])
    return parse_html(render_html(comparison, generated_at=WHEN))


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def policy(document: Any) -> dict[str, str]:
    content = document.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    return dict(part.strip().split(" ", 1) for part in content.split(";"))


def test_content_security_policy_allows_only_the_reports_own_style_and_script(
    document: Any,
) -> None:
    rules = policy(document)
    assert rules["default-src"] == "'none'"
    assert rules["script-src"] == f"'{sha256(document.xpath('//script')[0].text)}'"
    assert rules["style-src"] == f"'{sha256(document.xpath('//style')[0].text)}'"


def test_links_only_point_inside_the_page_even_for_a_url_source(document: Any) -> None:
    hrefs = document.xpath("//@href")
    assert hrefs
    assert all(href.startswith("#") for href in hrefs)
    assert URL_SOURCE in "".join(document.xpath("//table[@class='versions']//code/text()"))


def test_nothing_that_loads_a_resource_is_in_the_page(document: Any) -> None:
    loaders = "//img|//link|//iframe|//object|//embed|//base|//form|//video|//audio|//source"
    assert document.xpath(loaders) == []
    assert document.xpath("//@src|//@srcset|//@action|//@poster|//@data|//@background") == []


def test_stylesheet_imports_no_fonts_or_images(document: Any) -> None:
    style = document.xpath("//style")[0].text
    assert "url(" not in style
    assert "@import" not in style
    assert "@font-face" not in style


def test_sample_report_contains_no_url_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = render_html(sample_comparison(), generated_at=WHEN)
    assert "://" not in text
    assert "www." not in text


def test_encoding_is_declared_where_browsers_look_for_it() -> None:
    """Opened from disk there is no HTTP header: the charset must sit in the first 1024 bytes."""
    data = render_html(joint_comparison(), generated_at=WHEN).encode()
    assert data.startswith(b"<!DOCTYPE html>")
    assert b'<meta charset="utf-8">' in data[:1024]
