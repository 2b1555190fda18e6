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

  // Starts a batch of commands run under one hold of the engine lock: reads the clock
  // that the batch's first command starts at. Each command's end time is the next one's
  // start, so timing costs one clock read per command.
  void BeginBatch();
  // Lookup hint for a command about to run in this batch (its first argument is taken as
  // its key, which it is for most commands; a wrong guess only wastes the hint).
  void PrefetchKey(CmdArgs argv, const ClientState& client, int phase);

  // Executes argv for `client`, writing the reply to `rb`. `writer` is the connection's
  // RESP writer when there is one (HELLO switches its protocol). Call BeginBatch() first.
  void Execute(CmdArgs argv, ClientState& client, protocol::ReplyBuilder& rb,
               protocol::RespWriter* writer);

  // Whether a command must wait while CLIENT PAUSE is in force.
  bool PausedFor(CmdArgs argv) const;

 private:
  // Returns the command to run or nullptr after replying with the lookup/arity error.
  const CommandSpec* Lookup(CmdArgs argv, protocol::ReplyBuilder& rb);
  // Evicts keys by maxmemory-policy; false if memory is still over maxmemory.
  bool EvictForMaxmemory();
  void RecordSlowlog(CmdArgs argv, const ClientState& client, int64_t duration_us);
  void FeedMonitors(CmdArgs argv, const ClientState& client, int64_t now_us);

  ServerState& server_;
  int64_t clock_us_ = 0;  // when the next command starts; guarded by the engine lock
};

// Registers every family's commands into `table`.
void RegisterAllCommands(CommandTable& table);

}  // namespace tandem::commands
