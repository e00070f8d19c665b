# klynge task runner: make run | test | bench | fuzz | clean
# Each target installs what it needs first (scripts/deps.sh, idempotent).

DB ?= klynge.db
PORT ?= 8080
BUILD := build
ASAN := build-asan
FUZZ := build-fuzz

.PHONY: all deps build run test test-unit test-http test-e2e test-asan bench fuzz clean demo

all: build

deps:
	@bash scripts/deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD) >/dev/null

build: deps $(BUILD)/build.ninja
	@ninja -C $(BUILD)

# Fresh demo database from the seeds' structure and the demo's meetings
# of 2026, then serve it.
# A new database also gets an administrator "admin" with a random
# password, printed once.
run: build
	@if [ ! -f $(DB) ]; then \
	  ./$(BUILD)/klynge --db $(DB) import data/demo.json && \
	  ./$(BUILD)/klynge --db $(DB) import-meetings data/demo-meetings.json && \
	  ./$(BUILD)/klynge --db $(DB) import-casework data/demo-casework.json && \
	  pw=$$(head -c 18 /dev/urandom | base64 | tr '+/' '-_') && \
	  printf '%s\n' "$$pw" | ./$(BUILD)/klynge --db $(DB) user add admin --admin --name Administrator && \
	  echo "Administrator: admin, adgangskode: $$pw"; \
	fi
	./$(BUILD)/klynge --db $(DB) serve --port $(PORT)

$(ASAN)/build.ninja:
	CC=clang meson setup $(ASAN) -Db_sanitize=address,undefined -Db_lundef=false \
	  -Dbuildtype=debug >/dev/null

# Everything: unit (normal + sanitized), HTTP (normal + sanitized server),
# browser journey. Prints "N passed, N failed" last (scripts/test.sh).
test: build $(ASAN)/build.ninja
	@ninja -C $(ASAN)
	@bash scripts/test.sh

bench: build
	@bash scripts/deps.sh bench
	@bash bench/run.sh
	@bash bench/pdf.sh

$(FUZZ)/build.ninja:
	CC=clang meson setup $(FUZZ) -Dfuzz=true -Db_sanitize=address,undefined \
	  -Db_lundef=false -Dbuildtype=debug >/dev/null

fuzz: deps $(FUZZ)/build.ninja
	@ninja -C $(FUZZ)
	@bash tests/fuzz/run.sh $(FUZZ) $${FUZZ_SECONDS:-60}

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZ)
