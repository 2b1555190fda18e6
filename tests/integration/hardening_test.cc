// The connection path under hostile or careless clients: parsed commands that must not
// move while a batch grows, output limits checked per reply, query buffers that give memory
// back, and the small protocol edges where redis-server 7.0.15 is the reference.
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <regex>
#include <string>
#include <thread>

#include "tests/integration/server_fixture.h"

namespace tandem::test {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

std::unique_ptr<TestServer> StartOrFail(const std::vector<std::string>& args) {
  std::string failure;
  auto server = TestServer::Start(args, &failure);
  if (!server) FAIL("server did not start: " << failure);
  return server;
}

// Sends `bytes` in one write and returns everything received until the server closes
// the connection or goes quiet.
std::string Exchange(const Address& addr, const std::string& bytes) {
  RawConn c(addr);
  c.Send(bytes);
  std::string got;
  c.WaitClosed(&got, milliseconds(500));
  return got;
}

long long ClientListField(redisContext* c, const std::string& name, const std::string& field) {
  std::string list = Str(Run(c, {"CLIENT", "LIST"}));
  std::smatch m;
  std::regex re("name=" + name + " .* " + field + "=(\\d+)");
  REQUIRE(std::regex_search(list, m, re));
  return std::stoll(m[1]);
}

TEST_CASE("a quoted inline command pipelined with a multibulk one stores the right keys") {
  Address addr = SharedServer();
  RedisConn c = Connect(addr);
  Run(c.get(), {"DEL", "k", "a", "hk1", "hk2"});
  // The quoted token lives in the parsed command's own storage; the batch grows while the
  // multibulk command is parsed, and must not move it.
  CHECK(Exchange(addr, "SET 'k' 'v'\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\nb\r\n") ==
        "+OK\r\n+OK\r\n");
  CHECK(Str(Run(c.get(), {"GET", "k"})) == "v");
  CHECK(Str(Run(c.get(), {"GET", "a"})) == "b");
  std::string many;
  for (int i = 0; i < 40; ++i) many += "SET 'hk" + std::to_string(i % 2 + 1) + "' \"x\\x41\"\r\n";
  many += "*2\r\n$3\r\nGET\r\n$3\r\nhk1\r\n";
  std::string expected;
  for (int i = 0; i < 40; ++i) expected += "+OK\r\n";
  CHECK(Exchange(addr, many) == expected + "$2\r\nxA\r\n");
  Run(c.get(), {"DEL", "k", "a", "hk1", "hk2"});
}

TEST_CASE("a quoted inline command before an unbalanced quote echoes its own argument") {
  Address addr = SharedServer();
  CHECK(Exchange(addr, "ECHO 'a'\r\nECHO \"x\r\n") ==
        "$1\r\na\r\n-ERR Protocol error: unbalanced quotes in request\r\n");
  RedisConn c = Connect(addr);
  std::string dbsize = ":" + Str(Run(c.get(), {"DBSIZE"})) + "\r\n";
  CHECK(Exchange(addr, "'DBSIZE'\r\n\"x\r\n") ==
        dbsize + "-ERR Protocol error: unbalanced quotes in request\r\n");
}

TEST_CASE("nothing is answered after QUIT, not even a protocol error") {
  Address addr = SharedServer();
  CHECK(Exchange(addr, "QUIT\r\n*1\r\n$x\r\n") == "+OK\r\n");
  CHECK(Exchange(addr, "PING\r\nQUIT\r\nPING\r\n\"unbalanced\r\n") == "+PONG\r\n+OK\r\n");
}

TEST_CASE("an inline request in one packet is read as Redis reads it: 81,910 bytes at most") {
  Address addr = SharedServer();
  auto inline_echo = [](size_t total) { return "ECHO " + std::string(total - 7, 'a') + "\r\n"; };
  std::string fits = Exchange(addr, inline_echo(81910));
  CHECK(fits.rfind("$81903\r\n", 0) == 0);
  CHECK(fits.size() == 81903 + 10);
  CHECK(Exchange(addr, inline_echo(81920)) == "-ERR Protocol error: too big inline request\r\n");
}

TEST_CASE("unauthenticated clients: DEBUG is refused before NOAUTH, a flood is disconnected" *
          doctest::skip(UsingExternalServer())) {
  auto server = StartOrFail({"--requirepass", "pw"});
  Address addr = server->address();
  {
    RawConn c(addr);
    CHECK(c.Command({"DEBUG", "SLEEP", "0"}).rfind("-ERR DEBUG command not allowed.", 0) == 0);
    CHECK(c.Command({"PING"}) == "-NOAUTH Authentication required.\r\n");
  }
  {
    // 40 replies fit in the 16 KB reply buffer: all arrive.
    std::string reply = "-NOAUTH Authentication required.\r\n";
    std::string few;
    for (int i = 0; i < 40; ++i) few += "PING\r\n";
    RawConn c(addr);
    c.Send(few);
    CHECK(c.Read(40 * reply.size()).size() == 40 * reply.size());
  }
  {
    // 2,000 do not: as redis-server, the client is closed and its replies dropped.
    std::string flood;
    for (int i = 0; i < 2000; ++i) flood += "PING\r\n";
    RawConn c(addr);
    c.Send(flood);
    std::string got;
    CHECK(c.WaitClosed(&got, std::chrono::seconds(3)));
    CHECK(got.size() < 2000 * 35);
  }
}

TEST_CASE(
    "a non-reading client over its hard limit is cut off within a reply; others wait "
    "milliseconds" *
    doctest::skip(UsingExternalServer())) {
  auto server = StartOrFail({"--client-output-buffer-limit", "normal", "8mb", "0", "0"});
  Address addr = server->address();
  RedisConn setup = Connect(addr);
  REQUIRE(Str(Run(setup.get(), {"SET", "big", std::string(1024 * 1024, 'v')})) == "OK");
  // 500 GETs of 1 MB in one write from a client that never reads: the replies cross the
  // 8 MB limit after a handful, and the rest of the batch must not run.
  std::string gets;
  for (int i = 0; i < 500; ++i) gets += EncodeCommand({"GET", "big"});
  RawConn hog(addr);
  RedisConn other = Connect(addr);
  hog.Send(gets);
  auto worst = milliseconds(0);
  for (int i = 0; i < 20; ++i) {
    auto start = Clock::now();
    CHECK(Str(Run(other.get(), {"PING"})) == "PONG");
    worst = std::max(worst, std::chrono::duration_cast<milliseconds>(Clock::now() - start));
    std::this_thread::sleep_for(milliseconds(5));
  }
  CHECK(worst < milliseconds(250));
  std::string got;
  CHECK(hog.WaitClosed(&got, std::chrono::seconds(5)));
  CHECK(InfoField(other.get(), "stats", "client_output_buffer_limit_disconnections") == 1);
  CHECK(InfoField(other.get(), "stats", "total_commands_processed") < 100);
  CHECK(InfoField(other.get(), "memory", "used_memory") < 64 * 1024 * 1024);
}

TEST_CASE("SIGTERM does not wait for a long pipeline to finish" *
          doctest::skip(UsingExternalServer())) {
  auto server = StartOrFail({});
  RedisConn setup = Connect(server->address());
  REQUIRE(Str(Run(setup.get(), {"SET", "v", std::string(100 * 1024, 'v')})) == "OK");
  // No output limit: 700 GETs of 100 KB in one write from a client that does not read.
  std::string gets;
  for (int i = 0; i < 700; ++i) gets += EncodeCommand({"GET", "v"});
  RawConn hog(server->address());
  hog.Send(gets);
  std::this_thread::sleep_for(milliseconds(20));
  auto start = Clock::now();
  CHECK(server->StopWith(SIGTERM, std::chrono::seconds(5)) == 0);
  CHECK(Clock::now() - start < std::chrono::seconds(1));
}

TEST_CASE("a drained query buffer gives its memory back" * doctest::skip(UsingExternalServer())) {
  auto server = StartOrFail({});
  Address addr = server->address();
  RedisConn c = Connect(addr);
  REQUIRE(Str(Run(c.get(), {"CLIENT", "SETNAME", "big-writer"})) == "OK");
  REQUIRE(Str(Run(c.get(), {"SET", "huge", std::string(20 * 1024 * 1024, 'x')})) == "OK");
  REQUIRE(Str(Run(c.get(), {"DEL", "huge"})) == "1");
  RedisConn observer = Connect(addr);
  CHECK(ClientListField(observer.get(), "big-writer", "qbuf") == 0);
  CHECK(ClientListField(observer.get(), "big-writer", "qbuf-free") == 0);
  CHECK(InfoField(observer.get(), "memory", "used_memory") < 16 * 1024 * 1024);
  CHECK(InfoField(observer.get(), "clients", "client_recent_max_input_buffer") < 1024 * 1024);
}

}  // namespace
}  // namespace tandem::test
