// What a command is: its declaration (name, arity, flags, key positions, handler) and the
// context a handler runs in. Families declare commands as data and register them with the
// CommandTable; the Dispatcher looks them up and calls the handlers under the engine lock.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "protocol/reply_builder.h"

namespace tandem::protocol {
class RespWriter;
}
namespace tandem::engine {
class Database;
}

namespace tandem::commands {

// Redis's command flags (COMMAND INFO names them in this order).
enum CommandFlag : uint32_t {
  kWrite = 1u << 0,
  kReadOnly = 1u << 1,
  kDenyOom = 1u << 2,
  kModule = 1u << 3,
  kAdmin = 1u << 4,
  kPubSub = 1u << 5,
  kNoScript = 1u << 6,
  kBlocking = 1u << 7,
  kLoading = 1u << 8,
  kStale = 1u << 9,
  kSkipMonitor = 1u << 10,
  kSkipSlowlog = 1u << 11,
  kAsking = 1u << 12,
  kFast = 1u << 13,
  kNoAuth = 1u << 14,
  kMayReplicate = 1u << 15,
  kSentinel = 1u << 16,
  kOnlySentinel = 1u << 17,
  kNoMandatoryKeys = 1u << 18,
  kProtected = 1u << 19,
  kNoAsyncLoading = 1u << 20,
  kNoMulti = 1u << 21,
  kMovableKeys = 1u << 22,
  kAllowBusy = 1u << 23,
  // Tandem's own, not listed by COMMAND: what deterministic scripts need to know.
  kSortForScript = 1u << 24,  // the reply is sorted for scripts (Redis 2.6-4.0's "S" flag)
  kRandom = 1u << 25,         // nondeterministic output (Redis 2.6-6.2's "R" flag)
  // Tandem's own: argv[2] is a member or field of the set or hash at argv[1], looked up in
  // its table; a batch prefetches it (Dispatcher::LockBatch).
  kMemberHint = 1u << 26,
};

// The flag names COMMAND INFO prints, in Redis's order.
std::vector<std::string_view> FlagNames(uint32_t flags);

using CmdArgs = std::span<const std::string_view>;

struct ClientState;
class ServerState;
struct CommandSpec;

// Everything a handler may touch. Lives for one command call.
struct CommandContext {
  protocol::ReplyBuilder& rb;
  ClientState& client;
  ServerState& server;
  const CommandSpec& cmd;
  // The RESP writer of the calling connection, to switch protocols (HELLO); nullptr when
  // the caller is not a RESP connection.
  protocol::RespWriter* writer = nullptr;
  // The call's frozen time (wall-clock ms): nested calls see their outer call's.
  int64_t now_ms = 0;

  engine::Database& db();
  // Redis's notifyKeyspaceEvent for `key` of the client's database (server/keyspace_events.h
  // has the classes).
  void Notify(int type, std::string_view event, std::string_view key);
};

// argv[0] is the command name (argv[1] the subcommand for container commands).
using Handler = void (*)(CmdArgs argv, CommandContext& ctx);

struct CommandStats {
  uint64_t calls = 0;
  uint64_t usec = 0;
  uint64_t rejected_calls = 0;
  uint64_t failed_calls = 0;
};

struct CommandSpec {
  std::string_view name;  // lowercase; subcommands are registered as "parent|sub"
  int arity = 0;          // > 0 exact, < 0 minimum (Redis convention, including the name)
  uint32_t flags = 0;
  int first_key = 0;
  int last_key = 0;
  int step = 0;
  // nullptr for containers that need a subcommand (CLIENT, CONFIG, ...); a container may
  // also have one for its bare name (COMMAND).
  Handler handler = nullptr;

  // Filled in by the table.
  std::vector<const CommandSpec*> subcommands;
  const CommandSpec* parent = nullptr;
  size_t id = 0;  // the spec's number in its table (per-thread statistics)

  // A container's subcommand is looked up whenever there is an argument after the name, as
  // Redis's lookupCommand does, even when the container has a handler of its own (COMMAND):
  // the subcommand is what runs and what INFO commandstats counts.
  bool IsContainer() const { return !subcommands.empty(); }
  // Key indexes in argv, from first/last/step (last < 0 counts from the end).
  std::vector<int> KeyIndexes(size_t argc) const;
};

}  // namespace tandem::commands
