#include "server/keyspace_events.h"

#include "server/server_state.h"

namespace tandem {
namespace {

struct EventClass {
  char c;
  int flag;
};
// In the order Redis prints them after the type classes.
constexpr EventClass kTypeClasses[] = {
    {'g', notify::kGeneric}, {'$', notify::kString},  {'l', notify::kList},
    {'s', notify::kSet},     {'h', notify::kHash},    {'z', notify::kZset},
    {'x', notify::kExpired}, {'e', notify::kEvicted}, {'t', notify::kStream},
    {'d', notify::kModule},  {'n', notify::kNew}};
constexpr EventClass kTargetClasses[] = {
    {'K', notify::kKeyspace}, {'E', notify::kKeyevent}, {'m', notify::kKeyMiss}};

}  // namespace

int KeyspaceEventsFromString(std::string_view s) {
  int flags = 0;
  for (char c : s) {
    if (c == 'A') {
      flags |= notify::kAll;
      continue;
    }
    int found = 0;
    for (const auto& e : kTypeClasses) found |= e.c == c ? e.flag : 0;
    for (const auto& e : kTargetClasses) found |= e.c == c ? e.flag : 0;
    if (!found) return -1;
    flags |= found;
  }
  return flags;
}

std::string KeyspaceEventsToString(int flags) {
  std::string out;
  if ((flags & notify::kAll) == notify::kAll) {
    out += 'A';
  } else {
    for (const auto& e : kTypeClasses) {
      if (flags & e.flag) out += e.c;
    }
  }
  for (const auto& e : kTargetClasses) {
    if (flags & e.flag) out += e.c;
  }
  return out;
}

void NotifyKeyspaceEvent(ServerState& server, int type, std::string_view event,
                         std::string_view key, int db) {
  int flags = server.config().notify_keyspace_events;
  if (!(flags & type)) return;
  commands::PubSubRegistry& pubsub = server.pubsub();
  if (pubsub.idle()) return;  // nobody listens: skip building the channel names
  std::string prefix = "__keyspace@" + std::to_string(db) + "__:";
  if (flags & notify::kKeyspace) {
    std::string channel = prefix;
    channel.append(key);
    pubsub.Publish(channel, event, commands::PubSubRegistry::Kind::kChannel);
  }
  if (flags & notify::kKeyevent) {
    std::string channel = "__keyevent@" + std::to_string(db) + "__:";
    channel.append(event);
    pubsub.Publish(channel, key, commands::PubSubRegistry::Kind::kChannel);
  }
}

void EngineKeyEvents::OnKeyEvent(int db, std::string_view key, KeyEvent event) {
  switch (event) {
    case KeyEvent::kNew:
      return NotifyKeyspaceEvent(server_, notify::kNew, "new", key, db);
    case KeyEvent::kExpired:
      return NotifyKeyspaceEvent(server_, notify::kExpired, "expired", key, db);
    case KeyEvent::kEvicted:
      return NotifyKeyspaceEvent(server_, notify::kEvicted, "evicted", key, db);
  }
}

}  // namespace tandem
