// FUNCTION LOAD / DELETE / LIST / FLUSH / DUMP / RESTORE / STATS / KILL / HELP: Redis 7.0's
// function libraries (scripting/functions.h). FCALL and FCALL_RO run them through the EVAL
// family's path (eval_family.cc).
#include <string>

#include "protocol/errors.h"
#include "scripting/scripting.h"
#include "server/commands/families.h"
#include "server/commands/subcommand_replies.h"
#include "server/engine/ascii.h"
#include "server/engine/glob.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

using scripting::FunctionRegistry;
using scripting::ScriptingOf;

FunctionRegistry& Functions(CommandContext& ctx) { return ScriptingOf(ctx.server).functions(); }

// FUNCTION LOAD [REPLACE] function-code
void CmdFunctionLoad(CmdArgs argv, CommandContext& ctx) {
  bool replace = false;
  for (size_t i = 2; i + 1 < argv.size(); ++i) {
    if (!engine::EqualsIgnoreCase(argv[i], "replace")) {
      return ctx.rb.SendError("ERR Unknown option given: " + std::string(argv[i]));
    }
    replace = true;
  }
  std::string error;
  std::string name = Functions(ctx).Load(argv.back(), replace, &error);
  if (name.empty()) return ctx.rb.SendError(error);
  ctx.rb.SendBulk(name);
}

// FUNCTION DELETE library-name
void CmdFunctionDelete(CmdArgs argv, CommandContext& ctx) {
  if (!Functions(ctx).Delete(argv[2])) return ctx.rb.SendError("ERR Library not found");
  ctx.rb.SendOk();
}

// FUNCTION LIST [LIBRARYNAME library-name-pattern] [WITHCODE]
void CmdFunctionList(CmdArgs argv, CommandContext& ctx) {
  bool with_code = false;
  bool has_pattern = false;
  std::string_view pattern;
  for (size_t i = 2; i < argv.size(); ++i) {
    if (!with_code && engine::EqualsIgnoreCase(argv[i], "withcode")) {
      with_code = true;
      continue;
    }
    if (!has_pattern && engine::EqualsIgnoreCase(argv[i], "libraryname")) {
      if (i + 1 >= argv.size()) return ctx.rb.SendError("ERR library name argument was not given");
      pattern = argv[++i];
      has_pattern = true;
      continue;
    }
    return ctx.rb.SendError("ERR Unknown argument " + std::string(argv[i]));
  }
  const auto& libraries = Functions(ctx).current().libraries();
  const auto matches = [&](const std::string& name) {
    return !has_pattern || engine::GlobMatch(pattern, name, true);
  };
  size_t n = 0;
  for (const auto& [name, lib] : libraries) n += matches(name) ? 1 : 0;
  ctx.rb.StartArray(n);
  for (const auto& [name, lib] : libraries) {
    if (!matches(name)) continue;
    ctx.rb.StartMap(with_code ? 4 : 3);
    ctx.rb.SendBulk("library_name");
    ctx.rb.SendBulk(name);
    ctx.rb.SendBulk("engine");
    ctx.rb.SendBulk("LUA");
    ctx.rb.SendBulk("functions");
    ctx.rb.StartArray(lib->functions.size());
    for (const auto& info : lib->functions) {
      const scripting::RegisteredFunction& f = info->f;
      ctx.rb.StartMap(3);
      ctx.rb.SendBulk("name");
      ctx.rb.SendBulk(f.name);
      ctx.rb.SendBulk("description");
      if (f.has_description) {
        ctx.rb.SendBulk(f.description);
      } else {
        ctx.rb.SendNull();
      }
      ctx.rb.SendBulk("flags");
      size_t count = 0;
      for (const auto& [flag, bit] : scripting::kScriptFlagNames) count += (f.flags & bit) ? 1 : 0;
      ctx.rb.StartSet(count);
      for (const auto& [flag, bit] : scripting::kScriptFlagNames) {
        if (f.flags & bit) ctx.rb.SendSimple(flag);
      }
    }
    if (with_code) {
      ctx.rb.SendBulk("library_code");
      ctx.rb.SendBulk(lib->code);
    }
  }
}

// FUNCTION FLUSH [ASYNC | SYNC]
void CmdFunctionFlush(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() > 3) return ctx.rb.SendError(SubcommandSyntaxError(argv));
  bool async = ctx.server.config().lazyfree_lazy_user_flush;
  if (argv.size() == 3) {
    if (!engine::EqualsIgnoreCase(argv[2], "sync") && !engine::EqualsIgnoreCase(argv[2], "async")) {
      return ctx.rb.SendError("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
    }
    async = engine::EqualsIgnoreCase(argv[2], "async");
  }
  // Redis's freeFunctionsAsync: more than 64 functions are freed in the background.
  FunctionRegistry& functions = Functions(ctx);
  const size_t count = functions.function_count();
  std::shared_ptr<void> old = functions.Flush();
  if (async && count > engine::LazyFree::kThreshold) {
    ctx.server.dbs().lazy_free().FreeObject(std::move(old), count);
  }
  ctx.rb.SendOk();
}

// FUNCTION DUMP
void CmdFunctionDump(CmdArgs argv, CommandContext& ctx) { ctx.rb.SendBulk(Functions(ctx).Dump()); }

// FUNCTION RESTORE serialized-value [FLUSH | APPEND | REPLACE]
void CmdFunctionRestore(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() > 4) return ctx.rb.SendError(SubcommandSyntaxError(argv));
  using Policy = FunctionRegistry::RestorePolicy;
  Policy policy = Policy::kAppend;
  if (argv.size() == 4) {
    if (engine::EqualsIgnoreCase(argv[3], "append")) {
      policy = Policy::kAppend;
    } else if (engine::EqualsIgnoreCase(argv[3], "replace")) {
      policy = Policy::kReplace;
    } else if (engine::EqualsIgnoreCase(argv[3], "flush")) {
      policy = Policy::kFlush;
    } else {
      return ctx.rb.SendError(
          "ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
    }
  }
  std::string error;
  if (!Functions(ctx).Restore(argv[2], policy, &error)) return ctx.rb.SendError(error);
  ctx.rb.SendOk();
}

// FUNCTION STATS
// Under the engine lock no function runs, so running_script is null; while a function is
// busy, io threads call this without the lock (Dispatcher::ExecuteWhileBusy), and the
// running function cannot change the libraries.
void CmdFunctionStats(CmdArgs argv, CommandContext& ctx) {
  const scripting::LibrarySet& set = Functions(ctx).current();
  ctx.rb.StartMap(2);
  ctx.rb.SendBulk("running_script");
  {
    ScriptRun& run = ctx.server.script_run();
    std::lock_guard guard(run.mu);
    if (run.function.empty()) {
      ctx.rb.SendNull();
    } else {
      ctx.rb.StartMap(3);
      ctx.rb.SendBulk("name");
      ctx.rb.SendBulk(run.function);
      ctx.rb.SendBulk("command");
      ctx.rb.StartArray(run.command.size());
      for (std::string_view arg : run.command) ctx.rb.SendBulk(arg);
      ctx.rb.SendBulk("duration_ms");
      ctx.rb.SendLong(engine::WallClockMs() - run.start_ms);
    }
  }
  ctx.rb.SendBulk("engines");
  ctx.rb.StartMap(1);
  ctx.rb.SendBulk("LUA");
  ctx.rb.StartMap(2);
  ctx.rb.SendBulk("libraries_count");
  ctx.rb.SendLong(static_cast<long long>(set.library_count()));
  ctx.rb.SendBulk("functions_count");
  ctx.rb.SendLong(static_cast<long long>(set.function_count()));
}

// FUNCTION KILL
// Under the engine lock no function runs; while one is busy, io threads answer FUNCTION KILL
// without the lock (Dispatcher::ExecuteWhileBusy).
void CmdFunctionKill(CmdArgs argv, CommandContext& ctx) { ctx.rb.SendError(protocol::kErrNotBusy); }

// FUNCTION HELP
void CmdFunctionHelp(CmdArgs argv, CommandContext& ctx) {
  SendHelp(
      ctx.rb, "function",
      {"LOAD [REPLACE] <FUNCTION CODE>",
       "    Create a new library with the given library name and code.",
       "DELETE <LIBRARY NAME>",
       "    Delete the given library.",
       "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
       "    Return general information on all the libraries:",
       "    * Library name",
       "    * The engine used to run the Library",
       "    * Library description",
       "    * Functions list",
       "    * Library code (if WITHCODE is given)",
       "    It also possible to get only function that matches a pattern using LIBRARYNAME "
       "argument.",
       "STATS",
       "    Return information about the current function running:",
       "    * Function name",
       "    * Command used to run the function",
       "    * Duration in MS that the function is running",
       "    If no function is running, return nil",
       "    In addition, returns a list of available engines.",
       "KILL",
       "    Kill the current running function.",
       "FLUSH [ASYNC|SYNC]",
       "    Delete all the libraries.",
       "    When called without the optional mode argument, the behavior is determined by the",
       "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
       "    * ASYNC: Asynchronously flush the libraries.",
       "    * SYNC: Synchronously flush the libraries.",
       "DUMP",
       "    Return a serialized payload representing the current libraries, can be restored "
       "using FUNCTION RESTORE command",
       "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
       "    Restore the libraries represented by the given payload, it is possible to give a "
       "restore policy to",
       "    control how to handle existing libraries (default APPEND):",
       "    * FLUSH: delete all existing libraries.",
       "    * APPEND: appends the restored libraries to the existing libraries. On collision, "
       "abort.",
       "    * REPLACE: appends the restored libraries to the existing libraries, On collision, "
       "replace the old",
       "      libraries with the new libraries (notice that even on this option there is a "
       "chance of failure",
       "      in case of functions name collision with another library)."});
}

}  // namespace

void RegisterFunctionFamily(CommandTable& table) {
  // clang-format off
  table.Register({.name = "function", .arity = -2});
  table.Register({.name = "function|load", .arity = -3, .flags = kWrite | kDenyOom | kNoScript,
                  .handler = &CmdFunctionLoad});
  table.Register({.name = "function|delete", .arity = 3, .flags = kWrite | kNoScript,
                  .handler = &CmdFunctionDelete});
  table.Register({.name = "function|list", .arity = -2, .flags = kNoScript,
                  .handler = &CmdFunctionList});
  table.Register({.name = "function|flush", .arity = -2, .flags = kWrite | kNoScript,
                  .handler = &CmdFunctionFlush});
  table.Register({.name = "function|dump", .arity = 2, .flags = kNoScript,
                  .handler = &CmdFunctionDump});
  table.Register({.name = "function|restore", .arity = -3,
                  .flags = kWrite | kDenyOom | kNoScript, .handler = &CmdFunctionRestore});
  table.Register({.name = "function|stats", .arity = 2, .flags = kNoScript | kAllowBusy,
                  .handler = &CmdFunctionStats});
  table.Register({.name = "function|kill", .arity = 2, .flags = kNoScript | kAllowBusy,
                  .handler = &CmdFunctionKill});
  table.Register({.name = "function|help", .arity = 2, .flags = kLoading | kStale,
                  .handler = &CmdFunctionHelp});
  // clang-format on
}

}  // namespace tandem::commands
