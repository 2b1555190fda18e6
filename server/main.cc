// tandem-server [config-file] [--option value ...]
#include <malloc.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <asio/signal_set.hpp>
#include <asio/steady_timer.hpp>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

#include "server/commands/dispatcher.h"
#include "server/commands/server_family.h"
#include "server/config.h"
#include "server/engine/hash.h"
#include "server/log.h"
#include "server/net/io_pool.h"
#include "server/net/listener.h"
#include "server/server_cron.h"
#include "server/version.h"

namespace {

using tandem::Log;
using tandem::LogLevel;

void PrintUsage() {
  std::cout << "Usage: tandem-server [/path/to/tandem.conf] [--option value ...]\n"
               "       tandem-server --version\n"
               "       tandem-server --help\n\n"
               "Options are the config file directives (see conf/tandem.conf), e.g.\n"
               "       tandem-server --port 7777 --io-threads 2\n"
               "       tandem-server conf/tandem.conf --loglevel verbose\n";
}

bool LoadConfig(int argc, char** argv, tandem::Config* config) {
  const tandem::ConfigRegistry& registry = tandem::ConfigRegistry::Instance();
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string err;
  size_t first_opt = 0;
  if (!args.empty() && args[0].rfind("--", 0) != 0) {
    char resolved[PATH_MAX];
    config->config_file = realpath(args[0].c_str(), resolved) ? resolved : args[0];
    if (!registry.LoadFile(args[0], config, &err)) {
      std::cerr << err << "\n";
      return false;
    }
    first_opt = 1;
  }
  if (!registry.ApplyArgs({args.begin() + first_opt, args.end()}, config, &err)) {
    std::cerr << err << "\n";
    return false;
  }
  // The last dir wins, so a command-line --dir overrides a file's unreachable one.
  if (!config->dir.empty() && chdir(config->dir.c_str()) != 0) {
    std::cerr << "*** FATAL CONFIG ERROR ***\nCan't chdir to '" << config->dir
              << "': " << std::strerror(errno) << "\n";
    return false;
  }
  return true;
}

// Redis's supervised mode: tells upstart (SIGSTOP) or systemd (sd_notify READY=1) that the
// server accepts connections. "auto" picks whichever the environment names.
void NotifySupervisor(const std::string& mode) {
  bool upstart = mode == "upstart" || (mode == "auto" && std::getenv("UPSTART_JOB"));
  bool systemd = mode == "systemd" || (mode == "auto" && !upstart && std::getenv("NOTIFY_SOCKET"));
  if (upstart) {
    if (!std::getenv("UPSTART_JOB")) {
      Log(LogLevel::kWarning, "upstart supervision requested, but UPSTART_JOB not found!");
      return;
    }
    Log(LogLevel::kNotice, "supervised by upstart, will stop to signal readiness.");
    raise(SIGSTOP);
    unsetenv("UPSTART_JOB");
    return;
  }
  if (!systemd) return;
  const char* path = std::getenv("NOTIFY_SOCKET");
  if (!path || !*path) {
    Log(LogLevel::kWarning,
        "systemd supervision requested or auto-detected, but NOTIFY_SOCKET not found!");
    return;
  }
  Log(LogLevel::kNotice,
      "Supervised by systemd. Please make sure you set appropriate values for TimeoutStartSec "
      "and TimeoutStopSec in your service unit.");
  sockaddr_un sa{};
  size_t len = std::strlen(path);
  if (len >= sizeof(sa.sun_path)) return;
  sa.sun_family = AF_UNIX;
  std::memcpy(sa.sun_path, path, len);
  if (sa.sun_path[0] == '@') sa.sun_path[0] = '\0';  // abstract socket
  int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return;
  static constexpr char kReady[] = "STATUS=Ready to accept connections\nREADY=1\n";
  sendto(fd, kReady, sizeof(kReady) - 1, MSG_NOSIGNAL, reinterpret_cast<sockaddr*>(&sa),
         static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + len));
  close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  // Buffers of 128 KB and more (big replies to slow readers, big query buffers, big values)
  // are mmapped and given back to the system when freed. glibc would otherwise raise this
  // threshold to the size of each big buffer freed, and later buffers up to that size would
  // be carved from the heap between keyspace entries, leaving holes there once freed
  // (1.1 B/key more resident memory on the 1M-key probe).
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      PrintUsage();
      return 0;
    }
    if (a == "--version" || a == "-v") {
      std::cout << "Tandem server v=" << tandem::kTandemVersion
                << " redis-compat=" << tandem::kRedisCompatVersion << " bits=64\n";
      return 0;
    }
  }
  tandem::Config config;
  if (!LoadConfig(argc, argv, &config)) return 1;
  if (!tandem::LogOpen(config.logfile)) {
    std::cerr << "Can't open the log file: " << config.logfile << "\n";
    return 1;
  }
  tandem::LogSetLevel(config.loglevel);
  if (config.daemonize && daemon(1, config.logfile.empty() ? 0 : 1) != 0) {
    std::cerr << "daemonize failed\n";
    return 1;
  }
  signal(SIGPIPE, SIG_IGN);
  tandem::engine::SetHashSeed(std::random_device{}() * 0x9e3779b97f4a7c15ull ^
                              std::random_device{}());

  Log(LogLevel::kWarning, "oO0OoO0OoO0Oo Tandem is starting oO0OoO0OoO0Oo");
  Log(LogLevel::kWarning, std::string("Tandem version=") + tandem::kTandemVersion +
                              ", redis-compat=" + tandem::kRedisCompatVersion +
                              ", bits=64, pid=" + std::to_string(getpid()) + ", just started");
  if (config.config_file.empty()) {
    Log(LogLevel::kWarning, "No config file specified, using the default config.");
  } else {
    Log(LogLevel::kWarning, "Configuration loaded from " + config.config_file);
  }
  for (const std::string& w : tandem::ConfigRegistry::Instance().Warnings(config)) {
    Log(LogLevel::kWarning, w);
  }

  tandem::commands::CommandTable table;
  tandem::commands::RegisterAllCommands(table);
  int threads = config.io_threads > 0 ? config.io_threads
                                      : static_cast<int>(std::thread::hardware_concurrency());
  tandem::commands::ServerState server(config, std::move(table));
  server.startup_allocated = mallinfo2().uordblks;
  tandem::commands::ApplyConfigSideEffects(server);
  tandem::commands::Dispatcher dispatcher(server);
  tandem::net::IoPool pool(threads);
  tandem::net::Listener listener(pool, server, dispatcher);
  std::string err;
  if (!listener.Open(&err)) {
    Log(LogLevel::kWarning, err);
    return 1;
  }
  if (!config.pidfile.empty()) std::ofstream(config.pidfile) << getpid() << "\n";

  auto shutdown = [&] {
    Log(LogLevel::kWarning, "User requested shutdown...");
    listener.Close();
    if (!config.pidfile.empty()) unlink(config.pidfile.c_str());
    Log(LogLevel::kWarning, "Tandem is now ready to exit, bye bye...");
    pool.Stop();
  };
  server.request_shutdown = [&] { asio::post(pool.control(), shutdown); };
  server.rebind_tcp = [&](int old_port, const std::vector<std::string>& old_bind, int port,
                          const std::vector<std::string>& bind) {
    return listener.Rebind(old_port, old_bind, port, bind);
  };
  asio::signal_set signals(pool.control(), SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code& ec, int sig) {
    if (ec) return;
    Log(LogLevel::kWarning, std::string("Received ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") +
                                " scheduling shutdown...");
    shutdown();
  });
  tandem::ServerCron cron(pool.control(), server);
  cron.Start();

  Log(LogLevel::kNotice, "Running mode=standalone, port=" + std::to_string(config.port) +
                             ", io-threads=" + std::to_string(threads) + ".");
  Log(LogLevel::kNotice, "Server initialized");
  Log(LogLevel::kNotice, "Ready to accept connections");
  NotifySupervisor(config.supervised);
  pool.Run();
  return 0;
}
