/*
 * DF0004 -- ADD used where COPY does the job.
 *
 * Reported: ADD whose sources are all local paths that are not archives.
 * Not reported: ADD of URLs or git repositories (DF0005 looks at those), local tar
 * archives that ADD unpacks on purpose, and heredoc sources.
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

static bool
is_remote(const char *s)
{
	return pl_starts_with_ci(s, "http://") || pl_starts_with_ci(s, "https://") ||
	       pl_starts_with_ci(s, "git@") || pl_starts_with_ci(s, "git://") ||
	       pl_starts_with_ci(s, "ssh://");
}

/* Archive formats that ADD extracts (Dockerfile reference, "ADD"). */
static bool
is_archive(const char *s)
{
	static const char *const ext[] = { ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2",
					   ".tbz", ".tar.xz", ".txz", ".tar.zst", ".tzst",
					   ".tar.lz", ".tar.lzma", ".tlz", ".gz", ".bz2", ".xz",
					   ".zst", NULL };

	for (const char *const *e = ext; *e != NULL; e++) {
		size_t n = strlen(s), m = strlen(*e);

		if (n >= m && pl_streq_ci(s + n - m, *e)) {
			return true;
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	struct pl_finding *f;
	size_t k;

	if (in->nargs < 2 || in->nheredocs > 0) {
		return;
	}
	for (k = 0; k + 1 < in->nargs; k++) {
		const char *s = in->args[k].s;
		size_t n = strlen(s);

		/* BuildKit expands ADD's words like the shell: "file.tgz" is file.tgz */
		if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[n - 1] == s[0]) {
			s = pl_check_printf(ck, "%.*s", (int)(n - 2), s + 1);
		}

		if (is_remote(s) || is_archive(s) || strchr(s, '$') != NULL) {
			return;
		}
	}
	f = pl_check_report(ck, in->off, in->off + (uint32_t)strlen(in->keyword),
			    "ADD of local files: COPY does the same without ADD's implicit "
			    "downloads and archive extraction");
	if (f != NULL) {
		struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

		e->off = in->off;
		e->end = in->off + (uint32_t)strlen(in->keyword);
		e->replacement = "COPY";
		f->edit = e;
	}
}

const struct pl_rule rule_df0004 = {
	.id = "DF0004",
	.name = "add-instead-of-copy",
	.title = "ADD is used where COPY does the job",
	.severity = PL_SEV_LOW,
	.category = "supply-chain",
	.why = "ADD does more than copy: it fetches URLs and silently unpacks local archives. "
	       "Used for plain files it hides that behaviour from reviewers, and a source that "
	       "later becomes an archive or a URL changes what lands in the image without the "
	       "Dockerfile changing.",
	.fix = "Use COPY for local files and folders. Keep ADD only where its extra behaviour "
	       "is wanted: extracting a local tar archive, or fetching a remote file with "
	       "`--checksum`.",
	.bad = "FROM alpine:3.20\nADD app.py /srv/app.py\n",
	.good = "FROM alpine:3.20\nCOPY app.py /srv/app.py\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#add",
		"https://docs.docker.com/build/building/best-practices/#add-or-copy",
		"CIS Docker Benchmark 4.9: Ensure that COPY is used instead of ADD",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3020", "trivy:DS-0005", "checkov:CKV_DOCKER_4",
					 "kics:Add Instead of Copy", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_ADD),
	.check_instr = check,
};
