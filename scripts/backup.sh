#!/usr/bin/env bash
# Backs up the ZoneGIS database into one file (pg_dump custom format): every table of schema
# zonegis with its history, the audit log, the API tokens and the work-order attachments, which the
# service keeps in the database (work_order_attachment.data), not in files of its own.
# Usage: scripts/backup.sh [FILE]   (default backups/<database>-<UTC time>.dump)
# Connects like the service: ZONEGIS_DB_HOST (127.0.0.1), ZONEGIS_DB_PORT (55432), ZONEGIS_DB_NAME
# (zonegis), ZONEGIS_DB_USER / ZONEGIS_DB_PASSWORD (zonegis / zonegis).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

DB_NAME="${ZONEGIS_DB_NAME:-zonegis}"
FILE="${1:-$ROOT/backups/$DB_NAME-$(date -u +%Y%m%dT%H%M%SZ).dump}"
BINDIR="$("$ROOT/scripts/db.sh" bindir)"
export PGHOST="${ZONEGIS_DB_HOST:-127.0.0.1}" PGPORT="${ZONEGIS_DB_PORT:-55432}" PGDATABASE="$DB_NAME"
export PGUSER="${ZONEGIS_DB_USER:-zonegis}" PGPASSWORD="${ZONEGIS_DB_PASSWORD:-zonegis}"

mkdir -p "$(dirname "$FILE")"
# Written beside the target first, so a failed dump never leaves a file that looks like a backup.
PARTIAL="$FILE.partial"
trap 'rm -f "$PARTIAL"' EXIT
(umask 077 && "$BINDIR/pg_dump" --format=custom --schema=zonegis --file="$PARTIAL")
"$BINDIR/pg_restore" --list "$PARTIAL" >/dev/null
mv "$PARTIAL" "$FILE"
ATTACHMENTS="$("$BINDIR/psql" -qAt -c "SELECT count(*) FROM zonegis.work_order_attachment")"
echo "[backup] $PGDATABASE → $FILE ($(du -h "$FILE" | cut -f1), $ATTACHMENTS attachments)"
