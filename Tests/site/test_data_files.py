"""4. Data files: every .json parses; every feed parses with feedparser
without the bozo flag and has what RFC 4287 requires; sitemap.xml is valid
XML whose <loc>s are absolute URLs of files that exist; every .vcf parses
with vobject.

The feed, sitemap and vCard checks skip while the build makes none of those
files, and start checking as soon as it does.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit, unquote

import feedparser
import pytest
import vobject
from lxml import etree

from conftest import all_files

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def rel(site: Path, path: Path) -> str:
    return path.relative_to(site).as_posix()


def fail_with(problems: list[str], what: str):
    if problems:
        pytest.fail(f"{len(problems)} problem(s) with {what}:\n" + "\n".join(problems), pytrace=False)


def xml_root(path: Path):
    try:
        return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except etree.XMLSyntaxError:
        return None


def feed_files(site: Path) -> list[Path]:
    """Atom and RSS documents, whatever they are named."""
    found = []
    for path in all_files(site):
        if path.suffix.lower() not in (".xml", ".atom", ".rss"):
            continue
        root = xml_root(path)
        if path.suffix.lower() in (".atom", ".rss") or (root is not None and root.tag in (f"{ATOM}feed", "rss")):
            found.append(path)
        elif root is None and path.name.lower() in ("feed.xml", "index.xml", "atom.xml", "rss.xml"):
            found.append(path)  # a feed that is not even well-formed XML
    return found


def test_every_json_file_parses(site):
    files = [p for p in all_files(site) if p.suffix.lower() == ".json"]
    if not files:
        pytest.skip("the build has no .json file")
    problems = []
    for path in files:
        try:
            json.loads(path.read_bytes().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(f"{rel(site, path)}: {error}")
    fail_with(problems, f"{len(files)} JSON file(s)")


def check_atom(feed, name: str) -> list[str]:
    problems = []
    for key in ("id", "title", "updated"):
        if not feed.feed.get(key):
            problems.append(f"{name}: the feed has no <{key}>")
    if not feed.feed.get("author") and not all(e.get("author") for e in feed.entries):
        problems.append(f"{name}: the feed has no <author>, and not every entry has one (RFC 4287 4.1.1)")
    for index, entry in enumerate(feed.entries, 1):
        label = f"{name}: entry {index} ({entry.get('title') or entry.get('id') or '?'})"
        for key in ("id", "title", "updated", "link"):
            if not entry.get(key):
                problems.append(f"{label} has no <{key}>")
    return problems


def check_rss(feed, name: str) -> list[str]:
    problems = []
    for key in ("title", "link", "description"):
        if not feed.feed.get(key):
            problems.append(f"{name}: the channel has no <{key}>")
    for index, entry in enumerate(feed.entries, 1):
        if not (entry.get("title") or entry.get("description")):
            problems.append(f"{name}: item {index} has neither <title> nor <description>")
        if not entry.get("link"):
            problems.append(f"{name}: item {index} ({entry.get('title', '?')}) has no <link>")
    return problems


def test_every_feed_parses_and_has_the_required_elements(site):
    feeds = feed_files(site)
    if not feeds:
        pytest.skip("the build has no feed yet (no Atom or RSS document)")
    problems = []
    for path in feeds:
        name = rel(site, path)
        feed = feedparser.parse(path.read_bytes())
        if feed.bozo:
            problems.append(f"{name}: feedparser: {feed.bozo_exception}")
            continue
        if feed.version.startswith("atom"):
            problems += check_atom(feed, name)
        elif feed.version.startswith("rss"):
            problems += check_rss(feed, name)
        else:
            problems.append(f"{name}: feedparser does not recognise this as a feed (version {feed.version!r})")
        if not feed.entries:
            problems.append(f"{name}: the feed has no entries")
    fail_with(problems, f"{len(feeds)} feed(s)")


def file_for_url(site: Path, path: str) -> Path:
    path = unquote(path)
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def test_sitemap_is_valid_and_its_locs_exist(site, sources):
    sitemaps = sorted(p for p in all_files(site) if p.name.startswith("sitemap") and p.suffix == ".xml")
    if not sitemaps:
        pytest.skip("the build has no sitemap.xml yet")
    base = urlsplit(sources.config.base_url)
    problems = []
    locs = 0
    for path in sitemaps:
        name = rel(site, path)
        try:
            root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        except etree.XMLSyntaxError as error:
            problems.append(f"{name}: not well-formed XML: {error}")
            continue
        if root.tag not in (f"{SITEMAP}urlset", f"{SITEMAP}sitemapindex"):
            problems.append(f"{name}: the root element is {root.tag}, not urlset or sitemapindex "
                            "in the sitemaps.org 0.9 namespace")
        for loc in root.iter(f"{SITEMAP}loc"):
            locs += 1
            text = (loc.text or "").strip()
            parts = urlsplit(text)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                problems.append(f"{name}:{loc.sourceline}: <loc>{text}</loc> is not an absolute URL")
                continue
            if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(base.path):
                problems.append(f"{name}:{loc.sourceline}: <loc>{text}</loc> is not under base_url {sources.config.base_url}")
                continue
            target = file_for_url(site, "/" + parts.path[len(base.path):])
            if not target.is_file():
                problems.append(f"{name}:{loc.sourceline}: <loc>{text}</loc>: no file {rel(site, target)} in the output")
    if not locs:
        problems.append("the sitemap lists no <loc> at all")
    fail_with(problems, "the sitemap")


def test_every_vcard_parses(site):
    cards = [p for p in all_files(site) if p.suffix.lower() == ".vcf"]
    if not cards:
        pytest.skip("the build has no .vcf file yet")
    problems = []
    for path in cards:
        name = rel(site, path)
        try:
            components = list(vobject.readComponents(path.read_bytes().decode("utf-8"), validate=True))
        except Exception as error:  # vobject raises several kinds of errors
            problems.append(f"{name}: vobject: {type(error).__name__}: {error}")
            continue
        if not components:
            problems.append(f"{name}: no vCard in the file")
        for card in components:
            if card.name != "VCARD":
                problems.append(f"{name}: holds a {card.name}, not a VCARD")
            elif "fn" not in card.contents or not card.fn.value.strip():
                problems.append(f"{name}: the vCard has no FN (formatted name)")
    fail_with(problems, f"{len(cards)} vCard file(s)")
