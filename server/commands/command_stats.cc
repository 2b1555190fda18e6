#include "server/commands/command_stats.h"

#include <atomic>

namespace tandem::commands {
namespace {

std::atomic<uint64_t> next_identity{1};

struct LocalCache {
  uint64_t identity = 0;
  std::vector<CommandStats>* block = nullptr;
};
thread_local LocalCache local_cache;

}  // namespace

CommandStatsTable::CommandStatsTable(size_t commands)
    : commands_(commands), identity_(next_identity.fetch_add(1)) {}

CommandStatsTable::Block& CommandStatsTable::LocalBlock() {
  if (local_cache.identity == identity_) return *local_cache.block;
  std::lock_guard lock(mu_);
  Block& block = blocks_.emplace_back(commands_);
  local_cache = {identity_, &block};
  return block;
}

CommandStats CommandStatsTable::Merged(const CommandSpec& spec) const {
  CommandStats sum;
  std::lock_guard lock(mu_);
  for (const Block& b : blocks_) {
    const CommandStats& s = b[spec.id];
    sum.calls += s.calls;
    sum.usec += s.usec;
    sum.rejected_calls += s.rejected_calls;
    sum.failed_calls += s.failed_calls;
  }
  return sum;
}

void CommandStatsTable::Reset() {
  std::lock_guard lock(mu_);
  for (Block& b : blocks_) std::fill(b.begin(), b.end(), CommandStats());
}

}  // namespace tandem::commands
