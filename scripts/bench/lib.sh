# Shared by the benchmarks: a fresh scratch database, a private work folder and the built service
# (or the jar ZONEGIS_BENCH_JAR names, to compare builds) started on that database. Source it after
# setting DB (database name) and APP_PORT.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DB_PORT="${ZONEGIS_DB_PORT:-55432}"
PSQL=(psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAt)
URL="http://127.0.0.1:$APP_PORT"
WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
	[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
log() { printf '[bench] %s\n' "$*" >&2; }

"$ROOT/scripts/db.sh" dropdb "$DB" >/dev/null
"$ROOT/scripts/db.sh" createdb "$DB" >/dev/null

# Starts the built service on the scratch database with the demo zone and waits until it is up.
start_service() {
	log "starting the service on $URL (database $DB, demo zone loaded)"
	ZONEGIS_DB_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/$DB" ZONEGIS_PORT="$APP_PORT" \
		java -jar "${ZONEGIS_BENCH_JAR:-$ROOT/geo-service/target/geo-service.jar}" --zonegis.demo.load=true \
		--spring.config.import="file:$ROOT/scripts/test-logins.properties" >"$WORK/service.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 120); do
		curl -sf "$URL/actuator/health" >/dev/null 2>&1 && return 0
		kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/service.log" >&2; exit 1; }
		sleep 1
	done
	log "the service did not start in 120 s"; exit 1
}
