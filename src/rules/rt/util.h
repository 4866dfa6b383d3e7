/*
 * util.h -- questions that several runtime rules ask of a `docker inspect` container.
 */
#ifndef PL_RULES_RT_UTIL_H
#define PL_RULES_RT_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/run.h"
#include "model/inspect.h"

/*
 * Reports a finding of CK's rule about container CT at value V, or at the container's
 * name when V is NULL or has no position. The message is "container 'NAME' (SHORT-ID) "
 * followed by FMT, so that every runtime finding says which container it is about.
 */
struct pl_finding *pl_rt_report(struct pl_check *ck, const struct pl_inspect_container *ct,
				const struct pl_inspect_value *v, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Whether capability V ("SYS_ADMIN", "CAP_SYS_ADMIN", "sys_admin") is NAME. */
bool pl_rt_cap_is(const char *v, const char *name);

/* Whether capability V is one of those close to root on the host (SYS_ADMIN, NET_ADMIN,
 * SYS_PTRACE, ALL ...). */
bool pl_rt_dangerous_cap(const char *v);

/* Whether host path P is a container runtime's API socket (docker.sock, containerd.sock,
 * podman.sock). */
bool pl_rt_runtime_socket(const char *p);

/* The SecurityOpt item of CT that sets option NAME ("seccomp", "no-new-privileges"),
 * written "NAME=VALUE", "NAME:VALUE" or plain "NAME"; NULL when none does. *VALUE gets
 * the text after the separator ("" for plain NAME). */
const struct pl_inspect_value *pl_rt_security_opt(const struct pl_inspect_container *ct,
						  const char *name, const char **value);

/* The port bindings of CT: HostConfig.PortBindings as requested, or, when it has none
 * (docker run -P publishes to random ports), NetworkSettings.Ports as in effect. */
const struct pl_inspect_port *pl_rt_bindings(const struct pl_inspect_container *ct, size_t *n);

/* The host port of binding P as a number, 0 when it is empty ("any free port") or not a
 * number. */
unsigned pl_rt_host_port(const struct pl_inspect_port *p);

#endif
