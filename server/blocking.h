// Clients that hold a command until something happens elsewhere: CLIENT PAUSE to lift, or a
// key to change (blocking commands: BLPOP and friends). Lives in ServerState; used only
// under the engine lock, by whichever io thread runs the command that releases them.
//
// Nothing polls. A connection that holds a command registers here; the command that
// releases it (CLIENT UNPAUSE, a write signalling a key) calls the client's wake hook, which
// posts to the client's own loop. For keys, serving happens at once under the lock, in
// Redis's order (first blocked, first served), through the callback the blocked client
// registered: it runs the client's stored command and posts the reply.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "server/client_state.h"
#include "server/engine/key_observer.h"

namespace tandem::commands {

class BlockingRegistry final : public engine::KeyObserver {
 public:
  // Called under the engine lock when `key`, one the client waits on, may be ready: returns
  // true if the client was served (it is then unblocked), false to keep waiting.
  using TryServe = std::function<bool(std::string_view key)>;

  // CLIENT PAUSE: `client`'s next command waits for the pause to lift.
  void HoldForPause(ClientState* client);
  // The pause ended or changed (UNPAUSE, a new PAUSE): every held client tries again.
  void WakePaused();

  // Blocks `client` on `keys` of database `db`.
  void Block(ClientState* client, int db, const std::vector<std::string>& keys, TryServe serve);
  // Removes `client` from every wait (unblocked, timed out, disconnected).
  void Forget(ClientState* client);
  bool IsBlocked(ClientState* client) const { return blocked_.count(client) != 0; }
  // Clients blocked on keys, and held by CLIENT PAUSE (Redis counts both in blocked_clients).
  size_t blocked_clients() const { return blocked_.size() + paused_.size(); }
  size_t blocked_on_keys() const { return blocked_.size(); }

  // The key-change signal: remembers the key if someone waits on it (cheap otherwise).
  void OnKeyModified(int db, std::string_view key) override;
  // SWAPDB: every waited-on key of either database may now hold something (Redis's
  // scanDatabaseForReadyKeys). A flush makes nothing ready.
  void OnSwap(int a, int b) override;
  // After a command (or a whole EXEC or script) completes: serves the clients waiting on the
  // keys it changed, in blocking order, while their keys stay ready.
  void ServeReadyKeys();

 private:
  struct DbKey {
    int db;
    std::string key;
    bool operator==(const DbKey&) const = default;
  };
  struct DbKeyHash {
    size_t operator()(const DbKey& k) const {
      return std::hash<std::string>()(k.key) * 31 + static_cast<size_t>(k.db);
    }
  };
  struct Waiter {
    std::vector<DbKey> keys;
    TryServe serve;
  };

  std::unordered_set<ClientState*> paused_;
  std::unordered_map<ClientState*, Waiter> blocked_;
  // Clients blocked on each key, in the order they blocked.
  std::unordered_map<DbKey, std::list<ClientState*>, DbKeyHash> waiting_on_;
  std::vector<DbKey> ready_;
};

}  // namespace tandem::commands
