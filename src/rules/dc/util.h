/*
 * util.h -- questions that several Compose rules ask of the model.
 */
#ifndef PL_RULES_DC_UTIL_H
#define PL_RULES_DC_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/run.h"
#include "model/compose.h"

/* Reports a finding of CK's rule about NODE (or its KEY, or service S's name when neither
 * has a position). */
struct pl_finding *pl_dc_report(struct pl_check *ck, const struct pl_compose_service *s,
				struct fy_node *node, struct fy_node *key, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Setting KEY of S as text (NULL when unset or not a scalar). */
const char *pl_dc_str(const struct pl_compose *c, const struct pl_compose_service *s,
		      const char *key, struct fy_node **node, struct fy_node **key_node);

/* The items of sequence N (aliases followed), or of a one-item "sequence" when N is a
 * scalar; calls FN for each until it returns false. */
void pl_dc_each(struct fy_node *n, bool (*fn)(struct fy_node *item, void *ctx), void *ctx);

/* `deploy.resources.limits.KEY` of S, or the legacy top-level setting LEGACY; NULL when
 * neither is set. */
struct fy_node *pl_dc_limit(const struct pl_compose_service *s, const char *key,
			    const char *legacy);

/* Image of S without a build: reference text, NULL when the service builds its image. */
const char *pl_dc_image(const struct pl_compose *c, const struct pl_compose_service *s,
			struct fy_node **node);

/* The host path a `volumes:` item mounts (short "SRC:DST[:MODE]" or long syntax with
 * type bind), NULL for named volumes, tmpfs and interpolated sources; *AT gets the node to
 * point a finding at. */
const char *pl_dc_volume_source(const struct pl_compose *c, struct fy_node *item,
				struct fy_node **at);

/* One port that a service publishes on the host. */
struct pl_dc_port {
	struct fy_node *node, *key; /* where a finding points */
	const char *text;           /* the short syntax, or the long syntax's `published` */
	bool all_interfaces;        /* no host address, or 0.0.0.0 / :: */
	long target;                /* the container port; -1 when not a plain number */
	long published;             /* the host port; -1 when Docker picks one or not a number */
};

/* Calls FN for each port of S whose host address is known (interpolated addresses are
 * skipped), until FN returns false. */
void pl_dc_each_port(const struct pl_compose *c, const struct pl_compose_service *s,
		     bool (*fn)(const struct pl_dc_port *p, void *ctx), void *ctx);

/* Whether port TARGET of S belongs to a data store, cache, message broker or monitoring
 * endpoint (by well-known port, or any port of a well-known image of that kind); *WHAT
 * names it ("PostgreSQL"). */
bool pl_dc_datastore_port(const struct pl_compose *c, const struct pl_compose_service *s,
			  long target, const char **what);

/* Calls FN for each `environment:` entry of S, in mapping or list form: NAME, the node to
 * point at for the name (KEY) and for the value (VALUE, the item itself in list form),
 * and the value text as written, references not interpolated (NULL for `NAME` or `NAME:`
 * without a value). */
void pl_dc_each_env(const struct pl_compose *c, const struct pl_compose_service *s,
		    void (*fn)(const char *name, struct fy_node *key, struct fy_node *value,
			       const char *text, void *ctx),
		    void *ctx);

/* Whether S defines a health check that is not `disable: true` or a NONE test. */
bool pl_dc_has_healthcheck(const struct pl_compose *c, const struct pl_compose_service *s);
/* Whether S turns its image's health check off explicitly (`disable: true`, NONE). */
bool pl_dc_healthcheck_disabled(const struct pl_compose *c, const struct pl_compose_service *s);

/* The service named NAME, or NULL. */
const struct pl_compose_service *pl_dc_service(const struct pl_compose *c, const char *name);

#endif
