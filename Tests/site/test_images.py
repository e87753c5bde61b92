"""Images: every raster image the site publishes, AVIF included, is read by
exiftool (a reader nobody on the team wrote): none carries a GPS position, a
camera serial number, a time, an author, XMP or IPTC, and each keeps its
colour profile; the sample site's photo in content/ does carry them, so the
check can fail. Every <img> of an image of content/ has width and height and
decoding="async", and only the first image of a page loads at once. Every
<picture> offers AVIF first, then WebP, and each file it names is published.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import html5lib
import pytest

from conftest import html_files

RASTER = {".jpg", ".jpeg", ".png", ".webp"}
PUBLISHED = RASTER | {".avif"}
LEAKS = ("GPS", "SerialNumber", "Artist", "Creator", "By-line", "DateTimeOriginal", "Make", "Model", "XMP", "IPTC")


def exiftool(paths):
    if not shutil.which("exiftool"):
        pytest.fail("exiftool is missing: apt-get install libimage-exiftool-perl")
    out = subprocess.run(["exiftool", "-j", "-a", "-G1", *map(str, paths)], check=True, capture_output=True, text=True).stdout
    return {item["SourceFile"]: item for item in json.loads(out)}


def leaks(tags):
    return sorted(key for key in tags if not key.startswith("ICC") and any(word in key for word in LEAKS))


def test_the_sample_photo_carries_what_must_not_leave(site_root_photos):
    assert site_root_photos, "the sample site has no JPEG in content/images/"
    for path, tags in exiftool(site_root_photos).items():
        assert leaks(tags), f"{path} carries no metadata: the check below proves nothing"


def test_no_published_image_carries_metadata_but_its_colour_profile(site):
    images = [p for p in site.rglob("*") if p.suffix.lower() in PUBLISHED]
    assert images, "the site publishes no raster image"
    assert any(p.suffix == ".avif" for p in images), "the site publishes no AVIF: the check proves nothing for AVIF"
    for path, tags in exiftool(images).items():
        assert not leaks(tags), f"{path} carries {leaks(tags)}"
        assert any(key.startswith("ICC") for key in tags), f"{path} lost its colour profile"


def test_images_have_their_size_and_only_the_first_loads_at_once(site):
    checked = 0
    for page in html_files(site):
        document = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
        for index, img in enumerate(document.iter("img")):
            if not any(img.get("src", "").endswith(suffix) for suffix in RASTER):
                continue
            checked += 1
            where = f"{page.relative_to(site)}: <img src={img.get('src')}>"
            assert img.get("width") and img.get("height"), f"{where} has no width and height"
            assert img.get("decoding") == "async", where
            assert (img.get("loading") == "lazy") == (index > 0), f"{where}: loading={img.get('loading')}"
    assert checked, "no page shows a raster image"


def test_pictures_offer_avif_then_webp_and_every_file_they_name_is_published(site):
    checked = 0
    for page in html_files(site):
        document = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
        for picture in document.iter("picture"):
            checked += 1
            types = [source.get("type") for source in picture.iter("source")]
            assert types == ["image/avif", "image/webp"], f"{page.relative_to(site)}: <source> types {types}"
            for source in picture.iter("source"):
                extension = "." + source.get("type").removeprefix("image/")
                for candidate in source.get("srcset").split(", "):
                    url = candidate.split(" ")[0]
                    assert url.endswith(extension), f"{page.relative_to(site)}: {url} in a {source.get('type')} source"
                    assert (site / url.lstrip("/")).is_file(), f"{page.relative_to(site)}: {url} is not published"
    assert checked, "no page shows a <picture>"


@pytest.fixture(scope="session")
def site_root_photos():
    from conftest import site_root
    return sorted(p for p in (site_root() / "content").rglob("*") if p.suffix.lower() in {".jpg", ".jpeg"})
