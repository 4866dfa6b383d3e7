/*
 * fuzz_config.c -- libFuzzer target: .plimsoll.yaml loading on arbitrary bytes.
 *
 * The bytes are written to an anonymous in-memory file and loaded the way the command
 * line loads a configuration; any outcome but a crash, a leak or a hang is fine.
 */
#define _GNU_SOURCE
#include "engine/config.h"
#include "engine/finding.h"

#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pl_config cfg;
	struct pl_report r;
	char path[64];
	int fd = memfd_create("plimsoll-config", 0);

	if (fd < 0) {
		return 0;
	}
	if (size > 0 && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	pl_config_init(&cfg);
	pl_report_init(&r);
	if (pl_config_load(&cfg, path, &r) == 0) {
		for (size_t i = 0; i < pl_nrules; i++) {
			(void)pl_config_severity(&cfg, pl_rules[i], "examples/demo/Dockerfile");
		}
		(void)pl_config_trusted(&cfg, "ghcr.io/acme/api:1.2");
	}
	pl_report_finish(&r);
	pl_config_finish(&cfg);
	close(fd);
	return 0;
}
