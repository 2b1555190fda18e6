#!/usr/bin/python3
"""The stock clients against a real tandem-server: redis-cli (commands, --pipe),
redis-benchmark and redis-py (Debian's python3-redis), and on the memcached port
libmemcached's memccapable -a, memccp, memccat, memcstat and pymemcache (Debian's
python3-pymemcache), used unchanged.

Starts build/tandem-server (or --tandem PATH) on a free loopback port. Run with Debian's
/usr/bin/python3, which is where python3-redis installs. Prints "N passed, M failed".
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import unittest

import redis

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVER = {"binary": os.path.join(REPO, "build", "tandem-server"), "port": 0, "proc": None,
          "mport": 0}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server():
    port = free_port()
    SERVER["mport"] = free_port()
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen([SERVER["binary"], "--port", str(port), "--bind", "127.0.0.1",
                             "--memcached-port", str(SERVER["mport"])],
                            stdout=log, stderr=subprocess.STDOUT, cwd=tempfile.gettempdir())
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            SERVER.update(port=port, proc=proc)
            return
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.05)
    proc.kill()
    log.seek(0)
    sys.exit("tandem-server did not start:\n" + log.read().decode(errors="replace"))


def cli(*args, stdin=None):
    """Runs redis-cli against the server; returns stdout as text."""
    res = subprocess.run(["redis-cli", "-p", str(SERVER["port"])] + list(args), input=stdin,
                         capture_output=True, timeout=60)
    if res.returncode != 0:
        raise AssertionError("redis-cli %s failed: %r" % (args, res.stderr))
    return res.stdout.decode()


class RedisCli(unittest.TestCase):
    def setUp(self):
        cli("FLUSHALL")

    def test_commands_print_like_redis(self):
        self.assertEqual(cli("PING"), "PONG\n")
        self.assertEqual(cli("SET", "greeting", "hello world"), "OK\n")
        self.assertEqual(cli("GET", "greeting"), "hello world\n")
        self.assertEqual(cli("INCRBY", "n", "41"), "41\n")
        self.assertEqual(cli("GET", "missing"), "\n")  # nil prints as an empty line when piped
        self.assertEqual(cli("--no-raw", "GET", "missing"), "(nil)\n")
        self.assertEqual(cli("--no-raw", "MGET", "greeting", "n"), '1) "hello world"\n2) "41"\n')
        self.assertEqual(cli("--no-raw", "INCR", "greeting"),
                         "(error) ERR value is not an integer or out of range\n")

    def test_bigkeys_and_memkeys(self):
        cli(stdin=b"RPUSH l a b c\nSADD s 1 2 3 4\nHSET h f v g w\nZADD z 1 a 2 b\n"
            b"SET str hello\nRPUSH l2 x\n")
        big = cli("--bigkeys")  # lines as redis-server 7.0.15 gives them for the same keys
        for line in ["Biggest   list found '\"l\"' has 3 items",
                     "Biggest   hash found '\"h\"' has 2 fields",
                     "Biggest string found '\"str\"' has 5 bytes",
                     "Biggest    set found '\"s\"' has 4 members",
                     "Biggest   zset found '\"z\"' has 2 members",
                     "2 lists with 4 items (33.33% of keys, avg size 2.00)",
                     "1 sets with 4 members (16.67% of keys, avg size 4.00)"]:
            self.assertIn(line, big)
        # --memkeys reports MEMORY USAGE: the accounting's real byte counts.
        mem = cli("--memkeys")
        for kind, key in [("  list", "l"), ("  hash", "h"), ("string", "str"), ("   set", "s"),
                          ("  zset", "z")]:
            usage = int(cli("MEMORY", "USAGE", key))
            self.assertGreater(usage, 0)
            self.assertIn("Biggest %s found '\"%s\"' has %d bytes" % (kind, key, usage), mem)

    def test_commands_from_stdin_and_resp3(self):
        self.assertEqual(cli(stdin=b"SET a 1\nINCR a\nGET a\n"), "OK\n2\n2\n")
        self.assertEqual(cli("-3", "--no-raw", "HELLO", "3").splitlines()[0], '1# "server" => "redis"')

    def test_pipe_mode_loads_every_command(self):
        lines = b"".join(b"*3\r\n$3\r\nSET\r\n$%d\r\nk%d\r\n$1\r\nv\r\n" % (len(b"k%d" % i), i)
                         for i in range(20000))
        out = cli("--pipe", stdin=lines)
        self.assertIn("errors: 0, replies: 20000", out)
        self.assertEqual(cli("DBSIZE"), "20000\n")

    def test_scan_and_info_helpers(self):
        for i in range(50):
            cli("SET", "scan:%d" % i, "x")
        keys = cli("--scan", "--pattern", "scan:*").split()
        self.assertEqual(sorted(keys), sorted("scan:%d" % i for i in range(50)))
        info = cli("INFO", "keyspace")
        self.assertIn("db0:keys=50,expires=0,avg_ttl=0", info)


class RedisBenchmark(unittest.TestCase):
    def test_benchmark_runs_every_test_without_errors(self):
        res = subprocess.run(["redis-benchmark", "-p", str(SERVER["port"]), "-n", "2000", "-c", "10",
                              "-r", "1000", "-P", "16", "-t", "set,get,incr,mset", "--csv"],
                             capture_output=True, timeout=120)
        out = res.stdout.decode()
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertNotIn("Error", out + res.stderr.decode())
        rows = {line.split(",")[0].strip('"') for line in out.splitlines()[1:]}
        self.assertEqual(rows, {"SET", "GET", "INCR", "MSET (10 keys)"})


class RedisPy(unittest.TestCase):
    def setUp(self):
        self.r = redis.Redis(port=SERVER["port"], decode_responses=True)
        self.r.flushall()

    def tearDown(self):
        self.r.close()

    def test_strings_and_counters(self):
        self.assertTrue(self.r.set("k", "v", ex=100))
        self.assertEqual(self.r.get("k"), "v")
        self.assertIsNone(self.r.set("k", "w", nx=True))
        self.assertEqual(self.r.incr("c", 5), 5)
        self.assertEqual(self.r.incrbyfloat("f", 1.5), 1.5)
        self.assertEqual(self.r.mget("k", "c", "none"), ["v", "5", None])
        self.assertEqual(self.r.append("k", "x"), 2)
        self.assertEqual(self.r.getrange("k", 0, 0), "v")
        self.assertTrue(self.r.setbit("bits", 7, 1) == 0 and self.r.bitcount("bits") == 1)
        with self.assertRaises(redis.ResponseError) as err:
            self.r.incr("k")
        self.assertEqual(str(err.exception), "value is not an integer or out of range")

    def test_expiry_and_keys(self):
        self.r.set("e", "1")
        self.assertTrue(self.r.expire("e", 100))
        self.assertTrue(0 < self.r.ttl("e") <= 100)
        self.assertTrue(self.r.persist("e"))
        self.assertEqual(self.r.ttl("e"), -1)
        self.r.set("gone", "1", px=50)
        time.sleep(0.15)
        self.assertFalse(self.r.exists("gone"))
        self.assertEqual(self.r.type("e"), "string")
        self.assertTrue(self.r.rename("e", "e2"))
        self.assertEqual(sorted(self.r.scan_iter(match="e*")), ["e2"])
        self.assertEqual(self.r.dbsize(), 1)

    def test_scripts_and_functions(self):
        # register_script: EVALSHA, falling back to SCRIPT LOAD on -NOSCRIPT, as users do.
        limiter = self.r.register_script(
            "local c = redis.call('incr', KEYS[1]) "
            "if c == 1 then redis.call('expire', KEYS[1], ARGV[1]) end "
            "if c > tonumber(ARGV[2]) then return 0 end return 1")
        self.assertEqual([limiter(keys=["rl"], args=[60, 3]) for _ in range(5)], [1, 1, 1, 0, 0])
        self.assertTrue(0 < self.r.ttl("rl") <= 60)
        self.r.script_flush()
        self.assertEqual(limiter(keys=["rl2"], args=[60, 3]), 1)  # reloaded after the flush
        lib = ("#!lua name=locks\n"
               "redis.register_function('acquire', function(keys, args) "
               "return redis.call('set', keys[1], args[1], 'NX', 'PX', args[2]) and 1 or 0 end)\n"
               "redis.register_function{function_name='owner', callback=function(keys, args) "
               "return redis.call('get', keys[1]) end, flags={'no-writes'}}")
        self.assertEqual(self.r.function_load(lib), "locks")
        self.assertEqual(self.r.fcall("acquire", 1, "lock", "me", 10000), 1)
        self.assertEqual(self.r.fcall("acquire", 1, "lock", "you", 10000), 0)
        self.assertEqual(self.r.fcall_ro("owner", 1, "lock"), "me")
        with self.assertRaises(redis.ResponseError):
            self.r.fcall_ro("acquire", 1, "lock2", "me", 10000)
        # redis-py 4.3 returns FUNCTION LIST as RESP2 sent it: flat name/value lists.
        library = dict(zip(*[iter(self.r.function_list()[0])] * 2))
        self.assertEqual(library["library_name"], "locks")
        self.assertEqual(sorted(f[1] for f in library["functions"]), ["acquire", "owner"])
        raw = redis.Redis(port=SERVER["port"])
        payload = raw.function_dump()
        self.assertTrue(self.r.function_delete("locks"))
        with self.assertRaises(redis.ResponseError):
            self.r.fcall("acquire", 1, "lock", "me", 10000)
        self.assertTrue(raw.function_restore(payload, "FLUSH"))
        self.assertEqual(self.r.fcall_ro("owner", 1, "lock"), "me")
        raw.close()

    def test_pipeline_and_server_commands(self):
        pipe = self.r.pipeline(transaction=False)
        for i in range(100):
            pipe.set("p%d" % i, i)
        pipe.get("p42")
        self.assertEqual(pipe.execute()[-1], "42")
        self.assertEqual(self.r.info("server")["redis_version"], "7.0.15")
        self.assertEqual(self.r.info("keyspace")["db0"]["keys"], 100)
        self.assertEqual(self.r.config_get("maxmemory-policy"), {"maxmemory-policy": "noeviction"})
        self.r.client_setname("pytest")
        self.assertEqual(self.r.client_getname(), "pytest")
        self.assertIn("pytest", [c["name"] for c in self.r.client_list()])
        self.assertEqual(len(self.r.time()), 2)
        db3 = redis.Redis(port=SERVER["port"], db=3, decode_responses=True)
        db3.set("p1", "elsewhere")
        self.assertEqual((db3.get("p1"), self.r.get("p1")), ("elsewhere", "1"))
        db3.close()

    def test_transactional_pipeline_and_watch(self):
        pipe = self.r.pipeline()  # transaction=True: MULTI ... EXEC
        pipe.set("t", 1).incr("t").incrby("t", 5).get("t")
        self.assertEqual(pipe.execute(), [True, 2, 7, "7"])
        pipe = self.r.pipeline()
        pipe.set("s", "abc").incr("s").get("s")
        self.assertEqual(pipe.execute(raise_on_error=False)[2], "abc")

        def bump(p):
            value = int(p.get("t"))
            p.multi()
            p.set("t", value + 1)
        self.assertEqual(self.r.transaction(bump, "t"), [True])
        self.assertEqual(self.r.get("t"), "8")
        other = redis.Redis(port=SERVER["port"], decode_responses=True)
        with self.r.pipeline() as p:
            p.watch("t")
            other.set("t", 100)
            p.multi()
            p.incr("t")
            with self.assertRaises(redis.WatchError):
                p.execute()
        other.close()
        self.assertEqual(self.r.get("t"), "100")

    def test_pubsub(self):
        p = self.r.pubsub()
        p.subscribe("news")
        p.psubscribe("n*")
        self.assertEqual(p.get_message(timeout=2)["type"], "subscribe")
        self.assertEqual(p.get_message(timeout=2)["type"], "psubscribe")
        self.assertEqual(self.r.publish("news", "hello"), 2)
        got = [p.get_message(timeout=2) for _ in range(2)]
        self.assertEqual(sorted((m["type"], m["data"]) for m in got),
                         [("message", "hello"), ("pmessage", "hello")])
        self.assertEqual(self.r.pubsub_numsub("news"), [("news", 1)])
        self.assertEqual(self.r.pubsub_numpat(), 1)
        p.ping()
        self.assertEqual(p.get_message(timeout=2)["data"], "")  # RESP2 pong array
        p.unsubscribe("news")
        p.punsubscribe()
        self.assertEqual(p.get_message(timeout=2)["type"], "unsubscribe")
        self.assertEqual(p.get_message(timeout=2)["type"], "punsubscribe")
        p.close()
        self.assertEqual(self.r.pubsub_channels(), [])

    def test_client_side_caching_with_redirect(self):
        # RESP2 client-side caching as redis-py users set it up: a subscriber of
        # __redis__:invalidate receives the invalidations of a tracking connection.
        p = self.r.pubsub()
        p.subscribe("__redis__:invalidate")
        self.assertEqual(p.get_message(timeout=2)["type"], "subscribe")
        sub_id = [c["id"] for c in self.r.client_list() if c["sub"] == "1"][0]
        tracker = redis.Redis(port=SERVER["port"], decode_responses=True,
                              single_connection_client=True)
        self.assertTrue(tracker.client_tracking_on(clientid=int(sub_id)))
        self.assertEqual(tracker.client_getredir(), int(sub_id))
        self.assertIn("on", tracker.client_trackinginfo()[1])
        self.assertIsNone(tracker.get("cached"))
        self.r.set("cached", "1")
        msg = p.get_message(timeout=2)
        self.assertEqual((msg["channel"], msg["data"]), ("__redis__:invalidate", ["cached"]))
        self.assertEqual(self.r.info("stats")["tracking_total_keys"], 0)
        self.assertTrue(tracker.client_tracking_off())
        tracker.close()
        p.close()


class MemcachedClients(unittest.TestCase):
    """libmemcached's tools and pymemcache on the memcached port, over the same keyspace."""

    def servers(self):
        return "--servers=127.0.0.1:%d" % SERVER["mport"]

    def test_memccapable_ascii(self):
        res = subprocess.run(["memccapable", "-a", "-h", "127.0.0.1", "-p", str(SERVER["mport"])],
                             capture_output=True, timeout=120)
        out = res.stdout.decode()
        self.assertEqual(res.returncode, 0, out + res.stderr.decode())
        self.assertIn("All tests passed", out)
        self.assertNotIn("[fail]", out)

    def test_memccp_memccat_memcstat(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "memccp-file.txt")
            with open(path, "w") as f:
                f.write("copied by memccp\n")
            subprocess.run(["memccp", self.servers(), path], check=True, timeout=30)
        out = subprocess.run(["memccat", self.servers(), "memccp-file.txt"], check=True,
                             capture_output=True, timeout=30).stdout
        self.assertEqual(out, b"copied by memccp\n\n")  # memccat adds a newline
        r = redis.Redis(port=SERVER["port"])
        self.assertEqual(r.get("memccp-file.txt"), b"copied by memccp\n")
        r.close()
        stats = subprocess.run(["memcstat", self.servers()], check=True, capture_output=True,
                               timeout=30).stdout.decode()
        self.assertIn("curr_items:", stats)
        self.assertIn("version: 1.6.18", stats)

    def test_pymemcache(self):
        from pymemcache.client.base import Client
        c = Client(("127.0.0.1", SERVER["mport"]))
        self.assertTrue(c.set("pm:a", b"1"))
        self.assertEqual(c.get("pm:a"), b"1")
        self.assertEqual(c.incr("pm:a", 41), 42)
        self.assertEqual(c.decr("pm:a", 2), 40)
        self.assertFalse(c.add("pm:a", b"x", noreply=False))
        self.assertTrue(c.replace("pm:a", b"y", noreply=False))
        self.assertTrue(c.append("pm:a", b"z", noreply=False))
        self.assertEqual(c.get_many(["pm:a", "pm:none"]), {"pm:a": b"yz"})
        value, cas = c.gets("pm:a")
        self.assertEqual(value, b"yz")
        self.assertTrue(c.cas("pm:a", b"new", cas))
        self.assertFalse(c.cas("pm:a", b"stale", cas))
        self.assertTrue(c.touch("pm:a", 100, noreply=False))
        r = redis.Redis(port=SERVER["port"])
        self.assertEqual(r.get("pm:a"), b"new")
        self.assertEqual(r.ttl("pm:a"), 100)
        r.set("pm:b", "from redis")
        self.assertEqual(c.get("pm:b"), b"from redis")
        r.close()
        self.assertTrue(c.delete("pm:a", noreply=False))
        self.assertIsNone(c.get("pm:a"))
        self.assertIn(b"curr_items", c.stats())
        self.assertEqual(c.version(), b"1.6.18")
        c.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tandem", default=SERVER["binary"])
    opts, rest = ap.parse_known_args()
    SERVER["binary"] = os.path.abspath(opts.tandem)
    start_server()
    try:
        suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
        result = unittest.TextTestRunner(verbosity=2).run(suite)
    finally:
        SERVER["proc"].terminate()
        SERVER["proc"].wait(10)
    failed = len(result.failures) + len(result.errors)
    print("%d passed, %d failed" % (result.testsRun - failed, failed))
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
