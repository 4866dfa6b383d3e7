#!/bin/sh
# script_test.sh -- `plimsoll scan` on docker command lines: which scripts, Makefiles and
# Markdown files a directory walk takes, shebang scripts named on the command line, and
# secrets kept out of every output format.
# Needs PL_BIN (the plimsoll binary).
set -u
bin=${PL_BIN:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

. "${PL_SOURCE_ROOT:?}/tests/lib.sh"

mkdir -p "$tmp/p/docs" "$tmp/p/bin"
printf '# App\n\n```bash\ndocker run -d --privileged app:1.0\n```\n' >"$tmp/p/README.md"
printf '# Notes\n\n```bash\nmake run --privileged\n```\n' >"$tmp/p/docs/notes.md"
printf 'run:\n\tdocker run --rm -e API_TOKEN=abcdefghijklmnopqrstuvwx app:1.0\n' >"$tmp/p/Makefile"
printf '#!/bin/bash\ndocker run --rm --net=host app:1.0\n' >"$tmp/p/bin/deploy"
printf 'docker run --rm -v /:/host app:1.0\n' >"$tmp/p/bin/up.sh"

(cd "$tmp/p" && "$bin" scan --no-color --fail-on never . >"$tmp/out" 2>"$tmp/err")
contains "$tmp/out" "README.md:4:15: critical: CLI0001" "a README code block, at its line and column"
contains "$tmp/out" "Makefile:2:21: high: CLI0011" "a Makefile recipe"
contains "$tmp/out" "bin/up.sh:1:20: high: CLI0008" "a .sh file"
lacks "$tmp/out" "notes.md" "a Markdown file without docker commands"
lacks "$tmp/out" "bin/deploy" "a script without an extension is not walked"
lacks "$tmp/out" "abcdefghijklmnopqrstuvwx" "the secret value is redacted"
contains "$tmp/out" "in 3 files" "only files that mention docker are scanned"

"$bin" scan --no-color --fail-on never "$tmp/p/bin/deploy" >"$tmp/out" 2>"$tmp/err"
contains "$tmp/out" "deploy:2:23: high: CLI0010" "a shebang script named on the command line"

for fmt in json sarif markdown; do
	"$bin" scan --format $fmt --fail-on never "$tmp/p/Makefile" >"$tmp/out" 2>"$tmp/err"
	contains "$tmp/out" "CLI0011" "$fmt names the finding"
	lacks "$tmp/out" "abcdefghijklmnopqrstuvwx" "$fmt keeps the secret out"
done

echo "script: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
