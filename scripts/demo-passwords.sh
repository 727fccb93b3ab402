# Demo passwords differ per installation: made once, kept in a git-ignored file readable only by its
# owner, and given to the demo loader when it creates the demo users. Sourced by run.sh and
# scale-demo.sh; sets PASSWORDS and defines password USER.
PASSWORDS="$ROOT/.demo-passwords.properties"
if [ ! -f "$PASSWORDS" ]; then
	(
		umask 077
		{
			echo "# Demo logins of this installation, made once by scripts/run.sh or scripts/scale-demo.sh."
			for user in viewer planner dispatcher crew admin; do
				echo "zonegis.demo.passwords.$user=$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')"
			done
		} >"$PASSWORDS"
	)
fi
password() { sed -n "s/^zonegis\.demo\.passwords\.$1=//p" "$PASSWORDS"; }
