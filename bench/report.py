#!/usr/bin/env python3
"""Renders bench/run.sh's JMH results (-rf json) as markdown tables: PeerComparisonBenchmark, and
when present StreamThroughputBenchmark and InlineImageRequestBenchmark.

    report.py print RESULT.json...                    prints the table and the cost ratios
    report.py write DOC.md COMMANDS.txt RESULT.json...  also replaces DOC.md's generated block

The generated block lies between the two marker lines below; everything else in DOC.md is left
as it is. The three "…/raw cost ratio" lines are printed last.
"""
import datetime
import json
import os
import platform
import subprocess
import sys

BEGIN = "<!-- bench/run.sh: generated block, begin -->"
END = "<!-- bench/run.sh: generated block, end -->"
ARMS = ["raw", "junction", "openaiJava", "langchain4j"]
LABEL = {"raw": "raw", "junction": "junction", "openaiJava": "openai-java", "langchain4j": "langchain4j"}
TO_US = {"s/op": 1e6, "ms/op": 1e3, "us/op": 1.0, "µs/op": 1.0, "ns/op": 1e-3}
PER_S = {"ops/s": 1.0, "ops/ms": 1e3, "ops/us": 1e6, "ops/ns": 1e9}


IMAGE_BYTES = 20 * 1024 * 1024


def load(paths):
    """PeerComparison rows by (threads, arm); the other classes' raw entries under "other"."""
    rows, jvm = {}, {}
    rows["other"] = []
    for path in paths:
        for r in json.load(open(path)):
            owner, arm = r["benchmark"].rsplit(".", 2)[-2:]
            jvm = {k: r.get(k) for k in ("jdkVersion", "vmName", "vmVersion")}
            if owner != "PeerComparisonBenchmark":
                rows["other"].append(r)
                continue
            row = rows.setdefault((r["threads"], arm), {})
            m = r["primaryMetric"]
            if r["mode"] == "thrpt":
                f = PER_S[m["scoreUnit"]]
                row["ops"] = m["score"] * f
                err = num(m["scoreError"])
                row["err"] = err * f if err is not None else None
                sec = r.get("secondaryMetrics", {})
                score = lambda name: sec[name]["score"] if name in sec else None
                row["cpu"] = score("cpu.time.norm")
                gc, stub = score("gc.alloc.rate.norm"), score("stub.alloc.norm")
                row["client_kb"] = (gc - stub) / 1024 if gc is not None and stub is not None else None
            elif r["mode"] == "sample":
                f = TO_US[m["scoreUnit"]]
                p = m["scorePercentiles"]
                row["p50"], row["p99"] = p["50.0"] * f, p["99.0"] * f
    return rows, jvm


def fmt(v, spec):
    return "n/a" if v is None else format(v, spec)


def num(value):
    """A JMH number, or None for the "NaN" JMH writes when it has too few samples for an error."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if value != value else value


def secondary(r, name):
    metric = r.get("secondaryMetrics", {}).get(name)
    return metric["score"] if metric else None


def streams_table(rows):
    entries = [r for r in rows["other"] if "StreamThroughputBenchmark" in r["benchmark"]]
    if not entries:
        return []
    lines = ["| stream arm | parts/s | ± (99.9%) | JVM CPU µs per part | client CPU µs per part | client B per part |",
             "|---|---:|---:|---:|---:|---:|"]
    for r in sorted(entries, key=lambda r: r["benchmark"]):
        m = r["primaryMetric"]
        f = PER_S[m["scoreUnit"]]
        gc, stub = secondary(r, "gc.alloc.rate.norm"), secondary(r, "stub.alloc.norm")
        client_b = gc - stub if gc is not None and stub is not None else None
        err = num(m["scoreError"]) * f if num(m["scoreError"]) is not None else None
        lines.append(f"| {r['benchmark'].rsplit('.', 1)[1]} | {fmt(m['score'] * f, ',.0f')} | {fmt(err, ',.0f')} | "
                     f"{fmt(secondary(r, 'cpu.time.norm'), '.2f')} | {fmt(secondary(r, 'client.cpu.norm'), '.2f')} | "
                     f"{fmt(client_b, ',.0f')} |")
    return lines


def image_table(rows):
    entries = [r for r in rows["other"] if "InlineImageRequestBenchmark" in r["benchmark"]]
    if not entries:
        return []
    lines = ["| 20 MiB image | B per operation | × image |", "|---|---:|---:|"]
    for r in sorted(entries, key=lambda r: (r["benchmark"], str(r.get("params")))):
        name = r["benchmark"].rsplit(".", 1)[1] + "".join(f" ({v})" for v in (r.get("params") or {}).values())
        b = secondary(r, "gc.alloc.rate.norm")
        lines.append(f"| {name} | {fmt(b, ',.0f')} | {fmt(b / IMAGE_BYTES if b is not None else None, '.2f')} |")
    return lines


def table(rows):
    lines = ["| threads | arm | ops/s | ± (99.9%) | µs per call (1e6 ÷ ops/s) | cost vs raw | JVM CPU µs per call |"
             " client KB per call | p50 µs | p99 µs | p50 over raw |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for t in sorted({k[0] for k in rows if k != "other"}):
        raw = rows.get((t, "raw"), {})
        for arm in ARMS:
            row = rows.get((t, arm))
            if row is None:
                continue
            ops = row.get("ops")
            cost = 1e6 / ops if ops else None
            ratio = raw["ops"] / ops if ops and raw.get("ops") else None
            added = row["p50"] - raw["p50"] if row.get("p50") is not None and raw.get("p50") is not None else None
            lines.append(f"| {t} | {LABEL[arm]} | {fmt(ops, ',.0f')} | {fmt(row.get('err'), ',.0f')} | {fmt(cost, '.1f')} | "
                         f"{fmt(ratio, '.2f')} | {fmt(row.get('cpu'), '.1f')} | {fmt(row.get('client_kb'), '.1f')} | "
                         f"{fmt(row.get('p50'), '.1f')} | {fmt(row.get('p99'), '.1f')} | {fmt(added, '+.1f')} |")
    return lines


def ratios(rows):
    raw = rows.get((64, "raw"), {}).get("ops")
    out = []
    for arm in ["langchain4j", "openaiJava", "junction"]:
        ops = rows.get((64, arm), {}).get("ops")
        out.append(f"{LABEL[arm]}/raw cost ratio: " + (f"{raw / ops:.2f}" if raw and ops else "n/a"))
    return out


def machine(jvm):
    cpu = "unknown"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = "unknown"
    try:
        kb = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")))
        mem = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, StopIteration):
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return [f"| CPU | {cpu}, `nproc` = {os.cpu_count()} |",
            f"| memory | {mem} |",
            f"| OS | {platform.system()} {platform.release()} |",
            f"| JDK | {jvm.get('vmName')} {jvm.get('jdkVersion')} ({jvm.get('vmVersion')}) |",
            f"| load average at the end | {load} |"]


def write(doc, commands, rows, jvm):
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    block = [BEGIN, "", f"**Last full run:** {now}, `bench/run.sh`. JMH commands, as run:", "", "```sh"]
    block += [c for c in open(commands).read().splitlines() if c]
    block += ["```", "", "| | |", "|---|---|"] + machine(jvm) + [""] + table(rows)
    for extra in (streams_table(rows), image_table(rows)):
        if extra:
            block += [""] + extra
    block += ["", "```"] + ratios(rows) + ["```", "", END]
    text = open(doc).read()
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + "\n".join(block) + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(block) + "\n"
    open(doc, "w").write(text)
    print(f"wrote the generated block of {doc}")


def main(argv):
    if len(argv) >= 2 and argv[0] == "print":
        rows, _ = load(argv[1:])
    elif len(argv) >= 4 and argv[0] == "write":
        rows, jvm = load(argv[3:])
        write(argv[1], argv[2], rows, jvm)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print()
    print("\n".join(table(rows)))
    for extra in (streams_table(rows), image_table(rows)):
        if extra:
            print()
            print("\n".join(extra))
    print()
    print("\n".join(ratios(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
