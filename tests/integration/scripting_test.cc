// Lua scripting against the real binary: the deterministic defaults (math.random reseeded
// with 0, sorted replies), Redis 7.0's behaviour with lua-deterministic no, the old
// write-after-random rule, and the users' rate limiter and lock run by 20 clients at once.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/server_fixture.h"

namespace tandem::test {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kPerClient = 50;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int kPerClient = 50;
#else
constexpr int kPerClient = 500;
#endif
#else
constexpr int kPerClient = 500;
#endif

constexpr char kRateLimiter[] =
    "local c = redis.call('incr', KEYS[1]) "
    "if c == 1 then redis.call('expire', KEYS[1], ARGV[1]) end "
    "if c > tonumber(ARGV[2]) then return 0 end return 1";
constexpr char kLockAcquire[] =
    "return redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0";
constexpr char kLockRelease[] =
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end "
    "return 0";

TEST_CASE("lua-deterministic yes (default): the same random numbers and sorted KEYS every call" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn c = Connect(server->address());
  for (int i = 0; i < 3; ++i) {
    CHECK(Str(Run(c.get(), {"EVAL", "return math.random(100)", "0"})) == "18");
  }
  Reply seq = Run(c.get(), {"EVAL", "return {math.random(1000), math.random(1000)}", "0"});
  REQUIRE(seq->elements == 2);
  Reply again = Run(c.get(), {"EVAL", "return {math.random(1000), math.random(1000)}", "0"});
  CHECK(seq->element[0]->integer == again->element[0]->integer);
  CHECK(seq->element[1]->integer == again->element[1]->integer);
  CHECK(Str(Run(c.get(), {"EVAL", "math.randomseed(7) return math.random(100)", "0"})) ==
        Str(Run(c.get(), {"EVAL", "math.randomseed(7) return math.random(100)", "0"})));

  std::vector<std::string> keys = {"zeta", "alpha", "mid", "beta", "omega", "k1", "k10", "k2"};
  for (const std::string& k : keys) Run(c.get(), {"SET", k, "v"});
  Reply sorted = Run(c.get(), {"EVAL", "return redis.call('keys', '*')", "0"});
  REQUIRE(sorted->elements == keys.size());
  for (size_t i = 1; i < sorted->elements; ++i) {
    CHECK(std::string(sorted->element[i - 1]->str) < std::string(sorted->element[i]->str));
  }
  // TIME then a write is allowed, as in Redis 5.0+.
  CHECK(
      Str(Run(c.get(), {"EVAL", "local t = redis.call('time') return redis.call('set', 'ts', t[1])",
                        "0"})) == "OK");
  // redis.replicate_commands() gives Redis 7.0's behaviour for the rest of the run.
  CHECK(Str(Run(c.get(), {"EVAL", "return redis.replicate_commands()", "0"})) == "1");
}

TEST_CASE("lua-deterministic no: the generator continues across calls, as Redis 7.0" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({"--lua-deterministic", "no"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn c = Connect(server->address());
  std::set<std::string> seen;
  for (int i = 0; i < 10; ++i) {
    seen.insert(Str(Run(c.get(), {"EVAL", "return tostring(math.random())", "0"})));
  }
  CHECK(seen.size() == 10);
  Reply cfg = Run(c.get(), {"CONFIG", "GET", "lua-deterministic"});
  REQUIRE(cfg->elements == 2);
  CHECK(std::string(cfg->element[1]->str) == "no");
  CHECK(Str(Run(c.get(), {"CONFIG", "SET", "lua-deterministic", "yes"})) == "OK");
  CHECK(Str(Run(c.get(), {"EVAL", "return math.random(100)", "0"})) == "18");
  // Glob listings stay redis-server's.
  Reply all = Run(c.get(), {"CONFIG", "GET", "lua-*"});
  for (size_t i = 0; i < all->elements; i += 2) {
    CHECK(std::string(all->element[i]->str) == "lua-time-limit");
  }
}

TEST_CASE("lua-replicate-commands no: no write after a nondeterministic command" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({"--lua-replicate-commands", "no"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn c = Connect(server->address());
  std::string err =
      Str(Run(c.get(), {"EVAL", "redis.call('time') redis.call('set','a','b')", "0"}));
  CHECK(err.find("ERR Write commands not allowed after non deterministic commands. Call "
                 "redis.replicate_commands() at the start of your script in order to switch "
                 "to single commands replication mode.") == 0);
  CHECK(Str(Run(c.get(),
                {"EVAL", "redis.call('ttl','a') return redis.call('set','a','b')", "0"})) == "OK");
  CHECK(Str(Run(c.get(), {"EVAL",
                          "redis.replicate_commands() redis.call('randomkey') "
                          "return redis.call('set','a','c')",
                          "0"})) == "OK");
}

// Redis's "Script return recursive object": the reply nests until the Lua stack runs out,
// at the depth redis-server 7.0.15 reaches (7,995 arrays; 1,999 array-map pairs), then
// ends with the error, and the connection goes on.
TEST_CASE("a self-referencing table returned by a script ends with -ERR reached lua stack limit") {
  RawConn c(SharedServer());
  REQUIRE(c.connected());
  const std::string kLimit = "-ERR reached lua stack limit\r\n";
  const char* const cases[] = {"local a = {}; local b = {a}; a[1] = b; return a",
                               "local a = {}; local m = {map={}}; m.map.x = a; a[1] = m; return a"};
  std::string arrays;
  for (int i = 0; i < 7995; ++i) arrays += "*1\r\n";
  std::string pairs;  // RESP2: {map=...} is a flat array of key and value
  for (int i = 0; i < 1998; ++i) pairs += "*1\r\n*2\r\n$1\r\nx\r\n";
  pairs += "*1\r\n*2\r\n" + kLimit + kLimit;  // the key, then the value, hit the limit
  const std::string expected[] = {arrays + kLimit, pairs};
  for (size_t i = 0; i < 2; ++i) {
    c.Send(EncodeCommand({"EVAL", cases[i], "0"}));
    CHECK(c.Read(expected[i].size()) == expected[i]);
    CHECK(c.Command({"PING"}) == "+PONG\r\n");
  }
}

TEST_CASE("20 clients: the rate limiter counts exactly and the lock never has two holders" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({"--io-threads", "4"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn setup = Connect(server->address());
  std::string limiter = Str(Run(setup.get(), {"SCRIPT", "LOAD", kRateLimiter}));
  std::string acquire = Str(Run(setup.get(), {"SCRIPT", "LOAD", kLockAcquire}));
  std::string release = Str(Run(setup.get(), {"SCRIPT", "LOAD", kLockRelease}));
  constexpr int kClients = 20;
  constexpr int kLimit = 1000;
  std::atomic<int> allowed{0};
  std::atomic<int> holders{0};
  std::atomic<int> max_holders{0};
  std::atomic<int> acquired{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kClients; ++t) {
    threads.emplace_back([&, t] {
      RedisConn c = Connect(server->address());
      std::string me = "owner" + std::to_string(t);
      for (int i = 0; i < kPerClient; ++i) {
        Reply r = Run(c.get(), {"EVALSHA", limiter, "1", "rl", "60", std::to_string(kLimit)});
        if (r && r->type == REDIS_REPLY_INTEGER && r->integer == 1) ++allowed;
        Reply got = Run(c.get(), {"EVALSHA", acquire, "1", "lock", me, "10000"});
        if (got && got->type == REDIS_REPLY_INTEGER && got->integer == 1) {
          int now = ++holders;
          int prev = max_holders.load();
          while (now > prev && !max_holders.compare_exchange_weak(prev, now)) {
          }
          ++acquired;
          --holders;
          Run(c.get(), {"EVALSHA", release, "1", "lock", me});
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(allowed.load() == std::min(kLimit, kClients * kPerClient));
  CHECK(Str(Run(setup.get(), {"GET", "rl"})) == std::to_string(kClients * kPerClient));
  CHECK(max_holders.load() == 1);
  CHECK(acquired.load() > 0);
  CHECK(Str(Run(setup.get(), {"EXISTS", "lock"})) == "0");
}

}  // namespace
}  // namespace tandem::test

namespace tandem::test {
namespace {

// A server with `io_threads` io threads whose scripts turn busy after 100 ms, serving
// memcached at *maddr.
std::unique_ptr<TestServer> StartBusyServer(int io_threads, Address* maddr) {
  const int mport = FreePort();
  std::string failure;
  auto server =
      TestServer::Start({"--io-threads", std::to_string(io_threads), "--busy-reply-threshold",
                         "100", "--memcached-port", std::to_string(mport)},
                        &failure);
  REQUIRE_MESSAGE(server, failure);
  *maddr = server->address();
  maddr->port = mport;
  return server;
}

// Sends PING on each connection and counts the replies equal to `want` within `wait`.
int CountReplies(std::vector<std::unique_ptr<RawConn>>& conns, const std::string& want,
                 std::chrono::milliseconds wait) {
  for (auto& c : conns) c->Send(EncodeCommand({"PING"}));
  int n = 0;
  for (auto& c : conns) n += c->ReadReply(wait) == want;
  return n;
}

TEST_CASE("a busy script: clients on every io thread get -BUSY at once, SCRIPT KILL stops it" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({"--io-threads", "4", "--busy-reply-threshold", "100"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RawConn runner(server->address());
  std::vector<std::unique_ptr<RawConn>> others;
  for (int i = 0; i < 8; ++i) others.push_back(std::make_unique<RawConn>(server->address()));
  RawConn killer(server->address());
  CHECK(killer.Command({"SCRIPT", "KILL"}) == "-NOTBUSY No scripts in execution right now.\r\n");

  runner.Send(EncodeCommand({"EVAL", "while true do end", "0"}));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::string busy =
      "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN "
      "NOSAVE.\r\n";
  // Those that share the script's io thread included (the script serves its loop).
  CHECK(CountReplies(others, busy, std::chrono::milliseconds(1000)) == 8);
  // A client connecting now is answered too, whichever thread it lands on.
  int fresh_busy = 0;
  for (int i = 0; i < 6; ++i) {
    RawConn fresh(server->address());
    fresh.Send(EncodeCommand({"GET", "x"}));
    fresh_busy += fresh.ReadReply(std::chrono::milliseconds(500)) == busy;
  }
  CHECK(fresh_busy == 6);
  std::string killed;
  for (auto& c : others) {
    c->Send(EncodeCommand({"SCRIPT", "KILL"}));
    std::string r = c->ReadReply(std::chrono::milliseconds(300));
    if (r == "+OK\r\n") killed = r;
    if (!killed.empty()) break;
  }
  CHECK(killed == "+OK\r\n");
  std::string reply = runner.ReadReply(std::chrono::seconds(5));
  CHECK(reply.find("-ERR Script killed by user with SCRIPT KILL... script: ") == 0);
  // Everyone is served again, including the clients that waited.
  for (auto& c : others) {
    // A waiting client's earlier commands are answered now.
    while (!c->ReadReply(std::chrono::milliseconds(200)).empty()) {
    }
  }
  CHECK(CountReplies(others, "+PONG\r\n", std::chrono::seconds(3)) == 8);
  CHECK(runner.Command({"PING"}) == "+PONG\r\n");
}

TEST_CASE("a busy script that wrote is UNKILLABLE; SHUTDOWN NOSAVE still stops the server" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({"--io-threads", "2", "--busy-reply-threshold", "50"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RawConn runner(server->address());
  std::vector<std::unique_ptr<RawConn>> others;
  for (int i = 0; i < 6; ++i) others.push_back(std::make_unique<RawConn>(server->address()));
  // Every connection registered (and the fixture's probe connection gone) before the script
  // starts: a connection closing during a busy script waits for it on its io thread.
  for (auto& c : others) REQUIRE(c->Command({"PING"}) == "+PONG\r\n");
  runner.Send(EncodeCommand({"EVAL", "redis.call('set','k','v') while true do end", "0"}));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  bool unkillable = false, refused = false, stopped = false;
  for (auto& c : others) {
    c->Send(EncodeCommand({"SCRIPT", "KILL"}));
    std::string r = c->ReadReply(std::chrono::milliseconds(500));
    unkillable = r.find("-UNKILLABLE Sorry the script already executed write commands") == 0;
    refused = c->Command({"SHUTDOWN"}).find("-BUSY ") == 0;
    c->Send(EncodeCommand({"SHUTDOWN", "NOSAVE"}));
    stopped = true;
    break;
  }
  CHECK(unkillable);
  CHECK(refused);
  REQUIRE(stopped);
  CHECK(server->WaitExit(std::chrono::seconds(5)) == 0);
}

// Connections closing and memcached clients never wait behind a busy script on the io
// threads it does not run on: a closing client's cleanup is retried by its loop until the
// lock is free, memcached requests are answered "SERVER_ERROR busy running a script".
TEST_CASE("a busy script: closing clients and memcached clients keep their io threads free" *
          doctest::skip(UsingExternalServer())) {
  Address maddr;
  auto server = StartBusyServer(4, &maddr);
  RawConn runner(server->address());
  std::vector<std::unique_ptr<RawConn>> others, closers, memcached;
  for (int i = 0; i < 8; ++i) others.push_back(std::make_unique<RawConn>(server->address()));
  for (int i = 0; i < 8; ++i) closers.push_back(std::make_unique<RawConn>(server->address()));
  for (int i = 0; i < 4; ++i) memcached.push_back(std::make_unique<RawConn>(maddr));
  // Every connection registered (with the lock) before the script starts.
  for (auto* group : {&others, &closers}) {
    for (auto& c : *group) REQUIRE(c->Command({"PING"}) == "+PONG\r\n");
  }
  for (auto& c : memcached) {
    c->Send("set k 0 0 1\r\nv\r\n");
    REQUIRE(c->Read(8) == "STORED\r\n");
  }

  runner.Send(EncodeCommand({"EVAL", "while true do end", "0"}));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  closers.clear();  // their cleanup needs the lock: retried by their loops
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const std::string busy =
      "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN "
      "NOSAVE.\r\n";
  // No client waits (a closing client blocking its thread would cost 2 for each thread).
  CHECK(CountReplies(others, busy, std::chrono::milliseconds(1000)) == 8);

  const std::string mbusy = "SERVER_ERROR busy running a script\r\n";
  int answered = 0;
  for (size_t i = 0; i < memcached.size(); ++i) {
    // A noreply request gets no reply, the get after it does.
    std::string key = "k" + std::to_string(i);
    memcached[i]->Send("set " + key + " 0 0 1 noreply\r\nw\r\nget " + key + "\r\n");
    answered += memcached[i]->Read(mbusy.size(), std::chrono::milliseconds(1000)) == mbusy;
  }
  CHECK(answered == 4);
  // A memcached client connecting now is answered too.
  int fresh_busy = 0;
  for (int i = 0; i < 6; ++i) {
    RawConn fresh(maddr);
    fresh.Send("get k\r\n");
    fresh_busy += fresh.Read(mbusy.size(), std::chrono::milliseconds(500)) == mbusy;
  }
  CHECK(fresh_busy == 6);

  bool killed = false;
  for (auto& c : others) {
    c->Send(EncodeCommand({"SCRIPT", "KILL"}));
    killed = c->ReadReply(std::chrono::milliseconds(300)) == "+OK\r\n";
    if (killed) break;
  }
  CHECK(killed);
  CHECK(runner.ReadReply(std::chrono::seconds(5)).find("-ERR Script killed by user") == 0);
  // Requests answered busy stored nothing.
  int unstored = 0;
  for (size_t i = 0; i < memcached.size(); ++i) {
    memcached[i]->Send("get k" + std::to_string(i) + "\r\nmn\r\n");
    std::string out;
    while (out.find("MN\r\n") == std::string::npos) {
      std::string more = memcached[i]->Read(1, std::chrono::milliseconds(1000));
      if (more.empty()) break;
      out += more;
    }
    unstored += out.find("VALUE") == std::string::npos;
  }
  CHECK(unstored == answered);
  // The closed clients were unregistered once the script ended; the others go now.
  others.clear();
  memcached.clear();
  long long connected = -1;  // the runner and the connection asking
  for (int i = 0; i < 100 && connected != 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    RedisConn c = Connect(server->address());
    connected = InfoField(c.get(), "clients", "connected_clients");
  }
  CHECK(connected == 2);
}

}  // namespace
}  // namespace tandem::test

namespace tandem::test {
namespace {

// With one io thread every client shares the script's thread: the script serves its loop
// (Redis's processEventsWhileBlocked). Commands that need the lock even then (MULTI, AUTH,
// HELLO...) run, in order, once the script ends; connecting and closing clients, memcached
// clients included, are handled meanwhile.
TEST_CASE("a busy script serves its own io thread: -BUSY, SCRIPT KILL, waiting commands after" *
          doctest::skip(UsingExternalServer())) {
  Address maddr;
  auto server = StartBusyServer(1, &maddr);
  RawConn runner(server->address());
  RawConn pinger(server->address());
  RawConn queuer(server->address());
  auto closer = std::make_unique<RawConn>(server->address());
  for (RawConn* c : {&pinger, &queuer, closer.get()}) REQUIRE(c->Command({"PING"}) == "+PONG\r\n");

  runner.Send(EncodeCommand({"EVAL", "redis.call('get','x') while true do end", "0"}));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::string busy =
      "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN "
      "NOSAVE.\r\n";
  CHECK(pinger.Command({"PING"}) == busy);
  CHECK(pinger.Command({"GET", "x"}) == busy);
  CHECK(pinger.Command({"NOSUCH"}).find("-ERR unknown command 'NOSUCH'") == 0);
  // A pipeline: the first command is answered at once, MULTI waits for the lock, and the
  // PING after it waits behind it.
  queuer.Send(EncodeCommand({"PING"}) + EncodeCommand({"MULTI"}) + EncodeCommand({"PING"}));
  CHECK(queuer.ReadReply(std::chrono::milliseconds(1000)) == busy);
  CHECK(queuer.ReadReply(std::chrono::milliseconds(300)).empty());
  closer.reset();  // unregistered once the script ends
  {
    RawConn fresh(server->address());
    CHECK(fresh.Command({"GET", "x"}) == busy);
    RawConn mc(maddr);
    mc.Send("get k\r\n");
    CHECK(mc.Read(36, std::chrono::milliseconds(1000)) == "SERVER_ERROR busy running a script\r\n");
  }
  CHECK(pinger.Command({"SCRIPT", "KILL"}) == "+OK\r\n");
  CHECK(runner.ReadReply(std::chrono::seconds(5)).find("-ERR Script killed by user") == 0);
  CHECK(queuer.ReadReply(std::chrono::seconds(2)) == "+OK\r\n");
  CHECK(queuer.ReadReply(std::chrono::seconds(2)) == "+QUEUED\r\n");
  CHECK(queuer.Command({"EXEC"}) == "*1\r\n+PONG\r\n");
  CHECK(runner.Command({"PING"}) == "+PONG\r\n");
  long long connected = -1;  // runner, pinger, queuer
  for (int i = 0; i < 100 && connected != 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    connected = InfoField(Connect(server->address()).get(), "clients", "connected_clients") - 1;
  }
  CHECK(connected == 3);
}

}  // namespace
}  // namespace tandem::test
