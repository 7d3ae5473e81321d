# Sourced by bigru's scripts: finds JDKs without assuming where the machine keeps them.

# Major version of the JDK at $1 (a JAVA_HOME), or nothing when it is not a JDK. Read from its release file
# (starting a JVM to ask costs a tenth of a second per JDK); a JDK without one is asked.
jdk_major() {
  [ -x "$1/bin/javac" ] || return 1
  local version
  if [ -f "$1/release" ] \
      && version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release") && [ -n "$version" ]; then
    echo "$version"
    return
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

# Prints the JAVA_HOME of the newest installed JDK whose major version is at least $1 (default 17),
# trying JAVA_HOME, the default java, and /usr/lib/jvm/*; fails when there is none.
newest_jdk() {
  local min=${1:-17} best="" best_major=0 home major
  local default_home=""
  if command -v javac >/dev/null 2>&1; then
    default_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  fi
  for home in ${JAVA_HOME:-} $default_home /usr/lib/jvm/*; do
    major=$(jdk_major "$home") || continue
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best=$home best_major=$major
    fi
  done
  [ -n "$best" ] && echo "$best"
}

# Prints the JAVA_HOME of an installed JDK of exactly major version $1, or fails.
jdk_of_major() {
  local home
  for home in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    if [ "$(jdk_major "$home")" = "$1" ]; then
      echo "$home"
      return 0
    fi
  done
  return 1
}

# Prints the JAVA_HOME a launcher runs on: JAVA_HOME if it is a JDK 17+, else 25 when installed (its Vector API
# code is much better), else the newest 17+; fails with one line naming the launcher ($1) when there is none.
launcher_java_home() {
  local major
  if [[ -n "${JAVA_HOME:-}" ]] && major="$(jdk_major "$JAVA_HOME")" && [[ -n "$major" ]] && (( major >= 17 )); then
    echo "$JAVA_HOME"
    return
  fi
  JAVA_HOME="" jdk_of_major 25 || JAVA_HOME="" newest_jdk 17 \
    || { echo "$1: no JDK 17 or newer found (install one, or set JAVA_HOME)" >&2; return 2; }
}

# JVM options both launchers pass to keep the Panama kernels in C2's code on the JDK at $1: before JDK 25, C1 must
# not fall back to its unprofiled tier while C2's queue is long. On JDK 17, in about 1 run in 10, a tier-2
# compilation of the GEMM micro-kernel otherwise ended up as its code instead of C2's, and every vector in it was a
# heap object to the end (epochs ten times slower; bench/README.md, "Cold start").
kernel_jit_fixes() {
  if (( $(jdk_major "$1") < 25 )); then
    echo -XX:Tier3DelayOn=100000
  fi
}
