/*
 * explain.c -- `plimsoll explain ID`: everything about one rule.
 */
#include "cli/cli.h"
#include "out/catalog.h"

#include <string.h>

static int run(int argc, char **argv);

const struct pl_cmd pl_cmd_explain = {
	.name = "explain",
	.args = "ID|NAME",
	.about = "Explain a rule: why it matters, how to fix it, bad and good examples, "
		 "references and equivalent checks of other tools.",
	.help = "options:\n"
		"  --no-color  no colour (also when NO_COLOR is set)\n"
		"  --help      this help\n",
	.run = run,
};

static int
run(int argc, char **argv)
{
	const struct pl_cmd *cmd = &pl_cmd_explain;
	const struct pl_rule *r = NULL;
	const char *id = NULL;
	bool no_color = false;

	for (int k = 1; k < argc; k++) {
		if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
			pl_cli_help(cmd, stdout);
			return PL_EXIT_OK;
		} else if (strcmp(argv[k], "--no-color") == 0) {
			no_color = true;
		} else if (argv[k][0] == '-') {
			return pl_cli_usage_error(cmd, "unknown option '%s'", argv[k]);
		} else if (id != NULL) {
			return pl_cli_usage_error(cmd, "explain takes one rule id");
		} else {
			id = argv[k];
		}
	}
	if (id == NULL) {
		return pl_cli_usage_error(cmd, "explain needs a rule id, such as DF0001");
	}
	r = pl_rule_find(id);
	if (r == NULL) {
		return pl_cli_usage_error(cmd, "no rule '%s'; 'plimsoll rules' lists them", id);
	}
	return pl_explain_write(stdout, r, pl_cli_use_color(stdout, no_color)) == 0 ? PL_EXIT_OK
										      : PL_EXIT_INPUT;
}
