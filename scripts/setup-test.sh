#!/usr/bin/env bash
# Installs what the browser tests need on top of scripts/setup.sh: Debian's Chromium.
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
