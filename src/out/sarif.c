/*
 * sarif.c -- the SARIF 2.1.0 format, for GitHub code scanning and other SARIF viewers.
 *
 * One run: the driver lists every rule of the catalog with its full documentation (so a
 * viewer can explain a rule that had no result this time), each result points at its rule
 * by id and index, and file errors become error notifications of the invocation. Paths
 * under the base directory are written relative to %SRCROOT%, which is how code scanning
 * maps results onto repository files; anything else gets an absolute file:// URI. Columns
 * are code points (columnKind "unicodeCodePoints"), as the engine counts them.
 */
#include "out/common.h"
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

/* {"uri": ..., "uriBaseId": "%SRCROOT%"} for FILE relative to the base directory, or
 * {"uri": "file:///..."} when FILE is outside it. */
static json_t *
artifact_location(const struct sarif *s, const char *file)
{
	json_t *loc = pl_out_json_object();
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
	if (rel != NULL) {
		add_uri_path(&b, rel);
		pl_out_json_set(loc, "uri", pl_out_json_str(b.p != NULL ? b.p : ""));
		pl_out_json_set(loc, "uriBaseId", pl_out_json_str(srcroot));
	} else {
		pl_buf_adds(&b, "file://");
		add_uri_path(&b, abs);
		pl_out_json_set(loc, "uri", pl_out_json_str(b.p));
	}
	free(abs);
	pl_buf_finish(&joined);
	pl_buf_finish(&b);
	return loc;
}

static json_t *
text_object(const char *text)
{
	json_t *m = pl_out_json_object();

	pl_out_json_set(m, "text", pl_out_json_str(text));
	return m;
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

static json_t *
rule_descriptor(const struct pl_rule *r)
{
	json_t *d = pl_out_json_object(), *help = pl_out_json_object();
	json_t *conf = pl_out_json_object(), *props = pl_out_json_object();
	json_t *tags = pl_out_json_array();
	struct pl_buf md;
	char *text;

	pl_out_json_set(d, "id", pl_out_json_str(r->id));
	pl_out_json_set(d, "name", pl_out_json_str(r->name));
	pl_out_json_set(d, "shortDescription", text_object(r->title));
	pl_out_json_set(d, "fullDescription", text_object(r->why));
	text = help_text(r);
	pl_out_json_set(help, "text", pl_out_json_str(text));
	free(text);
	pl_buf_init(&md);
	pl_out_md_rule_body(&md, r, 2);
	pl_out_json_set(help, "markdown", pl_out_json_str(md.p != NULL ? md.p : ""));
	pl_buf_finish(&md);
	pl_out_json_set(d, "help", help);
	pl_out_json_set(conf, "level", pl_out_json_str(pl_severity_sarif_level(r->severity)));
	pl_out_json_set(d, "defaultConfiguration", conf);
	if (r->category != NULL) {
		pl_out_json_push(tags, pl_out_json_str(r->category));
	}
	/* GitHub code scanning reads security-severity only from rules tagged "security". */
	pl_out_json_push(tags, pl_out_json_str("security"));
	pl_out_json_set(props, "tags", tags);
	pl_out_json_set(props, "security-severity",
			pl_out_json_str(pl_severity_score(r->severity)));
	pl_out_json_set(props, "precision", pl_out_json_str("high"));
	pl_out_json_set(props, "peers", pl_out_json_strv(r->peers));
	pl_out_json_set(d, "properties", props);
	return d;
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

static json_t *
region(const struct pl_finding *f)
{
	json_t *g = pl_out_json_object();

	pl_out_json_set(g, "startLine", json_integer(f->line));
	if (f->col > 0) {
		pl_out_json_set(g, "startColumn", json_integer(f->col));
	}
	if (f->end_line >= f->line && f->end_col > 0) {
		pl_out_json_set(g, "endLine", json_integer(f->end_line));
		pl_out_json_set(g, "endColumn", json_integer(f->end_col));
	}
	if (f->evidence != NULL) {
		pl_out_json_set(g, "snippet", text_object(f->evidence));
	}
	return g;
}

static json_t *
physical_location(json_t *artifact, json_t *reg)
{
	json_t *loc = pl_out_json_object(), *phys = pl_out_json_object();

	pl_out_json_set(phys, "artifactLocation", artifact);
	if (reg != NULL) {
		pl_out_json_set(phys, "region", reg);
	}
	pl_out_json_set(loc, "physicalLocation", phys);
	return loc;
}

/* The edit as a SARIF fix: one replacement of a byte range of the file. */
static json_t *
fixes(const struct sarif *s, const struct pl_finding *f)
{
	json_t *fix = pl_out_json_object(), *change = pl_out_json_object();
	json_t *rep = pl_out_json_object(), *del = pl_out_json_object();
	json_t *changes = pl_out_json_array(), *reps = pl_out_json_array();
	json_t *list = pl_out_json_array();
	uint32_t len = f->edit->end > f->edit->off ? f->edit->end - f->edit->off : 0;

	pl_out_json_set(del, "byteOffset", json_integer(f->edit->off));
	pl_out_json_set(del, "byteLength", json_integer(len));
	pl_out_json_set(rep, "deletedRegion", del);
	pl_out_json_set(rep, "insertedContent", text_object(f->edit->replacement != NULL
								    ? f->edit->replacement
								    : ""));
	pl_out_json_push(reps, rep);
	pl_out_json_set(change, "artifactLocation", artifact_location(s, f->file));
	pl_out_json_set(change, "replacements", reps);
	pl_out_json_push(changes, change);
	pl_out_json_set(fix, "description", text_object(pl_out_fix(f)));
	pl_out_json_set(fix, "artifactChanges", changes);
	pl_out_json_push(list, fix);
	return list;
}

static json_t *
result(const struct sarif *s, const struct pl_finding *f)
{
	char fp[PL_OUT_FINGERPRINT_SIZE];
	json_t *res = pl_out_json_object(), *locs = pl_out_json_array();
	json_t *pfp = pl_out_json_object(), *props = pl_out_json_object();

	pl_out_json_set(res, "ruleId", pl_out_json_str(f->rule->id));
	pl_out_json_set(res, "ruleIndex", json_integer(rule_index(s, f->rule)));
	pl_out_json_set(res, "level", pl_out_json_str(pl_severity_sarif_level(f->severity)));
	pl_out_json_set(res, "message", text_object(f->message));
	pl_out_json_push(locs, physical_location(artifact_location(s, f->file),
						 f->line > 0 ? region(f) : NULL));
	pl_out_json_set(res, "locations", locs);
	pl_out_fingerprint(f, fp);
	pl_out_json_set(pfp, "primaryLocationLineHash", pl_out_json_str(fp));
	pl_out_json_set(res, "partialFingerprints", pfp);
	if (f->edit != NULL) {
		pl_out_json_set(res, "fixes", fixes(s, f));
	}
	pl_out_json_set(props, "severity", pl_out_json_str(pl_severity_name(f->severity)));
	pl_out_json_set(res, "properties", props);
	return res;
}

/* A file that could not be read or parsed, as an error notification with its place. */
static json_t *
notification(const struct sarif *s, const struct pl_file_error *e)
{
	json_t *n = pl_out_json_object(), *locs = pl_out_json_array(), *reg = NULL;

	pl_out_json_set(n, "level", pl_out_json_str("error"));
	pl_out_json_set(n, "message", text_object(e->message));
	if (e->line > 0) {
		reg = pl_out_json_object();
		pl_out_json_set(reg, "startLine", json_integer(e->line));
		if (e->col > 0) {
			pl_out_json_set(reg, "startColumn", json_integer(e->col));
		}
	}
	pl_out_json_push(locs, physical_location(artifact_location(s, e->file), reg));
	pl_out_json_set(n, "locations", locs);
	return n;
}

static json_t *
driver(const struct sarif *s)
{
	json_t *d = pl_out_json_object(), *rules = pl_out_json_array();
	size_t i;

	pl_out_json_set(d, "name", pl_out_json_str("plimsoll"));
	if (s->o->version != NULL) {
		pl_out_json_set(d, "version", pl_out_json_str(s->o->version));
		pl_out_json_set(d, "semanticVersion", pl_out_json_str(s->o->version));
	}
	for (i = 0; i < pl_nrules; i++) {
		pl_out_json_push(rules, rule_descriptor(pl_rules[i]));
	}
	for (i = 0; i < s->nextra; i++) {
		pl_out_json_push(rules, rule_descriptor(s->extra[i]));
	}
	pl_out_json_set(d, "rules", rules);
	return d;
}

static int
write_sarif(FILE *out, const struct pl_report *r, const struct pl_out_opts *o)
{
	struct sarif s = { .o = o };
	json_t *root = pl_out_json_object(), *runs = pl_out_json_array();
	json_t *run = pl_out_json_object(), *tool = pl_out_json_object();
	json_t *inv = pl_out_json_object(), *invs = pl_out_json_array();
	json_t *notes = pl_out_json_array(), *results = pl_out_json_array();
	json_t *bases, *root_base;
	struct pl_buf b;
	size_t i;
	int rc;

	if (o->base_dir != NULL && o->base_dir[0] == '/') {
		s.base = normalise(o->base_dir);
	}
	collect_extra(&s, r);

	pl_out_json_set(root, "$schema", pl_out_json_str(schema_uri));
	pl_out_json_set(root, "version", pl_out_json_str("2.1.0"));
	pl_out_json_set(tool, "driver", driver(&s));
	pl_out_json_set(run, "tool", tool);

	/* An unreadable or unparsable input leaves the run incomplete, as exit code 2 says;
	 * each one is an error notification that names the file. */
	pl_out_json_set(inv, "executionSuccessful", json_boolean(r->nerrors == 0));
	for (i = 0; i < r->nerrors; i++) {
		pl_out_json_push(notes, notification(&s, &r->errors[i]));
	}
	pl_out_json_set(inv, "toolExecutionNotifications", notes);
	pl_out_json_push(invs, inv);
	pl_out_json_set(run, "invocations", invs);

	if (s.base != NULL) {
		pl_buf_init(&b);
		pl_buf_adds(&b, "file://");
		add_uri_path(&b, s.base);
		if (strcmp(s.base, "/") != 0) {
			pl_buf_addc(&b, '/');
		}
		bases = pl_out_json_object();
		root_base = pl_out_json_object();
		pl_out_json_set(root_base, "uri", pl_out_json_str(b.p));
		pl_out_json_set(bases, srcroot, root_base);
		pl_out_json_set(run, "originalUriBaseIds", bases);
		pl_buf_finish(&b);
	}

	for (i = 0; i < r->nfindings; i++) {
		pl_out_json_push(results, result(&s, &r->findings[i]));
	}
	pl_out_json_set(run, "results", results);
	pl_out_json_set(run, "columnKind", pl_out_json_str("unicodeCodePoints"));
	pl_out_json_push(runs, run);
	pl_out_json_set(root, "runs", runs);

	rc = pl_out_json_write(out, root);
	free(s.base);
	free(s.extra);
	return rc;
}

const struct pl_format pl_format_sarif = {
	.name = "sarif",
	.description = "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers",
	.write = write_sarif,
};
