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
