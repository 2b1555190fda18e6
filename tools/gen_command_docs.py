#!/usr/bin/env python3
"""Generates server/commands/command_docs_data.cc from redis-server 7.0.15.

It reads COMMAND INFO and COMMAND DOCS for each requested command (over raw RESP3, so
the exact reply types are seen) and writes the facts -- arity, flags, key positions, ACL
categories, tips, key specifications, since/group/doc_flags/deprecation, argument trees,
history versions -- as constexpr C++ data: the whole of command_docs_data.cc, which holds
nothing else (the code that reads the data is command_docs.cc). Prose is never copied from Redis: summaries, complexity descriptions,
history descriptions and key-spec notes come from tools/command_summaries.tsv, written
in our own words (bare formulas such as "O(1)" or "O(log(N))" are facts and are kept).

Usage:
  tools/gen_command_docs.py                  # all commands in the reference TSV
  tools/gen_command_docs.py get set client   # a subset (parents bring all subcommands)
  tools/gen_command_docs.py --missing        # print the summary rows still to write
  tools/gen_command_docs.py --verify         # compile the data and compare its replies
                                             # with redis-server's, byte for byte
Options: --port N uses a running redis-server instead of starting one on a free port;
--commands FILE reads names from a TSV whose first column is the name.
"""

import argparse
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_COMMANDS = os.path.join(ROOT, "tools", "redis-7.0-commands.tsv")
SUMMARIES = os.path.join(ROOT, "tools", "command_summaries.tsv")
OUTPUT = os.path.join(ROOT, "server", "commands", "command_docs_data.cc")
READER = os.path.join(ROOT, "server", "commands", "command_docs.cc")
EXPECTED_VERSION = "7.0.15"

# Fixed orders in which Redis 7.0 prints flags and fields; the generator rejects anything
# else so a new Redis field cannot slip through unnoticed.
ARG_TYPES = {"string": "kString", "integer": "kInteger", "double": "kDouble", "key": "kKey",
             "pattern": "kPattern", "unix-time": "kUnixTime", "pure-token": "kPureToken",
             "oneof": "kOneOf", "block": "kBlock"}
ARG_FLAGS = ["optional", "multiple", "multiple_token"]
ARG_FLAG_NAMES = ["kArgOptional", "kArgMultiple", "kArgMultipleToken"]
KEY_FLAGS = ["RO", "RW", "OW", "RM", "access", "update", "insert", "delete", "not_key",
             "incomplete", "variable_flags"]
KEY_FLAG_NAMES = ["kKeyRO", "kKeyRW", "kKeyOW", "kKeyRM", "kKeyAccess", "kKeyUpdate",
                  "kKeyInsert", "kKeyDelete", "kKeyNotKey", "kKeyIncomplete",
                  "kKeyVariableFlags"]
DOC_FLAGS = ["deprecated", "syscmd"]
DOC_FLAG_NAMES = ["kDocDeprecated", "kDocSyscmd"]
ARG_FIELDS = ["name", "type", "key_spec_index", "token", "summary", "since",
              "deprecated_since", "flags", "arguments"]
DOC_FIELDS = ["summary", "since", "group", "complexity", "doc_flags", "deprecated_since",
              "replaced_by", "history", "arguments", "subcommands"]
BARE_FORMULA = re.compile(r"O\([^()]*(\([^()]*\))?[^()]*\)")


# ---------------------------------------------------------------------------------------
# RESP3 client that keeps reply types: every value is (type_char, payload).

class Resp3:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.buf = b""

    def _fill(self):
        data = self.sock.recv(1 << 20)
        if not data:
            raise ConnectionError("server closed the connection")
        self.buf += data

    def _line(self):
        while b"\r\n" not in self.buf:
            self._fill()
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def _bytes(self, n):
        while len(self.buf) < n + 2:
            self._fill()
        data, self.buf = self.buf[:n], self.buf[n + 2:]
        return data

    def read(self):
        return parse_value(self._line, self._bytes)

    def call(self, *args):
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = a.encode() if isinstance(a, str) else a
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        self.sock.sendall(out)
        reply = self.read()
        if reply[0] == "-":
            raise RuntimeError("redis error for %r: %s" % (args, reply[1]))
        return reply


def parse_value(next_line, next_bytes):
    line = next_line()
    t, rest = chr(line[0]), line[1:].decode()
    if t in "+-":
        return (t, rest)
    if t == ":":
        return (t, int(rest))
    if t in "$=":
        return (t, next_bytes(int(rest)).decode())
    if t in "*~":
        return (t, [parse_value(next_line, next_bytes) for _ in range(int(rest))])
    if t == "%":
        return (t, [(parse_value(next_line, next_bytes), parse_value(next_line, next_bytes))
                    for _ in range(int(rest))])
    if t == "_":
        return (t, None)
    raise ValueError("unexpected RESP3 line %r" % line)


def parse_all(data):
    """Parses a byte string holding consecutive RESP3 values."""
    pos = 0

    def next_line():
        nonlocal pos
        end = data.index(b"\r\n", pos)
        line, pos = data[pos:end], end + 2
        return line

    def next_bytes(n):
        nonlocal pos
        chunk, pos = data[pos:pos + n], pos + n + 2
        return chunk

    values = []
    while pos < len(data):
        values.append(parse_value(next_line, next_bytes))
    return values


def serialize(v):
    t, p = v
    if t in "+-":
        return ("%s%s\r\n" % (t, p)).encode()
    if t == ":":
        return b":%d\r\n" % p
    if t in "$=":
        b = p.encode()
        return t.encode() + b"%d\r\n%s\r\n" % (len(b), b)
    if t in "*~":
        return ("%s%d\r\n" % (t, len(p))).encode() + b"".join(serialize(x) for x in p)
    if t == "%":
        return b"%%%d\r\n" % len(p) + b"".join(serialize(k) + serialize(x) for k, x in p)
    if t == "_":
        return b"_\r\n"
    raise ValueError(t)


def as_map(v, what):
    if v[0] != "%":
        raise ValueError("%s: expected a map, got %r" % (what, v[0]))
    out = {}
    for k, x in v[1]:
        out[k[1]] = x
    return out, [k[1] for k, _ in v[1]]


def check_order(keys, allowed, what):
    pos = [allowed.index(k) if k in allowed else -1 for k in keys]
    if -1 in pos or pos != sorted(pos):
        raise ValueError("%s: unexpected fields or order %r" % (what, keys))


def flag_bits(items, names, what):
    values = [x[1] for x in items]
    check_order(values, names, what)
    return [names.index(x) for x in values]


# ---------------------------------------------------------------------------------------
# Reference server.

def free_port():
    for _ in range(100):
        port = random.randint(20000, 60000)
        s = socket.socket()
        try:
            s.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
        finally:
            s.close()
    raise RuntimeError("no free port")


class Server:
    """A throwaway redis-server on a free loopback port, or a running one (--port)."""

    def __init__(self, port=None):
        self.proc = None
        if port is None:
            port = free_port()
            self.proc = subprocess.Popen(
                ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--daemonize", "no", "--logfile", ""],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.time() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port)).close()
                    break
                except OSError:
                    if time.time() > deadline or self.proc.poll() is not None:
                        self.stop()
                        raise RuntimeError("redis-server did not start")
                    time.sleep(0.05)
        self.port = port
        self.conn = Resp3(port)
        self.conn.call("HELLO", "3")
        info = self.conn.call("INFO", "server")[1]
        version = re.search(r"redis_version:(\S+)", info).group(1)
        if version != EXPECTED_VERSION:
            print("warning: reference is redis %s, expected %s" % (version, EXPECTED_VERSION),
                  file=sys.stderr)

    def stop(self):
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait()
            self.proc = None


# ---------------------------------------------------------------------------------------
# Model: plain dicts built from the typed replies.

def parse_key_spec(v, what):
    m, keys = as_map(v, what)
    check_order(keys, ["notes", "flags", "begin_search", "find_keys"], what)
    spec = {"notes": m["notes"][1] if "notes" in m else None,
            "flags": flag_bits(m["flags"][1], KEY_FLAGS, what + " flags")}
    bs, _ = as_map(m["begin_search"], what)
    bs_spec, bs_keys = as_map(bs["spec"], what)
    spec["bs_type"] = bs["type"][1]
    if spec["bs_type"] == "index":
        assert bs_keys == ["index"], what
        spec["bs"] = {"index": bs_spec["index"][1]}
    elif spec["bs_type"] == "keyword":
        assert bs_keys == ["keyword", "startfrom"], what
        spec["bs"] = {"keyword": bs_spec["keyword"][1], "startfrom": bs_spec["startfrom"][1]}
    else:
        assert spec["bs_type"] == "unknown" and not bs_keys, what
        spec["bs"] = {}
    fk, _ = as_map(m["find_keys"], what)
    fk_spec, fk_keys = as_map(fk["spec"], what)
    spec["fk_type"] = fk["type"][1]
    if spec["fk_type"] == "range":
        assert fk_keys == ["lastkey", "keystep", "limit"], what
    elif spec["fk_type"] == "keynum":
        assert fk_keys == ["keynumidx", "firstkey", "keystep"], what
    else:
        assert spec["fk_type"] == "unknown" and not fk_keys, what
    spec["fk"] = {k: fk_spec[k][1] for k in fk_keys}
    return spec


def parse_info(v, what):
    t, e = v
    assert t == "*" and len(e) == 10, what
    cmd = {"name": e[0][1], "arity": e[1][1], "flags": [x[1] for x in e[2][1]],
           "first_key": e[3][1], "last_key": e[4][1], "step": e[5][1],
           "acl": [x[1] for x in e[6][1]], "tips": [x[1] for x in e[7][1]],
           "key_specs": [parse_key_spec(ks, "%s key spec %d" % (what, i))
                         for i, ks in enumerate(e[8][1])],
           "info_subs": {sub[1][0][1]: parse_info(sub, sub[1][0][1]) for sub in e[9][1]}}
    assert all(x[0] == "+" for x in e[2][1] + e[6][1]), what
    assert all(x[0] == "$" for x in e[7][1]), what
    return cmd


def parse_args(v, what):
    assert v[0] == "*", what
    out = []
    for a in v[1]:
        m, keys = as_map(a, what)
        check_order(keys, ARG_FIELDS, what + " argument")
        arg = {"name": m["name"][1], "type": m["type"][1],
               "key_spec_index": m["key_spec_index"][1] if "key_spec_index" in m else -1,
               "token": m.get("token", (None, None))[1], "summary": m.get("summary", (None, None))[1],
               "since": m.get("since", (None, None))[1],
               "deprecated_since": m.get("deprecated_since", (None, None))[1],
               "flags": flag_bits(m["flags"][1], ARG_FLAGS, what) if "flags" in m else [],
               "args": None}
        if arg["type"] not in ARG_TYPES:
            raise ValueError("%s: unknown argument type %s" % (what, arg["type"]))
        if arg["type"] in ("oneof", "block"):
            arg["args"] = parse_args(m["arguments"], what + "/" + arg["name"])
        else:
            assert "arguments" not in m, what
        out.append(arg)
    return out


def parse_docs(v, what):
    m, keys = as_map(v, what)
    check_order(keys, DOC_FIELDS, what + " docs")
    doc = {"summary": m.get("summary", (None, None))[1], "since": m.get("since", (None, None))[1],
           "group": m["group"][1], "complexity": m.get("complexity", (None, None))[1],
           "doc_flags": flag_bits(m["doc_flags"][1], DOC_FLAGS, what)
           if "doc_flags" in m else [],
           "deprecated_since": m.get("deprecated_since", (None, None))[1],
           "replaced_by": m.get("replaced_by", (None, None))[1],
           "history": [(h[1][0][1], h[1][1][1]) for h in m["history"][1]]
           if "history" in m else [],
           "args": parse_args(m["arguments"], what) if "arguments" in m else [],
           "doc_subs": {}}
    if "arguments" in m and not doc["args"]:
        raise ValueError("%s: empty argument list cannot be represented" % what)
    if "subcommands" in m:
        sm, _ = as_map(m["subcommands"], what)
        doc["doc_subs"] = {name: parse_docs(sv, name) for name, sv in sm.items()}
    return doc


def fetch(server, parent):
    info_reply = server.conn.call("COMMAND", "INFO", parent)
    if info_reply[1][0][0] == "_":
        raise ValueError("redis-server does not know command %s" % parent)
    cmd = parse_info(info_reply[1][0], parent)
    docs_reply = server.conn.call("COMMAND", "DOCS", parent)
    docs_map, _ = as_map(docs_reply, parent)
    cmd.update(parse_docs(docs_map[parent], parent))
    if set(cmd["info_subs"]) != set(cmd["doc_subs"]):
        raise ValueError("%s: INFO and DOCS disagree on subcommands" % parent)
    cmd["subs"] = []
    for name in sorted(cmd["info_subs"]):
        sub = cmd["info_subs"][name]
        sub.update(cmd["doc_subs"][name])
        sub["subs"] = []
        cmd["subs"].append(sub)
    return cmd


def read_names(args):
    if args.names:
        return [n.lower() for n in args.names]
    names = []
    with open(args.commands) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name = line.split("\t")[0].strip().lower()
            if name != "name":
                names.append(name)
    return names


def fetch_all(server, names):
    parents = sorted({n.split("|")[0] for n in names})
    return [fetch(server, p) for p in parents]


# ---------------------------------------------------------------------------------------
# Our own wording.

def load_summaries(path):
    """Returns {name: {"summary": s, "complexity": c, "history": [(v, text)], "notes": {i: s}}}."""
    table = {}
    if not os.path.exists(path):
        return table
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise ValueError("%s:%d: expected name<TAB>field<TAB>text" % (path, lineno))
            name, field, text = parts
            entry = table.setdefault(name, {"history": [], "notes": {}})
            kind, _, arg = field.partition(" ")
            if kind in ("summary", "complexity") and not arg:
                entry[kind] = text
            elif kind == "history" and arg:
                entry["history"].append((arg, text))
            elif kind == "note" and arg.isdigit():
                entry["notes"][int(arg)] = text
            else:
                raise ValueError("%s:%d: unknown field %r" % (path, lineno, field))
    return table


def apply_summaries(cmd, table, problems):
    """Replaces Redis prose in `cmd` (recursively) by ours; collects what is missing."""
    for c in [cmd] + cmd["subs"]:
        name = c["name"]
        ours = table.get(name, {"history": [], "notes": {}})
        missing = []
        if c["summary"] is not None:
            if not ours.get("summary"):
                missing.append("%s\tsummary\t" % name)
            c["summary"] = ours.get("summary", "")
        if c["complexity"] is not None:
            if ours.get("complexity"):
                c["complexity"] = ours["complexity"]
            elif not BARE_FORMULA.fullmatch(c["complexity"]):
                missing.append("%s\tcomplexity\t" % name)
        versions = [v for v, _ in c["history"]]
        if [v for v, _ in ours["history"]] != versions:
            missing += ["%s\thistory %s\t" % (name, v) for v in versions]
        c["history"] = ours["history"] if [v for v, _ in ours["history"]] == versions else []
        for i, ks in enumerate(c["key_specs"]):
            if ks["notes"] is not None:
                if i not in ours["notes"]:
                    missing.append("%s\tnote %d\t" % (name, i))
                ks["notes"] = ours["notes"].get(i, "")
        strip_arg_summaries(c["args"])
        problems.extend(missing)


def strip_arg_summaries(args):
    # Redis 7.0 sends no argument summaries; should one appear, drop it rather than copy it.
    for a in args or []:
        a["summary"] = None
        strip_arg_summaries(a["args"])


# ---------------------------------------------------------------------------------------
# C++ emission.

def cstr(s):
    out = []
    for ch in s:
        if ch in "\\\"":
            out.append("\\" + ch)
        elif 32 <= ord(ch) < 127:
            out.append(ch)
        else:
            out.extend("\\%03o" % b for b in ch.encode())
    return '"' + "".join(out) + '"'


def bits(indices, names):
    return " | ".join(names[i] for i in indices) if indices else ""


def wrap(items, indent, width=100):
    """Joins `items` with ", " into lines no longer than `width` where possible."""
    lines, cur = [], indent
    for i, item in enumerate(items):
        piece = item + ("," if i + 1 < len(items) else "")
        if cur.strip() and len(cur) + 1 + len(piece) > width:
            lines.append(cur.rstrip())
            cur = indent + "   " + piece
        else:
            cur += ("" if not cur.strip() else " ") + piece
    lines.append(cur.rstrip())
    return "\n".join(lines)


class Emitter:
    def __init__(self):
        self.blocks = []
        self.seen = {}
        self.counter = {}

    def array(self, prefix, ctype, elements):
        """Defines (or reuses) a constexpr array; returns its name, or None when empty."""
        if not elements:
            return None
        body = tuple(elements)
        key = (ctype, body)
        if key in self.seen:
            return self.seen[key]
        n = self.counter.get(prefix, 0)
        self.counter[prefix] = n + 1
        name = "k%s%d" % (prefix, n)
        self.seen[key] = name
        if ctype == "SV":
            self.blocks.append(wrap(["constexpr SV %s[] = {%s" % (name, elements[0])]
                                    + list(elements[1:]), "") + "};")
        else:
            self.blocks.append("constexpr %s %s[] = {\n%s\n};" % (
                ctype, name, ",\n".join(elements)))
        return name

    def strings(self, values):
        return self.array("S", "SV", [cstr(v) for v in values])

    def args(self, args):
        items = []
        for a in args:
            children = self.args(a["args"]) if a["args"] else None
            f = [".name = %s" % cstr(a["name"]), ".type = T::%s" % ARG_TYPES[a["type"]]]
            if a["key_spec_index"] != -1:
                f.append(".key_spec_index = %d" % a["key_spec_index"])
            for key in ("token", "summary", "since", "deprecated_since"):
                if a[key] is not None:
                    f.append(".%s = %s" % (key, cstr(a[key])))
            if a["flags"]:
                f.append(".flags = %s" % bits(a["flags"], ARG_FLAG_NAMES))
            if children:
                f.append(".args = %s" % children)
            items.append(wrap(["{" + f[0]] + f[1:], "    ") + "}")
        return self.array("A", "ArgDoc", items)

    def key_specs(self, specs):
        items = []
        for ks in specs:
            f = []
            if ks["notes"] is not None:
                f.append(".notes = %s" % cstr(ks["notes"]))
            if ks["flags"]:
                f.append(".flags = %s" % bits(ks["flags"], KEY_FLAG_NAMES))
            bs = [".type = BS::k%s" % ks["bs_type"].capitalize()]
            bs += [".%s = %s" % (k, cstr(v) if isinstance(v, str) else v)
                   for k, v in ks["bs"].items()]
            f.append(".begin_search = {%s}" % ", ".join(bs))
            fk = [".type = FK::k%s" % ks["fk_type"].capitalize()]
            fk += [".%s = %d" % (k, ks["fk"][k])
                   for k in ("lastkey", "keystep", "limit", "keynumidx", "firstkey")
                   if k in ks["fk"]]
            f.append(".find_keys = {%s}" % ", ".join(fk))
            items.append(wrap(["{" + f[0]] + f[1:], "    ") + "}")
        return self.array("K", "KeySpecDoc", items)

    def history(self, history):
        return self.array("H", "HistoryDoc",
                          ["    {%s, %s}" % (cstr(v), cstr(t)) for v, t in history])

    def command(self, c):
        subs = self.array("C", "CommandDoc", [self.command(s) for s in c["subs"]])
        f = [".name = %s" % cstr(c["name"]), ".arity = %d" % c["arity"]]
        refs = [("flags", self.strings(c["flags"]))]
        for key in ("first_key", "last_key", "step"):
            if c[key]:
                refs.append((key, str(c[key])))
        refs += [("acl_categories", self.strings(c["acl"])), ("tips", self.strings(c["tips"])),
                 ("key_specs", self.key_specs(c["key_specs"]))]
        f += [".%s = %s" % (k, v) for k, v in refs if v]
        for key in ("summary", "since", "group", "complexity"):
            if c[key] is not None:
                f.append(".%s = %s" % (key, cstr(c[key])))
        if c["doc_flags"]:
            f.append(".doc_flags = %s" % bits(c["doc_flags"], DOC_FLAG_NAMES))
        for key in ("deprecated_since", "replaced_by"):
            if c[key] is not None:
                f.append(".%s = %s" % (key, cstr(c[key])))
        refs = [("history", self.history(c["history"])), ("args", self.args(c["args"])),
                ("subcommands", subs)]
        f += [".%s = %s" % (k, v) for k, v in refs if v]
        return wrap(["{" + f[0]] + f[1:], "    ") + "}"


def generate(commands, names_note):
    em = Emitter()
    top = [em.command(c) for c in commands]
    out = ["// GENERATED FILE: do not edit by hand. Regenerate with tools/gen_command_docs.py, which",
           "// reads COMMAND INFO and COMMAND DOCS from redis-server %s, and check the result"
           % EXPECTED_VERSION,
           "// with tools/gen_command_docs.py --verify.",
           "// Summaries, complexity, history and notes: tools/command_summaries.tsv (our own words).",
           "// Commands: %s." % names_note,
           "// The types are in command_docs.h; the code that reads the data is command_docs.cc.",
           '#include "server/commands/command_docs.h"',
           "",
           "namespace tandem::commands {",
           "namespace {",
           "",
           "// clang-format off",
           "using SV = std::string_view;",
           "using T = ArgType;",
           "using BS = BeginSearchType;",
           "using FK = FindKeysType;",
           ""]
    out += em.blocks
    out.append("constexpr CommandDoc kCommands[] = {\n%s\n};" % ",\n".join(top))
    out += ["// clang-format on",
            "",
            "}  // namespace",
            "",
            "std::span<const CommandDoc> AllCommandDocs() { return kCommands; }",
            "",
            "}  // namespace tandem::commands",
            ""]
    return "\n".join(out)


def write_output(path, data):
    with open(path, "w") as f:
        f.write(data)


# ---------------------------------------------------------------------------------------
# Verification: compile the data with a RESP3 writer and compare with redis-server.

DRIVER = r"""
#include <cstdio>
#include <iostream>
#include <string>
#include "server/commands/command_docs.h"

using namespace tandem;

class Resp3Out : public protocol::ReplyBuilder {
 public:
  std::string out;
  void SendSimple(std::string_view s) override { Line('+', s); }
  void SendError(std::string_view s) override { Line('-', s); }
  void SendLong(long long v) override { Line(':', std::to_string(v)); }
  void SendDouble(double v) override { Line(',', std::to_string(v)); }
  void SendBulk(std::string_view s) override {
    Line('$', std::to_string(s.size()));
    out.append(s);
    out += "\r\n";
  }
  void SendNull() override { out += "_\r\n"; }
  void SendNullArray() override { out += "_\r\n"; }
  void SendBool(bool v) override { out += v ? "#t\r\n" : "#f\r\n"; }
  void SendVerbatim(std::string_view s, std::string_view) override { SendBulk(s); }
  void StartArray(size_t n) override { Line('*', std::to_string(n)); }
  void StartMap(size_t n) override { Line('%', std::to_string(n)); }
  void StartSet(size_t n) override { Line('~', std::to_string(n)); }
  void StartPush(size_t n) override { Line('>', std::to_string(n)); }

 private:
  void Line(char c, std::string_view s) {
    out += c;
    out.append(s);
    out += "\r\n";
  }
};

// A whole COMMAND INFO entry (10 elements) from the data alone, subcommands included. Note
// Redis's quirk: a command without subcommands ends with an empty *set*, a container with an
// *array* of its subcommands' entries.
void WriteInfo(const commands::CommandDoc& doc, protocol::ReplyBuilder& rb) {
  rb.StartArray(10);
  rb.SendBulk(doc.name);
  rb.SendLong(doc.arity);
  rb.StartSet(doc.flags.size());
  for (std::string_view flag : doc.flags) rb.SendSimple(flag);
  rb.SendLong(doc.first_key);
  rb.SendLong(doc.last_key);
  rb.SendLong(doc.step);
  commands::WriteAclCategories(doc, rb);
  commands::WriteTips(doc, rb);
  commands::WriteKeySpecs(doc, rb);
  if (doc.subcommands.empty()) {
    rb.StartSet(0);
    return;
  }
  rb.StartArray(doc.subcommands.size());
  for (const commands::CommandDoc& sub : doc.subcommands) WriteInfo(sub, rb);
}

int main() {
  std::string name;
  while (std::getline(std::cin, name)) {
    const commands::CommandDoc* d = commands::FindCommandDoc(name);
    Resp3Out rb;
    if (!d) {
      rb.SendNull();
      rb.SendNull();
    } else {
      WriteInfo(*d, rb);
      commands::WriteDocs(*d, rb, true);
    }
    std::fwrite(rb.out.data(), 1, rb.out.size(), stdout);
  }
}
"""

MASK = ("$", "<ours>")


def mask_docs(v):
    """Hides our own wording in a COMMAND DOCS value; sorts subcommands (Redis uses hash order)."""
    out = []
    for k, x in v[1]:
        key = k[1]
        if key in ("summary", "complexity"):
            x = MASK
        elif key == "history":
            x = (x[0], [("*", [e[1][0], MASK]) for e in x[1]])
        elif key == "arguments":
            x = mask_args(x)
        elif key == "subcommands":
            x = ("%", sorted(((sk, mask_docs(sv)) for sk, sv in x[1]), key=lambda p: p[0][1]))
        out.append((k, x))
    return ("%", out)


def mask_args(v):
    out = []
    for a in v[1]:
        out.append(("%", [(k, MASK if k[1] == "summary" else
                           mask_args(x) if k[1] == "arguments" else x) for k, x in a[1]]))
    return ("*", out)


def mask_info(v):
    e = list(v[1])
    specs = []
    for ks in e[8][1]:
        specs.append(("%", [(k, MASK if k[1] == "notes" else x) for k, x in ks[1]]))
    e[8] = (e[8][0], specs)
    e[9] = (e[9][0], sorted((mask_info(s) for s in e[9][1]), key=lambda s: s[1][0][1]))
    return ("*", e)


def verify(server, names, build_dir):
    tmp = tempfile.mkdtemp(prefix="cmddocs-", dir=build_dir)
    try:
        driver = os.path.join(tmp, "driver.cc")
        with open(driver, "w") as f:
            f.write(DRIVER)
        exe = os.path.join(tmp, "driver")
        subprocess.check_call(["g++", "-std=c++20", "-O0", "-Wall", "-Wextra",
                               "-Wno-unused-parameter", "-I", ROOT, driver, READER, OUTPUT,
                               "-o", exe])
        all_names = set(names)
        for n in names:  # parents bring all their subcommands
            if "|" not in n:
                reply = server.conn.call("COMMAND", "INFO", n)[1][0]
                all_names.update(s[1][0][1] for s in reply[1][9][1])
        all_names = sorted(all_names)
        ours_raw = subprocess.run([exe], input=("\n".join(all_names) + "\n").encode(), check=True,
                                  capture_output=True, text=False).stdout
        ours = parse_all(ours_raw)
        if serialize_all(ours) != ours_raw:
            raise AssertionError("driver output does not round-trip")
        failures = 0
        for i, name in enumerate(all_names):
            info_reply = server.conn.call("COMMAND", "INFO", name)
            docs_reply = server.conn.call("COMMAND", "DOCS", name)
            ref_info, ref_docs = info_reply[1][0], docs_reply[1][0][1]
            our_info, our_docs = ours[2 * i], ours[2 * i + 1]
            pairs = [("COMMAND INFO", serialize(mask_info(ref_info)),
                      serialize(mask_info(our_info))),
                     ("COMMAND DOCS", serialize(mask_docs(ref_docs)),
                      serialize(mask_docs(our_docs)))]
            for what, ref, our in pairs:
                if ref != our:
                    failures += 1
                    at = next((j for j, (x, y) in enumerate(zip(ref, our)) if x != y),
                              min(len(ref), len(our)))
                    print("%s: %s differs at byte %d" % (name, what, at))
                    print("  redis: %r" % ref[max(0, at - 80):at + 80])
                    print("  ours:  %r" % our[max(0, at - 80):at + 80])
        print("compared COMMAND INFO and COMMAND DOCS of %d commands with redis-server: "
              "%d replies differ" % (len(all_names), failures))
        return failures == 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def serialize_all(values):
    return b"".join(serialize(v) for v in values)


# ---------------------------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("names", nargs="*", help="commands to generate (default: --commands)")
    p.add_argument("--commands", default=DEFAULT_COMMANDS)
    p.add_argument("--summaries", default=SUMMARIES)
    p.add_argument("--output", default=OUTPUT)
    p.add_argument("--port", type=int, help="use a running redis-server on this port")
    p.add_argument("--missing", action="store_true",
                   help="print summary rows still to write and exit")
    p.add_argument("--verify", action="store_true",
                   help="compile --output and compare its replies with redis-server's")
    p.add_argument("--build-dir", default=None, help="scratch dir for --verify")
    args = p.parse_args()

    names = read_names(args)
    server = Server(args.port)
    try:
        if args.verify:
            return 0 if verify(server, names, args.build_dir) else 1
        commands = fetch_all(server, names)
        table = load_summaries(args.summaries)
        problems = []
        for c in commands:
            apply_summaries(c, table, problems)
        known = {c["name"] for top in commands for c in [top] + top["subs"]}
        unused = sorted(set(table) - known)
        if unused and not args.names:
            print("warning: %s has rows for unknown commands: %s" % (
                os.path.basename(args.summaries), " ".join(unused)), file=sys.stderr)
        if args.missing:
            if problems:
                print("\n".join(problems))
            else:
                print("nothing missing", file=sys.stderr)
            return 0
        if problems:
            print("missing rows in %s (run --missing):\n  %s" % (
                args.summaries, "\n  ".join(problems[:20])), file=sys.stderr)
            return 1
        note = "all of %s" % os.path.basename(args.commands) if not args.names else \
            " ".join(sorted({n.split("|")[0] for n in names}))
        write_output(args.output, generate(commands, note))
        total = sum(1 + len(c["subs"]) for c in commands)
        print("wrote %d commands to %s" % (total, os.path.relpath(args.output, ROOT)))
        return 0
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
