#!/usr/bin/env bash
# Checks the ./bigru launcher end to end (it builds the CLI jar when needed): JDK choice, exit codes, one-line
# errors on stderr without the JVM's incubator notice (binary-safe), signals reaching the JVM, the heap option.
# Run from anywhere: cli/launcher-check.sh
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bigru="$root/bigru"
failures=0
check() {  # description, condition...
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
err="$(mktemp)"; out="$(mktemp)"; work="$(mktemp -d)"
trap 'rm -rf "$err" "$out" "$work"' EXIT
one_line() { test "$(wc -l <"$err")" -eq 1; }
"$bigru" info >/dev/null 2>&1   # builds the jar first when sources changed, so no check sees the build's notice
{ echo "time,a,b,y"; for r in $(seq 1 300); do echo "$r,$((r % 7)),$((r % 5)),$((r % 11))"; done; } >"$work/d.csv"

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

# A NUL byte in a cell: the message is one line of text (the byte shown escaped), whole, on the caller's stderr.
printf 't,a,y\n0,1\000x,3\n1,2,3\n' >"$work/nul.csv"
"$bigru" train --data "$work/nul.csv" --out "$work/m.safetensors" >"$out" 2>"$err"; code=$?
check "a NUL byte in a cell exits 2" test "$code" -eq 2
check "with one line naming the row and column" grep -q "nul.csv row 2, column 'a'" "$err"
check "in one line, with no filter's complaint" one_line
check "as text (no NUL byte)" test "$(tr -d '\000' <"$err" | wc -c)" -eq "$(wc -c <"$err")"

"$bigru" train --data "$work/d.csv" --out "$work/m.safetensors" --metrics-json /dev/stdout >"$out" 2>"$err"; code=$?
check "--metrics-json /dev/stdout is refused (exit 2)" test "$code" -eq 2
check "by name, in one line" grep -qE -- "--metrics-json /dev/stdout is (a .*not a regular file|this command's own \
standard output)" "$err"
check "and /dev/stdout is still a link" test -L /dev/stdout

BIGRU_JAVA_OPTS=-Xmx64m "$bigru" train --data "$work/d.csv" --units 3000 --out "$work/m.safetensors" >"$out" 2>"$err"
code=$?
check "a network larger than the heap exits 2" test "$code" -eq 2
check "with one line: needs N MiB, the heap has M MiB; raise -Xmx through BIGRU_JAVA_OPTS" \
  grep -q "needs .* MiB, the heap has .* MiB; raise -Xmx through BIGRU_JAVA_OPTS" "$err"
check "and nothing else" one_line

BIGRU_JAVA_OPTS=-Xmx64q "$bigru" info >"$out" 2>"$err"; code=$?
check "a JVM option the JVM refuses exits 2" test "$code" -eq 2
check "with one line holding the JVM's reason" grep -q "BIGRU_JAVA_OPTS='-Xmx64q': Invalid maximum heap size" "$err"
check "and nothing else" one_line

BIGRU_JAVA_OPTS=-XX:+UseParallelGC "$bigru" info --json >"$out" 2>"$err"; code=$?
check "a collector chosen in BIGRU_JAVA_OPTS replaces the launcher's (exit 0)" test "$code" -eq 0
check "without the JVM's complaint about two collectors" test ! -s "$err"

# SIGTERM reaches the JVM (the launcher execs it): it stops, writes no model later, and leaves no temporary file.
"$bigru" train --data "$work/d.csv" --out "$work/sig.safetensors" --epochs 100000 --plot none --loss-plot none \
  --checkpoint-dir "$work/ck" --checkpoint-every 1 >"$out" 2>"$err" &
pid=$!
for _ in $(seq 1 600); do grep -q '^epoch ' "$out" && break; sleep 0.1; done
kill -TERM "$pid"; wait "$pid"; code=$?
sleep 2
check "SIGTERM ends the command with 143" test "$code" -eq 143
check "the JVM is gone (it was the launcher's process)" bash -c "! kill -0 $pid 2>/dev/null"
check "no model is written afterwards" test ! -e "$work/sig.safetensors"
check "no temporary file is left" bash -c "! ls -A '$work' '$work/ck' | grep -q '\.tmp$'"
check "stderr is empty" test ! -s "$err"

JAVA_HOME=/nonexistent "$bigru" info --json >"$out" 2>"$err"; code=$?
check "a broken JAVA_HOME falls back to an installed JDK" test "$code" -eq 0
if [[ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]]; then
  JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 "$bigru" info --json >"$out" 2>"$err"
  check "JAVA_HOME of a JDK 17 is used" grep -q '"java_version":"17' "$out"
fi
echo "$failures failure(s)"
exit $((failures > 0))
