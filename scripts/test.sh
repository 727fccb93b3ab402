#!/usr/bin/env bash
# Every test against a real PostGIS and a real headless Chromium:
#   1. the project's PostGIS with a fresh test database,
#   2. mvn verify: unit and integration tests,
#   3. the browser tests (playwright-core + Debian's chromium) against the service on the test database.
# Exits non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TEST_DB="${ZONEGIS_TEST_DB:-zonegis_test}"
DB_PORT="${ZONEGIS_DB_PORT:-55432}"
# The outage tests (Java and browser) stop and start this cluster with db.sh: name it for them.
export ZONEGIS_DB_PORT="$DB_PORT" ZONEGIS_PGDATA="${ZONEGIS_PGDATA:-$ROOT/.pgdata}"
APP_PORT="${ZONEGIS_TEST_PORT:-18080}"
export ZONEGIS_TEST_DB_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/$TEST_DB"

ensure_browser() {
	local missing=()
	command -v chromium >/dev/null 2>&1 || missing+=(chromium)
	# Not `fc-list | grep -q`: grep leaves early and pipefail reads the SIGPIPE as "missing".
	fc-list 2>/dev/null | grep -ci "noto.*cjk" >/dev/null || missing+=(fonts-noto-cjk)
	# The document tests render the PDFs they check with poppler's pdftoppm.
	command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
	if [ ${#missing[@]} -gt 0 ]; then
		command -v apt-get >/dev/null 2>&1 || { echo "[test] install ${missing[*]} for the browser tests" >&2; exit 1; }
		local sudo=""
		[ "$(id -u)" -ne 0 ] && sudo="sudo"
		echo "[test] installing ${missing[*]}" >&2
		$sudo apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
}

# A cluster this run started is stopped when the run ends, leaving the port free for the next.
cluster_was_running=""
"$ROOT/scripts/db.sh" status >/dev/null 2>&1 && cluster_was_running=yes
stop_cluster() { [ -n "$cluster_was_running" ] || "$ROOT/scripts/db.sh" stop >/dev/null 2>&1 || true; }
trap stop_cluster EXIT
"$ROOT/scripts/db.sh" start
"$ROOT/scripts/db.sh" dropdb "$TEST_DB"
"$ROOT/scripts/db.sh" createdb "$TEST_DB"
ensure_browser

echo "[test] demo zone generator"
node --test gis-data/generator/

echo "[test] mvn verify"
mvn -B verify

echo "[test] backup round trip"
"$ROOT/scripts/test-backup.sh" "$TEST_DB"

echo "[test] browser tests"
# A fresh database for the browser run, so it sees the demo zone as a new user would.
"$ROOT/scripts/db.sh" dropdb "${TEST_DB}_web"
"$ROOT/scripts/db.sh" createdb "${TEST_DB}_web"
LOG="$ROOT/web-map/test-output/service.log"
mkdir -p "$(dirname "$LOG")"
# The browser tests log in as each demo user with its name followed by 2026 (web-map/test/support.mjs).
ZONEGIS_DB_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/${TEST_DB}_web" ZONEGIS_PORT="$APP_PORT" \
	java -jar geo-service/target/geo-service.jar --zonegis.demo.load=true \
	--spring.config.import="file:$ROOT/scripts/test-logins.properties" >"$LOG" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true; stop_cluster' EXIT
SERVICE="http://127.0.0.1:$APP_PORT"

# The browser tests start only against a service that is up and warm: health UP, then one page
# of the map, one tile and one page of features, so no first test pays for class loading and
# cold caches. A service that does not come up fails the run.
started=""
for _ in $(seq 1 180); do
	kill -0 $APP_PID 2>/dev/null || { echo "[test] the service under test exited; see $LOG" >&2; tail -50 "$LOG" >&2; exit 1; }
	if curl -sf "$SERVICE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then started=yes; break; fi
	sleep 1
done
[ -n "$started" ] || { echo "[test] the service under test did not report UP within 180 s; see $LOG" >&2; tail -50 "$LOG" >&2; exit 1; }
for path in / /api/config /api/layers /tiles/parcels/14/13746/6366.mvt "/ogc/collections/parcels/items?limit=100"; do
	curl -sf -o /dev/null -u viewer:viewer2026 "$SERVICE$path" || { echo "[test] warm-up request $path failed" >&2; exit 1; }
done

ZONEGIS_URL="$SERVICE" node --test --test-concurrency=1 web-map/test/
