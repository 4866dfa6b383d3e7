/*
 * json.c -- the JSON format: the whole report as one document for scripts and dashboards.
 *
 * The layout is a contract documented field by field in docs/output-json.md and versioned
 * by "schema_version": fields are only ever added within a version. Keys are written in a
 * fixed order and nothing depends on the time or the machine, so the same input gives the
 * same bytes and reports can be diffed. The document is streamed (out/jsonw.h): its size
 * does not limit how many findings a report may hold.
 */
#include "out/common.h"
#include "out/jsonw.h"

/* Bumped only when a field is removed or changes meaning; adding fields keeps it. */
enum { SCHEMA_VERSION = 1 };

/* "KEY": {"line": L, "column": C}. */
static void
position(struct pl_jw *w, const char *key, uint32_t line, uint32_t col)
{
	pl_jw_key(w, key);
	pl_jw_object(w);
	pl_jw_kint(w, "line", line);
	pl_jw_kint(w, "column", col);
	pl_jw_close(w, '}');
}

/* "KEY": a place that may be unknown: 0 becomes null. */
static void
maybe_int(struct pl_jw *w, const char *key, uint32_t v)
{
	pl_jw_key(w, key);
	if (v > 0) {
		pl_jw_int(w, v);
	} else {
		pl_jw_null(w);
	}
}

static void
finding(struct pl_jw *w, const struct pl_finding *f)
{
	char fp[PL_OUT_FINGERPRINT_SIZE];

	pl_jw_object(w);
	pl_jw_kstr(w, "rule_id", f->rule->id);
	pl_jw_kstr(w, "rule_name", f->rule->name);
	pl_jw_kstr(w, "title", f->rule->title);
	pl_jw_kstr(w, "severity", pl_severity_name(f->severity));
	pl_jw_kstr(w, "category", f->rule->category);
	pl_jw_kstr(w, "file", f->file);
	position(w, "start", f->line, f->col);
	position(w, "end", f->end_line, f->end_col);
	pl_jw_kstr(w, "message", f->message);
	pl_jw_kstr(w, "evidence", f->evidence);
	pl_jw_kstr(w, "fix", pl_out_fix(f));
	pl_out_fingerprint(f, fp);
	pl_jw_kstr(w, "fingerprint", fp);
	pl_jw_key(w, "edit");
	if (f->edit != NULL) {
		pl_jw_object(w);
		pl_jw_kint(w, "start_offset", f->edit->off);
		pl_jw_kint(w, "end_offset", f->edit->end);
		pl_jw_kstr(w, "replacement", f->edit->replacement);
		pl_jw_close(w, '}');
	} else {
		pl_jw_null(w);
	}
	pl_jw_key(w, "peers");
	pl_jw_array(w);
	for (const char *const *p = f->rule->peers; p != NULL && *p != NULL; p++) {
		pl_jw_str(w, *p);
	}
	pl_jw_close(w, ']');
	pl_jw_close(w, '}');
}

static void
summary(struct pl_jw *w, const struct pl_report *r, const struct pl_out_opts *o)
{
	size_t counts[PL_SEV_COUNT];
	int max = pl_report_max_severity(r), k;

	pl_report_counts(r, counts);
	pl_jw_key(w, "summary");
	pl_jw_object(w);
	pl_jw_kint(w, "files_scanned", (long long)r->files_scanned);
	pl_jw_kint(w, "findings", (long long)r->nfindings);
	pl_jw_key(w, "by_severity");
	pl_jw_object(w);
	for (k = PL_SEV_INFO; k < PL_SEV_COUNT; k++) {
		pl_jw_kint(w, pl_severity_name((enum pl_severity)k), (long long)counts[k]);
	}
	pl_jw_close(w, '}');
	pl_jw_kint(w, "errors", (long long)r->nerrors);
	pl_jw_kint(w, "dropped", (long long)r->dropped);
	pl_jw_kint(w, "suppressed", (long long)r->suppressed);
	pl_jw_kint(w, "baselined", (long long)r->baselined);
	pl_jw_kstr(w, "max_severity", max >= 0 ? pl_severity_name((enum pl_severity)max) : NULL);
	pl_jw_kstr(w, "fail_on", pl_severity_name(o->fail_on));
	pl_jw_key(w, "failed");
	pl_jw_bool(w, pl_out_failed(r, o));
	pl_jw_close(w, '}');
}

/* Written in pieces of about this size, so that memory stays flat however many findings
 * there are. */
enum { FLUSH_AT = 64 * 1024 };

static int
flush(FILE *out, struct pl_buf *b)
{
	int rc = b->n > 0 && fwrite(b->p, 1, b->n, out) != b->n ? -1 : 0;

	pl_buf_reset(b);
	return rc;
}

static int
write_json(FILE *out, const struct pl_report *r, const struct pl_out_opts *o)
{
	struct pl_buf b;
	struct pl_jw w;
	size_t i;
	int rc = 0;

	pl_buf_init(&b);
	pl_jw_init(&w, &b);
	pl_jw_object(&w);
	pl_jw_kint(&w, "schema_version", SCHEMA_VERSION);
	pl_jw_key(&w, "tool");
	pl_jw_object(&w);
	pl_jw_kstr(&w, "name", "plimsoll");
	pl_jw_kstr(&w, "version", o->version);
	pl_jw_close(&w, '}');
	summary(&w, r, o);
	pl_jw_key(&w, "findings");
	pl_jw_array(&w);
	for (i = 0; i < r->nfindings; i++) {
		finding(&w, &r->findings[i]);
		if (b.n >= FLUSH_AT) {
			rc |= flush(out, &b);
		}
	}
	pl_jw_close(&w, ']');
	pl_jw_key(&w, "errors");
	pl_jw_array(&w);
	for (i = 0; i < r->nerrors; i++) {
		pl_jw_object(&w);
		pl_jw_kstr(&w, "file", r->errors[i].file);
		maybe_int(&w, "line", r->errors[i].line);
		maybe_int(&w, "column", r->errors[i].col);
		pl_jw_kstr(&w, "message", r->errors[i].message);
		pl_jw_close(&w, '}');
	}
	pl_jw_close(&w, ']');
	pl_jw_close(&w, '}');
	pl_buf_addc(&b, '\n');
	rc |= flush(out, &b);
	pl_buf_finish(&b);
	return rc != 0 || ferror(out) ? -1 : 0;
}

const struct pl_format pl_format_json = {
	.name = "json",
	.description = "one JSON document with a summary, every finding and every input "
		       "error (docs/output-json.md)",
	.write = write_json,
};
