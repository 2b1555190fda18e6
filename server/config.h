// Server configuration: the values, and the registry that reads them from a config file,
// from `--option value` arguments and from CONFIG GET/SET. Values are read by the server
// under the engine lock (or, for start-up-only options, before threads start).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tandem {

struct OutputBufferLimit {
  unsigned long long hard = 0;
  unsigned long long soft = 0;
  long long soft_seconds = 0;
};

struct Config {
  int port = 6379;
  std::vector<std::string> bind = {"127.0.0.1", "-::1"};
  std::string unixsocket;
  int unixsocketperm = 0;
  int io_threads = 0;  // 0: one per core
  int databases = 16;
  int maxclients = 10000;
  int timeout = 0;
  int tcp_keepalive = 300;
  int tcp_backlog = 511;
  std::string requirepass;
  std::string logfile;
  std::string loglevel = "notice";
  OutputBufferLimit obuf_normal;
  OutputBufferLimit obuf_replica{268435456, 67108864, 60};
  OutputBufferLimit obuf_pubsub{33554432, 8388608, 60};
  unsigned long long proto_max_bulk_len = 512ull * 1024 * 1024;
  unsigned long long client_query_buffer_limit = 1024ull * 1024 * 1024;
  unsigned long long maxmemory = 0;
  std::string maxmemory_policy = "noeviction";
  int maxmemory_samples = 5;
  int hz = 10;
  long long slowlog_log_slower_than = 10000;
  long long slowlog_max_len = 128;
  bool activerehashing = true;
  int lfu_log_factor = 10;
  int lfu_decay_time = 1;
  bool protected_mode = true;
  bool daemonize = false;
  std::string pidfile;
  std::string save;
  bool appendonly = false;
  std::string dir;
  std::string dbfilename = "dump.rdb";
  bool lazyfree_lazy_user_flush = false;
  bool lazyfree_lazy_user_del = false;
  // Keyspace notification classes, Redis's NOTIFY_* bits (see KeyspaceEventsToString).
  int notify_keyspace_events = 0;
  std::string enable_debug_command = "no";  // no | yes | local
  std::string config_file;  // absolute path of the file we started from, if any
};

class ConfigRegistry {
 public:
  explicit ConfigRegistry(Config* config);

  // Applies a config file; on error *err names the line, as Redis does.
  bool LoadFile(const std::string& path, std::string* err);
  // Applies "--name value [value...]" arguments (after an optional file). Values of one
  // option run until the next "--".
  bool ApplyArgs(const std::vector<std::string>& args, std::string* err);

  // CONFIG GET: every (name, value) whose name matches one of the glob patterns.
  std::vector<std::pair<std::string, std::string>> Get(
      const std::vector<std::string_view>& patterns) const;
  // CONFIG SET of several name/value pairs, atomically: on failure nothing changes and
  // the returned text is Redis's error reply ("ERR ..."). Empty on success.
  std::string Set(const std::vector<std::pair<std::string_view, std::string_view>>& pairs);
  // CONFIG REWRITE: writes the current values into the config file we started from,
  // keeping its comments and layout.
  std::string Rewrite() const;

  // Called after any CONFIG SET succeeds, with the names that changed.
  std::function<void(const std::vector<std::string>&)> on_change;

 private:
  struct Option {
    std::string name;
    bool mutable_at_runtime;
    std::function<std::string()> get;
    // Returns an error text ("argument must be ...") or empty on success.
    std::function<std::string(const std::vector<std::string>&)> set;
    int min_args = 1;
    int max_args = 1;  // -1: any number
  };
  const Option* FindOption(std::string_view name) const;
  // "name value" as CONFIG REWRITE writes it.
  std::string FormatLine(const Option& o) const;
  std::string ApplyOne(const Option& opt, const std::vector<std::string>& values);
  void Define();

  Config* config_;
  std::vector<Option> options_;
};

// Redis's memtoull: "1gb", "100mb", "64k" (1000s), "64kb" (1024s).
bool ParseMemory(std::string_view s, unsigned long long* out);

// Redis's CONFIG SET failure reply: "ERR CONFIG SET failed (possibly related to argument
// '<name>') - <reason>".
std::string ConfigSetFailed(std::string_view name, std::string_view reason);

}  // namespace tandem
