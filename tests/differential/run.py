#!/usr/bin/env python3
"""Differential test runner: replays command scripts against redis-server and Tandem.

Every step of every script in tests/differential/scripts/*.txt is sent to both servers over
raw sockets and the complete reply bytes are compared (see README.md for the script syntax).
Standard library only.
"""

import argparse
import fnmatch
import os
import random
import selectors
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DIR = os.path.join(HERE, "scripts")
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_TANDEM = os.path.join(REPO, "build", "tandem-server")

REPLY_TIMEOUT = 2.0  # seconds to wait for a reply before reporting it missing
SEND_TIMEOUT = 5.0  # a server that stops reading must not hang the runner
QUIET_PERIOD = 0.1  # drain mode: a reply is over after this long without new bytes
CLOSED = "connection closed"
TIMED_OUT = "no reply (timeout)"
BASE_ARGS = ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"]


class ScriptError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Script parsing
# ---------------------------------------------------------------------------------------------

_ESCAPES = {"n": b"\n", "r": b"\r", "t": b"\t", "b": b"\b", "a": b"\a"}


def _is_hex(c):
    return c in "0123456789abcdefABCDEF"


def split_args(line):
    """Splits a line like redis-cli's sdssplitargs, returning a list of bytes.

    Extension: a quoted token directly followed by *N (e.g. "a"*70000) is repeated N times.
    """
    args = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i].isspace():
            i += 1
        if i >= n:
            return args
        cur = bytearray()
        quote = None
        if line[i] == '"':
            quote = '"'
            i += 1
            while True:
                if i >= n:
                    raise ScriptError("unbalanced double quotes")
                c = line[i]
                if c == "\\" and i + 3 < n and line[i + 1] == "x" and _is_hex(line[i + 2]) \
                        and _is_hex(line[i + 3]):
                    cur.append(int(line[i + 2:i + 4], 16))
                    i += 4
                elif c == "\\" and i + 1 < n:
                    e = line[i + 1]
                    cur += _ESCAPES.get(e, e.encode("utf-8"))
                    i += 2
                elif c == '"':
                    i += 1
                    break
                else:
                    cur += c.encode("utf-8")
                    i += 1
        elif line[i] == "'":
            quote = "'"
            i += 1
            while True:
                if i >= n:
                    raise ScriptError("unbalanced single quotes")
                c = line[i]
                if c == "\\" and i + 1 < n and line[i + 1] == "'":
                    cur += b"'"
                    i += 2
                elif c == "'":
                    i += 1
                    break
                else:
                    cur += c.encode("utf-8")
                    i += 1
        else:
            while i < n and not line[i].isspace():
                cur += line[i].encode("utf-8")
                i += 1
        if quote is not None:
            if i < n and line[i] == "*":
                j = i + 1
                while j < n and line[j].isdigit():
                    j += 1
                if j == i + 1:
                    raise ScriptError("'*' after a quoted token needs a repeat count")
                cur = cur * int(line[i + 1:j])
                i = j
            if i < n and not line[i].isspace():
                raise ScriptError("closing quote must be followed by a space")
        args.append(bytes(cur))


def encode_command(args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


class Step:
    """One comparable action of a script."""

    def __init__(self, lineno, text, kind, payload=b"", mode="exact", drain=False,
                 wait_close=False, seconds=0.0, conn=None):
        self.lineno = lineno
        self.text = text
        self.kind = kind  # send | sleep | reconnect | conn
        self.payload = payload
        self.mode = mode  # exact | shape | sorted | pairs | docs
        self.drain = drain  # read until quiet or closed instead of counting one reply
        self.wait_close = wait_close
        self.seconds = seconds
        self.conn = conn


class Script:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.config = []
        self.steps = []


def _command_step(lineno, text, args, mode):
    if not args:
        raise ScriptError("empty command")
    name = args[0].upper()
    wait_close = name == b"QUIT"
    return Step(lineno, text, "send", encode_command(args), mode=mode, wait_close=wait_close)


def parse_script(path):
    script = Script(path)
    with open(path, "r", encoding="utf-8") as f:
        lines = f.read().split("\n")
    for lineno, raw_line in enumerate(lines, 1):
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            if line.startswith("!"):
                word, _, rest = line.partition(" ")
                word = word[1:].lower()
                rest = rest.strip()
                if word == "raw":
                    payload = b"".join(split_args(rest))
                    script.steps.append(Step(lineno, line, "send", payload, drain=True))
                elif word == "drain":
                    step = _command_step(lineno, line, split_args(rest), "exact")
                    step.drain = True
                    script.steps.append(step)
                elif word == "sleep":
                    script.steps.append(Step(lineno, line, "sleep", seconds=float(rest)))
                elif word == "reconnect":
                    script.steps.append(Step(lineno, line, "reconnect"))
                elif word == "conn":
                    if not rest or " " in rest:
                        raise ScriptError("!conn takes one connection name")
                    script.steps.append(Step(lineno, line, "conn", conn=rest))
                elif word in ("shape", "sorted", "pairs", "docs", "debugobject"):
                    script.steps.append(_command_step(lineno, line, split_args(rest), word))
                elif word in ("resp3", "resp2"):
                    args = [b"HELLO", word[-1].encode()]
                    script.steps.append(_command_step(lineno, line, args, "shape"))
                elif word == "config":
                    script.config += [a.decode("utf-8") for a in split_args(rest)]
                else:
                    raise ScriptError("unknown directive !%s" % word)
            else:
                script.steps.append(_command_step(lineno, line, split_args(line), "exact"))
        except (ScriptError, ValueError) as e:
            raise ScriptError("%s:%d: %s" % (script.name, lineno, e))
    return script


# ---------------------------------------------------------------------------------------------
# RESP reply parsing (RESP2 and RESP3)
# ---------------------------------------------------------------------------------------------

class Incomplete(Exception):
    pass


class Node:
    __slots__ = ("type", "value", "raw")

    def __init__(self, type_, value, raw):
        self.type = type_
        self.value = value
        self.raw = raw


_LINE_TYPES = b"+-:_,#("
_BLOB_TYPES = b"$!="
_AGG_TYPES = b"*~>"


def _read_line(buf, pos):
    end = buf.find(b"\r\n", pos)
    if end < 0:
        raise Incomplete()
    return buf[pos:end], end + 2


def parse_node(buf, pos):
    """Parses one reply at buf[pos:]; returns (Node, end). Raises Incomplete or ValueError."""
    if pos >= len(buf):
        raise Incomplete()
    t = buf[pos]
    line, nxt = _read_line(buf, pos + 1)
    if t in _LINE_TYPES:
        return Node(chr(t), line, buf[pos:nxt]), nxt
    if t in _BLOB_TYPES:
        n = int(line)
        if n < 0:
            return Node(chr(t), None, buf[pos:nxt]), nxt
        if len(buf) < nxt + n + 2:
            raise Incomplete()
        return Node(chr(t), buf[nxt:nxt + n], buf[pos:nxt + n + 2]), nxt + n + 2
    if t in _AGG_TYPES or t in b"%|":
        n = int(line)
        if n < 0:
            return Node(chr(t), None, buf[pos:nxt]), nxt
        count = n * 2 if t in b"%|" else n
        children = []
        cur = nxt
        for _ in range(count):
            child, cur = parse_node(buf, cur)
            children.append(child)
        if t == ord("|"):  # an attribute precedes the real reply
            child, cur = parse_node(buf, cur)
            children.append(child)
        return Node(chr(t), children, buf[pos:cur]), cur
    raise ValueError("not a RESP reply: %r" % buf[pos:pos + 20])


def split_replies(buf):
    """Returns (nodes, complete) where complete tells whether buf ends on a reply boundary.

    Bytes that are not RESP at all count as one opaque complete node.
    """
    nodes = []
    pos = 0
    while pos < len(buf):
        try:
            node, pos = parse_node(buf, pos)
        except Incomplete:
            return nodes, False
        except ValueError:
            nodes.append(Node("?", buf[pos:], buf[pos:]))
            return nodes, True
        nodes.append(node)
    return nodes, True


def shape(node):
    """The type/structure of a reply; errors are kept verbatim since they are deterministic."""
    if node.type == "-" or node.type == "!":
        return (node.type, node.value)
    if isinstance(node.value, list):
        return (node.type, len(node.value), tuple(shape(c) for c in node.value))
    if node.value is None:
        return (node.type, None)
    return (node.type,)


def canonical_pairs(node):
    """Like canonical() for the top level, but keeps key/value pairs of a flat array or map
    together (CONFIG GET replies, whose order is not defined)."""
    if isinstance(node.value, list) and len(node.value) % 2 == 0 and node.type in "*%":
        pairs = zip(node.value[0::2], node.value[1::2])
        return (node.type, tuple(sorted((canonical(k), canonical(v)) for k, v in pairs)))
    return canonical(node)


PROSE_KEYS = (b"summary", b"complexity", b"notes")


def prose_masked(node):
    """A reply compared exactly except for the prose of COMMAND DOCS / INFO: the value after a
    "summary", "complexity" or "notes" key and the text of each "history" entry, which Tandem
    words in its own way. Their types and the structure around them still count."""
    if not isinstance(node.value, list):
        return (node.type, node.raw)
    out = []
    for i, child in enumerate(node.value):
        key = node.value[i - 1].value if i % 2 == 1 else None
        if key in PROSE_KEYS:
            out.append(("prose", child.type))
        elif key == b"history" and isinstance(child.value, list):
            out.append((child.type, tuple(
                (h.type, prose_masked(h.value[0]), ("prose", h.value[1].type))
                if isinstance(h.value, list) and len(h.value) == 2 else prose_masked(h)
                for h in child.value)))
        else:
            out.append(prose_masked(child))
    return (node.type, tuple(out))


DEBUG_OBJECT_VOLATILE = (b"at", b"lru", b"lru_seconds_idle")


def debug_object_masked(node):
    """A DEBUG OBJECT status line compared field by field, except the value's address and
    its LRU clock and idle time."""
    if node.type != "+":
        return (node.type, node.raw)
    fields = []
    for token in node.value.split(b" "):
        name, sep, value = token.partition(b":")
        fields.append((name, sep, b"?" if name in DEBUG_OBJECT_VOLATILE else value))
    return (node.type, tuple(fields))


def canonical(node):
    """A reply with the elements of every aggregate sorted (for order-free comparison)."""
    if isinstance(node.value, list):
        return (node.type, tuple(sorted(canonical(c) for c in node.value)))
    return (node.type, node.raw)


# ---------------------------------------------------------------------------------------------
# Connections and servers
# ---------------------------------------------------------------------------------------------

class Conn:
    def __init__(self, addr):
        self.addr = addr
        self.closed = False
        self.sock = socket.create_connection(addr, timeout=REPLY_TIMEOUT)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.setblocking(False)

    def send(self, data):
        """Sends data; a failure (peer closed mid-request) is left for the reader to see, so
        that whatever the server wrote before closing is still read and compared."""
        if self.closed:
            return False
        try:
            self.sock.settimeout(SEND_TIMEOUT)
            self.sock.sendall(data)
            return True
        except OSError:
            return False
        finally:
            self.sock.setblocking(False)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass
        self.closed = True


class Reader:
    """Collects one step's reply bytes from one connection."""

    def __init__(self, conn, step):
        self.conn = conn
        self.step = step
        self.buf = b""
        self.status = ""
        self.done = False
        self.last_data = time.monotonic()
        if conn.closed:
            self.status = CLOSED
            self.done = True

    def _wants_close(self):
        if self.step.wait_close:
            return True
        return self.buf.startswith(b"-ERR Protocol error")

    def replies(self):
        return split_replies(self.buf)

    def check(self, now, peer_count, peer_closed):
        """Marks the reader done once its reply is over.

        Drain steps have no expected reply count: they end after QUIET_PERIOD without new
        bytes, but never while a peer has seen more replies (or a close) than this side, so
        a slow server is waited for (up to REPLY_TIMEOUT) instead of being cut short.
        """
        if self.done:
            return
        nodes, complete = self.replies()
        if self.step.drain:
            if (complete and now - self.last_data >= QUIET_PERIOD
                    and len(nodes) >= peer_count and not peer_closed):
                self.done = True
            return
        if nodes and not self._wants_close():
            self.done = True

    def on_timeout(self):
        nodes, complete = self.replies()
        if not complete or (not nodes and not self.step.drain):
            self.status = TIMED_OUT
        self.done = True

    def on_readable(self):
        try:
            data = self.conn.sock.recv(1 << 16)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self.status = CLOSED
            self.conn.closed = True  # collect() unregisters, then closes the socket
            self.done = True
            return
        self.buf += data
        self.last_data = time.monotonic()


def collect(readers):
    sel = selectors.DefaultSelector()
    for r in readers:
        if not r.done:
            sel.register(r.conn.sock, selectors.EVENT_READ, r)
    start = time.monotonic()
    try:
        while True:
            now = time.monotonic()
            counts = [len(r.replies()[0]) for r in readers]
            for i, r in enumerate(readers):
                others = readers[:i] + readers[i + 1:]
                peer_count = max([counts[j] for j in range(len(readers)) if j != i] or [0])
                peer_closed = any(o.status == CLOSED for o in others)
                was_done = r.done
                r.check(now, peer_count, peer_closed)
                if r.done and not was_done:
                    sel.unregister(r.conn.sock)
            pending = [r for r in readers if not r.done]
            if not pending:
                return
            if now - start >= REPLY_TIMEOUT:
                for r in pending:
                    r.on_timeout()
                    sel.unregister(r.conn.sock)
                return
            wait = REPLY_TIMEOUT - (now - start)
            if any(r.step.drain for r in pending):
                wait = min(wait, QUIET_PERIOD / 4)
            for key, _ in sel.select(timeout=max(wait, 0.001)):
                r = key.data
                r.on_readable()
                if r.done:
                    sel.unregister(key.fileobj)
                    if r.conn.closed:
                        r.conn.close()
    finally:
        sel.close()


def free_port():
    for _ in range(200):
        port = random.randint(20000, 60000)
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        finally:
            s.close()
        return port
    raise RuntimeError("no free port found")


class Server:
    """A server side: a child process we own, or an external address (TANDEM_ADDR)."""

    def __init__(self, label, binary=None, addr=None, workdir=None):
        self.label = label
        self.binary = binary
        self.addr = addr
        self.external = addr is not None
        self.workdir = workdir
        self.proc = None
        self.config = None
        self.log_path = None

    def start(self, config):
        if self.external:
            return
        if self.proc is not None and self.config == config:
            return
        self.stop()
        port = free_port()
        self.addr = ("127.0.0.1", port)
        self.config = list(config)
        argv = [self.binary, "--port", str(port)] + BASE_ARGS + self.config
        if "redis-server" not in os.path.basename(self.binary):
            argv += ["--memcached-port", "0"]  # a busy 11211 would stop Tandem's start-up
        self.log_path = os.path.join(self.workdir, "%s-%d.log" % (self.label, port))
        log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(argv, cwd=self.workdir, stdout=log, stderr=log,
                                     stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                socket.create_connection(self.addr, timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.02)
        tail = ""
        try:
            with open(self.log_path, "rb") as f:
                tail = f.read()[-2000:].decode("utf-8", "replace")
        except OSError:
            pass
        self.stop()
        raise RuntimeError("%s did not start: %s\n%s" % (self.label, shlex.join(argv), tail))

    def died(self):
        """Exit description if our server process has exited, else None."""
        if self.proc is None or self.proc.poll() is None:
            return None
        code = self.proc.returncode
        return "killed by signal %d" % -code if code < 0 else "exited with status %d" % code

    def log_tail(self, limit=1500):
        try:
            with open(self.log_path, "rb") as f:
                return f.read()[-limit:].decode("utf-8", "replace")
        except (OSError, TypeError):
            return ""

    def stop(self):
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None
        self.config = None

    def flushall(self, password=None):
        conn = Conn(self.addr)
        try:
            if password is not None:
                conn.send(encode_command([b"AUTH", password.encode()]))
                r = Reader(conn, Step(0, "AUTH", "send"))
                collect([r])
            conn.send(encode_command([b"FLUSHALL"]))
            r = Reader(conn, Step(0, "FLUSHALL", "send"))
            collect([r])
            if r.buf != b"+OK\r\n":
                raise RuntimeError("%s: FLUSHALL replied %r %s" % (self.label, r.buf, r.status))
        finally:
            conn.close()


# ---------------------------------------------------------------------------------------------
# Running scripts
# ---------------------------------------------------------------------------------------------

def render(buf, status):
    text = repr(buf)
    if len(text) > int(os.environ.get("DIFF_MAX_TEXT", "3000")):
        text = text[:3000] + "...(%d bytes)" % len(buf)
    return text + (" + " + status if status else "")


def outcome(reader, mode):
    """What gets compared for one side of a step."""
    if mode == "exact":
        return (reader.buf, reader.status)
    nodes, complete = split_replies(reader.buf)
    if mode == "shape":
        return (tuple(shape(n) for n in nodes), complete, reader.status)
    if mode == "pairs":
        return (tuple(canonical_pairs(n) for n in nodes), complete, reader.status)
    if mode == "docs":
        return (tuple(prose_masked(n) for n in nodes), complete, reader.status)
    if mode == "debugobject":
        return (tuple(debug_object_masked(n) for n in nodes), complete, reader.status)
    # sorted: the elements of every aggregate, recursively, as a sorted multiset
    return (tuple(canonical(n) for n in nodes), complete, reader.status)


class Runner:
    def __init__(self, ref, cand, verbose=False):
        self.ref = ref
        self.cand = cand
        self.verbose = verbose
        self.passed = 0
        self.failed = 0
        self.failed_by_script = {}
        self.warned_flushall = False
        self.reported_deaths = set()

    def run_script(self, script):
        password = None
        for i, arg in enumerate(script.config[:-1]):
            if arg.lstrip("-").lower() == "requirepass":
                password = script.config[i + 1]
        for server in (self.ref, self.cand):
            server.start(script.config)
            try:
                server.flushall(password)
            except (OSError, RuntimeError) as e:
                # A server without a working FLUSHALL (early Tandem): a fresh one is empty.
                if server.external:
                    raise
                if not self.warned_flushall:
                    print("note: %s; restarting that server before each script instead" % e)
                    self.warned_flushall = True
                server.stop()
                server.start(script.config)
        conns = {}
        current = "main"

        def get_conns(name):
            if name not in conns:
                conns[name] = (Conn(self.ref.addr), Conn(self.cand.addr))
            return conns[name]

        try:
            for step in script.steps:
                if step.kind == "sleep":
                    time.sleep(step.seconds)
                    continue
                if step.kind == "conn":
                    current = step.conn
                    continue
                if step.kind == "reconnect":
                    if current in conns:
                        for c in conns.pop(current):
                            c.close()
                    continue
                pair = get_conns(current)
                pair[0].send(step.payload)
                pair[1].send(step.payload)
                readers = [Reader(pair[0], step), Reader(pair[1], step)]
                collect(readers)
                self.compare(script, step, readers)
        finally:
            for pair in conns.values():
                for c in pair:
                    c.close()
            for server in (self.ref, self.cand):
                death = server.died()
                if death:
                    if server.label not in self.reported_deaths:
                        print("ERROR %s: %s %s during the script; log tail:\n%s"
                              % (script.name, server.label, death, server.log_tail()))
                        self.failed += 1
                        self.failed_by_script[script.name] = \
                            self.failed_by_script.get(script.name, 0) + 1
                    server.stop()
            self.reported_deaths.clear()

    def compare(self, script, step, readers):
        a, b = readers
        ok = outcome(a, step.mode) == outcome(b, step.mode)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            self.failed_by_script[script.name] = self.failed_by_script.get(script.name, 0) + 1
        if not ok or self.verbose:
            print("%s %s:%d: %s" % ("ok  " if ok else "FAIL", script.name, step.lineno,
                                    step.text))
            print("    %-7s %s" % (self.ref.label + ":", render(a.buf, a.status)))
            if not ok or self.verbose > 1:
                print("    %-7s %s" % (self.cand.label + ":", render(b.buf, b.status)))
            for server, reader in ((self.ref, a), (self.cand, b)):
                death = server.died() if reader.status == CLOSED else None
                if death and server.label not in self.reported_deaths:
                    self.reported_deaths.add(server.label)
                    print("    %s %s (after the previous step or this one); log tail:\n%s"
                          % (server.label, death, server.log_tail()))
            sys.stdout.flush()


def matches(name, patterns):
    for pattern in patterns:
        for p in pattern.split(","):
            p = p.strip()
            if not p:
                continue
            if any(ch in p for ch in "*?["):
                if fnmatch.fnmatch(name, p):
                    return True
            elif p in name:
                return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", default=[],
                    help="run only scripts whose file name contains PATTERN (or matches a glob); "
                         "repeatable, comma-separated")
    ap.add_argument("--skip", action="append", default=[], help="skip matching scripts")
    ap.add_argument("--redis-vs-redis", action="store_true",
                    help="run redis-server on both sides (checks scripts are deterministic)")
    ap.add_argument("--tandem", default=DEFAULT_TANDEM, help="Tandem server binary")
    ap.add_argument("--redis", default=shutil.which("redis-server") or "redis-server",
                    help="reference redis-server binary")
    ap.add_argument("-v", "--verbose", action="count", default=0,
                    help="print every step with the reference reply (-vv: both replies)")
    ap.add_argument("scripts", nargs="*", help="script files (default: scripts/*.txt)")
    opts = ap.parse_args()

    paths = opts.scripts or sorted(
        os.path.join(SCRIPTS_DIR, f) for f in os.listdir(SCRIPTS_DIR) if f.endswith(".txt"))
    names = [os.path.basename(p) for p in paths]
    selected = [p for p, n in zip(paths, names)
                if (not opts.only or matches(n, opts.only)) and not matches(n, opts.skip)]
    try:
        scripts = [parse_script(p) for p in selected]
    except ScriptError as e:
        print("script error: %s" % e)
        return 2

    workdir = tempfile.mkdtemp(prefix="tandem-diff-")
    ref = Server("redis", binary=opts.redis, workdir=workdir)
    tandem_addr = os.environ.get("TANDEM_ADDR")
    if opts.redis_vs_redis:
        cand = Server("redis2", binary=opts.redis, workdir=workdir)
    elif tandem_addr:
        host, _, port = tandem_addr.rpartition(":")
        cand = Server("tandem", addr=(host or "127.0.0.1", int(port)))
    else:
        if not os.access(opts.tandem, os.X_OK):
            print("Tandem binary %s not found (use --tandem, TANDEM_ADDR or --redis-vs-redis)"
                  % opts.tandem)
            return 2
        cand = Server("tandem", binary=os.path.abspath(opts.tandem), workdir=workdir)

    runner = Runner(ref, cand, verbose=opts.verbose)
    skipped = []
    started = time.monotonic()
    try:
        for script in scripts:
            if script.config and cand.external:
                skipped.append(script.name)
                print("skipping %s: needs server arguments %s and TANDEM_ADDR is set"
                      % (script.name, script.config))
                continue
            try:
                runner.run_script(script)
            except (OSError, RuntimeError) as e:
                runner.failed += 1
                runner.failed_by_script[script.name] = \
                    runner.failed_by_script.get(script.name, 0) + 1
                print("ERROR %s: %s" % (script.name, e))
                for server in (ref, cand):
                    server.stop()
    finally:
        ref.stop()
        cand.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    if runner.failed_by_script:
        print("failures by script: " + ", ".join(
            "%s=%d" % kv for kv in sorted(runner.failed_by_script.items())))
    print("(%d scripts in %.1fs%s)" % (len(scripts) - len(skipped), time.monotonic() - started,
                                       ", %d skipped" % len(skipped) if skipped else ""))
    print("%d passed, %d failed" % (runner.passed, runner.failed))
    return 1 if runner.failed else 0


if __name__ == "__main__":
    sys.exit(main())
