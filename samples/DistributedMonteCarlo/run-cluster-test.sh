#!/usr/bin/env bash
# On-demand cluster test (not part of CI, which only builds the sample): runs the keyed Monte Carlo price on 1 and 3
# local Orleans nodes (separate processes on 127.0.0.1, free ports) and asserts that the result has the same bits as
# the single-process run; then shows the System.Random variant on 1 and 3 nodes, whose results differ.
#   bash samples/DistributedMonteCarlo/run-cluster-test.sh
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

logs="$(mktemp -d)"
runner=""
passed=0
failed=0

# Each run is a process group of its own (setsid): the launcher and the node processes it starts. On exit,
# interrupt or failure, whatever is left of the current group is stopped, politely first.
stop_runner() {
  if [ -n "$runner" ] && kill -0 -- "-$runner" 2>/dev/null; then
    kill -TERM -- "-$runner" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 -- "-$runner" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$runner" 2>/dev/null || true
  fi
  runner=""
}
trap stop_runner EXIT
trap 'exit 130' INT TERM

check() { # description, then a command that succeeds when the check holds
  local what="$1"; shift
  if "$@"; then echo "ok: $what"; passed=$((passed + 1)); else echo "FAILED: $what"; failed=$((failed + 1)); fi
}

started=$SECONDS
echo "== build (Release)"
dotnet build -c Release --nologo -v quiet -clp:ErrorsOnly
exe=bin/Release/net10.0/DistributedMonteCarlo
echo "build: $((SECONDS - started)) s"

cluster_run() { # name, then the options of `run`
  local name="$1"; shift
  echo
  echo "== $name: DistributedMonteCarlo run $*"
  local began=$SECONDS
  setsid "$exe" run "$@" >"$logs/$name.out" 2>"$logs/$name.err" &
  runner=$!
  local rc=0
  wait "$runner" || rc=$?
  runner=""
  cat "$logs/$name.out"
  echo "wall clock: $((SECONDS - began)) s (node logs: $logs/$name.err)"
  if [ "$rc" -ne 0 ]; then
    tail -n 40 "$logs/$name.err"
    echo "FAILED: $name exited with $rc"
    failed=$((failed + 1))
  fi
}

field() { # name, line prefix: the rest of that line of the run's output
  sed -n "s/^$2: *//p" "$logs/$1.out"
}

nodes_used() { # name: how many nodes ran at least one item
  sed -n '/^items per node:/,/^finish order:/p' "$logs/$1.out" | grep -c '^  127\.0\.0\.1:' || true
}

cluster_run keyed-1-node --nodes 1
cluster_run keyed-3-nodes --nodes 3
cluster_run keyed-3-nodes-5-grains --nodes 3 --grains 5
cluster_run seeded-random-1-node --nodes 1 --generator seeded-random
cluster_run seeded-random-3-nodes --nodes 3 --generator seeded-random

echo
echo "== checks"
reference="$(field keyed-1-node 'single-process bits')"
check "the single-process run gave a result ($reference)" test -n "$reference"
check "1 node: same bits as the single process" test "$(field keyed-1-node 'cluster bits')" = "$reference"
check "3 nodes: same bits as the single process" test "$(field keyed-3-nodes 'cluster bits')" = "$reference"
check "3 nodes, 5 grains: same bits as the single process" test "$(field keyed-3-nodes-5-grains 'cluster bits')" = "$reference"
check "3 nodes: the items ran on all 3 node processes" test "$(nodes_used keyed-3-nodes)" -eq 3
check "System.Random: 1 node and 3 nodes give different results" \
  test "$(field seeded-random-1-node 'cluster bits')" != "$(field seeded-random-3-nodes 'cluster bits')"

echo
echo "keyed, 1 node:            $(field keyed-1-node 'cluster bits')"
echo "keyed, 3 nodes:           $(field keyed-3-nodes 'cluster bits')"
echo "keyed, 3 nodes, 5 grains: $(field keyed-3-nodes-5-grains 'cluster bits')"
echo "System.Random, 1 node:    $(field seeded-random-1-node 'cluster bits')"
echo "System.Random, 3 nodes:   $(field seeded-random-3-nodes 'cluster bits')"
echo "total: $((SECONDS - started)) s"
echo "cluster test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
