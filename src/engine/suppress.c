/*
 * suppress.c -- reading `# plimsoll ignore=...` comments and dropping the findings they
 * cover.
 *
 * Comments are already collected by the parser with their lines (also those inside
 * continued instructions), so this is a pass over the comments and over the file's
 * findings, not another read of the source.
 */
#include "engine/suppress.h"
#include "core/str.h"

#include <string.h>

static const char *
skip_blank(const char *s)
{
	while (*s == ' ' || *s == '\t') {
		s++;
	}
	return s;
}

static bool
word(const char **s, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(*s, w, n) != 0 || ((*s)[n] != '\0' && (*s)[n] != ' ' && (*s)[n] != '\t' &&
					(*s)[n] != '=')) {
		return false;
	}
	*s += n;
	return true;
}

bool
pl_ignore_parse(const char *c, uint32_t base_off, struct pl_arena *a, struct pl_ignore *ig)
{
	const char *s = skip_blank(c), *list, *end;

	memset(ig, 0, sizeof(*ig));
	ig->off = base_off;
	if (!word(&s, "plimsoll")) {
		return false;
	}
	s = skip_blank(s);
	if (word(&s, "global")) {
		ig->global = true;
		s = skip_blank(s);
	}
	if (strncmp(s, "ignore=", 7) != 0) {
		ig->error = "a plimsoll comment must read `plimsoll ignore=ID[,ID...]` or "
			    "`plimsoll global ignore=ID[,ID...]`";
		ig->error_off = base_off + (uint32_t)(s - c);
		return true;
	}
	list = s + 7;
	end = list + strcspn(list, " \t");
	if (end == list) {
		ig->error = "ignore= lists no rule";
		ig->error_off = base_off + (uint32_t)(list - c);
		return true;
	}
	while (list < end) {
		size_t n = strcspn(list, ",");
		const struct pl_rule *r;
		char *id;

		if (list + n > end) {
			n = (size_t)(end - list);
		}
		id = pl_arena_strndup(a, list, n);
		r = n > 0 ? pl_rule_find(id) : NULL;
		if (r == NULL) {
			ig->error = pl_arena_printf(a, "unknown rule '%s' in ignore comment: "
						    "'plimsoll rules' lists them", id);
			ig->error_off = base_off + (uint32_t)(list - c);
			return true;
		}
		if (ig->nrules == PL_IGNORE_MAX_RULES) {
			ig->error = "an ignore comment lists at most 64 rules";
			ig->error_off = base_off + (uint32_t)(list - c);
			return true;
		}
		ig->rules[ig->nrules++] = r;
		list += n;
		if (list < end && *list == ',') {
			list++;
		}
	}
	s = skip_blank(end);
	if (strncmp(s, "reason=", 7) == 0) {
		const char *v = s + 7;

		if (*v == '"') {
			const char *close = strchr(v + 1, '"');

			if (close == NULL) {
				ig->error = "reason=\" is not closed";
				ig->error_off = base_off + (uint32_t)(v - c);
				return true;
			}
			ig->reason = pl_arena_strndup(a, v + 1, (size_t)(close - v - 1));
			s = skip_blank(close + 1);
		} else {
			size_t n = strcspn(v, " \t");

			ig->reason = pl_arena_strndup(a, v, n);
			s = skip_blank(v + n);
		}
	}
	if (*s != '\0') {
		ig->error = "unexpected text after the rule list; quote the reason: reason=\"...\"";
		ig->error_off = base_off + (uint32_t)(s - c);
	}
	return true;
}

static bool
lists(const struct pl_ignore *ig, const struct pl_rule *r)
{
	size_t k;

	for (k = 0; k < ig->nrules; k++) {
		if (ig->rules[k] == r) {
			return true;
		}
	}
	return false;
}

/* The instruction whose lines contain LINE, or -1. Instructions are in line order. */
static long
instr_at(const struct pl_df_file *file, uint32_t line)
{
	size_t lo = 0, hi = file->ninstrs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (file->instrs[mid].end_line < line) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	if (lo < file->ninstrs && file->instrs[lo].start_line <= line) {
		return (long)lo;
	}
	return -1;
}

size_t
pl_suppress_apply(struct pl_report *r, size_t first, const struct pl_df_file *file,
		  struct pl_arena *a)
{
	struct pl_ignore *igs = NULL, cur;
	size_t nig = 0, cap = 0, i, k, kept, removed;
	long *block_of = NULL; /* per ignore: the instruction it applies to, -1 for none */

	if (first >= r->nfindings || file->ncomments == 0) {
		return 0;
	}
	for (i = 0; i < file->ncomments; i++) {
		const struct pl_df_comment *c = &file->comments[i];
		struct pl_ignore *ig;
		long in;
		uint32_t line;

		/* Ignore comments are rare: keep only those, not a slot per comment. */
		if (!pl_ignore_parse(c->text, c->off + 1, a, &cur) || cur.error != NULL) {
			continue;
		}
		if (nig == cap) {
			cap = cap ? cap * 2 : 4;
			igs = pl_arena_grow(a, igs, nig, cap, sizeof(*igs));
			block_of = pl_arena_grow(a, block_of, nig, cap, sizeof(*block_of));
		}
		ig = &igs[nig];
		*ig = cur;
		ig->line = c->line;
		/* The block below the comment: further comment lines, then the instruction. */
		line = c->line + 1;
		for (k = i + 1; k < file->ncomments && file->comments[k].line == line; k++) {
			line++;
		}
		in = instr_at(file, line);
		block_of[nig] = in >= 0 && file->instrs[in].start_line == line ? in : -1;
		nig++;
	}
	if (nig == 0) {
		return 0;
	}
	kept = first;
	for (i = first; i < r->nfindings; i++) {
		const struct pl_finding *f = &r->findings[i];
		long in = instr_at(file, f->line);
		bool drop = false;

		for (k = 0; k < nig && !drop; k++) {
			if (!lists(&igs[k], f->rule)) {
				continue;
			}
			drop = igs[k].global || (in >= 0 && block_of[k] == in);
		}
		if (!drop) {
			r->findings[kept++] = *f;
		}
	}
	removed = r->nfindings - kept;
	r->nfindings = kept;
	return removed;
}

/* The offset of the comment's '#' on the line S[0..n), or -1: a '#' at the start or after
 * a blank, outside quotes. */
static long
yaml_comment(const char *s, size_t n)
{
	char quote = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (quote != 0) {
			if (c == quote) {
				quote = 0;
			}
		} else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
			return (long)i;
		} else if ((c == '\'' || c == '"') && (i == 0 || s[i - 1] == ' ' ||
						       s[i - 1] == ':' || s[i - 1] == '-' ||
						       s[i - 1] == '[' || s[i - 1] == ',')) {
			quote = c;
		}
	}
	return -1;
}

size_t
pl_suppress_apply_yaml(struct pl_report *r, size_t first, const struct pl_source *src,
		       struct pl_arena *a)
{
	struct pl_ignore *igs = NULL, cur;
	uint32_t *applies = NULL; /* per ignore: the line it covers, 0 for global */
	size_t nig = 0, cap = 0, i, k, kept, removed;

	if (first >= r->nfindings || memchr(src->text, '#', src->len) == NULL) {
		return 0;
	}
	for (uint32_t line = 1; line <= src->nlines; line++) {
		size_t n, lead = 0;
		const char *s = pl_source_line(src, line, &n);
		long c = yaml_comment(s, n);
		uint32_t target;
		char *text;

		if (c < 0) {
			continue;
		}
		text = pl_arena_strndup(a, s + c + 1, n - (size_t)c - 1);
		if (!pl_ignore_parse(text, (uint32_t)(s + c + 1 - src->text), a, &cur) ||
		    cur.error != NULL) {
			continue;
		}
		while (lead < (size_t)c && (s[lead] == ' ' || s[lead] == '\t')) {
			lead++;
		}
		target = line;
		if (lead == (size_t)c) {
			/* A comment line: the block ends at the first line that is not one. */
			for (target = line + 1; target <= src->nlines; target++) {
				size_t m, j = 0;
				const char *t = pl_source_line(src, target, &m);

				while (j < m && (t[j] == ' ' || t[j] == '\t')) {
					j++;
				}
				if (j == m || t[j] != '#') {
					break;
				}
			}
			if (target > src->nlines || pl_source_line(src, target, &k) == NULL || k == 0) {
				target = 0;
			}
		}
		if (nig == cap) {
			cap = cap ? cap * 2 : 4;
			igs = pl_arena_grow(a, igs, nig, cap, sizeof(*igs));
			applies = pl_arena_grow(a, applies, nig, cap, sizeof(*applies));
		}
		igs[nig] = cur;
		igs[nig].line = line;
		applies[nig] = target;
		nig++;
	}
	if (nig == 0) {
		return 0;
	}
	kept = first;
	for (i = first; i < r->nfindings; i++) {
		const struct pl_finding *f = &r->findings[i];
		bool drop = false;

		for (k = 0; k < nig && !drop; k++) {
			drop = lists(&igs[k], f->rule) &&
			       (igs[k].global || (applies[k] != 0 && applies[k] == f->line));
		}
		if (!drop) {
			r->findings[kept++] = *f;
		}
	}
	removed = r->nfindings - kept;
	r->nfindings = kept;
	return removed;
}
