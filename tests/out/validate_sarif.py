#!/usr/bin/python3
"""validate_sarif.py -- check a SARIF file as GitHub code scanning would take it.

Usage: validate_sarif.py FILE.sarif

Two checks: the file must validate against the OASIS SARIF 2.1.0 JSON schema found at
$PL_SHARED/corpus/schemas/sarif-schema-2.1.0.json, and it must meet what code scanning
needs beyond the schema (every result's rule is described in rules[], results carry a
primaryLocationLineHash fingerprint and a start line, relative URIs name their base,
every rule has a security-severity). The schema alone allows logs that code scanning
rejects or shows badly, hence the second check.

Exit status: 0 valid, 1 invalid (the reasons on standard error), 77 when the schema is
absent (the test is skipped).
"""

import json
import os
import re
import sys

SKIP = 77

# GitHub's documented upload limits per run.
MAX_RESULTS = 25000
MAX_RULES = 25000

# RFC 3986 URI-reference characters: unreserved, reserved and '%' for escapes. A space or
# a raw non-ASCII byte means the writer forgot to percent-encode.
URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def schema_path():
    shared = os.environ.get("PL_SHARED")
    if not shared:
        here = os.path.dirname(os.path.abspath(__file__))
        shared = os.path.join(here, "..", "..", "..", "shared")
    return os.path.join(shared, "corpus", "schemas", "sarif-schema-2.1.0.json")


def schema_errors(log, schema):
    import jsonschema

    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema)
    for err in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in err.absolute_path) or "(root)"
        yield "schema: %s: %s" % (where, err.message)


def check_uri(where, loc, errors):
    uri = loc.get("uri")
    if not isinstance(uri, str) or uri == "":
        errors.append("%s: artifactLocation has no uri" % where)
        return
    if not URI_CHARS.match(uri):
        errors.append("%s: uri %r is not percent-encoded" % (where, uri))
    if SCHEME.match(uri):
        if "uriBaseId" in loc:
            errors.append("%s: absolute uri %r has a uriBaseId" % (where, uri))
    elif "uriBaseId" not in loc:
        errors.append("%s: relative uri %r has no uriBaseId" % (where, uri))


def github_errors(log):
    errors = []
    runs = log.get("runs") or []
    if not runs:
        errors.append("no runs")
    for r, run in enumerate(runs):
        driver = run.get("tool", {}).get("driver", {})
        rules = driver.get("rules") or []
        ids = [rule.get("id") for rule in rules]
        if len(rules) > MAX_RULES:
            errors.append("run %d: %d rules, over GitHub's limit" % (r, len(rules)))
        if len(set(ids)) != len(ids):
            errors.append("run %d: duplicate rule ids" % r)
        for k, rule in enumerate(rules):
            where = "run %d rule %s" % (r, rule.get("id", k))
            props = rule.get("properties") or {}
            score = props.get("security-severity")
            try:
                value = float(score)
            except (TypeError, ValueError):
                errors.append("%s: security-severity %r is not a number" % (where, score))
            else:
                if not 0.0 <= value <= 10.0:
                    errors.append("%s: security-severity %s outside 0-10" % (where, score))
            if "security" not in (props.get("tags") or []):
                errors.append("%s: not tagged 'security'" % where)
            for field in ("shortDescription", "fullDescription", "help"):
                if not (rule.get(field) or {}).get("text"):
                    errors.append("%s: no %s.text" % (where, field))
        results = run.get("results")
        if results is None:
            errors.append("run %d: no results array" % r)
            results = []
        if len(results) > MAX_RESULTS:
            errors.append("run %d: %d results, over GitHub's limit" % (r, len(results)))
        for i, res in enumerate(results):
            where = "run %d result %d" % (r, i)
            rule_id = res.get("ruleId")
            if rule_id is None:
                errors.append("%s: no ruleId" % where)
            elif rule_id not in ids:
                errors.append("%s: ruleId %r is not in rules[]" % (where, rule_id))
            index = res.get("ruleIndex")
            if index is not None and (index >= len(ids) or ids[index] != rule_id):
                errors.append("%s: ruleIndex %r does not point at %r" % (where, index, rule_id))
            fp = (res.get("partialFingerprints") or {}).get("primaryLocationLineHash")
            if not isinstance(fp, str) or not fp:
                errors.append("%s: no partialFingerprints.primaryLocationLineHash" % where)
            locations = res.get("locations") or []
            if not locations:
                errors.append("%s: no locations" % where)
            for loc in locations:
                phys = loc.get("physicalLocation") or {}
                check_uri(where, phys.get("artifactLocation") or {}, errors)
                start = (phys.get("region") or {}).get("startLine")
                if not isinstance(start, int) or start < 1:
                    errors.append("%s: region.startLine %r is not >= 1" % (where, start))
        for inv in run.get("invocations") or []:
            for n, note in enumerate(inv.get("toolExecutionNotifications") or []):
                for loc in note.get("locations") or []:
                    phys = loc.get("physicalLocation") or {}
                    check_uri("run %d notification %d" % (r, n),
                              phys.get("artifactLocation") or {}, errors)
    return errors


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: validate_sarif.py FILE.sarif\n")
        return 1
    path = schema_path()
    if not os.path.isfile(path):
        sys.stderr.write("skipped: no SARIF schema at %s\n" % path)
        return SKIP
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        with open(argv[1], encoding="utf-8") as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        sys.stderr.write("%s: %s\n" % (argv[1], e))
        return 1
    errors = list(schema_errors(log, schema)) + github_errors(log)
    for e in errors:
        sys.stderr.write("%s: %s\n" % (argv[1], e))
    if errors:
        return 1
    print("%s: valid SARIF 2.1.0 for code scanning" % argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
