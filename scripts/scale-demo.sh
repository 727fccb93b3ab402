#!/usr/bin/env bash
# Past one machine, shown on this one: a PostgreSQL primary with a streaming replica
# (pg_basebackup -R, synchronous with remote_apply), two service instances sharing sessions in
# the database and reading tiles, items and search from the replica, and nginx in front.
#
# Usage: scripts/scale-demo.sh start|check|stop
#   start  sets everything up (first time: clusters, replica, build) and starts it in the background
#   check  logs in through nginx and shows requests landing on both instances, one session, and the
#          replica streaming
#   stop   stops nginx, both instances and both clusters (the data stays for the next start)
# Settings (env): ZONEGIS_SCALE_DIR (.scale: clusters, logs, nginx config), ZONEGIS_SCALE_PRIMARY_PORT
# (55440), ZONEGIS_SCALE_REPLICA_PORT (55441), ZONEGIS_SCALE_APP_PORTS ("8081 8082"),
# ZONEGIS_SCALE_PORT (8088, nginx), ZONEGIS_SCALE_PRIMARY_DATA / ZONEGIS_SCALE_REPLICA_DATA (cluster folders),
# ZONEGIS_SCALE_DB (zonegis: the database the instances use, e.g. one made by scripts/bench/zone.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${ZONEGIS_SCALE_DIR:-$ROOT/.scale}"
PRIMARY_PORT="${ZONEGIS_SCALE_PRIMARY_PORT:-55440}"
REPLICA_PORT="${ZONEGIS_SCALE_REPLICA_PORT:-55441}"
PRIMARY_DATA="${ZONEGIS_SCALE_PRIMARY_DATA:-$DIR/primary}"
REPLICA_DATA="${ZONEGIS_SCALE_REPLICA_DATA:-$DIR/replica}"
read -r -a APP_PORTS <<<"${ZONEGIS_SCALE_APP_PORTS:-8081 8082}"
PORT="${ZONEGIS_SCALE_PORT:-8088}"
RUN="$DIR/run"
DB_NAME="${ZONEGIS_SCALE_DB:-zonegis}"
REPLICA_NAME="zonegis_replica"

log() { printf '[scale] %s\n' "$*" >&2; }
db() { ZONEGIS_DB_PORT="$PRIMARY_PORT" ZONEGIS_PGDATA="$PRIMARY_DATA" "$ROOT/scripts/db.sh" "$@"; }

# shellcheck source=host.sh
. "$ROOT/scripts/host.sh"

start_primary() {
	db start
	local conf="$PRIMARY_DATA/postgresql.conf"
	if ! grep -q "^# zonegis scale demo" "$conf"; then
		# A commit returns once the replica has applied it, so a read sent to the replica right
		# after a write (or after the tile cache heard of it) sees it.
		as_owner tee -a "$conf" >/dev/null <<CONF
# zonegis scale demo
wal_level = replica
max_wal_senders = 5
synchronous_standby_names = '$REPLICA_NAME'
synchronous_commit = remote_apply
CONF
		as_owner "$BINDIR/pg_ctl" -D "$PRIMARY_DATA" -w restart -l "$PRIMARY_DATA/server.log" >/dev/null
	fi
}

start_replica() {
	if [ ! -f "$REPLICA_DATA/PG_VERSION" ]; then
		log "copying the primary into $REPLICA_DATA (pg_basebackup -R)"
		mkdir -p "$REPLICA_DATA"
		[ "$(id -u)" -eq 0 ] && chown postgres "$REPLICA_DATA"
		chmod 700 "$REPLICA_DATA"
		as_owner "$BINDIR/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DATA" -R -X stream
		# -R wrote standby.signal and primary_conninfo; name the standby so the primary waits for it.
		as_owner tee -a "$REPLICA_DATA/postgresql.auto.conf" >/dev/null <<CONF
primary_conninfo = 'host=127.0.0.1 port=$PRIMARY_PORT user=postgres application_name=$REPLICA_NAME'
CONF
		as_owner tee -a "$REPLICA_DATA/postgresql.conf" >/dev/null <<<"port = $REPLICA_PORT"
	fi
	if ! as_owner "$BINDIR/pg_ctl" -D "$REPLICA_DATA" status >/dev/null 2>&1; then
		log "starting the replica on 127.0.0.1:$REPLICA_PORT"
		as_owner "$BINDIR/pg_ctl" -D "$REPLICA_DATA" -l "$REPLICA_DATA/server.log" -w -t 60 start >/dev/null
	fi
}

start_instance() {
	local port="$1" url="http://127.0.0.1:$1"
	if curl -sf "$url/actuator/health/readiness" >/dev/null 2>&1; then return; fi
	log "starting an instance on $url"
	ZONEGIS_DB_URL="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/$DB_NAME" ZONEGIS_PORT="$port" \
		nohup java ${JAVA_OPTS:--Xmx512m} -jar "$ROOT/geo-service/target/geo-service.jar" --zonegis.demo.load=true \
		--zonegis.db.replica-url="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/$DB_NAME" \
		--server.forward-headers-strategy=native \
		--spring.config.import="file:$PASSWORDS" >"$RUN/instance-$port.log" 2>&1 &
	echo $! >"$RUN/instance-$port.pid"
	for _ in $(seq 1 120); do
		curl -sf "$url/actuator/health/readiness" >/dev/null 2>&1 && return
		kill -0 "$(cat "$RUN/instance-$port.pid")" 2>/dev/null || { tail -20 "$RUN/instance-$port.log" >&2; exit 1; }
		sleep 1
	done
	log "the instance on $url did not start in 120 s (log: $RUN/instance-$port.log)"
	exit 1
}

start_nginx() {
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || apt_install nginx
	local nginx servers="" user=""
	nginx="$(command -v nginx || echo /usr/sbin/nginx)"
	for port in "${APP_PORTS[@]}"; do servers+="		server 127.0.0.1:$port;"$'\n'; done
	# Run as whoever runs this script, from its own folder: no system service, no system config.
	[ "$(id -u)" -eq 0 ] && user="user root;"
	mkdir -p "$RUN/nginx"
	cat >"$RUN/nginx.conf" <<CONF
$user
worker_processes 1;
pid $RUN/nginx.pid;
error_log $RUN/nginx-error.log;
events { worker_connections 1024; }
http {
	access_log $RUN/nginx-access.log;
	client_body_temp_path $RUN/nginx/body;
	proxy_temp_path $RUN/nginx/proxy;
	fastcgi_temp_path $RUN/nginx/fastcgi;
	uwsgi_temp_path $RUN/nginx/uwsgi;
	scgi_temp_path $RUN/nginx/scgi;
	client_max_body_size 100m;
	upstream zonegis {
$servers		keepalive 32;
	}
	server {
		listen 127.0.0.1:$PORT;
		location / {
			proxy_pass http://zonegis;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host \$http_host;
			proxy_set_header X-Forwarded-For \$remote_addr;
			proxy_set_header X-Forwarded-Proto \$scheme;
			proxy_read_timeout 300s;
			# Which instance answered: for the demo's check, not for clients.
			add_header X-ZoneGIS-Instance \$upstream_addr always;
		}
	}
}
CONF
	if [ -f "$RUN/nginx.pid" ] && kill -0 "$(cat "$RUN/nginx.pid")" 2>/dev/null; then
		"$nginx" -p "$RUN" -c "$RUN/nginx.conf" -s reload
	else
		"$nginx" -p "$RUN" -c "$RUN/nginx.conf"
	fi
	log "nginx on http://127.0.0.1:$PORT → ${APP_PORTS[*]}"
}

start() {
	mkdir -p "$RUN"
	BINDIR="$(db bindir)"
	start_primary
	start_replica
	[ -f "$ROOT/geo-service/target/geo-service.jar" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
	# shellcheck source=demo-passwords.sh
	source "$ROOT/scripts/demo-passwords.sh"
	# One at a time: the first loads the demo zone into the empty database, the others find it there.
	for port in "${APP_PORTS[@]}"; do start_instance "$port"; done
	start_nginx
	echo
	echo "  ZoneGIS through nginx: http://127.0.0.1:$PORT   (instances: ${APP_PORTS[*]})"
	echo "  primary 127.0.0.1:$PRIMARY_PORT ($PRIMARY_DATA), replica 127.0.0.1:$REPLICA_PORT ($REPLICA_DATA)"
	echo "  demo logins as for scripts/run.sh, in $PASSWORDS; scripts/scale-demo.sh check | stop"
}

check() {
	BINDIR="$(db bindir)"
	# shellcheck source=demo-passwords.sh
	source "$ROOT/scripts/demo-passwords.sh"
	local jar url="http://127.0.0.1:$PORT" seen=""
	jar="$(mktemp)"
	trap 'rm -f "$jar"' RETURN
	curl -sf -c "$jar" -b "$jar" -o /dev/null "$url/api/config"
	local xsrf
	xsrf="$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar")"
	curl -sf -c "$jar" -b "$jar" -o /dev/null -H "X-XSRF-TOKEN: $xsrf" -H 'X-Requested-With: XMLHttpRequest' \
		--data-urlencode username=planner --data-urlencode "password=$(password planner)" "$url/api/login" ||
		{ log "logging in as planner failed: does this database hold the passwords of $PASSWORDS?"; exit 1; }
	log "logged in once through nginx; the same session cookie on 6 requests:"
	for _ in 1 2 3 4 5 6; do
		local headers status instance
		headers="$(curl -s -b "$jar" -o /dev/null -D - "$url/api/me")"
		status="$(awk 'NR == 1 { print $2 }' <<<"$headers")"
		instance="$(awk 'tolower($1) == "x-zonegis-instance:" { print $2 }' <<<"$headers" | tr -d '\r')"
		printf '  GET /api/me → %s from %s\n' "$status" "$instance" >&2
		[ "$status" = "200" ] || { log "a request was not recognised as logged in"; exit 1; }
		seen+="$instance "
	done
	[ "$(tr ' ' '\n' <<<"$seen" | sort -u | grep -c .)" -ge 2 ] || { log "every request went to one instance"; exit 1; }
	log "replication as the primary sees it:"
	"$BINDIR/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d "$DB_NAME" -c \
		"SELECT application_name, state, sync_state, replay_lag FROM pg_stat_replication"
	log "parcels on the primary and on the replica:"
	for p in "$PRIMARY_PORT" "$REPLICA_PORT"; do
		printf '  %s: %s parcels, in recovery: %s\n' "$p" \
			"$("$BINDIR/psql" -h 127.0.0.1 -p "$p" -U postgres -d "$DB_NAME" -qAt -c 'SELECT count(*) FROM zonegis.parcel')" \
			"$("$BINDIR/psql" -h 127.0.0.1 -p "$p" -U postgres -d "$DB_NAME" -qAt -c 'SELECT pg_is_in_recovery()')" >&2
	done
}

stop() {
	BINDIR="$(db bindir)"
	if [ -f "$RUN/nginx.pid" ] && kill -0 "$(cat "$RUN/nginx.pid")" 2>/dev/null; then
		kill "$(cat "$RUN/nginx.pid")"
	fi
	for port in "${APP_PORTS[@]}"; do
		local pidfile="$RUN/instance-$port.pid"
		[ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
		rm -f "$pidfile"
	done
	as_owner "$BINDIR/pg_ctl" -D "$REPLICA_DATA" -m fast -w stop >/dev/null 2>&1 || true
	db stop
	log "stopped"
}

case "${1:-start}" in
	start) start ;;
	check) check ;;
	stop) stop ;;
	*) echo "usage: $0 start|check|stop" >&2; exit 2 ;;
esac
