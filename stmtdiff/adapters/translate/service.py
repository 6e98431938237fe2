"""Translating a list of sentences: cache first, then bounded, retried, chunked requests.

The main thread owns the cache and the progress bar; worker threads (at most
``max_concurrency``) only talk to the engine. A failed request is retried with exponential
backoff and jitter on 429, 5xx and lost connections, honouring ``Retry-After``; a 429 also pauses
the other workers so they do not keep hammering a server that asked for a break. The first
failure that survives its retries stops new requests, lets those in flight finish (their results
are cached too) and ends the run with one :class:`TranslationError` line.
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor, as_completed
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stmtdiff.adapters import progress as progress_hooks
from stmtdiff.adapters.progress import ProgressBar
from stmtdiff.adapters.translate.cache import TranslationCache
from stmtdiff.adapters.translate.chunks import join_pieces, split_for_limit
from stmtdiff.adapters.translate.config import credentials_for
from stmtdiff.adapters.translate.languages import normalize_language
from stmtdiff.adapters.translate.settings import (
    TranslationError,
    TranslationResult,
    TranslationSettings,
)
from stmtdiff.adapters.translate.transport import HttpStatusError, MalformedResponse, TransportError

if TYPE_CHECKING:
    from stmtdiff.adapters.translate.engines import Engine

#: Runs sending at least this many texts get a progress bar (when stderr is a terminal).
PROGRESS_THRESHOLD = 10

_HTTP_HINTS = {
    400: "bad request — unsupported language pair?",
    401: "bad API key?",
    403: "bad API key or access refused?",
    404: "wrong URL?",
    413: "text too long",
    414: "text too long",
    429: "rate limited or quota used up",
    456: "quota exceeded",
}


@dataclass
class _Piece:
    key: str  # the whole text this piece belongs to
    index: int  # position of the piece within that text
    text: str


class _Cancelled(Exception):
    """A unit abandoned because another one already failed."""


class _Failed(Exception):
    """A unit that failed for good; carries what went wrong and how often it was tried."""

    def __init__(
        self, error: Exception, retries_done: int, gave_up_early: bool, out_of_time: float = 0.0
    ) -> None:
        super().__init__(str(error))
        self.error = error
        self.retries_done = retries_done
        self.gave_up_early = gave_up_early
        #: The time allowed for one request and its retries, when that is what ran out.
        self.out_of_time = out_of_time


class _Throttle:
    """A moment before which no worker sends anything (set when a server answers 429)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._not_before = 0.0

    def hold(self, seconds: float) -> None:
        with self._lock:
            self._not_before = max(self._not_before, time.monotonic() + seconds)

    def wait(self, stop: threading.Event) -> None:
        with self._lock:
            remaining = self._not_before - time.monotonic()
        if remaining > 0:
            stop.wait(remaining)


def _is_trivial(text: str) -> bool:
    """Nothing a translator could change: empty, punctuation, symbols."""
    return not any(ch.isalnum() for ch in text)


def _pack(pieces: list[_Piece], engine: Engine) -> list[list[_Piece]]:
    """Group pieces into requests within the engine's per-request count and size limits."""
    units: list[list[_Piece]] = []
    current: list[_Piece] = []
    size = 0
    for piece in pieces:
        if current and (
            len(current) >= engine.max_batch or size + len(piece.text) > engine.max_batch_chars
        ):
            units.append(current)
            current, size = [], 0
        current.append(piece)
        size += len(piece.text)
    if current:
        units.append(current)
    return units


def _server_message(detail: str) -> str:
    """The error text from a JSON error body, if the server sent one."""
    try:
        body = json.loads(detail)
    except ValueError:
        return ""
    if isinstance(body, dict):
        for name in ("error", "message", "detail", "responseDetails"):
            value = body.get(name)
            if isinstance(value, str) and value.strip():
                return value.strip().splitlines()[0][:80]
            if isinstance(value, dict) and isinstance(value.get("message"), str):
                return str(value["message"]).strip().splitlines()[0][:80]
    return ""


def _describe(failure: _Failed) -> str:
    """What went wrong, in a few words."""
    error = failure.error
    if isinstance(error, HttpStatusError):
        hint = _HTTP_HINTS.get(error.status, "server error" if error.status >= 500 else "")
        text = f"HTTP {error.status}" + (f" ({hint})" if hint else "")
        message = _server_message(error.detail)
        if message:
            text += f": {message}"
        if failure.gave_up_early and error.retry_after is not None:
            text += f"; the server asks to wait {error.retry_after:.0f} s"
    elif isinstance(error, TransportError):
        text = error.description
    else:
        text = f"unexpected answer from the server ({error})"
    if failure.retries_done:
        plural = "retry" if failure.retries_done == 1 else "retries"
        text += f", still failing after {failure.retries_done} {plural}"
    if failure.out_of_time:
        text += f" (gave up: {failure.out_of_time:g} s allowed for one request)"
    return text


class _Run:
    """Sending what the cache lacked for one call of :func:`translate_sentences`."""

    def __init__(
        self,
        engine: Engine,
        settings: TranslationSettings,
        source: str,
        target: str,
        cache: TranslationCache,
        translations: list[str | None],
        positions: dict[str, list[int]],
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.source = source
        self.target = target
        self.cache = cache
        self.translations = translations
        self.positions = positions
        self.stop = threading.Event()
        self.throttle = _Throttle()
        self.failure: _Failed | None = None
        self.bar: ProgressBar | None = None
        self._lock = threading.Lock()
        self.requests_sent = 0
        pieces_of = {key: split_for_limit(key, engine.max_chars) for key in positions}
        self._slots: dict[str, list[str | None]] = {
            key: [None] * len(pieces) for key, pieces in pieces_of.items()
        }
        self.units = _pack(
            [
                _Piece(key, i, text)
                for key, pieces in pieces_of.items()
                for i, text in enumerate(pieces)
            ],
            engine,
        )

    def _delay(self, retries_done: int) -> float:
        base = self.settings.backoff * 2.0**retries_done
        return min(self.settings.max_wait, base * random.uniform(0.5, 1.0))

    def send(self, unit: list[_Piece]) -> list[str]:
        """One request with retries; runs in a worker thread. A failure stops the others."""
        try:
            return self._send(unit)
        except _Failed:
            self.stop.set()
            raise

    def _send(self, unit: list[_Piece]) -> list[str]:
        retries_done = 0
        deadline = time.monotonic() + self.settings.batch_time
        while True:
            self.throttle.wait(self.stop)
            if self.stop.is_set():
                raise _Cancelled
            with self._lock:
                self.requests_sent += 1
            last: HttpStatusError | TransportError
            try:
                return self.engine.translate_batch([piece.text for piece in unit])
            except HttpStatusError as error:
                last = error
                if not error.retryable or retries_done >= self.settings.retries:
                    raise _Failed(error, retries_done, False) from error
                delay = self._delay(retries_done)
                if error.retry_after is not None:
                    if error.retry_after > self.settings.max_wait:
                        raise _Failed(error, retries_done, True) from error
                    delay = max(delay, error.retry_after)
                if error.status == 429:
                    self.throttle.hold(delay)
            except TransportError as error:
                last = error
                if retries_done >= self.settings.retries:
                    raise _Failed(error, retries_done, False) from error
                delay = self._delay(retries_done)
            except MalformedResponse as error:
                raise _Failed(error, retries_done, False) from error
            if time.monotonic() + delay > deadline:
                raise _Failed(last, retries_done, False, self.settings.batch_time) from last
            retries_done += 1
            if self.stop.wait(delay):
                raise _Cancelled

    def _store(self, future: Future[list[str]], unit: list[_Piece]) -> None:
        """Take one finished request's result; cache each text as soon as it is complete."""
        try:
            results = future.result()
        except (_Cancelled, CancelledError):
            return
        except _Failed as error:
            if self.failure is None:
                self.failure = error
                self.stop.set()
            return
        for piece, result in zip(unit, results, strict=True):
            slots = self._slots[piece.key]
            slots[piece.index] = result
            if all(slot is not None for slot in slots):
                joined = join_pieces([slot for slot in slots if slot is not None], self.target)
                self.cache.put(self.engine.name, self.source, self.target, piece.key, joined)
                for index in self.positions[piece.key]:
                    self.translations[index] = joined
                if self.bar is not None:
                    self.bar.advance()

    def execute(self, progress: bool | None) -> None:
        """Send every unit; raise TranslationError if one fails for good.

        The first request goes alone: a wrong key, URL or language pair then costs one
        request, not a burst of ``max_concurrency``.
        """
        self.bar = _progress_bar(self.engine.name, len(self.positions), progress)
        pool = ThreadPoolExecutor(
            self.settings.max_concurrency, thread_name_prefix="stmtdiff-translate"
        )
        shown: AbstractContextManager[object] = self.bar if self.bar is not None else nullcontext()
        try:
            with shown:
                first, rest = self.units[0], self.units[1:]
                self._store(pool.submit(self.send, first), first)
                if self.failure is None:
                    futures = {pool.submit(self.send, unit): unit for unit in rest}
                    for future in as_completed(futures):
                        self._store(future, futures[future])
                        if self.failure is not None:
                            for pending in futures:
                                pending.cancel()
        except BaseException:
            self.stop.set()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        if self.failure is not None:
            done = sum(t is not None for t in self.translations)
            saved = (
                "the translated ones are cached — re-run to resume"
                if done
                else "nothing was translated — re-run later"
            )
            raise TranslationError(
                f"{self.engine.name}: {_describe(self.failure)} after {done}/"
                f"{len(self.translations)} sentences; {saved}, or use --offline"
            ) from self.failure.error


def _progress_bar(engine: str, total: int, progress: bool | None) -> ProgressBar | None:
    show = progress if progress is not None else total >= PROGRESS_THRESHOLD
    display = progress_hooks.display
    if not show or display is None or (progress is None and not sys.stderr.isatty()):
        return None
    return display(f"Translating with {engine}", total)


def translate_sentences(
    texts: Sequence[str],
    source_lang: str,
    settings: TranslationSettings,
    *,
    progress: bool | None = None,
) -> TranslationResult:
    """Translate ``texts`` from ``source_lang`` into ``settings.target`` with ``settings.engine``.

    Cached translations are used without asking anyone; with ``settings.offline`` nothing is
    sent and the indices still lacking a translation are listed in ``missing``. Texts with
    nothing to translate (punctuation only, or already in the target language) come back as
    they are. ``progress``: ``None`` shows a bar on a terminal for long runs, ``True`` always,
    ``False`` never.
    """
    engine_name = settings.engine
    if engine_name is None:
        raise ValueError("translate_sentences needs an engine; settings.engine is None")
    source = normalize_language(source_lang)
    target = normalize_language(settings.target)
    translations: list[str | None] = [None] * len(texts)
    positions: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        key = text.strip()
        if source == target or _is_trivial(key):
            translations[index] = text
        else:
            positions.setdefault(key, []).append(index)

    notices: list[str] = []
    if not positions:
        return TranslationResult(translations, engine_name, [], notices=notices)

    cache = TranslationCache(settings.resolved_cache_path, create=not settings.offline)
    with cache:
        if cache.set_aside is not None:
            notice = (
                f"the translation cache {cache.path} was unreadable; it was moved to "
                f"{cache.set_aside.name} and a new cache was started"
            )
            notices.append(notice)
            print(f"stmtdiff: warning: {notice}", file=sys.stderr)
        for key, translation in cache.get_many(engine_name, source, target, positions).items():
            for index in positions.pop(key):
                translations[index] = translation
        if settings.offline or not positions:
            missing = sorted(i for indices in positions.values() for i in indices)
            return TranslationResult(translations, engine_name, missing, notices=notices)

        # The engines' HTTP clients (deep-translator, requests) load only when needed.
        from stmtdiff.adapters.translate.engines import make_engine

        engine = make_engine(
            engine_name,
            source,
            target,
            url=settings.url,
            timeout=settings.timeout,
            credentials=credentials_for(engine_name, settings.keys),
        )
        run = _Run(engine, settings, source, target, cache, translations, positions)
        try:
            run.execute(progress)
        finally:
            engine.close()
    return TranslationResult(
        translations, engine_name, [], requests_sent=run.requests_sent, notices=notices
    )
