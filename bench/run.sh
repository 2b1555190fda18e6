#!/usr/bin/env bash
# Side-by-side benchmark: redis-server 7.0.15 vs Tandem (throughput, then memory per key).
# Usage: bench/run.sh [--quick] [--tandem-bin PATH] [--tandem-args "..."] [-n N] [-R R] ...
# See bench/README.md; `bench/run.sh --help` lists every flag.
set -euo pipefail
exec python3 "$(dirname "$(readlink -f "$0")")/bench.py" "$@"
