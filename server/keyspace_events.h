// Redis's keyspace notifications (notify.c): the event classes with their
// notify-keyspace-events letters, and the one call a command makes after it changed a key.
#pragma once

#include <string>
#include <string_view>

#include "server/engine/key_observer.h"

namespace tandem {

namespace commands {
class ServerState;
}
using commands::ServerState;

// Redis's NOTIFY_* bits.
namespace notify {
constexpr int kKeyspace = 1 << 0, kKeyevent = 1 << 1, kGeneric = 1 << 2, kString = 1 << 3,
              kList = 1 << 4, kSet = 1 << 5, kHash = 1 << 6, kZset = 1 << 7, kExpired = 1 << 8,
              kEvicted = 1 << 9, kStream = 1 << 10, kKeyMiss = 1 << 11, kModule = 1 << 12,
              kNew = 1 << 13;
// 'A': every class but key-miss and new-key.
constexpr int kAll =
    kGeneric | kString | kList | kSet | kHash | kZset | kExpired | kEvicted | kStream | kModule;
}  // namespace notify

// -1 on an unknown class character.
int KeyspaceEventsFromString(std::string_view s);
std::string KeyspaceEventsToString(int flags);

// Redis's notifyKeyspaceEvent: when class `type` is enabled, publishes `event` on
// __keyspace@<db>__:<key> and/or `key` on __keyevent@<db>__:<event>. Under the engine lock.
void NotifyKeyspaceEvent(ServerState& server, int type, std::string_view event,
                         std::string_view key, int db);

// The events the engine causes itself, published as Redis does: "new" (class n) when a key
// is created, "expired" (x) by lazy or active expiry, "evicted" (e) by maxmemory, in the
// database the key lived in. Registered with the DbSet by ServerState.
class EngineKeyEvents final : public engine::KeyObserver {
 public:
  explicit EngineKeyEvents(ServerState& server) : server_(server) {}
  void OnKeyModified(int, std::string_view) override {}
  void OnKeyEvent(int db, std::string_view key, KeyEvent event) override;

 private:
  ServerState& server_;
};

}  // namespace tandem
