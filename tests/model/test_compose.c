/*
 * test_compose.c -- unit tests of the Compose project model: a base file and an override
 * merged as the Compose specification says (mappings key by key, sequences appended,
 * unique resources by key, shell commands replaced, !reset and !override), each value
 * found in the file that sets it, `extends`, and secrets and configs in both syntaxes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/compose.h"

static const char base[] =
	"services:\n"
	"  web:\n"
	"    image: nginx:1.27.0\n"
	"    command: [\"nginx\", \"-g\", \"daemon off;\"]\n"
	"    ports: [\"127.0.0.1:8080:80\", \"9000:9000\"]\n"
	"    volumes: [\"./a:/data\", \"./conf:/etc/nginx:ro\"]\n"
	"    cap_add: [NET_ADMIN]\n"
	"    dns: [1.1.1.1]\n"
	"    environment: [A=1, B=2]\n"
	"    deploy: {resources: {limits: {memory: 256m}}}\n"
	"    secrets: [db_password, {source: api_key, target: api, mode: 0400}]\n"
	"    configs: [site]\n"
	"  worker:\n"
	"    extends: web\n"
	"    read_only: true\n";

static const char override[] =
	"services:\n"
	"  web:\n"
	"    command: [\"nginx-debug\"]\n"
	"    ports: [\"127.0.0.1:8080:80\"]\n"
	"    volumes: [\"./b:/data\"]\n"
	"    cap_add: !override [CHOWN]\n"
	"    dns: !reset []\n"
	"    environment: {B: \"3\", C: \"4\"}\n"
	"    deploy: {resources: {limits: {cpus: \"0.5\"}}}\n"
	"    secrets: [{source: other, target: /run/secrets/db_password}]\n"
	"  extra:\n"
	"    image: redis:7\n";

struct project {
	struct pl_source src[2];
	struct pl_arena a;
	struct pl_compose c;
};

static void
load(struct project *p)
{
	struct pl_yaml_error err;

	pl_source_from_mem(&p->src[0], "compose.yaml", base, strlen(base));
	pl_source_from_mem(&p->src[1], "compose.override.yaml", override, strlen(override));
	pl_arena_init(&p->a);
	pl_compose_init(&p->c, &p->a);
	assert_int_equal(pl_compose_add(&p->c, &p->src[0], "compose.yaml", &err), 0);
	assert_int_equal(pl_compose_add(&p->c, &p->src[1], "compose.override.yaml", &err), 0);
	pl_compose_resolve(&p->c);
}

static void
unload(struct project *p)
{
	pl_compose_finish(&p->c);
	pl_arena_finish(&p->a);
	pl_source_finish(&p->src[0]);
	pl_source_finish(&p->src[1]);
}

static const struct pl_compose_service *
service(const struct pl_compose *c, const char *name)
{
	for (size_t i = 0; i < c->nservices; i++) {
		if (strcmp(c->services[i].name, name) == 0) {
			return &c->services[i];
		}
	}
	fail_msg("no service %s", name);
	return NULL;
}

/* Items of a sequence setting, joined with '|', each prefixed by its file's index. */
struct joined {
	const struct pl_compose *c;
	char text[512];
};

static bool
join(struct fy_node *item, void *ctx)
{
	struct joined *j = ctx;
	const char *t = pl_compose_str(j->c, item);
	size_t n = strlen(j->text);

	snprintf(j->text + n, sizeof(j->text) - n, "%s%zu:%s", n ? "|" : "",
		 pl_compose_file_of(j->c, item), t ? t : "{}");
	return true;
}

static const char *
items(const struct pl_compose *c, const char *svc, const char *key, struct joined *j)
{
	j->c = c;
	j->text[0] = '\0';
	pl_compose_each(c, service(c, svc), key, join, j);
	return j->text;
}

static void
test_services_and_layers(void **state)
{
	struct project p;

	(void)state;
	load(&p);
	assert_int_equal(p.c.nservices, 3);
	assert_int_equal(p.c.nfiles, 2);
	assert_int_equal(service(&p.c, "web")->nlayers, 2);
	assert_int_equal(service(&p.c, "extra")->nlayers, 1);
	/* worker: web's definition in the base file, then its own. */
	assert_int_equal(service(&p.c, "worker")->nlayers, 2);
	assert_int_equal(p.c.ndiags, 0);
	unload(&p);
}

static void
test_scalars_and_mappings(void **state)
{
	struct project p;
	const struct pl_compose_service *web;
	struct fy_node *n;

	(void)state;
	load(&p);
	web = service(&p.c, "web");
	n = pl_compose_get(web, "image", NULL);
	assert_string_equal(pl_compose_str(&p.c, n), "nginx:1.27.0");
	assert_int_equal(pl_compose_file_of(&p.c, n), 0);
	/* deploy merges key by key: memory from the base, cpus from the override. */
	n = pl_compose_getp(web, NULL, "deploy", "resources", "limits", "memory", NULL);
	assert_string_equal(pl_compose_str(&p.c, n), "256m");
	assert_int_equal(pl_compose_file_of(&p.c, n), 0);
	n = pl_compose_getp(web, NULL, "deploy", "resources", "limits", "cpus", NULL);
	assert_string_equal(pl_compose_str(&p.c, n), "0.5");
	assert_int_equal(pl_compose_file_of(&p.c, n), 1);
	assert_null(pl_compose_getp(web, NULL, "deploy", "resources", "limits", "pids", NULL));
	/* extends: worker inherits the image and keeps its own settings. */
	n = pl_compose_get(service(&p.c, "worker"), "image", NULL);
	assert_string_equal(pl_compose_str(&p.c, n), "nginx:1.27.0");
	assert_non_null(pl_compose_get(service(&p.c, "worker"), "read_only", NULL));
	unload(&p);
}

static void
test_sequences(void **state)
{
	struct project p;
	struct joined j;

	(void)state;
	load(&p);
	/* A shell command is replaced, not appended. */
	assert_string_equal(items(&p.c, "web", "command", &j), "1:nginx-debug");
	/* Ports: unique by address and ports, the repeated one counted where repeated. */
	assert_string_equal(items(&p.c, "web", "ports", &j), "0:9000:9000|1:127.0.0.1:8080:80");
	/* Volumes: unique by target, the override's /data wins. */
	assert_string_equal(items(&p.c, "web", "volumes", &j),
			    "0:./conf:/etc/nginx:ro|1:./b:/data");
	assert_string_equal(items(&p.c, "web", "cap_add", &j), "1:CHOWN");
	assert_string_equal(items(&p.c, "web", "dns", &j), "");
	/* The extending service sees the base definition's sequences. */
	assert_string_equal(items(&p.c, "worker", "cap_add", &j), "0:NET_ADMIN");
	unload(&p);
}

struct env {
	char text[256];
};

static void
env_entry(const char *name, struct fy_node *key, struct fy_node *value, const char *text,
	  void *ctx)
{
	struct env *e = ctx;
	size_t n = strlen(e->text);

	(void)key;
	(void)value;
	snprintf(e->text + n, sizeof(e->text) - n, "%s%s=%s", n ? " " : "", name,
		 text ? text : "");
}

static void
test_entries(void **state)
{
	struct project p;
	struct env e = { "" };

	(void)state;
	load(&p);
	/* Mapping and list forms merge by name, the highest file first. */
	pl_compose_each_entry(&p.c, service(&p.c, "web"), NULL, "environment", env_entry, &e);
	assert_string_equal(e.text, "B=3 C=4 A=1");
	unload(&p);
}

struct refs {
	const struct pl_compose *c;
	char text[256];
};

static bool
ref(const struct pl_compose_ref *r, void *ctx)
{
	struct refs *x = ctx;
	size_t n = strlen(x->text);

	snprintf(x->text + n, sizeof(x->text) - n, "%s%s>%s%s", n ? " " : "", r->source,
		 r->target, r->mode ? "+mode" : "");
	return true;
}

static void
test_secrets_and_configs(void **state)
{
	struct project p;
	struct refs r = { .text = "" };

	(void)state;
	load(&p);
	r.c = &p.c;
	/* Short and long syntax; the override's secret takes db_password's target. */
	pl_compose_each_ref(&p.c, service(&p.c, "web"), "secrets", ref, &r);
	assert_string_equal(r.text, "api_key>/run/secrets/api+mode other>/run/secrets/db_password");
	r.text[0] = '\0';
	pl_compose_each_ref(&p.c, service(&p.c, "web"), "configs", ref, &r);
	assert_string_equal(r.text, "site>/site");
	unload(&p);
}

static void
test_extends_errors(void **state)
{
	static const char text[] =
		"services:\n"
		"  a: {extends: b}\n"
		"  b: {extends: a}\n"
		"  c: {extends: {service: nowhere}}\n"
		"  d: {extends: {file: other.yaml, service: x}}\n";
	struct pl_yaml_error err;
	struct pl_source src;
	struct pl_compose c;
	struct pl_arena a;

	(void)state;
	pl_source_from_mem(&src, "compose.yaml", text, strlen(text));
	pl_arena_init(&a);
	assert_int_equal(pl_compose_build(&src, &a, &c, &err), 0);
	/* Two cycle reports (one per service), a missing service, a file that cannot be
	 * found for text not on disk; every service is still there. */
	assert_int_equal(c.ndiags, 4);
	assert_non_null(strstr(c.diags[0].message, "cycle"));
	assert_non_null(strstr(c.diags[2].message, "nowhere"));
	assert_int_equal(c.diags[2].line, 4);
	assert_int_equal(c.nservices, 4);
	pl_compose_finish(&c);
	pl_arena_finish(&a);
	pl_source_finish(&src);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_services_and_layers),
		cmocka_unit_test(test_scalars_and_mappings),
		cmocka_unit_test(test_sequences),
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_secrets_and_configs),
		cmocka_unit_test(test_extends_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
