#include "server/server_state.h"

namespace tandem::commands {

ServerState::ServerState(Config config, CommandTable table)
    : config_(std::make_shared<const Config>(std::move(config))),
      locked_config_(config_),
      current_config_(locked_config_.get()),
      table_(std::move(table)),
      command_stats_(table_.all().size()),
      dbs_(locked_config_->databases),
      start_time_ms_(engine::WallClockMs()) {
  lastsave_s = start_time_ms_ / 1000;
  dbs_.AddObserver(&blocking_);
  dbs_.AddObserver(&watches_);
  dbs_.AddObserver(&tracking_);
  dbs_.AddObserver(&engine_key_events_);
  engine_mutex_.SetBeforeUnlock(
      [](void* state) { static_cast<ServerState*>(state)->HandOverPushes(); }, this);
}

namespace {
thread_local bool t_hand_over_posted = false;  // this io thread's loop will hand pushes over
}  // namespace

void ServerState::HandOverPushes() {
  if (outbox_.empty() || t_hand_over_posted) return;
  auto hand_over = [](void* arg) {
    auto* state = static_cast<ServerState*>(arg);
    t_hand_over_posted = false;
    std::lock_guard lock(state->engine_mutex_);
    state->outbox_.Flush();
  };
  if (EngineLock::PostToLoop(hand_over, this)) {
    t_hand_over_posted = true;
  } else {
    outbox_.Flush();  // no loop on this thread: at once
  }
}

void ServerState::PublishConfig(Config next) {
  locked_config_ = std::make_shared<const Config>(std::move(next));
  {
    std::lock_guard lock(config_mu_);
    config_ = locked_config_;
  }
  current_config_.store(locked_config_.get(), std::memory_order_release);
}

size_t ServerState::UsedMemory() const {
  return startup_allocated + dbs_.memory() + client_buffer_bytes.load(std::memory_order_relaxed);
}

}  // namespace tandem::commands
