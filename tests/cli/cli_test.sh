#!/bin/sh
# cli_test.sh -- plimsoll's command line as users and CI see it: exit codes, streams,
# options, directory walks, stdin, output formats and bad input.
# Needs PL_BIN (the plimsoll binary) and PL_SOURCE_ROOT; PL_SHARED is optional.
set -u
bin=${PL_BIN:?}
root=${PL_SOURCE_ROOT:?}
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0

. "${PL_SOURCE_ROOT:?}/tests/lib.sh"

printf 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nHEALTHCHECK CMD ["true"]\nCMD ["sh"]\n' >"$tmp/clean.Dockerfile"
printf 'FROM node:latest\nCMD node server.js\n' >"$tmp/Dockerfile"

# Version, help, usage errors.
expect_rc 0 "--version" -- "$bin" --version
contains "$tmp/out" "plimsoll " "--version prints the version"
expect_rc 0 "--help" -- "$bin" --help
contains "$tmp/out" "scan" "--help lists commands"
expect_rc 3 "no command" -- "$bin"
expect_rc 3 "unknown command" -- "$bin" frobnicate
contains "$tmp/err" "unknown command" "unknown command message"
expect_rc 3 "unknown option" -- "$bin" scan --frob "$tmp/Dockerfile"
expect_rc 3 "bad --format" -- "$bin" scan --format xml "$tmp/Dockerfile"
expect_rc 3 "bad --fail-on" -- "$bin" scan --fail-on urgent "$tmp/Dockerfile"
expect_rc 3 "--output without value" -- "$bin" scan "$tmp/Dockerfile" --output
expect_rc 0 "scan --help" -- "$bin" scan --help
contains "$tmp/out" "--fail-on" "scan --help lists options"

# Exit codes and thresholds.
expect_rc 1 "findings at the default threshold (high)" -- "$bin" scan --no-color "$tmp/Dockerfile"
contains "$tmp/out" "Dockerfile:1:1: high: DF0001" "text output is compiler style"
contains "$tmp/out" "Dockerfile:1:6: medium: DF0002" "column of the image"
expect_rc 0 "--fail-on critical" -- "$bin" scan --fail-on critical "$tmp/Dockerfile"
expect_rc 0 "--fail-on never" -- "$bin" scan --fail-on never "$tmp/Dockerfile"
expect_rc 1 "--fail-on low" -- "$bin" scan --fail-on=low "$tmp/Dockerfile"
expect_rc 0 "clean file" -- "$bin" scan --fail-on info "$tmp/clean.Dockerfile"
expect_rc 1 "--quiet still fails" -- "$bin" scan --quiet "$tmp/Dockerfile"

# Report on stdout, diagnostics on stderr.
expect_rc 1 "stdout and stderr" -- "$bin" scan --no-color "$tmp/Dockerfile"
lacks "$tmp/err" "DF0001" "findings are not on stderr"
expect_rc 0 "no colour when not a terminal" -- "$bin" scan --fail-on never "$tmp/Dockerfile"
if grep -q "$(printf '\033')" "$tmp/out"; then bad "colour escape in piped output"; else ok; fi

# Standard input.
expect_rc 1 "stdin" -- sh -c "\"$bin\" scan --no-color - <\"$tmp/Dockerfile\""
contains "$tmp/out" "Dockerfile:1:1:" "stdin is named Dockerfile by default"
expect_rc 1 "stdin with a name" -- sh -c "\"$bin\" scan --no-color --stdin-filename api/Dockerfile - <\"$tmp/Dockerfile\""
contains "$tmp/out" "api/Dockerfile:1:1:" "--stdin-filename names stdin"

# Directory walk.
mkdir -p "$tmp/tree/svc" "$tmp/tree/.git" "$tmp/tree/node_modules/x" "$tmp/tree/docs"
cp "$tmp/Dockerfile" "$tmp/tree/svc/Dockerfile"
cp "$tmp/Dockerfile" "$tmp/tree/svc/api.Dockerfile"
cp "$tmp/Dockerfile" "$tmp/tree/Dockerfile.prod"
cp "$tmp/Dockerfile" "$tmp/tree/Containerfile"
cp "$tmp/Dockerfile" "$tmp/tree/.git/Dockerfile"
cp "$tmp/Dockerfile" "$tmp/tree/node_modules/x/Dockerfile"
cp "$tmp/Dockerfile" "$tmp/tree/svc/worker_Dockerfile"
cp "$tmp/Dockerfile" "$tmp/tree/svc/Dockerfile-dev"
printf '# not a Dockerfile\n' >"$tmp/tree/docs/Dockerfile.md"
printf 'node_modules\n' >"$tmp/tree/svc/Dockerfile.dockerignore"
printf 'not a Dockerfile\n' >"$tmp/tree/docs/Dockerfiles"
printf 'not a Dockerfile\n' >"$tmp/tree/docs/myDockerfile"
ln -s "$tmp/tree/svc" "$tmp/tree/link-to-svc"
expect_rc 1 "directory" -- "$bin" scan --format json "$tmp/tree"
n=$(grep -o '"rule_id": "DF0002"' "$tmp/out" | wc -l)
if [ "$n" -eq 6 ]; then ok; else bad "walk found $n Dockerfiles, want 6"; fi
lacks "$tmp/out" "node_modules" "node_modules skipped"
lacks "$tmp/out" ".git/" ".git skipped"
lacks "$tmp/out" "link-to-svc" "symlinked directories not followed"

# Output formats.
expect_rc 1 "json" -- "$bin" scan --format json "$tmp/Dockerfile"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["schema_version"] == 1; assert d["summary"]["findings"] >= 2' "$tmp/out"; then ok; else bad "json output is not the documented JSON"; fi
expect_rc 1 "sarif" -- "$bin" scan --format sarif "$tmp/Dockerfile"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["version"] == "2.1.0"; assert d["runs"][0]["results"]' "$tmp/out"; then ok; else bad "sarif output"; fi
expect_rc 1 "markdown" -- "$bin" scan --format markdown "$tmp/Dockerfile"
contains "$tmp/out" "**Verdict: ❌ Not ready.**" "markdown verdict"
contains "$tmp/out" "| Runs as non-root, least privilege | ❌ Fail | 1 | DF0001 |" "markdown area table"
contains "$tmp/out" "#### 🔴 High — DF0001: The final image runs as root" "markdown finding heading"
expect_rc 0 "markdown of a clean file" -- "$bin" scan --format markdown "$tmp/clean.Dockerfile"
contains "$tmp/out" "**Verdict: ✅ Ready.**" "markdown ready verdict"
printf 'FROM node:20.11.1\nUSER node\nHEALTHCHECK CMD ["true"]\nCMD node x.js <script>alert(1)</script> | `x`\n' >"$tmp/md-hostile.Dockerfile"
expect_rc 0 "markdown with hostile text" -- "$bin" scan --format markdown "$tmp/md-hostile.Dockerfile"
contains "$tmp/out" "**Verdict: ⚠️ Ready with warnings.**" "markdown warnings verdict"
# Inside fenced code blocks the text is literal; elsewhere no raw HTML may appear.
awk '/^```/ { fence = !fence; next } !fence' "$tmp/out" >"$tmp/out-prose"
contains "$tmp/out" "<script>alert(1)</script>" "evidence keeps the text in a code block"
lacks "$tmp/out-prose" "<script>" "no raw HTML from the input outside code blocks"
expect_rc 1 "--output" -- "$bin" scan --format json --output "$tmp/report.json" "$tmp/Dockerfile"
if [ -s "$tmp/report.json" ] && [ ! -s "$tmp/out" ]; then ok; else bad "--output writes the file, not stdout"; fi
expect_rc 2 "--output into a missing directory" -- "$bin" scan --output "$tmp/no/such/dir/r.txt" "$tmp/Dockerfile"

# Bad input: exit 2 with file:line:col: error: on stderr, never a crash.
printf 'FROM a\nRUN x\000y\n' >"$tmp/nul.Dockerfile"
expect_rc 2 "NUL byte" -- "$bin" scan "$tmp/nul.Dockerfile"
contains "$tmp/err" "nul.Dockerfile:2:6: error:" "NUL byte location"
printf 'FROM a\nLABEL x=\377\n' >"$tmp/utf8.Dockerfile"
expect_rc 2 "invalid UTF-8" -- "$bin" scan "$tmp/utf8.Dockerfile"
contains "$tmp/err" "utf8.Dockerfile:2:9: error: invalid UTF-8" "invalid UTF-8 location"
head -c 4096 /dev/urandom >"$tmp/random.Dockerfile"
printf '\000' >>"$tmp/random.Dockerfile"
expect_rc 2 "binary data" -- "$bin" scan "$tmp/random.Dockerfile"
: >"$tmp/empty.Dockerfile"
expect_rc 2 "empty file" -- "$bin" scan "$tmp/empty.Dockerfile"
contains "$tmp/err" "file with no instructions" "empty file message"
printf 'FROM a\nRUN <<EOF\necho\n' >"$tmp/heredoc.Dockerfile"
expect_rc 2 "unterminated heredoc" -- "$bin" scan "$tmp/heredoc.Dockerfile"
contains "$tmp/err" "heredoc.Dockerfile:2:5: error: unterminated heredoc" "heredoc location"
printf 'FROM a\nCMD ["a", "b"\n' >"$tmp/json.Dockerfile"
expect_rc 1 "unterminated JSON falls back to shell form, as in BuildKit" -- "$bin" scan --fail-on low "$tmp/json.Dockerfile"
{ printf 'FROM a\nRUN '; head -c 10485760 /dev/zero | tr '\000' x; printf '\n'; } >"$tmp/long.Dockerfile"
expect_rc 2 "10 MB line" -- "$bin" scan "$tmp/long.Dockerfile"
contains "$tmp/err" "long.Dockerfile:2:1: error:" "long line location"
mkdir -p "$tmp/dir/Dockerfile"
expect_rc 2 "directory named Dockerfile given as a file" -- "$bin" parse --dump "$tmp/dir/Dockerfile"
contains "$tmp/err" "is a directory" "directory message"
expect_rc 2 "missing file" -- "$bin" scan "$tmp/does-not-exist"
contains "$tmp/err" "does-not-exist: error:" "missing file message"
if [ "$(id -u)" -ne 0 ]; then
	cp "$tmp/Dockerfile" "$tmp/unreadable.Dockerfile"
	chmod 000 "$tmp/unreadable.Dockerfile"
	expect_rc 2 "unreadable file" -- "$bin" scan "$tmp/unreadable.Dockerfile"
fi
printf 'FROM a\nFROBNICATE x\n' >"$tmp/unknown.Dockerfile"
expect_rc 2 "unknown instruction" -- "$bin" scan "$tmp/unknown.Dockerfile"
contains "$tmp/err" "unknown.Dockerfile:2:1: error: unknown instruction: FROBNICATE" "unknown instruction"

# parse --dump.
printf 'FROM a AS b\nCOPY --from=b ["x", "y"]\nENV k=v\n' >"$tmp/dump.Dockerfile"
expect_rc 0 "parse --dump" -- "$bin" parse --dump "$tmp/dump.Dockerfile"
printf '(from "a" "AS" "b")\n(copy ["--from=b"] "x" "y")\n(env "k" "v" "=")\n' >"$tmp/want"
if cmp -s "$tmp/out" "$tmp/want"; then ok; else bad "parse --dump output"; diff "$tmp/out" "$tmp/want"; fi
expect_rc 3 "parse without --dump" -- "$bin" parse "$tmp/dump.Dockerfile"

# rules and explain.
expect_rc 0 "rules" -- "$bin" rules
contains "$tmp/out" "DF0001" "rules lists DF0001"
expect_rc 0 "rules json" -- "$bin" rules --format json
if python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert len(r) >= 10; assert all(x["why"] and x["fix"] for x in r)' "$tmp/out"; then ok; else bad "rules --format json"; fi
expect_rc 0 "rules markdown" -- "$bin" rules --format markdown
expect_rc 3 "rules bad format" -- "$bin" rules --format yaml
expect_rc 0 "explain" -- "$bin" explain DF0002
contains "$tmp/out" "DL3006" "explain shows peers"
expect_rc 0 "explain by name" -- "$bin" explain base-image-unpinned
expect_rc 3 "explain unknown" -- "$bin" explain DF9999

# Baselines: accepted findings are recorded; later scans report only new ones, also after
# lines moved.
mkdir -p "$tmp/bl"
cp "$tmp/Dockerfile" "$tmp/bl/Dockerfile"
expect_rc 0 "baseline" -- sh -c "cd \"$tmp/bl\" && \"$bin\" baseline"
contains "$tmp/err" "findings recorded in .plimsoll-baseline.json" "baseline says what it wrote"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["schema_version"] == 1 and len(d["findings"]) >= 3' "$tmp/bl/.plimsoll-baseline.json"; then ok; else bad "baseline file content"; fi
printf '# moved down by a comment\n\n' | cat - "$tmp/Dockerfile" >"$tmp/bl/Dockerfile"
expect_rc 0 "scan with the baseline after lines moved" -- sh -c "cd \"$tmp/bl\" && \"$bin\" scan --fail-on info --baseline .plimsoll-baseline.json"
contains "$tmp/out" "no findings" "baselined findings are not reported"
printf 'FROM debian\n' >>"$tmp/bl/Dockerfile"
expect_rc 0 "a new finding is reported" -- sh -c "cd \"$tmp/bl\" && \"$bin\" scan --no-color --fail-on critical --baseline .plimsoll-baseline.json"
contains "$tmp/out" "Dockerfile:5:6: medium: DF0002" "only the new finding"
expect_rc 2 "missing baseline file" -- "$bin" scan --baseline "$tmp/none.json" "$tmp/Dockerfile"
printf '{"findings": 3}' >"$tmp/bad-baseline.json"
expect_rc 2 "invalid baseline file" -- "$bin" scan --baseline "$tmp/bad-baseline.json" "$tmp/Dockerfile"
contains "$tmp/err" "bad-baseline.json: error: not a plimsoll baseline" "invalid baseline message"

# Inline suppression.
printf '# plimsoll ignore=DF0001,DF0002 reason="reviewed"\nFROM node:latest\nCMD ["node"]\n' >"$tmp/ignored.Dockerfile"
expect_rc 1 "inline ignore" -- "$bin" scan --format json --fail-on info "$tmp/ignored.Dockerfile"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d["summary"]; assert s["suppressed"] == 2, s; assert {f["rule_id"] for f in d["findings"]} == {"DF0007"}' "$tmp/out"; then ok; else bad "inline ignore counts"; fi

# .plimsoll.yaml: found upward from the scanned path, every key checked.
mkdir -p "$tmp/proj/svc/api" "$tmp/proj/examples/demo"
cp "$tmp/Dockerfile" "$tmp/proj/svc/api/Dockerfile"
cp "$tmp/Dockerfile" "$tmp/proj/examples/demo/Dockerfile"
cat >"$tmp/proj/.plimsoll.yaml" <<'YAML'
# project settings
ignore: [missing-healthcheck]
severity:
  DF0002: critical
paths:
  - path: "examples/**"
    ignore: [DF0001, DF0002]
YAML
expect_rc 1 "config found upward" -- "$bin" scan --no-color --fail-on critical "$tmp/proj/svc"
contains "$tmp/out" "api/Dockerfile:1:6: critical: DF0002" "severity override"
lacks "$tmp/out" "DF0007" "ignored rule"
expect_rc 0 "path override" -- "$bin" scan --no-color --fail-on medium "$tmp/proj/examples"
lacks "$tmp/out" "DF0001" "rule ignored below examples/"
contains "$tmp/out" "DF0006" "other rules still apply below examples/"
expect_rc 1 "--config none ignores the file" -- "$bin" scan --no-color --config none "$tmp/proj/svc"
contains "$tmp/out" "DF0007" "--config none"
printf 'ignore: [DF0007]\nignroe: [DF0001]\nseverity: {DF0002: urgent}\n' >"$tmp/bad.yaml"
expect_rc 2 "invalid configuration" -- "$bin" scan --config "$tmp/bad.yaml" "$tmp/Dockerfile"
contains "$tmp/err" "bad.yaml:2:1: error: unknown key 'ignroe'; did you mean 'ignore'?" "unknown key with position"
contains "$tmp/err" "bad.yaml:3:20: error: severity of DF0002 must be" "bad severity with position"
printf 'ignore: [DF0007\n' >"$tmp/broken.yaml"
expect_rc 2 "broken YAML" -- "$bin" scan --config "$tmp/broken.yaml" "$tmp/Dockerfile"
contains "$tmp/err" "broken.yaml:" "broken YAML located"
printf '%% noti\231\217o \n' >"$tmp/binary.yaml"
expect_rc 2 "configuration that is not UTF-8" -- "$bin" scan --config "$tmp/binary.yaml" "$tmp/Dockerfile"
contains "$tmp/err" "binary.yaml:1:7: error: not UTF-8 text" "invalid UTF-8 configuration located"
printf 'a: &x [1]\nignore: *x\n' >"$tmp/alias.yaml"
expect_rc 2 "aliases refused" -- "$bin" scan --config "$tmp/alias.yaml" "$tmp/Dockerfile"
contains "$tmp/err" "aliases are not allowed" "alias message"

# A large text report (its second half is rendered on another thread) lists the findings
# in the same order as the JSON report, each once.
{
	echo 'FROM alpine:3.20'
	i=0
	while [ $i -lt 700 ]; do echo "ADD f$i /f$i"; i=$((i + 1)); done
} >"$tmp/many.Dockerfile"
expect_rc 1 "large text report" -- "$bin" scan --no-color "$tmp/many.Dockerfile"
grep -o '^[^ ]*many.Dockerfile:[0-9]*:[0-9]*: [a-z]*: [A-Z]*[0-9]*' "$tmp/out" >"$tmp/order.text"
expect_rc 1 "large json report" -- "$bin" scan --format json "$tmp/many.Dockerfile"
python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
for f in d["findings"]:
    print("%s:%d:%d: %s: %s" % (f["file"], f["start"]["line"], f["start"]["column"], f["severity"], f["rule_id"]))' \
	"$tmp/out" >"$tmp/order.json"
if [ "$(wc -l <"$tmp/order.text")" -gt 700 ] && cmp -s "$tmp/order.text" "$tmp/order.json"; then ok
else bad "large text report differs from the JSON report's order"; fi

# Compose services are judged with their Dockerfile's facts.
mkdir -p "$tmp/cf/api" "$tmp/cf/worker"
printf 'FROM alpine:3.20\nUSER 10001\nHEALTHCHECK CMD ["/app/health"]\n' >"$tmp/cf/api/Dockerfile"
printf 'FROM alpine:3.20\nCMD ["/app/run"]\n' >"$tmp/cf/worker/Dockerfile.prod"
cat >"$tmp/cf/compose.yaml" <<'YAML'
services:
  api:
    build: ./api
    depends_on: [worker]
  worker:
    build:
      context: worker
      dockerfile: Dockerfile.prod
  inline:
    build:
      context: .
      dockerfile_inline: |
        FROM alpine:3.20
        USER app
        HEALTHCHECK NONE
YAML
expect_rc 1 "compose with Dockerfiles" -- "$bin" scan --no-color --fail-on info "$tmp/cf/compose.yaml"
lacks "$tmp/out" "service 'api' sets no user" "a Dockerfile with USER satisfies DC0017"
lacks "$tmp/out" "service 'api' has no health check" "a Dockerfile with HEALTHCHECK satisfies DC0020"
contains "$tmp/out" "compose.yaml:6:5: medium: DC0017 service 'worker' sets no user and its image runs as root: $tmp/cf/worker/Dockerfile.prod" "DC0017 names the Dockerfile"
contains "$tmp/out" "service 'worker' has no health check, and neither has its image" "DC0020 with the Dockerfile"
lacks "$tmp/out" "service 'inline' sets no user" "dockerfile_inline is read"
lacks "$tmp/out" "service 'inline' has no health check" "HEALTHCHECK NONE is a choice"
lacks "$tmp/out" "DC0021" "worker reports no health, so depends_on needs no condition"

# Compose files are interpolated with the project's .env.
mkdir -p "$tmp/envp"
printf 'services:\n  db:\n    image: "postgres:${PG_TAG}"\n    ports:\n      - "${BIND}:5432:5432"\n' >"$tmp/envp/compose.yaml"
printf 'BIND=0.0.0.0\nPG_TAG=latest\n' >"$tmp/envp/.env"
expect_rc 1 ".env values" -- "$bin" scan --no-color "$tmp/envp"
contains "$tmp/out" "compose.yaml:5:9: high: DC0024" ".env address is interpolated"
contains "$tmp/out" "runs image 'postgres:latest'" ".env tag is interpolated"
printf 'BIND=127.0.0.1\nPG_TAG=16.4\n' >"$tmp/envp/.env"
expect_rc 0 ".env values, safe" -- "$bin" scan --no-color "$tmp/envp"
lacks "$tmp/out" "DC0024" "loopback from .env"
lacks "$tmp/out" "DC0013" "pinned tag from .env"
printf 'BIND="127.0.0.1\n' >"$tmp/envp/.env"
expect_rc 2 "broken .env" -- "$bin" scan --no-color "$tmp/envp"
contains "$tmp/err" ".env:1:" "broken .env located"

# The bundled examples: the insecure service fails, the hardened one is clean.
expect_rc 1 "insecure example" -- "$bin" scan --no-color "$root/examples/insecure-web"
for id in DF0001 DF0002 DF0003 DF0004 DF0006 DF0007 DF0008 DF0009 DF0010 DF0011; do
	contains "$tmp/out" "$id" "insecure example reports $id"
done
expect_rc 0 "hardened example" -- "$bin" scan --fail-on info "$root/examples/hardened-web"
contains "$tmp/out" "no findings" "hardened example is clean"

# The shop stack: what an audit writes down, each at its line; the hardened twin is clean.
(cd "$root/examples" && "$bin" scan --no-color --fail-on never insecure-stack) >"$tmp/out" 2>"$tmp/err"
for want in \
	"insecure-stack/api/Dockerfile:1:1: high: DF0001" \
	"insecure-stack/api/Dockerfile:1:6: medium: DF0002" \
	"insecure-stack/api/Dockerfile:3:6: medium: CTX0001" \
	"insecure-stack/api/Dockerfile:3:6: critical: CTX0002 '.' takes .env into the final image" \
	"insecure-stack/api/Dockerfile:4:5: medium: DF0038" \
	"insecure-stack/api/Dockerfile:7:5: low: DF0006" \
	"insecure-stack/web/Dockerfile:1:1: high: DF0001" \
	"insecure-stack/compose.yaml:3:1: info: DC0016" \
	"insecure-stack/compose.yaml:13:9: medium: DC0010 service 'api' publishes '3000:3000'" \
	"insecure-stack/compose.yaml:15:21: high: DC0011" \
	"insecure-stack/compose.yaml:16:7: low: DC0018 service 'api' receives JWT_SECRET" \
	"insecure-stack/compose.yaml:18:9: critical: DC0008" \
	"insecure-stack/compose.yaml:19:18: low: DC0021" \
	"insecure-stack/compose.yaml:20:14: low: DC0022" \
	"insecure-stack/compose.yaml:22:12: medium: DC0013 service 'db' runs image 'postgres:latest'" \
	"insecure-stack/compose.yaml:24:9: high: DC0024 service 'db' publishes its PostgreSQL port" \
	"insecure-stack/compose.yaml:27:26: high: DC0011" \
	"insecure-stack/compose.yaml:31:12: medium: DC0013 service 'prometheus' runs image 'prom/prometheus' with no tag" \
	"insecure-stack/compose.yaml:33:9: high: DC0024 service 'prometheus' publishes its Prometheus port" \
	"insecure-stack/compose.yaml:36:17: critical: DC0001 service 'grafana' runs privileged" \
	"insecure-stack/compose.yaml:38:9: high: DC0024 service 'grafana' publishes its Grafana port" \
	"insecure-stack/compose.yaml:40:7: high: DC0012 service 'grafana' sets GF_SECURITY_ADMIN_PASSWORD"; do
	contains "$tmp/out" "$want" "insecure stack: $want"
done
lacks "$tmp/out" "publishes '80:80'" "a web front on port 80 is meant to be public"
lacks "$tmp/out" "DC0017 service 'api'" "the API's root user is reported once, in its Dockerfile"
lacks "$tmp/out" "DC0020 service 'api'" "the API's missing health check is reported once, in its Dockerfile"
(cd "$root/examples" && "$bin" scan --no-color --fail-on never insecure-stack/compose.yaml) >"$tmp/out" 2>"$tmp/err"
contains "$tmp/out" "insecure-stack/compose.yaml:11:12: medium: DC0017 service 'api' sets no user" "the compose file alone names the Dockerfile's root user"
expect_rc 0 "hardened stack" -- "$bin" scan --no-color --fail-on info "$root/examples/hardened-stack"
contains "$tmp/out" "no findings" "hardened stack is clean"

# Kubernetes manifests: chosen by content in a walk, and on the command line.
mkdir -p "$tmp/k8s/chart/templates" "$tmp/k8s/ci"
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n      securityContext:\n        privileged: true\n' >"$tmp/k8s/pod.yaml"
printf '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"},\n "spec": {"hostPID": true, "containers": [{"name": "j", "image": "j:1.0"}]}}\n' >"$tmp/k8s/pod.json"
printf 'image:\n  repository: nginx\n  tag: latest\n' >"$tmp/k8s/chart/values.yaml"
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  containers:\n{{- include "c" . | nindent 4 }}\n' >"$tmp/k8s/chart/templates/pod.yaml"
printf 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n' >"$tmp/k8s/ci/workflow.yml"
printf '{"name": "app", "version": "1.0.0"}\n' >"$tmp/k8s/package.json"
expect_rc 1 "manifests in a directory" -- "$bin" scan --no-color "$tmp/k8s"
contains "$tmp/out" "pod.yaml:10:21: critical: K8S0002" "privileged container located"
contains "$tmp/out" "pod.json:2:22: high: K8S0008" "JSON manifest scanned"
lacks "$tmp/out" "values.yaml" "Helm values are not a manifest"
lacks "$tmp/out" "workflow.yml" "other YAML is not picked up"
lacks "$tmp/out" "package.json" "other JSON is not picked up"
contains "$tmp/err" "templates/pod.yaml: note: a template" "Helm template skipped with a note"
lacks "$tmp/err" "error" "a template is not an error"
expect_rc 0 "YAML that is not a manifest, named" -- "$bin" scan "$tmp/k8s/ci/workflow.yml"
contains "$tmp/err" "workflow.yml: note: neither a Kubernetes manifest" "skipped with a note"
expect_rc 1 "a manifest on standard input" -- sh -c "\"$bin\" scan --no-color --stdin-filename web.yaml - <\"$tmp/k8s/pod.yaml\""
contains "$tmp/out" "web.yaml:10:21: critical: K8S0002" "stdin read by content"
printf 'apiVersion: v1\nkind: Pod\n---\nmetadata: [unclosed\n' >"$tmp/k8s-broken.yaml"
expect_rc 2 "broken manifest" -- "$bin" scan "$tmp/k8s-broken.yaml"
contains "$tmp/err" "k8s-broken.yaml:5:1: error: invalid YAML" "broken manifest located"
{
	printf 'apiVersion: v1\nkind: Pod\na: &a [x, x, x, x, x, x, x, x, x, x]\n'
	prev=a
	for l in b c d e f g h i; do
		printf '%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n' $l $l $prev $prev $prev $prev $prev $prev $prev $prev $prev $prev
		prev=$l
	done
} >"$tmp/k8s-bomb.yaml"
expect_rc 2 "alias bomb" -- "$bin" scan "$tmp/k8s-bomb.yaml"
contains "$tmp/err" "aliases repeat more than" "alias bomb refused"
expect_rc 1 "insecure Kubernetes example" -- "$bin" scan --no-color "$root/examples/insecure-web/k8s"
for id in K8S0001 K8S0002 K8S0006 K8S0007 K8S0012 K8S0016 K8S0023 K8S0024 K8S0031; do
	contains "$tmp/out" "$id" "insecure Kubernetes example reports $id"
done

# A manifest whose image a Dockerfile of the scan builds is judged with its facts:
# api/Dockerfile builds "api" (a folder), worker.Dockerfile builds "worker" (a name).
mkdir -p "$tmp/mono/api" "$tmp/mono/deploy" "$tmp/mono/dup/api"
printf 'FROM alpine:3.20\nUSER 10001\nHEALTHCHECK CMD wget -q localhost\n' >"$tmp/mono/api/Dockerfile"
printf 'FROM alpine:3.20\nUSER app\n' >"$tmp/mono/worker.Dockerfile"
printf 'FROM nginx:1.27\n' >"$tmp/mono/web.Dockerfile"
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: api\n      image: ghcr.io/acme/api:1.2\n    - name: worker\n      image: acme/worker@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n    - name: web\n      image: web:1.0\n    - name: other\n      image: other:1.0\n' >"$tmp/mono/deploy/app.yaml"
expect_rc 1 "manifest with the Dockerfiles of its images" -- "$bin" scan --no-color --config none "$tmp/mono/api" "$tmp/mono/worker.Dockerfile" "$tmp/mono/web.Dockerfile" "$tmp/mono/deploy"
lacks "$tmp/out" "app.yaml:7:13: medium: K8S0001" "numeric non-root USER of the image's Dockerfile satisfies K8S0001"
contains "$tmp/out" "app.yaml:7:13: low: K8S0025 container 'api' of Pod 'app' has no livenessProbe (the HEALTHCHECK of its image's $tmp/mono/api/Dockerfile does not replace it" "HEALTHCHECK named in the probe finding"
contains "$tmp/out" "app.yaml:9:13: medium: K8S0001 container 'worker' of Pod 'app' may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set; its image's USER app ($tmp/mono/worker.Dockerfile) is a name" "named USER reported with its Dockerfile"
contains "$tmp/out" "its image runs as root per $tmp/mono/web.Dockerfile (no USER" "root image named in K8S0001"
contains "$tmp/out" "container 'other' of Pod 'app' may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set [run-as-root]" "image built elsewhere: message unchanged"
printf 'FROM alpine:3.20\n' >"$tmp/mono/dup/api/Dockerfile"
expect_rc 1 "two Dockerfiles build the same name" -- "$bin" scan --no-color --config none "$tmp/mono"
contains "$tmp/out" "container 'api' of Pod 'app' may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set [run-as-root]" "ambiguous name: no Dockerfile facts"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
