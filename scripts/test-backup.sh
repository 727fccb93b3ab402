#!/usr/bin/env bash
# Backup round trip: backs up a ZoneGIS database with scripts/backup.sh, restores it with
# scripts/restore.sh into a scratch database on the same cluster, and compares every table's rows
# (a checksum over all rows, attachments' bytes included) and every sequence. Also checks that a
# restore leaves a database holding data alone unless told --replace.
# Usage: scripts/test-backup.sh SOURCE_DATABASE   (scripts/test.sh runs it on the test database)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

SOURCE="${1:?usage: scripts/test-backup.sh SOURCE_DATABASE}"
SCRATCH="${SOURCE}_restored"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"; "$ROOT/scripts/db.sh" dropdb "$SCRATCH" >/dev/null 2>&1 || true' EXIT
BINDIR="$("$ROOT/scripts/db.sh" bindir)"
sql() { "$BINDIR/psql" -h 127.0.0.1 -p "${ZONEGIS_DB_PORT:-55432}" -U postgres -d "$1" -v ON_ERROR_STOP=1 -qAt; }
fail() { echo "[backup test] FAILED: $*" >&2; exit 1; }

# Every table's row count and rows' checksum, then every sequence's position, in a stable order.
fingerprint() {
	sql "$1" <<'SQL'
SELECT format('SELECT %L, count(*), md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) FROM zonegis.%I t',
	table_name, table_name)
FROM information_schema.tables WHERE table_schema = 'zonegis' AND table_type = 'BASE TABLE' ORDER BY table_name
\gexec
SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'zonegis' ORDER BY sequencename;
SQL
}

# An attachment whose bytes include every byte value, so the round trip is seen to carry them.
sql "$SOURCE" >/dev/null <<'SQL'
INSERT INTO zonegis.work_order_attachment (work_order_id, filename, content_type, size_bytes, data, created_by)
SELECT min(id), 'backup-round-trip.png', 'image/png', 256, (SELECT string_agg(set_byte('\x00'::bytea, 0, b), ''::bytea) FROM generate_series(0, 255) b), 'backup-test'
FROM zonegis.work_order HAVING min(id) IS NOT NULL;
SQL

"$ROOT/scripts/db.sh" dropdb "$SCRATCH" >/dev/null 2>&1
ZONEGIS_DB_NAME="$SOURCE" "$ROOT/scripts/backup.sh" "$WORK/zonegis.dump"
"$ROOT/scripts/restore.sh" "$WORK/zonegis.dump" --into "$SCRATCH"

fingerprint "$SOURCE" >"$WORK/source.txt"
fingerprint "$SCRATCH" >"$WORK/restored.txt"
TABLES="$(grep -c '|' "$WORK/source.txt")"
[ "$(sql "$SOURCE" <<<"SELECT count(*) FROM zonegis.work_order_attachment")" -gt 0 ] || fail "no attachment to carry"
[ "$(sql "$SOURCE" <<<"SELECT count(*) FROM zonegis.parcel")" -gt 0 ] || fail "no parcels to carry"
diff -u "$WORK/source.txt" "$WORK/restored.txt" || fail "the restored database differs from its source"

# A second restore into the now-full scratch database is refused and changes nothing...
if "$ROOT/scripts/restore.sh" "$WORK/zonegis.dump" --into "$SCRATCH" 2>/dev/null; then
	fail "restore overwrote a database holding data without --replace"
fi
# ...and with --replace it gives the same database again.
sql "$SCRATCH" <<<"INSERT INTO zonegis.audit_log (username, action, entity) VALUES ('backup-test', 'after backup', 'none')" >/dev/null
"$ROOT/scripts/restore.sh" "$WORK/zonegis.dump" --into "$SCRATCH" --replace
fingerprint "$SCRATCH" >"$WORK/replaced.txt"
diff -u "$WORK/source.txt" "$WORK/replaced.txt" || fail "restore --replace did not give the backed-up database"

echo "[backup test] $TABLES tables and sequences identical after backup and restore"
