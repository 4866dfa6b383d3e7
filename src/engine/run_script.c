/*
 * run_script.c -- scanning a shell script, Makefile or Markdown file: build the model of
 * its docker command lines, run every CLI rule once over it, apply its ignore comments.
 *
 * An ignore comment is a shell comment (or, in Markdown, an HTML comment) on the line
 * before a command; lines of comments, a code fence and, in Markdown, blank lines may sit
 * between them. It covers every line of that command, continuation lines included:
 *
 *   # plimsoll ignore=CLI0009 reason="bound to the VPN interface by the firewall"
 *   docker run -d -p 8080:80 nginx:1.27
 */
#include "engine/run.h"
#include "core/limits.h"
#include "core/str.h"
#include "engine/suppress.h"
#include "model/script.h"

#include <stdlib.h>
#include <string.h>

/* The comment text on line S[0..n): after '#', or inside <!-- -->; NULL otherwise.
 * *LEN is its length. */
static const char *
comment(const char *s, size_t n, size_t *len)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t')) {
		i++;
	}
	if (i + 1 < n && s[i] == '$' && s[i + 1] == ' ') {
		i += 2; /* a prompt in a console block */
	}
	if (i < n && s[i] == '#') {
		*len = n - i - 1;
		return s + i + 1;
	}
	if (n - i >= 4 && strncmp(s + i, "<!--", 4) == 0) {
		size_t e = n;

		while (e > i + 4 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) {
			e--;
		}
		if (e >= i + 7 && strncmp(s + e - 3, "-->", 3) == 0) {
			e -= 3;
		}
		*len = e - i - 4;
		return s + i + 4;
	}
	return NULL;
}

static bool
skippable(const char *s, size_t n, bool markdown)
{
	size_t i = 0, len;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) {
		i++;
	}
	if (i == n) {
		return markdown;
	}
	return comment(s, n, &len) != NULL || (n - i >= 3 && (strncmp(s + i, "```", 3) == 0 ||
							       strncmp(s + i, "~~~", 3) == 0));
}

/* The lines of a command, for finding the one an ignore comment sits above. */
struct span {
	uint32_t first, last;
};

static int
cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

/* The span in SP[0..n) (sorted) that starts on LINE, or NULL. */
static const struct span *
span_at(const struct span *sp, size_t n, uint32_t line)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sp[mid].first < line) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo < n && sp[lo].first == line ? &sp[lo] : NULL;
}

struct cover {
	struct pl_ignore ig;
	uint32_t first, last; /* lines of the command covered; 0, 0 for a global comment */
};

static size_t
apply_ignores(struct pl_report *r, size_t first, const struct pl_script *sc,
	      struct pl_arena *a)
{
	const struct pl_source *src = sc->src;
	struct cover *cv = NULL;
	size_t ncv = 0, cap = 0, kept, removed;

	struct span *sp;

	if (first >= r->nfindings || strstr(src->text, "plimsoll") == NULL) {
		return 0;
	}
	sp = pl_arena_alloc(a, (sc->ncmds + 1) * sizeof(*sp));
	for (size_t k = 0; k < sc->ncmds; k++) {
		sp[k].first = pl_source_pos(src, sc->cmds[k].off).line;
		sp[k].last = pl_source_pos(src, sc->cmds[k].end).line;
	}
	qsort(sp, sc->ncmds, sizeof(*sp), cmp_span);
	for (uint32_t line = 1; line <= src->nlines; line++) {
		size_t n, clen;
		const char *s = pl_source_line(src, line, &n), *c = comment(s, n, &clen);
		struct pl_ignore ig;
		uint32_t target;
		char *text;

		if (c == NULL) {
			continue;
		}
		text = pl_arena_strndup(a, c, clen);
		if (!pl_ignore_parse(text, (uint32_t)(c - src->text), a, &ig) || ig.error != NULL) {
			continue;
		}
		if (ncv == cap) {
			size_t ncap = cap ? cap * 2 : 4;

			cv = pl_arena_grow(a, cv, ncv, ncap, sizeof(*cv));
			cap = ncap;
		}
		cv[ncv].ig = ig;
		cv[ncv].first = cv[ncv].last = 0;
		if (!ig.global) {
			for (target = line + 1; target <= src->nlines; target++) {
				const char *t = pl_source_line(src, target, &n);

				if (!skippable(t, n, sc->lang == PL_SCRIPT_MARKDOWN)) {
					break;
				}
			}
			/* The command that starts on TARGET, or nothing. */
			const struct span *at = span_at(sp, sc->ncmds, target);

			if (at == NULL) {
				continue;
			}
			cv[ncv].first = at->first;
			cv[ncv].last = at->last;
		}
		ncv++;
	}
	if (ncv == 0) {
		return 0;
	}
	kept = first;
	for (size_t i = first; i < r->nfindings; i++) {
		const struct pl_finding *f = &r->findings[i];
		bool drop = false;

		for (size_t k = 0; k < ncv && !drop; k++) {
			bool listed = false;

			for (size_t j = 0; j < cv[k].ig.nrules; j++) {
				listed = listed || cv[k].ig.rules[j] == f->rule;
			}
			drop = listed && (cv[k].ig.global ||
					  (f->line >= cv[k].first && f->line <= cv[k].last));
		}
		if (!drop) {
			r->findings[kept++] = *f;
		}
	}
	removed = r->nfindings - kept;
	r->nfindings = kept;
	return removed;
}

void
pl_run_script_rules(struct pl_report *r, const struct pl_script *s, const char *file,
		    const struct pl_config *cfg)
{
	struct pl_check ck;
	size_t first = r->nfindings;
	struct pl_arena a;

	pl_check_init(&ck, r, s->src, file, cfg);
	ck.script = s;
	for (size_t i = 0; pl_check_next_rule(&ck, PL_IN_SCRIPT, &i);) {
		if (ck.rule->check_script != NULL) {
			ck.rule->check_script(&ck, s);
		}
	}
	pl_arena_init(&a);
	r->suppressed += apply_ignores(r, first, s, &a);
	pl_arena_finish(&a);
}

int
pl_scan_script_source(struct pl_report *r, const struct pl_source *src, const char *name,
		      const struct pl_scan_opts *o)
{
	struct pl_script s;
	struct pl_arena a;

	if (src->len > PL_MAX_SCRIPT_BYTES) {
		pl_report_error(r, name, 0, 0, "file is larger than the %u MiB limit for scripts "
				"and Markdown files", PL_MAX_SCRIPT_BYTES / (1024u * 1024u));
		return -1;
	}
	if (!pl_script_sniff(src->text, src->len)) {
		return 0;
	}
	pl_arena_init(&a);
	pl_script_build(src, pl_script_lang_of(name), &a, &s);
	if (s.truncated) {
		pl_report_note(r, name, "more than %u docker commands: only the first are audited",
			       PL_MAX_SCRIPT_COMMANDS);
	}
	pl_run_script_rules(r, &s, name, o != NULL ? o->config : NULL);
	pl_arena_finish(&a);
	return 0;
}

int
pl_scan_script(struct pl_report *r, const char *path, const char *display,
	       const struct pl_scan_opts *o)
{
	return pl_scan_path(r, path, display, o, pl_scan_script_source);
}
