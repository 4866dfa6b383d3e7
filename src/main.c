/*
 * main.c -- plimsoll's entry point: the subcommand table and global options.
 *
 * plimsoll audits container definitions (Dockerfiles first) for security and release
 * readiness, and reports findings with rule ids, severities and exact locations.
 */
#include "cli/cli.h"

#include <string.h>

static const struct pl_cmd *const commands[] = {
	&pl_cmd_scan,
	&pl_cmd_baseline,
	&pl_cmd_secrets,
	&pl_cmd_rules,
	&pl_cmd_explain,
	&pl_cmd_parse,
	NULL,
};

static void
usage(FILE *out)
{
	fputs("usage: plimsoll <command> [options] [args]\n"
	      "       plimsoll --version | --help\n\n"
	      "plimsoll audits Dockerfiles for security and release readiness.\n\n"
	      "commands:\n", out);
	for (const struct pl_cmd *const *c = commands; *c != NULL; c++) {
		fprintf(out, "  %-8s %s\n", (*c)->name, (*c)->about);
	}
	fputs("\nRun 'plimsoll <command> --help' for a command's options.\n"
	      "exit status: 0 clean, 1 findings at or above --fail-on, 2 unreadable or\n"
	      "unparsable input, 3 usage error.\n", out);
}

int
main(int argc, char **argv)
{
	const char *name;

	if (argc < 2) {
		usage(stderr);
		return PL_EXIT_USAGE;
	}
	name = argv[1];
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		printf("plimsoll %s\n", PL_VERSION);
		return PL_EXIT_OK;
	}
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
		usage(stdout);
		return PL_EXIT_OK;
	}
	for (const struct pl_cmd *const *c = commands; *c != NULL; c++) {
		if (strcmp((*c)->name, name) == 0) {
			return (*c)->run(argc - 1, argv + 1);
		}
	}
	return pl_cli_usage_error(NULL, "unknown command '%s'", name);
}
