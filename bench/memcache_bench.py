#!/usr/bin/env python3
"""memcached 1.6.18 (-t 2) against Tandem's memcached door, in one run.

Throughput: memcaslap (Debian libmemcached-tools) with a get-heavy (9:1) and a set-heavy
(1:1) mix, 64-byte keys and 1 KB values, runs interleaved, medians and ratios printed.
Memory: 1,000,000 `set key:NNNNNNN 0 0 16` items pipelined over one connection; resident
memory growth per item for each server.

Usage: bench/memcache_bench.py [--tandem PATH] [--runs 5] [--seconds 10] [--items 1000000]
(--items 0 skips the memory probe)
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIXES = {"get 9:1": (0.1, 0.9), "set 1:1": (0.5, 0.5)}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port):
    for _ in range(500):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError("no server on %d" % port)


def start(kind, tandem):
    port = free_port()
    if kind == "memcached":
        user = ["-u", "root"] if os.geteuid() == 0 else []
        cmd = ["memcached", "-p", str(port), "-l", "127.0.0.1", "-U", "0", "-t", "2",
               "-m", "4096"] + user
    else:
        cmd = [tandem, "--port", str(free_port()), "--memcached-port", str(port), "--bind",
               "127.0.0.1", "--save", "", "--io-threads", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            cwd=tempfile.gettempdir())
    wait_port(port)
    return proc, port


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


def memcaslap(port, mix, seconds, cfg_dir):
    set_p, get_p = MIXES[mix]
    cfg = os.path.join(cfg_dir, mix.replace(" ", "_").replace(":", "-") + ".cfg")
    with open(cfg, "w") as f:
        f.write("key\n64 64 1\nvalue\n1024 1024 1\ncmd\n0 %.2f\n1 %.2f\n" % (set_p, get_p))
    out = subprocess.run(["memcaslap", "-s", "127.0.0.1:%d" % port, "-T", "2", "-c", "64",
                          "-t", "%ds" % seconds, "-F", cfg], capture_output=True, text=True,
                         timeout=seconds + 60).stdout
    m = re.findall(r"TPS: (\d+)", out)
    if not m:
        raise RuntimeError("memcaslap output: " + out)
    return int(m[-1])


def memory_probe(port, pid, items):
    s = socket.create_connection(("127.0.0.1", port))
    before = rss_kb(pid)
    batch = 10000
    for i in range(0, items, batch):
        req = b"".join(b"set key:%07d 0 0 16 noreply\r\n%016d\r\n" % (j, j)
                       for j in range(i, min(items, i + batch)))
        s.sendall(req)
    s.sendall(b"version\r\n")
    buf = b""
    while not buf.endswith(b"\r\n"):
        buf += s.recv(4096)
    time.sleep(0.5)
    after = rss_kb(pid)
    s.close()
    return (after - before) * 1024 / items


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tandem", default=os.path.join(ROOT, "build", "tandem-server"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--items", type=int, default=1000000)
    args = ap.parse_args()
    args.tandem = os.path.abspath(args.tandem)
    results = {(k, m): [] for k in ("memcached", "tandem") for m in MIXES}
    with tempfile.TemporaryDirectory() as cfg_dir:
        for run in range(args.runs):
            for mix in MIXES:
                for kind in ("memcached", "tandem") if run % 2 == 0 else ("tandem", "memcached"):
                    proc, port = start(kind, args.tandem)
                    try:
                        results[(kind, mix)].append(memcaslap(port, mix, args.seconds, cfg_dir))
                    finally:
                        proc.terminate()
                        proc.wait()
        print("| mix | memcached ops/s | tandem ops/s | ratio | per-run ratios |")
        print("|---|---:|---:|---:|---|")
        for mix in MIXES:
            a = results[("memcached", mix)]
            b = results[("tandem", mix)]
            ratios = ", ".join("%.2f" % (y / x) for x, y in zip(a, b))
            print("| %s | %d | %d | %.2f | %s |" % (mix, statistics.median(a), statistics.median(b),
                                                   statistics.median(b) / statistics.median(a),
                                                   ratios))
    if args.items == 0:
        return
    per_item = {}
    for kind in ("memcached", "tandem"):
        proc, port = start(kind, args.tandem)
        try:
            per_item[kind] = memory_probe(port, proc.pid, args.items)
        finally:
            proc.terminate()
            proc.wait()
    print()
    print("| memory, %d x `set key:NNNNNNN 0 0 16` | memcached | tandem | ratio |" % args.items)
    print("|---|---:|---:|---:|")
    print("| RSS bytes/item | %.1f | %.1f | %.2f |" % (per_item["memcached"], per_item["tandem"],
                                                     per_item["tandem"] / per_item["memcached"]))


if __name__ == "__main__":
    main()
