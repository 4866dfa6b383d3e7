#!/bin/sh
# scan_secrets.sh -- the secrets detectors inside `plimsoll scan`: Dockerfile values and
# commands, files a COPY takes from the build context, Compose environments and env
# files, Kubernetes env values and Secrets; exact places, the name-based rules kept quiet
# on the same variable, baselines, and no whole secret in any output format.
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
secret_pieces FAKEscanTEST
gh64=$(printf '%s' "$gh" | base64 | tr -d '\n')
secrets="$gh $akid $asec $stripe $gh64"

p="$tmp/proj"
mkdir -p "$p/app" "$p/k8s"
cat >"$p/Dockerfile" <<EOF
FROM alpine:3.19
ENV GITHUB_TOKEN=$gh OTHER=1
ARG AWS_KEY=$akid
LABEL com.example.key="$stripe"
RUN curl -H "Authorization: token $gh" https://api.github.com/ && \\
    echo done
RUN <<EOT
export AWS_SECRET_ACCESS_KEY=$asec
EOT
COPY app/ /app/
USER 10001
HEALTHCHECK CMD ["/app/health"]
EOF
printf 'import os\n\nAPI = "x"\nstripe_key = "%s"\n' "$stripe" >"$p/app/config.py"
printf 'clean\n' >"$p/app/README"
cat >"$p/compose.yaml" <<EOF
services:
  api:
    image: ghcr.io/acme/api:1.4.2
    environment:
      GITHUB_TOKEN: $gh
      PLAIN: "x"
    env_file:
      - ./api.env
    build:
      context: .
      args:
        - AWS_KEY=$akid
EOF
printf '# settings\nAWS_SECRET_ACCESS_KEY=%s\n' "$asec" >"$p/api.env"
printf 'TOKEN=%s\n' "$stripe" >"$p/.env"
cat >"$p/k8s/app.yaml" <<EOF
apiVersion: v1
kind: Secret
metadata:
  name: creds
stringData:
  stripe: "$stripe"
data:
  gh: $gh64
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.25
      env:
        - name: API_TOKEN
          value: "$gh"
EOF

cd "$p" || exit 1
expect_rc 1 "secrets fail the scan" -- "$bin" scan --no-color .
# Dockerfile: each secret at its own line and column, named by the instruction.
contains "$tmp/out" "Dockerfile:2:18: critical: SEC0011" "ENV value"
contains "$tmp/out" "in ENV GITHUB_TOKEN" "ENV variable named"
contains "$tmp/out" "Dockerfile:3:13: medium: SEC0001" "ARG value"
contains "$tmp/out" "Dockerfile:4:24: critical: SEC0030" "LABEL value"
contains "$tmp/out" "Dockerfile:5:35: critical: SEC0011" "RUN command"
contains "$tmp/out" "Dockerfile:8:30: critical: SEC0002" "heredoc body"
contains "$tmp/out" "ghp_…(40 chars)" "redacted in the message"
lacks "$tmp/out" "DF0003 ENV GITHUB_TOKEN" "DF0003 silent where a detector reported"
# The build context: the file COPY takes, at its own line.
contains "$tmp/out" "app/config.py:4:15: critical: SEC0030" "context file"
contains "$tmp/out" "taken into the image by COPY at Dockerfile:10" "which COPY"
# Compose, its .env and env_file.
contains "$tmp/out" "compose.yaml:5:21: critical: SEC0011" "Compose environment"
lacks "$tmp/out" "DC0012 service 'api' sets GITHUB_TOKEN" "DC0012 silent where a detector reported"
contains "$tmp/out" "compose.yaml:12:19: medium: SEC0001" "Compose build.args"
contains "$tmp/out" ".env:1:7: critical: SEC0030" "the project's .env"
contains "$tmp/out" "api.env:2:23: critical: SEC0002" "env_file"
# Kubernetes.
contains "$tmp/out" "k8s/app.yaml:6:12: critical: SEC0030" "stringData"
contains "$tmp/out" "k8s/app.yaml:8:7: critical: SEC0011" "base64 data, at the value"
contains "$tmp/out" "k8s/app.yaml:20:19: critical: SEC0011" "env value"
lacks "$tmp/out" "K8S0023" "K8S0023 silent where a detector reported"

for fmt in text json sarif markdown; do
	expect_rc 1 "$fmt" -- "$bin" scan --format "$fmt" --output "$tmp/r.$fmt" .
	contains "$tmp/r.$fmt" "SEC0011" "$fmt holds the findings"
	for s in $secrets; do
		lacks "$tmp/r.$fmt" "$s" "no whole secret in $fmt"
		lacks "$tmp/err" "$s" "no whole secret on stderr ($fmt)"
	done
done
sarif_valid "$tmp/r.sarif" "SARIF validates"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/r.json" && ok || bad "json parses"

# Suppression by configuration and baselines work as for every rule.
expect_rc 0 "baseline" -- "$bin" baseline --output "$tmp/base.json" .
for s in $secrets; do
	lacks "$tmp/base.json" "$s" "no whole secret in the baseline"
done
expect_rc 0 "a baseline keeps the secrets quiet" -- "$bin" scan --baseline "$tmp/base.json" .
lacks "$tmp/out" "SEC00" "no secrets finding past the baseline"
printf 'ignore: [SEC0011, SEC0001, SEC0002, SEC0030]\n' >"$p/.plimsoll.yaml"
"$bin" scan --no-color --fail-on never . >"$tmp/out" 2>&1
lacks "$tmp/out" "SEC00" "configuration turns the detectors off"
contains "$tmp/out" "DF0003 ENV GITHUB_TOKEN" "the name-based rule reports when the detector is off"
rm -f "$p/.plimsoll.yaml"

# Many Dockerfiles: several worker threads, each with its own scanner.
mkdir -p "$tmp/many"
i=0
while [ $i -lt 40 ]; do
	printf 'FROM alpine:3.19\nRUN echo %s\n' "$gh" >"$tmp/many/$i.Dockerfile"
	i=$((i + 1))
done
"$bin" scan --format json --output "$tmp/many.json" "$tmp/many" >/dev/null 2>&1
n=$(python3 -c 'import json,sys; print(sum(f["rule"]["id"] == "SEC0011" if isinstance(f.get("rule"), dict) else f.get("rule_id", f.get("ruleId")) == "SEC0011" for f in json.load(open(sys.argv[1]))["findings"]))' "$tmp/many.json" 2>&1)
if [ "$n" = 40 ]; then ok; else bad "40 Dockerfiles, one secret each: got $n"; fi

# A context file that Dockerfiles on both worker threads copy is reported once.
mkdir -p "$tmp/shared"
printf 'token = "%s"\n' "$gh" >"$tmp/shared/settings.py"
printf 'settings.py\n' >"$tmp/shared/.dockerignore.unused"
i=0
while [ $i -lt 40 ]; do
	printf 'FROM alpine:3.19\nCOPY settings.py /app/\n' >"$tmp/shared/$i.Dockerfile"
	i=$((i + 1))
done
"$bin" scan --format json --output "$tmp/shared.json" "$tmp/shared" >/dev/null 2>&1
n=$(python3 -c 'import json,sys; print(sum(f["file"].endswith("settings.py") for f in json.load(open(sys.argv[1]))["findings"]))' "$tmp/shared.json" 2>&1)
if [ "$n" = 1 ]; then ok; else bad "a shared context file with one secret: got $n findings"; fi

echo "scan_secrets: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
