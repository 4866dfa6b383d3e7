/*
 * util.c -- shared helpers of the runtime rules (see util.h).
 */
#include "rules/rt/util.h"
#include "core/str.h"

#include <stdarg.h>
#include <string.h>

struct pl_finding *
pl_rt_report(struct pl_check *ck, const struct pl_inspect_container *ct,
	     const struct pl_inspect_value *v, const char *fmt, ...)
{
	uint32_t off = ct->off, end = ct->end;
	const char *what;
	va_list ap;

	if (v != NULL && v->kind != PL_JV_ABSENT && v->end > v->off) {
		off = v->off;
		end = v->end;
	}
	va_start(ap, fmt);
	what = pl_arena_vprintf(&ck->r->arena, fmt, ap);
	va_end(ap);
	if (ct->short_id[0] == '\0' || strcmp(ct->short_id, ct->name) == 0) {
		return pl_check_report(ck, off, end, "container '%s' %s", ct->name, what);
	}
	return pl_check_report(ck, off, end, "container '%s' (%s) %s", ct->name, ct->short_id,
			       what);
}

bool
pl_rt_cap_is(const char *v, const char *name)
{
	return pl_streq_ci(pl_starts_with_ci(v, "CAP_") ? v + 4 : v, name);
}

/* Capabilities that are close to root on the host: each one alone has a known way out of
 * the container or into other processes (capabilities(7), Docker's security notes). */
static const char *const dangerous[] = { "ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE",
					 "SYS_RAWIO", "NET_ADMIN", "DAC_READ_SEARCH", "SYS_BOOT",
					 "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE", "BPF", "PERFMON",
					 NULL };

bool
pl_rt_dangerous_cap(const char *v)
{
	for (const char *const *d = dangerous; *d != NULL; d++) {
		if (pl_rt_cap_is(v, *d)) {
			return true;
		}
	}
	return false;
}

bool
pl_rt_runtime_socket(const char *p)
{
	return pl_ends_with(p, "/docker.sock") || pl_ends_with(p, "/containerd.sock") ||
	       pl_ends_with(p, "/podman.sock") || strcmp(p, "docker.sock") == 0;
}

const struct pl_inspect_value *
pl_rt_security_opt(const struct pl_inspect_container *ct, const char *name, const char **value)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < ct->security_opt.n; i++) {
		const struct pl_inspect_value *o = &ct->security_opt.items[i];

		if (o->kind != PL_JV_STR || strncmp(o->s, name, n) != 0) {
			continue;
		}
		if (o->s[n] == '\0' || o->s[n] == '=' || o->s[n] == ':') {
			*value = o->s[n] == '\0' ? "" : o->s + n + 1;
			return o;
		}
	}
	return NULL;
}

const struct pl_inspect_port *
pl_rt_bindings(const struct pl_inspect_container *ct, size_t *n)
{
	if (ct->nbindings > 0) {
		*n = ct->nbindings;
		return ct->bindings;
	}
	*n = ct->nports;
	return ct->ports;
}

unsigned
pl_rt_host_port(const struct pl_inspect_port *p)
{
	const char *s = p->host_port.s;
	unsigned v = 0;

	if (p->host_port.kind != PL_JV_STR || s[0] == '\0') {
		return 0;
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		v = v * 10 + (unsigned)(*s - '0');
		if (v > 65535) {
			return 0;
		}
	}
	return *s == '\0' ? v : 0;
}
