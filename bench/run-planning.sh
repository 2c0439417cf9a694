#!/usr/bin/env bash
# Planning-time benchmark: builds, then times Session.prepare of a dashboard query once warm.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install
mvn -B -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java --add-opens=java.base/java.nio=ALL-UNNAMED -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.epochdb.bench.PlanningBench "$@"
