// Runs one parsed command: lookup, arity, authentication, OOM, statistics, slow log and
// MONITOR feed around the family handler. Called with the engine lock held.
#pragma once

#include <mutex>
#include <string_view>

#include "server/commands/command.h"
#include "server/server_state.h"

namespace tandem::commands {

class Dispatcher {
 public:
  explicit Dispatcher(ServerState& server) : server_(server) {}

  using EngineGuard = std::unique_lock<EngineLock>;

  // The engine lock for work that is not a batch of commands (registering a client...).
  EngineGuard LockEngine() { return EngineGuard(server_.engine_mutex()); }

  // The engine lock for a batch of `count` commands (argv_at(i) gives each), held while
  // they run: reads the clock the first command starts at and prefetches the commands'
  // keys so their cache misses overlap. Every command runs under a guard built here; a
  // striped or sharded lock would be chosen from the same keys (see README).
  template <typename ArgvAt>
  EngineGuard LockBatch(ArgvAt&& argv_at, size_t count, const ClientState& client) {
    EngineGuard guard(server_.engine_mutex());
    BeginBatch();
    if (count > 1) {
      for (int phase = 0; phase < 2; ++phase) {
        for (size_t i = 0; i < count; ++i) PrefetchKey(CmdArgs(argv_at(i)), client, phase);
      }
    }
    return guard;
  }

  // When the next command starts (the previous one's end), in wall-clock microseconds.
  int64_t now_us() const { return clock_us_; }

  // Executes argv for `client`, writing the reply to `rb`. `writer` is the connection's
  // RESP writer when there is one (HELLO switches its protocol). Call BeginBatch() first.
  void Execute(CmdArgs argv, ClientState& client, protocol::ReplyBuilder& rb,
               protocol::RespWriter* writer);

  // Whether a command must wait while CLIENT PAUSE is in force.
  bool PausedFor(CmdArgs argv) const;

 private:
  // Reads the clock that a batch's first command starts at. Each command's end time is the
  // next one's start, so timing costs one clock read per command.
  void BeginBatch();
  // Lookup hint for a command about to run in this batch (its first argument is taken as
  // its key, which it is for most commands; a wrong guess only wastes the hint).
  void PrefetchKey(CmdArgs argv, const ClientState& client, int phase);
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
