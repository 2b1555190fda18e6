// Pushes for other connections (pub/sub messages, tracking invalidations, MONITOR lines),
// staged under the engine lock and handed to their receivers at the end of the releasing
// io thread's round (ServerState::HandOverPushes): each receiver's mailbox is visited once
// per round, not once per message (a PUBLISH at -P 16 to 10 subscribers took and released
// a mailbox mutex 160 times a batch). Per receiver the order is the order of staging, and
// a receiver's own batch takes what is staged for it (TakeFor) before it runs, so its
// replies follow every message published before them, as when pushes went out one by one.
// Used only under the engine lock.
#pragma once

#include <algorithm>
#include <vector>

#include "server/client_state.h"

namespace tandem::commands {

class PushOutbox {
 public:
  void Stage(ClientState* client, protocol::PushPtr push) {
    if (client->outbox.empty()) staged_.push_back(client);
    client->outbox.push_back(std::move(push));
  }
  // A client going away drops what waits for it.
  void Forget(ClientState* client) {
    if (client->outbox.empty()) return;
    client->outbox.clear();
    staged_.erase(std::remove(staged_.begin(), staged_.end(), client), staged_.end());
  }
  bool empty() const { return staged_.empty(); }
  // What waits for `client`, appended to *into (its own batch takes it before it runs).
  void TakeFor(ClientState* client, std::vector<protocol::PushPtr>* into) {
    if (client->outbox.empty()) return;
    into->insert(into->end(), std::make_move_iterator(client->outbox.begin()),
                 std::make_move_iterator(client->outbox.end()));
    Forget(client);
  }
  // Hands every receiver its pushes (ClientState::push).
  void Flush() {
    for (ClientState* c : staged_) {
      if (c->push) c->push(c->outbox);
      c->outbox.clear();
    }
    staged_.clear();
  }

 private:
  std::vector<ClientState*> staged_;  // the clients whose outbox is not empty
};

}  // namespace tandem::commands
