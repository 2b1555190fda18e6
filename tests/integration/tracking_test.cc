// Client-side caching across connections and io threads: invalidations reach a tracking
// client on its own loop when another connection (on another io thread, or the memcached
// door, or the expiry cycle) changes its keys; REDIRECT to a RESP2 subscriber; BCAST;
// OPTIN; NOLOOP; tracking-table-max-keys; and the cleanup when clients go away.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/server_fixture.h"

namespace tandem::test {
namespace {

using namespace std::chrono_literals;

std::string Push(const std::vector<std::string>& keys) {
  std::string out = ">2\r\n$10\r\ninvalidate\r\n*" + std::to_string(keys.size()) + "\r\n";
  for (const std::string& k : keys) out += "$" + std::to_string(k.size()) + "\r\n" + k + "\r\n";
  return out;
}

std::string Message(const std::string& payload) {
  return "*3\r\n$7\r\nmessage\r\n$20\r\n__redis__:invalidate\r\n" + payload;
}

std::string ClientId(RawConn& c) {
  std::string r = c.Command({"CLIENT", "ID"});
  REQUIRE(r.size() > 3);
  return r.substr(1, r.size() - 3);
}

void Resp3(RawConn& c) { REQUIRE(c.Command({"HELLO", "3"}).substr(0, 1) == "%"); }

// Nothing more arrives on `c` within a short while.
bool Quiet(RawConn& c) { return c.Read(1, 200ms).empty(); }

long long Info(RawConn& c, const std::string& field) {
  std::string info = c.Command({"INFO", "everything"});
  size_t at = info.find(field + ":");
  REQUIRE(at != std::string::npos);
  return std::stoll(info.substr(at + field.size() + 1));
}

std::unique_ptr<TestServer> Start(std::vector<std::string> args = {}) {
  std::string failure;
  args.insert(args.end(), {"--io-threads", "2", "--memcached-port", "0"});
  auto server = TestServer::Start(args, &failure);
  REQUIRE_MESSAGE(server, failure);
  return server;
}

TEST_CASE("tracking: a write on another io thread sends the reader an invalidate push" *
          doctest::skip(UsingExternalServer())) {
  auto server = Start();
  RawConn reader(server->address());
  RawConn writer(server->address());
  Resp3(reader);
  CHECK(reader.Command({"CLIENT", "TRACKING", "on"}) == "+OK\r\n");
  CHECK(reader.Command({"GET", "k"}) == "_\r\n");
  CHECK(reader.Command({"HGET", "h", "f"}) == "_\r\n");
  CHECK(Info(writer, "tracking_clients") == 1);
  CHECK(Info(writer, "tracking_total_keys") == 2);
  CHECK(writer.Command({"SET", "k", "v"}) == "+OK\r\n");
  CHECK(reader.ReadReply() == Push({"k"}));
  // Once told, the key is no longer tracked until read again.
  CHECK(writer.Command({"SET", "k", "w"}) == "+OK\r\n");
  CHECK(writer.Command({"HSET", "h", "f", "1"}) == ":1\r\n");
  CHECK(reader.ReadReply() == Push({"h"}));
  CHECK(Quiet(reader));
  CHECK(reader.Command({"GET", "k"}) == "$1\r\nw\r\n");
  CHECK(writer.Command({"DEL", "k"}) == ":1\r\n");
  CHECK(reader.ReadReply() == Push({"k"}));
  CHECK(Info(writer, "tracking_total_keys") == 0);
  // FLUSHALL from another client: a null invalidation.
  CHECK(writer.Command({"FLUSHALL"}) == "+OK\r\n");
  CHECK(reader.ReadReply() == ">2\r\n$10\r\ninvalidate\r\n_\r\n");
  CHECK(reader.Command({"PING"}) == "+PONG\r\n");
}

TEST_CASE("tracking: REDIRECT to a RESP2 subscriber of __redis__:invalidate, then broken" *
          doctest::skip(UsingExternalServer())) {
  auto server = Start();
  RawConn tracker(server->address());
  RawConn sub(server->address());
  RawConn writer(server->address());
  const std::string sub_id = ClientId(sub);
  CHECK(sub.Command({"SUBSCRIBE", "__redis__:invalidate"}) ==
        "*3\r\n$9\r\nsubscribe\r\n$20\r\n__redis__:invalidate\r\n:1\r\n");
  CHECK(tracker.Command({"CLIENT", "TRACKING", "on", "REDIRECT", sub_id}) == "+OK\r\n");
  CHECK(tracker.Command({"CLIENT", "GETREDIR"}) == ":" + sub_id + "\r\n");
  CHECK(tracker.Command({"GET", "k"}) == "$-1\r\n");
  CHECK(writer.Command({"SET", "k", "v"}) == "+OK\r\n");
  CHECK(sub.ReadReply() == Message("*1\r\n$1\r\nk\r\n"));
  // The tracker's own write goes to the subscriber too.
  CHECK(tracker.Command({"GET", "k"}) == "$1\r\nv\r\n");
  CHECK(tracker.Command({"SET", "k", "w"}) == "+OK\r\n");
  CHECK(sub.ReadReply() == Message("*1\r\n$1\r\nk\r\n"));
  CHECK(writer.Command({"FLUSHALL"}) == "+OK\r\n");
  CHECK(sub.ReadReply() == Message("$-1\r\n"));
  CHECK(Quiet(tracker));

  // The target goes away: a RESP2 tracker hears nothing, its flags say so.
  CHECK(tracker.Command({"GET", "k"}) == "$-1\r\n");
  sub.Send(EncodeCommand({"QUIT"}));
  std::string rest;
  CHECK(sub.WaitClosed(&rest));
  CHECK(writer.Command({"SET", "k", "1"}) == "+OK\r\n");
  CHECK(Quiet(tracker));
  std::string info = tracker.Command({"CLIENT", "TRACKINGINFO"});
  CHECK(info.find("broken_redirect") != std::string::npos);
  CHECK(tracker.Command({"CLIENT", "INFO"}).find(" flags=tR ") != std::string::npos);
  CHECK(tracker.Command({"CLIENT", "INFO"}).find(" redir=" + sub_id + " ") != std::string::npos);
  // In RESP3 it is told the redirection is broken, instead of the invalidation.
  Resp3(tracker);
  CHECK(tracker.Command({"GET", "k"}) == "$1\r\n1\r\n");
  CHECK(writer.Command({"SET", "k", "2"}) == "+OK\r\n");
  CHECK(tracker.ReadReply() == ">2\r\n$21\r\ntracking-redir-broken\r\n:" + sub_id + "\r\n");
  // A redirection to a client that does not exist is refused.
  CHECK(tracker.Command({"CLIENT", "TRACKING", "on", "REDIRECT", sub_id}) ==
        "-ERR The client ID you want redirect to does not exist\r\n");
}

TEST_CASE("tracking: a redirection to the writer itself, and pushes under CLIENT REPLY OFF" *
          doctest::skip(UsingExternalServer())) {
  auto server = Start();
  RawConn tracker(server->address());
  RawConn writer(server->address());
  Resp3(writer);
  CHECK(tracker.Command({"CLIENT", "TRACKING", "on", "REDIRECT", ClientId(writer)}) == "+OK\r\n");
  CHECK(tracker.Command({"GET", "k"}) == "$-1\r\n");
  // As Redis: the invalidation is written into the writer's output before its reply.
  writer.Send(EncodeCommand({"SET", "k", "v"}));
  CHECK(writer.ReadReply() == Push({"k"}));
  CHECK(writer.ReadReply() == "+OK\r\n");
  // Pushes pass CLIENT REPLY OFF.
  Resp3(tracker);
  CHECK(tracker.Command({"CLIENT", "TRACKING", "on", "REDIRECT", ClientId(tracker)}) == "+OK\r\n");
  CHECK(tracker.Command({"GET", "k"}) == "$1\r\nv\r\n");
  tracker.Send(EncodeCommand({"CLIENT", "REPLY", "OFF"}) + EncodeCommand({"SET", "k", "w"}));
  CHECK(tracker.ReadReply() == Push({"k"}));
  CHECK(tracker.Command({"CLIENT", "REPLY", "ON"}) == "+OK\r\n");
}

TEST_CASE("tracking: BCAST prefixes collect another thread's writes into one push" *
          doctest::skip(UsingExternalServer())) {
  auto server = Start();
  RawConn reader(server->address());
  RawConn writer(server->address());
  Resp3(reader);
  CHECK(reader.Command({"CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "user:", "PREFIX",
                        "cart:"}) == "+OK\r\n");
  CHECK(Info(writer, "tracking_total_prefixes") == 2);
  CHECK(reader.Command({"CLIENT", "INFO"}).find(" flags=tB ") != std::string::npos);
  // One pipelined batch: the keys of each prefix arrive once, in key order.
  std::string batch;
  for (const char* k : {"user:2", "other", "user:1", "cart:9", "user:2"}) {
    batch += EncodeCommand({"SET", k, "x"});
  }
  writer.Send(batch);
  CHECK(writer.Read(25) == "+OK\r\n+OK\r\n+OK\r\n+OK\r\n+OK\r\n");
  std::string got = reader.ReadReply();
  got += reader.ReadReply();
  CHECK(got == Push({"cart:9"}) + Push({"user:1", "user:2"}));
  CHECK(Quiet(reader));
  // Reads record nothing in BCAST mode.
  CHECK(reader.Command({"GET", "user:1"}) == "$1\r\nx\r\n");
  CHECK(Info(writer, "tracking_total_keys") == 0);
}

TEST_CASE("tracking: OPTIN tracks only after CLIENT CACHING yes, NOLOOP skips own writes" *
          doctest::skip(UsingExternalServer())) {
  auto server = Start();
  RawConn reader(server->address());
  RawConn writer(server->address());
  Resp3(reader);
  CHECK(reader.Command({"CLIENT", "TRACKING", "on", "OPTIN", "NOLOOP"}) == "+OK\r\n");
  CHECK(reader.Command({"GET", "a"}) == "_\r\n");
  CHECK(reader.Command({"CLIENT", "CACHING", "yes"}) == "+OK\r\n");
  CHECK(reader.Command({"GET", "b"}) == "_\r\n");
  CHECK(reader.Command({"GET", "c"}) == "_\r\n");
  CHECK(writer.Command({"MSET", "a", "1", "b", "2", "c", "3"}) == "+OK\r\n");
  CHECK(reader.ReadReply() == Push({"b"}));
  CHECK(Quiet(reader));
  // NOLOOP: the reader's own write is not echoed back; another client's is.
  CHECK(reader.Command({"CLIENT", "CACHING", "yes"}) == "+OK\r\n");
  CHECK(reader.Command({"GET", "a"}) == "$1\r\n1\r\n");
  CHECK(reader.Command({"SET", "a", "mine"}) == "+OK\r\n");
  CHECK(Quiet(reader));
  CHECK(reader.Command({"CLIENT", "CACHING", "yes"}) == "+OK\r\n");
  CHECK(reader.Command({"GET", "a"}) == "$4\r\nmine\r\n");
  CHECK(writer.Command({"SET", "a", "theirs"}) == "+OK\r\n");
  CHECK(reader.ReadReply() == Push({"a"}));
}

TEST_CASE("tracking: a memcached set and the expiry cycle invalidate a RESP tracker" *
          doctest::skip(UsingExternalServer())) {
  const int mport = FreePort();
  std::string failure;
  auto server = TestServer::Start(
      {"--io-threads", "2", "--memcached-port", std::to_string(mport), "--hz", "100"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RawConn reader(server->address());
  Resp3(reader);
  CHECK(reader.Command({"CLIENT", "TRACKING", "on"}) == "+OK\r\n");
  CHECK(reader.Command({"GET", "mc"}) == "_\r\n");
  RawConn mc(Address{"127.0.0.1", mport, ""});
  REQUIRE(mc.connected());
  mc.Send("set mc 0 0 5\r\nhello\r\n");
  CHECK(mc.Read(8) == "STORED\r\n");
  CHECK(reader.ReadReply() == Push({"mc"}));
  CHECK(reader.Command({"GET", "mc"}) == "$5\r\nhello\r\n");
  mc.Send("delete mc\r\n");
  CHECK(mc.Read(9) == "DELETED\r\n");
  CHECK(reader.ReadReply() == Push({"mc"}));
  // A tracked key the active expiry cycle removes, with no command from anyone.
  CHECK(reader.Command({"SET", "ttl", "v", "PX", "50"}) == "+OK\r\n");
  CHECK(reader.Command({"GET", "ttl"}) == "$1\r\nv\r\n");
  CHECK(reader.ReadReply(5s) == Push({"ttl"}));
}

TEST_CASE("tracking: a tracked key evicted by maxmemory is invalidated" *
          doctest::skip(UsingExternalServer())) {
  auto server = Start({"--maxmemory", "2mb", "--maxmemory-policy", "volatile-random"});
  RawConn reader(server->address());
  RedisConn other = Connect(server->address());
  Resp3(reader);
  // The only key with a TTL, so the first eviction takes it.
  CHECK(reader.Command({"SET", "victim", "v", "EX", "1000"}) == "+OK\r\n");
  CHECK(reader.Command({"CLIENT", "TRACKING", "on"}) == "+OK\r\n");
  CHECK(reader.Command({"GET", "victim"}) == "$1\r\nv\r\n");
  const std::string value(200, 'x');
  for (int batch = 0; batch < 200; ++batch) {
    for (int i = 0; i < 100; ++i) {
      Run(other.get(), {"SET", "fill" + std::to_string(batch * 100 + i), value});
    }
    if (Str(Run(other.get(), {"EXISTS", "victim"})) == "0") break;
  }
  REQUIRE(Str(Run(other.get(), {"EXISTS", "victim"})) == "0");
  CHECK(reader.ReadReply() == Push({"victim"}));
}

TEST_CASE("tracking: tracking-table-max-keys invalidates keys beyond the limit" *
          doctest::skip(UsingExternalServer())) {
  auto server = Start({"--tracking-table-max-keys", "2"});
  RawConn reader(server->address());
  RawConn other(server->address());
  Resp3(reader);
  CHECK(reader.Command({"CLIENT", "TRACKING", "on"}) == "+OK\r\n");
  CHECK(reader.Command({"MGET", "k1", "k2", "k3", "k4"}) == "*4\r\n_\r\n_\r\n_\r\n_\r\n");
  std::vector<std::string> evicted;
  for (int i = 0; i < 2; ++i) {
    std::string p = reader.ReadReply();
    REQUIRE(p.substr(0, 22) == ">2\r\n$10\r\ninvalidate\r\n*");
    evicted.push_back(p.substr(p.size() - 4, 2));
  }
  CHECK(evicted[0] != evicted[1]);
  CHECK(Quiet(reader));
  CHECK(Info(other, "tracking_total_keys") == 2);
  CHECK(Info(other, "tracking_total_items") == 2);
  // The two keys still tracked are invalidated on change; the evicted ones are not.
  CHECK(other.Command({"MSET", "k1", "1", "k2", "2", "k3", "3", "k4", "4"}) == "+OK\r\n");
  std::string a = reader.ReadReply(), b = reader.ReadReply();
  for (const std::string& k : evicted) {
    CHECK(a != Push({k}));
    CHECK(b != Push({k}));
  }
  CHECK(Quiet(reader));
}

TEST_CASE("tracking: clients that go away leave no tracking state behind" *
          doctest::skip(UsingExternalServer())) {
  auto server = Start();
  RawConn admin(server->address());
  {
    RawConn bcast(server->address());
    RawConn plain(server->address());
    CHECK(bcast.Command({"CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "p"}) == "+OK\r\n");
    CHECK(plain.Command({"CLIENT", "TRACKING", "on"}) == "+OK\r\n");
    CHECK(plain.Command({"GET", "p1"}) == "$-1\r\n");
    CHECK(Info(admin, "tracking_clients") == 2);
    CHECK(Info(admin, "tracking_total_prefixes") == 1);
    // Killed by another client, or closed by itself.
    std::string id = ClientId(plain);
    CHECK(admin.Command({"CLIENT", "KILL", "ID", id}) == ":1\r\n");
  }
  for (int i = 0; i < 100 && Info(admin, "tracking_clients") != 0; ++i) {
    std::this_thread::sleep_for(10ms);
  }
  CHECK(Info(admin, "tracking_clients") == 0);
  CHECK(Info(admin, "tracking_total_prefixes") == 0);
  // The departed client's key goes at its next change, telling nobody.
  CHECK(admin.Command({"SET", "p1", "x"}) == "+OK\r\n");
  CHECK(Info(admin, "tracking_total_keys") == 0);
  CHECK(Info(admin, "tracking_total_items") == 0);
  // RESET turns tracking off.
  CHECK(admin.Command({"CLIENT", "TRACKING", "on", "BCAST"}) == "+OK\r\n");
  CHECK(admin.Command({"RESET"}) == "+RESET\r\n");
  CHECK(Info(admin, "tracking_clients") == 0);
  CHECK(Info(admin, "tracking_total_prefixes") == 0);
}

}  // namespace
}  // namespace tandem::test
