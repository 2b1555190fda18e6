// Redis 7.0 functions against the real binary: the users' rate limiter and lock as a
// function library called by 20 clients at once (exact counts, never two lock holders), and
// a busy function (-BUSY with FUNCTION KILL's wording, FUNCTION KILL stops it, SCRIPT KILL
// refuses).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/server_fixture.h"

namespace tandem::test {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kCallsPerClient = 50;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int kCallsPerClient = 50;
#else
constexpr int kCallsPerClient = 500;
#endif
#else
constexpr int kCallsPerClient = 500;
#endif

constexpr char kLibrary[] =
    "#!lua name=users\n"
    "redis.register_function('rate_limit', function(keys, args)\n"
    "  local c = redis.call('incr', 'rate.limit:' .. keys[1])\n"
    "  if c == 1 then redis.call('expire', 'rate.limit:' .. keys[1], args[1]) end\n"
    "  if c > tonumber(args[2]) then return 0 end\n"
    "  return 1\n"
    "end)\n"
    "redis.register_function('lock_acquire', function(keys, args)\n"
    "  return redis.call('set', keys[1], args[1], 'NX', 'PX', args[2]) and 1 or 0\n"
    "end)\n"
    "redis.register_function('lock_release', function(keys, args)\n"
    "  if redis.call('get', keys[1]) == args[1] then return redis.call('del', keys[1]) end\n"
    "  return 0\n"
    "end)\n"
    "redis.register_function{function_name='spin', callback=function() while true do end end,\n"
    "  flags={'no-writes'}}\n";

TEST_CASE("20 clients: FCALL's rate limiter counts exactly and its lock never has two holders" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({"--io-threads", "4"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn setup = Connect(server->address());
  REQUIRE(Str(Run(setup.get(), {"FUNCTION", "LOAD", kLibrary})) == "users");
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
      for (int i = 0; i < kCallsPerClient; ++i) {
        Reply r = Run(c.get(), {"FCALL", "rate_limit", "1", "user", "60", std::to_string(kLimit)});
        if (r && r->type == REDIS_REPLY_INTEGER && r->integer == 1) ++allowed;
        Reply got = Run(c.get(), {"FCALL", "lock_acquire", "1", "lock", me, "10000"});
        if (got && got->type == REDIS_REPLY_INTEGER && got->integer == 1) {
          int now = ++holders;
          int prev = max_holders.load();
          while (now > prev && !max_holders.compare_exchange_weak(prev, now)) {
          }
          ++acquired;
          --holders;
          Run(c.get(), {"FCALL", "lock_release", "1", "lock", me});
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(allowed.load() == std::min(kLimit, kClients * kCallsPerClient));
  CHECK(Str(Run(setup.get(), {"GET", "rate.limit:user"})) ==
        std::to_string(kClients * kCallsPerClient));
  CHECK(max_holders.load() == 1);
  CHECK(acquired.load() > 0);
  CHECK(Str(Run(setup.get(), {"EXISTS", "lock"})) == "0");
}

TEST_CASE(
    "a busy function: -BUSY names FUNCTION KILL, SCRIPT KILL refuses, FUNCTION KILL stops it" *
    doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({"--io-threads", "2", "--busy-reply-threshold", "50"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RawConn runner(server->address());
  std::vector<std::unique_ptr<RawConn>> others;
  for (int i = 0; i < 6; ++i) others.push_back(std::make_unique<RawConn>(server->address()));
  // Every connection registered before the function starts (see scripting_test.cc).
  for (auto& c : others) REQUIRE(c->Command({"PING"}) == "+PONG\r\n");
  REQUIRE(runner.Command({"FUNCTION", "LOAD", kLibrary}) == "$5\r\nusers\r\n");
  CHECK(runner.Command({"FUNCTION", "KILL"}) == "-NOTBUSY No scripts in execution right now.\r\n");
  runner.Send(EncodeCommand({"FCALL", "spin", "0"}));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const std::string busy =
      "-BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN "
      "NOSAVE.\r\n";
  bool saw_busy = false, script_kill_refused = false, killed = false, described = false;
  for (auto& c : others) {
    c->Send(EncodeCommand({"GET", "x"}));
    std::string r = c->ReadReply(std::chrono::milliseconds(500));
    if (r.empty()) continue;  // on the function's io thread: answered when it ends
    saw_busy = saw_busy || r == busy;
    // FUNCTION STATS answers at once and describes the running function, as Redis does.
    std::string stats = c->Command({"FUNCTION", "STATS"});
    described = described ||
                (stats.rfind("*4\r\n$14\r\nrunning_script\r\n*6\r\n$4\r\nname\r\n$4\r\nspin\r\n"
                             "$7\r\ncommand\r\n*3\r\n$5\r\nFCALL\r\n$4\r\nspin\r\n$1\r\n0\r\n"
                             "$11\r\nduration_ms\r\n:",
                             0) == 0 &&
                 stats.find("\r\n$7\r\nengines\r\n*2\r\n$3\r\nLUA\r\n") != std::string::npos);
    script_kill_refused = script_kill_refused || c->Command({"SCRIPT", "KILL"}) == busy;
    killed = c->Command({"FUNCTION", "KILL"}) == "+OK\r\n";
    if (killed) break;
  }
  CHECK(saw_busy);
  CHECK(described);
  CHECK(script_kill_refused);
  CHECK(killed);
  std::string reply = runner.ReadReply(std::chrono::seconds(5));
  CHECK(reply.find("-ERR Script killed by user with ") == 0);
  CHECK(reply.find("script: spin, on @user_function:") != std::string::npos);
  for (auto& c : others) {
    while (!c->ReadReply(std::chrono::milliseconds(200)).empty()) {
    }
  }
  for (auto& c : others) CHECK(c->Command({"PING"}) == "+PONG\r\n");
  CHECK(runner.Command({"FCALL", "lock_acquire", "1", "l", "me", "1000"}) == ":1\r\n");
}

}  // namespace
}  // namespace tandem::test
