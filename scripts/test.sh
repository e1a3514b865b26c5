#!/usr/bin/env bash
# Set everything up, then run the whole suite: lint, format, import contracts, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export QT_QPA_PLATFORM=offscreen

slow_pid=""
if [ "$#" -eq 0 ]; then
    # The whole suite: the PyInstaller build (tests marked slow: one test, ~1.5 min on one
    # core) runs beside the checks and the other tests, which leave the second core idle
    # while they wait on their subprocesses. Its output follows theirs.
    slow_log="$(mktemp)"
    .venv/bin/python -m pytest -p no:cacheprovider -m slow >"$slow_log" 2>&1 &
    slow_pid=$!
    trap 'kill "$slow_pid" 2>/dev/null || true; rm -f "$slow_log"' EXIT
    # The rest on both cores (pytest-xdist): most tests wait on a subprocess, a server or a
    # browser, so one process leaves a core idle (820 s in one process, 470 s in two, here).
    set -- -m "not slow" -n 2
fi

echo "== ruff check";   .venv/bin/ruff check .
echo "== ruff format";  .venv/bin/ruff format --check .
echo "== import contracts"; .venv/bin/lint-imports
echo "== mypy (strict on survey, gnss, sync, basemap)"; .venv/bin/mypy
echo "== pytest $*"
rc=0
.venv/bin/python -m pytest "$@" || rc=$?
if [ -n "$slow_pid" ]; then
    slow_rc=0
    wait "$slow_pid" || slow_rc=$?
    echo "== pytest -m slow (ran beside the rest)"
    cat "$slow_log"
    [ "$rc" -ne 0 ] || rc=$slow_rc
fi
if [ -n "$slow_pid" ] && [ -z "${FIELDAPP_SKIP_WINDOWS:-}" ]; then
    # The whole suite goes on to Windows: the smoke check under Wine (scripts/windows-smoke.sh,
    # README "Windows smoke check"), after the rest so the two never share the two cores.
    echo "== windows smoke (scripts/windows-smoke.sh)"
    win_rc=0
    ./scripts/windows-smoke.sh || win_rc=$?
    [ "$rc" -ne 0 ] || rc=$win_rc
fi
exit "$rc"
