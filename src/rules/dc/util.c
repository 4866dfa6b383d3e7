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
	const struct pl_compose *c = ck->compose;
	const struct pl_source *src = ck->src;
	const char *file = ck->file;
	struct pl_finding *f;
	uint32_t off, end;
	size_t fi;
	va_list ap;

	pl_compose_place(c, s, node, key, &fi, &off, &end);
	/* A value written in another file of the project is reported there. */
	if (fi > 0 && fi < c->nfiles) {
		ck->src = c->files[fi].src;
		ck->file = c->files[fi].name;
		ck->pos_known = false;
	}
	va_start(ap, fmt);
	f = pl_check_vreport(ck, off, end, fmt, ap);
	va_end(ap);
	if (ck->src != src) {
		ck->src = src;
		ck->file = file;
		ck->pos_known = false;
	}
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
	struct fy_node *v = pl_compose_getp(s, NULL, "deploy", "resources", "limits", key, NULL);

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

struct port_ctx {
	const struct pl_compose *c;
	bool (*fn)(const struct pl_dc_port *p, void *ctx);
	void *ctx;
};

static bool
port_item(struct fy_node *item, void *ctx)
{
	struct port_ctx *x = ctx;
	const struct pl_compose *c = x->c;
	struct pl_dc_port p = { .target = -1, .published = -1 };
	const char *v, *colon, *last;

	if (item != NULL && fy_node_is_mapping(item)) {
		/* Long syntax: published on host_ip, every interface without one. */
		const char *ip = pl_compose_str(c, pl_yaml_get(item, "host_ip", NULL));
		const char *target = pl_compose_str(c, pl_yaml_get(item, "target", NULL));

		p.node = pl_yaml_get(item, "published", &p.key);
		if (p.node == NULL || (ip != NULL && strchr(ip, '$') != NULL)) {
			return true;
		}
		p.text = pl_compose_str(c, p.node);
		if (ip == NULL && p.text != NULL && strchr(p.text, '$') == NULL &&
		    p.text[strspn(p.text, "0123456789-")] != '\0') {
			/* An address written into `published` ("127.0.0.1:8080"): not a port
			 * Compose can publish, but the address says where it was meant to
			 * listen. */
			const char *port = strrchr(p.text, ':');

			if (port != NULL && port[1] != '\0' &&
			    port[1 + strspn(port + 1, "0123456789-")] == '\0') {
				ip = pl_arena_strndup(c->arena, p.text, (size_t)(port - p.text));
			} else {
				ip = p.text;
			}
		}
		p.all_interfaces = all_interfaces(ip);
		p.target = target != NULL ? port_number(target) : -1;
		p.published = p.text != NULL ? port_number(p.text) : -1;
	} else {
		v = pl_compose_str(c, item);
		if (v == NULL || strchr(v, '$') != NULL) {
			return true; /* interpolated: the address is not known */
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
		if (last != NULL) {
			/* HOST:CONTAINER or IP:HOST:CONTAINER: the host port ends at LAST. */
			const char *h = last;

			while (h > v && h[-1] != ':' && h[-1] != ']') {
				h--;
			}
			p.published = port_number(h);
		}
	}
	return x->fn(&p, x->ctx);
}

void
pl_dc_each_port(const struct pl_compose *c, const struct pl_compose_service *s,
		bool (*fn)(const struct pl_dc_port *p, void *ctx), void *ctx)
{
	struct port_ctx x = { c, fn, ctx };
	struct fy_node *ports = pl_compose_get(s, "ports", NULL);

	/* A `ports:` that is not a list is not read (Compose refuses it). */
	if (ports != NULL && fy_node_is_sequence(ports)) {
		pl_compose_each(c, s, "ports", port_item, &x);
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
	pl_compose_each_entry(c, s, NULL, "environment", fn, ctx);
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
	return pl_yaml_true(pl_compose_str(c, pl_compose_getp(s, NULL, "healthcheck", "disable",
							      NULL))) ||
	       test_is_none(c, pl_compose_getp(s, NULL, "healthcheck", "test", NULL));
}

bool
pl_dc_has_healthcheck(const struct pl_compose *c, const struct pl_compose_service *s)
{
	struct fy_node *hc = pl_compose_get(s, "healthcheck", NULL);

	return hc != NULL && fy_node_is_mapping(hc) &&
	       pl_compose_getp(s, NULL, "healthcheck", "test", NULL) != NULL &&
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
