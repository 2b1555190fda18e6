// maxmemory and its policies: eviction keeps writes working under the limit; volatile
// policies take only keys with a TTL; with nothing left to evict, writes get Redis's OOM.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/server_fixture.h"

namespace tandem::test {
namespace {

constexpr long long kLimit = 2 * 1024 * 1024;
const char* const kOom = "OOM command not allowed when used memory > 'maxmemory'.";

std::unique_ptr<TestServer> StartWithPolicy(const std::string& policy) {
  std::string failure;
  auto server = TestServer::Start(
      {"--maxmemory", std::to_string(kLimit), "--maxmemory-policy", policy}, &failure);
  REQUIRE_MESSAGE(server, failure);
  return server;
}

// Pipelines SET <prefix><i> <100 bytes> [EX ttl(i)] for i in [0, n); returns how many
// replies were not +OK.
int FillKeys(redisContext* c, const std::string& prefix, int n, bool with_ttl) {
  const std::string value(100, 'v');
  for (int i = 0; i < n; ++i) {
    std::string key = prefix + std::to_string(i);
    std::string ttl = std::to_string(100000 + i);  // later keys live longer
    std::vector<const char*> argv = {"SET", key.c_str(), value.c_str()};
    std::vector<size_t> lens = {3, key.size(), value.size()};
    if (with_ttl) {
      argv.insert(argv.end(), {"EX", ttl.c_str()});
      lens.insert(lens.end(), {2, ttl.size()});
    }
    redisAppendCommandArgv(c, static_cast<int>(argv.size()), argv.data(), lens.data());
  }
  int not_ok = 0;
  for (int i = 0; i < n; ++i) {
    void* raw = nullptr;
    REQUIRE(redisGetReply(c, &raw) == REDIS_OK);
    Reply r(static_cast<redisReply*>(raw));
    not_ok += Str(r) != "OK";
  }
  return not_ok;
}

int CountExisting(redisContext* c, const std::string& prefix, int from, int to) {
  int n = 0;
  for (int i = from; i < to; ++i) n += Str(Run(c, {"EXISTS", prefix + std::to_string(i)})) == "1";
  return n;
}

TEST_CASE("allkeys-lru: writes past maxmemory evict keys instead of failing" *
          doctest::skip(UsingExternalServer())) {
  auto server = StartWithPolicy("allkeys-lru");
  RedisConn c = Connect(server->address());
  CHECK(FillKeys(c.get(), "k:", 40000, false) == 0);
  long long keys = std::stoll(Str(Run(c.get(), {"DBSIZE"})));
  CHECK(keys > 1000);
  CHECK(keys < 40000);
  CHECK(InfoField(c.get(), "stats", "evicted_keys") == 40000 - keys);
  CHECK(InfoField(c.get(), "memory", "used_memory") <= kLimit);
}

TEST_CASE("allkeys-lru prefers keys idle for longer" * doctest::skip(UsingExternalServer())) {
  auto server = StartWithPolicy("allkeys-lru");
  RedisConn c = Connect(server->address());
  CHECK(FillKeys(c.get(), "old:", 10000, false) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // the LRU clock ticks in seconds
  CHECK(FillKeys(c.get(), "new:", 20000, false) == 0);
  CHECK(CountExisting(c.get(), "old:", 0, 2000) < CountExisting(c.get(), "new:", 18000, 20000) / 2);
}

// Over the limit the buffers of a big pipeline count too, and are given back after it: a
// write right after a pipeline may fit again. Writes single values until one is refused
// (there is nothing left to evict); returns whether one was.
bool WriteUntilOom(redisContext* c) {
  for (int i = 0; i < 10000; ++i) {
    std::string reply = Str(Run(c, {"SET", "fill:" + std::to_string(i), std::string(1000, 'x')}));
    if (reply == kOom) return true;
  }
  return false;
}

TEST_CASE("volatile-ttl evicts the keys nearest their expiry and never keys without a TTL" *
          doctest::skip(UsingExternalServer())) {
  auto server = StartWithPolicy("volatile-ttl");
  RedisConn c = Connect(server->address());
  CHECK(FillKeys(c.get(), "keep:", 2000, false) == 0);
  CHECK(FillKeys(c.get(), "ttl:", 40000, true) == 0);
  CHECK(CountExisting(c.get(), "keep:", 0, 2000) == 2000);
  CHECK(InfoField(c.get(), "stats", "evicted_keys") > 0);
  // Sampling is approximate, as in Redis, but the short-lived keys go first.
  CHECK(CountExisting(c.get(), "ttl:", 0, 1000) < CountExisting(c.get(), "ttl:", 39000, 40000));

  // Once only keys without a TTL are left, writes that add data are refused; reads work.
  CHECK(FillKeys(c.get(), "more:", 30000, false) > 0);
  CHECK(WriteUntilOom(c.get()));
  // Well over the limit (see the noeviction test), with no TTL left to evict by.
  const long long used = InfoField(c.get(), "memory", "used_memory");
  CHECK(Str(Run(c.get(), {"CONFIG", "SET", "maxmemory", std::to_string(used / 2)})) == "OK");
  CHECK(Str(Run(c.get(), {"SET", "one-more", std::string(1000, 'x')})) == kOom);
  CHECK(Str(Run(c.get(), {"GET", "keep:1"})) == std::string(100, 'v'));
  CHECK(Str(Run(c.get(), {"DEL", "keep:1"})) == "1");
}

TEST_CASE("noeviction refuses writes over the limit and keeps every key" *
          doctest::skip(UsingExternalServer())) {
  auto server = StartWithPolicy("noeviction");
  RedisConn c = Connect(server->address());
  int refused = FillKeys(c.get(), "k:", 30000, false);
  CHECK(refused > 0);
  CHECK(std::stoll(Str(Run(c.get(), {"DBSIZE"}))) == 30000 - refused);
  CHECK(Str(Run(c.get(), {"EXISTS", "k:0", "k:1"})) == "2");
  CHECK(WriteUntilOom(c.get()));
  CHECK(InfoField(c.get(), "stats", "evicted_keys") == 0);
  // Right at the limit the connection's own buffers (counted in used_memory, as in Redis)
  // decide whether a small write still fits; with the limit at half the memory in use,
  // every write that adds data is refused and nothing is evicted to make room.
  const long long used = InfoField(c.get(), "memory", "used_memory");
  CHECK(Str(Run(c.get(), {"CONFIG", "SET", "maxmemory", std::to_string(used / 2)})) == "OK");
  CHECK(Str(Run(c.get(), {"SET", "x", "y"})) == kOom);
  CHECK(InfoField(c.get(), "stats", "evicted_keys") == 0);
  CHECK(Str(Run(c.get(), {"EXISTS", "k:0", "k:1"})) == "2");
  // Raising the limit at run time lets writes in again.
  CHECK(Str(Run(c.get(), {"CONFIG", "SET", "maxmemory", "0"})) == "OK");
  CHECK(Str(Run(c.get(), {"SET", "x", "y"})) == "OK");
}

TEST_CASE("eviction publishes an evicted event for each key, in the key's database" *
          doctest::skip(UsingExternalServer())) {
  auto server = StartWithPolicy("allkeys-random");
  RedisConn c = Connect(server->address());
  CHECK(Str(Run(c.get(), {"CONFIG", "SET", "notify-keyspace-events", "Ee"})) == "OK");
  RawConn sub(server->address());
  REQUIRE(sub.Command({"PSUBSCRIBE", "__keyevent@*__:evicted"}) ==
          "*3\r\n$10\r\npsubscribe\r\n$22\r\n__keyevent@*__:evicted\r\n:1\r\n");
  CHECK(Str(Run(c.get(), {"SELECT", "2"})) == "OK");
  CHECK(FillKeys(c.get(), "k:", 40000, false) == 0);
  const long long evicted = InfoField(c.get(), "stats", "evicted_keys");
  CHECK(evicted > 0);
  // One pmessage per evicted key, all on database 2's channel.
  const std::string channel = "$22\r\n__keyevent@2__:evicted\r\n";
  std::string got;
  long long seen = 0;
  for (auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
       seen < evicted && std::chrono::steady_clock::now() < until;) {
    got += sub.Read(1 << 20, std::chrono::milliseconds(300));
    seen = 0;
    for (size_t p = got.find(channel); p != std::string::npos; p = got.find(channel, p + 1)) {
      ++seen;
    }
  }
  CHECK(seen == evicted);
  CHECK(got.find("__keyevent@0__") == std::string::npos);
}

}  // namespace
}  // namespace tandem::test
