"""Every HTTP request stmtdiff sends: with a timeout, over a pooled session, with failures named.

deep-translator's engine modules call ``requests.get(...)`` / ``requests.post(...)`` at module
level with no timeout and no session, so a hanging server hangs stmtdiff forever and a 429 cannot
be told from a 503 (both become the same exception, and the ``Retry-After`` header is lost).
Monkey-patching ``requests`` itself would change the behaviour of every other library in the
process. Instead :func:`install_deep_translator_hook` replaces the name ``requests`` *inside
deep-translator's engine modules only* with :class:`_RequestsShim`. The shim forwards to the real
``requests`` unless the calling thread is inside :func:`bound_transport`, in which case the call
goes through that thread's :class:`Transport`: its own ``requests.Session`` (connection reuse),
the run's timeout (applied to connecting, to each wait for data and to the whole answer), and a
uniform translation of outcomes into :class:`HttpStatusError` / :class:`TransportError` that the
retry loop understands. The binding is thread-local, so concurrent workers never see each other's
settings.

The official DeepL client gets the same treatment through :meth:`Transport.send`, called from a
one-shot ``deepl`` HTTP client (see ``engines.py``).
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import requests

from stmtdiff.adapters.ingest.limits import (
    CHUNK_BYTES,
    MAX_INPUT_BYTES,
    TooLarge,
    TooSlow,
    read_bounded,
)


class HttpStatusError(Exception):
    """The server answered, but not with success."""

    def __init__(self, status: int, retry_after: float | None, detail: str) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after
        self.detail = detail

    @property
    def retryable(self) -> bool:
        return self.status == 429 or self.status >= 500


class TransportError(Exception):
    """No answer at all: the connection failed or the server stayed silent past the timeout."""

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = description


class MalformedResponse(Exception):
    """The server answered with success, but not in the shape the engine's client expects."""


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date), if any."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = datetime.now(UTC).timestamp() if now is None else now
    return max(0.0, when.timestamp() - current)


def _host(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or url


#: An engine-specific look at a 2xx response, raising HttpStatusError for errors hidden in it.
ResponseCheck = Callable[[requests.Response], None]


class Transport:
    """One thread's connection to an engine: a session plus the run's timeout, which bounds each
    request from connecting to the last byte of the answer."""

    def __init__(
        self, timeout: float, check: ResponseCheck | None = None, max_bytes: int = MAX_INPUT_BYTES
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.session = requests.Session()
        self._check = check

    def send(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        """Send one request; return the response only if it is a success.

        The body is read here, in chunks, so that ``timeout`` bounds the whole request (a server
        streaming an endless answer trips it) and no more than ``max_bytes`` are held.
        """
        kwargs.pop("timeout", None)
        kwargs.pop("proxies", None)  # deep-translator passes proxies=None; the session decides
        kwargs.pop("stream", None)
        deadline = time.monotonic() + self.timeout
        try:
            response = self.session.request(
                method, url, timeout=self.timeout, stream=True, **kwargs
            )
            with response:
                # read1 hands over what has arrived; iter_content would wait for whole chunks.
                chunks = iter(lambda: response.raw.read1(CHUNK_BYTES, decode_content=True), b"")
                body = read_bounded(
                    chunks,
                    limit=self.max_bytes,
                    deadline=deadline,
                    raw_count=response.raw.tell,
                )
        except TooSlow as error:
            raise TransportError(
                f"no complete answer from {_host(url)} within {self.timeout:g} s"
            ) from error
        except TooLarge as error:
            raise TransportError(f"answer from {_host(url)} {error}") from error
        except requests.exceptions.Timeout as error:
            raise TransportError(
                f"no answer from {_host(url)} within {self.timeout:g} s"
            ) from error
        except requests.exceptions.ConnectionError as error:
            raise TransportError(f"cannot connect to {_host(url)} (network down?)") from error
        except requests.exceptions.RequestException as error:
            raise TransportError(f"request to {_host(url)} failed: {error}") from error
        response._content = body  # what requests does itself when it reads a body whole
        if not 200 <= response.status_code < 300:
            detail = response.text[:200].strip()
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            raise HttpStatusError(response.status_code, retry_after, detail)
        if self._check is not None:
            self._check(response)
        return response

    def close(self) -> None:
        self.session.close()


_bound = threading.local()


@contextmanager
def bound_transport(transport: Transport) -> Iterator[Transport]:
    """Route this thread's deep-translator requests through ``transport`` while inside."""
    previous = getattr(_bound, "transport", None)
    _bound.transport = transport
    try:
        yield transport
    finally:
        _bound.transport = previous


class _RequestsShim:
    """Stands in for the ``requests`` module inside deep-translator's engine modules."""

    exceptions = requests.exceptions

    def get(self, url: str, params: Any = None, **kwargs: Any) -> requests.Response:
        return self.request("GET", url, params=params, **kwargs)

    def post(
        self, url: str, data: Any = None, json: Any = None, **kwargs: Any
    ) -> requests.Response:
        return self.request("POST", url, data=data, json=json, **kwargs)

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        transport: Transport | None = getattr(_bound, "transport", None)
        if transport is None:  # someone else using deep-translator: leave them be
            return requests.request(method, url, **kwargs)
        return transport.send(method, url, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)


_SHIM = _RequestsShim()
_install_lock = threading.Lock()


def install_deep_translator_hook(*modules: ModuleType) -> None:
    """Point the given deep-translator modules' ``requests`` at the shim (idempotent)."""
    with _install_lock:
        for module in modules:
            if getattr(module, "requests", None) is not _SHIM:
                module.requests = _SHIM  # type: ignore[attr-defined]
