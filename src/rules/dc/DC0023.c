/*
 * DC0023.c -- key that the Compose specification does not define.
 *
 * The vocabulary is the Compose specification's (compose-spec.json): top-level keys,
 * service keys and the keys of build, deploy, resources, healthcheck, restart_policy and
 * logging. Extension keys (x-...) are allowed everywhere.
 */
#include "core/str.h"
#include "rules/dc/util.h"

#include <stdio.h>
#include <string.h>

static const char *const top_keys[] = {
	"configs", "include", "models", "name", "networks", "secrets", "services",
	"version", "volumes", NULL,
};

static const char *const service_keys[] = {
	"annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup",
	"cgroup_parent", "command", "configs", "container_name", "cpu_count",
	"cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime",
	"cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on", "deploy",
	"develop", "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search",
	"domainname", "entrypoint", "env_file", "environment", "expose", "extends",
	"external_links", "extra_hosts", "gpus", "group_add", "healthcheck", "hostname",
	"image", "init", "ipc", "isolation", "label_file", "labels", "links", "logging",
	"mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit",
	"models", "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid",
	"pids_limit", "platform", "ports", "post_start", "pre_stop", "privileged",
	"profiles", "provider", "pull_policy", "pull_refresh_after", "read_only",
	"restart", "runtime", "scale", "secrets", "security_opt", "shm_size", "stdin_open",
	"stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty",
	"ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes",
	"volumes_from", "working_dir", NULL,
};

static const char *const build_keys[] = {
	"additional_contexts", "args", "cache_from", "cache_to", "context", "dockerfile",
	"dockerfile_inline", "entitlements", "extra_hosts", "isolation", "labels",
	"network", "no_cache", "platforms", "privileged", "provenance", "pull", "sbom",
	"secrets", "shm_size", "ssh", "tags", "target", "ulimits", NULL,
};

static const char *const deploy_keys[] = {
	"endpoint_mode", "labels", "mode", "placement", "replicas", "resources",
	"restart_policy", "rollback_config", "update_config", NULL,
};

static const char *const resources_keys[] = {
	"limits", "reservations", NULL,
};

static const char *const limits_keys[] = {
	"cpus", "memory", "pids", NULL,
};

static const char *const reservations_keys[] = {
	"cpus", "devices", "generic_resources", "memory", NULL,
};

static const char *const healthcheck_keys[] = {
	"disable", "interval", "retries", "start_interval", "start_period", "test",
	"timeout", NULL,
};

static const char *const restart_policy_keys[] = {
	"condition", "delay", "max_attempts", "window", NULL,
};

static const char *const logging_keys[] = {
	"driver", "options", NULL,
};

static bool
known(const char *key, const char *const *list)
{
	for (; *list != NULL; list++) {
		if (pl_streq(key, *list)) {
			return true;
		}
	}
	return false;
}

/* Edit distance between A and B, or LIMIT + 1 when it is larger than LIMIT. */
static size_t
distance(const char *a, const char *b, size_t limit)
{
	size_t n = strlen(a), m = strlen(b), row[64], prev, i, j;

	if (m >= sizeof(row) / sizeof(row[0]) || (n > m ? n - m : m - n) > limit) {
		return limit + 1;
	}
	for (j = 0; j <= m; j++) {
		row[j] = j;
	}
	for (i = 1; i <= n; i++) {
		size_t best;

		prev = row[0];
		row[0] = i;
		best = row[0];
		for (j = 1; j <= m; j++) {
			size_t cur = row[j];
			size_t sub = prev + (a[i - 1] != b[j - 1]);
			size_t del = row[j] + 1, ins = row[j - 1] + 1;

			row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
			prev = cur;
			if (row[j] < best) {
				best = row[j];
			}
		}
		if (best > limit) {
			return limit + 1;
		}
	}
	return row[m];
}

/* The known key closest to KEY (at most two edits, or a different case), or NULL. */
static const char *
suggest(const char *key, const char *const *list)
{
	const char *best = NULL;
	size_t bd = 3;

	for (; *list != NULL; list++) {
		size_t d = pl_streq_ci(key, *list) ? 0 : distance(key, *list, 2);

		if (d < bd) {
			bd = d;
			best = *list;
		}
	}
	return best;
}

struct ctx {
	struct pl_check *ck;
	const struct pl_compose *c;
	const struct pl_compose_service *s;
};

/* Reports the keys of mapping MAP (at PATH, for messages) that LIST does not hold. */
static void
check_map(struct ctx *x, struct fy_node *map, const char *const *list, const char *path)
{
	struct fy_node *k, *v;
	struct pl_yaml_iter it;

	if (map == NULL || !fy_node_is_mapping(map)) {
		return;
	}
	pl_yaml_iter_init(&it, map);
	while (pl_yaml_next(&it, &k, &v)) {
		const char *key = pl_compose_str(x->c, k), *near;

		if (key == NULL || pl_starts_with(key, "x-") || pl_streq(key, "<<") ||
		    known(key, list)) {
			continue;
		}
		near = suggest(key, list);
		if (near != NULL) {
			pl_dc_report(x->ck, x->s, k, NULL, "unknown key '%s' in %s: did you mean "
				     "'%s'? Compose refuses the file, or the setting is lost", key,
				     path, near);
		} else {
			pl_dc_report(x->ck, x->s, k, NULL, "unknown key '%s' in %s: Compose refuses "
				     "the file, or the setting is lost", key, path);
		}
	}
}

static struct fy_node *
sub(struct fy_node *map, const char *key)
{
	return map != NULL && fy_node_is_mapping(map) ? pl_yaml_get(map, key, NULL) : NULL;
}

/* The keys of one definition SVC of service S (one file's, or an extended service's). */
static void
check_service(struct ctx *x, const struct pl_compose_service *s, struct fy_node *svc)
{
	const struct pl_compose *c = x->c;
	struct fy_node *deploy = sub(svc, "deploy"), *res;

	x->s = s;
	check_map(x, svc, service_keys, pl_arena_printf(c->arena, "service '%s'", s->name));
	check_map(x, sub(svc, "build"), build_keys,
		  pl_arena_printf(c->arena, "the build of service '%s'", s->name));
	check_map(x, sub(svc, "healthcheck"), healthcheck_keys,
		  pl_arena_printf(c->arena, "the healthcheck of service '%s'", s->name));
	check_map(x, sub(svc, "logging"), logging_keys,
		  pl_arena_printf(c->arena, "the logging of service '%s'", s->name));
	check_map(x, deploy, deploy_keys,
		  pl_arena_printf(c->arena, "the deploy of service '%s'", s->name));
	check_map(x, sub(deploy, "restart_policy"), restart_policy_keys,
		  pl_arena_printf(c->arena, "deploy.restart_policy of service '%s'", s->name));
	res = sub(deploy, "resources");
	check_map(x, res, resources_keys,
		  pl_arena_printf(c->arena, "deploy.resources of service '%s'", s->name));
	check_map(x, sub(res, "limits"), limits_keys,
		  pl_arena_printf(c->arena, "deploy.resources.limits of service '%s'",
				  s->name));
	check_map(x, sub(res, "reservations"), reservations_keys,
		  pl_arena_printf(c->arena, "deploy.resources.reservations of service '%s'",
				  s->name));
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	struct ctx x = { ck, c, NULL };
	static const struct pl_compose_service top = { .name = "" };

	x.s = &top;
	for (size_t f = 0; f < c->nfiles; f++) {
		check_map(&x, pl_yaml_deref(c->files[f].yaml.root), top_keys, "the file");
	}
	/* Every definition in the project's files is checked where it is written, once:
	 * with the service it defines, not with those that extend it. */
	for (size_t i = 0; i < c->nservices; i++) {
		const struct pl_compose_service *s = &c->services[i];

		if (s->nlayers == 0) {
			check_service(&x, s, s->node);
		}
		for (size_t k = 0; k < s->nlayers; k++) {
			const struct pl_compose_layer *l = &s->layers[k];
			const char *name = pl_compose_raw(c, l->key);

			if (l->file < c->nfiles && !c->files[l->file].owned && name != NULL &&
			    strcmp(name, s->name) == 0) {
				check_service(&x, s, l->node);
			}
		}
	}
}

const struct pl_rule rule_dc0023 = {
	.id = "DC0023",
	.name = "unknown-key",
	.title = "Key is not defined by the Compose specification",
	.severity = PL_SEV_MEDIUM,
	.category = "syntax",
	.why = "A misspelt key is a setting that does not exist: `read_onyl: true` or "
	       "`cap-drop: [ALL]` leaves the container writable or with every capability "
	       "while the file reads as hardened. Docker Compose refuses some such files "
	       "outright, other tools that read them silently ignore the key; either way "
	       "the intended protection is missing.",
	.fix = "Correct the key to the one the Compose specification defines (plimsoll "
	       "suggests the nearest); put tool-specific data under an `x-` extension key.",
	.bad = "services:\n"
	       "  api:\n"
	       "    image: ghcr.io/acme/api:1.4.2\n"
	       "    read_onyl: true\n",
	.good = "services:\n"
		"  api:\n"
		"    image: ghcr.io/acme/api:1.4.2\n"
		"    read_only: true\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/",
		"https://github.com/compose-spec/compose-spec/blob/main/schema/compose-spec.json",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
