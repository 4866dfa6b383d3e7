/*
 * DF0015 -- a secret in a LABEL.
 *
 * Reported: LABEL keys that look like secrets (as DF0003 decides for ENV) with a
 * non-empty value, and values that are URLs with a password in them.
 * Not reported: empty values; values that are variables (their value is reported where
 * it is set).
 *
 * With the secrets detectors (engine/secrets_scan.c): a provider-specific detector that
 * matches the value reports too (labels are public, which only this rule says); a
 * generic password or token match on the value yields to this rule.
 */
#include "core/str.h"
#include "rules/df/util.h"

#include <string.h>

/* A URL with user:password@ in it, the password not a variable. */
static bool
url_with_password(const char *v)
{
	const char *scheme = strstr(v, "://"), *at, *colon;

	if (scheme == NULL) {
		return false;
	}
	scheme += 3;
	at = strchr(scheme, '@');
	colon = strchr(scheme, ':');
	return at != NULL && colon != NULL && colon < at && colon[1] != '$' && colon + 1 < at &&
	       memchr(scheme, '/', (size_t)(at - scheme)) == NULL;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	struct pl_finding *f;
	size_t k;

	for (k = 0; k + 2 < in->nargs; k += 3) {
		const struct pl_df_word *key = &in->args[k], *val = &in->args[k + 1];
		char name[256];
		size_t n = key->n;
		const char *kp = key->s;

		if (n >= 2 && (kp[0] == '"' || kp[0] == '\'') && kp[n - 1] == kp[0]) {
			kp++;
			n -= 2;
		}
		if (n == 0 || n >= sizeof(name) || val->n == 0 || val->s[0] == '$' ||
		    pl_streq(val->s, "\"\"")) {
			continue;
		}
		memcpy(name, kp, n);
		name[n] = '\0';
		/* Label keys use dots: "com.example.api-token" ends in a secret word too. */
		for (char *p = name; *p; p++) {
			*p = *p == '.' ? '_' : *p;
		}
		if (!pl_df_secret_name(name) && !url_with_password(val->s)) {
			continue;
		}
		f = pl_check_report(ck, key->off, key->end, "LABEL %.*s carries a secret: labels "
				    "are public metadata of the image", (int)key->n, key->s);
		if (f != NULL) {
			f->evidence = pl_check_printf(ck, "%s=%.4s… (%zu characters, redacted)",
						      key->s, val->s, val->n);
			f->fix = "Remove it from the labels; pass the secret at run time from a "
				 "secret store.";
		}
	}
}

const struct pl_rule rule_df0015 = {
	.id = "DF0015",
	.name = "secret-in-label",
	.title = "A LABEL carries a secret",
	.severity = PL_SEV_HIGH,
	.category = "secrets",
	.why = "Labels are image metadata: registries display them, `docker inspect` prints "
	       "them, and they are copied into every derived image. A token or password in a "
	       "label is published with the image.",
	.fix = "Keep secrets out of labels entirely; labels are for public facts such as the "
	       "source repository, version and license.",
	.bad = "FROM alpine:3.20.3\nLABEL com.example.deploy-token=\"glpat-aB3dE5fG7hJ9kL1mN2pQ\"\n",
	.good = "FROM alpine:3.20.3\nLABEL org.opencontainers.image.source=\"https://example.com/acme/api\"\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#label", NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_LABEL),
	.check_instr = check,
};
