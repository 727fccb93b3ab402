#!/usr/bin/env bash
# The benchmark: the service against PostgreSQL itself, side by side in one run, same tiles and
# boxes for both sides, 2 and 8 clients (wrk for HTTP, pgbench for SQL).
#
#   scripts/bench/run.sh               1,000,000 parcels (zone made once by zone.sh, then reused), ≤ 15 min
#   scripts/bench/run.sh --quick       100,000 parcels, shorter runs, ≤ 3 min once the zone exists
#   scripts/bench/run.sh --through URL measure a running deployment (e.g. nginx of scripts/scale-demo.sh)
#                                      on the same database; no service is started, no RSS, no cold tiles
#   scripts/bench/run.sh --latency     (with or without --quick) nearest-asset, crew suggestions and the
#                                      work-order cycle only: no tiles, no items
#
# Measures: parcel tiles cold (service with its tile cache off) and warm (cache on, every tile
# requested once before) against the service's own tile SQL run directly; OGC items pages
# (limit=1000) against the service's own items SQL; nearest-asset latency against its own SQL;
# crew-suggestion latency; the create → dispatch → … → closed cycle of a work order; the service's
# peak RSS under load. Each HTTP measurement follows a warm-up that lasts until the JIT is quiet
# (see warm_up), so a run times the service as it runs in use. The direct
# SQL is the statement the service ran, captured from its own log (JdbcTemplate DEBUG, switched on
# through /actuator/loggers for one request of each kind), so both sides run the same query.
# Prints a table and, last, one line:
#   bench tiles_cold_ratio=… tiles_warm_ratio=… items_ratio=… nearest_p95_ms=… wo_cycle_p95_ms=… rss_mb=…
#         nearest_sql_p95_ms=…
# (ratios: service requests per second / direct SQL statements per second, at 8 clients; the last
# figure is the service's own nearest-asset statement alone, the ceiling for nearest_p95_ms).
#
# Env: ZONEGIS_DB_PORT (cluster), ZONEGIS_BENCH_DB (database; default zonegis_bench_1m or
# zonegis_bench_100k), ZONEGIS_BENCH_PORT (service port, default 18198), ZONEGIS_BENCH_SECONDS
# (per measurement; default 10, quick 4), ZONEGIS_BENCH_JAR (the service jar, default the one built
# here: another build to compare against). Installs Debian's wrk when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/scripts/bench"
QUICK=0
LATENCY=0
THROUGH=""
while [ $# -gt 0 ]; do
	case "$1" in
	--quick) QUICK=1 ;;
	--latency) LATENCY=1 ;;
	--through) THROUGH="${2:?--through needs a URL}"; shift ;;
	*) echo "usage: $0 [--quick] [--latency] [--through URL]" >&2; exit 2 ;;
	esac
	shift
done
if [ "$QUICK" = 1 ]; then PARCELS=100000; SECONDS_EACH="${ZONEGIS_BENCH_SECONDS:-4}"; DB="${ZONEGIS_BENCH_DB:-zonegis_bench_100k}"
else PARCELS=1000000; SECONDS_EACH="${ZONEGIS_BENCH_SECONDS:-10}"; DB="${ZONEGIS_BENCH_DB:-zonegis_bench_1m}"; fi
WARM_SECONDS=5
WARM_ROUNDS=12
[ "$QUICK" = 1 ] && WARM_ROUNDS=1
CLOCK_TICKS="$(getconf CLK_TCK)"
DB_PORT="${ZONEGIS_DB_PORT:-55432}"
APP_PORT="${ZONEGIS_BENCH_PORT:-18198}"
URL="${THROUGH:-http://127.0.0.1:$APP_PORT}"
JAR="${ZONEGIS_BENCH_JAR:-$ROOT/geo-service/target/geo-service.jar}"
PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAt)
WORK="$(mktemp -d)"
APP_PID=""
RSS_PID=""
STARTED=$(date +%s)
log() { printf '[bench %3ds] %s\n' "$(($(date +%s) - STARTED))" "$*" >&2; }
stop_service() {
	[ -n "$RSS_PID" ] && kill "$RSS_PID" 2>/dev/null || true
	[ -n "$APP_PID" ] && { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
	APP_PID=""
	RSS_PID=""
}
trap 'stop_service; rm -rf "$WORK"' EXIT

if ! command -v wrk >/dev/null 2>&1; then
	log "installing wrk (Debian package)"
	sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
	$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi
command -v pgbench >/dev/null || PATH="$("$ROOT/scripts/db.sh" bindir):$PATH"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)

# The zone: reused when it holds the bench parcels already.
have="$("${PSQL[@]}" -c "SELECT count(*) FROM zonegis.parcel WHERE created_by = 'bench'" 2>/dev/null || echo 0)"
if [ "$have" != "$PARCELS" ]; then
	log "making the zone: $PARCELS parcels in $DB"
	"$HERE/zone.sh" "$DB" "$PARCELS" >"$WORK/zone.txt"
else
	# Each run's work-order cycles update thousands of orders; their dead rows fill the open-orders
	# index that crew suggestions count through (one run after many: 56 ms for the count, 2.7 ms
	# after VACUUM). A reused zone starts vacuumed, as zone.sh leaves a new one.
	log "reusing $DB ($have bench parcels), vacuuming what earlier runs changed"
	"${PSQL[@]}" -c "VACUUM (ANALYZE) zonegis.work_order, zonegis.work_order_event"
fi

# --- the same requests for both sides -------------------------------------------------------
# Parcel tiles at zooms 14 to 17 over the gridded part of the zone, 32 per zoom (pgbench takes at
# most 128 scripts, one per tile or box), in a
# fixed order; OGC item pages of 1000 parcels in 0.01° boxes; nearest-asset points.
python3 - "$WORK" <<'PY'
import math, random, sys
work = sys.argv[1]
random.seed(10)
def tile(lon, lat, z):
    n = 2 ** z
    r = math.radians(lat)
    return z, int((lon + 180) / 360 * n), int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
tiles = []
for z in (14, 15, 16, 17):
    for _ in range(32):
        tiles.append(tile(random.uniform(121.92, 122.0), random.uniform(37.07, 37.15), z))
tiles = list(dict.fromkeys(tiles))
with open(work + "/tiles.txt", "w") as f:
    for z, x, y in tiles: f.write(f"{z} {x} {y}\n")
with open(work + "/boxes.txt", "w") as f:
    for _ in range(100):
        lon, lat = random.uniform(121.92, 121.99), random.uniform(37.07, 37.14)
        f.write(f"{lon:.5f},{lat:.5f},{lon + 0.01:.5f},{lat + 0.01:.5f}\n")
with open(work + "/points.txt", "w") as f:
    for _ in range(200): f.write(f"{random.uniform(121.92, 122.18):.5f} {random.uniform(37.07, 37.33):.5f}\n")
PY
awk '{ printf "/tiles/parcels/%s/%s/%s.mvt\n", $1, $2, $3 }' "$WORK/tiles.txt" >"$WORK/tile-paths.txt"
awk '{ printf "/ogc/collections/parcels/items?bbox=%s&limit=1000\n", $1 }' "$WORK/boxes.txt" >"$WORK/item-paths.txt"
awk '{ printf "/api/assets/nearest?lon=%s&lat=%s&k=5\n", $1, $2 }' "$WORK/points.txt" >"$WORK/nearest-paths.txt"
"${PSQL[@]}" -c "SELECT id FROM zonegis.work_order WHERE code LIKE 'BW-%' AND state = 'new' ORDER BY id LIMIT 200" |
	awk '{ printf "/api/workorders/%s/suggestions\n", $1 }' >"$WORK/suggest-paths.txt"
"${PSQL[@]}" -c "SELECT s.id FROM zonegis.streetlight s WHERE s.created_by = 'bench' AND NOT EXISTS (
	SELECT FROM zonegis.work_order o WHERE o.asset_type = 'streetlight' AND o.asset_id = s.id) ORDER BY s.id LIMIT 2000" >"$WORK/lights.txt"
CREW="$("${PSQL[@]}" -c "SELECT min(id) FROM zonegis.crew WHERE active AND 'streetlight_repair' = ANY (skills)")"
log "$(wc -l <"$WORK/tiles.txt") tiles, $(wc -l <"$WORK/boxes.txt") boxes, $(wc -l <"$WORK/points.txt") points"

start_service() { # extra service arguments...
	log "starting the service on $URL ($*)"
	ZONEGIS_DB_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/$DB" ZONEGIS_PORT="$APP_PORT" \
		java -jar "$JAR" --spring.config.import="file:$ROOT/scripts/test-logins.properties" \
		--management.endpoints.web.exposure.include=health,loggers "$@" >"$WORK/service.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 180); do
		curl -sf "$URL/actuator/health" >/dev/null 2>&1 && break
		kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/service.log" >&2; exit 1; }
		sleep 1
	done
	# Peak resident memory of the service, sampled while the measurements run.
	(peak=0; while kill -0 "$APP_PID" 2>/dev/null; do
		rss=$(awk '/VmRSS/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
		[ "${rss:-0}" -gt "$peak" ] && { peak=$rss; echo "$peak" >"$WORK/rss.peak"; }
		sleep 0.5
	done) &
	RSS_PID=$!
}

# A session as the map has one (HTTP Basic would run BCrypt on every request and measure that).
login() {
	rm -f "$WORK/cookies"
	curl -s -o /dev/null -c "$WORK/cookies" "$URL/api/config"
	local xsrf
	xsrf="$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$WORK/cookies")"
	curl -s -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" -H "X-XSRF-TOKEN: $xsrf" -H 'X-Requested-With: XMLHttpRequest' \
		--data-urlencode username=viewer --data-urlencode password=viewer2026 "$URL/api/login"
	# (curl marks HttpOnly cookies, the session among them, with a #HttpOnly_ prefix.)
	COOKIE="$(awk 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s=%s; ", $6, $7 }' "$WORK/cookies")"
	[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$URL/api/me")" = 200 ] || { log "login failed"; exit 1; }
}

# Warm-up: the service is measured as it runs in use, after HotSpot has compiled the path being
# measured. A 2-client load runs in rounds until the JIT's compiler threads used under a tenth of a
# core in a round (on 2 cores C2 otherwise goes on compiling Spring for a minute, on the same CPUs
# as the measurement); at most WARM_ROUNDS rounds. Through a URL there is no process to watch: one round.
jit_ticks() {
	local task sum=0
	for task in /proc/"$APP_PID"/task/*; do
		case "$(cat "$task/comm" 2>/dev/null)" in
		C1\ CompilerThre* | C2\ CompilerThre*) sum=$((sum + $(awk '{ print $14 + $15 }' "$task/stat"))) ;;
		esac
	done
	echo "$sum"
}
warm_up() { # name command...
	local name="$1" round=0 before used
	shift
	while [ "$round" -lt "$WARM_ROUNDS" ]; do
		round=$((round + 1))
		[ -n "$APP_PID" ] && before="$(jit_ticks)"
		"$@" >/dev/null
		[ -z "$APP_PID" ] && break
		used=$(($(jit_ticks) - before))
		[ "$((used * 10))" -lt "$((WARM_SECONDS * CLOCK_TICKS))" ] && break
	done
	log "warm-up of $name: $round round(s) of ${WARM_SECONDS}s${used:+, the JIT used $((used * 1000 / CLOCK_TICKS)) ms in the last}"
}
warm_http() { # name pathfile
	warm_up "$1" wrk -t 2 -c 2 -d "${WARM_SECONDS}s" -H "Cookie: $COOKIE" -s "$HERE/paths.lua" "$URL" -- "$2"
}

http_run() { # name clients pathfile
	local out
	out="$(wrk -t "$(( $2 < 2 ? $2 : 2 ))" -c "$2" -d "${SECONDS_EACH}s" --timeout 10s -H "Cookie: $COOKIE" \
		-s "$HERE/paths.lua" "$URL" -- "$3" | grep '^RESULT')"
	echo "$1 $2 ${out#RESULT }" >>"$WORK/results.txt"
	log "$1 c=$2 ${out#RESULT }"
}

sql_run() { # name clients scriptdir
	local scripts=() f
	for f in "$3"/*.sql; do scripts+=(-f "$f"); done
	rm -f "$WORK"/pgb.*
	local tps
	# Prepared: each client plans each script's statement once, as the service's driver does
	# for the statements it repeats, so the direct side is not slowed by planning.
	tps="$(cd "$WORK" && pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c "$2" -j "$(( $2 < 2 ? $2 : 2 ))" \
		-T "$SECONDS_EACH" -l --log-prefix=pgb "${scripts[@]}" "$DB" 2>&1 | awk '/^tps/ { print $3 }')"
	local pct
	pct="$(cat "$WORK"/pgb.* | awk '{ print $3 / 1000 }' | sort -n | awk '{ v[NR] = $1 } END {
		printf "p50=%.2f p95=%.2f p99=%.2f requests=%d", v[int(NR * .5) + 1], v[int(NR * .95) + 1], v[int(NR * .99) + 1], NR }')"
	echo "$1 $2 rps=$tps $pct errors=0 non2xx=0" >>"$WORK/results.txt"
	log "$1 c=$2 rps=$tps $pct"
}

# The statements the service runs for one tile and one items page, from its own DEBUG log (the
# bytes it wrote during each request), with
# their parameters bound: the direct side runs exactly them.
capture_sql() {
	local admin=(-s -u admin:admin2026 -H 'Content-Type: application/json')
	for logger in org.springframework.jdbc.core.JdbcTemplate org.springframework.jdbc.core.StatementCreatorUtils; do
		curl "${admin[@]}" -o /dev/null -d '{"configuredLevel":"TRACE"}' "$URL/actuator/loggers/$logger"
	done
	local path marks=()
	for path in "$(head -1 "$WORK/tile-paths.txt")" "$(head -1 "$WORK/item-paths.txt")" "$(head -1 "$WORK/nearest-paths.txt")"; do
		marks+=("$(stat -c %s "$WORK/service.log")")
		curl -s -o /dev/null -H "Cookie: $COOKIE" "$URL$path"
	done
	marks+=("$(stat -c %s "$WORK/service.log")")
	for logger in org.springframework.jdbc.core.JdbcTemplate org.springframework.jdbc.core.StatementCreatorUtils; do
		curl "${admin[@]}" -o /dev/null -d '{"configuredLevel":null}' "$URL/actuator/loggers/$logger"
	done
	python3 "$HERE/direct_sql.py" "$WORK/service.log" "${marks[*]}" "$WORK/tiles.txt" "$WORK/boxes.txt" "$WORK/points.txt" "$WORK"
}

[ -z "$THROUGH" ] && start_service --zonegis.tiles.cache-megabytes=0
login
if [ -z "$THROUGH" ]; then
	capture_sql
	log "direct tile SQL plan (z 16 tile):"
	sed -n '1p' "$WORK/tile-sql/0001.sql" | sed 's/^/EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) /' | "${PSQL[@]}" >"$WORK/tile-plan.txt"
	grep -E 'Index|Seq Scan' "$WORK/tile-plan.txt" | sed 's/^/    /' >&2
	sed -n '1p' "$WORK/item-sql/0001.sql" | sed 's/^/EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) /' | "${PSQL[@]}" >"$WORK/item-plan.txt"
	grep -E 'Index|Seq Scan' "$WORK/item-plan.txt" | sed 's/^/    /' >&2
	log "direct nearest-asset SQL plan (first point):"
	sed -n '1p' "$WORK/nearest-sql/0001.sql" | sed 's/^/EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) /' | "${PSQL[@]}" >"$WORK/nearest-plan.txt"
	grep -E 'Index|Seq Scan' "$WORK/nearest-plan.txt" | sed 's/^/    /' >&2
fi
if [ -z "$THROUGH" ] && [ "$LATENCY" = 0 ]; then
	# The warm-ups also read each list once, so neither side starts on a cold page cache.
	warm_http "cold tiles" "$WORK/tile-paths.txt"
	for c in 2 8; do
		sql_run tiles_sql "$c" "$WORK/tile-sql"
		http_run tiles_cold "$c" "$WORK/tile-paths.txt"
	done
	warm_http "items" "$WORK/item-paths.txt"
	for c in 2 8; do
		sql_run items_sql "$c" "$WORK/item-sql"
		http_run items "$c" "$WORK/item-paths.txt"
	done
elif [ -n "$THROUGH" ] && [ "$LATENCY" = 0 ]; then
	for c in 2 8; do http_run items "$c" "$WORK/item-paths.txt"; done
fi
warm_http "nearest asset" "$WORK/nearest-paths.txt"
warm_http "crew suggestions" "$WORK/suggest-paths.txt"
for c in 2 8; do
	[ -z "$THROUGH" ] && sql_run nearest_sql "$c" "$WORK/nearest-sql"
	http_run nearest "$c" "$WORK/nearest-paths.txt"
	http_run crew_suggestion "$c" "$WORK/suggest-paths.txt"
done
TOKEN="$(curl -s -u dispatcher:dispatcher2026 -H 'Content-Type: application/json' -d '{"name":"bench"}' "$URL/api/tokens" |
	python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')"
# One wrk thread per client: each holds one connection and the state of its cycle.
cycle_run() { # clients seconds
	wrk -t "$1" -c "$1" -d "${2}s" --timeout 10s -s "$HERE/wo_cycle.lua" "$URL" -- "$TOKEN" "$WORK/lights.txt" "$CREW"
}
warm_up "work-order cycle" cycle_run 2 "$WARM_SECONDS"
for c in 2 8; do
	out="$(cycle_run "$c" "$SECONDS_EACH" | grep '^RESULT')"
	echo "wo_cycle $c ${out#RESULT }" >>"$WORK/results.txt"
	log "wo_cycle c=$c ${out#RESULT }"
done

# Warm tiles: the cache on (the default), every tile fetched once, then the same runs.
if [ "$LATENCY" = 0 ]; then
	if [ -z "$THROUGH" ]; then
		stop_service
		start_service
		login
	fi
	warm_http "warm tiles" "$WORK/tile-paths.txt"
	while read -r p; do curl -s -o /dev/null -H "Cookie: $COOKIE" "$URL$p"; done <"$WORK/tile-paths.txt"
	for c in 2 8; do http_run tiles_warm "$c" "$WORK/tile-paths.txt"; done
	[ -z "$THROUGH" ] && for c in 2 8; do http_run items_cache_on "$c" "$WORK/item-paths.txt"; done
fi
RSS_MB="n/a"
[ -f "$WORK/rss.peak" ] && RSS_MB="$(awk '{ printf "%d", $1 / 1024 }' "$WORK/rss.peak")"
stop_service

# --- the table ------------------------------------------------------------------------------
echo
echo "ZoneGIS benchmark: $("${PSQL[@]}" -c 'SELECT count(*) FROM zonegis.parcel') parcels in $DB, ${SECONDS_EACH}s per run, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), ${URL}"
printf '%-16s %7s %10s %9s %9s %9s %9s %7s\n' measure clients req/s p50_ms p95_ms p99_ms requests errors
awk '{ for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
	printf "%-16s %7s %10s %9s %9s %9s %9s %7s\n", $1, $2, v["rps"], v["p50"], v["p95"], v["p99"], v["requests"], v["errors"] + v["non2xx"] }' "$WORK/results.txt"
value() { awk -v m="$1" -v c="$2" -v k="$3" '$1 == m && $2 == c { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }' "$WORK/results.txt"; }
ratio() { awk -v a="$(value "$1" 8 rps)" -v b="$(value "$2" 8 rps)" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
echo "bench tiles_cold_ratio=$(ratio tiles_cold tiles_sql) tiles_warm_ratio=$(ratio tiles_warm tiles_sql) items_ratio=$(ratio items items_sql) nearest_p95_ms=$(value nearest 8 p95) wo_cycle_p95_ms=$(value wo_cycle 8 p95) rss_mb=$RSS_MB nearest_sql_p95_ms=$(value nearest_sql 8 p95)"
