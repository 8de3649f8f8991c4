#!/usr/bin/env bash
# Prints the runtime closure of every vendor module — the jars a partner application gets at runtime
# when it depends on that module (the module's own jar and sdk-core included) — and of all five
# together (what it/consumer-app gets). Sizes are the jar files' bytes, in MiB (2^20).
#
#   scripts/runtime-closure.sh            # table
#   scripts/runtime-closure.sh --list     # table, then every jar of the five-module closure
#
# It packages the vendor modules (no tests, no javadoc, no checks) and asks maven-dependency-plugin
# for each module's runtime classpath; run it from any directory. Extra arguments after --list (or
# instead of it) go to Maven, e.g. -o.
set -euo pipefail
cd "$(dirname "$0")/.."

list=false
if [[ "${1:-}" == "--list" ]]; then list=true; shift; fi

modules=(sdk-chronicle sdk-taegis sdk-carbonblack sdk-servicenow sdk-stellar)
dep_plugin="org.apache.maven.plugins:maven-dependency-plugin:3.11.0"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! mvn -B -ntp -q "$@" -pl "$(IFS=,; echo "${modules[*]}")" -am \
    -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Djacoco.skip=true \
    -Denforcer.skip=true -Dmdep.analyze.skip=true -Dcyclonedx.skip=true -Dlicense.skip=true \
    package "${dep_plugin}:build-classpath" \
    -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
fi

mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

declare -A all=()
printf '%-20s %6s %9s\n' "module" "jars" "MiB"
printf '%-20s %6s %9s\n' "--------------------" "------" "---------"
for m in "${modules[@]}"; do
    own=$(ls "$m"/target/"$m"-*.jar | grep -v -- '-sources\|-javadoc\|-tests' | head -1)
    jars=("$own")
    IFS=: read -r -a deps < "$m/target/runtime-classpath.txt" || true
    for d in "${deps[@]}"; do [[ -n "$d" ]] && jars+=("$d"); done
    bytes=0
    for j in "${jars[@]}"; do
        bytes=$((bytes + $(stat -c %s "$j")))
        all["$(basename "$j")"]=$(stat -c %s "$j")
    done
    printf '%-20s %6d %9s\n' "$m" "${#jars[@]}" "$(mib "$bytes")"
done
total=0
for j in "${!all[@]}"; do total=$((total + all[$j])); done
printf '%-20s %6d %9s\n' "all five (consumer)" "${#all[@]}" "$(mib "$total")"

if $list; then
    echo
    for j in "${!all[@]}"; do printf '%10d  %s\n' "${all[$j]}" "$j"; done | sort -k2
fi
