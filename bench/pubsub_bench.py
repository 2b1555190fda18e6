#!/usr/bin/env python3
"""PUBLISH fan-out and MULTI/EXEC throughput, redis-server vs Tandem, side by side.

Runs build/tandem-pubsub-bench (bench/pubsub_bench.cc, `make bench-pubsub` builds it) against
a fresh redis-server 7.0.15 and a fresh Tandem, taking turns run by run, and prints the median
of R runs per case and the ratio Tandem / redis-server. Cases: PUBLISH with 10 and with 1,000
subscribers reading everything, and MULTI + 10 INCR + EXEC, each at -P 1 and -P 16.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (Server, free ports, logging)

REPO = os.path.dirname(HERE)

# (name, client args, requests at -P 1, requests at -P 16)
CASES = [
    ("PUBLISH 10 subs", ["--test", "publish", "--subscribers", "10"], 200000, 1000000),
    ("PUBLISH 1000 subs", ["--test", "publish", "--subscribers", "1000"], 10000, 20000),
    ("MULTI 10xINCR", ["--test", "multi"], 50000, 200000),
]


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--tandem-bin", default=os.path.join(REPO, "build", "tandem-server"))
    p.add_argument("--redis-bin", default="redis-server")
    p.add_argument("--client", default=os.path.join(REPO, "build", "tandem-pubsub-bench"))
    p.add_argument("--tandem-args", default="")
    p.add_argument("-R", type=int, default=5, help="runs per case (median reported)")
    p.add_argument("-c", "--clients", type=int, default=50, help="client connections")
    p.add_argument("--pipelines", default="1,16")
    p.add_argument("--scale", type=float, default=1.0, help="multiplies the request counts")
    p.add_argument("--only", default="", help="substring of the case names to run")
    args = p.parse_args()

    workdir = tempfile.mkdtemp(prefix="pubsub-bench-")
    servers = [bench.Server("redis-server", args.redis_bin, None, [], workdir),
               bench.Server("tandem", args.tandem_bin, None, args.tandem_args.split(), workdir)]
    rows = []
    try:
        for s in servers:
            s.start()
        for name, case_args, n1, n16 in CASES:
            if args.only and args.only not in name:
                continue
            for pipeline in [int(x) for x in args.pipelines.split(",")]:
                n = int((n1 if pipeline == 1 else n16) * args.scale)
                samples = {s.label: [] for s in servers}
                for r in range(args.R):
                    order = servers if r % 2 == 0 else servers[::-1]
                    for s in order:
                        argv = [args.client, "--port", str(s.port), "--clients",
                                str(args.clients), "--pipeline", str(pipeline), "--requests",
                                str(n)] + case_args
                        out = subprocess.run(argv, capture_output=True, text=True, timeout=600)
                        if out.returncode != 0:
                            raise SystemExit("%s on %s failed: %s" % (name, s.label, out.stderr))
                        s.check_alive(name)
                        samples[s.label].append(float(out.stdout.strip()))
                ref = statistics.median(samples["redis-server"])
                cand = statistics.median(samples["tandem"])
                ratios = [t / r for t, r in zip(samples["tandem"], samples["redis-server"])]
                rows.append((name, pipeline, ref, cand, cand / ref, ratios))
                bench.log("%s -P %d: redis %.0f, tandem %.0f, ratio %.2f" %
                          (name, pipeline, ref, cand, cand / ref))
    finally:
        for s in servers:
            s.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    print("| test | pipeline | redis-server ops/s | tandem ops/s | ratio | per-run ratios |")
    print("|---|---:|---:|---:|---:|---|")
    for name, pipeline, ref, cand, ratio, ratios in rows:
        print("| %s | %d | %s | %s | %.2f | %s |" %
              (name, pipeline, "{:,.0f}".format(ref), "{:,.0f}".format(cand), ratio,
               ", ".join("%.2f" % x for x in ratios)))


if __name__ == "__main__":
    main()
