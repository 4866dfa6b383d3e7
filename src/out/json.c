/*
 * json.c -- the JSON format: the whole report as one document for scripts and dashboards.
 *
 * The layout is a contract documented field by field in docs/output-json.md and versioned
 * by "schema_version": fields are only ever added within a version. Keys are written in a
 * fixed order and nothing depends on the time or the machine, so the same input gives the
 * same bytes and reports can be diffed.
 */
#include "out/common.h"

/* Bumped only when a field is removed or changes meaning; adding fields keeps it. */
enum { SCHEMA_VERSION = 1 };

/* {"line": L, "column": C}. */
static json_t *
position(uint32_t line, uint32_t col)
{
	json_t *p = pl_out_json_object();

	pl_out_json_set(p, "line", json_integer(line));
	pl_out_json_set(p, "column", json_integer(col));
	return p;
}

/* A place that may be unknown: 0 becomes null. */
static json_t *
maybe_int(uint32_t v)
{
	return v > 0 ? json_integer(v) : json_null();
}

static json_t *
finding(const struct pl_finding *f)
{
	char fp[PL_OUT_FINGERPRINT_SIZE];
	json_t *j = pl_out_json_object(), *e;

	pl_out_json_set(j, "rule_id", pl_out_json_str(f->rule->id));
	pl_out_json_set(j, "rule_name", pl_out_json_str(f->rule->name));
	pl_out_json_set(j, "title", pl_out_json_str(f->rule->title));
	pl_out_json_set(j, "severity", pl_out_json_str(pl_severity_name(f->severity)));
	pl_out_json_set(j, "category", pl_out_json_str(f->rule->category));
	pl_out_json_set(j, "file", pl_out_json_str(f->file));
	pl_out_json_set(j, "start", position(f->line, f->col));
	pl_out_json_set(j, "end", position(f->end_line, f->end_col));
	pl_out_json_set(j, "message", pl_out_json_str(f->message));
	pl_out_json_set(j, "evidence", pl_out_json_str(f->evidence));
	pl_out_json_set(j, "fix", pl_out_json_str(pl_out_fix(f)));
	pl_out_fingerprint(f, fp);
	pl_out_json_set(j, "fingerprint", pl_out_json_str(fp));
	if (f->edit != NULL) {
		e = pl_out_json_object();
		pl_out_json_set(e, "start_offset", json_integer(f->edit->off));
		pl_out_json_set(e, "end_offset", json_integer(f->edit->end));
		pl_out_json_set(e, "replacement", pl_out_json_str(f->edit->replacement));
	} else {
		e = json_null();
	}
	pl_out_json_set(j, "edit", e);
	pl_out_json_set(j, "peers", pl_out_json_strv(f->rule->peers));
	return j;
}

static json_t *
summary(const struct pl_report *r, const struct pl_out_opts *o)
{
	size_t counts[PL_SEV_COUNT];
	json_t *s = pl_out_json_object(), *by = pl_out_json_object();
	int max = pl_report_max_severity(r), k;

	pl_report_counts(r, counts);
	pl_out_json_set(s, "files_scanned", json_integer((json_int_t)r->files_scanned));
	pl_out_json_set(s, "findings", json_integer((json_int_t)r->nfindings));
	for (k = PL_SEV_INFO; k < PL_SEV_COUNT; k++) {
		pl_out_json_set(by, pl_severity_name((enum pl_severity)k),
				json_integer((json_int_t)counts[k]));
	}
	pl_out_json_set(s, "by_severity", by);
	pl_out_json_set(s, "errors", json_integer((json_int_t)r->nerrors));
	pl_out_json_set(s, "dropped", json_integer((json_int_t)r->dropped));
	pl_out_json_set(s, "suppressed", json_integer((json_int_t)r->suppressed));
	pl_out_json_set(s, "baselined", json_integer((json_int_t)r->baselined));
	pl_out_json_set(s, "max_severity", max >= 0 ? pl_out_json_str(pl_severity_name(
								      (enum pl_severity)max))
						    : json_null());
	pl_out_json_set(s, "fail_on", pl_out_json_str(pl_severity_name(o->fail_on)));
	pl_out_json_set(s, "failed", json_boolean(pl_out_failed(r, o)));
	return s;
}

static int
write_json(FILE *out, const struct pl_report *r, const struct pl_out_opts *o)
{
	json_t *root = pl_out_json_object(), *tool = pl_out_json_object();
	json_t *fs = pl_out_json_array(), *es = pl_out_json_array(), *e;
	size_t i;

	pl_out_json_set(root, "schema_version", json_integer(SCHEMA_VERSION));
	pl_out_json_set(tool, "name", pl_out_json_str("plimsoll"));
	pl_out_json_set(tool, "version", pl_out_json_str(o->version));
	pl_out_json_set(root, "tool", tool);
	pl_out_json_set(root, "summary", summary(r, o));
	for (i = 0; i < r->nfindings; i++) {
		pl_out_json_push(fs, finding(&r->findings[i]));
	}
	pl_out_json_set(root, "findings", fs);
	for (i = 0; i < r->nerrors; i++) {
		e = pl_out_json_object();
		pl_out_json_set(e, "file", pl_out_json_str(r->errors[i].file));
		pl_out_json_set(e, "line", maybe_int(r->errors[i].line));
		pl_out_json_set(e, "column", maybe_int(r->errors[i].col));
		pl_out_json_set(e, "message", pl_out_json_str(r->errors[i].message));
		pl_out_json_push(es, e);
	}
	pl_out_json_set(root, "errors", es);
	return pl_out_json_write(out, root);
}

const struct pl_format pl_format_json = {
	.name = "json",
	.description = "one JSON document with a summary, every finding and every input "
		       "error (docs/output-json.md)",
	.write = write_json,
};
