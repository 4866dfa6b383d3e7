/*
 * DF0062 -- the final image lacks a label the project requires.
 *
 * Reported only when .plimsoll.yaml lists `required_labels`: each listed key that no LABEL
 * of the final stage (or the stages it builds FROM) sets, at the final FROM.
 * Not reported: labels whose key comes from an ARG with an unknown value (the key might
 * be the required one).
 */
#include "core/str.h"
#include "rules/df/util.h"
#include "engine/config.h"

#include <string.h>

/* LABEL keys may be quoted: "org.opencontainers.image.source"="..." */
static bool
key_is(const char *key, const char *want)
{
	size_t n = strlen(key), w = strlen(want);

	if (n >= 2 && (key[0] == '"' || key[0] == '\'') && key[n - 1] == key[0]) {
		return n - 2 == w && strncmp(key + 1, want, w) == 0;
	}
	return pl_streq(key, want);
}

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	const struct pl_df_instr *from;
	size_t r, i, k;

	if (ck->cfg->nrequired == 0 || m->final_stage < 0) {
		return;
	}
	for (r = 0; r < ck->cfg->nrequired; r++) {
		const char *want = ck->cfg->required_labels[r];
		bool found = false;

		for (i = 0; i < m->file->ninstrs && !found; i++) {
			const struct pl_df_instr *in = &m->file->instrs[i];
			const struct pl_stage *st = pl_df_stage_of(m, i);

			if (in->kind != PL_DF_LABEL || st == NULL ||
			    !pl_df_in_final_chain(m, st->index)) {
				continue;
			}
			for (k = 0; k + 2 < in->nargs; k += 3) {
				if (key_is(in->args[k].s, want) || strchr(in->args[k].s, '$')) {
					found = true;
				}
			}
		}
		if (!found) {
			from = &m->file->instrs[m->stages[m->final_stage].from];
			pl_check_report(ck, from->off, from->end, "the final image has no '%s' label",
					want);
		}
	}
}

const struct pl_rule rule_df0062 = {
	.id = "DF0062",
	.name = "required-label-missing",
	.title = "The final image lacks a required label",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "Labels such as org.opencontainers.image.source, .revision and .licenses are how "
	       "registries, scanners and incident responders trace a running image back to its "
	       "repository, commit and owner. A project that requires them cannot answer "
	       "'where does this container come from?' for images that lack them.",
	.fix = "Add the label in the final stage, for example `LABEL "
	       "org.opencontainers.image.source=\"https://github.com/acme/api\"`, or set it "
	       "from the build with `--label`/`--annotation` and an ARG.",
	.bad = "FROM alpine:3.20.3\n",
	.good = "FROM alpine:3.20.3\nLABEL org.opencontainers.image.source=\"https://example.com/acme/api\"\n",
	.refs = (const char *const[]){
		"https://github.com/opencontainers/image-spec/blob/main/annotations.md",
		"docs/configuration.md",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
	.example_config = "required_labels: [org.opencontainers.image.source]\n",
};
