#!/usr/bin/env bash
# One command from a fresh clone to the demo zone on a map at http://localhost:8080:
# starts the project's PostGIS, builds the service (tests skipped), loads the demo zone
# into an empty database and runs the service in the foreground.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

"$ROOT/scripts/db.sh" start
export ZONEGIS_DB_URL="${ZONEGIS_DB_URL:-jdbc:postgresql://127.0.0.1:${ZONEGIS_DB_PORT:-55432}/${ZONEGIS_DB_NAME:-zonegis}}"

echo "[run] building (tests skipped)…"
mvn -B -q -DskipTests package

PORT="${ZONEGIS_PORT:-8080}"
cat <<MSG

  ZoneGIS is starting at http://localhost:$PORT
  Demo logins (user / password):
    viewer / viewer2026          查看 read only
    planner / planner2026        规划 land and assets
    dispatcher / dispatcher2026  调度 work orders
    crew / crew2026              班组 field crew (phone view)
    admin / admin2026            管理 everything

MSG
exec java ${JAVA_OPTS:-} -jar geo-service/target/geo-service.jar --zonegis.demo.load=true "$@"
