#include "server/server_state.h"

namespace tandem::commands {

ServerState::ServerState(Config config, CommandTable table)
    : config_(std::move(config)),
      table_(std::move(table)),
      dbs_(config_.databases),
      start_time_ms_(engine::WallClockMs()) {
  lastsave_s = start_time_ms_ / 1000;
}

size_t ServerState::UsedMemory() const {
  return startup_allocated + dbs_.memory() + client_buffer_bytes.load(std::memory_order_relaxed);
}

}  // namespace tandem::commands
