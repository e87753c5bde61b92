"""What the site's sources say, read from the outside.

This module reads `tandem.yaml` and `content/**/*.md` with PyYAML, the way a
reviewer would, and works out for each Markdown file the URL it is published
at. It is written from DESIGN.md ("Layout of a site", "Content model"), not
from Tandem's Swift code, so that the suite does not share Tandem's blind
spots:

    content/index.md             -> /
    content/index.fr.md          -> /fr/
    content/news/_index.md       -> /news/          (a section listing)
    content/news/2026/x.md       -> /news/2026/x/   (or .../SLUG/ with `slug:`)
    content/about.fr.md          -> /fr/about/
    content/focal-points/jdoe.md -> /focal-points/jdoe/

A page at URL /a/b/ is the file a/b/index.html in the output folder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_DATED_SECTIONS = ["news", "stories", "statements", "briefings"]
FOCAL_POINTS = "focal-points"


@dataclass
class SiteConfig:
    default_language: str = "en"
    languages: list[str] = field(default_factory=lambda: ["en"])
    base_url: str = "https://example.org/"
    dated_sections: list[str] = field(default_factory=lambda: list(DEFAULT_DATED_SECTIONS))

    @classmethod
    def load(cls, root: Path) -> "SiteConfig":
        config = cls()
        path = root / "tandem.yaml"
        if not path.exists():
            return config
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        languages = [str(x) for x in data.get("languages") or []]
        config.default_language = str(data.get("language") or (languages[0] if languages else "en"))
        config.languages = [config.default_language] + [x for x in languages if x != config.default_language]
        base = data.get("base_url")
        if base:
            config.base_url = base if str(base).endswith("/") else f"{base}/"
        if "dated_sections" in data:
            config.dated_sections = [str(x) for x in data.get("dated_sections") or []]
        return config


@dataclass
class SourcePage:
    path: Path  # absolute path of the Markdown file
    rel: str  # path inside content/, e.g. news/2026/camp.md
    front: dict
    kind: str  # home, section, page, focal-point
    folders: list[str]
    stem: str
    language: str
    url: str

    @property
    def output_file(self) -> str:
        """Path of the published HTML file inside the output folder."""
        return self.url.lstrip("/") + "index.html"

    @property
    def title(self) -> str | None:
        """The page's title; a focal point's name (its `title` is a job title)."""
        value = self.front.get("name") if self.kind == "focal-point" else None
        value = value or self.front.get("title")
        return str(value) if value is not None else None

    @property
    def slug(self) -> str:
        return str(self.front.get("slug") or self.stem)

    @property
    def joint(self) -> bool:
        return self.front.get("joint") is True

    @property
    def draft(self) -> bool:
        return self.front.get("draft") is True

    @property
    def embargo(self) -> dt.datetime | None:
        return parse_instant(self.front.get("embargo"))

    def embargoed(self, now: dt.datetime | None = None) -> bool:
        embargo = self.embargo
        return embargo is not None and embargo > (now or dt.datetime.now(dt.timezone.utc))

    @property
    def hidden(self) -> bool:
        """Not published in a normal build (a draft, or embargoed until later)."""
        return self.draft or self.embargoed()

    @property
    def dated(self) -> bool:
        return self.front.get("date") is not None


def parse_instant(value) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day)
    else:
        moment = dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment


def split_front_matter(text: str) -> tuple[dict, str]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return {}, text
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            front = yaml.safe_load("\n".join(lines[1:index])) or {}
            return (front if isinstance(front, dict) else {}), "\n".join(lines[index + 1:])
    return {}, text


def readable_slug(stem: str) -> str:
    """README (content model): accented Latin letters of a file name are written plainly in its URL
    (réunion-à-genève -> reunion-a-geneve); other scripts are kept."""
    import unicodedata

    special = {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
               "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i"}
    out = []
    for ch in stem:
        if ch.isascii():
            out.append(ch)
        elif ch in special:
            out.append(special[ch])
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            out.append(base if base and base.isascii() else ch)
    return "".join(out)


def looks_like_language(text: str) -> bool:
    return re.fullmatch(r"[a-z]{2}", text) is not None


def read_page(path: Path, content_dir: Path, config: SiteConfig) -> SourcePage:
    rel = path.relative_to(content_dir).as_posix()
    front, _ = split_front_matter(path.read_text(encoding="utf-8"))
    *folders, name = rel.split("/")
    name = name[: -len(".md")]
    parts = name.split(".")
    suffix = None
    if len(parts) > 1 and (parts[-1] in config.languages or looks_like_language(parts[-1])):
        suffix = parts[-1]
        stem = ".".join(parts[:-1])
    else:
        stem = name
    language = str(front.get("lang") or suffix or config.default_language)
    if stem == "_index" or (stem == "index" and not folders):
        kind = "home" if not folders else "section"
    else:
        kind = "focal-point" if folders == [FOCAL_POINTS] else "page"
    components = ([] if language == config.default_language else [language]) + folders
    if kind in ("page", "focal-point"):
        components.append(str(front.get("slug") or readable_slug(stem)))
    url = "/" + "".join(f"{c}/" for c in components)
    return SourcePage(path=path, rel=rel, front=front, kind=kind, folders=folders, stem=stem,
                      language=language, url=url)


@dataclass
class SiteSources:
    root: Path
    config: SiteConfig
    pages: list[SourcePage]

    @classmethod
    def load(cls, root: Path) -> "SiteSources":
        config = SiteConfig.load(root)
        content = root / "content"
        pages = [read_page(p, content, config) for p in sorted(content.rglob("*.md"))] if content.is_dir() else []
        return cls(root=root, config=config, pages=pages)

    @property
    def published(self) -> list[SourcePage]:
        return [p for p in self.pages if not p.hidden]

    @property
    def hidden(self) -> list[SourcePage]:
        return [p for p in self.pages if p.hidden]

    def by_output_file(self) -> dict[str, SourcePage]:
        """Published pages by the path of their HTML file in the output folder."""
        return {p.output_file: p for p in self.published}
