"""The SQLite translation cache: keyed lookups, per-entry commits, corrupt files set aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from stmtdiff.adapters.translate.cache import CacheError, TranslationCache

ZH = "双方同意加强能源领域合作。"
ZH_EN = "The two sides agreed to strengthen cooperation in the energy sector."
RU = "Стороны договорились укреплять сотрудничество в области энергетики."
RU_EN = "The parties agreed to strengthen cooperation in the field of energy."


def test_a_stored_translation_is_found_again_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with TranslationCache(path) as cache:
        cache.put("google", "zh", "en", ZH, ZH_EN)
    with TranslationCache(path) as cache:
        assert cache.get_many("google", "zh", "en", [ZH, RU]) == {ZH: ZH_EN}


@pytest.mark.parametrize(
    ("engine", "source", "target"),
    [("deepl", "zh", "en"), ("google", "ru", "en"), ("google", "zh", "fr")],
)
def test_lookups_match_engine_source_and_target(
    tmp_path: Path, engine: str, source: str, target: str
) -> None:
    with TranslationCache(tmp_path / "cache.sqlite3") as cache:
        cache.put("google", "zh", "en", ZH, ZH_EN)
        assert cache.get_many(engine, source, target, [ZH]) == {}


def test_each_put_is_committed_immediately(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    cache = TranslationCache(path)
    cache.put("libre", "ru", "en", RU, RU_EN)
    with sqlite3.connect(path) as other:  # a second reader sees it while the cache is still open
        assert other.execute("SELECT translation FROM translations").fetchall() == [(RU_EN,)]
    cache.close()


def test_many_lookups_beyond_sqlites_parameter_limit(tmp_path: Path) -> None:
    texts = [f"Пункт {n} совместного заявления." for n in range(1200)]
    stored = [0, 499, 500, 1199]  # on both sides of each 500-text lookup batch
    with TranslationCache(tmp_path / "cache.sqlite3") as cache:
        for n in stored:
            cache.put("google", "ru", "en", texts[n], f"Item {n} of the joint statement.")
        found = cache.get_many("google", "ru", "en", texts)
    assert sorted(found) == sorted(texts[n] for n in stored)


def test_a_garbage_file_is_renamed_not_deleted(tmp_path: Path) -> None:
    path = tmp_path / "translations.sqlite3"
    path.write_text("это не база данных, а случайный текст\n" * 100, encoding="utf-8")
    with TranslationCache(path) as cache:
        assert cache.set_aside is not None
        assert cache.set_aside.name.startswith("translations.sqlite3.corrupt-")
        assert cache.set_aside.read_text(encoding="utf-8").startswith("это не база данных")
        cache.put("google", "ru", "en", RU, RU_EN)
        assert cache.get_many("google", "ru", "en", [RU]) == {RU: RU_EN}


def test_a_damaged_cache_is_detected_and_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with TranslationCache(path) as cache:
        for n in range(100):
            cache.put("google", "ru", "en", f"{RU} ({n})", RU_EN)
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 3] = b"\xff" * 8192  # overwrite pages holding table and index data
    path.write_bytes(bytes(data))
    with TranslationCache(path) as cache:
        assert cache.set_aside is not None
        assert cache.get_many("google", "ru", "en", [f"{RU} (0)"]) == {}


def test_some_other_programs_database_is_set_aside_too(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE notes (body TEXT)")
    with TranslationCache(path) as cache:
        assert cache.set_aside is not None
    with sqlite3.connect(cache.set_aside) as other:
        assert other.execute("SELECT name FROM sqlite_master").fetchall() == [("notes",)]


def test_opening_without_create_leaves_a_missing_file_missing(tmp_path: Path) -> None:
    path = tmp_path / "absent.sqlite3"
    with TranslationCache(path, create=False) as cache:
        assert cache.get_many("google", "ru", "en", [RU]) == {}
        assert cache.stats().entries == 0
    assert not path.exists()


def test_clearing_one_engine_keeps_the_others(tmp_path: Path) -> None:
    with TranslationCache(tmp_path / "cache.sqlite3") as cache:
        cache.put("google", "ru", "en", RU, RU_EN)
        cache.put("deepl", "zh", "en", ZH, ZH_EN)
        assert cache.clear(["google"]) == 1
        assert cache.stats().by_pair == [("deepl", "zh", "en", 1)]
        assert cache.clear() == 1
        assert cache.stats().entries == 0


def test_an_uncreatable_cache_directory_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(CacheError, match="cannot create the cache directory"):
        TranslationCache(blocker / "cache.sqlite3")
