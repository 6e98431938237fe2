"""Nothing a user owns is ever lost or replaced: outputs, devices, fetched files, lock files.

Issue 15's "data loss" and "fetched-file trust" cases, one test each, so none can come back.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from stmtdiff.frontends.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
MOSCOW = "The Parties met in Moscow.\nThe Parties firmly condemn terrorism.\nTrade grew by 5%.\n"
BEIJING = "The Parties met in Moscow.\nThe Parties condemn terrorism.\nTrade grew by 5%.\n"
RUSSIAN = "Стороны встретились в Москве.\nСтороны осуждают терроризм.\nТорговля выросла на 5%.\n"
PAGE = "Стороны выступают за многополярный мир.\n".encode()


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "moscow.txt", tmp_path / "beijing.txt"
    a.write_text(MOSCOW, encoding="utf-8")
    b.write_text(BEIJING, encoding="utf-8")
    return a, b


# -o never replaces what the run reads ------------------------------------------------------


def test_compare_refuses_an_output_that_is_one_of_its_inputs(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = pair
    assert main(["compare", str(a), str(b), "--format", "json", "-o", str(a)]) == 2
    assert a.read_text(encoding="utf-8") == MOSCOW
    err = capsys.readouterr().err
    assert err.startswith("stmtdiff: error: -o ") and err.count("\n") == 1


def test_check_refuses_a_report_written_over_the_translation(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = pair
    assert main(["check", str(a), str(b), "-o", str(b)]) == 2
    assert b.read_text(encoding="utf-8") == BEIJING


def test_check_refuses_a_report_written_over_its_lock_file(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    lock = tmp_path / "l.json"
    assert main(["approve", str(a), str(b), "--lock", str(lock)]) == 0
    approved = lock.read_bytes()
    assert main(["check", str(a), str(b), "--lock", str(lock), "-o", str(lock)]) == 2
    assert lock.read_bytes() == approved


def test_align_refuses_an_output_that_is_a_hard_link_to_an_input(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    twin = tmp_path / "twin.txt"
    os.link(a, twin)
    assert main(["align", str(a), str(b), "-o", str(twin)]) == 2
    assert a.read_text(encoding="utf-8") == MOSCOW


def test_an_output_spelled_differently_from_the_input_is_still_refused(
    pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = pair
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert main(["compare", str(a), str(b), "--format", "json", "-o", "../moscow.txt"]) == 2
    assert a.read_text(encoding="utf-8") == MOSCOW


def test_an_output_symlinked_to_an_input_is_refused(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = pair
    link = tmp_path / "report.json"
    link.symlink_to(a)
    assert main(["compare", str(a), str(b), "--format", "json", "-o", str(link)]) == 2
    assert a.read_text(encoding="utf-8") == MOSCOW


def test_dash_as_output_means_standard_output(
    pair: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["compare", *map(str, pair), "--format", "json", "-o", "-"]) == 1
    assert '"schema"' in capsys.readouterr().out
    assert not (tmp_path / "-").exists()


# What -o names is written through, not replaced --------------------------------------------


def test_an_output_fifo_is_written_through_and_stays_a_fifo(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert main(["compare", *map(str, pair), "--format", "json", "-o", str(fifo)]) == 1
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and b'"schema"' in received[0]


def test_an_output_symlink_writes_its_target_and_stays_a_link(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "latest.json"
    link = tmp_path / "report.json"
    link.symlink_to(target)
    assert main(["compare", *map(str, pair), "--format", "json", "-o", str(link)]) == 1
    assert link.is_symlink()
    assert '"schema"' in target.read_text(encoding="utf-8")


@pytest.mark.skipif(
    not (os.path.exists("/dev/full") and stat.S_ISCHR(os.stat("/dev/full").st_mode)),
    reason="needs the /dev/full device",
)
def test_dev_full_is_a_one_line_error_and_stays_a_device(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", *map(str, pair), "--format", "json", "-o", "/dev/full"]) == 2
    assert capsys.readouterr().err.startswith("stmtdiff: error: /dev/full: cannot write")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """The writer stops inside the write (at fsync), is sent SIGTERM, and must clean up."""
    target = tmp_path / "report.html"
    target.write_text("previous report", encoding="utf-8")
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from stmtdiff.adapters.files.fsutil import write_atomic\n"
        "def stall(fd):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(30)\n"
        "os.fsync = stall\n"
        "write_atomic(Path(sys.argv[1]), 'new report')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, env=env, text=True
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] != []
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=30) != 0
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    assert target.read_text(encoding="utf-8") == "previous report"


# fetch replaces only what it wrote itself ------------------------------------------------


@pytest.fixture
def page_url() -> Iterator[str]:
    """A local server answering every path with one short Russian text page."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/readout"
    server.shutdown()
    server.server_close()


def fetch(folder: Path | str, tmp_path: Path) -> int:
    return main(["fetch", str(folder), "--cache-dir", str(tmp_path / "page-cache")])


def test_fetch_keeps_an_unrelated_file_named_like_a_version(
    page_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "talks"
    folder.mkdir()
    (folder / "notes.txt").write_text("my own notes\n", encoding="utf-8")
    (folder / "stmtdiff.toml").write_text(
        f'[[version]]\nid = "notes"\nsource = "{page_url}"\n', encoding="utf-8"
    )
    assert fetch(folder, tmp_path) == 2
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "my own notes\n"
    assert "stmtdiff fetch did not write" in capsys.readouterr().err


def test_fetch_keeps_a_local_source_named_by_an_absolute_path(
    page_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "talks"
    folder.mkdir()
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "stmtdiff.toml").write_text(
        f'[[version]]\nid = "local"\nsource = "{folder / "ru.txt"}"\n\n'
        f'[[version]]\nid = "ru"\nsource = "{page_url}"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert fetch("talks", tmp_path) == 2
    assert (folder / "ru.txt").read_text(encoding="utf-8") == RUSSIAN


def test_fetch_keeps_a_local_source_reached_through_a_symlinked_folder(
    page_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "talks"
    folder.mkdir()
    (tmp_path / "alias").symlink_to(folder)
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "stmtdiff.toml").write_text(
        '[[version]]\nid = "local"\nsource = "../alias/ru.txt"\n\n'
        f'[[version]]\nid = "ru"\nsource = "{page_url}"\n',
        encoding="utf-8",
    )
    assert fetch(folder, tmp_path) == 2
    assert (folder / "ru.txt").read_text(encoding="utf-8") == RUSSIAN


def test_fetch_refreshes_the_files_it_saved_itself(page_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "talks"
    folder.mkdir()
    (folder / "stmtdiff.toml").write_text(
        f'[[version]]\nid = "ru"\nsource = "{page_url}"\n', encoding="utf-8"
    )
    assert fetch(folder, tmp_path) == 0
    assert fetch(folder, tmp_path) == 0
    assert (folder / "ru.txt").read_bytes().strip() == PAGE.strip()


# stmtdiff.fetched.toml is checked before it is trusted ------------------------------------


def fetched_set(tmp_path: Path, file: str, text: str = RUSSIAN) -> Path:
    """A set whose URL version was 'fetched' into ``file`` (recorded with the hash of ``text``)."""
    folder = tmp_path / "talks"
    folder.mkdir()
    (folder / "en.txt").write_text(MOSCOW, encoding="utf-8")
    url = "http://127.0.0.1:9/readout"
    (folder / "stmtdiff.toml").write_text(
        f'[[version]]\nid = "ru"\nsource = "{url}"\n\n[[version]]\nsource = "en.txt"\n',
        encoding="utf-8",
    )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    (folder / "stmtdiff.fetched.toml").write_text(
        f'[[fetched]]\nurl = "{url}"\nfinal_url = "{url}"\nfile = "{file}"\n'
        f'retrieved = "2026-01-01T00:00:00Z"\nsha256 = "{digest}"\n',
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("file", ["../../../etc/os-release", "/etc/os-release"])
def test_a_fetch_record_naming_a_file_outside_its_folder_is_refused(
    tmp_path: Path, file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fetched_set(tmp_path, file)
    assert main(["compare", str(folder), "--offline"]) == 2
    err = capsys.readouterr().err
    assert "is not inside" in err and err.count("\n") == 1


def test_a_fetch_record_symlinked_out_of_its_folder_is_refused(tmp_path: Path) -> None:
    folder = fetched_set(tmp_path, "ru.txt")
    (folder / "ru.txt").symlink_to("/etc/hostname")
    assert main(["compare", str(folder), "--offline"]) == 2


def test_a_fetched_copy_changed_since_the_fetch_is_an_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fetched_set(tmp_path, "ru.txt")
    (folder / "ru.txt").write_text(RUSSIAN.replace("5%", "50%"), encoding="utf-8")
    assert main(["compare", str(folder), "--offline"]) == 2
    err = capsys.readouterr().err
    assert str(folder / "ru.txt") in err and "stmtdiff fetch" in err and err.count("\n") == 1


def test_a_fetched_copy_matching_its_hash_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fetched_set(tmp_path, "ru.txt")
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    assert main(["compare", str(folder), "--offline", "--format", "json"]) in (0, 1)
    assert "Стороны встретились" in capsys.readouterr().out


# Concurrent approvals --------------------------------------------------------------------


def _approve(source: str, translation: str, lock: str, start: object) -> None:
    start.wait(timeout=60)  # type: ignore[attr-defined]
    os._exit(main(["approve", source, translation, "--lock", lock]))


def test_concurrent_approvals_into_one_lock_keep_every_entry(tmp_path: Path) -> None:
    source = tmp_path / "source.en.txt"
    source.write_text(MOSCOW, encoding="utf-8")
    translations = []
    for n in range(4):
        path = tmp_path / f"translation-{n}.txt"
        path.write_text(BEIJING, encoding="utf-8")
        translations.append(path)
    lock = tmp_path / "stmtdiff.lock.json"
    context = multiprocessing.get_context("fork")
    start = context.Barrier(len(translations))
    workers = [
        context.Process(target=_approve, args=(str(source), str(t), str(lock), start))
        for t in translations
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0] * len(workers)
    recorded = json.loads(lock.read_text(encoding="utf-8"))
    assert sorted(recorded["translations"]) == sorted(t.name for t in translations)
