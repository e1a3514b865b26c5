#!/usr/bin/env bash
# Set everything up, then run the whole suite: lint, format, import contracts, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff check";   .venv/bin/ruff check .
echo "== ruff format";  .venv/bin/ruff format --check .
echo "== import contracts"; .venv/bin/lint-imports
echo "== mypy (strict on survey, gnss, sync)"; .venv/bin/mypy
echo "== pytest";       .venv/bin/python -m pytest "$@"
