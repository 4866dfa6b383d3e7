# A thin wrapper around Meson: the two commands of the README, and a few conveniences.
BUILD ?= build
SAN_BUILD ?= build-san
MESON_OPTS ?=

.PHONY: all demo check check-san bootstrap build docs clean

all: build

bootstrap:
	@scripts/bootstrap

$(BUILD)/build.ninja:
	@scripts/bootstrap
	@meson setup $(BUILD) $(MESON_OPTS) >/dev/null

build: $(BUILD)/build.ninja
	@ninja -C $(BUILD) >/dev/null

# Audit the bundled examples: the insecure service has findings, its hardened twin none.
# The insecure example fails the scan by design, so its exit status does not stop make.
demo: build
	@$(BUILD)/plimsoll scan examples/ || true

# The whole test suite; the last line reads "N passed, N failed".
check: build
	@scripts/run-tests $(BUILD)

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
check-san:
	@scripts/bootstrap
	@[ -f $(SAN_BUILD)/build.ninja ] || meson setup $(SAN_BUILD) -Db_sanitize=address,undefined \
		-Db_lundef=false -Dbuildtype=debug >/dev/null
	@ninja -C $(SAN_BUILD) >/dev/null
	@scripts/run-tests $(SAN_BUILD)

# Regenerate docs/rules from the rule metadata (the test suite checks they match).
docs: build
	@$(BUILD)/plimsoll rules --docs docs/rules

clean:
	rm -rf $(BUILD) $(SAN_BUILD)
