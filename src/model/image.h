/*
 * image.h -- what a Dockerfile of the scanned tree says about the image it builds, for
 * the rules of files that run that image (Kubernetes manifests).
 *
 * A scan knows its Dockerfiles before it reads any file: the index maps a repository
 * name to the one Dockerfile that builds it, by the Dockerfile's folder (`api/Dockerfile`
 * builds `api`) or its name (`api.Dockerfile`). An image such as `ghcr.io/acme/api:1.2`
 * is looked up by its last path component, `api`. The facts themselves are read on
 * demand, by the file that asks.
 */
#ifndef PL_MODEL_IMAGE_H
#define PL_MODEL_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/source.h"

/* What a Dockerfile's built stage says about the image. */
struct pl_image_facts {
	bool known;             /* the Dockerfile was read and parsed */
	const char *dockerfile; /* its path, for messages */
	bool user_known;        /* its USER does not depend on an ARG of unknown value */
	const char *user;       /* the USER in effect; NULL when none (the base image's) */
	bool root;              /* runs as root: USER root or 0, or no USER (the base
				 * image's user, root for nearly every base) */
	bool healthcheck;       /* the built stage has a HEALTHCHECK (NONE included) */
};

/* Facts of stage TARGET (the last one when NULL) of the Dockerfile in SRC, named NAME in
 * messages; OUT->known stays false when SRC does not parse. */
void pl_image_facts_of(const struct pl_source *src, const char *name, const char *target,
		       struct pl_arena *a, struct pl_image_facts *out);

struct pl_image_entry {
	const char *name;  /* the repository name it builds; not NUL-terminated */
	size_t len;
	const char *path;  /* the Dockerfile's path, as the scan reads it */
};

struct pl_image_index {
	struct pl_image_entry *entries;
	size_t n;
};

/* Adds PATH when it names a Dockerfile that builds a repository (`DIR/Dockerfile` or
 * `NAME.Dockerfile`); PATH must outlive the index. */
void pl_image_index_add(struct pl_image_index *ix, const char *path);
void pl_image_index_finish(struct pl_image_index *ix);

/* The Dockerfile that builds REPOSITORY ("acme/api" is looked up as "api"); NULL when
 * none, or when several Dockerfiles claim the name. */
const char *pl_image_index_find(const struct pl_image_index *ix, const char *repository);

#endif
