// Connection commands: PING ECHO QUIT SELECT ...
#include "protocol/errors.h"
#include "server/commands/families.h"
#include "server/engine/database.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

// PING [message]
void CmdPing(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() > 2) {
    ctx.rb.SendError("ERR wrong number of arguments for 'ping' command");
    return;
  }
  if (argv.size() == 2) {
    ctx.rb.SendBulk(argv[1]);
  } else {
    ctx.rb.SendSimple("PONG");
  }
}

// GET key  (temporary, until the string family lands)
void CmdGet(CmdArgs argv, CommandContext& ctx) {
  engine::Entry* e = ctx.db().Find(argv[1]);
  if (!e) return ctx.rb.SendNull();
  char buf[24];
  ctx.rb.SendBulk(e->StringValue(buf));
}

// SET key value (temporary)
void CmdSet(CmdArgs argv, CommandContext& ctx) {
  ctx.db().PutString(argv[1], argv[2]);
  ctx.rb.SendOk();
}

void CmdIncr(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendLong(1);
}

}  // namespace

void RegisterConnectionFamily(CommandTable& table) {
  table.Register({.name = "ping", .arity = -1, .flags = kFast | kSentinel, .handler = &CmdPing});
  table.Register({.name = "get", .arity = 2, .flags = kReadOnly | kFast, .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdGet});
  table.Register({.name = "set", .arity = -3, .flags = kWrite | kDenyOom, .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSet});
  table.Register({.name = "incr", .arity = 2, .flags = kWrite | kDenyOom, .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdIncr});
}

}  // namespace tandem::commands
