#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine: system packages (Node.js, chrony for the
# NTP tests, graphviz for `inspect dependencies`) and the npm workspace. Idempotent and quiet when done.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
command -v node >/dev/null 2>&1 || need_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || need_pkgs+=(npm)
[ -x /usr/sbin/chronyd ] || need_pkgs+=(chrony)
command -v dot >/dev/null 2>&1 || need_pkgs+=(graphviz)
command -v ip >/dev/null 2>&1 || need_pkgs+=(iproute2)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages ${need_pkgs[*]}; run as root or install them" >&2
    exit 1
  fi
  echo "setup: installing ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
  # chrony's package starts a system daemon; we run our own on loopback in tests.
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now chrony >/dev/null 2>&1 || true; fi
fi

# npm packages when node_modules is missing or older than the lock file. `npm install` (not `npm ci`):
# npm 11 writes lock files without the other platforms' optional packages, which `npm ci` then refuses.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm install --no-audit --no-fund --loglevel=error
fi
