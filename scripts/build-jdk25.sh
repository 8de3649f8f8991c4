#!/usr/bin/env bash
# Runs the whole build — compile with --release 17, every test, javadoc, the consumer-app build — on
# JDK 25 (Temurin) instead of the default JDK 17, and prints how long it took.
#
#   scripts/build-jdk25.sh [extra Maven arguments]
#
# JDK 25 is looked for in $JDK25_HOME, then /usr/lib/jvm/temurin-25-jdk-amd64. The jdk25-tests
# profile (a second surefire run on JDK 25 inside the JDK 17 build) is switched off here: every test
# already runs on JDK 25.
set -euo pipefail
cd "$(dirname "$0")/.."

jdk="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ ! -x "$jdk/bin/java" ]]; then
    echo "no JDK 25 at $jdk (set JDK25_HOME)" >&2
    exit 2
fi
export JAVA_HOME="$jdk"
export PATH="$JAVA_HOME/bin:$PATH"
"$JAVA_HOME/bin/java" -version 2>&1 | head -1

start=$(date +%s)
status=0
mvn -B -ntp -P '!jdk25-tests' "$@" verify || status=$?
end=$(date +%s)
echo "JDK 25 build: exit ${status}, $((end - start)) s wall time"
exit "$status"
