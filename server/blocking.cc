#include "server/blocking.h"

#include <algorithm>

namespace tandem::commands {

void BlockingRegistry::HoldForPause(ClientState* client) {
  paused_.insert(client);
  client->blocked = true;
}

void BlockingRegistry::WakePaused() {
  for (ClientState* c : paused_) {
    c->blocked = false;
    if (c->wake) c->wake();
  }
  paused_.clear();
}

void BlockingRegistry::Block(ClientState* client, int db, const std::vector<std::string>& keys,
                             TryServe serve) {
  Forget(client);
  client->blocked = true;
  Waiter& w = blocked_[client];
  w.serve = std::move(serve);
  for (const std::string& key : keys) {
    DbKey k{db, key};
    if (std::find(w.keys.begin(), w.keys.end(), k) != w.keys.end()) continue;
    waiting_on_[k].push_back(client);
    w.keys.push_back(std::move(k));
  }
}

void BlockingRegistry::Forget(ClientState* client) {
  client->blocked = false;
  paused_.erase(client);
  auto it = blocked_.find(client);
  if (it == blocked_.end()) return;
  for (const DbKey& k : it->second.keys) {
    auto w = waiting_on_.find(k);
    if (w == waiting_on_.end()) continue;
    w->second.remove(client);
    if (w->second.empty()) waiting_on_.erase(w);
  }
  blocked_.erase(it);
}

void BlockingRegistry::OnKeyModified(int db, std::string_view key) {
  if (waiting_on_.empty()) return;
  DbKey k{db, std::string(key)};
  if (waiting_on_.count(k) && std::find(ready_.begin(), ready_.end(), k) == ready_.end()) {
    ready_.push_back(std::move(k));
  }
}

void BlockingRegistry::OnSwap(int a, int b) {
  for (const auto& [k, clients] : waiting_on_) {
    if ((k.db == a || k.db == b) && std::find(ready_.begin(), ready_.end(), k) == ready_.end()) {
      ready_.push_back(k);
    }
  }
}

void BlockingRegistry::ServeReadyKeys() {
  // Serving may signal more keys (BLMOVE pushes to its destination): loop until quiet.
  while (!ready_.empty()) {
    std::vector<DbKey> keys = std::move(ready_);
    ready_.clear();
    for (const DbKey& k : keys) {
      auto w = waiting_on_.find(k);
      if (w == waiting_on_.end()) continue;
      // Serve in blocking order until one client finds nothing left for it.
      std::vector<ClientState*> order(w->second.begin(), w->second.end());
      for (ClientState* c : order) {
        auto b = blocked_.find(c);
        if (b == blocked_.end()) continue;
        TryServe serve = b->second.serve;
        if (!serve(k.key)) break;
        Forget(c);
      }
    }
  }
}

}  // namespace tandem::commands
