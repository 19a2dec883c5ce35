#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh machine, then runs it.
# Used by the README's second command and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  # The browser tests drive Debian's Chromium (no browser download at test time); without
  # fonts-noto-cjk it draws every Chinese character as a box in the screenshots.
  pkgs="chromium fonts-noto-cjk"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $pkgs >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq $pkgs >/dev/null; fi
fi
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
# The locked, hash-checked set (pip-compile from pyproject.toml), then the project itself.
.venv/bin/pip install -q --require-hashes -r requirements-test.lock
.venv/bin/pip install -q --no-deps -e .
export HF_HUB_OFFLINE=1
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
