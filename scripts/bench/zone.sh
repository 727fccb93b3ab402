#!/usr/bin/env bash
# A synthetic zone at scale, for the benchmarks: scripts/bench/zone.sh DBNAME PARCELS
#
# 1. (Re)creates DBNAME and starts the built service on it once: its own Flyway migrations make the
#    schema, and the demo zone (crews, users with scripts/test-logins.properties passwords, a few
#    hundred real-looking features) is loaded, as scripts/run.sh does. The service is stopped again.
# 2. Adds PARCELS non-overlapping parcels in a grid over the configured zone extent (the demo zone's
#    own ground is left out), in set-based INSERT … SELECT statements: every lifecycle state, a land
#    recovery record for each recovered parcel and a lifecycle event for each parcel past "planned";
#    1 well and 1 pipe segment (starting at the well) per 5 parcels, 1 streetlight per 10, 1 work
#    order per 10 on those assets, in every state, with the event chain that led there. Every
#    trigger and constraint stays on (the tile-change notifications fire too); each table's load is
#    one audit_log entry by user "bench".
# 3. VACUUM ANALYZE, then prints the counts.
#
# The service then starts on it with ZONEGIS_DB_URL alone. Needs a built jar (mvn -B -DskipTests
# package) and the project's PostGIS (scripts/db.sh; ZONEGIS_DB_PORT picks the cluster).
# Env: ZONEGIS_BENCH_PORT (default 18198) for the one start of the service.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 DBNAME PARCELS" >&2; exit 2; }
DB="$1"
PARCELS="$2"
[[ "$DB" =~ ^[a-z0-9_]+$ ]] || { echo "DBNAME: lower-case letters, digits and _ only" >&2; exit 2; }
[[ "$PARCELS" =~ ^[0-9]+$ ]] && [ "$PARCELS" -ge 10 ] || { echo "PARCELS: a whole number, at least 10" >&2; exit 2; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DB_PORT="${ZONEGIS_DB_PORT:-55432}"
APP_PORT="${ZONEGIS_BENCH_PORT:-18198}"
JAR="$ROOT/geo-service/target/geo-service.jar"
PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAt)
log() { printf '[zone] %s\n' "$*" >&2; }
[ -f "$JAR" ] || { log "no $JAR: run mvn -B -DskipTests package first"; exit 1; }

started=$(date +%s)
"$ROOT/scripts/db.sh" dropdb "$DB" >/dev/null
"$ROOT/scripts/db.sh" createdb "$DB" >/dev/null

# The schema comes from the service's own migrations, the crews and users from its demo loader.
SERVICE_LOG="$(mktemp)"
ZONEGIS_DB_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/$DB" ZONEGIS_PORT="$APP_PORT" \
	java -Xmx256m -jar "$JAR" --zonegis.demo.load=true \
	--spring.config.import="file:$ROOT/scripts/test-logins.properties" >"$SERVICE_LOG" 2>&1 &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null || true; rm -f "$SERVICE_LOG"' EXIT
for _ in $(seq 1 180); do
	curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1 && break
	kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$SERVICE_LOG" >&2; exit 1; }
	sleep 1
done
curl -sf "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null || { log "the service did not start"; exit 1; }
# The extent the service refuses coordinates outside of, from its own configuration.
EXTENT="$(curl -sf "http://127.0.0.1:$APP_PORT/api/config" | python3 -c 'import json,sys; print(",".join(map(str, json.load(sys.stdin)["extent"])))')"
kill "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
log "schema migrated and demo zone loaded in $(($(date +%s) - started)) s; extent $EXTENT"

IFS=, read -r MIN_LON MIN_LAT MAX_LON MAX_LAT <<<"$EXTENT"
"${PSQL[@]}" <<SQL
\\timing on
SET search_path = zonegis, public;
SET synchronous_commit = off;
-- The demo zone's ground (with a street's margin) is not gridded over.
CREATE TEMP TABLE demo_ground AS
	SELECT ST_SetSRID(ST_Expand(ST_Extent(geom)::geometry, 0.001), 4490) AS geom FROM (
		SELECT geom FROM parcel UNION ALL SELECT geom FROM expansion_zone UNION ALL SELECT geom FROM land_recovery) g;
-- A square grid over the extent with room for the parcels beside the demo ground: cell n at
-- column n % side, row n / side. Each parcel is its cell less a 10% street on two sides.
CREATE TEMP TABLE cell AS
WITH size AS (
	SELECT ceil(sqrt($PARCELS * ($MAX_LON - $MIN_LON) * ($MAX_LAT - $MIN_LAT)
		/ (($MAX_LON - $MIN_LON) * ($MAX_LAT - $MIN_LAT) - ST_Area(d.geom))) * 1.02)::int AS side FROM demo_ground d
), grid AS (
	SELECT n, $MIN_LON + (n % side) * ($MAX_LON - $MIN_LON) / side AS lon, $MIN_LAT + (n / side) * ($MAX_LAT - $MIN_LAT) / side AS lat,
		($MAX_LON - $MIN_LON) / side AS dlon, ($MAX_LAT - $MIN_LAT) / side AS dlat
	FROM size, generate_series(0, side * side - 1) AS n
)
SELECT row_number() OVER (ORDER BY n) AS i, lon, lat, dlon, dlat
FROM grid, demo_ground d
WHERE NOT ST_Intersects(d.geom, ST_MakeEnvelope(lon, lat, lon + dlon, lat + dlat, 4490))
ORDER BY n LIMIT $PARCELS;
DO \$\$ BEGIN
	IF (SELECT count(*) FROM cell) < $PARCELS THEN RAISE EXCEPTION 'the extent has no room for $PARCELS parcels'; END IF;
END \$\$;

-- Lifecycle: 1 in 20 recovered, 1 in 20 cancelled, the rest spread over the five active states.
INSERT INTO parcel (code, name, land_use, land_class_code, holder, status, status_changed_at, geom, created_by, updated_by)
SELECT format('BZ-%s', i), format('基准地块 %s', i), '工业用地', '0601', format('基准企业 %s', i % 997),
	CASE i % 20 WHEN 0 THEN 'recovered' WHEN 1 THEN 'cancelled'
		ELSE (ARRAY['planned','red_line_issued','filed','listed','transferred'])[1 + i % 5] END,
	now() - interval '30 days',
	ST_Multi(ST_MakeEnvelope(lon + dlon * 0.1, lat + dlat * 0.1, lon + dlon, lat + dlat, 4490)), 'bench', 'bench'
FROM cell;

INSERT INTO land_recovery (parcel_id, parcel_code, former_holder, land_use, reason, decision_date, certificate_cancelled, geom, created_by, updated_by)
SELECT id, code, holder, 'industrial', 'idle', current_date - 30, true, geom, 'bench', 'bench'
FROM parcel WHERE created_by = 'bench' AND status = 'recovered';

-- The step that brought each parcel to its status (recovered and cancelled ones from "transferred").
INSERT INTO parcel_event (parcel_id, at, by_user, from_status, to_status, version, note)
SELECT id, status_changed_at, 'bench',
	CASE status WHEN 'red_line_issued' THEN 'planned' WHEN 'filed' THEN 'red_line_issued' WHEN 'listed' THEN 'filed'
		WHEN 'transferred' THEN 'listed' ELSE 'transferred' END, status, 1, '基准数据'
FROM parcel WHERE created_by = 'bench' AND status <> 'planned';

-- Every 5th cell: a well at its street corner and a pipe from it along the street.
INSERT INTO well (code, kind, cover_state, depth_m, geom, created_by, updated_by)
SELECT format('BJ-%s', i), (ARRAY['rain','sewage'])[1 + (i / 5) % 2], 'intact', 2.5, ST_SetSRID(ST_MakePoint(lon + dlon * 0.05, lat + dlat * 0.05), 4490), 'bench', 'bench'
FROM cell WHERE i % 5 = 0;
INSERT INTO pipe (code, kind, diameter_mm, material, upstream_well_id, geom, created_by, updated_by)
SELECT format('BP-%s', c.i), w.kind, 600, '钢筋混凝土', w.id,
	ST_SetSRID(ST_MakeLine(ST_MakePoint(c.lon + c.dlon * 0.05, c.lat + c.dlat * 0.05), ST_MakePoint(c.lon + c.dlon * 1.05, c.lat + c.dlat * 0.05)), 4490), 'bench', 'bench'
FROM cell c JOIN well w ON w.code = format('BJ-%s', c.i) WHERE c.i % 5 = 0;
-- Every 10th cell: a streetlight on the other street.
INSERT INTO streetlight (code, circuit, lamp_type, power_w, state, geom, created_by, updated_by)
SELECT format('BL-%s', i), format('BHL-%s', i / 1000), 'led', 120, CASE WHEN i % 70 = 0 THEN 'faulty' ELSE 'normal' END,
	ST_SetSRID(ST_MakePoint(lon + dlon * 0.05, lat + dlat * 0.55), 4490), 'bench', 'bench'
FROM cell WHERE i % 10 = 0;

-- Every 10th cell: a work order on its streetlight, well or pipe, in one of the states of the loop,
-- dispatched ones to an active crew with the skill.
CREATE TEMP TABLE wo_src AS
SELECT c.i, k.kind, k.asset_type, a.id AS asset_id, a.geom,
	(ARRAY['new','dispatched','in_progress','completed','verified','closed','rejected','cancelled'])[1 + (c.i / 10) % 8] AS state
FROM cell c
CROSS JOIN LATERAL (SELECT (ARRAY['streetlight_repair','well_repair','pipe_dredging'])[1 + (c.i / 10) % 3] AS kind,
	(ARRAY['streetlight','well','pipe'])[1 + (c.i / 10) % 3] AS asset_type) k
CROSS JOIN LATERAL (
	SELECT s.id, s.geom FROM streetlight s WHERE k.asset_type = 'streetlight' AND s.code = format('BL-%s', c.i)
	UNION ALL SELECT w.id, w.geom FROM well w WHERE k.asset_type = 'well' AND w.code = format('BJ-%s', c.i)
	UNION ALL SELECT p.id, ST_StartPoint(p.geom) FROM pipe p WHERE k.asset_type = 'pipe' AND p.code = format('BP-%s', c.i)) a
WHERE c.i % 10 = 0;
INSERT INTO work_order (code, kind, priority, state, description, asset_type, asset_id, crew_id, reported_by, due_at, geom, created_at, created_by, updated_by)
SELECT format('BW-%s', s.i), s.kind, (ARRAY['urgent','high','normal','low'])[1 + s.i % 4], s.state,
	format('基准工单 %s', s.i), s.asset_type, s.asset_id,
	CASE WHEN s.state IN ('new','cancelled') THEN NULL ELSE (SELECT min(id) FROM crew WHERE active AND s.kind = ANY (skills)) END,
	'dispatcher', now() + interval '3 days', s.geom, now() - interval '10 days', 'dispatcher', 'dispatcher'
FROM wo_src s;
-- The event chain: new, then each step of the loop up to the order's state.
INSERT INTO work_order_event (work_order_id, at, by_user, from_state, to_state, note)
SELECT o.id, o.created_at + step.n * interval '1 hour', 'dispatcher', step.from_state, step.to_state, '基准数据'
FROM work_order o
JOIN LATERAL (
	SELECT * FROM (VALUES
		(0, NULL, 'new', ARRAY['new','dispatched','in_progress','completed','verified','closed','rejected','cancelled']),
		(1, 'new', 'dispatched', ARRAY['dispatched','in_progress','completed','verified','closed','rejected']),
		(2, 'dispatched', 'in_progress', ARRAY['in_progress','completed','verified','closed','rejected']),
		(3, 'in_progress', 'completed', ARRAY['completed','verified','closed','rejected']),
		(4, 'completed', 'verified', ARRAY['verified','closed']),
		(4, 'completed', 'rejected', ARRAY['rejected']),
		(5, 'verified', 'closed', ARRAY['closed']),
		(1, 'new', 'cancelled', ARRAY['cancelled'])) AS e(n, from_state, to_state, reached)
	WHERE o.state = ANY (e.reached)) step(n, from_state, to_state, reached) ON true
WHERE o.code LIKE 'BW-%';

-- One audit entry per table loaded, as the service writes one per set-based change.
INSERT INTO audit_log (username, action, entity, entity_id, detail)
SELECT 'bench', 'create', t, NULL, jsonb_build_object('source', 'scripts/bench/zone.sh', 'rows', n)
FROM (VALUES ('parcel', (SELECT count(*) FROM parcel WHERE created_by = 'bench')),
	('land_recovery', (SELECT count(*) FROM land_recovery WHERE created_by = 'bench')),
	('well', (SELECT count(*) FROM well WHERE created_by = 'bench')),
	('pipe', (SELECT count(*) FROM pipe WHERE created_by = 'bench')),
	('streetlight', (SELECT count(*) FROM streetlight WHERE created_by = 'bench')),
	('work_order', (SELECT count(*) FROM work_order WHERE code LIKE 'BW-%'))) AS c(t, n);
SQL
log "loaded in $(($(date +%s) - started)) s; VACUUM ANALYZE"
"${PSQL[@]}" -c 'VACUUM ANALYZE'
log "done in $(($(date +%s) - started)) s"
"${PSQL[@]}" -F ' ' <<'SQL'
SELECT 'parcels', count(*) FROM zonegis.parcel UNION ALL
SELECT 'parcels_' || status, count(*) FROM (SELECT status FROM zonegis.parcel) p GROUP BY status UNION ALL
SELECT 'land_recoveries', count(*) FROM zonegis.land_recovery UNION ALL
SELECT 'parcel_events', count(*) FROM zonegis.parcel_event UNION ALL
SELECT 'wells', count(*) FROM zonegis.well UNION ALL
SELECT 'pipes', count(*) FROM zonegis.pipe UNION ALL
SELECT 'streetlights', count(*) FROM zonegis.streetlight UNION ALL
SELECT 'work_orders', count(*) FROM zonegis.work_order UNION ALL
SELECT 'work_order_events', count(*) FROM zonegis.work_order_event UNION ALL
SELECT 'audit_entries', count(*) FROM zonegis.audit_log;
SQL
