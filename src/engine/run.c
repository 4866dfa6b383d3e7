/*
 * run.c -- the one-pass rule runner and the finding constructor.
 *
 * Rules declare which instruction kinds they look at (rule.h); the runner builds a
 * dispatch table once, walks a Dockerfile's instructions once and calls only the rules
 * that asked for each kind, then the whole-document checks.
 */
#include "engine/run.h"
#include "core/limits.h"
#include "core/str.h"
#include "engine/secrets_scan.h"
#include "engine/suppress.h"
#include "model/context.h"
#include "parse/dockerignore.h"

#include <string.h>

/* Most rules the dispatch table holds per instruction kind; the catalog is far below. */
enum { MAX_RULES = 512 };

/* Per instruction kind, the catalog indexes of the rules that look at it. */
struct dispatch {
	unsigned short by_kind[PL_DF_KIND_COUNT][MAX_RULES];
	size_t n_by_kind[PL_DF_KIND_COUNT];
	bool ready;
};

static struct dispatch table;

static void
build_dispatch(void)
{
	size_t i;
	int k;

	if (table.ready) {
		return;
	}
	for (i = 0; i < pl_nrules && i < MAX_RULES; i++) {
		const struct pl_rule *r = pl_rules[i];

		if (!(r->inputs & PL_IN_DOCKERFILE) || r->check_instr == NULL) {
			continue;
		}
		for (k = 0; k < PL_DF_KIND_COUNT; k++) {
			if (r->on_instr & PL_ON(k)) {
				table.by_kind[k][table.n_by_kind[k]++] = (unsigned short)i;
			}
		}
	}
	table.ready = true;
}

void
pl_engine_init(void)
{
	build_dispatch();
}

char *
pl_check_printf(struct pl_check *ck, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = pl_arena_vprintf(&ck->r->arena, fmt, ap);
	va_end(ap);
	return s;
}

/* The excerpt OFF..END of the source, cut at PL_MAX_EVIDENCE_BYTES on a UTF-8 boundary. */
static const char *
evidence(struct pl_check *ck, uint32_t off, uint32_t end)
{
	const struct pl_source *src = ck->src;
	size_t n;

	if (end > src->len) {
		end = (uint32_t)src->len;
	}
	if (off > end) {
		off = end;
	}
	n = end - off;
	while (n > 0 && (src->text[off + n - 1] == '\n' || src->text[off + n - 1] == '\r')) {
		n--;
	}
	if (n > PL_MAX_EVIDENCE_BYTES) {
		n = PL_MAX_EVIDENCE_BYTES;
		while (n > 0 && ((unsigned char)src->text[off + n] & 0xC0) == 0x80) {
			n--;
		}
		return pl_arena_printf(&ck->r->arena, "%.*s...", (int)n, src->text + off);
	}
	return pl_arena_strndup(&ck->r->arena, src->text + off, n);
}

/*
 * The line and column of OFF. Counting resumes from the previous position when OFF is
 * further right on the same line: the findings of one rule mostly come in source order,
 * so a file that is a single long line costs its length per rule, not per finding.
 */
static struct pl_pos
position(struct pl_check *ck, uint32_t off)
{
	const struct pl_source *src = ck->src;
	struct pl_pos p;

	if (off > src->len) {
		off = (uint32_t)src->len;
	}
	if (ck->pos_known && off >= ck->pos_off && ck->pos.line > 0 &&
	    (ck->pos.line >= src->nlines || off < src->line_starts[ck->pos.line])) {
		p.line = ck->pos.line;
		p.col = ck->pos.col + pl_utf8_count(src->text + ck->pos_off, off - ck->pos_off);
	} else {
		p = pl_source_pos(src, off);
	}
	ck->pos_known = true;
	ck->pos_off = off;
	ck->pos = p;
	return p;
}

struct pl_finding *
pl_check_vreport(struct pl_check *ck, uint32_t off, uint32_t end, const char *fmt, va_list ap)
{
	const struct pl_source *src = ck->src;
	struct pl_finding *f;
	struct pl_pos a, b;
	const char *line;
	size_t len, lead;
	char seed[16];

	if (ck->nfindings >= PL_MAX_FINDINGS_PER_FILE) {
		ck->r->dropped++;
		return NULL;
	}
	ck->nfindings++;
	if (end < off) {
		end = off;
	}
	a = position(ck, off);
	b = position(ck, end > off ? end : off);
	f = pl_report_add(ck->r);
	f->rule = ck->rule;
	f->severity = ck->severity;
	f->file = ck->file;
	f->line = a.line;
	f->col = a.col;
	f->end_line = b.line;
	f->end_col = end > off ? b.col : a.col + 1;
	f->message = pl_arena_vprintf(&ck->r->arena, fmt, ap);
	f->evidence = evidence(ck, off, end);
	line = pl_source_line(src, a.line, &len);
	if (len > PL_MAX_SNIPPET_BYTES) {
		/* Too long to show or to copy per finding: the excerpt stands for the line. */
		size_t o = off < src->len ? off : src->len, e = end < src->len ? end : src->len;

		line = src->text + o;
		len = e > o ? e - o : 0;
		if (len > PL_MAX_EVIDENCE_BYTES) {
			len = PL_MAX_EVIDENCE_BYTES;
		}
	} else {
		f->src_line = pl_arena_strndup(&ck->r->arena, line, len);
	}
	/* The fingerprint ignores indentation and trailing blanks, so re-indenting or
	 * moving a line keeps it. */
	for (lead = 0; lead < len && (line[lead] == ' ' || line[lead] == '\t'); lead++) {
	}
	while (len > lead && (line[len - 1] == ' ' || line[len - 1] == '\t')) {
		len--;
	}
	memset(seed, 0, sizeof(seed));
	strncpy(seed, ck->rule->id, sizeof(seed) - 1);
	f->line_hash = pl_hash64(line + lead, len - lead, pl_hash64(seed, sizeof(seed), 0));
	return f;
}

struct pl_finding *
pl_check_report(struct pl_check *ck, uint32_t off, uint32_t end, const char *fmt, ...)
{
	struct pl_finding *f;
	va_list ap;

	va_start(ap, fmt);
	f = pl_check_vreport(ck, off, end, fmt, ap);
	va_end(ap);
	return f;
}

void
pl_run_dockerfile_rules(struct pl_report *r, const struct pl_df_model *m, const char *file,
			const struct pl_config *cfg)
{
	pl_run_dockerfile_rules_ctx(r, m, file, cfg, NULL);
}

void
pl_run_dockerfile_rules_ctx(struct pl_report *r, const struct pl_df_model *m, const char *file,
			    const struct pl_config *cfg, const struct pl_build_ctx *bctx)
{
	static const struct pl_config defaults = { .pin_policy = PL_PIN_PATCH };
	struct pl_check ck = { .src = m->src, .m = m, .r = r, .file = file,
				.cfg = cfg ? cfg : &defaults, .bctx = bctx };
	int sev[MAX_RULES];
	size_t i, k, first = r->nfindings;

	build_dispatch();
	/* Severity per rule for this file, once: -1 when configuration turns it off. */
	for (i = 0; i < pl_nrules && i < MAX_RULES; i++) {
		sev[i] = cfg != NULL ? pl_config_severity(cfg, pl_rules[i], file)
				     : (int)pl_rules[i]->severity;
	}
	for (i = 0; i < m->file->ninstrs; i++) {
		enum pl_df_kind kind = m->file->instrs[i].kind;

		for (k = 0; k < table.n_by_kind[kind]; k++) {
			unsigned short ri = table.by_kind[kind][k];

			if (sev[ri] < 0) {
				continue;
			}
			ck.rule = pl_rules[ri];
			ck.severity = (enum pl_severity)sev[ri];
			ck.rule->check_instr(&ck, m, i);
		}
	}
	for (i = 0; i < pl_nrules && i < MAX_RULES; i++) {
		if ((pl_rules[i]->inputs & PL_IN_DOCKERFILE) && pl_rules[i]->check_doc != NULL &&
		    sev[i] >= 0) {
			ck.rule = pl_rules[i];
			ck.severity = (enum pl_severity)sev[i];
			ck.rule->check_doc(&ck, m);
		}
	}
	pl_secrets_check_dockerfile(&ck, m, first);
	r->suppressed += pl_suppress_apply(r, first, m->file, m->arena);
	/* Findings in the context's files: the Dockerfile's ignore comments do not apply. */
	pl_secrets_check_context(&ck, m);
}

/* Whether a COPY or ADD of FILE takes files from the build context (has no --from). */
static bool
takes_from_context(const struct pl_df_file *file)
{
	for (size_t i = 0; i < file->ninstrs; i++) {
		const struct pl_df_instr *in = &file->instrs[i];

		if ((in->kind == PL_DF_COPY || in->kind == PL_DF_ADD) &&
		    pl_df_flag(in, "from", NULL) == NULL) {
			return true;
		}
	}
	return false;
}

/* The folder of PATH ("." for a bare name), in arena A. */
static const char *
dir_of(struct pl_arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		return ".";
	}
	return pl_arena_strndup(a, path, slash == path ? 1 : (size_t)(slash - path));
}

/* Build contexts already walked by this report's scans, by folder and ignore file:
 * Dockerfiles side by side share one walk. */
struct ctx_cache {
	const char *root, *ignore;
	const struct pl_build_ctx *bctx; /* NULL when the folder could not be walked */
	struct ctx_cache *next;
};

/* The build context of the Dockerfile at PATH (shown as NAME): --context, or its folder.
 * NULL when the folder cannot be read. Walks are kept in R for the next Dockerfiles;
 * a .dockerignore that Docker would refuse is reported once, as an input error. */
static const struct pl_build_ctx *
build_ctx(struct pl_report *r, const char *path, const char *name, const struct pl_scan_opts *o)
{
	struct pl_arena *a = &r->arena;
	const char *root = o != NULL && o->context != NULL ? o->context : dir_of(a, path);
	const char *ignore = NULL, *err;
	struct pl_dockerignore *di = NULL;
	struct pl_build_ctx *b;
	struct ctx_cache *c;
	struct pl_ctx *ctx;

	(void)name;
	pl_dockerignore_file_for(path, root, a, &ignore);
	while (ignore != NULL && ignore[0] == '.' && ignore[1] == '/') {
		ignore += 2; /* "./.dockerignore" reads as ".dockerignore" */
	}
	for (c = r->ctx_cache; c != NULL; c = c->next) {
		if (strcmp(c->root, root) == 0 &&
		    (c->ignore == ignore || (c->ignore != NULL && ignore != NULL &&
					     strcmp(c->ignore, ignore) == 0))) {
			return c->bctx;
		}
	}
	c = pl_arena_alloc(a, sizeof(*c));
	c->root = root;
	c->ignore = ignore;
	c->next = r->ctx_cache;
	r->ctx_cache = c;
	if (ignore != NULL) {
		struct pl_source src;
		struct pl_di_error derr;
		const char *why;

		if (pl_source_read(&src, ignore, ignore, &why) != 0) {
			pl_report_error(r, ignore, 0, 0, "%s", why);
			return NULL;
		}
		di = pl_arena_alloc(a, sizeof(*di));
		if (pl_dockerignore_parse(src.text, src.len, a, di, &derr) != 0) {
			pl_report_error(r, pl_arena_strdup(a, ignore), derr.line, derr.col, "%s",
					derr.message);
		}
		pl_source_finish(&src);
	}
	ctx = pl_arena_alloc(a, sizeof(*ctx));
	if (pl_ctx_walk(root, di, a, ctx, &err) != 0) {
		return NULL;
	}
	b = pl_arena_alloc(a, sizeof(*b));
	b->ctx = ctx;
	b->root = root;
	b->ignore = ignore;
	c->bctx = b;
	return b;
}

int
pl_scan_dockerfile(struct pl_report *r, const char *path, const char *display,
		   const struct pl_scan_opts *o)
{
	struct pl_df_model_opts mo = { 0 };
	struct pl_source src;
	struct pl_df_file file;
	struct pl_df_error err;
	struct pl_df_model m;
	struct pl_arena a;
	const char *why;
	const char *name;
	size_t i;
	int rc = 0;

	if (pl_source_read(&src, path, display, &why) != 0) {
		pl_report_error(r, display ? display : path, 0, 0, "%s", why);
		return -1;
	}
	/* The report outlives this file's arena: keep the display name in the report's. */
	name = pl_arena_strdup(&r->arena, src.name);
	r->files_scanned++;
	pl_arena_init(&a);
	if (pl_df_parse(&src, &a, &file, &err) != 0) {
		struct pl_pos p = pl_source_pos(&src, err.off);

		pl_report_error(r, name, p.line, p.col, "%s", err.message);
		rc = -1;
		goto out;
	}
	if (o != NULL) {
		mo.target = o->target;
		mo.build_args = o->build_args;
	}
	pl_df_model_build(&file, &mo, &a, &m);
	for (i = 0; i < m.nissues; i++) {
		struct pl_pos p = pl_source_pos(&src, m.issues[i].off);

		pl_report_error(r, name, p.line, p.col, "%s", m.issues[i].message);
		rc = -1;
	}
	pl_run_dockerfile_rules_ctx(r, &m, name, o != NULL ? o->config : NULL,
				    strcmp(path, "-") != 0 && takes_from_context(&file)
					    ? build_ctx(r, path, name, o)
					    : NULL);
out:
	pl_arena_finish(&a);
	pl_source_finish(&src);
	return rc;
}

void
pl_check_init(struct pl_check *ck, struct pl_report *r, const struct pl_source *src,
	      const char *file, const struct pl_config *cfg)
{
	static const struct pl_config defaults = { .pin_policy = PL_PIN_PATCH };

	memset(ck, 0, sizeof(*ck));
	ck->r = r;
	ck->src = src;
	ck->file = file;
	ck->cfg = cfg != NULL ? cfg : &defaults;
}

bool
pl_check_next_rule(struct pl_check *ck, unsigned input, size_t *i)
{
	while (*i < pl_nrules) {
		const struct pl_rule *rule = pl_rules[(*i)++];
		int sev;

		if (!(rule->inputs & input)) {
			continue;
		}
		sev = pl_config_severity(ck->cfg, rule, ck->file);
		if (sev < 0) {
			continue;
		}
		ck->rule = rule;
		ck->severity = (enum pl_severity)sev;
		return true;
	}
	return false;
}

int
pl_scan_path(struct pl_report *r, const char *path, const char *display,
	     const struct pl_scan_opts *o,
	     int (*scan)(struct pl_report *r, const struct pl_source *src, const char *name,
			 const struct pl_scan_opts *o))
{
	struct pl_source src;
	const char *why, *name;
	int rc;

	if (pl_source_read(&src, path, display, &why) != 0) {
		pl_report_error(r, display ? display : path, 0, 0, "%s", why);
		return -1;
	}
	name = pl_arena_strdup(&r->arena, src.name);
	r->files_scanned++;
	rc = scan(r, &src, name, o);
	pl_source_finish(&src);
	return rc;
}
