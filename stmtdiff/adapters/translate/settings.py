"""What a translation run is asked to do, what it gives back, and how it fails.

Kept apart from the engines and the service so that the CLI helpers and the config reader can
build settings without importing any HTTP client.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass, field
from pathlib import Path

from stmtdiff.adapters.files.cachefiles import user_cache_dir
from stmtdiff.core.errors import StmtdiffError

#: Every engine stmtdiff can send text to; nothing else is ever contacted.
ENGINES: tuple[str, ...] = ("google", "microsoft", "mymemory", "libre", "deepl")
#: Most retries of one request. With the 1 s first delay doubling up to ``max_wait``, 10 retries
#: already wait about five minutes; ``retries = 1000`` made a server answering 500 hang the run.
MAX_RETRIES = 10


class TranslationError(StmtdiffError):
    """A translation run could not finish: which engine, what failed, and how to resume."""


def default_cache_path() -> Path:
    """The per-user cache file, so translations survive across runs and projects."""
    return user_cache_dir() / "translations.sqlite3"


@dataclass
class TranslationSettings:
    """One run's translation choices; ``engine=None`` means nothing is ever sent anywhere."""

    engine: str | None
    target: str = "en"
    url: str | None = None
    timeout: float = 20.0
    offline: bool = False
    cache_path: Path | None = None
    max_concurrency: int = 4
    retries: int = 4
    _: KW_ONLY
    #: API keys (and ``microsoft_region``, ``mymemory_email``) from the config file; environment
    #: variables take precedence. Left out of ``repr`` so a key never lands in a log.
    keys: Mapping[str, str] = field(default_factory=dict, repr=False)
    #: First retry delay in seconds; it doubles on each retry, with jitter.
    backoff: float = 1.0
    #: Longest single wait before a retry; a server asking for more (Retry-After) ends the run.
    max_wait: float = 60.0
    #: Most seconds spent on one request with its retries: a retry that would start later gives
    #: up instead. Four default retries of a timing-out server take 4 × 20 s plus 15 s of waits.
    batch_time: float = 180.0

    def __post_init__(self) -> None:
        if self.engine is not None and self.engine not in ENGINES:
            raise StmtdiffError(
                f"unknown translation engine {self.engine!r} (choose from {', '.join(ENGINES)})"
            )
        if not self.timeout > 0:
            raise StmtdiffError(f"translation timeout must be positive, not {self.timeout}")
        if self.max_concurrency < 1:
            raise StmtdiffError("translation concurrency must be at least 1")
        if not 0 <= self.retries <= MAX_RETRIES:
            raise StmtdiffError(
                f"translation retries must be between 0 and {MAX_RETRIES}, not {self.retries}"
            )

    @property
    def resolved_cache_path(self) -> Path:
        return self.cache_path if self.cache_path is not None else default_cache_path()


@dataclass
class TranslationResult:
    """Translations indexed like the input; ``missing`` lists indices left without one."""

    translations: list[str | None]
    engine: str
    missing: list[int]
    _: KW_ONLY
    #: Requests actually sent during this run (0 when everything came from the cache).
    requests_sent: int = 0
    #: Things the user should know that did not stop the run (e.g. a corrupt cache set aside);
    #: already printed to stderr, kept here for machine-readable output.
    notices: list[str] = field(default_factory=list)
