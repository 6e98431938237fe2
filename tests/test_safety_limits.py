"""Hostile inputs and faulty servers never hang stmtdiff or fill its memory (issue 15).

Every network read and retry loop is bounded in bytes and in total time, every input is read in
bounded chunks, and what cannot be read in bounded time is refused with one line. Servers here
are local stubs on 127.0.0.1 whose loops end on their own; limits are made tiny through the real
code path so that each test is quick.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pypdf
import pytest
from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel
from translate_stubs import Reply, serving

from stmtdiff.adapters.ingest import limits, load_document
from stmtdiff.adapters.ingest.fetch import fetch_page
from stmtdiff.adapters.translate import TranslationError, TranslationSettings, translate_sentences
from stmtdiff.adapters.translate.config import settings_from_config
from stmtdiff.adapters.translate.transport import Transport, TransportError
from stmtdiff.core.compare.diff import MAX_DIFF_TOKENS, new_text, old_text, word_diff
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.model import DiffOp, Op
from stmtdiff.core.text.normalize import MAX_SIMILARITY_TOKENS, token_similarity
from stmtdiff.frontends.cli.main import main
from stmtdiff.frontends.tui.app import StmtdiffApp

EN = "The sides reaffirmed their commitment to equality and mutual respect.\n"
CHUNK = b"x" * 65536
#: Chunks the endless page sends at most (100 MB), so that even a reader with no limit ends.
HUGE_CHUNKS = 1600
#: Pairs of bytes the trickling server sends at most, one pair every 50 ms (10 s in all).
TRICKLES = 200
BOMB = gzip.compress(b"a " * 10_000_000)  # 20 MB once decoded, 20 kB on the wire


@dataclass
class Stub:
    """The stub's base URL and, per path, how many chunks it managed to send."""

    base: str
    sent: dict[str, int] = field(default_factory=dict)
    finished: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def stub() -> Iterator[Stub]:
    stop = threading.Event()
    state = Stub("")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # also serves the translator's POST below
            path = self.path.split("?")[0]
            sent = 0
            try:
                self.send_response(200)
                if path == "/bomb":
                    self.send_header("Content-Encoding", "gzip")
                    self.send_header("Content-Length", str(len(BOMB)))
                    self.end_headers()
                    self.wfile.write(BOMB)
                    return
                if path == "/claims":
                    self.send_header("Content-Length", str(10**12))
                    self.end_headers()
                    self.wfile.write(b"tiny")
                    return
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Connection", "close")
                self.end_headers()
                if path == "/huge":
                    while sent < HUGE_CHUNKS and not stop.is_set():
                        self.wfile.write(CHUNK)
                        sent += 1
                elif path == "/trickle":
                    while sent < TRICKLES and not stop.wait(0.05):
                        self.wfile.write(b"ab")
                        self.wfile.flush()
                        sent += 1
            except OSError:
                pass  # the client hung up: what these tests expect
            finally:
                state.sent[path] = sent
                state.finished.set()

        do_POST = do_GET

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        stop.set()
        server.shutdown()
        server.server_close()


# --- pages ------------------------------------------------------------------------------------


def test_a_page_trickling_bytes_is_stopped_at_the_timeout_for_the_whole_request(
    stub: Stub, tmp_path: Path
) -> None:
    with pytest.raises(StmtdiffError, match=r"page not complete within 0\.5 s \(too slow\)$"):
        fetch_page(f"{stub.base}/trickle", cache_dir=tmp_path, timeout=0.5)
    assert stub.finished.wait(5)
    assert stub.sent["/trickle"] < TRICKLES


def test_an_endless_page_is_read_only_up_to_the_size_limit(stub: Stub, tmp_path: Path) -> None:
    with pytest.raises(StmtdiffError, match=r"page larger than 200000 bytes; stopped reading$"):
        fetch_page(f"{stub.base}/huge", cache_dir=tmp_path, max_bytes=200_000)
    assert stub.finished.wait(5)
    assert stub.sent["/huge"] < HUGE_CHUNKS


def test_a_page_declaring_a_size_over_the_limit_is_refused_before_its_body(
    stub: Stub, tmp_path: Path
) -> None:
    with pytest.raises(StmtdiffError, match=r"/claims: page larger than 50 MB$"):
        fetch_page(f"{stub.base}/claims", cache_dir=tmp_path)


def test_a_gzip_bomb_stops_at_the_limit_counted_in_decoded_bytes(
    stub: Stub, tmp_path: Path
) -> None:
    assert len(BOMB) < 1_000_000
    with pytest.raises(StmtdiffError, match=r"larger than 1 MB; stopped reading$"):
        fetch_page(f"{stub.base}/bomb", cache_dir=tmp_path, max_bytes=1_000_000)


# --- translators ------------------------------------------------------------------------------


def test_a_translator_streaming_an_endless_answer_is_stopped_at_the_timeout(stub: Stub) -> None:
    transport = Transport(timeout=0.5)
    try:
        with pytest.raises(TransportError, match=r"no complete answer from .* within 0\.5 s"):
            transport.send("POST", f"{stub.base}/trickle", json={"q": "Привет"})
    finally:
        transport.close()
    assert stub.finished.wait(5)
    assert stub.sent["/trickle"] < TRICKLES


def test_a_translator_answer_over_the_size_limit_is_not_read_to_the_end(stub: Stub) -> None:
    transport = Transport(timeout=20, max_bytes=200_000)
    try:
        with pytest.raises(TransportError, match=r"larger than 200000 bytes"):
            transport.send("POST", f"{stub.base}/huge", json={"q": "Привет"})
    finally:
        transport.close()
    assert stub.finished.wait(5)
    assert stub.sent["/huge"] < HUGE_CHUNKS


def test_retries_beyond_the_maximum_in_the_config_file_are_refused(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[translate]\nengine = "libre"\nretries = 1000\n', encoding="utf-8")
    with pytest.raises(StmtdiffError, match=r"retries must be between 0 and 10, not 1000$"):
        settings_from_config(config)


def test_one_request_gives_up_when_its_next_retry_would_pass_the_time_allowed(
    tmp_path: Path,
) -> None:
    with serving() as server:
        server.script.extend(Reply(status=500) for _ in range(11))
        settings = TranslationSettings(
            "libre",
            url=server.url,
            cache_path=tmp_path / "cache.sqlite3",
            retries=10,
            backoff=0.2,
            batch_time=0.5,
        )
        with pytest.raises(TranslationError, match=r"gave up: 0\.5 s allowed for one request"):
            translate_sentences(["Привет, мир."], "ru", settings)
        assert server.count < 11


# --- files and standard input -----------------------------------------------------------------


def test_a_device_is_refused_unread(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text(EN, encoding="utf-8")
    assert main(["compare", "/dev/zero", str(other)]) == 2
    assert capsys.readouterr().err == (
        "stmtdiff: error: /dev/zero: not a regular file (a device, FIFO or socket); "
        "give a file, or '-' to read standard input\n"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_without_a_writer_is_refused_without_blocking(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    other = tmp_path / "b.txt"
    other.write_text(EN, encoding="utf-8")
    assert main(["compare", str(fifo), str(other)]) == 2
    assert "pipe.txt: not a regular file" in capsys.readouterr().err


def test_a_file_over_the_size_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(EN * 20, encoding="utf-8")
    with pytest.raises(StmtdiffError, match=r"big\.txt: larger than 1000 bytes; stopped reading"):
        load_document(str(big))


class EndlessInput(io.RawIOBase):
    """Standard input that never ends (up to 10 MB, so that a reader with no limit stops)."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        size = min(len(buffer), 10_000_000 - self.served)
        buffer[:size] = b"a" * size
        self.served += size
        return size


def test_standard_input_is_read_only_up_to_the_size_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 100_000)
    endless = EndlessInput()
    with pytest.raises(StmtdiffError, match=r"standard input: larger than 100000 bytes"):
        load_document("-", stdin=endless)  # type: ignore[arg-type]
    assert endless.served < 1_000_000


# --- huge lines -------------------------------------------------------------------------------


def test_a_line_over_the_limit_is_refused_naming_the_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(limits, "MAX_LINE_CHARS", 100)
    text = tmp_path / "one-line.txt"
    text.write_text(EN + "word " * 40 + "\n", encoding="utf-8")
    with pytest.raises(StmtdiffError, match=r"one-line\.txt: line 2 is 200 characters long"):
        load_document(str(text))


def words(prefix: str, count: int) -> str:
    return " ".join(f"{prefix}{i}" for i in range(count))


def test_a_huge_row_differing_throughout_shows_one_deletion_and_one_insertion() -> None:
    """Past the limit the words the two middles share no longer split the change up."""
    shared = " again ".join
    old = f"Both sides agree {shared(words('a', MAX_DIFF_TOKENS // 4).split())} in full."
    new = f"Both sides agree {shared(words('b', MAX_DIFF_TOKENS // 4).split())} in full."
    ops = word_diff(old, new)
    assert [op.op for op in ops] == [Op.EQUAL, Op.DELETE, Op.INSERT, Op.EQUAL]
    assert (old_text(ops), new_text(ops)) == (old, new)


def test_a_huge_row_with_one_change_is_diffed_word_by_word_around_it() -> None:
    """More distinct words than private-use code points once made the diff crash."""
    head, tail = words("h", 70_000), words("t", 70_000)
    ops = word_diff(f"{head} old {tail}", f"{head} new {tail}")
    assert ops == [
        DiffOp(Op.EQUAL, f"{head} "),
        DiffOp(Op.DELETE, "old"),
        DiffOp(Op.INSERT, "new"),
        DiffOp(Op.EQUAL, f" {tail}"),
    ]


def test_the_word_diff_of_a_huge_row_never_runs_the_quadratic_diff_on_all_of_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sizes: list[int] = []
    original = diff_match_patch.diff_main

    def recording(self: object, text1: str, text2: str, *args: object) -> object:
        sizes.append(len(text1) + len(text2))
        return original(self, text1, text2, *args)

    monkeypatch.setattr(diff_match_patch, "diff_main", recording)
    word_diff(words("a", MAX_DIFF_TOKENS), words("b", MAX_DIFF_TOKENS))
    assert all(size <= MAX_DIFF_TOKENS for size in sizes)


def test_the_similarity_of_huge_rows_never_runs_the_quadratic_measure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sizes: list[int] = []
    original = Indel.normalized_similarity

    def recording(a: tuple[str, ...], b: tuple[str, ...]) -> float:
        sizes.append(len(a) + len(b))
        return float(original(a, b))

    monkeypatch.setattr(Indel, "normalized_similarity", recording)
    half = tuple(f"w{i}" for i in range(MAX_SIMILARITY_TOKENS))
    assert token_similarity(half, half[: MAX_SIMILARITY_TOKENS // 2]) == pytest.approx(2 / 3)
    assert sizes == []


# --- PDF, TUI, encodings ----------------------------------------------------------------------


def blank_pdf(pages: int) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_over_the_page_limit_is_refused_after_reading_only_the_limit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from pdfminer.pdfinterp import PDFPageInterpreter

    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 10)
    processed: list[object] = []
    original = PDFPageInterpreter.process_page

    def counting(self: PDFPageInterpreter, page: object) -> None:
        processed.append(page)
        original(self, page)  # type: ignore[arg-type]

    monkeypatch.setattr(PDFPageInterpreter, "process_page", counting)
    book = tmp_path / "book.pdf"
    book.write_bytes(blank_pdf(40))
    with pytest.raises(StmtdiffError, match=r"book\.pdf: more than 10 pages"):
        load_document(str(book))
    assert len(processed) == 10


def test_tui_without_a_terminal_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], samples: Path
) -> None:
    opened: list[StmtdiffApp] = []
    monkeypatch.setattr(StmtdiffApp, "run", lambda self, *a, **k: opened.append(self))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    files = [str(samples / "en-moscow.txt"), str(samples / "en-beijing.txt")]
    assert main(["tui", *files]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err.count("\n")) == ("", 1)
    assert captured.err.startswith("stmtdiff: error: tui needs a terminal")
    assert opened == []


def test_ascii_with_a_few_stray_bytes_names_the_encoding_it_assumed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    stray = tmp_path / "stray.txt"
    stray.write_bytes(b"The parties agreed (\xff\xfe\xc3) to cooperate on trade and energy.\n")
    document = load_document(str(stray))
    warning = capsys.readouterr().err
    assert warning == (
        f"stmtdiff: warning: {stray}: not UTF-8; assumed {document.encoding} from only 3 "
        f"non-ASCII bytes (read as {document.text[20:23]!r}); "
        "if that is wrong, save the file as UTF-8\n"
    )


def test_a_russian_windows_1251_file_is_read_without_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    russian = tmp_path / "ru.txt"
    russian.write_bytes("Стороны подтвердили приверженность принципам.\n".encode("cp1251"))
    assert load_document(str(russian)).encoding == "cp1251"
    assert capsys.readouterr().err == ""
