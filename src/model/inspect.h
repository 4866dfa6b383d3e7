/*
 * inspect.h -- containers as `docker inspect` prints them, as rules read them.
 *
 * `docker inspect $(docker ps -q)` prints a JSON array with one object per container: its
 * configuration as created (Config, HostConfig) and its state (State, Mounts,
 * NetworkSettings). The model keeps the settings the runtime rules ask about, each as a
 * typed value with the exact bytes it came from, so that a finding points at the
 * offending value in the file. A setting that is absent, or of a type Docker never prints
 * for it, is PL_JV_ABSENT or keeps its own kind: rules stay silent on what they cannot
 * know.
 */
#ifndef PL_MODEL_INSPECT_H
#define PL_MODEL_INSPECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/source.h"

enum pl_jv_kind {
	PL_JV_ABSENT = 0,
	PL_JV_NULL,
	PL_JV_BOOL,
	PL_JV_INT,
	PL_JV_REAL,
	PL_JV_STR,
	PL_JV_ARRAY,
	PL_JV_OBJECT,
};

/* One JSON value: its kind, its content for scalars, and its bytes in the source. */
struct pl_inspect_value {
	enum pl_jv_kind kind;
	bool b;            /* PL_JV_BOOL */
	int64_t i;         /* PL_JV_INT */
	const char *s;     /* PL_JV_STR, decoded; "" otherwise, never NULL */
	uint32_t off, end; /* both 0 when absent */
};

/* A JSON array of values (CapAdd, SecurityOpt, Binds, Healthcheck.Test ...). */
struct pl_inspect_list {
	struct pl_inspect_value at; /* the array itself (or null, or absent) */
	struct pl_inspect_value *items;
	size_t n;
};

/* One host binding of a container port: "80/tcp": [{"HostIp": "", "HostPort": "8080"}]. */
struct pl_inspect_port {
	const char *port;     /* the key, "80/tcp" */
	struct pl_inspect_value host_ip, host_port;
	uint32_t off, end;    /* the binding object */
};

/* One entry of Mounts (or of HostConfig.Binds when Mounts is absent). */
struct pl_inspect_mount {
	struct pl_inspect_value type, source, destination, mode, rw, propagation;
	bool from_bind; /* parsed out of a "SRC:DST[:OPTS]" string of HostConfig.Binds */
	uint32_t off, end;
};

/* One entry of HostConfig.Devices. */
struct pl_inspect_device {
	struct pl_inspect_value path_on_host, path_in_container, permissions;
	uint32_t off, end;
};

/* One entry of HostConfig.Ulimits. */
struct pl_inspect_ulimit {
	struct pl_inspect_value name, soft, hard;
	uint32_t off, end;
};

/* One Config.Env item, "NAME=value". */
struct pl_inspect_env {
	const char *name;
	const char *value;          /* after the '='; NULL when there is none */
	struct pl_inspect_value at; /* the whole string */
};

/* A member of an object used as a map (Config.Labels, Config.ExposedPorts). */
struct pl_inspect_pair {
	const char *key;
	struct pl_inspect_value value;
};

struct pl_inspect_container {
	const char *name;     /* Name without its leading '/', or the short id when unnamed */
	const char *id;       /* Id, "" when missing */
	const char *short_id; /* the first 12 characters of Id, as `docker ps` shows it */
	uint32_t off, end;    /* where findings about a missing setting point: Name's value,
			       * else Id's, else the object's first byte */

	/* Config */
	struct pl_inspect_value config, user, image, healthcheck;
	struct pl_inspect_list health_test; /* Config.Healthcheck.Test */
	struct pl_inspect_env *env;
	size_t nenv;
	struct pl_inspect_pair *labels, *exposed;
	size_t nlabels, nexposed;

	/* HostConfig */
	struct pl_inspect_value host_config;
	struct pl_inspect_value privileged, readonly_rootfs, memory, nano_cpus, cpu_shares,
		cpu_quota, pids_limit, network_mode, pid_mode, ipc_mode, uts_mode, userns_mode,
		cgroupns_mode, restart_name, restart_max, publish_all;
	struct pl_inspect_list cap_add, cap_drop, security_opt, binds;
	struct pl_inspect_port *bindings; /* HostConfig.PortBindings, requested */
	size_t nbindings;
	struct pl_inspect_device *devices;
	size_t ndevices;
	struct pl_inspect_ulimit *ulimits;
	size_t nulimits;

	/* State, Mounts, AppArmorProfile, NetworkSettings */
	struct pl_inspect_value running, health_status, apparmor;
	struct pl_inspect_mount *mounts;
	size_t nmounts;
	struct pl_inspect_port *ports; /* NetworkSettings.Ports, in effect; null entries
					* (exposed, not published) left out */
	size_t nports;
};

struct pl_inspect {
	const struct pl_source *src;
	struct pl_arena *arena;
	struct pl_inspect_container *containers;
	size_t ncontainers;
};

struct pl_inspect_error {
	uint32_t line, col; /* 0 when unknown */
	const char *message; /* in the arena */
};

/*
 * Loads SRC, the output of `docker inspect` for containers: an array of container objects
 * or one object. Returns 0, or -1 with *ERR: JSON that does not parse (jansson's line and
 * column), nesting or size over the limits of core/limits.h, or inspect output of another
 * kind of object (image, network, volume), named as such.
 */
int pl_inspect_build(const struct pl_source *src, struct pl_arena *a, struct pl_inspect *out,
		     struct pl_inspect_error *err);

/* Whether V is a string equal to S, ignoring ASCII case. */
bool pl_inspect_is(const struct pl_inspect_value *v, const char *s);

#endif
