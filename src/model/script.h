/*
 * script.h -- docker command lines found in shell scripts, Makefiles and Markdown code
 * blocks: the model the CLI rules read.
 *
 * The shell text is first taken out of its host file (a Makefile's recipe lines, a
 * README's ```bash and ```console blocks without their `$ ` prompts), then split into
 * simple commands by the shell parser (parse/shell.h). Every `docker run`, `docker
 * create`, `docker container run|create`, `podman run|create`, `docker build` (and
 * `docker image build`, `docker buildx build`) and `docker pull` is kept, with its flags
 * read as the Docker CLI reads them: long and short forms, `--flag=value` and `--flag
 * value`, combined short booleans (`-itd`), repeated flags; the image is the first word
 * that is not a flag, and what follows it is the container's command.
 *
 * Every offset is into the file as written, so findings in a README point at the line
 * and column of the README.
 */
#ifndef PL_MODEL_SCRIPT_H
#define PL_MODEL_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/source.h"

enum pl_script_lang {
	PL_SCRIPT_SHELL = 0, /* *.sh, a script with a sh or bash shebang */
	PL_SCRIPT_MAKE,      /* Makefile, *.mk: recipe lines */
	PL_SCRIPT_MARKDOWN,  /* *.md: shell code blocks */
};

enum pl_docker_verb {
	PL_DK_RUN = 0, /* run and create: they take the same flags */
	PL_DK_BUILD,
	PL_DK_PULL,
};

/* One word of a command: its text with quotes removed, and where it was written. */
struct pl_script_word {
	const char *text;
	uint32_t off, end;
	bool expansion; /* holds $var, $( ) or backticks: its value is not known here */
};

struct pl_docker_flag {
	const char *name;  /* the long name without dashes: "publish" for -p, "net" stays
			    * "network"; an unknown flag keeps its own spelling */
	const char *value; /* NULL for a boolean given without =value */
	uint32_t off, end;   /* the flag as written ("-p", "--env=A=b", "-itd") */
	uint32_t voff, vend; /* its value (equal to off, end when it has none) */
	bool vexpansion;     /* the value holds an expansion */
};

struct pl_docker_cmd {
	enum pl_docker_verb verb;
	const char *tool;            /* "docker" or "podman" */
	uint32_t off, end;           /* the whole command */
	uint32_t verb_off, verb_end; /* "docker run", "podman container create", ... */
	struct pl_docker_flag *flags;
	size_t nflags;
	const struct pl_script_word *image; /* run/create/pull: the image; build: the
					     * context; NULL when missing */
	struct pl_script_word *args; /* all words after the subcommand, in order */
	size_t nargs;
	size_t image_arg;            /* index of IMAGE in ARGS (nargs when none) */
	/* A word in flag position whose value is not known ("$DOCKER_OPTS", "${args[@]}"):
	 * any flag may hide in it, so the rules about a missing flag say nothing. */
	bool opaque;
	/* Placeholders: the image is an expansion or written as <image>, {{ }} or ... */
	bool placeholder;
	/* -d/--detach or --restart other than "no": a long-running service rather than a
	 * one-off tool run. Hardening rules about missing flags apply only to services. In
	 * Markdown only --restart counts: `docker run -d` in a README is a quick start. */
	bool service;
};

struct pl_script {
	const struct pl_source *src;
	enum pl_script_lang lang;
	struct pl_docker_cmd *cmds;
	size_t ncmds;
	bool truncated; /* PL_MAX_SCRIPT_COMMANDS reached */
};

/* The language of a file, by its name (the base name is enough). */
enum pl_script_lang pl_script_lang_of(const char *name);

/* Whether TEXT[0..n) mentions "docker " or "podman ": a file that does not holds no
 * command for the model and is not worth reading further. */
bool pl_script_sniff(const char *text, size_t n);

/* Whether TEXT[0..n) starts with a sh, bash, dash, ksh or zsh shebang line. */
bool pl_script_shebang(const char *text, size_t n);

/* Builds the model of SRC read as LANG; arrays and strings live in A. Never fails. */
void pl_script_build(const struct pl_source *src, enum pl_script_lang lang, struct pl_arena *a,
		     struct pl_script *out);

/* The last flag of CMD named NAME (long name), or NULL. */
const struct pl_docker_flag *pl_docker_flag(const struct pl_docker_cmd *cmd, const char *name);

#endif
