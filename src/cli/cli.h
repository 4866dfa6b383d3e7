/*
 * cli.h -- what the subcommands share: the command table entry, exit codes, and small
 * option-parsing helpers.
 *
 * Each subcommand is one file in src/cli/ that exports a struct pl_cmd; src/main.c holds
 * the table and dispatches on argv[1].
 */
#ifndef PL_CLI_CLI_H
#define PL_CLI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "engine/output.h"

/* Exit codes: the contract with CI pipelines. */
enum {
	PL_EXIT_OK = 0,       /* clean, or findings below the threshold */
	PL_EXIT_FINDINGS = 1, /* findings at or above the threshold */
	PL_EXIT_INPUT = 2,    /* an input could not be read or parsed */
	PL_EXIT_USAGE = 3,    /* bad command line */
};

struct pl_cmd {
	const char *name;
	const char *args;  /* synopsis after the name: "[options] [PATH|-]..." */
	const char *about; /* one line for the command list */
	const char *help;  /* the option list printed by `plimsoll NAME --help` */
	int (*run)(int argc, char **argv); /* argv[0] is the subcommand name */
};

extern const struct pl_cmd pl_cmd_scan;
extern const struct pl_cmd pl_cmd_baseline;
extern const struct pl_cmd pl_cmd_parse;
extern const struct pl_cmd pl_cmd_rules;
extern const struct pl_cmd pl_cmd_explain;
extern const struct pl_cmd pl_cmd_secrets;

/* Prints "plimsoll: <message>" and a hint to stderr; returns PL_EXIT_USAGE. */
int pl_cli_usage_error(const struct pl_cmd *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prints the subcommand's help to OUT. */
void pl_cli_help(const struct pl_cmd *cmd, FILE *out);

/*
 * Option matching for "--name value" and "--name=value". When ARGV[*I] is option NAME,
 * sets *VALUE (consuming the next argument when needed) and returns 1; returns 0 when it
 * is another argument, -1 when the value is missing.
 */
int pl_cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value);

/* The report options that scan and secrets share. */
struct pl_cli_report {
	const struct pl_format *fmt; /* --format */
	const char *output;          /* --output, NULL for standard output */
	bool no_color;               /* --no-color */
	struct pl_out_opts *oo;      /* --quiet and --fail-on land here */
};

/* Takes ARGV[*I] when it is one of the report options (--format, --output, --fail-on,
 * --no-color, --quiet): returns 1, or PL_EXIT_USAGE's negation after printing a usage
 * error; returns 0 for any other argument. */
int pl_cli_report_opt(const struct pl_cmd *cmd, int argc, char **argv, int *i,
		      struct pl_cli_report *ro);

/* Whether colour should be used on OUT: a terminal, no NO_COLOR, no --no-color. */
bool pl_cli_use_color(FILE *out, bool no_color_flag);

/*
 * Finds Dockerfiles under PATH: PATH itself when it is a file (whatever its name), or
 * every file with a Dockerfile or Compose name, and every .yaml/.yml/.json file that
 * starts like a Kubernetes manifest, below the directory PATH, skipping .git and
 * node_modules and never following symbolic links to directories. Appends heap strings to
 * *FILES. Returns 0, or -1 with an error printed when PATH cannot be read.
 */
int pl_cli_find_dockerfiles(const char *path, char ***files, size_t *n, size_t *cap);

/* Whether a file name is a Dockerfile name: Dockerfile, Containerfile, *.Dockerfile,
 * Dockerfile.*, *.dockerfile, and the same with - or _ for the dot (Dockerfile-dev,
 * api_Dockerfile); never *.dockerignore and other files that share the prefix. */
bool pl_cli_is_dockerfile_name(const char *name);
/* compose.yaml, compose.yml, docker-compose.yml/.yaml, their override and per-environment
 * variants (compose.override.yaml, docker-compose.prod.yml) and NAME.compose.yaml. */
bool pl_cli_is_compose_name(const char *name);
/* The input kind of PATH by its file name: PL_IN_COMPOSE for Compose names, PL_IN_K8S for
 * other .yml/.yaml/.json files (whose content then decides between Kubernetes, Compose and
 * `docker inspect` output), PL_IN_DOCKERFILE otherwise. */
unsigned pl_cli_input_kind(const char *path);

#endif
