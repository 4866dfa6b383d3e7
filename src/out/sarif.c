/*
 * sarif.c -- the SARIF 2.1.0 format, for GitHub code scanning and other SARIF viewers.
 *
 * One run: the driver lists every rule of the catalog with its full documentation (so a
 * viewer can explain a rule that had no result this time), each result points at its rule
 * by id and index, and file errors become error notifications of the invocation. Paths
 * under the base directory are written relative to %SRCROOT%, which is how code scanning
 * maps results onto repository files; anything else gets an absolute file:// URI. Columns
 * are code points (columnKind "unicodeCodePoints"), as the engine counts them.
 *
 * The log is streamed (out/jsonw.h) in the layout jansson writes, key for key in the order
 * below, and written out in pieces: its size does not limit how many results a run holds.
 */
#include "out/common.h"
#include "out/jsonw.h"
#include "core/str.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The JSON schema that the log declares in "$schema" (SARIF 2.1.0, sarifLog object). */
static const char schema_uri[] = "https://json.schemastore.org/sarif-2.1.0.json";

/* The uriBaseId of relative artifact URIs; run.originalUriBaseIds says where it is. */
static const char srcroot[] = "%SRCROOT%";

/* Where relative paths start and which rules results refer to, for one write. */
struct sarif {
	const struct pl_out_opts *o;
	char *base; /* base_dir lexically normalised, or NULL when not absolute */
	const struct pl_rule **extra; /* rules of results that the catalog lacks */
	size_t nextra;
	struct pl_jw w;
};

static bool
unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~';
}

/* Appends path S percent-encoded as RFC 3986 asks of a path: unreserved characters and
 * '/' stay, every other byte (space, '%', ':', '#', '?', non-ASCII) becomes %XX. Encoding
 * ':' also keeps a relative reference from being read as a scheme. */
static void
add_uri_path(struct pl_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *u = (const unsigned char *)s;

	for (; *u != '\0'; u++) {
		if (unreserved(*u) || *u == '/') {
			pl_buf_addc(b, (char)*u);
		} else {
			pl_buf_addc(b, '%');
			pl_buf_addc(b, hex[*u >> 4]);
			pl_buf_addc(b, hex[*u & 0xF]);
		}
	}
}

/*
 * Lexically normalises the absolute path P: empty and "." segments go, ".." drops the
 * segment before it (never above "/"). Returns a heap string that starts with '/' and
 * has no trailing '/', except "/" itself. Symbolic links are not resolved: the path stays
 * the one the user gave.
 */
static char *
normalise(const char *p)
{
	struct pl_buf b;
	const char *seg, *end;
	size_t n, cut;

	pl_buf_init(&b);
	for (seg = p; *seg != '\0'; seg = *end != '\0' ? end + 1 : end) {
		end = strchr(seg, '/');
		if (end == NULL) {
			end = seg + strlen(seg);
		}
		n = (size_t)(end - seg);
		if (n == 0 || (n == 1 && seg[0] == '.')) {
			continue;
		}
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			for (cut = b.n; cut > 0 && b.p[cut - 1] != '/'; cut--) {
			}
			b.n = cut > 0 ? cut - 1 : 0;
			if (b.p != NULL) {
				b.p[b.n] = '\0';
			}
			continue;
		}
		pl_buf_addc(&b, '/');
		pl_buf_add(&b, seg, n);
	}
	if (b.n == 0) {
		pl_buf_addc(&b, '/');
	}
	return pl_buf_take(&b);
}

/* When ABS is below BASE, the part of it after BASE and its '/'; NULL otherwise. */
static const char *
below(const char *base, const char *abs)
{
	size_t n = strlen(base);

	if (strcmp(base, "/") == 0) {
		return abs[1] != '\0' ? abs + 1 : NULL;
	}
	if (strncmp(abs, base, n) == 0 && abs[n] == '/' && abs[n + 1] != '\0') {
		return abs + n + 1;
	}
	return NULL;
}

/* "artifactLocation": {"uri": ..., "uriBaseId": "%SRCROOT%"} for FILE relative to the base
 * directory, or {"uri": "file:///..."} when FILE is outside it. */
static void
artifact_location(struct sarif *s, const char *file)
{
	struct pl_buf b, joined;
	const char *rel = NULL;
	char *abs = NULL;

	pl_buf_init(&b);
	pl_buf_init(&joined);
	if (file[0] == '/') {
		abs = normalise(file);
	} else if (s->base != NULL) {
		pl_buf_printf(&joined, "%s/%s", s->base, file);
		abs = normalise(joined.p);
	}
	if (abs != NULL && s->base != NULL) {
		rel = below(s->base, abs);
	} else if (abs == NULL) {
		/* No absolute base to resolve against: the path stays relative to %SRCROOT%. */
		rel = file;
		while (rel[0] == '.' && rel[1] == '/') {
			rel += 2;
		}
	}
	pl_jw_key(&s->w, "artifactLocation");
	pl_jw_object(&s->w);
	if (rel != NULL) {
		add_uri_path(&b, rel);
		pl_jw_kstr(&s->w, "uri", b.p != NULL ? b.p : "");
		pl_jw_kstr(&s->w, "uriBaseId", srcroot);
	} else {
		pl_buf_adds(&b, "file://");
		add_uri_path(&b, abs);
		pl_jw_kstr(&s->w, "uri", b.p);
	}
	pl_jw_close(&s->w, '}');
	free(abs);
	pl_buf_finish(&joined);
	pl_buf_finish(&b);
}

/* "KEY": {"text": TEXT}, SARIF's message object. */
static void
text_object(struct pl_jw *w, const char *key, const char *text)
{
	pl_jw_key(w, key);
	pl_jw_object(w);
	pl_jw_kstr(w, "text", text);
	pl_jw_close(w, '}');
}

/* The rule's help as plain text: why, fix, then the bad and good examples. */
static char *
help_text(const struct pl_rule *r)
{
	struct pl_buf b;

	pl_buf_init(&b);
	pl_buf_printf(&b, "%s\n\nFix: %s\n", r->why != NULL ? r->why : "",
		      r->fix != NULL ? r->fix : "");
	if (r->bad != NULL) {
		pl_buf_printf(&b, "\nBad example:\n%s", r->bad);
		if (!pl_ends_with(r->bad, "\n")) {
			pl_buf_addc(&b, '\n');
		}
	}
	if (r->good != NULL) {
		pl_buf_printf(&b, "\nGood example:\n%s", r->good);
		if (!pl_ends_with(r->good, "\n")) {
			pl_buf_addc(&b, '\n');
		}
	}
	return pl_buf_take(&b);
}

static void
rule_descriptor(struct pl_jw *w, const struct pl_rule *r)
{
	struct pl_buf md;
	char *text;

	pl_jw_object(w);
	pl_jw_kstr(w, "id", r->id);
	pl_jw_kstr(w, "name", r->name);
	text_object(w, "shortDescription", r->title);
	text_object(w, "fullDescription", r->why);
	pl_jw_key(w, "help");
	pl_jw_object(w);
	text = help_text(r);
	pl_jw_kstr(w, "text", text);
	free(text);
	pl_buf_init(&md);
	pl_out_md_rule_body(&md, r, 2);
	pl_jw_kstr(w, "markdown", md.p != NULL ? md.p : "");
	pl_buf_finish(&md);
	pl_jw_close(w, '}');
	pl_jw_key(w, "defaultConfiguration");
	pl_jw_object(w);
	pl_jw_kstr(w, "level", pl_severity_sarif_level(r->severity));
	pl_jw_close(w, '}');
	pl_jw_key(w, "properties");
	pl_jw_object(w);
	pl_jw_key(w, "tags");
	pl_jw_array(w);
	if (r->category != NULL) {
		pl_jw_str(w, r->category);
	}
	/* GitHub code scanning reads security-severity only from rules tagged "security". */
	pl_jw_str(w, "security");
	pl_jw_close(w, ']');
	pl_jw_kstr(w, "security-severity", pl_severity_score(r->severity));
	pl_jw_kstr(w, "precision", "high");
	pl_jw_key(w, "peers");
	pl_jw_array(w);
	for (const char *const *p = r->peers; p != NULL && *p != NULL; p++) {
		pl_jw_str(w, *p);
	}
	pl_jw_close(w, ']');
	pl_jw_close(w, '}');
	pl_jw_close(w, '}');
}

/* The index of rule R in the run's rules[]: the catalog first, then the extra rules. */
static long
rule_index(const struct sarif *s, const struct pl_rule *r)
{
	long i = pl_out_rule_index(r);
	size_t k;

	if (i >= 0) {
		return i;
	}
	for (k = 0; k < s->nextra; k++) {
		if (strcmp(s->extra[k]->id, r->id) == 0) {
			return (long)(pl_nrules + k);
		}
	}
	return -1;
}

static int
cmp_rule_id(const void *a, const void *b)
{
	return strcmp((*(const struct pl_rule *const *)a)->id,
		      (*(const struct pl_rule *const *)b)->id);
}

/* Collects the rules of results that the catalog does not hold (rules given by a test or
 * an embedding program), in id order like the catalog, so that every ruleId still has its
 * descriptor. */
static void
collect_extra(struct sarif *s, const struct pl_report *r)
{
	size_t i;

	s->extra = pl_xcalloc(r->nfindings + 1, sizeof(*s->extra));
	for (i = 0; i < r->nfindings; i++) {
		if (rule_index(s, r->findings[i].rule) < 0) {
			s->extra[s->nextra++] = r->findings[i].rule;
		}
	}
	if (s->nextra > 1) {
		qsort(s->extra, s->nextra, sizeof(*s->extra), cmp_rule_id);
	}
}

static void
region(struct pl_jw *w, const struct pl_finding *f)
{
	pl_jw_key(w, "region");
	pl_jw_object(w);
	pl_jw_kint(w, "startLine", f->line);
	if (f->col > 0) {
		pl_jw_kint(w, "startColumn", f->col);
	}
	if (f->end_line >= f->line && f->end_col > 0) {
		pl_jw_kint(w, "endLine", f->end_line);
		pl_jw_kint(w, "endColumn", f->end_col);
	}
	if (f->evidence != NULL) {
		text_object(w, "snippet", f->evidence);
	}
	pl_jw_close(w, '}');
}

/* The edit as a SARIF fix: one replacement of a byte range of the file. */
static void
fixes(struct sarif *s, const struct pl_finding *f)
{
	struct pl_jw *w = &s->w;
	uint32_t len = f->edit->end > f->edit->off ? f->edit->end - f->edit->off : 0;

	pl_jw_key(w, "fixes");
	pl_jw_array(w);
	pl_jw_object(w);
	text_object(w, "description", pl_out_fix(f));
	pl_jw_key(w, "artifactChanges");
	pl_jw_array(w);
	pl_jw_object(w);
	artifact_location(s, f->file);
	pl_jw_key(w, "replacements");
	pl_jw_array(w);
	pl_jw_object(w);
	pl_jw_key(w, "deletedRegion");
	pl_jw_object(w);
	pl_jw_kint(w, "byteOffset", f->edit->off);
	pl_jw_kint(w, "byteLength", len);
	pl_jw_close(w, '}');
	text_object(w, "insertedContent",
		    f->edit->replacement != NULL ? f->edit->replacement : "");
	pl_jw_close(w, '}');
	pl_jw_close(w, ']');
	pl_jw_close(w, '}');
	pl_jw_close(w, ']');
	pl_jw_close(w, '}');
	pl_jw_close(w, ']');
}

static void
result(struct sarif *s, const struct pl_finding *f)
{
	struct pl_jw *w = &s->w;
	char fp[PL_OUT_FINGERPRINT_SIZE];

	pl_jw_object(w);
	pl_jw_kstr(w, "ruleId", f->rule->id);
	pl_jw_kint(w, "ruleIndex", rule_index(s, f->rule));
	pl_jw_kstr(w, "level", pl_severity_sarif_level(f->severity));
	text_object(w, "message", f->message);
	pl_jw_key(w, "locations");
	pl_jw_array(w);
	pl_jw_object(w);
	pl_jw_key(w, "physicalLocation");
	pl_jw_object(w);
	artifact_location(s, f->file);
	if (f->line > 0) {
		region(w, f);
	}
	pl_jw_close(w, '}');
	pl_jw_close(w, '}');
	pl_jw_close(w, ']');
	pl_out_fingerprint(f, fp);
	pl_jw_key(w, "partialFingerprints");
	pl_jw_object(w);
	pl_jw_kstr(w, "primaryLocationLineHash", fp);
	pl_jw_close(w, '}');
	if (f->edit != NULL) {
		fixes(s, f);
	}
	pl_jw_key(w, "properties");
	pl_jw_object(w);
	pl_jw_kstr(w, "severity", pl_severity_name(f->severity));
	pl_jw_close(w, '}');
	pl_jw_close(w, '}');
}

/* A file that could not be read or parsed, as an error notification with its place. */
static void
notification(struct sarif *s, const struct pl_file_error *e)
{
	struct pl_jw *w = &s->w;

	pl_jw_object(w);
	pl_jw_kstr(w, "level", "error");
	text_object(w, "message", e->message);
	pl_jw_key(w, "locations");
	pl_jw_array(w);
	pl_jw_object(w);
	pl_jw_key(w, "physicalLocation");
	pl_jw_object(w);
	artifact_location(s, e->file);
	if (e->line > 0) {
		pl_jw_key(w, "region");
		pl_jw_object(w);
		pl_jw_kint(w, "startLine", e->line);
		if (e->col > 0) {
			pl_jw_kint(w, "startColumn", e->col);
		}
		pl_jw_close(w, '}');
	}
	pl_jw_close(w, '}');
	pl_jw_close(w, '}');
	pl_jw_close(w, ']');
	pl_jw_close(w, '}');
}

/* Written in pieces of about this size, so that memory stays flat however many results
 * there are. */
enum { FLUSH_AT = 64 * 1024 };

/* Writes what B holds once it reaches FLUSH_AT bytes, or at all when ALL; empties it.
 * Returns 0, or -1 when writing failed. */
static int
flush(FILE *out, struct pl_buf *b, bool all)
{
	int rc;

	if (b->n == 0 || (!all && b->n < FLUSH_AT)) {
		return 0;
	}
	rc = fwrite(b->p, 1, b->n, out) != b->n ? -1 : 0;
	pl_buf_reset(b);
	return rc;
}

static int
driver(struct sarif *s, FILE *out)
{
	struct pl_jw *w = &s->w;
	size_t i;
	int rc = 0;

	pl_jw_key(w, "driver");
	pl_jw_object(w);
	pl_jw_kstr(w, "name", "plimsoll");
	if (s->o->version != NULL) {
		pl_jw_kstr(w, "version", s->o->version);
		pl_jw_kstr(w, "semanticVersion", s->o->version);
	}
	pl_jw_key(w, "rules");
	pl_jw_array(w);
	for (i = 0; i < pl_nrules; i++) {
		rule_descriptor(w, pl_rules[i]);
		rc |= flush(out, w->b, false);
	}
	for (i = 0; i < s->nextra; i++) {
		rule_descriptor(w, s->extra[i]);
		rc |= flush(out, w->b, false);
	}
	pl_jw_close(w, ']');
	pl_jw_close(w, '}');
	return rc;
}

static int
write_sarif(FILE *out, const struct pl_report *r, const struct pl_out_opts *o)
{
	struct sarif s = { .o = o };
	struct pl_jw *w = &s.w;
	struct pl_buf b, uri;
	size_t i;
	int rc = 0;

	if (o->base_dir != NULL && o->base_dir[0] == '/') {
		s.base = normalise(o->base_dir);
	}
	collect_extra(&s, r);
	pl_buf_init(&b);
	pl_jw_init(w, &b);

	pl_jw_object(w);
	pl_jw_kstr(w, "$schema", schema_uri);
	pl_jw_kstr(w, "version", "2.1.0");
	pl_jw_key(w, "runs");
	pl_jw_array(w);
	pl_jw_object(w);
	pl_jw_key(w, "tool");
	pl_jw_object(w);
	rc |= driver(&s, out);
	pl_jw_close(w, '}');

	/* An unreadable or unparsable input leaves the run incomplete, as exit code 2 says;
	 * each one is an error notification that names the file. */
	pl_jw_key(w, "invocations");
	pl_jw_array(w);
	pl_jw_object(w);
	pl_jw_key(w, "executionSuccessful");
	pl_jw_bool(w, r->nerrors == 0);
	pl_jw_key(w, "toolExecutionNotifications");
	pl_jw_array(w);
	for (i = 0; i < r->nerrors; i++) {
		notification(&s, &r->errors[i]);
		rc |= flush(out, &b, false);
	}
	pl_jw_close(w, ']');
	pl_jw_close(w, '}');
	pl_jw_close(w, ']');

	if (s.base != NULL) {
		pl_buf_init(&uri);
		pl_buf_adds(&uri, "file://");
		add_uri_path(&uri, s.base);
		if (strcmp(s.base, "/") != 0) {
			pl_buf_addc(&uri, '/');
		}
		pl_jw_key(w, "originalUriBaseIds");
		pl_jw_object(w);
		pl_jw_key(w, srcroot);
		pl_jw_object(w);
		pl_jw_kstr(w, "uri", uri.p);
		pl_jw_close(w, '}');
		pl_jw_close(w, '}');
		pl_buf_finish(&uri);
	}

	pl_jw_key(w, "results");
	pl_jw_array(w);
	for (i = 0; i < r->nfindings; i++) {
		result(&s, &r->findings[i]);
		rc |= flush(out, &b, false);
	}
	pl_jw_close(w, ']');
	pl_jw_kstr(w, "columnKind", "unicodeCodePoints");
	pl_jw_close(w, '}');
	pl_jw_close(w, ']');
	pl_jw_close(w, '}');
	pl_buf_addc(&b, '\n');
	rc |= flush(out, &b, true);

	pl_buf_finish(&b);
	free(s.base);
	free(s.extra);
	return rc != 0 || ferror(out) ? -1 : 0;
}

const struct pl_format pl_format_sarif = {
	.name = "sarif",
	.description = "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers",
	.write = write_sarif,
};
