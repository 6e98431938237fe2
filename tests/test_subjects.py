"""The subject table: which countries, organisations, people and topics a text names, in
Russian, Chinese and English, and how users extend the table (``--watch``, the config file)."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stmtdiff.adapters.ingest import subjects as subject_files
from stmtdiff.adapters.ingest.subjects import (
    builtin_subjects,
    config_watch_files,
    load_subject_table,
    read_watch_file,
)
from stmtdiff.core.compare import subjects as subjects_module
from stmtdiff.core.compare.subjects import EAST_ASIAN_SEARCHED, Subject, SubjectTable
from stmtdiff.core.compare.subjects import subject as make_subject
from stmtdiff.core.errors import StmtdiffError


@pytest.fixture(scope="module")
def table() -> SubjectTable:
    return load_subject_table()


def ids(table: SubjectTable, text: str) -> set[str]:
    return {subject.id for subject in table.find(text)}


def test_russian_inflected_forms_name_the_country(table: SubjectTable) -> None:
    assert "ukraine" in ids(table, "Стороны обсудили ситуацию вокруг Украины.")
    assert "ukraine" in ids(table, "Президенты говорили об украинском урегулировании.")


def test_chinese_forms_are_found_inside_running_text(table: SubjectTable) -> None:
    found = ids(table, "普京介绍了俄美接触最新情况。")
    assert {"putin", "russia", "united_states"} <= found


def test_english_forms_ignore_case_but_whole_words_only(table: SubjectTable) -> None:
    assert "nato" in ids(table, "They oppose the expansion of NATO.")
    assert "brazil" in ids(table, "Talks with brazilian partners went well.")
    assert "iran" not in ids(table, "Tirana hosted the talks.")


def test_capitalised_abbreviation_does_not_match_lower_case(table: SubjectTable) -> None:
    assert "united_states" in ids(table, "Tell us about the US position.")
    assert "united_states" not in ids(table, "Let us proceed to the agenda.")


def test_longest_name_wins_at_one_place(table: SubjectTable) -> None:
    found = ids(
        table, "Лидеры обсудили подготовку к саммиту Шанхайской организации сотрудничества."
    )
    assert "sco" in found
    assert "shanghai" not in found


def test_a_topic_does_not_hide_the_country_inside_it(table: SubjectTable) -> None:
    assert {"ukraine", "ukraine_crisis"} <= ids(table, "中方乐见各方为化解乌克兰危机作出努力。")


def test_yo_and_ye_are_the_same_letter(table: SubjectTable) -> None:
    assert "united_states" in ids(table, "Соединённые Штаты ввели новые пошлины.")
    assert "united_states" in ids(table, "Соединенные Штаты ввели новые пошлины.")


def test_hyphenated_russian_compound_names_both_countries(table: SubjectTable) -> None:
    found = ids(table, "Путин рассказал о российско-американских контактах.")
    assert {"russia", "united_states"} <= found


def test_a_chinese_form_may_name_two_countries(table: SubjectTable) -> None:
    assert {"china", "russia"} <= ids(table, "中俄关系不针对第三方。")


def test_a_dollar_amount_names_the_currency_not_the_country(table: SubjectTable) -> None:
    found = ids(table, "Товарооборот достиг 245 млрд долл. США.")
    assert "us_dollar" in found
    assert "united_states" not in found


def test_mentions_list_the_sentences_naming_each_subject(table: SubjectTable) -> None:
    sentences = ["Си Цзиньпин говорил о БРИКС.", "Погода была хорошей.", "БРИКС расширяется."]
    assert table.mentions(sentences)["brics"] == (0, 2)


def test_mentions_of_several_versions_are_those_of_each_alone(table: SubjectTable) -> None:
    kremlin = ["Путин и Си Цзиньпин обсудили БРИКС.", "Затронута тема Украины."]
    xinhua = ["习近平同普京通电话。", "中方支持金砖国家合作。"]
    assert table.mentions_each([kremlin, xinhua]) == [
        table.mentions(kremlin),
        table.mentions(xinhua),
    ]


def test_shipped_table_gives_every_subject_in_three_languages() -> None:
    text = (resources.files("stmtdiff") / "data" / "subjects.toml").read_text(encoding="utf-8")
    entries = [entry for table in tomllib.loads(text).values() for entry in table.values()]
    assert len(entries) >= 150
    assert all(set(entry) == {"en", "ru", "zh"} for entry in entries)


def test_shipped_table_covers_the_leaders_and_blocs_of_the_readouts() -> None:
    shipped = {subject.id for subject in builtin_subjects()}
    expected = {"putin", "xi_jinping", "trump", "un", "brics", "sco", "nato", "apec", "g20"}
    expected |= {"taiwan", "sanctions", "belt_and_road", "eaeu", "wwii_victory", "energy"}
    assert expected <= shipped


def test_watch_tsv_adds_a_subject(tmp_path: Path) -> None:
    watch = tmp_path / "watch.tsv"
    watch.write_text("# ours\narctic_route\tСевморпут*|北极航道\tplace\n", encoding="utf-8")
    table = load_subject_table([watch])
    assert "arctic_route" in ids(table, "Обсудили грузоперевозки по Севморпути.")


def test_watch_entry_with_a_known_id_adds_forms_to_it(tmp_path: Path) -> None:
    watch = tmp_path / "watch.tsv"
    watch.write_text("united_states\tДядя Сэм\n", encoding="utf-8")
    table = load_subject_table([watch])
    assert "united_states" in ids(table, "Дядя Сэм недоволен.")
    assert [s.category for s in table.subjects if s.id == "united_states"] == ["country"]


def test_watch_toml_uses_the_shipped_format(tmp_path: Path) -> None:
    watch = tmp_path / "watch.toml"
    watch.write_text(
        '[topic]\nfisheries = { en = ["fisher*"], ru = ["рыболов*"], zh = ["渔业"] }\n',
        encoding="utf-8",
    )
    assert read_watch_file(watch) == [
        Subject("fisheries", "topic", ("fisher*", "рыболов*", "渔业"), "fisher")
    ]


def test_bad_tsv_line_is_reported_with_its_number(tmp_path: Path) -> None:
    watch = tmp_path / "watch.tsv"
    watch.write_text("arctic\tArctic\n\nno tab on this line\n", encoding="utf-8")
    with pytest.raises(StmtdiffError, match=r"watch\.tsv:3: expected id<TAB>form"):
        read_watch_file(watch)


def test_bad_toml_category_is_reported_with_its_line(tmp_path: Path) -> None:
    watch = tmp_path / "watch.toml"
    watch.write_text('# mine\n\n[planets]\nmars = { en = ["Mars"] }\n', encoding="utf-8")
    with pytest.raises(StmtdiffError, match=r"watch\.toml:3: 'planets' is not a category"):
        read_watch_file(watch)


def test_bad_toml_entry_is_reported_with_its_line(tmp_path: Path) -> None:
    watch = tmp_path / "watch.toml"
    watch.write_text(
        '[topic]\nfisheries = { en = ["fisher*"] }\narctic = { de = ["Arktis"] }\n',
        encoding="utf-8",
    )
    with pytest.raises(StmtdiffError, match=r"watch\.toml:3: arctic: unknown language 'de'"):
        read_watch_file(watch)


def test_form_starting_with_a_star_is_refused(tmp_path: Path) -> None:
    watch = tmp_path / "watch.tsv"
    watch.write_text("any\t*stan\n", encoding="utf-8")
    with pytest.raises(StmtdiffError, match=r"watch\.tsv:1: form '\*stan' starts with"):
        read_watch_file(watch)


def test_bad_toml_form_is_reported_at_its_subjects_line(tmp_path: Path) -> None:
    watch = tmp_path / "watch.toml"
    watch.write_text(
        '[country]\nkazakhstan = { ru = ["Казахстан*"] }\nother = { ru = ["*стан"] }\n',
        encoding="utf-8",
    )
    with pytest.raises(StmtdiffError, match=r"watch\.toml:3: form '\*стан' starts with"):
        read_watch_file(watch)


def test_missing_watch_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StmtdiffError, match="cannot read watch file"):
        read_watch_file(tmp_path / "absent.tsv")


def test_config_watch_list_is_read_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "mine.tsv").write_text("arctic_route\tСевморпут*\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text('watch = ["mine.tsv"]\n', encoding="utf-8")
    assert config_watch_files(config) == [tmp_path / "mine.tsv"]
    table = load_subject_table(config=config)
    assert "arctic_route" in ids(table, "Обсудили Севморпуть.")


def test_config_watch_must_be_a_list_of_names(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('watch = "mine.tsv"\n', encoding="utf-8")
    with pytest.raises(StmtdiffError, match="watch must be a list"):
        config_watch_files(config)


#: Forms of every script and kind (inflected, capitals, Chinese compounds), and glue between them.
_PIECES = [
    "Украины",
    "российско-американских",
    "США",
    "ООН",
    "Соединённые Штаты",
    "БРИКС",
    "Шанхайской организации сотрудничества",
    "Си Цзиньпин",
    "Tirana",
    "us",
    "US",
    "NATO",
    "brazilian",
    "South Africa",
    "United  States",
    "Georgia",
    "中俄",
    "乌克兰危机",
    "上海合作组织",
    "普京",
    "G20",
    "APEC",
    "Kremlin",
    "Кремль",
    "Σ",
    "İ",
    " ",
    ", ",
    ".",
    "-",
    "\n",
    "x",
    "ы",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=8).map("".join),
    st.lists(st.sampled_from(_PIECES), max_size=8).map("".join),
)
def test_a_texts_subjects_do_not_depend_on_the_texts_matched_with_it(
    table: SubjectTable, text: str, other: str
) -> None:
    # Each set of texts compiles only the patterns of the scripts it holds: a Latin-only text
    # matched alone uses a smaller pattern than beside a Russian or Chinese one.
    alone = [subject.id for subject in table.find(text)]
    beside = table.mentions([text, other])
    assert [key for key, where in beside.items() if 0 in where] == alone


def _reference_places(subjects: list[Subject], text: str) -> list[tuple[int, int, int]]:
    """What the table's rule says, the slow way: per layer (names, then topics), from each
    place left to right, every form's own pattern tried in order of length (without ``*``);
    the first that matches takes the place (kept if in its case) and the search goes on at its
    end. Only the forms starting with the character at a place are tried: a form's pattern
    starts with its first character."""
    folded = subjects_module._fold(text)
    lowered = subjects_module._lower(folded)
    found: list[tuple[int, int, int]] = []
    for owners, by_first in _reference_layers(tuple(subjects)):
        position = 0
        while position < len(lowered):
            for form in by_first.get(lowered[position], []):
                match = _own_pattern(subjects_module._lower(form)).match(lowered, position)
                if match is not None:
                    break
            else:
                position += 1
                continue
            if not subjects_module._exact(form) or _own_pattern(form).fullmatch(
                folded, match.start(), match.end()
            ):
                found += [(index, match.start(), match.end()) for index in owners[form]]
            position = match.end()
    return found


@functools.cache
def _reference_layers(
    subjects: tuple[Subject, ...],
) -> list[tuple[dict[str, list[int]], dict[str, list[str]]]]:
    """Per layer: the subjects each form names, and the forms by first character, longest
    first."""
    layers = []
    for topics in (False, True):
        owners: dict[str, list[int]] = {}
        for index, item in enumerate(subjects):
            if (item.category == "topic") == topics:
                for form in item.forms:
                    owners.setdefault(subjects_module._fold(form.strip()), []).append(index)
        by_first: dict[str, list[str]] = {}
        for form in sorted(owners, key=lambda form: -len(form.replace("*", ""))):
            by_first.setdefault(subjects_module._lower(form)[0], []).append(form)
        layers.append((owners, by_first))
    return layers


@functools.cache
def _own_pattern(form: str) -> re.Pattern[str]:
    return re.compile(subjects_module._pattern(form))


#: The shipped table and forms a user's table may hold that it has none of: a ``*`` inside a
#: word, a form of punctuation, one starting with punctuation, Latin with Chinese, Korean.
_TESTED = [
    *builtin_subjects(),
    make_subject("gazprom", "organisation", {"ru": ["Газ*пром"]}),
    make_subject("g20_summit", "topic", {"zh": ["G20峰", "中国G20"], "en": ["A_B*", "x*.y"]}),
    make_subject("quoted", "topic", {"en": ['"*', "(UN)"], "zh": ["「中国」"]}),
    make_subject("korea_han", "country", {"zh": ["한국*", "韩国"]}),
]

#: Words of the tested forms, a ``*`` given an ending (or none), and forms cut short too, so
#: that texts hold the forms, their neighbours and near misses.
_WORDS = sorted(
    {
        word.replace("*", ending)
        for item in _TESTED
        for form in item.forms
        for piece in (form, *form.split(), form[:2], form[1:])
        for word in (piece, piece.replace("е", "ё"))
        for ending in ("", "ы", "ского", "s", "an")
        if word.strip() and not word.startswith("*")
    }
)
_GLUE = [" ", "  ", ", ", ".", "-", "", "\n", "«", "»", "(", '"', "'", "_", "2", "x"]
_CASES: list[Callable[[str], str]] = [str, str.lower, str.upper, str.title]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.tuples(st.sampled_from(_WORDS), st.sampled_from(_CASES), st.sampled_from(_GLUE)),
            max_size=8,
        )
    )
    return "".join(case(word) + glue for word, case, glue in parts)


@pytest.fixture(scope="module")
def tested_table() -> SubjectTable:
    return SubjectTable(_TESTED)


@settings(max_examples=150, deadline=None)
@given(_texts())
def test_the_places_of_a_text_are_those_of_each_forms_own_pattern(
    tested_table: SubjectTable, text: str
) -> None:
    table = tested_table
    assert [
        (table.subjects.index(item), start, end) for item, start, end in table.places(text)
    ] == _reference_places(table.subjects, text)


@settings(max_examples=100, deadline=None)
@given(_texts(), _texts())
def test_mentions_searched_together_are_those_of_each_forms_own_pattern(
    tested_table: SubjectTable, text: str, other: str
) -> None:
    table = tested_table
    expected = [
        [table.subjects[index].id for index, _, _ in _reference_places(table.subjects, t)]
        for t in (text, other)
    ]
    found = table.mentions_each([[text], [other]])
    assert [list(where) for where in found] == [list(dict.fromkeys(ids)) for ids in expected]


def test_every_form_is_found_where_its_own_pattern_finds_it(
    tested_table: SubjectTable,
) -> None:
    # Each text alone: a tree is fitted to the words of all the texts it searches.
    for item in _TESTED:
        for form in item.forms:
            for ending in ("", "ов"):
                word = form.replace("*", ending)
                for text in (
                    f"«{word}» и {word.upper()}",
                    f"{word}x",
                    f"{word[:-1]}.{word.title()}",
                ):
                    places = tested_table.places(text)
                    found = [(tested_table.subjects.index(s), a, b) for s, a, b in places]
                    assert found == _reference_places(tested_table.subjects, text), text


def test_a_chinese_text_too_long_to_search_for_each_form_is_still_read_in_full(
    table: SubjectTable,
) -> None:
    filler = "双方同意深化各领域务实合作。" * (EAST_ASIAN_SEARCHED // 14 + 1)
    text = filler + "中俄两国元首出席上海合作组织峰会。" + filler
    assert {"china", "russia", "sco"} <= ids(table, text)
    found = [(table.subjects.index(s), a, b) for s, a, b in table.places(text)]
    assert found == _reference_places(table.subjects, text)


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of its own (the session's may hold a prepared table already)."""
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def _prepared(home: Path) -> list[Path]:
    return sorted(home.glob("stmtdiff/subjects-*.marshal"))


def test_the_shipped_table_is_read_back_from_its_prepared_form(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = builtin_subjects.__wrapped__()
    assert len(_prepared(cache_home)) == 1

    def no_parse(text: str, source: str) -> list[Subject]:
        raise AssertionError("the prepared table was not used")

    monkeypatch.setattr(subject_files, "parse_toml_subjects", no_parse)
    assert builtin_subjects.__wrapped__() == parsed


def test_a_corrupt_prepared_table_is_parsed_again_and_rewritten(cache_home: Path) -> None:
    parsed = builtin_subjects.__wrapped__()
    [prepared] = _prepared(cache_home)
    prepared.write_bytes(b"\x00not marshal data")
    assert builtin_subjects.__wrapped__() == parsed
    assert builtin_subjects.__wrapped__() == parsed
    assert prepared.read_bytes() != b"\x00not marshal data"


def test_an_unwritable_cache_folder_still_gives_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder would be\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    assert {"putin", "brics"} <= {subject.id for subject in builtin_subjects.__wrapped__()}
    assert not_a_folder.read_text(encoding="utf-8").startswith("a file")


def test_an_edited_shipped_table_is_prepared_again(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builtin_subjects.__wrapped__()
    edited = tmp_path / "subjects.toml"
    edited.write_text(
        subject_files.BUILTIN_TABLE.read_text(encoding="utf-8").replace(
            "[place]\n",
            '[place]\nmurmansk = { en = ["Murmansk"], ru = ["Мурманск*"], zh = ["摩尔曼斯克"] }\n',
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(subject_files, "BUILTIN_TABLE", edited)
    assert "murmansk" in {subject.id for subject in builtin_subjects.__wrapped__()}
    assert len(_prepared(cache_home)) == 2
