#include "server/commands/block_on_keys.h"

#include <climits>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "protocol/captured_reply.h"
#include "protocol/errors.h"
#include "server/commands/stored_command.h"
#include "server/engine/db_set.h"
#include "server/engine/numbers.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

// The client's session sends the reply when it wakes, before its next command.
void PostReply(ClientState& client, protocol::ReplyValue value) {
  client.served_reply = std::move(value);
  if (client.wake) client.wake();
}

}  // namespace

bool ParseBlockTimeout(std::string_view arg, CommandContext& ctx, int64_t* deadline_ms) {
  long double seconds;
  if (!engine::StringToLongDouble(arg, &seconds)) {
    ctx.rb.SendError(protocol::kErrTimeoutNotFloat);
    return false;
  }
  // As Redis: (long long)(seconds * 1000), which x86 turns into LLONG_MIN when out of range.
  long double ms = seconds * 1000.0L;
  long long t =
      (std::isfinite(ms) && ms < 9.2e18L && ms > -9.2e18L) ? static_cast<long long>(ms) : LLONG_MIN;
  if (t < 0) {
    ctx.rb.SendError(protocol::kErrTimeoutNegative);
    return false;
  }
  if (t > 0) {
    if (t > LLONG_MAX - ctx.now_ms) {
      ctx.rb.SendError(protocol::kErrTimeoutOutOfRange);
      return false;
    }
    t += ctx.now_ms;
  }
  *deadline_ms = t;
  return true;
}

bool MayBlock(const CommandContext& ctx) { return !ctx.client.deny_blocking; }

void BlockOnKeys(CommandContext& ctx, CmdArgs argv, CmdArgs keys, int64_t deadline_ms,
                 ServeBlocked serve) {
  auto stored = std::make_shared<const StoredCommand>(argv);
  ClientState* client = &ctx.client;
  ServerState* server = &ctx.server;
  const CommandSpec* spec = &ctx.cmd;
  std::vector<std::string> names(keys.begin(), keys.end());
  client->block_deadline_ms = deadline_ms;
  client->blocked_spec = spec;
  server->blocking().Block(
      client, client->db_index, names, [stored, client, server, spec, serve](std::string_view key) {
        protocol::CapturingReplyBuilder capture;
        const int64_t start_us = engine::WallClockUs();
        CommandContext c{capture, *client, *server, *spec, nullptr, start_us / 1000};
        if (!serve(stored->argv(), c, key)) return false;
        // The call was counted when it blocked; its serving time adds to it (Redis's
        // updateStatsOnUnblock).
        server->command_stats().Local(*spec).usec +=
            static_cast<uint64_t>(engine::WallClockUs() - start_us);
        std::vector<protocol::ReplyValue> values = capture.Take();
        if (!values.empty()) PostReply(*client, std::move(values[0]));
        return true;
      });
}

bool UnblockClient(ServerState& server, ClientState& client, bool as_error) {
  if (!server.blocking().IsBlocked(&client)) return false;
  server.blocking().Forget(&client);
  // Redis 7.0 counts a failed call of the blocked command either way, and the error reply.
  if (client.blocked_spec) ++server.command_stats().Local(*client.blocked_spec).failed_calls;
  protocol::CapturingReplyBuilder capture;
  if (as_error) {
    ++server.stats().total_error_replies;
    ++server.stats().error_stats["UNBLOCKED"];
    capture.SendError(protocol::kErrUnblocked);
  } else {
    capture.SendNullArray();
  }
  PostReply(client, std::move(capture.Take()[0]));
  return true;
}

}  // namespace tandem::commands
