"""7. Page weight: headless Chromium at phone width (390 x 844, HTTP cache
disabled over the DevTools protocol) loads the home page and a joint article
of the sample site as a first visit, and the Resource Timing API adds up the
bytes each transferred (headers included): the document, stylesheets,
scripts and the images the page loads. Each page must stay within 100 KB,
and each stylesheet and script within 15 KB.
"""

from __future__ import annotations

import time

import pytest

from conftest import new_browser
from test_accessibility import find_page

PAGE_BUDGET = 100 * 1024
ASSET_BUDGET = 15 * 1024

ENTRIES = """
return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map(function (e) { return {name: e.name, type: e.initiatorType, bytes: e.transferSize}; });
"""


@pytest.fixture(scope="module")
def phone():
    driver = new_browser(390, 844)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    try:
        yield driver
    finally:
        driver.quit()


def weigh(phone, url: str) -> list[dict]:
    phone.get(url)
    # Wait until no new resource has arrived for half a second (late images, deferred scripts).
    count, deadline = -1, time.monotonic() + 10
    while time.monotonic() < deadline:
        entries = phone.execute_script(ENTRIES)
        if len(entries) == count and phone.execute_script("return document.readyState") == "complete":
            return entries
        count = len(entries)
        time.sleep(0.5)
    return phone.execute_script(ENTRIES)


@pytest.mark.parametrize("kind", ["home", "joint page"])
def test_first_load_at_phone_width_stays_within_budget(kind, phone, server, site, sources):
    url, looked_for = find_page(kind, site, sources)
    if url is None:
        pytest.fail(f"no {kind} in the sample site (looked for {looked_for})")
    entries = weigh(phone, server + url)
    total = sum(entry["bytes"] for entry in entries)
    report = "\n".join(f"  {entry['bytes']:>7}  {entry['name'].replace(server, '')}" for entry in entries)
    print(f"\n{kind} {url}: {total} bytes in {len(entries)} files\n{report}")
    assert all(entry["bytes"] > 0 for entry in entries), f"a file came from a cache: the figures would be too low\n{report}"
    assert total <= PAGE_BUDGET, f"{url} transfers {total} bytes on first load, more than {PAGE_BUDGET}:\n{report}"
    for entry in entries:
        if entry["name"].split("?")[0].endswith((".css", ".js")):
            assert entry["bytes"] <= ASSET_BUDGET, f"{entry['name']} is {entry['bytes']} bytes, more than {ASSET_BUDGET}"
