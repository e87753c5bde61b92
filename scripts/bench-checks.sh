#!/usr/bin/env bash
# What the content checks (terminology, cooperation policy, accessibility)
# add to a full build: this commit is built twice, as it is and with the
# checks cut out of the pipeline (a patch applied in a temporary worktree,
# never committed: Tandem has no switch to skip them), and full builds of a
# corpus alternate between the two, each into an empty folder on tmpfs.
#
#     bash scripts/bench-checks.sh [CORPUS] [RUNS]
#
# CORPUS defaults to the 10k corpus scripts/bench.py generates
# (/tmp/tandem-bench/corpus10000); RUNS to 5. Prints the medians of wall and
# CPU time and what the checks add. Needs GNU time (/usr/bin/time).
set -euo pipefail
corpus=${1:-/tmp/tandem-bench/corpus10000}
runs=${2:-5}
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/without" >/dev/null 2>&1 || true; rm -rf "$work" /dev/shm/tandem-checks-*' EXIT

git -C "$root" worktree add --detach "$work/without" HEAD >/dev/null
python3 - "$work/without/Sources/TandemCore/Pipeline/SourceCache.swift" <<'PATCH'
import sys
path = sys.argv[1]
text = open(path).read()
checks = """            let prose = ProseExtractor.extract(page)
            page.anchors = prose.anchors
            return Parsed(stamp: stamp, page: page, diagnostics: diagnostics, lint: linter.check(page, prose: prose))"""
if checks not in text:
    sys.exit("bench-checks.sh: SourceCache.parse changed; update the patch in this script")
open(path, "w").write(text.replace(checks, """            _ = linter
            return Parsed(stamp: stamp, page: page, diagnostics: diagnostics, lint: [])"""))
PATCH

echo "building both variants (release)..." >&2
for folder in "$root" "$work/without"; do
  (cd "$folder" && swift build -c release >"$work/build.log" 2>&1) || { cat "$work/build.log" >&2; exit 1; }
done

for run in $(seq "$runs"); do
  for variant in with without; do
    binary="$root/.build/release/tandem"
    [ "$variant" = without ] && binary="$work/without/.build/release/tandem"
    rm -rf "/dev/shm/tandem-checks-$variant"
    /usr/bin/time -f "$variant %e %U %S" -a -o "$work/times" \
      "$binary" build --quiet --root "$corpus" --output "/dev/shm/tandem-checks-$variant" >/dev/null 2>&1 || true
  done
done

python3 - "$work/times" <<'SUMMARY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    variant, wall, user, system = line.split()
    times.setdefault(variant, []).append((float(wall), float(user) + float(system)))
wall = {v: statistics.median(t[0] for t in ts) for v, ts in times.items()}
cpu = {v: statistics.median(t[1] for t in ts) for v, ts in times.items()}
print(f"with the checks:    {wall['with']:.2f} s wall, {cpu['with']:.2f} CPU-s")
print(f"without the checks: {wall['without']:.2f} s wall, {cpu['without']:.2f} CPU-s")
print(f"the checks add {100 * (wall['with'] / wall['without'] - 1):.1f} % wall, "
      f"{100 * (cpu['with'] / cpu['without'] - 1):.1f} % CPU ({len(times['with'])} alternating runs)")
SUMMARY
