/*
 * util.h -- questions that several Kubernetes rules ask of the model.
 */
#ifndef PL_RULES_K8S_UTIL_H
#define PL_RULES_K8S_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/run.h"
#include "model/k8s.h"

/* Reports a finding of CK's rule about N (or its KEY, or AT when neither is a scalar). */
struct pl_finding *pl_k8s_report(struct pl_check *ck, struct fy_node *n, struct fy_node *key,
				 struct fy_node *at, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* "Deployment 'api'" (or "a Deployment" when unnamed), for messages. */
const char *pl_k8s_obj_desc(const struct pl_k8s *k, const struct pl_k8s_object *o);

/* "container 'web' of Deployment 'api'" ("init container ...", "ephemeral container
 * ..."), for messages. */
const char *pl_k8s_desc(const struct pl_k8s *k, const struct pl_k8s_container *c);

/* The object that pod P belongs to, and the pod of container C. */
const struct pl_k8s_object *pl_k8s_pod_obj(const struct pl_k8s *k, const struct pl_k8s_pod *p);
const struct pl_k8s_pod *pl_k8s_pod_of(const struct pl_k8s *k, const struct pl_k8s_container *c);

/* Whether text S is filled in later (a template or a `$(VAR)` reference): rules say
 * nothing about values they cannot know. */
bool pl_k8s_unknown(const char *s);

/* Scalar N as a boolean: 1 true, 0 false, -1 absent or anything else. */
int pl_k8s_bool(const struct pl_k8s *k, struct fy_node *n);

/* Scalar N as a decimal integer in *V; false when N is absent or not one. */
bool pl_k8s_int(const struct pl_k8s *k, struct fy_node *n, long long *v);

/* The next item of sequence SEQ (aliases followed), NULL at the end or when SEQ is not a
 * sequence; *IT starts NULL. */
struct fy_node *pl_k8s_next(struct fy_node *seq, void **it);

/* Annotation KEY of pod P's metadata (the pod template's for controllers), NULL when
 * absent; *KEY_NODE gets the key when given. */
struct fy_node *pl_k8s_annotation(const struct pl_k8s_pod *p, const char *key,
				  struct fy_node **key_node);

/* The resources.KIND.NAME setting of container C ("limits", "memory"), NULL when absent. */
struct fy_node *pl_k8s_resource(const struct pl_k8s_container *c, const char *kind,
				const char *name);

/* The image of C split into its parts in *REF; false when C has no image or it is not
 * known (templated). *NODE gets the image's node. */
bool pl_k8s_image(const struct pl_k8s *k, const struct pl_k8s_container *c,
		  struct pl_image_ref *ref, struct fy_node **node);

/* Whether host path P is a container runtime's control socket, or a directory that
 * holds one (mounting /var/run mounts docker.sock too). */
bool pl_k8s_runtime_socket(const char *p);

/* Whether field F of container C comes from the pod's securityContext and an earlier
 * container of the same pod inherits the same value: a pod-level value is reported once,
 * at the pod, not once per container. */
bool pl_k8s_pod_seen(const struct pl_k8s *k, const struct pl_k8s_container *c,
		     enum pl_k8s_sc_field f);

/* Reports every pod of K whose spec sets the boolean KEY (hostNetwork, hostPID, hostIPC)
 * true, saying that it shares the node's WHAT namespace. */
void pl_k8s_check_host_ns(struct pl_check *ck, const struct pl_k8s *k, const char *key,
			  const char *what);

#endif
