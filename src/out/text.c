/*
 * text.c -- the text format: compiler-style diagnostics for a terminal or a CI log.
 *
 * Each finding reads like a clang or rustc diagnostic: "file:line:col: severity: ID
 * message [name]", the source line under a gutter with a caret underline, and a fix hint.
 * Columns are code points, counted as the engine counts them, but the underline is laid
 * out in terminal cells: tabs expand to fixed stops, wide characters take two cells, and
 * control and bidirectional-override characters taken from the input are shown as U+FFFD,
 * so that a hostile Dockerfile can neither drive the terminal nor hide text from a
 * reviewer. A summary with the --fail-on verdict ends the report.
 */
#include "out/common.h"
#include "core/limits.h"

#include <pthread.h>
#include <string.h>

/* Tab stops every 4 cells: the same expansion on the source line and the caret line keeps
 * them aligned, and 4 keeps deeply indented RUN continuations on screen. */
enum { TAB_STOP = 4 };

/* A source line wider than MAX_CELLS is shown as a window of that width that starts
 * LEAD_CELLS before the caret: one minified line must not flood the log. */
enum { MAX_CELLS = 160, LEAD_CELLS = 40 };

/* U+FFFD REPLACEMENT CHARACTER, shown for invalid bytes and unsafe characters. */
static const char replacement[] = "\xEF\xBF\xBD";

/* Where a long source line was cut on the left and on the right. */
static const char cut_left_mark[] = "... ";
static const char cut_right_mark[] = " ...";

/* A UTF-8 continuation byte: 10xxxxxx. */
static bool
is_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* Whether CP acts on a terminal instead of being shown: C0 and C1 controls, DEL, and the
 * bidirectional embeddings, overrides and isolates that can reorder what a reader sees
 * (the "Trojan Source" characters, CVE-2021-42574). */
static bool
is_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

static void
sgr(struct pl_buf *b, const struct pl_out_opts *o, const char *seq)
{
	if (o->color) {
		pl_buf_adds(b, seq);
	}
}

/* Appends N bytes of S on one line: tabs and line breaks become spaces, anything unsafe
 * or invalid becomes U+FFFD. */
static void
add_safe_n(struct pl_buf *b, const char *s, size_t n)
{
	size_t i, len;
	uint32_t cp;

	for (i = 0; i < n; i += len) {
		/* A run of printable ASCII, the common case, is copied in one go. */
		for (len = 0; i + len < n && (unsigned char)s[i + len] >= 0x20 &&
			      (unsigned char)s[i + len] < 0x7F; len++) {
		}
		if (len > 0) {
			pl_buf_add(b, s + i, len);
			continue;
		}
		len = pl_out_utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			pl_buf_adds(b, replacement);
			len = 1;
		} else if (cp == '\t' || cp == '\n' || cp == '\r') {
			pl_buf_addc(b, ' ');
		} else if (is_unsafe(cp)) {
			pl_buf_adds(b, replacement);
		} else {
			pl_buf_add(b, s + i, len);
		}
	}
}

static void
add_safe(struct pl_buf *b, const char *s)
{
	add_safe_n(b, s, strlen(s));
}

/* Length of the source column that starts at S[0]: a lead or invalid byte and the
 * continuation bytes after it, which is what pl_utf8_count counts as one. */
static size_t
unit_len(const char *s, size_t n)
{
	size_t j = 1;

	while (j < n && is_cont(s[j])) {
		j++;
	}
	return j;
}

/* Cells taken by the column S[0..n) when it starts at cell POS; appends how it looks to B
 * unless B is NULL. */
static size_t
put_unit(struct pl_buf *b, const char *s, size_t n, size_t pos)
{
	size_t i, len, cells = 0, w;
	uint32_t cp;

	if (n == 1 && (unsigned char)s[0] >= 0x20 && (unsigned char)s[0] < 0x7f) {
		/* Printable ASCII, most of every line: one cell, shown as it is. */
		if (b != NULL) {
			pl_buf_addc(b, s[0]);
		}
		return 1;
	}
	for (i = 0; i < n; i += len) {
		len = pl_out_utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			/* The rest of the column is not UTF-8: one replacement for all of it. */
			if (b != NULL) {
				pl_buf_adds(b, replacement);
			}
			return cells + 1;
		}
		if (cp == '\t') {
			w = TAB_STOP - (pos + cells) % TAB_STOP;
			if (b != NULL) {
				pl_buf_addspaces(b, w);
			}
		} else if (is_unsafe(cp)) {
			w = 1;
			if (b != NULL) {
				pl_buf_adds(b, replacement);
			}
		} else {
			w = pl_out_cp_width(cp);
			if (b != NULL) {
				pl_buf_add(b, s + i, len);
			}
		}
		cells += w;
	}
	return cells;
}

static unsigned
digits(uint32_t v)
{
	unsigned d = 1;

	while (v >= 10) {
		v /= 10;
		d++;
	}
	return d;
}

/*
 * Appends the finding's source line and the caret line under it. The underline runs from
 * the start column to the end column on the first line (to the end of the line when the
 * finding spans lines) and is at least one caret wide.
 */
static void
add_snippet(struct pl_buf *b, const struct pl_finding *f, const struct pl_out_opts *o)
{
	const char *s = f->src_line;
	size_t n = strlen(s), i, len, pos, cells, total;
	size_t cs = SIZE_MAX, ce = SIZE_MAX, lo, hi, shown_lo = SIZE_MAX, shown_hi = 0;
	uint32_t col = 0, end = f->end_line == f->line ? f->end_col : 0;
	bool cut_right = false;
	size_t line_start, caret_at, ncarets;
	unsigned w = digits(f->line);

	/* Pass 1: where the underline starts and ends, in cells. */
	for (i = 0, pos = 0; i < n; i += len) {
		len = unit_len(s + i, n - i);
		if (!is_cont(s[i])) {
			col++;
		}
		if (col == f->col && cs == SIZE_MAX) {
			cs = pos;
		}
		if (col == end && ce == SIZE_MAX) {
			ce = pos;
		}
		pos += put_unit(NULL, s + i, len, pos);
	}
	total = pos;
	if (f->col == 0) {
		/* No column known: underline the whole line. */
		cs = 0;
		ce = total;
	}
	if (cs == SIZE_MAX) {
		cs = total;
	}
	if (ce == SIZE_MAX) {
		ce = total;
	}
	if (ce <= cs) {
		ce = cs + 1;
	}
	lo = 0;
	hi = SIZE_MAX;
	if (total > MAX_CELLS) {
		lo = cs > LEAD_CELLS ? cs - LEAD_CELLS : 0;
		hi = lo + MAX_CELLS;
	}

	/* Pass 2: the source line, or the window of it around the caret. */
	sgr(b, o, PL_OUT_BLUE);
	pl_buf_add(b, "  ", 2);
	pl_buf_addu(b, f->line, w);
	pl_buf_add(b, " |", 2);
	sgr(b, o, PL_OUT_RESET);
	line_start = b->n;
	pl_buf_addc(b, ' ');
	if (lo > 0) {
		pl_buf_adds(b, cut_left_mark);
	}
	for (i = 0, pos = 0; i < n; i += len, pos += cells) {
		len = unit_len(s + i, n - i);
		cells = put_unit(NULL, s + i, len, pos);
		if (pos < lo) {
			continue;
		}
		if (pos + cells > hi) {
			cut_right = true;
			break;
		}
		if (shown_lo == SIZE_MAX) {
			shown_lo = pos;
		}
		shown_hi = pos + cells;
		put_unit(b, s + i, len, pos);
	}
	if (cut_right) {
		pl_buf_adds(b, cut_right_mark);
	}
	if (b->n == line_start + 1) {
		/* An empty line: no trailing blank after the gutter. */
		b->n = line_start;
		b->p[b->n] = '\0';
	}
	pl_buf_addc(b, '\n');

	if (shown_lo == SIZE_MAX) {
		shown_lo = shown_hi = cs;
	}
	caret_at = (lo > 0 ? strlen(cut_left_mark) : 0) + (cs > shown_lo ? cs - shown_lo : 0);
	if (cut_right && ce > shown_hi) {
		ce = shown_hi > cs ? shown_hi : cs + 1;
	}
	ncarets = ce - cs;
	sgr(b, o, PL_OUT_BLUE);
	pl_buf_addspaces(b, 2 + w);
	pl_buf_add(b, " |", 2);
	sgr(b, o, PL_OUT_RESET);
	pl_buf_addc(b, ' ');
	pl_buf_addspaces(b, caret_at);
	sgr(b, o, pl_out_sev_color(f->severity));
	for (; ncarets > 0; ncarets -= ncarets < 32 ? ncarets : 32) {
		pl_buf_add(b, "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^", ncarets < 32 ? ncarets : 32);
	}
	sgr(b, o, PL_OUT_RESET);
	pl_buf_addc(b, '\n');
}

/* Whether S[i] ends a word: a blank or the end of the text follows it. */
static bool
at_word_end(const char *s, size_t i)
{
	return s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '\0';
}

/* Length of the first sentence of S: up to a period that ends a word outside `code`,
 * not counting the "e.g." and "i.e." abbreviations. */
static size_t
first_sentence(const char *s)
{
	bool code = false;
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '`') {
			code = !code;
		}
		if (code || s[i] != '.' || !at_word_end(s, i)) {
			continue;
		}
		if (i >= 3 && (strncmp(s + i - 3, "e.g", 3) == 0 ||
			       strncmp(s + i - 3, "i.e", 3) == 0)) {
			continue;
		}
		return i + 1;
	}
	return i;
}

static void
add_finding(struct pl_buf *b, const struct pl_finding *f, const struct pl_out_opts *o)
{
	const char *fix;

	sgr(b, o, PL_OUT_BOLD);
	add_safe(b, f->file);
	if (f->line > 0) {
		pl_buf_addc(b, ':');
		pl_buf_addu(b, f->line, 0);
		if (f->col > 0) {
			pl_buf_addc(b, ':');
			pl_buf_addu(b, f->col, 0);
		}
	}
	pl_buf_addc(b, ':');
	sgr(b, o, PL_OUT_RESET);
	pl_buf_addc(b, ' ');
	sgr(b, o, pl_out_sev_color(f->severity));
	pl_buf_adds(b, pl_severity_name(f->severity));
	pl_buf_addc(b, ':');
	sgr(b, o, PL_OUT_RESET);
	pl_buf_addc(b, ' ');
	sgr(b, o, PL_OUT_BOLD);
	add_safe(b, f->rule->id);
	sgr(b, o, PL_OUT_RESET);
	pl_buf_addc(b, ' ');
	add_safe(b, f->message != NULL ? f->message : "");
	pl_buf_adds(b, " [");
	add_safe(b, f->rule->name);
	pl_buf_adds(b, "]\n");

	if (f->src_line != NULL && f->line > 0) {
		add_snippet(b, f, o);
	}

	fix = pl_out_fix(f);
	if (fix != NULL && fix[0] != '\0') {
		pl_buf_adds(b, "  ");
		sgr(b, o, PL_OUT_GREEN);
		pl_buf_adds(b, "fix:");
		sgr(b, o, PL_OUT_RESET);
		pl_buf_addc(b, ' ');
		add_safe_n(b, fix, f->fix != NULL ? strlen(fix) : first_sentence(fix));
		pl_buf_addc(b, '\n');
	}
}

static const char *
plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
add_summary(struct pl_buf *b, const struct pl_report *r, const struct pl_out_opts *o)
{
	size_t counts[PL_SEV_COUNT], at_or_above = 0;
	bool first = true;
	int s;

	pl_report_counts(r, counts);
	if (r->nfindings == 0) {
		pl_buf_adds(b, "no findings");
	} else {
		pl_buf_printf(b, "%zu %s (", r->nfindings,
			      plural(r->nfindings, "finding", "findings"));
		for (s = PL_SEV_CRITICAL; s >= PL_SEV_INFO; s--) {
			if (counts[s] == 0) {
				continue;
			}
			pl_buf_printf(b, "%s%zu %s", first ? "" : ", ", counts[s],
				      pl_severity_name((enum pl_severity)s));
			first = false;
		}
		pl_buf_addc(b, ')');
	}
	pl_buf_printf(b, " in %zu %s", r->files_scanned, plural(r->files_scanned, "file", "files"));
	if (r->nerrors > 0) {
		pl_buf_printf(b, ", %zu input %s", r->nerrors,
			      plural(r->nerrors, "error", "errors"));
	}
	if (r->suppressed > 0) {
		pl_buf_printf(b, "; %zu suppressed by ignore comments", r->suppressed);
	}
	if (r->baselined > 0) {
		pl_buf_printf(b, "; %zu already in the baseline", r->baselined);
	}
	pl_buf_addc(b, '\n');
	if (r->dropped > 0) {
		pl_buf_printf(b, "%zu more %s not kept: a file may report at most %u\n", r->dropped,
			      plural(r->dropped, "finding was", "findings were"),
			      PL_MAX_FINDINGS_PER_FILE);
	}

	if (o->fail_on >= PL_SEV_NEVER) {
		sgr(b, o, PL_OUT_GREEN);
		pl_buf_adds(b, "passed:");
		sgr(b, o, PL_OUT_RESET);
		pl_buf_adds(b, " findings never fail the run (--fail-on never)\n");
		return;
	}
	for (s = (int)o->fail_on; s < PL_SEV_COUNT; s++) {
		at_or_above += counts[s];
	}
	if (pl_out_failed(r, o)) {
		sgr(b, o, PL_OUT_RED);
		pl_buf_adds(b, "failed:");
		sgr(b, o, PL_OUT_RESET);
		pl_buf_printf(b, " %zu %s at or above %s (--fail-on %s)\n", at_or_above,
			      plural(at_or_above, "finding", "findings"),
			      pl_severity_name(o->fail_on), pl_severity_name(o->fail_on));
	} else {
		sgr(b, o, PL_OUT_GREEN);
		pl_buf_adds(b, "passed:");
		sgr(b, o, PL_OUT_RESET);
		pl_buf_printf(b, " no findings at or above %s (--fail-on %s)\n",
			      pl_severity_name(o->fail_on), pl_severity_name(o->fail_on));
	}
}

/* Reports with at least this many findings render their second half on another thread;
 * at most this many, so that the half kept in memory stays in the tens of megabytes. */
enum { PARALLEL_MIN_FINDINGS = 512, PARALLEL_MAX_FINDINGS = 100000 };

static int
flush(FILE *out, struct pl_buf *b)
{
	int rc = 0;

	if (b->n > 0 && fwrite(b->p, 1, b->n, out) != b->n) {
		rc = -1;
	}
	pl_buf_reset(b);
	return rc;
}

/* Findings FIRST..LAST-1 of a report, rendered on a second thread into BUF. */
struct half {
	const struct pl_report *r;
	const struct pl_out_opts *o;
	size_t first, last;
	struct pl_buf buf;
};

static void *
render_half(void *arg)
{
	struct half *h = arg;

	for (size_t i = h->first; i < h->last; i++) {
		pl_buf_addc(&h->buf, '\n');
		add_finding(&h->buf, &h->r->findings[i], h->o);
	}
	return NULL;
}

/* Findings separated by blank lines, then the summary unless quiet. Built one finding at
 * a time and written as it goes, so that a large report never sits in memory twice;
 * a report of moderate size has its second half rendered on another thread meanwhile. */
static int
write_text(FILE *out, const struct pl_report *r, const struct pl_out_opts *o)
{
	struct half h = { .r = r, .o = o, .first = r->nfindings, .last = r->nfindings };
	pthread_t thread;
	bool threaded = false;
	struct pl_buf b;
	int rc = 0;
	size_t i;

	pl_buf_init(&b);
	pl_buf_init(&h.buf);
	if (r->nfindings >= PARALLEL_MIN_FINDINGS && r->nfindings <= PARALLEL_MAX_FINDINGS) {
		h.first = r->nfindings / 2;
		threaded = pthread_create(&thread, NULL, render_half, &h) == 0;
		if (!threaded) {
			h.first = r->nfindings;
		}
	}
	for (i = 0; i < h.first && rc == 0; i++) {
		if (i > 0) {
			pl_buf_addc(&b, '\n');
		}
		add_finding(&b, &r->findings[i], o);
		rc = flush(out, &b);
	}
	if (threaded) {
		pthread_join(thread, NULL);
		if (rc == 0) {
			rc = flush(out, &h.buf);
		}
	}
	pl_buf_finish(&h.buf);
	if (rc == 0 && !o->quiet) {
		if (r->nfindings > 0) {
			pl_buf_addc(&b, '\n');
		}
		add_summary(&b, r, o);
		rc = flush(out, &b);
	}
	pl_buf_finish(&b);
	if (rc != 0 || ferror(out)) {
		return -1;
	}
	return 0;
}

const struct pl_format pl_format_text = {
	.name = "text",
	.description = "compiler-style diagnostics with the source line, a caret underline "
		       "and a fix hint, then a summary",
	.write = write_text,
};
