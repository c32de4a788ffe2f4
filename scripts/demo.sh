#!/usr/bin/env bash
# The main job: set up, build every daemon, talosctl and the node image (kernel, initramfs,
# signed rootfs.sqsh), verify the image, boot it as one node under QEMU (machined as PID 1, the
# daemons as containers in containerd's `system` namespace) and talk to it through apid.
#   bash scripts/demo.sh            the image in QEMU (takes a few minutes under emulation)
#   bash scripts/demo.sh --process  a 3-node process cluster on 127.0.0.2-4 instead (seconds)
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

bash scripts/setup.sh
npx nx run-many -t build --parallel=2 >/dev/null

talosctl() { node dist/tools/talosctl/main.js "$@"; }
name=${CLUSTER_NAME:-demo}

if [ "${1:-}" = "--process" ]; then
  talosctl cluster destroy --name "$name" >/dev/null 2>&1 || true
  talosctl cluster create --provisioner process --name "$name" --controlplanes 1 --workers 2
  talosctl cluster show --name "$name"
  nodes=127.0.0.2,127.0.0.3,127.0.0.4
  set -x
  talosctl -n "$nodes" version
  talosctl -n "$nodes" services
  talosctl -n "$nodes" memory
  talosctl -n 127.0.0.3 interfaces
  talosctl -n 127.0.0.2 logs routerd --tail 5
  set +x
  cat <<MSG

The cluster '$name' is running. Talk to it with:
  node dist/tools/talosctl/main.js -n $nodes version
  node dist/tools/talosctl/main.js -n 127.0.0.3 logs -f timed
Stop it with:
  node dist/tools/talosctl/main.js cluster destroy --name $name
MSG
  exit 0
fi

node dist/image/cli/main.js verify
talosctl cluster destroy --provisioner qemu --name "$name" >/dev/null 2>&1 || true
talosctl cluster create --provisioner qemu --name "$name" --controlplanes 1 --workers 0
set -x
talosctl version
talosctl services
talosctl containers
talosctl memory
talosctl processes | head -12
talosctl logs apid --tail 3
talosctl get rd
set +x
cat <<MSG

The node '$name' runs under QEMU (console: ~/.talos/clusters/$name/$name-master-1.console.log).
Talk to it with:
  node dist/tools/talosctl/main.js services
  node dist/tools/talosctl/main.js logs -f machined
  node dist/tools/talosctl/main.js reboot        # comes back with a new boot id
  node dist/tools/talosctl/main.js shutdown      # QEMU exits
Remove it with:
  node dist/tools/talosctl/main.js cluster destroy --provisioner qemu --name $name
MSG
