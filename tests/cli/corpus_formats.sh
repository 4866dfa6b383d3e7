#!/bin/sh
# corpus_formats.sh -- every output format over the real-world Dockerfiles of
# $PL_SHARED/corpus/real-dockerfiles: no crash and a report in each; the SARIF report
# validates against the SARIF 2.1.0 schema and meets GitHub code scanning's needs
# (tests/out/validate_sarif.py). Exits 77 (skipped) when the corpus is absent.
set -u
corpus="${PL_SHARED:-}/corpus/real-dockerfiles"
[ -d "$corpus" ] || { echo "$corpus is absent: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Scan the files by name so that every one is taken, whatever its file name.
find "$corpus" -type f ! -name README.md ! -name MANIFEST.tsv | sort >"$tmp/files"
# shellcheck disable=SC2046
"$PL_BIN" scan --format sarif --fail-on never --output "$tmp/corpus.sarif" $(cat "$tmp/files")
rc=$?
if [ $rc -ne 0 ]; then
	echo "FAIL: scan exited $rc"
	exit 1
fi
/usr/bin/python3 "$PL_SOURCE_ROOT/tests/out/validate_sarif.py" "$tmp/corpus.sarif"
rc=$?
# Every other format over the same files: no crash, no sanitizer report, a report out.
for fmt in text json markdown; do
	# shellcheck disable=SC2046
	"$PL_BIN" scan --format "$fmt" --fail-on never $(cat "$tmp/files") >"$tmp/out.$fmt" 2>"$tmp/err.$fmt"
	r=$?
	if [ $r -ne 0 ] || [ ! -s "$tmp/out.$fmt" ]; then
		echo "FAIL: --format $fmt over the corpus exited $r"
		head -20 "$tmp/err.$fmt"
		rc=1
	fi
done
[ $rc -eq 0 ] && echo "corpus formats: 4 passed, 0 failed"
exit $rc
