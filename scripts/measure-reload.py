#!/usr/bin/env python3
"""Measure `tandem serve`: the time from saving a file to the reload event,
and the server's memory.

    python3 scripts/measure-reload.py [--tandem BIN] [--runs N] [--kind body|summary] SITE [SITE ...]

For each SITE (a folder with content/, and optionally templates/ and
tandem.yaml) the script copies its sources into a temporary folder (the site
itself is never touched), starts `tandem serve --port 0` on the copy, opens
the live-reload event stream (/_tandem/events) as a browser would, and then,
N times, saves an edit to a different page and waits for the `change` event
that names that page's file. It prints the median, minimum, 90th percentile
and maximum of those times, the median rebuild time the server reports, and
the server's resident memory (VmRSS now, VmHWM at its peak) from /proc.

--kind body appends a paragraph to the page's text (the usual edit);
--kind summary changes its summary, which listings, feeds and the search
index show too. Use a release build for figures worth reporting:

    swift build -c release
    python3 scripts/measure-reload.py --tandem .build/release/tandem . /tmp/corpus10k

Standard library only; Linux (reads /proc).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def copy_sources(site: Path, target: Path) -> None:
    target.mkdir(parents=True)
    for name in ("tandem.yaml", "content", "templates"):
        source = site / name
        if source.is_dir():
            shutil.copytree(source, target / name, symlinks=True)
        elif source.is_file():
            shutil.copy2(source, target / name)


def output_path(root: Path, page: Path) -> str:
    """content/news/2026/camp.md (or slug: x) -> news/2026/camp/index.html."""
    relative = page.relative_to(root / "content")
    text = page.read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    slug = re.search(r"^slug:\s*\"?([^\"\n]+)\"?\s*$", front, re.M)
    stem = slug.group(1) if slug else relative.name[: -len(".md")]
    return "/".join(list(relative.parent.parts) + [stem, "index.html"])


def candidate_pages(root: Path, count: int) -> list[Path]:
    """Published pages without a language suffix: not drafts, not index pages, not focal points."""
    pages = []
    for path in sorted((root / "content").rglob("*.md")):
        name = path.name
        if name.startswith(("_index", "index")) or len(path.relative_to(root / "content").parts) < 2:
            continue
        if re.search(r"\.[a-z]{2}\.md$", name) or path.parent.name == "focal-points":
            continue
        front = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        if re.search(r"^(draft: true|slug:|embargo:)", front, re.M):
            continue
        pages.append(path)
    if not pages:
        sys.exit(f"no page to edit under {root / 'content'}")
    step = max(1, len(pages) // count)
    return [pages[(i * step) % len(pages)] for i in range(count)]


class Server:
    """`tandem serve` on a free port, its output read in the background."""

    def __init__(self, tandem: str, root: Path):
        self.process = subprocess.Popen([tandem, "serve", "--root", str(root), "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.port: int | None = None
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        if not self.ready.wait(600) or self.port is None:
            self.stop()
            sys.exit("tandem serve did not start:\n" + "".join(self.lines[-20:]))

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)
            match = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
            if match:
                self.port = int(match.group(1))
                self.ready.set()
        self.ready.set()

    def memory(self) -> dict[str, int]:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return {key: int(re.search(rf"^{key}:\s+(\d+) kB", status, re.M).group(1)) for key in ("VmRSS", "VmHWM")}

    def rebuild_seconds(self) -> list[float]:
        return [float(m.group(1)) for line in self.lines if (m := re.match(r"Rebuilt in ([\d.]+) s", line))]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class EventStream:
    """The live-reload stream, read event by event over a plain socket."""

    def __init__(self, port: int):
        self.socket = socket.create_connection(("127.0.0.1", port))
        self.socket.sendall(f"GET /_tandem/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        self.buffer = ""

    def next_change(self, timeout: float) -> str | None:
        """The data of the next `change` event, or None after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            match = re.search(r"event: change\ndata: ([^\n]*)\n", self.buffer)
            if match:
                self.buffer = self.buffer[match.end():]
                return match.group(1)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            self.socket.settimeout(remaining)
            try:
                chunk = self.socket.recv(65536)
            except socket.timeout:
                return None
            if not chunk:
                return None
            self.buffer += chunk.decode("utf-8", "replace")


def edit(page: Path, kind: str, run: int) -> None:
    text = page.read_text(encoding="utf-8")
    if kind == "summary":
        front, body = text.split("\n---\n", 1)
        front = re.sub(r"^summary:.*$", "", front, flags=re.M).rstrip("\n")
        text = f"{front}\nsummary: \"Measured summary {run}.\"\n---\n{body}"
    else:
        text = text.rstrip("\n") + f"\n\nMeasured edit {run}.\n"
    with open(page, "w", encoding="utf-8") as file:
        file.write(text)


def measure(tandem: str, site: Path, runs: int, kind: str) -> None:
    with tempfile.TemporaryDirectory(prefix="tandem-measure-") as folder:
        root = Path(folder) / "site"
        copy_sources(site, root)
        pages = candidate_pages(root, runs)
        started = time.monotonic()
        server = Server(tandem, root)
        startup = time.monotonic() - started
        try:
            stream = EventStream(server.port)
            time.sleep(0.5)
            times = []
            for run, page in enumerate(pages):
                wanted = output_path(root, page).replace("/", "\\/")
                saved = time.monotonic()
                edit(page, kind, run)
                while True:
                    change = stream.next_change(30)
                    if change is None:
                        sys.exit(f"no change event for {page} within 30 s")
                    if f"\"{wanted}\"" in change:
                        break
                times.append(time.monotonic() - saved)
                time.sleep(0.3)
            memory = server.memory()
            rebuilds = server.rebuild_seconds()
        finally:
            server.stop()
    files = sum(1 for path in (site / "content").rglob("*") if path.is_file())
    ms = sorted(t * 1000 for t in times)
    print(f"{site} ({files} files in content/), {runs} {kind} edits:")
    print(f"  save -> reload event: median {statistics.median(ms):.0f} ms, min {ms[0]:.0f}, "
          f"p90 {ms[int(0.9 * (len(ms) - 1))]:.0f}, max {ms[-1]:.0f}")
    if rebuilds:
        print(f"  rebuild as the server reports it: median {statistics.median(rebuilds) * 1000:.0f} ms")
    print(f"  first build and start: {startup:.1f} s")
    print(f"  memory: VmRSS {memory['VmRSS'] / 1024:.0f} MB, peak VmHWM {memory['VmHWM'] / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--tandem", default=str(REPO / ".build" / "release" / "tandem"))
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--kind", choices=("body", "summary"), default="body")
    arguments = parser.parse_args()
    if not os.access(arguments.tandem, os.X_OK):
        sys.exit(f"no tandem binary at {arguments.tandem}: run `swift build -c release`, or pass --tandem")
    for site in arguments.sites:
        measure(arguments.tandem, site.resolve(), arguments.runs, arguments.kind)


if __name__ == "__main__":
    main()
