/*
 * rule.h -- what a rule is: its metadata and its checks, in one struct.
 *
 * A rule's struct is the single source of truth for everything said about it: `plimsoll
 * rules`, `plimsoll explain`, the SARIF rules[] array, the pages in docs/rules and the meta-tests
 * all read these fields. Checks are called by the engine during its one pass over a
 * document (engine/run.h); a check reports through pl_report_at and friends.
 */
#ifndef PL_ENGINE_RULE_H
#define PL_ENGINE_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/severity.h"

struct pl_check;
struct pl_df_model;
struct pl_compose;
struct pl_inspect;
struct pl_k8s;
struct pl_script;

/* What kind of document a rule reads. */
enum pl_input {
	PL_IN_DOCKERFILE = 1u << 0,
	PL_IN_COMPOSE = 1u << 1,
	PL_IN_K8S = 1u << 2,
	PL_IN_INSPECT = 1u << 3, /* `docker inspect` output for containers */
	PL_IN_SCRIPT = 1u << 4,  /* docker command lines in scripts, Makefiles, Markdown */
};

struct pl_rule {
	const char *id;    /* "DF0001": never reused, never renamed */
	const char *name;  /* kebab-case: "final-user-root" */
	const char *title; /* one line, sentence case, no final period */
	enum pl_severity severity;
	const char *category; /* "privilege", "secrets", "supply-chain", "hygiene", "runtime", "syntax" */
	const char *why;      /* the risk, in a paragraph */
	const char *fix;      /* the remedy, in a paragraph */
	const char *bad;      /* a short example that is reported */
	const char *good;     /* the same example fixed */
	const char *const *refs;  /* documentation URLs, NULL-terminated */
	const char *const *peers; /* "hadolint:DL3002", "trivy:DS-0002", ... NULL-terminated */
	unsigned inputs;          /* enum pl_input bits */

	/* Called for each instruction whose kind bit (1u << enum pl_df_kind) is in ON_INSTR,
	 * ONBUILD sub-instructions excluded; I indexes m->file->instrs. */
	unsigned on_instr;
	void (*check_instr)(struct pl_check *ck, const struct pl_df_model *m, size_t i);
	/* Called once per Dockerfile after the instruction pass. */
	void (*check_doc)(struct pl_check *ck, const struct pl_df_model *m);
	/* Called once per Compose file (inputs has PL_IN_COMPOSE). */
	void (*check_compose)(struct pl_check *ck, const struct pl_compose *c);
	/* Called once per Kubernetes manifest (inputs has PL_IN_K8S). */
	void (*check_k8s)(struct pl_check *ck, const struct pl_k8s *k);
	/* Called once per `docker inspect` output (inputs has PL_IN_INSPECT). */
	void (*check_inspect)(struct pl_check *ck, const struct pl_inspect *in);
	/* Called once per script, Makefile or Markdown file (inputs has PL_IN_SCRIPT). */
	void (*check_script)(struct pl_check *ck, const struct pl_script *s);

	/* For rules that act only on a project setting: the .plimsoll.yaml under which the
	 * bad example is reported (the good one is checked under it too). NULL otherwise. */
	const char *example_config;
	/* For rules about the build context: the files beside the examples' Dockerfile, one
	 * per line ("PATH", "PATH: TEXT" with \n for line breaks, "PATH/" for a folder). */
	const char *example_context;
};

#define PL_ON(kind) (1u << (kind))

/* The catalog, sorted by id (rules/registry.c). */
extern const struct pl_rule *const pl_rules[];
extern const size_t pl_nrules;

/* By id ("DF0001", any case) or name ("final-user-root"); NULL when unknown. */
const struct pl_rule *pl_rule_find(const char *id_or_name);

#endif
