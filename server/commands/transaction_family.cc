// Transactions: MULTI EXEC DISCARD WATCH UNWATCH. Queueing happens in the dispatcher
// (Dispatcher::QueueMultiCommand); EXEC invokes the queued commands one after the other
// inside its own call, so under the one engine lock of its batch: nothing from another
// client interleaves.
#include "protocol/errors.h"
#include "server/commands/dispatcher.h"
#include "server/commands/families.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

// Redis's discardTransaction.
void Discard(CommandContext& ctx) {
  ctx.client.ResetMulti();
  ctx.server.watches().UnwatchAll(&ctx.client);
}

// MULTI
void CmdMulti(CmdArgs argv, CommandContext& ctx) {
  if (ctx.client.in_multi) return ctx.rb.SendError(protocol::kErrMultiNested);
  ctx.client.in_multi = true;
  ctx.rb.SendOk();
}

// DISCARD
void CmdDiscard(CmdArgs argv, CommandContext& ctx) {
  if (!ctx.client.in_multi) return ctx.rb.SendError(protocol::kErrDiscardWithoutMulti);
  Discard(ctx);
  ctx.rb.SendOk();
}

// EXEC
void CmdExec(CmdArgs argv, CommandContext& ctx) {
  ClientState& client = ctx.client;
  if (!client.in_multi) return ctx.rb.SendError(protocol::kErrExecWithoutMulti);
  WatchRegistry& watches = ctx.server.watches();
  if (!client.dirty_cas && watches.AnyExpired(&client, ctx.now_ms)) client.dirty_cas = true;
  if (client.multi_error || client.dirty_cas) {
    if (client.multi_error) {
      ctx.rb.SendError(protocol::kErrExecAbort);
    } else {
      ctx.rb.SendNullArray();
    }
    return Discard(ctx);
  }
  std::vector<ClientState::QueuedCommand> queue = std::move(client.multi_queue);
  watches.UnwatchAll(&client);  // as Redis: before running, so our own writes do not matter
  const bool deny_blocking = client.deny_blocking;
  client.deny_blocking = true;
  ctx.rb.StartArray(queue.size());
  Dispatcher& dispatcher = *ctx.server.dispatcher;
  for (const auto& q : queue) {
    dispatcher.Invoke(*q.spec, q.cmd.argv(), client, ctx.rb, ctx.writer, ctx.now_ms);
  }
  client.deny_blocking = deny_blocking;
  client.ResetMulti();
}

// WATCH key [key ...]
void CmdWatch(CmdArgs argv, CommandContext& ctx) {
  if (ctx.client.in_multi) return ctx.rb.SendError(protocol::kErrWatchInMulti);
  for (size_t i = 1; i < argv.size(); ++i) {
    ctx.server.watches().Watch(&ctx.client, ctx.client.db_index, argv[i], ctx.now_ms);
  }
  ctx.rb.SendOk();
}

// UNWATCH
void CmdUnwatch(CmdArgs argv, CommandContext& ctx) {
  ctx.server.watches().UnwatchAll(&ctx.client);
  ctx.client.dirty_cas = false;
  ctx.rb.SendOk();
}

}  // namespace

void RegisterTransactionFamily(CommandTable& table) {
  // clang-format off
  constexpr uint32_t kBase = kNoScript | kLoading | kStale;
  table.Register({.name = "multi", .arity = 1, .flags = kBase | kFast | kAllowBusy,
                  .handler = &CmdMulti});
  table.Register({.name = "exec", .arity = 1, .flags = kBase | kSkipSlowlog,
                  .handler = &CmdExec});
  table.Register({.name = "discard", .arity = 1, .flags = kBase | kFast | kAllowBusy,
                  .handler = &CmdDiscard});
  table.Register({.name = "watch", .arity = -2, .flags = kBase | kFast | kAllowBusy,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdWatch});
  table.Register({.name = "unwatch", .arity = 1, .flags = kBase | kFast | kAllowBusy,
                  .handler = &CmdUnwatch});
  // clang-format on
}

}  // namespace tandem::commands
