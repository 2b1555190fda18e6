// Helpers of the keys family that other families reuse.
#pragma once

#include "server/engine/entry.h"
#include "server/server_state.h"

namespace tandem::commands {

// The reference count Redis reports for the value of `e` (OBJECT REFCOUNT, DEBUG OBJECT):
// INT_MAX for one of Redis's shared integers 0..9999, which Redis shares unless maxmemory is
// set with an LRU or LFU policy and which a COPY duplicates into a private object; else 1.
int ObjectRefcount(ServerState& server, const engine::Entry& e);

}  // namespace tandem::commands
