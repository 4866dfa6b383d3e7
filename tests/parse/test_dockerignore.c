/*
 * test_dockerignore.c -- unit tests of .dockerignore reading and matching.
 *
 * Most tables are Docker's own behaviour: the cases of moby/patternmatcher's and Go's
 * filepath.Match test suites, the examples of the Dockerfile reference's .dockerignore
 * section, then the corners where Docker's translation to a regular expression does
 * something other than the glob it looks like.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/limits.h"
#include "parse/dockerignore.h"

struct di {
	struct pl_arena a;
	struct pl_dockerignore d;
	struct pl_di_error err;
	int rc;
};

static struct di *
parse_n(const char *text, size_t n)
{
	struct di *d = calloc(1, sizeof(*d));

	pl_arena_init(&d->a);
	d->rc = pl_dockerignore_parse(text, n, &d->a, &d->d, &d->err);
	return d;
}

static struct di *
parse(const char *text)
{
	return parse_n(text, strlen(text));
}

static void
done(struct di *d)
{
	pl_arena_finish(&d->a);
	free(d);
}

/* Is PATH excluded by the ignore file TEXT? Fails the test when TEXT does not parse. */
static bool
excluded(const char *text, const char *path)
{
	struct di *d = parse(text);
	struct pl_di_result r;
	bool ex;

	if (d->rc != 0) {
		fail_msg("%s: %s", text, d->err.message);
	}
	ex = pl_dockerignore_match(&d->d, path, &r);
	assert_true(r.error == NULL);
	done(d);
	return ex;
}

struct one {
	const char *pattern, *path;
	bool excluded;
};

static void
run_table(const struct one *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (excluded(t[i].pattern, t[i].path) != t[i].excluded) {
			fail_msg("pattern %s, path %s: expected %s", t[i].pattern, t[i].path,
				 t[i].excluded ? "excluded" : "sent");
		}
	}
}

/* moby/patternmatcher TestMatches, as BuildKit's walk evaluates them (a parent directory
 * that matches excludes what is below it). */
static void
test_patternmatcher_cases(void **state)
{
	static const struct one t[] = {
		{ "**", "file", true },
		{ "**/", "file", true },
		{ "**", "dir/file", true },
		{ "**/", "dir/file", true },
		{ "**/**", "dir/file", true },
		{ "dir/**", "dir/file", true },
		{ "dir/**", "dir/dir2/file", true },
		{ "**/dir", "dir", true },
		{ "**/dir", "dir/file", true },
		{ "**/dir2/*", "dir/dir2/file", true },
		{ "**/dir2/**", "dir/dir2/dir3/file", true },
		{ "**file", "file", true },
		{ "**file", "dir/file", true },
		{ "**/file", "dir/file", true },
		{ "**file", "dir/dir/file", true },
		{ "**/file", "dir/dir/file", true },
		{ "**/file*", "dir/dir/file", true },
		{ "**/file*", "dir/dir/file.txt", true },
		{ "**/file*txt", "dir/dir/file.txt", true },
		{ "**/file*.txt", "dir/dir/file.txt", true },
		{ "**/file*.txt*", "dir/dir/file.txt", true },
		{ "**/**/*.txt", "dir/dir/file.txt", true },
		{ "**/**/*.txt2", "dir/dir/file.txt", false },
		{ "**/*.txt", "file.txt", true },
		{ "**/**/*.txt", "file.txt", true },
		{ "a**/*.txt", "a/file.txt", true },
		{ "a**/*.txt", "a/dir/file.txt", true },
		{ "a**/*.txt", "a/dir/dir/file.txt", true },
		{ "a/*.txt", "a/dir/file.txt", false },
		{ "a/*.txt", "a/file.txt", true },
		{ "a/*.txt**", "a/file.txt", true },
		{ "a[b-d]e", "ae", false },
		{ "a[b-d]e", "ace", true },
		{ "a[b-d]e", "aae", false },
		{ "a[^b-d]e", "aze", true },
		{ ".*", ".foo", true },
		{ ".*", "foo", false },
		{ "abc.def", "abcdef", false },
		{ "abc.def", "abc.def", true },
		{ "abc.def", "abcZdef", false },
		{ "abc?def", "abcZdef", true },
		{ "abc?def", "abcdef", false },
		{ "**/foo/bar", "foo/bar", true },
		{ "**/foo/bar", "dir/foo/bar", true },
		{ "**/foo/bar", "dir/dir2/foo/bar", true },
		{ "abc/**", "abc", false },
		{ "abc/**", "abc/def", true },
		{ "abc/**", "abc/def/ghi", true },
		{ "**/.foo", ".foo", true },
		{ "**/.foo", "bar.foo", false },
		{ "a(b)c/def", "a(b)c/def", true },
		{ "a(b)c/def", "a(b)c/xyz", false },
		{ "a.|)$(}+{bc", "a.|)$(}+{bc", true },
		{ "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
		  "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true },
		{ "dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true },
		{ "a\\\\", "a\\", true },
		{ "a\\*b", "a*b", true },
	};

	(void)state;
	run_table(t, sizeof(t) / sizeof(t[0]));
}

/* Go's filepath.Match tests, as patternmatcher's TestMatch runs them. */
static void
test_filepath_match_cases(void **state)
{
	static const struct one t[] = {
		{ "abc", "abc", true },
		{ "*", "abc", true },
		{ "*c", "abc", true },
		{ "a*", "a", true },
		{ "a*", "abc", true },
		{ "a*", "ab/c", true }, /* through the parent directory "ab" */
		{ "a*/b", "abc/b", true },
		{ "a*/b", "a/c/b", false },
		{ "a*b*c*d*e*/f", "axbxcxdxe/f", true },
		{ "a*b*c*d*e*/f", "axbxcxdxexxx/f", true },
		{ "a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false },
		{ "a*b*c*d*e*/f", "axbxcxdxexxx/fff", false },
		{ "a*b?c*x", "abxbbxdbxebxczzx", true },
		{ "a*b?c*x", "abxbbxdbxebxczzy", false },
		{ "ab[c]", "abc", true },
		{ "ab[b-d]", "abc", true },
		{ "ab[e-g]", "abc", false },
		{ "ab[^c]", "abc", false },
		{ "ab[^b-d]", "abc", false },
		{ "ab[^e-g]", "abc", true },
		{ "a\\*b", "ab", false },
		{ "a?b", "a\xe2\x98\xba" "b", true },
		{ "a[^a]b", "a\xe2\x98\xba" "b", true },
		{ "a???b", "a\xe2\x98\xba" "b", false },
		{ "a[^a][^a][^a]b", "a\xe2\x98\xba" "b", false },
		{ "[a-\xce\xb6]*", "\xce\xb1", true },
		{ "*[a-\xce\xb6]", "A", false },
		{ "a?b", "a/b", false },
		{ "a*b", "a/b", false },
		{ "[\\]a]", "]", true },
		{ "[\\-]", "-", true },
		{ "[x\\-]", "x", true },
		{ "[x\\-]", "-", true },
		{ "[x\\-]", "z", false },
		{ "[\\-x]", "x", true },
		{ "[\\-x]", "-", true },
		{ "[\\-x]", "a", false },
		{ "*x", "xxx", true },
	};
	static const char *const bad[] = {
		"[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]", "[", "[^", "[^bc", "a[",
		"a/b\\", "x[a-\xff]",
	};

	(void)state;
	run_table(t, sizeof(t) / sizeof(t[0]));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct di *d = parse(bad[i]);

		if (d->rc != -1) {
			fail_msg("%s should be a syntax error", bad[i]);
		}
		assert_string_equal(d->err.message, "syntax error in pattern");
		assert_int_equal(d->d.npatterns, 0);
		done(d);
	}
}

/* pl_di_filepath_match is Go's filepath.Match itself, without parent directories. */
static void
test_filepath_match_direct(void **state)
{
	(void)state;
	assert_int_equal(pl_di_filepath_match("a*", 2, "ab/c", 4), 0);
	assert_int_equal(pl_di_filepath_match("a*/c", 4, "ab/c", 4), 1);
	assert_int_equal(pl_di_filepath_match("*.py", 4, "x.py", 4), 1);
	assert_int_equal(pl_di_filepath_match("*.py", 4, "d/x.py", 6), 0);
	assert_int_equal(pl_di_filepath_match("[", 1, "x", 1), -1);
	assert_int_equal(pl_di_filepath_match("a[", 2, "b", 1), -1);
	assert_int_equal(pl_di_filepath_match("**", 2, "a", 1), 1);
	assert_int_equal(pl_di_filepath_match("**", 2, "a/b", 3), 0);
	assert_int_equal(pl_di_filepath_match("", 0, "", 0), 1);
	assert_int_equal(pl_di_filepath_match("", 0, "a", 1), 0);
}

static void
test_clean(void **state)
{
	static const char *const t[][2] = {
		{ "", "." }, { ".", "." }, { "./", "." }, { "/", "/" }, { "//", "/" },
		{ "a//b", "a/b" }, { "a/./b/", "a/b" }, { "/../x", "/x" }, { "../../x", "../../x" },
		{ "a/../..", ".." }, { "abc/./def/../ghi", "abc/ghi" }, { "a/b/../../..", ".." },
		{ "/a/b/../../..", "/" }, { "x/..", "." }, { "..a/b", "..a/b" }, { "a/...", "a/..." },
	};
	char out[64];

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		size_t n = pl_di_clean(t[i][0], strlen(t[i][0]), out);

		assert_string_equal(out, t[i][1]);
		assert_int_equal(n, strlen(t[i][1]));
	}
}

/* The Dockerfile reference's .dockerignore section. */
static void
test_documented_examples(void **state)
{
	const char *doc = "# comment\n*/temp*\n*/*/temp*\ntemp?\n";
	struct di *d;

	(void)state;
	assert_true(excluded(doc, "somedir/temporary.txt"));
	assert_true(excluded(doc, "somedir/temp"));
	assert_true(excluded(doc, "somedir/temp/inner.txt"));
	assert_true(excluded(doc, "somedir/subdir/temporary.txt"));
	assert_true(excluded(doc, "tempa"));
	assert_true(excluded(doc, "tempb"));
	assert_false(excluded(doc, "temp"));
	assert_false(excluded(doc, "temporary.txt"));
	assert_false(excluded(doc, "# comment"));
	d = parse(doc);
	assert_int_equal(d->d.npatterns, 3);
	assert_int_equal(d->d.patterns[0].line, 2);
	done(d);

	assert_false(excluded("*.md\n!README.md\n", "README.md"));
	assert_true(excluded("*.md\n!README.md\n", "CHANGES.md"));
	assert_false(excluded("*.md\n!README.md\n", "docs/guide.md")); /* top level only */

	assert_true(excluded("*.md\n!README*.md\nREADME-secret.md\n", "README-secret.md"));
	assert_false(excluded("*.md\n!README*.md\nREADME-secret.md\n", "README.md"));
	assert_true(excluded("*.md\n!README*.md\nREADME-secret.md\n", "x.md"));
	assert_false(excluded("*.md\nREADME-secret.md\n!README*.md\n", "README-secret.md"));

	assert_true(excluded("**/*.go\n", "main.go"));
	assert_true(excluded("**/*.go\n", "a/b/c.go"));
	assert_false(excluded("**/*.go\n", "a/b/c.gox"));

	/* "/foo/bar" and "foo/bar" are the same pattern. */
	assert_true(excluded("/foo/bar\n", "foo/bar"));
	assert_true(excluded("foo/bar\n", "foo/bar/baz"));
	assert_false(excluded("/foo/bar\n", "x/foo/bar"));
	/* Include only what is listed. */
	assert_true(excluded("*\n!src\n!package.json\n", "README.md"));
	assert_false(excluded("*\n!src\n!package.json\n", "src/index.js"));
	assert_false(excluded("*\n!src\n!package.json\n", "package.json"));
}

/* Exceptions and the last match winning, with parent directories. */
static void
test_exceptions(void **state)
{
	(void)state;
	assert_false(excluded("**\n!util/docker/web\n", "util/docker/web/foo"));
	assert_true(excluded("**\n!util/docker/web\nutil/docker/web/foo\n", "util/docker/web/foo"));
	assert_false(excluded("**\n!dist/*.whl\n",
			      "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"));
	assert_true(excluded("**\n!dist/proxy.whl\n", "dist/other.whl"));
	assert_true(excluded("docs\n!docs/README.md\n", "docs/a.md"));
	assert_false(excluded("docs\n!docs/README.md\n", "docs/README.md"));
	assert_false(excluded("docs/\n!docs/README.md\n", "docs/README.md"));
	assert_false(excluded("docs/*\n!docs/README.md\n", "docs/README.md"));
	assert_true(excluded("!fileutils.go\n*.go\n", "fileutils.go"));
	assert_false(excluded("*.go\n!fileutils.go\n", "fileutils.go"));
	/* An exception before its pattern does nothing. */
	assert_true(excluded("!keep\n*\n", "keep"));
	/* BuildKit's walk carries parents' results: "!foo" cannot re-include foo/x once
	 * "foo/x" excluded it, because foo itself was never excluded. */
	assert_true(excluded("foo/x\n!foo\n", "foo/x"));
	assert_true(excluded("foo/x\n!foo\n", "foo/x/y"));
	assert_false(excluded("foo/x\n!foo\n", "foo/y"));
	/* A re-included directory brings what is below it. */
	assert_false(excluded("*\n!app\n", "app/deep/file.txt"));
	/* and a later pattern can exclude part of it again */
	assert_true(excluded("*\n!app\napp/secret\n", "app/secret/key"));
}

static void
test_line_handling(void **state)
{
	struct di *d;

	(void)state;
	/* Comments only in column 1. */
	d = parse("  # not a comment\n#a comment\n\t#x\n");
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->d.npatterns, 2);
	assert_string_equal(d->d.patterns[0].pattern, "# not a comment");
	assert_int_equal(d->d.patterns[0].line, 1);
	assert_int_equal(d->d.patterns[0].col, 3);
	assert_string_equal(d->d.patterns[0].text, "# not a comment");
	assert_string_equal(d->d.patterns[1].pattern, "#x");
	assert_int_equal(d->d.patterns[1].line, 3);
	assert_int_equal(d->d.patterns[1].col, 2);
	done(d);

	/* The ignorefile_test.go vectors. */
	d = parse("test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n"
		  "! /inverted/abs/path\n");
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->d.npatterns, 5);
	assert_string_equal(d->d.patterns[1].pattern, "test2");
	assert_string_equal(d->d.patterns[2].pattern, "a/file/here");
	assert_string_equal(d->d.patterns[4].pattern, "inverted/abs/path");
	assert_true(d->d.patterns[4].exclusion);
	assert_string_equal(d->d.patterns[4].text, "! /inverted/abs/path");
	assert_int_equal(d->d.patterns[4].line, 7);
	assert_true(d->d.has_exclusions);
	done(d);

	/* "!" alone, even after trimming, is refused; the others are kept. */
	d = parse("a\n!\n  ! \nb\n");
	assert_int_equal(d->rc, -1);
	assert_string_equal(d->err.message, "illegal exclusion pattern: \"!\"");
	assert_int_equal(d->err.line, 2);
	assert_int_equal(d->err.col, 1);
	assert_int_equal(d->d.nerrors, 2);
	assert_int_equal(d->d.errors[1].line, 3);
	assert_int_equal(d->d.errors[1].col, 3);
	assert_int_equal(d->d.npatterns, 2);
	done(d);
	/* "!/" cleans to "!" in the second pass. */
	d = parse("!/\n");
	assert_int_equal(d->rc, -1);
	done(d);

	/* CRLF, a byte order mark on the first line only, Unicode white space. */
	d = parse("\xEF\xBB\xBF*.tmp\r\nb\r\n\xEF\xBB\xBF" "c\n\xC2\xA0" "d\xE3\x80\x80\n");
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->d.npatterns, 4);
	assert_string_equal(d->d.patterns[0].pattern, "*.tmp");
	assert_int_equal(d->d.patterns[0].col, 2);
	assert_string_equal(d->d.patterns[1].pattern, "b");
	assert_string_equal(d->d.patterns[2].pattern, "\xEF\xBB\xBF" "c");
	assert_string_equal(d->d.patterns[3].pattern, "d");
	assert_int_equal(d->d.patterns[3].col, 2);
	done(d);
	/* A comment after a byte order mark is still a comment. */
	d = parse("\xEF\xBB\xBF# c\nx");
	assert_int_equal(d->d.npatterns, 1);
	assert_int_equal(d->d.patterns[0].line, 2);
	done(d);

	/* Cleaning. */
	d = parse("./foo/../bar/\na//b\n../x\n/\n.\n!./keep/\nfoo /\n");
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->d.npatterns, 7);
	assert_string_equal(d->d.patterns[0].pattern, "bar");
	assert_string_equal(d->d.patterns[1].pattern, "a/b");
	assert_string_equal(d->d.patterns[2].pattern, "../x");
	assert_string_equal(d->d.patterns[3].pattern, "/");
	assert_string_equal(d->d.patterns[4].pattern, ".");
	assert_string_equal(d->d.patterns[5].pattern, "keep");
	assert_true(d->d.patterns[5].exclusion);
	assert_string_equal(d->d.patterns[6].pattern, "foo"); /* "foo " trimmed again */
	done(d);
	/* "/" and "." exclude nothing; ".." patterns never match inside the context. */
	assert_false(excluded("/\n", "a"));
	assert_false(excluded(".\n", "a"));
	assert_false(excluded("../x\n", "x"));
	assert_true(excluded("dir/\n", "dir/file"));

	/* The last line without a newline, empty input, only blanks. */
	d = parse("a\nb");
	assert_int_equal(d->d.npatterns, 2);
	done(d);
	d = parse("");
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->d.npatterns, 0);
	assert_false(pl_dockerignore_match(&d->d, "anything", NULL));
	done(d);
	d = parse("\n\n   \n\t\n");
	assert_int_equal(d->d.npatterns, 0);
	done(d);
}

static void
test_long_lines(void **state)
{
	size_t n = PL_MAX_IGNORE_LINE_BYTES + 1;
	char *text = malloc(n + 16);
	struct di *d;

	(void)state;
	memcpy(text, "keep\n", 5);
	memset(text + 5, 'a', n);
	memcpy(text + 5 + n, "\nlater\n", 8);
	d = parse_n(text, 5 + n + 7);
	assert_int_equal(d->rc, -1);
	assert_int_equal(d->err.line, 2);
	assert_false(d->err.limit);
	assert_int_equal(d->d.npatterns, 1);
	done(d);
	/* One byte shorter is a line Docker reads, but over plimsoll's pattern bound. */
	d = parse_n(text, 5 + n - 1);
	assert_int_equal(d->rc, -1);
	assert_true(d->err.limit);
	done(d);
	free(text);
}

static void
test_many_patterns(void **state)
{
	size_t n = PL_MAX_IGNORE_PATTERNS + 5, i;
	char *text = malloc(n * 8), *p = text;
	struct di *d;

	(void)state;
	for (i = 0; i < n; i++) {
		p += sprintf(p, "p%zu\n", i);
	}
	d = parse_n(text, (size_t)(p - text));
	assert_int_equal(d->rc, -1);
	assert_true(d->err.limit);
	assert_int_equal(d->d.npatterns, PL_MAX_IGNORE_PATTERNS);
	done(d);
	free(text);
}

/* Where Docker's regular expressions are not the glob they look like. */
static void
test_regexp_corners(void **state)
{
	struct di *d;
	struct pl_di_result r;

	(void)state;
	/* '!' does not negate a class; '^' does. */
	assert_true(excluded("[!a]\n", "!"));
	assert_true(excluded("[!a]\n", "a"));
	assert_false(excluded("[!a]\n", "b"));
	assert_true(excluded("[^a]\n", "b"));
	/* "[*]" becomes [[^/]*]: a class of '[', '^' and '/', repeated, then ']'. */
	assert_false(excluded("[*]\n", "*"));
	assert_true(excluded("[*]\n", "]"));
	assert_true(excluded("[*]\n", "[^]"));
	/* Escapes are regexp escapes. */
	assert_true(excluded("\\d\n", "5"));
	assert_false(excluded("\\d\n", "d"));
	assert_true(excluded("\\x41\n", "A"));
	assert_true(excluded("\\.txt\n", ".txt"));
	assert_false(excluded("\\.txt\n", "atxt"));
	assert_true(excluded("a\\_b\n", "a_b"));
	assert_true(excluded("\\101\n", "A"));
	/* '^' is no regexp character for patternmatcher: alone it is an exact match, in a
	 * regular expression an anchor that never matches inside. */
	assert_true(excluded("a^b\n", "a^b"));
	assert_false(excluded("a^b*\n", "a^bc"));
	/* An unterminated \Q swallows the end anchor. */
	assert_true(excluded("\\Qa*\n", "a[^/]*$"));
	assert_true(excluded("\\Qa*\n", "a[^/]*$tail"));
	assert_false(excluded("\\Qa*\n", "ab"));
	/* POSIX classes. */
	assert_true(excluded("[[:digit:]]x\n", "5x"));
	assert_false(excluded("[[:digit:]]x\n", "ax"));
	assert_true(excluded("[[:^digit:]]x\n", "ax"));
	/* '.' in "**" does not cross a newline. */
	assert_false(excluded("**/*.txt\n", "a\nb/c.txt"));
	assert_true(excluded("**/*.txt\n", "ab/c.txt"));
	/* Word boundaries. */
	assert_true(excluded("*\\bx\n", "a-x"));
	assert_false(excluded("*\\bx\n", "ax"));

	/* Patterns that pass the syntax check and fail to compile: Docker fails when it
	 * tests them. */
	d = parse("[z-a]\n[Local-Only]/\n\\e\n[[:foo:]]\n\\1\n*\\C\n");
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->d.npatterns, 6);
	for (size_t i = 0; i < 6; i++) {
		if (d->d.patterns[i].kind != PL_DI_INVALID) {
			fail_msg("%s should not compile", d->d.patterns[i].text);
		}
		assert_non_null(d->d.patterns[i].invalid);
	}
	pl_dockerignore_match(&d->d, "x", &r);
	assert_ptr_equal(r.error, &d->d.patterns[0]);
	done(d);
	/* Such a pattern is harmless while Docker skips it: an exception is only tested
	 * once something matched. */
	d = parse("![z-a]\n");
	assert_int_equal(d->rc, 0);
	pl_dockerignore_match(&d->d, "x", &r);
	assert_null(r.error);
	assert_false(r.excluded);
	done(d);

	/* Unicode classes are not evaluated. */
	d = parse("\\p{Greek}\n");
	assert_true(d->d.patterns[0].unsupported);
	pl_dockerignore_match(&d->d, "x", &r);
	assert_ptr_equal(r.uncertain, &d->d.patterns[0]);
	done(d);
}

static void
test_kinds(void **state)
{
	static const struct {
		const char *pattern;
		enum pl_di_kind kind;
	} t[] = {
		{ "abc.def", PL_DI_EXACT },     { "a(b)c", PL_DI_EXACT },
		{ "dir/**", PL_DI_PREFIX },     { "**", PL_DI_SUFFIX },
		{ "**/dir", PL_DI_SUFFIX },     { "**file", PL_DI_SUFFIX },
		{ "*", PL_DI_REGEXP },          { "**/**", PL_DI_REGEXP },
		{ "**/dir2/*", PL_DI_REGEXP },  { "a[b-d]e", PL_DI_REGEXP },
		{ "a\\\\", PL_DI_REGEXP },      { "[z-a]", PL_DI_INVALID },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct di *d = parse(t[i].pattern);

		assert_int_equal(d->d.npatterns, 1);
		if (d->d.patterns[0].kind != t[i].kind) {
			fail_msg("%s: kind %d, expected %d", t[i].pattern, d->d.patterns[0].kind,
				 t[i].kind);
		}
		done(d);
	}
	/* The fast paths keep patternmatcher's own quirks: "**foo" is a suffix test, so it
	 * matches "barfoo" although its expression would not. */
	assert_true(excluded("**foo\n", "barfoo"));
	assert_true(excluded("**/foo\n", "foo"));
	assert_false(excluded("**/foo\n", "barfoo"));
}

static void
test_odd_bytes(void **state)
{
	struct di *d;

	(void)state;
	/* Exact patterns compare bytes; expressions read invalid bytes as U+FFFD on both
	 * sides, as Go does. */
	assert_true(excluded("\xff\n", "\xff"));
	assert_false(excluded("\xff\n", "\xfe"));
	assert_true(excluded("\xff*\n", "\xfe" "abc"));
	assert_true(excluded("?\n", "\xe2\x98\xba"));
	/* A NUL byte is part of the pattern. */
	d = parse_n("a\0b\nc\n", 6);
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->d.npatterns, 2);
	assert_int_equal(d->d.patterns[0].len, 3);
	assert_false(pl_dockerignore_match(&d->d, "a", NULL));
	done(d);
	/* Lone '\r', form feeds, a long run of stars. */
	d = parse("\r\n\f\n***\n*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?x\n");
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->d.npatterns, 2);
	assert_true(pl_dockerignore_match(&d->d, "anything", NULL));
	done(d);
}

static void
test_step(void **state)
{
	struct di *d = parse("vendor\n!vendor/keep\n");
	unsigned char s1[2], s2[2];
	struct pl_di_result r;

	(void)state;
	assert_int_equal(pl_dockerignore_step(&d->d, "vendor", 6, NULL, s1, &r), 0);
	assert_true(r.excluded);
	assert_ptr_equal(r.by, &d->d.patterns[0]);
	assert_false(pl_dockerignore_skip_dir(&d->d, "vendor"));
	assert_int_equal(pl_dockerignore_step(&d->d, "vendor/keep", 11, s1, s2, &r), 0);
	assert_false(r.excluded);
	assert_ptr_equal(r.by, &d->d.patterns[1]);
	assert_int_equal(pl_dockerignore_step(&d->d, "vendor/other", 12, s1, s2, &r), 0);
	assert_true(r.excluded);
	/* Without the parent's state every parent directory is tested. */
	assert_int_equal(pl_dockerignore_step(&d->d, "vendor/other", 12, NULL, s2, &r), 0);
	assert_true(r.excluded);
	assert_false(pl_dockerignore_skip_dir(&d->d, "vendor"));
	assert_true(pl_dockerignore_skip_dir(&d->d, "other"));
	done(d);
}

static void
test_skip_dir(void **state)
{
	struct di *d;
	struct pl_di_result r;

	(void)state;
	d = parse("node_modules\n");
	assert_true(d->d.prefix_exceptions_only);
	assert_true(pl_dockerignore_skip_dir(&d->d, "node_modules"));
	assert_true(pl_dockerignore_match(&d->d, "node_modules/a/b.js", &r));
	assert_true(r.pruned);
	done(d);

	/* An exception with a wildcard makes BuildKit look into every directory. */
	d = parse("vendor\n!**/keep.txt\n");
	assert_false(d->d.prefix_exceptions_only);
	assert_false(pl_dockerignore_skip_dir(&d->d, "vendor"));
	assert_false(pl_dockerignore_match(&d->d, "vendor/keep.txt", &r));
	assert_false(r.pruned);
	assert_true(pl_dockerignore_match(&d->d, "vendor/other.txt", &r));
	done(d);

	/* A final slash and star is not a wildcard for that test, and an exception elsewhere
	 * does not keep vendor open. */
	d = parse("vendor\n!keep/*\n");
	assert_true(d->d.prefix_exceptions_only);
	assert_string_equal(d->d.patterns[1].stem, "keep");
	assert_true(pl_dockerignore_skip_dir(&d->d, "vendor"));
	assert_false(pl_dockerignore_skip_dir(&d->d, "keep"));
	assert_true(pl_dockerignore_match(&d->d, "vendor/x", &r));
	assert_true(r.pruned);
	done(d);

	/* Prefix test on whole names: "!vendor2/x" does not keep "vendor" open. */
	d = parse("vendor*\n!vendor2/x\n");
	assert_true(pl_dockerignore_skip_dir(&d->d, "vendor"));
	assert_false(pl_dockerignore_skip_dir(&d->d, "vendor2"));
	assert_false(pl_dockerignore_match(&d->d, "vendor2/x", NULL));
	assert_true(pl_dockerignore_match(&d->d, "vendor2/y", NULL));
	done(d);

	/* Deep exceptions keep every directory on their way open. */
	d = parse("*\n!a/b/c/d.txt\n");
	assert_false(pl_dockerignore_skip_dir(&d->d, "a"));
	assert_false(pl_dockerignore_skip_dir(&d->d, "a/b"));
	assert_false(pl_dockerignore_skip_dir(&d->d, "a/b/c"));
	assert_true(pl_dockerignore_skip_dir(&d->d, "a/x"));
	assert_false(pl_dockerignore_match(&d->d, "a/b/c/d.txt", NULL));
	assert_true(pl_dockerignore_match(&d->d, "a/b/c/e.txt", NULL));
	done(d);
}

static void
test_match_cleans(void **state)
{
	struct di *d = parse("secret\n");

	(void)state;
	assert_true(pl_dockerignore_match(&d->d, "./secret", NULL));
	assert_true(pl_dockerignore_match(&d->d, "/secret/", NULL));
	assert_true(pl_dockerignore_match(&d->d, "x/../secret//k", NULL));
	assert_false(pl_dockerignore_match(&d->d, ".", NULL));
	assert_false(pl_dockerignore_match(&d->d, "", NULL));
	assert_false(pl_dockerignore_match(&d->d, "/", NULL));
	done(d);
}

static void
write_file(const char *path)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs("x\n", f);
	fclose(f);
}

static void
test_file_for(void **state)
{
	char dir[] = "/tmp/plimsoll-di-XXXXXX", path[512];
	struct pl_arena a;
	const char *got;

	(void)state;
	assert_non_null(mkdtemp(dir));
	pl_arena_init(&a);
	assert_int_equal(pl_dockerignore_file_for(NULL, dir, &a, &got), PL_DI_NONE);
	assert_null(got);
	snprintf(path, sizeof(path), "%s/.dockerignore", dir);
	write_file(path);
	assert_int_equal(pl_dockerignore_file_for(NULL, dir, &a, &got), PL_DI_CONTEXT);
	assert_string_equal(got, path);
	snprintf(path, sizeof(path), "%s/Dockerfile.dockerignore", dir);
	write_file(path);
	assert_int_equal(pl_dockerignore_file_for(NULL, dir, &a, &got), PL_DI_SPECIFIC);
	assert_string_equal(got, path);
	/* A Dockerfile elsewhere has its own, or falls back to the context's. */
	snprintf(path, sizeof(path), "%s/app.Dockerfile", dir);
	assert_int_equal(pl_dockerignore_file_for(path, dir, &a, &got), PL_DI_CONTEXT);
	snprintf(path, sizeof(path), "%s/app.Dockerfile.dockerignore", dir);
	write_file(path);
	snprintf(path, sizeof(path), "%s/app.Dockerfile", dir);
	assert_int_equal(pl_dockerignore_file_for(path, dir, &a, &got), PL_DI_SPECIFIC);
	assert_true(strstr(got, "app.Dockerfile.dockerignore") != NULL);
	/* Standard input has none of its own. */
	assert_int_equal(pl_dockerignore_file_for("-", dir, &a, &got), PL_DI_CONTEXT);
	pl_arena_finish(&a);
	snprintf(path, sizeof(path), "%s/app.Dockerfile.dockerignore", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/Dockerfile.dockerignore", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/.dockerignore", dir);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_patternmatcher_cases),
		cmocka_unit_test(test_filepath_match_cases),
		cmocka_unit_test(test_filepath_match_direct),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_documented_examples),
		cmocka_unit_test(test_exceptions),
		cmocka_unit_test(test_line_handling),
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_many_patterns),
		cmocka_unit_test(test_regexp_corners),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_odd_bytes),
		cmocka_unit_test(test_step),
		cmocka_unit_test(test_skip_dir),
		cmocka_unit_test(test_match_cleans),
		cmocka_unit_test(test_file_for),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
