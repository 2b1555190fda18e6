#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "server/config.h"

using tandem::Config;
using tandem::ConfigRegistry;

TEST_CASE("memory values use Redis's units: k is 1000, kb is 1024, case-insensitive") {
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
  CHECK_FALSE(tandem::ParseMemory("", &v));
  CHECK_FALSE(tandem::ParseMemory("mb", &v));
  CHECK_FALSE(tandem::ParseMemory("12xb", &v));
  CHECK_FALSE(tandem::ParseMemory("-1", &v));
}

TEST_CASE("a config file line with an unknown directive stops loading and names the line") {
  const char* path = "/tmp/tandem_config_test.conf";
  std::ofstream(path) << "# comment\nport 7000\n\nno-such-option 1\n";
  Config config;
  ConfigRegistry registry(&config);
  std::string err;
  CHECK_FALSE(registry.LoadFile(path, &err));
  CHECK(err.find("at line 4") != std::string::npos);
  CHECK(err.find("'no-such-option 1'") != std::string::npos);
  CHECK(config.port == 7000);
  std::remove(path);
}

TEST_CASE("a malformed value in the config file is reported with its reason") {
  const char* path = "/tmp/tandem_config_test2.conf";
  std::ofstream(path) << "maxclients lots\n";
  Config config;
  ConfigRegistry registry(&config);
  std::string err;
  CHECK_FALSE(registry.LoadFile(path, &err));
  CHECK(err.find("at line 1") != std::string::npos);
  CHECK(err.find("couldn't be parsed into an integer") != std::string::npos);
  std::remove(path);
}

TEST_CASE("command-line options override the file and take several values") {
  Config config;
  ConfigRegistry registry(&config);
  std::string err;
  REQUIRE(registry.ApplyArgs({"--port", "7777", "--bind", "127.0.0.1", "::1", "--save", ""},
                             &err));
  CHECK(config.port == 7777);
  CHECK(config.bind == std::vector<std::string>{"127.0.0.1", "::1"});
  CHECK_FALSE(registry.ApplyArgs({"--bogus", "1"}, &err));
  CHECK(err.find("--bogus") != std::string::npos);
}

TEST_CASE("CONFIG SET is atomic: one bad pair leaves every value unchanged") {
  Config config;
  ConfigRegistry registry(&config);
  std::string err = registry.Set({{"maxclients", "50"}, {"timeout", "abc"}});
  CHECK(err ==
        "ERR CONFIG SET failed (possibly related to argument 'timeout') - argument couldn't be "
        "parsed into an integer");
  CHECK(config.maxclients == 10000);
  CHECK(registry.Set({{"maxclients", "50"}, {"timeout", "5"}}).empty());
  CHECK(config.maxclients == 50);
  CHECK(config.timeout == 5);
}

TEST_CASE("CONFIG SET refuses unknown and immutable options with Redis's texts") {
  Config config;
  ConfigRegistry registry(&config);
  CHECK(registry.Set({{"nope", "1"}}) ==
        "ERR Unknown option or number of arguments for CONFIG SET - 'nope'");
  CHECK(registry.Set({{"databases", "4"}}) ==
        "ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable "
        "config");
}

TEST_CASE("CONFIG GET matches glob patterns case-insensitively and formats values") {
  Config config;
  ConfigRegistry registry(&config);
  auto got = registry.Get({"MAXMEMORY*"});
  REQUIRE(got.size() == 3);
  CHECK(got[0] == std::pair<std::string, std::string>{"maxmemory", "0"});
  CHECK(got[1] == std::pair<std::string, std::string>{"maxmemory-policy", "noeviction"});
  auto limit = registry.Get({"client-output-buffer-limit"});
  REQUIRE(limit.size() == 1);
  CHECK(limit[0].second ==
        "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60");
}
