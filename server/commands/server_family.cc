// Server commands: INFO CONFIG COMMAND TIME LASTSAVE SHUTDOWN MONITOR SLOWLOG DEBUG.
#include "server/commands/server_family.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "protocol/errors.h"
#include "server/commands/arg_parser.h"
#include "server/commands/command_docs.h"
#include "server/commands/dispatcher.h"
#include "server/commands/families.h"
#include "server/commands/info.h"
#include "server/commands/keys_family.h"
#include "server/commands/subcommand_replies.h"
#include "server/config.h"
#include "server/engine/ascii.h"
#include "server/engine/db_set.h"
#include "server/engine/glob.h"
#include "server/engine/list.h"
#include "server/engine/numbers.h"
#include "server/log.h"

namespace tandem::commands {

using engine::EqualsTokenIgnoreCase;

namespace {

// ---- INFO -----------------------------------------------------------------------------------

// INFO [section [section ...]]
void CmdInfo(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendVerbatim(BuildInfo(ctx.server, argv.subspan(1)));
}

// ---- CONFIG ---------------------------------------------------------------------------------

// CONFIG GET parameter [parameter ...]
void CmdConfigGet(CmdArgs argv, CommandContext& ctx) {
  std::vector<std::string_view> patterns(argv.begin() + 2, argv.end());
  auto found = ConfigRegistry::Instance().Get(ctx.server.config(), patterns);
  ctx.rb.StartMap(found.size());
  for (const auto& [name, value] : found) {
    ctx.rb.SendBulk(name);
    ctx.rb.SendBulk(value);
  }
}

// enable-protected-configs / enable-debug-command: "no", "yes", or "local" (loopback and
// unix socket clients).
bool ActionAllowed(const std::string& mode, const ClientState& client) {
  return mode == "yes" || (mode == "local" && IsLocalClient(client));
}

// CONFIG SET parameter value [parameter value ...]
//
// The new configuration is built and checked aside, the directory and the listening sockets
// are moved, and only then is it published: a failure anywhere changes nothing.
void CmdConfigSet(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() % 2 != 0) return ctx.rb.SendError(protocol::kErrSyntax);
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  for (size_t i = 2; i + 1 < argv.size(); i += 2) pairs.emplace_back(argv[i], argv[i + 1]);
  const ConfigRegistry& registry = ConfigRegistry::Instance();
  const Config& before = ctx.server.config();
  Config next;
  std::vector<std::string> changed;
  std::string err = registry.Set(
      before, pairs, ActionAllowed(before.enable_protected_configs, ctx.client), &next, &changed);
  if (!err.empty()) return ctx.rb.SendError(err);
  char old_dir[4096];
  bool dir_changed = std::find(changed.begin(), changed.end(), "dir") != changed.end();
  if (dir_changed) {
    if (!getcwd(old_dir, sizeof(old_dir))) old_dir[0] = '\0';
    if (chdir(next.dir.c_str()) != 0) {
      return ctx.rb.SendError(ConfigSetFailed("dir", std::strerror(errno)));
    }
  }
  if ((next.port != before.port || next.bind != before.bind) && ctx.server.rebind_tcp) {
    err = ctx.server.rebind_tcp(before.port, before.bind, next.port, next.bind);
    if (!err.empty()) {
      if (dir_changed && old_dir[0] && chdir(old_dir) != 0) {
        Log(LogLevel::kWarning, "Failed restoring the working directory after CONFIG SET");
      }
      const char* arg = next.port != before.port ? "port" : "bind";
      return ctx.rb.SendError(ConfigSetFailed(arg, err));
    }
  }
  std::vector<std::string> warnings = registry.Warnings(next);
  std::vector<std::string> old_warnings = registry.Warnings(before);
  for (const std::string& w : warnings) {
    if (std::find(old_warnings.begin(), old_warnings.end(), w) == old_warnings.end()) {
      Log(LogLevel::kWarning, w);
    }
  }
  ctx.server.PublishConfig(std::move(next));  // `before` is gone from here on
  ApplyConfigSideEffects(ctx.server);
  ctx.rb.SendOk();
}

// CONFIG RESETSTAT
void CmdConfigResetStat(CmdArgs argv, CommandContext& ctx) {
  ResetServerStats(ctx.server);
  ctx.rb.SendOk();
}

// CONFIG REWRITE
void CmdConfigRewrite(CmdArgs argv, CommandContext& ctx) {
  std::string err = ConfigRegistry::Instance().Rewrite(ctx.server.config());
  if (!err.empty()) {
    Log(LogLevel::kWarning, "CONFIG REWRITE failed: " + err);
    return ctx.rb.SendError(err);
  }
  Log(LogLevel::kWarning, "CONFIG REWRITE executed with success.");
  ctx.rb.SendOk();
}

// CONFIG HELP
void CmdConfigHelp(CmdArgs argv, CommandContext& ctx) {
  SendHelp(
      ctx.rb, "CONFIG",
      {"GET <pattern>", "    Return parameters matching the glob-like <pattern> and their values.",
       "SET <directive> <value>", "    Set the configuration <directive> to <value>.", "RESETSTAT",
       "    Reset statistics reported by the INFO command.", "REWRITE",
       "    Rewrite the configuration file."});
}

// ---- COMMAND --------------------------------------------------------------------------------

const CommandDoc* DocFor(const CommandSpec& spec) { return FindCommandDoc(spec.name); }

// Flags as COMMAND INFO reports them: Redis hides may_replicate, sentinel, only_sentinel and
// protected, and adds movablekeys for commands whose keys are not a fixed range.
uint32_t ReportedFlags(const CommandSpec& spec, const CommandDoc* doc) {
  uint32_t flags = spec.flags & ~(kMayReplicate | kSentinel | kOnlySentinel | kProtected);
  if (doc && std::find(doc->flags.begin(), doc->flags.end(), "movablekeys") != doc->flags.end()) {
    flags |= kMovableKeys;
  }
  return flags;
}

}  // namespace

void WriteCommandInfo(const CommandSpec& spec, protocol::ReplyBuilder& rb) {
  const CommandDoc* doc = DocFor(spec);
  rb.StartArray(10);
  rb.SendBulk(spec.name);
  rb.SendLong(spec.arity);
  std::vector<std::string_view> flags = FlagNames(ReportedFlags(spec, doc));
  rb.StartSet(flags.size());
  for (std::string_view f : flags) rb.SendSimple(f);
  rb.SendLong(spec.first_key);
  rb.SendLong(spec.last_key);
  rb.SendLong(spec.step);
  if (doc) {
    WriteAclCategories(*doc, rb);
    WriteTips(*doc, rb);
    WriteKeySpecs(*doc, rb);
  } else {
    rb.StartSet(0);
    rb.StartSet(0);
    rb.StartSet(0);
  }
  // Redis's quirk: no subcommands is an empty set, a container an array of entries.
  if (spec.subcommands.empty()) {
    rb.StartSet(0);
    return;
  }
  rb.StartArray(spec.subcommands.size());
  for (const CommandSpec* sub : spec.subcommands) WriteCommandInfo(*sub, rb);
}

namespace {

// "get" or "config|get", case-insensitive.
const CommandSpec* LookupByFullName(const CommandTable& table, std::string_view name) {
  size_t bar = name.find('|');
  const CommandSpec* base = table.Find(name.substr(0, bar));
  if (!base || bar == std::string_view::npos) return base;
  if (base->subcommands.empty()) return nullptr;
  return table.FindSub(*base, name.substr(bar + 1));
}

std::vector<const CommandSpec*> TopLevelCommands(const CommandTable& table) {
  std::vector<const CommandSpec*> out;
  for (const CommandSpec& spec : table.all()) {
    if (spec.parent == nullptr) out.push_back(&spec);
  }
  return out;
}

void WriteAllCommandInfo(CommandContext& ctx) {
  std::vector<const CommandSpec*> all = TopLevelCommands(ctx.server.commands());
  ctx.rb.StartArray(all.size());
  for (const CommandSpec* spec : all) WriteCommandInfo(*spec, ctx.rb);
}

// COMMAND (its subcommands are dispatched to their own handlers)
void CmdCommand(CmdArgs argv, CommandContext& ctx) { WriteAllCommandInfo(ctx); }

// COMMAND COUNT
void CmdCommandCount(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendLong(static_cast<long long>(ctx.server.commands().size()));
}

// COMMAND INFO [command-name ...]
void CmdCommandInfo(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() == 2) return WriteAllCommandInfo(ctx);
  ctx.rb.StartArray(argv.size() - 2);
  for (std::string_view name : argv.subspan(2)) {
    const CommandSpec* spec = LookupByFullName(ctx.server.commands(), name);
    spec ? WriteCommandInfo(*spec, ctx.rb) : ctx.rb.SendNull();
  }
}

void WriteDocsEntry(const CommandSpec& spec, protocol::ReplyBuilder& rb) {
  rb.SendBulk(spec.name);
  if (const CommandDoc* doc = DocFor(spec)) {
    WriteDocs(*doc, rb, true);
  } else {
    rb.StartMap(0);
  }
}

// COMMAND DOCS [command-name ...]
void CmdCommandDocs(CmdArgs argv, CommandContext& ctx) {
  std::vector<const CommandSpec*> specs;
  if (argv.size() == 2) {
    specs = TopLevelCommands(ctx.server.commands());
  } else {
    for (std::string_view name : argv.subspan(2)) {
      if (const CommandSpec* spec = LookupByFullName(ctx.server.commands(), name)) {
        specs.push_back(spec);
      }
    }
  }
  ctx.rb.StartMap(specs.size());
  for (const CommandSpec* spec : specs) WriteDocsEntry(*spec, ctx.rb);
}

enum class ListFilter { kNone, kModule, kAclCat, kPattern };

bool InAclCategory(const CommandSpec& spec, std::string_view category) {
  const CommandDoc* doc = DocFor(spec);
  if (!doc) return false;
  for (std::string_view cat : doc->acl_categories) {
    if (cat.size() > 1 && EqualsTokenIgnoreCase(category, cat.substr(1))) return true;
  }
  return false;
}

bool ListFilterMatches(ListFilter filter, std::string_view arg, const CommandSpec& spec) {
  switch (filter) {
    case ListFilter::kNone:
      return true;
    case ListFilter::kModule:
      return false;  // no modules
    case ListFilter::kAclCat:
      return InAclCategory(spec, arg);
    case ListFilter::kPattern:
      return engine::GlobMatch(arg, spec.name, /*nocase=*/true);
  }
  return false;
}

// COMMAND LIST [FILTERBY MODULE module-name | ACLCAT category | PATTERN pattern]
void CmdCommandList(CmdArgs argv, CommandContext& ctx) {
  ListFilter filter = ListFilter::kNone;
  std::string_view arg;
  ArgParser parser(argv.subspan(2));
  if (parser.HasNext()) {
    if (parser.Remaining() == 3 && parser.Check("FILTERBY")) {
      filter = parser.MapNext("MODULE", ListFilter::kModule, "ACLCAT", ListFilter::kAclCat,
                              "PATTERN", ListFilter::kPattern);
      arg = parser.Next();
    } else {
      parser.Fail();
    }
  }
  if (!parser.Finalize()) return ctx.rb.SendError(parser.ErrorText());
  std::vector<std::string_view> names;
  for (const CommandSpec* spec : TopLevelCommands(ctx.server.commands())) {
    if (ListFilterMatches(filter, arg, *spec)) names.push_back(spec->name);
    for (const CommandSpec* sub : spec->subcommands) {
      if (ListFilterMatches(filter, arg, *sub)) names.push_back(sub->name);
    }
  }
  ctx.rb.StartArray(names.size());
  for (std::string_view n : names) ctx.rb.SendBulk(n);
}

struct KeyRef {
  int pos;
  uint16_t flags;
};

// Redis's getKeysUsingKeySpecs: the key positions in `args` (args[0] is the command name)
// from the command's key specifications. Returns false for an invalid or incomplete spec.
bool KeysFromSpecs(const CommandDoc& doc, CmdArgs args, std::vector<KeyRef>* keys) {
  const int argc = static_cast<int>(args.size());
  for (const KeySpecDoc& spec : doc.key_specs) {
    if (spec.flags & kKeyNotKey) continue;
    int first = 0;
    if (spec.begin_search.type == BeginSearchType::kIndex) {
      first = spec.begin_search.index;
    } else if (spec.begin_search.type == BeginSearchType::kKeyword) {
      int from = spec.begin_search.startfrom;
      int start = from > 0 ? from : argc + from;
      int end = from > 0 ? argc - 1 : 1;
      for (int i = start; i != end; i = start <= end ? i + 1 : i - 1) {
        if (i >= argc || i < 1) break;
        if (EqualsTokenIgnoreCase(args[i], spec.begin_search.keyword)) {
          first = i + 1;
          break;
        }
      }
      if (first == 0) continue;
    } else {
      return false;
    }
    int last;
    int step;
    const FindKeys& fk = spec.find_keys;
    if (fk.type == FindKeysType::kRange) {
      step = fk.keystep;
      if (fk.lastkey >= 0) {
        last = first + fk.lastkey;
      } else if (fk.limit == 0) {
        last = argc + fk.lastkey;
      } else {
        last = first + ((argc - first) / fk.limit + fk.lastkey);
      }
    } else if (fk.type == FindKeysType::kKeynum) {
      step = fk.keystep;
      long long numkeys;
      if (first + fk.keynumidx >= argc ||
          !engine::StringToLL(args[first + fk.keynumidx], &numkeys) || numkeys < 0) {
        return false;
      }
      first += fk.firstkey;
      last = first + static_cast<int>(numkeys) - 1;
    } else {
      return false;
    }
    if (last >= argc || last < first || first >= argc) return false;
    for (int i = first; i <= last; i += std::max(step, 1)) keys->push_back({i, spec.flags});
    if (spec.flags & kKeyIncomplete) return false;
  }
  return true;
}

bool HasKeys(const CommandDoc* doc) {
  if (!doc) return false;
  return std::any_of(doc->key_specs.begin(), doc->key_specs.end(),
                     [](const KeySpecDoc& s) { return !(s.flags & kKeyNotKey); });
}

// Commands whose key flags depend on their arguments (VARIABLE_FLAGS specs): Redis asks
// their getkeys procedures instead of the specs.
void ApplyVariableKeyFlags(const CommandSpec& spec, CmdArgs args, std::vector<KeyRef>* keys) {
  if (keys->size() != 1) return;
  uint16_t& flags = (*keys)[0].flags;
  if (spec.name == "set") {
    // SET key value [... GET ...]: the old value is read only with GET.
    bool get = std::any_of(args.begin() + std::min<size_t>(3, args.size()), args.end(),
                           [](std::string_view a) { return EqualsTokenIgnoreCase(a, "get"); });
    flags = get ? (kKeyRW | kKeyAccess | kKeyUpdate) : (kKeyOW | kKeyUpdate);
  } else if (spec.name == "bitfield") {
    // Read-only when every operation is a GET (OVERFLOW alone changes nothing).
    bool readonly = true;
    ArgParser parser(args.subspan(std::min<size_t>(2, args.size())));
    while (parser.HasNext() && readonly) {
      if (parser.Remaining() >= 3 && parser.Check("GET")) {
        parser.Skip(2);
      } else if (parser.Remaining() >= 2 && parser.Check("OVERFLOW")) {
        parser.Skip(1);
      } else {
        readonly = false;
      }
    }
    flags = readonly ? (kKeyRO | kKeyAccess) : (kKeyRW | kKeyAccess | kKeyUpdate);
  }
}

// COMMAND GETKEYS command [arg ...] / COMMAND GETKEYSANDFLAGS command [arg ...]
void GetKeys(CmdArgs argv, CommandContext& ctx, bool with_flags) {
  CmdArgs args = argv.subspan(2);
  const CommandSpec* spec = ctx.server.commands().Resolve(args);
  if (!spec) return ctx.rb.SendError(protocol::kErrGetkeysInvalidCommand);
  const CommandDoc* doc = DocFor(*spec);
  if (!HasKeys(doc)) return ctx.rb.SendError(protocol::kErrGetkeysNoKeys);
  int argc = static_cast<int>(args.size());
  if ((spec->arity > 0 && spec->arity != argc) || argc < -spec->arity) {
    return ctx.rb.SendError(protocol::kErrGetkeysArity);
  }
  std::vector<KeyRef> keys;
  if (!KeysFromSpecs(*doc, args, &keys)) keys.clear();
  ApplyVariableKeyFlags(*spec, args, &keys);
  if (keys.empty() && !(spec->flags & kNoMandatoryKeys)) {
    return ctx.rb.SendError(protocol::kErrGetkeysInvalidArgs);
  }
  ctx.rb.StartArray(keys.size());
  for (const KeyRef& k : keys) {
    if (!with_flags) {
      ctx.rb.SendBulk(args[k.pos]);
      continue;
    }
    ctx.rb.StartArray(2);
    ctx.rb.SendBulk(args[k.pos]);
    WriteKeySpecFlags(k.flags, ctx.rb);
  }
}

void CmdCommandGetKeys(CmdArgs argv, CommandContext& ctx) { GetKeys(argv, ctx, false); }
void CmdCommandGetKeysAndFlags(CmdArgs argv, CommandContext& ctx) { GetKeys(argv, ctx, true); }

// COMMAND HELP
void CmdCommandHelp(CmdArgs argv, CommandContext& ctx) {
  SendHelp(ctx.rb, "COMMAND",
           {"(no subcommand)", "    Return details about all Redis commands.", "COUNT",
            "    Return the total number of commands in this Redis server.", "LIST",
            "    Return a list of all commands in this Redis server.", "INFO [<command-name> ...]",
            "    Return details about multiple Redis commands.",
            "    If no command names are given, documentation details for all",
            "    commands are returned.", "DOCS [<command-name> ...]",
            "    Return documentation details about multiple Redis commands.",
            "    If no command names are given, documentation details for all",
            "    commands are returned.", "GETKEYS <full-command>",
            "    Return the keys from a full Redis command.", "GETKEYSANDFLAGS <full-command>",
            "    Return the keys and the access flags from a full Redis command."});
}

// ---- TIME LASTSAVE SHUTDOWN MONITOR ---------------------------------------------------------

// TIME
void CmdTime(CmdArgs argv, CommandContext& ctx) {
  int64_t now_us = engine::WallClockUs();
  ctx.rb.StartArray(2);
  ctx.rb.SendBulk(std::to_string(now_us / 1000000));
  ctx.rb.SendBulk(std::to_string(now_us % 1000000));
}

// LASTSAVE
void CmdLastSave(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendLong(static_cast<long long>(ctx.server.lastsave_s));
}

// SHUTDOWN [NOSAVE | SAVE] [NOW] [FORCE] [ABORT]
void CmdShutdown(CmdArgs argv, CommandContext& ctx) {
  bool nosave = false, save = false, force = false, abort = false, other = false;
  ArgParser parser(argv.subspan(1));
  while (parser.HasNext()) {
    if (parser.Check("NOSAVE")) {
      nosave = true;
    } else if (parser.Check("SAVE")) {
      save = true;
    } else if (parser.Check("NOW")) {
      other = true;
    } else if (parser.Check("FORCE")) {
      force = other = true;
    } else if (parser.Check("ABORT")) {
      abort = true;
    } else {
      parser.Fail();
    }
  }
  if (!parser.Finalize() || (abort && (nosave || save || other)) || (nosave && save)) {
    return ctx.rb.SendError(protocol::kErrSyntax);
  }
  // Shutting down is immediate, so there is never one to abort.
  if (abort) return ctx.rb.SendError(protocol::kErrNoShutdownInProgress);
  if (save && !force) {
    // Tandem keeps no snapshots: a requested save cannot succeed.
    Log(LogLevel::kWarning, "Error trying to save the DB, can't exit.");
    return ctx.rb.SendError(protocol::kErrShutdownFailed);
  }
  if (ctx.server.request_shutdown) ctx.server.request_shutdown();
}

// MONITOR
void CmdMonitor(CmdArgs argv, CommandContext& ctx) {
  if (ctx.client.monitor) return;  // already monitoring: no reply, like Redis
  ctx.client.monitor = true;
  ctx.server.monitors().push_back(&ctx.client);
  ctx.rb.SendOk();
}

// ---- SLOWLOG --------------------------------------------------------------------------------

// SLOWLOG GET [count]
void CmdSlowlogGet(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() > 3) return ctx.rb.SendError(SubcommandSyntaxError(argv));
  auto& log = ctx.server.slowlog();
  long long count = 10;
  if (argv.size() == 3) {
    if (!engine::StringToLL(argv[2], &count) || count < -1) {
      return ctx.rb.SendError(protocol::kErrSlowlogCount);
    }
    if (count == -1) count = static_cast<long long>(log.size());
  }
  count = std::min<long long>(count, static_cast<long long>(log.size()));
  ctx.rb.StartArray(count);
  for (long long i = 0; i < count; ++i) {
    const SlowlogEntry& e = log[i];
    ctx.rb.StartArray(6);
    ctx.rb.SendLong(static_cast<long long>(e.id));
    ctx.rb.SendLong(e.timestamp_s);
    ctx.rb.SendLong(e.duration_us);
    ctx.rb.StartArray(e.argv.size());
    for (const std::string& a : e.argv) ctx.rb.SendBulk(a);
    ctx.rb.SendBulk(e.client_addr);
    ctx.rb.SendBulk(e.client_name);
  }
}

// SLOWLOG LEN
void CmdSlowlogLen(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendLong(static_cast<long long>(ctx.server.slowlog().size()));
}

// SLOWLOG RESET
void CmdSlowlogReset(CmdArgs argv, CommandContext& ctx) {
  ctx.server.slowlog().clear();
  ctx.rb.SendOk();
}

// SLOWLOG HELP
void CmdSlowlogHelp(CmdArgs argv, CommandContext& ctx) {
  SendHelp(ctx.rb, "SLOWLOG",
           {"GET [<count>]",
            "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
            "    Entries are made of:",
            "    id, timestamp, time in microseconds, arguments array, client IP and port,",
            "    client name", "LEN", "    Return the length of the slowlog.", "RESET",
            "    Reset the slowlog."});
}

// ---- DEBUG ----------------------------------------------------------------------------------

// Bytes of a length prefix in an RDB file (rdbSaveLen).
size_t RdbLenBytes(size_t len) {
  if (len < (1u << 6)) return 1;
  if (len < (1u << 14)) return 2;
  if (len <= UINT32_MAX) return 5;
  return 9;
}

// Bytes of an integer stored by rdbTryIntegerEncoding / rdbEncodeInteger, or 0 when it does
// not fit in 32 bits.
size_t RdbIntBytes(long long v) {
  if (v >= INT8_MIN && v <= INT8_MAX) return 2;
  if (v >= INT16_MIN && v <= INT16_MAX) return 3;
  if (v >= INT32_MIN && v <= INT32_MAX) return 5;
  return 0;
}

// What the value would take in an RDB file, as DEBUG OBJECT's serializedlength. Strings
// follow Redis's encoding (integer or length-prefixed; LZF compression of long strings is
// not modelled); other types report their in-memory size.
size_t SerializedLength(const engine::Entry& e) {
  if (e.type() == engine::ObjType::kList) {
    // RDB_TYPE_LIST_QUICKLIST_2: the node count, then per node its container byte and its
    // listpack as a string (uncompressed: rdbcompression's LZF is not modelled).
    const auto* l = static_cast<const engine::ListObject*>(e.object());
    size_t n = RdbLenBytes(l->node_count());
    for (size_t k = 0; k < l->node_count(); ++k) {
      const size_t lp = l->ListpackBytes(k);
      n += 1 + RdbLenBytes(lp) + lp;
    }
    return n;
  }
  if (e.type() != engine::ObjType::kString) return e.MemoryUsage();
  if (e.encoding() == engine::Encoding::kInt) {
    if (size_t n = RdbIntBytes(e.int_value())) return n;
  }
  char buf[24];
  std::string_view s = e.StringValue(buf);
  long long v;
  if (s.size() <= 11 && engine::StringToLL(s, &v) && engine::LLToString(v) == s) {
    if (size_t n = RdbIntBytes(v)) return n;
  }
  return RdbLenBytes(s.size()) + s.size();
}

// DEBUG OBJECT key
void DebugObject(std::string_view key, CommandContext& ctx) {
  engine::Entry* e = ctx.db().Find(key, engine::Database::kNoTouch);
  if (!e) return ctx.rb.SendError(protocol::kErrNoSuchKey);
  engine::DbSet& dbs = ctx.server.dbs();
  char extra[256] = "";
  if (e->type() == engine::ObjType::kList) {
    // Redis's quicklist fields; the node split follows quicklist's rule, so they agree
    // with Redis for elements up to 63 bytes (see README).
    const auto* l = static_cast<const engine::ListObject*>(e->object());
    size_t uncompressed = 0;
    for (size_t k = 0; k < l->node_count(); ++k) uncompressed += l->ListpackBytes(k);
    std::snprintf(extra, sizeof(extra),
                  " ql_nodes:%zu ql_avg_node:%.2f ql_listpack_max:%d ql_compressed:%d"
                  " ql_uncompressed_size:%zu",
                  l->node_count(), static_cast<double>(l->size()) / l->node_count(), l->fill(),
                  l->compress() != 0 ? 1 : 0, uncompressed);
  }
  char buf[512];
  std::snprintf(buf, sizeof(buf),
                "Value at:%p refcount:%d encoding:%.*s serializedlength:%zu lru:%u "
                "lru_seconds_idle:%llu%s",
                static_cast<const void*>(e), ObjectRefcount(ctx.server, *e),
                static_cast<int>(engine::EncodingName(e->encoding()).size()),
                engine::EncodingName(e->encoding()).data(), SerializedLength(*e), e->lru(),
                static_cast<unsigned long long>(engine::IdleSeconds(dbs.lru_clock(), e->lru())),
                extra);
  ctx.rb.SendSimple(buf);
}

// DEBUG SLEEP seconds: stops the whole server (it holds the engine lock), like Redis.
void DebugSleep(std::string_view arg) {
  std::string s(arg);
  double seconds = std::strtod(s.c_str(), nullptr);
  double us = seconds * 1e6;
  if (!(us > 0) || !std::isfinite(us)) return;
  std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long long>(us)));
}

void DebugHelp(CommandContext& ctx) {
  SendHelp(
      ctx.rb, "DEBUG",
      {"OBJECT <key>", "    Show low level info about `key` and associated value.",
       "SET-ACTIVE-EXPIRE <0|1>",
       "    Setting it to 0 disables expiring keys in background when they are not",
       "    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the",
       "    default.", "SLEEP <seconds>", "    Stop the server for <seconds>. Decimals allowed."});
}

// DEBUG HELP | SLEEP seconds | SET-ACTIVE-EXPIRE 0|1 | OBJECT key
void CmdDebug(CmdArgs argv, CommandContext& ctx) {
  ArgParser parser(argv.subspan(1));
  if (parser.Remaining() == 1 && parser.Check("HELP")) return DebugHelp(ctx);
  if (parser.Remaining() == 2 && parser.Check("SLEEP")) {
    DebugSleep(parser.Next());
    return ctx.rb.SendOk();
  }
  if (parser.Remaining() == 2 && parser.Check("SET-ACTIVE-EXPIRE")) {
    // Redis reads the flag with atoi(): anything but a non-zero number disables.
    ctx.server.dbs().active_expire_enabled = std::atoi(std::string(parser.Next()).c_str()) != 0;
    return ctx.rb.SendOk();
  }
  if (parser.Remaining() == 2 && parser.Check("OBJECT")) return DebugObject(parser.Next(), ctx);
  ctx.rb.SendError(SubcommandSyntaxError(argv));
}

void RegisterConfigAndCommand(CommandTable& table) {
  // clang-format off
  constexpr uint32_t kAdminBase = kAdmin | kNoScript | kLoading | kStale;
  table.Register({.name = "config", .arity = -2});
  table.Register({.name = "config|get", .arity = -3, .flags = kAdminBase,
                  .handler = &CmdConfigGet});
  table.Register({.name = "config|help", .arity = 2, .flags = kLoading | kStale,
                  .handler = &CmdConfigHelp});
  table.Register({.name = "config|resetstat", .arity = 2, .flags = kAdminBase,
                  .handler = &CmdConfigResetStat});
  table.Register({.name = "config|rewrite", .arity = 2, .flags = kAdminBase,
                  .handler = &CmdConfigRewrite});
  table.Register({.name = "config|set", .arity = -4, .flags = kAdminBase,
                  .handler = &CmdConfigSet});

  constexpr uint32_t kLs = kLoading | kStale;
  table.Register({.name = "command", .arity = -1, .flags = kLs, .handler = &CmdCommand});
  table.Register({.name = "command|count", .arity = 2, .flags = kLs, .handler = &CmdCommandCount});
  table.Register({.name = "command|docs", .arity = -2, .flags = kLs, .handler = &CmdCommandDocs});
  table.Register({.name = "command|getkeys", .arity = -4, .flags = kLs,
                  .handler = &CmdCommandGetKeys});
  table.Register({.name = "command|getkeysandflags", .arity = -4, .flags = kLs,
                  .handler = &CmdCommandGetKeysAndFlags});
  table.Register({.name = "command|help", .arity = 2, .flags = kLs, .handler = &CmdCommandHelp});
  table.Register({.name = "command|info", .arity = -2, .flags = kLs, .handler = &CmdCommandInfo});
  table.Register({.name = "command|list", .arity = -2, .flags = kLs, .handler = &CmdCommandList});
  // clang-format on
}

}  // namespace

std::vector<int> CommandKeyPositions(const CommandSpec& spec, CmdArgs args) {
  std::vector<int> out;
  const CommandDoc* doc = DocFor(spec);
  if (!HasKeys(doc)) return out;
  std::vector<KeyRef> keys;
  if (!KeysFromSpecs(*doc, args, &keys)) return out;
  out.reserve(keys.size());
  for (const KeyRef& k : keys) out.push_back(k.pos);
  return out;
}

void ApplyConfigSideEffects(ServerState& server) {
  const Config& config = server.config();
  LogSetLevel(config.loglevel);
  engine::DbSet& dbs = server.dbs();
  server.eviction_policy = engine::ParseEvictionPolicy(config.maxmemory_policy)
                               .value_or(engine::EvictionPolicy::kNoEviction);
  dbs.lfu_policy = config.maxmemory_policy.find("lfu") != std::string::npos;
  dbs.lfu_log_factor = config.lfu_log_factor;
  dbs.lfu_decay_time = config.lfu_decay_time;
  dbs.active_rehashing = config.activerehashing;
}

void RegisterServerFamily(CommandTable& table) {
  // clang-format off
  constexpr uint32_t kLs = kLoading | kStale;
  constexpr uint32_t kAdminBase = kAdmin | kNoScript | kLoading | kStale;
  table.Register({.name = "info", .arity = -1, .flags = kLs, .handler = &CmdInfo});
  RegisterConfigAndCommand(table);
  table.Register({.name = "time", .arity = 1, .flags = kLs | kFast | kRandom, .handler = &CmdTime});
  table.Register({.name = "lastsave", .arity = 1, .flags = kLs | kFast | kRandom, .handler = &CmdLastSave});
  table.Register({.name = "shutdown", .arity = -1, .flags = kAdminBase | kNoMulti | kAllowBusy,
                  .handler = &CmdShutdown});
  table.Register({.name = "monitor", .arity = 1, .flags = kAdminBase, .handler = &CmdMonitor});
  table.Register({.name = "slowlog", .arity = -2});
  table.Register({.name = "slowlog|get", .arity = -2, .flags = kAdmin | kLs,
                  .handler = &CmdSlowlogGet});
  table.Register({.name = "slowlog|help", .arity = 2, .flags = kLs, .handler = &CmdSlowlogHelp});
  table.Register({.name = "slowlog|len", .arity = 2, .flags = kAdmin | kLs,
                  .handler = &CmdSlowlogLen});
  table.Register({.name = "slowlog|reset", .arity = 2, .flags = kAdmin | kLs,
                  .handler = &CmdSlowlogReset});
  table.Register({.name = "debug", .arity = -2, .flags = kAdminBase | kProtected,
                  .handler = &CmdDebug});
  // clang-format on
}

}  // namespace tandem::commands
