#!/usr/bin/env bash
# The Spark measurements of bench/README.md: training step time of bigru-spark (synchronous, shards, local steps)
# against bigru train for the S and M configurations, and scoring throughput with 1 and 2 executor cores, all in
# local mode on this machine. Prints one line per run; the logs stay in the folder it names.
#   bench/spark/run.sh [EPOCHS]   (default 8; each figure is the fastest epoch of the second half, after the JIT
#                                  has settled (on 2 cores its compiler threads compete with the computation) and
#                                  clear of the bursts of load that other work on a shared machine brings)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
epochs=${1:-8}
work="$(mktemp -d "${TMPDIR:-/tmp}/bigru-spark-bench.XXXXXX")"
cd "$work"
echo "logs in $work; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# S: T 32, I 8, H 64, B 32; M: T 100, I 32, H 128, B 64 (one BiGRU layer each, as the kernel benchmarks).
"$here/table.sh" 8 4000 0 >S.csv
"$here/table.sh" 32 1600 0 >M.csv
declare -A window=([S]=32 [M]=100) units=([S]=64 [M]=128) batch=([S]=32 [M]=64)

# Seconds of the fastest epoch of the second half, from either command's epoch lines.
last_epoch() {
  grep -E '^epoch' "$1" | grep -oE '[0-9.]+ ?s$' | tr -d ' s' \
    | awk '{ t[NR] = $1 } END { m = -1; for (i = int(NR / 2) + 1; i <= NR; i++) if (m < 0 || t[i] < m) m = t[i]; print m }'
}
steps_per_epoch() { local n; n=$(grep -oE 'split: [0-9]+ training' "$1" | grep -oE '[0-9]+'); echo $(( (n + $2 - 1) / $2 )); }

for c in S M; do
  common=(--data "$c.csv" --window "${window[$c]}" --units "${units[$c]}" --batch "${batch[$c]}" --epochs "$epochs"
          --test-size 0)
  for t in 1 2; do
    "$root/bigru" train "${common[@]}" --threads "$t" --out "$c-bigru-$t.safetensors" --loss-plot "$c.png" \
      >"$c-bigru-$t.log" 2>&1
    s=$(last_epoch "$c-bigru-$t.log"); n=$(steps_per_epoch "$c-bigru-$t.log" "${batch[$c]}")
    printf '%s  bigru train, %d thread(s)                 %8.2f ms per step (%d steps)\n' "$c" "$t" \
      "$(awk -v s="$s" -v n="$n" 'BEGIN { print 1000 * s / n }')" "$n"
  done
  run() {
    local name=$1; shift
    "$root/bigru-spark" train --master 'local[2]' "${common[@]}" --out "$c-$name.safetensors" "$@" >"$c-$name.log" 2>&1
    s=$(last_epoch "$c-$name.log"); n=$(steps_per_epoch "$c-$name.log" "${batch[$c]}")
    printf '%s  bigru-spark %-28s %8.2f ms per step of the global batch\n' "$c" "$name" \
      "$(awk -v s="$s" -v n="$n" 'BEGIN { print 1000 * s / n }')"
  }
  run sync-1-thread --threads 1
  cmp -s "$c-bigru-1.safetensors" "$c-sync-1-thread.safetensors" && echo "$c  (the same model file as bigru train)"
  run sync-2-threads --threads 2
  run shards-2 --threads 1 --shards 2
  run shards-4-tree-2 --threads 1 --shards 4 --tree-fan-in 2
  run local-steps-4 --threads 1 --local-steps 4
  run local-steps-16 --threads 1 --local-steps 16
done

# Scoring: a model of S's shape on 400 series of 1000 rows (387,600 windows of 32 steps).
"$here/table.sh" 8 1000 400 >stores.csv
"$root/bigru-spark" train --master 'local[2]' --data S.csv --window 32 --units 64 --epochs 1 --out score.safetensors \
  >score-train.log 2>&1
for cores in 1 2; do
  "$root/bigru-spark" predict --master "local[$cores]" --model score.safetensors --data stores.csv --series series \
    --out "predictions-$cores" >"predict-$cores.log" 2>&1
  printf 'scoring, %d executor core(s): %s\n' "$cores" "$(grep 'predictions written' "predict-$cores.log")"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
