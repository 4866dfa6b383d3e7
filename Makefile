# A thin wrapper around Meson: the two commands of the README, and a few conveniences.
BUILD ?= build
SAN_BUILD ?= build-san
# Warnings are errors in CI (CI=true); on a developer's newer compiler they stay warnings.
WERROR ?= $(if $(CI),true,false)
MESON_OPTS ?= -Dwerror=$(WERROR)

.PHONY: all demo check check-san bootstrap build docs bench fuzz hostile clean

all: build

bootstrap:
	@scripts/bootstrap

$(BUILD)/build.ninja:
	@scripts/bootstrap
	@meson setup $(BUILD) $(MESON_OPTS) >/dev/null

build: $(BUILD)/build.ninja
	@ninja -C $(BUILD) >/dev/null

# Audit the bundled examples: the insecure service has findings, its hardened twin none.
# The insecure example fails the scan by design (exit 1); only exit 2 or 3 stops make.
demo: build
	@rc=0; $(BUILD)/plimsoll scan examples/ || rc=$$?; [ $$rc -le 1 ]
	@echo
	@echo "The hardened twin on its own, at the strictest threshold:"
	@$(BUILD)/plimsoll scan --fail-on info examples/hardened-web

# The whole test suite; the last line reads "N passed, N failed".
check: build
	@scripts/run-tests $(BUILD)

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
check-san:
	@scripts/bootstrap
	@[ -f $(SAN_BUILD)/build.ninja ] || meson setup $(SAN_BUILD) -Db_sanitize=address,undefined \
		-Db_lundef=false -Dbuildtype=debug $(MESON_OPTS) >/dev/null
	@ninja -C $(SAN_BUILD) >/dev/null
	@scripts/run-tests $(SAN_BUILD)

# Regenerate docs/rules from the rule metadata (the test suite checks they match).
docs: build
	@$(BUILD)/plimsoll rules --docs docs/rules

# The hostile-input suite with its real time bound (2 s per input); run it on a quiet
# machine: the test suite itself only checks for hangs.
hostile: build
	@PL_BIN=$(BUILD)/plimsoll PL_HOSTILE_STRICT=1 python3 tests/hostile/hostile_test.py

# Side-by-side benchmark with peer tools (see bench/README.md).
bench:
	@scripts/bootstrap
	@bench/run

# Every libFuzzer target for FUZZ_SECONDS each (clang, ASan+UBSan); new findings are
# written to fuzz/findings/, their inputs belong in fuzz/corpus/<target> once fixed.
FUZZ_SECONDS ?= 60
FUZZ_BUILD ?= build-fuzz
fuzz:
	@scripts/bootstrap
	@command -v clang >/dev/null || { echo "make fuzz needs clang" >&2; exit 1; }
	@[ -f $(FUZZ_BUILD)/build.ninja ] || CC=clang meson setup $(FUZZ_BUILD) -Dfuzz=true \
		-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug >/dev/null
	@ninja -C $(FUZZ_BUILD) >/dev/null
	@mkdir -p fuzz/findings
	@for t in $(FUZZ_BUILD)/fuzz/fuzz_*; do \
		name=$${t##*/fuzz_}; \
		dict=""; [ -f fuzz/$$name.dict ] && dict="-dict=fuzz/$$name.dict"; \
		mkdir -p $(FUZZ_BUILD)/corpus-$$name; \
		echo "fuzz: $$name for $(FUZZ_SECONDS)s"; \
		$$t $$dict -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=512 -timeout=10 \
			-artifact_prefix=fuzz/findings/$$name- $(FUZZ_BUILD)/corpus-$$name \
			fuzz/corpus/$$name || exit 1; \
	done

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(FUZZ_BUILD)
