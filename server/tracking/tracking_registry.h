// Client-side caching (Redis's tracking.c): which clients may hold which keys, and the
// invalidation messages sent when those keys change. Lives in ServerState; used only under
// the engine lock, by whichever thread changed the key.
//
// The tracking table maps a key name (of any database, as in Redis) to the ids of the
// clients that read it since its last change; a change sends each of them an `invalidate`
// push and forgets the key. Ids, not pointers: a client that disconnected or turned
// tracking off is skipped when the key changes (Redis keeps them the same way, so INFO's
// tracking_total_items counts them until then). BCAST clients register prefixes instead:
// changed keys matching a prefix are collected and sent once per batch (Redis's
// beforeSleep), in key order.
//
// Delivery follows pub/sub's rule: a push for another client goes to its own loop through
// ClientState::push. An invalidation of the calling client's own key is kept until its
// command has replied (Redis 7.0's tracking_pending_keys), then written after the reply.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "protocol/push.h"
#include "protocol/reply_builder.h"
#include "server/client_state.h"
#include "server/engine/key_observer.h"
#include "server/push_outbox.h"

namespace tandem::commands {

class TrackingRegistry final : public engine::KeyObserver {
 public:
  TrackingRegistry(std::unordered_map<uint64_t, ClientState*>& clients, PushOutbox& outbox)
      : clients_(clients), outbox_(outbox) {}

  // The client whose command runs now, and where its replies go (nullptr between calls):
  // set by the dispatcher around each client call.
  void SetCaller(ClientState* client, protocol::ReplyBuilder* rb) {
    caller_ = client;
    caller_rb_ = rb;
  }
  ClientState* caller() const { return caller_; }

  // CLIENT TRACKING ON with validated options (Redis's enableTracking): prefixes apply
  // with bcast only (none means the empty prefix).
  void Enable(ClientState* client, uint64_t redirect, bool bcast, bool optin, bool optout,
              bool noloop, const std::vector<std::string_view>& prefixes);
  // CLIENT TRACKING OFF, RESET, disconnection (Redis's disableTracking).
  void Disable(ClientState* client);
  // A prefix of `prefixes` overlapping another of them or one the client has: Redis's error
  // text, with `ok_after_error` set when Redis 7.0 goes on to enable tracking anyway (an
  // overlap found past the first prefix). Empty when there is none.
  std::string PrefixCollision(const ClientState* client,
                              const std::vector<std::string_view>& prefixes,
                              bool* ok_after_error) const;

  // After a read-only command of `client` (the script's caller for a script's commands):
  // remembers the keys at `positions` of argv (Redis's trackingRememberKeys).
  void RememberKeys(ClientState* client, std::span<const std::string_view> argv,
                    const std::vector<int>& positions);
  // After the caller's top-level call: the invalidations of its own keys, after its reply.
  void FlushCallerPending();
  // End of a batch (Redis's beforeSleep): broadcasts the BCAST prefixes' keys and brings
  // the table back under `max_keys` (0: no limit) by invalidating random keys.
  void EndBatch(long long max_keys);

  void OnKeyModified(int db, std::string_view key) override;
  void OnFlush(int db) override;

  size_t tracking_clients() const { return trackers_.size(); }
  size_t total_keys() const { return table_.size(); }
  size_t total_items() const { return total_items_; }
  size_t total_prefixes() const { return prefixes_.size(); }

 private:
  struct Prefix {
    // Changed keys since the last broadcast, with who changed them (NOLOOP).
    std::map<std::string, const ClientState*> keys;
    std::vector<ClientState*> clients;
  };

  // Sends `keys` (a null invalidation when `flush`) to `target` or its redirection, as
  // Redis's sendTrackingMessage.
  void Send(ClientState* target, const std::vector<std::string_view>& keys, bool flush);
  void Deliver(ClientState* to, protocol::PushPtr push);
  // Removes `key` from the table, invalidating it for the clients that track it.
  void InvalidateKey(std::string_view key);
  void AddPrefix(ClientState* client, std::string_view prefix);
  ClientState* Lookup(uint64_t id) const;

  std::unordered_map<uint64_t, ClientState*>& clients_;
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view k) const { return std::hash<std::string_view>()(k); }
  };
  // key -> ids of the clients that may cache it.
  std::unordered_map<std::string, std::vector<uint64_t>, KeyHash, std::equal_to<>> table_;
  size_t total_items_ = 0;
  std::map<std::string, Prefix> prefixes_;  // BCAST prefixes, in Redis's rax order
  std::vector<ClientState*> trackers_;      // clients with tracking on
  PushOutbox& outbox_;
  ClientState* caller_ = nullptr;
  protocol::ReplyBuilder* caller_rb_ = nullptr;
  // The caller's own invalidations (nullopt: a flush), sent after its reply.
  std::vector<std::optional<std::string>> pending_;
  unsigned limit_rounds_ = 0;  // consecutive batches that ended over tracking-table-max-keys
  uint64_t rng_ = 0x9e3779b97f4a7c15ull;
};

}  // namespace tandem::commands
