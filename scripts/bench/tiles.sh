#!/usr/bin/env bash
# Benchmark, not a test: load 100,000 synthetic parcels over the demo zone into a scratch
# database, then fetch the same parcel tiles (zooms 12 to 16) from the service's /tiles and as a
# plain ST_AsMVT query in psql, in the same run. Prints the time per tile of both and their ratio:
# what HTTP, security, ETags and the service's SQL add to the database's own work. Then pans the
# web map over the 100,000 parcels in headless Chromium and prints the frame intervals.
#
# Needs the project's PostGIS (scripts/db.sh) and a built service (mvn -B -DskipTests package).
# Usage: scripts/bench/tiles.sh [parcels]   (default 100000; env ZONEGIS_BENCH_PORT, default 18198)
set -euo pipefail
COUNT="${1:-100000}"
APP_PORT="${ZONEGIS_BENCH_PORT:-18198}"
DB="zonegis_bench_tiles"
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start_service

# A square grid over the zone extent (121.90–122.20 E, 37.05–37.35 N), one 70 m parcel per cell.
SIDE="$(awk -v n="$COUNT" 'BEGIN { s = int(sqrt(n)); if (s * s < n) s++; print s }')"
log "loading $COUNT synthetic parcels (${SIDE}x$SIDE grid)"
"${PSQL[@]}" <<SQL
INSERT INTO zonegis.parcel (code, name, status, geom, created_by, updated_by)
SELECT format('BENCH-%s', i), '基准地块',
	(ARRAY['planned','red_line_issued','filed','listed','transferred'])[1 + i % 5],
	ST_Multi(ST_MakeEnvelope(lon, lat, lon + 0.0008, lat + 0.0006, 4490)), 'bench', 'bench'
FROM (SELECT i, 121.90 + (i % $SIDE) * (0.30 / $SIDE) AS lon, 37.05 + (i / $SIDE) * (0.30 / $SIDE) AS lat
	FROM generate_series(0, $COUNT - 1) AS i) g;
ANALYZE zonegis.parcel;
SQL
log "parcels in the table: $("${PSQL[@]}" -c 'SELECT count(*) FROM zonegis.parcel')"

# Every tile over the zone centre at zooms 12 to 14, and a 6x6 block at 15 and 16.
tiles() {
	awk 'function tx(lon, z) { return int((lon + 180) / 360 * 2^z) }
	function ty(lat, z,   r) { r = lat * 3.14159265358979 / 180; return int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / 3.14159265358979) / 2 * 2^z) }
	BEGIN {
		for (z = 12; z <= 16; z++) {
			x0 = tx(121.98, z); x1 = tx(122.12, z); y0 = ty(37.26, z); y1 = ty(37.12, z)
			if (z >= 15) { cx = tx(122.05, z); cy = ty(37.19, z); x0 = cx - 3; x1 = cx + 2; y0 = cy - 3; y1 = cy + 2 }
			for (x = x0; x <= x1; x++) for (y = y0; y <= y1; y++) print z, x, y
		}
	}'
}
tiles >"$WORK/tiles.txt"
log "$(wc -l <"$WORK/tiles.txt") tiles per pass"

# A session as the web map has one: HTTP Basic would run BCrypt on every tile and measure that.
curl -s -o /dev/null -c "$WORK/cookies" "$URL/api/config"
XSRF="$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$WORK/cookies")"
curl -s -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" -H "X-XSRF-TOKEN: $XSRF" -H 'X-Requested-With: XMLHttpRequest' \
	--data-urlencode username=viewer --data-urlencode password=viewer2026 "$URL/api/login"
status="$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/cookies" "$URL/api/me")"
[ "$status" = "200" ] || { log "login failed ($status)"; exit 1; }

# Milliseconds per tile, one line per tile in tiles.txt order.
service_pass() {
	while read -r z x y; do
		curl -s -o /dev/null -w '%{time_total}\n' -b "$WORK/cookies" "$URL/tiles/parcels/$z/$x/$y.mvt"
	done <"$WORK/tiles.txt" | awk '{ printf "%.3f\n", $1 * 1000 }'
}

# The same tiles as the plainest ST_AsMVT query, timed by psql itself.
plain_pass() {
	{
		echo '\timing on'
		echo '\o /dev/null'
		while read -r z x y; do
			cat <<SQL
SELECT ST_AsMVT(q, 'parcels', 4096, 'geom', 'id') FROM (
	SELECT ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope($z, $x, $y)) AS geom, id, status
	FROM zonegis.parcel WHERE geom && ST_Transform(ST_TileEnvelope($z, $x, $y), 4490)) q;
SQL
		done <"$WORK/tiles.txt"
	} | "${PSQL[@]}" 2>&1 | awk '/^Time:/ { print $2 }'
}

# The machine is shared, so each tile keeps its fastest of three rounds, both ways alike.
ROUNDS=3
log "warming up both, then $ROUNDS rounds of each"
service_pass >/dev/null
plain_pass >/dev/null
for r in $(seq 1 $ROUNDS); do
	service_pass >"$WORK/service.$r"
	plain_pass >"$WORK/plain.$r"
done
best() { paste "$@" | awk '{ m = $1; for (i = 2; i <= NF; i++) if ($i < m) m = $i; print m }'; }
best "$WORK"/service.* >"$WORK/service.best"
best "$WORK"/plain.* >"$WORK/plain.best"
stats() { sort -n "$1" | awk '{ v[NR] = $1; s += $1 } END { printf "mean %.1f ms, median %.1f ms, max %.1f ms", s / NR, v[int((NR + 1) / 2)], v[NR] }'; }
total() { awk '{ s += $1 } END { print s }' "$1"; }
echo "parcels=$("${PSQL[@]}" -c 'SELECT count(*) FROM zonegis.parcel') tiles=$(wc -l <"$WORK/tiles.txt") (zooms 12-16)"
echo "service /tiles (HTTP round trip): $(stats "$WORK/service.best")"
echo "plain ST_AsMVT in psql:           $(stats "$WORK/plain.best")"
echo "ratio service/plain (total time): $(awk -v a="$(total "$WORK/service.best")" -v b="$(total "$WORK/plain.best")" 'BEGIN { printf "%.2f", a / b }')"

if [ -d "$ROOT/web-map/node_modules/playwright-core" ] && command -v chromium >/dev/null 2>&1; then
	log "panning the web map in headless Chromium"
	ZONEGIS_URL="$URL" node "$ROOT/scripts/bench/tiles-pan.mjs"
else
	log "skipping the pan measurement: needs npm ci in web-map and Debian's chromium"
fi
