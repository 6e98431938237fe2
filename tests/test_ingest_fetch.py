"""URLs and `stmtdiff fetch`, against a local HTTP server on 127.0.0.1 (never the network)."""

from __future__ import annotations

import argparse
import threading
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from stmtdiff import __version__
from stmtdiff.adapters.ingest import expand_inputs, load_document
from stmtdiff.adapters.ingest.fetch import fetch_page
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.frontends.cli.commands import fetch as fetch_command
from stmtdiff.project import PROJECT_URL

PAGES = Path(__file__).parent / "fixtures" / "pages"
KREMLIN = (PAGES / "kremlin-talks.html").read_bytes()
FMPRC_GB2312 = (PAGES / "fmprc-briefing-gb2312.html").read_bytes()
RU_PLAIN = "Стороны выступают за многополярный мир.\n"


@dataclass
class Site:
    """A stub server: the base URL, how often each path was asked for, and a way to stop it."""

    base: str
    hits: Counter[str]
    stop: threading.Event
    server: ThreadingHTTPServer
    user_agents: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def shut_down(self) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test here reads or fills the user's real page cache."""
    monkeypatch.setenv("STMTDIFF_CACHE_DIR", str(tmp_path / "default-cache"))


@pytest.fixture
def site() -> Iterator[Site]:
    hits: Counter[str] = Counter()
    stop = threading.Event()
    user_agents: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits[self.path] += 1
            user_agents.append(self.headers.get("User-Agent", ""))
            if self.path == "/kremlin":
                self.reply(200, KREMLIN, "text/html; charset=utf-8")
            elif self.path == "/fmprc":  # like many older Chinese sites: no charset header
                self.reply(200, FMPRC_GB2312, "text/html")
            elif self.path == "/old-address":
                self.send_response(301)
                self.send_header("Location", "/kremlin")
                self.end_headers()
            elif self.path == "/plain-1251":
                self.reply(200, RU_PLAIN.encode("cp1251"), "text/plain; charset=windows-1251")
            elif self.path == "/hang":
                stop.wait(10)
                self.reply(200, KREMLIN, "text/html")
            else:
                self.reply(404, b"<html><body>Not found</body></html>", "text/html")

        def reply(self, status: int, body: bytes, content_type: str) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up (the timeout test)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    running = Site(f"http://127.0.0.1:{server.server_address[1]}", hits, stop, server, user_agents)
    yield running
    if not stop.is_set():
        running.shut_down()


def test_url_is_fetched_and_its_main_text_extracted(site: Site, tmp_path: Path) -> None:
    document = load_document(site.url("/kremlin"), cache_dir=tmp_path)
    assert document.source == site.url("/kremlin")
    assert document.text.split("\n")[:2] == [
        "Российско-китайские переговоры",
        "Владимир Путин провёл переговоры с Председателем Китайской Народной Республики.",
    ]


def test_requests_name_stmtdiff_in_the_user_agent(site: Site, tmp_path: Path) -> None:
    load_document(site.url("/kremlin"), cache_dir=tmp_path)
    assert site.user_agents == [f"stmtdiff/{__version__} (+{PROJECT_URL})"]


def test_gbk_page_without_charset_header_is_decoded_by_its_meta_charset(
    site: Site, tmp_path: Path
) -> None:
    document = load_document(site.url("/fmprc"), cache_dir=tmp_path)
    assert document.encoding == "gb18030"
    assert document.text.split("\n")[1] == "问：请介绍中俄两国元首会谈的主要成果。"


def test_charset_in_the_content_type_header_decodes_plain_text(site: Site, tmp_path: Path) -> None:
    document = load_document(site.url("/plain-1251"), cache_dir=tmp_path)
    assert (document.text, document.encoding) == (RU_PLAIN, "cp1251")


def test_redirects_are_followed_and_the_final_address_kept(site: Site, tmp_path: Path) -> None:
    page = fetch_page(site.url("/old-address"), cache_dir=tmp_path)
    assert page.final_url == site.url("/kremlin")
    assert page.content == KREMLIN


def test_http_404_is_a_one_line_error(site: Site, tmp_path: Path) -> None:
    url = site.url("/no-such-statement")
    with pytest.raises(StmtdiffError) as caught:
        load_document(url, cache_dir=tmp_path)
    assert str(caught.value) == f"{url}: HTTP 404 Not Found"


def test_server_that_never_answers_times_out(site: Site, tmp_path: Path) -> None:
    url = site.url("/hang")
    with pytest.raises(StmtdiffError) as caught:
        load_document(url, cache_dir=tmp_path, timeout=0.3)
    assert str(caught.value) == f"{url}: no answer within 0.3 s (timed out)"


def test_second_load_reads_the_page_cache_with_the_server_gone(site: Site, tmp_path: Path) -> None:
    url = site.url("/fmprc")
    first = load_document(url, cache_dir=tmp_path)
    site.shut_down()
    second = load_document(url, cache_dir=tmp_path)
    assert second.text == first.text
    assert site.hits["/fmprc"] == 1


def test_refresh_bypasses_the_cache(site: Site, tmp_path: Path) -> None:
    url = site.url("/kremlin")
    load_document(url, cache_dir=tmp_path)
    load_document(url, cache_dir=tmp_path, refresh=True)
    assert site.hits["/kremlin"] == 2


def test_offline_mode_without_a_cached_copy_is_an_error(tmp_path: Path) -> None:
    url = "http://127.0.0.1:9/never-fetched"
    with pytest.raises(StmtdiffError) as caught:
        load_document(url, cache_dir=tmp_path, offline=True)
    assert str(caught.value) == (
        f"{url}: not in the page cache ({tmp_path}) and offline mode is on"
    )


def test_errors_are_not_cached(site: Site, tmp_path: Path) -> None:
    url = site.url("/gone")
    for _ in range(2):
        with pytest.raises(StmtdiffError):
            load_document(url, cache_dir=tmp_path)
    assert site.hits["/gone"] == 2


def run_fetch(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="stmtdiff")
    fetch_command.register(parser.add_subparsers())
    args = parser.parse_args(["fetch", *argv])
    result: int = args.func(args)
    return result


def write_set(folder: Path, site: Site, *, zh_path: str = "/fmprc") -> None:
    folder.mkdir()
    (folder / "en.txt").write_text("The sides support a multipolar world.\n", encoding="utf-8")
    (folder / "stmtdiff.toml").write_text(
        f"""# Talks readouts, as published
title = "Russian-Chinese talks"

[[version]]
id = "ru"
label = "Kremlin, Russian readout"
publisher = "Kremlin"
lang = "ru"
role = "readout"
source = "{site.url("/old-address")}"

[[version]]
id = "zh"
label = "MFA, Chinese briefing"
publisher = "MFA of China"
lang = "zh"
role = "readout"
source = "{site.url(zh_path)}"

[[version]]
id = "en"
lang = "en"
role = "unofficial translation"
source = "en.txt"
""",
        encoding="utf-8",
    )


def test_fetch_saves_url_versions_as_text_and_records_them(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "talks"
    write_set(folder, site)
    assert run_fetch(str(folder), "--cache-dir", str(tmp_path / "cache")) == 0
    ru_lines = (folder / "ru.txt").read_text(encoding="utf-8").splitlines()
    assert ru_lines[0] == "Российско-китайские переговоры"
    assert (folder / "zh.txt").read_text(encoding="utf-8").splitlines()[0] == (
        "外交部发言人就中俄元首会谈答记者问"
    )
    log = tomllib.loads((folder / "stmtdiff.fetched.toml").read_text(encoding="utf-8"))
    assert [(e["url"], e["final_url"], e["file"]) for e in log["fetched"]] == [
        (site.url("/old-address"), site.url("/kremlin"), "ru.txt"),
        (site.url("/fmprc"), site.url("/fmprc"), "zh.txt"),
    ]
    assert all(e["retrieved"].endswith("Z") for e in log["fetched"])
    assert capsys.readouterr().out.splitlines() == [
        f"ru: {site.url('/old-address')} -> {folder / 'ru.txt'}",
        f"zh: {site.url('/fmprc')} -> {folder / 'zh.txt'}",
    ]


def test_fetched_set_expands_to_local_copies_with_the_server_gone(
    site: Site, tmp_path: Path
) -> None:
    folder = tmp_path / "talks"
    write_set(folder, site)
    run_fetch(str(folder), "--cache-dir", str(tmp_path / "cache"))
    site.shut_down()
    specs = expand_inputs([str(folder)])
    assert [(s.id, s.source, s.url) for s in specs] == [
        ("ru", str(folder / "ru.txt"), site.url("/old-address")),
        ("zh", str(folder / "zh.txt"), site.url("/fmprc")),
        ("en", str(folder / "en.txt"), None),
    ]
    texts = [load_document(spec.source, offline=True).text for spec in specs]
    assert (
        texts[1].splitlines()[-1] == "中方愿同俄方一道，坚定支持彼此维护本国主权、安全和发展利益。"
    )


def test_fetch_reports_a_failing_url_and_keeps_the_others(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "talks"
    write_set(folder, site, zh_path="/withdrawn")
    assert run_fetch(str(folder), "--cache-dir", str(tmp_path / "cache")) == 2
    assert capsys.readouterr().err == (
        f"stmtdiff: error: {site.url('/withdrawn')}: HTTP 404 Not Found\n"
    )
    assert (folder / "ru.txt").is_file()
    assert not (folder / "zh.txt").exists()
    log = tomllib.loads((folder / "stmtdiff.fetched.toml").read_text(encoding="utf-8"))
    assert [e["file"] for e in log["fetched"]] == ["ru.txt"]


def test_cache_folder_can_be_moved_by_environment(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STMTDIFF_CACHE_DIR", str(tmp_path / "elsewhere"))
    load_document(site.url("/kremlin"))
    assert len(list((tmp_path / "elsewhere").glob("*.body"))) == 1


def test_fetch_of_a_set_without_urls_has_nothing_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "local"
    folder.mkdir()
    (folder / "stmtdiff.toml").write_text('[[version]]\nsource = "ru.txt"\n', encoding="utf-8")
    assert run_fetch(str(folder)) == 0
    assert capsys.readouterr().out == (
        f"nothing to fetch: no version in {folder / 'stmtdiff.toml'} has a URL source\n"
    )
    assert not (folder / "stmtdiff.fetched.toml").exists()


def test_fetch_never_overwrites_a_file_the_manifest_uses(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "talks"
    folder.mkdir()
    (folder / "ru.txt").write_text("Стороны выступают за многополярный мир.\n", encoding="utf-8")
    (folder / "stmtdiff.toml").write_text(
        f'[[version]]\nid = "local"\nsource = "ru.txt"\n\n'
        f'[[version]]\nid = "ru"\nsource = "{site.url("/kremlin")}"\n',
        encoding="utf-8",
    )
    assert run_fetch(str(folder), "--cache-dir", str(tmp_path / "cache")) == 2
    assert capsys.readouterr().err == (
        f"stmtdiff: error: {site.url('/kremlin')}: would overwrite {folder / 'ru.txt'}, "
        "which the manifest uses; give the version another id\n"
    )
    assert (folder / "ru.txt").read_text(encoding="utf-8").startswith("Стороны")
