#!/usr/bin/env bash
# Installs what the browser tests need on top of scripts/setup.sh: Debian's Chromium, and
# Python's icalendar for one test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ ! -x /usr/bin/chromium ]; then
  printf '\033[1m==> %s\033[0m\n' "Installing Debian's Chromium (about a minute)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  # Wait for another install holding the package manager's lock, instead of failing at once.
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium chromium-driver
fi
# A real iCalendar parser (Python's icalendar) for the test of the study plan's .ics file
# (tests/e2e/goal.spec.mjs), in a virtual environment of its own, from the Python registry.
if ! tests/.venv/bin/python -c 'import icalendar' 2>/dev/null; then
  printf '\033[1m==> %s\033[0m\n' "Installing the iCalendar parser for the tests"
  python3 -m venv tests/.venv || { apt-get -o DPkg::Lock::Timeout=600 install -y -qq python3-venv && python3 -m venv tests/.venv; }
  tests/.venv/bin/pip install --quiet "icalendar==6.3.1"
fi
