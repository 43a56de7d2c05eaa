#!/usr/bin/env bash
# The whole pipeline on embedded defaults: real PostgreSQL 17 and Kafka from Maven artifacts, the
# publisher, the materializer and a client cache in one JVM, with the demo data. Needs Java 17 and
# Maven only. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
echo "Building (first run downloads dependencies from Maven Central)..."
mvn -B -q -ntp -DskipTests -pl quickstart -am package
exec java -jar quickstart/target/quickstart.jar "$@"
