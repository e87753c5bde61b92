#!/usr/bin/env python3
"""Measure a query on a built site's search page in headless Chromium:
the bytes it transfers and the time from Enter to the first result.

    python3 scripts/measure-search.py [--runs N] [--language PREFIX] SITE_OUTPUT [QUERY ...]

SITE_OUTPUT is a folder `tandem build` wrote (e.g. /tmp/corpus10k/site). The
script serves it on 127.0.0.1 (Tests/site/conftest.py's static server,
HTTP/1.0, no compression), opens PREFIX/search/ in Chromium (through Selenium
and chromedriver, with the HTTP cache disabled over the DevTools protocol,
so every run is a first visit), types the query, presses Enter and waits for
the first result. A query is words, and filters as `persons=refugees`.
It prints, for each query, the median of N runs of:

- query bytes: the sum of `transferSize` (headers included) of every
  resource fetched after Enter (Resource Timing API);
- page bytes: what loading the search page itself transferred;
- ms: from the Enter keydown to the first result in the list
  (`performance.now()` in the page, a MutationObserver on the list).

Needs the virtual environment of the site suite: `bash Tests/site/run.sh --setup`,
then run it with `Tests/site/.venv/bin/python`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "Tests" / "site"))

from conftest import StaticServer, new_browser  # noqa: E402

WATCH = """
window.__first = null; window.__enter = null;
document.addEventListener('keydown', function (e) { if (e.key === 'Enter') { window.__enter = performance.now(); } }, true);
new MutationObserver(function () {
  if (window.__first === null && document.querySelector('#search-results li')) { window.__first = performance.now(); }
}).observe(document.getElementById('search-results'), {childList: true});
"""


def bytes_of(entries) -> int:
    return sum(entry["transferSize"] for entry in entries)


def measure(driver, base: str, prefix: str, query: str) -> dict:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    driver.get(f"{base}{prefix}/search/")
    page = driver.execute_script(
        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".map(function (e) { return {name: e.name, transferSize: e.transferSize}; });")
    driver.execute_script("performance.clearResourceTimings();" + WATCH)
    words = []
    for part in query.split():
        if "=" in part:
            name, value = part.split("=", 1)
            Select(driver.find_element(By.NAME, name)).select_by_value(value)
        else:
            words.append(part)
    field = driver.find_element(By.ID, "search-query")
    field.send_keys(" ".join(words))
    field.send_keys(Keys.ENTER)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        done = driver.execute_script(
            "return window.__first !== null || (document.getElementById('search-status').textContent !== ''"
            " && !document.querySelector('#search-results li'));")
        if done:
            break
        time.sleep(0.02)
    time.sleep(0.3)  # let the rest of the shown results arrive
    result = driver.execute_script(
        "return {first: window.__first, enter: window.__enter, status: document.getElementById('search-status').textContent,"
        " shown: document.querySelectorAll('#search-results li').length,"
        " entries: performance.getEntriesByType('resource').map(function (e) { return {name: e.name, transferSize: e.transferSize}; })};")
    return {
        "page": bytes_of(page),
        "query": bytes_of(result["entries"]),
        "files": len(result["entries"]),
        "ms": (result["first"] - result["enter"]) if result["first"] is not None and result["enter"] is not None else None,
        "status": result["status"],
        "shown": result["shown"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path)
    parser.add_argument("queries", nargs="*", default=["refugees", "border monitoring", "persons=refugees", "cash lead=iom"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--language", default="", help="language prefix, e.g. /fr")
    args = parser.parse_args()
    with StaticServer(args.output.resolve()) as server:
        driver = new_browser(390, 844)
        try:
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
            print(f"{'query':28} {'query bytes':>11} {'files':>5} {'ms':>7} {'page bytes':>10}  status")
            for query in args.queries:
                runs = [measure(driver, server.base, args.language, query) for _ in range(args.runs)]
                times = [run["ms"] for run in runs if run["ms"] is not None]
                print(f"{query:28} {statistics.median(r['query'] for r in runs):>11.0f} {runs[-1]['files']:>5} "
                      f"{(statistics.median(times) if times else float('nan')):>7.1f} "
                      f"{statistics.median(r['page'] for r in runs):>10.0f}  {runs[-1]['status']} ({runs[-1]['shown']} shown)")
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
