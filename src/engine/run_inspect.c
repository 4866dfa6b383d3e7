/*
 * run_inspect.c -- scanning `docker inspect` output: load, build the model of its
 * containers, run every runtime rule once over it.
 */
#include "engine/run.h"
#include "core/limits.h"
#include "model/inspect.h"

#include <string.h>

void
pl_run_inspect_rules(struct pl_report *r, const struct pl_inspect *in, const char *file,
		     const struct pl_config *cfg)
{
	struct pl_check ck;

	pl_check_init(&ck, r, in->src, file, cfg);
	ck.inspect = in;
	for (size_t i = 0; pl_check_next_rule(&ck, PL_IN_INSPECT, &i);) {
		if (ck.rule->check_inspect != NULL) {
			ck.rule->check_inspect(&ck, in);
		}
	}
}

int
pl_scan_inspect_source(struct pl_report *r, const struct pl_source *src, const char *name,
		       const struct pl_scan_opts *o)
{
	struct pl_inspect_error err;
	struct pl_inspect in;
	struct pl_arena a;
	int rc = 0;

	pl_arena_init(&a);
	if (src->len > PL_MAX_INSPECT_BYTES) {
		pl_report_error(r, name, 0, 0, "file is larger than the %u MiB limit for docker "
				"inspect output", PL_MAX_INSPECT_BYTES / (1024u * 1024u));
		rc = -1;
	} else if (pl_inspect_build(src, &a, &in, &err) != 0) {
		pl_report_error(r, name, err.line, err.col, "%s", err.message);
		rc = -1;
	} else {
		pl_run_inspect_rules(r, &in, name, o != NULL ? o->config : NULL);
	}
	pl_arena_finish(&a);
	return rc;
}

int
pl_scan_inspect(struct pl_report *r, const char *path, const char *display,
		const struct pl_scan_opts *o)
{
	return pl_scan_path(r, path, display, o, pl_scan_inspect_source);
}
