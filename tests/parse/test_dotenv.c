/*
 * test_dotenv.c -- unit tests of the .env reader: the examples of Docker's "Syntax for
 * environment files", compose-go's parser tests, escapes, interpolation and its order of
 * lookup, inherited keys, positions of keys and values, errors with line:col, CRLF and
 * binary input, and the limits.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/limits.h"
#include "parse/dotenv.h"

/* The environment the tests run with. */
static bool
lookup(void *ctx, const char *name, size_t n, const char **value, size_t *len)
{
	static const char *const env[][2] = {
		{ "FROM_ENV", "envval" },
		{ "EMPTY_ENV", "" },
		{ "OVERRIDE", "from-env" },
	};

	(void)ctx;
	for (size_t i = 0; i < sizeof(env) / sizeof(env[0]); i++) {
		if (strlen(env[i][0]) == n && memcmp(env[i][0], name, n) == 0) {
			*value = env[i][1];
			*len = strlen(env[i][1]);
			return true;
		}
	}
	return false;
}

static struct pl_arena arena;
static struct pl_dotenv env;
static struct pl_dotenv_error err;

static int
setup(void **state)
{
	(void)state;
	pl_arena_init(&arena);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	pl_arena_finish(&arena);
	return 0;
}

static int
parse_n(const char *text, size_t n)
{
	memset(&err, 0, sizeof(err));
	return pl_dotenv_parse(text, n, lookup, NULL, &arena, &env, &err);
}

static int
parse(const char *text)
{
	return parse_n(text, strlen(text));
}

/* Parses TEXT and checks that KEY has the value WANT. */
static void
check(const char *text, const char *key, const char *want)
{
	const struct pl_dotenv_entry *e;

	if (parse(text) != 0) {
		fail_msg("%s: unexpected error %u:%u %s", text, err.line, err.col, err.message);
	}
	e = pl_dotenv_get(&env, key);
	if (e == NULL) {
		fail_msg("%s: no value for %s", text, key);
	}
	if (strcmp(e->value, want) != 0 || e->value_len != strlen(want)) {
		fail_msg("%s: %s is \"%s\", want \"%s\"", text, key, e->value, want);
	}
}

/* Parses TEXT and checks it fails at LINE:COL with a message containing MSG. */
static void
check_error(const char *text, uint32_t line, uint32_t col, const char *msg)
{
	if (parse(text) != -1) {
		fail_msg("%s: expected an error", text);
	}
	if (err.line != line || err.col != col || strstr(err.message, msg) == NULL) {
		fail_msg("%s: got %u:%u \"%s\", want %u:%u \"%s\"", text, err.line, err.col,
			 err.message, line, col, msg);
	}
}

/* The text of the file from OFF to END. */
static const char *
span(const char *text, size_t off, size_t end)
{
	return pl_arena_strndup(&arena, text + off, end - off);
}

static void
test_docker_docs(void **state)
{
	(void)state;
	check("VAR=VAL", "VAR", "VAL");
	check("VAR=\"VAL\"", "VAR", "VAL");
	check("VAR='VAL'", "VAR", "VAL");
	check("VAR=VAL # comment", "VAR", "VAL");
	check("VAR=VAL# not a comment", "VAR", "VAL# not a comment");
	check("VAR=\"VAL # not a comment\"", "VAR", "VAL # not a comment");
	check("VAR=\"VAL\" # comment", "VAR", "VAL");
	check("VAR='$OTHER'", "VAR", "$OTHER");
	check("VAR='${OTHER}'", "VAR", "${OTHER}");
	check("VAR='Let\\'s go!'", "VAR", "Let's go!");
	check("VAR=\"{\\\"hello\\\": \\\"json\\\"}\"", "VAR", "{\"hello\": \"json\"}");
	check("VAR=\"some\\tvalue\"", "VAR", "some\tvalue");
	check("VAR='some\\tvalue'", "VAR", "some\\tvalue");
	check("VAR=some\\tvalue", "VAR", "some\\tvalue");
	/* Interpolation in unquoted and double-quoted values, not in single-quoted ones. */
	check("OTHER=o\nVAR=$OTHER", "VAR", "o");
	check("OTHER=o\nVAR=\"${OTHER}\"", "VAR", "o");
	check("VAR=${OTHER:-default}", "VAR", "default");
	check("OTHER=\nVAR=${OTHER-default}", "VAR", "");
	check("OTHER=o\nVAR=${OTHER:+alt}", "VAR", "alt");
	check("VAR=$${OTHER}", "VAR", "${OTHER}");
}

static void
test_compose_go_cases(void **state)
{
	(void)state;
	check("FOO=bar", "FOO", "bar");
	check("FOO =bar", "FOO", "bar");
	check("FOO= bar", "FOO", "bar");
	check("FOO = bar", "FOO", "bar");
	check("FOO=\"bar\"", "FOO", "bar");
	check("FOO='bar'", "FOO", "bar");
	check("FOO=\"escaped\\\"bar\"", "FOO", "escaped\"bar");
	check("FOO=\"'d'\"", "FOO", "'d'");
	check("OPTION_A: 1", "OPTION_A", "1");
	check("OPTION_A: Foo=bar", "OPTION_A", "Foo=bar");
	check("OPTION_A=1:B", "OPTION_A", "1:B");
	check("export OPTION_A=2", "OPTION_A", "2");
	check("export OPTION_B='\\n'", "OPTION_B", "\\n");
	check("export exportFoo=2", "exportFoo", "2");
	check("exportFOO=2", "exportFOO", "2");
	check("export_FOO =2", "export_FOO", "2");
	check("export.FOO= 2", "export.FOO", "2");
	check("export\tOPTION_A=2", "OPTION_A", "2");
	check("  export OPTION_A=2", "OPTION_A", "2");
	check("\texport OPTION_A=2", "OPTION_A", "2");
	check("FOO=\"bar\\nbaz\"", "FOO", "bar\nbaz");
	check("FOO.BAR=foobar", "FOO.BAR", "foobar");
	check("FOO=foobar=", "FOO", "foobar=");
	check("FOO=bar ", "FOO", "bar");
	check("FOO=bar # this is foo", "FOO", "bar");
	check("FOO=\"bar#baz\" # comment", "FOO", "bar#baz");
	check("FOO='bar#baz' # comment", "FOO", "bar#baz");
	check("FOO=\"bar#baz#bang\" # comment", "FOO", "bar#baz#bang");
	check("FOO=\"ba#r\"", "FOO", "ba#r");
	check("FOO='ba#r'", "FOO", "ba#r");
	check(" KEY =value", "KEY", "value");
	check("   KEY=value", "KEY", "value");
	check("\tKEY=value", "KEY", "value");
	check("OPTION_A=postgres://localhost:5432/database?sslmode=disable", "OPTION_A",
	      "postgres://localhost:5432/database?sslmode=disable");
	check("TEST_URLS=\"stratum+tcp://a:3333\nstratum+tcp://a:443\"", "TEST_URLS",
	      "stratum+tcp://a:3333\nstratum+tcp://a:443");
	check("ONE=1\nTWO='2'\nTHREE = \"3\"", "THREE", "3");
	/* The blank before "#" was taken before the value began: not a comment. */
	check("KEY= # x", "KEY", "# x");
	/* Only a space makes an inline comment, not a tab. */
	check("KEY=a\t#b", "KEY", "a\t#b");
	check("KEY=a #b #c", "KEY", "a");
	check("KEY=a  #b", "KEY", "a");
	check("KEY=", "KEY", "");
	check("KEY=\"\"", "KEY", "");
	check("KEY=''", "KEY", "");
	check("KEY=a'b\"c", "KEY", "a'b\"c");
	check("KEY=\"x\"# comment", "KEY", "x");
}

static void
test_escapes(void **state)
{
	(void)state;
	check("E=\"\\a\\b\\f\\n\\r\\t\\v\\\\\"", "E", "\a\b\f\n\r\t\v\\");
	check("E=\"\\x\\c\\ \\q\"", "E", "\\x\\c\\ \\q");
	check("E=\"\\0101\"", "E", "A");
	check("E=\"\\0101x\"", "E", "Ax");
	check("E=\"\\0\"", "E", "\\0");
	check("E=\"\\012\"", "E", "\\012");
	check("E=\"\\0777\"", "E", "\\0777");
	check("E=\"\\0129\"", "E", "\\0129");
	check("E=\"\\08\"", "E", "\\08");
	check("E=\"a\\\\\"", "E", "a\\");
	check("E='a\\\\'", "E", "a\\\\");
	check("E='a\\\"'", "E", "a\\\"");
	check("E=\"a\\'\"", "E", "a\\'");
	check("E=\"foo\\$BAR\"", "E", "foo$BAR");
	check("E=\"foo\\${BAR}\"", "E", "foo${BAR}");
	check("FOO=test\nBAR=\"foo\\${FOO} ${FOO}\"", "BAR", "foo${FOO} test");
}

static void
test_interpolation(void **state)
{
	const struct pl_dotenv_entry *e;

	(void)state;
	check("FOO=test\nBAR=$FOO", "BAR", "test");
	check("FOO=test\nBAR=${FOO}bar", "BAR", "testbar");
	check("BAR=$FOO", "BAR", "");
	check("FOO=test\nBAR=\"quote $FOO\"", "BAR", "quote test");
	check("BAR='quote $FOO'", "BAR", "quote $FOO");
	check("A=1\nA=${A}2", "A", "12");
	check("X=$FROM_ENV", "X", "envval");
	/* The environment comes before the entries above. */
	check("OVERRIDE=file\nX=$OVERRIDE", "X", "from-env");
	check("OVERRIDE=file", "OVERRIDE", "file");
	check("X=${EMPTY_ENV:-d}", "X", "d");
	check("X=${EMPTY_ENV-d}", "X", "");
	/* Escapes first, then interpolation: an escaped newline inside a default. */
	check("X=\"${NOPE:-a\\nb}\"", "X", "a\nb");
	/* Values are not interpolated twice. */
	check("A='$B'\nB=b\nC=$A", "C", "$B");

	assert_int_equal(parse("A=1\nB=$A\nC='$A'\nD=\"x\"\nE=$NOPE\nF=${NOPE:-d}"), 0);
	assert_false(pl_dotenv_get(&env, "A")->has_refs);
	assert_true(pl_dotenv_get(&env, "B")->has_refs);
	assert_false(pl_dotenv_get(&env, "B")->has_unset);
	assert_false(pl_dotenv_get(&env, "C")->has_refs);
	assert_false(pl_dotenv_get(&env, "D")->has_refs);
	assert_true(pl_dotenv_get(&env, "E")->has_unset);
	assert_true(pl_dotenv_get(&env, "F")->has_refs);
	assert_false(pl_dotenv_get(&env, "F")->has_unset);

	/* A missing required variable does not fail the file: the entry has no value. */
	assert_int_equal(parse("A=0\nA=${MISSING:?set MISSING}\nB=2"), 0);
	assert_int_equal(env.nentries, 3);
	e = &env.entries[1];
	assert_null(e->value);
	assert_string_equal(e->error, "required variable MISSING is missing a value: set MISSING");
	assert_string_equal(pl_dotenv_get(&env, "A")->value, "0");
	assert_string_equal(pl_dotenv_get(&env, "B")->value, "2");
	assert_int_equal(parse("A=\"${MISSING?}\""), 0);
	assert_string_equal(env.entries[0].error, "required variable MISSING is missing a value");

	/* A malformed "${" fails the file, at the "$". */
	check_error("A=${", 1, 3, "unterminated");
	check_error("A=x\nB=ab${}", 2, 5, "invalid interpolation");
	check_error("A=${B:-x #y}", 1, 3, "unterminated");
	check_error("A=\"\\t\\t${\"", 1, 8, "unterminated");
	check_error("A=\"é\n\\n ${C!}\"", 2, 4, "invalid interpolation");
}

static void
test_inherited(void **state)
{
	const struct pl_dotenv_entry *e;

	(void)state;
	check("FROM_ENV\n", "FROM_ENV", "envval");
	check("FROM_ENV", "FROM_ENV", "envval");
	check("FROM_ENV\r\n", "FROM_ENV", "envval");
	check("  FROM_ENV  \nA=1", "FROM_ENV", "envval");
	check("EMPTY_ENV", "EMPTY_ENV", "");
	check("export FROM_ENV", "FROM_ENV", "envval");

	assert_int_equal(parse("NOT_THERE\nA=1"), 0);
	assert_int_equal(env.nentries, 2);
	e = &env.entries[0];
	assert_string_equal(e->key, "NOT_THERE");
	assert_int_equal(e->quote, PL_DOTENV_INHERITED);
	assert_null(e->value);
	assert_int_equal(e->value_off, e->key_end);
	assert_null(pl_dotenv_get(&env, "NOT_THERE"));

	/* A KEY the environment does not know leaves an earlier value in place. */
	assert_int_equal(parse("A=1\nA\n"), 0);
	assert_int_equal(env.nentries, 2);
	assert_ptr_equal(pl_dotenv_get(&env, "A"), &env.entries[0]);
	/* An inherited KEY is looked up in the environment only, not the file. */
	assert_int_equal(parse("B=1\nB\nC=$B"), 0);
	assert_string_equal(pl_dotenv_get(&env, "C")->value, "1");
}

static void
test_comments_and_blanks(void **state)
{
	(void)state;
	assert_int_equal(parse(""), 0);
	assert_int_equal(env.nentries, 0);
	assert_null(pl_dotenv_get(&env, "A"));
	assert_int_equal(parse("\n"), 0);
	assert_int_equal(parse("\r\n"), 0);
	assert_int_equal(parse("\t\t "), 0);
	assert_int_equal(parse("# Comment"), 0);
	assert_int_equal(parse("\t # comment"), 0);
	assert_int_equal(parse("\xEF\xBB\xBF"), 0);
	assert_int_equal(env.nentries, 0);
	assert_int_equal(parse("# c\n\n   \n\t# indented\nA=1 # x\n#B=2\n# C=3"), 0);
	assert_int_equal(env.nentries, 1);
	assert_string_equal(env.entries[0].key, "A");
	assert_int_equal(env.entries[0].key_line, 5);
	/* "export" alone on a line is nothing. */
	assert_int_equal(parse("export\nA=1\nexport  \n"), 0);
	assert_int_equal(env.nentries, 1);
	assert_false(env.entries[0].exported);
	check("export=1", "export", "1");
	check("\xEF\xBB\xBF" "A=1", "A", "1");
	/* Unicode white space between statements, and around values. */
	check("\xC2\xA0" "A=1", "A", "1");
	check("A=1\xC2\xA0", "A", "1");
	check("A=\xC2\xA0 1", "A", "1");
	check("A=1\xE3\x80\x80", "A", "1");
	check("\xE3\x80\x80" "A=1", "A", "1");
}

static void
test_multiline_and_crlf(void **state)
{
	const char *text = "A=\"line1\nline2\"\nB='x\ny'\nC=3\n";
	const struct pl_dotenv_entry *e;

	(void)state;
	assert_int_equal(parse(text), 0);
	assert_int_equal(env.nentries, 3);
	assert_string_equal(env.entries[0].value, "line1\nline2");
	assert_int_equal(env.entries[0].value_line, 1);
	assert_int_equal(env.entries[0].end_line, 2);
	assert_string_equal(env.entries[1].value, "x\ny");
	assert_int_equal(env.entries[1].key_line, 3);
	assert_int_equal(env.entries[1].end_line, 4);
	assert_int_equal(env.entries[2].key_line, 5);

	assert_int_equal(parse("A=1\r\nB='x'\r\nC=\"y\"\r\nD=\"m\r\nn\"\r\n"), 0);
	assert_int_equal(env.nentries, 4);
	assert_string_equal(pl_dotenv_get(&env, "A")->value, "1");
	assert_string_equal(pl_dotenv_get(&env, "B")->value, "x");
	assert_string_equal(pl_dotenv_get(&env, "C")->value, "y");
	/* Inside quotes a CR stays, as in Compose. */
	assert_string_equal(pl_dotenv_get(&env, "D")->value, "m\r\nn");
	e = pl_dotenv_get(&env, "C");
	assert_int_equal(e->key_line, 3);
	assert_int_equal(e->value_col, 4);
	/* The old Mac line end is not one: CR is a blank. */
	check("A=1\rB=2", "A", "1\rB=2");
}

static void
test_positions(void **state)
{
	const char *text = "A=1\n  export KEY_2 = 'secret' # c\nDB_PASSWORD=hunter2  # old\n"
			   "ÄÖ=ü\nQ=\"a\\\"b\"\n";
	const struct pl_dotenv_entry *e;

	(void)state;
	assert_int_equal(parse(text), 0);
	assert_int_equal(env.nentries, 5);

	e = pl_dotenv_get(&env, "KEY_2");
	assert_true(e->exported);
	assert_int_equal(e->quote, PL_DOTENV_SINGLE);
	assert_int_equal(e->key_line, 2);
	assert_int_equal(e->key_col, 10);
	assert_string_equal(span(text, e->key_off, e->key_end), "KEY_2");
	assert_int_equal(e->value_line, 2);
	assert_int_equal(e->value_col, 19);
	assert_string_equal(span(text, e->value_off, e->value_end), "secret");

	e = pl_dotenv_get(&env, "DB_PASSWORD");
	assert_int_equal(e->quote, PL_DOTENV_UNQUOTED);
	assert_string_equal(span(text, e->value_off, e->value_end), "hunter2");
	assert_int_equal(e->value_line, 3);
	assert_int_equal(e->value_col, 13);
	assert_false(e->has_refs);

	/* Columns count code points. */
	e = pl_dotenv_get(&env, "ÄÖ");
	assert_non_null(e);
	assert_string_equal(e->value, "ü");
	assert_int_equal(e->key_col, 1);
	assert_int_equal(e->value_col, 4);

	/* A quoted value's span is the text inside the quotes, escapes as written. */
	e = pl_dotenv_get(&env, "Q");
	assert_string_equal(e->value, "a\"b");
	assert_string_equal(span(text, e->value_off, e->value_end), "a\\\"b");
	assert_int_equal(e->quote, PL_DOTENV_DOUBLE);

	/* An empty value's span is empty, where the value would be. */
	text = "EMPTY=\n";
	assert_int_equal(parse(text), 0);
	assert_int_equal(env.entries[0].value_off, 6);
	assert_int_equal(env.entries[0].value_end, 6);
}

static void
test_keys(void **state)
{
	(void)state;
	check("KEY[0]=x", "KEY[0]", "x");
	check("a-b.c_d=x", "a-b.c_d", "x");
	check("ÜBER=x", "ÜBER", "x");
	check("lower=x", "lower", "x");
	/* Compose drops keys that start with a digit; the entry is still listed. */
	assert_int_equal(parse("1KEY=x\n2=y"), 0);
	assert_int_equal(env.nentries, 2);
	assert_null(pl_dotenv_get(&env, "1KEY"));
	assert_string_equal(env.entries[0].key, "1KEY");
	/* Duplicates: the last one wins, all are listed. */
	assert_int_equal(parse("A=1\nB=x\nA=2"), 0);
	assert_int_equal(env.nentries, 3);
	assert_string_equal(pl_dotenv_get(&env, "A")->value, "2");
	assert_null(pl_dotenv_get(&env, ""));
	assert_null(pl_dotenv_get(&env, "AB"));
}

static void
test_errors(void **state)
{
	(void)state;
	check_error("A=1\nB C=2", 2, 2, "cannot contain a space");
	check_error("A B", 1, 2, "cannot contain a space");
	check_error("A=1\nlol$wut", 2, 4, "unexpected character \"$\" in variable name");
	check_error("KEY # comment", 1, 5, "unexpected character \"#\"");
	check_error("=value", 1, 1, "empty variable name");
	check_error("A=1\n  =\"value\"", 2, 3, "empty variable name");
	check_error("export =1", 1, 8, "empty variable name");
	check_error("KEY=\"", 1, 5, "unterminated quoted value");
	check_error("KEY=\"value", 1, 5, "unterminated quoted value");
	check_error("A='abc\n\nB=1", 1, 3, "unterminated quoted value");
	check_error("A=\"abc\\\"", 1, 3, "unterminated quoted value");
	check_error("A=\"x\" B=y", 1, 7, "unexpected text after the closing quote");
	check_error("A='x'y", 1, 6, "unexpected text after the closing quote");
	check_error("\x01=1", 1, 1, "U+0001");
	check_error("\xFF\xFE=1", 1, 1, "byte 0xFF");
	check_error("A\x7F=1", 1, 2, "U+007F");
	check_error("K\xE2\x80\x83Y=1", 1, 2, "U+2003");

	/* The entries before an error are kept. */
	assert_int_equal(parse("A=1\nB=2\n=3"), -1);
	assert_int_equal(env.nentries, 2);
	assert_string_equal(pl_dotenv_get(&env, "B")->value, "2");
}

static void
test_binary(void **state)
{
	static const char nul_value[] = "A=x\0y\nB=2";
	static const char nul_key[] = "A\0B=1";
	const struct pl_dotenv_entry *e;

	(void)state;
	assert_int_equal(parse_n(nul_value, sizeof(nul_value) - 1), 0);
	e = pl_dotenv_get(&env, "A");
	assert_int_equal(e->value_len, 3);
	assert_memory_equal(e->value, "x\0y", 4);
	assert_int_equal(parse_n(nul_key, sizeof(nul_key) - 1), -1);
	assert_int_equal(err.col, 2);
	/* "export" and a NUL byte is no export. */
	assert_int_equal(parse_n("export\0A=1", 10), -1);
	assert_int_equal(err.col, 7);
	check("A=\xFF\xFE", "A", "\xFF\xFE");
	check("A='\xC3'", "A", "\xC3");
}

static void
test_lookup_for_compose(void **state)
{
	struct pl_interp_result r;
	struct pl_interp_error ie;

	(void)state;
	assert_int_equal(parse("TAG=1.2\nEMPTY=\n1X=y\nNOT_THERE"), 0);
	assert_int_equal(pl_interp_expand("img:${TAG} ${EMPTY-unset} ${NOT_THERE-unset}", 44,
					  pl_dotenv_lookup, &env, &arena, &r, &ie), 0);
	assert_string_equal(r.s, "img:1.2  unset");
}

static void
test_many_entries(void **state)
{
	size_t n = 5000;
	char *text = malloc(n * 32), *p = text;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		p += sprintf(p, "K%zu=%zu\n", i, i * 7);
	}
	for (size_t i = 0; i < n; i += 2) {
		p += sprintf(p, "K%zu=${K%zu}!\n", i, i);
	}
	assert_int_equal(parse_n(text, (size_t)(p - text)), 0);
	assert_int_equal(env.nentries, n + n / 2);
	for (size_t i = 0; i < n; i++) {
		char key[32], want[32];

		sprintf(key, "K%zu", i);
		sprintf(want, i % 2 == 0 ? "%zu!" : "%zu", i * 7);
		assert_string_equal(pl_dotenv_get(&env, key)->value, want);
	}
	free(text);
}

static void
test_limits(void **state)
{
	size_t n = PL_MAX_DOTENV_BYTES + 1, k;
	char *text = malloc(n + 1), *p;

	(void)state;
	memset(text, '#', n);
	text[n] = '\0';
	check_error(text, 1, 1, "larger than");
	assert_int_equal(parse_n(text, n - 1), 0);

	/* PL_MAX_DOTENV_ENTRIES entries, then one more. */
	p = text;
	for (k = 0; k < PL_MAX_DOTENV_ENTRIES; k++) {
		memcpy(p, "A=1\n", 4);
		p += 4;
	}
	assert_int_equal(parse_n(text, (size_t)(p - text)), 0);
	assert_int_equal(env.nentries, PL_MAX_DOTENV_ENTRIES);
	memcpy(p, "B=2\n", 4);
	assert_int_equal(parse_n(text, (size_t)(p - text) + 4), -1);
	assert_int_equal(err.line, PL_MAX_DOTENV_ENTRIES + 1);
	assert_non_null(strstr(err.message, "entries"));

	/* Interpolated values in all: A is 4000 bytes, each later line 1000 times A. */
	p = text;
	p += sprintf(p, "A='");
	memset(p, 'a', 4000);
	p += 4000;
	p += sprintf(p, "'\n");
	for (int line = 0; line < 5; line++) {
		p += sprintf(p, "B%d=", line);
		for (k = 0; k < 1000; k++) {
			memcpy(p, "$A", 2);
			p += 2;
		}
		*p++ = '\n';
	}
	assert_int_equal(parse_n(text, (size_t)(p - text)), -1);
	assert_int_equal(err.line, 6);
	assert_non_null(strstr(err.message, "in all"));
	assert_int_equal(env.nentries, 5);

	/* One value over PL_MAX_INTERP_BYTES. */
	p = text;
	p += sprintf(p, "A='");
	memset(p, 'a', 8000);
	p += 8000;
	p += sprintf(p, "'\nB=");
	for (k = 0; k < 600; k++) {
		memcpy(p, "$A", 2);
		p += 2;
	}
	assert_int_equal(parse_n(text, (size_t)(p - text)), -1);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.message, "larger than"));

	/* Deep nesting inside a value. */
	p = text;
	p += sprintf(p, "A=");
	for (k = 0; k < 10000; k++) {
		memcpy(p, "${A:-", 5);
		p += 5;
	}
	assert_int_equal(parse_n(text, (size_t)(p - text)), -1);
	assert_non_null(strstr(err.message, "nested deeper"));
	assert_int_equal(err.col, 3 + 5 * PL_MAX_INTERP_DEPTH);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_docker_docs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compose_go_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interpolation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_inherited, setup, teardown),
		cmocka_unit_test_setup_teardown(test_comments_and_blanks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_multiline_and_crlf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_positions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_binary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lookup_for_compose, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
