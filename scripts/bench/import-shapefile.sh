#!/usr/bin/env bash
# Benchmark, not a test: import 10,000 parcels from one zipped Shapefile through the service API
# (a real, all-or-nothing import with every red-line rule) and, on the same file in the same run,
# with plain `ogr2ogr -f PostgreSQL` (no rules at all). Prints features/s for both and their ratio.
#
# Needs the project's PostGIS (scripts/db.sh) and a built service (mvn -B -DskipTests package).
# Usage: scripts/bench/import-shapefile.sh [parcels]   (default 10000; env ZONEGIS_BENCH_PORT, default 18199)
set -euo pipefail
COUNT="${1:-10000}"
APP_PORT="${ZONEGIS_BENCH_PORT:-18199}"
DB="${ZONEGIS_BENCH_DB:-zonegis_bench}"
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SIDE="$(awk -v n="$COUNT" 'BEGIN { s = int(sqrt(n)); if (s * s < n) s++; print s }')"
PG="PG:host=127.0.0.1 port=$DB_PORT user=postgres dbname=$DB"
now() { date +%s.%N; }

log "generating $COUNT parcels (${SIDE}x$SIDE grid of 25 m squares, 5 m apart) as a Shapefile"
# South-west of the demo zone, inside the configured extent, in the measuring CRS (EPSG:4550).
"${PSQL[@]}" <<SQL
CREATE TABLE bench_source AS
SELECT format('BENCH-%s', lpad(i::text, 6, '0')) AS code, format('基准地块 %s', i) AS name, '工业用地' AS land_use,
	ST_Multi(ST_MakeEnvelope(x0, y0, x0 + 25, y0 + 25, 4550))::geometry(MultiPolygon, 4550) AS geom
FROM (SELECT i, 415000 - 12000 + (i % $SIDE) * 30 AS x0, 4113000 - 9000 + (i / $SIDE) * 30 AS y0
	FROM generate_series(0, $COUNT - 1) AS i) g;
SQL
mkdir "$WORK/shp"
ogr2ogr -f "ESRI Shapefile" "$WORK/shp/bench.shp" "$PG" bench_source -lco ENCODING=UTF-8
(cd "$WORK/shp" && zip -q "$WORK/bench.zip" bench.*)
log "shapefile: $(du -h "$WORK/bench.zip" | cut -f1) zipped"

start_service

log "service import (dryRun=false, one transaction, every red-line rule)"
start="$(now)"
status="$(curl -s -o "$WORK/import.json" -w '%{http_code}' -u planner:planner2026 \
	-F "file=@$WORK/bench.zip" "$URL/api/parcels/import?format=shp&dryRun=false")"
service_s="$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')"
[ "$status" = "200" ] || { log "import failed with $status"; head -c 2000 "$WORK/import.json" >&2; exit 1; }
stored="$("${PSQL[@]}" -c "SELECT count(*) FROM zonegis.parcel WHERE code LIKE 'BENCH-%'")"

log "plain ogr2ogr -f PostgreSQL on the same file (reprojected to EPSG:4490, no rules)"
start="$(now)"
ogr2ogr -f PostgreSQL "$PG" "$WORK/shp/bench.shp" -nln bench_ogr -t_srs EPSG:4490 -nlt MULTIPOLYGON \
	-lco GEOMETRY_NAME=geom
ogr_s="$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')"
ogr_rows="$("${PSQL[@]}" -c "SELECT count(*) FROM bench_ogr")"

awk -v n="$COUNT" -v s="$service_s" -v o="$ogr_s" -v stored="$stored" -v rows="$ogr_rows" 'BEGIN {
	printf "\nparcels in file                 %d\n", n
	printf "service API import              %7.2f s  %8.0f features/s  (%d stored)\n", s, n / s, stored
	printf "ogr2ogr -f PostgreSQL           %7.2f s  %8.0f features/s  (%d rows)\n", o, n / o, rows
	printf "ratio (ogr2ogr / service)       %7.1f x\n", s / o
}'
