#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh, all or nothing (one transaction).
# Usage: scripts/restore.sh FILE [--into DATABASE] [--replace]
#   --into     the database to restore into (default ZONEGIS_DB_NAME, zonegis); on the project's own
#              cluster it is created if missing, elsewhere create it first with PostGIS
#   --replace  replace the ZoneGIS data already in that database; without it a database that holds
#              any is left alone
# Stop the service that uses the database first. Connection variables as for backup.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

FILE="${1:?usage: scripts/restore.sh FILE [--into DATABASE] [--replace]}"
shift
TARGET="${ZONEGIS_DB_NAME:-zonegis}"
REPLACE=false
while [ $# -gt 0 ]; do
	case "$1" in
		--into) TARGET="${2:?--into needs a database name}"; shift 2 ;;
		--replace) REPLACE=true; shift ;;
		*) echo "[restore] unknown option $1" >&2; exit 2 ;;
	esac
done
[ -r "$FILE" ] || { echo "[restore] cannot read $FILE" >&2; exit 1; }

BINDIR="$("$ROOT/scripts/db.sh" bindir)"
export PGHOST="${ZONEGIS_DB_HOST:-127.0.0.1}" PGPORT="${ZONEGIS_DB_PORT:-55432}" PGDATABASE="$TARGET"
export PGUSER="${ZONEGIS_DB_USER:-zonegis}" PGPASSWORD="${ZONEGIS_DB_PASSWORD:-zonegis}"

"$BINDIR/pg_restore" --list "$FILE" >/dev/null || { echo "[restore] $FILE is not a pg_dump archive" >&2; exit 1; }
if [ -z "${ZONEGIS_DB_HOST:-}" ]; then
	"$ROOT/scripts/db.sh" createdb "$TARGET" >/dev/null
fi
TABLES="$("$BINDIR/psql" -qAt -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'zonegis'")"
if [ "$TABLES" != "0" ] && [ "$REPLACE" != true ]; then
	echo "[restore] $TARGET already holds ZoneGIS data ($TABLES tables); add --replace to replace it" >&2
	exit 1
fi

# The old schema goes in the same transaction as the restore: a failure leaves it as it was.
{
	echo "DROP SCHEMA IF EXISTS zonegis CASCADE;"
	"$BINDIR/pg_restore" --no-owner --no-privileges --file=- "$FILE"
} | PGOPTIONS="-c client_min_messages=warning" "$BINDIR/psql" -q --single-transaction -v ON_ERROR_STOP=1 >/dev/null
echo "[restore] $FILE → $TARGET ($("$BINDIR/psql" -qAt -c "SELECT count(*) FROM zonegis.work_order_attachment") attachments)"
