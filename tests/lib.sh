# lib.sh -- what the shell tests share: counting checks, running plimsoll and reading
# its output. Sourced by the test scripts, which set $tmp, $pass and $fail first.

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect_rc WANT DESCRIPTION -- command...: runs the command with its output in
# $tmp/out and $tmp/err and checks its exit status.
expect_rc() {
	want=$1; what=$2; shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, want $want"; sed 's/^/  | /' "$tmp/err" | head -5; fi
}

# contains FILE TEXT DESCRIPTION, lacks FILE TEXT DESCRIPTION
contains() {
	if grep -qF -- "$2" "$1"; then ok; else bad "$3: no '$2' in $(basename "$1")"; sed 's/^/  | /' "$1" | head -12; fi
}
lacks() {
	if grep -qF -- "$2" "$1"; then bad "$3: unexpected '$2'"; sed 's/^/  | /' "$1" | grep -F -- "$2" | head -3; else ok; fi
}

# secret_pieces WORD: sets $gh, $akid, $asec and $stripe to secrets assembled from
# pieces (a GitHub token whose checksum holds, made unique by WORD, an AWS key pair and a
# Stripe key), so that no test file holds a whole one.
secret_pieces() {
	gh=$(python3 -c '
import sys, zlib
a = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
body = sys.argv[1] + "q7Zr2Lm9Xw4Kp8Vt3Ns6Bh1"[:30 - len(sys.argv[1])]
v = zlib.crc32(body.encode()); ck = ""
for _ in range(6):
    ck = a[v % 62] + ck; v //= 62
print("gh" + "p_" + body + ck)' "$1")
	akid="AK""IA""QZ7XK3LMN2PW4RT5"
	asec="wJalrQ7bX""yZ3nK8mP2vL9cT4hR6sD1fG5jE0kWqA"
	stripe="sk_""live_""4eC39HqLyjWDarjtT1zdp7dc"
}

# sarif_valid FILE DESCRIPTION: FILE validates against the SARIF 2.1.0 schema. Counted
# as passed, with a note, when the schema (in ../shared) is not there to check against.
sarif_valid() {
	python3 "${PL_SOURCE_ROOT:?}/tests/out/validate_sarif.py" "$1" >"$tmp/sarif-check" 2>&1
	case $? in
	0) ok ;;
	77) ok; echo "note: $2: the SARIF schema is absent, not validated" ;;
	*) bad "$2"; head -5 "$tmp/sarif-check" ;;
	esac
}
