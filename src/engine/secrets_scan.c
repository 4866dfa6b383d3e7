/*
 * secrets_scan.c -- the secrets detectors over the places of a Dockerfile, its build
 * context, a Compose project or a Kubernetes manifest where credentials get written
 * (see secrets_scan.h).
 *
 * Source spans are scanned as they are in the file, so that a match's offsets are the
 * file's offsets plus the span's start and a finding lands on the secret's own line and
 * column. Values that are encoded (a Secret's base64 `data`) are decoded first and the
 * finding lands on the encoded value.
 */
#define _GNU_SOURCE /* memmem */
#include "engine/secrets_scan.h"
#include "core/limits.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "model/context.h"
#include "rules/ctx/util.h"
#include "rules/dc/util.h"
#include "secrets/secrets.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A secret found in the file: masked wherever a finding would show it. */
struct hidden {
	const char *s;
	size_t n;
	uint32_t line; /* where it is: only findings that span this line are masked */
};

/* A variable whose value a detector reported: where its name is (where a name-based
 * rule reports) and where the detector's finding is. */
struct anchor {
	struct pl_pos name;
	uint32_t line, col;
	const struct pl_rule *rule;
	bool generic; /* a generic detector (password=..., token=...) */
	bool yield;   /* a name-based rule reported the variable: the generic finding goes */
};

struct sscan {
	struct pl_check *ck;
	struct pl_secrets_scanner *sc;
	struct pl_arena *a; /* the report's arena: what findings keep lives there */
	/* Matches of the buffer being scanned. */
	struct pl_secret_match *m;
	size_t nm, mcap;
	/* Secrets found in the file, to mask in every finding of it. */
	struct hidden *h;
	size_t nh, hcap;
	/* Variables whose value a detector reported, for settling with the name-based
	 * rules. */
	struct anchor *anchors;
	size_t nanchors, acap;
};

/* The name-based rules: a provider-specific detector's finding on the same variable
 * replaces theirs, and a generic detector's finding yields to theirs. DF0015 (a secret
 * in a LABEL) is never replaced, only yielded to: its point is that labels are public. */
static const char *const by_name[] = { "DF0003", "DC0012", "K8S0023", "K8S0024", "DF0015",
					NULL };
static const char *const never_replaced = "DF0015";

/* What a report keeps between files: the scanner, and the files beside the inputs
 * (build context files, env files) already scanned, by a hash of their path, so that
 * Dockerfiles sharing a context read each file once and report its secrets once. */
struct pl_secrets_state {
	struct pl_secrets_scanner *sc;
	uint64_t *seen; /* open addressing; 0 marks a free slot */
	size_t nseen, cap;
};

static struct pl_secrets_state *
state(struct pl_report *r)
{
	if (r->secrets == NULL) {
		r->secrets = pl_xcalloc(1, sizeof(*r->secrets));
		r->secrets->sc = pl_secrets_scanner_create(pl_secrets_default());
	}
	return r->secrets;
}

/* The key of file NAME in folder DIR for first_time. */
static uint64_t
path_key(const char *dir, const char *name)
{
	return pl_hash64(name, strlen(name), pl_hash64(dir, strlen(dir), 0x5ec7e75)) | 1;
}

/* Records the file of key H as scanned; false when it already was. */
static bool
first_time(struct pl_secrets_state *ss, uint64_t h)
{
	size_t i;

	if (2 * (ss->nseen + 1) > ss->cap) {
		size_t cap = ss->cap ? ss->cap * 2 : 256;
		uint64_t *t = pl_xcalloc(cap, sizeof(*t));

		for (i = 0; i < ss->cap; i++) {
			if (ss->seen[i] != 0) {
				size_t j = (size_t)ss->seen[i] & (cap - 1);

				while (t[j] != 0) {
					j = (j + 1) & (cap - 1);
				}
				t[j] = ss->seen[i];
			}
		}
		free(ss->seen);
		ss->seen = t;
		ss->cap = cap;
	}
	for (i = (size_t)h & (ss->cap - 1); ss->seen[i] != 0; i = (i + 1) & (ss->cap - 1)) {
		if (ss->seen[i] == h) {
			return false;
		}
	}
	ss->seen[i] = h;
	ss->nseen++;
	return true;
}

void
pl_secrets_scan_release(struct pl_report *r)
{
	if (r->secrets != NULL) {
		pl_secrets_scanner_destroy(r->secrets->sc);
		free(r->secrets->seen);
		free(r->secrets);
		r->secrets = NULL;
	}
}

static void
sscan_init(struct sscan *st, struct pl_check *ck)
{
	memset(st, 0, sizeof(*st));
	st->ck = ck;
	st->sc = state(ck->r)->sc;
	st->a = &ck->r->arena;
}

static void
sscan_finish(struct sscan *st)
{
	free(st->m);
	free(st->h);
	free(st->anchors);
}

static int
collect(void *arg, const struct pl_secret_match *m)
{
	struct sscan *st = arg;

	if (st->nm == st->mcap) {
		st->mcap = st->mcap ? st->mcap * 2 : 8;
		st->m = pl_xrealloc(st->m, st->mcap * sizeof(*st->m));
	}
	st->m[st->nm++] = *m;
	return 0;
}

/* Scans BUF[0..LEN) into ST->m. */
static void
scan(struct sscan *st, const char *buf, size_t len)
{
	size_t dropped = 0;

	st->nm = 0;
	if (len == 0) {
		return;
	}
	pl_secrets_scan(st->sc, buf, len, collect, st, &dropped);
	st->ck->r->dropped += dropped;
}

static void
hide(struct sscan *st, const char *s, size_t n, uint32_t line)
{
	if (n == 0) {
		return;
	}
	/* The same secret twice on a line (a value decoded for each match) is kept once;
	 * looking further back would make a file of many secrets quadratic. */
	for (size_t i = st->nh > 8 ? st->nh - 8 : 0; i < st->nh; i++) {
		if (st->h[i].line == line && st->h[i].n == n && memcmp(st->h[i].s, s, n) == 0) {
			return;
		}
	}
	if (st->nh == st->hcap) {
		st->hcap = st->hcap ? st->hcap * 2 : 8;
		st->h = pl_xrealloc(st->h, st->hcap * sizeof(*st->h));
	}
	st->h[st->nh].s = s;
	st->h[st->nh].line = line;
	st->h[st->nh++].n = n;
}

static void
anchor(struct sscan *st, const struct pl_source *src, uint32_t off, const struct pl_finding *f,
       const struct pl_secret_detector *d)
{
	struct anchor *an;

	if (st->nanchors == st->acap) {
		st->acap = st->acap ? st->acap * 2 : 8;
		st->anchors = pl_xrealloc(st->anchors, st->acap * sizeof(*st->anchors));
	}
	an = &st->anchors[st->nanchors++];
	an->name = pl_source_pos(src, off);
	an->line = f->line;
	an->col = f->col;
	an->rule = f->rule;
	an->generic = d->generic;
	an->yield = false;
}

/* TEXT, of a finding on lines LO..HI, with every occurrence of a secret of H on those
 * lines masked: its visible characters kept, the rest one '*' per code point, so that
 * columns stay where they are. TEXT itself when it holds none. */
static const char *
mask(struct pl_arena *a, const char *text, const struct hidden *h, size_t nh, uint32_t lo,
     uint32_t hi)
{
	size_t tl, i, o;
	unsigned char *hidden = NULL;
	char *out;

	if (text == NULL || nh == 0) {
		return text;
	}
	tl = strlen(text);
	for (size_t k = 0; k < nh; k++) {
		const char *p = text, *q;

		if (h[k].line < lo || h[k].line > hi) {
			continue;
		}
		while (h[k].n <= tl - (size_t)(p - text) &&
		       (q = memmem(p, tl - (size_t)(p - text), h[k].s, h[k].n)) != NULL) {
			size_t from = (size_t)(q - text) + pl_secrets_visible(h[k].s, h[k].n);

			if (hidden == NULL) {
				hidden = pl_arena_alloc(a, tl);
			}
			memset(hidden + from, 1, (size_t)(q - text) + h[k].n - from);
			p = q + h[k].n;
		}
	}
	if (hidden == NULL) {
		return text;
	}
	out = pl_arena_alloc_raw(a, tl + 1);
	for (i = 0, o = 0; i < tl; i++) {
		if (!hidden[i]) {
			out[o++] = text[i];
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			out[o++] = '*';
		}
	}
	out[o] = '\0';
	return out;
}

static bool
is_by_name(const struct pl_rule *r)
{
	for (const char *const *id = by_name; *id != NULL; id++) {
		if (strcmp(r->id, *id) == 0) {
			return true;
		}
	}
	return false;
}

/*
 * The pass over the findings of CK's file from FIRST on. A provider-specific detector's
 * finding on a variable silences the name-based rules there; a generic detector's
 * finding (password=..., token=...) yields to a name-based rule's on the same variable,
 * which says the same with the variable's context. Every finding kept has the file's
 * secrets masked.
 */
static void
settle(struct sscan *st, size_t first)
{
	struct pl_report *r = st->ck->r;
	size_t i, k, kept = first;

	for (i = first; i < r->nfindings && st->nanchors > 0; i++) {
		const struct pl_finding *f = &r->findings[i];

		if (f->file != st->ck->file || !is_by_name(f->rule)) {
			continue;
		}
		for (k = 0; k < st->nanchors; k++) {
			struct anchor *an = &st->anchors[k];

			an->yield |= an->generic && an->name.line == f->line && an->name.col == f->col;
		}
	}
	for (i = first; i < r->nfindings; i++) {
		struct pl_finding *f = &r->findings[i];
		bool drop = false, named = f->file == st->ck->file && is_by_name(f->rule);

		for (k = 0; k < st->nanchors && !drop && f->file == st->ck->file; k++) {
			const struct anchor *an = &st->anchors[k];

			if (named) {
				drop = !an->generic && an->name.line == f->line &&
				       an->name.col == f->col &&
				       strcmp(f->rule->id, never_replaced) != 0;
			} else {
				drop = an->yield && an->rule == f->rule && an->line == f->line &&
				       an->col == f->col;
			}
		}
		if (drop) {
			continue;
		}
		if (st->nh > 0) {
			uint32_t hi = f->end_line > f->line ? f->end_line : f->line;

			f->message = mask(st->a, f->message, st->h, st->nh, f->line, hi);
			f->evidence = mask(st->a, f->evidence, st->h, st->nh, f->line, hi);
			f->src_line = mask(st->a, f->src_line, st->h, st->nh, f->line, hi);
		}
		r->findings[kept++] = *f;
	}
	r->nfindings = kept;
}

/* The fingerprint of a secrets finding: the detector and the trimmed line as shown
 * (masked), never the secret itself. */
static uint64_t
fingerprint(const struct pl_secret_detector *d, const char *shown)
{
	size_t n;

	while (*shown == ' ' || *shown == '\t') {
		shown++;
	}
	n = strlen(shown);
	while (n > 0 && (shown[n - 1] == ' ' || shown[n - 1] == '\t')) {
		n--;
	}
	return pl_hash64(shown, n, pl_hash64(d->id, strlen(d->id), 0));
}

/* Whether a generic detector's match S[0..n) is a value that only points at a secret or
 * that is not known here: a path ("/run/secrets/db"), a variable reference. */
static bool
not_a_value(const struct pl_secret_detector *d, const char *s, size_t n)
{
	if (!d->generic || n == 0) {
		return false;
	}
	return s[0] == '/' || (n > 1 && s[0] == '.' && s[1] == '/') ||
	       (n > 2 && memcmp(s, "../", 3) == 0) || (n > 1 && s[0] == '~' && s[1] == '/') ||
	       memchr(s, '$', n) != NULL;
}

/* Reports the secret S[0..n) found by detector D in CK's file at OFF..END, with WHAT
 * (" in ENV NAME", ...) after the redaction. Returns the finding, or NULL when none was
 * added (the rule is off, the value is a path, or the per-file limit was reached). */
static struct pl_finding *
report(struct sscan *st, const struct pl_secret_detector *d, uint32_t off, uint32_t end,
       const char *s, size_t n, const char *what)
{
	struct pl_check *ck = st->ck;
	const struct pl_rule *rule = pl_secrets_rule(d);
	int sev = pl_config_severity(ck->cfg, rule, ck->file);
	char red[PL_SECRETS_REDACT_SIZE];
	struct pl_finding *f;
	struct hidden one = { s, n, 0 };

	if (not_a_value(d, s, n)) {
		return NULL;
	}
	hide(st, s, n, pl_source_pos(ck->src, off).line);
	if (sev < 0) {
		return NULL;
	}
	ck->rule = rule;
	ck->severity = (enum pl_severity)sev;
	pl_secrets_redact(s, n, red);
	f = pl_check_report(ck, off, end, "%s: %s%s", d->title, red, what);
	if (f == NULL) {
		return NULL;
	}
	f->evidence = pl_arena_strdup(st->a, red);
	f->src_line = mask(st->a, f->src_line, &one, 1, 0, UINT32_MAX);
	f->line_hash = fingerprint(d, f->src_line != NULL ? f->src_line : red);
	return f;
}

/* ---- Dockerfile ---- */

/* The variable word of IN (ENV or LABEL key, ARG NAME=value) whose assignment holds
 * source offset OFF, or NULL. */
static const struct pl_df_word *
var_at(const struct pl_df_instr *in, uint32_t off)
{
	if (in->kind == PL_DF_ENV || in->kind == PL_DF_LABEL) {
		for (size_t k = 0; k + 1 < in->nargs; k += 3) {
			if (off >= in->args[k].off && off < in->args[k + 1].end) {
				return &in->args[k];
			}
		}
	} else if (in->kind == PL_DF_ARG) {
		for (size_t k = 0; k < in->nargs; k++) {
			if (off >= in->args[k].off && off < in->args[k].end) {
				return &in->args[k];
			}
		}
	}
	return NULL;
}

void
pl_secrets_check_dockerfile(struct pl_check *ck, const struct pl_df_model *m, size_t first)
{
	const struct pl_source *src = m->src;
	struct sscan st;

	sscan_init(&st, ck);
	for (size_t i = 0; i < m->file->ninstrs; i++) {
		const struct pl_df_instr *top = &m->file->instrs[i], *in = top;
		uint32_t end = top->end;
		const char *kw;

		if (in->kind == PL_DF_ONBUILD && in->sub != NULL) {
			in = in->sub;
		}
		switch (in->kind) {
		case PL_DF_ENV: kw = "ENV"; break;
		case PL_DF_ARG: kw = "ARG"; break;
		case PL_DF_LABEL: kw = "LABEL"; break;
		case PL_DF_RUN: kw = "RUN"; break;
		default: continue;
		}
		for (size_t k = 0; k < in->nheredocs; k++) {
			if (in->heredocs[k].end > end) {
				end = in->heredocs[k].end;
			}
		}
		if (end > src->len || end <= top->off) {
			continue;
		}
		scan(&st, src->text + top->off, end - top->off);
		for (size_t k = 0; k < st.nm; k++) {
			const struct pl_secret_match *mt = &st.m[k];
			uint32_t so = top->off + (uint32_t)mt->secret_off;
			uint32_t se = top->off + (uint32_t)mt->secret_end;
			const struct pl_df_word *var = var_at(in, so);
			struct pl_finding *f;
			const char *what;

			if (var != NULL) {
				size_t n = strcspn(var->s, "=");

				what = pl_arena_printf(st.a, " in %s %.*s", kw, (int)n, var->s);
			} else {
				what = pl_arena_printf(st.a, " in %s", kw);
			}
			f = report(&st, mt->det, so, se, src->text + so, se - so, what);
			if (f != NULL && var != NULL) {
				anchor(&st, src, var->off, f, mt->det);
			}
		}
	}
	settle(&st, first);
	sscan_finish(&st);
}

/* ---- files beside the input: build context files, env files ---- */

/* Reads PATH whole into a heap buffer when it is a regular text file of at most
 * PL_SECRETS_MAX_FILE_BYTES. Returns NULL otherwise. */
static char *
slurp(const char *path, size_t *len)
{
	struct stat st;
	size_t got = 0, probe;
	char *buf;
	FILE *fp;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uint64_t)st.st_size > PL_SECRETS_MAX_FILE_BYTES) {
		return NULL;
	}
	if ((fp = fopen(path, "rb")) == NULL) {
		return NULL;
	}
	buf = pl_xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		size_t k = fread(buf + got, 1, (size_t)st.st_size - got, fp);

		if (k == 0) {
			break; /* an error, or the file shrank while being read */
		}
		got += k;
	}
	fclose(fp);
	probe = got < PL_SECRETS_BINARY_PROBE_BYTES ? got : PL_SECRETS_BINARY_PROBE_BYTES;
	if (got == 0 || memchr(buf, '\0', probe) != NULL) {
		free(buf);
		return NULL;
	}
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* The line of BUF[0..len) that holds OFF (line LINE), masked with H. NULL when too long
 * to show. */
static const char *
line_of(struct pl_arena *a, const char *buf, size_t len, size_t off, uint32_t line,
	const struct hidden *h, size_t nh)
{
	size_t ls = off, le = off;

	while (ls > 0 && buf[ls - 1] != '\n') {
		ls--;
	}
	while (le < len && buf[le] != '\n') {
		le++;
	}
	if (le > ls && buf[le - 1] == '\r') {
		le--;
	}
	if (le - ls > PL_SECRETS_MAX_SRC_LINE) {
		return NULL;
	}
	return mask(a, pl_arena_strndup(a, buf + ls, le - ls), h, nh, line, line);
}

/*
 * Scans the file at PATH, shown as DISPLAY, and reports each secret in it, the message
 * ending with WHY (", taken into the image by COPY at Dockerfile:4"). Findings are
 * placed in that file; configuration applies by its name.
 */
static void
scan_other_file(struct sscan *st, const char *path, const char *display, const char *why)
{
	struct pl_report *r = st->ck->r;
	struct hidden *h;
	size_t len = 0, nh = 0;
	char *buf;

	if ((buf = slurp(path, &len)) == NULL) {
		return;
	}
	scan(st, buf, len);
	if (st->nm == 0) {
		free(buf);
		return;
	}
	display = pl_arena_strdup(st->a, display);
	h = pl_xmalloc(st->nm * sizeof(*h));
	for (size_t k = 0; k < st->nm; k++) {
		h[nh].s = buf + st->m[k].secret_off;
		h[nh].line = st->m[k].line;
		h[nh++].n = st->m[k].secret_end - st->m[k].secret_off;
	}
	for (size_t k = 0; k < st->nm; k++) {
		const struct pl_secret_match *mt = &st->m[k];
		const struct pl_secret_detector *d = mt->det;
		const struct pl_rule *rule = pl_secrets_rule(d);
		int sev = pl_config_severity(st->ck->cfg, rule, display);
		char red[PL_SECRETS_REDACT_SIZE];
		struct pl_finding *f;

		if (sev < 0 || not_a_value(d, buf + mt->secret_off,
					   mt->secret_end - mt->secret_off)) {
			continue;
		}
		if (k >= PL_MAX_FINDINGS_PER_FILE) {
			r->dropped += st->nm - k;
			break;
		}
		pl_secrets_redact(buf + mt->secret_off, mt->secret_end - mt->secret_off, red);
		f = pl_report_add(r);
		f->rule = rule;
		f->severity = (enum pl_severity)sev;
		f->file = display;
		f->line = mt->line;
		f->col = mt->col;
		f->end_line = mt->end_line;
		f->end_col = mt->end_col;
		f->message = pl_arena_printf(st->a, "%s: %s%s", d->title, red, why);
		f->evidence = pl_arena_strdup(st->a, red);
		f->src_line = line_of(st->a, buf, len, mt->secret_off, mt->line, h, nh);
		f->line_hash = fingerprint(d, f->src_line != NULL ? f->src_line : red);
		f->by_place = true;
	}
	free(h);
	free(buf);
}

/* "DIR/NAME" as a path shown in findings: NAME alone when DIR is "."; "./" dropped. */
static const char *
join(struct pl_arena *a, const char *dir, const char *name)
{
	while (name[0] == '.' && name[1] == '/') {
		name += 2;
	}
	while (dir != NULL && dir[0] == '.' && dir[1] == '/' && dir[2] != '\0') {
		dir += 2; /* "./app" reads as "app", as input names do */
	}
	if (name[0] == '/' || dir == NULL || strcmp(dir, ".") == 0 || strcmp(dir, "./") == 0) {
		return pl_arena_strdup(a, name);
	}
	return pl_arena_printf(a, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
}

struct ctx_pass {
	struct sscan *st;
	const struct pl_df_model *m;
	bool *done;       /* per context entry: already scanned for this Dockerfile */
	uint64_t budget;  /* bytes left to read, PL_SECRETS_MAX_CONTEXT_BYTES in all */
};

static bool
on_use(struct pl_check *ck, const struct pl_df_model *m, const struct pl_ctx_use *u, void *arg)
{
	struct ctx_pass *p = arg;
	const struct pl_ctx *ctx = ck->bctx->ctx;
	const struct pl_df_instr *in = &m->file->instrs[u->instr];
	const char *why = NULL, *shown;

	for (size_t k = 0; k < u->res.nentries; k++) {
		const struct pl_ctx_entry *e = u->res.entries[k];
		size_t idx = (size_t)(e - ctx->entries);

		if (e->type != PL_CTX_FILE || idx >= ctx->n || p->done[idx] || e->size == 0 ||
		    e->size > PL_SECRETS_MAX_FILE_BYTES) {
			continue;
		}
		p->done[idx] = true;
		if (!first_time(state(ck->r), path_key(ctx->root, e->path))) {
			continue; /* another Dockerfile of this context took it already */
		}
		shown = join(p->st->a, ck->bctx->root, e->path);
		if (strcmp(shown, ck->file) == 0) {
			continue; /* the Dockerfile itself: its findings are reported already */
		}
		if (e->size > p->budget) {
			return false;
		}
		p->budget -= e->size;
		if (why == NULL) {
			why = pl_arena_printf(p->st->a, ", taken into the image by %s at %s:%u",
					      in->kind == PL_DF_ADD ? "ADD" : "COPY", ck->file,
					      in->start_line);
		}
		scan_other_file(p->st, join(p->st->a, ctx->root, e->path), shown, why);
	}
	return true;
}

void
pl_secrets_check_context(struct pl_check *ck, const struct pl_df_model *m)
{
	struct sscan st;
	struct ctx_pass p;

	if (ck->bctx == NULL || ck->bctx->ctx == NULL || ck->bctx->ctx->n == 0) {
		return;
	}
	sscan_init(&st, ck);
	p.st = &st;
	p.m = m;
	p.done = pl_xcalloc(ck->bctx->ctx->n, sizeof(*p.done));
	p.budget = PL_SECRETS_MAX_CONTEXT_BYTES;
	pl_ctx_each_use(ck, m, on_use, &p);
	free(p.done);
	sscan_finish(&st);
}

/* ---- YAML values ---- */

/*
 * Scans the source from the start of KEY (when it is a scalar) to the end of scalar
 * VALUE, so that `password: ...` reads as the assignment it is, and reports each secret
 * with WHAT. When NAME_AT is not NULL and a secret is reported, its start becomes an
 * anchor for the name-based rules.
 */
static void
scan_pair(struct sscan *st, const struct pl_source *src, struct fy_node *key,
	  struct fy_node *value, struct fy_node *name_at, const char *what)
{
	uint32_t koff, kend, voff, vend, off;

	if (!pl_yaml_span(src, value, &voff, &vend) || vend > src->len || vend <= voff) {
		return;
	}
	off = key != NULL && pl_yaml_span(src, key, &koff, &kend) && koff < voff ? koff : voff;
	scan(st, src->text + off, vend - off);
	for (size_t k = 0; k < st->nm; k++) {
		const struct pl_secret_match *mt = &st->m[k];
		uint32_t so = off + (uint32_t)mt->secret_off, se = off + (uint32_t)mt->secret_end;
		struct pl_finding *f = report(st, mt->det, so, se, src->text + so, se - so, what);
		uint32_t aoff, aend;

		if (f != NULL && name_at != NULL && pl_yaml_span(src, name_at, &aoff, &aend)) {
			anchor(st, src, aoff, f, mt->det);
		}
	}
}

/* ---- Compose ---- */

struct env_pass {
	struct sscan *st;
	const struct pl_compose *c;
	const struct pl_compose_service *s;
};

static void
on_env(const char *name, struct fy_node *key, struct fy_node *value, const char *text,
       void *arg)
{
	struct env_pass *p = arg;

	if (text == NULL) {
		return;
	}
	scan_pair(p->st, p->c->src, key == value ? NULL : key, pl_yaml_deref(value), key,
		  pl_arena_printf(p->st->a, " in the environment of service '%s'", p->s->name));
	(void)name;
}

/* build.args of S, in mapping or list form. */
static void
scan_build_args(struct sscan *st, const struct pl_compose *c, const struct pl_compose_service *s)
{
	struct fy_node *build = pl_yaml_deref(pl_compose_get(s, "build", NULL)), *args, *k, *v;
	const char *what;

	if (build == NULL || !fy_node_is_mapping(build) ||
	    (args = pl_yaml_deref(pl_yaml_get(build, "args", NULL))) == NULL) {
		return;
	}
	what = pl_arena_printf(st->a, " in the build arguments of service '%s'", s->name);
	if (fy_node_is_mapping(args)) {
		struct pl_yaml_iter it;

		pl_yaml_iter_init(&it, args);
		while (pl_yaml_next(&it, &k, &v)) {
			scan_pair(st, c->src, k, pl_yaml_deref(v), NULL, what);
		}
	} else if (fy_node_is_sequence(args)) {
		void *it = NULL;

		while ((v = fy_node_sequence_iterate(args, &it)) != NULL) {
			scan_pair(st, c->src, NULL, pl_yaml_deref(v), NULL, what);
		}
	}
}

void
pl_secrets_check_compose(struct pl_check *ck, const struct pl_compose *c, size_t first)
{
	struct sscan st;

	sscan_init(&st, ck);
	for (size_t i = 0; i < c->nservices; i++) {
		struct env_pass p = { &st, c, &c->services[i] };

		pl_dc_each_env(c, &c->services[i], on_env, &p);
		scan_build_args(&st, c, &c->services[i]);
	}
	settle(&st, first);
	sscan_finish(&st);
}

/* Whether PATH was already scanned: one path of SEEN[0..n). */
static bool
seen(const char *const *seen, size_t n, const char *path)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(seen[i], path) == 0) {
			return true;
		}
	}
	return false;
}

/* Most env files looked at per Compose file: a bound on the list kept for duplicates. */
enum { MAX_ENV_FILES = 256 };

void
pl_secrets_check_compose_files(struct pl_check *ck, const struct pl_compose *c)
{
	const char *done[MAX_ENV_FILES];
	size_t ndone = 0;
	struct sscan st;

	if (c->dir == NULL) {
		return;
	}
	sscan_init(&st, ck);
	done[ndone++] = ".env";
	if (first_time(state(ck->r), path_key(c->dir, ".env"))) {
		scan_other_file(&st, join(st.a, c->dir, ".env"), join(st.a, c->dir, ".env"),
				" in the project's .env file");
	}
	for (size_t i = 0; i < c->nservices && ndone < MAX_ENV_FILES; i++) {
		const struct pl_compose_service *s = &c->services[i];
		struct fy_node *ef = pl_yaml_deref(pl_compose_get(s, "env_file", NULL)), *item;
		void *it = NULL;
		bool one = ef != NULL && fy_node_is_scalar(ef);

		while (ndone < MAX_ENV_FILES &&
		       (item = one ? ef : fy_node_sequence_iterate(ef, &it)) != NULL) {
			const char *path;

			item = pl_yaml_deref(item);
			if (item != NULL && fy_node_is_mapping(item)) {
				item = pl_yaml_deref(pl_yaml_get(item, "path", NULL));
			}
			path = pl_compose_str(c, item);
			if (path != NULL && path[0] != '\0' && strchr(path, '$') == NULL) {
				while (path[0] == '.' && path[1] == '/') {
					path += 2;
				}
				if (!seen(done, ndone, path) &&
				    first_time(state(ck->r), path_key(c->dir, path))) {
					done[ndone++] = path;
					scan_other_file(&st, join(st.a, c->dir, path),
							join(st.a, c->dir, path),
							pl_arena_printf(st.a, " in the env_file of "
									"service '%s'", s->name));
				}
			}
			if (one || ef == NULL || !fy_node_is_sequence(ef)) {
				break;
			}
		}
	}
	sscan_finish(&st);
}

/* ---- Kubernetes ---- */

/* Decodes base64 (standard or URL alphabet, padding and line breaks allowed) S into a
 * buffer of A; NULL when S is not base64. */
static char *
base64_decode(struct pl_arena *a, const char *s, size_t *out_len)
{
	size_t n = strlen(s), o = 0;
	uint32_t acc = 0;
	int bits = 0;
	char *out = pl_arena_alloc_raw(a, n / 4 * 3 + 4);

	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		int v;

		if (ch >= 'A' && ch <= 'Z') {
			v = ch - 'A';
		} else if (ch >= 'a' && ch <= 'z') {
			v = ch - 'a' + 26;
		} else if (ch >= '0' && ch <= '9') {
			v = ch - '0' + 52;
		} else if (ch == '+' || ch == '-') {
			v = 62;
		} else if (ch == '/' || ch == '_') {
			v = 63;
		} else if (ch == '=') {
			break;
		} else if (ch == '\n' || ch == '\r' || ch == ' ' || ch == '\t') {
			continue;
		} else {
			return NULL;
		}
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)((acc >> bits) & 0xFF);
		}
	}
	*out_len = o;
	return out;
}

/* A Secret's `data`: each value decoded, scanned, and reported on the encoded value. */
static void
scan_secret_data(struct sscan *st, const struct pl_k8s *k, const struct pl_k8s_object *o,
		 struct fy_node *data)
{
	struct pl_yaml_iter it;
	struct fy_node *key, *v;

	pl_yaml_iter_init(&it, data);
	while (pl_yaml_next(&it, &key, &v)) {
		const char *enc = pl_k8s_str(k, v), *name = pl_k8s_str(k, key);
		uint32_t voff, vend;
		size_t n;
		char *dec;

		if (enc == NULL || name == NULL || !pl_yaml_span(k->src, v, &voff, &vend) ||
		    (dec = base64_decode(st->a, enc, &n)) == NULL) {
			continue;
		}
		scan(st, dec, n);
		for (size_t i = 0; i < st->nm; i++) {
			const struct pl_secret_match *mt = &st->m[i];

			/* The encoded value spells the secret out: it is masked too. */
			hide(st, enc, strlen(enc), pl_source_pos(k->src, voff).line);
			report(st, mt->det, voff, vend, dec + mt->secret_off,
			       mt->secret_end - mt->secret_off,
			       pl_arena_printf(st->a, " in data.%s of Secret '%s' (base64)", name,
					       o->name != NULL ? o->name : ""));
		}
	}
}

void
pl_secrets_check_k8s(struct pl_check *ck, const struct pl_k8s *k, size_t first)
{
	struct sscan st;

	sscan_init(&st, ck);
	for (size_t i = 0; i < k->ncontainers; i++) {
		const struct pl_k8s_container *c = &k->containers[i];
		struct fy_node *env = pl_yaml_deref(pl_k8s_get(c->node, "env", NULL)), *item;
		const char *what = NULL;
		void *it = NULL;

		if (env == NULL || !fy_node_is_sequence(env)) {
			continue;
		}
		while ((item = fy_node_sequence_iterate(env, &it)) != NULL) {
			struct fy_node *name, *value;

			item = pl_yaml_deref(item);
			if (item == NULL || !fy_node_is_mapping(item) ||
			    (value = pl_yaml_deref(pl_k8s_get(item, "value", NULL))) == NULL) {
				continue;
			}
			name = pl_k8s_get(item, "name", NULL);
			if (what == NULL) {
				what = pl_arena_printf(st.a, " in the env of container '%s'", c->name);
			}
			scan_pair(&st, k->src, NULL, value, name, what);
		}
	}
	for (size_t i = 0; i < k->nobjects; i++) {
		const struct pl_k8s_object *o = &k->objects[i];
		struct fy_node *sd, *key, *v;

		if (strcmp(o->kind, "Secret") != 0) {
			continue;
		}
		sd = pl_yaml_deref(pl_k8s_get(o->node, "stringData", NULL));
		if (sd != NULL && fy_node_is_mapping(sd)) {
			struct pl_yaml_iter it;

			pl_yaml_iter_init(&it, sd);
			while (pl_yaml_next(&it, &key, &v)) {
				scan_pair(&st, k->src, key, pl_yaml_deref(v), NULL,
					  pl_arena_printf(st.a, " in stringData of Secret '%s'",
							  o->name != NULL ? o->name : ""));
			}
		}
		sd = pl_yaml_deref(pl_k8s_get(o->node, "data", NULL));
		if (sd != NULL && fy_node_is_mapping(sd)) {
			scan_secret_data(&st, k, o, sd);
		}
	}
	settle(&st, first);
	sscan_finish(&st);
}
