#!/usr/bin/env bash
# Generates Synthea 3.3.0 patients as FHIR R4 Bundles (one .json per patient) for `ilium import` and `ilium bench import`.
# Usage: scripts/synthea.sh PATIENTS SEED OUT_DIR [YEARS_OF_HISTORY (default 10)]
# Synthea (org.mitre.synthea:synthea:3.3.0, Apache-2.0) is fetched by Maven into ~/.m2 on first use and runs offline
# afterwards; it is not a dependency of Ilium. Same PATIENTS and SEED give the same patients (reference date aside).
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 PATIENTS SEED OUT_DIR [YEARS_OF_HISTORY]" >&2
  exit 64
fi
patients=$1 seed=$2 out=$3 years=${4:-10}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>synthea-runner</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.mitre.synthea</groupId><artifactId>synthea</artifactId><version>3.3.0</version></dependency></dependencies>
</project>
POM
"$here/mvnw" -q -f "$work/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime >&2
jar="$HOME/.m2/repository/org/mitre/synthea/synthea/3.3.0/synthea-3.3.0.jar"
java -cp "$jar:$(cat "$work/cp.txt")" App -p "$patients" -s "$seed" -cs "$seed" \
  --exporter.baseDirectory="$work/synthea" --exporter.fhir.export=true --exporter.hospital.fhir.export=false \
  --exporter.practitioner.fhir.export=false --exporter.years_of_history="$years" >&2
mkdir -p "$out"
# patient Bundles only (hospital and practitioner files are off above)
find "$work/synthea/fhir" -name '*.json' -exec cp {} "$out"/ \;
ls "$out"/*.json | wc -l | xargs echo "bundles in $out:" >&2
