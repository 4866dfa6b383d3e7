/*
 * DF0005 -- remote ADD without --checksum.
 *
 * Reported: ADD of an http(s) URL without `--checksum`.
 * Not reported: git sources (pinned by commit in the URL fragment instead), local files.
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

/* A git repository URL, optionally with a #ref fragment: pinned by the ref instead. */
static bool
is_git(const char *url)
{
	size_t n = strcspn(url, "#");

	return n >= 4 && strncmp(url + n - 4, ".git", 4) == 0;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	struct pl_finding *f;
	size_t k;

	if (pl_df_flag(in, "checksum", NULL) != NULL) {
		return;
	}
	for (k = 0; k + 1 < in->nargs; k++) {
		const struct pl_df_word *w = &in->args[k];

		if (!pl_starts_with_ci(w->s, "http://") && !pl_starts_with_ci(w->s, "https://")) {
			continue;
		}
		if (is_git(w->s)) {
			continue;
		}
		f = pl_check_report(ck, w->off, w->end, "ADD downloads '%s' without --checksum: "
				    "whatever the server returns goes into the image", w->s);
		if (f != NULL) {
			f->fix = "Add `--checksum=sha256:<digest of the file>` to the ADD (Dockerfile "
				 "syntax 1.6 or later), or download in a RUN step that verifies the "
				 "file with `sha256sum -c`.";
		}
	}
}

const struct pl_rule rule_df0005 = {
	.id = "DF0005",
	.name = "add-url-without-checksum",
	.title = "Remote file is added without a checksum",
	.severity = PL_SEV_MEDIUM,
	.category = "supply-chain",
	.why = "ADD with a URL trusts whatever the server sends at build time. A compromised "
	       "server, a hijacked domain or a replaced release asset puts attacker-controlled "
	       "content into the image, and the build cannot tell. Plain http adds anyone on "
	       "the network path to that list.",
	.fix = "Pin the content: `ADD --checksum=sha256:<digest> https://... /dest` (Dockerfile "
	       "syntax 1.6+), or fetch with curl in a RUN step and verify with `sha256sum -c` "
	       "before using the file.",
	.bad = "FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\n",
	.good = "# syntax=docker/dockerfile:1\nFROM alpine:3.20\n"
		"ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
		"https://example.com/tool.tar.gz /opt/\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#add---checksum",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_ADD),
	.check_instr = check,
};
