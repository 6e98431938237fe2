"""Each engine against a local stub speaking its wire format: success and every way to fail."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from translate_stubs import PHRASEBOOK, Reply, StubServer, json_reply, serving

from stmtdiff.adapters.translate import TranslationError, TranslationSettings, translate_sentences

RUSSIAN = list(PHRASEBOOK)[:3]
CHINESE = list(PHRASEBOOK)[3:]


@pytest.fixture
def stub() -> Iterator[StubServer]:
    with serving(deepl_key="stub-deepl-key", microsoft_key="stub-ms-key") as server:
        yield server


@pytest.fixture(autouse=True)
def no_real_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys in the developer's environment must not leak into (or change) these tests."""
    for var in (
        "STMTDIFF_DEEPL_KEY",
        "DEEPL_AUTH_KEY",
        "DEEPL_API_KEY",
        "STMTDIFF_MICROSOFT_KEY",
        "MICROSOFT_TRANSLATOR_KEY",
        "MICROSOFT_API_KEY",
        "STMTDIFF_LIBRE_KEY",
        "LIBRETRANSLATE_API_KEY",
        "LIBRE_API_KEY",
    ):
        monkeypatch.delenv(var, raising=False)


def settings(
    engine: str, stub: StubServer, tmp_path: Path, **options: object
) -> TranslationSettings:
    defaults: dict[str, object] = {
        "url": stub.url,
        "cache_path": tmp_path / "cache.sqlite3",
        "timeout": 2.0,
        "backoff": 0.01,
    }
    defaults.update(options)
    return TranslationSettings(engine, **defaults)  # type: ignore[arg-type]


def test_google_translates_russian_through_its_mobile_page(
    stub: StubServer, tmp_path: Path
) -> None:
    result = translate_sentences(RUSSIAN, "ru", settings("google", stub, tmp_path))
    assert result.translations == [PHRASEBOOK[t] for t in RUSSIAN]
    assert result.engine == "google"
    assert result.missing == []
    assert [(s.method, s.path, s.params["sl"], s.params["tl"]) for s in stub.seen] == [
        ("GET", "/m", "ru", "en")
    ] * 3


def test_google_is_asked_for_simplified_chinese_as_zh_cn(stub: StubServer, tmp_path: Path) -> None:
    result = translate_sentences(CHINESE[:1], "zh", settings("google", stub, tmp_path))
    assert result.translations == [PHRASEBOOK[CHINESE[0]]]
    assert stub.seen[0].params["sl"] == "zh-CN"


def test_libre_posts_plain_zh_and_no_key_to_a_self_hosted_server(
    stub: StubServer, tmp_path: Path
) -> None:
    result = translate_sentences(CHINESE, "zh", settings("libre", stub, tmp_path))
    assert result.translations == [PHRASEBOOK[t] for t in CHINESE]
    first = stub.seen[0]
    assert (first.method, first.path, first.params["source"]) == ("POST", "/translate", "zh")
    assert "api_key" not in first.params


def test_libre_sends_the_key_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIBRETRANSLATE_API_KEY", "libre-secret")
    with serving(libre_key="libre-secret") as stub:
        result = translate_sentences(RUSSIAN[:1], "ru", settings("libre", stub, tmp_path))
        assert stub.seen[0].params["api_key"] == "libre-secret"
    assert result.translations == [PHRASEBOOK[RUSSIAN[0]]]


def test_mymemory_gets_locale_codes(stub: StubServer, tmp_path: Path) -> None:
    result = translate_sentences(RUSSIAN[:1], "ru", settings("mymemory", stub, tmp_path))
    assert result.translations == [PHRASEBOOK[RUSSIAN[0]]]
    assert stub.seen[0].params["langpair"] == "ru-RU|en-GB"


def test_microsoft_sends_its_key_in_the_header_and_asks_for_zh_hans(
    stub: StubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MICROSOFT_TRANSLATOR_KEY", "stub-ms-key")
    result = translate_sentences(CHINESE[:1], "zh", settings("microsoft", stub, tmp_path))
    assert result.translations == [PHRASEBOOK[CHINESE[0]]]
    assert stub.seen[0].params["from"] == "zh-hans"
    assert stub.seen[0].json() == [{"text": CHINESE[0]}]


def test_deepl_translates_a_batch_in_one_request_with_an_en_us_target(
    stub: StubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEEPL_AUTH_KEY", "stub-deepl-key")
    result = translate_sentences(CHINESE, "zh", settings("deepl", stub, tmp_path))
    assert result.translations == [PHRASEBOOK[t] for t in CHINESE]
    assert stub.count == 1
    body = stub.seen[0].json()
    assert (body["source_lang"], body["target_lang"], body["text"]) == ("ZH", "EN-US", CHINESE)


def test_a_missing_deepl_key_is_reported_before_anything_is_sent(
    stub: StubServer, tmp_path: Path
) -> None:
    with pytest.raises(TranslationError, match=r"deepl: no API key — set STMTDIFF_DEEPL_KEY"):
        translate_sentences(CHINESE, "zh", settings("deepl", stub, tmp_path))
    assert stub.count == 0


def test_a_wrong_deepl_key_is_one_clear_line(
    stub: StubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEEPL_AUTH_KEY", "expired-key")
    with pytest.raises(TranslationError) as caught:
        translate_sentences(CHINESE, "zh", settings("deepl", stub, tmp_path))
    assert str(caught.value) == (
        "deepl: HTTP 403 (bad API key or access refused?): Wrong auth key after 0/3 sentences; "
        "nothing was translated — re-run later, or use --offline"
    )


def test_a_429_is_retried_and_then_succeeds(stub: StubServer, tmp_path: Path) -> None:
    stub.script.append(Reply(status=429, headers={"Retry-After": "0"}))
    result = translate_sentences(RUSSIAN[:1], "ru", settings("google", stub, tmp_path))
    assert result.translations == [PHRASEBOOK[RUSSIAN[0]]]
    assert stub.count == 2


def test_retry_after_is_honoured(stub: StubServer, tmp_path: Path) -> None:
    stub.script.append(Reply(status=429, headers={"Retry-After": "1"}))
    started = time.monotonic()
    translate_sentences(RUSSIAN[:1], "ru", settings("libre", stub, tmp_path))
    assert time.monotonic() - started >= 1.0
    assert stub.count == 2


def test_a_retry_after_longer_than_max_wait_ends_the_run_at_once(
    stub: StubServer, tmp_path: Path
) -> None:
    stub.script.append(Reply(status=429, headers={"Retry-After": "3600"}))
    with pytest.raises(TranslationError, match="the server asks to wait 3600 s"):
        translate_sentences(RUSSIAN[:1], "ru", settings("libre", stub, tmp_path, max_wait=5.0))
    assert stub.count == 1


def test_5xx_is_retried_up_to_the_bound_then_reported(stub: StubServer, tmp_path: Path) -> None:
    stub.script.extend(Reply(status=503) for _ in range(10))
    with pytest.raises(TranslationError) as caught:
        translate_sentences(RUSSIAN[:1], "ru", settings("google", stub, tmp_path, retries=2))
    assert stub.count == 3
    assert str(caught.value).startswith(
        "google: HTTP 503 (server error), still failing after 2 retries after 0/1 sentences"
    )


def test_a_hanging_server_is_abandoned_after_the_timeout(stub: StubServer, tmp_path: Path) -> None:
    stub.hang_after = 0
    with pytest.raises(
        TranslationError, match=r"google: no answer from 127\.0\.0\.1:\d+ within 0\.3 s"
    ):
        translate_sentences(
            RUSSIAN[:1], "ru", settings("google", stub, tmp_path, timeout=0.3, retries=1)
        )
    assert stub.count == 2


def test_a_page_without_a_translation_is_a_malformed_answer_and_not_retried(
    stub: StubServer, tmp_path: Path
) -> None:
    stub.script.append(
        Reply(
            status=200, body="<html><body>Our systems have detected unusual traffic</body></html>"
        )
    )
    with pytest.raises(TranslationError, match="google: unexpected answer from the server"):
        translate_sentences(RUSSIAN[:1], "ru", settings("google", stub, tmp_path))
    assert stub.count == 1


def test_libre_json_without_translated_text_is_a_malformed_answer(
    stub: StubServer, tmp_path: Path
) -> None:
    stub.script.append(json_reply(200, {"detectedLanguage": {"language": "ru"}}))
    with pytest.raises(TranslationError, match="libre: unexpected answer from the server"):
        translate_sentences(RUSSIAN[:1], "ru", settings("libre", stub, tmp_path))


def test_a_wrong_libre_key_fails_at_once_with_the_servers_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIBRETRANSLATE_API_KEY", "typo")
    with serving(libre_key="libre-secret") as stub:
        with pytest.raises(TranslationError) as caught:
            translate_sentences(RUSSIAN, "ru", settings("libre", stub, tmp_path))
        assert stub.count == 1
    assert str(caught.value) == (
        "libre: HTTP 403 (bad API key or access refused?): Invalid API key after 0/3 sentences; "
        "nothing was translated — re-run later, or use --offline"
    )


def test_a_refused_connection_says_the_network_may_be_down(tmp_path: Path) -> None:
    with serving() as stub:
        url = stub.url
    dead = TranslationSettings(
        "libre", url=url, cache_path=tmp_path / "c.sqlite3", backoff=0.01, retries=1
    )
    with pytest.raises(
        TranslationError, match=r"cannot connect to 127\.0\.0\.1:\d+ \(network down\?\)"
    ):
        translate_sentences(RUSSIAN[:1], "ru", dead)


def test_mymemory_quota_message_inside_a_200_is_an_error_not_a_translation(
    stub: StubServer, tmp_path: Path
) -> None:
    quota = {
        "responseData": {
            "translatedText": "MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE TRANSLATIONS FOR TODAY"
        },
        "responseStatus": 403,
        "responseDetails": "MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE TRANSLATIONS FOR TODAY",
    }
    stub.script.append(json_reply(200, quota))
    with pytest.raises(TranslationError, match="mymemory: HTTP 403"):
        translate_sentences(RUSSIAN[:1], "ru", settings("mymemory", stub, tmp_path))


def test_concurrent_requests_never_exceed_the_bound(tmp_path: Path) -> None:
    with serving(delay=0.08) as stub:
        translate_sentences(
            [f"Стороны провели раунд переговоров № {n}." for n in range(12)],
            "ru",
            settings("google", stub, tmp_path, max_concurrency=3),
        )
        assert stub.count == 12
        assert stub.max_in_flight == 3


def test_a_text_over_the_engine_limit_is_sent_in_pieces_and_joined(
    stub: StubServer, tmp_path: Path
) -> None:
    sentence = "Стороны подчеркнули важность диалога, взаимного уважения и доверия. "
    text = sentence * 40  # about 2,700 characters: over LibreTranslate's 2,000 per request
    result = translate_sentences([text], "ru", settings("libre", stub, tmp_path))
    assert stub.count == 2
    first, second = sorted((seen.params["q"] for seen in stub.seen), key=len, reverse=True)
    assert len(first) <= 2000 and first.endswith("доверия.")
    assert f"{first} {second}" == text.strip()
    assert result.translations == [f"[ru→en] {first} [ru→en] {second}"]
