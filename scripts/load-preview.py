#!/usr/bin/env python3
"""Load on `tandem serve`: many requests while edits land, then the same site
as a clean build.

    python3 scripts/load-preview.py [--tandem BIN] [--requests 20000] [--concurrency 50]
                                    [--edits 100] [--edit-seconds 2] [--max-growth-mb 64]

The script copies the sample site (this repository's tandem.yaml and
content/, without its drafts and embargoed pages, which a build leaves out
and a preview shows) into a temporary folder and starts `tandem serve --port 0
--no-drafts` on it, on 127.0.0.1 only. Then, twice (once HTTP/1.0 with a
connection per request, once keep-alive with `ab -k`), ApacheBench sends
--requests requests, --concurrency at a time, to one page, while a background
thread rewrites that page's file --edits times over --edit-seconds (half of
the saves in place, half as editors do: a temporary file renamed over it).

It fails (exit status 1) unless:
- ab reports 0 failed requests and no response other than 200 (pages change
  length as they are edited and the version in the live-reload tag grows, so
  ab's length check is off: `-l`);
- the server's resident memory (VmRSS) after both runs is at most
  --max-growth-mb above what it was after a warm-up, and the second run grew
  it by at most half that (flat, not climbing run after run);
- after the last edit, every file a clean `tandem build` of the same folder
  publishes is served with the same bytes (HTML without the live-reload tag
  that the preview adds).

Everything is bounded: the requests, the edits, and a deadline for each step.
Needs `ab` (Debian's apache2-utils). Standard library only; Linux (reads /proc).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIVE_RELOAD_TAG = re.compile(rb'<script src="/_tandem/live-reload\.js"[^>]*></script>\n')


def copy_published_sources(target: Path) -> None:
    """tandem.yaml and content/ of the sample site, without drafts and embargoed pages."""
    target.mkdir(parents=True)
    shutil.copy2(REPO / "tandem.yaml", target / "tandem.yaml")
    shutil.copytree(REPO / "content", target / "content")
    if (REPO / "templates").is_dir():
        shutil.copytree(REPO / "templates", target / "templates")
    for page in (target / "content").rglob("*.md"):
        front = page.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        if re.search(r"^(draft:\s*true|embargo:)", front, re.M):
            page.unlink()


def page_to_edit(root: Path) -> tuple[Path, str]:
    """A news page without a slug or translations, and its URL path."""
    for page in sorted((root / "content" / "news").rglob("*.md")):
        front = page.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        if page.name.startswith("_index") or re.search(r"\.[a-z]{2}\.md$", page.name) or "slug:" in front:
            continue
        relative = page.relative_to(root / "content")
        return page, "/" + "/".join(list(relative.parent.parts) + [relative.stem]) + "/"
    sys.exit("no news page to edit in the sample site")


class Server:
    """`tandem serve --port 0 --no-drafts`, its output read in the background."""

    def __init__(self, tandem: str, root: Path, deadline: float):
        self.process = subprocess.Popen([tandem, "serve", "--root", str(root), "--port", "0", "--no-drafts"],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.port: int | None = None
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        if not self.ready.wait(deadline) or self.port is None:
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

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.M).group(1)) / 1024

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url(path), timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Editor(threading.Thread):
    """Saves `count` edits of one page over `seconds`, numbered from `first`."""

    def __init__(self, page: Path, original: str, first: int, count: int, seconds: float):
        super().__init__(daemon=True)
        self.page, self.original, self.first, self.count, self.seconds = page, original, first, count, seconds
        self.last = first + count - 1

    def run(self) -> None:
        start = time.monotonic()
        for number in range(self.first, self.last + 1):
            text = self.original + f"\nLoad edit {number}.\n"
            if number % 2:
                self.page.write_text(text, encoding="utf-8")
            else:
                temporary = self.page.with_name("." + self.page.name + ".tmp")
                temporary.write_text(text, encoding="utf-8")
                os.replace(temporary, self.page)
            pause = start + (number - self.first + 1) * self.seconds / self.count - time.monotonic()
            if pause > 0:
                time.sleep(pause)


def run_ab(url: str, requests: int, concurrency: int, keep_alive: bool, deadline: float) -> dict[str, str]:
    arguments = ["ab", "-q", "-l", "-s", "30", "-n", str(requests), "-c", str(concurrency)]
    if keep_alive:
        arguments.append("-k")
    result = subprocess.run(arguments + [url], capture_output=True, text=True, timeout=deadline)
    if result.returncode != 0:
        sys.exit(f"ab failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    fields = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(":")
        if value:
            fields[key.strip()] = value.strip()
    for line in result.stdout.splitlines():
        match = re.match(r"\s*(50|99|100)%\s+(\d+)", line)
        if match:
            fields[f"p{match.group(1)}"] = match.group(2)
    return fields


def wait_for(server: Server, path: str, text: bytes, deadline: float) -> bool:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        status, body = server.get(path)
        if status == 200 and text in body:
            return True
        time.sleep(0.1)
    return False


def compare_with_build(tandem: str, root: Path, output: Path, server: Server, deadline: float) -> tuple[int, list[str]]:
    """The number of files of a clean build of `root`, and how what `server` serves differs from them."""
    build = subprocess.run([tandem, "build", "--root", str(root), "--output", str(output), "--quiet"],
                           capture_output=True, text=True, timeout=deadline)
    if build.returncode != 0:
        return 0, [f"tandem build failed: {build.stderr.strip()}"]
    problems = []
    files = sorted(str(path.relative_to(output)) for path in output.rglob("*") if path.is_file())
    for relative in files:
        status, served = server.get("/" + urllib.parse.quote(relative))
        built = (output / relative).read_bytes()
        if relative.endswith(".html"):
            served = LIVE_RELOAD_TAG.sub(b"", served)
        if status != 200:
            problems.append(f"{relative}: served with status {status}")
        elif served != built:
            problems.append(f"{relative}: served bytes differ from the clean build")
    return len(files), problems[:20] + ([f"... and {len(problems) - 20} more"] if len(problems) > 20 else [])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tandem", default=str(REPO / ".build" / "debug" / "tandem"))
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--edit-seconds", type=float, default=2.0)
    parser.add_argument("--max-growth-mb", type=float, default=64.0)
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds allowed for each step")
    options = parser.parse_args()
    if not shutil.which("ab"):
        sys.exit("ab is missing: apt-get install apache2-utils")

    work = Path(tempfile.mkdtemp(prefix="tandem-load-"))
    server = None
    try:
        root = work / "site"
        copy_published_sources(root)
        page, path = page_to_edit(root)
        original = page.read_text(encoding="utf-8")
        server = Server(options.tandem, root, options.deadline)
        for _ in range(200):
            server.get(path)
        rss = [server.rss_mb()]
        failures: list[str] = []
        checks = 0
        print(f"load: {options.requests} requests, {options.concurrency} at a time, on {path} of a copy of the sample site; "
              f"{options.edits} edits over {options.edit_seconds:g} s during each run")
        for run, keep_alive in enumerate((False, True)):
            editor = Editor(page, original, run * options.edits + 1, options.edits, options.edit_seconds)
            timer = threading.Timer(0.2, editor.start)
            timer.start()
            started = time.monotonic()
            fields = run_ab(server.url(path), options.requests, options.concurrency, keep_alive, options.deadline)
            seconds = time.monotonic() - started
            timer.join()
            editor.join(options.deadline)
            checks += 2
            if not wait_for(server, path, f"Load edit {editor.last}.".encode(), 30):
                failures.append(f"the last edit ({editor.last}) was never served")
            rss.append(server.rss_mb())
            label = "keep-alive" if keep_alive else "HTTP/1.0"
            rebuilds = sum(1 for line in server.lines if line.startswith("Rebuilt"))
            failed = int(fields.get("Failed requests", "-1"))
            non_2xx = int(fields.get("Non-2xx responses", "0"))
            complete = int(fields.get("Complete requests", "0"))
            print(f"  {label:10} {complete} complete, {failed} failed, {non_2xx} non-2xx, "
                  f"{fields.get('Requests per second', '?').split()[0]} req/s, "
                  f"median {fields.get('p50', '?')} ms, 99% {fields.get('p99', '?')} ms, max {fields.get('p100', '?')} ms, "
                  f"{seconds:.1f} s; {rebuilds} rebuilds so far; VmRSS {rss[-1]:.0f} MB")
            if complete != options.requests or failed != 0 or non_2xx != 0:
                failures.append(f"{label}: {complete} complete, {failed} failed, {non_2xx} non-2xx")
        growth, second = rss[-1] - rss[0], rss[2] - rss[1]
        print(f"  memory: VmRSS {rss[0]:.0f} MB after warm-up, {rss[1]:.0f} MB, then {rss[2]:.0f} MB "
              f"(growth {growth:+.0f} MB, second run {second:+.0f} MB; bound {options.max_growth_mb:g} MB)")
        checks += 2
        if growth > options.max_growth_mb or second > options.max_growth_mb / 2:
            failures.append(f"memory grew by {growth:.0f} MB ({second:.0f} MB in the second run)")
        count, differences = compare_with_build(options.tandem, root, work / "clean", server, options.deadline)
        if differences:
            failures.append("the final state differs from a clean build: " + "; ".join(differences))
        else:
            print(f"  final state: all {count} files of a clean build served byte for byte")
        if failures:
            print("FAILED:\n  " + "\n  ".join(failures))
        # Checks: each run's requests and its last edit served, memory, the final state.
        print(f"load: {checks - len(failures)} passed, {len(failures)} failed")
        return 1 if failures else 0
    finally:
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
