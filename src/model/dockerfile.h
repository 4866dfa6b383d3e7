/*
 * dockerfile.h -- what rules read about a Dockerfile: stages, images, and the state in
 * effect at every instruction.
 *
 * The syntax tree (parse/dockerfile.h) says what was written; the model says what it
 * means: which stage an instruction belongs to, the base image split into registry,
 * repository, tag and digest (after ARG expansion where the value is known), the final
 * stage and which stages reach it through FROM and COPY --from, and the effective USER,
 * WORKDIR, ENV, ARG and SHELL at each instruction. RUN commands come split into simple
 * commands (parse/shell.h) with source offsets. Rules program against this header, so a
 * parser change does not ripple through them.
 */
#ifndef PL_MODEL_DOCKERFILE_H
#define PL_MODEL_DOCKERFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "parse/dockerfile.h"
#include "parse/shell.h"

/* A variable binding in an immutable list, newest first, shared between states. */
struct pl_kv {
	const char *key;
	const char *value; /* expanded value; NULL when not known (ARG without value) */
	const struct pl_kv *next;
	size_t instr;      /* the ENV or ARG instruction that set it */
	const struct pl_df_word *word; /* the value's word in that instruction (may be NULL) */
};

struct pl_image_ref {
	const char *raw;        /* as written in FROM */
	const char *resolved;   /* after ARG expansion; NULL when an ARG value is unknown */
	bool scratch;
	int stage;              /* index of the earlier stage it names, or -1 */
	const char *registry;   /* "ghcr.io"; NULL when implicit (Docker Hub) */
	const char *repository; /* "library/node" form is not applied: "node", "org/app" */
	const char *tag;        /* NULL when none */
	const char *digest;     /* "sha256:..." or NULL */
};

/* Splits a resolved reference such as "ghcr.io/org/app:1.2@sha256:ab" into REF's
 * registry, repository, tag and digest (allocated from A). */
void pl_image_ref_split(const char *ref, struct pl_arena *a, struct pl_image_ref *out);

struct pl_df_state {
	int stage;              /* -1 before the first FROM */
	const char *user;       /* USER in effect; NULL when no USER was set in this stage or
				 * the stages it builds on (the base image decides) */
	bool user_known;        /* false when USER used an ARG whose value is unknown */
	long user_instr;        /* the USER instruction, or -1 */
	const char *workdir;    /* NULL when never set */
	const struct pl_kv *env;
	const struct pl_kv *args;
	const char *const *shell; /* SHELL in effect; {"/bin/sh", "-c"} by default */
	size_t nshell;
};

struct pl_stage {
	int index;
	const char *name;   /* lowercase "AS" name, or NULL */
	size_t from;        /* instruction index of the FROM */
	size_t last;        /* last instruction index of the stage */
	struct pl_image_ref base;
	const char *platform; /* --platform value as written, or NULL */
	bool is_final;
	bool reaches_final; /* the final stage builds on it or copies from it */
	bool in_final_chain; /* the final stage, or a stage it builds FROM (directly or not):
			      * its CMD, USER, HEALTHCHECK... are the final image's */
	struct pl_df_state end; /* the state after its last instruction */
	int *deps;          /* stages it builds on or copies from */
	size_t ndeps;
};

/* A problem the model found: BuildKit would refuse to build, or a value is invalid. */
struct pl_df_issue {
	const char *message;
	uint32_t off;
};

struct pl_df_model {
	const struct pl_df_file *file;
	const struct pl_source *src;
	struct pl_arena *arena;
	struct pl_stage *stages;
	size_t nstages;
	int final_stage;             /* -1 when the file has no FROM */
	struct pl_df_state *states;  /* per instruction: in effect before it runs */
	/* Per instruction: its shell commands (RUN in shell form, exec-form shells and RUN
	 * heredoc scripts), word and command offsets already mapped to source offsets.
	 * Empty for other instructions. */
	struct pl_sh_script *scripts;
	const struct pl_kv *global_args; /* ARGs before the first FROM */
	struct pl_df_issue *issues;
	size_t nissues;
	int *stage_names;        /* index for pl_df_stage_named: open addressing */
	size_t stage_names_cap;  /* a power of two */
};

struct pl_df_model_opts {
	const char *target; /* --target stage name, or NULL for the last stage */
	const char *const *build_args; /* "NAME=value" strings, NULL-terminated, or NULL */
};

/* Builds the model of FILE into M, allocating from A. Never fails; problems go to
 * M->issues. */
void pl_df_model_build(const struct pl_df_file *file, const struct pl_df_model_opts *o,
		       struct pl_arena *a, struct pl_df_model *m);

/* Looks up NAME in ENV then ARG scope of state S: returns PL_VAR_* as parse/shell.h. */
enum pl_var_state pl_df_lookup(const struct pl_df_state *s, const char *name, size_t n,
			       const char **value);

/* Expands WORD with the variables of state S. Returns the expansion, or NULL when it
 * uses a variable whose value is unknown or cannot be expanded. */
const char *pl_df_expand(const struct pl_df_model *m, const struct pl_df_state *s,
			 const char *word);

/* The first stage named NAME (case-insensitively), or -1; constant time. */
int pl_df_stage_named(const struct pl_df_model *m, const char *name);

/* The stage of instruction I, or NULL before the first FROM. */
const struct pl_stage *pl_df_stage_of(const struct pl_df_model *m, size_t i);

/* Whether USER value U means root: "root", "0", "root:…", "0:…". */
bool pl_user_is_root(const char *u);

#endif
