/*
 * config.h -- .plimsoll.yaml: the project's choices about rules, severities and policies.
 *
 * The file is found upward from the scanned path (or given with --config) and read with
 * libfyaml. Every key is known: an unknown key or a value of the wrong type is an error
 * with the file, line and column, so a typo never silently turns a policy off.
 *
 *   ignore: [DF0007, missing-healthcheck]      # rules off everywhere (ids or names)
 *   severity: {DF0002: high}                   # severity overrides
 *   paths:                                     # overrides for some files only
 *     - path: "examples/..."                   # a .dockerignore-style glob (* and **),
 *       ignore: [DF0001]                       #   directory of the config file
 *       severity: {DF0006: info}
 *   trusted_registries: [ghcr.io/acme, registry.acme.dev]
 *   base_image_pin: patch                      # tag | patch | digest
 *   required_labels: [org.opencontainers.image.source]
 */
#ifndef PL_ENGINE_CONFIG_H
#define PL_ENGINE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "engine/finding.h"
#include "engine/rule.h"

/* How precisely base images must be pinned (rules DF0002, DF0028). */
enum pl_pin_policy {
	PL_PIN_TAG = 0,  /* any explicit tag other than latest */
	PL_PIN_PATCH,    /* a full version tag such as 3.12.4-slim (the default) */
	PL_PIN_DIGEST,   /* a digest */
};

struct pl_sev_override {
	const struct pl_rule *rule;
	enum pl_severity severity;
};

struct pl_path_override {
	const char *glob;
	const struct pl_rule **ignore;
	size_t nignore;
	struct pl_sev_override *severity;
	size_t nseverity;
};

struct pl_config {
	struct pl_arena arena;
	const char *path;   /* the file read, or NULL for the built-in defaults */
	const char *dir;    /* its directory, which `paths` globs are relative to */
	const struct pl_rule **ignore;
	size_t nignore;
	struct pl_sev_override *severity;
	size_t nseverity;
	struct pl_path_override *paths;
	size_t npaths;
	const char **trusted_registries;
	size_t ntrusted;
	enum pl_pin_policy pin_policy;
	const char **required_labels;
	size_t nrequired;
};

/* The defaults: no file, nothing ignored, pin policy "patch". */
void pl_config_init(struct pl_config *cfg);
void pl_config_finish(struct pl_config *cfg);

/*
 * Reads PATH into CFG (initialised by pl_config_init). Returns 0, or -1 with every problem
 * recorded in R as a file error with line and column (unknown keys, wrong types, unknown
 * rule ids, bad severities or policies, invalid YAML, a file over the size limit).
 */
int pl_config_load(struct pl_config *cfg, const char *path, struct pl_report *r);

/*
 * Looks for .plimsoll.yaml (then .plimsoll.yml) in START (a file's directory or a
 * directory) and each of its parents. Returns a heap path, or NULL when there is none.
 */
char *pl_config_find(const char *start);

/*
 * The severity rule R has for FILE (the path as scanned) under CFG, with path overrides
 * applied in order; -1 when the rule is ignored for that file.
 */
int pl_config_severity(const struct pl_config *cfg, const struct pl_rule *r, const char *file);

/* Whether IMAGE (a resolved reference such as "ghcr.io/acme/api:1.2") comes from a
 * trusted registry; true when no trusted registries are configured. */
bool pl_config_trusted(const struct pl_config *cfg, const char *image);

#endif
