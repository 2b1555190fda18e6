#!/usr/bin/env python3
"""FUNCTION DUMP payloads round-tripping between redis-server 7.0.15 and Tandem.

Both servers load the same libraries (one long enough that redis-server compresses it with
LZF), then each one's FUNCTION DUMP is restored into the other with every policy, and
FUNCTION LIST WITHCODE and FCALL results are compared. Corrupt payloads get the same error
on both. Python 3 standard library only; exit status non-zero on any difference.

    python3 tests/differential/function_dump.py --tandem build/tandem-server
"""
import argparse
import os
import shutil
import socket
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (the differential runner: servers, connections, RESP)

BIG = "#!lua name=big\n" + "\n".join(
    "redis.register_function('big%d', function(keys, args) return 'value %d' .. (args[1] or '') end)"
    % (i, i) for i in range(60))
SMALL = ("#!lua name=small\nredis.register_function{function_name='s1', callback=function() "
         "return 1 end, flags={'no-writes', 'allow-oom'}, description='d'}")
OTHER = "#!lua name=other\nredis.register_function('o1', function() return 'other' end)"
CLASH = "#!lua name=clash\nredis.register_function('s1', function() return 'clash' end)"


class Client:
    """A blocking RESP2 client: errors come back as ("error", text)."""

    def __init__(self, addr):
        self.sock = socket.create_connection(addr, timeout=10)
        self.file = self.sock.makefile("rb")

    def __call__(self, *args):
        argv = [a if isinstance(a, bytes) else str(a).encode() for a in args]
        self.sock.sendall(run.encode_command(argv))
        return self.read()

    def read(self):
        line = self.file.readline()
        kind, rest = line[:1], line[1:-2]
        if kind == b"$":
            n = int(rest)
            return None if n < 0 else self.file.read(n + 2)[:-2]
        if kind == b"*":
            n = int(rest)
            return None if n < 0 else [self.read() for _ in range(n)]
        if kind == b":":
            return int(rest)
        if kind == b"-":
            return ("error", rest.decode())
        return rest.decode()


def norm(x):
    if isinstance(x, list):
        return sorted((norm(i) for i in x), key=repr)
    return x


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tandem", default=run.DEFAULT_TANDEM)
    ap.add_argument("--redis", default=shutil.which("redis-server") or "redis-server")
    opts = ap.parse_args()
    workdir = tempfile.mkdtemp(prefix="function-dump-")
    servers = [run.Server("redis", binary=opts.redis, workdir=workdir),
               run.Server("tandem", binary=os.path.abspath(opts.tandem), workdir=workdir)]
    failures = []
    checks = 0

    def check(what, got, want):
        nonlocal checks
        checks += 1
        if got != want:
            failures.append("%s:\n    got:  %r\n    want: %r" % (what, got, want))

    try:
        for s in servers:
            s.start([])
        redis, tandem = (Client(s.addr) for s in servers)
        for c in (redis, tandem):
            c("FUNCTION", "FLUSH")
            c("FUNCTION", "LOAD", BIG)
            c("FUNCTION", "LOAD", SMALL)
        check("FUNCTION LIST WITHCODE before", norm(tandem("FUNCTION", "LIST", "WITHCODE")),
              norm(redis("FUNCTION", "LIST", "WITHCODE")))
        payloads = {"redis": redis("FUNCTION", "DUMP"), "tandem": tandem("FUNCTION", "DUMP")}
        check("redis-server compresses the big library", payloads["redis"][1:2], b"\xc3")
        for src in ("redis", "tandem"):
            # Both servers restore the same payload, step by step, and must answer alike.
            p = payloads[src]

            def both(*args):
                return redis(*args), tandem(*args)

            def same(what, *args, shape=None):
                want, got = both(*args)
                if shape:
                    want, got = shape(want), shape(got)
                check("%s payload: %s" % (src, what), got, want)

            both("FUNCTION", "FLUSH")
            both("FUNCTION", "LOAD", OTHER)
            both("FUNCTION", "LOAD", SMALL)
            # Which clashing library is named depends on hash order: compare the prefix.
            same("RESTORE onto an existing library", "FUNCTION", "RESTORE", p,
                 shape=lambda r: r[1][:len("ERR Library ")] if isinstance(r, tuple) else r)
            same("RESTORE APPEND", "FUNCTION", "RESTORE", p, "APPEND",
                 shape=lambda r: r[1][:len("ERR Library ")] if isinstance(r, tuple) else r)
            same("LIST after a refused RESTORE", "FUNCTION", "LIST", "WITHCODE", shape=norm)
            same("RESTORE REPLACE", "FUNCTION", "RESTORE", p, "REPLACE")
            same("LIST after REPLACE", "FUNCTION", "LIST", "WITHCODE", shape=norm)
            same("FCALL", "FCALL", "big42", 0, "x")
            same("FCALL_RO", "FCALL_RO", "s1", 0)
            same("RESTORE FLUSH", "FUNCTION", "RESTORE", p, "FLUSH")
            same("LIST after FLUSH", "FUNCTION", "LIST", "WITHCODE", shape=norm)
            same("FCALL of a flushed library", "FCALL", "o1", 0)
            same("DELETE", "FUNCTION", "DELETE", "small")
            same("LOAD a clashing function", "FUNCTION", "LOAD", CLASH)
            same("RESTORE REPLACE with a function clash", "FUNCTION", "RESTORE", p, "REPLACE")
            same("LIST after the clash", "FUNCTION", "LIST", "WITHCODE", shape=norm)
            same("STATS", "FUNCTION", "STATS")
        # Payloads both servers refuse the same way.
        good = payloads["tandem"]
        bad = [good[:-1] + bytes([good[-1] ^ 1]), good[:5], b"\x0b" + good[1:],
               b"\xf6" + good[1:], good[:-10] + b"\x0b\x00" + good[-8:]]
        for i, b in enumerate(bad):
            check("corrupt payload %d" % i, tandem("FUNCTION", "RESTORE", b),
                  redis("FUNCTION", "RESTORE", b))
        # A payload whose checksum matches but whose content is wrong.
        for body in (b"\x07", b"\xf5\x05abc", b"\xf5\x05#!lua",
                     b"\xf5" + bytes([len(OTHER)]) + OTHER.encode() * 2):
            pl = body + b"\x0a\x00"
            pl += run_crc(pl)
            check("payload %r" % body[:8], tandem("FUNCTION", "RESTORE", pl, "FLUSH"),
                  redis("FUNCTION", "RESTORE", pl, "FLUSH"))
            check("LIST after payload %r" % body[:8], norm(tandem("FUNCTION", "LIST")),
                  norm(redis("FUNCTION", "LIST")))
        for c in (redis, tandem):
            c("FUNCTION", "FLUSH")
    finally:
        for s in servers:
            s.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    for f in failures:
        print("FAIL " + f)
    print("%d passed, %d failed" % (checks - len(failures), len(failures)))
    return 1 if failures else 0


def run_error(text):
    return ("error", text)


def run_crc(data):
    """Redis's crc64 (Jones, reflected), little-endian: the payload trailer."""
    poly = 0x95AC9329AC4BC9B5
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ poly if crc & 1 else crc >> 1
    return crc.to_bytes(8, "little")


if __name__ == "__main__":
    sys.exit(main())
