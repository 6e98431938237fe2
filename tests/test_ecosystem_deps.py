"""Dependencies used through their private parts fail loudly here when upstream changes them.

deep-translator is pinned below 1.12 in pyproject.toml because stmtdiff routes its requests
through its own transport by replacing the ``requests`` name inside four of its modules, points
its translators at other servers through ``_base_url``, and skips Microsoft's untimed language
list through ``_get_supported_languages``. DeepL is reached through its documented REST API.
"""

from __future__ import annotations

import inspect
import re
import sys
import tomllib
import types
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import deep_translator.base
import deep_translator.google
import deep_translator.libre
import deep_translator.microsoft
import deep_translator.mymemory
import pytest
from translate_stubs import PHRASEBOOK, StubServer, serving

from stmtdiff.adapters.translate import engines
from stmtdiff.adapters.translate.service import translate_sentences
from stmtdiff.adapters.translate.settings import TranslationError, TranslationSettings

ROOT = Path(__file__).resolve().parent.parent
CHINESE = list(PHRASEBOOK)[3:]
MODULES = (
    deep_translator.google,
    deep_translator.libre,
    deep_translator.microsoft,
    deep_translator.mymemory,
)


def _pinned_range() -> tuple[tuple[int, ...], tuple[int, ...]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (spec,) = [d for d in project["dependencies"] if d.startswith("deep-translator")]
    low, high = re.fullmatch(r"deep-translator>=([\d.]+),<([\d.]+)", spec).groups()  # type: ignore[union-attr]
    return tuple(map(int, low.split("."))), tuple(map(int, high.split(".")))


def test_deep_translator_is_pinned_and_the_installed_version_is_in_range() -> None:
    low, high = _pinned_range()
    installed = tuple(int(part) for part in version("deep-translator").split(".")[:3])
    assert low <= installed < high


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_deep_translator_modules_call_requests_by_module_name(module: types.ModuleType) -> None:
    assert hasattr(module, "requests")
    assert re.search(r"\brequests\.(get|post)\(", inspect.getsource(module))


@pytest.mark.parametrize(
    "translator",
    [
        deep_translator.google.GoogleTranslator,
        deep_translator.mymemory.MyMemoryTranslator,
        deep_translator.microsoft.MicrosoftTranslator,
    ],
)
def test_deep_translator_translators_read_their_server_from_base_url(
    translator: type[deep_translator.base.BaseTranslator],
) -> None:
    assert "self._base_url" in inspect.getsource(translator.translate)


def test_microsoft_translator_still_asks_for_its_language_list_by_this_method() -> None:
    source = inspect.getsource(deep_translator.microsoft.MicrosoftTranslator.__init__)
    assert "_get_supported_languages" in source


def test_deepl_package_is_not_a_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [d for d in project["dependencies"] if re.match(r"deepl\b", d)]


@pytest.fixture
def stub() -> Iterator[StubServer]:
    with serving(deepl_key="stub-deepl-key") as server:
        yield server


def _settings(tmp_path: Path, url: str | None) -> TranslationSettings:
    return TranslationSettings(
        "deepl", url=url, cache_path=tmp_path / "cache.sqlite3", timeout=2.0, backoff=0.01
    )


def test_deepl_requests_name_stmtdiff_and_load_no_deepl_client(
    stub: StubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEEPL_AUTH_KEY", "stub-deepl-key")
    translate_sentences(CHINESE, "zh", _settings(tmp_path, stub.url))
    assert stub.seen[0].path == "/v2/translate"
    assert stub.seen[0].headers["user-agent"].startswith("stmtdiff/")
    assert "deepl" not in sys.modules


def test_free_plan_keys_go_to_the_free_api(
    stub: StubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "DEEPL_FREE_URL", stub.url)
    monkeypatch.setattr(engines, "DEEPL_URL", "http://127.0.0.1:9")  # closed port: must not be used
    monkeypatch.setenv("DEEPL_AUTH_KEY", "free-key:fx")
    with pytest.raises(TranslationError, match="HTTP 403"):  # the stub knows another key
        translate_sentences(CHINESE[:1], "zh", _settings(tmp_path, None))
    assert stub.count == 1
    assert stub.seen[0].headers["authorization"] == "DeepL-Auth-Key free-key:fx"
