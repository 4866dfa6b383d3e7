/*
 * test_script.c -- unit tests of the command-line model: docker arguments read as the
 * Docker CLI reads them (long and short forms, =value, combined short flags, repeated
 * flags, --, the image and the command after it), the three host languages and their
 * offsets back into the file, and the file sniffs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/source.h"
#include "model/script.h"

struct built {
	struct pl_source src;
	struct pl_arena a;
	struct pl_script s;
};

static void
build(struct built *b, const char *name, const char *text)
{
	pl_source_from_mem(&b->src, name, text, strlen(text));
	pl_arena_init(&b->a);
	pl_script_build(&b->src, pl_script_lang_of(name), &b->a, &b->s);
}

static void
done(struct built *b)
{
	pl_arena_finish(&b->a);
	pl_source_finish(&b->src);
}

/* The text of the file at OFF..END. */
static void
assert_span(const struct built *b, uint32_t off, uint32_t end, const char *want)
{
	assert_true(end >= off && end <= b->src.len);
	assert_int_equal(end - off, strlen(want));
	assert_memory_equal(b->src.text + off, want, end - off);
}

static void
test_flags(void **state)
{
	struct built b;
	const struct pl_docker_cmd *c;
	const struct pl_docker_flag *f;

	(void)state;
	build(&b, "run.sh", "docker run -itd -p 80:80 --publish=81:81 -e A=1 --env B=2 "
			    "-uroot --net=host -- img:1 --privileged x\n");
	assert_int_equal(b.s.ncmds, 1);
	c = &b.s.cmds[0];
	assert_int_equal(c->verb, PL_DK_RUN);
	assert_true(c->service);
	assert_non_null(pl_docker_flag(c, "interactive"));
	assert_non_null(pl_docker_flag(c, "tty"));
	assert_non_null(pl_docker_flag(c, "detach"));
	assert_null(pl_docker_flag(c, "privileged")); /* after the image: the command's */
	f = pl_docker_flag(c, "publish");
	assert_string_equal(f->value, "81:81");
	assert_span(&b, f->voff, f->vend, "81:81");
	f = pl_docker_flag(c, "user");
	assert_string_equal(f->value, "root");
	assert_span(&b, f->voff, f->vend, "root");
	f = pl_docker_flag(c, "network");
	assert_string_equal(f->value, "host");
	f = pl_docker_flag(c, "env");
	assert_string_equal(f->value, "B=2");
	assert_span(&b, f->voff, f->vend, "B=2");
	assert_non_null(c->image);
	assert_string_equal(c->image->text, "img:1");
	assert_span(&b, c->image->off, c->image->end, "img:1");
	assert_false(c->placeholder);
	assert_false(c->opaque);
	done(&b);
}

static void
test_verbs(void **state)
{
	struct built b;

	(void)state;
	build(&b, "run.sh", "docker container create a:1\npodman run b:1\ndocker image pull c\n"
			    "docker buildx build --build-arg T=1 -t d:1 .\ndocker ps\n"
			    "docker --context x -D run e:1\nsudo -E docker run f:1\n");
	assert_int_equal(b.s.ncmds, 6);
	assert_int_equal(b.s.cmds[0].verb, PL_DK_RUN);
	assert_string_equal(b.s.cmds[1].tool, "podman");
	assert_int_equal(b.s.cmds[2].verb, PL_DK_PULL);
	assert_string_equal(b.s.cmds[2].image->text, "c");
	assert_int_equal(b.s.cmds[3].verb, PL_DK_BUILD);
	assert_string_equal(pl_docker_flag(&b.s.cmds[3], "tag")->value, "d:1");
	assert_string_equal(b.s.cmds[4].image->text, "e:1");
	assert_string_equal(b.s.cmds[5].image->text, "f:1");
	assert_span(&b, b.s.cmds[5].verb_off, b.s.cmds[5].verb_end, "docker run");
	done(&b);
}

static void
test_unknowns(void **state)
{
	struct built b;

	(void)state;
	build(&b, "run.sh", "docker run -d $OPTS img:1\ndocker run -d \"$IMAGE\"\n"
			    "docker run [OPTIONS] IMAGE\ndocker run -d <image>\n");
	assert_int_equal(b.s.ncmds, 4);
	assert_true(b.s.cmds[0].opaque);
	assert_false(b.s.cmds[1].opaque);
	assert_true(b.s.cmds[1].placeholder);
	assert_true(b.s.cmds[2].placeholder);
	assert_true(b.s.cmds[3].placeholder);
	done(&b);
}

static void
test_makefile(void **state)
{
	struct built b;
	const struct pl_docker_flag *f;

	(void)state;
	build(&b, "Makefile", "X = docker run -d a:1\nrun:\n\t@docker run -d \\\n\t  -v \"$$PWD\":/w "
			      "$(IMG):1\n");
	assert_int_equal(b.s.ncmds, 1);
	f = pl_docker_flag(&b.s.cmds[0], "volume");
	assert_string_equal(f->value, "$PWD:/w");
	assert_span(&b, f->voff, f->vend, "\"$$PWD\":/w");
	assert_string_equal(b.s.cmds[0].image->text, "$(IMG):1");
	done(&b);
}

static void
test_markdown(void **state)
{
	struct built b;

	(void)state;
	build(&b, "README.md",
	      "Run `docker run x` inline.\n\n"
	      "```python\ndocker run -d py:1\n```\n"
	      "  ```console\n  $ docker run -d \\\n  >   -p 1:1 a:1\n  docker run output:1\n  ```\n"
	      "~~~bash\ndocker pull b:2\n~~~\n"
	      "```sh\ndocker run \"unterminated\n```\n"
	      "```sh\ndocker run -d c:3\n```\n");
	assert_int_equal(b.s.ncmds, 4);
	assert_string_equal(b.s.cmds[0].image->text, "a:1");
	assert_false(b.s.cmds[0].service); /* -d alone in Markdown */
	assert_span(&b, b.s.cmds[0].image->off, b.s.cmds[0].image->end, "a:1");
	assert_span(&b, b.s.cmds[0].verb_off, b.s.cmds[0].verb_end, "docker run");
	assert_string_equal(b.s.cmds[1].image->text, "b:2");
	assert_string_equal(b.s.cmds[3].image->text, "c:3");
	done(&b);
}

static void
test_sniffs(void **state)
{
	(void)state;
	assert_true(pl_script_sniff("x\ndocker run", 11));
	assert_true(pl_script_sniff("podman\tpull", 11));
	assert_false(pl_script_sniff("dockerfile docker-compose", 25));
	assert_true(pl_script_shebang("#!/bin/sh\n", 10));
	assert_true(pl_script_shebang("#!/usr/bin/env bash\n", 20));
	assert_false(pl_script_shebang("#!/usr/bin/env python3\n", 23));
	assert_false(pl_script_shebang("FROM x\n", 7));
	assert_int_equal(pl_script_lang_of("docs/README.md"), PL_SCRIPT_MARKDOWN);
	assert_int_equal(pl_script_lang_of("build/common.mk"), PL_SCRIPT_MAKE);
	assert_int_equal(pl_script_lang_of("deploy"), PL_SCRIPT_SHELL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_verbs),
		cmocka_unit_test(test_unknowns),
		cmocka_unit_test(test_makefile),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_sniffs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
