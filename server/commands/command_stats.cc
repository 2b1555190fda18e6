#include "server/commands/command_stats.h"

#include <algorithm>

namespace tandem::commands {

CommandStats CommandStatsTable::Merged(const CommandSpec& spec) {
  CommandStats sum;
  blocks_.ForEach([&](const std::vector<CommandStats>& b) {
    const CommandStats& s = b[spec.id];
    sum.calls += s.calls;
    sum.usec += s.usec;
    sum.rejected_calls += s.rejected_calls;
    sum.failed_calls += s.failed_calls;
  });
  return sum;
}

void CommandStatsTable::Reset() {
  blocks_.ForEach(
      [](std::vector<CommandStats>& b) { std::fill(b.begin(), b.end(), CommandStats()); });
}

}  // namespace tandem::commands
