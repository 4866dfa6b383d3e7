/*
 * finding.c -- the report: findings and file errors of one run, in a deterministic order.
 */
#include "engine/finding.h"
#include "core/xalloc.h"
#include "engine/secrets_scan.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void
pl_report_init(struct pl_report *r)
{
	memset(r, 0, sizeof(*r));
	pl_arena_init(&r->arena);
}

void
pl_report_finish(struct pl_report *r)
{
	free(r->findings);
	free(r->errors);
	free(r->notes);
	pl_secrets_scan_release(r);
	pl_arena_finish(&r->arena);
	memset(r, 0, sizeof(*r));
}

struct pl_finding *
pl_report_add(struct pl_report *r)
{
	struct pl_finding *f;

	if (r->nfindings == r->findings_cap) {
		r->findings_cap = r->findings_cap ? r->findings_cap * 2 : 64;
		r->findings = pl_xrealloc(r->findings, r->findings_cap * sizeof(*r->findings));
	}
	f = &r->findings[r->nfindings++];
	memset(f, 0, sizeof(*f));
	return f;
}

void
pl_report_error(struct pl_report *r, const char *file, uint32_t line, uint32_t col,
		const char *fmt, ...)
{
	struct pl_file_error *e;
	va_list ap;

	if (r->nerrors == r->errors_cap) {
		r->errors_cap = r->errors_cap ? r->errors_cap * 2 : 8;
		r->errors = pl_xrealloc(r->errors, r->errors_cap * sizeof(*r->errors));
	}
	e = &r->errors[r->nerrors++];
	e->file = pl_arena_strdup(&r->arena, file);
	e->line = line;
	e->col = col;
	va_start(ap, fmt);
	e->message = pl_arena_vprintf(&r->arena, fmt, ap);
	va_end(ap);
}

void
pl_report_note(struct pl_report *r, const char *file, const char *fmt, ...)
{
	struct pl_file_error *e;
	va_list ap;

	if (r->nnotes == r->notes_cap) {
		r->notes_cap = r->notes_cap ? r->notes_cap * 2 : 8;
		r->notes = pl_xrealloc(r->notes, r->notes_cap * sizeof(*r->notes));
	}
	e = &r->notes[r->nnotes++];
	e->file = pl_arena_strdup(&r->arena, file);
	e->line = e->col = 0;
	va_start(ap, fmt);
	e->message = pl_arena_vprintf(&r->arena, fmt, ap);
	va_end(ap);
}

static int
cmp_u32(uint32_t a, uint32_t b)
{
	return a < b ? -1 : a > b;
}

static int
cmp_finding(const void *pa, const void *pb)
{
	const struct pl_finding *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->file, b->file)) != 0) {
		return c;
	}
	if ((c = cmp_u32(a->line, b->line)) != 0) {
		return c;
	}
	if ((c = cmp_u32(a->col, b->col)) != 0) {
		return c;
	}
	if ((c = strcmp(a->rule->id, b->rule->id)) != 0) {
		return c;
	}
	return strcmp(a->message, b->message);
}

static int
cmp_error(const void *pa, const void *pb)
{
	const struct pl_file_error *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->file, b->file)) != 0) {
		return c;
	}
	if ((c = cmp_u32(a->line, b->line)) != 0) {
		return c;
	}
	return strcmp(a->message, b->message);
}

void
pl_report_sort(struct pl_report *r)
{
	size_t i, j;

	if (r->nfindings > 1) {
		qsort(r->findings, r->nfindings, sizeof(*r->findings), cmp_finding);
		/* The same finding twice: a file that several inputs share (a build-context
		 * file that Dockerfiles on two worker threads copy) is judged by each. */
		for (i = j = 1; i < r->nfindings; i++) {
			const struct pl_finding *p = &r->findings[j - 1], *f = &r->findings[i];

			if (p->end_line == f->end_line && p->end_col == f->end_col &&
			    (cmp_finding(p, f) == 0 ||
			     (p->by_place && f->by_place && p->line == f->line && p->col == f->col &&
			      p->rule == f->rule && strcmp(p->file, f->file) == 0))) {
				continue;
			}
			r->findings[j++] = r->findings[i];
		}
		r->nfindings = j;
	}
	if (r->nerrors > 1) {
		qsort(r->errors, r->nerrors, sizeof(*r->errors), cmp_error);
	}
	if (r->nnotes > 1) {
		qsort(r->notes, r->nnotes, sizeof(*r->notes), cmp_error);
	}
	/* Occurrence: how many findings of the same file with the same hash come first.
	 * Quadratic only within runs of one file, which PL_MAX_FINDINGS_PER_FILE bounds;
	 * a file's findings are contiguous after sorting. */
	for (i = 0; i < r->nfindings; i++) {
		struct pl_finding *f = &r->findings[i];

		f->occurrence = 1;
		for (j = i; j-- > 0;) {
			if (strcmp(r->findings[j].file, f->file) != 0) {
				break;
			}
			if (r->findings[j].line_hash == f->line_hash) {
				f->occurrence = r->findings[j].occurrence + 1;
				break;
			}
		}
	}
}

void
pl_report_counts(const struct pl_report *r, size_t counts[PL_SEV_COUNT])
{
	size_t i;

	memset(counts, 0, sizeof(size_t) * PL_SEV_COUNT);
	for (i = 0; i < r->nfindings; i++) {
		counts[r->findings[i].severity]++;
	}
}

int
pl_report_max_severity(const struct pl_report *r)
{
	int max = -1;
	size_t i;

	for (i = 0; i < r->nfindings; i++) {
		if ((int)r->findings[i].severity > max) {
			max = (int)r->findings[i].severity;
		}
	}
	return max;
}

uint64_t
pl_hash64(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = seed ? seed : 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}
