// Runs commands, in two steps. Admission (once per call a client makes): lookup, arity,
// protected commands, authentication, OOM. Invocation: the handler, in a context that
// carries the client, its database and the call's frozen time, with command statistics.
// A client's call is admitted and invoked, then logged (slow log, MONITOR); EXEC and a
// script's redis.call invoke their inner commands without admitting them again, at the
// outer call's time, as Redis does. Everything here runs with the engine lock held.
#pragma once

#include <mutex>
#include <string_view>
#include <vector>

#include "server/commands/command.h"
#include "server/server_state.h"

namespace tandem::commands {

class Dispatcher {
 public:
  explicit Dispatcher(ServerState& server) : server_(server) { server.dispatcher = this; }

  using EngineGuard = std::unique_lock<EngineLock>;

  // The engine lock for work that is not a batch of commands (registering a client...).
  EngineGuard LockEngine() { return EngineGuard(server_.engine_mutex()); }
  // The engine lock, unless a script is or turns busy (past busy-reply-threshold) while
  // this thread waits for it: then a guard that owns nothing.
  EngineGuard LockUnlessBusy();

  // The engine lock for a batch of `count` commands (argv_at(i) gives each), held while
  // they run: reads the clock the first command starts at and prefetches the commands'
  // keys so their cache misses overlap. Every command runs under a guard built here; a
  // striped or sharded lock would be chosen from the same keys (see README).
  // With `unless_busy`, gives up (returning a guard that owns nothing) when a script turns
  // busy while this thread waits: the caller then answers without the lock.
  template <typename ArgvAt>
  EngineGuard LockBatch(ArgvAt&& argv_at, size_t count, const ClientState& client,
                        bool unless_busy = false) {
    EngineGuard guard = unless_busy ? LockUnlessBusy() : LockEngine();
    if (!guard.owns_lock()) return guard;
    BeginBatch();
    if (count > 1) {
      batch_args_.clear();
      for (size_t i = 0; i < count; ++i) batch_args_.push_back(CmdArgs(argv_at(i)));
      PrefetchBatch(client);
    }
    return guard;
  }

  // When the next command starts (the previous one's end), in wall-clock microseconds.
  int64_t now_us() const { return clock_us_; }

  // A client's call: admits and invokes argv, writing the reply to `rb`, then feeds the
  // slow log and MONITOR and serves clients blocked on keys the call changed. `writer` is
  // the connection's RESP writer when there is one (HELLO switches its protocol). Runs
  // inside LockBatch().
  void Execute(CmdArgs argv, ClientState& client, protocol::ReplyBuilder& rb,
               protocol::RespWriter* writer);

  // Admission: the command to run, or nullptr after replying with Redis's error (unknown
  // command or subcommand, arity, protected command, NOAUTH, OOM).
  const CommandSpec* Admit(CmdArgs argv, ClientState& client, protocol::ReplyBuilder& rb);
  // Invocation of an admitted command at the frozen time `now_ms`, counted in its
  // command statistics. Nested calls (EXEC, scripts) come straight here.
  void Invoke(const CommandSpec& spec, CmdArgs argv, ClientState& client,
              protocol::ReplyBuilder& rb, protocol::RespWriter* writer, int64_t now_ms);

  // A client's command while a script is busy (past busy-reply-threshold), WITHOUT the
  // engine lock: replies with the lookup and arity errors, NOAUTH or -BUSY, or handles
  // SCRIPT KILL, FUNCTION KILL, SHUTDOWN NOSAVE and QUIT. Returns false, replying nothing,
  // for the other commands that may run during a busy script (AUTH, HELLO...): they wait
  // for the lock. Touches no shared state but the script's atomics.
  bool ExecuteWhileBusy(CmdArgs argv, ClientState& client, protocol::ReplyBuilder& rb);

  // The end of a batch of commands, still under the lock (Redis's beforeSleep): BCAST
  // invalidations go out and the tracking table is trimmed to tracking-table-max-keys.
  void EndBatch();

  // Whether a command must wait while CLIENT PAUSE is in force.
  bool PausedFor(CmdArgs argv) const;

 private:
  // Reads the clock that a batch's first command starts at. Each command's end time is the
  // next one's start, so timing costs one clock read per command.
  void BeginBatch();
  // Lookup hints for the batch_args_ about to run, so that their cache misses overlap: each
  // command's first argument is taken as its key (which it is for most commands; a wrong
  // guess only wastes the hint), and a kMemberHint command's (SADD, HGET...) second as a
  // member of the set's or hash's table. First the buckets, then the chains' first nodes.
  // A key or table the previous command named is not fetched again: pipelines mostly
  // repeat one key (every collection test of redis-benchmark does).
  void PrefetchBatch(const ClientState& client);
  // CommandTable::Find, remembering the last name found: a pipeline mostly repeats one
  // command, and comparing its bytes again costs less than hashing it and matching it
  // without regard to case.
  const CommandSpec* FindCommand(std::string_view name);
  // Returns the command to run or nullptr after replying with the lookup/arity error.
  const CommandSpec* Lookup(CmdArgs argv, protocol::ReplyBuilder& rb);
  // Whether `spec` is refused when memory stays over maxmemory after eviction.
  bool DeniedOnOom(const CommandSpec& spec, const ClientState& client) const;
  // Evicts keys by maxmemory-policy; false if memory is still over maxmemory.
  bool EvictForMaxmemory();
  void RecordSlowlog(CmdArgs argv, const ClientState& client, int64_t duration_us);
  void FeedMonitors(CmdArgs argv, const ClientState& client, int64_t now_us);
  void RememberTrackedKeys(const CommandSpec& spec, CmdArgs argv, ClientState& client);

  // Queues an admitted command of a client in MULTI (Redis's queueMultiCommand).
  void QueueMultiCommand(const CommandSpec& spec, CmdArgs argv, ClientState& client,
                         protocol::ReplyBuilder& rb);

  ServerState& server_;
  // How deep Invoke calls nest (EXEC's commands are at depth 2): an error reply is counted
  // by the innermost call only.
  int invoke_depth_ = 0;
  int64_t clock_us_ = 0;  // when the next command starts; guarded by the engine lock
  // PrefetchBatch's input and state for the batch being locked: its commands, and the
  // hashes of the keys and members whose chains it fetches second.
  std::vector<CmdArgs> batch_args_;
  std::vector<uint64_t> key_hints_;
  std::vector<std::pair<const engine::StrTable*, uint64_t>> member_hints_;
  // FindCommand's cache: the last name it found (its exact bytes) and its spec.
  char last_name_[24];
  size_t last_name_len_ = 0;
  const CommandSpec* last_spec_ = nullptr;
  // The client call running now (Execute), whose keys a script's reads record for tracking.
  const CommandSpec* caller_spec_ = nullptr;
  CmdArgs caller_argv_;
};

// Registers every family's commands into `table`.
void RegisterAllCommands(CommandTable& table);

// Connected over loopback or the unix socket: what enable-debug-command and
// enable-protected-configs "local" admit.
bool IsLocalClient(const ClientState& client);

}  // namespace tandem::commands
