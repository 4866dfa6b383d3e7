/*
 * test_out.c -- unit tests of the output formats and the catalog printers.
 *
 * Reports are built by hand from rules defined here, so the expected bytes do not depend
 * on the real catalog; the catalog tests only check properties that hold for any catalog
 * (every rule listed, every field present, deterministic bytes). Output goes to memory
 * through open_memstream and is compared exactly where the layout is the contract (text
 * carets) and parsed back with jansson where the structure is (JSON, SARIF).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/str.h"
#include "engine/output.h"
#include "out/catalog.h"
#include "out/common.h"

static const struct pl_rule rule_root = {
	.id = "TS0001",
	.name = "test-root",
	.title = "The final image runs as root",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "Root in the container is root on the host kernel.",
	.fix = "Add a USER line. Then rebuild, e.g. with docker build.",
	.bad = "FROM alpine\n",
	.good = "FROM alpine\nUSER 1000\n",
	.peers = (const char *const[]){ "hadolint:DL3002", "trivy:DS-0002", NULL },
	.inputs = PL_IN_DOCKERFILE,
};

static const struct pl_rule rule_curl = {
	.id = "TS0002",
	.name = "test-curl-insecure",
	.title = "curl skips TLS verification",
	.severity = PL_SEV_CRITICAL,
	.category = "supply-chain",
	.why = "Without verification anyone on the path can swap the download.",
	.fix = "Drop -k.",
	.inputs = PL_IN_DOCKERFILE,
};

static const struct pl_rule rule_info = {
	.id = "TS0003",
	.name = "test-info",
	.title = "Something worth knowing",
	.severity = PL_SEV_INFO,
	.category = "hygiene",
	.why = "Because.",
	.fix = "Consider it.",
	.inputs = PL_IN_DOCKERFILE,
};

static const struct pl_out_opts plain = {
	.fail_on = PL_SEV_HIGH,
	.version = "9.8.7",
	.base_dir = "/repo",
};

/* In-memory output: open_memstream's buffer and size. */
struct mem {
	FILE *f;
	char *p;
	size_t n;
};

static void
mem_open(struct mem *m)
{
	m->p = NULL;
	m->n = 0;
	m->f = open_memstream(&m->p, &m->n);
	assert_non_null(m->f);
}

static char *
mem_close(struct mem *m)
{
	assert_int_equal(fclose(m->f), 0);
	return m->p;
}

static struct pl_finding *
add(struct pl_report *r, const struct pl_rule *rule, const char *file, uint32_t line,
    uint32_t col, uint32_t end_line, uint32_t end_col, const char *message, const char *src)
{
	struct pl_finding *f = pl_report_add(r);

	f->rule = rule;
	f->severity = rule->severity;
	f->file = file;
	f->line = line;
	f->col = col;
	f->end_line = end_line;
	f->end_col = end_col;
	f->message = message;
	f->src_line = src;
	f->evidence = src;
	f->line_hash = pl_hash64(src, strlen(src), 0);
	return f;
}

static char *
render(const struct pl_format *fmt, const struct pl_report *r, const struct pl_out_opts *o)
{
	struct mem m;

	mem_open(&m);
	assert_int_equal(fmt->write(m.f, r, o), 0);
	return mem_close(&m);
}

/* The line of TEXT that starts with PREFIX, up to its newline, in a static buffer. */
static const char *
line_after(const char *text, const char *prefix)
{
	static char line[512];
	const char *p = strstr(text, prefix), *nl;

	assert_non_null(p);
	nl = strchr(p, '\n');
	assert_non_null(nl);
	assert_true((size_t)(nl - p) < sizeof(line));
	memcpy(line, p, (size_t)(nl - p));
	line[nl - p] = '\0';
	return line;
}

static void
test_text_layout(void **state)
{
	struct pl_report r;
	char *out;

	(void)state;
	pl_report_init(&r);
	r.files_scanned = 1;
	add(&r, &rule_root, "Dockerfile", 3, 1, 3, 10, "the final image runs as root (USER root)",
	    "USER root");
	pl_report_sort(&r);
	out = render(&pl_format_text, &r, &plain);
	assert_string_equal(out,
			    "Dockerfile:3:1: high: TS0001 the final image runs as root (USER root) "
			    "[test-root]\n"
			    "  3 | USER root\n"
			    "    | ^^^^^^^^^\n"
			    "  fix: Add a USER line.\n"
			    "\n"
			    "1 finding (1 high) in 1 file\n"
			    "failed: 1 finding at or above high (--fail-on high)\n");
	free(out);
	pl_report_finish(&r);
}

static void
test_text_caret_tab_and_utf8(void **state)
{
	struct pl_report r;
	char *out;

	(void)state;
	pl_report_init(&r);
	/* Columns: tab 1, "RUN echo h" 2-11, U+00E9 12, "llo && " 13-19, "curl" 20-23. */
	add(&r, &rule_curl, "Dockerfile", 12, 20, 12, 24, "curl -k",
	    "\tRUN echo h\xC3\xA9llo && curl -k x");
	out = render(&pl_format_text, &r, &(struct pl_out_opts){ .quiet = true });
	/* The tab becomes 4 cells on both lines; U+00E9 is one cell. */
	assert_string_equal(line_after(out, "  12 |"),
			    "  12 |     RUN echo h\xC3\xA9llo && curl -k x");
	assert_string_equal(line_after(out, "     |"), "     |                       ^^^^");
	free(out);
	pl_report_finish(&r);
}

static void
test_text_caret_wide_and_midline_tab(void **state)
{
	struct pl_report r;
	char *out;

	(void)state;
	pl_report_init(&r);
	/* U+65E5 U+672C are columns 10 and 11 but take two cells each. */
	add(&r, &rule_root, "a", 1, 16, 1, 20, "m", "RUN echo \xE6\x97\xA5\xE6\x9C\xAC && sudo x");
	/* A tab after two cells only reaches the next stop, two cells on. */
	add(&r, &rule_root, "b", 1, 4, 1, 5, "m", "ab\tcd");
	out = render(&pl_format_text, &r, &(struct pl_out_opts){ .quiet = true });
	assert_non_null(strstr(out, "  1 | RUN echo \xE6\x97\xA5\xE6\x9C\xAC && sudo x\n"
				    "    |                  ^^^^\n"));
	assert_non_null(strstr(out, "  1 | ab  cd\n"
				    "    |     ^\n"));
	free(out);
	pl_report_finish(&r);
}

static void
test_text_multiline_and_empty_span(void **state)
{
	struct pl_report r;
	char *out;

	(void)state;
	pl_report_init(&r);
	/* Spanning lines: underline to the end of the first line. */
	add(&r, &rule_root, "a", 2, 5, 4, 3, "m", "RUN apt-get update && \\");
	/* An empty range still gets one caret. */
	add(&r, &rule_root, "b", 7, 3, 7, 3, "m", "ABC");
	/* A column just past the end of the line points after the last character. */
	add(&r, &rule_root, "c", 9, 4, 9, 5, "m", "ABC");
	out = render(&pl_format_text, &r, &(struct pl_out_opts){ .quiet = true });
	assert_non_null(strstr(out, "  2 | RUN apt-get update && \\\n"
				    "    |     ^^^^^^^^^^^^^^^^^^^\n"));
	assert_non_null(strstr(out, "  7 | ABC\n    |   ^\n"));
	assert_non_null(strstr(out, "  9 | ABC\n    |    ^\n"));
	free(out);
	pl_report_finish(&r);
}

static void
test_text_unsafe_characters(void **state)
{
	struct pl_report r;
	char *out;

	(void)state;
	pl_report_init(&r);
	/* An escape sequence, a right-to-left override and an invalid byte before the column:
	 * each is shown as one U+FFFD and takes one cell. */
	add(&r, &rule_root, "evil\033[2Jname", 1, 5, 1, 6, "user \033]0;x\007 set",
	    "\033\xE2\x80\xAE\xFFX Y");
	out = render(&pl_format_text, &r, &(struct pl_out_opts){ .quiet = true });
	assert_null(strchr(out, '\033'));
	assert_null(strchr(out, '\007'));
	assert_null(strstr(out, "\xE2\x80\xAE"));
	assert_non_null(strstr(out, "evil\xEF\xBF\xBD[2Jname:1:5:"));
	assert_non_null(strstr(out, "  1 | \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDX Y\n"
				    "    |     ^\n"));
	free(out);
	pl_report_finish(&r);
}

static void
test_text_long_line_window(void **state)
{
	struct pl_report r;
	char line[1200], *out;
	const char *src, *caret;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(line) - 1; i++) {
		line[i] = (char)('a' + i % 26);
	}
	line[sizeof(line) - 1] = '\0';
	pl_report_init(&r);
	add(&r, &rule_root, "a", 1, 601, 1, 604, "m", line);
	out = render(&pl_format_text, &r, &(struct pl_out_opts){ .quiet = true });
	src = line_after(out, "  1 |");
	assert_true(strlen(src) < 200);
	assert_non_null(strstr(src, "| ... "));
	assert_true(pl_ends_with(src, " ..."));
	/* The caret sits under column 601, whatever was cut on the left. */
	caret = strstr(out, "    | ");
	assert_non_null(caret);
	assert_int_equal(src[strchr(caret, '^') - caret], line[600]);
	assert_int_equal(strspn(strchr(caret, '^'), "^"), 3);
	free(out);
	pl_report_finish(&r);
}

static void
test_text_colour(void **state)
{
	struct pl_report r;
	struct pl_out_opts o = plain;
	char *out;

	(void)state;
	pl_report_init(&r);
	add(&r, &rule_root, "Dockerfile", 1, 1, 1, 5, "m", "USER root");
	out = render(&pl_format_text, &r, &o);
	assert_null(strchr(out, '\033'));
	free(out);
	o.color = true;
	out = render(&pl_format_text, &r, &o);
	assert_non_null(strstr(out, "\033[1mDockerfile:1:1:\033[0m"));
	assert_non_null(strstr(out, "\033[1;31mhigh:\033[0m"));
	assert_non_null(strstr(out, "\033[1;31m^^^^\033[0m"));
	free(out);
	pl_report_finish(&r);
}

static void
test_text_summary(void **state)
{
	struct pl_report r;
	struct pl_out_opts o = plain;
	char *out;

	(void)state;
	pl_report_init(&r);
	r.files_scanned = 2;
	out = render(&pl_format_text, &r, &o);
	assert_string_equal(out, "no findings in 2 files\n"
				 "passed: no findings at or above high (--fail-on high)\n");
	free(out);

	add(&r, &rule_root, "a", 1, 1, 1, 2, "m", "x");
	add(&r, &rule_curl, "b", 1, 1, 1, 2, "m", "y");
	add(&r, &rule_info, "b", 2, 1, 2, 2, "m", "z")->fix = "a hint of its own";
	pl_report_error(&r, "c", 0, 0, "cannot read");
	pl_report_sort(&r);
	out = render(&pl_format_text, &r, &o);
	assert_string_equal(line_after(out, "3 findings"),
			    "3 findings (1 critical, 1 high, 1 info) in 2 files, 1 input error");
	assert_string_equal(line_after(out, "failed:"),
			    "failed: 2 findings at or above high (--fail-on high)");
	/* File errors are the CLI's to print. */
	assert_null(strstr(out, "cannot read"));
	assert_non_null(strstr(out, "  fix: a hint of its own\n"));
	free(out);

	o.fail_on = PL_SEV_NEVER;
	out = render(&pl_format_text, &r, &o);
	assert_non_null(strstr(out, "passed: findings never fail the run (--fail-on never)\n"));
	free(out);

	o.quiet = true;
	out = render(&pl_format_text, &r, &o);
	assert_null(strstr(out, "3 findings"));
	assert_null(strstr(out, "passed"));
	assert_int_equal(out[strlen(out) - 2] != '\n', 1);
	free(out);
	pl_report_finish(&r);
}

static json_t *
parse(const char *text)
{
	json_error_t err;
	json_t *j = json_loads(text, 0, &err);

	if (j == NULL) {
		fail_msg("invalid JSON at %d:%d: %s", err.line, err.column, err.text);
	}
	return j;
}

/* The value at PATH below J, keys and array indexes separated by '/' ("runs/0/tool"), or
 * NULL when there is none. */
static json_t *
at(json_t *j, const char *path)
{
	char key[128];
	const char *p = path;
	size_t n;

	while (j != NULL && *p != '\0') {
		n = strcspn(p, "/");
		assert_true(n < sizeof(key));
		memcpy(key, p, n);
		key[n] = '\0';
		if (json_is_array(j)) {
			j = json_array_get(j, strtoul(key, NULL, 10));
		} else {
			j = json_object_get(j, key);
		}
		p += n + (p[n] == '/');
	}
	return j;
}

/* The string at PATH below J; fails the test when it is not a string. */
static const char *
str_at(json_t *j, const char *path)
{
	const char *s = json_string_value(at(j, path));

	if (s == NULL) {
		fail_msg("no string at %s", path);
	}
	return s;
}

static long long
int_at(json_t *j, const char *path)
{
	json_t *v = at(j, path);

	if (!json_is_integer(v)) {
		fail_msg("no integer at %s", path);
	}
	return json_integer_value(v);
}

static void
build_mixed(struct pl_report *r)
{
	static const struct pl_edit edit = { 10, 14, "USER app" };
	struct pl_finding *f;

	pl_report_init(r);
	r->files_scanned = 3;
	f = add(r, &rule_root, "Dockerfile", 3, 1, 3, 10, "runs as root", "USER root");
	f->edit = &edit;
	add(r, &rule_curl, "/elsewhere/x/../api dir/Dockerfile", 2, 5, 2, 9,
	    "curl -k \xFF", "RUN curl -k x");
	add(r, &rule_curl, "sub/caf\xC3\xA9 #1/Dockerfile", 4, 2, 5, 1, "m", "RUN curl -k x");
	add(r, &rule_curl, "sub/caf\xC3\xA9 #1/Dockerfile", 9, 2, 9, 6, "m", "RUN curl -k x");
	pl_report_error(r, "broken/Dockerfile", 7, 3, "unterminated heredoc");
	pl_report_error(r, "gone", 0, 0, "No such file or directory");
	pl_report_sort(r);
}

static void
test_json_fields(void **state)
{
	struct pl_report r;
	json_t *root, *f;
	char *out;

	(void)state;
	build_mixed(&r);
	out = render(&pl_format_json, &r, &plain);
	assert_int_equal(out[strlen(out) - 1], '\n');
	root = parse(out);
	assert_int_equal(int_at(root, "schema_version"), 1);
	assert_string_equal(str_at(root, "tool/name"), "plimsoll");
	assert_string_equal(str_at(root, "tool/version"), "9.8.7");
	assert_int_equal(int_at(root, "summary/files_scanned"), 3);
	assert_int_equal(int_at(root, "summary/findings"), 4);
	assert_int_equal(int_at(root, "summary/by_severity/critical"), 3);
	assert_int_equal(int_at(root, "summary/by_severity/high"), 1);
	assert_int_equal(int_at(root, "summary/by_severity/info"), 0);
	assert_int_equal(int_at(root, "summary/errors"), 2);
	assert_int_equal(int_at(root, "summary/dropped"), 0);
	assert_string_equal(str_at(root, "summary/max_severity"), "critical");
	assert_string_equal(str_at(root, "summary/fail_on"), "high");
	assert_true(json_is_true(at(root, "summary/failed")));

	/* Sorted by file: "/elsewhere..." < "Dockerfile" < "sub/...". */
	assert_int_equal(json_array_size(at(root, "findings")), 4);
	f = at(root, "findings/1");
	assert_string_equal(str_at(f, "rule_id"), "TS0001");
	assert_string_equal(str_at(f, "rule_name"), "test-root");
	assert_string_equal(str_at(f, "title"), "The final image runs as root");
	assert_string_equal(str_at(f, "severity"), "high");
	assert_string_equal(str_at(f, "category"), "privilege");
	assert_string_equal(str_at(f, "file"), "Dockerfile");
	assert_int_equal(int_at(f, "start/line"), 3);
	assert_int_equal(int_at(f, "start/column"), 1);
	assert_int_equal(int_at(f, "end/line"), 3);
	assert_int_equal(int_at(f, "end/column"), 10);
	assert_string_equal(str_at(f, "message"), "runs as root");
	assert_string_equal(str_at(f, "evidence"), "USER root");
	assert_string_equal(str_at(f, "fix"), rule_root.fix);
	assert_int_equal(strlen(str_at(f, "fingerprint")), 18);
	assert_int_equal(str_at(f, "fingerprint")[16], ':');
	assert_int_equal(int_at(f, "edit/start_offset"), 10);
	assert_int_equal(int_at(f, "edit/end_offset"), 14);
	assert_string_equal(str_at(f, "edit/replacement"), "USER app");
	assert_string_equal(str_at(f, "peers/1"), "trivy:DS-0002");

	/* The invalid byte in a message becomes U+FFFD; no edit is null. */
	f = at(root, "findings/0");
	assert_string_equal(str_at(f, "message"), "curl -k \xEF\xBF\xBD");
	assert_true(json_is_null(at(f, "edit")));
	assert_int_equal(json_array_size(at(f, "peers")), 0);
	/* Equal line hashes in one file count occurrences. */
	assert_true(pl_ends_with(str_at(root, "findings/2/fingerprint"), ":1"));
	assert_true(pl_ends_with(str_at(root, "findings/3/fingerprint"), ":2"));

	assert_string_equal(str_at(root, "errors/0/file"), "broken/Dockerfile");
	assert_int_equal(int_at(root, "errors/0/line"), 7);
	assert_int_equal(int_at(root, "errors/0/column"), 3);
	assert_string_equal(str_at(root, "errors/0/message"), "unterminated heredoc");
	assert_true(json_is_null(at(root, "errors/1/line")));
	assert_true(json_is_null(at(root, "errors/1/column")));
	json_decref(root);
	free(out);
	pl_report_finish(&r);
}

static void
test_json_empty(void **state)
{
	struct pl_report r;
	json_t *root;
	char *out;

	(void)state;
	pl_report_init(&r);
	out = render(&pl_format_json, &r, &(struct pl_out_opts){ .fail_on = PL_SEV_NEVER });
	root = parse(out);
	assert_true(json_is_null(at(root, "summary/max_severity")));
	assert_string_equal(str_at(root, "summary/fail_on"), "never");
	assert_true(json_is_false(at(root, "summary/failed")));
	assert_true(json_is_null(at(root, "tool/version")));
	assert_int_equal(json_array_size(at(root, "findings")), 0);
	assert_int_equal(json_array_size(at(root, "errors")), 0);
	json_decref(root);
	free(out);
	pl_report_finish(&r);
}

/* The result of SARIF run RUN whose artifact URI is URI. */
static json_t *
result_with(json_t *run, const char *uri)
{
	json_t *res;
	size_t i;

	json_array_foreach (at(run, "results"), i, res) {
		if (strcmp(str_at(res, "locations/0/physicalLocation/artifactLocation/uri"), uri) ==
		    0) {
			return res;
		}
	}
	fail_msg("no result for %s", uri);
	return NULL;
}

static json_t *
uri_base(json_t *res)
{
	return at(res, "locations/0/physicalLocation/artifactLocation/uriBaseId");
}

static void
test_sarif_structure(void **state)
{
	struct pl_report r;
	json_t *root, *run, *rules, *res, *rule, *tags;
	char *out;
	size_t i, n, k, ntags;

	(void)state;
	build_mixed(&r);
	out = render(&pl_format_sarif, &r, &plain);
	root = parse(out);
	assert_string_equal(str_at(root, "$schema"),
			    "https://json.schemastore.org/sarif-2.1.0.json");
	assert_string_equal(str_at(root, "version"), "2.1.0");
	assert_int_equal(json_array_size(at(root, "runs")), 1);
	run = at(root, "runs/0");
	assert_string_equal(str_at(run, "columnKind"), "unicodeCodePoints");
	assert_string_equal(str_at(run, "originalUriBaseIds/%SRCROOT%/uri"), "file:///repo/");
	assert_string_equal(str_at(run, "tool/driver/name"), "plimsoll");
	assert_string_equal(str_at(run, "tool/driver/version"), "9.8.7");
	assert_string_equal(str_at(run, "tool/driver/semanticVersion"), "9.8.7");

	/* Every catalog rule, then the two rules of this report that the catalog lacks. */
	rules = at(run, "tool/driver/rules");
	n = json_array_size(rules);
	assert_int_equal(n, pl_nrules + 2);
	json_array_foreach (rules, i, rule) {
		const char *want = i < pl_nrules ? pl_rules[i]->id : "TS0002";

		if (i == pl_nrules) {
			want = "TS0001";
		}
		assert_string_equal(str_at(rule, "id"), want);
		assert_non_null(str_at(rule, "name"));
		assert_non_null(str_at(rule, "shortDescription/text"));
		assert_non_null(str_at(rule, "fullDescription/text"));
		assert_non_null(str_at(rule, "help/text"));
		assert_non_null(str_at(rule, "help/markdown"));
		assert_non_null(str_at(rule, "defaultConfiguration/level"));
		assert_string_equal(str_at(rule, "properties/precision"), "high");
		assert_true(json_is_array(at(rule, "properties/peers")));
		/* The category first when the rule has one, then "security". */
		tags = at(rule, "properties/tags");
		ntags = json_array_size(tags);
		assert_true(ntags >= 1);
		assert_string_equal(json_string_value(json_array_get(tags, ntags - 1)), "security");
	}
	rule = at(rules, "0");
	assert_string_equal(str_at(rule, "properties/security-severity"),
			    pl_severity_score(pl_rules[0]->severity));
	rule = json_array_get(rules, pl_nrules);
	assert_string_equal(str_at(rule, "properties/security-severity"), "8.0");
	assert_string_equal(str_at(rule, "properties/tags/0"), "privilege");
	assert_string_equal(str_at(rule, "defaultConfiguration/level"), "error");
	assert_non_null(strstr(str_at(rule, "help/markdown"), "```dockerfile\nFROM alpine\n```"));

	json_array_foreach (at(run, "results"), i, res) {
		k = (size_t)int_at(res, "ruleIndex");
		assert_true(k < n);
		assert_string_equal(str_at(json_array_get(rules, k), "id"), str_at(res, "ruleId"));
		assert_non_null(str_at(res, "partialFingerprints/primaryLocationLineHash"));
	}

	res = result_with(run, "Dockerfile");
	assert_string_equal(json_string_value(uri_base(res)), "%SRCROOT%");
	assert_string_equal(str_at(res, "level"), "error");
	assert_string_equal(str_at(res, "message/text"), "runs as root");
	assert_string_equal(str_at(res, "properties/severity"), "high");
	assert_int_equal(int_at(res, "locations/0/physicalLocation/region/startLine"), 3);
	assert_int_equal(int_at(res, "locations/0/physicalLocation/region/startColumn"), 1);
	assert_int_equal(int_at(res, "locations/0/physicalLocation/region/endLine"), 3);
	assert_int_equal(int_at(res, "locations/0/physicalLocation/region/endColumn"), 10);
	assert_string_equal(str_at(res, "locations/0/physicalLocation/region/snippet/text"),
			    "USER root");
	assert_int_equal(int_at(res, "fixes/0/artifactChanges/0/replacements/0/deletedRegion/"
				     "byteLength"),
			 4);

	/* Outside the base: an absolute, normalised, percent-encoded file URI. */
	res = result_with(run, "file:///elsewhere/api%20dir/Dockerfile");
	assert_null(uri_base(res));
	assert_null(at(res, "fixes"));
	/* Inside: relative, with every byte outside the unreserved set encoded. */
	res = result_with(run, "sub/caf%C3%A9%20%231/Dockerfile");
	assert_string_equal(json_string_value(uri_base(res)), "%SRCROOT%");

	assert_true(json_is_false(at(run, "invocations/0/executionSuccessful")));
	assert_int_equal(json_array_size(at(run, "invocations/0/toolExecutionNotifications")), 2);
	res = at(run, "invocations/0/toolExecutionNotifications/0");
	assert_string_equal(str_at(res, "level"), "error");
	assert_string_equal(str_at(res, "message/text"), "unterminated heredoc");
	assert_string_equal(str_at(res, "locations/0/physicalLocation/artifactLocation/uri"),
			    "broken/Dockerfile");
	assert_int_equal(int_at(res, "locations/0/physicalLocation/region/startLine"), 7);
	res = at(run, "invocations/0/toolExecutionNotifications/1");
	assert_null(at(res, "locations/0/physicalLocation/region"));
	json_decref(root);
	free(out);
	pl_report_finish(&r);
}

static void
test_sarif_paths(void **state)
{
	struct pl_report r;
	json_t *root, *run;
	char *out;

	(void)state;
	pl_report_init(&r);
	add(&r, &rule_root, "/repo/./a//b/../Dockerfile", 1, 1, 1, 2, "m", "x");
	add(&r, &rule_root, "../repo2/Dockerfile", 1, 1, 1, 2, "m", "y");
	add(&r, &rule_root, "./c:d/Dockerfile", 1, 1, 1, 2, "m", "z");
	pl_report_sort(&r);
	out = render(&pl_format_sarif, &r, &(struct pl_out_opts){ .base_dir = "/repo/" });
	root = parse(out);
	run = at(root, "runs/0");
	assert_string_equal(json_string_value(uri_base(result_with(run, "a/Dockerfile"))),
			    "%SRCROOT%");
	/* "/repo2" is not below "/repo". */
	assert_null(uri_base(result_with(run, "file:///repo2/Dockerfile")));
	/* ':' is encoded so that "c:" cannot read as a scheme. */
	assert_string_equal(json_string_value(uri_base(result_with(run, "c%3Ad/Dockerfile"))),
			    "%SRCROOT%");
	assert_true(json_is_true(at(run, "invocations/0/executionSuccessful")));
	assert_int_equal(json_array_size(at(run, "invocations/0/toolExecutionNotifications")), 0);
	assert_null(at(run, "tool/driver/version"));
	json_decref(root);
	free(out);

	/* Without an absolute base there is no %SRCROOT% to declare; paths stay relative. */
	out = render(&pl_format_sarif, &r, &(struct pl_out_opts){ .base_dir = NULL });
	root = parse(out);
	run = at(root, "runs/0");
	assert_null(at(run, "originalUriBaseIds"));
	assert_string_equal(json_string_value(uri_base(result_with(run, "c%3Ad/Dockerfile"))),
			    "%SRCROOT%");
	assert_null(uri_base(result_with(run, "file:///repo/a/Dockerfile")));
	json_decref(root);
	free(out);
	pl_report_finish(&r);
}

static void
test_deterministic(void **state)
{
	struct pl_report r;
	char *a, *b;
	size_t i;

	(void)state;
	build_mixed(&r);
	for (i = 0; pl_formats[i] != NULL; i++) {
		a = render(pl_formats[i], &r, &plain);
		b = render(pl_formats[i], &r, &plain);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	pl_report_finish(&r);
}

static void
test_format_find_and_write_error(void **state)
{
	struct pl_report r;
	FILE *full;
	size_t i;

	(void)state;
	assert_ptr_equal(pl_format_find("text"), &pl_format_text);
	assert_ptr_equal(pl_format_find("json"), &pl_format_json);
	assert_ptr_equal(pl_format_find("sarif"), &pl_format_sarif);
	assert_null(pl_format_find("xml"));

	full = fopen("/dev/full", "w");
	if (full == NULL) {
		skip();
	}
	setvbuf(full, NULL, _IONBF, 0);
	build_mixed(&r);
	for (i = 0; pl_formats[i] != NULL; i++) {
		assert_int_equal(pl_formats[i]->write(full, &r, &plain), -1);
	}
	assert_int_equal(pl_catalog_write(full, "json", false), -1);
	assert_int_equal(pl_explain_write(full, pl_rules[0], false), -1);
	fclose(full);
	pl_report_finish(&r);
}

static char *
catalog(const char *format)
{
	struct mem m;

	mem_open(&m);
	assert_int_equal(pl_catalog_write(m.f, format, false), 0);
	return mem_close(&m);
}

static void
test_catalog_formats(void **state)
{
	struct mem m;
	json_t *all, *rule;
	char *text, *md, *js, *again;
	size_t i;
	static const char *const fields[] = { "id",   "name", "title", "severity",   "category",
					      "why",  "fix",  "bad",   "good",       "references",
					      "peers", "inputs" };

	(void)state;
	assert_true(pl_nrules > 0);
	text = catalog("text");
	md = catalog("markdown");
	js = catalog("json");
	assert_true(pl_starts_with(text, "ID "));
	for (i = 0; i < pl_nrules; i++) {
		assert_non_null(strstr(text, pl_rules[i]->id));
		assert_non_null(strstr(text, pl_rules[i]->title));
		assert_non_null(strstr(md, pl_rules[i]->id));
	}
	/* Header, delimiter and one row per rule. */
	for (i = 0; md[i] != '\0'; i++) {
		if (md[i] == '\n') {
			md[i] = '\0';
			assert_true(md[i - 1] == '|');
		}
	}
	all = parse(js);
	assert_int_equal(json_array_size(all), pl_nrules);
	json_array_foreach (all, i, rule) {
		size_t k;

		for (k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
			assert_non_null(json_object_get(rule, fields[k]));
		}
		assert_string_equal(str_at(rule, "id"), pl_rules[i]->id);
		assert_true(json_is_array(json_object_get(rule, "inputs")));
	}
	json_decref(all);
	again = catalog("json");
	assert_string_equal(js, again);
	free(again);

	mem_open(&m);
	assert_int_equal(pl_catalog_write(m.f, "yaml", false), -2);
	free(mem_close(&m));
	assert_null(strchr(text, '\033'));
	mem_open(&m);
	assert_int_equal(pl_catalog_write(m.f, "text", true), 0);
	again = mem_close(&m);
	assert_non_null(strstr(again, pl_out_sev_color(pl_rules[0]->severity)));
	free(again);
	free(text);
	free(md);
	free(js);
}

static void
test_catalog_text_alignment(void **state)
{
	char *text = catalog("text"), *line, *save = NULL;
	const char *title_col = NULL;
	size_t col = 0, i = 0;

	(void)state;
	/* The TITLE column starts at the same offset on every row. */
	for (line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		if (i++ == 0) {
			title_col = strstr(line, "TITLE");
			assert_non_null(title_col);
			col = (size_t)(title_col - line);
			continue;
		}
		assert_true(strlen(line) > col);
		assert_true(line[col - 1] == ' ' && line[col - 2] == ' ');
		assert_true(line[col] != ' ');
		assert_memory_equal(line + col, pl_rules[i - 2]->title,
				    strlen(pl_rules[i - 2]->title));
	}
	assert_int_equal(i, pl_nrules + 1);
	free(text);
}

static void
test_explain(void **state)
{
	struct mem m;
	const char *head;
	char *out;

	(void)state;
	mem_open(&m);
	assert_int_equal(pl_explain_write(m.f, &rule_root, false), 0);
	out = mem_close(&m);
	head = line_after(out, "TS0001");
	assert_string_equal(head, "TS0001 test-root \xE2\x80\x94 The final image runs as root");
	assert_string_equal(line_after(out, "severity:"),
			    "severity: high   category: privilege   reads: dockerfile");
	assert_non_null(strstr(out, "\nWhy\n  Root in the container"));
	assert_non_null(strstr(out, "\nFix\n  Add a USER line."));
	assert_non_null(strstr(out, "\nBad example\n    FROM alpine\n"));
	assert_non_null(strstr(out, "\nGood example\n    FROM alpine\n    USER 1000\n"));
	assert_non_null(strstr(out, "  hadolint  DL3002\n  trivy     DS-0002\n"));
	assert_null(strstr(out, "References"));
	assert_null(strchr(out, '\033'));
	free(out);

	mem_open(&m);
	assert_int_equal(pl_explain_write(m.f, &rule_root, true), 0);
	out = mem_close(&m);
	assert_non_null(strstr(out, "\033[1mWhy\033[0m"));
	free(out);
}

static void
test_explain_wraps(void **state)
{
	struct pl_rule r = rule_info;
	struct mem m;
	char *out, *line, *save = NULL;
	size_t lines = 0;

	(void)state;
	r.why = "A long paragraph that goes on and on, about images and layers and users, "
		"well past the width of a terminal, so that it has to be wrapped onto several "
		"lines, each of them indented under its heading.\n\nAnd a second paragraph.";
	mem_open(&m);
	assert_int_equal(pl_explain_write(m.f, &r, false), 0);
	out = mem_close(&m);
	assert_non_null(strstr(out, "heading.\n\n  And a second paragraph.\n"));
	for (line = strtok_r(out, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		assert_true(strlen(line) <= 78);
		lines++;
	}
	assert_true(lines > 6);
	free(out);
}

static void
test_markdown_body(void **state)
{
	struct pl_rule r = rule_root;
	struct pl_buf b;

	(void)state;
	/* A fence longer than any backtick run inside, so that the block cannot end early. */
	r.bad = "RUN echo ```x``` ````\n";
	r.good = "RUN true";
	r.refs = (const char *const[]){ "https://example.com/a", "CIS 4.1", NULL };
	pl_buf_init(&b);
	pl_out_md_rule_body(&b, &r, 3);
	assert_non_null(strstr(b.p, "### Bad example\n\n`````dockerfile\nRUN echo ```x``` ````\n"
				    "`````\n"));
	/* An example without a final newline still closes its fence on a line of its own. */
	assert_non_null(strstr(b.p, "```dockerfile\nRUN true\n```\n"));
	assert_non_null(strstr(b.p, "### Peers\n\nThe same check in other tools:\n\n"
				    "- `hadolint:DL3002`\n"));
	assert_non_null(strstr(b.p, "- <https://example.com/a>\n- CIS 4.1\n"));
	assert_true(pl_ends_with(b.p, "CIS 4.1\n"));
	pl_buf_finish(&b);
}

static void
test_utf8_decode(void **state)
{
	static const struct {
		const char *s;
		size_t len;
		uint32_t cp;
	} cases[] = {
		{ "A", 1, 'A' },
		{ "\xC3\xA9", 2, 0xE9 },
		{ "\xE2\x80\xAE", 3, 0x202E },
		{ "\xF0\x9F\x90\xB3", 4, 0x1F433 },
		{ "\xC0\x80", 0, 0 },         /* overlong NUL */
		{ "\xE0\x80\xAF", 0, 0 },     /* overlong '/' */
		{ "\xED\xA0\x80", 0, 0 },     /* a UTF-16 surrogate */
		{ "\xF4\x90\x80\x80", 0, 0 }, /* past U+10FFFF */
		{ "\xE2\x80", 0, 0 },         /* cut short */
		{ "\x80", 0, 0 },              /* a lone continuation byte */
	};
	uint32_t cp;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cp = 0;
		assert_int_equal(pl_out_utf8_decode(cases[i].s, strlen(cases[i].s), &cp),
				 cases[i].len);
		if (cases[i].len > 0) {
			assert_int_equal(cp, cases[i].cp);
		}
	}
	assert_int_equal(pl_out_cp_width(0x65E5), 2);
	assert_int_equal(pl_out_cp_width(0x0301), 0);
	assert_int_equal(pl_out_cp_width('a'), 1);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	struct mem m;
	char buf[4096];
	size_t n;

	assert_non_null(f);
	mem_open(&m);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		fwrite(buf, 1, n, m.f);
	}
	fclose(f);
	return mem_close(&m);
}

static void
remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.') {
			continue;
		}
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static void
test_docs(void **state)
{
	char tmpl[] = "/tmp/pl-docs-XXXXXX", dir[64], path[128], link[64];
	char *index, *page, *first_index, *first_page;
	const char *tmp = mkdtemp(tmpl);
	size_t i;

	(void)state;
	assert_non_null(tmp);
	/* A directory that does not exist yet is created. */
	snprintf(dir, sizeof(dir), "%s/rules", tmp);
	assert_int_equal(pl_docs_write(dir), 0);
	snprintf(path, sizeof(path), "%s/README.md", dir);
	index = slurp(path);
	assert_true(pl_starts_with(index, "# plimsoll rules\n"));
	assert_non_null(strstr(index, "`plimsoll rules --docs`"));
	for (i = 0; i < pl_nrules; i++) {
		const struct pl_rule *r = pl_rules[i];

		snprintf(link, sizeof(link), "[%s](%s.md)", r->id, r->id);
		assert_non_null(strstr(index, link));
		snprintf(path, sizeof(path), "%s/%s.md", dir, r->id);
		page = slurp(path);
		assert_true(pl_starts_with(page, "# "));
		assert_non_null(strstr(page, r->id));
		assert_non_null(strstr(page, "## Why\n\n"));
		assert_non_null(strstr(page, "## Fix\n\n"));
		if (r->bad != NULL) {
			/* Examples are fenced in the language of the rule's input. */
			assert_non_null(strstr(page, (r->inputs & PL_IN_INSPECT) != 0 ? "```json\n"
						     : (r->inputs & PL_IN_SCRIPT) != 0 ? "```sh\n"
						     : (r->inputs & (PL_IN_COMPOSE | PL_IN_K8S)) != 0
							     ? "```yaml\n"
							     : "```dockerfile\n"));
		}
		assert_non_null(strstr(page, "generated from the rule metadata by "
					     "`plimsoll rules --docs`"));
		free(page);
	}
	/* Writing again gives the same bytes. */
	snprintf(path, sizeof(path), "%s/%s.md", dir, pl_rules[0]->id);
	first_page = slurp(path);
	first_index = index;
	assert_int_equal(pl_docs_write(dir), 0);
	snprintf(path, sizeof(path), "%s/README.md", dir);
	index = slurp(path);
	assert_string_equal(index, first_index);
	snprintf(path, sizeof(path), "%s/%s.md", dir, pl_rules[0]->id);
	page = slurp(path);
	assert_string_equal(page, first_page);
	free(page);
	free(first_page);
	free(index);
	free(first_index);
	remove_tree(dir);
	rmdir(tmp);
	/* A directory that cannot be made fails. */
	assert_int_equal(pl_docs_write("/proc/plimsoll-no/such"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_layout),
		cmocka_unit_test(test_text_caret_tab_and_utf8),
		cmocka_unit_test(test_text_caret_wide_and_midline_tab),
		cmocka_unit_test(test_text_multiline_and_empty_span),
		cmocka_unit_test(test_text_unsafe_characters),
		cmocka_unit_test(test_text_long_line_window),
		cmocka_unit_test(test_text_colour),
		cmocka_unit_test(test_text_summary),
		cmocka_unit_test(test_json_fields),
		cmocka_unit_test(test_json_empty),
		cmocka_unit_test(test_sarif_structure),
		cmocka_unit_test(test_sarif_paths),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_format_find_and_write_error),
		cmocka_unit_test(test_catalog_formats),
		cmocka_unit_test(test_catalog_text_alignment),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_explain_wraps),
		cmocka_unit_test(test_markdown_body),
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_docs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
