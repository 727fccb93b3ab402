#!/usr/bin/env bash
# Benchmark, not a test: import 10,000 parcels from one zipped Shapefile through the service API
# (a real, all-or-nothing import with every red-line rule) and, on the same file in the same run,
# with plain `ogr2ogr -f PostgreSQL` (no rules at all). Prints features/s for both and their ratio.
#
# Needs the project's PostGIS (scripts/db.sh) and a built service (mvn -B -DskipTests package).
# The service is measured warm, as it runs in use: one smaller file is imported first (class loading
# and JIT), then the file is imported ROUNDS times, its parcels deleted between rounds, each import
# followed by ogr2ogr on the same file; the best and the median of each side are reported.
# Usage: scripts/bench/import-shapefile.sh [parcels] [rounds]   (defaults 10000 and 3; env
# ZONEGIS_BENCH_PORT, default 18199)
set -euo pipefail
COUNT="${1:-10000}"
ROUNDS="${2:-3}"
APP_PORT="${ZONEGIS_BENCH_PORT:-18199}"
DB="${ZONEGIS_BENCH_DB:-zonegis_bench}"
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Squares along one side of a grid of N.
side_of() { awk -v n="$1" 'BEGIN { s = int(sqrt(n)); if (s * s < n) s++; print s }'; }
SIDE="$(side_of "$COUNT")"
PG="PG:host=127.0.0.1 port=$DB_PORT user=postgres dbname=$DB"
now() { date +%s.%N; }

# Writes N parcels coded PREFIX-…, a grid of 25 m squares 5 m apart from (X, Y) in the measuring CRS
# (EPSG:4550), to a zipped Shapefile NAME.zip in the work folder.
shapefile() {
	local name="$1" prefix="$2" n="$3" x="$4" y="$5" side
	side="$(side_of "$n")"
	"${PSQL[@]}" <<SQL
CREATE TABLE ${name}_source AS
SELECT format('$prefix-%s', lpad(i::text, 6, '0')) AS code, format('基准地块 %s', i) AS name, '工业用地' AS land_use,
	ST_Multi(ST_MakeEnvelope(x0, y0, x0 + 25, y0 + 25, 4550))::geometry(MultiPolygon, 4550) AS geom
FROM (SELECT i, $x + (i % $side) * 30 AS x0, $y + (i / $side) * 30 AS y0
	FROM generate_series(0, $n - 1) AS i) g;
SQL
	mkdir "$WORK/$name"
	ogr2ogr -f "ESRI Shapefile" "$WORK/$name/$name.shp" "$PG" "${name}_source" -lco ENCODING=UTF-8
	(cd "$WORK/$name" && zip -q "$WORK/$name.zip" "$name".*)
}

# Imports a zipped Shapefile through the API; prints the seconds it took.
service_import() {
	local start status
	start="$(now)"
	status="$(curl -s -o "$WORK/import.json" -w '%{http_code}' -u planner:planner2026 \
		-F "file=@$1" "$URL/api/parcels/import?format=shp&dryRun=false")"
	[ "$status" = "200" ] || { log "import failed with $status"; head -c 2000 "$WORK/import.json" >&2; exit 1; }
	awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }'
}

# South-west of the demo zone, inside the configured extent; the warm-up file east of the bench's.
log "generating $COUNT parcels (${SIDE}x$SIDE grid) and a warm-up file of 2,000 as Shapefiles"
shapefile bench BENCH "$COUNT" 403000 4104000
shapefile warmup WARMUP 2000 $((403000 + SIDE * 30 + 200)) 4104000

start_service
log "warm-up import of 2,000 parcels (not measured): $(service_import "$WORK/warmup.zip") s"

: >"$WORK/times"
for round in $(seq 1 "$ROUNDS"); do
	# Each round starts from the same register: the previous round's parcels are removed
	# underneath the service (their history and audit rows stay, as nothing reads them here).
	"${PSQL[@]}" -c "SET session_replication_role = replica; DELETE FROM zonegis.parcel WHERE code LIKE 'BENCH-%'"
	service_s="$(service_import "$WORK/bench.zip")"
	stored="$("${PSQL[@]}" -c "SELECT count(*) FROM zonegis.parcel WHERE code LIKE 'BENCH-%'")"
	[ "$stored" = "$COUNT" ] || { log "round $round stored $stored of $COUNT"; exit 1; }
	start="$(now)"
	ogr2ogr -f PostgreSQL "$PG" "$WORK/bench/bench.shp" -nln "bench_ogr_$round" -t_srs EPSG:4490 \
		-nlt MULTIPOLYGON -lco GEOMETRY_NAME=geom
	ogr_s="$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')"
	rows="$("${PSQL[@]}" -c "SELECT count(*) FROM bench_ogr_$round")"
	[ "$rows" = "$COUNT" ] || { log "ogr2ogr wrote $rows of $COUNT"; exit 1; }
	log "round $round: service $service_s s, ogr2ogr $ogr_s s, load $(cut -d' ' -f1 /proc/loadavg)"
	awk -v s="$service_s" -v o="$ogr_s" 'BEGIN { print s, o, s / o }' >>"$WORK/times"
done

# Best of each side, and the median round's ratio.
sort -n -k3 "$WORK/times" | awk -v n="$COUNT" '
	{ s[NR] = $1; o[NR] = $2; r[NR] = $3 }
	END {
		best_s = s[1]; best_o = o[1]
		for (i = 2; i <= NR; i++) { if (s[i] < best_s) best_s = s[i]; if (o[i] < best_o) best_o = o[i] }
		printf "\nparcels in file                 %d, %d rounds, service warmed\n", n, NR
		printf "service API import, best        %7.2f s  %8.0f features/s\n", best_s, n / best_s
		printf "ogr2ogr -f PostgreSQL, best     %7.2f s  %8.0f features/s\n", best_o, n / best_o
		printf "ratio, best / best              %7.1f x\n", best_s / best_o
		printf "ratio, median of rounds         %7.1f x\n", r[int((NR + 1) / 2)]
	}'
