"""5. The joint notice and the no-leak guarantee, judged from the outside.

Every HTML page is parsed with html5lib (the WHATWG parsing algorithm). A
page whose source Markdown says `joint: true` has exactly one element with a
`data-joint-notice` attribute; every other page (including pages with no
Markdown source, such as listings without an _index.md, 404, search) has none.

Drafts (`draft: true`) and embargoed pages (`embargo:` later than now) are
found in content/ with PyYAML; neither their titles (nor summaries) nor their
URLs nor their slugs may appear in any output file, of any type.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import html5lib
import pytest

from conftest import all_files, html_files
from sitecontent import SourcePage

NOTICE = "data-joint-notice"


def notice_elements(path: Path) -> list:
    document = html5lib.parse(path.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
    return [el for el in document.iter() if isinstance(el.tag, str) and NOTICE in el.attrib]


def describe(element) -> str:
    attributes = " ".join(f'{k}="{v}"' if v else k for k, v in element.attrib.items())
    text = " ".join("".join(element.itertext()).split())
    return f"<{element.tag} {attributes}> {text[:80]}"


def test_joint_pages_have_exactly_one_notice_and_others_none(site, sources):
    by_file = sources.by_output_file()
    pages = html_files(site)
    joint_seen = 0
    problems = []
    for path in pages:
        name = path.relative_to(site).as_posix()
        source = by_file.get(name)
        notices = notice_elements(path)
        if source is not None and source.joint:
            joint_seen += 1
            if len(notices) != 1:
                problems.append(f"{name} (from content/{source.rel}, joint: true) has {len(notices)} "
                                f"{NOTICE} elements, not 1:" + "".join(f"\n    {describe(n)}" for n in notices))
                continue
            lead = notices[0].attrib.get("data-lead")
            expected = str(source.front.get("lead", ""))
            if lead is not None and lead.lower() != expected.lower():
                problems.append(f"{name}: the notice says data-lead=\"{lead}\", but content/{source.rel} says lead: {expected}")
        elif notices:
            origin = f"content/{source.rel}, not joint" if source else "no Markdown source"
            problems.append(f"{name} ({origin}) has {len(notices)} {NOTICE} element(s), should have none:"
                            + "".join(f"\n    {describe(n)}" for n in notices))
    if problems:
        pytest.fail(f"{len(problems)} page(s) break the joint-notice guarantee:\n" + "\n".join(problems), pytrace=False)
    joint_sources = [p for p in sources.published if p.joint]
    missing = [p for p in joint_sources if not (site / p.output_file).is_file()]
    assert not missing, "joint pages with no published HTML file (is the URL mapping right?): " + ", ".join(
        f"content/{p.rel} -> {p.output_file}" for p in missing)
    assert joint_seen > 0, "the site has no joint page: the notice check checked nothing"


def test_the_site_has_a_draft_and_an_embargoed_page(sources):
    """The leak check below is only worth something if there is something to leak."""
    drafts = [p for p in sources.pages if p.draft]
    embargoed = [p for p in sources.pages if p.embargoed()]
    missing = [what for what, found in (("a page with `draft: true`", drafts),
                                        ("a page with an `embargo:` in the future", embargoed)) if not found]
    assert not missing, f"{sources.root}/content has no " + " and no ".join(missing)


def forms(text: str) -> set[str]:
    """The ways a string can be written in HTML, XML or JSON output."""
    return {text, html.escape(text), html.escape(text, quote=False), json.dumps(text)[1:-1],
            json.dumps(text, ensure_ascii=False)[1:-1]}


def needles(page: SourcePage) -> list[tuple[str, re.Pattern, bool]]:
    """(what, pattern, also in binary files) for everything that would give the page away."""
    found = []
    if page.title:
        for form in sorted(forms(page.title)):
            found.append((f"title {page.title!r}", re.compile(re.escape(form)), True))
    summary = str(page.front.get("summary") or "").strip()
    if len(summary) >= 20:  # long enough to be the page's own words
        for form in sorted(forms(summary)):
            found.append(("summary", re.compile(re.escape(form)), True))
    path = page.url.strip("/")
    if path:
        found.append((f"URL {page.url}", re.compile(r"(?<![\w.-])" + re.escape(path) + r"(?![\w-])"), False))
    found.append((f"slug {page.slug!r}", re.compile(r"(?<![\w-])" + re.escape(page.slug) + r"(?![\w-])"), False))
    return found


def hidden_pages(sources):
    return [p for p in sources.hidden if p.kind != "home"]


def test_no_draft_or_embargoed_page_leaks(site, sources):
    hidden = hidden_pages(sources)
    if not hidden:
        pytest.skip("no draft or embargoed page in content/")
    checks = [(page, *needle) for page in hidden for needle in needles(page)]
    problems = []
    for path in all_files(site):
        name = path.relative_to(site).as_posix()
        for page in hidden:
            url_path = page.url.strip("/")
            if url_path and (name == url_path or name.startswith(url_path + "/")):
                problems.append(f"{name}: published at the URL of content/{page.rel}")
        data = path.read_bytes()
        try:
            text, binary = data.decode("utf-8"), False
        except UnicodeDecodeError:
            text, binary = data.decode("latin-1"), True
        texts = [text] if binary else [text, html.unescape(text)]
        for page, label, pattern, in_binary in checks:
            if binary and not in_binary:
                continue
            for candidate in texts:
                match = pattern.search(candidate)
                if match:
                    start = max(match.start() - 60, 0)
                    context = " ".join(candidate[start:match.end() + 60].split())
                    problems.append(f"{name}: the {label} of content/{page.rel} "
                                    f"({'draft' if page.draft else 'embargoed'}) appears: ...{context}...")
                    break
    if problems:
        pytest.fail(f"{len(problems)} leak(s) of unpublished pages:\n" + "\n".join(sorted(set(problems))),
                    pytrace=False)
