// The INFO command's text: Redis's sections and field names, filled from ServerState. Used
// under the engine lock.
#pragma once

#include <string>

#include "server/commands/command.h"
#include "server/server_state.h"

namespace tandem::commands {

// INFO [section ...]: the reply text for the requested sections ("default" when none;
// "all", "everything" and "default" select groups; unknown names are ignored), sections in
// Redis's order, CRLF line endings, a blank line between sections.
std::string BuildInfo(ServerState& server, CmdArgs sections);

// CONFIG RESETSTAT: zeroes the statistics INFO reports (commands, errors, keyspace hits and
// misses, expired/evicted keys, connections, network bytes...). The slow log is kept.
void ResetServerStats(ServerState& server);

// Takes one sample of the instantaneous metrics (ops/sec, network kbps) and of the memory
// peak. INFO calls it; calling it from the cron (every 100 ms, like Redis) makes the
// instantaneous values track the last ~1.6 s instead of the time since the previous INFO.
void SampleInstantaneousMetrics(ServerState& server);

// Redis's bytesToHuman: "895.02K", "1.50M", "100B".
std::string BytesToHuman(unsigned long long n);

// Resident set size of this process, from /proc/self/statm (0 if unavailable).
size_t ResidentSetSize();

}  // namespace tandem::commands
