// Runs one parsed command: lookup, arity, authentication, OOM, statistics, slow log and
// MONITOR feed around the family handler. Called with the engine lock held.
#pragma once

#include <string_view>

#include "server/commands/command.h"
#include "server/server_state.h"

namespace tandem::commands {

class Dispatcher {
 public:
  explicit Dispatcher(ServerState& server) : server_(server) {}

  // Executes argv for `client`, writing the reply to `rb`. `writer` is the connection's
  // RESP writer when there is one (HELLO switches its protocol).
  void Execute(CmdArgs argv, ClientState& client, protocol::ReplyBuilder& rb,
               protocol::RespWriter* writer);

  // Whether a command must wait while CLIENT PAUSE is in force.
  bool PausedFor(CmdArgs argv) const;

 private:
  // Returns the command to run or nullptr after replying with the lookup/arity error.
  const CommandSpec* Lookup(CmdArgs argv, protocol::ReplyBuilder& rb);
  void RecordSlowlog(CmdArgs argv, const ClientState& client, int64_t duration_us);
  void FeedMonitors(CmdArgs argv, const ClientState& client, int64_t now_us);

  ServerState& server_;
};

// Registers every family's commands into `table`.
void RegisterAllCommands(CommandTable& table);

}  // namespace tandem::commands
