/*
 * compose.h -- a Compose file as rules read it.
 *
 * The YAML tree stays libfyaml's; the model lists the services and gives rules one way to
 * read values (pl_compose_str follows aliases and merge keys) and one way to place a
 * finding (pl_compose_span: on the value when it is a scalar, else on its key, else on
 * the service's name).
 */
#ifndef PL_MODEL_COMPOSE_H
#define PL_MODEL_COMPOSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/source.h"
#include "parse/dotenv.h"
#include "parse/yaml.h"

struct pl_compose_service {
	const char *name;
	struct fy_node *key;  /* the name's key node, for positions */
	struct fy_node *node; /* its mapping; NULL for `name:` with no settings */
};

/* What the Dockerfile of a service with `build:` says about the image it builds, so that
 * Compose rules decide with the image's facts (pl_compose_image). */
struct pl_compose_image {
	bool known;             /* the Dockerfile was found, read and parsed */
	const char *dockerfile; /* its path as read, for messages */
	bool user_known;        /* its USER does not depend on an ARG of unknown value */
	bool root;              /* the built stage runs as root: USER root or 0, or no USER
				 * (the base image's user, root for nearly every base) */
	bool healthcheck;       /* the built stage has a HEALTHCHECK (NONE included) */
};

struct pl_compose {
	const struct pl_source *src;
	struct pl_arena *arena;
	const char *dir; /* the folder of the file on disk, for build contexts; NULL when the
			  * file was not read from disk (standard input, tests) */
	const struct pl_dotenv *env; /* the project's .env, for interpolation; NULL when none */
	struct pl_compose_image *images; /* per service, filled on first use */
	bool *images_done;
	struct pl_yaml yaml;
	struct fy_node *services_key; /* the `services:` key, NULL when absent */
	struct pl_compose_service *services;
	size_t nservices;
};

/* Loads SRC as a Compose file. Returns 0, or -1 with *ERR (invalid YAML, or a shape no
 * Compose implementation accepts: a root or `services` that is not a mapping). */
int pl_compose_build(const struct pl_source *src, struct pl_arena *a, struct pl_compose *out,
		     struct pl_yaml_error *err);
void pl_compose_finish(struct pl_compose *c);

/* Setting KEY of service S (aliases and merge keys followed), NULL when unset; *KEY_NODE
 * gets the key's node when given. */
struct fy_node *pl_compose_get(const struct pl_compose_service *s, const char *key,
			       struct fy_node **key_node);

/* The text of scalar N as Compose uses it: interpolated with the project's .env when
 * every variable it names is known (set there, or given a default), else as written, so
 * that a rule sees "${TAG}" rather than guess. NULL for collections and absent nodes. */
const char *pl_compose_str(const struct pl_compose *c, struct fy_node *n);
/* The text of scalar N as written in the file, references and all. */
const char *pl_compose_raw(const struct pl_compose *c, struct fy_node *n);

/* The image facts of service S when it builds from a Dockerfile on disk (build: with a
 * local context, dockerfile or dockerfile_inline); NULL for image-only services, remote
 * or interpolated contexts, and files whose folder is unknown. The Dockerfile is read
 * and parsed once per service, and a Dockerfile that cannot be read or parsed gives a
 * result with known false. */
const struct pl_compose_image *pl_compose_image(const struct pl_compose *c,
						const struct pl_compose_service *s);

/* Where a finding about NODE goes: NODE when it is a scalar, else KEY, else service S's
 * name. */
void pl_compose_span(const struct pl_compose *c, const struct pl_compose_service *s,
		     struct fy_node *node, struct fy_node *key, uint32_t *off, uint32_t *end);

#endif
