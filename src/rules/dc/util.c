/*
 * util.c -- shared helpers of the Compose rules (see util.h).
 */
#include "rules/dc/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct pl_finding *
pl_dc_report(struct pl_check *ck, const struct pl_compose_service *s, struct fy_node *node,
	     struct fy_node *key, const char *fmt, ...)
{
	struct pl_finding *f;
	uint32_t off, end;
	va_list ap;

	pl_compose_span(ck->compose, s, node, key, &off, &end);
	va_start(ap, fmt);
	f = pl_check_vreport(ck, off, end, fmt, ap);
	va_end(ap);
	return f;
}

const char *
pl_dc_str(const struct pl_compose *c, const struct pl_compose_service *s, const char *key,
	  struct fy_node **node, struct fy_node **key_node)
{
	struct fy_node *n = pl_compose_get(s, key, key_node);

	if (node != NULL) {
		*node = n;
	}
	return pl_compose_str(c, n);
}

void
pl_dc_each(struct fy_node *n, bool (*fn)(struct fy_node *item, void *ctx), void *ctx)
{
	struct fy_node *item;
	void *it = NULL;

	n = pl_yaml_deref(n);
	if (n == NULL) {
		return;
	}
	if (!fy_node_is_sequence(n)) {
		fn(n, ctx);
		return;
	}
	while ((item = fy_node_sequence_iterate(n, &it)) != NULL) {
		if (!fn(pl_yaml_deref(item), ctx)) {
			return;
		}
	}
}

struct fy_node *
pl_dc_limit(const struct pl_compose_service *s, const char *key, const char *legacy)
{
	struct fy_node *deploy = pl_compose_get(s, "deploy", NULL);
	struct fy_node *res = deploy ? pl_yaml_get(deploy, "resources", NULL) : NULL;
	struct fy_node *lim = res ? pl_yaml_get(res, "limits", NULL) : NULL;
	struct fy_node *v = lim ? pl_yaml_get(lim, key, NULL) : NULL;

	if (v == NULL && legacy != NULL) {
		v = pl_compose_get(s, legacy, NULL);
	}
	return v;
}

const char *
pl_dc_image(const struct pl_compose *c, const struct pl_compose_service *s,
	    struct fy_node **node)
{
	if (pl_compose_get(s, "build", NULL) != NULL) {
		return NULL;
	}
	return pl_dc_str(c, s, "image", node, NULL);
}

/* A volume source that names a host path rather than a named volume. */
static bool
host_path(const char *src)
{
	return src[0] == '/' || src[0] == '.' || src[0] == '~';
}

const char *
pl_dc_volume_source(const struct pl_compose *c, struct fy_node *item, struct fy_node **at)
{
	const char *t, *colon;

	*at = item;
	if (item != NULL && fy_node_is_mapping(item)) {
		struct fy_node *src = pl_yaml_get(item, "source", NULL);
		const char *type = pl_compose_str(c, pl_yaml_get(item, "type", NULL));

		t = pl_compose_str(c, src);
		if (t == NULL || strchr(t, '$') != NULL ||
		    (type != NULL && strcmp(type, "bind") != 0) || !host_path(t)) {
			return NULL;
		}
		*at = src;
		return t;
	}
	t = pl_compose_str(c, item);
	if (t == NULL || strchr(t, '$') != NULL || (colon = strchr(t, ':')) == NULL) {
		return NULL;
	}
	t = pl_arena_strndup(c->arena, t, (size_t)(colon - t));
	return host_path(t) ? t : NULL;
}

static bool
all_interfaces(const char *ip)
{
	return ip == NULL || ip[0] == '\0' || strcmp(ip, "0.0.0.0") == 0 ||
	       strcmp(ip, "::") == 0 || strcmp(ip, "[::]") == 0;
}

/* The number at the start of T ("5432", "5432/tcp", "8000-8010"), or -1. */
static long
port_number(const char *t)
{
	long v = 0;
	size_t i;

	for (i = 0; t[i] >= '0' && t[i] <= '9' && i < 6; i++) {
		v = v * 10 + (t[i] - '0');
	}
	return i > 0 && i < 6 && v <= 65535 ? v : -1;
}

void
pl_dc_each_port(const struct pl_compose *c, const struct pl_compose_service *s,
		bool (*fn)(const struct pl_dc_port *p, void *ctx), void *ctx)
{
	struct fy_node *ports = pl_compose_get(s, "ports", NULL), *item;
	void *it = NULL;

	if (ports == NULL) {
		return;
	}
	if (!fy_node_is_sequence(ports)) {
		return;
	}
	while ((item = fy_node_sequence_iterate(ports, &it)) != NULL) {
		struct pl_dc_port p = { .target = -1, .published = -1 };
		const char *v, *colon, *last;

		item = pl_yaml_deref(item);
		if (item != NULL && fy_node_is_mapping(item)) {
			/* Long syntax: published on host_ip, every interface without one. */
			const char *ip = pl_compose_str(c, pl_yaml_get(item, "host_ip", NULL));
			const char *target = pl_compose_str(c, pl_yaml_get(item, "target", NULL));

			p.node = pl_yaml_get(item, "published", &p.key);
			if (p.node == NULL || (ip != NULL && strchr(ip, '$') != NULL)) {
				continue;
			}
			p.text = pl_compose_str(c, p.node);
			p.all_interfaces = all_interfaces(ip);
			p.target = target != NULL ? port_number(target) : -1;
			p.published = p.text != NULL ? port_number(p.text) : -1;
		} else {
			v = pl_compose_str(c, item);
			if (v == NULL || strchr(v, '$') != NULL) {
				continue; /* interpolated: the address is not known */
			}
			p.node = item;
			p.text = v;
			p.all_interfaces = true;
			/* HOST_IP:HOST:CONTAINER has two colons outside an IPv6 address in
			 * brackets. */
			colon = v[0] == '[' ? strchr(v, ']') : v;
			if (colon != NULL && (colon = strchr(colon, ':')) != NULL &&
			    strchr(colon + 1, ':') != NULL) {
				size_t iplen = (size_t)(colon - v);
				char ip[64];

				snprintf(ip, sizeof(ip), "%.*s",
					 (int)(iplen < sizeof(ip) ? iplen : sizeof(ip) - 1), v);
				p.all_interfaces = all_interfaces(ip);
			}
			last = strrchr(v, ':');
			p.target = port_number(last != NULL ? last + 1 : v);
			p.published = -1;
			if (last != NULL) {
				/* HOST:CONTAINER or IP:HOST:CONTAINER: the host port ends at LAST. */
				const char *h = last;

				while (h > v && h[-1] != ':' && h[-1] != ']') {
					h--;
				}
				p.published = port_number(h);
			}
		}
		if (!fn(&p, ctx)) {
			return;
		}
	}
}

bool
pl_dc_datastore_port(const struct pl_compose *c, const struct pl_compose_service *s,
		     long target, const char **what)
{
	static const struct {
		long port;
		const char *what;
	} ports[] = {
		{ 5432, "PostgreSQL" }, { 3306, "MySQL" }, { 1433, "SQL Server" },
		{ 1521, "Oracle" }, { 27017, "MongoDB" }, { 27018, "MongoDB" },
		{ 6379, "Redis" }, { 11211, "Memcached" }, { 9200, "Elasticsearch" },
		{ 9300, "Elasticsearch" }, { 5984, "CouchDB" }, { 8086, "InfluxDB" },
		{ 9042, "Cassandra" }, { 7474, "Neo4j" }, { 7687, "Neo4j" }, { 2379, "etcd" },
		{ 8500, "Consul" }, { 5672, "RabbitMQ" }, { 15672, "RabbitMQ" },
		{ 9092, "Kafka" }, { 2181, "ZooKeeper" }, { 9090, "Prometheus" },
		{ 9093, "Alertmanager" }, { 9100, "node exporter" }, { 5601, "Kibana" },
		{ 8529, "ArangoDB" }, { 26257, "CockroachDB" }, { 8123, "ClickHouse" },
		{ 9000, "ClickHouse" }, { 4222, "NATS" },
	};
	static const struct {
		const char *name;
		const char *what;
	} images[] = {
		{ "postgres", "PostgreSQL" }, { "postgis", "PostgreSQL" }, { "mysql", "MySQL" },
		{ "mariadb", "MariaDB" }, { "mongo", "MongoDB" }, { "redis", "Redis" },
		{ "valkey", "Valkey" }, { "memcached", "Memcached" },
		{ "elasticsearch", "Elasticsearch" }, { "opensearch", "OpenSearch" },
		{ "couchdb", "CouchDB" }, { "influxdb", "InfluxDB" }, { "cassandra", "Cassandra" },
		{ "neo4j", "Neo4j" }, { "rabbitmq", "RabbitMQ" }, { "kafka", "Kafka" },
		{ "zookeeper", "ZooKeeper" }, { "prometheus", "Prometheus" },
		{ "alertmanager", "Alertmanager" }, { "mssql", "SQL Server" },
		{ "clickhouse", "ClickHouse" }, { "etcd", "etcd" }, { "grafana", "Grafana" },
		{ "kibana", "Kibana" }, { "pgadmin4", "pgAdmin" }, { "adminer", "Adminer" },
		{ "phpmyadmin", "phpMyAdmin" }, { "mongo-express", "mongo-express" },
		{ "redis-commander", "Redis Commander" }, { "portainer", "Portainer" },
	};
	const char *image = pl_dc_image(c, s, NULL), *base;
	size_t n;

	for (size_t i = 0; i < sizeof(ports) / sizeof(ports[0]); i++) {
		if (ports[i].port == target) {
			*what = ports[i].what;
			return true;
		}
	}
	if (image == NULL) {
		return false;
	}
	/* The repository's last path component, without tag or digest. */
	base = strrchr(image, '/') ? strrchr(image, '/') + 1 : image;
	n = strcspn(base, ":@");
	for (size_t i = 0; i < sizeof(images) / sizeof(images[0]); i++) {
		size_t m = strlen(images[i].name);

		if (n >= m && strncmp(base, images[i].name, m) == 0 &&
		    (n == m || base[m] == '-' || base[m] == '_')) {
			*what = images[i].what;
			return true;
		}
	}
	return false;
}

void
pl_dc_each_env(const struct pl_compose *c, const struct pl_compose_service *s,
	       void (*fn)(const char *name, struct fy_node *key, struct fy_node *value,
			  const char *text, void *ctx),
	       void *ctx)
{
	struct fy_node *env = pl_compose_get(s, "environment", NULL), *k, *v;

	if (env == NULL) {
		return;
	}
	if (fy_node_is_mapping(env)) {
		struct pl_yaml_iter it;

		pl_yaml_iter_init(&it, env);
		while (pl_yaml_next(&it, &k, &v)) {
			const char *name = pl_compose_str(c, k);

			if (name != NULL) {
				fn(name, k, v, pl_compose_raw(c, v), ctx);
			}
		}
	} else if (fy_node_is_sequence(env)) {
		void *it = NULL;

		while ((v = fy_node_sequence_iterate(env, &it)) != NULL) {
			const char *t = pl_compose_raw(c, pl_yaml_deref(v)), *eq;

			if (t == NULL || t[0] == '\0') {
				continue;
			}
			eq = strchr(t, '=');
			fn(eq ? pl_arena_strndup(c->arena, t, (size_t)(eq - t)) : t, v, v,
			   eq ? eq + 1 : NULL, ctx);
		}
	}
}

/* The health check's `test` is NONE: ["NONE"] or "NONE". */
static bool
test_is_none(const struct pl_compose *c, struct fy_node *test)
{
	const char *t;

	if (test == NULL) {
		return false;
	}
	if (fy_node_is_sequence(test)) {
		t = pl_compose_str(c, pl_yaml_deref(fy_node_sequence_get_by_index(test, 0)));
	} else {
		t = pl_compose_str(c, test);
	}
	return t != NULL && strcmp(t, "NONE") == 0;
}

bool
pl_dc_healthcheck_disabled(const struct pl_compose *c, const struct pl_compose_service *s)
{
	struct fy_node *hc = pl_compose_get(s, "healthcheck", NULL);

	if (hc == NULL || !fy_node_is_mapping(hc)) {
		return false;
	}
	return pl_yaml_true(pl_compose_str(c, pl_yaml_get(hc, "disable", NULL))) ||
	       test_is_none(c, pl_yaml_get(hc, "test", NULL));
}

bool
pl_dc_has_healthcheck(const struct pl_compose *c, const struct pl_compose_service *s)
{
	struct fy_node *hc = pl_compose_get(s, "healthcheck", NULL);

	return hc != NULL && fy_node_is_mapping(hc) && pl_yaml_get(hc, "test", NULL) != NULL &&
	       !pl_dc_healthcheck_disabled(c, s);
}

const struct pl_compose_service *
pl_dc_service(const struct pl_compose *c, const char *name)
{
	for (size_t i = 0; i < c->nservices; i++) {
		if (strcmp(c->services[i].name, name) == 0) {
			return &c->services[i];
		}
	}
	return NULL;
}
