#!/usr/bin/env python3
"""Differential fuzzer: the same random command streams to redis-server and Tandem.

Each stream is a list of units (a command as multibulk or inline with quotes and escapes, a
quote soup, an ignored line, a malformed frame, QUIT and what follows it) concatenated and
sent on a fresh connection to both servers, cut at random points into several writes with
small sleeps. An `ECHO <marker>` appended to the stream tells when the replies are over.
The complete reply bytes are compared (KEYS/SCAN replies sorted, HELLO by shape), then the
keyspace of all 16 databases (keys, types, values, expiry) on a fresh connection. A failing
stream is reported with its replay arguments, the bytes sent and both replies, then shrunk
to a smaller reproducer. Standard library only; servers are started as
tests/differential/run.py starts them. The last line is "N passed, M failed" (streams).

Left out on purpose: replies that depend on time, ids or hash order (TIME, RANDOMKEY, INFO,
CLIENT LIST/ID, OBJECT IDLETIME, DEBUG, PTTL and EXPIRETIME of relative expiries, SCAN
cursors other than 0), and inputs on which redis-server is not deterministic itself (see
the comments at the pools). --redis-vs-redis runs redis-server on both sides to check that.

    python3 tests/fuzz/diff_fuzz.py --seconds 60 [--seed S] [--tandem PATH] [--verbose]
    python3 tests/fuzz/diff_fuzz.py --seed S --stream N     # replay one stream
"""

import argparse
import os
import random
import selectors
import shutil
import socket
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "tests", "differential"))
sys.dont_write_bytecode = True
import run as diff  # noqa: E402  (Server, encode_command, split_replies, canonical, shape)

QUIET = 0.5  # neither side finished: the stream is over after this long without new bytes
ONE_SIDE_WAIT = 3.0  # one side finished: wait this long for the other (a loaded machine)
TOLERANCE_MS = 2000  # relative expiry times differ by the time between the two servers
DATABASES = 16
INLINE_MAX = 48 * 1024  # longest inline command sent (Redis's limit is 64 KB)

KEYS = [b"k", b"a", b"b", b"n", b"key:1", b"x y", b"\xe5", b"it's"]
LCS_KEYS = [b"l1", b"l2", b"lcs:missing"]
VALUES = [b"", b"v", b"0", b"1", b"-1", b"10", b"007", b"+5", b" 3", b"3.5", b"-0", b"1e3",
          b"0x10", b"9223372036854775807", b"-9223372036854775808", b"9223372036854775808",
          b"inf", b"nan", b"hello world", b'a"b', b"\\x41", b"\r\n", b"\x00\xff", b"x" * 44,
          b"y" * 45, b"\xe5\xe5\xe5", b"\t"]
INTS = [b"0", b"1", b"-1", b"2", b"5", b"-5", b"100", b"1000", b"007", b"+1", b"x", b"",
        b"1.5", b"9223372036854775807", b"-9223372036854775808", b"9223372036854775808"]
FLOATS = [b"0", b"1.5", b"-0.1", b"1e3", b"3", b"inf", b"-inf", b"nan", b"x", b"1e400",
          b"0.1", b"5.0e3", b" 1", b"1.7976931348623157e308"]
# Relative expiries stay long (or <= 0) so nothing expires during a stream or the state check.
SECONDS = [b"100", b"1000", b"0", b"-1", b"x", b"9223372036854775807", b"99999999999"]
MILLIS = [b"100000", b"0", b"-5", b"999999999", b"9223372036854775807"]
# SET with a past EXAT/PXAT stores an expired key that DBSIZE counts until the active expiry
# cycle, at its own time, removes it; so only the EXPIREAT family, which deletes at once, gets 1.
AT_SECONDS = [b"4102444800", b"0", b"-1"]
AT_MILLIS = [b"4102444800000", b"0", b"9223372036854775807"]
OFFSETS = [b"0", b"1", b"3", b"7", b"44", b"100", b"-1", b"x", b"536870912", b"4294967296"]
BIT_OFFSETS = [b"0", b"1", b"7", b"8", b"100", b"1000", b"-1", b"4294967296", b"x"]
DBS = [b"0", b"1", b"2", b"3", b"15", b"16", b"-1", b"x"]
PATTERNS = [b"*", b"k*", b"?", b"[ab]", b"*y*", b"[^a]*", b"\\x*", b"*:*", b"\xe5", b"[a-"]
BITFIELD_TYPES = [b"u8", b"i8", b"u1", b"i64", b"u63", b"u64", b"i5", b"x", b"i0"]
BITFIELD_OFFSETS = [b"0", b"3", b"#1", b"#0", b"-1", b"100", b"x"]
NAMES = [b"fuzz", b"", b"a b", b"x\n"]
KEYWORDS = {b"NX", b"XX", b"GT", b"LT", b"EX", b"PX", b"EXAT", b"PXAT", b"KEEPTTL", b"GET",
            b"PERSIST", b"BYTE", b"BIT", b"AND", b"OR", b"XOR", b"NOT", b"SET", b"INCRBY",
            b"OVERFLOW", b"WRAP", b"SAT", b"FAIL", b"LEN", b"IDX", b"MINMATCHLEN",
            b"WITHMATCHLEN", b"DB", b"REPLACE", b"COUNT", b"MATCH", b"TYPE", b"STRING", b"LIST",
            b"SYNC", b"ASYNC", b"SETNAME", b"AUTH", b"U8", b"I8", b"U1", b"I64", b"U63", b"I5"}
ALL_TOKENS = KEYS + VALUES + INTS + PATTERNS + [b"EX", b"PX", b"NX", b"XX", b"GET", b"LEN"]


class Gen:
    """Random arguments and commands from one seeded generator."""

    def __init__(self, rnd):
        self.r = rnd

    def pick(self, pool):
        return self.r.choice(pool)

    def key(self):
        return self.pick(KEYS)

    def keys(self, lo=1, hi=4):
        return [self.key() for _ in range(self.r.randint(lo, hi))]

    def val(self):
        roll = self.r.random()
        if roll < 0.02:
            return b"z" * self.r.choice([1000, 40000])  # Redis's big-argument path (> 32 KB)
        return self.pick(VALUES)

    def maybe(self, p, args):
        return args if self.r.random() < p else []

    def set_options(self):
        options = [[b"EX", self.pick(SECONDS)], [b"PX", self.pick(MILLIS)],
                   [b"EXAT", self.pick(AT_SECONDS)], [b"PXAT", self.pick(AT_MILLIS)],
                   [b"KEEPTTL"], [b"NX"], [b"XX"], [b"GET"]]
        chosen = self.r.sample(options, self.r.choice([0, 0, 1, 1, 2, 3]))
        return [a for option in chosen for a in option]

    def getex_options(self):
        return self.pick([[], [b"PERSIST"], [b"EX", self.pick(SECONDS)],
                          [b"PX", self.pick(MILLIS)], [b"EXAT", self.pick(AT_SECONDS)],
                          [b"PXAT", self.pick(AT_MILLIS)], [b"EX", b"100", b"PERSIST"]])

    def expire_flag(self, absolute):
        # GT/LT against a relative expiry set a moment earlier with the same value compare
        # two clock readings: whether the millisecond ticked in between decides the reply.
        flags = [b"NX", b"XX", b"XY"] + ([b"GT", b"LT"] if absolute else [])
        return self.maybe(0.4, [self.pick(flags)])

    def range_unit(self):
        return self.maybe(0.4, [self.pick([b"BYTE", b"BIT", b"bit", b"WORD"])])

    def bitfield_ops(self, read_only=False):
        ops = []
        for _ in range(self.r.randint(0, 3)):
            kind = b"GET" if read_only else self.pick([b"GET", b"SET", b"INCRBY", b"OVERFLOW"])
            if kind == b"OVERFLOW":
                ops += [kind, self.pick([b"WRAP", b"SAT", b"FAIL", b"x"])]
            elif kind == b"GET":
                ops += [kind, self.pick(BITFIELD_TYPES), self.pick(BITFIELD_OFFSETS)]
            else:
                ops += [kind, self.pick(BITFIELD_TYPES), self.pick(BITFIELD_OFFSETS),
                        self.pick(INTS)]
        return ops

    def lcs_options(self):
        options = [[b"LEN"], [b"IDX"], [b"MINMATCHLEN", self.pick(INTS)], [b"WITHMATCHLEN"]]
        return [a for o in self.r.sample(options, self.r.randint(0, 3)) for a in o]

    def pairs(self):
        out = []
        for _ in range(self.r.randint(1, 3)):
            out += [self.key(), self.val()]
        return out


# (name, weight, arguments, reply comparison); "sorted" compares aggregates as multisets
# (hash order differs between the servers), "shape" only the structure (ids, versions).
COMMANDS = [
    (b"GET", 6, lambda g: [g.key()], None),
    (b"SET", 8, lambda g: [g.key(), g.val()] + g.set_options(), None),
    (b"SETNX", 1, lambda g: [g.key(), g.val()], None),
    (b"SETEX", 1, lambda g: [g.key(), g.pick(SECONDS), g.val()], None),
    (b"PSETEX", 1, lambda g: [g.key(), g.pick(MILLIS), g.val()], None),
    (b"GETSET", 1, lambda g: [g.key(), g.val()], None),
    (b"GETEX", 2, lambda g: [g.key()] + g.getex_options(), None),
    (b"GETDEL", 2, lambda g: [g.key()], None),
    (b"MGET", 2, lambda g: g.keys(), None),
    (b"MSET", 2, lambda g: g.pairs(), None),
    (b"MSETNX", 1, lambda g: g.pairs(), None),
    (b"APPEND", 3, lambda g: [g.key(), g.val()], None),
    (b"STRLEN", 2, lambda g: [g.key()], None),
    (b"SETRANGE", 2, lambda g: [g.key(), g.pick(OFFSETS), g.val()], None),
    (b"GETRANGE", 2, lambda g: [g.key(), g.pick(INTS), g.pick(INTS)], None),
    (b"SUBSTR", 1, lambda g: [g.key(), g.pick(INTS), g.pick(INTS)], None),
    (b"INCR", 3, lambda g: [g.key()], None),
    (b"DECR", 2, lambda g: [g.key()], None),
    (b"INCRBY", 2, lambda g: [g.key(), g.pick(INTS)], None),
    (b"DECRBY", 1, lambda g: [g.key(), g.pick(INTS)], None),
    (b"INCRBYFLOAT", 2, lambda g: [g.key(), g.pick(FLOATS)], None),
    # LCS allocates len(a) * len(b) cells: it gets keys of its own, only ever short.
    (b"LCS", 1, lambda g: [g.pick(LCS_KEYS), g.pick(LCS_KEYS)] + g.lcs_options(), None),
    (b"MSET", 1, lambda g: [LCS_KEYS[0], g.pick(VALUES), LCS_KEYS[1], g.pick(VALUES)], None),
    (b"SETBIT", 3, lambda g: [g.key(), g.pick(BIT_OFFSETS), g.pick([b"0", b"1", b"2"])], None),
    (b"GETBIT", 2, lambda g: [g.key(), g.pick(BIT_OFFSETS)], None),
    (b"BITCOUNT", 2, lambda g: [g.key()] + g.maybe(0.6, [g.pick(INTS), g.pick(INTS)]
                                                   + g.range_unit()), None),
    (b"BITPOS", 2, lambda g: [g.key(), g.pick([b"0", b"1", b"2"])]
                + g.maybe(0.6, [g.pick(INTS)] + g.maybe(0.6, [g.pick(INTS)] + g.range_unit())),
                None),
    (b"BITOP", 2, lambda g: [g.pick([b"AND", b"OR", b"XOR", b"NOT", b"nand"]), g.key()]
               + g.keys(), None),
    (b"BITFIELD", 2, lambda g: [g.key()] + g.bitfield_ops(), None),
    (b"BITFIELD_RO", 1, lambda g: [g.key()] + g.bitfield_ops(read_only=True), None),
    (b"DEL", 3, lambda g: g.keys(), None),
    (b"UNLINK", 1, lambda g: g.keys(), None),
    (b"EXISTS", 3, lambda g: g.keys(), None),
    (b"TOUCH", 1, lambda g: g.keys(), None),
    (b"TYPE", 2, lambda g: [g.key()], None),
    (b"RENAME", 2, lambda g: [g.key(), g.key()], None),
    (b"RENAMENX", 1, lambda g: [g.key(), g.key()], None),
    (b"COPY", 2, lambda g: [g.key(), g.key()] + g.maybe(0.4, [b"DB", g.pick(DBS)])
              + g.maybe(0.4, [b"REPLACE"]), None),
    (b"MOVE", 1, lambda g: [g.key(), g.pick(DBS)], None),
    (b"SELECT", 2, lambda g: [g.pick(DBS)], None),
    (b"SWAPDB", 1, lambda g: [g.pick(DBS), g.pick(DBS)], None),
    (b"DBSIZE", 2, lambda g: [], None),
    (b"FLUSHDB", 1, lambda g: g.maybe(0.3, [g.pick([b"SYNC", b"ASYNC", b"x"])]), None),
    (b"KEYS", 3, lambda g: [g.pick(PATTERNS)], "sorted"),
    (b"SCAN", 1, lambda g: [b"0", b"COUNT", b"1000"] + g.maybe(0.5, [b"MATCH", g.pick(PATTERNS)])
              + g.maybe(0.3, [b"TYPE", g.pick([b"string", b"list"])]), "sorted"),
    (b"EXPIRE", 2, lambda g: [g.key(), g.pick(SECONDS)] + g.expire_flag(False), None),
    (b"PEXPIRE", 1, lambda g: [g.key(), g.pick(MILLIS)] + g.expire_flag(False), None),
    (b"EXPIREAT", 1, lambda g: [g.key(), g.pick(AT_SECONDS + [b"1"])] + g.expire_flag(True),
     None),
    (b"PEXPIREAT", 1, lambda g: [g.key(), g.pick(AT_MILLIS + [b"1"])] + g.expire_flag(True),
     None),
    (b"PERSIST", 1, lambda g: [g.key()], None),
    (b"TTL", 2, lambda g: [g.key()], None),
    (b"OBJECT", 2, lambda g: [g.pick([b"ENCODING", b"ENCODING", b"REFCOUNT", b"FREQ"]),
                              g.key()], None),
    (b"PING", 2, lambda g: g.maybe(0.5, [g.val()]), None),
    (b"ECHO", 3, lambda g: [g.val()], None),
    (b"HELLO", 1, lambda g: g.maybe(0.8, [g.pick([b"2", b"3", b"3", b"4", b"x"])]), "shape"),
    (b"RESET", 1, lambda g: [], None),
    (b"CLIENT", 1, lambda g: g.pick([[b"GETNAME"], [b"SETNAME", g.pick(NAMES)]]), None),
    (b"NOSUCHCMD", 1, lambda g: g.keys(0, 2), None),
]

# Commands whose frames get byte mutations: no reply that needs a special comparison, no
# number that could become a huge offset or a short expiry.
MUTABLE = [b"GET", b"SETNX", b"GETSET", b"MGET", b"MSET", b"APPEND", b"INCRBY", b"DEL",
           b"EXISTS", b"ECHO", b"PING", b"RENAME", b"STRLEN", b"GETRANGE", b"TYPE"]
COMMAND_WEIGHTS = [c[1] for c in COMMANDS]


class Unit:
    """One piece of a stream. replies: 0 or 1, or None when nothing after it is answered
    predictably (a protocol error, QUIT, a frame that swallows what follows)."""

    def __init__(self, data, replies, mode=None):
        self.data, self.replies, self.mode = data, replies, mode


_C_ESCAPES = {ord("\n"): b"\\n", ord("\r"): b"\\r", ord("\t"): b"\\t", ord("\b"): b"\\b",
              ord("\a"): b"\\a", ord('"'): b'\\"', ord("\\"): b"\\\\"}
_BARE_UNSAFE = set(b" \t\r\n\v\f\x00\"'\\")


def double_quoted(r, arg):
    out = bytearray(b'"')
    for b in arg:
        if b in _C_ESCAPES:
            out += _C_ESCAPES[b]
        elif b < 0x20 or b == 0x7f or (len(arg) < 1000 and r.random() < 0.1):
            out += (b"\\x%02x" if r.random() < 0.5 else b"\\x%02X") % b
        elif len(arg) < 1000 and r.random() < 0.03 and chr(b) in "cdeqyzCDQ":
            out += b"\\" + bytes([b])  # an unknown escape stands for the character itself
        else:
            out.append(b)
    return bytes(out + b'"')


def single_quoted(arg):
    return b"'" + arg.replace(b"'", b"\\'") + b"'"


def inline_token(r, arg):
    must_quote = not arg or any(b in _BARE_UNSAFE for b in arg)
    can_single = b"\\" not in arg and b"\n" not in arg and b"\r" not in arg and b"\x00" not in arg
    roll = r.random()
    if not must_quote and roll < 0.5:
        return arg
    if can_single and roll < 0.75:
        return single_quoted(arg)
    return double_quoted(r, arg)


def encode_inline(r, argv):
    sep = lambda: r.choice([b" ", b" ", b"  ", b"\t", b" \t "])  # noqa: E731
    line = r.choice([b"", b"", b" ", b"\t"]) + sep().join(inline_token(r, a) for a in argv)
    return line + r.choice([b"", b"", b" "]) + r.choice([b"\r\n", b"\r\n", b"\n"])


# Quote soup: everything Redis's sdssplitargs treats specially, including mid-token quotes,
# \v and \f (spaces to isspace() after a closing quote but not between bare tokens).
SOUP = [b"a", b"b", b" ", b" ", b'"', b"'", b"\\", b"x", b"4", b"1", b"f", b"n", b"\t", b"\v",
        b"\f", b"\xe5", b"\\x41", b"\\'", b'\\"', b"\r"]


def soup_unit(r):
    body = b"".join(r.choice(SOUP) for _ in range(r.randint(1, 12)))
    head = r.choice([b"ECHO ", b"SET k ", b"EXISTS ", b"GET ", b"DEL a "])
    return Unit(head + body + r.choice([b"\r\n", b"\n"]), 1)


IGNORED = [b"\r\n", b"\n", b"   \r\n", b"\t\n", b"*0\r\n", b"*-1\r\n", b"*-10\r\n"]

# Malformed frames. Each ends the predictable part of a stream: a protocol error closes the
# connection; some wait for bytes that the rest of the stream then fills in.
MALFORMED = [b"*abc\r\n", b"*\r\n", b"*1048577\r\n", b"*99999999999999999999\r\n", b"*+1\r\n",
             b"*01\r\n$4\r\nPING\r\n", b"*1\r\n$abc\r\n", b"*1\r\nxfoo\r\n", b"*1\r\n$-1\r\n",
             b"*1\r\n$-0\r\n", b"*1\r\n$04\r\nPING\r\n", b"*1\r\n$+4\r\nPING\r\n",
             b"*1\r\n$536870913\r\n", b"*2\r\n$3\r\nGET\r\n*1\r\n", b"*1\r\n $4\r\nPING\r\n",
             b'"unbalanced\r\n', b"'x\r\n", b'ECHO "a"b\r\n', b"ECHO 'a'b\r\n", b"ECHO \"a\r\n",
             b"*3\r\n$3\r\nSET\r\n", b"*1048576\r\n", b"*1\r\n$10\r\nabc", b"*1\r\n$4\r\nPINGxx",
             b"*1\r\n$4\r\nPING", b"*2\n$4\nECHO\n$1\nx\n", b"*1\r\n$0\r\n\r\n", b"$4\r\nPING\r\n",
             b":1\r\n", b"+PING\r\n", b"ECHO \x00x\r\n"]
MUTATION_BYTES = b"*$\r\n-+0123456789 a\"'"


def mutate(r, data):
    """One to three byte edits of a frame: a bad length, a lost CRLF, a stray byte."""
    data = bytearray(data)
    for _ in range(r.randint(1, 3)):
        i = r.randrange(len(data) + 1)
        op = r.random()
        if op < 0.35 and i < len(data):
            del data[i]
        elif op < 0.7 and i < len(data):
            data[i] = r.choice(MUTATION_BYTES)
        else:
            data[i:i] = bytes([r.choice(MUTATION_BYTES)])
    return bytes(data)


def command_unit(g, inline_share, only=None):
    r = g.r
    if only:
        name, _, arguments, mode = next(c for c in COMMANDS if c[0] == only)
    else:
        name, _, arguments, mode = r.choices(COMMANDS, COMMAND_WEIGHTS)[0]
    argv = [name] + arguments(g)
    roll = r.random()
    if roll < 0.04 and len(argv) > 1:  # wrong arity and misplaced arguments
        del argv[r.randrange(1, len(argv))]
    elif roll < 0.08:
        argv.insert(r.randint(1, len(argv)), g.pick(ALL_TOKENS))
    # Redis compares option keywords with strcasecmp() on C strings: any case, and whatever
    # follows a NUL is ignored. (Not command and subcommand names: their hash covers it all.)
    first = 2 if name in (b"OBJECT", b"CLIENT") else 1
    for i in range(len(argv)):
        if i == 0 or (i >= first and argv[i].upper() in KEYWORDS):
            if r.random() < 0.1:
                argv[i] = bytes(c ^ 0x20 if chr(c).isalpha() and r.random() < 0.5 else c
                                for c in argv[i])
            if i and r.random() < 0.03:
                argv[i] += b"\x00" + g.pick([b"", b"x", b"NX", b"\x00"])
    if r.random() < inline_share:
        line = encode_inline(r, argv)
        # Where an inline line over 64 KB fails depends on how Redis's reads happen to split
        # it (a known difference, issue 5); shorter lines are accepted whole.
        if len(line) <= INLINE_MAX:
            return Unit(line, 1, mode)
    return Unit(diff.encode_command(argv), 1, mode)


def terminal_unit(g):
    r = g.r
    roll = r.random()
    if roll < 0.35:  # QUIT, then anything: Redis answers +OK and reads no further
        quit_ = diff.encode_command([b"QUIT"]) if r.random() < 0.5 else b"QUIT\r\n"
        tail = b"".join(command_unit(g, 0.5).data for _ in range(r.randint(0, 2)))
        if r.random() < 0.5:
            tail += r.choice(MALFORMED)
        return Unit(quit_ + tail, None)
    if roll < 0.7:
        return Unit(r.choice(MALFORMED), None)
    source = command_unit(g, 0.2, r.choice(MUTABLE))
    return Unit(mutate(r, source.data), None)


def generate(r):
    """A stream: its units and how its bytes are cut into writes (cut offsets, pauses)."""
    g = Gen(r)
    size = r.choices([1, r.randint(2, 10), r.randint(11, 60), r.randint(61, 300)],
                     [20, 50, 25, 5])[0]
    inline_share = r.choice([0.0, 0.3, 0.5, 1.0])
    soup_share = r.choice([0.0, 0.0, 0.02, 0.1])  # a soup often ends the stream (bad quotes)
    units = []
    for _ in range(size):
        roll = r.random()
        if roll < soup_share:
            units.append(soup_unit(r))
        elif roll < soup_share + 0.03:
            units.append(Unit(r.choice(IGNORED), 0))
        else:
            units.append(command_unit(g, inline_share))
    if r.random() < 0.3:
        units.append(terminal_unit(g))
    return units, split_plan(r, sum(len(u.data) for u in units))


def split_plan(r, length):
    roll = r.random()
    if roll < 0.4:
        return []
    if roll < 0.45 and length < 300:  # one byte per write
        return [(i, 0.0) for i in range(1, length)]
    cuts = sorted(set(r.randint(1, max(1, length)) for _ in range(r.randint(1, 6))))
    return [(c, r.choice([0.0, 0.0, 0.001, 0.003])) for c in cuts if c < length]


def reply_modes(units):
    """Reply index -> comparison mode, for the replies we can attribute to a unit."""
    modes, index = {}, 0
    for u in units:
        if u.replies is None:
            break
        if u.replies and u.mode:
            modes[index] = u.mode
        index += u.replies
    return modes


def connect(addr):
    s = socket.create_connection(addr, timeout=5)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def exchange(addrs, data, plan, marker):
    """Sends data (cut per plan) to every address; returns [(reply bytes, status)]."""
    end_reply = b"$%d\r\n%s\r\n" % (len(marker), marker)
    data += diff.encode_command([b"ECHO", marker])
    socks = [connect(a) for a in addrs]
    sel = selectors.DefaultSelector()
    try:
        start = 0
        for cut, pause in plan + [(len(data), 0.0)]:
            for s in socks:
                try:
                    s.sendall(data[start:cut])
                except OSError:
                    pass  # closed after a protocol error or QUIT: its replies are still read
            start = cut
            if pause:
                time.sleep(pause)
        bufs = [b""] * len(socks)
        status = [None] * len(socks)
        for i, s in enumerate(socks):
            s.setblocking(False)
            sel.register(s, selectors.EVENT_READ, i)
        last_data = time.monotonic()
        first_done = None
        while None in status:
            now = time.monotonic()
            if first_done is None and now - last_data > QUIET:
                break
            if first_done is not None and now - first_done > ONE_SIDE_WAIT:
                break
            for key, _ in sel.select(timeout=0.02):
                i = key.data
                try:
                    chunk = socks[i].recv(1 << 16)
                except BlockingIOError:
                    continue
                except OSError:
                    chunk = b""
                if chunk:
                    bufs[i] += chunk
                    last_data = time.monotonic()
                    if bufs[i].endswith(end_reply):
                        status[i] = "end"
                else:
                    status[i] = "closed"
                if status[i]:
                    sel.unregister(socks[i])
                    first_done = first_done or time.monotonic()
        return [(b, s or "no end (waiting)") for b, s in zip(bufs, status)]
    finally:
        sel.close()
        for s in socks:
            s.close()


def compared(node, mode):
    return (diff.canonical(node) if mode == "sorted" else
            diff.shape(node) if mode == "shape" else node.raw)


def outcome(buf, status, modes):
    if not modes:
        return (buf, status)
    nodes, complete = diff.split_replies(buf)
    return (tuple(compared(n, modes.get(i)) for i, n in enumerate(nodes)), complete, status)


def request(sock, commands):
    """Sends commands in one write and returns their replies (blocking, 10 s at most)."""
    sock.sendall(b"".join(diff.encode_command(c) for c in commands))
    buf, deadline = b"", time.monotonic() + 10
    while True:
        nodes, complete = diff.split_replies(buf)
        if complete and len(nodes) >= len(commands):
            return nodes
        if time.monotonic() > deadline:
            raise OSError("no reply to the state check")
        chunk = sock.recv(1 << 20)
        if not chunk:
            raise OSError("connection closed during the state check")
        buf += chunk


def snapshot(addr):
    """{db: [(key, type, value, expire time ms)]} of every database, then FLUSHALL."""
    with connect(addr) as s:
        cmds = []
        for db in range(DATABASES):
            cmds += [[b"SELECT", b"%d" % db], [b"KEYS", b"*"]]
        nodes = request(s, cmds)
        keys = {db: sorted(c.value for c in nodes[2 * db + 1].value) for db in range(DATABASES)}
        cmds = []
        for db, names in keys.items():
            if names:
                cmds.append([b"SELECT", b"%d" % db])
                for k in names:
                    cmds += [[b"TYPE", k], [b"GET", k], [b"PEXPIRETIME", k]]
        nodes = request(s, cmds) if cmds else []
        state, i = {}, 0
        for db, names in keys.items():
            if names:
                i += 1
                state[db] = []
                for k in names:
                    t, v, e = nodes[i:i + 3]
                    state[db].append((k, t.raw, v.raw, int(e.value)))
                    i += 3
        request(s, [[b"FLUSHALL"]])
        return state


def state_differences(a, b):
    out = []
    for db in sorted(set(a) | set(b)):
        ea, eb = a.get(db, []), b.get(db, [])
        same = len(ea) == len(eb) and all(
            x[:3] == y[:3] and (x[3] == y[3] or min(x[3], y[3]) >= 0
                                and abs(x[3] - y[3]) <= TOLERANCE_MS)
            for x, y in zip(ea, eb))
        if not same:
            out.append((db, ea, eb))
    return out


class Pair:
    """redis-server and Tandem, started and restarted together."""

    def __init__(self, redis_bin, other_bin, other_label, workdir):
        self.servers = [diff.Server("redis", binary=redis_bin, workdir=workdir),
                        diff.Server(other_label, binary=other_bin, workdir=workdir)]
        self.labels = [s.label for s in self.servers]
        self.restart()

    def restart(self):
        for s in self.servers:
            s.stop()
            s.start([])

    def stop(self):
        for s in self.servers:
            s.stop()

    def run(self, units, plan, marker):
        """Runs a stream; returns (differences as text, [(reply bytes, status)] per server)."""
        data = b"".join(u.data for u in units)
        problems, results, broken = [], [(b"", "not run")] * 2, False
        try:
            results = exchange([s.addr for s in self.servers], data, plan, marker)
            modes = reply_modes(units)
            if outcome(*results[0], modes) != outcome(*results[1], modes):
                problems.append("replies differ")
            states = [snapshot(s.addr) for s in self.servers]
            for db, ea, eb in state_differences(*states):
                problems.append("db %d after the stream:\n      %-7s %s\n      %-7s %s"
                                % (db, self.labels[0] + ":", short(ea),
                                   self.labels[1] + ":", short(eb)))
        except (OSError, ValueError, IndexError, TypeError) as e:
            problems.append("state check failed: %s: %s" % (type(e).__name__, e))
            broken = True
        for s in self.servers:
            death = s.died()
            if death:
                problems.append("%s %s; log tail:\n%s" % (s.label, death, s.log_tail()))
                broken = True
        if broken:  # a fresh pair for the next stream
            self.restart()
        return problems, results


FULL_TEXT = False  # --verbose: print sent bytes and replies whole


def short(value, limit=1500):
    text = repr(value)
    return text if FULL_TEXT or len(text) <= limit else text[:limit] + "...(%d chars)" % len(text)


def first_difference(units, results):
    """The first reply that differs: (its index, the unit it answers, both nodes), or None."""
    modes = reply_modes(units)
    parsed = [diff.split_replies(buf)[0] for buf, _ in results]
    for i, (x, y) in enumerate(zip(*parsed)):
        if compared(x, modes.get(i)) != compared(y, modes.get(i)):
            index = 0
            for u in units:
                if u.replies is None or index + u.replies > i:
                    return i, u, x, y
                index += u.replies
            return i, None, x, y
    return None


def describe(labels, units, plan, problems, results):
    data = b"".join(u.data for u in units)
    cuts = [c for c, _ in plan]
    pieces = [data[a:b] for a, b in zip([0] + cuts, cuts + [len(data)])]
    lines = ["    sent (%d bytes in %d writes): %s" % (len(data), len(pieces), short(
        pieces[0] if len(pieces) == 1 else pieces, 4000))]
    for label, (buf, status) in zip(labels, results):
        lines.append("    %-7s %s + %s" % (label + ":", short(buf, 4000), status))
    at = first_difference(units, results) if "replies differ" in problems else None
    if at:
        lines.append("    first differing reply: #%d, to %s"
                     % (at[0], short(at[1].data, 300) if at[1] else "?"))
        lines += ["      %-7s %s" % (label + ":", short(n.raw, 600))
                  for label, n in zip(labels, at[2:])]
    lines += ["    " + p for p in problems if p != "replies differ"]
    return "\n".join(lines)


def shrink(pair, units, plan, marker, results, budget_seconds=20):
    """Removes units while the stream still fails the same way (the first differing reply
    answers the same unit); None if the difference does not come back."""
    deadline = time.monotonic() + budget_seconds
    at = first_difference(units, results)

    def fails(us, p):
        problems, again = pair.run(us, p, marker)
        if not problems or not at:
            return bool(problems)
        now = first_difference(us, again)
        return now is not None and now[1] is at[1]

    if fails(units, []):
        plan = []
    elif not fails(units, plan):
        return None
    chunk = max(1, len(units) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i, removed = 0, False
        while i < len(units) and time.monotonic() < deadline:
            candidate = units[:i] + units[i + chunk:]
            total = sum(len(u.data) for u in candidate)
            candidate_plan = [(c, p) for c, p in plan if c < total]
            if candidate and fails(candidate, candidate_plan):
                units, plan, removed = candidate, candidate_plan, True
            else:
                i += chunk
        if not removed:
            chunk //= 2
    return units, plan


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=30, help="run time (default 30)")
    ap.add_argument("--seed", type=int, default=None, help="master seed (default: random)")
    ap.add_argument("--stream", type=int, default=None,
                    help="run only stream N of --seed (replay a reported failure)")
    ap.add_argument("--tandem", default=diff.DEFAULT_TANDEM, help="Tandem server binary")
    ap.add_argument("--redis", default=shutil.which("redis-server") or "redis-server",
                    help="reference redis-server binary")
    ap.add_argument("--redis-vs-redis", action="store_true",
                    help="redis-server on both sides: checks that the streams are deterministic")
    ap.add_argument("--shrink", type=int, default=10,
                    help="shrink the first N failing streams to smaller reproducers (default 10)")
    ap.add_argument("--verbose", action="store_true",
                    help="print every stream, and failures without shortening")
    opts = ap.parse_args()
    global FULL_TEXT
    FULL_TEXT = opts.verbose
    if opts.redis_vs_redis:
        other, label = opts.redis, "redis2"
    else:
        other, label = os.path.abspath(opts.tandem), "tandem"
    if not os.access(other, os.X_OK) and not opts.redis_vs_redis:
        print("Tandem binary %s not found (use --tandem)" % opts.tandem)
        return 2
    seed = opts.seed if opts.seed is not None else random.SystemRandom().randrange(1 << 32)
    print("diff_fuzz: seed %d" % seed)
    sys.stdout.flush()

    workdir = tempfile.mkdtemp(prefix="tandem-diff-fuzz-")
    pair = Pair(opts.redis, other, label, workdir)
    passed = failed = 0
    deadline = time.monotonic() + opts.seconds
    index = opts.stream if opts.stream is not None else 0
    try:
        while True:
            units, plan = generate(random.Random("%d:%d" % (seed, index)))
            marker = b"diff-fuzz-end-%d" % index
            problems, results = pair.run(units, plan, marker)
            if problems:
                failed += 1
                print("FAIL stream %d (replay: --seed %d --stream %d): %s"
                      % (index, seed, index, problems[0].split("\n")[0]))
                print(describe(pair.labels, units, plan, problems, results))
                if failed <= opts.shrink:
                    small = shrink(pair, units, plan, marker, results)
                    if small is None:
                        print("    (the difference did not come back on a rerun)")
                    elif len(small[0]) < len(units) or len(small[1]) < len(plan):
                        again, results = pair.run(small[0], small[1], marker)
                        print("  shrunk to %d of %d units:" % (len(small[0]), len(units)))
                        print(describe(pair.labels, small[0], small[1], again, results))
            else:
                passed += 1
                if opts.verbose:
                    print("ok   stream %d: %d units, %d bytes, %d writes"
                          % (index, len(units), sum(len(u.data) for u in units), len(plan) + 1))
            sys.stdout.flush()
            index += 1
            if opts.stream is not None or time.monotonic() >= deadline:
                break
    finally:
        pair.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
