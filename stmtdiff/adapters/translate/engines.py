"""One adapter per engine: deep-translator for google/microsoft/mymemory/libre, DeepL's REST API.

Each adapter sends exactly one request per :meth:`Engine.translate_batch` call and reports
failures as :class:`~stmtdiff.adapters.translate.transport.HttpStatusError`,
:class:`~stmtdiff.adapters.translate.transport.TransportError` or
:class:`~stmtdiff.adapters.translate.transport.MalformedResponse`; retrying, chunking and caching
are the
service's business. Adapters are used from several worker threads at once, so every thread gets
its own client object and its own :class:`~stmtdiff.adapters.translate.transport.Transport`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import deep_translator.google
import deep_translator.libre
import deep_translator.microsoft
import deep_translator.mymemory
import requests
from deep_translator.base import BaseTranslator
from deep_translator.exceptions import LanguageNotSupportedException

from stmtdiff.adapters.ingest.fetch import USER_AGENT
from stmtdiff.adapters.translate.config import CREDENTIAL_ENV_VARS, Credentials
from stmtdiff.adapters.translate.languages import engine_language
from stmtdiff.adapters.translate.settings import TranslationError
from stmtdiff.adapters.translate.transport import (
    HttpStatusError,
    MalformedResponse,
    ResponseCheck,
    Transport,
    TransportError,
    bound_transport,
    install_deep_translator_hook,
)

#: The public LibreTranslate server, which needs a key; self-hosted servers usually do not.
LIBRE_PUBLIC_URL = "https://libretranslate.com/"


class Engine(Protocol):
    """What the service needs from an engine."""

    name: str
    #: Longest text (in characters) one request may carry.
    max_chars: int
    #: Most texts one request may carry, and their total length.
    max_batch: int
    max_batch_chars: int

    def translate_batch(self, texts: Sequence[str]) -> list[str]:
        """Translate ``texts`` in one request; called from worker threads."""
        ...

    def close(self) -> None: ...


class _PerThread:
    """Lazily creates one Transport per worker thread and closes them all at the end."""

    def __init__(self, timeout: float, check: ResponseCheck | None = None) -> None:
        self._timeout = timeout
        self._check = check
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Transport] = []

    def transport(self) -> Transport:
        transport: Transport | None = getattr(self._local, "transport", None)
        if transport is None:
            transport = Transport(self._timeout, self._check)
            self._local.transport = transport
            with self._lock:
                self._all.append(transport)
        return transport

    def close(self) -> None:
        with self._lock:
            for transport in self._all:
                transport.close()
            self._all.clear()


def _missing_key(engine: str, why: str = "") -> TranslationError:
    variables = " or ".join(CREDENTIAL_ENV_VARS[engine][:2])
    return TranslationError(
        f"{engine}: no API key{why} — set {variables}, "
        f'or add {engine} = "..." under [translate.keys] in the config file'
    )


class _DeepTranslatorEngine:
    """A deep-translator engine; a fresh translator object per request, since they keep state."""

    max_batch = 1

    def __init__(
        self,
        name: str,
        factory: Callable[[], BaseTranslator],
        *,
        max_chars: int,
        timeout: float,
        check: ResponseCheck | None = None,
    ) -> None:
        self.name = name
        self.max_chars = max_chars
        self.max_batch_chars = max_chars
        self._factory = factory
        self._threads = _PerThread(timeout, check)
        factory()  # fail now, before any request, if a language is unsupported

    def translate_batch(self, texts: Sequence[str]) -> list[str]:
        (text,) = texts
        translator = self._factory()
        with bound_transport(self._threads.transport()):
            try:
                result = translator.translate(text)
            except (HttpStatusError, TransportError):
                raise
            except Exception as error:  # deep-translator's parsing of what the server sent
                raise MalformedResponse(f"{type(error).__name__}: {error}") from error
        if not isinstance(result, str) or not result.strip():
            raise MalformedResponse("no translation in the answer")
        return [result]

    def close(self) -> None:
        self._threads.close()


class _MicrosoftTranslator(deep_translator.microsoft.MicrosoftTranslator):  # type: ignore[misc]
    """MicrosoftTranslator minus the untimed request for the language list its constructor makes.

    The codes come from :mod:`stmtdiff.adapters.translate.languages`; an unsupported one is refused
    by
    the server with HTTP 400, which the service reports.
    """

    def __init__(self, *, source: str, target: str, **kwargs: Any) -> None:
        self._codes = {source: source, target: target}
        super().__init__(source=source, target=target, **kwargs)

    def _get_supported_languages(self) -> dict[str, str]:
        return dict(self._codes)


def _check_mymemory(response: requests.Response) -> None:
    """MyMemory reports errors (e.g. the daily quota used up) inside an HTTP 200 answer, with
    the error text in place of the translation; without this check that text would be cached."""
    try:
        body = response.json()
    except ValueError:
        return  # deep-translator's own parsing reports the malformed answer
    if not isinstance(body, dict):
        return
    status = body.get("responseStatus", 200)
    if str(status) != "200":
        code = int(status) if str(status).isdigit() else 502
        raise HttpStatusError(code, None, str(body.get("responseDetails", ""))[:200])


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _deep_translator_factory(
    engine: str, source: str, target: str, url: str | None, credentials: Credentials
) -> Callable[[], BaseTranslator]:
    def make() -> BaseTranslator:
        translator: BaseTranslator
        try:
            if engine == "google":
                translator = deep_translator.google.GoogleTranslator(source=source, target=target)
                if url:
                    translator._base_url = _with_slash(url) + "m"
            elif engine == "mymemory":
                translator = deep_translator.mymemory.MyMemoryTranslator(
                    source=source, target=target, email=credentials.email
                )
                if url:
                    translator._base_url = _with_slash(url) + "get"
            elif engine == "libre":
                # deep-translator insists on a key even for self-hosted servers that need none:
                # give it a placeholder, then clear it so no api_key parameter is sent.
                translator = deep_translator.libre.LibreTranslator(
                    source=source,
                    target=target,
                    api_key=credentials.api_key or "unused",
                    custom_url=_with_slash(url or LIBRE_PUBLIC_URL),
                )
                translator.api_key = credentials.api_key
            else:
                translator = _MicrosoftTranslator(
                    source=source,
                    target=target,
                    api_key=credentials.api_key,
                    region=credentials.region,
                )
                if url:
                    translator._base_url = _with_slash(url) + "translate?api-version=3.0"
        except LanguageNotSupportedException as error:
            raise TranslationError(
                f"{engine}: language pair {source}→{target} is not supported by this engine"
            ) from error
        return translator

    return make


#: DeepL's documented REST endpoints (developers.deepl.com, "Translate text"): keys of the free
#: plan end in ``:fx`` and are only accepted by the free API's host.
DEEPL_URL = "https://api.deepl.com"
DEEPL_FREE_URL = "https://api-free.deepl.com"


class _DeepLEngine:
    """DeepL's REST API (``POST /v2/translate``), several texts per request as it intends.

    Sent through stmtdiff's own Transport, like every engine, so its timeout, retry bound and
    ``Retry-After`` handling apply, and no client library's internals are relied upon.
    """

    name = "deepl"
    max_chars = 30_000  # a request body must stay under 128 KiB; CJK is 3 bytes per character
    max_batch = 50
    max_batch_chars = 30_000

    def __init__(
        self, source: str, target: str, url: str | None, credentials: Credentials, timeout: float
    ) -> None:
        if not credentials.api_key:
            raise _missing_key("deepl")
        self._source = source
        self._target = target
        base = url or (DEEPL_FREE_URL if credentials.api_key.endswith(":fx") else DEEPL_URL)
        self._endpoint = base.rstrip("/") + "/v2/translate"
        self._headers = {
            "Authorization": f"DeepL-Auth-Key {credentials.api_key}",
            "User-Agent": USER_AGENT,
        }
        self._threads = _PerThread(timeout)

    def translate_batch(self, texts: Sequence[str]) -> list[str]:
        body: dict[str, Any] = {"text": list(texts), "target_lang": self._target}
        if self._source:
            body["source_lang"] = self._source
        # Errors come back as HttpStatusError; the service reads DeepL's {"message": ...}.
        response = self._threads.transport().send(
            "POST", self._endpoint, json=body, headers=self._headers
        )
        try:
            response.encoding = "utf-8"
            translations = [item["text"] for item in response.json()["translations"]]
        except (ValueError, KeyError, TypeError) as error:
            raise MalformedResponse(f"{type(error).__name__}: {error}") from error
        finally:
            response.close()
        if len(translations) != len(texts) or not all(
            isinstance(t, str) and t.strip() for t in translations
        ):
            raise MalformedResponse(f"{len(translations)} translations for {len(texts)} texts")
        return translations

    def close(self) -> None:
        self._threads.close()


#: Longest text per request: Google and MyMemory reject longer input outright; deep-translator
#: sends LibreTranslate's text in the URL, so it is kept well under common request-line limits.
_MAX_CHARS = {"google": 4_999, "mymemory": 499, "libre": 2_000, "microsoft": 10_000}


def make_engine(
    engine: str,
    source: str,
    target: str,
    *,
    url: str | None,
    timeout: float,
    credentials: Credentials,
) -> Engine:
    """The adapter for ``engine`` translating ``source`` → ``target`` (normal-form codes)."""
    wire_source = engine_language(engine, source, "source")
    wire_target = engine_language(engine, target, "target")
    if engine == "deepl":
        return _DeepLEngine(wire_source, wire_target, url, credentials, timeout)
    if engine == "microsoft" and not credentials.api_key:
        raise _missing_key("microsoft")
    if engine == "libre" and not url and not credentials.api_key:
        raise _missing_key(
            "libre", " for the public libretranslate.com (or use --translate-url for your own)"
        )
    install_deep_translator_hook(
        deep_translator.google,
        deep_translator.libre,
        deep_translator.microsoft,
        deep_translator.mymemory,
    )
    factory = _deep_translator_factory(engine, wire_source, wire_target, url, credentials)
    return _DeepTranslatorEngine(
        engine,
        factory,
        max_chars=_MAX_CHARS[engine],
        timeout=timeout,
        check=_check_mymemory if engine == "mymemory" else None,
    )
