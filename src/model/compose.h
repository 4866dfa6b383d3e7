/*
 * compose.h -- a Compose file as rules read it.
 *
 * The YAML tree stays libfyaml's; the model lists the services and gives rules one way to
 * read values (pl_compose_str follows aliases and merge keys) and one way to place a
 * finding (pl_compose_span: on the value when it is a scalar, else on its key, else on
 * the service's name).
 *
 * A project is one or more files, as `docker compose -f a.yaml -f b.yaml` reads them (and
 * compose.yaml with compose.override.yaml by default). The files are not merged into a
 * new tree: a service is the list of its definitions (layers), lowest precedence first --
 * the services it extends, then each file that defines it in order -- and every lookup
 * consults the layers as the Compose specification's merge rules say: mappings merge key
 * by key, scalars and commands are overridden, sequences are appended, ports, volumes,
 * secrets and configs are unique by key. Every node a lookup returns is a node of one of
 * the files, so a finding points at the file and line where the deciding value is
 * written (pl_compose_place).
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

/* One file of the project. */
struct pl_compose_file {
	const struct pl_source *src;
	const char *name; /* as findings show it */
	const char *dir;  /* its folder, for `extends: file:`; NULL when not on disk */
	struct pl_yaml yaml;
	bool owned;       /* src was read by the model (a file named by `extends`) */
};

/* One definition of a service. */
struct pl_compose_layer {
	struct fy_node *key;  /* the name's key node */
	struct fy_node *node; /* its mapping; NULL for `name:` with no settings */
	size_t file;          /* index in the project's files */
};

struct pl_compose_service {
	const char *name;
	struct fy_node *key;  /* the name's key node in the first file that defines the
			       * service, for positions (and findings about a missing
			       * setting) */
	struct fy_node *node; /* its mapping there; NULL for `name:` with no settings */
	struct pl_compose_layer *layers; /* lowest precedence first */
	size_t nlayers, cap;
	bool has_profiles; /* started only when one of its profiles is enabled */
};

/* An error found while putting the project together (`extends` that cannot be followed):
 * the service keeps the definitions that could be read, and is still checked. */
struct pl_image_index;

struct pl_compose_diag {
	const char *file;
	uint32_t line, col;
	const char *message;
	bool note; /* a file outside the scan is missing: the rest is scanned, and the scan
		    * is not an input error (a partial checkout, a file made at deploy time) */
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
	bool in_scan;           /* the Dockerfile is one of the scan's own inputs, so its own
				 * rules report what it lacks, at the place to fix it */
};

struct pl_compose {
	const struct pl_source *src;
	struct pl_arena *arena;
	const char *dir; /* the folder of the file on disk, for build contexts; NULL when the
			  * file was not read from disk (standard input, tests) */
	const struct pl_dotenv *env; /* the project's .env, for interpolation; NULL when none */
	const struct pl_image_index *scanned; /* the scan's Dockerfiles; NULL when unknown */
	struct pl_compose_image *images; /* per service, filled on first use */
	bool *images_done;
	struct pl_yaml yaml;
	struct fy_node *services_key; /* the `services:` key, NULL when absent */
	struct pl_compose_service *services;
	size_t nservices, cap;
	struct pl_compose_file *files; /* files[0] is the base file (src, yaml above) */
	size_t nfiles, files_cap;
	struct pl_compose_diag *diags;
	size_t ndiags, diags_cap;
};

/* Loads SRC as a Compose file. Returns 0, or -1 with *ERR (invalid YAML, or a shape no
 * Compose implementation accepts: a root or `services` that is not a mapping). */
int pl_compose_build(const struct pl_source *src, struct pl_arena *a, struct pl_compose *out,
		     struct pl_yaml_error *err);
void pl_compose_finish(struct pl_compose *c);

/* Building a project: pl_compose_init, pl_compose_add for each file in order (the first
 * is the base), then pl_compose_resolve once (c->dir and c->env set) to follow `extends`.
 * pl_compose_build does all three for one file that is not on disk. pl_compose_add
 * returns -1 with *ERR as pl_compose_build does; its SRC and NAME must outlive C. */
void pl_compose_init(struct pl_compose *c, struct pl_arena *a);
int pl_compose_add(struct pl_compose *c, const struct pl_source *src, const char *name,
		   struct pl_yaml_error *err);
void pl_compose_resolve(struct pl_compose *c);

/* The index of the file that node N belongs to (0 when N is NULL or not the project's). */
size_t pl_compose_file_of(const struct pl_compose *c, struct fy_node *n);

/* Setting PATH (keys, NULL-terminated) of service S: the value of the highest layer that
 * sets the whole path, as merged mappings give it; NULL when none does. A `!reset` value
 * makes the setting unset from there down. *KEY_NODE gets the last key's node. */
struct fy_node *pl_compose_getp(const struct pl_compose_service *s, struct fy_node **key_node,
				...) __attribute__((sentinel));

/* Calls FN for each item of sequence setting KEY of S (a scalar counts as a one-item
 * sequence) as the merged sequence holds them: items of lower layers first; a layer whose
 * value is tagged `!override`, and the shell commands (command, entrypoint), replace the
 * lower ones; an item that a higher layer repeats (the same text, or for ports, volumes,
 * secrets and configs the same unique key) is visited once, at the highest layer. Stops
 * when FN returns false. */
void pl_compose_each(const struct pl_compose *c, const struct pl_compose_service *s,
		     const char *key, bool (*fn)(struct fy_node *item, void *ctx), void *ctx);

/* Calls FN for each entry of mapping-like setting KEY of S (environment, labels,
 * build.args with PARENT "build", ...), in mapping form or as a list of NAME=VALUE: the
 * entries of every layer, each name once, from the highest layer that sets it. VALUE is
 * the item itself in list form; TEXT is the value as written (NULL for `NAME` or
 * `NAME:` without a value). */
void pl_compose_each_entry(const struct pl_compose *c, const struct pl_compose_service *s,
			   const char *parent, const char *key,
			   void (*fn)(const char *name, struct fy_node *key, struct fy_node *value,
				      const char *text, void *ctx),
			   void *ctx);

/* A `secrets:` or `configs:` item of a service in either syntax: the short "NAME" or the
 * long mapping with source, target, uid, gid and mode. */
struct pl_compose_ref {
	struct fy_node *node;   /* the item, for positions */
	const char *source;     /* the top-level secret or config it grants */
	const char *target;     /* where it appears: as written, or /run/secrets/NAME for a
				 * secret and /NAME for a config when not given */
	struct fy_node *mode;   /* the long syntax's mode; NULL when absent */
};
/* Calls FN for each secret (KEY "secrets") or config (KEY "configs") of S. */
void pl_compose_each_ref(const struct pl_compose *c, const struct pl_compose_service *s,
			 const char *key, bool (*fn)(const struct pl_compose_ref *ref, void *ctx),
			 void *ctx);

/* Setting KEY of service S (aliases and merge keys followed) from the highest layer that
 * sets it, NULL when unset; *KEY_NODE gets the key's node when given. A mapping value is
 * that layer's alone: read nested settings with pl_compose_getp. */
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
/* The same, and *FILE gets the index of the file the place is in. */
void pl_compose_place(const struct pl_compose *c, const struct pl_compose_service *s,
		      struct fy_node *node, struct fy_node *key, size_t *file, uint32_t *off,
		      uint32_t *end);

#endif
