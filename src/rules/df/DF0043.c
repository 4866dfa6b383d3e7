/*
 * DF0043 -- curl saves a download without --fail.
 *
 * Reported: curl commands that write the response to a file (`-o FILE`, `-O`,
 * `--remote-name`, `> FILE`, or a pipe into `tee`) without `-f`, `--fail` or
 * `--fail-with-body`: on an HTTP error curl exits 0 and the error page is saved as if it
 * were the file.
 * Not reported: `-w`/`--write-out`, with which the caller reads the status; output to
 * /dev/null; downloads the same stage verifies in this or a later RUN (`sha256sum -c`,
 * `gpg --verify`, `gpgv`, `cosign verify-blob`, `minisign -V`), since an error page fails
 * the check; output piped into another program (tar, gpg, a shell), which fails on an
 * error page by itself (DF0010 reports pipes into a shell).
 */
#include "rules/df/pkg_util.h"
#include "rules/df/util.h"

#include <string.h>

static bool
verifies(const struct pl_sh_cmd *c)
{
	static const char *const sums[] = { "sha256sum", "sha512sum", "sha384sum", "sha224sum",
					    "sha1sum", "md5sum", "shasum", "b2sum", NULL };

	for (const char *const *s = sums; *s != NULL; s++) {
		if (pl_sh_is(c, *s) && (pl_sh_has_opt(c, "-c") || pl_sh_has_opt(c, "--check"))) {
			return true;
		}
	}
	if ((pl_sh_is(c, "gpg") || pl_sh_is(c, "gpg2")) && pl_sh_has_opt(c, "--verify")) {
		return true;
	}
	if (pl_sh_is(c, "cosign") && c->prog + 1 < c->argc &&
	    strncmp(c->argv[c->prog + 1].text, "verify", 6) == 0) {
		return true;
	}
	return pl_sh_is(c, "gpgv") || pl_sh_is(c, "gpgv2") ||
	       (pl_sh_is(c, "minisign") && pl_sh_has_opt(c, "-V"));
}

/* Whether RUN I or a later RUN of its stage verifies a download. */
static bool
stage_verifies(const struct pl_df_model *m, size_t i)
{
	const struct pl_stage *st = pl_df_stage_of(m, i);

	for (size_t k = i; st != NULL && k <= st->last; k++) {
		const struct pl_sh_script *sc = pl_df_script(m, k);

		for (size_t j = 0; j < sc->ncmds; j++) {
			if (verifies(&sc->cmds[j])) {
				return true;
			}
		}
	}
	return false;
}

/* Whether the command after C in its pipeline is tee. */
static bool
piped_to_tee(const struct pl_sh_script *sc, size_t k)
{
	const struct pl_sh_cmd *c = &sc->cmds[k];

	for (size_t j = k + 1; j < sc->ncmds && c->pipe_pos + 1 < c->pipe_len; j++) {
		const struct pl_sh_cmd *d = &sc->cmds[j];

		if (d->pipeline == c->pipeline && d->pipe_pos == c->pipe_pos + 1) {
			return pl_sh_is(d, "tee");
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	int verified = -1; /* computed once, when a candidate is found */

	for (size_t k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		struct pl_pkg_curl o;
		struct pl_finding *f;

		if (!pl_sh_is(c, "curl")) {
			continue;
		}
		pl_pkg_curl_opts(c, &o);
		if (o.fail || o.write_out || !(o.to_file || piped_to_tee(sc, k))) {
			continue;
		}
		if (verified < 0) {
			verified = stage_verifies(m, i);
		}
		if (verified) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "curl without --fail saves an HTTP error "
				    "page as the downloaded file and still succeeds");
		if (f == NULL) {
			continue;
		}
		f->fix = "Add -f (`curl -fsSL -o FILE URL`) so that an HTTP error fails the "
			 "build, and verify the file's checksum before using it.";
		/* insert after the program word, in plain shell form only */
		if (!m->file->instrs[i].json && c->depth == 0) {
			struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

			e->off = e->end = c->argv[c->prog].end;
			e->replacement = " --fail";
			f->edit = e;
		}
	}
}

const struct pl_rule rule_df0043 = {
	.id = "DF0043",
	.name = "curl-without-fail",
	.title = "curl saves a download without --fail",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "Without `--fail`, curl treats an HTTP 404 or 500 as a successful transfer: it "
	       "writes the server's error page to the output file and exits 0, so the build "
	       "goes on with an HTML page where a binary, archive or key was expected. The "
	       "failure shows up later, far from its cause, or ships in the image.",
	.fix = "Add `-f` (usually as `curl -fsSL -o FILE URL`), or `--fail-with-body` to keep "
	       "the error in the log, and verify the checksum of what was downloaded. wget "
	       "fails on HTTP errors by default.",
	.bad = "FROM debian:12-slim\n"
	       "RUN curl -sSL -o /usr/local/bin/tool https://example.com/tool \\\n"
	       " && chmod +x /usr/local/bin/tool\n",
	.good = "FROM debian:12-slim\n"
		"RUN curl -fsSL -o /usr/local/bin/tool https://example.com/tool \\\n"
		" && chmod +x /usr/local/bin/tool\n",
	.refs = (const char *const[]){
		"https://curl.se/docs/manpage.html#-f",
		"https://everything.curl.dev/usingcurl/returns.html",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
