/*
 * DF0037 -- go install or go get of a module at a moving version.
 *
 * Reported: `go install`, `go get` and `go run` of a remote module path at `@latest`,
 * `@upgrade`, `@patch` or a default branch (`@master`, `@main`, `@HEAD`), and `go get` of
 * a remote path with no version, which resolves the newest release.
 * Not reported: `@v1.2.3` and commit hashes; `go install` and `go run` without a version,
 * which build what the main module's go.mod pins (or fail outside a module); local
 * paths, `./...`, `.go` files and the `all`, `std`, `cmd` and `tool` patterns; paths built
 * from variables.
 */
#include "rules/df/pkg_util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	pl_pkg_report_unpinned(ck, m, i, PL_PKG_GO,
			       "Replace `",
			       "` with a named release (`<module path>@v1.2.3`), or declare the "
			       "tool in go.mod (`go get -tool`) so that go.sum pins it.");
}

const struct pl_rule rule_df0037 = {
	.id = "DF0037",
	.name = "go-install-unpinned",
	.title = "go install of a module at a moving version",
	.severity = PL_SEV_LOW,
	.category = "supply-chain",
	.why = "`go install example.com/tool@latest` builds whatever the module's newest "
	       "release (or branch head) is at build time, with its own dependency versions: "
	       "rebuilds of the same commit produce different binaries and a compromised "
	       "release is picked up at once. Pins are also a maintenance cost; configuration "
	       "will let a team turn the rule off.",
	.fix = "Install a named version (`@v0.16.1`), recorded in go.sum by the module proxy's "
	       "checksum database, or track the tool in go.mod so that updates go through "
	       "review.",
	.bad = "FROM golang:1.22.5-bookworm\nRUN go install golang.org/x/tools/gopls@latest\n",
	.good = "FROM golang:1.22.5-bookworm\nRUN go install golang.org/x/tools/gopls@v0.16.1\n",
	.refs = (const char *const[]){
		"https://go.dev/ref/mod#go-install",
		"https://go.dev/ref/mod#go-get",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
