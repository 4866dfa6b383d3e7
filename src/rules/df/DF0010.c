/*
 * DF0010 -- a remote script is piped into a shell.
 *
 * Reported: curl or wget piped into a shell or interpreter (`curl -fsSL URL | sh`,
 * `wget -qO- URL | sudo bash -s --`), and a shell running the output of curl or wget
 * through command substitution (`sh -c "$(curl -fsSL URL)"`).
 * Not reported: downloads saved to a file (which can be verified before running).
 */
#include "rules/df/util.h"

#include <string.h>

static const char *const interpreters[] = { "sh", "bash", "dash", "ash", "zsh", "ksh", "python",
					    "python3", "perl", "ruby", "node", NULL };

static bool
is_fetch(const struct pl_sh_cmd *c)
{
	return pl_sh_is(c, "curl") || pl_sh_is(c, "wget");
}

static bool
is_interpreter(const struct pl_sh_cmd *c)
{
	for (const char *const *p = interpreters; *p != NULL; p++) {
		if (pl_sh_is(c, *p)) {
			return true;
		}
	}
	return false;
}

static void
report(struct pl_check *ck, const struct pl_sh_cmd *fetch, const struct pl_sh_cmd *shell)
{
	struct pl_finding *f;
	uint32_t end = shell->end > fetch->end ? shell->end : fetch->end;
	uint32_t off = shell->off < fetch->off ? shell->off : fetch->off;
	const char *url = "the download";

	for (size_t a = 1; a < fetch->argc; a++) {
		if (strstr(fetch->argv[a].text, "://") != NULL) {
			url = fetch->argv[a].text;
			break;
		}
	}
	f = pl_check_report(ck, off, end, "%s runs %s without verifying it: whoever controls "
			    "that server controls the image", pl_sh_basename(&shell->argv[
			    pl_sh_cmd_prog(shell)]), url);
	if (f != NULL) {
		f->fix = "Download to a file, verify it against a published checksum or signature "
			 "(`sha256sum -c`, `gpg --verify`), then run it; better, install the tool "
			 "from the distribution's packages or a pinned release artifact.";
	}
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	size_t k, j;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!is_fetch(c)) {
			continue;
		}
		/* curl ... | sh: a later command of the same pipeline. Commands nested deeper
		 * ($( ) inside a pipeline member) may sit between its members; the first
		 * command at the same or a lower depth outside the pipeline ends the search,
		 * which keeps the scan linear. */
		for (j = k + 1; j < sc->ncmds && c->pipe_len > 1; j++) {
			const struct pl_sh_cmd *d = &sc->cmds[j];

			if (d->pipeline != c->pipeline) {
				if (d->depth <= c->depth) {
					break;
				}
				continue;
			}
			if (d->pipe_pos > c->pipe_pos && is_interpreter(d)) {
				report(ck, c, d);
				break;
			}
		}
		/* sh -c "$(curl ...)": the fetch runs inside a shell's argument. */
		if (c->parent >= 0 && is_interpreter(&sc->cmds[c->parent])) {
			report(ck, c, &sc->cmds[c->parent]);
		}
	}
}

const struct pl_rule rule_df0010 = {
	.id = "DF0010",
	.name = "remote-script-piped-to-shell",
	.title = "A downloaded script is piped into a shell",
	.severity = PL_SEV_HIGH,
	.category = "supply-chain",
	.why = "`curl URL | sh` runs whatever the server returns at build time, unverified and "
	       "unpinned. A compromised server, a hijacked domain or a man-in-the-middle gets "
	       "code execution in the build with the build's credentials, and a truncated "
	       "download can run half a script. The image cannot be rebuilt reproducibly.",
	.fix = "Download to a file, check it against a pinned checksum or signature, then run "
	       "it; or install the tool from distribution packages or a versioned release "
	       "artifact with `ADD --checksum`.",
	.bad = "FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n",
	.good = "FROM debian:12-slim\nRUN curl -fsSLo /tmp/install.sh https://example.com/v1.2/install.sh \\\n"
		" && echo \"<sha256>  /tmp/install.sh\" | sha256sum -c - \\\n"
		" && sh /tmp/install.sh && rm /tmp/install.sh\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#add-or-copy",
		"https://cwe.mitre.org/data/definitions/494.html",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
