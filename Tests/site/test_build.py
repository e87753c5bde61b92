"""0. The build itself: `tandem build` succeeds (the session fixture fails
every test with Tandem's diagnostics otherwise), and every published
Markdown page has its HTML file where DESIGN.md says it goes. This also
proves that the URL mapping the other checks rely on (sitecontent.py)
agrees with Tandem's.
"""

from conftest import html_files


def test_every_published_page_has_its_html_file(site, sources):
    missing = [f"content/{p.rel} -> {p.output_file}" for p in sources.published
               if not (site / p.output_file).is_file()]
    assert not missing, "published pages with no HTML file in the output:\n" + "\n".join(missing)


def test_the_stylesheet_is_published(site):
    assert (site / "assets" / "style.css").is_file(), "no assets/style.css in the output"


def test_no_unpublished_page_has_an_html_file(site, sources):
    published = {p.output_file for p in sources.published}
    leaked = [f"content/{p.rel} -> {p.output_file}" for p in sources.hidden
              if (site / p.output_file).is_file() and p.output_file not in published]
    assert not leaked, "drafts or embargoed pages published:\n" + "\n".join(leaked)
    assert html_files(site), "the build wrote no HTML page"


RIGHT_TO_LEFT = {"ar", "fa", "he", "ps", "ur", "prs"}


def test_every_page_declares_its_language_and_direction(site, sources):
    """Each page of a language's folder (`/fr/`, `/ar/`) says so on `<html>`, right to left for Arabic."""
    import re

    others = [language for language in sources.config.languages if language != sources.config.default_language]
    wrong = []
    for path in html_files(site):
        rel = path.relative_to(site).as_posix()
        first = rel.split("/")[0]
        language = first if first in others else sources.config.default_language
        if language == sources.config.default_language and rel.startswith(tuple(o + "/" for o in others)):
            continue
        head = path.read_text(encoding="utf-8", errors="replace")[:800]
        match = re.search(r'<html lang="([^"]+)" dir="([^"]+)"', head)
        if not match or "http-equiv=\"refresh\"" in head:
            continue  # alias redirects and pages of other shapes are not this check's concern
        expected = (language, "rtl" if language.split("-")[0] in RIGHT_TO_LEFT else "ltr")
        if match.groups() != expected:
            wrong.append(f"{rel}: lang={match.group(1)} dir={match.group(2)}, expected lang={expected[0]} dir={expected[1]}")
    assert not wrong, "pages whose <html> names another language or direction:\n" + "\n".join(wrong)
