// Server configuration: the values (Config), and the one table of parameters
// (ConfigRegistry) that reads them from a config file, from `--name value` arguments and from
// CONFIG GET/SET/REWRITE.
//
// A running server never edits a Config in place: ServerState publishes immutable
// snapshots, and CONFIG SET builds the next one from a copy (see server_state.h).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace tandem {

struct OutputBufferLimit {
  unsigned long long hard = 0;
  unsigned long long soft = 0;
  long long soft_seconds = 0;
  bool operator==(const OutputBufferLimit&) const = default;
};

struct Config {
  // ---- Parameters Tandem acts on -------------------------------------------------------------
  int port = 6379;
  std::vector<std::string> bind = {"127.0.0.1", "-::1"};
  std::string unixsocket;
  unsigned int unixsocketperm = 0;
  int io_threads = 0;  // 0: one per core
  int databases = 16;
  unsigned int maxclients = 10000;
  int timeout = 0;
  int tcp_keepalive = 300;
  int tcp_backlog = 511;
  std::string requirepass;
  std::string logfile;
  std::string loglevel = "notice";
  OutputBufferLimit obuf_normal;
  OutputBufferLimit obuf_replica{268435456, 67108864, 60};
  OutputBufferLimit obuf_pubsub{33554432, 8388608, 60};
  long long proto_max_bulk_len = 512ll * 1024 * 1024;
  unsigned long long client_query_buffer_limit = 1024ull * 1024 * 1024;
  unsigned long long maxmemory = 0;
  std::string maxmemory_policy = "noeviction";
  int maxmemory_samples = 5;
  long long tracking_table_max_keys = 1000000;  // 0: no limit
  int hz = 10;
  long long slowlog_log_slower_than = 10000;
  unsigned long slowlog_max_len = 128;
  bool activerehashing = true;
  int lfu_log_factor = 10;
  int lfu_decay_time = 1;
  bool daemonize = false;
  std::string pidfile;
  std::string supervised = "no";  // no | upstart | systemd | auto
  // The directory to chdir to: applied by main() at start-up and by CONFIG SET; CONFIG GET
  // shows the working directory itself, as Redis does.
  std::string dir;
  bool lazyfree_lazy_user_flush = false;
  bool lazyfree_lazy_user_del = false;
  // Keyspace notification classes, Redis's NOTIFY_* bits (see KeyspaceEventsToString).
  int notify_keyspace_events = 0;
  std::string enable_debug_command = "no";      // no | yes | local
  std::string enable_protected_configs = "no";  // no | yes | local
  // Accepted, never acted on: Tandem keeps data in memory only. Start-up warns when they ask
  // for persistence. Each save rule is (seconds, changes).
  std::vector<std::pair<long long, long long>> save;
  bool appendonly = false;
  // The memcached door (server/net/memcache_session.h): port (0: closed), addresses (empty:
  // those of `bind`), the database it serves, the largest value (-I) and whether the
  // `shutdown` command is allowed (-A).
  int memcached_port = 11211;
  std::vector<std::string> memcached_bind;
  int memcached_db = 0;
  long long memcached_item_size_max = 1024 * 1024;
  bool memcached_enable_shutdown = false;

  // ---- Parameters of features still to come: Redis's defaults, no effect yet ---------------
  long long hash_max_listpack_entries = 512;
  long long hash_max_listpack_value = 64;
  int list_max_listpack_size = -2;
  int list_compress_depth = 0;
  long long set_max_intset_entries = 512;
  long long zset_max_listpack_entries = 128;
  long long zset_max_listpack_value = 64;
  long long stream_node_max_bytes = 4096;
  long long stream_node_max_entries = 100;
  long long hll_sparse_max_bytes = 3000;
  long long busy_reply_threshold = 5000;  // lua-time-limit
  // Tandem's own: scripts see math.random reseeded with 0 and sorted replies on every call.
  bool lua_deterministic = true;
  // Tandem's own: "no" restores Redis 2.6-4.0's rule, no write after a random command.
  bool lua_replicate_commands = true;

  // ---- Everything else: accepted for compatibility, no effect --------------------------------
  // Values set from a file, the command line or CONFIG SET, by parameter name, in the form the
  // registry stores them (numbers in decimal, enums by name); absent means the default.
  std::map<std::string, std::string, std::less<>> compat;

  std::string config_file;  // absolute path of the file we started from, if any
};

// The table of every parameter redis-server 7.0 knows, with Redis's names, aliases,
// defaults, value formats and validation texts. Immutable once built; one per process.
class ConfigRegistry {
 public:
  static const ConfigRegistry& Instance();
  ConfigRegistry(const ConfigRegistry&) = delete;
  ConfigRegistry& operator=(const ConfigRegistry&) = delete;

  // Applies a config file (and the files it includes); on error *err is Redis's fatal
  // message naming the line.
  bool LoadFile(const std::string& path, Config* config, std::string* err) const;
  // Applies "--name value [value...]" arguments (after an optional file). Values of one
  // parameter run until the next "--".
  bool ApplyArgs(const std::vector<std::string>& args, Config* config, std::string* err) const;

  // CONFIG GET: (name, value) pairs for the patterns, as Redis lists them: an exact name is
  // echoed as typed; a glob matches names and aliases case-insensitively, each once.
  std::vector<std::pair<std::string, std::string>> Get(
      const Config& config, const std::vector<std::string_view>& patterns) const;
  // CONFIG SET of several name/value pairs onto a copy of `current`: on success *next is
  // the new configuration, *changed the primary names that were set, and the result is
  // empty; otherwise the result is Redis's error reply ("ERR ...") and *next is unspecified.
  // `allow_protected` says whether enable-protected-configs admits this client.
  std::string Set(const Config& current,
                  const std::vector<std::pair<std::string_view, std::string_view>>& pairs,
                  bool allow_protected, Config* next, std::vector<std::string>* changed) const;
  // CONFIG REWRITE of config.config_file, as Redis's rewriteConfig does it. Returns Redis's
  // error reply, empty on success.
  std::string Rewrite(const Config& config) const;

  // Start-up warnings for settings Tandem accepts but cannot honour (persistence,
  // replication, TLS, cluster).
  std::vector<std::string> Warnings(const Config& config) const;

  // Every primary name, and whether Tandem acts on it (false: accepted, no effect).
  std::vector<std::pair<std::string, bool>> Parameters() const;

  struct Option;

 private:
  ConfigRegistry();
  ~ConfigRegistry();
  // The option named `name` or its alias (case-insensitive); *alias tells which.
  const Option* Find(std::string_view name, bool* alias = nullptr) const;
  // `seen`: the parameters set so far in this load (a repeated save adds rules).
  bool LoadLines(const std::string& text, Config* config, int depth,
                 std::unordered_set<const Option*>* seen, std::string* err) const;
  std::string ApplyValues(const Option& opt, Config* config,
                          const std::vector<std::string>& values) const;

  std::vector<Option> options_;
  // Lower-case name or alias -> (option, is the alias).
  std::unordered_map<std::string, std::pair<const Option*, bool>> index_;
};

// Redis's memtoull: "1gb", "100mb", "64k" (1000s), "64kb" (1024s).
bool ParseMemory(std::string_view s, unsigned long long* out);
// Redis's rewriteConfigFormatMemory: 1048576 -> "1mb", 1000 -> "1000".
std::string FormatMemory(long long bytes);

// Redis's CONFIG SET failure reply: "ERR CONFIG SET failed (possibly related to argument
// '<name>') - <reason>".
std::string ConfigSetFailed(std::string_view name, std::string_view reason);

}  // namespace tandem
