// Blocking list commands across connections: a pusher on one io thread wakes a client
// blocked on another (through the wake hook, no polling), first blocked first served,
// fractional timeouts, CLIENT UNBLOCK, a blocked client's pipelined commands waiting for its
// reply, and a blocked connection closing cleanly. Byte-exact replies.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include "tests/integration/server_fixture.h"

namespace tandem::test {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kRounds = 50;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int kRounds = 50;
#else
constexpr int kRounds = 500;
#endif
#else
constexpr int kRounds = 500;
#endif

// Waits until INFO says `n` clients are blocked.
void WaitBlocked(RawConn& admin, int n) {
  std::string want = "blocked_clients:" + std::to_string(n) + "\r\n";
  for (int i = 0; i < 400; ++i) {
    if (admin.Command({"INFO", "clients"}).find(want) != std::string::npos) return;
    std::this_thread::sleep_for(milliseconds(5));
  }
  FAIL("never saw " << want);
}

struct Servers {
  Servers() {
    std::string failure;
    server = TestServer::Start({"--io-threads", "2"}, &failure);
    REQUIRE_MESSAGE(server, failure);
  }
  std::unique_ptr<TestServer> server;
};

TEST_CASE("a push from another io thread wakes a blocked BLPOP, first blocked first served" *
          doctest::skip(UsingExternalServer())) {
  Servers s;
  // Connections are spread round-robin over the two loops: a and c share one, b and the
  // pusher the other, so both same-thread and cross-thread wake-ups happen.
  RawConn a(s.server->address()), b(s.server->address()), c(s.server->address());
  RawConn pusher(s.server->address());
  a.Send(EncodeCommand({"BLPOP", "q", "0"}));
  WaitBlocked(pusher, 1);
  b.Send(EncodeCommand({"BRPOP", "other", "q", "0"}));
  WaitBlocked(pusher, 2);
  c.Send(EncodeCommand({"BLMOVE", "q", "dst", "LEFT", "RIGHT", "0"}));
  WaitBlocked(pusher, 3);
  CHECK(pusher.Command({"RPUSH", "q", "1", "2"}) == ":2\r\n");
  CHECK(a.ReadReply() == "*2\r\n$1\r\nq\r\n$1\r\n1\r\n");
  CHECK(b.ReadReply() == "*2\r\n$1\r\nq\r\n$1\r\n2\r\n");
  CHECK(pusher.Command({"EXISTS", "q"}) == ":0\r\n");
  CHECK(pusher.Command({"LPUSH", "q", "3"}) == ":1\r\n");
  CHECK(c.ReadReply() == "$1\r\n3\r\n");
  CHECK(pusher.Command({"LRANGE", "dst", "0", "-1"}) == "*1\r\n$1\r\n3\r\n");
  WaitBlocked(pusher, 0);
}

TEST_CASE("ping-pong between two io threads through blocking pops" *
          doctest::skip(UsingExternalServer())) {
  Servers s;
  RawConn a(s.server->address()), b(s.server->address());
  std::thread other([&] {
    for (int i = 0; i < kRounds; ++i) {
      std::string r = b.Command({"BLPOP", "ping", "5"});
      if (r != "*2\r\n$4\r\nping\r\n$1\r\nx\r\n") break;
      b.Command({"RPUSH", "pong", "y"});
    }
  });
  int done = 0;
  for (int i = 0; i < kRounds; ++i) {
    CHECK(a.Command({"RPUSH", "ping", "x"}) == ":1\r\n");
    if (a.Command({"BRPOP", "pong", "5"}) != "*2\r\n$4\r\npong\r\n$1\r\ny\r\n") break;
    ++done;
  }
  other.join();
  CHECK(done == kRounds);
}

TEST_CASE("a blocked client's pipelined commands run after its served reply" *
          doctest::skip(UsingExternalServer())) {
  Servers s;
  RawConn a(s.server->address()), pusher(s.server->address());
  a.Send(EncodeCommand({"BLPOP", "q", "0"}) + EncodeCommand({"PING"}) +
         EncodeCommand({"LLEN", "q"}));
  WaitBlocked(pusher, 1);
  CHECK(a.Read(1, milliseconds(100)).empty());  // nothing runs while it waits
  CHECK(pusher.Command({"RPUSH", "q", "v", "w"}) == ":2\r\n");
  std::string want = "*2\r\n$1\r\nq\r\n$1\r\nv\r\n+PONG\r\n:1\r\n";
  CHECK(a.Read(want.size()) == want);
}

TEST_CASE("fractional timeouts, CLIENT UNBLOCK and a blocked client closing" *
          doctest::skip(UsingExternalServer())) {
  Servers s;
  RawConn a(s.server->address()), admin(s.server->address());
  auto start = steady_clock::now();
  CHECK(a.Command({"BLPOP", "q", "0.2"}) == "*-1\r\n");
  auto waited = steady_clock::now() - start;
  CHECK(waited >= milliseconds(190));
  CHECK(waited < milliseconds(2000));
  CHECK(a.Command({"BLMOVE", "q", "d", "LEFT", "LEFT", "0.05"}) == "*-1\r\n");

  std::string id = a.Command({"CLIENT", "ID"});
  id = id.substr(1, id.size() - 3);
  a.Send(EncodeCommand({"BLMPOP", "0", "1", "q", "LEFT"}));
  WaitBlocked(admin, 1);
  CHECK(admin.Command({"CLIENT", "UNBLOCK", id}) == ":1\r\n");
  CHECK(a.ReadReply() == "*-1\r\n");
  CHECK(admin.Command({"CLIENT", "UNBLOCK", id}) == ":0\r\n");
  a.Send(EncodeCommand({"BRPOPLPUSH", "q", "d", "0"}));
  WaitBlocked(admin, 1);
  CHECK(admin.Command({"CLIENT", "UNBLOCK", id, "ERROR"}) == ":1\r\n");
  CHECK(a.ReadReply() == "-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n");

  {
    RawConn gone(s.server->address());
    gone.Send(EncodeCommand({"BLPOP", "q", "0"}));
    WaitBlocked(admin, 1);
  }  // closed while blocked
  WaitBlocked(admin, 0);
  CHECK(admin.Command({"RPUSH", "q", "kept"}) == ":1\r\n");  // nobody took it
  CHECK(admin.Command({"LRANGE", "q", "0", "-1"}) == "*1\r\n$4\r\nkept\r\n");
}

// The value of `field` in INFO's reply (`section`), e.g. "calls=1,usec=..."; empty if absent.
std::string InfoField(RawConn& conn, const std::string& section, const std::string& field) {
  std::string info = conn.Command({"INFO", section});
  size_t at = info.find(field + ":");
  if (at == std::string::npos) return "";
  at += field.size() + 1;
  return info.substr(at, info.find("\r\n", at) - at);
}

// "calls=N" and "failed_calls=M" of a cmdstat line, usec left out (it varies).
std::string CallCounts(const std::string& cmdstat) {
  auto get = [&](const std::string& name) {
    size_t at = cmdstat.find(name + "=");
    if (at == std::string::npos) return std::string("?");
    at += name.size() + 1;
    return cmdstat.substr(at, cmdstat.find(',', at) - at);
  };
  return "calls=" + get("calls") + " failed=" + get("failed_calls");
}

TEST_CASE("a blocked client shows flags=b; its call is counted once, CLIENT UNBLOCK fails it" *
          doctest::skip(UsingExternalServer())) {
  Servers s;
  RawConn a(s.server->address()), admin(s.server->address());
  std::string id = a.Command({"CLIENT", "ID"});
  id = id.substr(1, id.size() - 3);
  a.Send(EncodeCommand({"BLPOP", "q", "0"}));
  WaitBlocked(admin, 1);
  std::string list = admin.Command({"CLIENT", "LIST"});
  CHECK(list.find("id=" + id + " ") != std::string::npos);
  CHECK(list.find("flags=b db=0") != std::string::npos);
  CHECK(list.find("cmd=blpop") != std::string::npos);
  CHECK(CallCounts(InfoField(admin, "commandstats", "cmdstat_blpop")) == "calls=1 failed=0");
  CHECK(admin.Command({"RPUSH", "q", "v"}) == ":1\r\n");
  CHECK(a.ReadReply() == "*2\r\n$1\r\nq\r\n$1\r\nv\r\n");
  CHECK(CallCounts(InfoField(admin, "commandstats", "cmdstat_blpop")) == "calls=1 failed=0");
  std::string info = a.Command({"CLIENT", "INFO"});
  CHECK(info.find("flags=N ") != std::string::npos);

  // Redis 7.0.15 counts a failed call at CLIENT UNBLOCK, TIMEOUT or ERROR, and the error.
  CHECK(admin.Command({"CONFIG", "RESETSTAT"}) == "+OK\r\n");
  a.Send(EncodeCommand({"BLPOP", "q", "0"}));
  WaitBlocked(admin, 1);
  CHECK(admin.Command({"CLIENT", "UNBLOCK", id}) == ":1\r\n");
  CHECK(a.ReadReply() == "*-1\r\n");
  CHECK(CallCounts(InfoField(admin, "commandstats", "cmdstat_blpop")) == "calls=1 failed=1");
  CHECK(InfoField(admin, "errorstats", "errorstat_UNBLOCKED").empty());
  a.Send(EncodeCommand({"BLPOP", "q", "0"}));
  WaitBlocked(admin, 1);
  CHECK(admin.Command({"CLIENT", "UNBLOCK", id, "ERROR"}) == ":1\r\n");
  CHECK(a.ReadReply() == "-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n");
  CHECK(CallCounts(InfoField(admin, "commandstats", "cmdstat_blpop")) == "calls=2 failed=2");
  CHECK(InfoField(admin, "errorstats", "errorstat_UNBLOCKED") == "count=1");
  // A timeout is no failure.
  CHECK(a.Command({"BLPOP", "q", "0.01"}) == "*-1\r\n");
  CHECK(CallCounts(InfoField(admin, "commandstats", "cmdstat_blpop")) == "calls=3 failed=2");
}

}  // namespace
}  // namespace tandem::test
