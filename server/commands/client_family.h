// Helpers of the CLIENT family that other families reuse (HELLO SETNAME, RESET, INFO).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "server/client_state.h"
#include "server/commands/command.h"

namespace tandem::commands {

class ServerState;

// Redis accepts client names made of the printable ASCII bytes '!'..'~' only.
bool IsValidClientName(std::string_view name);

// CLIENT LIST / CLIENT INFO's line for `client` (without the trailing newline), in Redis's
// field order. `running` is the command being run when `client` is the one asking, else
// nullptr.
std::string ClientInfoLine(const ClientState& client, int64_t now_ms, const CmdArgs* running);

// Removes `client` from the server's client table and monitor list and posts the close of
// its connection. The calling client is never closed here: it sets close_after_reply.
void KillClient(ServerState& server, ClientState& client);

}  // namespace tandem::commands
