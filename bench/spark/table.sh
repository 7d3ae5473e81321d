#!/usr/bin/env bash
# A synthetic table of series for the Spark measurements, as CSV on stdout: [series,] t, f0..f(F-1), y. Each
# series is a noisy wave of its own phase; y follows the features and its own past. Deterministic.
#   table.sh FEATURES ROWS_PER_SERIES SERIES   (SERIES 0: one series, without a series column)
set -euo pipefail
features=$1 rows=$2 series=$3
awk -v F="$features" -v R="$rows" -v S="$series" 'BEGIN {
  srand(7)
  printf "%st", (S > 0 ? "series," : "")
  for (f = 0; f < F; f++) printf ",f%d", f
  print ",y"
  for (s = 0; s < (S > 0 ? S : 1); s++) {
    y = 0
    for (t = 0; t < R; t++) {
      if (S > 0) printf "s%04d,", s
      printf "%d", t
      sum = 0
      for (f = 0; f < F; f++) {
        v = sin(6.2832 * (t + 7 * s + 3 * f) / (20 + f)) + 0.3 * (rand() - 0.5)
        sum += v / F
        printf ",%.4f", v
      }
      y = 0.7 * y + sum + 0.1 * (rand() - 0.5)
      printf ",%.4f\n", y
    }
  }
}'
