#!/usr/bin/env bash
# Installs everything klynge needs to build, run and test on Debian 12.
# Idempotent: packages already present are skipped; npm only when
# node_modules is missing or package-lock.json changed.
#   scripts/deps.sh         build, run and test
#   scripts/deps.sh bench   also wrk and nginx (the benchmark's reference;
#                           on a machine with systemd the package starts a
#                           system nginx, so only `make bench` asks for it)
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(
  build-essential pkg-config meson ninja-build
  clang libclang-rt-14-dev
  libmicrohttpd-dev libjansson-dev libsqlite3-dev sqlite3 libsodium-dev
  libcmocka-dev
  libcairo2-dev libpango1.0-dev libpoppler-glib-dev libcmark-dev
  libical-dev libcurl4-openssl-dev
  fonts-liberation2
  chromium
  curl
  poppler-utils fonts-dejavu-core
)
[ "${1:-}" = bench ] && pkgs+=(wrk nginx-light)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js: the machine image may ship its own (with npm); Debian's npm
# conflicts with it, so only install Debian's when there is none.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Test tooling from npm (never needed to run klynge itself).
if [ -f package.json ]; then
  stamp=node_modules/.klynge-lock
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi
    cp package-lock.json "$stamp" 2>/dev/null || true
  fi
fi
