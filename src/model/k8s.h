/*
 * k8s.h -- Kubernetes manifests as rules read them.
 *
 * A manifest is a YAML stream (or a JSON document) of objects, each with `apiVersion` and
 * `kind`; `kind: List` and the typed lists (`PodList`, ...) carry more objects in `items`.
 * The model lists the objects, the pod specs of every workload (Pod, its controllers, Job,
 * CronJob, PodTemplate, Knative Service and Configuration), and every container of those pods with its effective
 * securityContext: the container's own setting, else the pod's for the fields Kubernetes
 * inherits from the pod. The YAML tree stays libfyaml's, so rules point findings at the
 * value or key they are about.
 */
#ifndef PL_MODEL_K8S_H
#define PL_MODEL_K8S_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/source.h"
#include "model/image.h"
#include "parse/yaml.h"

/* What a YAML file is, judged by its first bytes (pl_k8s_sniff). */
enum pl_yaml_content {
	PL_YAML_OTHER,   /* neither: a Helm values file, a CI workflow, ... */
	PL_YAML_K8S,     /* `apiVersion` and `kind` keys */
	PL_YAML_COMPOSE, /* a top-level `services:` */
};

/* securityContext fields, in the effective context of a container. The first six are
 * PodSecurityContext fields too, inherited when the container leaves them unset; the
 * others exist on containers only. */
enum pl_k8s_sc_field {
	PL_K8S_RUN_AS_USER,
	PL_K8S_RUN_AS_GROUP,
	PL_K8S_RUN_AS_NON_ROOT,
	PL_K8S_SECCOMP_PROFILE,
	PL_K8S_APPARMOR_PROFILE,
	PL_K8S_SELINUX_OPTIONS,
	PL_K8S_PRIVILEGED,
	PL_K8S_ALLOW_PRIVILEGE_ESCALATION,
	PL_K8S_CAPABILITIES,
	PL_K8S_READ_ONLY_ROOT_FILESYSTEM,
	PL_K8S_PROC_MOUNT,
	PL_K8S_SC_COUNT
};
#define PL_K8S_SC_POD_FIELDS 6 /* the fields before PL_K8S_PRIVILEGED */

/* One effective securityContext field. */
struct pl_k8s_setting {
	struct fy_node *value; /* NULL when unset at both levels */
	struct fy_node *key;   /* its key, for positions */
	bool from_pod;         /* inherited from the pod's securityContext */
	bool pod_first;        /* the first container of its pod to inherit it */
};

struct pl_k8s_object {
	const char *api_version, *kind; /* never NULL */
	const char *name;               /* metadata.name; NULL when absent */
	struct fy_node *node;           /* the object's mapping */
	struct fy_node *at;             /* where findings about the object go: metadata.name's
					 * value, else kind's value */
	struct fy_node *metadata;       /* NULL when absent */
	struct fy_node *ns, *ns_key;    /* metadata.namespace value and key; NULL when absent */
};

enum pl_k8s_container_kind {
	PL_K8S_CONTAINER,
	PL_K8S_INIT_CONTAINER,
	PL_K8S_EPHEMERAL_CONTAINER,
};

struct pl_k8s_pod {
	size_t object;         /* index in k8s->objects */
	struct fy_node *meta;  /* the pod's metadata (annotations live here); may be NULL */
	struct fy_node *spec;  /* the PodSpec mapping */
	struct fy_node *sc;    /* spec.securityContext mapping, or NULL */
	bool runs_to_completion; /* Job, CronJob: probes and restarts do not apply */
	unsigned inherited;    /* bit F: a container inherits field F from the pod */
	size_t first, n;       /* its containers: k8s->containers[first .. first+n) */
};

struct pl_k8s_container {
	const char *name;      /* "" when unnamed */
	struct fy_node *node;  /* the container's mapping */
	struct fy_node *at;    /* where findings about the container go: its name's value,
				* else its image's */
	enum pl_k8s_container_kind kind;
	size_t pod;            /* index in k8s->pods */
	struct pl_k8s_setting sc[PL_K8S_SC_COUNT];
};

struct pl_k8s {
	const struct pl_source *src;
	struct pl_arena *arena;
	struct pl_yaml_stream yaml;
	struct pl_k8s_object *objects;
	size_t nobjects;
	struct pl_k8s_pod *pods;
	size_t npods;
	struct pl_k8s_container *containers;
	size_t ncontainers;
	/* Why the file was not read as a manifest (a Helm or Go template); NULL when it was.
	 * A skipped file has no objects and is not an error. */
	const char *skipped;
	/* The scan's Dockerfiles by the repository they build (NULL when unknown), and the
	 * facts of each container's image, read on first use: see pl_k8s_image_facts. */
	const struct pl_image_index *images;
	struct pl_image_facts *facts;   /* per container; NULL when there is no index */
	unsigned char *facts_state;     /* per container: 0 not looked up, 1 none, 2 facts */
};

/* Whether the N bytes at TEXT look like Kubernetes objects, a Compose file or neither:
 * a cheap look at keys, for choosing files before anything is parsed. */
enum pl_yaml_content pl_k8s_sniff(const char *text, size_t n);

/* Loads SRC as a Kubernetes manifest. Returns 0 (with OUT->skipped set when SRC is a
 * template rather than a manifest), or -1 with *ERR (invalid YAML, an alias bomb, nesting
 * too deep). OUT is to be finished either way. */
int pl_k8s_build(const struct pl_source *src, struct pl_arena *a, struct pl_k8s *out,
		 struct pl_yaml_error *err);
void pl_k8s_finish(struct pl_k8s *k);

/* Makes the containers of K look up their images in IX, the scan's Dockerfiles. */
void pl_k8s_use_images(struct pl_k8s *k, const struct pl_image_index *ix);

/* The facts of the Dockerfile in the scan that builds container C's image, matched by
 * repository name (see image.h); NULL when none does, or it cannot be read. */
const struct pl_image_facts *pl_k8s_image_facts(const struct pl_k8s *k,
						const struct pl_k8s_container *c);

/* Field F of container C's effective securityContext. */
const struct pl_k8s_setting *pl_k8s_sc(const struct pl_k8s_container *c,
				       enum pl_k8s_sc_field f);

/* The value of KEY in mapping MAP (aliases and merge keys followed), NULL when absent;
 * *KEY_NODE gets the key's node when given. */
struct fy_node *pl_k8s_get(struct fy_node *map, const char *key, struct fy_node **key_node);

/* The text of scalar N; NULL for collections and absent nodes. */
const char *pl_k8s_str(const struct pl_k8s *k, struct fy_node *n);

/* Where a finding goes: N when it is a scalar, else KEY when it is, else AT. */
void pl_k8s_span(const struct pl_k8s *k, struct fy_node *n, struct fy_node *key,
		 struct fy_node *at, uint32_t *off, uint32_t *end);

#endif
