#!/usr/bin/env python3
"""Benchmark Tandem against Hugo on the corpora of ../shared/bench.

    python3 scripts/bench.py [--tandem BIN] [--sizes 10000,30000] [--runs 5]

For each size N the script generates the corpus once (gen_corpus.py, kept in
--work). It then runs rounds; in each round, for each size in turn (10k, then
30k, then 10k again in the next round), it makes:

- a full build with each tool, output on tmpfs (/dev/shm), each into an
  empty folder and, for Tandem, with no page kept from earlier runs (its
  `.tandem-cache/sources` and `build` removed): Hugo keeps nothing between
  builds either. Which tool goes first alternates from round to round, and
  each of the two builds starts the same way: both output folders removed
  (with the spare folder Tandem keeps beside its own, `remove_output`),
  then `sync`, so that neither inherits the other's unwritten files (Tandem
  writes its cache to disk) or always runs right after the other;
- for Tandem only, with what the full build kept: a full build into an empty
  folder (the sources parsed before are read from `.tandem-cache/sources`),
  a rebuild into the same output folder after one page changed (what a
  deploy does after an edit; `.tandem-cache/build` tells it which files to
  make again), and `tandem check` (the whole pipeline without writing).

Everything a ratio compares is measured in the same rounds, a few seconds
apart: the VM this was written on drifts by up to 40 % within minutes, and
when all 10k runs came before all 30k runs, or the rebuilds after all full
builds, the drift showed as growth or as a change of ratio. The first round
warms the file cache and is not counted; it also makes Tandem's image cache
(`.tandem-cache/images/` and `image-headers`), kept from then on as a site's
would be after its first build, and its line shows what a build that has to
read the images (and so load libvips) costs. Every run goes through
/usr/bin/time for its wall time, CPU time (user + system) and peak resident
memory.

It prints one Markdown table of medians with the ratios the issues ask for:
Tandem / Hugo wall and memory, 30k time / 10k time, rebuild / full build,
check / full build. Use a release build:

    swift build -c release
    python3 scripts/bench.py --tandem .build/release/tandem

The kernel's table of file names (its dentry cache) matters: both tools
create some 20,000 files and folders per build, and each is looked up there
first. A VM that had made builds for a day held 1.5 million names in a
table of 131,072 chains, and the same Tandem binary then spent about 4 % of
its build in those look-ups instead of about 1.4 % (perf, 2026-11-29). The
script prints how many names the table holds as it starts and ends;
`--drop-dentries` (as root) first asks the kernel to drop the unused ones
(`sync; echo 2 > /proc/sys/vm/drop_caches`, what a newly started machine
has), for Hugo as for Tandem.

Needs hugo (Debian: apt-get install -y hugo) and GNU time (/usr/bin/time).
Standard library only; Linux.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATOR = HERE.parent.parent / "shared" / "bench" / "gen_corpus.py"


def dentry_count() -> str:
    """How many names the kernel's dentry cache holds (first field of /proc/sys/fs/dentry-state)."""
    try:
        return f"{int(Path('/proc/sys/fs/dentry-state').read_text().split()[0]):,}"
    except (OSError, ValueError, IndexError):
        return "unknown"


def measured(command: list[str], cwd: Path | None = None) -> dict[str, float]:
    """Runs `command` under /usr/bin/time; wall and CPU seconds, peak MB."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        process = subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%e %U %S %M"] + command,
                                 cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if process.returncode != 0:
            sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{process.stderr[-2000:]}")
        fields = report.read().split()[-4:]
    wall, user, system, kilobytes = (float(value) for value in fields)
    return {"wall": wall, "cpu": user + system, "mb": kilobytes / 1024}


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def corpus(size: int, work: Path) -> Path:
    folder = work / f"corpus{size}"
    if not (folder / "content").is_dir():
        print(f"generating {folder} ...", file=sys.stderr)
        subprocess.run([sys.executable, str(GENERATOR), "--pages", str(size), "--out", str(folder)], check=True,
                       stdout=subprocess.DEVNULL)
    return folder


def remove_output(folder: Path) -> None:
    """Removes an output folder and, for Tandem's, the spare folder beside it
    (`.NAME.spare`: the site a rebuild replaced, kept for the next build to
    start from). A spare that no build state describes is removed by the
    next build as it publishes: left from the rebuild of another size, it
    cost the next full build about half a second of kernel time (0.47 and
    0.67 s more in two builds measured, 2026-11-29)."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(folder.parent / f".{folder.name}.spare", ignore_errors=True)


def run_round(size: int, site: Path, tandem: str, hugo: str, run: int) -> dict[str, dict[str, float]]:
    """One round at one size: Tandem's and Hugo's full builds, then Tandem's with what it kept."""
    tandem_out, hugo_out = Path("/dev/shm/tandem-bench-t"), Path("/dev/shm/tandem-bench-h")
    build = [tandem, "build", "--root", str(site), "--output", str(tandem_out), "--quiet"]
    results: dict[str, dict[str, float]] = {}

    def full_build(tool: str) -> dict[str, float]:
        # Both tools start alike: no output of either, nothing left to write to disk.
        remove_output(tandem_out)
        remove_output(hugo_out)
        if tool == "tandem":
            shutil.rmtree(site / ".tandem-cache" / "sources", ignore_errors=True)
            (site / ".tandem-cache" / "build").unlink(missing_ok=True)
        os.sync()
        if tool == "tandem":
            return measured(build)
        return measured([hugo, "-s", str(site / "hugo"), "--quiet", "--minify=false", "-d", str(hugo_out)])

    for tool in (["tandem", "hugo"] if run % 2 == 0 else ["hugo", "tandem"]):
        results[tool] = full_build(tool)
    remove_output(hugo_out)

    # A full build into an empty folder, starting from the sources the last build kept.
    remove_output(tandem_out)
    results["kept"] = measured(build)

    # One page changed, rebuilt into the same output folder; then `tandem check`.
    news = sorted((site / "content" / "news").rglob("*.md"))
    page = news[len(news) // 2]
    original = page.read_text()
    try:
        page.write_text(original + f"\n\nA sentence added by the benchmark, round {run}.\n")
        results["rebuild"] = measured(build)
        results["check"] = measured([tandem, "check", "--root", str(site)])
    finally:
        page.write_text(original)
    remove_output(tandem_out)
    print(f"  {size} round {run}: " + ", ".join(f"{key} {value['wall']:.2f} s" for key, value in results.items())
          + f"; full builds {results['tandem']['cpu']:.2f} / {results['hugo']['cpu']:.2f} CPU-s, "
          f"{results['tandem']['mb']:.0f} / {results['hugo']['mb']:.0f} MB", file=sys.stderr)
    return results


def bench(sizes: list[int], tandem: str, hugo: str, runs: int, work: Path) -> list[dict[str, object]]:
    """Rounds over all sizes (the first not counted); each size's counted runs by kind."""
    sites = {size: corpus(size, work) for size in sizes}
    rows: dict[int, dict[str, list[dict[str, float]]]] = {size: {} for size in sizes}
    for run in range(runs + 1):
        for size in sizes:
            results = run_round(size, sites[size], tandem, hugo, run)
            if run > 0:
                for key, result in results.items():
                    rows[size].setdefault(key, []).append(result)
    return [{"size": size, **rows[size]} for size in sizes]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tandem", default=str(HERE.parent / ".build" / "release" / "tandem"))
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--sizes", default="10000,30000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default="/tmp/tandem-bench", help="where the corpora are kept")
    parser.add_argument("--drop-dentries", action="store_true",
                        help="as root, drop the kernel's unused dentries and inodes first (see above)")
    arguments = parser.parse_args()
    if arguments.drop_dentries:
        subprocess.run(["sync"], check=False)
        Path("/proc/sys/vm/drop_caches").write_text("2\n")
    print(f"dentries in the kernel's cache: {dentry_count()}", file=sys.stderr)
    work = Path(arguments.work)
    work.mkdir(parents=True, exist_ok=True)
    tandem = str(Path(arguments.tandem).resolve())
    if shutil.which(arguments.hugo) is None:
        sys.exit("hugo is not installed (apt-get install -y hugo)")
    hugo_version = subprocess.run([arguments.hugo, "version"], capture_output=True, text=True).stdout.split()[1]

    sizes = list(dict.fromkeys(int(size) for size in arguments.sizes.split(",")))  # each size once, in the order given
    rows = bench(sizes, tandem, arguments.hugo, arguments.runs, work)

    cores = os.cpu_count()
    print(f"\ndentries in the kernel's cache at the end: {dentry_count()}")
    print(f"\n{time.strftime('%Y-%m-%d')}, {platform.machine()}, {cores} cores, "
          f"output on tmpfs, medians of {arguments.runs} rounds (sizes and tools alternating), Hugo {hugo_version}\n")
    print("| pages | tool | wall s | CPU s | peak MB | wall vs Hugo | memory vs Hugo |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for row in rows:
        tandem_runs, hugo_runs = row["tandem"], row["hugo"]
        for name, runs in (("Tandem", tandem_runs), ("Hugo", hugo_runs)):
            wall_ratio = median(runs, "wall") / median(hugo_runs, "wall")
            memory_ratio = median(runs, "mb") / median(hugo_runs, "mb")
            print(f"| {row['size']:,} | {name} | {median(runs, 'wall'):.2f} | {median(runs, 'cpu'):.2f} | "
                  f"{median(runs, 'mb'):.0f} | {wall_ratio:.2f} | {memory_ratio:.3f} |")
    print("\nTandem with what earlier runs kept (`.tandem-cache/sources`), against its full build with nothing kept:\n")
    print("| pages | full build | vs nothing kept | one page changed, rebuilt | vs nothing kept | `tandem check` | vs nothing kept |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        full = median(row["tandem"], "wall")
        kept, rebuild, check = (median(row[key], "wall") for key in ("kept", "rebuild", "check"))
        print(f"| {row['size']:,} | {kept:.2f} s | {kept / full:.2f} | {rebuild:.2f} s | {rebuild / full:.2f} | "
              f"{check:.2f} s | {check / full:.2f} |")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = median(last["tandem"], "wall") / median(first["tandem"], "wall")
        hugo_growth = median(last["hugo"], "wall") / median(first["hugo"], "wall")
        print(f"\n{last['size']:,} pages take {growth:.2f}× the time of {first['size']:,} with Tandem, "
              f"{hugo_growth:.2f}× with Hugo ({last['size'] / first['size']:.0f}× the pages).")


if __name__ == "__main__":
    main()
