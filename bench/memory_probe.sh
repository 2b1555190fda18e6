#!/usr/bin/env bash
# Memory probe only: VmRSS growth per key after 1,000,000 SETs, redis-server vs Tandem.
# Same flags as bench/run.sh (e.g. --tandem-bin, --tandem-args, --keys).
set -euo pipefail
exec python3 "$(dirname "$(readlink -f "$0")")/bench.py" --memory-only "$@"
