#!/usr/bin/env bash
# Images: Tandem against Hugo on camera-size photos, a first build (empty
# caches) and a cached build (nothing changed), each timed with /usr/bin/time.
#
#   scripts/bench-images.sh [PHOTOS] [PAGES]      default: 1000 photos, 2000 pages
#
# The corpus is ../shared/bench/gen_corpus.py's with --photos (camera-size
# JPEGs with EXIF and a GPS position; needs Pillow: PYTHON=/path/to/python).
# Hugo (Debian 12: apt-get install -y hugo, 0.111) gets a render-image hook
# that makes what Tandem makes of each photo: the widths 480, 960 and 1600
# below the photo's own in JPEG and in WebP, the photo at its own size
# re-encoded (Hugo drops metadata too), and a WebP at its own size when it is
# no wider than 1600 (Hugo 0.111 writes no AVIF). Tandem runs twice: with
# `images: {avif: false}`, the same files as Hugo, and with AVIF beside them
# (the default). Both read the same content/. Uses .build/release/tandem
# (or TANDEM_BIN); BENCH_DIR (default /tmp/tandem-bench-images) holds it all;
# CORPUS names an existing corpus folder to use instead of generating one;
# RUNS picks among "webp avif hugo" (default: all three); HUGO_LIMIT (in
# seconds, default none) stops Hugo's first build and counts what it made.
# CPU is user + system time. Hugo's own time limit per page (its `timeout`,
# HUGO_TIMEOUT in its environment) is raised to an hour: on a loaded machine a
# page's images can take longer than its default.
set -euo pipefail

photos=${1:-1000}
pages=${2:-2000}
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=${BENCH_DIR:-/tmp/tandem-bench-images}
python=${PYTHON:-python3}
tandem=${TANDEM_BIN:-$repo/.build/release/tandem}
corpus=${CORPUS:-$work/corpus-$pages-$photos}
runs=${RUNS:-webp avif hugo}

command -v hugo >/dev/null || { echo "hugo is missing: apt-get install -y hugo" >&2; exit 2; }
[ -x "$tandem" ] || (cd "$repo" && swift build -c release)
mkdir -p "$work"
if [ ! -d "$corpus/content" ]; then
    "$python" "$repo/../shared/bench/gen_corpus.py" --pages "$pages" --photos "$photos" --out "$corpus"
fi

cat > "$corpus/hugo/layouts/_default/_markup/render-image.html" <<'HOOK'
{{- $img := resources.Get (strings.TrimPrefix "/" .Destination) -}}
{{- if and $img (gt $img.Width 1) -}}
{{- $own := $img.Resize (printf "%dx" $img.Width) -}}
{{- $srcset := slice -}}{{- $webp := slice -}}
{{- range slice 480 960 1600 -}}{{- if lt . $img.Width -}}
{{- $r := $img.Resize (printf "%dx" .) -}}{{- $w := $img.Resize (printf "%dx webp" .) -}}
{{- $srcset = $srcset | append (printf "%s %dw" $r.RelPermalink .) -}}
{{- $webp = $webp | append (printf "%s %dw" $w.RelPermalink .) -}}
{{- end -}}{{- end -}}
{{- if le $img.Width 1600 -}}{{- $w := $img.Resize (printf "%dx webp" $img.Width) -}}{{- $webp = $webp | append (printf "%s %dw" $w.RelPermalink $img.Width) -}}{{- end -}}
{{- $srcset = $srcset | append (printf "%s %dw" $own.RelPermalink $img.Width) -}}
<picture><source type="image/webp" srcset="{{ delimit $webp ", " }}"><img src="{{ $own.RelPermalink }}" srcset="{{ delimit $srcset ", " }}" width="{{ $img.Width }}" height="{{ $img.Height }}" alt="{{ .PlainText }}" loading="lazy" decoding="async"></picture>
{{- else -}}
<img src="{{ .Destination | safeURL }}" alt="{{ .PlainText }}">
{{- end -}}
HOOK

referenced=$(grep -rhoE '\(/images/[^)]+\.jpg\)' "$corpus/content" | sort -u | wc -l)
real=$(find "$corpus/content/images" -name '*.jpg' -size +10k | wc -l)
echo "corpus: $pages pages, $real camera-size photos among $(ls "$corpus/content/images" | wc -l) images, $referenced images shown by pages"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d), $("$tandem" --version 2>/dev/null || echo tandem), $(hugo version | cut -d' ' -f2)"

run() { # label, command...
    local label=$1; shift
    /usr/bin/time -f "$label: %e s wall, %U s user + %S s system CPU, %M KB max RSS" "$@" >/dev/null 2>"$work/time.log" \
        || { cat "$work/time.log" >&2; return 1; }
    tail -1 "$work/time.log"
}

tandem_runs() { # avif setting (true or false)
    local label="tandem, avif: $1"
    echo "images: {avif: $1}" > "$corpus/tandem.yaml"
    rm -rf "$corpus/.tandem-cache" "$work/tandem-out"
    run "$label, first build (empty .tandem-cache)" "$tandem" build --root "$corpus" --output "$work/tandem-out" --quiet
    run "$label, cached build" "$tandem" build --root "$corpus" --output "$work/tandem-out" --quiet
    echo "  tandem published $(find "$work/tandem-out/images" -type f | wc -l) image files, $(du -sh "$work/tandem-out/images" | cut -f1)"
    rm -f "$corpus/tandem.yaml"
}

for what in $runs; do
    case $what in
    webp) tandem_runs false ;;
    avif) tandem_runs true ;;
    hugo)
        (
        cd "$corpus/hugo"
        export HUGO_TIMEOUT=3600000
        rm -rf resources public
        if [ -n "${HUGO_LIMIT:-}" ]; then
            status=0
            run "hugo, first build (empty resources/)" timeout "$HUGO_LIMIT" hugo --quiet --minify=false -d public || status=$?
            if [ "$status" -ne 0 ]; then
                grep -q "status 124" "$work/time.log" || exit 1
                echo "hugo, first build: stopped after $HUGO_LIMIT s with $(find resources -type f \( -name '*.jpg' -o -name '*.webp' \) | wc -l) image files made"
                exit 0
            fi
        else
            run "hugo, first build (empty resources/)" hugo --quiet --minify=false -d public
        fi
        rm -rf public
        run "hugo, cached build" hugo --quiet --minify=false -d public
        echo "  hugo published $(find public -path '*images*' -type f | wc -l) image files (processed and copied)"
        )
        ;;
    *) echo "unknown run '$what': write RUNS with webp, avif, hugo" >&2; exit 2 ;;
    esac
done
