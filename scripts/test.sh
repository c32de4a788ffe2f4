#!/usr/bin/env bash
# The whole test run: set-up, static checks, unit tests, bundles, end-to-end tests on real process
# clusters. Ends with one line: `tests: N passed, M failed`. Exit code non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI="${CI:-}"

bash scripts/setup.sh || exit 1

out=$(mktemp -d)
# Whatever a crashed suite left behind: its process clusters and QEMU nodes live under talos-e2e-*
# temp homes; the containerd specs run containerd from ctrd-* temp folders (their afterAll stops it).
cleanup() {
  pkill -KILL -f 'talos-e2e-' 2>/dev/null || true
  pkill -KILL -f 'containerd --config .*/ctrd-' 2>/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT
status=0
step() {
  local name=$1; shift
  local started=$SECONDS
  echo "== $name"
  if ! "$@"; then
    echo "== $name: FAILED ($((SECONDS - started)) s)"
    status=1
  else
    echo "== $name: ok ($((SECONDS - started)) s)"
  fi
}

step "generated API is up to date" npx nx run api:check
step "generated containerd API is up to date" node libs/containerd/scripts/gen.mjs --check
step "typecheck" npx tsc -p tsconfig.json --noEmit
step "lint" npx eslint .
step "format" npx prettier --check --log-level warn .
step "unit tests" npx jest -c jest.config.js --json --outputFile="$out/unit.json"
step "bundles" npx nx run-many -t build --parallel=2
step "end-to-end tests" npx jest -c tests/e2e/jest.config.js --runInBand --json --outputFile="$out/e2e.json"

node scripts/summary.mjs "$out/unit.json" "$out/e2e.json" || status=1
[ $status -eq 0 ] || echo "some steps failed (see '== ... FAILED' above)"
exit $status
