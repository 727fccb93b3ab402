# Demo passwords differ per installation: made once, kept in a git-ignored file readable only by its
# owner, and given to the demo loader when it creates the demo users. Sourced by run.sh and
# scale-demo.sh; sets PASSWORDS and defines password USER.
PASSWORDS="$ROOT/.demo-passwords.properties"
(
	umask 077
	[ -f "$PASSWORDS" ] ||
		echo "# Demo logins of this installation, made once by scripts/run.sh or scripts/scale-demo.sh." >"$PASSWORDS"
	# A user added to the demo later (safety) gets its line in an older file too.
	for user in viewer planner dispatcher crew safety admin; do
		grep -q "^zonegis\.demo\.passwords\.$user=" "$PASSWORDS" ||
			echo "zonegis.demo.passwords.$user=$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')" >>"$PASSWORDS"
	done
)
password() { sed -n "s/^zonegis\.demo\.passwords\.$1=//p" "$PASSWORDS"; }
