#!/bin/sh
# compose_project_test.sh -- Compose projects of several files: a folder's compose.yaml with
# its compose.override.yaml, `scan -f a.yaml -f b.yaml`, `extends` within a file and from
# another file, and the merge rules of the Compose specification as findings show them
# (each in the file and at the line where the deciding value is written).
# Needs PL_BIN (the plimsoll binary).
set -u
bin=${PL_BIN:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

. "${PL_SOURCE_ROOT:?}/tests/lib.sh"

# A base file and its override in one folder: scanned as Compose runs them.
p=$tmp/app
mkdir -p "$p"
cat >"$p/compose.yaml" <<'YAML'
services:
  web:
    image: nginx:1.27.0
    ports:
      - "127.0.0.1:8080:80"
    deploy:
      resources:
        limits:
          memory: 256m
    cap_add: [NET_BIND_SERVICE]
    environment:
      API_TOKEN: ${API_TOKEN}
  db:
    image: postgres:16.2
YAML
cat >"$p/compose.override.yaml" <<'YAML'
services:
  web:
    privileged: true
    ports:
      - "9090:90"
      - "127.0.0.1:8080:80"
    deploy:
      resources:
        limits:
          cpus: "0.5"
    cap_add: [SYS_ADMIN]
    environment:
      API_TOKEN: s3cr3t-literal-value
    read_only: true # plimsoll ignore=DC0029
YAML
cd "$tmp" || exit 1
expect_rc 1 "a folder with an override file" -- "$bin" scan --no-color --fail-on high app
contains "$tmp/out" "app/compose.override.yaml:3:17: critical: DC0001 service 'web' runs privileged" \
	"a value set by the override is reported in the override"
contains "$tmp/out" "app/compose.override.yaml:5:9: medium: DC0010 service 'web' publishes '9090:90'" \
	"ports are appended: the override's port"
lacks "$tmp/out" "app/compose.yaml:5:9" "a port the override repeats is reported once, where it is repeated"
contains "$tmp/out" "app/compose.override.yaml:11:15: high: DC0002" "cap_add is appended"
contains "$tmp/out" "app/compose.override.yaml:13:7: high: DC0012 service 'web' sets API_TOKEN" \
	"environment merges by name: the override's literal wins"
lacks "$tmp/out" "DC0014 service 'web'" "the memory limit of the base file still counts (mappings merge)"
lacks "$tmp/out" "DC0019 service 'web'" "the CPU limit of the override counts"
lacks "$tmp/out" "DC0006 service 'web'" "read_only set by the override counts"
contains "$tmp/out" "app/compose.yaml:13:3: low: DC0014 service 'db' has no memory limit" \
	"a missing setting is reported at the service's name in the base file"
contains "$tmp/out" "in 2 files" "both files are counted"
contains "$tmp/out" "app/compose.yaml:3:12: info: DC0029" "findings in the base file keep its ignore comments only"

# The override alone is not scanned twice, and the base file alone is not scanned.
n=$(grep -c "DC0001" "$tmp/out")
[ "$n" -eq 1 ] && ok || bad "the project is scanned once ($n DC0001 findings)"

# Ignore comments of the override apply to findings placed in it.
sed -i 's/privileged: true/privileged: true # plimsoll ignore=DC0001/' "$p/compose.override.yaml"
expect_rc 1 "ignore comments in the override" -- "$bin" scan --no-color app
lacks "$tmp/out" "DC0001" "the override's ignore comment drops its finding"

# -f names the files of one project, in order; later files override.
cat >"$tmp/base.yml" <<'YAML'
services:
  api:
    image: ghcr.io/acme/api:1.4.2
    privileged: true
    read_only: true
YAML
cat >"$tmp/prod.yml" <<'YAML'
services:
  api:
    privileged: false
    read_only: !reset null
YAML
expect_rc 0 "-f base -f prod" -- "$bin" scan --no-color -f base.yml -f prod.yml
lacks "$tmp/out" "DC0001" "the later file turns privileged off"
contains "$tmp/out" "base.yml:2:3: low: DC0006 service 'api' has a writable root" \
	"!reset removes a setting of an earlier file"
expect_rc 1 "-f base alone" -- "$bin" scan --no-color --file base.yml
contains "$tmp/out" "base.yml:4:17: critical: DC0001" "the base file alone runs privileged"
expect_rc 2 "-f with a missing file" -- "$bin" scan --no-color -f base.yml -f missing.yml
contains "$tmp/err" "missing.yml" "a missing -f file is an error naming it"
expect_rc 3 "-f without a file" -- "$bin" scan -f

# extends: within the file and from another file; cycles and missing services are errors.
mkdir -p "$tmp/ext"
cat >"$tmp/ext/compose.yaml" <<'YAML'
services:
  base:
    image: redis:7.2.4
    cap_add: [SYS_ADMIN]
  worker:
    extends: base
    read_only: true
  lib:
    extends:
      file: common.yaml
      service: hardened
  a:
    extends: b
  b:
    extends: a
  lost:
    extends: nowhere
YAML
cat >"$tmp/ext/common.yaml" <<'YAML'
services:
  hardened:
    image: redis:7.2.4
    security_opt: ["seccomp:unconfined"]
YAML
expect_rc 2 "extends" -- "$bin" scan --no-color ext/compose.yaml
contains "$tmp/out" "ext/compose.yaml:4:15: high: DC0002 service 'worker' adds SYS_ADMIN" \
	"a setting inherited through extends is reported where it is written"
contains "$tmp/out" "common.yaml:4:20: high: DC0005 service 'lib'" "extends file: is followed"
contains "$tmp/err" "ext/compose.yaml:13:14: error: extends makes a cycle: b -> a -> b" "a cycle is an error"
contains "$tmp/err" "ext/compose.yaml:17:14: error: extends names service 'nowhere'" "a missing service is an error"

# Long and short syntax of secrets: a service is still scanned with both.
cat >"$tmp/secrets.yaml" <<'YAML'
services:
  app:
    image: ghcr.io/acme/app:1.0.0
    secrets:
      - db_password
      - source: api_key
        target: api
        mode: 0444
secrets:
  db_password:
    file: ./db_password.txt
  api_key:
    environment: API_KEY
YAML
expect_rc 0 "secrets in both syntaxes" -- "$bin" scan --no-color --fail-on critical secrets.yaml

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
