#!/usr/bin/env bash
# Third-party validation of the built sample site (see README.md here).
#
#   bash Tests/site/run.sh [PYTEST ARGS...]   install what is missing, run the suite
#   bash Tests/site/run.sh --setup            install what is missing, run nothing
#
# On Debian 12 as root it installs Chromium, its driver, a Java runtime and
# python3-venv with apt-get; the Python packages go into Tests/site/.venv.
# Uses TANDEM_BIN if set, else .build/debug/tandem (build it first).
# Exits with pytest's status.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"

log() { printf '==> %s\n' "$*" >&2; }

install_system_packages() {
    local wanted=(chromium chromium-driver fonts-dejavu-core ca-certificates libimage-exiftool-perl)
    if ! command -v java >/dev/null 2>&1; then
        wanted+=(default-jre-headless) # OpenJDK 17 on Debian 12
    fi
    if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
        wanted+=(python3 python3-venv)
    fi
    local missing=()
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        log "missing Debian packages: ${missing[*]} (run as root on Debian to install them); trying without"
        return
    fi
    log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # Java's package scripts need this folder, which slim images leave out.
    mkdir -p /usr/share/man/man1
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_python_packages() {
    if [ ! -x "$venv/bin/python" ]; then
        log "python3 -m venv $venv"
        python3 -m venv "$venv"
    fi
    local stamp="$venv/.installed-requirements"
    if [ -f "$stamp" ] && cmp -s "$stamp" "$here/requirements.txt"; then
        return
    fi
    log "pip install -r requirements.txt (into $venv)"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"
    # On Python 3.11, pip would pick axe-selenium-python 2.x (axe-core 3.1);
    # 3.0.0 bundles axe-core 4.10 and needs nothing beyond selenium.
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --ignore-requires-python \
        axe-selenium-python==3.0.0
    cp "$here/requirements.txt" "$stamp"
}

install_system_packages
install_python_packages

if [ "${1:-}" = "--setup" ]; then
    exit 0
fi

export TANDEM_BIN="${TANDEM_BIN:-$repo/.build/debug/tandem}"
if [ ! -x "$TANDEM_BIN" ]; then
    log "no tandem binary at $TANDEM_BIN: run 'swift build' first, or set TANDEM_BIN"
    exit 2
fi

cd "$here"
status=0
"$venv/bin/python" -m pytest "$@" || status=$?
exit "$status"
