#!/usr/bin/env python3
"""Renders bench/gateway-run.sh's GatewayOverheadBenchmark results (JMH -rf json, sample mode) as a
markdown table: per concurrency and arm, p50/p90/p99 latency and the latency added over the direct
arm of the same run, then the junction/portkey ratios of added latency and the goals. With
-prof dev.junction.bench.ProxyCpuProfiler it also shows CPU per call (this JVM's, plus the Portkey
process's in the portkey arm) and the CPU added over direct.

    gateway_report.py RESULT.json...

Added latency = arm percentile - direct percentile, both from the same JMH invocation (same
concurrency, same machine state as far as back-to-back forks allow). A ratio is n/a when Portkey's
added latency is not positive.
"""
import json
import sys

ARMS = ["direct", "portkey", "junction"]
PCTS = ["50.0", "90.0", "99.0"]
TO_US = {"s/op": 1e6, "ms/op": 1e3, "us/op": 1.0, "µs/op": 1.0, "ns/op": 1e-3}
GOAL_P50_US = 250.0  # p50 added at concurrency 64


def load(paths):
    rows = {}
    for path in paths:
        for r in json.load(open(path)):
            owner, arm = r["benchmark"].rsplit(".", 2)[-2:]
            if owner != "GatewayOverheadBenchmark" or r["mode"] != "sample":
                continue
            m = r["primaryMetric"]
            f = TO_US[m["scoreUnit"]]
            samples = sum(count for fork in m.get("rawDataHistogram", []) for it in fork for _, count in it)
            sec = r.get("secondaryMetrics", {})
            cpu = None
            if "jvm.cpu.norm" in sec:
                cpu = sec["jvm.cpu.norm"]["score"] + (sec["portkey.cpu.norm"]["score"] if "portkey.cpu.norm" in sec else 0.0)
            rows[(r["threads"], arm)] = {
                "p": {k: m["scorePercentiles"][k] * f for k in PCTS},
                "n": samples,
                "cpu": cpu,
            }
    return rows


def fmt(v, spec=".0f"):
    return "n/a" if v is None else format(v, spec)


def main(paths):
    rows = load(paths)
    threads = sorted({t for t, _ in rows})
    print("| threads | arm | samples | p50 µs | p90 µs | p99 µs | added p50 µs | added p90 µs | added p99 µs"
          " | CPU µs/call | added CPU µs/call |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    added = {}
    for t in threads:
        direct = rows.get((t, "direct"))
        for arm in ARMS:
            row = rows.get((t, arm))
            if row is None:
                continue
            add = {k: (row["p"][k] - direct["p"][k]) if direct and arm != "direct" else None for k in PCTS}
            added[(t, arm)] = add
            add_cpu = (row["cpu"] - direct["cpu"]) if direct and arm != "direct" and row["cpu"] is not None \
                and direct["cpu"] is not None else None
            print(f"| {t} | {arm} | {row['n']} | " + " | ".join(fmt(row["p"][k]) for k in PCTS) + " | "
                  + " | ".join(fmt(add[k]) for k in PCTS) + f" | {fmt(row['cpu'])} | {fmt(add_cpu)} |")
    print()
    for t in threads:
        j, p = added.get((t, "junction")), added.get((t, "portkey"))
        if p is None:
            print(f"c={t}: no portkey row")
            continue
        if j is None:
            print(f"c={t}: junction not measured (JunctionGatewayTarget not built); portkey added "
                  + ", ".join(f"p{k[:-2]} {fmt(p[k])} µs" for k in PCTS))
            continue
        ratios = [fmt(j[k] / p[k], ".2f") if p[k] > 0 else "n/a" for k in PCTS]
        wins = all(j[k] < p[k] for k in PCTS)
        print(f"c={t}: junction/portkey added latency: p50 {ratios[0]}, p90 {ratios[1]}, p99 {ratios[2]}"
              f" -> less added latency than Portkey at every percentile: {'yes' if wins else 'no'}")
    j64 = added.get((64, "junction"))
    if j64 is not None:
        ok = j64["50.0"] <= GOAL_P50_US
        print(f"goal: junction added p50 at c=64 = {fmt(j64['50.0'])} µs (goal <= {GOAL_P50_US:.0f} µs): "
              f"{'met' if ok else 'not met'}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1:])
