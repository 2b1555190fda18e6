// Command statistics (INFO commandstats), counted per thread and merged on read. The thread
// running a command adds to its own counters, so no counter is shared between io threads
// and a striped engine lock needs no change here; INFO sums every thread's block. One
// table per server, used under the engine lock.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "server/commands/command.h"

namespace tandem::commands {

class CommandStatsTable {
 public:
  // `commands`: how many specs (commands and subcommands) the table numbers.
  explicit CommandStatsTable(size_t commands);

  // This thread's counters for `spec`.
  CommandStats& Local(const CommandSpec& spec) { return LocalBlock()[spec.id]; }
  // Every thread's counters for `spec`, added up.
  CommandStats Merged(const CommandSpec& spec) const;
  // CONFIG RESETSTAT.
  void Reset();

 private:
  using Block = std::vector<CommandStats>;
  Block& LocalBlock();

  size_t commands_;
  uint64_t identity_;      // tells this table from an earlier one at the same address
  mutable std::mutex mu_;  // guards blocks_: a thread adds its block on first use
  std::deque<Block> blocks_;
};

}  // namespace tandem::commands
