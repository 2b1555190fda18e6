#include "server/server_cron.h"

#include <algorithm>

#include "server/commands/dispatcher.h"
#include "server/log.h"
#include "server/memcache/text_protocol.h"

namespace tandem {

void ServerCron::Start() {
  // Runs outside the engine lock: reads the configuration through a snapshot.
  int hz = std::clamp(server_.config_snapshot()->hz, 1, 500);
  timer_.expires_after(std::chrono::milliseconds(1000 / hz));
  timer_.async_wait([this](const asio::error_code& ec) {
    if (ec) return;
    Tick();
    Start();
  });
}

void ServerCron::Tick() {
  // Never waits behind a running script: its io thread keeps answering -BUSY.
  std::unique_lock lock(server_.engine_mutex(), std::defer_lock);
  if (!lock.try_lock()) {
    if (server_.script_run().running.load(std::memory_order_acquire)) return;
    lock.lock();
  }
  int hz = std::clamp(server_.config().hz, 1, 500);
  // Like Redis's slow cycle: at most 25% of the period on active expiry.
  int64_t budget_us = 250000 / hz;
  engine::DbSet& dbs = server_.dbs();
  dbs.active_rehashing = server_.config().activerehashing;
  dbs.Cron(budget_us);
  memcache::ApplyDueFlush(server_);
  ClientsCron(dbs.now_ms());
  // Keys the cycle expired reach BCAST clients now, not at the next client's batch.
  if (server_.dispatcher != nullptr) server_.dispatcher->EndBatch();
}

void ServerCron::ClientsCron(int64_t now_ms) {
  int timeout = server_.config().timeout;
  if (timeout <= 0) return;
  for (auto& [id, client] : server_.clients()) {
    if (client->monitor) continue;
    if (now_ms - client->last_interaction_ms > int64_t{timeout} * 1000) {
      Log(LogLevel::kVerbose, "Closing idle client");
      if (client->kill) client->kill();
    }
  }
}

}  // namespace tandem
