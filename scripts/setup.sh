#!/usr/bin/env bash
# Installs what building the course needs, skipping whatever is already there at the right version:
# the wasm target, Trunk, the wasm-bindgen CLI that equals the crate in Cargo.lock, and the npm tools
# (wasm-opt from binaryen; Playwright for the tests; Lighthouse for the benchmark). Nothing is
# downloaded from outside the registries.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing Trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $BINDGEN_VERSION (about 4 minutes, once)"
  # Not --locked: that lock file wants a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

if ! command -v npm >/dev/null; then
  say "Installing Node.js and npm from Debian"
  apt-get -o DPkg::Lock::Timeout=600 update -qq && apt-get -o DPkg::Lock::Timeout=600 install -y -qq nodejs npm
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -f node_modules/lighthouse/package.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm tools (binaryen's wasm-opt, Playwright, axe-core, Lighthouse for make bench)"
  npm ci --no-audit --no-fund --loglevel=error
fi
