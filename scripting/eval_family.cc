// EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and SCRIPT: the script cache and running scripts,
// whose redis.call goes through the Dispatcher's Invoke with the call's frozen time.
#include <algorithm>
#include <string>
#include <vector>

#include "protocol/captured_reply.h"
#include "protocol/errors.h"
#include "scripting/scripting.h"
#include "server/commands/dispatcher.h"
#include "server/commands/families.h"
#include "server/commands/subcommand_replies.h"
#include "server/engine/ascii.h"
#include "server/engine/numbers.h"
#include "server/log.h"
#include "server/server_state.h"

namespace tandem::scripting {

ScriptingState& ScriptingOf(commands::ServerState& server) {
  if (!server.scripting) {
    server.scripting = std::make_shared<ScriptingState>();
    commands::ClientState& c = server.scripting->script_client();
    c.name = "";
    c.addr = "";
    c.authenticated = true;
  }
  return *server.scripting;
}

std::shared_ptr<LuaVm> ScriptingState::ReplaceVm() {
  std::shared_ptr<LuaVm> old = std::move(vm_);
  vm_ = std::make_unique<LuaVm>();
  vm_->rand() = old->rand();  // the generator goes on (lua-deterministic no)
  return old;
}

}  // namespace tandem::scripting

namespace tandem::commands {
namespace {

using scripting::ScriptingOf;
using scripting::ScriptingState;

constexpr std::string_view kErrNoScript = "NOSCRIPT No matching script. Please use EVAL.";
constexpr std::string_view kErrKeysGreater =
    "ERR Number of keys can't be greater than number of args";
constexpr std::string_view kErrKeysNegative = "ERR Number of keys can't be negative";

// Redis's evalExtractShebangFlags: "#!lua [flags=a,b]" on the first line.
bool ParseShebang(std::string_view body, uint32_t* flags, std::string* error) {
  *flags = 0;
  if (body.substr(0, 2) != "#!") return true;
  size_t end = body.find('\n');
  if (end == std::string_view::npos) {
    *error = "ERR Invalid script shebang";
    return false;
  }
  std::vector<std::string> parts;
  std::string_view line = body.substr(0, end);
  size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    if (pos >= line.size()) break;
    size_t start = pos;
    while (pos < line.size() && !(line[pos] == ' ' || line[pos] == '\t')) ++pos;
    parts.emplace_back(line.substr(start, pos - start));
  }
  if (parts.empty()) {
    *error = "ERR Invalid engine in script shebang";
    return false;
  }
  if (parts[0] != "#!lua") {
    *error = "ERR Unexpected engine in script shebang: " + parts[0];
    return false;
  }
  *flags = scripting::kScriptShebang;
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].rfind("flags=", 0) != 0) {
      *error = "ERR Unknown lua shebang option: " + parts[i];
      return false;
    }
    std::string_view list = std::string_view(parts[i]).substr(6);
    while (!list.empty()) {
      size_t comma = list.find(',');
      std::string_view flag = list.substr(0, comma);
      if (flag == "no-writes") {
        *flags |= scripting::kScriptNoWrites;
      } else if (flag == "allow-oom") {
        *flags |= scripting::kScriptAllowOom;
      } else if (flag == "allow-stale") {
        *flags |= scripting::kScriptAllowStale;
      } else if (flag == "no-cluster") {
        *flags |= scripting::kScriptNoCluster;
      } else if (flag == "allow-cross-slot-keys") {
        *flags |= scripting::kScriptAllowCrossSlot;
      } else {
        *error = "ERR Unexpected flag in script shebang: " + std::string(flag);
        return false;
      }
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
  }
  return true;
}

// Loads (compiles if new) a script body; "" after replying with the error.
std::string LoadScript(ScriptingState& state, std::string_view body, protocol::ReplyBuilder& rb) {
  uint32_t flags;
  std::string error;
  if (!ParseShebang(body, &flags, &error)) {
    rb.SendError(error);
    return "";
  }
  std::string sha = state.vm().Load(body, &error);
  if (sha.empty()) {
    rb.SendError(error);
    return "";
  }
  state.flags()[sha] = flags;
  return sha;
}

constexpr std::string_view kErrWriteAfterRandom =
    "Write commands not allowed after non deterministic commands. Call "
    "redis.replicate_commands() at the start of your script in order to switch to single "
    "commands replication mode.";

// The server side of a running script: runs its redis.call commands as Redis's scriptCall.
class EvalHost final : public scripting::ScriptHost {
 public:
  EvalHost(CommandContext& ctx, ScriptingState& state, scripting::LuaVm& vm, std::string_view name,
           bool function, bool read_only, bool allow_oom)
      : ctx_(ctx),
        state_(state),
        vm_(vm),
        name_(name),
        function_(function),
        read_only_(read_only),
        allow_oom_(allow_oom) {
    start_ms_ = engine::WallClockMs();
    const Config& config = ctx.server.config();
    oom_ = config.maxmemory > 0 && ctx.server.UsedMemory() > config.maxmemory;
    deterministic_ = config.lua_deterministic;
    old_write_rule_ = !config.lua_replicate_commands;
  }

  bool Known(std::string_view name) override { return ctx_.server.commands().Find(name); }

  // Past busy-reply-threshold the script turns busy (other clients get -BUSY); then a
  // SCRIPT KILL or SHUTDOWN NOSAVE stops it.
  bool Interrupted() override {
    ScriptRun& run = ctx_.server.script_run();
    if (!run.busy.load(std::memory_order_relaxed)) {
      int64_t elapsed = engine::WallClockMs() - start_ms_;
      if (elapsed < ctx_.server.config().busy_reply_threshold) return false;
      Log(LogLevel::kWarning, "Slow script detected: still in execution after " +
                                  std::to_string(elapsed) +
                                  " milliseconds. You can try killing the script using the " +
                                  (function_ ? "FUNCTION" : "SCRIPT") +
                                  " KILL command. Script name is: " + std::string(name_) + ".");
      run.busy.store(true, std::memory_order_release);
    }
    // The clients of this io thread are answered too (-BUSY, SCRIPT KILL...).
    ctx_.server.engine_mutex().LendToLoop();
    return run.kill.load(std::memory_order_acquire);
  }

  // redis.replicate_commands(): the rest of the run is Redis 7.0's (random seed, unsorted
  // replies), and writes after random commands are allowed.
  void ReplicateCommands() override {
    if (deterministic_ && !replicate_commands_) {
      vm_.rand().Seed(static_cast<int32_t>(engine::WallClockUs()));
    }
    replicate_commands_ = true;
  }

  std::string Call(scripting::Args argv, protocol::ReplyBuilder& rb) override {
    const CommandTable& table = ctx_.server.commands();
    const CommandSpec* spec = table.Find(argv[0]);
    if (spec && spec->IsContainer() && argv.size() >= 2) spec = table.FindSub(*spec, argv[1]);
    if (!spec) return "Unknown Redis command called from script";
    int argc = static_cast<int>(argv.size());
    if ((spec->arity > 0 && argc != spec->arity) || argc < -spec->arity || !spec->handler) {
      return "Wrong number of args calling Redis command from script";
    }
    if (spec->flags & kNoScript) return "This Redis command is not allowed from script";
    if (spec->flags & kWrite) {
      if (read_only_) return "Write commands are not allowed from read-only scripts.";
      if (old_write_rule_ && random_called_ && !replicate_commands_) {
        return std::string(kErrWriteAfterRandom);
      }
    }
    if (oom_ && !allow_oom_ && !wrote_ && (spec->flags & kDenyOom)) {
      return "-" + std::string(protocol::kErrOom);
    }
    if (spec->flags & kWrite) {
      wrote_ = true;
      ctx_.server.script_run().wrote.store(true, std::memory_order_release);
    }
    if (spec->flags & kRandom) random_called_ = true;
    ClientState& client = state_.script_client();
    client.resp = vm_.resp();
    Dispatcher& dispatcher = *ctx_.server.dispatcher;
    if ((spec->flags & kSortForScript) && deterministic_ && !replicate_commands_) {
      protocol::CapturingReplyBuilder captured;
      dispatcher.Invoke(*spec, argv, client, captured, nullptr, ctx_.now_ms);
      for (protocol::ReplyValue& v : captured.Take()) {
        if (v.kind == protocol::ReplyValue::Kind::kArray ||
            v.kind == protocol::ReplyValue::Kind::kSet) {
          std::sort(v.items.begin(), v.items.end(),
                    [](const protocol::ReplyValue& a, const protocol::ReplyValue& b) {
                      return a.str < b.str;
                    });
        }
        v.Replay(rb);
      }
      return "";
    }
    dispatcher.Invoke(*spec, argv, client, rb, nullptr, ctx_.now_ms);
    return "";
  }

 private:
  CommandContext& ctx_;
  ScriptingState& state_;
  scripting::LuaVm& vm_;
  std::string_view name_;  // the caller's, for the run's length
  bool function_;
  int64_t start_ms_ = 0;
  bool read_only_;
  bool allow_oom_;
  bool oom_ = false;
  bool wrote_ = false;
  bool deterministic_ = true;
  bool old_write_rule_ = false;
  bool random_called_ = false;
  bool replicate_commands_ = false;
};

// What EVAL*/FCALL* run: a cached script or a registered function, with its flags.
struct ScriptToRun {
  scripting::LuaVm* vm;
  std::string_view name;  // in error messages: the sha or the function's name
  std::string_view sha;   // a cached script, or
  int function_ref = -2;  // a function's callback
  uint32_t flags = 0;
  bool is_function = false;
};

void RunScript(CommandContext& ctx, ScriptingState& state, const ScriptToRun& script, CmdArgs argv,
               size_t numkeys, bool read_only) {
  const uint32_t flags = script.flags;
  if (flags & scripting::kScriptShebang) {
    // Redis 7.0's scriptPrepareForRun for scripts that declare their flags (and functions).
    if (!(flags & scripting::kScriptNoWrites)) {
      if (read_only) {
        return ctx.rb.SendError("ERR Can not execute a script with write flag using *_ro command.");
      }
      const Config& config = ctx.server.config();
      // A script that may write does not start while over maxmemory, unless allow-oom.
      if (!(flags & scripting::kScriptAllowOom) && config.maxmemory > 0 &&
          ctx.server.UsedMemory() > config.maxmemory) {
        return ctx.rb.SendError(protocol::kErrOom);
      }
    }
  }
  if (flags & scripting::kScriptNoWrites) read_only = true;
  bool allow_oom = flags & scripting::kScriptAllowOom;
  ClientState& client = state.script_client();
  client.db_index = ctx.client.db_index;
  client.id = ctx.client.id;
  client.deny_blocking = true;  // BLMPOP and friends answer at once, as on a timeout
  EvalHost host(ctx, state, *script.vm, script.name, script.is_function, read_only, allow_oom);
  // Io threads see the run through these atomics (server_state.h); all are reset on return.
  ScriptRun& run = ctx.server.script_run();
  run.is_function.store(script.is_function, std::memory_order_relaxed);
  run.wrote.store(false, std::memory_order_relaxed);
  run.kill.store(false, std::memory_order_relaxed);
  run.running.store(true, std::memory_order_release);
  if (script.is_function) {
    std::lock_guard guard(run.mu);
    run.function = script.name;
    run.command = argv;
    run.start_ms = engine::WallClockMs();
  }
  struct Done {
    ScriptRun& run;
    bool function;
    ~Done() {
      if (function) {
        std::lock_guard guard(run.mu);
        run.function = {};
        run.command = {};
      }
      run.busy.store(false, std::memory_order_release);
      run.running.store(false, std::memory_order_release);
      run.kill.store(false, std::memory_order_relaxed);
      run.wrote.store(false, std::memory_order_relaxed);
    }
  } done{run, script.is_function};
  scripting::LuaVm::RunOptions options;
  options.sha = script.sha;
  options.function_ref = script.function_ref;
  options.deterministic = ctx.server.config().lua_deterministic;
  CmdArgs keys = argv.subspan(3, numkeys);
  CmdArgs args = argv.subspan(3 + numkeys);
  script.vm->Run(script.name, keys, args, host, ctx.rb, options);
}

// Parses numkeys; false after replying with Redis's error.
bool ParseNumKeys(CmdArgs argv, CommandContext& ctx, size_t* numkeys) {
  long long n;
  if (!engine::StringToLL(argv[2], &n)) {
    ctx.rb.SendError(protocol::kErrNotInteger);
    return false;
  }
  if (n > static_cast<long long>(argv.size()) - 3) {
    ctx.rb.SendError(kErrKeysGreater);
    return false;
  }
  if (n < 0) {
    ctx.rb.SendError(kErrKeysNegative);
    return false;
  }
  *numkeys = static_cast<size_t>(n);
  return true;
}

void EvalGeneric(CmdArgs argv, CommandContext& ctx, bool by_sha, bool read_only) {
  size_t numkeys;
  if (!ParseNumKeys(argv, ctx, &numkeys)) return;
  ScriptingState& state = ScriptingOf(ctx.server);
  std::string sha;
  if (by_sha) {
    sha = engine::ToLower(argv[1]);
    if (sha.size() != 40 || !state.vm().Exists(sha)) return ctx.rb.SendError(kErrNoScript);
  } else {
    sha = LoadScript(state, argv[1], ctx.rb);
    if (sha.empty()) return;
  }
  ScriptToRun script{.vm = &state.vm(), .name = sha, .sha = sha};
  auto it = state.flags().find(sha);
  if (it != state.flags().end()) script.flags = it->second;
  RunScript(ctx, state, script, argv, numkeys, read_only);
}

void FcallGeneric(CmdArgs argv, CommandContext& ctx, bool read_only) {
  ScriptingState& state = ScriptingOf(ctx.server);
  const scripting::FunctionInfo* fn = state.functions().current().FindFunction(argv[1]);
  if (!fn) return ctx.rb.SendError("ERR Function not found");
  long long n;
  if (!engine::StringToLL(argv[2], &n)) return ctx.rb.SendError("ERR Bad number of keys provided");
  if (n > static_cast<long long>(argv.size()) - 3) return ctx.rb.SendError(kErrKeysGreater);
  if (n < 0) return ctx.rb.SendError(kErrKeysNegative);
  ScriptToRun script{.vm = &state.functions().vm(),
                     .name = fn->f.name,
                     .function_ref = fn->f.ref,
                     .flags = fn->f.flags | scripting::kScriptShebang,
                     .is_function = true};
  RunScript(ctx, state, script, argv, static_cast<size_t>(n), read_only);
}

// FCALL function numkeys [key ...] [arg ...]
void CmdFcall(CmdArgs argv, CommandContext& ctx) { FcallGeneric(argv, ctx, false); }
// FCALL_RO function numkeys [key ...] [arg ...]
void CmdFcallRo(CmdArgs argv, CommandContext& ctx) { FcallGeneric(argv, ctx, true); }

// EVAL script numkeys [key ...] [arg ...]
void CmdEval(CmdArgs argv, CommandContext& ctx) { EvalGeneric(argv, ctx, false, false); }
// EVALSHA sha1 numkeys [key ...] [arg ...]
void CmdEvalSha(CmdArgs argv, CommandContext& ctx) { EvalGeneric(argv, ctx, true, false); }
// EVAL_RO script numkeys [key ...] [arg ...]
void CmdEvalRo(CmdArgs argv, CommandContext& ctx) { EvalGeneric(argv, ctx, false, true); }
// EVALSHA_RO sha1 numkeys [key ...] [arg ...]
void CmdEvalShaRo(CmdArgs argv, CommandContext& ctx) { EvalGeneric(argv, ctx, true, true); }

// SCRIPT LOAD script
void CmdScriptLoad(CmdArgs argv, CommandContext& ctx) {
  std::string sha = LoadScript(ScriptingOf(ctx.server), argv[2], ctx.rb);
  if (!sha.empty()) ctx.rb.SendBulk(sha);
}

// SCRIPT EXISTS sha1 [sha1 ...]
void CmdScriptExists(CmdArgs argv, CommandContext& ctx) {
  ScriptingState& state = ScriptingOf(ctx.server);
  ctx.rb.StartArray(argv.size() - 2);
  for (size_t i = 2; i < argv.size(); ++i) {
    ctx.rb.SendLong(state.vm().Exists(engine::ToLower(argv[i])) ? 1 : 0);
  }
}

// SCRIPT FLUSH [ASYNC | SYNC]
void CmdScriptFlush(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() > 3 || (argv.size() == 3 && !engine::EqualsIgnoreCase(argv[2], "sync") &&
                          !engine::EqualsIgnoreCase(argv[2], "async"))) {
    return ctx.rb.SendError("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
  }
  const bool async = argv.size() == 3 ? engine::EqualsIgnoreCase(argv[2], "async")
                                      : ctx.server.config().lazyfree_lazy_user_flush;
  ScriptingState& state = ScriptingOf(ctx.server);
  // Redis's freeLuaScriptsAsync: more than 64 scripts are freed in the background, with
  // the Lua state that holds them.
  const size_t count = state.vm().script_count();
  if (async && count > engine::LazyFree::kThreshold) {
    ctx.server.dbs().lazy_free().FreeObject(state.ReplaceVm(), count);
  } else {
    state.vm().Flush();
  }
  state.flags().clear();
  ctx.rb.SendOk();
}

// SCRIPT KILL
// Under the engine lock no script runs; while one is busy, io threads answer SCRIPT KILL
// without the lock (Dispatcher::ExecuteWhileBusy).
void CmdScriptKill(CmdArgs argv, CommandContext& ctx) { ctx.rb.SendError(protocol::kErrNotBusy); }

// SCRIPT HELP
void CmdScriptHelp(CmdArgs argv, CommandContext& ctx) {
  SendHelp(ctx.rb, "script",
           {"DEBUG (YES|SYNC|NO)", "    Set the debug mode for subsequent scripts executed.",
            "EXISTS <sha1> [<sha1> ...]",
            "    Return information about the existence of the scripts in the script cache.",
            "FLUSH [ASYNC|SYNC]", "    Flush the Lua scripts cache. Very dangerous on replicas.",
            "    When called without the optional mode argument, the behavior is determined by "
            "the",
            "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
            "    * ASYNC: Asynchronously flush the scripts cache.",
            "    * SYNC: Synchronously flush the scripts cache.", "KILL",
            "    Kill the currently executing Lua script.", "LOAD <script>",
            "    Load a script into the scripts cache without executing it."});
}

}  // namespace

void RegisterEvalFamily(CommandTable& table) {
  // clang-format off
  constexpr uint32_t kEvalFlags = kNoScript | kStale | kSkipMonitor | kNoMandatoryKeys |
                                  kMovableKeys;
  table.Register({.name = "eval", .arity = -3, .flags = kEvalFlags, .handler = &CmdEval});
  table.Register({.name = "evalsha", .arity = -3, .flags = kEvalFlags, .handler = &CmdEvalSha});
  table.Register({.name = "eval_ro", .arity = -3, .flags = kEvalFlags | kReadOnly,
                  .handler = &CmdEvalRo});
  table.Register({.name = "evalsha_ro", .arity = -3, .flags = kEvalFlags | kReadOnly,
                  .handler = &CmdEvalShaRo});
  table.Register({.name = "fcall", .arity = -3, .flags = kEvalFlags, .handler = &CmdFcall});
  table.Register({.name = "fcall_ro", .arity = -3, .flags = kEvalFlags | kReadOnly,
                  .handler = &CmdFcallRo});
  table.Register({.name = "script", .arity = -2});
  table.Register({.name = "script|load", .arity = 3, .flags = kNoScript | kStale,
                  .handler = &CmdScriptLoad});
  table.Register({.name = "script|exists", .arity = -3, .flags = kNoScript,
                  .handler = &CmdScriptExists});
  table.Register({.name = "script|flush", .arity = -2, .flags = kNoScript,
                  .handler = &CmdScriptFlush});
  table.Register({.name = "script|kill", .arity = 2, .flags = kNoScript | kAllowBusy,
                  .handler = &CmdScriptKill});
  table.Register({.name = "script|help", .arity = 2, .flags = kLoading | kStale,
                  .handler = &CmdScriptHelp});
  // clang-format on
}

}  // namespace tandem::commands
