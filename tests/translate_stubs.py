"""A local stand-in for the translation services, so translation tests never touch the network.

One threaded HTTP server on 127.0.0.1 answers in the wire format of each engine stmtdiff drives:
Google's mobile page (``GET /m``, scraped by deep-translator), LibreTranslate
(``POST /translate``), MyMemory (``GET /get``), Microsoft Translator
(``POST /translate?api-version=3.0``) and DeepL (``POST /v2/translate``). Tests script failures
(``script``, ``hang_after``), and read back every request it saw (``seen``) and the largest
number it was handling at once (``max_in_flight``).
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

#: Sentences of the kind stmtdiff compares, with the English a translator would give.
PHRASEBOOK: dict[str, str] = {
    "Стороны подтвердили приверженность целям и принципам Устава ООН.": (
        "The parties reaffirmed their commitment to the purposes and principles of the UN Charter."
    ),
    "Российская Федерация и Китайская Народная Республика выступают за многополярный мир.": (
        "The Russian Federation and the People's Republic of China advocate a multipolar world."
    ),
    "Стороны договорились укреплять сотрудничество в области энергетики.": (
        "The parties agreed to strengthen cooperation in the field of energy."
    ),
    "双方重申恪守《联合国宪章》宗旨和原则。": (
        "The two sides reaffirmed their commitment to the purposes and principles "
        "of the UN Charter."
    ),
    "中俄两国主张建设多极化世界。": "China and Russia advocate building a multipolar world.",
    "双方同意加强能源领域合作。": (
        "The two sides agreed to strengthen cooperation in the energy sector."
    ),
}


def numbered_russian(count: int) -> list[str]:
    """Distinct Russian sentences, for runs long enough to interrupt half-way."""
    return [f"Пункт {n}. Стороны обсудили вопрос номер {n} повестки дня." for n in range(count)]


def stub_translation(text: str, source: str, target: str) -> str:
    """What the stub answers for ``text``: the phrasebook's English, else a tagged echo."""
    return PHRASEBOOK.get(text, f"[{source}→{target}] {text}")


@dataclass
class Reply:
    """One scripted answer; ``body=None`` means the engine's normal successful answer."""

    status: int = 200
    body: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False


@dataclass
class Seen:
    method: str
    path: str
    params: dict[str, str]
    body: bytes
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body)


class StubServer:
    """The stub services; ``url`` is their common base URL (pass it as ``--translate-url``)."""

    def __init__(
        self,
        *,
        libre_key: str | None = None,
        deepl_key: str | None = None,
        microsoft_key: str | None = None,
        delay: float = 0.0,
    ) -> None:
        self.libre_key = libre_key
        self.deepl_key = deepl_key
        self.microsoft_key = microsoft_key
        self.delay = delay
        self.script: deque[Reply] = deque()
        self.hang_after: int | None = None
        self.seen: list[Seen] = []
        self.max_in_flight = 0
        self._in_flight = 0
        self._lock = threading.Lock()
        self.release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), daemon=True
        )
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"

    @property
    def count(self) -> int:
        with self._lock:
            return len(self.seen)

    def close(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()

    def _next_reply(self, seen: Seen) -> Reply:
        with self._lock:
            number = len(self.seen)
            self.seen.append(seen)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
            if self.script:
                return self.script.popleft()
            if self.hang_after is not None and number >= self.hang_after:
                return Reply(hang=True)
            return Reply()

    def _done(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def answer(self, seen: Seen) -> tuple[int, str, str]:
        """The engine's normal answer: (status, content type, body)."""
        p = seen.params
        if seen.method == "GET" and seen.path == "/m":
            text = stub_translation(p["q"], p["sl"], p["tl"])
            page = (
                "<html><body><div class='header'>Google Translate</div>"
                f'<div class="result-container">{html.escape(text)}</div></body></html>'
            )
            return 200, "text/html; charset=utf-8", page
        if seen.method == "GET" and seen.path == "/get":
            source, target = p["langpair"].split("|")
            body = {
                "responseData": {"translatedText": stub_translation(p["q"], source, target)},
                "responseStatus": 200,
                "matches": [],
            }
            return 200, "application/json", json.dumps(body)
        if seen.path == "/translate" and "api-version" in p:
            if seen.headers.get("ocp-apim-subscription-key") != self.microsoft_key:
                error = {"error": {"code": 401000, "message": "Invalid subscription key."}}
                return 401, "application/json", json.dumps(error)
            items = [
                {"translations": [{"text": stub_translation(item["text"], p["from"], p["to"])}]}
                for item in seen.json()
            ]
            return 200, "application/json", json.dumps(items)
        if seen.path == "/translate":
            if self.libre_key is not None and p.get("api_key") != self.libre_key:
                return 403, "application/json", json.dumps({"error": "Invalid API key"})
            text = stub_translation(p["q"], p["source"], p["target"])
            return 200, "application/json", json.dumps({"translatedText": text})
        if seen.path == "/v2/translate":
            if seen.headers.get("authorization") != f"DeepL-Auth-Key {self.deepl_key}":
                return 403, "application/json", json.dumps({"message": "Wrong auth key"})
            request = seen.json()
            source = request.get("source_lang", "")
            translations = [
                {
                    "detected_source_language": source,
                    "text": stub_translation(text, source, request["target_lang"]),
                    "billed_characters": len(text),
                }
                for text in request["text"]
            ]
            return 200, "application/json", json.dumps({"translations": translations})
        return 404, "text/plain", "no such endpoint"


def _make_handler(stub: StubServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _handle(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            seen = Seen(
                method=self.command,
                path=parts.path,
                params={k: v[0] for k, v in parse_qs(parts.query).items()},
                body=body,
                headers={k.lower(): v for k, v in self.headers.items()},
            )
            reply = stub._next_reply(seen)
            try:
                if reply.hang:
                    stub.release.wait(30)
                    self.close_connection = True
                    return
                if stub.delay:
                    time.sleep(stub.delay)
                if reply.body is None and reply.status == 200:
                    status, content_type, text = stub.answer(seen)
                else:
                    status, content_type, text = reply.status, "text/plain", reply.body or ""
                payload = text.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
            finally:
                stub._done()

        do_GET = _handle
        do_POST = _handle

    return Handler


@contextmanager
def serving(**options: Any) -> Iterator[StubServer]:
    """A running stub, shut down (releasing any hung request) on exit."""
    server = StubServer(**options)
    try:
        yield server
    finally:
        server.close()


def libre_flags(url: str, cache: str | Path) -> list[str]:
    """Flags that translate with the stub's LibreTranslate into a private cache file."""
    return ["--translate", "libre", "--translate-url", url, "--cache", str(cache)]


def json_reply(status: int, body: Mapping[str, Any], **headers: str) -> Reply:
    return Reply(status=status, body=json.dumps(body), headers=dict(headers))
