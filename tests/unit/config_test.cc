#include "server/config.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

using tandem::Config;
using tandem::ConfigRegistry;

namespace {

const ConfigRegistry& Registry() { return ConfigRegistry::Instance(); }

std::string TempPath(const std::string& stem) {
  return "/tmp/tandem_config_test_" + std::to_string(getpid()) + "_" + stem;
}

// CONFIG GET of one exact name.
std::string GetOne(const Config& c, std::string_view name) {
  auto got = Registry().Get(c, {name});
  REQUIRE(got.size() == 1);
  return got[0].second;
}

std::string SetOne(Config* c, std::string_view name, std::string_view value) {
  Config next;
  std::vector<std::string> changed;
  std::string err = Registry().Set(*c, {{name, value}}, false, &next, &changed);
  if (err.empty()) *c = next;
  return err;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("memory values parse like Redis's memtoull: k is 1000, kb is 1024, no sign") {
  unsigned long long v = 0;
  CHECK(tandem::ParseMemory("100", &v));
  CHECK(v == 100);
  CHECK(tandem::ParseMemory("1k", &v));
  CHECK(v == 1000);
  CHECK(tandem::ParseMemory("1KB", &v));
  CHECK(v == 1024);
  CHECK(tandem::ParseMemory("512mb", &v));
  CHECK(v == 512ull * 1024 * 1024);
  CHECK(tandem::ParseMemory("2g", &v));
  CHECK(v == 2000000000ull);
  // No digits read as 0, and a number past 64 bits saturates, as strtoull does.
  CHECK(tandem::ParseMemory("", &v));
  CHECK(v == 0);
  CHECK(tandem::ParseMemory("mb", &v));
  CHECK(v == 0);
  CHECK(tandem::ParseMemory("99999999999999999999999", &v));
  CHECK(v == 18446744073709551615ull);
  CHECK_FALSE(tandem::ParseMemory("99999999999999999999999kb", &v));
  CHECK_FALSE(tandem::ParseMemory("12xb", &v));
  CHECK_FALSE(tandem::ParseMemory("-1", &v));
  CHECK_FALSE(tandem::ParseMemory(" 1", &v));
}

TEST_CASE("CONFIG REWRITE formats memory as Redis does: the largest exact unit") {
  CHECK(tandem::FormatMemory(0) == "0");
  CHECK(tandem::FormatMemory(1000) == "1000");
  CHECK(tandem::FormatMemory(4096) == "4kb");
  CHECK(tandem::FormatMemory(1048576) == "1mb");
  CHECK(tandem::FormatMemory(3ll << 30) == "3gb");
  CHECK(tandem::FormatMemory(1048577) == "1048577");
}

TEST_CASE("a config file line with an unknown directive stops loading and names the line") {
  std::string path = TempPath("unknown.conf");
  std::ofstream(path) << "# comment\nport 7000\n\nno-such-option 1\n";
  Config config;
  std::string err;
  CHECK_FALSE(Registry().LoadFile(path, &config, &err));
  CHECK(err.find("at line 4") != std::string::npos);
  CHECK(err.find("'no-such-option 1'") != std::string::npos);
  CHECK(config.port == 7000);
  std::remove(path.c_str());
}

TEST_CASE("a malformed value in the config file is reported with Redis's reason") {
  std::string path = TempPath("bad.conf");
  std::ofstream(path) << "maxclients lots\n";
  Config config;
  std::string err;
  CHECK_FALSE(Registry().LoadFile(path, &config, &err));
  CHECK(err.find("at line 1") != std::string::npos);
  CHECK(err.find("argument couldn't be parsed into an integer") != std::string::npos);
  std::ofstream(path) << "timeout 1 2\n";
  CHECK_FALSE(Registry().LoadFile(path, &config, &err));
  CHECK(err.find("wrong number of arguments") != std::string::npos);
  std::remove(path.c_str());
}

TEST_CASE("a config file: repeated save lines add rules, includes load, old directives pass") {
  std::string inc = TempPath("included.conf");
  std::string path = TempPath("main.conf");
  std::ofstream(inc) << "maxmemory 2mb\n";
  std::ofstream(path) << "save 900 1\nsave 300 10\ninclude " << inc
                      << "\nlist-max-ziplist-entries 512\nlua-replicate-commands yes\n"
                         "HASH-MAX-ZIPLIST-ENTRIES 64\nslaveof 10.0.0.1 6380\n";
  Config config;
  std::string err;
  REQUIRE_MESSAGE(Registry().LoadFile(path, &config, &err), err);
  CHECK(GetOne(config, "save") == "900 1 300 10");
  CHECK(config.maxmemory == 2 * 1024 * 1024);
  CHECK(config.hash_max_listpack_entries == 64);
  CHECK(GetOne(config, "replicaof") == "10.0.0.1 6380");
  auto warnings = Registry().Warnings(config);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("data is not persisted") != std::string::npos);
  CHECK(warnings[1].find("does not replicate") != std::string::npos);
  std::remove(inc.c_str());
  std::remove(path.c_str());
}

TEST_CASE("command-line options override the file and take several values") {
  Config config;
  std::string err;
  REQUIRE(Registry().ApplyArgs(
      {"--port", "7777", "--bind", "127.0.0.1", "::1", "--save", "", "--save", "900 1"}, &config,
      &err));
  CHECK(config.port == 7777);
  CHECK(config.bind == std::vector<std::string>{"127.0.0.1", "::1"});
  CHECK(GetOne(config, "save") == "900 1");
  CHECK_FALSE(Registry().ApplyArgs({"--bogus", "1"}, &config, &err));
  CHECK(err.find("--bogus") != std::string::npos);
}

TEST_CASE("Debian's /etc/redis/redis.conf loads unchanged" *
          doctest::skip(access("/etc/redis/redis.conf", R_OK) != 0)) {
  Config config;
  std::string err;
  REQUIRE_MESSAGE(Registry().LoadFile("/etc/redis/redis.conf", &config, &err), err);
  CHECK(config.daemonize);
  CHECK(config.dir == "/var/lib/redis");  // applied by main(), after the command line
  CHECK(GetOne(config, "stream-node-max-bytes") == "4096");
  CHECK(Registry().Warnings(config).empty());
}

TEST_CASE("the configs the Redis test suite and redis-py's CI write load") {
  std::string path = TempPath("suite.conf");
  std::ofstream(path) << "always-show-logo yes\nnotify-keyspace-events KEA\ndaemonize no\n"
                         "pidfile /var/run/redis.pid\nport 6379\ntimeout 0\nbind 127.0.0.1\n"
                         "loglevel verbose\nlogfile ''\ndatabases 16\n"
                         "latency-monitor-threshold 1\nrepl-diskless-sync-delay 0\n"
                         "save 60 10000\nrdbcompression yes\ndbfilename dump.rdb\ndir ./\n"
                         "slave-serve-stale-data yes\nappendonly no\nappendfsync everysec\n"
                         "no-appendfsync-on-rewrite no\nactiverehashing yes\n"
                         "enable-protected-configs yes\nenable-debug-command yes\n"
                         "enable-module-command yes\npropagation-error-behavior panic\n"
                         "shutdown-on-sigterm force\nsave \"\"\n";
  Config config;
  std::string err;
  REQUIRE_MESSAGE(Registry().LoadFile(path, &config, &err), err);
  CHECK(GetOne(config, "enable-module-command") == "yes");
  CHECK(GetOne(config, "notify-keyspace-events") == "AKE");
  CHECK(GetOne(config, "shutdown-on-sigterm") == "force");
  // Redis resets the defaults at the first save line only: save "" after rules adds nothing.
  CHECK(GetOne(config, "save") == "60 10000");
  std::remove(path.c_str());
}

TEST_CASE("CONFIG SET is atomic: one bad pair leaves every value unchanged") {
  Config config;
  Config next;
  std::vector<std::string> changed;
  std::string err =
      Registry().Set(config, {{"maxclients", "50"}, {"timeout", "abc"}}, false, &next, &changed);
  CHECK(err ==
        "ERR CONFIG SET failed (possibly related to argument 'timeout') - argument couldn't be "
        "parsed into an integer");
  CHECK(config.maxclients == 10000);
  CHECK(Registry()
            .Set(config, {{"maxclients", "50"}, {"TIMEOUT", "5"}}, false, &next, &changed)
            .empty());
  CHECK(next.maxclients == 50);
  CHECK(next.timeout == 5);
  CHECK(changed == std::vector<std::string>{"maxclients", "timeout"});
}

TEST_CASE(
    "CONFIG SET refuses unknown, immutable, protected and repeated names with Redis's texts") {
  Config config;
  CHECK(SetOne(&config, "nope", "1") ==
        "ERR Unknown option or number of arguments for CONFIG SET - 'nope'");
  CHECK(SetOne(&config, "Databases", "4") ==
        "ERR CONFIG SET failed (possibly related to argument 'Databases') - can't set immutable "
        "config");
  CHECK(SetOne(&config, "dir", "/tmp") ==
        "ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config");
  Config next;
  std::vector<std::string> changed;
  CHECK(Registry().Set(config, {{"dbfilename", "x.rdb"}}, true, &next, &changed).empty());
  CHECK(Registry().Set(config, {{"hz", "5"}, {"hz", "6"}}, false, &next, &changed) ==
        "ERR CONFIG SET failed (possibly related to argument 'hz') - duplicate parameter");
}

TEST_CASE("CONFIG SET validates parameters Tandem ignores exactly as Redis does") {
  Config config;
  CHECK(SetOne(&config, "hash-max-listpack-entries", "-1") ==
        "ERR CONFIG SET failed (possibly related to argument 'hash-max-listpack-entries') - "
        "argument must be between 0 and 9223372036854775807 inclusive");
  CHECK(SetOne(&config, "maxclients", "-5") ==
        "ERR CONFIG SET failed (possibly related to argument 'maxclients') - argument must be "
        "between 1 and 4294967295 inclusive");
  CHECK(SetOne(&config, "maxmemory-clients", "200%") ==
        "ERR CONFIG SET failed (possibly related to argument 'maxmemory-clients') - percentage "
        "argument must be less or equal to 100");
  CHECK(SetOne(&config, "maxmemory-clients", "10%").empty());
  CHECK(GetOne(config, "maxmemory-clients") == "10%");
  CHECK(SetOne(&config, "appendfsync", "sometimes") ==
        "ERR CONFIG SET failed (possibly related to argument 'appendfsync') - argument(s) must "
        "be one of the following: everysec, always, no");
  CHECK(SetOne(&config, "oom-score-adj", "RELATIVE").empty());
  CHECK(GetOne(config, "oom-score-adj") == "yes");
  CHECK(SetOne(&config, "slave-read-only", "maybe") ==
        "ERR CONFIG SET failed (possibly related to argument 'slave-read-only') - argument must "
        "be 'yes' or 'no'");
  CHECK(SetOne(&config, "slave-read-only", "no").empty());
  CHECK(GetOne(config, "replica-read-only") == "no");
  CHECK(SetOne(&config, "save", "100") ==
        "ERR CONFIG SET failed (possibly related to argument 'save') - Invalid save parameters");
  CHECK(SetOne(&config, "shutdown-on-sigint", "now save force").empty());
  CHECK(GetOne(config, "shutdown-on-sigint") == "save now force");
  CHECK(SetOne(&config, "shutdown-on-sigint", "save nosave") ==
        "ERR CONFIG SET failed (possibly related to argument 'shutdown-on-sigint') - shutdown "
        "options SAVE and NOSAVE can't be used simultaneously");
  CHECK(SetOne(&config, "latency-tracking-info-percentiles", "1.5 2").empty());
  CHECK(GetOne(config, "latency-tracking-info-percentiles") == "1.5 2");
  CHECK(SetOne(&config, "client-output-buffer-limit", "normal 1mb 2mb 3 ") ==
        "ERR CONFIG SET failed (possibly related to argument 'client-output-buffer-limit') - "
        "Wrong number of arguments in buffer limit configuration.");
  CHECK(SetOne(&config, "hz", "1000").empty());
  CHECK(config.hz == 500);
}

TEST_CASE("CONFIG GET lists names and aliases by glob, and echoes exact names as typed") {
  Config config;
  auto got = Registry().Get(config, {"*max-*-entries*"});
  std::map<std::string, std::string> m(got.begin(), got.end());
  CHECK(m == std::map<std::string, std::string>{{"hash-max-listpack-entries", "512"},
                                                {"hash-max-ziplist-entries", "512"},
                                                {"set-max-intset-entries", "512"},
                                                {"zset-max-listpack-entries", "128"},
                                                {"zset-max-ziplist-entries", "128"}});
  got = Registry().Get(config, {"MAXMEMORY"});
  REQUIRE(got.size() == 1);
  CHECK(got[0] == std::pair<std::string, std::string>{"MAXMEMORY", "0"});
  CHECK(GetOne(config, "client-output-buffer-limit") ==
        "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60");
  CHECK(GetOne(config, "unixsocketperm") == "0");
  // Every parameter redis-server 7.0.15 lists, aliases included.
  CHECK(Registry().Get(config, {"*"}).size() == 192);
}

TEST_CASE("CONFIG REWRITE rewrites in place, drops repeats, appends what differs, as Redis") {
  std::string path = TempPath("rewrite.conf");
  std::ofstream(path) << "# keep me   \nhz 10\n\n\n# and me\nhz 20\nslave-read-only yes\n"
                         "pidfile /run/x.pid\nlist-max-ziplist-entries 512\n";
  Config config;
  std::string err;
  REQUIRE_MESSAGE(Registry().LoadFile(path, &config, &err), err);
  config.config_file = path;
  REQUIRE(SetOne(&config, "hz", "42").empty());
  REQUIRE(SetOne(&config, "proto-max-bulk-len", "2mb").empty());
  REQUIRE(SetOne(&config, "replica-read-only", "no").empty());
  REQUIRE(SetOne(&config, "notify-keyspace-events", "KEA").empty());
  REQUIRE(SetOne(&config, "client-output-buffer-limit", "pubsub 1mb 0 5").empty());
  config.pidfile.clear();
  REQUIRE(Registry().Rewrite(config).empty());
  char cwd[4096];
  REQUIRE(getcwd(cwd, sizeof(cwd)));
  CHECK(ReadFile(path) ==
        "# keep me\nhz 42\n\n# and me\n\nreplica-read-only no\n\n"
        "# ??? list-max-ziplist-entries 512\n\n"
        "# Generated by CONFIG REWRITE\n"
        "client-output-buffer-limit pubsub 1mb 0 5\n"
        "proto-max-bulk-len 2mb\n"
        "dir \"" +
            std::string(cwd) +
            "\"\n"
            "notify-keyspace-events \"AKE\"\n"
            "save \"\"\n"
            "latency-tracking-info-percentiles 50 99 99.9\n");
  std::remove(path.c_str());
}
