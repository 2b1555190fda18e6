#!/usr/bin/env python3
"""Memory probe for sorted sets: resident-memory growth per collection after loading
10,000 sorted sets of 100 members (member "m<i>", integer score i) through redis-cli --pipe,
on redis-server and on Tandem side by side (issue 7, item 12).

    python3 bench/zset_probe.py --tandem build/tandem-server [--sets 10000] [--members 100]
"""
import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time


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


def payload(sets, members):
    out = []
    for s in range(sets):
        args = [b"ZADD", b"zset:%07d" % s]
        for m in range(members):
            args += [b"%d" % m, b"m%d" % m]
        out.append(b"*%d\r\n" % len(args) + b"".join(b"$%d\r\n%s\r\n" % (len(a), a) for a in args))
    return b"".join(out)


def probe(cmd, port, data):
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
            enc = subprocess.run(["redis-cli", "-p", str(port), "OBJECT", "ENCODING", "zset:0000000"],
                                 capture_output=True, text=True).stdout.strip()
            return after - before, enc
        finally:
            proc.terminate()
            proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tandem", default="build/tandem-server")
    ap.add_argument("--redis", default="redis-server")
    ap.add_argument("--sets", type=int, default=10000)
    ap.add_argument("--members", type=int, default=100)
    a = ap.parse_args()
    a.tandem = os.path.abspath(a.tandem)
    data = payload(a.sets, a.members)
    rp, tp = free_port(), free_port()
    r, renc = probe([a.redis, "--port", str(rp), "--bind", "127.0.0.1", "--save", "",
                     "--appendonly", "no"], rp, data)
    t, tenc = probe([a.tandem, "--port", str(tp), "--bind", "127.0.0.1", "--io-threads", "1"], tp, data)
    print(f"{a.sets} sorted sets of {a.members} members, RSS growth per sorted set:")
    print(f"  redis-server {r / a.sets:8.1f} B ({renc})")
    print(f"  tandem       {t / a.sets:8.1f} B ({tenc})")
    print(f"  ratio        {t / r:8.2f}")


if __name__ == "__main__":
    sys.exit(main())
