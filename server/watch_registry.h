// WATCH: the keys each client watches, and the key-change observer that marks a client's
// transaction dirty (Redis's touchWatchedKey / touchAllWatchedKeysInDb). Lives in
// ServerState; used only under the engine lock. A client's own list is in
// ClientState::watched; this registry maps each watched (db, key) to its watchers.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/client_state.h"
#include "server/engine/db_set.h"
#include "server/engine/key_observer.h"

namespace tandem::commands {

class WatchRegistry final : public engine::KeyObserver {
 public:
  explicit WatchRegistry(engine::DbSet& dbs) : dbs_(dbs) {}

  // WATCH key: once per (db, key) per client.
  void Watch(ClientState* client, int db, std::string_view key, int64_t now_ms);
  // Forgets every key the client watches (EXEC, DISCARD, UNWATCH, RESET, disconnection).
  void UnwatchAll(ClientState* client);
  // Redis's isWatchedKeyExpired: a watched key that was live when watched is now expired
  // (but not yet deleted).
  bool AnyExpired(const ClientState* client, int64_t now_ms);
  size_t watched_keys() const { return watchers_.size(); }

  void OnKeyModified(int db, std::string_view key) override;
  // Called before the keys go: a watched key that exists is touched.
  void OnFlush(int db) override;
  void OnSwap(int a, int b) override;

 private:
  struct DbKey {
    int db;
    std::string key;
    bool operator==(const DbKey&) const = default;
  };
  struct DbKeyHash {
    size_t operator()(const DbKey& k) const {
      return std::hash<std::string_view>()(k.key) * 31 + static_cast<size_t>(k.db);
    }
  };
  // Marks the watchers of (db, key) dirty. With `only_if_exists` (a flush) only when the key
  // exists. The deletion of a key that was already expired when watched is no change.
  void Touch(int db, std::string_view key, bool only_if_exists);

  engine::DbSet& dbs_;
  std::unordered_map<DbKey, std::vector<ClientState*>, DbKeyHash> watchers_;
};

}  // namespace tandem::commands
