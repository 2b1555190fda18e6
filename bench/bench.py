#!/usr/bin/env python3
"""Side-by-side benchmark of redis-server and Tandem (throughput + memory per key).

Called by bench/run.sh and bench/memory_probe.sh; see bench/README.md. Python 3 stdlib only.
"""

import argparse
import csv
import datetime
import hashlib
import io
import os
import platform
import random
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
DEFAULT_TANDEM_BIN = os.path.join(REPO_DIR, "build", "tandem-server")
DEFAULT_OUT = os.path.join(BENCH_DIR, "results", "latest.md")
FORBIDDEN_PORTS = {6379, 11211}
START_TIMEOUT_S = 15.0
BENCH_TIMEOUT_S = 300.0
PIPE_TIMEOUT_S = 300.0
SETTLE_STABLE_S = 5.0
SETTLE_MAX_S = 15.0

# redis-benchmark -t name -> prefix of the CSV "test" column ("MSET (10 keys)").
TESTS = {"set": "SET", "get": "GET", "incr": "INCR", "mset": "MSET"}
TESTS.update({"zadd": "ZADD", "zpopmin": "ZPOPMIN"})  # sorted sets (issue 7)
TESTS.update({"lpush": "LPUSH", "rpush": "RPUSH", "lpop": "LPOP", "rpop": "RPOP",
              "lrange_100": "LRANGE_100", "lrange_600": "LRANGE_600"})  # lists (issue 7)
TESTS.update({"sadd": "SADD", "spop": "SPOP", "hset": "HSET"})  # sets and hashes (issue 7)

# Scripts and functions (issue 9): the users' rate limiter (INCR + EXPIRE on a key not in
# KEYS) and lock acquire (SET NX PX), by EVALSHA and as a function by FCALL. redis-benchmark
# sends the command itself; SCRIPT LOAD and FUNCTION LOAD run first on each server.
RATE_LIMITER = ("local c = redis.call('incr', 'rate.limit:' .. KEYS[1]) "
                "if c == 1 then redis.call('expire', 'rate.limit:' .. KEYS[1], ARGV[1]) end "
                "if c > tonumber(ARGV[2]) then return 0 end return 1")
LOCK_ACQUIRE = "return redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0"
LIBRARY = ("#!lua name=benchlib\n"
           "redis.register_function('rate_limit', function(KEYS, ARGV) %s end)\n"
           "redis.register_function('lock_acquire', function(KEYS, ARGV) %s end)"
           % (RATE_LIMITER, LOCK_ACQUIRE))
SCRIPT_TESTS = {
    "evalsha_ratelimit": ["EVALSHA", hashlib.sha1(RATE_LIMITER.encode()).hexdigest(), "1",
                          "user:__rand_int__", "60", "1000000000"],
    "evalsha_lock": ["EVALSHA", hashlib.sha1(LOCK_ACQUIRE.encode()).hexdigest(), "1",
                     "lock:__rand_int__", "owner", "10000"],
    "fcall_ratelimit": ["FCALL", "rate_limit", "1", "user:__rand_int__", "60", "1000000000"],
    "fcall_lock": ["FCALL", "lock_acquire", "1", "lock:__rand_int__", "owner", "10000"],
}
TESTS.update({name: argv[0] for name, argv in SCRIPT_TESTS.items()})


def label(test):
    """The name a test is reported under: the command, or the script test's own name."""
    return test if test in SCRIPT_TESTS else TESTS[test]


def load_scripts(server):
    """SCRIPT LOAD and FUNCTION LOAD what SCRIPT_TESTS call."""
    conn = RespConn(server.port)
    try:
        for body in (RATE_LIMITER, LOCK_ACQUIRE):
            conn.call("SCRIPT", "LOAD", body)
        reply = conn.call("FUNCTION", "LOAD", "REPLACE", LIBRARY)
        if not reply.startswith(b"$"):
            raise BenchError("%s: FUNCTION LOAD failed: %r" % (server.label, reply))
    finally:
        conn.close()


class BenchError(Exception):
    """A server failed to start/answer or a benchmark errored: the run exits non-zero."""


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="bench/run.sh",
        description="redis-server vs Tandem: redis-benchmark throughput (median of R "
        "interleaved runs) and bytes/key after 1M SETs.",
    )
    p.add_argument("--tandem-bin", default=os.environ.get("TANDEM_BIN", DEFAULT_TANDEM_BIN),
                   help="Tandem binary (env TANDEM_BIN; default %(default)s). "
                   "Point it at redis-server for a dry run.")
    p.add_argument("--tandem-config", default=os.environ.get("TANDEM_CONFIG", ""),
                   help="config file passed first to Tandem (env TANDEM_CONFIG)")
    p.add_argument("--tandem-args", default=os.environ.get("TANDEM_ARGS", ""),
                   help='extra Tandem args, e.g. "--io-threads 1" (env TANDEM_ARGS)')
    p.add_argument("--redis-bin", default=os.environ.get("REDIS_BIN", "redis-server"),
                   help="reference redis-server (env REDIS_BIN)")
    p.add_argument("-n", "--requests", type=int, default=env_int("BENCH_N", 1000000),
                   help="requests per run at -P 1 (env BENCH_N; default %(default)s)")
    p.add_argument("--requests-pipelined", type=int, default=env_int("BENCH_NP", 16000000),
                   help="requests per run at -P > 1 (env BENCH_NP; default %(default)s)")
    p.add_argument("-R", "--repeat", type=int, default=env_int("BENCH_R", 3),
                   help="runs per measurement; the median is reported (env BENCH_R)")
    p.add_argument("-c", "--clients", type=int, default=env_int("BENCH_CLIENTS", 50))
    p.add_argument("--client-threads", type=int, default=env_int("BENCH_CLIENT_THREADS", 2),
                   help="redis-benchmark --threads; 0 runs the classic single-threaded client "
                   "(env BENCH_CLIENT_THREADS; default %(default)s)")
    p.add_argument("--keyspace", type=int, default=env_int("BENCH_KEYSPACE", 100000),
                   help="redis-benchmark -r (default %(default)s)")
    p.add_argument("--tests", default=os.environ.get("BENCH_TESTS", "set,get,incr,mset"),
                   help="comma list from: " + ",".join(TESTS))
    p.add_argument("--pipelines", default=os.environ.get("BENCH_PIPELINES", "1,16"),
                   help="comma list of -P values (default %(default)s)")
    p.add_argument("--keys", type=int, default=env_int("BENCH_KEYS", 1000000),
                   help="memory probe key count (default %(default)s)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--memory-only", action="store_true", help="run only the memory probe")
    mode.add_argument("--no-memory", action="store_true", help="skip the memory probe")
    p.add_argument("--quick", action="store_true",
                   help="smoke test: -n 10000, pipelined 50000, R=1")
    p.add_argument("--out", default=os.environ.get("BENCH_OUT", DEFAULT_OUT),
                   help="markdown report path (default %(default)s)")
    args = p.parse_args(argv)
    if args.quick:
        args.requests, args.requests_pipelined, args.repeat = 20000, 200000, 1
    args.tests = [t.strip().lower() for t in args.tests.split(",") if t.strip()]
    for t in args.tests:
        if t not in TESTS:
            p.error("unknown test %r (known: %s)" % (t, ",".join(TESTS)))
    try:
        args.pipelines = [int(x) for x in args.pipelines.split(",") if x.strip()]
    except ValueError:
        p.error("--pipelines must be a comma list of integers")
    if min([args.requests, args.requests_pipelined, args.repeat, args.clients, args.keyspace,
            args.keys] + args.pipelines) < 1:
        p.error("counts must be >= 1")
    if args.keys > 10**7:
        p.error("--keys must be <= 10000000 (7-digit key names)")
    return args


# ---------------------------------------------------------------------------------------------
# A minimal RESP client (sanity checks, readiness, DBSIZE). Replies are compared as raw bytes.


def resp_command(*args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


class RespConn:
    def __init__(self, port, timeout=5.0):
        self._sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self._buf = b""

    def close(self):
        self._sock.close()

    def _fill(self):
        chunk = self._sock.recv(65536)
        if not chunk:
            raise ConnectionError("server closed the connection")
        self._buf += chunk

    def _line(self):
        while b"\r\n" not in self._buf:
            self._fill()
        line, self._buf = self._buf.split(b"\r\n", 1)
        return line

    def _exact(self, n):
        while len(self._buf) < n:
            self._fill()
        data, self._buf = self._buf[:n], self._buf[n:]
        return data

    def read_raw(self):
        """Returns one reply as its exact bytes (RESP2 only; enough for our checks)."""
        line = self._line()
        raw = line + b"\r\n"
        kind = line[:1]
        if kind == b"$":
            n = int(line[1:])
            if n >= 0:
                raw += self._exact(n + 2)
        elif kind == b"*":
            for _ in range(max(int(line[1:]), 0)):
                raw += self.read_raw()
        return raw

    def call(self, *args):
        self._sock.sendall(resp_command(*args))
        return self.read_raw()


# ---------------------------------------------------------------------------------------------
# Servers.


def port_is_free(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False
    finally:
        s.close()


def pick_port(taken):
    for _ in range(200):
        port = random.randint(20000, 60000)
        if port not in FORBIDDEN_PORTS and port not in taken and port_is_free(port):
            return port
    raise BenchError("no free loopback port found in 20000-60000")


def is_redis_server(binary):
    return os.path.basename(binary).startswith("redis-server")


class Server:
    """One server process on a free loopback port, run from a scratch directory."""

    TAKEN = set()

    def __init__(self, label, binary, config, extra, workdir):
        self.label = label
        self._binary = binary
        self._config = config
        self._extra = list(extra)
        self._workdir = workdir
        self._proc = None
        self.port = None
        self._log_path = None
        self._starts = 0

    def argv(self):
        argv = [self._binary]
        if self._config:
            argv.append(self._config)
        argv += ["--port", str(self.port), "--bind", "127.0.0.1"]
        if is_redis_server(self._binary):
            # No persistence for the reference (and for a redis-server dry run as "Tandem").
            argv += ["--save", "", "--appendonly", "no"]
        else:
            argv += ["--memcached-port", "0"]  # a busy 11211 would stop Tandem's start-up
        return argv + self._extra

    def start(self):
        for _ in range(3):  # retry only if the port was taken between the check and the bind
            self.port = pick_port(Server.TAKEN)
            Server.TAKEN.add(self.port)
            self._starts += 1
            self._log_path = os.path.join(
                self._workdir, "%s-%d.log" % (self.label.replace(" ", "_"), self._starts))
            log_file = open(self._log_path, "wb")
            try:
                self._proc = subprocess.Popen(self.argv(), cwd=self._workdir,
                                              stdin=subprocess.DEVNULL, stdout=log_file,
                                              stderr=subprocess.STDOUT)
            except OSError as e:
                raise BenchError("%s: cannot execute %s: %s" % (self.label, self._binary, e))
            finally:
                log_file.close()
            if self._wait_ready():
                return
            in_use = "in use" in self.log_tail().lower()
            self.stop()
            if not in_use:
                break
        raise BenchError("%s failed to start: %s\n--- log tail ---\n%s" %
                         (self.label, shlex.join(self.argv()), self.log_tail()))

    def _wait_ready(self):
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                return False
            try:
                conn = RespConn(self.port, timeout=2.0)
                try:
                    if conn.call("PING") == b"+PONG\r\n":
                        return True
                finally:
                    conn.close()
            except OSError:
                pass
            time.sleep(0.05)
        return False

    def alive(self):
        return self._proc is not None and self._proc.poll() is None

    def check_alive(self, during):
        if not self.alive():
            code = self._proc.returncode if self._proc is not None else None
            raise BenchError("%s died during %s (exit %s)\n--- log tail ---\n%s" %
                             (self.label, during, code, self.log_tail()))

    def pid(self):
        return self._proc.pid

    def rss_bytes(self):
        with open("/proc/%d/status" % self._proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024  # the kernel's "kB" is KiB
        raise BenchError("%s: no VmRSS in /proc/%d/status" % (self.label, self._proc.pid))

    def log_tail(self, lines=20):
        try:
            with open(self._log_path, "rb") as f:
                return b"\n".join(f.read().splitlines()[-lines:]).decode(errors="replace")
        except (OSError, TypeError):
            return "(no log)"

    def stop(self):
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None


def sanity_check(server):
    """A server that answers errors quickly must not look fast: check exact replies first."""
    conn = RespConn(server.port)
    try:
        checks = [
            (("SET", "bench:sanity", "hello"), b"+OK\r\n"),
            (("GET", "bench:sanity"), b"$5\r\nhello\r\n"),
            (("INCR", "bench:sanity:ctr"), b":1\r\n"),
            (("MSET", "bench:sanity:a", "1", "bench:sanity:b", "2"), b"+OK\r\n"),
            (("GET", "bench:sanity:b"), b"$1\r\n2\r\n"),
        ]  # only the commands the benchmark uses; the 4 keys stay (same on both sides)
        for cmd, want in checks:
            got = conn.call(*cmd)
            if got != want:
                raise BenchError("%s: sanity check %s replied %r, expected %r" %
                                 (server.label, " ".join(cmd), got, want))
    finally:
        conn.close()


def server_version(binary):
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "unknown"


# ---------------------------------------------------------------------------------------------
# Throughput.


def run_watched(argv, server, what, timeout, stdin):
    """Runs a client against server; stops it at once if the server dies (redis-benchmark
    would otherwise retry its connections until the timeout)."""
    proc = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            encoding="utf-8", errors="replace")
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                out, err = proc.communicate(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                if not server.alive():
                    server.check_alive(what)
                if time.monotonic() > deadline:
                    raise BenchError("%s: %s timed out after %ds" % (server.label, what, timeout))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    server.check_alive(what)
    return subprocess.CompletedProcess(argv, proc.returncode, out, err)


def run_benchmark(server, test, pipeline, requests, args):
    argv = ["redis-benchmark", "-h", "127.0.0.1", "-p", str(server.port), "-c", str(args.clients),
            "-r", str(args.keyspace), "-n", str(requests), "-P", str(pipeline), "--csv"]
    if args.client_threads > 0:
        argv += ["--threads", str(args.client_threads)]
    argv += SCRIPT_TESTS[test] if test in SCRIPT_TESTS else ["-t", test]
    what = "redis-benchmark -t %s -P %d" % (test, pipeline)
    res = run_watched(argv, server, what, BENCH_TIMEOUT_S, stdin=subprocess.DEVNULL)
    output = res.stdout + res.stderr
    if res.returncode != 0 or "Error from server" in output:
        raise BenchError("%s: %s failed (exit %d):\n%s" %
                         (server.label, what, res.returncode, output.strip()[-2000:]))
    want = TESTS[test]
    for row in csv.reader(io.StringIO(res.stdout)):
        if len(row) >= 2 and row[0].split(" ")[0] == want:
            try:
                rps = float(row[1])
            except ValueError:
                break
            if rps > 0:
                return rps
            break
    raise BenchError("%s: %s produced no %s rps row:\n%s" %
                     (server.label, what, want, output.strip()[-2000:]))


def throughput(args, servers):
    """Runs every (test, pipeline) R times, alternating servers run by run; returns samples."""
    samples = {(t, p, s.label): [] for t in args.tests for p in args.pipelines for s in servers}
    if any(t in SCRIPT_TESTS for t in args.tests):
        for s in servers:
            load_scripts(s)
    for s in servers:  # warm-up, not recorded: fills most of the keyspace, faults pages in
        for t in ["set", "incr"]:
            run_benchmark(s, t, 16, 2 * args.keyspace, args)
    total = len(samples) * args.repeat
    done = 0
    for rep in range(args.repeat):
        order = servers if rep % 2 == 0 else list(reversed(servers))
        for p in args.pipelines:
            for t in args.tests:
                n = args.requests if p == 1 else args.requests_pipelined
                if t == "mset" and p > 1:  # MSET (10 keys) runs at a third of SET's rate
                    n = max(1, n // 3)
                for s in order:
                    rps = run_benchmark(s, t, p, n, args)
                    samples[(t, p, s.label)].append(rps)
                    done += 1
                    log("  [%d/%d] rep %d %-4s -P %-2d %-12s %12.0f rps" %
                        (done, total, rep + 1, label(t), p, s.label, rps))
    return samples


def format_rps(x):
    return "{:,.0f}".format(x)


def throughput_table(args, samples, ref, cand):
    lines = ["| test | pipeline | redis-server rps | tandem rps | ratio |",
             "|---|---:|---:|---:|---:|"]
    ratios = []
    for p in args.pipelines:
        for t in args.tests:
            a = statistics.median(samples[(t, p, ref.label)])
            b = statistics.median(samples[(t, p, cand.label)])
            ratios.append(b / a)
            lines.append("| %s | %d | %s | %s | %.2f |" %
                         (label(t), p, format_rps(a), format_rps(b), b / a))
    geo = statistics.geometric_mean(ratios)
    lines.append("| **geomean** | | | | **%.2f** |" % geo)
    return "\n".join(lines)


def samples_table(args, samples, ref, cand):
    """Every run, in order. Runs with the same index were adjacent in time (same machine load),
    so the per-run ratios show how stable the comparison is even when absolute rps drift."""
    lines = ["| test | pipeline | redis-server runs | tandem runs | per-run ratios |",
             "|---|---:|---|---|---|"]
    for p in args.pipelines:
        for t in args.tests:
            a, b = samples[(t, p, ref.label)], samples[(t, p, cand.label)]
            lines.append("| %s | %d | %s | %s | %s |" % (
                label(t), p, ", ".join(format_rps(x) for x in a),
                ", ".join(format_rps(x) for x in b),
                ", ".join("%.2f" % (y / x) for x, y in zip(a, b))))
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Memory probe.


def write_probe_stream(path, keys):
    """SET key:NNNNNNN val:NNNNNNN:abcd (11-byte key, exactly 16-byte non-numeric value)."""
    with open(path, "wb") as f:
        step = 100000
        for lo in range(0, keys, step):
            f.write(b"".join(
                b"*3\r\n$3\r\nSET\r\n$11\r\nkey:%07d\r\n$16\r\nval:%07d:abcd\r\n" % (i, i)
                for i in range(lo, min(lo + step, keys))))


def used_memory(server):
    """INFO memory used_memory if the server reports it, else None (informational only)."""
    try:
        conn = RespConn(server.port)
        try:
            raw = conn.call("INFO", "memory")
        finally:
            conn.close()
    except OSError:
        return None
    for line in raw.decode(errors="replace").splitlines():
        if line.startswith("used_memory:"):
            try:
                return int(line.split(":", 1)[1])
            except ValueError:
                return None
    return None


def settled_rss(server):
    """VmRSS once it has not changed for SETTLE_STABLE_S (allocators return freed buffers a
    few seconds late: redis-server drops ~4 MB about 4 s after the load), at most SETTLE_MAX_S."""
    deadline = time.monotonic() + SETTLE_MAX_S
    last, since = server.rss_bytes(), time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - since < SETTLE_STABLE_S:
        time.sleep(0.5)
        rss = server.rss_bytes()
        if rss != last:
            last, since = rss, time.monotonic()
    return last


def probe_one(server, stream_path, keys):
    server.start()
    try:
        time.sleep(0.3)  # let startup allocations settle
        rss_before = server.rss_bytes()
        used_before = used_memory(server)
        with open(stream_path, "rb") as stream:
            res = run_watched(["redis-cli", "-h", "127.0.0.1", "-p", str(server.port), "--pipe"],
                              server, "the memory probe", PIPE_TIMEOUT_S, stdin=stream)
        output = (res.stdout + res.stderr).strip()
        if res.returncode != 0 or ("errors: 0, replies: %d" % keys) not in output:
            raise BenchError("%s: redis-cli --pipe failed (exit %d):\n%s" %
                             (server.label, res.returncode, output[-2000:]))
        conn = RespConn(server.port)
        try:
            dbsize = conn.call("DBSIZE")
        finally:
            conn.close()
        if dbsize != b":%d\r\n" % keys:
            raise BenchError("%s: DBSIZE replied %r after the probe, expected %d" %
                             (server.label, dbsize, keys))
        time.sleep(0.3)
        rss_after = server.rss_bytes()
        used_after = used_memory(server)
        rss_settled = settled_rss(server)
        used = None
        if used_before is not None and used_after is not None:
            used = (used_after - used_before) / keys
        return {"rss_before": rss_before, "rss_after": rss_after, "rss_settled": rss_settled,
                "per_key": (rss_after - rss_before) / keys,
                "settled_per_key": (rss_settled - rss_before) / keys, "used_per_key": used}
    finally:
        server.stop()


def memory(args, servers, workdir):
    stream_path = os.path.join(workdir, "probe.resp")
    log("memory probe: writing %d SETs to %s" % (args.keys, stream_path))
    write_probe_stream(stream_path, args.keys)
    results = {}
    for s in servers:
        log("memory probe: %s" % s.label)
        results[s.label] = probe_one(s, stream_path, args.keys)
        r = results[s.label]
        log("  %s: VmRSS %.1f MB -> %.1f MB (settled %.1f MB), %.1f B/key (settled %.1f)" %
            (s.label, r["rss_before"] / 1e6, r["rss_after"] / 1e6, r["rss_settled"] / 1e6,
             r["per_key"], r["settled_per_key"]))
    os.unlink(stream_path)
    return results


def memory_table(args, results, ref, cand):
    a, b = results[ref.label], results[cand.label]

    def used(r):
        return "%.1f" % r["used_per_key"] if r["used_per_key"] is not None else "n/a"

    used_ratio = "n/a"
    if a["used_per_key"] and b["used_per_key"] is not None:
        used_ratio = "%.2f" % (b["used_per_key"] / a["used_per_key"])
    return "\n".join([
        "| metric (%s keys) | redis-server | tandem | ratio |" % format_rps(args.keys),
        "|---|---:|---:|---:|",
        "| VmRSS before (MB) | %.1f | %.1f | |" % (a["rss_before"] / 1e6, b["rss_before"] / 1e6),
        "| VmRSS after (MB) | %.1f | %.1f | |" % (a["rss_after"] / 1e6, b["rss_after"] / 1e6),
        "| **RSS bytes/key** | **%.1f** | **%.1f** | **%.2f** |" %
        (a["per_key"], b["per_key"], b["per_key"] / a["per_key"]),
        "| VmRSS settled (MB) | %.1f | %.1f | |" % (a["rss_settled"] / 1e6, b["rss_settled"] / 1e6),
        "| RSS bytes/key, settled | %.1f | %.1f | %.2f |" %
        (a["settled_per_key"], b["settled_per_key"], b["settled_per_key"] / a["settled_per_key"]),
        "| used_memory bytes/key (INFO, informational) | %s | %s | %s |" %
        (used(a), used(b), used_ratio),
    ])


# ---------------------------------------------------------------------------------------------


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def header(args, ref, cand):
    extra = args.tandem_args.strip()
    if "--io-threads" in extra:
        threads = "as given in tandem args"
    elif is_redis_server(args.tandem_bin):
        threads = "redis-server default (1)"
    else:
        threads = "Tandem default (one per core)"
    lines = [
        "# Tandem vs redis-server — %s" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        "",
        "- machine: %s, %d cores (redis-benchmark itself uses about one of them); "
        "load average at start %s" % (platform.node(), os.cpu_count() or 0, load_average()),
        "- redis-server: `%s` (%s)" % (args.redis_bin, server_version(args.redis_bin)),
        "- tandem: `%s`%s%s; io-threads: %s" % (
            args.tandem_bin,
            " config `%s`" % args.tandem_config if args.tandem_config else "",
            " args `%s`" % extra if extra else "", threads),
    ]
    if not args.memory_only:
        lines.append("- throughput: redis-benchmark -c %d -r %d%s, -n %d at -P 1, -n %d at -P > 1 "
                     "(a third for pipelined MSET); median of %d interleaved run(s)%s" %
                     (args.clients, args.keyspace,
                      " --threads %d" % args.client_threads if args.client_threads > 0
                      else " (single-threaded client)",
                      args.requests, args.requests_pipelined,
                      args.repeat, " (quick mode)" if args.quick else ""))
    if is_redis_server(args.tandem_bin):
        lines.append("- **dry run: the Tandem side is redis-server**, ratios should be about 1.0")
    return "\n".join(lines)


def main(argv):
    args = parse_args(argv)
    for tool in ["redis-benchmark", "redis-cli"]:
        if shutil.which(tool) is None:
            log("error: %s not found in PATH" % tool)
            return 1
    for binary in [args.redis_bin, args.tandem_bin]:
        if shutil.which(binary) is None:
            log("error: server binary %s not found or not executable "
                "(use --tandem-bin redis-server for a dry run)" % binary)
            return 1
    args.redis_bin = shutil.which(args.redis_bin)
    args.tandem_bin = os.path.abspath(shutil.which(args.tandem_bin))
    if args.tandem_config:
        args.tandem_config = os.path.abspath(args.tandem_config)

    try:
        tandem_extra = shlex.split(args.tandem_args)
    except ValueError as e:
        log("error: --tandem-args: %s" % e)
        return 2

    def on_signal(signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    started = time.monotonic()
    workdir = tempfile.mkdtemp(prefix="tandem-bench-")
    ref = Server("redis-server", args.redis_bin, "", [], workdir)
    cand = Server("tandem", args.tandem_bin, args.tandem_config, tandem_extra, workdir)
    servers = [ref, cand]
    sections = [header(args, ref, cand)]
    details = []
    status = 0
    try:
        if not args.memory_only:
            for s in servers:
                s.start()
                sanity_check(s)
                log("%s up on 127.0.0.1:%d (pid %d)" % (s.label, s.port, s.pid()))
            samples = throughput(args, servers)
            for s in servers:
                s.stop()
            sections += ["", "## Throughput (requests/sec, median; ratio = tandem / redis-server)",
                         "", throughput_table(args, samples, ref, cand)]
            details = ["", "### All runs", "", samples_table(args, samples, ref, cand)]
        if not args.no_memory:
            results = memory(args, servers, workdir)
            sections += ["", "## Memory (VmRSS growth after %s SETs of 11-byte keys, 16-byte "
                         "values; ratio = tandem / redis-server)" % format_rps(args.keys), "",
                         memory_table(args, results, ref, cand)]
    except BenchError as e:
        # Keep what was measured before the failure, but exit non-zero.
        log("error: %s" % e)
        sections += ["", "## FAILED", "", "```", str(e), "```"]
        status = 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        for s in servers:
            s.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    sections += details
    sections += ["", "_total time: %.0f s; load average at end %s_" %
                 (time.monotonic() - started, load_average())]
    report = "\n".join(sections) + "\n"
    sys.stdout.write(report)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        f.write(report)
    log("wrote %s" % args.out)
    return status

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
