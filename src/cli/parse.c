/*
 * parse.c -- `plimsoll parse --dump FILE`: print the syntax tree in BuildKit's format,
 * to compare plimsoll's reading of a file with BuildKit's.
 */
#include "cli/cli.h"
#include "core/buf.h"
#include "parse/dockerfile.h"

#include <string.h>

static int run(int argc, char **argv);

const struct pl_cmd pl_cmd_parse = {
	.name = "parse",
	.args = "--dump [--stdin-filename NAME] FILE|-",
	.about = "Print how plimsoll parses a Dockerfile, in the format of BuildKit's "
		 "parser tests: one (instruction [\"--flags\"] \"args\"...) line per instruction.",
	.help = "options:\n"
		"  --dump                 print the syntax tree (the only output format)\n"
		"  --stdin-filename NAME  the name used in error messages for standard input\n"
		"  --help                 this help\n",
	.run = run,
};

static int
run(int argc, char **argv)
{
	const struct pl_cmd *cmd = &pl_cmd_parse;
	const char *path = NULL, *name = NULL, *why, *v;
	struct pl_source src;
	struct pl_df_file file;
	struct pl_df_error err;
	struct pl_arena a;
	struct pl_buf out;
	bool dump = false;
	int rc = PL_EXIT_OK, o;

	for (int k = 1; k < argc; k++) {
		if (strcmp(argv[k], "--dump") == 0) {
			dump = true;
		} else if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
			pl_cli_help(cmd, stdout);
			return PL_EXIT_OK;
		} else if ((o = pl_cli_opt_value(argc, argv, &k, "--stdin-filename", &v)) != 0) {
			if (o < 0) {
				return pl_cli_usage_error(cmd, "--stdin-filename needs a name");
			}
			name = v;
		} else if (argv[k][0] == '-' && strcmp(argv[k], "-") != 0) {
			return pl_cli_usage_error(cmd, "unknown option '%s'", argv[k]);
		} else if (path != NULL) {
			return pl_cli_usage_error(cmd, "parse takes one file");
		} else {
			path = argv[k];
		}
	}
	if (!dump || path == NULL) {
		return pl_cli_usage_error(cmd, "parse needs --dump and a file");
	}
	if (name == NULL) {
		name = strcmp(path, "-") == 0 ? "Dockerfile" : path;
	}
	if (pl_source_read(&src, path, name, &why) != 0) {
		fprintf(stderr, "%s: error: %s\n", name, why);
		return PL_EXIT_INPUT;
	}
	pl_arena_init(&a);
	if (pl_df_parse(&src, &a, &file, &err) != 0) {
		struct pl_pos p = pl_source_pos(&src, err.off);

		fprintf(stderr, "%s:%u:%u: error: %s\n", name, p.line, p.col, err.message);
		rc = PL_EXIT_INPUT;
	} else {
		pl_buf_init(&out);
		pl_df_dump(&file, &out);
		if (out.n > 0 && fwrite(out.p, 1, out.n, stdout) != out.n) {
			rc = PL_EXIT_INPUT;
		}
		pl_buf_finish(&out);
	}
	pl_arena_finish(&a);
	pl_source_finish(&src);
	return rc;
}
