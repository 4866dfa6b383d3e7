/*
 * rules.c -- `plimsoll rules`: the rule catalog, and `--docs DIR` to regenerate the
 * committed rule pages from the rule metadata.
 */
#include "cli/cli.h"
#include "out/catalog.h"

#include <string.h>

static int run(int argc, char **argv);

const struct pl_cmd pl_cmd_rules = {
	.name = "rules",
	.args = "[--format text|json|markdown] [--docs DIR]",
	.about = "List every rule with its id, severity, title and the equivalent checks of "
		 "hadolint, Trivy, Checkov and KICS.",
	.help = "options:\n"
		"  --format FORMAT  text (default), json or markdown\n"
		"  --docs DIR       write DIR/README.md and one DIR/<ID>.md page per rule\n"
		"  --no-color       no colour (also when NO_COLOR is set)\n"
		"  --help           this help\n",
	.run = run,
};

static int
run(int argc, char **argv)
{
	const struct pl_cmd *cmd = &pl_cmd_rules;
	const char *format = "text", *docs = NULL, *v;
	bool no_color = false;
	int o, rc;

	for (int k = 1; k < argc; k++) {
		if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
			pl_cli_help(cmd, stdout);
			return PL_EXIT_OK;
		} else if (strcmp(argv[k], "--no-color") == 0) {
			no_color = true;
		} else if ((o = pl_cli_opt_value(argc, argv, &k, "--format", &v)) != 0) {
			if (o < 0) {
				return pl_cli_usage_error(cmd, "--format takes text, json or markdown");
			}
			format = v;
		} else if ((o = pl_cli_opt_value(argc, argv, &k, "--docs", &v)) != 0) {
			if (o < 0) {
				return pl_cli_usage_error(cmd, "--docs needs a directory");
			}
			docs = v;
		} else {
			return pl_cli_usage_error(cmd, "unknown argument '%s'", argv[k]);
		}
	}
	if (docs != NULL) {
		if (pl_docs_write(docs) != 0) {
			fprintf(stderr, "plimsoll: cannot write the rule pages in %s\n", docs);
			return PL_EXIT_INPUT;
		}
		return PL_EXIT_OK;
	}
	rc = pl_catalog_write(stdout, format, pl_cli_use_color(stdout, no_color));
	if (rc == -2) {
		return pl_cli_usage_error(cmd, "--format takes text, json or markdown");
	}
	return rc == 0 ? PL_EXIT_OK : PL_EXIT_INPUT;
}
