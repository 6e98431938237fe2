"""The HTML report in a real browser: headless Chromium driven over the DevTools protocol.

Chromium talks DevTools over a pipe (``--remote-debugging-pipe``: commands on fd 3, replies on
fd 4, NUL-separated JSON), so no port, no websocket library and nothing on the network. Clicks and
key presses are real input events, and the page runs under its own Content-Security-Policy, so
these tests also prove the inline script is allowed to run. Screenshots land in tests/artifacts/.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from reportkit import ROOT, joint_comparison, sample_pair_comparison

from stmtdiff.core.model import SAME_STATUSES, Comparison, Status
from stmtdiff.frontends.report.html import render_html

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
]
TIMEOUT = 20.0
WHEN = datetime(2025, 5, 20, 12, 0, tzinfo=UTC)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
)


class Browser:
    """One headless Chromium and one page in it, driven by DevTools commands."""

    def __init__(self, profile: str) -> None:
        to_child, self._commands = os.pipe()
        self._replies, from_child = os.pipe()

        def as_fds_3_and_4() -> None:
            # Copies above 10 first, so neither dup2 can overwrite the other pipe's end.
            commands = fcntl.fcntl(to_child, fcntl.F_DUPFD, 10)
            replies = fcntl.fcntl(from_child, fcntl.F_DUPFD, 10)
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        self.process = subprocess.Popen(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=as_fds_3_and_4,
        )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""
        self.target = ""

    def call(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its reply; events that arrive meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result
            self.events.append(reply)

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self._replies], [], [], max(remaining, 0))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._replies, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def open(self, url: str, width: int = 1280, mobile: bool = False) -> None:
        """Open ``url`` in a new page ``width`` pixels wide and wait until it has loaded."""
        self.target = self.call("Target.createTarget", session=False, url="about:blank")["targetId"]
        attached = self.call(
            "Target.attachToTarget", session=False, targetId=self.target, flatten=True
        )
        self.session = attached["sessionId"]
        self.events = []
        self.call("Runtime.enable")
        self.call("Log.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=900,
            deviceScaleFactor=1,
            mobile=mobile,
        )
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + TIMEOUT
        while self.js("document.readyState") != "complete":
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not finish loading")
            time.sleep(0.05)

    def js(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A real left click in the middle of the element (scrolled into view first)."""
        box = self.js(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call(
                "Input.dispatchMouseEvent",
                type=kind,
                x=box[0],
                y=box[1],
                button="left" if kind != "mouseMoved" else "none",
                clickCount=1,
            )

    def press(self, key: str) -> None:
        """A real key press of one lower-case letter."""
        code = ord(key.upper())
        for kind in ("keyDown", "keyUp"):
            params: dict[str, Any] = {
                "type": kind,
                "key": key,
                "code": f"Key{key.upper()}",
                "windowsVirtualKeyCode": code,
            }
            if kind == "keyDown":
                params["text"] = key
            self.call("Input.dispatchKeyEvent", **params)

    def visible_rows(self) -> list[str]:
        value: list[str] = self.js(
            "Array.from(document.querySelectorAll('#rows tbody tr'))"
            ".filter(r => r.getClientRects().length > 0).map(r => r.id)"
        )
        return value

    def screenshot(self, name: str) -> Path:
        shot = self.call("Page.captureScreenshot", format="png")
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def errors(self) -> list[str]:
        """Script exceptions and errors the page logged (CSP violations among them)."""
        found = []
        for event in self.events:
            if event.get("method") == "Runtime.exceptionThrown":
                found.append(str(event["params"]["exceptionDetails"].get("text")))
            if (
                event.get("method") == "Log.entryAdded"
                and event["params"]["entry"]["level"] == "error"
            ):
                found.append(str(event["params"]["entry"]["text"]))
        return found

    def close_page(self) -> None:
        self.call("Target.closeTarget", session=False, targetId=self.target)

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        os.close(self._replies)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for the module; each test opens its own page in it."""
    profile = tempfile.mkdtemp(prefix="stmtdiff-chromium-")
    chromium = Browser(profile)
    yield chromium
    chromium.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def samples_report() -> tuple[Comparison, str]:
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        comparison = sample_pair_comparison()
    finally:
        os.chdir(here)
    return comparison, render_html(comparison, generated_at=WHEN)


@contextmanager
def report_page(browser: Browser, html: str, folder: Path, width: int = 1280) -> Iterator[Browser]:
    path = folder / "report.html"
    path.write_text(html, encoding="utf-8")
    browser.open(path.as_uri(), width=width, mobile=width < 640)
    try:
        yield browser
    finally:
        browser.close_page()


@pytest.fixture
def samples_page(
    browser: Browser, samples_report: tuple[Comparison, str], tmp_path: Path
) -> Iterator[tuple[Browser, Comparison]]:
    comparison, html = samples_report
    with report_page(browser, html, tmp_path) as page:
        yield page, comparison


def ids(comparison: Comparison, keep: set[Status] | None = None) -> list[str]:
    """Row anchors of the comparison's rows that differ (or whose cells have a status in keep)."""
    return [
        f"row-{row.index + 1}"
        for row in comparison.rows
        if (
            row.status not in SAME_STATUSES
            if keep is None
            else any(cell.status in keep for cell in row.cells)
        )
    ]


def test_changes_filter_shows_only_differing_rows(samples_page: tuple[Browser, Comparison]) -> None:
    browser, comparison = samples_page
    every = [f"row-{n}" for n in range(1, len(comparison.rows) + 1)]
    assert browser.visible_rows() == every
    differing = ids(comparison)
    assert 0 < len(differing) < len(every)  # else the filter would have nothing to show or hide
    browser.click("button[data-filter='changes']")
    assert browser.visible_rows() == differing
    assert browser.js("document.querySelector(\"[data-filter='changes']\").ariaPressed") == "true"
    browser.js("document.getElementById('rows-h').scrollIntoView()")
    browser.screenshot("html-report-changes.png")
    assert browser.errors() == []


def test_omissions_filter_then_all_again(samples_page: tuple[Browser, Comparison]) -> None:
    browser, comparison = samples_page
    omissions = ids(comparison, {Status.MISSING, Status.EXTRA})
    assert 0 < len(omissions) < len(ids(comparison))
    browser.click("button[data-filter='omissions']")
    assert browser.visible_rows() == omissions
    browser.click("button[data-filter='all']")
    assert len(browser.visible_rows()) == len(comparison.rows)
    assert browser.js("document.getElementById('shown').textContent") == (
        f"{len(comparison.rows)} of {len(comparison.rows)} rows shown"
    )


def test_j_and_k_step_through_differences_and_update_the_link(
    samples_page: tuple[Browser, Comparison],
) -> None:
    browser, comparison = samples_page
    differing = ids(comparison)
    assert len(differing) >= 2
    browser.press("j")
    assert browser.js("location.hash") == f"#{differing[0]}"
    browser.press("n")
    assert browser.js("document.activeElement.id") == differing[1]
    assert browser.js("location.hash") == f"#{differing[1]}"
    browser.press("k")
    assert browser.js("location.hash") == f"#{differing[0]}"


def test_column_headers_stay_on_screen_when_scrolling(
    samples_page: tuple[Browser, Comparison],
) -> None:
    browser, _ = samples_page
    browser.js("document.getElementById('rows').scrollIntoView()")
    browser.js("window.scrollBy(0, 600)")
    top = browser.js("document.querySelector('#rows thead th').getBoundingClientRect().top")
    assert top == pytest.approx(0, abs=1)
    browser.screenshot("html-report-scrolled.png")


def test_dark_theme_follows_the_system_setting(samples_page: tuple[Browser, Comparison]) -> None:
    browser, _ = samples_page
    background = "getComputedStyle(document.body).backgroundColor"
    light = browser.js(background)
    browser.call(
        "Emulation.setEmulatedMedia",
        features=[{"name": "prefers-color-scheme", "value": "dark"}],
    )
    assert browser.js(background) != light
    browser.screenshot("html-report-dark.png")


def test_print_hides_the_controls_and_unsticks_the_headers(
    samples_page: tuple[Browser, Comparison],
) -> None:
    browser, _ = samples_page
    browser.call("Emulation.setEmulatedMedia", media="print")
    assert browser.js("getComputedStyle(document.querySelector('.controls')).display") == "none"
    position = "getComputedStyle(document.querySelector('#rows thead th')).position"
    assert browser.js(position) == "static"


def test_translations_appear_when_the_toggle_is_ticked(browser: Browser, tmp_path: Path) -> None:
    html = render_html(joint_comparison(), generated_at=WHEN)
    with report_page(browser, html, tmp_path) as page:
        shown = "document.querySelectorAll('#rows .tr').length"
        visible = (
            "Array.from(document.querySelectorAll('#rows .tr'))"
            ".filter(e => e.getClientRects().length > 0).length"
        )
        assert page.js(shown) > 0
        assert page.js(visible) == 0
        page.click("#show-tr")
        assert page.js(visible) == page.js(shown)
        page.js("document.getElementById('rows-h').scrollIntoView()")
        page.screenshot("html-report-translations.png")
        assert page.errors() == []


#: A small phone's CSS width (the issue measured 80 px text columns at 420 px).
PHONE = 420


def test_phone_width_stacks_the_versions_so_each_text_gets_the_whole_width(
    browser: Browser, samples_report: tuple[Comparison, str], tmp_path: Path
) -> None:
    _, html = samples_report
    with report_page(browser, html, tmp_path, width=PHONE) as page:
        widths = page.js(
            "Array.from(document.querySelectorAll('#rows tbody td:not(.st)'))"
            ".map(td => td.getBoundingClientRect().width)"
        )
        assert widths and min(widths) > PHONE * 0.8
        assert page.js("document.documentElement.scrollWidth") <= PHONE
        labels = page.js(
            "Array.from(document.querySelectorAll('#rows tbody td[data-label]'))"
            ".map(td => getComputedStyle(td, '::before').content)"
        )
        assert labels and all(label not in ("none", "normal", '""') for label in labels)
        page.screenshot("html-report-phone.png")
        assert page.errors() == []
