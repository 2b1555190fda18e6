// Start-up and shutdown of the binary: SHUTDOWN, SIGTERM, bad configuration, --help and
// --version.
#include <doctest/doctest.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <string>

#include "tests/integration/server_fixture.h"

namespace tandem::test {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("SHUTDOWN exits with code 0 after logging the start-up banner" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn c = Connect(server->address());
  CHECK(Str(Run(c.get(), {"SHUTDOWN", "SAVE", "NOSAVE"})) == "ERR syntax error");
  CHECK(Str(Run(c.get(), {"SHUTDOWN", "ABORT"})) == "ERR No shutdown in progress.");
  CHECK(Str(Run(c.get(), {"SHUTDOWN", "NOSAVE"})) == "(closed)");
  CHECK(server->WaitExit(std::chrono::seconds(5)) == 0);
  std::string log = server->Log();
  CHECK(Contains(log, "Ready to accept connections"));
  CHECK(Contains(log, "redis-compat=7.0.15"));
  CHECK(Contains(log, "Tandem version="));
}

TEST_CASE("SIGTERM exits with code 0" * doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn c = Connect(server->address());
  CHECK(Str(Run(c.get(), {"PING"})) == "PONG");
  CHECK(server->StopWith(SIGTERM) == 0);
  CHECK(Contains(server->Log(), "Received SIGTERM"));
}

TEST_CASE("a bad config line stops start-up with a message naming the line") {
  std::string path = "/tmp/tandem-it-" + std::to_string(getpid()) + "-bad.conf";
  {
    std::ofstream conf(path);
    conf << "# comment\nport 0\nno-such-directive 42\n";
  }
  std::string output;
  int code = RunServerBinary({path}, &output);
  unlink(path.c_str());
  CHECK(code != 0);
  CHECK(Contains(output, "line 3"));
  CHECK(Contains(output, "no-such-directive 42"));

  code = RunServerBinary({"--port", "abc"}, &output);
  CHECK(code != 0);
  CHECK(Contains(output, "--port abc"));
}

TEST_CASE("--help and --version exit 0") {
  std::string output;
  CHECK(RunServerBinary({"--help"}, &output) == 0);
  CHECK(Contains(output, "Usage"));
  CHECK(RunServerBinary({"--version"}, &output) == 0);
  CHECK(Contains(output, "redis-compat=7.0.15"));
}

TEST_CASE("the shipped conf/tandem.conf starts cleanly" * doctest::skip(UsingExternalServer())) {
  // This file is tests/integration/lifecycle_test.cc under the source root.
  std::string self = __FILE__;
  std::string conf = self.substr(0, self.rfind("tests/integration/")) + "conf/tandem.conf";
  std::string failure;
  // Command-line options after the file override its port and bind.
  auto server = TestServer::StartWithConfig(conf, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn c = Connect(server->address());
  CHECK(Str(Run(c.get(), {"PING"})) == "PONG");
  CHECK(server->StopWith(SIGTERM) == 0);
}

}  // namespace
}  // namespace tandem::test
