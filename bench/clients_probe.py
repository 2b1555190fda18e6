#!/usr/bin/env python3
"""Per-client memory and fairness, redis-server and Tandem side by side (stdlib only).

Three probes, each run on both servers in the same invocation:
  idle      N idle connections (each has sent one PING): resident memory per connection.
  shrink    4 clients each SET and DEL a 100 MB value, then idle: used_memory 3 s later.
  hog       `client-output-buffer-limit normal 64mb 0 0`; one client pipelines 1,820
            GETs of a 1 MB value in one write and never reads. Reports whether it was
            disconnected, the peak RSS growth, and the slowest PING of another client.

Usage: bench/clients_probe.py [--tandem-bin build/tandem-server] [--connections 5000]
                              [--probes idle,shrink,hog]
"""
import argparse
import os
import socket
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (Server, RespConn, resp_command)


def connect(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def info_field(port, section, field):
    conn = bench.RespConn(port)
    try:
        raw = conn.call("INFO", section).decode()
    finally:
        conn.close()
    for line in raw.splitlines():
        if line.startswith(field + ":"):
            return int(line.split(":", 1)[1])
    return None


def probe_idle(server, n):
    server.start()
    try:
        time.sleep(0.5)
        before = server.rss_bytes()
        socks = []
        for _ in range(n):
            s = connect(server.port)
            s.sendall(b"PING\r\n")
            socks.append(s)
        for s in socks:
            assert s.recv(16) == b"+PONG\r\n"
        time.sleep(1.0)
        after = server.rss_bytes()
        for s in socks:
            s.close()
        return "%d idle connections: %.1f MB -> %.1f MB, %.0f bytes/connection" % (
            n, before / 1e6, after / 1e6, (after - before) / n)
    finally:
        server.stop()


def probe_shrink(server):
    server.start()
    try:
        value = b"x" * (100 * 1024 * 1024)
        socks = []
        for i in range(4):
            s = connect(server.port)
            key = b"big%d" % i
            s.sendall(bench.resp_command(b"SET", key, value))
            assert s.recv(16) == b"+OK\r\n"
            s.sendall(bench.resp_command(b"DEL", key))
            assert s.recv(16) == b":1\r\n"
            socks.append(s)
        start = time.monotonic()
        used = info_field(server.port, "memory", "used_memory")
        while used > 16 * 1024 * 1024 and time.monotonic() - start < 10:
            time.sleep(0.1)
            used = info_field(server.port, "memory", "used_memory")
        took = time.monotonic() - start
        for s in socks:
            s.close()
        return "4 clients after a 100 MB SET + DEL each: used_memory %.1f MB after %.1f s" % (
            used / 1e6, took)
    finally:
        server.stop()


def probe_hog(server):
    server.start()
    try:
        conn = bench.RespConn(server.port)
        conn.call("CONFIG", "SET", "client-output-buffer-limit", "normal 64mb 0 0")
        conn.call("SET", "big", "v" * (1024 * 1024))
        conn.close()
        before = server.rss_bytes()
        peak = [before]
        worst = [0.0]
        stop = threading.Event()

        def watch():
            while not stop.is_set():
                peak[0] = max(peak[0], server.rss_bytes())
                time.sleep(0.005)

        def ping():
            c = bench.RespConn(server.port)
            while not stop.is_set():
                t = time.monotonic()
                assert c.call("PING") == b"+PONG\r\n"
                worst[0] = max(worst[0], time.monotonic() - t)
                time.sleep(0.002)
            c.close()

        threads = [threading.Thread(target=watch), threading.Thread(target=ping)]
        for t in threads:
            t.start()
        hog = connect(server.port)
        hog.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        hog.sendall(bench.resp_command(b"GET", b"big") * 1820)
        # Wait for the server to drop the client (a read of 0 bytes or a reset), reading a
        # little only after 3 s, which is when a non-reading client would be given up on.
        hog.settimeout(3.0)
        disconnected = False
        deadline = time.monotonic() + 15
        time.sleep(3.0)
        while time.monotonic() < deadline:
            try:
                if not hog.recv(1 << 20):
                    disconnected = True
                    break
            except (ConnectionResetError, socket.timeout):
                disconnected = True
                break
        stop.set()
        for t in threads:
            t.join()
        hog.close()
        return ("1,820 GETs of 1 MB, never read: disconnected=%s, peak RSS growth %.0f MB, "
                "slowest PING of another client %.0f ms" % (
                    disconnected, (peak[0] - before) / 1e6, worst[0] * 1000))
    finally:
        server.stop()


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tandem-bin", default="build/tandem-server")
    p.add_argument("--redis-bin", default="redis-server")
    p.add_argument("--connections", type=int, default=5000)
    p.add_argument("--probes", default="idle,shrink,hog")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tandem-clients-") as workdir:
        servers = [bench.Server("redis-server", args.redis_bin, "", [], workdir),
                   bench.Server("tandem", os.path.abspath(args.tandem_bin), "", [], workdir)]
        for probe in args.probes.split(","):
            for s in servers:
                if probe == "idle":
                    line = probe_idle(s, args.connections)
                elif probe == "shrink":
                    line = probe_shrink(s)
                elif probe == "hog":
                    line = probe_hog(s)
                else:
                    raise SystemExit("unknown probe " + probe)
                print("%-12s %s" % (s.label, line), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
