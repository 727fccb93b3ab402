#!/usr/bin/env bash
# Project-local PostgreSQL + PostGIS cluster: data in .pgdata/ (git-ignored), loopback only.
# Usage: scripts/db.sh start|stop|status|psql [args]|reset|createdb NAME|dropdb NAME|bindir
# Never touches a system cluster: it runs its own postmaster from the machine's binaries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGPORT="${ZONEGIS_DB_PORT:-55432}"
PGDATA="${ZONEGIS_PGDATA:-$ROOT/.pgdata}"
DB_NAME="${ZONEGIS_DB_NAME:-zonegis}"
DB_USER="zonegis"
DB_PASSWORD="${ZONEGIS_DB_PASSWORD:-zonegis}"

log() { printf '[db] %s\n' "$*" >&2; }
# shellcheck source=host.sh
. "$ROOT/scripts/host.sh"

pg_bindir() {
	local dir
	for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		[ -x "$dir/initdb" ] && { echo "$dir"; return; }
	done
	command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
}

have_postgis() {
	local bindir="$1" sharedir
	sharedir="$("$bindir/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/$(basename "$(dirname "$bindir")")")"
	ls "$sharedir"/extension/postgis.control >/dev/null 2>&1
}

install_hint() {
	if command -v brew >/dev/null 2>&1; then
		echo "brew install postgresql@15 postgis gdal"
	elif command -v dnf >/dev/null 2>&1; then
		echo "sudo dnf install postgresql-server postgresql-contrib postgis gdal"
	else
		echo "install PostgreSQL 15+, PostGIS 3 and GDAL (ogr2ogr) with your platform's package manager"
	fi
}

ensure_installed() {
	local bindir missing=()
	bindir="$(pg_bindir || true)"
	[ -z "$bindir" ] && missing+=(postgresql postgresql-contrib)
	command -v ogr2ogr >/dev/null 2>&1 || missing+=(gdal-bin)
	if [ ${#missing[@]} -gt 0 ]; then
		command -v apt-get >/dev/null 2>&1 || { log "missing: ${missing[*]}; run: $(install_hint)"; exit 1; }
		apt_install "${missing[@]}"
		bindir="$(pg_bindir)"
	fi
	if ! have_postgis "$bindir"; then
		local major
		major="$(basename "$(dirname "$bindir")")"
		command -v apt-get >/dev/null 2>&1 || { log "PostGIS missing; run: $(install_hint)"; exit 1; }
		apt_install "postgresql-$major-postgis-3"
	fi
	BINDIR="$bindir"
}

psql_admin() { "$BINDIR/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

is_running() { as_owner "$BINDIR/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

init_cluster() {
	log "creating cluster in $PGDATA"
	mkdir -p "$PGDATA"
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres "$PGDATA"
		# postgres must be able to reach the data folder inside the repo.
		local dir="$PGDATA"
		while dir="$(dirname "$dir")" && [ "$dir" != "/" ]; do chmod o+x "$dir" 2>/dev/null || true; done
	fi
	chmod 700 "$PGDATA"
	as_owner "$BINDIR/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
	cat >>"$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = ''
shared_buffers = 256MB
work_mem = 32MB
max_connections = 100
fsync = ${ZONEGIS_DB_FSYNC:-on}
CONF
}

ensure_database() {
	local name="$1"
	psql_admin -d postgres -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'; END IF; END\$\$;"
	if [ -z "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
		log "creating database $name"
		psql_admin -d postgres -c "CREATE DATABASE \"$name\" OWNER $DB_USER"
	fi
	psql_admin -d "$name" -c "CREATE EXTENSION IF NOT EXISTS postgis"
}

# A setting added after a cluster was created reaches it at its next start.
ensure_setting() {
	grep -q "^$1 = " "$PGDATA/postgresql.conf" || echo "$1 = $2" >>"$PGDATA/postgresql.conf"
}

start() {
	ensure_installed
	[ -f "$PGDATA/PG_VERSION" ] || init_cluster
	# OutageTests holds a lock through a shutdown in a prepared transaction.
	ensure_setting max_prepared_transactions 4
	if ! is_running; then
		log "starting PostgreSQL on 127.0.0.1:$PGPORT"
		# The port given now wins over the one the cluster was created with, so a cluster is
		# never started on another caller's port.
		as_owner "$BINDIR/pg_ctl" -D "$PGDATA" -o "-p $PGPORT" -l "$PGDATA/server.log" -w -t 60 start >/dev/null
	fi
	ensure_database "$DB_NAME"
}

stop() {
	ensure_installed
	if [ -f "$PGDATA/PG_VERSION" ] && is_running; then
		as_owner "$BINDIR/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
		log "stopped"
	fi
}

cmd="${1:-status}"
shift || true
case "$cmd" in
	start) start ;;
	stop) stop ;;
	status)
		ensure_installed
		if [ -f "$PGDATA/PG_VERSION" ] && is_running; then echo "running on 127.0.0.1:$PGPORT ($PGDATA)"; else echo "stopped"; exit 3; fi ;;
	psql) start; exec "$BINDIR/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DB_NAME" "$@" ;;
	createdb) start; ensure_database "${1:?database name}" ;;
	dropdb) start; psql_admin -d postgres -c "DROP DATABASE IF EXISTS \"${1:?database name}\" WITH (FORCE)" ;;
	bindir) ensure_installed; echo "$BINDIR" ;;
	reset)
		start
		psql_admin -d postgres -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)"
		ensure_database "$DB_NAME" ;;
	*) echo "usage: $0 start|stop|status|psql|reset|createdb NAME|dropdb NAME|bindir" >&2; exit 2 ;;
esac
