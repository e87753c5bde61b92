"""3. Links: linkchecker, over the site served on 127.0.0.1, finds 0 broken
internal links and 0 missing #anchors (its AnchorCheck plugin).

Every page is a start URL, so pages that nothing links to are checked too.
Every URL that is not on the local server (other hosts, mailto:, tel:) is
matched by --ignore-url, which makes linkchecker check its syntax only: the
test never touches the network. Absolute links to the site's own base_url
(canonical links, permalinks) are mapped onto the output folder instead.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest

from conftest import html_files, url_of

LINKCHECKERRC = """\
[checking]
threads=4
timeout=20
maxrequestspersecond=1000
[filtering]
checkextern=0
[output]
warnings=1
[AnchorCheck]
"""


def run_linkchecker(site: Path, server: str, tmp_path: Path) -> list[dict]:
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKERRC)
    config.chmod(0o644)
    starts = [server + url_of(site, f) for f in html_files(site)]
    local = re.escape(server + "/")
    linkchecker = Path(sys.executable).parent / "linkchecker"
    command = [str(linkchecker), "--config", str(config), "--no-status", "--no-robots", "--verbose",
               "--output", "csv/utf-8", "--ignore-url", f"^(?!{local})", *starts]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    # Status 1 means "found errors or warnings": the rows below say which.
    if result.returncode not in (0, 1):
        pytest.fail(f"linkchecker failed (status {result.returncode}):\n{result.stderr}", pytrace=False)
    text = result.stdout
    start = text.find("urlname;")
    if start < 0:
        pytest.fail(f"linkchecker printed no CSV report:\n{text}\n{result.stderr}", pytrace=False)
    body = "\n".join(line for line in text[start:].splitlines() if not line.startswith("# "))
    return list(csv.DictReader(io.StringIO(body), delimiter=";"))


def where(row: dict) -> str:
    return f"{row.get('parentname') or '(start URL)'}, line {row.get('line') or '?'}"


def test_no_broken_links_or_anchors(site, server, tmp_path):
    rows = run_linkchecker(site, server, tmp_path)
    local_rows = [r for r in rows if (r.get("url") or "").startswith(server)]
    pages = len(html_files(site))
    assert len(local_rows) >= pages, (
        f"linkchecker reported only {len(local_rows)} local URL(s) for {pages} page(s): did it run?")
    broken = [r for r in rows if r.get("valid") != "True"]
    anchors = [r for r in rows if r.get("valid") == "True" and "Anchor" in (r.get("warningstring") or "")]
    lines = [f"{where(r)}: {r['urlname']} -> {r.get('result')}" for r in broken]
    lines += [f"{where(r)}: {r['urlname']} -> {r['warningstring']}" for r in anchors]
    if lines:
        pytest.fail(f"{len(lines)} broken link(s) or anchor(s):\n" + "\n".join(lines), pytrace=False)


def test_absolute_links_into_the_site_exist(site, sources):
    """linkchecker only syntax-checks https://BASE_URL/... links (canonical,
    alternate, permalinks), since they name another host: map them onto the
    output folder and check that the file is there."""
    base = sources.config.base_url
    problems = []
    for path in html_files(site):
        document = html5lib.parse(path.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
        for element in document.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute in ("href", "src"):
                value = element.attrib.get(attribute, "")
                if not value.startswith(base):
                    continue
                rest = urlsplit(value[len(base):]).path
                target = site / unquote(rest)
                if rest == "" or rest.endswith("/"):
                    target = target / "index.html"
                if not target.is_file():
                    problems.append(f"{path.relative_to(site).as_posix()}: <{element.tag} {attribute}=\"{value}\">: "
                                    f"no {target.relative_to(site).as_posix()} in the output")
    if problems:
        pytest.fail(f"{len(problems)} link(s) to {base} that lead nowhere:\n" + "\n".join(problems), pytrace=False)
