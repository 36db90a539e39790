#!/usr/bin/env bash
# Issue #14: how long commands take to run, for the CLI's start (docs/benchmarks.md, "CLI start").
#
#   bench/cli-start.sh N CMD...   e.g. bench/cli-start.sh 20 "./junction providers" "java -version"
#
# Runs the commands in turn, round after round (2 warm-up rounds, then N), so that on a shared
# machine each sees the same load; stdout and stderr go to /dev/null. Prints per command the
# minimum and median wall time and the median CPU time (user + sys) in milliseconds: the minimum
# is the figure closest to an idle machine, and CPU time moves less with load than wall time.
set -euo pipefail

if [[ $# -lt 2 || ! "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: bench/cli-start.sh N CMD..." >&2
  exit 2
fi
rounds=$1
shift
declare -A walls cpus
TIMEFORMAT='%R %U %S'
for ((round = -2; round < rounds; round++)); do
  for ((c = 0; c < $#; c++)); do
    cmd="${@:c+1:1}"
    times=$( { time bash -c "$cmd" >/dev/null 2>&1; } 2>&1 )
    ((round < 0)) && continue
    read -r real user sys <<<"$times"
    walls[$c]+="$(awk -v r="$real" 'BEGIN { printf "%d", r * 1000 }') "
    cpus[$c]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }') "
  done
done

# min and median of the numbers on stdin
stats() {
  tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { printf "%d %d", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
printf '%8s %8s %8s  %s\n' "min ms" "median" "cpu med" "command"
for ((c = 0; c < $#; c++)); do
  read -r wall_min wall_median <<<"$(stats <<<"${walls[$c]}")"
  read -r _ cpu_median <<<"$(stats <<<"${cpus[$c]}")"
  printf '%8d %8d %8d  %s\n' "$wall_min" "$wall_median" "$cpu_median" "${@:c+1:1}"
done
