// Starting from Redis's own configuration files, persistence warnings, supervised mode, and
// CONFIG SET while io threads serve clients (the ThreadSanitizer build checks the last).
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/server_fixture.h"

namespace tandem::test {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A fresh directory under /tmp, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/tandem-it-conf-XXXXXX";
    path_ = mkdtemp(tmpl) ? tmpl : "";
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string p = path_ + "/" + name;
    std::ofstream(p) << text;
    return p;
  }

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// CONFIG GET's value for one parameter, "(none)" if it is not known.
std::string ConfigGet(redisContext* c, const std::string& name) {
  Reply r = Run(c, {"CONFIG", "GET", name});
  if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2) return "(none)";
  return r->element[1]->str;
}

constexpr const char* kDebianConf = "/etc/redis/redis.conf";

TEST_CASE(
    "Debian's redis.conf starts Tandem unchanged, with port and paths given on the "
    "command line" *
    doctest::skip(UsingExternalServer() || access(kDebianConf, R_OK) != 0)) {
  TempDir dir;
  REQUIRE(!dir.path().empty());
  std::string conf = dir.Write("redis.conf", ReadFile(kDebianConf));
  // The file daemonizes and names /run, /var/log and /var/lib paths of the redis user: the
  // command line overrides them, as a service unit would.
  std::string failure;
  auto server = TestServer::StartWithConfig(
      conf, {"--daemonize", "no", "--pidfile", "", "--logfile", "", "--dir", dir.path()}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn c = Connect(server->address());
  CHECK(Str(Run(c.get(), {"PING"})) == "PONG");
  Reply all = Run(c.get(), {"CONFIG", "GET", "*"});
  REQUIRE((all && all->type == REDIS_REPLY_ARRAY));
  CHECK(all->elements == 2 * 192);  // every parameter redis-server 7.0.15 lists
  CHECK(ConfigGet(c.get(), "daemonize") == "no");
  CHECK(ConfigGet(c.get(), "dir") == std::filesystem::canonical(dir.path()).string());
  CHECK(ConfigGet(c.get(), "stream-node-max-bytes") == "4096");
  CHECK(ConfigGet(c.get(), "proc-title-template") == "{title} {listen-addr} {server-mode}");
  CHECK_FALSE(Contains(server->Log(), "WARNING"));

  // CONFIG REWRITE keeps the file readable by Tandem.
  CHECK(Str(Run(c.get(), {"CONFIG", "SET", "maxmemory", "3mb"})) == "OK");
  CHECK(Str(Run(c.get(), {"CONFIG", "REWRITE"})) == "OK");
  CHECK(server->StopWith(SIGTERM) == 0);
  std::string rewritten = ReadFile(conf);
  CHECK(Contains(rewritten, "\nmaxmemory 3mb\n"));
  CHECK(Contains(rewritten, "\nlogfile \"\"\n"));
  auto again = TestServer::StartWithConfig(conf, {"--daemonize", "no"}, &failure);
  REQUIRE_MESSAGE(again, failure);
  RedisConn c2 = Connect(again->address());
  CHECK(ConfigGet(c2.get(), "maxmemory") == "3145728");
  CHECK(again->StopWith(SIGTERM) == 0);
}

TEST_CASE(
    "save rules and appendonly yes start the server with a WARNING that data is not "
    "persisted" *
    doctest::skip(UsingExternalServer())) {
  TempDir dir;
  std::string conf = dir.Write("persist.conf", "save 900 1\nsave 300 10\nappendonly yes\n");
  std::string failure;
  auto server = TestServer::StartWithConfig(conf, {"--dir", dir.path()}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn c = Connect(server->address());
  CHECK(ConfigGet(c.get(), "save") == "900 1 300 10");
  CHECK(ConfigGet(c.get(), "appendonly") == "yes");
  std::string log = server->Log();
  CHECK(Contains(log,
                 "# WARNING: save \"900 1 300 10\" is set, but Tandem keeps data in memory "
                 "only"));
  CHECK(Contains(log, "# WARNING: appendonly yes is set"));
  CHECK(server->StopWith(SIGTERM) == 0);
}

TEST_CASE("the configs the Redis test suite and redis-py's CI write start the server" *
          doctest::skip(UsingExternalServer())) {
  TempDir dir;
  // redis-py's CI (docker/redis7/master/redis.conf).
  std::string py = dir.Write("redis-py.conf",
                             "port 6379\nsave \"\"\nenable-debug-command yes\n"
                             "enable-module-command yes");
  std::string failure;
  auto server = TestServer::StartWithConfig(py, &failure);
  REQUIRE_MESSAGE(server, failure);
  RedisConn c = Connect(server->address());
  CHECK(Str(Run(c.get(), {"DEBUG", "SLEEP", "0"})) == "OK");
  CHECK(ConfigGet(c.get(), "enable-module-command") == "yes");
  CHECK(server->StopWith(SIGTERM) == 0);

  // The Redis test suite's tests/assets/default.conf (7.0).
  std::string suite = dir.Write(
      "default.conf",
      "always-show-logo yes\nnotify-keyspace-events KEA\ndaemonize no\n"
      "pidfile /var/run/redis.pid\nport 6379\ntimeout 0\nbind 127.0.0.1\nloglevel verbose\n"
      "logfile ''\ndatabases 16\nlatency-monitor-threshold 1\nrepl-diskless-sync-delay 0\n"
      "save ''\nrdbcompression yes\ndbfilename dump.rdb\ndir ./\nslave-serve-stale-data yes\n"
      "appendonly no\nappendfsync everysec\nno-appendfsync-on-rewrite no\n"
      "activerehashing yes\nenable-protected-configs yes\nenable-debug-command yes\n"
      "enable-module-command yes\npropagation-error-behavior panic\n"
      "shutdown-on-sigterm force\n");
  auto tests = TestServer::StartWithConfig(suite, {"--pidfile", "", "--dir", dir.path()}, &failure);
  REQUIRE_MESSAGE(tests, failure);
  RedisConn t = Connect(tests->address());
  // enable-protected-configs yes lets CONFIG SET move the directory.
  std::filesystem::create_directory(dir.path() + "/sub");
  CHECK(Str(Run(t.get(), {"CONFIG", "SET", "dir", dir.path() + "/sub"})) == "OK");
  CHECK(ConfigGet(t.get(), "dir") == std::filesystem::canonical(dir.path() + "/sub").string());
  CHECK(Str(Run(t.get(), {"CONFIG", "SET", "dir", dir.path() + "/none"})) ==
        "ERR CONFIG SET failed (possibly related to argument 'dir') - No such file or "
        "directory");
  CHECK(ConfigGet(t.get(), "dir") == std::filesystem::canonical(dir.path() + "/sub").string());
  CHECK(tests->StopWith(SIGTERM) == 0);
}

TEST_CASE("supervised systemd sends READY=1 to NOTIFY_SOCKET once connections are accepted" *
          doctest::skip(UsingExternalServer())) {
  TempDir dir;
  std::string path = dir.path() + "/notify.sock";
  int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un sa{};
  sa.sun_family = AF_UNIX;
  std::strncpy(sa.sun_path, path.c_str(), sizeof(sa.sun_path) - 1);
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof(sa)) == 0);
  setenv("NOTIFY_SOCKET", path.c_str(), 1);
  std::string failure;
  auto server = TestServer::Start({"--supervised", "systemd"}, &failure);
  unsetenv("NOTIFY_SOCKET");
  REQUIRE_MESSAGE(server, failure);
  timeval tv{3, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  char buf[256];
  ssize_t n = recv(fd, buf, sizeof(buf), 0);
  close(fd);
  REQUIRE(n > 0);
  CHECK(std::string(buf, n) == "STATUS=Ready to accept connections\nREADY=1\n");
  CHECK(server->StopWith(SIGTERM) == 0);
}

// CONFIG SET publishes a new configuration in the middle of a batch: the commands after it
// run, and the last value is the one kept.
TEST_CASE("a pipelined batch keeps running after a CONFIG SET replaces the configuration" *
          doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({}, &failure);
  REQUIRE_MESSAGE(server, failure);
  RawConn conn(server->address());
  std::string batch;
  for (int i = 0; i < 3; ++i) {
    batch += EncodeCommand({"CONFIG", "SET", "client-output-buffer-limit",
                            "normal " + std::to_string(64 + i) + "mb 0 0"});
    batch += EncodeCommand({"SET", "k", "v"});
  }
  batch += EncodeCommand({"CONFIG", "GET", "client-output-buffer-limit"});
  conn.Send(batch);
  for (int i = 0; i < 6; ++i) CHECK(conn.ReadReply() == "+OK\r\n");
  CHECK(conn.ReadReply().find("normal 69206016 0 0 slave") != std::string::npos);
  CHECK(server->StopWith(SIGTERM) == 0);
}

// Io threads read the limits without the engine lock while CONFIG SET replaces them: the
// ThreadSanitizer build (make tsan) reports any race here.
TEST_CASE(
    "CONFIG SET of the limits io threads read, while clients on every thread run "
    "commands" *
    doctest::skip(UsingExternalServer())) {
  std::string failure;
  auto server = TestServer::Start({"--io-threads", "4"}, &failure);
  REQUIRE_MESSAGE(server, failure);
  std::atomic<bool> stop{false};
  std::atomic<int> bad{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 4; ++i) {
    clients.emplace_back([&, i] {
      RawConn conn(server->address());
      std::string key = "k" + std::to_string(i);
      while (!stop) {
        std::string batch;
        for (int j = 0; j < 8; ++j) batch += EncodeCommand({"SET", key, "v"});
        conn.Send(batch);
        for (int j = 0; j < 8; ++j) {
          if (conn.ReadReply() != "+OK\r\n") ++bad;
        }
      }
    });
  }
  RedisConn admin = Connect(server->address());
  for (int i = 0; i < 200; ++i) {
    std::string mb = std::to_string(2 + i % 3) + "mb";
    std::string obuf = "normal " + std::to_string(1 + i % 5) + "mb 0 0";
    CHECK(Str(Run(admin.get(),
                  {"CONFIG", "SET", "proto-max-bulk-len", mb, "client-query-buffer-limit", mb,
                   "client-output-buffer-limit", obuf, "hz", std::to_string(10 + i % 5),
                   "tcp-keepalive", std::to_string(i % 300), "loglevel",
                   i % 2 ? "notice" : "warning"})) == "OK");
    RawConn fresh(server->address());  // the acceptor reads tcp-keepalive
    CHECK(fresh.Command({"PING"}) == "+PONG\r\n");
  }
  stop = true;
  for (auto& t : clients) t.join();
  CHECK(bad == 0);
  CHECK(server->StopWith(SIGTERM) == 0);
}

}  // namespace
}  // namespace tandem::test
