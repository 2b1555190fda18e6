// Command statistics (INFO commandstats), counted per thread and merged on read. The thread
// running a command adds to its own counters, so no counter is shared between io threads
// and a striped engine lock needs no change here; INFO sums every thread's block. One
// table per server, used under the engine lock.
#pragma once

#include <cstdint>
#include <vector>

#include "server/commands/command.h"
#include "server/per_thread.h"

namespace tandem::commands {

class CommandStatsTable {
 public:
  // `commands`: how many specs (commands and subcommands) the table numbers.
  explicit CommandStatsTable(size_t commands) : blocks_(std::vector<CommandStats>(commands)) {}

  // This thread's counters for `spec`.
  CommandStats& Local(const CommandSpec& spec) { return blocks_.Local()[spec.id]; }
  // Every thread's counters for `spec`, added up.
  CommandStats Merged(const CommandSpec& spec);
  // CONFIG RESETSTAT.
  void Reset();

 private:
  PerThread<std::vector<CommandStats>> blocks_;
};

}  // namespace tandem::commands
