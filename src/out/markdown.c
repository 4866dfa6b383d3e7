/*
 * markdown.c -- the audit report: what a security reviewer hands a team, in Markdown
 * that reads well rendered on GitHub.
 *
 * An executive summary with a readiness verdict, a table of requirement areas with their
 * status, then every finding grouped by file and ordered by severity, each as Evidence,
 * Problem, Fix and Impact. Text that comes from scanned files is escaped so that it can
 * neither inject HTML nor break the Markdown around it. No timestamps: the same input
 * gives the same report.
 */
#include "out/common.h"
#include "core/str.h"

#include <stdlib.h>
#include <string.h>

/* The requirement areas, one per rule category, in the order a reviewer reads them. */
static const struct area {
	const char *category;
	const char *title;
} areas[] = {
	{ "privilege", "Runs as non-root, least privilege" },
	{ "secrets", "No secrets in images or configuration" },
	{ "network", "Nothing exposed that need not be" },
	{ "supply-chain", "Pinned and verified inputs (supply chain)" },
	{ "runtime", "Runtime behaviour, limits and health checks" },
	{ "hygiene", "Small, clean image" },
	{ "syntax", "Correct and complete configuration" },
};

enum { NAREAS = sizeof(areas) / sizeof(areas[0]) };

static const char *const sev_badge[PL_SEV_COUNT] = {
	[PL_SEV_INFO] = "🔵 Info",
	[PL_SEV_LOW] = "🟡 Low",
	[PL_SEV_MEDIUM] = "🟠 Medium",
	[PL_SEV_HIGH] = "🔴 High",
	[PL_SEV_CRITICAL] = "🛑 Critical",
};

/* Appends S as inline Markdown text: HTML and Markdown syntax characters are escaped,
 * line breaks become spaces, invalid UTF-8 becomes U+FFFD. */
static void
md_text(struct pl_buf *b, const char *s)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80) {
			k = pl_out_utf8_decode(s + i, n - i, &cp);
			if (k == 0) {
				pl_buf_adds(b, "\xEF\xBF\xBD");
				i++;
			} else {
				pl_buf_add(b, s + i, k);
				i += k;
			}
			continue;
		}
		switch (c) {
		case '<':
			pl_buf_adds(b, "&lt;");
			break;
		case '>':
			pl_buf_adds(b, "&gt;");
			break;
		case '&':
			pl_buf_adds(b, "&amp;");
			break;
		case '\n':
		case '\r':
		case '\t':
			pl_buf_addc(b, ' ');
			break;
		case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#':
		case '~': case '!':
			pl_buf_addc(b, '\\');
			pl_buf_addc(b, (char)c);
			break;
		default:
			if (c < 0x20 || c == 0x7F) {
				pl_buf_adds(b, "\xEF\xBF\xBD");
			} else {
				pl_buf_addc(b, (char)c);
			}
		}
		i++;
	}
}

/*
 * Appends S as Markdown that plimsoll wrote (rule metadata, messages and fix hints, whose
 * `code spans` should render) but that may quote values from a scanned file: HTML is
 * escaped so that no quoted value can inject markup, line breaks become spaces.
 */
static void
md_prose(struct pl_buf *b, const char *s)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80) {
			k = pl_out_utf8_decode(s + i, n - i, &cp);
			pl_buf_add(b, k ? s + i : "\xEF\xBF\xBD", k ? k : 3);
			i += k ? k : 1;
			continue;
		}
		if (c == '<') {
			pl_buf_adds(b, "&lt;");
		} else if (c == '>') {
			pl_buf_adds(b, "&gt;");
		} else if (c == '&') {
			pl_buf_adds(b, "&amp;");
		} else if (c < 0x20 || c == 0x7F) {
			pl_buf_addc(b, ' ');
		} else {
			pl_buf_addc(b, (char)c);
		}
		i++;
	}
}

/* Appends S with invalid UTF-8 and control characters replaced, for code spans and
 * fenced blocks, where Markdown and HTML are not interpreted. IN_TABLE escapes '|', which
 * GitHub reads as a cell border even inside code. KEEP_NL keeps line breaks. */
static void
md_raw(struct pl_buf *b, const char *s, bool in_table, bool keep_nl)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80) {
			k = pl_out_utf8_decode(s + i, n - i, &cp);
			/* Bidirectional overrides could make evidence read differently from
			 * what the file holds. */
			if (k == 0 || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
				pl_buf_adds(b, "\xEF\xBF\xBD");
				i += k ? k : 1;
			} else {
				pl_buf_add(b, s + i, k);
				i += k;
			}
			continue;
		}
		if (c == '\n' && keep_nl) {
			pl_buf_addc(b, '\n');
		} else if (c == '\t') {
			pl_buf_adds(b, keep_nl ? "\t" : " ");
		} else if (c < 0x20 || c == 0x7F) {
			pl_buf_adds(b, c == '\n' || c == '\r' ? " " : "\xEF\xBF\xBD");
		} else if (c == '|' && in_table) {
			pl_buf_adds(b, "\\|");
		} else {
			pl_buf_addc(b, (char)c);
		}
		i++;
	}
}

/* Appends S as an inline code span; backticks inside choose a longer fence. */
static void
md_code(struct pl_buf *b, const char *s, bool in_table)
{
	size_t run = 0, longest = 0, k;

	for (const char *p = s; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		longest = run > longest ? run : longest;
	}
	for (k = 0; k <= longest; k++) {
		pl_buf_addc(b, '`');
	}
	if (longest > 0) {
		pl_buf_addc(b, ' ');
	}
	md_raw(b, s, in_table, false);
	if (longest > 0) {
		pl_buf_addc(b, ' ');
	}
	for (k = 0; k <= longest; k++) {
		pl_buf_addc(b, '`');
	}
}

/* A fenced block of S, with line numbers from FIRST_LINE. */
static void
md_evidence(struct pl_buf *b, const char *s, uint32_t first_line)
{
	struct pl_buf body;
	const char *p = s;
	uint32_t line = first_line;

	pl_buf_init(&body);
	while (*p) {
		size_t n = strcspn(p, "\n");
		char *l = strndup(p, n);

		pl_buf_printf(&body, "%4u | ", line++);
		if (l != NULL) {
			md_raw(&body, l, false, true);
			free(l);
		}
		pl_buf_addc(&body, '\n');
		p += n;
		if (*p == '\n') {
			p++;
		}
	}
	pl_out_md_fence(b, "dockerfile", body.p ? body.p : "");
	pl_buf_finish(&body);
}

static int
area_of(const struct pl_rule *r)
{
	int k;

	for (k = 0; k < (int)NAREAS; k++) {
		if (strcmp(areas[k].category, r->category) == 0) {
			return k;
		}
	}
	return (int)NAREAS - 1;
}

/* Orders a file's findings for reading: most severe first, then by position. */
static int
cmp_for_report(const void *pa, const void *pb)
{
	const struct pl_finding *a = *(const struct pl_finding *const *)pa;
	const struct pl_finding *b = *(const struct pl_finding *const *)pb;
	int c = strcmp(a->file, b->file);

	if (c != 0) {
		return c;
	}
	if (a->severity != b->severity) {
		return a->severity > b->severity ? -1 : 1;
	}
	if (a->line != b->line) {
		return a->line < b->line ? -1 : 1;
	}
	if (a->col != b->col) {
		return a->col < b->col ? -1 : 1;
	}
	return strcmp(a->rule->id, b->rule->id);
}

/* Lists the rules of findings of severity SEV not listed yet, until SHOWN reaches five;
 * returns the new SHOWN. */
static int
top_problems(struct pl_buf *b, const struct pl_report *r, const struct pl_finding **sorted,
	     enum pl_severity sev, int shown)
{
	for (size_t i = 0; i < r->nfindings && shown < 5; i++) {
		bool seen = false;

		if (sorted[i]->severity != sev) {
			continue;
		}
		for (size_t k = 0; k < i && !seen; k++) {
			seen = sorted[k]->rule == sorted[i]->rule;
		}
		if (seen) {
			continue;
		}
		if (shown == 0) {
			pl_buf_adds(b, "The most important problems:\n\n");
		}
		pl_buf_printf(b, "- **%s** (%s, %s)\n", sorted[i]->rule->title, sorted[i]->rule->id,
			      pl_severity_name(sorted[i]->severity));
		shown++;
	}
	return shown;
}

static void
summary(struct pl_buf *b, const struct pl_report *r, const struct pl_out_opts *o,
	const struct pl_finding **sorted, size_t files_with)
{
	size_t counts[PL_SEV_COUNT];
	int max = pl_report_max_severity(r), s, shown = 0;
	bool first = true;

	pl_report_counts(r, counts);
	pl_buf_adds(b, "## Executive summary\n\n");
	if (max >= PL_SEV_HIGH || r->nerrors > 0) {
		pl_buf_adds(b, "**Verdict: ❌ Not ready.** ");
	} else if (max >= PL_SEV_LOW) {
		pl_buf_adds(b, "**Verdict: ⚠️ Ready with warnings.** ");
	} else {
		pl_buf_adds(b, "**Verdict: ✅ Ready.** ");
	}
	if (r->nfindings == 0) {
		pl_buf_printf(b, "No findings in %zu %s.", r->files_scanned,
			      r->files_scanned == 1 ? "file" : "files");
	} else {
		pl_buf_printf(b, "%zu %s in %zu of %zu %s: ", r->nfindings,
			      r->nfindings == 1 ? "finding" : "findings", files_with,
			      r->files_scanned, r->files_scanned == 1 ? "file" : "files");
		for (s = PL_SEV_CRITICAL; s >= PL_SEV_INFO; s--) {
			if (counts[s] > 0) {
				pl_buf_printf(b, "%s%zu %s", first ? "" : ", ", counts[s],
					      pl_severity_name((enum pl_severity)s));
				first = false;
			}
		}
		pl_buf_addc(b, '.');
	}
	if (r->nerrors > 0) {
		pl_buf_printf(b, " %zu %s could not be read or parsed, so %s not audited.",
			      r->nerrors, r->nerrors == 1 ? "input" : "inputs",
			      r->nerrors == 1 ? "it was" : "they were");
	}
	pl_buf_adds(b, "\n\n");
	/* The most severe problems, each rule once: critical ones first, then high, then
	 * medium, each in report order. */
	for (s = PL_SEV_CRITICAL; s >= PL_SEV_MEDIUM && shown < 5; s--) {
		shown = top_problems(b, r, sorted, (enum pl_severity)s, shown);
	}
	if (shown > 0) {
		pl_buf_addc(b, '\n');
	}
	if (o->fail_on >= PL_SEV_NEVER) {
		pl_buf_adds(b, "The CI gate is off (`--fail-on never`).\n\n");
	} else {
		pl_buf_printf(b, "The CI gate fails on %s findings and above (`--fail-on %s`): this "
			      "run %s.\n\n", pl_severity_name(o->fail_on),
			      pl_severity_name(o->fail_on), pl_out_failed(r, o) ? "fails" : "passes");
	}
	if (r->suppressed > 0 || r->baselined > 0) {
		pl_buf_printf(b, "Accepted and not counted above: %zu by ignore comments, %zu by the "
			      "baseline.\n\n", r->suppressed, r->baselined);
	}
}

static void
area_table(struct pl_buf *b, const struct pl_report *r)
{
	int worst[NAREAS];
	size_t count[NAREAS], i;
	int k;

	for (k = 0; k < (int)NAREAS; k++) {
		worst[k] = -1;
		count[k] = 0;
	}
	for (i = 0; i < r->nfindings; i++) {
		k = area_of(r->findings[i].rule);
		count[k]++;
		if ((int)r->findings[i].severity > worst[k]) {
			worst[k] = (int)r->findings[i].severity;
		}
	}
	pl_buf_adds(b, "## Requirement areas\n\n| Area | Status | Findings | Rules |\n"
		       "|---|---|---:|---|\n");
	for (k = 0; k < (int)NAREAS; k++) {
		const char *status = worst[k] >= PL_SEV_HIGH ? "❌ Fail"
				     : worst[k] >= PL_SEV_LOW ? "⚠️ Warnings" : "✅ Pass";
		bool first = true;

		pl_buf_printf(b, "| %s | %s | %zu | ", areas[k].title, status, count[k]);
		/* Each rule once, in catalog order. */
		for (size_t ri = 0; ri < pl_nrules; ri++) {
			bool hit = false;

			for (i = 0; i < r->nfindings && !hit; i++) {
				hit = r->findings[i].rule == pl_rules[ri] && area_of(pl_rules[ri]) == k;
			}
			if (hit) {
				pl_buf_printf(b, "%s%s", first ? "" : ", ", pl_rules[ri]->id);
				first = false;
			}
		}
		pl_buf_adds(b, first ? "— |\n" : " |\n");
	}
	pl_buf_addc(b, '\n');
}

static void
peers(struct pl_buf *b, const struct pl_rule *r)
{
	bool first = true;

	if (r->peers == NULL || r->peers[0] == NULL) {
		return;
	}
	pl_buf_adds(b, "Also reported by: ");
	for (const char *const *p = r->peers; *p != NULL; p++) {
		const char *colon = strchr(*p, ':');

		if (!first) {
			pl_buf_adds(b, ", ");
		}
		first = false;
		if (colon != NULL) {
			pl_buf_printf(b, "%.*s ", (int)(colon - *p), *p);
			md_text(b, colon + 1);
		} else {
			md_text(b, *p);
		}
	}
	pl_buf_adds(b, ". ");
}

static void
finding(struct pl_buf *b, const struct pl_finding *f)
{
	pl_buf_printf(b, "#### %s — %s: ", sev_badge[f->severity], f->rule->id);
	md_prose(b, f->rule->title);
	pl_buf_adds(b, "\n\n");
	pl_buf_adds(b, "Location: ");
	{
		char loc[64];

		snprintf(loc, sizeof(loc), ":%u:%u", f->line, f->col);
		pl_buf_adds(b, "`");
		md_raw(b, f->file, false, false);
		pl_buf_adds(b, loc);
		pl_buf_adds(b, "`\n\n");
	}
	pl_buf_adds(b, "**Evidence**\n\n");
	md_evidence(b, f->evidence ? f->evidence : "", f->line);
	pl_buf_adds(b, "\n**Problem.** ");
	md_prose(b, f->message);
	pl_buf_adds(b, "\n\n**Fix.** ");
	md_prose(b, pl_out_fix(f));
	pl_buf_adds(b, "\n\n**Impact.** ");
	md_prose(b, f->rule->why);
	pl_buf_adds(b, "\n\n");
	peers(b, f->rule);
	pl_buf_printf(b, "Rule `%s` (`plimsoll explain %s`).\n\n", f->rule->name, f->rule->id);
}

static int
write_markdown(FILE *out, const struct pl_report *r, const struct pl_out_opts *o)
{
	const struct pl_finding **sorted = NULL;
	struct pl_buf b;
	size_t i, files_with = 0;
	int rc;

	if (r->nfindings > 0) {
		sorted = calloc(r->nfindings, sizeof(*sorted));
		if (sorted == NULL) {
			return -1;
		}
		for (i = 0; i < r->nfindings; i++) {
			sorted[i] = &r->findings[i];
		}
		qsort(sorted, r->nfindings, sizeof(*sorted), cmp_for_report);
	}
	for (i = 0; i < r->nfindings; i++) {
		files_with += i == 0 || strcmp(sorted[i]->file, sorted[i - 1]->file) != 0;
	}
	pl_buf_init(&b);
	pl_buf_printf(&b, "# Container security audit\n\nplimsoll %s · %zu %s scanned · %zu "
		      "rules\n\n", o->version ? o->version : "", r->files_scanned,
		      r->files_scanned == 1 ? "file" : "files", pl_nrules);
	summary(&b, r, o, sorted, files_with);
	area_table(&b, r);
	if (r->nfindings > 0) {
		pl_buf_adds(&b, "## Findings\n\n");
	}
	for (i = 0; i < r->nfindings; i++) {
		if (i == 0 || strcmp(sorted[i]->file, sorted[i - 1]->file) != 0) {
			size_t n = 0;

			for (size_t k = i; k < r->nfindings && strcmp(sorted[k]->file, sorted[i]->file) == 0; k++) {
				n++;
			}
			pl_buf_adds(&b, "### ");
			md_code(&b, sorted[i]->file, false);
			pl_buf_printf(&b, " — %zu %s\n\n", n, n == 1 ? "finding" : "findings");
		}
		finding(&b, sorted[i]);
	}
	if (r->nerrors > 0) {
		pl_buf_adds(&b, "## Inputs that could not be audited\n\n");
		for (i = 0; i < r->nerrors; i++) {
			const struct pl_file_error *e = &r->errors[i];

			pl_buf_adds(&b, "- ");
			md_code(&b, e->file, false);
			if (e->line > 0) {
				pl_buf_printf(&b, " line %u, column %u", e->line, e->col);
			}
			pl_buf_adds(&b, ": ");
			md_prose(&b, e->message);
			pl_buf_addc(&b, '\n');
		}
		pl_buf_addc(&b, '\n');
	}
	if (r->files_scanned > files_with) {
		pl_buf_printf(&b, "%zu %s had no findings.\n", r->files_scanned - files_with,
			      r->files_scanned - files_with == 1 ? "file" : "files");
	}
	rc = fwrite(b.p, 1, b.n, out) == b.n ? 0 : -1;
	pl_buf_finish(&b);
	free(sorted);
	return rc;
}

const struct pl_format pl_format_markdown = {
	.name = "markdown",
	.description = "an audit report for reviewers: verdict, requirement areas, and each "
		       "finding with evidence, problem, fix and impact",
	.write = write_markdown,
};
