/*
 * test_dockerfile.c -- unit tests of the Dockerfile parser and model: source positions,
 * directives, continuations, heredocs, bad input and limits, stages, image references
 * and variable scoping.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/limits.h"
#include "model/dockerfile.h"
#include "parse/dockerfile.h"

struct doc {
	struct pl_source src;
	struct pl_arena a;
	struct pl_df_file f;
	struct pl_df_error err;
	struct pl_df_model m;
	int rc;
};

static struct doc *
parse_n(const char *text, size_t n)
{
	struct doc *d = calloc(1, sizeof(*d));

	pl_source_from_mem(&d->src, "Dockerfile", text, n);
	pl_arena_init(&d->a);
	d->rc = pl_df_parse(&d->src, &d->a, &d->f, &d->err);
	if (d->rc == 0) {
		pl_df_model_build(&d->f, NULL, &d->a, &d->m);
	}
	return d;
}

static struct doc *
parse(const char *text)
{
	return parse_n(text, strlen(text));
}

static void
done(struct doc *d)
{
	pl_arena_finish(&d->a);
	pl_source_finish(&d->src);
	free(d);
}

static struct pl_pos
pos(struct doc *d, uint32_t off)
{
	return pl_source_pos(&d->src, off);
}

static void
test_positions(void **state)
{
	struct doc *d = parse("FROM alpine:3.20\n\nCOPY --chown=app:app \\\n  src/ /srv/\n");
	const struct pl_df_instr *in;

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->f.ninstrs, 2);
	in = &d->f.instrs[1];
	assert_int_equal(in->start_line, 3);
	assert_int_equal(in->end_line, 4);
	assert_int_equal(pos(d, in->off).line, 3);
	assert_int_equal(pos(d, in->off).col, 1);
	assert_int_equal(in->nflags, 1);
	assert_string_equal(in->flags[0].s, "--chown=app:app");
	assert_int_equal(pos(d, in->flags[0].off).col, 6);
	assert_int_equal(in->nargs, 2);
	assert_string_equal(in->args[0].s, "src/");
	assert_int_equal(pos(d, in->args[0].off).line, 4);
	assert_int_equal(pos(d, in->args[0].off).col, 3);
	assert_int_equal(pos(d, in->args[1].end).col, 13);
	done(d);
}

static void
test_columns_count_code_points(void **state)
{
	struct doc *d = parse("FROM alpine:3.20\nLABEL café=\"é\" x=y\n");
	const struct pl_df_instr *in = &d->f.instrs[1];

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_int_equal(in->nargs, 6);
	assert_string_equal(in->args[3].s, "x");
	/* "LABEL café=\"é\" " is 15 code points but 17 bytes */
	assert_int_equal(pos(d, in->args[3].off).col, 16);
	done(d);
}

static void
test_continuation_with_comments_and_blank_lines(void **state)
{
	struct doc *d = parse("FROM alpine:3.20\nRUN apk add \\\n# a comment\n\n    curl\n");
	const struct pl_df_instr *in = &d->f.instrs[1];

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_string_equal(in->args[0].s, "apk add     curl");
	assert_int_equal(in->end_line, 5);
	assert_int_equal(d->f.nwarnings, 1);
	assert_int_equal(d->f.ncomments, 1);
	assert_int_equal(d->f.comments[0].line, 3);
	/* the word "curl" maps back to line 5, column 5 */
	assert_int_equal(pos(d, in->rest_map[12]).line, 5);
	assert_int_equal(pos(d, in->rest_map[12]).col, 5);
	done(d);
}

static void
test_escape_directive(void **state)
{
	struct doc *d = parse("# escape=`\nFROM windows`\n  servercore\nRUN dir c:\\\n");

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->f.escape, '`');
	assert_int_equal(d->f.ndirectives, 1);
	assert_true(d->f.directives[0].honoured);
	/* the continuation keeps its leading blanks, so FROM gets two words */
	assert_int_equal(d->f.instrs[0].nargs, 2);
	assert_string_equal(d->f.instrs[0].args[1].s, "servercore");
	assert_string_equal(d->f.instrs[1].args[0].s, "dir c:\\");
	done(d);
}

static void
test_directive_after_comment_is_not_honoured(void **state)
{
	struct doc *d = parse("# hello\n# syntax=docker/dockerfile:1\nFROM alpine:3.20\n");

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->f.ndirectives, 1);
	assert_false(d->f.directives[0].honoured);
	assert_int_equal(d->f.directives[0].line, 2);
	done(d);
}

static void
test_duplicate_directive_is_an_error(void **state)
{
	struct doc *d = parse("# syntax=a\n# syntax=b\nFROM alpine:3.20\n");

	(void)state;
	assert_int_equal(d->rc, -1);
	assert_non_null(strstr(d->err.message, "only one syntax"));
	assert_int_equal(pos(d, d->err.off).line, 2);
	done(d);
}

static void
test_json_and_shell_form(void **state)
{
	struct doc *d = parse("FROM a\nCMD [\"a\", \"b c\"]\nCMD [\"a\", 'b']\nCMD [\"unterminated\"\n"
			      "ENTRYPOINT []\nRUN [\"\\u00e9\\ud83d\\ude00\"]\n");

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_true(d->f.instrs[1].json);
	assert_int_equal(d->f.instrs[1].nargs, 2);
	assert_string_equal(d->f.instrs[1].args[1].s, "b c");
	assert_int_equal(pos(d, d->f.instrs[1].args[1].off).col, 11);
	assert_false(d->f.instrs[2].json);
	assert_false(d->f.instrs[3].json);
	assert_string_equal(d->f.instrs[3].args[0].s, "[\"unterminated\"");
	assert_true(d->f.instrs[4].json);
	assert_int_equal(d->f.instrs[4].nargs, 0);
	assert_string_equal(d->f.instrs[5].args[0].s, "\xc3\xa9\xf0\x9f\x98\x80");
	done(d);
}

static void
test_json_non_strings_are_an_error(void **state)
{
	struct doc *d = parse("FROM a\nCMD [\"a\", 1]\n");

	(void)state;
	assert_int_equal(d->rc, -1);
	assert_int_equal(pos(d, d->err.off).line, 2);
	done(d);
}

static void
test_heredocs(void **state)
{
	struct doc *d = parse("FROM a\nCOPY <<one <<\"two\" /dst/\n1\none\n2\ntwo\nRUN <<-EOF\n\tls\n\tEOF\n");
	const struct pl_df_instr *in = &d->f.instrs[1];

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->f.ninstrs, 3);
	assert_int_equal(in->nheredocs, 2);
	assert_string_equal(in->heredocs[0].name, "one");
	assert_string_equal(in->heredocs[0].content, "1\n");
	assert_true(in->heredocs[0].expand);
	assert_string_equal(in->heredocs[1].content, "2\n");
	assert_false(in->heredocs[1].expand);
	assert_int_equal(in->end_line, 6);
	assert_true(d->f.instrs[2].heredocs[0].chomp);
	assert_string_equal(d->f.instrs[2].heredocs[0].content, "\tls\n");
	assert_int_equal(pos(d, d->f.instrs[2].heredocs[0].off).line, 8);
	done(d);
}

static void
test_unterminated_heredoc(void **state)
{
	struct doc *d = parse("FROM a\nRUN <<EOF\necho hi\n");

	(void)state;
	assert_int_equal(d->rc, -1);
	assert_non_null(strstr(d->err.message, "unterminated heredoc"));
	assert_int_equal(pos(d, d->err.off).line, 2);
	assert_int_equal(pos(d, d->err.off).col, 5);
	done(d);
}

static void
test_bad_bytes(void **state)
{
	struct doc *d = parse_n("FROM a\nRUN x\0y\n", 14);

	(void)state;
	assert_int_equal(d->rc, -1);
	assert_non_null(strstr(d->err.message, "NUL"));
	assert_int_equal(pos(d, d->err.off).line, 2);
	assert_int_equal(pos(d, d->err.off).col, 6);
	done(d);
	d = parse("FROM a\nLABEL x=\xff\xfe\n");
	assert_int_equal(d->rc, -1);
	assert_non_null(strstr(d->err.message, "UTF-8"));
	assert_int_equal(pos(d, d->err.off).col, 9);
	done(d);
}

static void
test_empty_and_comment_only(void **state)
{
	struct doc *d = parse("");

	(void)state;
	assert_int_equal(d->rc, -1);
	done(d);
	d = parse("# nothing\n\n   \n");
	assert_int_equal(d->rc, -1);
	assert_string_equal(d->err.message, "file with no instructions");
	done(d);
}

static void
test_long_line_is_refused(void **state)
{
	size_t n = PL_MAX_LINE_BYTES + 100;
	char *text = malloc(n + 1);
	struct doc *d;

	(void)state;
	memcpy(text, "FROM a\nRUN ", 11);
	memset(text + 11, 'x', n - 12);
	text[n - 1] = '\n';
	text[n] = '\0';
	d = parse_n(text, n);
	assert_int_equal(d->rc, -1);
	assert_non_null(strstr(d->err.message, "1 MiB"));
	assert_int_equal(pos(d, d->err.off).line, 2);
	done(d);
	free(text);
}

static void
test_bom_and_crlf(void **state)
{
	struct doc *d = parse("\xEF\xBB\xBF# syntax=docker/dockerfile:1\r\nFROM a\r\nRUN b \\\r\n c\r\n");

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_true(d->f.directives[0].honoured);
	assert_string_equal(d->f.instrs[1].args[0].s, "b  c");
	done(d);
}

static void
test_onbuild(void **state)
{
	struct doc *d = parse("FROM a\nONBUILD RUN <<EOF\nx\nEOF\n");

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_non_null(d->f.instrs[1].sub);
	assert_int_equal(d->f.instrs[1].sub->kind, PL_DF_RUN);
	assert_int_equal(d->f.instrs[1].nheredocs, 1);
	done(d);
}

static void
test_image_ref_split(void **state)
{
	struct pl_arena a;
	struct pl_image_ref r;

	(void)state;
	pl_arena_init(&a);
	pl_image_ref_split("ghcr.io/org/app:1.2@sha256:abc", &a, &r);
	assert_string_equal(r.registry, "ghcr.io");
	assert_string_equal(r.repository, "org/app");
	assert_string_equal(r.tag, "1.2");
	assert_string_equal(r.digest, "sha256:abc");
	pl_image_ref_split("localhost:5000/app", &a, &r);
	assert_string_equal(r.registry, "localhost:5000");
	assert_null(r.tag);
	pl_image_ref_split("library/node", &a, &r);
	assert_null(r.registry);
	assert_string_equal(r.repository, "library/node");
	pl_image_ref_split("node:20", &a, &r);
	assert_string_equal(r.tag, "20");
	pl_arena_finish(&a);
}

static void
test_stages_and_scoping(void **state)
{
	struct doc *d = parse("ARG BASE=python:3.12-slim\nARG TAG\n"
			      "FROM ${BASE} AS Build\nARG BASE\nENV HOME_DIR=/srv\n"
			      "USER app\nWORKDIR $HOME_DIR\nWORKDIR sub\n"
			      "FROM alpine:3.20 AS unused\n"
			      "FROM build AS final\nCOPY --from=0 /a /a\n");
	const struct pl_df_model *m = &d->m;

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_int_equal(m->nissues, 0);
	assert_int_equal(m->nstages, 3);
	assert_string_equal(m->stages[0].name, "build");
	assert_string_equal(m->stages[0].base.resolved, "python:3.12-slim");
	assert_string_equal(m->stages[0].base.tag, "3.12-slim");
	assert_string_equal(m->stages[0].end.workdir, "/srv/sub");
	assert_string_equal(m->stages[0].end.user, "app");
	assert_int_equal(m->stages[2].base.stage, 0);
	assert_int_equal(m->final_stage, 2);
	assert_true(m->stages[0].reaches_final);
	assert_false(m->stages[1].reaches_final);
	/* The final stage inherits USER from its base stage. */
	assert_string_equal(m->stages[2].end.user, "app");
	done(d);
}

static void
test_model_issues(void **state)
{
	struct doc *d = parse("RUN x\nFROM a\nFOO bar\n");

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_int_equal(d->m.nissues, 2);
	assert_int_equal(pos(d, d->m.issues[0].off).line, 1);
	assert_non_null(strstr(d->m.issues[1].message, "unknown instruction: FOO"));
	done(d);
}

static void
test_run_scripts_are_mapped_to_source(void **state)
{
	struct doc *d = parse("FROM a\nRUN apt-get update \\\n && apt-get install -y curl\n");
	const struct pl_sh_script *sc = &d->m.scripts[1];

	(void)state;
	assert_int_equal(d->rc, 0);
	assert_int_equal(sc->ncmds, 2);
	assert_int_equal(pos(d, sc->cmds[1].off).line, 3);
	assert_int_equal(pos(d, sc->cmds[1].off).col, 5);
	assert_string_equal(sc->cmds[1].argv[1].text, "install");
	done(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_columns_count_code_points),
		cmocka_unit_test(test_continuation_with_comments_and_blank_lines),
		cmocka_unit_test(test_escape_directive),
		cmocka_unit_test(test_directive_after_comment_is_not_honoured),
		cmocka_unit_test(test_duplicate_directive_is_an_error),
		cmocka_unit_test(test_json_and_shell_form),
		cmocka_unit_test(test_json_non_strings_are_an_error),
		cmocka_unit_test(test_heredocs),
		cmocka_unit_test(test_unterminated_heredoc),
		cmocka_unit_test(test_bad_bytes),
		cmocka_unit_test(test_empty_and_comment_only),
		cmocka_unit_test(test_long_line_is_refused),
		cmocka_unit_test(test_bom_and_crlf),
		cmocka_unit_test(test_onbuild),
		cmocka_unit_test(test_image_ref_split),
		cmocka_unit_test(test_stages_and_scoping),
		cmocka_unit_test(test_model_issues),
		cmocka_unit_test(test_run_scripts_are_mapped_to_source),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
