#!/usr/bin/env bash
# Fetches the Apache Kafka broker (org.apache.kafka:kafka_2.13 and its runtime dependencies) from
# Maven Central into a cache outside the repository and prints the libs directory.
set -euo pipefail

KAFKA_VERSION="${KAFKA_VERSION:-3.9.1}"
CACHE_ROOT="${ACPNET_CACHE:-$HOME/.cache/acpnet}/kafka/$KAFKA_VERSION"
LIBS="$CACHE_ROOT/libs"

if [[ -f "$CACHE_ROOT/.complete" ]]; then
  echo "$LIBS"
  exit 0
fi

command -v mvn >/dev/null || { echo "ensure.sh: mvn (Maven 3.8+) is required" >&2; exit 1; }
command -v java >/dev/null || { echo "ensure.sh: java (17+) is required" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.acpnet</groupId>
  <artifactId>kafka-broker-fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>$KAFKA_VERSION</version>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-reload4j</artifactId>
      <version>1.7.36</version>
    </dependency>
  </dependencies>
</project>
POM

mkdir -p "$LIBS"
mvn -q -B -f "$work/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$LIBS" >&2
ls "$LIBS"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null
touch "$CACHE_ROOT/.complete"
echo "$LIBS"
