#!/usr/bin/env bash
# The gateway's added latency (GatewayOverheadBenchmark): direct (client -> stub), portkey
# (client -> @portkey-ai/gateway 1.15.2 -> stub) and junction (client -> Junction's gateway -> stub),
# at concurrency 1 and 64, in sample mode; prints per arm p50/p90/p99, the latency added over direct
# in the same run, and the junction/portkey ratios (bench/gateway_report.py); also CPU time per call
# (ProxyCpuProfiler: this JVM's, plus the Portkey process's), which a busy machine distorts less.
#
#   bench/gateway-run.sh              full: 3 rounds (ROUNDS=n to change) of -f 1 -wi 5 -w 2s -i 5 -r 2s
#                                     per arm and concurrency (about 8 minutes after the build with
#                                     all three arms)
#   bench/gateway-run.sh --quick      1 round of -f 1 -wi 2 -w 2s -i 3 -r 2s (about 2 minutes)
#   bench/gateway-run.sh --no-build   either of the above, with the jar already built
#
# Installs Portkey into bench/target/portkey when it is missing (npm, Node 20), builds the bench jar
# (./mvnw -B -q -pl bench -am package -Dmaven.test.skip=true; BENCH_MVN_FLAGS adds flags, e.g. -o),
# and runs JMH with -Djmh.ignoreLock=true (other benchmarks may be running on the machine).
# All three arms run; ARMS='direct|portkey' (a JMH regex alternation) runs fewer.
# THINK_MICROS=N (default 0, a closed loop) makes each client thread wait a random time of mean
# N µs (exponential) before each call, unmeasured, so that concurrency 64 does not saturate the
# machine; several values, comma-separated, run as JMH parameters in the same invocation.
# JMH's logs and JSON go to bench/target/gateway-overhead/.
set -euo pipefail

quick=false
build=true
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    *) echo "usage: bench/gateway-run.sh [--quick] [--no-build]" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="bench/target/gateway-overhead"
portkey_version="1.15.2"
portkey_home="bench/target/portkey"
portkey_pkg="$portkey_home/node_modules/@portkey-ai/gateway/package.json"

command -v node >/dev/null || { echo "Node.js is needed for the portkey arm (node 20 on the PATH)" >&2; exit 1; }
installed="$(node -p "require('./$portkey_pkg').version" 2>/dev/null || true)"
if [[ "$installed" != "$portkey_version" ]] || ! cmp -s bench/portkey/package-lock.json "$portkey_home/package-lock.json"; then
  # bench/portkey holds the package.json and lock file (Portkey and its dependencies, pinned), so that
  # every run measures the same code; npm ci installs exactly those. Equivalent to, with floating
  # dependencies: npm install --prefix bench/target/portkey @portkey-ai/gateway@1.15.2
  echo "installing @portkey-ai/gateway@$portkey_version into $portkey_home (npm ci, bench/portkey/package-lock.json)"
  rm -rf "$portkey_home"
  mkdir -p "$portkey_home"
  cp bench/portkey/package.json bench/portkey/package-lock.json "$portkey_home/"
  # --ignore-scripts: its only script is a patch-package postinstall, with no patches in the package.
  npm ci --prefix "$portkey_home" --ignore-scripts --no-audit --no-fund >/dev/null
fi

if $build; then
  # shellcheck disable=SC2086
  ./mvnw -B -q ${BENCH_MVN_FLAGS:-} -pl bench -am package -Dmaven.test.skip=true
fi
jar="bench/target/junction-bench.jar"

arms="${ARMS:-direct|portkey|junction}"

if $quick; then
  opts=(-f 1 -wi 2 -w 2s -i 3 -r 2s)
  rounds="${ROUNDS:-1}"
else
  opts=(-f 1 -wi 5 -w 2s -i 5 -r 2s)
  rounds="${ROUNDS:-3}"
fi

mkdir -p "$out"
rm -f "$out"/t*.json "$out"/t*.log
results=()
# A round is one JMH invocation: every arm, one after another (JMH's order), each in its own fork.
# Rounds alternate the concurrencies, so a change in the machine's load spreads over both, and the
# report takes medians over rounds of the per-round differences.
for round in $(seq 1 "$rounds"); do
  for t in 1 64; do
    name="t$t-r$round"
    command=(java -Djmh.ignoreLock=true -jar "$jar" -bm sample -tu us "${opts[@]}" -t "$t" -foe true
      -prof dev.junction.bench.ProxyCpuProfiler -p thinkMicros="${THINK_MICROS:-0}"
      -rf json -rff "$out/$name.json" "GatewayOverheadBenchmark\.($arms)\$")
    echo "round $round/$rounds: GatewayOverheadBenchmark ($arms) at concurrency $t, load average" \
      "$(cut -d' ' -f1-3 /proc/loadavg) (JMH log: $out/$name.log)"
    echo "  ${command[*]}"
    # -foe: a failed setup check (wrong reply, different request, Portkey not answering) fails the run.
    "${command[@]}" > "$out/$name.log" 2>&1 || { tail -40 "$out/$name.log" >&2; exit 1; }
    results+=("$out/$name.json")
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); machine: $(nproc) CPUs"
echo
python3 bench/gateway_report.py "${results[@]}"
