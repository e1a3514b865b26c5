#!/usr/bin/env bash
# Refresh the Qt translation files from the tr() strings in fieldapp/ui and the table in fill_id.py.
set -euo pipefail
cd "$(dirname "$0")/.."
T=resources/translations
.venv/bin/pyside6-lupdate fieldapp/ui/*.py -ts "$T/fieldapp_id.ts" "$T/fieldapp_en.ts" -no-obsolete
.venv/bin/python "$T/fill_id.py"
.venv/bin/pyside6-lrelease "$T/fieldapp_id.ts" "$T/fieldapp_en.ts"
