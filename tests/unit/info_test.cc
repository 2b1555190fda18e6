// Tests for the INFO text, the CLIENT LIST line and the shipped configuration file.
#include "server/commands/info.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "server/commands/client_family.h"
#include "server/config.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

std::vector<std::string> SectionTitles(const std::string& info) {
  std::vector<std::string> titles;
  size_t pos = 0;
  while ((pos = info.find("# ", pos)) != std::string::npos) {
    size_t end = info.find("\r\n", pos);
    titles.push_back(info.substr(pos + 2, end - pos - 2));
    pos = end;
  }
  return titles;
}

std::string Info(ServerState& server, std::vector<std::string_view> args) {
  return BuildInfo(server, CmdArgs(args));
}

TEST_CASE("bytesToHuman formats like Redis") {
  CHECK(BytesToHuman(0) == "0B");
  CHECK(BytesToHuman(1023) == "1023B");
  CHECK(BytesToHuman(1024) == "1.00K");
  CHECK(BytesToHuman(916496) == "895.02K");
  CHECK(BytesToHuman(1024 * 1024) == "1.00M");
  CHECK(BytesToHuman(25276514304ull) == "23.54G");
  CHECK(BytesToHuman(3ull << 40) == "3.00T");
}

TEST_CASE("INFO selects Redis's default, all and named sections, in Redis's order") {
  ServerState server(Config{}, CommandTable{});
  using V = std::vector<std::string>;
  V defaults = {"Server", "Clients", "Memory",     "Persistence", "Stats",   "Replication",
                "CPU",    "Modules", "Errorstats", "Cluster",     "Keyspace"};
  CHECK(SectionTitles(Info(server, {})) == defaults);
  CHECK(SectionTitles(Info(server, {"default"})) == defaults);
  V all = {"Server",  "Clients",      "Memory",     "Persistence",  "Stats",   "Replication", "CPU",
           "Modules", "Commandstats", "Errorstats", "Latencystats", "Cluster", "Keyspace"};
  CHECK(SectionTitles(Info(server, {"all"})) == all);
  CHECK(SectionTitles(Info(server, {"EVERYTHING"})) == all);
  CHECK(SectionTitles(Info(server, {"clients", "SERVER", "nosuch", "server"})) ==
        V{"Server", "Clients"});
  CHECK(Info(server, {"nosuch"}).empty());
  CHECK(Info(server, {"keyspace"}) == "# Keyspace\r\n");
  CHECK(Info(server, {"cluster", "modules"}) ==
        "# Modules\r\n\r\n# Cluster\r\ncluster_enabled:0\r\n");
}

TEST_CASE("INFO reports keyspace and error statistics in Redis's line format") {
  ServerState server(Config{}, CommandTable{});
  server.dbs().db(0).PutString("k", "v");
  server.dbs().db(3).PutString("a", "1");
  server.dbs().db(3).PutString("b", "2");
  CHECK(Info(server, {"keyspace"}) ==
        "# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\ndb3:keys=2,expires=0,avg_ttl=0\r\n");
  server.stats().error_stats["WRONGTYPE"] = 2;
  server.stats().error_stats["ERR"] = 1;
  CHECK(Info(server, {"errorstats"}) ==
        "# Errorstats\r\nerrorstat_ERR:count=1\r\nerrorstat_WRONGTYPE:count=2\r\n");
  ResetServerStats(server);
  CHECK(Info(server, {"errorstats"}) == "# Errorstats\r\n");
}

TEST_CASE("CLIENT LIST lines have Redis's fields in Redis's order") {
  ClientState c;
  c.id = 7;
  c.addr = "127.0.0.1:5000";
  c.laddr = "127.0.0.1:6379";
  c.fd = 9;
  c.name = "worker";
  c.created_ms = 10000;
  c.last_interaction_ms = 12000;
  c.db_index = 2;
  c.last_cmd = "get";
  c.no_evict = true;
  std::string line = ClientInfoLine(c, 15000, nullptr);
  CHECK(line.rfind("id=7 addr=127.0.0.1:5000 laddr=127.0.0.1:6379 fd=9 name=worker age=5 idle=3 "
                   "flags=e db=2 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 ",
                   0) == 0);
  CHECK(line.find(" events=r cmd=get user=default redir=-1 resp=2") != std::string::npos);
  std::vector<std::string_view> argv = {"client", "list"};
  CmdArgs running(argv);
  line = ClientInfoLine(c, 15000, &running);
  CHECK(line.find(" qbuf=26 ") != std::string::npos);
  CHECK(line.find(" argv-mem=10 ") != std::string::npos);
  CHECK(IsValidClientName("!#$%&()*+,-./:;<=>?@[]^_`{|}~"));
  CHECK_FALSE(IsValidClientName("a b"));
  CHECK_FALSE(IsValidClientName("a\x7f"));
  CHECK_FALSE(IsValidClientName("caf\xc3\xa9"));
}

TEST_CASE("conf/tandem.conf loads, sets every parameter to its default, documents them all") {
  std::string self = __FILE__;
  std::string path = self.substr(0, self.rfind("tests/unit/")) + "conf/tandem.conf";
  const ConfigRegistry& registry = ConfigRegistry::Instance();
  Config loaded;
  std::string err;
  REQUIRE_MESSAGE(registry.LoadFile(path, &loaded, &err), err);
  Config defaults;
  auto a = registry.Get(loaded, {"*"});
  auto b = registry.Get(defaults, {"*"});
  CHECK(a == b);
  // Every parameter is documented, as a directive or a commented-out example; the ones
  // Tandem ignores are listed after the "accepted for compatibility, no effect" heading.
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t compat = text.find("accepted for compatibility, no effect");
  REQUIRE(compat != std::string::npos);
  for (const auto& param : registry.Parameters()) {
    const std::string& name = param.first;  // not a structured binding: CAPTURE needs a lambda
    const bool acts = param.second;
    CAPTURE(name);
    size_t at = text.find("\n" + name + " ");
    if (at == std::string::npos) at = text.find("\n# " + name + " ");
    CHECK(at != std::string::npos);
    if (!acts && at != std::string::npos) CHECK(at > compat);
    if (acts && at != std::string::npos) CHECK(at < compat);
  }
}

}  // namespace
}  // namespace tandem::commands
