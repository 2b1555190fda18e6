#!/usr/bin/env python3
"""Writes tests/differential/scripts/config_all.txt: CONFIG GET and CONFIG SET of every
parameter redis-server lists in CONFIG GET *, with invalid values of every kind, one valid
non-default value and the default restored.

The parameter list and defaults come from a redis-server started here (default
/usr/bin/redis-server, on a free port). Standard library only.

    python3 tools/gen_config_script.py [--redis-server PATH] > tests/differential/scripts/config_all.txt
"""

import argparse
import os
import socket
import subprocess
import tempfile
import time

# Tandem's own value differs by design (port and dir: the runner's; io-threads: 0 = a loop
# per core), so these are only checked for existence.
DIFFERENT = {"port", "dir", "io-threads"}
# Changing these would cut the script's own connection off or start work that differs by
# design (TLS, persistence, listening sockets, the file descriptor limit).
NO_SET = {"port", "bind", "requirepass", "tls-port", "tls-replication", "tls-cluster",
          "appendonly", "maxclients"}
INVALID = ["bogus!", "-1", "99999999999999999999999", "1xb", ""]
MEMORY = {"proto-max-bulk-len", "client-query-buffer-limit", "maxmemory", "maxmemory-clients",
          "hash-max-listpack-value", "hash-max-ziplist-value", "zset-max-listpack-value",
          "zset-max-ziplist-value", "stream-node-max-bytes", "hll-sparse-max-bytes",
          "repl-backlog-size", "active-defrag-ignore-bytes", "auto-aof-rewrite-min-size",
          "cluster-link-sendbuf-limit"}
# A valid value other than the default, where "default + 1" or "yes"/"no" does not do.
ALTERNATE = {
    "acl-pubsub-default": ["allchannels", "ALLCHANNELS"],
    "appendfsync": ["always", "No"],
    "client-output-buffer-limit": ["normal 1mb 2mb 3", "pubsub 0 1kb 0 replica 1 2 3",
                                   "NORMAL 1k 2k 3 SLAVE 1 2 3"],
    "cluster-preferred-endpoint-type": ["hostname", "unknown-endpoint"],
    "latency-tracking-info-percentiles": ["1.5 2", "0 100", "99.99999"],
    "loglevel": ["warning", "VERBOSE"],
    "maxmemory-clients": ["10%", "0%", "100%", "5mb"],
    "maxmemory-policy": ["allkeys-lru", "volatile-TTL"],
    "notify-keyspace-events": ["KEA", "Kx", "gE$", "AKEmn", "lsh"],
    "oom-score-adj": ["relative", "yes", "absolute"],
    "oom-score-adj-values": ["0 100 900", "-2000 0 2000"],
    "propagation-error-behavior": ["panic", "panic-on-replicas"],
    "repl-diskless-load": ["swapdb", "on-empty-db"],
    "sanitize-dump-payload": ["clients", "yes"],
    "save": ["3600 1000000", "3600 1000000 7200 2000000"],
    "shutdown-on-sigint": ["save now", "nosave force", "now default"],
    "shutdown-on-sigterm": ["force", "save"],
    "tls-auth-clients": ["optional", "no"],
    "list-max-listpack-size": ["-5", "128", "-2147483648"],
    "list-max-ziplist-size": ["-1"],
    "slowlog-log-slower-than": ["-1", "0"],
    "hz": ["1000", "0", "50"],
    "proc-title-template": ["{title} {port}", "{{x}}", "{title}", "{nosuch}", "{title",
                            "{title} {server-mode}"],
    "cluster-announce-hostname": ["node1.example.com", "a_b", "x" * 256],
    "activedefrag": ["yes"],
}
# Pairs and patterns beyond one parameter at a time.
EXTRA = r"""
# --- several parameters, aliases and globs -----------------------------------------------
!shape CONFIG GET *
!pairs CONFIG GET *max-*-entries*
!pairs CONFIG GET *ziplist*
!pairs CONFIG GET *listpack*
!pairs CONFIG GET *slave*
!pairs CONFIG GET *replica*
!pairs CONFIG GET lua*
!pairs CONFIG GET tls-*
!pairs CONFIG GET cluster-*
!pairs CONFIG GET *lazy*
!pairs CONFIG GET *-cpulist
!pairs CONFIG GET *_cpulist
!pairs CONFIG GET a* b* c* d[^i]* e* f* g* h* i[^o]* j* k* l* m* n* o* p[^o]* q* r* s* t* u* v* w* x* y* z*
!pairs CONFIG GET SLAVEOF replicaof Hash-Max-Ziplist-Entries
!pairs CONFIG GET slave-read-only SLAVE-READ-ONLY replica-read-only *read-only
CONFIG SET slave-read-only no replica-read-only no
!pairs CONFIG GET *read-only
CONFIG SET slave-read-only yes slave-read-only yes
CONFIG SET SLAVE-READ-ONLY maybe
CONFIG SET Hash-Max-Ziplist-Entries x
CONFIG SET lua-time-limit 100 busy-reply-threshold 200
!pairs CONFIG GET lua-time-limit busy-reply-threshold
CONFIG SET lua-time-limit 5000
CONFIG SET maxmemory 1mb timeout 5 hash-max-listpack-entries -1
!pairs CONFIG GET maxmemory timeout hash-max-listpack-entries
CONFIG SET databases 4 nosuch 1
CONFIG SET nosuch 1 databases 4
CONFIG SET dbfilename x.rdb dir /tmp
CONFIG SET timeout 0 TIMEOUT 0
CONFIG SET client-output-buffer-limit "normal 1mb 2mb 3 "
CONFIG SET client-output-buffer-limit "normal  1mb 2mb 3"
CONFIG SET client-output-buffer-limit "master 1 2 3"
CONFIG SET client-output-buffer-limit "normal x 2 3"
CONFIG SET client-output-buffer-limit "normal 1 2 -3"
CONFIG SET client-output-buffer-limit "normal 1 2 3x"
CONFIG SET client-output-buffer-limit "normal 1 2 3 bogus 1 2 3"
CONFIG GET client-output-buffer-limit
CONFIG SET save "100"
CONFIG SET save "0 1"
CONFIG SET save "100 -1"
CONFIG SET save "100 1x"
CONFIG SET save " 100 1"
CONFIG GET save
CONFIG SET shutdown-on-sigint ""
CONFIG SET shutdown-on-sigint "save  now"
CONFIG SET shutdown-on-sigint "save nosave"
CONFIG GET shutdown-on-sigint
CONFIG SET latency-tracking-info-percentiles "50 abc"
CONFIG SET latency-tracking-info-percentiles "50 101"
CONFIG SET latency-tracking-info-percentiles " 50"
CONFIG SET latency-tracking-info-percentiles "nan"
CONFIG SET latency-tracking-info-percentiles "1e2"
CONFIG GET latency-tracking-info-percentiles
CONFIG SET latency-tracking-info-percentiles "50 99 99.9"
CONFIG SET oom-score-adj-values "1 2"
CONFIG SET oom-score-adj-values "1 2 3000"
CONFIG SET oom-score-adj-values "1 2 x"
CONFIG GET oom-score-adj-values
CONFIG SET maxmemory 0x10
CONFIG SET maxmemory " 1"
CONFIG SET maxmemory +1
CONFIG SET maxmemory 1B
CONFIG GET maxmemory
CONFIG SET maxmemory 1GB
CONFIG GET maxmemory
CONFIG SET maxmemory 0
CONFIG SET timeout 0x10
CONFIG SET timeout " 1"
CONFIG SET timeout +1
CONFIG SET timeout 1.0
CONFIG SET timeout 9223372036854775808
CONFIG SET hz 2147483648
CONFIG SET hz 10
CONFIG SET maxmemory-clients -5%
CONFIG SET maxmemory-clients 101%
CONFIG SET maxmemory-clients %
CONFIG SET maxmemory-clients 1.5%
CONFIG SET maxmemory-clients 0
CONFIG SET notify-keyspace-events "A A"
CONFIG SET notify-keyspace-events ""
CONFIG GET notify-keyspace-events

# --- a limit set in a pipeline applies to the replies after it ----------------------------
# (past Redis's 16 KB reply buffer, which its limits do not count)
SET big "x"*40000
!raw "*4\r\n$6\r\nCONFIG\r\n$3\r\nSET\r\n$26\r\nclient-output-buffer-limit\r\n$14\r\nnormal 1kb 0 0\r\n*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n"
!conn restore
CONFIG GET client-output-buffer-limit
CONFIG SET client-output-buffer-limit "normal 0 0 0"
DEL big
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.f = self.sock.makefile("rb")

    def call(self, *args):
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = a.encode()
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        self.sock.sendall(out)
        return self.read()

    def read(self):
        line = self.f.readline()
        kind, rest = line[:1], line[1:-2]
        if kind in (b"+", b":"):
            return rest.decode()
        if kind == b"-":
            return ("ERR", rest.decode())
        if kind == b"$":
            n = int(rest)
            return None if n < 0 else self.f.read(n + 2)[:-2].decode()
        if kind == b"*":
            return [self.read() for _ in range(int(rest))]
        raise ValueError(line)


def quote(value):
    """A token as the differential scripts read it (redis-cli's double-quote escapes)."""
    if value and all(c.isprintable() and c not in ' "\'\\' for c in value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def alternates(name, default):
    if name in ALTERNATE:
        return ALTERNATE[name]
    if default in ("yes", "no"):
        return ["no" if default == "yes" else "yes", default.upper()]
    try:
        n = int(default)
    except ValueError:
        return ["x", "with space", "\\x01"] if not default or "/" not in default else ["x"]
    vals = [str(n + 1)]
    if name in MEMORY:
        vals += ["3mb", "2kb", "1G", "5k"]
    return vals


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--redis-server", default="/usr/bin/redis-server")
    args = ap.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen(
            [args.redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no"],
            cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    client = Client(port)
                    break
                except OSError:
                    time.sleep(0.05)
            flat = client.call("CONFIG", "GET", "*")
            params = dict(zip(flat[::2], flat[1::2]))
            mutable = {}
            for name, value in params.items():
                reply = client.call("CONFIG", "SET", name, value)
                mutable[name] = not (isinstance(reply, tuple) and
                                     ("immutable" in reply[1] or "protected" in reply[1]))
        finally:
            proc.terminate()
            proc.wait()

    print("# Generated by tools/gen_config_script.py: CONFIG GET and CONFIG SET of every")
    print("# parameter redis-server 7.0.15 lists, with invalid values, a valid non-default value")
    print("# and the default restored. Regenerate rather than edit.")
    for name in sorted(params):
        default = params[name]
        print(f"\n# {name}")
        print(f"{'!shape ' if name in DIFFERENT else ''}CONFIG GET {name}")
        if name in NO_SET:
            continue
        if not mutable[name]:
            print(f"CONFIG SET {name} {quote(default)}")
            continue
        for v in INVALID:
            print(f"CONFIG SET {name} {quote(v)}")
            print(f"CONFIG GET {name}")
        for v in alternates(name, default):
            print(f"CONFIG SET {name} {quote(v)}")
            print(f"CONFIG GET {name}")
        print(f"CONFIG SET {name} {quote(default)}")
        print(f"CONFIG GET {name}")
    print(EXTRA.rstrip())


if __name__ == "__main__":
    main()
