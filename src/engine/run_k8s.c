/*
 * run_k8s.c -- scanning a Kubernetes manifest: decide by content what a YAML file is,
 * load it, build the model, run every Kubernetes rule once over it, apply the file's
 * ignore comments.
 *
 * A YAML file that is not a manifest is not an error: a Compose file goes to the Compose
 * scan, a Helm template or any other YAML is skipped with a note saying why.
 */
#include "engine/run.h"
#include "core/limits.h"
#include "engine/secrets_scan.h"
#include "engine/suppress.h"
#include "model/k8s.h"

#include <string.h>

void
pl_run_k8s_rules(struct pl_report *r, const struct pl_k8s *k, const char *file,
		 const struct pl_config *cfg)
{
	struct pl_check ck;
	size_t first = r->nfindings;

	pl_check_init(&ck, r, k->src, file, cfg);
	ck.k8s = k;
	for (size_t i = 0; pl_check_next_rule(&ck, PL_IN_K8S, &i);) {
		if (ck.rule->check_k8s != NULL) {
			ck.rule->check_k8s(&ck, k);
		}
	}
	pl_secrets_check_k8s(&ck, k, first);
	r->suppressed += pl_suppress_apply_yaml(r, first, k->src, k->arena);
}

/* JSON that `docker inspect` printed for containers: an array or object whose first
 * container has HostConfig and Config. */
static bool
looks_like_inspect(const struct pl_source *src)
{
	const char *p = src->text;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
		p++;
	}
	return (*p == '[' || *p == '{') && strstr(p, "\"HostConfig\"") != NULL &&
	       strstr(p, "\"Config\"") != NULL && strstr(p, "\"apiVersion\"") == NULL;
}

int
pl_scan_k8s_source(struct pl_report *r, const struct pl_source *src, const char *name,
		   const struct pl_scan_opts *o)
{
	struct pl_yaml_error err;
	struct pl_k8s k;
	struct pl_arena a;
	int rc = 0;

	if (looks_like_inspect(src)) {
		return pl_scan_inspect_source(r, src, name, o);
	}
	switch (pl_k8s_sniff(src->text, src->len < PL_K8S_SNIFF_BYTES ? src->len :
				 PL_K8S_SNIFF_BYTES)) {
	case PL_YAML_COMPOSE:
		return pl_scan_compose_source(r, src, name, o);
	case PL_YAML_OTHER:
		pl_report_note(r, name, "neither a Kubernetes manifest (apiVersion and kind), a "
			       "Compose file (services) nor docker inspect output: not scanned");
		return 0;
	case PL_YAML_K8S:
		break;
	}
	pl_arena_init(&a);
	if (src->len > PL_MAX_K8S_BYTES) {
		pl_report_error(r, name, 0, 0, "file is larger than the %u MiB limit for "
				"Kubernetes manifests", PL_MAX_K8S_BYTES / (1024u * 1024u));
		rc = -1;
	} else if (pl_k8s_build(src, &a, &k, &err) != 0) {
		pl_report_error(r, name, err.line, err.col, "%s", err.message);
		pl_k8s_finish(&k);
		rc = -1;
	} else {
		if (k.skipped != NULL) {
			pl_report_note(r, name, "%s", k.skipped);
		} else {
			pl_k8s_use_images(&k, o != NULL ? o->images : NULL);
			pl_run_k8s_rules(r, &k, name, o != NULL ? o->config : NULL);
		}
		pl_k8s_finish(&k);
	}
	pl_arena_finish(&a);
	return rc;
}

int
pl_scan_k8s(struct pl_report *r, const char *path, const char *display,
	    const struct pl_scan_opts *o)
{
	struct pl_source src;
	const char *why, *name;
	int rc;

	if (pl_source_read(&src, path, display, &why) != 0) {
		pl_report_error(r, display ? display : path, 0, 0, "%s", why);
		return -1;
	}
	/* A Compose file on disk is scanned as one, with its folder: its .env, build
	 * contexts and extended files are read from there. */
	if (strcmp(path, "-") != 0 && !looks_like_inspect(&src) &&
	    pl_k8s_sniff(src.text, src.len < PL_K8S_SNIFF_BYTES ? src.len : PL_K8S_SNIFF_BYTES) ==
		    PL_YAML_COMPOSE) {
		pl_source_finish(&src);
		return pl_scan_compose(r, path, display, o);
	}
	name = pl_arena_strdup(&r->arena, src.name);
	r->files_scanned++;
	rc = pl_scan_k8s_source(r, &src, name, o);
	pl_source_finish(&src);
	return rc;
}
