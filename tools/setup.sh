#!/usr/bin/env bash
# Installs what building and testing cppy needs on Debian 12: the toolchain and libraries from
# Debian's packages, and the pinned npm packages of tools/oracle (the reference CPython and the
# standard library). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

packages=(cmake ninja-build g++ clang ccache python3 git
          googletest libgtest-dev libgmock-dev libbenchmark-dev
          zlib1g-dev libssl-dev libffi-dev libexpat1-dev libsqlite3-dev libreadline-dev
          libbz2-dev liblzma-dev libzstd-dev)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f tools/oracle/node_modules/pyodide/python_stdlib.zip ]; then
  (cd tools/oracle && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: prerequisites installed"
