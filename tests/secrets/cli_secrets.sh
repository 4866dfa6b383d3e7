#!/bin/sh
# cli_secrets.sh -- `plimsoll secrets` as users and CI see it: exit codes, redaction,
# output formats, binary and ignored files, and the git history.
# Needs PL_BIN and PL_SOURCE_ROOT. Every secret is assembled here at run time from
# pieces, so this file holds none.
set -u
bin=${PL_BIN:?}
root=${PL_SOURCE_ROOT:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

. "${PL_SOURCE_ROOT:?}/tests/lib.sh"

# Secrets from pieces: a GitHub token with its checksum, an AWS key pair, a Stripe key.
secret_pieces FAKEcliTEST

mkdir -p "$tmp/app/conf"
printf 'GITHUB_TOKEN=%s\n' "$gh" >"$tmp/app/.env"
printf '[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n' "$akid" "$asec" \
	>"$tmp/app/conf/credentials"
printf 'const stripe = require("stripe")("%s");\n' "$stripe" >"$tmp/app/pay.js"
printf 'nothing to see\n' >"$tmp/app/README"

expect_rc 1 "findings fail the run" -- "$bin" secrets --no-color "$tmp/app"
contains "$tmp/out" "SEC0011" "GitHub token found"
contains "$tmp/out" "SEC0001" "AWS key id found"
contains "$tmp/out" "SEC0002" "AWS secret key found"
contains "$tmp/out" "SEC0030" "Stripe key found"
contains "$tmp/out" "ghp_…(40 chars)" "redacted in the message"
contains "$tmp/out" "conf/credentials:3:" "file:line of the secret key"
for s in "$gh" "$akid" "$asec" "$stripe"; do
	lacks "$tmp/out" "$s" "no whole secret in the text output"
	lacks "$tmp/err" "$s" "no whole secret on stderr"
done

expect_rc 1 "json" -- "$bin" secrets --format json "$tmp/app"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["findings"]))' \
	"$tmp/out" >"$tmp/n" 2>&1 && ok || bad "json output does not parse"
contains "$tmp/n" "4" "four findings in JSON"
for s in "$gh" "$akid" "$asec" "$stripe"; do
	lacks "$tmp/out" "$s" "no whole secret in JSON"
done

expect_rc 1 "sarif" -- "$bin" secrets --format sarif --output "$tmp/r.sarif" "$tmp/app"
contains "$tmp/r.sarif" '"id": "SEC0011"' "detector as a SARIF rule"
sarif_valid "$tmp/r.sarif" "SARIF validates"
for s in "$gh" "$akid" "$asec" "$stripe"; do
	lacks "$tmp/r.sarif" "$s" "no whole secret in SARIF"
done

expect_rc 0 "--fail-on never" -- "$bin" secrets --fail-on never "$tmp/app"
expect_rc 0 "a clean file" -- "$bin" secrets "$tmp/app/README"
expect_rc 2 "a missing path" -- "$bin" secrets "$tmp/missing"
expect_rc 3 "an unknown option" -- "$bin" secrets --frobnicate
expect_rc 3 "a bad format" -- "$bin" secrets --format xml
expect_rc 0 "--print-patterns" -- "$bin" secrets --print-patterns
n=$(wc -l <"$tmp/out")
[ "$n" -ge 100 ] && ok || bad "--print-patterns printed $n lines"
expect_rc 0 "--list" -- "$bin" secrets --list
contains "$tmp/out" "SEC0011" "--list names detectors"

# A binary file is skipped even when it holds a secret.
mkdir "$tmp/bin"
printf 'ELF\000\000GITHUB_TOKEN=%s\n' "$gh" >"$tmp/bin/a.out"
expect_rc 0 "binary files are skipped" -- "$bin" secrets "$tmp/bin"
contains "$tmp/err" "skipped 1 binary file" "binary skip is noted"

# .gitignore is honoured in a git work tree, and --all overrides it.
if command -v git >/dev/null 2>&1; then
	repo="$tmp/repo"
	mkdir -p "$repo/src"
	git -C "$repo" init -q
	git -C "$repo" config user.email ci@example.com
	git -C "$repo" config user.name CI
	printf 'secrets.env\n' >"$repo/.gitignore"
	printf 'GITHUB_TOKEN=%s\n' "$gh" >"$repo/secrets.env"
	printf 'print("hello")\n' >"$repo/src/main.py"
	expect_rc 0 "ignored files are skipped" -- "$bin" secrets "$repo"
	expect_rc 1 "--all scans ignored files" -- "$bin" secrets --all "$repo"
	contains "$tmp/out" "secrets.env" "--all reports the ignored file"

	# History: a key committed, then deleted.
	printf 'aws_access_key_id = %s\naws_secret_access_key = %s\n' "$akid" "$asec" \
		>"$repo/src/settings.py"
	git -C "$repo" add src/settings.py src/main.py .gitignore
	GIT_AUTHOR_DATE="2024-03-05T12:00:00Z" GIT_COMMITTER_DATE="2024-03-05T12:00:00Z" \
		git -C "$repo" commit -qm "add settings"
	added=$(git -C "$repo" rev-parse HEAD | cut -c1-12)
	git -C "$repo" rm -q src/settings.py
	git -C "$repo" commit -qm "remove settings"
	expect_rc 0 "work tree is clean again" -- "$bin" secrets "$repo"
	expect_rc 1 "--history finds the deleted key" -- "$bin" secrets --history --no-color "$repo"
	contains "$tmp/out" "src/settings.py:2:" "history: path and line"
	contains "$tmp/out" "SEC0002" "history: detector"
	contains "$tmp/out" "commit $added" "history: the commit that added it"
	contains "$tmp/out" "2024-03-05" "history: author date"
	contains "$tmp/out" "not in the work tree" "history: marked as deleted"
	lacks "$tmp/out" "$asec" "history: redacted"
	expect_rc 2 "--history outside a repository" -- "$bin" secrets --history "$tmp/bin"

	# Without libgit2: the work tree is walked whole, with a warning; --history fails.
	nogit="$tmp/no-such-libgit2.so"
	expect_rc 1 "no libgit2: ignored files are scanned" -- \
		env PLIMSOLL_LIBGIT2="$nogit" "$bin" secrets "$repo"
	contains "$tmp/err" ".gitignore is not honoured" "no libgit2: warning"
	contains "$tmp/out" "secrets.env" "no libgit2: the ignored file is reported"
	expect_rc 2 "no libgit2: --history fails" -- \
		env PLIMSOLL_LIBGIT2="$nogit" "$bin" secrets --history "$repo"
	contains "$tmp/err" "--history needs libgit2" "no libgit2: --history says why"
	expect_rc 0 "no libgit2, outside a work tree" -- \
		env PLIMSOLL_LIBGIT2="$nogit" "$bin" secrets "$tmp/bin"
	lacks "$tmp/err" "libgit2" "no libgit2, outside a work tree: no warning"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
