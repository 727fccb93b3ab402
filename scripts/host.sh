# Sourced by scripts that set up this machine (db.sh, scale-demo.sh); the sourcing script defines log.

apt_install() {
	local sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	log "installing $* with apt-get"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# The server refuses to run as root, so root runs it as the postgres user.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}
