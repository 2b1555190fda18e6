// Per-connection state that commands may read or change (selected db, protocol, name,
// reply mode...). Owned by its net::Connection, which lives on one io thread; the fields
// below are read and written only under the engine lock (CLIENT LIST reads other
// clients' states). Reaching another connection goes through the posted callbacks.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "protocol/push.h"
#include "server/commands/stored_command.h"

namespace tandem::commands {

struct ClientState {
  enum class ReplyMode { kOn, kOff, kSkipNext, kSkipThis };

  uint64_t id = 0;
  int db_index = 0;
  int resp = 2;
  bool authenticated = true;
  std::string name;
  std::string addr;  // "ip:port" or "path:0" for unix sockets
  std::string laddr;
  int fd = -1;
  int64_t created_ms = 0;
  int64_t last_interaction_ms = 0;
  std::string_view last_cmd = "NULL";  // a CommandSpec name: static storage
  ReplyMode reply_mode = ReplyMode::kOn;
  bool close_after_reply = false;
  bool monitor = false;
  // In the subscribed context (Redis's CLIENT_PUBSUB): the pubsub output-limit class.
  bool pubsub = false;
  bool no_evict = false;
  bool unix_socket = false;
  // Kept current by the connection (also outside the lock, hence atomic) for CLIENT LIST.
  std::atomic<size_t> query_buf{0};
  std::atomic<size_t> query_buf_free{0};
  std::atomic<size_t> output_bytes{0};
  uint64_t commands = 0;
  // While blocked on keys: when the wait ends (wall-clock ms), 0 for never.
  int64_t block_deadline_ms = 0;
  // Held in the BlockingRegistry (on keys or by CLIENT PAUSE): CLIENT LIST's `b` flag.
  bool blocked = false;
  // While blocked on keys: the blocked command (its statistics are completed at unblock).
  const CommandSpec* blocked_spec = nullptr;
  // The reply a blocked command was served with (or CLIENT UNBLOCK's), set under the lock by
  // whoever released it; the client's session sends it before anything else, then runs on.
  std::optional<protocol::ReplyValue> served_reply;

  // MULTI/EXEC (Redis's CLIENT_MULTI, CLIENT_DIRTY_EXEC, CLIENT_DIRTY_CAS).
  struct QueuedCommand {
    const CommandSpec* spec;
    StoredCommand cmd;
  };
  struct WatchedKey {
    int db;
    std::string key;
    bool expired;  // already logically expired when watched (Redis's watchedKey.expired)
  };
  bool in_multi = false;
  bool multi_error = false;  // a command failed to queue: EXEC replies EXECABORT
  bool dirty_cas = false;    // a watched key changed: EXEC replies a null array
  // Inside EXEC (or a script): blocking commands answer at once, as on a timeout.
  bool deny_blocking = false;
  std::vector<QueuedCommand> multi_queue;
  uint32_t multi_flags = 0;         // the union of the queued commands' flags
  size_t multi_bytes = 0;           // CLIENT LIST's multi-mem
  std::vector<WatchedKey> watched;  // kept by WatchRegistry

  // Pub/sub subscriptions, kept by PubSubRegistry (patterns in subscription order, as
  // Redis keeps them in a list).
  std::unordered_set<std::string> sub_channels;
  std::unordered_set<std::string> sub_shard_channels;
  std::vector<std::string> sub_patterns;
  // Redis's clientSubscriptionsCount: channels and patterns (shard channels count apart).
  size_t subscriptions() const { return sub_channels.size() + sub_patterns.size(); }
  // Ends the transaction state (not the watches): EXEC, DISCARD, RESET.
  void ResetMulti() {
    in_multi = multi_error = dirty_cas = false;
    multi_queue.clear();
    multi_flags = 0;
    multi_bytes = 0;
  }

  // Client-side caching (CLIENT TRACKING): Redis's CLIENT_TRACKING* flags, kept by
  // TrackingRegistry.
  struct Tracking {
    bool on = false;
    bool bcast = false;
    bool optin = false;
    bool optout = false;
    bool noloop = false;
    bool caching = false;               // CLIENT CACHING YES/NO for the next command or transaction
    bool broken_redir = false;          // the redirection target went away
    uint64_t redirect = 0;              // client id, 0 for none
    std::vector<std::string> prefixes;  // BCAST prefixes, sorted
  } tracking;

  // On the client's own thread, under the engine lock, before its batch runs: appends the
  // pushes posted to it so far (sent before its commands, in lock order) to its output, so
  // no reply overtakes a message Redis would have written first (UNSUBSCRIBE's reply after
  // the channel's last message). Set by the connection.
  std::function<void()> take_pushes;
  // Posts a close of this connection to its own io thread. Safe from any thread.
  std::function<void()> kill;
  // Set under the engine lock by CLIENT KILL: no further command of this client runs,
  // even one already read before the posted close arrives (Redis's CLOSE_ASAP).
  bool killed = false;
  // Posts messages (MONITOR lines, pub/sub messages...) to this connection's loop, where
  // they are encoded in the connection's protocol and checked against its output limit;
  // takes them out of the vector. Called by PushOutbox under the engine lock.
  std::function<void(std::vector<protocol::PushPtr>&)> push;
  // Pushes staged for this client in the current hold of the engine lock (PushOutbox).
  std::vector<protocol::PushPtr> outbox;
  // Posts a wake-up to this connection's loop: a command it holds (paused, blocked) is
  // tried again. Safe from any thread.
  std::function<void()> wake;
};

}  // namespace tandem::commands
