#!/bin/sh
# inspect_test.sh -- `plimsoll scan --inspect`: auditing the JSON that `docker inspect`
# prints, as users and CI see it. Needs no Docker: the inputs are the fixtures in
# tests/fixtures/inspect, written in the shape Docker 24 to 28 prints.
# Needs PL_BIN (the plimsoll binary) and PL_SOURCE_ROOT.
set -u
bin=${PL_BIN:?}
root=${PL_SOURCE_ROOT:?}
fix=$root/tests/fixtures/inspect
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

. "${PL_SOURCE_ROOT:?}/tests/lib.sh"

# The careless containers: every runtime rule, at the line and column of the value.
expect_rc 1 "careless containers fail" -- "$bin" scan --no-color --inspect "$fix/careless.json"
contains "$tmp/out" "careless.json:71:27: critical: RT0001 container 'legacy-app' (8d3f0c6a1b9e) runs privileged" \
	"privileged, at the value, naming the container"
contains "$tmp/out" "careless.json:151:27: critical: RT0013" "the Docker socket mount"
contains "$tmp/out" "careless.json:292:35: medium: RT0011 container 'db'" "a port on every interface"
expect_rc 1 "careless containers as JSON" -- "$bin" scan --format json --fail-on info --inspect "$fix/careless.json"
if python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
got = {f["rule_id"] for f in d["findings"]}
want = {"RT%04d" % i for i in range(1, 24)}
assert got == want, sorted(want ^ got)
assert all(f["file"].endswith("careless.json") for f in d["findings"])
PY
then ok; else bad "careless.json reports exactly RT0001..RT0023"; fi
lacks "$tmp/out" "Summer2024!prod" "a secret value never appears in the report"
lacks "$tmp/out" "postgres-prod-7f3k" "a secret value never appears in the report"
expect_rc 1 "text output redacts secrets" -- "$bin" scan --no-color --fail-on info --inspect "$fix/careless.json"
lacks "$tmp/out" "Summer2024!prod" "the source line under a secret finding is redacted"
contains "$tmp/out" "\"DB_PASSWORD=Sum…\"" "redacted source line keeps a quarter of the value"

# The hardened containers are clean at the strictest threshold.
expect_rc 0 "hardened containers pass" -- "$bin" scan --fail-on info --inspect "$fix/hardened.json"
contains "$tmp/out" "no findings" "hardened containers have no findings"

# Standard input, as in `docker inspect $(docker ps -q) | plimsoll scan --inspect -`.
expect_rc 1 "standard input" -- sh -c "\"$bin\" scan --no-color --inspect - <\"$fix/careless.json\""
contains "$tmp/out" "docker-inspect.json:71:27: critical: RT0001" "standard input is named docker-inspect.json"
expect_rc 1 "standard input named" -- sh -c "\"$bin\" scan --no-color --stdin-filename prod.json --inspect - <\"$fix/careless.json\""
contains "$tmp/out" "prod.json:71:27:" "--stdin-filename names inspect input"
expect_rc 0 "--inspect with no path scans nothing else" -- sh -c "cd \"$root\" && \"$bin\" scan --fail-on info --inspect tests/fixtures/inspect/hardened.json"
contains "$tmp/out" "1 file" "only the inspect input is scanned"
expect_rc 1 "both inputs" -- "$bin" scan --no-color --format json --inspect "$fix/hardened.json" "$root/examples/insecure-web"
contains "$tmp/out" "DF0001" "paths are still scanned beside --inspect"

expect_rc 1 "a .json path is inspect output" -- "$bin" scan --no-color "$fix/careless.json"
contains "$tmp/out" "careless.json:71:27: critical: RT0001" "a .json path is read as inspect output"
expect_rc 0 "a .json path, hardened" -- "$bin" scan --fail-on info "$fix/hardened.json" "$fix/hardened.json"

# Bad input: file:line:col and exit 2.
printf '[\n  {"Name": "/web", "HostConfig": {"Privileged": tru}}\n]\n' >"$tmp/broken.json"
expect_rc 2 "malformed JSON" -- "$bin" scan --inspect "$tmp/broken.json"
contains "$tmp/err" "broken.json:2:51: error: invalid JSON" "malformed JSON is located"
printf '[{"Id": "sha256:4e1b", "RepoTags": ["nginx:1.27"], "RootFS": {"Type": "layers"}}]\n' >"$tmp/image.json"
expect_rc 2 "image inspect output" -- "$bin" scan --inspect "$tmp/image.json"
contains "$tmp/err" "image.json:1:2: error: not \`docker inspect\` output for a container: this is an image" "image output is named"
printf '[{"HostConfig": {"Memory": 0\000}}]\n' >"$tmp/nul.json"
expect_rc 2 "a NUL byte" -- "$bin" scan --inspect "$tmp/nul.json"
contains "$tmp/err" "nul.json:1:29: error: a NUL byte" "a NUL byte is located"
: >"$tmp/empty.json"
expect_rc 2 "empty input" -- "$bin" scan --inspect "$tmp/empty.json"
contains "$tmp/err" "empty.json:1:1: error: empty input" "empty input"
expect_rc 2 "missing file" -- "$bin" scan --inspect "$tmp/nope.json"
contains "$tmp/err" "nope.json: error:" "missing file"

# Usage errors: exit 3.
expect_rc 3 "--inspect without a file" -- "$bin" scan --inspect
contains "$tmp/err" "--inspect needs a file" "usage message"
expect_rc 3 "standard input twice" -- "$bin" scan --inspect - -
contains "$tmp/err" "only once" "standard input twice"
expect_rc 0 "scan --help" -- "$bin" scan --help
contains "$tmp/out" "--inspect FILE|-" "scan --help lists --inspect"

# The catalog names the input.
expect_rc 0 "explain" -- "$bin" explain RT0001
contains "$tmp/out" "docker-inspect" "explain names the input"

echo "inspect: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
