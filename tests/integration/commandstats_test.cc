// INFO commandstats names and counts calls the way redis-server 7.0.15 does: a container's
// subcommand under "container|sub", COMMAND's included.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "tests/integration/server_fixture.h"

namespace tandem::test {
namespace {

// "cmdstat_<name>:calls=N,usec=...,rejected_calls=R,failed_calls=F" lines, by name, as
// "calls=N rejected=R failed=F".
std::map<std::string, std::string> CommandStats(redisContext* c) {
  std::string info = Str(Run(c, {"INFO", "commandstats"}));
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while ((pos = info.find("cmdstat_", pos)) != std::string::npos) {
    size_t colon = info.find(':', pos);
    size_t end = info.find("\r\n", colon);
    std::string name = info.substr(pos + 8, colon - pos - 8);
    std::string fields = info.substr(colon + 1, end - colon - 1);
    auto field = [&](const std::string& key) {
      size_t at = fields.find(key + "=");
      return fields.substr(at + key.size() + 1, fields.find(',', at) - at - key.size() - 1);
    };
    out[name] = "calls=" + field("calls") + " rejected=" + field("rejected_calls") +
                " failed=" + field("failed_calls");
    pos = end;
  }
  return out;
}

TEST_CASE("COMMAND's subcommands count as command|sub in INFO commandstats, like CONFIG's" *
          doctest::skip(UsingExternalServer())) {
  std::unique_ptr<TestServer> server = TestServer::Start({});
  REQUIRE(server);
  RedisConn c = Connect(server->address());
  REQUIRE(c);
  REQUIRE(Str(Run(c.get(), {"CONFIG", "RESETSTAT"})) == "OK");
  Reply count = Run(c.get(), {"COMMAND", "COUNT"});
  REQUIRE(count);
  CHECK(count->type == REDIS_REPLY_INTEGER);
  CHECK(Str(Run(c.get(), {"command", "count", "extra"})) ==
        "ERR wrong number of arguments for 'command|count' command");
  CHECK(Str(Run(c.get(), {"COMMAND", "NOSUCH"})) ==
        "ERR unknown subcommand 'NOSUCH'. Try COMMAND HELP.");
  Reply info = Run(c.get(), {"COMMAND", "INFO", "get"});
  REQUIRE(info);
  CHECK(info->type == REDIS_REPLY_ARRAY);
  Reply all = Run(c.get(), {"COMMAND"});
  REQUIRE(all);
  CHECK(all->type == REDIS_REPLY_ARRAY);
  CHECK(all->elements == static_cast<size_t>(count->integer));
  Run(c.get(), {"CONFIG", "GET", "maxmemory"});
  Run(c.get(), {"CLIENT", "LIST"});
  CHECK(Str(Run(c.get(), {"OBJECT", "ENCODING", "nokey"})) == "(nil)");

  std::map<std::string, std::string> stats = CommandStats(c.get());
  CHECK(stats["command|count"] == "calls=1 rejected=1 failed=0");
  CHECK(stats["command|info"] == "calls=1 rejected=0 failed=0");
  CHECK(stats["command"] == "calls=1 rejected=0 failed=0");
  CHECK(stats["config|get"] == "calls=1 rejected=0 failed=0");
  CHECK(stats["client|list"] == "calls=1 rejected=0 failed=0");
  CHECK(stats["object|encoding"] == "calls=1 rejected=0 failed=0");
  // An unknown subcommand is counted in errorstats only.
  CHECK(stats.count("command|nosuch") == 0);
  for (const auto& entry : stats) {
    const std::string& name = entry.first;  // not a structured binding: CAPTURE needs a lambda
    CAPTURE(name);
    CHECK((name.find('|') != std::string::npos || name == "command" || name == "info"));
  }
}

}  // namespace
}  // namespace tandem::test
