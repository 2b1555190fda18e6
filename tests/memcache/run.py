#!/usr/bin/env python3
"""Byte-exact transcripts of the memcached door: Tandem against a real memcached 1.6.18.

Replays tests/memcache/scripts/*.txt against memcached (started here, -t 2) and Tandem's
memcached port over raw sockets and compares every reply byte for byte, then runs the
cross-protocol and eviction checks (Tandem only, RESP and memcached on the same keyspace).

Script syntax, one step per line ('#' starts a comment line):
  <bytes>          sent as is after escapes (\\r \\n \\t \\xHH \\\\) and {x*N} (N copies of x);
                   "\\r\\n" is NOT added. {cas} is the CAS of the last VALUE line this server
                   sent on this connection, {badcas} one that cannot match. The reply is read
                   up to an "MN\\r\\n" sentinel (mn\\r\\n is sent after the step).
  !raw <bytes>     no sentinel: read until 200 ms pass without bytes, or the server closes.
  !names <bytes>   compare only the STAT names of the reply (stats with live numbers).
  !stats a,b,...   send "stats" and compare the values of the named fields.
  !conn <n>        switch to connection n (opened on first use).
  !sleep <s>       wait.
Replies are compared after CAS values are renamed in order of appearance, and metadump's
times (la=, exp=) are masked. Exit status non-zero on any difference.
"""
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SENTINEL = b"mn\r\n"
SLOW = os.environ.get("TANDEM_SANITIZER") is not None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            raise RuntimeError("server exited early")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError("server did not start on port %d" % port)


def expand(text):
    text = re.sub(r"\{(.)\*(\d+)\}", lambda m: m.group(1) * int(m.group(2)), text)
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            if n in "rnt\\":
                out += {"r": b"\r", "n": b"\n", "t": b"\t", "\\": b"\\"}[n]
                i += 2
                continue
            if n == "x":
                out.append(int(text[i + 2:i + 4], 16))
                i += 4
                continue
        out += c.encode("latin1")
        i += 1
    return bytes(out)


class Conn:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.closed = False
        self.last_cas = b"0"

    def read_quiet(self, quiet=0.2):
        out = b""
        self.sock.settimeout(quiet * (4 if SLOW else 1))
        try:
            while True:
                b = self.sock.recv(65536)
                if not b:
                    self.closed = True
                    return out + b"<closed>"
                out += b
        except socket.timeout:
            return out

    def read_until(self, suffix, timeout=3.0, count=1):
        out = b""
        end = time.time() + timeout * (5 if SLOW else 1)
        while not out.endswith(suffix) or out.count(suffix) < count:
            self.sock.settimeout(max(0.01, end - time.time()))
            try:
                b = self.sock.recv(65536)
            except socket.timeout:
                return out + b"<timeout>"
            if not b:
                self.closed = True
                return out + b"<closed>"
            out += b
        return out

    def step(self, data, sentinel):
        if self.closed:
            return b"<closed>"
        data = data.replace(b"{cas}", self.last_cas)
        data = data.replace(b"{badcas}", str(int(self.last_cas) + 1000000).encode())
        try:
            self.sock.sendall(data + (SENTINEL if sentinel else b""))
        except OSError:
            self.closed = True
            return b"<closed>"
        # A step may hold its own "mn" lines: wait for their replies and the sentinel's.
        mns = data.count(SENTINEL) + 1
        reply = self.read_until(b"MN\r\n", count=mns) if sentinel else self.read_quiet()
        m = re.findall(rb"^VALUE \S+ \d+ \d+ (\d+)\r\n|^(?:HD|VA)(?=[ \r])[^\r]* c(\d+)", reply, re.M)
        m = [a or b for a, b in m]
        if m:
            self.last_cas = m[-1]
        return reply


def normalize(reply, cas_names):
    def rename(m):
        v = m.group(2)
        cas_names.setdefault(v, b"c%d" % (len(cas_names) + 1))
        return m.group(1) + cas_names[v]

    reply = re.sub(rb"(^VALUE \S+ \d+ \d+ )(\d+)", rename, reply, flags=re.M)
    reply = re.sub(rb"( cas=)(\d+)", rename, reply)
    # meta replies' c flag
    reply = re.sub(rb"^(?:HD|VA|EX|NS|NF)(?=[ \r])[^\r]*", lambda m: re.sub(rb"( c)(\d+)", rename, m.group(0)),
                   reply, flags=re.M)
    reply = re.sub(rb"la=\d+", b"la=T", reply)
    reply = re.sub(rb"exp=(?!-1 )-?\d+", b"exp=T", reply)  # -1: no expiry
    return reply


def stat_names(reply):
    return b" ".join(re.findall(rb"^STAT (\S+)", reply, re.M)) + b" | " + reply[-5:]


class Side:
    def __init__(self, port):
        self.port = port
        self.conns = {}
        self.cas_names = {}

    def conn(self, n):
        if n not in self.conns:
            self.conns[n] = Conn(self.port)
        return self.conns[n]

    def close(self):
        for c in self.conns.values():
            c.sock.close()
        self.conns = {}
        self.cas_names = {}


def run_script(path, ref, tandem, verbose):
    failures = 0
    steps = 0
    for side in (ref, tandem):
        c = Conn(side.port)
        c.step(b"flush_all\r\n", True)
        c.sock.close()
    current = 0
    with open(path, encoding="latin1") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            sentinel, names = True, False
            if line.startswith("!conn "):
                current = int(line.split()[1])
                continue
            if line.startswith("!sleep "):
                time.sleep(float(line.split()[1]))
                continue
            fields = None
            if line.startswith("!stats "):
                fields, line = line.split()[1].split(","), "stats\\r\\n"
            if line.startswith("!raw "):
                sentinel, line = False, line[5:]
            elif line.startswith("!names "):
                names, line = True, line[7:]
            data = expand(line)
            replies = []
            for side in (ref, tandem):
                r = side.conn(current).step(data, sentinel)
                if fields:
                    stats = dict(re.findall(rb"^STAT (\S+) (\S+)", r, re.M))
                    r = b" ".join(b"%s=%s" % (f.encode(), stats.get(f.encode(), b"?"))
                                  for f in fields)
                replies.append(stat_names(r) if names else normalize(r, side.cas_names))
            steps += 1
            if replies[0] != replies[1]:
                failures += 1
                print("FAIL %s:%d  %s" % (os.path.basename(path), lineno, line[:120]))
                print("  memcached: %r" % replies[0][:2000])
                print("  tandem:    %r" % replies[1][:2000])
            elif verbose:
                print("ok   %s:%d  %r" % (os.path.basename(path), lineno, replies[0][:200]))
    ref.close()
    tandem.close()
    return steps, failures


# ---- Tandem only: one keyspace with RESP, eviction ----------------------------------------

def resp(sock, *args):
    req = b"*%d\r\n" % len(args)
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        req += b"$%d\r\n%s\r\n" % (len(a), a)
    sock.sendall(req)
    return read_resp(sock)


def read_resp(sock):
    buf = b""
    sock.settimeout(5)

    def need(n):
        nonlocal buf
        while len(buf) < n:
            b = sock.recv(65536)
            if not b:
                raise RuntimeError("closed")
            buf += b

    def line():
        nonlocal buf
        while b"\r\n" not in buf:
            need(len(buf) + 1)
        i = buf.index(b"\r\n")
        l, buf = buf[:i], buf[i + 2:]
        return l

    def value():
        nonlocal buf
        l = line()
        t = l[:1]
        if t in (b"+", b"-", b":"):
            return l
        if t == b"$":
            n = int(l[1:])
            if n < 0:
                return None
            need(n + 2)
            v, buf = buf[:n], buf[n + 2:]
            return v
        if t == b"*":
            n = int(l[1:])
            return None if n < 0 else [value() for _ in range(n)]
        raise RuntimeError("bad reply %r" % l)

    return value()


class Checker:
    def __init__(self):
        self.failures = 0
        self.count = 0

    def eq(self, what, got, want):
        self.count += 1
        if got != want:
            self.failures += 1
            print("FAIL %s: got %r, want %r" % (what, got, want))


def cross_protocol(port, mport, ck):
    r = socket.create_connection(("127.0.0.1", port))
    m = Conn(mport)
    resp(r, "FLUSHALL")
    ck.eq("memcached set -> RESP GET", (m.step(b"set k1 7 0 5\r\nhello\r\n", True),
                                        resp(r, "GET", "k1")), (b"STORED\r\nMN\r\n", b"hello"))
    resp(r, "SET", "k2", "from-resp")
    ck.eq("RESP SET -> memcached get", m.step(b"get k2\r\n", True),
          b"VALUE k2 0 9\r\nfrom-resp\r\nEND\r\nMN\r\n")
    resp(r, "SET", "n", "41")
    resp(r, "INCR", "n")
    ck.eq("RESP INCR -> memcached get", m.step(b"get n\r\n", True), b"VALUE n 0 2\r\n42\r\nEND\r\nMN\r\n")
    ck.eq("memcached incr -> RESP GET", (m.step(b"incr n 8\r\n", True), resp(r, "GET", "n")),
          (b"50\r\nMN\r\n", b"50"))
    resp(r, "APPEND", "k1", "!")
    ck.eq("RESP APPEND keeps flags", m.step(b"get k1\r\n", True),
          b"VALUE k1 7 6\r\nhello!\r\nEND\r\nMN\r\n")
    # Any RESP write changes the CAS: a stale cas is refused.
    m.step(b"gets k1\r\n", True)
    cas = m.last_cas
    resp(r, "SET", "k1", "other")
    ck.eq("RESP write invalidates CAS", m.step(b"cas k1 0 0 1 " + cas + b"\r\nx\r\n", True),
          b"EXISTS\r\nMN\r\n")
    m.step(b"gets k1\r\n", True)
    ck.eq("fresh CAS stores", m.step(b"cas k1 0 0 1 {cas}\r\nx\r\n", True), b"STORED\r\nMN\r\n")
    resp(r, "EXPIRE", "k1", "100")
    ck.eq("touch -> TTL", (m.step(b"touch k1 500\r\n", True), resp(r, "TTL", "k1")),
          (b"TOUCHED\r\nMN\r\n", b":500"))
    resp(r, "DEL", "k2")
    ck.eq("RESP DEL -> miss", m.step(b"get k2\r\n", True), b"END\r\nMN\r\n")
    # Other types (when their family is there): a miss, untouched, replaced by set.
    if resp(r, "RPUSH", "list", "a") == b":1":
        ck.eq("list is a miss", m.step(b"get list\r\n", True), b"END\r\nMN\r\n")
        ck.eq("append to a list", m.step(b"append list 0 0 1\r\nx\r\n", True),
              b"NOT_STORED\r\nMN\r\n")
        ck.eq("cas on a list", m.step(b"cas list 0 0 1 1\r\nx\r\n", True),
              b"NOT_STORED\r\nMN\r\n")
        ck.eq("list untouched", resp(r, "TYPE", "list"), b"+list")
        ck.eq("set replaces a list",
              (m.step(b"set list 0 0 1\r\nx\r\n", True), resp(r, "GET", "list")),
              (b"STORED\r\nMN\r\n", b"x"))
    # WATCH sees memcached writes (when transactions are there).
    w = socket.create_connection(("127.0.0.1", port))
    if resp(w, "WATCH", "k1") == b"+OK":
        m.step(b"set k1 0 0 1\r\ny\r\n", True)
        resp(w, "MULTI")
        resp(w, "GET", "k1")
        ck.eq("memcached set aborts EXEC", resp(w, "EXEC"), None)
    w.close()
    # Keyspace notifications (when pub/sub is there).
    w = socket.create_connection(("127.0.0.1", port))
    resp(r, "CONFIG", "SET", "notify-keyspace-events", "KEA")
    sub = resp(w, "SUBSCRIBE", "__keyspace@0__:k1")
    if isinstance(sub, list):
        m.step(b"set k1 0 0 1\r\nz\r\n", True)
        ck.eq("keyspace notification", read_resp(w), [b"message", b"__keyspace@0__:k1", b"set"])
    resp(r, "CONFIG", "SET", "notify-keyspace-events", "")
    w.close()
    # A delayed flush_all empties the database when its time comes, seen over RESP without
    # any memcached request in between; a RESP write after that time stays.
    m.step(b"set d1 0 0 1\r\nx\r\nflush_all 3\r\n", True)  # at the start of the 2nd second
    ck.eq("before the delayed flush", resp(r, "EXISTS", "d1"), b":1")
    time.sleep(2.5)
    ck.eq("after the delayed flush (RESP)", resp(r, "EXISTS", "d1"), b":0")
    resp(r, "SET", "d2", "y")
    ck.eq("written after the flush time", m.step(b"get d2\r\n", True),
          b"VALUE d2 0 1\r\ny\r\nEND\r\nMN\r\n")
    # memcached-db: another database.
    ck.eq("flags survive RESP reads", m.step(b"set f 4294967295 0 1\r\nv\r\nget f\r\n", True),
          b"STORED\r\nVALUE f 4294967295 1\r\nv\r\nEND\r\nMN\r\n")
    r.close()
    m.sock.close()


def item_fates(port, mport, ck):
    """What memcached counts about an item's end: get_expired (a command's lookup met it
    expired), reclaimed and expired_unfetched (the expiry cycle or flush_all removed it, and
    it had never been read); evicted_unfetched is checked in eviction()."""
    r = socket.create_connection(("127.0.0.1", port))
    m = Conn(mport)

    def stats(*names):
        reply = m.step(b"stats\r\n", True)
        return tuple(int(re.search(rb"STAT %s (\d+)" % n.encode(), reply).group(1))
                     for n in names)

    fates = ("get_expired", "reclaimed", "expired_unfetched")
    resp(r, "FLUSHALL")
    resp(r, "DEBUG", "SET-ACTIVE-EXPIRE", "0")
    m.step(b"stats reset\r\nset a 0 1 1\r\nx\r\nset b 0 1 1\r\nx\r\nset c 0 1 1\r\nx\r\n"
           b"get c\r\n", True)
    time.sleep(1.3)
    m.step(b"get a\r\n", True)
    ck.eq("a get meets an expired item", stats(*fates), (1, 0, 0))
    resp(r, "DEBUG", "SET-ACTIVE-EXPIRE", "1")
    end = time.time() + 5
    while stats("curr_items") != (0,) and time.time() < end:
        time.sleep(0.05)
    ck.eq("the expiry cycle reclaims b (unfetched) and c", stats(*fates), (1, 2, 1))
    m.step(b"set x 0 0 1\r\nx\r\nset y 0 0 1\r\ny\r\nget y\r\nflush_all\r\n", True)
    ck.eq("flush_all reclaims x (unfetched) and y", stats(*fates), (1, 4, 2))
    m.step(b"stats reset\r\n", True)
    ck.eq("stats reset", stats(*fates), (0, 0, 0))
    # me's slab class follows memcached 1.6.18's default classes (96, 120, ... 600, ... 5680).
    for size, cls in ((50, 2), (500, 9), (5000, 19)):
        reply = m.step(b"set sz 0 0 %d\r\n%s\r\nme sz\r\n" % (size, b"x" * size), True)
        ck.eq("me cls for a %d-byte value" % size, re.search(rb"cls=(\d+)", reply).group(1),
              b"%d" % cls)
    # A RESP read fetches the item too.
    m.step(b"set z 0 0 1\r\nz\r\n", True)
    resp(r, "GET", "z")
    reply = m.step(b"mg z h\r\nme z\r\n", True)
    ck.eq("RESP GET fetches", (reply[:7], b" fetch=yes " in reply), (b"HD h1\r\n", True))
    r.close()
    m.sock.close()


def eviction(tandem_bin, ck, noeviction):
    port, mport = free_port(), free_port()
    policy = "noeviction" if noeviction else "allkeys-lru"
    tmp = tempfile.mkdtemp()
    proc = subprocess.Popen([tandem_bin, "--port", str(port), "--memcached-port", str(mport),
                             "--bind", "127.0.0.1", "--save", "", "--maxmemory", "4mb",
                             "--maxmemory-policy", policy], cwd=tmp,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(mport, proc)
        m = Conn(mport)
        value = b"v" * 1000
        n = 8000
        replies = b""
        batch = 200
        for i in range(0, n, batch):
            req = b"".join(b"set key:%d 0 0 %d\r\n%s\r\n" % (j, len(value), value)
                           for j in range(i, i + batch))
            m.sock.sendall(req + SENTINEL)
            replies += m.read_until(b"MN\r\n", 20)
        stats = m.step(b"stats\r\n", True)
        evictions = int(re.search(rb"STAT evictions (\d+)", stats).group(1))
        items = int(re.search(rb"STAT curr_items (\d+)", stats).group(1))
        if noeviction:
            ck.eq("noeviction refuses stores",
                  b"SERVER_ERROR out of memory storing object\r\n" in replies, True)
            ck.eq("noeviction evicts nothing", evictions, 0)
            r = socket.create_connection(("127.0.0.1", port))
            ck.eq("RESP OOM under noeviction", resp(r, "SET", "x", "y")[:4], b"-OOM")
            r.close()
        else:
            ck.eq("all stores succeed under LRU", replies.count(b"STORED\r\n"), n)
            ck.eq("evictions counted", evictions > 0 and items + evictions == n, True)
            unfetched = int(re.search(rb"STAT evicted_unfetched (\d+)", stats).group(1))
            ck.eq("evicted items were never fetched", unfetched, evictions)
            ck.eq("memory back under the cap", items < n, True)
        m.sock.close()
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def busy_port(tandem_bin, ck):
    """A taken memcached port stops start-up, as a taken Redis port does; 0 opens no door."""
    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    holder.bind(("127.0.0.1", 0))
    holder.listen(1)
    taken = holder.getsockname()[1]
    tmp = tempfile.mkdtemp()
    try:
        for mport, want_exit in ((taken, True), (0, False)):
            port = free_port()
            proc = subprocess.Popen([tandem_bin, "--port", str(port), "--memcached-port",
                                     str(mport), "--bind", "127.0.0.1", "--save", ""], cwd=tmp,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            try:
                if want_exit:
                    out = proc.communicate(timeout=20)[0]
                    ck.eq("busy memcached port: exit status", proc.returncode != 0, True)
                    ck.eq("busy memcached port: message",
                          b"Failed listening on memcached port %d" % taken in out, True)
                else:
                    wait_port(port, proc)
                    ck.eq("memcached-port 0 serves RESP", proc.poll(), None)
            finally:
                if proc.poll() is None:
                    proc.terminate()
                    proc.communicate()
    finally:
        holder.close()
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tandem", default=os.path.join(ROOT, "build", "tandem-server"))
    ap.add_argument("--memcached", default="memcached")
    ap.add_argument("--only", default="")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    args.tandem = os.path.abspath(args.tandem)
    if not shutil.which(args.memcached):
        print("memcached not found (apt-get install memcached)")
        return 1
    tmp = tempfile.mkdtemp()
    mc_port, port, mport = free_port(), free_port(), free_port()
    user = ["-u", "root"] if os.geteuid() == 0 else []
    ref = subprocess.Popen([args.memcached, "-p", str(mc_port), "-l", "127.0.0.1", "-U", "0",
                            "-t", "2"] + user, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        tandem = subprocess.Popen([args.tandem, "--port", str(port), "--memcached-port",
                                   str(mport), "--bind", "127.0.0.1", "--save", "",
                                   "--io-threads", "2", "--maxclients", "1024",
                                   "--enable-debug-command", "local"], cwd=tmp,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        ref.terminate()
        raise
    steps = failures = 0
    try:
        wait_port(mc_port, ref)
        wait_port(mport, tandem)
        scripts = sorted(f for f in os.listdir(os.path.join(HERE, "scripts")) if f.endswith(".txt"))
        for name in scripts:
            if args.only and not any(o in name for o in args.only.split(",")):
                continue
            s, f = run_script(os.path.join(HERE, "scripts", name), Side(mc_port), Side(mport),
                              args.v)
            steps += s
            failures += f
        if not args.only:
            ck = Checker()
            cross_protocol(port, mport, ck)
            item_fates(port, mport, ck)
            eviction(args.tandem, ck, noeviction=False)
            eviction(args.tandem, ck, noeviction=True)
            busy_port(args.tandem, ck)
            steps += ck.count
            failures += ck.failures
    finally:
        for p in (ref, tandem):
            p.terminate()
            p.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (steps - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
