/*
 * util.h -- what the CLI rules share: the commands they read, reporting at a command, and
 * reading the values of -v, --mount and -p.
 *
 * Which commands a rule judges (documented in each rule and in docs/rules):
 * - flags that are written (--privileged, --cap-add SYS_ADMIN, -v /:/host, -p 80:80, a
 *   literal secret) are reported on every docker run/create, one-off tool runs included:
 *   what they grant does not depend on how long the container lives;
 * - flags that are missing (--cap-drop ALL, no-new-privileges, --read-only, --user,
 *   limits) are reported only for services, commands with -d/--detach or a --restart
 *   policy (in Markdown only a --restart policy: `docker run -d` is how a README's
 *   quick start frees the terminal), and only when no word in flag position is an
 *   unknown expansion
 *   ($DOCKER_OPTS) that could hold them. `docker run --rm -it tool` in a README is a
 *   one-off run of a tool; asking it for resource limits would be noise.
 */
#ifndef PL_RULES_CLI_UTIL_H
#define PL_RULES_CLI_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "engine/rule.h"
#include "engine/run.h"
#include "model/script.h"

/* Whether CMD runs a container (docker run, create, container run, podman run). */
bool pl_cli_runs(const struct pl_docker_cmd *cmd);

/* Whether CMD is a service whose missing hardening flags are worth reporting: it runs a
 * container, detached or with a restart policy, and no unknown word may hold the flag. */
bool pl_cli_service(const struct pl_docker_cmd *cmd);

/* Reports at the words that name the command ("docker run"), for a missing flag. */
void pl_cli_report_cmd(struct pl_check *ck, const struct pl_docker_cmd *cmd, const char *fmt,
		       ...) __attribute__((format(printf, 3, 4)));

/* Reports at flag F's value (the flag itself when it has none). */
void pl_cli_report_value(struct pl_check *ck, const struct pl_docker_flag *f, const char *fmt,
			 ...) __attribute__((format(printf, 3, 4)));

/* The image as shown in messages: its text, or "the image". */
const char *pl_cli_image(const struct pl_docker_cmd *cmd);

/* Whether F (a boolean flag) is on: given alone, or =true. */
bool pl_cli_flag_on(const struct pl_docker_flag *f);

/* The host path that -v/--volume or --mount F binds into the container, in *SRC (arena
 * string of CK), or false when F mounts a named or anonymous volume, a tmpfs, or
 * something unknown. *RO tells a read-only mount. */
bool pl_cli_bind_source(struct pl_check *ck, const struct pl_docker_flag *f, const char **src,
			bool *ro);

#endif
