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
BIND="${ZONEGIS_BIND:-127.0.0.1}"
export ZONEGIS_BIND="$BIND"

# shellcheck source=demo-passwords.sh
source "$ROOT/scripts/demo-passwords.sh"

echo
echo "  ZoneGIS is starting at http://$BIND:$PORT  (listening on $BIND only; ZONEGIS_BIND=0.0.0.0 serves the network)"
echo "  Demo logins of this installation (user / password, kept in $PASSWORDS):"
printf '    %-11s %-20s %s\n' viewer "$(password viewer)" "查看 read only" planner "$(password planner)" \
	"规划 land and assets" dispatcher "$(password dispatcher)" "调度 work orders" crew "$(password crew)" \
	"班组 field crew (phone view)" safety "$(password safety)" "安全环保 house survey, inspections" \
	admin "$(password admin)" "管理 everything"
echo "  A database whose demo users already existed keeps their passwords (scripts/db.sh reset starts anew)."
echo
exec java ${JAVA_OPTS:-} -jar geo-service/target/geo-service.jar --zonegis.demo.load=true \
	--spring.config.import="file:$PASSWORDS" "$@"
