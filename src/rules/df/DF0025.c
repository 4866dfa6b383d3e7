/*
 * DF0025 -- EXPOSE of a port that cannot exist.
 *
 * Reported: ports outside 0-65535, ranges whose end is below their start, protocols
 * other than tcp, udp and sctp, and words that are not port numbers at all.
 * Not reported: values from variables whose value is not known.
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <stdlib.h>
#include <string.h>

/* Why WORD is not a valid EXPOSE value, or NULL when it is. */
static const char *
invalid(const char *v)
{
	const char *p = v, *proto;
	unsigned long lo, hi;
	char *end;

	if (*p < '0' || *p > '9') {
		return "is not a port number";
	}
	lo = strtoul(p, &end, 10);
	hi = lo;
	if (*end == '-') {
		if (end[1] < '0' || end[1] > '9') {
			return "is not a port range";
		}
		hi = strtoul(end + 1, &end, 10);
	}
	if (lo > 65535 || hi > 65535) {
		return "is outside 0-65535";
	}
	if (hi < lo) {
		return "is a range whose end is below its start";
	}
	if (*end == '\0') {
		return NULL;
	}
	if (*end != '/') {
		return "is not a port number";
	}
	proto = end + 1;
	if (pl_streq_ci(proto, "tcp") || pl_streq_ci(proto, "udp") || pl_streq_ci(proto, "sctp")) {
		return NULL;
	}
	return "has a protocol other than tcp, udp or sctp";
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	size_t k;

	for (k = 0; k < in->nargs; k++) {
		const char *v = pl_df_expand(m, &m->states[i], in->args[k].s), *why;

		if (v == NULL || v[0] == '\0' || (why = invalid(v)) == NULL) {
			continue;
		}
		pl_check_report(ck, in->args[k].off, in->args[k].end, "EXPOSE '%s' %s", v, why);
	}
}

const struct pl_rule rule_df0025 = {
	.id = "DF0025",
	.name = "expose-invalid-port",
	.title = "EXPOSE names a port that cannot exist",
	.severity = PL_SEV_MEDIUM,
	.category = "syntax",
	.why = "EXPOSE documents which ports the service listens on, and tools publish ports "
	       "from it (`docker run -P`, some orchestrators). A value that is not a port, out "
	       "of range, or with an unknown protocol fails those tools or, worse, is quietly "
	       "ignored while the real port stays undocumented.",
	.fix = "List the ports the service really listens on, each 0-65535, optionally with "
	       "/tcp, /udp or /sctp: `EXPOSE 8080/tcp`.",
	.bad = "FROM nginx:1.27.0\nEXPOSE 80800\n",
	.good = "FROM nginx:1.27.0\nEXPOSE 8080\n",
	.refs = (const char *const[]){ "https://docs.docker.com/reference/dockerfile/#expose",
				       NULL },
	.peers = (const char *const[]){ "hadolint:DL3011", "trivy:DS-0008", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_EXPOSE),
	.check_instr = check,
};
