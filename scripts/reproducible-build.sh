#!/usr/bin/env bash
# Proves the build is reproducible: builds the committed tree twice from clean, in two separate copies
# at different paths (so an absolute path or a build time that leaks into a jar shows up), then
# compares the SHA-256 of every jar both builds produced (classes, sources, javadoc, test-jars).
# Prints one row per jar and exits 1 on any difference or if the two builds made different jars.
#
#   scripts/reproducible-build.sh [extra Maven arguments, e.g. -o]
#
# Tests are skipped (they do not change the jars); everything else in the normal build runs.
# Uncommitted changes are not built: the copies come from `git ls-files` of HEAD.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/secopskit-repro.XXXXXX")"
trap 'rm -rf "$work"' EXIT

for side in a b; do
    mkdir -p "$work/$side"
    git -C "$root" archive --format=tar HEAD | tar -x -C "$work/$side"
done

build() {
    local dir="$1" log="$work/$(basename "$1").log"
    echo "building copy $(basename "$dir") ..." >&2
    if ! (cd "$dir" && mvn -B -ntp "${@:2}" clean package -DskipTests -Djacoco.skip=true >"$log" 2>&1); then
        tail -50 "$log" >&2
        echo "build in $dir failed" >&2
        exit 1
    fi
}
build "$work/a" "$@"
build "$work/b" "$@"

jars() { (cd "$1" && find . -path ./it -prune -o -path '*/target/*.jar' -print | sed 's#^\./##' | sort); }
diff <(jars "$work/a") <(jars "$work/b") >/dev/null || { echo "the two builds produced different sets of jars" >&2; diff <(jars "$work/a") <(jars "$work/b") >&2; exit 1; }

fail=0
count=0
printf '%-66s %-16s %-16s %s\n' "jar" "sha256 (copy a)" "sha256 (copy b)" "result"
while read -r jar; do
    ha=$(sha256sum "$work/a/$jar" | cut -c1-64)
    hb=$(sha256sum "$work/b/$jar" | cut -c1-64)
    if [[ "$ha" == "$hb" ]]; then result=identical; else result=DIFFERENT; fail=1; fi
    printf '%-66s %-16s %-16s %s\n' "$jar" "${ha:0:16}" "${hb:0:16}" "$result"
    count=$((count + 1))
done < <(jars "$work/a")

if [[ $count -eq 0 ]]; then echo "no jars were built" >&2; exit 1; fi
if [[ $fail -ne 0 ]]; then
    echo "NOT reproducible: see the rows marked DIFFERENT (compare with diffoscope or unzip -l)" >&2
    exit 1
fi
echo "reproducible: $count jars identical in both builds"
