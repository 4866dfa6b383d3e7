/*
 * DF0055 -- two stages with the same name.
 *
 * Reported: a FROM ... AS NAME whose name (compared without case, as BuildKit does) an
 * earlier stage already has, at the name of each later stage.
 * Not reported: stages without a name.
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <stdlib.h>
#include <strings.h>

struct named {
	const char *name;
	int index;
};

/* Orders stages by name (case folded), then by position: duplicates become neighbours. */
static int
cmp_named(const void *pa, const void *pb)
{
	const struct named *a = pa, *b = pb;
	int c = strcasecmp(a->name, b->name);

	return c != 0 ? c : (a->index > b->index) - (a->index < b->index);
}

/* Sorting instead of comparing every pair keeps files with thousands of stages fast. */
static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	struct named *v;
	size_t n = 0, k, run = 0;

	v = pl_arena_alloc(m->arena, (m->nstages + 1) * sizeof(*v));
	for (k = 0; k < m->nstages; k++) {
		if (m->stages[k].name != NULL) {
			v[n].name = m->stages[k].name;
			v[n].index = (int)k;
			n++;
		}
	}
	if (n < 2) {
		return;
	}
	qsort(v, n, sizeof(*v), cmp_named);
	for (k = 1; k < n; k++) {
		const struct pl_df_instr *in = &m->file->instrs[m->stages[v[k].index].from];

		if (strcasecmp(v[run].name, v[k].name) != 0) {
			run = k; /* the first, earliest stage of a run of equal names */
			continue;
		}
		if (in->nargs < 3) {
			continue;
		}
		pl_check_report(ck, in->args[2].off, in->args[2].end, "stage name '%s' is already "
				"used on line %u: references to it resolve to one stage or the "
				"other", in->args[2].s,
				m->file->instrs[m->stages[v[run].index].from].start_line);
	}
}

const struct pl_rule rule_df0055 = {
	.id = "DF0055",
	.name = "duplicate-stage-name",
	.title = "Two stages have the same name",
	.severity = PL_SEV_MEDIUM,
	.category = "syntax",
	.why = "Stage names are how FROM, COPY --from and --target find a stage, and a "
	       "duplicate makes the answer depend on the builder and on where the reference "
	       "stands. BuildKit only warns (DuplicateStageName) and builds: a FROM takes the "
	       "stage of that name defined most recently before it, while COPY --from and "
	       "--target take the last one in the file. Files, binaries or configuration then "
	       "come from a stage other than the one the author had in mind, without any "
	       "error.",
	.fix = "Give every stage a unique name that says what it does (`AS deps`, `AS build`, "
	       "`AS test`, `AS runtime`), and update the references.",
	.bad = "FROM golang:1.22.5 AS build\nFROM alpine:3.20.3 AS build\n",
	.good = "FROM golang:1.22.5 AS build\nFROM alpine:3.20.3 AS runtime\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/multi-stage/",
		"https://docs.docker.com/reference/build-checks/duplicate-stage-name/",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3024", "trivy:DS-0012", "checkov:CKV_DOCKER_11",
					 "kics:Same Alias In Different Froms", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
