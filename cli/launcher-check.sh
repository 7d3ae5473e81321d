#!/usr/bin/env bash
# Checks the ./bigru launcher end to end (it builds the CLI jar when needed): JDK choice, exit codes, one-line
# errors on stderr without the JVM's incubator notice. Run from anywhere: cli/launcher-check.sh
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bigru="$root/bigru"
failures=0
check() {  # description, condition...
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
err="$(mktemp)"; out="$(mktemp)"
trap 'rm -f "$err" "$out"' EXIT

"$bigru" info --json >"$out" 2>"$err"; code=$?
check "info --json exits 0" test "$code" -eq 0
check "info --json has java_version, kernels, vector_bits" grep -q '"java_version".*"kernels".*"vector_bits"' "$out"
check "stderr is empty (no incubator notice)" test ! -s "$err"

"$bigru" info --no-such-option >"$out" 2>"$err"; code=$?
check "an unknown option exits 2" test "$code" -eq 2
check "with exactly one line on stderr" test "$(wc -l <"$err")" -eq 1

"$bigru" train --data "$root/no-such-file.csv" >"$out" 2>"$err"; code=$?
check "a missing data file exits 2" test "$code" -eq 2
check "naming the file" grep -q 'no-such-file.csv' "$err"

JAVA_HOME=/nonexistent "$bigru" info --json >"$out" 2>"$err"; code=$?
check "a broken JAVA_HOME falls back to an installed JDK" test "$code" -eq 0
if [[ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]]; then
  JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 "$bigru" info --json >"$out" 2>"$err"
  check "JAVA_HOME of a JDK 17 is used" grep -q '"java_version":"17' "$out"
fi
echo "$failures failure(s)"
exit $((failures > 0))
