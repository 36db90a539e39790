#!/usr/bin/env bash
# Issue #14: Junction against the raw Vert.x client and two peers (PeerComparisonBenchmark).
#
#   bench/run.sh           full run (about 20 minutes after the build): PeerComparisonBenchmark at
#                          concurrency 1 pinned to one CPU (taskset -c 0, 10 warm-up iterations) and
#                          at concurrency 64, throughput and sample time, each -f 2 -wi 3 -w 2s -i 5
#                          -r 2s; then
#                          StreamThroughputBenchmark (SSE parts/s, one stream and 256) and
#                          InlineImageRequestBenchmark (bytes per 20 MiB image, both ways); prints
#                          the tables and rewrites the generated block of docs/benchmarks.md (tables,
#                          machine, JDK, commands, date)
#   bench/run.sh --quick   concurrency 64 only, -f 1 -wi 2 -w 1s -i 3 -r 1s (under 3 minutes);
#                          prints the table, writes nothing
#
# Every run adds -prof gc (allocation per call) and dev.junction.bench.ShareProfiler (CPU time per
# call, and the loopback stub's share of CPU and allocation, so the client's own share is known).
# The last three lines printed are each arm's per-call cost at concurrency 64 (1e6 / throughput in
# ops/s) over the raw client's, from the same run. JMH's own output goes to
# bench/target/peer-comparison/t<threads>.log.
set -euo pipefail

quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "usage: bench/run.sh [--quick]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="bench/target/peer-comparison"

./mvnw -B -q -pl bench -am package -Dmaven.test.skip=true
mkdir -p "$out"
rm -f "$out"/*.json "$out"/*.log

profilers=(-prof gc -prof dev.junction.bench.ShareProfiler)
if $quick; then
  runs=(64)
  opts=(-f 1 -wi 2 -w 1s -i 3 -r 1s -bm thrpt,sample)
else
  runs=(1 64)
  opts=(-f 2 -wi 3 -w 2s -i 5 -r 2s -bm thrpt,sample)
fi

results=()
commands=()
for t in "${runs[@]}"; do
  pin=()
  # Concurrency 1 runs on one CPU, so that every thread hop is a real context switch on both arms alike.
  if [[ "$t" == 1 ]] && command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c 0)
  fi
  run_opts=("${opts[@]}")
  if [[ "${#pin[@]}" -gt 0 ]] && ! $quick; then
    # Pinned, the JIT compiles on the same CPU as the benchmark: 3 x 2 s left Junction's larger code
    # path still compiling through the measurement (its throughput rose 4x from the first to the
    # last iteration), so the pinned run warms up for 20 s.
    run_opts=(-f 2 -wi 10 -w 2s -i 5 -r 2s -bm thrpt,sample)
  fi
  command=("${pin[@]}" java -jar bench/target/junction-bench.jar "${run_opts[@]}" -t "$t" -foe true "${profilers[@]}"
    -rf json -rff "$out/t$t.json" 'PeerComparisonBenchmark')
  echo "running PeerComparisonBenchmark at concurrency $t (JMH log: $out/t$t.log)"
  # -foe: a failed setup check (wrong reply, different request) fails the run instead of a missing row.
  "${command[@]}" > "$out/t$t.log" 2>&1 || { tail -40 "$out/t$t.log" >&2; exit 1; }
  results+=("$out/t$t.json")
  commands+=("${command[*]}")
done

if ! $quick; then
  # The other #14 figures: streamed parts per second through the whole stack, and the heap a 20 MiB
  # image costs on the way out and back. Their own JMH logs are beside the others.
  extra=(
    "streams|-f 1 -wi 5 -w 2s -i 5 -r 2s ${profilers[*]}|StreamThroughputBenchmark"
    "image|-f 1 -wi 2 -i 3 -prof gc|InlineImageRequestBenchmark"
  )
  for entry in "${extra[@]}"; do
    IFS='|' read -r name options pattern <<< "$entry"
    command=(java -jar bench/target/junction-bench.jar $options -foe true -rf json -rff "$out/$name.json" "$pattern")
    echo "running $pattern (JMH log: $out/$name.log)"
    "${command[@]}" > "$out/$name.log" 2>&1 || { tail -40 "$out/$name.log" >&2; exit 1; }
    results+=("$out/$name.json")
    commands+=("${command[*]}")
  done
fi

if $quick; then
  python3 bench/report.py print "${results[@]}"
else
  printf '%s\n' "${commands[@]}" > "$out/commands.txt"
  python3 bench/report.py write docs/benchmarks.md "$out/commands.txt" "${results[@]}"
fi
