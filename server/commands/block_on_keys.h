// Blocking commands on keys (BLPOP BRPOP BLMOVE BRPOPLPUSH BLMPOP; the sorted sets'
// BZPOPMIN BZPOPMAX BZMPOP use the same calls), on top of the BlockingRegistry.
//
// A blocking handler first does what its non-blocking form would. When no key can serve it:
//   - if !MayBlock(ctx) (inside MULTI/EXEC or a script: Redis's CLIENT_DENY_BLOCKING) it
//     replies as a timeout would, at once;
//   - otherwise it calls BlockOnKeys() and sends nothing. The client's connection stops
//     running commands (it keeps reading, so a close is seen) until one of:
//       * a write signals one of the keys: after that command (or EXEC, or script) ends,
//         the registry calls `serve` for each client blocked on the key, first blocked first
//         served, under the engine lock on the writer's thread. `serve` gets the stored
//         arguments and a context whose reply builder captures; it returns false to keep
//         waiting (nothing for it there), true once it replied. The captured reply is posted
//         to the client's own loop (a protocol::Push), then the client is woken;
//       * the deadline passes: the connection's timer replies with Redis's timeout reply
//         (a null array) on the client's loop;
//       * CLIENT UNBLOCK (TIMEOUT: the null array; ERROR: -UNBLOCKED ...);
//       * the connection closes (the registry forgets it).
// Everything here runs under the engine lock.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "server/commands/command.h"

namespace tandem::commands {

// Serves a blocked command from `key`, replying through ctx.rb; false to keep waiting.
using ServeBlocked = bool (*)(CmdArgs argv, CommandContext& ctx, std::string_view key);

// Redis's getTimeoutFromObjectOrReply in seconds (fractional): *deadline_ms is the absolute
// wall-clock deadline, 0 to wait forever (including timeouts under a millisecond, as Redis).
// On a bad value, replies with Redis's error and returns false.
bool ParseBlockTimeout(std::string_view arg, CommandContext& ctx, int64_t* deadline_ms);

// False when the client may not block (MULTI/EXEC, scripts): reply as on a timeout instead.
bool MayBlock(const CommandContext& ctx);

// Blocks the calling client on `keys` of its database (see above). `argv` is copied.
void BlockOnKeys(CommandContext& ctx, CmdArgs argv, CmdArgs keys, int64_t deadline_ms,
                 ServeBlocked serve);

// CLIENT UNBLOCK: releases `client` if it is blocked on keys, replying as a timeout or with
// -UNBLOCKED. Returns false if it was not blocked.
bool UnblockClient(ServerState& server, ClientState& client, bool as_error);

}  // namespace tandem::commands
