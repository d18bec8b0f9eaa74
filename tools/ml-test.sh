#!/usr/bin/env bash
# The Python half of `npm test`: lint, format check and pytest for ml/ (incl. a tiny CPU training run).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/ml-env.sh
cd ml
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest
