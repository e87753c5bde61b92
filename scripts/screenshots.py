#!/usr/bin/env python3
"""Refresh docs/screenshots/: PNG screenshots of the sample site.

Builds the sample site (tandem.yaml and content/ at the repository root) with
`tandem build`, serves it on 127.0.0.1, and has headless Chromium save the
home page, a joint page, the focal-point directory and a joint page in
Arabic (right to left), each at desktop (1280 px) and phone (390 px) width,
as full-page PNGs:

    docs/screenshots/{home,joint-page,focal-points,arabic-page}-{desktop,phone}.png

`--only NAME` (e.g. `--only arabic-page`) refreshes one of them.

Not run by CI. Needs what the site test suite needs; once, run

    bash Tests/site/run.sh --setup

then

    scripts/screenshots.py            (or Tests/site/.venv/bin/python scripts/screenshots.py)

Uses TANDEM_BIN if set, else .build/debug/tandem.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SUITE = REPO / "Tests" / "site"
VENV_PYTHON = SUITE / ".venv" / "bin" / "python"

try:
    import selenium  # noqa: F401
    import yaml  # noqa: F401
except ImportError:
    if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != VENV_PYTHON.parent.parent.resolve():
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), __file__, *sys.argv[1:]])
    sys.exit("selenium and PyYAML are missing: run `bash Tests/site/run.sh --setup` first")

sys.path.insert(0, str(SUITE))
from conftest import StaticServer, new_browser  # noqa: E402
from sitecontent import SiteSources  # noqa: E402

OUT = REPO / "docs" / "screenshots"
WIDTHS = {"desktop": (1280, 800, False), "phone": (390, 844, True)}
MAX_HEIGHT = 8000


def pick_joint_page(sources: SiteSources, site: Path, language: str | None = None) -> str:
    """A joint page in the default language (or `language`): one with focal points and an image if any, newest first."""
    language = language or sources.config.default_language
    pages = [p for p in sources.published if p.kind == "page" and p.joint
             and p.language == language and (site / p.output_file).is_file()]
    if not pages:
        sys.exit(f"the sample site has no joint page in '{language}'")

    def key(p):
        date = str(p.front.get("date") or "")
        return (not p.front.get("focal_points"), "![" not in p.path.read_text(encoding="utf-8"), [-ord(c) for c in date])

    return sorted(pages, key=key)[0].url


def capture(driver, url: str, width: int, height: int, mobile: bool, target: Path) -> None:
    metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.get(url)
    driver.execute_script("return document.fonts ? document.fonts.ready : null")
    full = driver.execute_script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
    metrics["height"] = max(height, min(int(full), MAX_HEIGHT))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.execute_script("window.scrollTo(0, 0)")
    target.write_bytes(driver.get_screenshot_as_png())
    print(f"{target.relative_to(REPO)}  ({url}, {width}x{metrics['height']})")


def main() -> int:
    tandem = os.environ.get("TANDEM_BIN") or str(REPO / ".build" / "debug" / "tandem")
    if not os.access(tandem, os.X_OK):
        sys.exit(f"no tandem binary at {tandem}: run `swift build` first, or set TANDEM_BIN")
    sources = SiteSources.load(REPO)
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        subprocess.run([tandem, "build", "--root", str(REPO), "--output", str(site)], check=True)
        pages = {"home": "/", "joint-page": pick_joint_page(sources, site), "focal-points": "/focal-points/",
                 "arabic-page": pick_joint_page(sources, site, "ar")}
        if "--only" in sys.argv:
            wanted = sys.argv[sys.argv.index("--only") + 1]
            pages = {name: url for name, url in pages.items() if name == wanted}
        OUT.mkdir(parents=True, exist_ok=True)
        with StaticServer(site) as server:
            driver = new_browser()
            try:
                for name, url in pages.items():
                    for form, (width, height, mobile) in WIDTHS.items():
                        capture(driver, server.base + url, width, height, mobile, OUT / f"{name}-{form}.png")
            finally:
                driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
