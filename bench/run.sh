#!/usr/bin/env bash
# Issue #14: Junction against the raw Vert.x client and two peers (PeerComparisonBenchmark).
#
#   bench/run.sh           full run: concurrency 1 and 64, throughput and sample time,
#                          -f 2 -wi 3 -w 2s -i 5 -r 2s (about 11 minutes after the build)
#   bench/run.sh --quick   concurrency 64 only, -f 1 -wi 2 -w 1s -i 3 -r 1s (under 3 minutes)
#
# Builds the bench jar, runs JMH with -rf json, prints a table and, last, each arm's per-call cost
# at concurrency 64 (1e6 / throughput in ops/s) over the raw client's. JMH's own output goes to a
# log file under bench/target/peer-comparison/.
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

if $quick; then
  runs=(64)
  opts=(-f 1 -wi 2 -w 1s -i 3 -r 1s -bm thrpt,sample)
else
  runs=(1 64)
  opts=(-f 2 -wi 3 -w 2s -i 5 -r 2s -bm thrpt,sample)
fi

results=()
for t in "${runs[@]}"; do
  echo "running PeerComparisonBenchmark at concurrency $t (JMH log: $out/t$t.log)"
  # -foe: a failed setup check (wrong reply, different request) fails the run instead of a missing row.
  java -jar bench/target/junction-bench.jar "${opts[@]}" -t "$t" -foe true \
    -rf json -rff "$out/t$t.json" 'PeerComparisonBenchmark' > "$out/t$t.log" 2>&1 \
    || { tail -40 "$out/t$t.log" >&2; exit 1; }
  results+=("$out/t$t.json")
done

python3 - "${results[@]}" <<'PY'
import json, sys

ARMS = ["raw", "junction", "openaiJava", "langchain4j"]
LABEL = {"raw": "raw", "junction": "junction", "openaiJava": "openai-java", "langchain4j": "langchain4j"}
TO_MS = {"s/op": 1e3, "ms/op": 1.0, "us/op": 1e-3, "ns/op": 1e-6}
PER_S = {"ops/s": 1.0, "ops/ms": 1e3, "ops/us": 1e6, "ops/ns": 1e9}

rows = {}  # (threads, arm) -> dict
for path in sys.argv[1:]:
    for r in json.load(open(path)):
        arm = r["benchmark"].rsplit(".", 1)[1]
        key = (r["threads"], arm)
        m = r["primaryMetric"]
        row = rows.setdefault(key, {})
        if r["mode"] == "thrpt":
            f = PER_S[m["scoreUnit"]]
            row["ops"] = m["score"] * f
            row["err"] = (m["scoreError"] * f) if m["scoreError"] == m["scoreError"] else float("nan")
        elif r["mode"] == "sample":
            f = TO_MS[m["scoreUnit"]]
            p = m["scorePercentiles"]
            row["p50"] = p["50.0"] * f
            row["p99"] = p["99.0"] * f

def fmt(v, spec):
    return "n/a" if v is None else format(v, spec)

print()
print("| threads | arm | ops/s | ± (99.9%) | µs per call (1e6 ÷ ops/s) | cost vs raw | p50 ms | p99 ms |")
print("|---:|---|---:|---:|---:|---:|---:|---:|")
for t in sorted({k[0] for k in rows}):
    raw = rows.get((t, "raw"), {}).get("ops")
    for arm in ARMS:
        row = rows.get((t, arm))
        if row is None:
            continue
        ops = row.get("ops")
        cost = 1e6 / ops if ops else None
        ratio = raw / ops if (ops and raw) else None
        print(f"| {t} | {LABEL[arm]} | {fmt(ops, ',.0f')} | {fmt(row.get('err'), ',.0f')} | {fmt(cost, '.1f')} | "
              f"{fmt(ratio, '.2f')} | {fmt(row.get('p50'), '.2f')} | {fmt(row.get('p99'), '.2f')} |")
print()

c64 = {arm: rows.get((64, arm), {}).get("ops") for arm in ARMS}
if c64["raw"]:
    for arm in ["langchain4j", "openaiJava", "junction"]:
        ops = c64[arm]
        ratio = f"{c64['raw'] / ops:.2f}" if ops else "n/a"
        print(f"{LABEL[arm]}/raw cost ratio: {ratio}")
PY
