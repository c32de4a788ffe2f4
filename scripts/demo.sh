#!/usr/bin/env bash
# The main job: set up, build every daemon and talosctl, start a 3-node `process` cluster (each node a
# folder of daemon processes on 127.0.0.2-4, machined supervising the rest), and talk to it.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

bash scripts/setup.sh
npx nx run-many -t build --parallel=2 >/dev/null

talosctl() { node dist/tools/talosctl/main.js "$@"; }
name=${CLUSTER_NAME:-demo}

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
