# Thin wrapper: deps · build · run · test. See README.md.
BUILD_DIR ?= build
SAN_DIR ?= build-sanitize
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
TSAN_DIR ?= build-tsan
TSAN_FLAGS = -fsanitize=thread -fno-omit-frame-pointer
# Reports go to files (the servers the tests start write there too); any report fails the run.
TSAN_REPORTS = $(abspath $(TSAN_DIR))/tsan-report
TSAN_ENV = TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 log_path=$(TSAN_REPORTS)"
FUZZ_SECONDS ?= 30
JOBS ?= $(shell nproc)
DEB_PACKAGES = build-essential cmake g++ clang libclang-rt-14-dev libasio-dev liblua5.1-0-dev liblzf-dev liburing-dev \
               clang-format libhiredis-dev doctest-dev redis-server redis-tools python3 python3-redis \
               memcached libmemcached-tools python3-pymemcache
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test unit integration differential diff-fuzz clients memcache sanitize tsan fuzz \
        format format-check bench bench-pubsub clean

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j$(JOBS)

run: build
	./$(BUILD_DIR)/tandem-server conf/tandem.conf

unit: build
	./$(BUILD_DIR)/tandem-unit-tests

integration: build
	./$(BUILD_DIR)/tandem-integration-tests

differential: build
	python3 tests/differential/run.py --tandem $(BUILD_DIR)/tandem-server
	python3 tests/differential/function_dump.py --tandem $(BUILD_DIR)/tandem-server

# The memcached door: byte-exact transcripts against memcached 1.6.18, cross-protocol and
# eviction checks (tests/memcache/run.py).
memcache: build
	python3 tests/memcache/run.py --tandem $(BUILD_DIR)/tandem-server

# The same random command streams (inline, multibulk, pipelines, split writes, malformed
# frames) to redis-server and Tandem for FUZZ_SECONDS; any reply or keyspace difference fails.
diff-fuzz: build
	python3 tests/fuzz/diff_fuzz.py --tandem $(BUILD_DIR)/tandem-server --seconds $(FUZZ_SECONDS)

# redis-cli, redis-benchmark and redis-py against the server (Debian's python3 has redis-py).
clients: build
	/usr/bin/python3 tests/clients/clients_test.py --tandem $(BUILD_DIR)/tandem-server

# The unit, integration and differential suites again on an AddressSanitizer +
# UndefinedBehaviorSanitizer build: any memory error or undefined behaviour aborts the server.
# One clang build serves this and the fuzzers (its libraries also carry libFuzzer's
# coverage instrumentation), so CI compiles the tree once for both.
sanitize: deps
	CXX=clang++ cmake -S . -B $(SAN_DIR) -DCMAKE_BUILD_TYPE=Debug -DTANDEM_FUZZ=ON \
	  -DCMAKE_CXX_FLAGS="$(SAN_FLAGS) -O1"
	cmake --build $(SAN_DIR) -j$(JOBS) --target tandem-server tandem-unit-tests \
	  tandem-integration-tests resp-parser-fuzzer connection-fuzzer
	./$(SAN_DIR)/tandem-unit-tests
	./$(SAN_DIR)/tandem-integration-tests
	python3 tests/differential/run.py --tandem $(SAN_DIR)/tandem-server

# The same suites on a ThreadSanitizer build: io threads read the configuration, statistics
# and buffers lock-free, and any data race stops the process that sees it.
tsan: deps
	cmake -S . -B $(TSAN_DIR) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$(TSAN_FLAGS) -O1"
	cmake --build $(TSAN_DIR) -j$(JOBS) --target tandem-server tandem-unit-tests tandem-integration-tests
	rm -f $(TSAN_REPORTS).*
	$(TSAN_ENV) ./$(TSAN_DIR)/tandem-unit-tests || { cat $(TSAN_REPORTS).* 2>/dev/null; exit 1; }
	$(TSAN_ENV) ./$(TSAN_DIR)/tandem-integration-tests || { cat $(TSAN_REPORTS).* 2>/dev/null; exit 1; }
	$(TSAN_ENV) python3 tests/differential/run.py --tandem $(TSAN_DIR)/tandem-server || \
	  { cat $(TSAN_REPORTS).* 2>/dev/null; exit 1; }
	@if ls $(TSAN_REPORTS).* >/dev/null 2>&1; then cat $(TSAN_REPORTS).*; exit 1; fi
	@echo "ThreadSanitizer: no reports"

# Both libFuzzer targets (ASan + UBSan), each for FUZZ_SECONDS on a copy of its corpus:
# the RESP parser alone, and the whole connection path on a real engine.
fuzz: deps
	CXX=clang++ cmake -S . -B $(SAN_DIR) -DCMAKE_BUILD_TYPE=Debug -DTANDEM_FUZZ=ON \
	  -DCMAKE_CXX_FLAGS="$(SAN_FLAGS) -O1"
	cmake --build $(SAN_DIR) -j$(JOBS) --target resp-parser-fuzzer connection-fuzzer
	rm -rf $(SAN_DIR)/corpus $(SAN_DIR)/connection_corpus
	cp -r tests/fuzz/corpus $(SAN_DIR)/corpus
	cp -r tests/fuzz/connection_corpus $(SAN_DIR)/connection_corpus
	./$(SAN_DIR)/resp-parser-fuzzer -max_total_time=$(FUZZ_SECONDS) $(SAN_DIR)/corpus
	./$(SAN_DIR)/connection-fuzzer -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	  -detect_leaks=1 $(SAN_DIR)/connection_corpus

# Every C++ file as clang-format (.clang-format: Google base, 100 columns) would write it.
# `make format` rewrites them.
FORMAT_FILES = $(shell git ls-files '*.cc' '*.h')
format-check: deps
	clang-format --dry-run --Werror $(FORMAT_FILES)

format: deps
	clang-format -i $(FORMAT_FILES)

# Every test: the format check, unit, integration, differential against redis-server, the stock clients, the
# same suites under AddressSanitizer + UBSan and under ThreadSanitizer, and a bounded fuzz run.
test: build
	$(MAKE) format-check
	./$(BUILD_DIR)/tandem-unit-tests
	./$(BUILD_DIR)/tandem-integration-tests
	python3 tests/differential/run.py --tandem $(BUILD_DIR)/tandem-server
	python3 tests/differential/function_dump.py --tandem $(BUILD_DIR)/tandem-server
	python3 tests/memcache/run.py --tandem $(BUILD_DIR)/tandem-server
	/usr/bin/python3 tests/clients/clients_test.py --tandem $(BUILD_DIR)/tandem-server
	$(MAKE) sanitize
	$(MAKE) tsan
	$(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_SECONDS)
	python3 tests/fuzz/diff_fuzz.py --tandem $(BUILD_DIR)/tandem-server --seconds $(FUZZ_SECONDS) --seed 1

bench: build
	bash bench/run.sh

bench-pubsub: build
	cmake --build $(BUILD_DIR) --target tandem-pubsub-bench -j$(JOBS)
	python3 bench/pubsub_bench.py --client $(abspath $(BUILD_DIR))/tandem-pubsub-bench --tandem-bin $(abspath $(BUILD_DIR))/tandem-server

clean:
	rm -rf $(BUILD_DIR) $(SAN_DIR) $(TSAN_DIR)
