/*
 * catalog.c -- the rule catalog in words: `plimsoll rules`, `plimsoll explain` and the
 * generated pages in docs/rules.
 *
 * Everything here is written from the rule structs, the single source of truth, so the
 * terminal, the JSON catalog, the SARIF help and the committed Markdown pages cannot
 * disagree. Output depends only on the catalog: the same build writes the same bytes,
 * which lets CI regenerate docs/rules and fail on any difference.
 */
#include "out/catalog.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "out/common.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Width of `plimsoll explain` paragraphs: fits an 80-column terminal with a margin. */
enum { WRAP_CELLS = 78 };

/* Indent of the paragraphs under an explain heading, and of the examples (deeper, so that
 * code stands apart from prose). */
enum { TEXT_INDENT = 2, CODE_INDENT = 4 };

/* Most peer tools named by one rule; real rules name at most five. */
enum { MAX_PEER_TOOLS = 32 };

/* Most input kinds (enum pl_input bits). */
enum { MAX_INPUTS = 8 };

static const struct {
	unsigned bit;
	const char *name;
} input_names[] = {
	{ PL_IN_DOCKERFILE, "dockerfile" },
	{ PL_IN_COMPOSE, "compose" },
	{ PL_IN_INSPECT, "docker-inspect" },
	{ PL_IN_K8S, "kubernetes" },
	{ PL_IN_SCRIPT, "script" },
};

/* Categories in the order the index presents them: the most direct risks first. Any other
 * category follows, in name order. */
static const char *const category_order[] = {
	"privilege", "secrets", "supply-chain", "runtime", "hygiene", "syntax",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

size_t
pl_out_input_names(unsigned bits, const char **names, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < COUNT(input_names) && n < max; i++) {
		if (bits & input_names[i].bit) {
			names[n++] = input_names[i].name;
		}
	}
	return n;
}

/* The language of a rule's examples, for Markdown code fences. */
static const char *
fence_lang(const struct pl_rule *r)
{
	if ((r->inputs & PL_IN_INSPECT) != 0) {
		return "json";
	}
	if ((r->inputs & PL_IN_SCRIPT) != 0) {
		return "sh";
	}
	return (r->inputs & (PL_IN_COMPOSE | PL_IN_K8S)) != 0 ? "yaml" : "dockerfile";
}

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

static const char *
category_of(const struct pl_rule *r)
{
	return r->category != NULL ? r->category : "other";
}

/* Terminal cells of S[0..n), for aligning columns and wrapping. */
static size_t
cells_n(const char *s, size_t n)
{
	size_t i, len, w = 0;
	uint32_t cp;

	for (i = 0; i < n; i += len) {
		len = pl_out_utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			len = 1;
			w++;
		} else {
			w += pl_out_cp_width(cp);
		}
	}
	return w;
}

static size_t
cells(const char *s)
{
	return cells_n(s, strlen(s));
}

static void
pad(struct pl_buf *b, size_t n)
{
	while (n-- > 0) {
		pl_buf_addc(b, ' ');
	}
}

static void
sgr(struct pl_buf *b, bool color, const char *seq)
{
	if (color) {
		pl_buf_adds(b, seq);
	}
}

static int
put(FILE *out, struct pl_buf *b)
{
	int rc = 0;

	if (b->n > 0 && fwrite(b->p, 1, b->n, out) != b->n) {
		rc = -1;
	}
	pl_buf_finish(b);
	if (rc != 0 || ferror(out)) {
		return -1;
	}
	return 0;
}

void
pl_out_md_fence(struct pl_buf *b, const char *lang, const char *s)
{
	size_t run = 0, longest = 0, fence, i;

	for (i = 0; s[i] != '\0'; i++) {
		run = s[i] == '`' ? run + 1 : 0;
		if (run > longest) {
			longest = run;
		}
	}
	/* CommonMark, "Fenced code blocks": three backticks at least, and more than any run
	 * of backticks inside so that the block cannot end early. */
	fence = longest >= 3 ? longest + 1 : 3;
	for (i = 0; i < fence; i++) {
		pl_buf_addc(b, '`');
	}
	pl_buf_printf(b, "%s\n%s", lang, s);
	if (s[0] != '\0' && s[strlen(s) - 1] != '\n') {
		pl_buf_addc(b, '\n');
	}
	for (i = 0; i < fence; i++) {
		pl_buf_addc(b, '`');
	}
	pl_buf_addc(b, '\n');
}

static void
md_heading(struct pl_buf *b, int level, const char *text)
{
	int i;

	for (i = 0; i < level; i++) {
		pl_buf_addc(b, '#');
	}
	pl_buf_printf(b, " %s\n\n", text);
}

/* A reference as a Markdown list item: URLs become autolinks, other references (a
 * benchmark section, a book) stay text. */
static void
md_reference(struct pl_buf *b, const char *ref)
{
	if (pl_starts_with(ref, "https://") || pl_starts_with(ref, "http://")) {
		pl_buf_printf(b, "- <%s>\n", ref);
	} else {
		pl_buf_printf(b, "- %s\n", ref);
	}
}

void
pl_out_md_rule_body(struct pl_buf *b, const struct pl_rule *r, int level)
{
	const char *const *p;

	md_heading(b, level, "Why");
	pl_buf_printf(b, "%s\n\n", or_empty(r->why));
	md_heading(b, level, "Fix");
	pl_buf_printf(b, "%s\n\n", or_empty(r->fix));
	if (r->example_config != NULL) {
		md_heading(b, level, "Configuration");
		pl_buf_adds(b, "This rule acts only on a project setting; the examples below are "
			    "checked with this `.plimsoll.yaml`:\n\n");
		pl_out_md_fence(b, "yaml", r->example_config);
		pl_buf_addc(b, '\n');
	}
	if (r->example_context != NULL) {
		md_heading(b, level, "Build context of the examples");
		pl_buf_adds(b, "The examples below are checked with these files beside the "
			    "Dockerfile (`path: content`):\n\n");
		pl_out_md_fence(b, "text", r->example_context);
		pl_buf_addc(b, '\n');
	}
	if (r->bad != NULL) {
		md_heading(b, level, "Bad example");
		pl_out_md_fence(b, fence_lang(r), r->bad);
		pl_buf_addc(b, '\n');
	}
	if (r->good != NULL) {
		md_heading(b, level, "Good example");
		pl_out_md_fence(b, fence_lang(r), r->good);
		pl_buf_addc(b, '\n');
	}
	if (r->peers != NULL && r->peers[0] != NULL) {
		md_heading(b, level, "Peers");
		pl_buf_adds(b, "The same check in other tools:\n\n");
		for (p = r->peers; *p != NULL; p++) {
			pl_buf_printf(b, "- `%s`\n", *p);
		}
		pl_buf_addc(b, '\n');
	}
	if (r->refs != NULL && r->refs[0] != NULL) {
		md_heading(b, level, "References");
		for (p = r->refs; *p != NULL; p++) {
			md_reference(b, *p);
		}
		pl_buf_addc(b, '\n');
	}
	/* One blank line ends every section; the body ends with exactly one newline. */
	while (b->n >= 2 && b->p[b->n - 1] == '\n' && b->p[b->n - 2] == '\n') {
		b->p[--b->n] = '\0';
	}
}

/* Peers joined with ", ". */
static void
add_peers(struct pl_buf *b, const struct pl_rule *r)
{
	const char *const *p;

	for (p = r->peers; p != NULL && *p != NULL; p++) {
		pl_buf_printf(b, "%s%s", p == r->peers ? "" : ", ", *p);
	}
}

static void
add_inputs(struct pl_buf *b, const struct pl_rule *r)
{
	const char *names[MAX_INPUTS];
	size_t i, n = pl_out_input_names(r->inputs, names, MAX_INPUTS);

	for (i = 0; i < n; i++) {
		pl_buf_printf(b, "%s%s", i > 0 ? ", " : "", names[i]);
	}
}

/* `plimsoll rules`: one aligned row per rule under a header row. */
static int
catalog_text(FILE *out, bool color)
{
	static const char *const head[] = { "ID", "SEVERITY", "NAME", "TITLE", "PEERS" };
	size_t w[4], i, k;
	const char *cell[4];
	struct pl_buf b;

	for (k = 0; k < 4; k++) {
		w[k] = strlen(head[k]);
	}
	for (i = 0; i < pl_nrules; i++) {
		const struct pl_rule *r = pl_rules[i];
		size_t c[4] = { cells(r->id), cells(pl_severity_name(r->severity)),
				cells(or_empty(r->name)), cells(or_empty(r->title)) };

		for (k = 0; k < 4; k++) {
			if (c[k] > w[k]) {
				w[k] = c[k];
			}
		}
	}
	pl_buf_init(&b);
	sgr(&b, color, PL_OUT_BOLD);
	for (k = 0; k < 4; k++) {
		pl_buf_adds(&b, head[k]);
		pad(&b, w[k] - strlen(head[k]) + 2);
	}
	pl_buf_adds(&b, head[4]);
	sgr(&b, color, PL_OUT_RESET);
	pl_buf_addc(&b, '\n');
	for (i = 0; i < pl_nrules; i++) {
		const struct pl_rule *r = pl_rules[i];

		cell[0] = r->id;
		cell[1] = pl_severity_name(r->severity);
		cell[2] = or_empty(r->name);
		cell[3] = or_empty(r->title);
		for (k = 0; k < 4; k++) {
			if (k == 0) {
				sgr(&b, color, PL_OUT_BOLD);
			} else if (k == 1) {
				sgr(&b, color, pl_out_sev_color(r->severity));
			}
			pl_buf_adds(&b, cell[k]);
			if (k <= 1) {
				sgr(&b, color, PL_OUT_RESET);
			}
			if (k < 3 || (r->peers != NULL && r->peers[0] != NULL)) {
				pad(&b, w[k] - cells(cell[k]) + 2);
			}
		}
		add_peers(&b, r);
		pl_buf_addc(&b, '\n');
	}
	return put(out, &b);
}

static json_t *
rule_json(const struct pl_rule *r)
{
	const char *names[MAX_INPUTS];
	size_t i, n = pl_out_input_names(r->inputs, names, MAX_INPUTS);
	json_t *j = pl_out_json_object(), *inputs = pl_out_json_array();

	pl_out_json_set(j, "id", pl_out_json_str(r->id));
	pl_out_json_set(j, "name", pl_out_json_str(r->name));
	pl_out_json_set(j, "title", pl_out_json_str(r->title));
	pl_out_json_set(j, "severity", pl_out_json_str(pl_severity_name(r->severity)));
	pl_out_json_set(j, "category", pl_out_json_str(r->category));
	pl_out_json_set(j, "why", pl_out_json_str(r->why));
	pl_out_json_set(j, "fix", pl_out_json_str(r->fix));
	pl_out_json_set(j, "bad", pl_out_json_str(r->bad));
	pl_out_json_set(j, "good", pl_out_json_str(r->good));
	pl_out_json_set(j, "example_config", r->example_config != NULL
						     ? pl_out_json_str(r->example_config)
						     : json_null());
	pl_out_json_set(j, "example_context", r->example_context != NULL
						      ? pl_out_json_str(r->example_context)
						      : json_null());
	pl_out_json_set(j, "references", pl_out_json_strv(r->refs));
	pl_out_json_set(j, "peers", pl_out_json_strv(r->peers));
	for (i = 0; i < n; i++) {
		pl_out_json_push(inputs, pl_out_json_str(names[i]));
	}
	pl_out_json_set(j, "inputs", inputs);
	return j;
}

static int
catalog_json(FILE *out)
{
	json_t *all = pl_out_json_array();
	size_t i;

	for (i = 0; i < pl_nrules; i++) {
		pl_out_json_push(all, rule_json(pl_rules[i]));
	}
	return pl_out_json_write(out, all);
}

/* S as one Markdown table cell: '|' escaped, line breaks as spaces. */
static void
md_cell(struct pl_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '|') {
			pl_buf_adds(b, "\\|");
		} else if (*s == '\n' || *s == '\r') {
			pl_buf_addc(b, ' ');
		} else {
			pl_buf_addc(b, *s);
		}
	}
}

static int
catalog_markdown(FILE *out)
{
	struct pl_buf b, peers;
	size_t i;

	pl_buf_init(&b);
	pl_buf_init(&peers);
	pl_buf_adds(&b, "| ID | Name | Severity | Category | Title | Peers |\n"
			"|---|---|---|---|---|---|\n");
	for (i = 0; i < pl_nrules; i++) {
		const struct pl_rule *r = pl_rules[i];

		pl_buf_adds(&b, "| ");
		md_cell(&b, r->id);
		pl_buf_adds(&b, " | `");
		md_cell(&b, or_empty(r->name));
		pl_buf_printf(&b, "` | %s | ", pl_severity_name(r->severity));
		md_cell(&b, category_of(r));
		pl_buf_adds(&b, " | ");
		md_cell(&b, or_empty(r->title));
		pl_buf_adds(&b, " | ");
		pl_buf_reset(&peers);
		add_peers(&peers, r);
		md_cell(&b, peers.p != NULL ? peers.p : "");
		pl_buf_adds(&b, " |\n");
	}
	pl_buf_finish(&peers);
	return put(out, &b);
}

int
pl_catalog_write(FILE *out, const char *format, bool color)
{
	if (strcmp(format, "text") == 0) {
		return catalog_text(out, color);
	} else if (strcmp(format, "json") == 0) {
		return catalog_json(out);
	} else if (strcmp(format, "markdown") == 0) {
		return catalog_markdown(out);
	}
	return -2;
}

static void
heading(struct pl_buf *b, bool color, const char *text)
{
	pl_buf_addc(b, '\n');
	sgr(b, color, PL_OUT_BOLD);
	pl_buf_adds(b, text);
	sgr(b, color, PL_OUT_RESET);
	pl_buf_addc(b, '\n');
}

/* Appends S word-wrapped to WRAP_CELLS, each line indented; a blank line in S starts a new
 * paragraph. A word longer than the width gets a line of its own. */
static void
wrapped(struct pl_buf *b, const char *s)
{
	size_t col = 0, n, w;
	const char *word;
	int breaks;

	while (*s != '\0') {
		breaks = 0;
		while (*s == ' ' || *s == '\n' || *s == '\t') {
			breaks += *s == '\n';
			s++;
		}
		if (*s == '\0') {
			break;
		}
		if (breaks >= 2 && col > 0) {
			pl_buf_adds(b, "\n\n");
			col = 0;
		}
		word = s;
		while (*s != '\0' && *s != ' ' && *s != '\n' && *s != '\t') {
			s++;
		}
		n = (size_t)(s - word);
		w = cells_n(word, n);
		if (col > 0 && col + 1 + w > WRAP_CELLS) {
			pl_buf_addc(b, '\n');
			col = 0;
		}
		if (col == 0) {
			pad(b, TEXT_INDENT);
			col = TEXT_INDENT;
		} else {
			pl_buf_addc(b, ' ');
			col++;
		}
		pl_buf_add(b, word, n);
		col += w;
	}
	pl_buf_addc(b, '\n');
}

/* Appends an example indented as code; blank lines stay blank. */
static void
code(struct pl_buf *b, const char *s)
{
	const char *nl;
	size_t n;

	while (*s != '\0') {
		nl = strchr(s, '\n');
		n = nl != NULL ? (size_t)(nl - s) : strlen(s);
		if (n > 0) {
			pad(b, CODE_INDENT);
			pl_buf_add(b, s, n);
		}
		pl_buf_addc(b, '\n');
		s += n + (nl != NULL);
	}
}

/* Peers grouped by tool, in the order the rule names them: "hadolint  DL3002". */
static void
peers_by_tool(struct pl_buf *b, const struct pl_rule *r)
{
	const char *tools[MAX_PEER_TOOLS];
	size_t tlen[MAX_PEER_TOOLS], ntools = 0, i, width = 0, len;
	const char *const *p;
	const char *colon;
	bool first;

	for (p = r->peers; *p != NULL; p++) {
		colon = strchr(*p, ':');
		len = colon != NULL ? (size_t)(colon - *p) : strlen(*p);
		for (i = 0; i < ntools; i++) {
			if (tlen[i] == len && strncmp(tools[i], *p, len) == 0) {
				break;
			}
		}
		if (i == ntools && ntools < MAX_PEER_TOOLS) {
			tools[ntools] = *p;
			tlen[ntools++] = len;
			width = len > width ? len : width;
		}
	}
	for (i = 0; i < ntools; i++) {
		pad(b, TEXT_INDENT);
		pl_buf_add(b, tools[i], tlen[i]);
		first = true;
		for (p = r->peers; *p != NULL; p++) {
			colon = strchr(*p, ':');
			len = colon != NULL ? (size_t)(colon - *p) : strlen(*p);
			if (len != tlen[i] || strncmp(tools[i], *p, len) != 0 || colon == NULL) {
				continue;
			}
			if (first) {
				pad(b, width - tlen[i] + 2);
			}
			pl_buf_printf(b, "%s%s", first ? "" : ", ", colon + 1);
			first = false;
		}
		pl_buf_addc(b, '\n');
	}
}

int
pl_explain_write(FILE *out, const struct pl_rule *r, bool color)
{
	struct pl_buf b;
	const char *const *p;

	pl_buf_init(&b);
	sgr(&b, color, PL_OUT_BOLD);
	pl_buf_printf(&b, "%s %s", r->id, or_empty(r->name));
	sgr(&b, color, PL_OUT_RESET);
	pl_buf_printf(&b, " \xE2\x80\x94 %s\n", or_empty(r->title)); /* U+2014 EM DASH */
	pl_buf_adds(&b, "severity: ");
	sgr(&b, color, pl_out_sev_color(r->severity));
	pl_buf_adds(&b, pl_severity_name(r->severity));
	sgr(&b, color, PL_OUT_RESET);
	pl_buf_printf(&b, "   category: %s   reads: ", category_of(r));
	add_inputs(&b, r);
	pl_buf_addc(&b, '\n');

	heading(&b, color, "Why");
	wrapped(&b, or_empty(r->why));
	heading(&b, color, "Fix");
	wrapped(&b, or_empty(r->fix));
	if (r->example_config != NULL) {
		heading(&b, color, "Configuration (the rule acts only on this setting)");
		code(&b, r->example_config);
	}
	if (r->example_context != NULL) {
		heading(&b, color, "Build context of the examples (path: content)");
		code(&b, r->example_context);
	}
	if (r->bad != NULL) {
		heading(&b, color, "Bad example");
		code(&b, r->bad);
	}
	if (r->good != NULL) {
		heading(&b, color, "Good example");
		code(&b, r->good);
	}
	if (r->peers != NULL && r->peers[0] != NULL) {
		heading(&b, color, "Peers");
		peers_by_tool(&b, r);
	}
	if (r->refs != NULL && r->refs[0] != NULL) {
		heading(&b, color, "References");
		for (p = r->refs; *p != NULL; p++) {
			pad(&b, TEXT_INDENT);
			pl_buf_printf(&b, "%s\n", *p);
		}
	}
	return put(out, &b);
}

/* Whether ID can be a file name as it is: letters, digits, '-' and '_' only. */
static bool
safe_id(const char *id)
{
	const char *s;

	if (id == NULL || id[0] == '\0') {
		return false;
	}
	for (s = id; *s != '\0'; s++) {
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_')) {
			return false;
		}
	}
	return true;
}

/* Writes B to DIR/NAME, replacing the file. Returns 0 or -1. */
static int
write_file(const char *dir, const char *name, const struct pl_buf *b)
{
	struct pl_buf path;
	FILE *f;
	int rc = 0;

	pl_buf_init(&path);
	pl_buf_printf(&path, "%s/%s", dir, name);
	f = fopen(path.p, "w");
	pl_buf_finish(&path);
	if (f == NULL) {
		return -1;
	}
	if (b->n > 0 && fwrite(b->p, 1, b->n, f) != b->n) {
		rc = -1;
	}
	if (fclose(f) != 0) {
		rc = -1;
	}
	return rc;
}

static const char generated_note[] =
	"This page is generated from the rule metadata by `plimsoll rules --docs`; change the "
	"rule's definition, not this page.\n";

static int
rule_page(const char *dir, const struct pl_rule *r)
{
	struct pl_buf b, name;
	int rc;

	pl_buf_init(&b);
	pl_buf_printf(&b, "# %s: %s\n\n", r->id, or_empty(r->title));
	pl_buf_printf(&b, "- **Name:** `%s`\n", or_empty(r->name));
	pl_buf_printf(&b, "- **Severity:** %s\n", pl_severity_name(r->severity));
	pl_buf_printf(&b, "- **Category:** %s\n", category_of(r));
	pl_buf_adds(&b, "- **Reads:** ");
	add_inputs(&b, r);
	pl_buf_adds(&b, "\n\n");
	pl_out_md_rule_body(&b, r, 2);
	pl_buf_printf(&b, "\n---\n\n%s\nAll rules: [the index](README.md).\n", generated_note);
	pl_buf_init(&name);
	pl_buf_printf(&name, "%s.md", r->id);
	rc = write_file(dir, name.p, &b);
	pl_buf_finish(&name);
	pl_buf_finish(&b);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool
known_category(const char *c)
{
	size_t i;

	for (i = 0; i < COUNT(category_order); i++) {
		if (strcmp(category_order[i], c) == 0) {
			return true;
		}
	}
	return false;
}

/* One index section: the rules of category CAT in id order. Nothing when none has it. */
static void
index_section(struct pl_buf *b, const char *cat)
{
	bool any = false;
	size_t i;

	for (i = 0; i < pl_nrules; i++) {
		const struct pl_rule *r = pl_rules[i];

		if (strcmp(category_of(r), cat) != 0) {
			continue;
		}
		if (!any) {
			pl_buf_printf(b, "## %s\n\n| ID | Name | Severity | Title |\n"
					 "|---|---|---|---|\n", cat);
			any = true;
		}
		pl_buf_printf(b, "| [%s](%s.md) | `", r->id, r->id);
		md_cell(b, or_empty(r->name));
		pl_buf_printf(b, "` | %s | ", pl_severity_name(r->severity));
		md_cell(b, or_empty(r->title));
		pl_buf_adds(b, " |\n");
	}
	if (any) {
		pl_buf_addc(b, '\n');
	}
}

static int
index_page(const char *dir)
{
	const char **others = pl_xcalloc(pl_nrules + 1, sizeof(*others));
	size_t i, k, nothers = 0;
	struct pl_buf b;
	int rc;

	for (i = 0; i < pl_nrules; i++) {
		const char *c = category_of(pl_rules[i]);

		if (known_category(c)) {
			continue;
		}
		for (k = 0; k < nothers && strcmp(others[k], c) != 0; k++) {
		}
		if (k == nothers) {
			others[nothers++] = c;
		}
	}
	if (nothers > 1) {
		qsort(others, nothers, sizeof(*others), cmp_str);
	}
	pl_buf_init(&b);
	pl_buf_printf(&b, "# plimsoll rules\n\n"
			  "%zu %s, by category. Each page says why the rule matters and how to "
			  "fix what it reports, with an example that is reported and the same "
			  "example fixed, and the equivalent checks of other tools.\n\n",
		      pl_nrules, pl_nrules == 1 ? "rule" : "rules");
	for (i = 0; i < COUNT(category_order); i++) {
		index_section(&b, category_order[i]);
	}
	for (i = 0; i < nothers; i++) {
		index_section(&b, others[i]);
	}
	pl_buf_printf(&b, "---\n\n%s", generated_note);
	rc = write_file(dir, "README.md", &b);
	pl_buf_finish(&b);
	free(others);
	return rc;
}

int
pl_docs_write(const char *dir)
{
	size_t i;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		return -1;
	}
	for (i = 0; i < pl_nrules; i++) {
		if (!safe_id(pl_rules[i]->id) || rule_page(dir, pl_rules[i]) != 0) {
			return -1;
		}
	}
	return index_page(dir);
}
