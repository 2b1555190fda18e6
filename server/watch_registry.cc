#include "server/watch_registry.h"

#include <algorithm>

#include "server/engine/database.h"

namespace tandem::commands {

void WatchRegistry::Watch(ClientState* client, int db, std::string_view key, int64_t now_ms) {
  for (const auto& w : client->watched) {
    if (w.db == db && w.key == key) return;
  }
  engine::Database& d = dbs_.db(db);
  const engine::Entry* e = d.PeekNoStep(key);
  client->watched.push_back({db, std::string(key), e != nullptr && d.IsExpired(e, now_ms)});
  watchers_[DbKey{db, std::string(key)}].push_back(client);
}

void WatchRegistry::UnwatchAll(ClientState* client) {
  for (const auto& w : client->watched) {
    auto it = watchers_.find(DbKey{w.db, w.key});
    if (it == watchers_.end()) continue;
    auto& v = it->second;
    v.erase(std::remove(v.begin(), v.end(), client), v.end());
    if (v.empty()) watchers_.erase(it);
  }
  client->watched.clear();
}

bool WatchRegistry::AnyExpired(const ClientState* client, int64_t now_ms) {
  for (const auto& w : client->watched) {
    if (w.expired) continue;
    engine::Database& d = dbs_.db(w.db);
    const engine::Entry* e = d.PeekNoStep(w.key);
    if (e != nullptr && d.IsExpired(e, now_ms)) return true;
  }
  return false;
}

void WatchRegistry::Touch(int db, std::string_view key, bool only_if_exists) {
  auto it = watchers_.find(DbKey{db, std::string(key)});
  if (it == watchers_.end()) return;
  bool exists = dbs_.db(db).PeekNoStep(key) != nullptr;
  for (ClientState* c : it->second) {
    for (auto& w : c->watched) {
      if (w.db != db || w.key != key) continue;
      if (w.expired) {
        // Watched while already expired: its deletion is no change (Redis 7.0).
        if (!exists) {
          w.expired = false;
          break;
        }
      } else if (only_if_exists && !exists) {
        break;
      }
      c->dirty_cas = true;
      break;
    }
  }
}

void WatchRegistry::OnKeyModified(int db, std::string_view key) {
  if (watchers_.empty()) return;
  Touch(db, key, false);
}

void WatchRegistry::OnFlush(int db) {
  if (watchers_.empty()) return;
  std::vector<DbKey> keys;
  for (const auto& [k, v] : watchers_) {
    if (db == kAllDbs || k.db == db) keys.push_back(k);
  }
  for (const auto& k : keys) Touch(k.db, k.key, true);
}

void WatchRegistry::OnSwap(int a, int b) {
  if (watchers_.empty()) return;
  for (auto& [k, v] : watchers_) {
    if (k.db != a && k.db != b) continue;
    if (dbs_.db(a).PeekNoStep(k.key) == nullptr && dbs_.db(b).PeekNoStep(k.key) == nullptr)
      continue;
    for (ClientState* c : v) c->dirty_cas = true;
  }
}

}  // namespace tandem::commands
