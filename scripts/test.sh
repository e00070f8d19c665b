#!/usr/bin/env bash
# Runs every test suite and prints "N passed, N failed" last.
#   1. unit tests (cmocka), normal build
#   2. unit tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   3. HTTP tests (node:test) against the normal server
#   4. HTTP tests against the sanitized server (a sanitizer report in the
#      server's stderr fails the run)
#   5. bad-input soak (tests/soak: 10,000 mixed requests, limits, slow
#      clients) against the sanitized server
#   6. browser journey (playwright-core + Debian's chromium)
#   7. fuzz smoke: each libFuzzer target over its corpus for a few seconds
# Called by `make test` after both builds exist.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
suite_failed=()

count_cmocka() {	# $1 = label, $2 = binary
	local out rc p f
	out=$("$2" 2>&1); rc=$?
	printf '%s\n' "$out" | grep -E '^\[  (PASSED|FAILED|  OK  |ERROR) ' | sed "s|^|  [$1] |" | grep -v '  OK  ' || true
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
	p=${p:-0}; f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		# crashed or sanitizer abort before cmocka's summary
		printf '%s\n' "$out" | tail -n 30
		f=1
	fi
	passed=$((passed + p)); failed=$((failed + f))
	[ "$f" -gt 0 ] && suite_failed+=("$1 $(basename "$2")")
	echo "$1 $(basename "$2"): $p passed, $f failed"
}

count_node() {	# $1 = label, rest = node --test args
	local label=$1; shift
	local log; log=$(mktemp)
	node --test --test-reporter=spec "$@" >"$log" 2>&1
	local rc=$?
	local p f
	p=$(grep -E '^ℹ pass [0-9]+' "$log" | awk '{print $3}' | tail -n1)
	f=$(grep -E '^ℹ fail [0-9]+' "$log" | awk '{print $3}' | tail -n1)
	p=${p:-0}; f=${f:-0}
	if [ "$rc" -ne 0 ] || [ "$f" -gt 0 ]; then
		grep -vE '^\s*✔' "$log" | tail -n 80
		[ "$f" -eq 0 ] && f=1
		suite_failed+=("$label")
	fi
	passed=$((passed + p)); failed=$((failed + f))
	echo "$label: $p passed, $f failed"
	rm -f "$log"
}

echo "== unit tests =="
# The PDF test runs the builder that belongs to the same build.
export KLYNGE_PDF_BIN=$PWD/build/klynge-pdf
for t in build/tests/unit/test_*; do
	[ -x "$t" ] && [ -f "$t" ] && count_cmocka unit "$t"
done

echo "== unit tests (ASan + UBSan) =="
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export KLYNGE_PDF_BIN=$PWD/build-asan/klynge-pdf
for t in build-asan/tests/unit/test_*; do
	[ -x "$t" ] && [ -f "$t" ] && count_cmocka unit-asan "$t"
done

unset KLYNGE_PDF_BIN	# servers find klynge-pdf beside themselves
echo "== HTTP tests =="
KLYNGE_BIN=./build/klynge count_node http tests/http/

echo "== HTTP tests (sanitized server) =="
KLYNGE_BIN=./build-asan/klynge KLYNGE_SANITIZED=1 count_node http-asan tests/http/

echo "== bad-input soak (sanitized server) =="
KLYNGE_BIN=./build-asan/klynge KLYNGE_SANITIZED=1 count_node soak tests/soak/

if [ -d tests/e2e ] && ls tests/e2e/*.test.js >/dev/null 2>&1; then
	echo "== browser journey =="
	KLYNGE_BIN=./build/klynge count_node e2e tests/e2e/
fi

if [ -d build-fuzz ] || [ "${KLYNGE_FUZZ_SMOKE:-1}" = 1 ]; then
	echo "== fuzz smoke =="
	if [ ! -f build-fuzz/build.ninja ]; then
		CC=clang meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined \
			-Db_lundef=false -Dbuildtype=debug >/dev/null
	fi
	if ninja -C build-fuzz >/dev/null; then
		for f in build-fuzz/tests/fuzz/fuzz_*; do
			[ -x "$f" ] && [ -f "$f" ] || continue
			name=$(basename "$f"); corpus=tests/fuzz/corpus/${name#fuzz_}
			work=$(mktemp -d)
			[ -d "$corpus" ] && cp -r "$corpus"/. "$work"/
			if "$f" -max_total_time="${FUZZ_SECONDS:-10}" -max_len=65536 "$work" \
				>"$work.log" 2>&1; then
				passed=$((passed + 1)); echo "fuzz $name: ok ($(grep -c . "$work.log") log lines)"
			else
				failed=$((failed + 1)); suite_failed+=("fuzz $name")
				tail -n 40 "$work.log"
			fi
			rm -rf "$work" "$work.log"
		done
	else
		failed=$((failed + 1)); suite_failed+=("fuzz build")
	fi
fi

echo
[ ${#suite_failed[@]} -gt 0 ] && echo "failing: ${suite_failed[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
