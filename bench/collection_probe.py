#!/usr/bin/env python3
"""Collection memory probe: resident-memory growth per collection after loading N
collections through `redis-cli --pipe`, on redis-server and on Tandem side by side
(issue 7, item 12). One case per collection type; add yours to CASES.

    python3 bench/collection_probe.py --tandem build/tandem-server [--case list] [--count N]

Cases (what the issue measures; redis-server 7.0.15 figure on the issue's machine):
    list   10,000 lists of 100 8-byte elements (RPUSH list:<n> e0000001 ...)   ~1,235 B/list
    hash   100,000 hashes of 10 fields f0..f9, 8-letter values (HSET)          ~238 B/hash
    set    10,000 sets of 100 random integers below 10^9 (SADD)                 ~532 B/set
"""
import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import time


def list_commands(n, size):
    for i in range(n):
        yield [b"RPUSH", b"list:%07d" % i] + [b"e%07d" % j for j in range(size)]


def hash_commands(n, size):
    rng = random.Random(1)
    for i in range(n):
        cmd = [b"HSET", b"hash:%07d" % i]
        for j in range(size):
            cmd += [b"f%d" % j, bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(8))]
        yield cmd


def set_commands(n, size):
    rng = random.Random(2)
    for i in range(n):
        yield [b"SADD", b"set:%07d" % i] + [b"%d" % rng.randrange(10**9) for _ in range(size)]


def zset_commands(n, size):
    for i in range(n):
        cmd = [b"ZADD", b"zset:%07d" % i]
        for j in range(size):
            cmd += [b"%d" % j, b"m%d" % j]
        yield cmd


# name -> (default count, default size, command generator, sample key, what)
CASES = {
    "list": (10000, 100, list_commands, b"list:0000000", "lists of %d 8-byte elements"),
    "hash": (100000, 10, hash_commands, b"hash:0000000", "hashes of %d fields, 8-byte values"),
    "set": (10000, 100, set_commands, b"set:0000000", "sets of %d integers below 10^9"),
    "zset": (10000, 100, zset_commands, b"zset:0000000", "sorted sets of %d members, integer scores"),
}


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def rss_bytes(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def wait_ready(port):
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("server did not start")


def encode(commands):
    out = []
    for args in commands:
        out.append(b"*%d\r\n" % len(args) + b"".join(b"$%d\r\n%s\r\n" % (len(a), a) for a in args))
    return b"".join(out)


def probe(cmd, port, data, sample_key):
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen(cmd, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_ready(port)
            time.sleep(0.3)
            before = rss_bytes(proc.pid)
            subprocess.run(["redis-cli", "-p", str(port), "--pipe"], input=data, check=True,
                           stdout=subprocess.DEVNULL)
            time.sleep(0.5)
            after = rss_bytes(proc.pid)
            enc = subprocess.run(["redis-cli", "-p", str(port), "OBJECT", "ENCODING", sample_key],
                                 capture_output=True, text=True).stdout.strip()
            return after - before, enc
        finally:
            proc.terminate()
            proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tandem", default="build/tandem-server")
    ap.add_argument("--redis", default="redis-server")
    ap.add_argument("--case", default="list", choices=sorted(CASES))
    ap.add_argument("--count", type=int, help="collections (default: the case's)")
    ap.add_argument("--size", type=int, help="elements per collection (default: the case's)")
    a = ap.parse_args()
    count, size, gen, sample, what = CASES[a.case]
    count = a.count or count
    size = a.size or size
    data = encode(gen(count, size))
    rp, tp = free_port(), free_port()
    r, renc = probe([a.redis, "--port", str(rp), "--bind", "127.0.0.1", "--save", "",
                     "--appendonly", "no"], rp, data, sample)
    t, tenc = probe([os.path.abspath(a.tandem), "--port", str(tp), "--bind", "127.0.0.1",
                     "--io-threads", "1", "--memcached-port", "0"], tp, data, sample)
    print(f"{count} {what % size}, RSS growth per collection:")
    print(f"  redis-server {r / count:8.1f} B ({renc})")
    print(f"  tandem       {t / count:8.1f} B ({tenc})")
    print(f"  ratio        {t / r:8.2f}")


if __name__ == "__main__":
    sys.exit(main())
