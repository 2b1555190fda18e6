// Server family helpers that other parts of the server call.
#pragma once

#include "protocol/reply_builder.h"
#include "server/commands/command.h"
#include "server/server_state.h"

namespace tandem::commands {

// Makes the running server follow its configuration after start-up or a CONFIG SET:
// log level, hz clamped to 1..500 (as Redis does), the LFU/LRU settings of the keyspace,
// active rehashing. Idempotent; call under the engine lock once threads run.
void ApplyConfigSideEffects(ServerState& server);

// One COMMAND INFO entry for a registered command: name, arity, flags, first key, last key,
// step (from the command table), ACL categories, tips and key specs (from its CommandDoc),
// and its subcommands' entries.
void WriteCommandInfo(const CommandSpec& spec, protocol::ReplyBuilder& rb);

// The positions of the keys in `args` (args[0] the command name), from the command's key
// specs as COMMAND GETKEYS finds them (Redis's getKeysFromCommand); none on bad arguments.
std::vector<int> CommandKeyPositions(const CommandSpec& spec, CmdArgs args);

}  // namespace tandem::commands
