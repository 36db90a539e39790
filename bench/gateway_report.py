#!/usr/bin/env python3
"""Renders bench/gateway-run.sh's GatewayOverheadBenchmark results (JMH -rf json, sample mode) as a
markdown table: per concurrency and arm, p50/p90/p99 latency and the latency added over the direct
arm of the same run, then the junction/portkey ratios of added latency and the goals. With
-prof dev.junction.bench.ProxyCpuProfiler it also shows CPU per call (this JVM's, plus the Portkey
process's in the portkey arm) and the CPU added over direct.

    gateway_report.py RESULT.json...

Each file is one JMH invocation (a round) at one concurrency; with several rounds per concurrency
(bench/gateway-run.sh ROUNDS=n), every figure is the median over rounds, and added latency is the
median of the per-round differences (arm minus direct of the same invocation).

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
    """Rows by (threads, arm): a list with one entry per file (round) that holds the arm."""
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
            node = sec["portkey.cpu.norm"]["score"] if "portkey.cpu.norm" in sec else None
            if "jvm.cpu.norm" in sec:
                cpu = sec["jvm.cpu.norm"]["score"] + (sec["portkey.cpu.norm"]["score"] if "portkey.cpu.norm" in sec else 0.0)
            think = int(r.get("params", {}).get("thinkMicros", "0"))
            rows.setdefault(((r["threads"], think), arm), []).append({
                "file": path,
                "p": {k: m["scorePercentiles"][k] * f for k in PCTS},
                "n": samples,
                "cpu": cpu,
                "node": node,
            })
    return rows


def fmt(v, spec=".0f"):
    return "n/a" if v is None else format(v, spec)


def label(t):
    """c=threads, with the think time when there is one."""
    threads, think = t
    return f"c={threads}" + (f" think {think} µs" if think else "")


def median(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def added_per_round(rows, t, arm, key):
    """The arm's value minus direct's, per file (round) that holds both."""
    direct = {r["file"]: r for r in rows.get((t, "direct"), [])}
    out = []
    for r in rows.get((t, arm), []):
        d = direct.get(r["file"])
        if d is None:
            continue
        a, b = key(r), key(d)
        out.append(None if a is None or b is None else a - b)
    return out


def main(paths):
    rows = load(paths)
    threads = sorted({t for t, _ in rows})
    rounds = max(len(v) for v in rows.values()) if rows else 0
    if rounds > 1:
        print(f"{rounds} rounds: each figure is the median over rounds; added = median of per-round differences;"
              " [min..max] of the per-round added p50")
    print("| concurrency | arm | samples | p50 µs | p90 µs | p99 µs | added p50 µs | added p90 µs | added p99 µs"
          " | CPU µs/call | added CPU µs/call |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    added = {}
    for t in threads:
        for arm in ARMS:
            rs = rows.get((t, arm))
            if not rs:
                continue
            p = {k: median([r["p"][k] for r in rs]) for k in PCTS}
            n = sum(r["n"] for r in rs)
            cpu = median([r["cpu"] for r in rs])
            if arm == "direct":
                add = {k: None for k in PCTS}
                add_cpu, spread = None, ""
            else:
                per = {k: added_per_round(rows, t, arm, lambda r, k=k: r["p"][k]) for k in PCTS}
                add = {k: median(per[k]) for k in PCTS}
                add_cpu = median(added_per_round(rows, t, arm, lambda r: r["cpu"]))
                spread = f" [{fmt(min(per['50.0']))}..{fmt(max(per['50.0']))}]" if len(per["50.0"]) > 1 else ""
            added[(t, arm)] = add
            print(f"| {label(t)} | {arm} | {n} | " + " | ".join(fmt(p[k]) for k in PCTS) + " | "
                  + " | ".join(fmt(add[k]) + (spread if k == "50.0" else "") for k in PCTS)
                  + f" | {fmt(cpu)} | {fmt(add_cpu)} |")
    print()
    for t in threads:
        j, p = added.get((t, "junction")), added.get((t, "portkey"))
        if p is None or p["50.0"] is None:
            print(f"{label(t)}: no portkey row")
            continue
        if j is None:
            print(f"{label(t)}: junction not measured (JunctionGatewayTarget not built); portkey added "
                  + ", ".join(f"p{k[:-2]} {fmt(p[k])} µs" for k in PCTS))
            continue
        ratios = [fmt(j[k] / p[k], ".2f") if p[k] > 0 else "n/a" for k in PCTS]
        wins = all(j[k] < p[k] for k in PCTS)
        print(f"{label(t)}: junction/portkey added latency: p50 {ratios[0]}, p90 {ratios[1]}, p99 {ratios[2]}"
              f" -> less added latency than Portkey at every percentile: {'yes' if wins else 'no'}")
    for t in threads:
        node = median([r["node"] for r in rows.get((t, "portkey"), [])])
        if node is not None:
            print(f"{label(t)}: the Portkey process alone: {fmt(node)} µs CPU per call")
    for t in threads:
        j64 = added.get((t, "junction"))
        if t[0] == 64 and j64 is not None:
            ok = j64["50.0"] <= GOAL_P50_US
            print(f"goal: junction added p50 at {label(t)} = {fmt(j64['50.0'])} µs (goal <= {GOAL_P50_US:.0f} µs): "
                  f"{'met' if ok else 'not met'}")
    for t in threads:
        if any(v is not None and v < 0 for a in ("portkey", "junction") for v in (added.get((t, a)) or {}).values()):
            print(f"warning: {label(t)}: a negative added latency: the machine's load changed between the arms' forks;"
                  " rerun with more rounds (ROUNDS=...) on a quieter machine")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1:])
