// Server-wide state shared by all connections: the databases, configuration, command
// table, connected clients, statistics, slow log and monitors. One instance, created in
// main(); every field is used under the engine lock except where marked atomic, and the
// configuration, which io threads read through config_snapshot().
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/blocking.h"
#include "server/client_state.h"
#include "server/commands/command_stats.h"
#include "server/commands/command_table.h"
#include "server/config.h"
#include "server/engine/db_set.h"
#include "server/engine/eviction.h"
#include "server/engine_lock.h"
#include "server/keyspace_events.h"
#include "server/memcache/memcache_stats.h"
#include "server/pubsub/pubsub_registry.h"
#include "server/push_outbox.h"
#include "server/tracking/tracking_registry.h"
#include "server/watch_registry.h"

namespace tandem::scripting {
class ScriptingState;
}

namespace tandem::commands {

class Dispatcher;

struct SlowlogEntry {
  uint64_t id;
  int64_t timestamp_s;
  int64_t duration_us;
  std::vector<std::string> argv;
  std::string client_addr;
  std::string client_name;
};

// The script (EVAL, FCALL) that holds the engine lock now, as io threads see it without
// the lock: past busy-reply-threshold their clients get -BUSY instead of waiting.
struct ScriptRun {
  std::atomic<bool> running{false};
  std::atomic<bool> busy{false};         // past busy-reply-threshold
  std::atomic<bool> is_function{false};  // FCALL (FUNCTION KILL) rather than EVAL (SCRIPT KILL)
  std::atomic<bool> wrote{false};        // ran a write command: SCRIPT KILL refuses
  std::atomic<bool> kill{false};         // SCRIPT/FUNCTION KILL or SHUTDOWN NOSAVE asked
  // What FUNCTION STATS shows of a running function: set and cleared under `mu` by the
  // thread running it, read under `mu` by io threads while it is busy.
  std::mutex mu;
  std::string_view function;                  // its name; empty when no function runs
  std::span<const std::string_view> command;  // the FCALL's arguments
  int64_t start_ms = 0;
};

struct ServerStats {
  uint64_t total_connections_received = 0;
  uint64_t total_commands_processed = 0;
  uint64_t rejected_connections = 0;
  uint64_t total_error_replies = 0;
  std::atomic<uint64_t> net_input_bytes{0};
  std::atomic<uint64_t> net_output_bytes{0};
  uint64_t client_output_limit_disconnections = 0;
  uint64_t client_query_limit_disconnections = 0;
  std::unordered_map<std::string, uint64_t> error_stats;  // "ERR" -> count
};

class ServerState {
 public:
  ServerState(Config config, CommandTable table);

  // The engine lock: taken once per read batch by connections, and by the cron.
  EngineLock& engine_mutex() { return engine_mutex_; }

  engine::DbSet& dbs() { return dbs_; }

  // The running configuration, for code under the engine lock: the snapshot is replaced
  // only under that lock, and this object keeps the current one alive, so the reference
  // holds until the lock is released (or the next PublishConfig by the same holder).
  const Config& config() const { return *locked_config_; }
  // The running configuration for any thread, without the lock: an immutable snapshot that
  // stays valid as long as the caller keeps it.
  std::shared_ptr<const Config> config_snapshot() const {
    std::lock_guard lock(config_mu_);
    return config_;
  }
  // Lock-free, for a holder that keeps its snapshot between events (a connection): takes the
  // current snapshot if a newer one was published; otherwise costs one atomic load.
  void RefreshConfigSnapshot(std::shared_ptr<const Config>* snapshot) const {
    if (snapshot->get() != current_config_.load(std::memory_order_acquire)) {
      *snapshot = config_snapshot();
    }
  }
  // Under the engine lock: makes `next` the running configuration. References from
  // config() taken before are invalid afterwards.
  void PublishConfig(Config next);
  // The engine lock's release hook: the staged pushes go to their receivers at the end of
  // this io thread's round (a handler posted behind those its loop has ready), or at once
  // on a thread without a loop. One hand-over per round, as Redis writes each client once
  // per event-loop pass: at PUBLISH -P 1 each publisher's batch was handed over alone, and
  // subscribers got ~1.1 writes (and wake-ups) per message against redis-server's ~0.2.
  void HandOverPushes();

  const CommandTable& commands() const { return table_; }
  CommandStatsTable& command_stats() { return command_stats_; }
  ServerStats& stats() { return stats_; }

  // Connected clients by id.
  std::unordered_map<uint64_t, ClientState*>& clients() { return clients_; }
  uint64_t NextClientId() { return ++last_client_id_; }
  std::vector<ClientState*>& monitors() { return monitors_; }

  std::deque<SlowlogEntry>& slowlog() { return slowlog_; }
  uint64_t NextSlowlogId() { return slowlog_next_id_++; }

  int64_t start_time_ms() const { return start_time_ms_; }
  int64_t lastsave_s = 0;

  // maxmemory-policy, parsed: kept current by ApplyConfigSideEffects.
  engine::EvictionPolicy eviction_policy = engine::EvictionPolicy::kNoEviction;

  // The memcached door's statistics (`stats`).
  memcache::Stats memcache_stats;

  // CLIENT PAUSE: until this wall-clock ms, clients' commands of the paused kind wait.
  int64_t pause_until_ms = 0;
  bool pause_writes_only = false;

  // Clients holding a command: paused, or blocked on keys.
  BlockingRegistry& blocking() { return blocking_; }
  // Keys watched by clients (WATCH).
  WatchRegistry& watches() { return watches_; }
  // Channels, patterns and their subscribers.
  PubSubRegistry& pubsub() { return pubsub_; }
  PushOutbox& outbox() { return outbox_; }
  // Client-side caching: tracked keys, BCAST prefixes and their clients.
  TrackingRegistry& tracking() { return tracking_; }
  // The dispatcher, for commands that run other commands (EXEC); set by its constructor.
  Dispatcher* dispatcher = nullptr;

  // Bytes used beyond the data (buffers, tables): refreshed by the net layer.
  std::atomic<size_t> client_buffer_bytes{0};
  size_t startup_allocated = 0;
  // Total used memory as INFO and maxmemory see it.
  size_t UsedMemory() const;

  ScriptRun& script_run() { return script_run_; }
  // The Lua scripting state (scripting/), created on first use.
  std::shared_ptr<scripting::ScriptingState> scripting;
  // Set by main(): stops the server (SHUTDOWN).
  std::function<void()> request_shutdown;
  // Set by main(): listens on a new TCP port / bind list (CONFIG SET); returns Redis's
  // error text, empty on success.
  std::function<std::string(int old_port, const std::vector<std::string>& old_bind, int port,
                            const std::vector<std::string>& bind)>
      rebind_tcp;

 private:
  EngineLock engine_mutex_;
  // Both point at the same snapshot: the first, behind config_mu_, for readers without the
  // engine lock (taken only when current_config_ says it changed, so seldom), the second
  // for readers under the engine lock (no atomic reference counting per command). Not
  // std::atomic<std::shared_ptr>: libstdc++ 12's load releases its internal lock with a
  // relaxed store, which ThreadSanitizer rightly reports against the next store.
  mutable std::mutex config_mu_;
  std::shared_ptr<const Config> config_;
  std::shared_ptr<const Config> locked_config_;
  // The current snapshot's address, published after config_: only compared, never
  // dereferenced (a holder's own snapshot cannot be freed and reused while it holds it).
  std::atomic<const Config*> current_config_;
  CommandTable table_;
  CommandStatsTable command_stats_;
  engine::DbSet dbs_;
  ServerStats stats_;
  std::unordered_map<uint64_t, ClientState*> clients_;
  std::vector<ClientState*> monitors_;
  BlockingRegistry blocking_;
  ScriptRun script_run_;
  WatchRegistry watches_{dbs_};
  PushOutbox outbox_;
  PubSubRegistry pubsub_{outbox_};
  TrackingRegistry tracking_{clients_, outbox_};
  EngineKeyEvents engine_key_events_{*this};
  uint64_t last_client_id_ = 0;
  std::deque<SlowlogEntry> slowlog_;
  uint64_t slowlog_next_id_ = 0;
  int64_t start_time_ms_;
};

}  // namespace tandem::commands
