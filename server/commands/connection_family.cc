// Connection commands: PING ECHO QUIT RESET HELLO AUTH. (SELECT lives with the keyspace
// commands, CLIENT in client_family.cc.)
#include <algorithm>

#include "protocol/errors.h"
#include "protocol/resp_writer.h"
#include "server/commands/arg_parser.h"
#include "server/commands/client_family.h"
#include "server/commands/families.h"
#include "server/engine/ascii.h"
#include "server/engine/numbers.h"
#include "server/server_state.h"
#include "server/version.h"

namespace tandem::commands {
namespace {

// Tandem has one user, "default", whose password is `requirepass` (none when empty: then
// any password is accepted, as for Redis's "nopass" default user).
bool CheckCredentials(ServerState& server, std::string_view user, std::string_view pass) {
  if (user != "default") return false;
  const std::string& required = server.config().requirepass;
  return required.empty() || pass == required;
}

void SwitchProtocol(CommandContext& ctx, int resp) {
  ctx.client.resp = resp;
  if (ctx.writer) ctx.writer->SetProtocol(resp);
}

// PING [message]
void CmdPing(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() > 2) {
    return ctx.rb.SendError(protocol::WrongNumArgsError(ctx.cmd.name));
  }
  if (ctx.client.pubsub && ctx.client.resp == 2) {
    // In RESP2's subscribed context the reply must look like a message: an array.
    ctx.rb.StartArray(2);
    ctx.rb.SendBulk("pong");
    return ctx.rb.SendBulk(argv.size() == 2 ? argv[1] : "");
  }
  if (argv.size() == 2) return ctx.rb.SendBulk(argv[1]);
  ctx.rb.SendSimple("PONG");
}

// ECHO message
void CmdEcho(CmdArgs argv, CommandContext& ctx) { ctx.rb.SendBulk(argv[1]); }

// QUIT
void CmdQuit(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendOk();
  ctx.client.close_after_reply = true;
}

// RESET
void CmdReset(CmdArgs argv, CommandContext& ctx) {
  ClientState& client = ctx.client;
  if (client.monitor) {
    auto& monitors = ctx.server.monitors();
    monitors.erase(std::remove(monitors.begin(), monitors.end(), &client), monitors.end());
    client.monitor = false;
  }
  client.ResetMulti();
  ctx.server.watches().UnwatchAll(&client);
  ctx.server.pubsub().UnsubscribeAll(&client);
  ctx.server.tracking().Disable(&client);
  client.db_index = 0;
  SwitchProtocol(ctx, 2);
  client.authenticated = ctx.server.config().requirepass.empty();
  client.name.clear();
  client.no_evict = false;
  // OFF and a pending SKIP end; a SKIP that applies to this very command still holds.
  if (client.reply_mode != ClientState::ReplyMode::kSkipThis) {
    client.reply_mode = ClientState::ReplyMode::kOn;
  }
  ctx.rb.SendSimple("RESET");
}

// HELLO [protover [AUTH username password] [SETNAME clientname]]
void CmdHello(CmdArgs argv, CommandContext& ctx) {
  long long ver = 0;
  if (argv.size() >= 2) {
    if (!engine::StringToLL(argv[1], &ver)) return ctx.rb.SendError(protocol::kErrHelloProtover);
    if (ver < 2 || ver > 3) return ctx.rb.SendError(protocol::kErrNoProto);
  }
  // Options take effect in order, as in Redis 7.0: a name set before a failing AUTH or a
  // syntax error stays set.
  ArgParser parser(argv.subspan(std::min<size_t>(2, argv.size())));
  while (parser.HasNext()) {
    const std::string_view option = parser.Peek();
    if (parser.Remaining() >= 3 && parser.Check("AUTH")) {
      const std::string_view user = parser.Next();
      if (!CheckCredentials(ctx.server, user, parser.Next())) {
        return ctx.rb.SendError(protocol::kErrWrongPass);
      }
      ctx.client.authenticated = true;
    } else if (parser.Remaining() >= 2 && parser.Check("SETNAME")) {
      const std::string_view name = parser.Next();
      if (!IsValidClientName(name)) return ctx.rb.SendError(protocol::kErrBadClientName);
      ctx.client.name = std::string(name);
    } else {
      // Redis prints the option with %s: it ends at a NUL byte.
      return ctx.rb.SendError("ERR Syntax error in HELLO option '" +
                              std::string(engine::CStringPart(option)) + "'");
    }
  }
  if (!ctx.client.authenticated) return ctx.rb.SendError(protocol::kErrHelloNoAuth);
  if (ver != 0) SwitchProtocol(ctx, static_cast<int>(ver));

  protocol::ReplyBuilder& rb = ctx.rb;
  rb.StartMap(7);
  rb.SendBulk("server");
  rb.SendBulk("redis");
  rb.SendBulk("version");
  rb.SendBulk(kRedisCompatVersion);
  rb.SendBulk("proto");
  rb.SendLong(ctx.client.resp);
  rb.SendBulk("id");
  rb.SendLong(static_cast<long long>(ctx.client.id));
  rb.SendBulk("mode");
  rb.SendBulk("standalone");
  rb.SendBulk("role");
  rb.SendBulk("master");
  rb.SendBulk("modules");
  rb.StartArray(0);
}

// AUTH [username] password
void CmdAuth(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() > 3) return ctx.rb.SendError(protocol::kErrSyntax);
  std::string_view user = "default";
  std::string_view pass = argv[1];
  if (argv.size() == 2) {
    if (ctx.server.config().requirepass.empty()) {
      return ctx.rb.SendError(protocol::kErrAuthNoPassword);
    }
  } else {
    user = argv[1];
    pass = argv[2];
  }
  if (!CheckCredentials(ctx.server, user, pass)) return ctx.rb.SendError(protocol::kErrWrongPass);
  ctx.client.authenticated = true;
  ctx.rb.SendOk();
}

}  // namespace

void RegisterConnectionFamily(CommandTable& table) {
  // clang-format off
  constexpr uint32_t kNoAuthFlags = kNoScript | kLoading | kStale | kFast | kNoAuth | kAllowBusy;
  table.Register({.name = "ping", .arity = -1, .flags = kFast, .handler = &CmdPing});
  table.Register({.name = "echo", .arity = 2, .flags = kLoading | kStale | kFast,
                  .handler = &CmdEcho});
  table.Register({.name = "quit", .arity = -1, .flags = kNoAuthFlags, .handler = &CmdQuit});
  table.Register({.name = "reset", .arity = 1, .flags = kNoAuthFlags, .handler = &CmdReset});
  table.Register({.name = "hello", .arity = -1, .flags = kNoAuthFlags, .handler = &CmdHello});
  table.Register({.name = "auth", .arity = -2, .flags = kNoAuthFlags, .handler = &CmdAuth});
  // clang-format on
}

}  // namespace tandem::commands
