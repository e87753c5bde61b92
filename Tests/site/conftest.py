"""Shared fixtures of the third-party validation suite.

Environment:
  TANDEM_BIN        the tandem binary (default: REPO/.build/debug/tandem)
  TANDEM_SITE       the site to build (default: the repository root, whose
                    tandem.yaml and content/ are the sample site)
  TANDEM_OUTPUT     check this already-built output folder instead of building
                    (used to see each check fail on a copy broken on purpose)
  CHROMIUM_BIN      default /usr/bin/chromium
  CHROMEDRIVER_BIN  default /usr/bin/chromedriver

Nothing here touches the network beyond 127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sitecontent import SiteSources  # noqa: E402

REPO = HERE.parent.parent

# Selenium must never try to download a driver or a browser.
os.environ.setdefault("SE_OFFLINE", "true")


def tandem_bin() -> str:
    return os.environ.get("TANDEM_BIN") or str(REPO / ".build" / "debug" / "tandem")


def site_root() -> Path:
    return Path(os.environ.get("TANDEM_SITE") or REPO).resolve()


def pytest_report_header(config):
    lines = [f"tandem: {tandem_bin()}", f"site: {site_root()}"]
    if os.environ.get("TANDEM_OUTPUT"):
        lines.append(f"output (not rebuilt): {os.environ['TANDEM_OUTPUT']}")
    return lines


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def tandem() -> str:
    binary = tandem_bin()
    if not os.access(binary, os.X_OK):
        pytest.fail(f"no tandem binary at {binary}: build it (swift build) or set TANDEM_BIN", pytrace=False)
    return binary


@pytest.fixture(scope="session")
def sources() -> SiteSources:
    root = site_root()
    if not (root / "content").is_dir():
        pytest.fail(f"{root} has no content/ folder: nothing to build", pytrace=False)
    return SiteSources.load(root)


@pytest.fixture(scope="session")
def site(tandem, sources, tmp_path_factory) -> Path:
    """The sample site, built once for the whole session; the output folder."""
    if os.environ.get("TANDEM_OUTPUT"):
        return Path(os.environ["TANDEM_OUTPUT"]).resolve()
    output = tmp_path_factory.mktemp("build") / "site"
    result = subprocess.run([tandem, "build", "--root", str(sources.root), "--output", str(output)],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        pytest.fail(f"tandem build failed with status {result.returncode}:\n{result.stderr}{result.stdout}",
                    pytrace=False)
    if not (output / "index.html").is_file():
        pytest.fail(f"tandem build wrote no {output}/index.html", pytrace=False)
    return output


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.is_file())


def all_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def url_of(site: Path, file: Path) -> str:
    """The URL path that serves a file: a/index.html -> /a/, 404.html -> /404.html."""
    rel = file.relative_to(site).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder like a static host: 404.html for missing files."""

    def log_message(self, format, *args):  # keep pytest output clean
        pass

    def end_headers(self):
        # Tells linkchecker that it may send requests as fast as it likes to
        # this host (otherwise it waits 0.1-0.6 s between requests).
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class StaticServer:
    def __init__(self, directory: Path):
        handler = functools.partial(_SiteHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def server(site):
    """The built site served on 127.0.0.1 (a free port); its base URL without a trailing slash."""
    with StaticServer(site) as running:
        yield running.base


def new_browser(width: int = 1280, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-domain-reliability", "--metrics-recording-only",
                     f"--window-size={width},{height}"):
        options.add_argument(argument)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="session")
def browser():
    driver = new_browser()
    try:
        yield driver
    finally:
        driver.quit()
