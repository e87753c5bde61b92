"""6. Live reload in a real browser: `tandem serve` on a free port, a page open
in headless Chromium, that page's Markdown changed; the browser must show the
new text within 2 seconds without anyone reloading it.

The test works on a copy of the site's sources (tandem.yaml, content/,
templates/) in a temporary folder, so that the repository is never touched,
and still restores the file it changed. It skips while `tandem serve` does
not exist (while `tandem serve --help` fails or prints no serve usage).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from selenium.common.exceptions import (NoSuchElementException, StaleElementReferenceException,
                                        TimeoutException)
from selenium.webdriver.support.ui import WebDriverWait

from conftest import free_port
from sitecontent import SiteSources

DEADLINE = 2.0
# A live reload that reloads the whole page briefly has no <body> to read.
IGNORED = (NoSuchElementException, StaleElementReferenceException)


def serve_exists(tandem: str) -> bool:
    try:
        result = subprocess.run([tandem, "serve", "--help"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    # An unknown subcommand may print the top-level help with status 0.
    return result.returncode == 0 and re.search(r"USAGE:\s*tandem serve\b", result.stdout + result.stderr) is not None


def copy_sources(root: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("tandem.yaml", "content", "templates"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def wait_until_serving(process: subprocess.Popen, url: str, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"tandem serve exited with status {process.returncode}:\n{log.read_text()}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"tandem serve did not answer {url} within {timeout:.0f} s:\n{log.read_text()}", pytrace=False)


def body_text(browser) -> str:
    # Read in one script call: an element handle found first can belong to
    # the document a reload has just replaced ("Node ... does not belong to
    # the document", seen in CI), which no waiting condition ignores.
    return browser.execute_script("return document.body ? document.body.innerText : ''") or ""


def test_changed_markdown_shows_in_the_open_page_within_2_seconds(tandem, sources, browser, tmp_path):
    if not serve_exists(tandem):
        pytest.skip(f"`{tandem} serve --help` fails: there is no `tandem serve` yet")
    root = copy_sources(sources.root, tmp_path / "site")
    copied = SiteSources.load(root)
    candidates = [p for p in copied.published if p.kind == "page" and p.language == copied.config.default_language]
    candidates.sort(key=lambda p: (p.joint, not p.dated, p.url))
    if not candidates:
        pytest.fail("the site has no published page to edit", pytrace=False)
    page = candidates[0]
    original = page.path.read_bytes()
    token = f"Live reload check {uuid.uuid4().hex[:12]}"

    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen([tandem, "serve", "--root", str(root), "--port", str(port)],
                                   stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(process, base + page.url, log)
        browser.get(base + page.url)
        WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")
        assert token not in body_text(browser)
        time.sleep(1.0)  # let the page open its live-reload connection

        text = original.decode("utf-8")
        page.path.write_text(text.rstrip("\n") + f"\n\n{token}\n", encoding="utf-8")
        changed = time.monotonic()
        late = None
        try:
            WebDriverWait(browser, DEADLINE, poll_frequency=0.05, ignored_exceptions=IGNORED).until(
                lambda b: token in body_text(b))
        except TimeoutException:
            try:  # say how late it was, if it came at all
                WebDriverWait(browser, 8, poll_frequency=0.1, ignored_exceptions=IGNORED).until(
                    lambda b: token in body_text(b))
                late = f"it appeared only after {time.monotonic() - changed:.1f} s"
            except TimeoutException:
                late = f"it had not appeared after {time.monotonic() - changed:.1f} s"
        if late:
            pytest.fail(f"changed content/{page.rel}, but {base}{page.url} did not show {token!r} "
                        f"within {DEADLINE:.0f} s: {late}.\nserve log:\n{log.read_text()[-3000:]}", pytrace=False)
    finally:
        page.path.write_bytes(original)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
