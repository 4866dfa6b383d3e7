#!/bin/sh
# sarif_corpus.sh -- the SARIF report of a scan of every real-world Dockerfile in
# $PL_SHARED/corpus/real-dockerfiles validates against the SARIF 2.1.0 schema and meets
# GitHub code scanning's needs (tests/out/validate_sarif.py). Exits 77 (skipped) when the
# corpus is absent.
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
[ $rc -eq 0 ] && echo "sarif corpus: 1 passed, 0 failed"
exit $rc
