/*
 * DF0016 -- a private key or credentials file is copied into the image.
 *
 * Reported: COPY/ADD sources whose file name is a private key or a credentials file
 * (id_rsa, id_ed25519, *.key, *.p12, *.pfx, *private*.pem, .npmrc, .pypirc, .netrc,
 * .env, .env.*, credentials, credentials.json, kubeconfig, .aws/credentials,
 * .docker/config.json). High when the stage reaches the final image, medium otherwise:
 * a build stage's layers stay in the build cache.
 * Not reported: example files (.env.example, .env.sample, *.pub public keys).
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

static bool
sensitive(const char *path)
{
	static const char *const names[] = { "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519",
					     ".npmrc", ".pypirc", ".netrc", ".env", "credentials",
					     "credentials.json", "kubeconfig", ".git-credentials",
					     NULL };
	static const char *const suffixes[] = { ".key", ".p12", ".pfx", ".jks", ".keystore",
						NULL };
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	if (pl_ends_with(base, ".pub") || pl_ends_with(base, ".example") ||
	    pl_ends_with(base, ".sample") || pl_ends_with(base, ".template") ||
	    pl_ends_with(base, ".dist")) {
		return false;
	}
	for (const char *const *n = names; *n != NULL; n++) {
		if (pl_streq(base, *n)) {
			return true;
		}
	}
	if (pl_starts_with(base, ".env.")) {
		return true;
	}
	for (const char *const *s = suffixes; *s != NULL; s++) {
		if (pl_ends_with(base, *s)) {
			return true;
		}
	}
	if (pl_ends_with(base, ".pem") && (pl_strcasestr(base, "key") || pl_strcasestr(base, "priv"))) {
		return true;
	}
	return strstr(path, ".aws/credentials") != NULL || strstr(path, ".docker/config.json") != NULL;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_stage *st = pl_df_stage_of(m, i);
	struct pl_finding *f;
	size_t k;

	if (st == NULL || in->nargs < 2 || pl_df_flag(in, "from", NULL) != NULL) {
		return;
	}
	for (k = 0; k + 1 < in->nargs; k++) {
		const struct pl_df_word *w = &in->args[k];

		if (strstr(w->s, "://") != NULL || !sensitive(w->s)) {
			continue;
		}
		f = pl_check_report(ck, w->off, w->end, "%s copies '%s' into %s", in->keyword, w->s,
				    st->reaches_final ? "the image: anyone who pulls it can read it"
						      : "a build stage, whose layers stay in the "
							"build cache");
		if (f != NULL) {
			if (!st->reaches_final) {
				f->severity = ck->severity > PL_SEV_MEDIUM ? PL_SEV_MEDIUM
									   : ck->severity;
			}
			f->fix = "Do not copy credentials: use `RUN --mount=type=secret,id=...` "
				 "(or --mount=type=ssh for keys) in the step that needs them.";
		}
	}
}

const struct pl_rule rule_df0016 = {
	.id = "DF0016",
	.name = "credentials-copied",
	.title = "A private key or credentials file is copied into the image",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "A file copied into a layer stays in the image even if a later step deletes it, "
	       "and anyone who can pull the image can extract it. Private keys, registry tokens "
	       "(.npmrc, .pypirc), cloud credentials and .env files copied this way leak with "
	       "every copy of the image and of the build cache.",
	.fix = "Mount credentials only for the step that needs them: `RUN "
	       "--mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, or `--mount=type=ssh` "
	       "for git over SSH; keep them out of the build context with .dockerignore.",
	.bad = "FROM node:20.11.1\nCOPY .npmrc /root/.npmrc\n",
	.good = "FROM node:20.11.1\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n",
	.refs = (const char *const[]){ "https://docs.docker.com/build/building/secrets/", NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_COPY) | PL_ON(PL_DF_ADD),
	.check_instr = check,
};
