"""Fetch pages over HTTP(S) with a timeout and a clear user agent, keeping a copy on disk.

The cache lets a comparison of published pages be re-run offline and unchanged: once a URL has
been fetched, later runs read the stored copy unless asked to refresh.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stmtdiff.adapters.ingest.limits import (
    DEFAULT_TIMEOUT,
    MAX_INPUT_BYTES,
    TooLarge,
    TooSlow,
    megabytes,
    read_bounded,
)
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.project import PROJECT_URL, stmtdiff_version

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"stmtdiff/{stmtdiff_version()} (+{PROJECT_URL})"
#: Environment variable that moves the page cache (the default is the user cache folder).
CACHE_ENV = "STMTDIFF_CACHE_DIR"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: its bytes and what the server said about them."""

    url: str
    final_url: str
    content: bytes
    media_type: str | None
    charset: str | None
    retrieved: str  # ISO 8601, UTC


def default_cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from stmtdiff.adapters.files.cachefiles import user_cache_dir

    return user_cache_dir() / "pages"


def fetch_page(
    url: str,
    *,
    cache_dir: Path | None = None,
    offline: bool = False,
    refresh: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    transport: httpx.BaseTransport | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Page:
    """The page at ``url``: from the cache when there, else from the network (then cached).

    ``refresh`` skips the cached copy; ``offline`` never touches the network. ``timeout`` bounds
    the whole download, not only each wait for data; ``max_bytes`` bounds its size.
    """
    cache = _Cache(cache_dir or default_cache_dir())
    if not refresh:
        cached = cache.get(url)
        if cached is not None:
            return cached
    if offline:
        raise StmtdiffError(f"{url}: not in the page cache ({cache.root}) and offline mode is on")
    page = _download(url, timeout, transport, max_bytes)
    cache.put(page)
    return page


def _download(
    url: str, timeout: float, transport: httpx.BaseTransport | None, max_bytes: int
) -> Page:
    """The page, read in chunks: ``timeout`` bounds each wait *and* the whole request, and no more
    than ``max_bytes`` are read, counted both as sent and as decoded (a gzip bomb stops early)."""
    from datetime import UTC, datetime

    import httpx  # ~150 ms: a comparison of local files never needs it

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/pdf,text/plain,*/*"}
    deadline = time.monotonic() + timeout
    try:
        with (
            httpx.Client(
                headers=headers, timeout=timeout, follow_redirects=True, transport=transport
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                reason = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                raise StmtdiffError(f"{url}: {reason}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise StmtdiffError(f"{url}: page larger than {megabytes(max_bytes)}")
            content = read_bounded(
                response.iter_bytes(),
                limit=max_bytes,
                deadline=deadline,
                raw_count=lambda: response.num_bytes_downloaded,
            )
    except TooSlow as exc:
        raise StmtdiffError(f"{url}: page not complete within {timeout:g} s (too slow)") from exc
    except TooLarge as exc:
        raise StmtdiffError(f"{url}: page {exc}") from exc
    except httpx.TimeoutException as exc:
        raise StmtdiffError(f"{url}: no answer within {timeout:g} s (timed out)") from exc
    except httpx.TooManyRedirects as exc:
        raise StmtdiffError(f"{url}: too many redirects") from exc
    except httpx.InvalidURL as exc:
        raise StmtdiffError(f"{url}: not a valid URL ({_one_line(exc)})") from exc
    except httpx.HTTPError as exc:
        raise StmtdiffError(f"{url}: cannot fetch ({_one_line(exc)})") from exc
    media_type, charset = _content_type(response.headers.get("content-type", ""))
    return Page(
        url=url,
        final_url=str(response.url),
        content=content,
        media_type=media_type,
        charset=charset,
        retrieved=datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
    )


def _content_type(header: str) -> tuple[str | None, str | None]:
    media_type, *params = (part.strip() for part in header.split(";"))
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return (media_type.lower() or None), charset


def _one_line(exc: Exception) -> str:
    return _SPACE.sub(" ", str(exc)).strip() or type(exc).__name__


class _Cache:
    """One ``<sha256>.body`` (the bytes) and ``<sha256>.json`` (the headers) per URL."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _paths(self, url: str) -> tuple[Path, Path]:
        import hashlib

        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.root / f"{key}.body", self.root / f"{key}.json"

    def get(self, url: str) -> Page | None:
        body, meta = self._paths(url)
        try:
            import json

            fields = json.loads(meta.read_text(encoding="utf-8"))
            content = body.read_bytes()
            return Page(content=content, **fields)
        except (OSError, ValueError, TypeError):
            return None  # absent or damaged: fetch again

    def put(self, page: Page) -> None:
        """Store the page; a cache that cannot be written is not worth failing a run for."""
        body, meta = self._paths(page.url)
        import json

        from stmtdiff.adapters.files.fsutil import write_bytes_atomic

        fields = {k: v for k, v in asdict(page).items() if k != "content"}
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(body, page.content)
            write_bytes_atomic(
                meta, json.dumps(fields, ensure_ascii=False, indent=1).encode("utf-8")
            )
        except OSError:
            return
