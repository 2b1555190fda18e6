// Integration tests that need their own server configuration: requirepass, maxclients,
// idle timeout, output buffer limits, unix sockets. Skipped with TANDEM_ADDR.
#include <doctest/doctest.h>
#include <unistd.h>

#include <csignal>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/server_fixture.h"

namespace tandem::test {
namespace {

std::unique_ptr<TestServer> StartOrFail(const std::vector<std::string>& args) {
  std::string failure;
  auto server = TestServer::Start(args, &failure);
  if (!server) FAIL("server did not start: " << failure);
  return server;
}

TEST_CASE("requirepass: NOAUTH, WRONGPASS and the unauthenticated protocol limits" *
          doctest::skip(UsingExternalServer())) {
  auto server = StartOrFail({"--requirepass", "s3cret"});
  Address addr = server->address();
  {
    RawConn c(addr);
    CHECK(c.Command({"PING"}) == "-NOAUTH Authentication required.\r\n");
    CHECK(c.Command({"AUTH", "wrong"}) ==
          "-WRONGPASS invalid username-password pair or user is disabled.\r\n");
    CHECK(c.Command({"AUTH", "nosuchuser", "s3cret"}) ==
          "-WRONGPASS invalid username-password pair or user is disabled.\r\n");
    CHECK(c.Command({"HELLO", "3"}).rfind("-NOAUTH HELLO must be called", 0) == 0);
    CHECK(c.Command({"AUTH", "s3cret"}) == "+OK\r\n");
    CHECK(c.Command({"PING"}) == "+PONG\r\n");
    // Authenticated clients have no argument limits.
    std::string big(20000, 'x');
    CHECK(c.Command({"ECHO", big}) == "$20000\r\n" + big + "\r\n");
    CHECK(c.Command({"RESET"}) == "+RESET\r\n");
    CHECK(c.Command({"PING"}) == "-NOAUTH Authentication required.\r\n");
  }
  {
    RawConn c(addr);
    c.Send("*11\r\n");
    std::string got;
    CHECK(c.WaitClosed(&got));
    CHECK(got == "-ERR Protocol error: unauthenticated multibulk length\r\n");
  }
  {
    RawConn c(addr);
    c.Send("*2\r\n$4\r\nECHO\r\n$16385\r\n");
    std::string got;
    CHECK(c.WaitClosed(&got));
    CHECK(got == "-ERR Protocol error: unauthenticated bulk length\r\n");
  }
  {
    RedisConn c = Connect(addr);
    CHECK(Str(Run(c.get(), {"HELLO", "2", "AUTH", "default", "s3cret", "SETNAME", "ok"})) ==
          "(aggregate)");
    CHECK(Str(Run(c.get(), {"CLIENT", "GETNAME"})) == "ok");
  }
}

TEST_CASE("maxclients 2: the third client is told and disconnected" *
          doctest::skip(UsingExternalServer())) {
  auto server = StartOrFail({"--maxclients", "2"});
  RedisConn a = Connect(server->address());
  RedisConn b = Connect(server->address());
  CHECK(Str(Run(a.get(), {"PING"})) == "PONG");
  CHECK(Str(Run(b.get(), {"PING"})) == "PONG");
  RawConn third(server->address());
  REQUIRE(third.connected());
  std::string got;
  CHECK(third.WaitClosed(&got));
  CHECK(got == "-ERR max number of clients reached\r\n");
  CHECK(Str(Run(a.get(), {"PING"})) == "PONG");
}

TEST_CASE("timeout 1 closes an idle client" * doctest::skip(UsingExternalServer())) {
  auto server = StartOrFail({"--timeout", "1"});
  RawConn idle(server->address());
  CHECK(idle.Command({"PING"}) == "+PONG\r\n");
  auto start = std::chrono::steady_clock::now();
  std::string got;
  CHECK(idle.WaitClosed(&got, std::chrono::seconds(4)));
  CHECK(got.empty());
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(900));
}

TEST_CASE("a client whose pending output exceeds the normal hard limit is closed" *
          doctest::skip(UsingExternalServer())) {
  auto server = StartOrFail({"--client-output-buffer-limit", "normal", "1mb", "0", "0"});
  RawConn c(server->address());
  REQUIRE(c.connected());
  CHECK(c.Command({"ECHO", std::string(1000, 'a')}).size() == 1000 + 9);
  // One 2 MB reply: over the 1 MB hard limit before anything is written.
  c.Send(EncodeCommand({"ECHO", std::string(2 * 1024 * 1024, 'b')}));
  std::string got;
  CHECK(c.WaitClosed(&got, std::chrono::seconds(5)));
  CHECK(got.size() < 1024 * 1024);
  RedisConn observer = Connect(server->address());
  std::string stats = Str(Run(observer.get(), {"INFO", "stats"}));
  CHECK(stats.find("client_output_buffer_limit_disconnections:1\r\n") != std::string::npos);
}

TEST_CASE("clients connect through the unix socket" * doctest::skip(UsingExternalServer())) {
  std::string path = "/tmp/tandem-it-" + std::to_string(getpid()) + ".sock";
  auto server = StartOrFail({"--unixsocket", path});
  Address unix_addr{"", 0, path};
  RedisConn c = Connect(unix_addr);
  REQUIRE(c);
  REQUIRE(c->err == 0);
  CHECK(Str(Run(c.get(), {"PING"})) == "PONG");
  std::string info = Str(Run(c.get(), {"CLIENT", "INFO"}));
  CHECK(info.find(" addr=" + path + ":0 ") != std::string::npos);
  CHECK(info.find(" flags=U ") != std::string::npos);
  CHECK(server->StopWith(SIGTERM) == 0);
  CHECK(access(path.c_str(), F_OK) != 0);  // removed at shutdown
}

}  // namespace
}  // namespace tandem::test
