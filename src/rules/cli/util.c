/*
 * util.c -- helpers of the CLI rules (rules/cli/util.h).
 */
#include "rules/cli/util.h"
#include "core/str.h"

#include <stdarg.h>
#include <string.h>

bool
pl_cli_runs(const struct pl_docker_cmd *cmd)
{
	return cmd->verb == PL_DK_RUN;
}

bool
pl_cli_service(const struct pl_docker_cmd *cmd)
{
	return cmd->verb == PL_DK_RUN && cmd->service && !cmd->opaque;
}

void
pl_cli_report_cmd(struct pl_check *ck, const struct pl_docker_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pl_check_vreport(ck, cmd->verb_off, cmd->verb_end, fmt, ap);
	va_end(ap);
}

void
pl_cli_report_value(struct pl_check *ck, const struct pl_docker_flag *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (f->value != NULL && f->vend > f->voff) {
		pl_check_vreport(ck, f->voff, f->vend, fmt, ap);
	} else {
		pl_check_vreport(ck, f->off, f->end, fmt, ap);
	}
	va_end(ap);
}

const char *
pl_cli_image(const struct pl_docker_cmd *cmd)
{
	return cmd->image != NULL ? cmd->image->text : "the image";
}

bool
pl_cli_flag_on(const struct pl_docker_flag *f)
{
	return f != NULL && (f->value == NULL || pl_streq_ci(f->value, "true") ||
			     strcmp(f->value, "1") == 0);
}

/* The value of KEY in a --mount list "type=bind,source=/x,target=/y,readonly". */
static bool
mount_key(const char *v, const char *key, const char **val, size_t *n)
{
	size_t kn = strlen(key);

	while (*v != '\0') {
		size_t len = strcspn(v, ",");

		if (len >= kn && strncmp(v, key, kn) == 0 && (len == kn || v[kn] == '=')) {
			*val = len == kn ? v + kn : v + kn + 1;
			*n = len == kn ? 0 : len - kn - 1;
			return true;
		}
		v += len;
		if (*v == ',') {
			v++;
		}
	}
	return false;
}

bool
pl_cli_bind_source(struct pl_check *ck, const struct pl_docker_flag *f, const char **src,
		   bool *ro)
{
	const char *v = f->value, *s;
	size_t n;

	*ro = false;
	if (v == NULL) {
		return false;
	}
	if (strcmp(f->name, "mount") == 0) {
		if (!mount_key(v, "type", &s, &n) || n != 4 || strncmp(s, "bind", 4) != 0) {
			return false;
		}
		if (!mount_key(v, "source", &s, &n) && !mount_key(v, "src", &s, &n)) {
			return false;
		}
		*ro = mount_key(v, "readonly", src, &(size_t){ 0 }) ||
		      mount_key(v, "ro", src, &(size_t){ 0 });
		*src = pl_check_printf(ck, "%.*s", (int)n, s);
		return n > 0;
	}
	if (strcmp(f->name, "volume") != 0) {
		return false;
	}
	/* SRC:DST[:OPTS]; a single part is an anonymous volume. A name that does not start
	 * like a path is a named volume. */
	n = strcspn(v, ":");
	if (v[n] != ':' || n == 0 ||
	    (v[0] != '/' && v[0] != '~' && v[0] != '.' && v[0] != '$' && v[0] != '`')) {
		return false;
	}
	s = strchr(v + n + 1, ':');
	if (s != NULL) {
		*ro = strstr(s + 1, "ro") != NULL && strstr(s + 1, "rw") == NULL;
	}
	*src = pl_check_printf(ck, "%.*s", (int)n, v);
	return true;
}
