"""2. Accessibility: axe-core (4.10, as bundled by axe-selenium-python 3.0.0)
in headless Chromium finds 0 violations of the WCAG 2.0/2.1 A and AA rules on
one page of each kind the site has.

The home page, a section listing, a dated page, a joint page, a focal-point
page and the focal-point directory must exist; a taxonomy term page, the
search page, the 404 page, a page in another language, and French and
Arabic pages (a joint page, the home page, a listing, the 404 page) are
checked when the build has them, and skipped (naming the URL looked for)
until then.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_selenium_python import Axe

from conftest import url_of
from sitecontent import FOCAL_POINTS, SiteSources

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TAXONOMIES = ["persons", "activities", "countries"]

REQUIRED = ["home", "section listing", "dated page", "joint page", "focal-point page", "focal-point directory"]
OPTIONAL = ["taxonomy term", "search", "404", "other-language page",
            "French joint page", "French home", "Arabic joint page", "Arabic home", "Arabic listing", "Arabic 404"]
# Pages in a language: its joint page, its home page, its first section listing, its 404 page.
LANGUAGE_KINDS = {"French": "fr", "Arabic": "ar"}


def exists(site: Path, url: str) -> bool:
    rel = url.lstrip("/")
    return (site / rel).is_file() or (site / rel / "index.html").is_file()


def find_page(kind: str, site: Path, sources: SiteSources) -> tuple[str | None, str]:
    """The URL of a page of this kind, or None and the URL that was looked for."""
    published = [p for p in sources.published if exists(site, p.url)]
    config = sources.config
    if kind == "home":
        return ("/" if exists(site, "/") else None), "/"
    if kind == "section listing":
        folders = sorted({p.folders[0] for p in sources.published if p.folders and p.folders[0] != FOCAL_POINTS},
                         key=lambda f: (f not in config.dated_sections, f))
        for folder in folders:
            if exists(site, f"/{folder}/"):
                return f"/{folder}/", f"/{folder}/"
        return None, f"/{folders[0]}/" if folders else "a listing of a content/ folder"
    if kind == "dated page":
        candidates = [p for p in published if p.kind == "page" and p.dated and p.folders
                      and p.folders[0] in config.dated_sections]
        candidates.sort(key=lambda p: (p.joint, p.language != config.default_language, p.url))
        return (candidates[0].url if candidates else None), "a page with a date in " + ", ".join(config.dated_sections)
    if kind == "joint page":
        candidates = sorted((p for p in published if p.kind == "page" and p.joint),
                            key=lambda p: (p.language != config.default_language, p.url))
        return (candidates[0].url if candidates else None), "a page with `joint: true`"
    if kind == "focal-point page":
        candidates = sorted(p.url for p in published if p.kind == "focal-point")
        return (candidates[0] if candidates else None), f"/{FOCAL_POINTS}/ID/"
    if kind == "focal-point directory":
        url = f"/{FOCAL_POINTS}/"
        return (url if exists(site, url) else None), url
    if kind == "taxonomy term":
        for taxonomy in TAXONOMIES:
            terms = sorted(d for d in (site / taxonomy).glob("*/index.html")) if (site / taxonomy).is_dir() else []
            if terms:
                return url_of(site, terms[0]), ""
        return None, " or ".join(f"/{t}/TERM/" for t in TAXONOMIES)
    if kind == "search":
        return ("/search/" if exists(site, "/search/") else None), "/search/"
    if kind == "404":
        for url in ("/404.html", "/404/"):
            if exists(site, url):
                return url, url
        return None, "/404.html"
    if kind.split(" ")[0] in LANGUAGE_KINDS:
        language = LANGUAGE_KINDS[kind.split(" ")[0]]
        what = kind.split(" ", 1)[1]
        if what == "joint page":
            candidates = sorted(p.url for p in published if p.kind == "page" and p.joint and p.language == language)
            return (candidates[0] if candidates else None), f"a joint page in '{language}'"
        url = {"home": f"/{language}/", "listing": f"/{language}/news/", "404": f"/{language}/404.html"}[what]
        return (url if exists(site, url) else None), url
    if kind == "other-language page":
        candidates = sorted((p for p in published if p.language != config.default_language and p.kind == "page"),
                            key=lambda p: (p.language, p.url))
        return (candidates[0].url if candidates else None), "a page in a language other than " + config.default_language
    raise ValueError(kind)


def report(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe-core violation(s) of WCAG 2.0/2.1 A/AA on {url}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']}  [{v.get('helpUrl', '')}]")
        for node in v.get("nodes", [])[:10]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = (node.get("failureSummary") or "").replace("\n", " / ")
            lines.append(f"    at {target}: {node.get('html', '')[:200]}")
            if summary:
                lines.append(f"       {summary}")
        if len(v.get("nodes", [])) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more element(s)")
    return "\n".join(lines)


def axe_violations(browser, page_url: str) -> list[dict]:
    browser.get(page_url)
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.get("testEngine", {}).get("version", "").startswith("4."), "axe-core 4.x expected"
    return results["violations"]


@pytest.mark.parametrize("kind", REQUIRED + OPTIONAL)
def test_page_kind_has_no_axe_violations(kind, site, sources, server, browser):
    url, looked_for = find_page(kind, site, sources)
    if url is None:
        if kind in OPTIONAL:
            pytest.skip(f"no {kind} in this build yet (looked for {looked_for})")
        pytest.fail(f"the build has no {kind} (looked for {looked_for})", pytrace=False)
    violations = axe_violations(browser, server + url)
    if violations:
        pytest.fail(report(url, violations), pytrace=False)
