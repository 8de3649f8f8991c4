#!/usr/bin/env bash
# Runs the JMH suite (not part of the test command). Usage: benchmarks/run.sh [regex]
# Results: benchmarks/results/<date>.json plus JMH's table on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl benchmarks -am -DskipTests install
cd benchmarks
mvn -B -ntp -q exec:exec -Dbench.include="${1:-.*}"
