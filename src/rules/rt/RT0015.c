/*
 * RT0015.c -- container shares a namespace with the host.
 *
 * Reported for NetworkMode, PidMode, IpcMode, UTSMode and UsernsMode set to host.
 * Sharing with another container (container:NAME) is not reported.
 */
#include "rules/rt/util.h"

static void
mode(struct pl_check *ck, const struct pl_inspect_container *ct,
     const struct pl_inspect_value *v, const char *setting, const char *what)
{
	if (pl_inspect_is(v, "host")) {
		pl_rt_report(ck, ct, v, "shares the host's %s (%s host)", what, setting);
	}
}

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		mode(ck, ct, &ct->network_mode, "NetworkMode", "network namespace");
		mode(ck, ct, &ct->pid_mode, "PidMode", "process namespace");
		mode(ck, ct, &ct->ipc_mode, "IpcMode", "IPC namespace");
		mode(ck, ct, &ct->uts_mode, "UTSMode", "UTS namespace");
		mode(ck, ct, &ct->userns_mode, "UsernsMode", "user namespace");
	}
}

const struct pl_rule rule_rt0015 = {
	.id = "RT0015",
	.name = "container-host-namespace",
	.title = "Container shares a namespace with the host",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "Namespaces are what make a container a container. With the host's "
	       "network namespace it can bind any host port and reach services "
	       "listening on localhost; with the host's PID namespace it sees and "
	       "can signal or ptrace every process of the host; with the host's IPC "
	       "namespace it reads shared memory of host processes; with the host's "
	       "user namespace it opts out of user namespace remapping; with the "
	       "host's UTS namespace it may change the host's name.",
	.fix = "Recreate the container without `--network host`, `--pid host`, "
	       "`--ipc host`, `--uts host` or `--userns host`; publish the ports it "
	       "serves, and share namespaces with one other container (`--pid "
	       "container:NAME`) when a sidecar needs them.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"NetworkMode\": \"host\",\n"
	       "      \"PidMode\": \"\",\n"
	       "      \"IpcMode\": \"private\",\n"
	       "      \"UTSMode\": \"\",\n"
	       "      \"UsernsMode\": \"\"\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.good = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"NetworkMode\": \"web-net\",\n"
	       "      \"PidMode\": \"\",\n"
	       "      \"IpcMode\": \"private\",\n"
	       "      \"UTSMode\": \"\",\n"
	       "      \"UsernsMode\": \"\"\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/containers/run/",
		"https://docs.docker.com/engine/network/drivers/host/",
		"CIS Docker Benchmark v1.6.0 5.10",
		"CIS Docker Benchmark v1.6.0 5.16",
		"CIS Docker Benchmark v1.6.0 5.17",
		"CIS Docker Benchmark v1.6.0 5.21",
		"CIS Docker Benchmark v1.6.0 5.31",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
