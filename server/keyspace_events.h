// Redis's keyspace notifications (notify.c): the event classes with their
// notify-keyspace-events letters, and the one call a command makes after it changed a key.
#pragma once

#include <string>
#include <string_view>

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

}  // namespace tandem
