/*
 * secrets_scan.h -- the secrets detectors (src/secrets) inside `plimsoll scan`.
 *
 * The scan runs the detectors over the places of each input where a credential would be
 * written: in a Dockerfile the ENV, ARG and LABEL instructions and RUN commands with
 * their heredoc bodies; the files a COPY or ADD takes from the build context; in a
 * Compose file the `environment` and `build.args` entries, the project's .env file and
 * every `env_file`; in a Kubernetes manifest the containers' env values and the
 * Secrets' `stringData` and (base64-decoded) `data`. Each match is a finding of the
 * detector's rule (SEC0001...), placed at the secret itself, and goes through the same
 * configuration, ignore comments, baselines and outputs as every other finding.
 *
 * No finding shows a whole secret: the message and evidence hold its redaction (first
 * characters and length), and every finding of the file -- those of other rules
 * included -- has the secrets found masked in its message, evidence and source line.
 *
 * Rules that flag a literal secret by the variable's name (DF0003, DC0012, K8S0023,
 * K8S0024) stay silent on a variable whose value a detector reported: the detector's
 * finding says more (which provider, where exactly).
 *
 * One scanner per report: `plimsoll scan` gives each worker thread its own report, so
 * each thread has its own scanner, created on first use and freed with the report.
 */
#ifndef PL_ENGINE_SECRETS_SCAN_H
#define PL_ENGINE_SECRETS_SCAN_H

#include <stddef.h>

#include "engine/run.h"

/*
 * Each pass is called by the runner after the file's rules, with FIRST the index of the
 * file's first finding in CK->r. The *_check_* passes report findings in the file itself
 * (before its ignore comments are applied); the *_files passes report findings in other
 * files (build context files, env files), after them.
 */
void pl_secrets_check_dockerfile(struct pl_check *ck, const struct pl_df_model *m, size_t first);
void pl_secrets_check_context(struct pl_check *ck, const struct pl_df_model *m);
void pl_secrets_check_compose(struct pl_check *ck, const struct pl_compose *c, size_t first);
void pl_secrets_check_compose_files(struct pl_check *ck, const struct pl_compose *c);
void pl_secrets_check_k8s(struct pl_check *ck, const struct pl_k8s *k, size_t first);

/* Frees the scanner of report R (pl_report_finish calls it). */
void pl_secrets_scan_release(struct pl_report *r);

#endif
