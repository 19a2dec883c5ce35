#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh machine, then runs it.
# Used by the README's second command and by .ci/run.
#   bash tests/run.sh          the whole suite (real model, real flow, real browser)
#   bash tests/run.sh --fast   the inner loop: ruff and the tests that load no model and
#                              start no browser or flow (pure logic, adapters, HTTP console)
# Other arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
fast=0
if [ "${1:-}" = "--fast" ]; then fast=1; shift; fi
if [ $fast = 0 ] && { ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }; then
  # The browser tests drive Debian's Chromium (no browser download at test time); without
  # fonts-noto-cjk it draws every Chinese character as a box in the screenshots.
  pkgs="chromium fonts-noto-cjk"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $pkgs >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq $pkgs >/dev/null; fi
fi
# The locked, hash-checked set (pip-compile from pyproject.toml), then the project itself,
# with the venv's own pip: no upgrade first, so this sees what a newcomer's pip sees.
# --fast reinstalls only when the lock changed since the last install.
stamp=.venv/.test-lock.sha256
want=$(sha256sum requirements-test.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ $fast = 0 ] || [ ! -x .venv/bin/python ] || [ "$(cat $stamp 2>/dev/null)" != "$want" ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q --require-hashes -r requirements-test.lock
  .venv/bin/pip install -q --no-deps -e .
  echo "$want" > $stamp
fi
export HF_HUB_OFFLINE=1
.venv/bin/ruff check .
if [ $fast = 1 ]; then
  exec .venv/bin/python -m pytest -m "not e2e and not browser" "$@"
fi
exec .venv/bin/python -m pytest "$@"
