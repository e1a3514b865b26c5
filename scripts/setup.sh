#!/usr/bin/env bash
# Set up fieldapp on Debian/Ubuntu: system libraries (when root), .venv, fieldapp + dev tools.
# Idempotent: a second run only checks and returns.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Qt's runtime libraries for the GUI (also offscreen), fonts, PDF tools,
# espeak-ng for spoken guidance in Bahasa Indonesia and sox to check the rendered speech.
# The xcb libraries are what Qt's X11 plugin needs for a real window (offscreen needs none).
# Chromium and chromium-driver: the office review pages are tested in a real browser.
# rtklib: RTKLIB's rnx2rtkp and convbin process static GNSS baselines (control survey) and
# convert raw receiver logs to RINEX; the PyInstaller build (build.spec) bundles them.
APT_PACKAGES=(python3-venv libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
              libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
              libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libpulse0
              fonts-dejavu-core poppler-utils binutils espeak-ng sox
              chromium chromium-driver
              rtklib)

pick_python() {
    for candidate in "${PYTHON:-}" python3 python3.13 python3.12 python3.11; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
           "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for pkg in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    pick_python >/dev/null || missing+=(python3 python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "setup: installing system packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        echo "setup: installing system packages with sudo: ${missing[*]}"
        sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "setup: these Debian packages are missing and I am not root: ${missing[*]}" >&2
        echo "setup: run  sudo apt-get install ${missing[*]}  then run this command again" >&2
        exit 1
    fi
fi

PY=$(pick_python) || { echo "setup: fieldapp needs Python 3.11 or newer (python3 is $(python3 --version 2>&1))" >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv with $PY"
    "$PY" -m venv .venv
fi

# Reinstall only when the declared dependencies changed.
stamp=.venv/.fieldapp-setup-stamp
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ ! -x .venv/bin/fieldapp ]; then
    echo "setup: installing fieldapp and its dependencies into .venv"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[dev]"
    echo "$want" > "$stamp"
fi
