#!/usr/bin/env bash
# The Spark module end to end through its launcher, in local mode, against the bigru command on the shipped
# weather table: bigru-spark train writes byte for byte the model file of bigru train, and bigru-spark predict
# gives bigru predict's predictions (the same float32 values: one prints them shortest, the other as doubles, so
# they are compared within 1e-6 of their size).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/cli/src/main/resources/org/bigru/cli/data/seattle-weather.csv"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cd "$dir"

options=(--data "$data" --target temp_max --drop weather --epochs 1)
"$root/bigru" train "${options[@]}" --out one.safetensors >bigru.log 2>&1 || { cat bigru.log; exit 1; }
"$root/bigru-spark" train --master 'local[2]' "${options[@]}" --out spark.safetensors >spark.log 2>&1 \
  || { cat spark.log; exit 1; }
if ! cmp -s one.safetensors spark.safetensors; then
  echo "bigru-spark train wrote another model than bigru train" >&2
  exit 1
fi

"$root/bigru" predict --model one.safetensors --data "$data" --out one.csv >bigru.log 2>&1 \
  || { cat bigru.log; exit 1; }
"$root/bigru-spark" predict --master 'local[2]' --model one.safetensors --data "$data" --format csv \
  --out predictions >spark.log 2>&1 || { cat spark.log; exit 1; }
# Both files: date, prediction. Every date of one must be in the other with the same value.
awk -F, 'FNR == 1 { next }
  NR == FNR { expected[$1] = $2; next }
  { seen++; d = $2 - expected[$1]; m = expected[$1] < 0 ? -expected[$1] : expected[$1]; m = m < 1 ? 1 : m
    if (!($1 in expected) || d > 1e-6 * m || d < -1e-6 * m) { print "differs at " $1; bad = 1 } }
  END { if (seen != length(expected)) { print seen " predictions, expected " length(expected); bad = 1 }
        if (bad) exit 1; print seen }' one.csv predictions/part-*.csv >compare.log \
  || { cat compare.log >&2; echo "bigru-spark predict differs from bigru predict" >&2; exit 1; }
echo "bigru-spark: train wrote bigru train's model file byte for byte; predict matched bigru predict on" \
  "$(cat compare.log) rows"
