#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine: system packages (Node.js, chrony for the
# NTP tests, graphviz for `inspect dependencies`, the image tool chain: squashfs-tools, musl-tools for
# the static init (it drives gcc), kmod's depmod, cpio; containerd + runc for the containerd runner's
# tests, QEMU to boot the image, xfsprogs, e2fsprogs, dosfstools, losetup, fdisk (sfdisk checks our
# GPT) and dnsmasq for the udevd/networkd/machined tests) and the npm workspace. Idempotent and quiet when done.
set -euo pipefail
cd "$(dirname "$0")/.."

# command (or absolute path) : the Debian package that provides it
requirements=(
  node:nodejs
  npm:npm
  /usr/sbin/chronyd:chrony
  dot:graphviz
  ip:iproute2
  mksquashfs:squashfs-tools
  unsquashfs:squashfs-tools
  musl-gcc:musl-tools
  gcc:gcc
  depmod:kmod
  cpio:cpio
  zstd:zstd
  containerd:containerd
  runc:runc
  qemu-system-x86_64:qemu-system-x86
  mkfs.xfs:xfsprogs
  dnsmasq:dnsmasq-base
  unshare:util-linux
  losetup:mount
  mkfs.ext4:e2fsprogs
  mkfs.vfat:dosfstools
  sfdisk:fdisk
  blkid:util-linux
)
need_pkgs=()
for req in "${requirements[@]}"; do
  cmd=${req%%:*} pkg=${req#*:}
  if ! command -v "$cmd" >/dev/null 2>&1 && [ ! -x "$cmd" ]; then
    [[ " ${need_pkgs[*]} " == *" $pkg "* ]] || need_pkgs+=("$pkg")
  fi
done
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
  # So does containerd's: ours are started by the tests and by machined.
  if command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now chrony containerd >/dev/null 2>&1 || true
  fi
fi

# npm packages when node_modules is missing or older than the lock file. `npm install` (not `npm ci`):
# npm 11 writes lock files without the other platforms' optional packages, which `npm ci` then refuses.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm install --no-audit --no-fund --loglevel=error
fi
