// Server family helpers that other parts of the server call.
#pragma once

#include "server/server_state.h"

namespace tandem::commands {

// Makes the running server follow its configuration after start-up or a CONFIG SET:
// log level, hz clamped to 1..500 (as Redis does), the LFU/LRU settings of the keyspace,
// active rehashing. Idempotent; call under the engine lock once threads run.
void ApplyConfigSideEffects(ServerState& server);

}  // namespace tandem::commands
