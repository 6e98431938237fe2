"""The service around the engines: cache first, offline mode, resuming after failures."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from translate_stubs import PHRASEBOOK, Reply, StubServer, numbered_russian, serving

from stmtdiff.adapters.translate import TranslationError, TranslationSettings, translate_sentences

RUSSIAN = list(PHRASEBOOK)[:3]
CHINESE = list(PHRASEBOOK)[3:]
TESTS = Path(__file__).resolve().parent


@pytest.fixture
def stub() -> Iterator[StubServer]:
    with serving() as server:
        yield server


def settings(stub: StubServer, cache: Path, **options: object) -> TranslationSettings:
    defaults: dict[str, object] = {"url": stub.url, "cache_path": cache, "backoff": 0.01}
    defaults.update(options)
    return TranslationSettings("libre", **defaults)  # type: ignore[arg-type]


def cached_texts(cache: Path) -> set[str]:
    with sqlite3.connect(cache) as conn:
        return {row[0] for row in conn.execute("SELECT text FROM translations")}


def test_a_second_run_sends_nothing_for_cached_sentences(stub: StubServer, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    first = translate_sentences(RUSSIAN, "ru", settings(stub, cache))
    second = translate_sentences(RUSSIAN, "ru", settings(stub, cache))
    assert stub.count == 3
    assert second.translations == first.translations
    assert second.requests_sent == 0


def test_only_the_sentences_missing_from_the_cache_are_sent(
    stub: StubServer, tmp_path: Path
) -> None:
    cache = tmp_path / "cache.sqlite3"
    translate_sentences(RUSSIAN[:2], "ru", settings(stub, cache))
    translate_sentences(RUSSIAN, "ru", settings(stub, cache))
    assert [seen.params["q"] for seen in stub.seen][2:] == [RUSSIAN[2]]


def test_the_cache_is_keyed_by_engine_and_languages(stub: StubServer, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    translate_sentences(RUSSIAN[:1], "ru", settings(stub, cache))
    translate_sentences(RUSSIAN[:1], "ru", settings(stub, cache, target="fr"))
    translate_sentences(
        RUSSIAN[:1], "ru", TranslationSettings("google", url=stub.url, cache_path=cache)
    )
    assert stub.count == 3


def test_a_repeated_sentence_is_sent_once(stub: StubServer, tmp_path: Path) -> None:
    texts = [CHINESE[0], CHINESE[1], f"  {CHINESE[0]}\n"]
    result = translate_sentences(texts, "zh", settings(stub, tmp_path / "c.sqlite3"))
    assert stub.count == 2
    assert result.translations[0] == result.translations[2] == PHRASEBOOK[CHINESE[0]]


def test_punctuation_only_and_same_language_texts_are_never_sent(
    stub: StubServer, tmp_path: Path
) -> None:
    cache = tmp_path / "c.sqlite3"
    marks = translate_sentences(["……", "——", " "], "zh", settings(stub, cache))
    english = translate_sentences(["The parties met in Beijing."], "en", settings(stub, cache))
    assert stub.count == 0
    assert marks.translations == ["……", "——", " "]
    assert english.translations == ["The parties met in Beijing."]


def test_offline_sends_nothing_and_lists_the_sentences_without_a_translation(
    stub: StubServer, tmp_path: Path
) -> None:
    cache = tmp_path / "cache.sqlite3"
    translate_sentences(RUSSIAN[1:2], "ru", settings(stub, cache))
    result = translate_sentences(RUSSIAN, "ru", settings(stub, cache, offline=True))
    assert stub.count == 1
    assert result.translations == [None, PHRASEBOOK[RUSSIAN[1]], None]
    assert result.missing == [0, 2]
    assert result.requests_sent == 0


def test_offline_without_a_cache_file_does_not_create_one(stub: StubServer, tmp_path: Path) -> None:
    cache = tmp_path / "never-made.sqlite3"
    result = translate_sentences(RUSSIAN, "ru", settings(stub, cache, offline=True))
    assert result.missing == [0, 1, 2]
    assert not cache.exists()
    assert stub.count == 0


def test_a_failure_half_way_keeps_the_first_half_cached(stub: StubServer, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    texts = numbered_russian(8)
    stub.hang_after = 4
    with pytest.raises(TranslationError) as caught:
        translate_sentences(
            texts, "ru", settings(stub, cache, max_concurrency=1, timeout=0.2, retries=0)
        )
    assert str(caught.value) == (
        f"libre: no answer from {stub.url[7:-1]} within 0.2 s after 4/8 sentences; "
        "the translated ones are cached — re-run to resume, or use --offline"
    )
    assert cached_texts(cache) == set(texts[:4])


def test_a_re_run_after_a_failure_sends_only_the_rest(stub: StubServer, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    texts = numbered_russian(6)
    stub.script.extend([Reply(), Reply(), Reply(status=403, body='{"error": "Invalid API key"}')])
    with pytest.raises(TranslationError):
        translate_sentences(texts, "ru", settings(stub, cache, max_concurrency=1))
    before = stub.count
    result = translate_sentences(texts, "ru", settings(stub, cache, max_concurrency=1))
    assert stub.count - before == 4
    assert result.missing == []


_CRASHING_RUN = """
import sys
from pathlib import Path
from stmtdiff.adapters.translate import TranslationSettings, translate_sentences
texts = [f"Пункт {n}. Стороны обсудили вопрос номер {n} повестки дня." for n in range(8)]
settings = TranslationSettings(
    "libre", url=sys.argv[1], cache_path=Path(sys.argv[2]), max_concurrency=1, timeout=60
)
translate_sentences(texts, "ru", settings, progress=False)
"""


def test_a_process_killed_half_way_keeps_the_first_half_cached(
    stub: StubServer, tmp_path: Path
) -> None:
    cache = tmp_path / "cache.sqlite3"
    stub.hang_after = 4
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_CRASHING_RUN), stub.url, str(cache)]
    )
    try:
        deadline = time.monotonic() + 15
        while stub.count < 5 and time.monotonic() < deadline:
            time.sleep(0.02)
        while time.monotonic() < deadline:  # the 4th answer is committed just after it arrives
            if cache.exists() and len(cached_texts(cache)) == 4:
                break
            time.sleep(0.02)
        assert child.poll() is None, "the run should still be waiting on the hung request"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert cached_texts(cache) == set(numbered_russian(8)[:4])
    with sqlite3.connect(cache) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_corrupt_cache_is_set_aside_reported_and_replaced(
    stub: StubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache.sqlite3"
    cache.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 600)
    result = translate_sentences(RUSSIAN[:1], "ru", settings(stub, cache))
    aside = list(tmp_path.glob("cache.sqlite3.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes().startswith(b"SQLite format 3\x00\xde\xad")
    assert "was unreadable; it was moved to cache.sqlite3.corrupt-" in capsys.readouterr().err
    assert result.notices and aside[0].name in result.notices[0]
    assert cached_texts(cache) == {RUSSIAN[0]}


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    stub: StubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    translate_sentences(numbered_russian(12), "ru", settings(stub, tmp_path / "c.sqlite3"))
    assert capsys.readouterr().err == ""


def test_an_unsupported_language_pair_fails_before_sending(
    stub: StubServer, tmp_path: Path
) -> None:
    with pytest.raises(TranslationError, match="libre: language 'kk' is not supported"):
        translate_sentences(["Тараптар келісті."], "kk", settings(stub, tmp_path / "c.sqlite3"))
    assert stub.count == 0


def test_a_run_without_an_engine_is_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="needs an engine"):
        translate_sentences(RUSSIAN, "ru", TranslationSettings(None, cache_path=tmp_path / "c"))
