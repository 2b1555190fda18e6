// MULTI/EXEC with clients on other io threads: nothing interleaves with an EXEC, and WATCH
// sees every modification, eviction included.
#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/server_fixture.h"

namespace tandem::test {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kRounds = 100;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int kRounds = 100;
#else
constexpr int kRounds = 1000;
#endif
#else
constexpr int kRounds = 1000;
#endif

TEST_CASE("EXEC runs its commands with no command of another io thread in between" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({"--io-threads", "4"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int t = 0; t < 3; ++t) {
    writers.emplace_back([&] {
      RedisConn w = Connect(server->address());
      while (!stop.load()) {
        for (int i = 0; i < 16; ++i) redisAppendCommand(w.get(), "INCR counter");
        for (int i = 0; i < 16; ++i) {
          void* raw = nullptr;
          if (redisGetReply(w.get(), &raw) != REDIS_OK) return;
          freeReplyObject(raw);
        }
      }
    });
  }
  RedisConn c = Connect(server->address());
  int interleaved = 0;
  for (int round = 0; round < kRounds; ++round) {
    redisAppendCommand(c.get(), "MULTI");
    redisAppendCommand(c.get(), "INCR counter");
    redisAppendCommand(c.get(), "GET counter");
    redisAppendCommand(c.get(), "INCR counter");
    redisAppendCommand(c.get(), "EXEC");
    for (int i = 0; i < 4; ++i) {
      void* raw = nullptr;
      REQUIRE(redisGetReply(c.get(), &raw) == REDIS_OK);
      freeReplyObject(raw);
    }
    void* raw = nullptr;
    REQUIRE(redisGetReply(c.get(), &raw) == REDIS_OK);
    Reply exec(static_cast<redisReply*>(raw));
    REQUIRE(exec->type == REDIS_REPLY_ARRAY);
    REQUIRE(exec->elements == 3);
    long long first = exec->element[0]->integer;
    long long read = std::stoll(exec->element[1]->str);
    long long second = exec->element[2]->integer;
    interleaved += (read != first || second != first + 1);
  }
  stop = true;
  for (auto& t : writers) t.join();
  CHECK(interleaved == 0);
  CHECK(std::stoll(Str(Run(c.get(), {"GET", "counter"}))) >= 2 * kRounds);
}

TEST_CASE("WATCH: a key evicted by maxmemory makes EXEC reply null" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server =
      TestServer::Start({"--maxmemory", "2mb", "--maxmemory-policy", "volatile-random"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn c = Connect(server->address());
  RedisConn other = Connect(server->address());
  // The only key with a TTL, so the first eviction takes it.
  REQUIRE(Str(Run(c.get(), {"SET", "watched", "v", "EX", "1000"})) == "OK");
  REQUIRE(Str(Run(c.get(), {"WATCH", "watched"})) == "OK");
  const std::string value(200, 'x');
  for (int batch = 0; batch < 200; ++batch) {
    for (int i = 0; i < 100; ++i) {
      std::string key = "fill" + std::to_string(batch * 100 + i);
      Run(other.get(), {"SET", key, value});
    }
    if (Str(Run(other.get(), {"EXISTS", "watched"})) == "0") break;
  }
  REQUIRE(Str(Run(other.get(), {"EXISTS", "watched"})) == "0");
  // Over maxmemory, Redis refuses to queue anything in MULTI: lift the cap first.
  REQUIRE(Str(Run(other.get(), {"CONFIG", "SET", "maxmemory", "0"})) == "OK");
  REQUIRE(Str(Run(c.get(), {"MULTI"})) == "OK");
  REQUIRE(Str(Run(c.get(), {"PING"})) == "QUEUED");
  Reply exec = Run(c.get(), {"EXEC"});
  REQUIRE(exec);
  CHECK(exec->type == REDIS_REPLY_NIL);
}

TEST_CASE("WATCH: a key another io thread changes fails the transaction, byte for byte" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({"--io-threads", "2"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RawConn a(server->address());
  RawConn b(server->address());
  CHECK(a.Command({"WATCH", "k"}) == "+OK\r\n");
  CHECK(b.Command({"SET", "k", "1"}) == "+OK\r\n");
  CHECK(a.Command({"MULTI"}) == "+OK\r\n");
  CHECK(a.Command({"SET", "k", "2"}) == "+QUEUED\r\n");
  CHECK(a.Command({"EXEC"}) == "*-1\r\n");
  CHECK(a.Command({"HELLO", "3"}).substr(0, 1) == "%");
  CHECK(a.Command({"WATCH", "k"}) == "+OK\r\n");
  CHECK(b.Command({"DEL", "k"}) == ":1\r\n");
  CHECK(a.Command({"MULTI"}) == "+OK\r\n");
  CHECK(a.Command({"EXEC"}) == "_\r\n");
  CHECK(a.Command({"MULTI"}) == "+OK\r\n");
  CHECK(a.Command({"SET", "k", "3"}) == "+QUEUED\r\n");
  CHECK(a.Command({"EXEC"}) == "*1\r\n+OK\r\n");
}

}  // namespace
}  // namespace tandem::test
