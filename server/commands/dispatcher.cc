#include "server/commands/dispatcher.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "protocol/errors.h"
#include "server/commands/families.h"
#include "server/commands/server_family.h"
#include "server/engine/ascii.h"
#include "server/engine/str_table.h"

namespace tandem::commands {

bool IsLocalClient(const ClientState& client) {
  return client.unix_socket || client.addr.rfind("127.0.0.1:", 0) == 0 ||
         client.addr.rfind("[::1]:", 0) == 0;
}

namespace {

// What Redis's "%.*s" prints of an argument: at most `max` bytes, up to the first NUL.
std::string_view AsCString(std::string_view s, size_t max) {
  s = s.substr(0, max);
  return s.substr(0, s.find('\0'));
}

// Redis's unknown-command text: the name (max 128 bytes) and the first arguments, each
// quoted and followed by a space, while the total stays under 128 bytes.
std::string UnknownCommandError(CmdArgs argv) {
  std::string err = "ERR unknown command '";
  err.append(AsCString(argv[0], 128));
  err += "', with args beginning with: ";
  std::string args;
  for (size_t i = 1; i < argv.size() && args.size() < 128; ++i) {
    size_t room = 128 - args.size();
    args += "'";
    args.append(AsCString(argv[i], room));
    args += "' ";
  }
  err += args;
  // Redis strips CR/LF from error texts; the writer does that for us.
  return err;
}

std::string MonitorQuote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\a':
        out += "\\a";
        break;
      case '\b':
        out += "\\b";
        break;
      default:
        if (std::isprint(c)) {
          out += static_cast<char>(c);
        } else {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\x%02x", c);
          out += buf;
        }
    }
  }
  out += '"';
  return out;
}

// Counts error replies by looking at what the handler sent, through a thin wrapper.
// A call nested in another (EXEC's commands) counts its own errors; the outer call's
// builder sees them pass at a deeper `depth` and leaves them alone, as Redis counts each
// error reply once.
class CountingBuilder final : public protocol::ReplyBuilder {
 public:
  CountingBuilder(protocol::ReplyBuilder& inner, const int& depth)
      : inner_(inner), depth_(depth), level_(depth) {}
  std::string first_error_code;
  bool errored = false;

  void SendSimple(std::string_view s) override { inner_.SendSimple(s); }
  void SendError(std::string_view s) override {
    if (!errored && depth_ == level_) {
      errored = true;
      first_error_code = std::string(s.substr(0, s.find(' ')));
    }
    inner_.SendError(s);
  }
  void SendLong(long long v) override { inner_.SendLong(v); }
  void SendDouble(double v) override { inner_.SendDouble(v); }
  void SendBulk(std::string_view s) override { inner_.SendBulk(s); }
  void SendNull() override { inner_.SendNull(); }
  void SendNullArray() override { inner_.SendNullArray(); }
  void SendBool(bool v) override { inner_.SendBool(v); }
  void SendVerbatim(std::string_view s, std::string_view f) override { inner_.SendVerbatim(s, f); }
  void SendBigNumber(std::string_view s) override { inner_.SendBigNumber(s); }
  void StartArray(size_t n) override { inner_.StartArray(n); }
  void StartMap(size_t n) override { inner_.StartMap(n); }
  void StartSet(size_t n) override { inner_.StartSet(n); }
  void StartPush(size_t n) override { inner_.StartPush(n); }
  void StartPairArray(size_t n) override { inner_.StartPairArray(n); }
  void StartPair() override { inner_.StartPair(); }

 private:
  protocol::ReplyBuilder& inner_;
  const int& depth_;
  const int level_;
};

// What RESP2 allows in the subscribed context.
bool AllowedWhileSubscribed(const CommandSpec& spec) {
  const std::string_view n = spec.name;
  return n == "ping" || n == "subscribe" || n == "unsubscribe" || n == "psubscribe" ||
         n == "punsubscribe" || n == "ssubscribe" || n == "sunsubscribe" || n == "quit" ||
         n == "reset";
}

// The commands that act on a transaction instead of being queued in it.
bool IsTransactionControl(const CommandSpec& spec) {
  const std::string_view n = spec.name;
  return n == "exec" || n == "discard" || n == "multi" || n == "watch" || n == "quit" ||
         n == "reset";
}

// Redis's allowProtectedAction for DEBUG (enable-debug-command no | yes | local). Checked
// before authentication, as Redis does.
bool ProtectedAllowed(const Config& config, const ClientState& client) {
  const std::string& mode = config.enable_debug_command;
  return mode == "yes" || (mode == "local" && IsLocalClient(client));
}

void CountError(ServerState& server, std::string_view text) {
  ++server.stats().total_error_replies;
  ++server.stats().error_stats[std::string(text.substr(0, text.find(' ')))];
}

}  // namespace

const CommandSpec* Dispatcher::FindCommand(std::string_view name) {
  if (last_spec_ && name.size() == last_name_len_ &&
      std::memcmp(name.data(), last_name_, name.size()) == 0) {
    return last_spec_;
  }
  const CommandSpec* spec = server_.commands().Find(name);
  if (spec && name.size() <= sizeof(last_name_)) {
    std::memcpy(last_name_, name.data(), name.size());
    last_name_len_ = name.size();
    last_spec_ = spec;
  }
  return spec;
}

const CommandSpec* Dispatcher::Lookup(CmdArgs argv, protocol::ReplyBuilder& rb) {
  const CommandTable& table = server_.commands();
  const CommandSpec* spec = FindCommand(argv[0]);
  if (!spec) {
    std::string err = UnknownCommandError(argv);
    CountError(server_, err);
    rb.SendError(err);
    return nullptr;
  }
  if (spec->IsContainer() && argv.size() >= 2) {
    const CommandSpec* sub = table.FindSub(*spec, argv[1]);
    if (!sub) {
      std::string err = "ERR unknown subcommand '";
      err.append(AsCString(argv[1], 128));
      err += "'. Try " + engine::ToUpper(spec->name) + " HELP.";
      CountError(server_, err);
      rb.SendError(err);
      return nullptr;
    }
    spec = sub;
  }
  int argc = static_cast<int>(argv.size());
  if ((spec->arity > 0 && argc != spec->arity) || argc < -spec->arity) {
    std::string err = protocol::WrongNumArgsError(spec->name);
    ++server_.command_stats().Local(*spec).rejected_calls;
    CountError(server_, err);
    rb.SendError(err);
    return nullptr;
  }
  return spec;
}

// As Redis 7.0's processCommand: EXEC is refused when a queued command may add data, and
// in MULTI every command but EXEC, DISCARD, QUIT and RESET is (queueing takes memory).
bool Dispatcher::DeniedOnOom(const CommandSpec& spec, const ClientState& client) const {
  if (spec.flags & kDenyOom) return true;
  if (!client.in_multi) return false;
  const std::string_view n = spec.name;
  if (n == "exec") return (client.multi_flags & kDenyOom) != 0;
  return n != "discard" && n != "quit" && n != "reset";
}

const CommandSpec* Dispatcher::Admit(CmdArgs argv, ClientState& client,
                                     protocol::ReplyBuilder& rb) {
  if (argv.size() != 1 && engine::EqualsIgnoreCase(argv[0], "exec")) {
    // An EXEC with arguments is refused like any rejected EXEC (Redis's execCommandAbort),
    // in a transaction or not.
    const CommandSpec* exec = server_.commands().Find("exec");
    std::string err = protocol::WrongNumArgsError("exec");
    ++server_.command_stats().Local(*exec).rejected_calls;
    CountError(server_, err);
    rb.SendError("EXECABORT Transaction discarded because of: " + err.substr(4));
    client.ResetMulti();
    server_.watches().UnwatchAll(&client);
    return nullptr;
  }
  const CommandSpec* spec = Lookup(argv, rb);
  if (!spec) {
    if (client.in_multi) client.multi_error = true;  // Redis's flagTransaction
    return nullptr;
  }
  client.last_cmd = spec->name;
  auto reject = [&](std::string_view err) -> const CommandSpec* {
    ++server_.command_stats().Local(*spec).rejected_calls;
    CountError(server_, err);
    if (spec->name == "exec") {
      // Redis's execCommandAbort: the transaction goes with the refused EXEC.
      // The error without its code ("OOM command not allowed..." keeps its text).
      std::string_view text = err.substr(0, 4) == "ERR " ? err.substr(4) : err;
      rb.SendError("EXECABORT Transaction discarded because of: " + std::string(text));
      client.ResetMulti();
      server_.watches().UnwatchAll(&client);
      return nullptr;
    }
    if (client.in_multi) client.multi_error = true;
    rb.SendError(err);
    return nullptr;
  };
  const Config& config = server_.config();
  if ((spec->flags & kProtected) && !ProtectedAllowed(config, client)) {
    return reject(protocol::kErrDebugNotAllowed);
  }
  if (!client.authenticated && !(spec->flags & kNoAuth)) {
    return reject(protocol::kErrNoAuth);
  }
  // As Redis's processCommand: over maxmemory, every command first evicts what the policy
  // allows; commands that may add data are refused if that was not enough.
  if (config.maxmemory > 0 && server_.UsedMemory() > config.maxmemory && !EvictForMaxmemory() &&
      DeniedOnOom(*spec, client)) {
    return reject(protocol::kErrOom);
  }
  if (client.pubsub && client.resp == 2 && !AllowedWhileSubscribed(*spec)) {
    return reject("ERR Can't execute '" + std::string(spec->name) +
                  "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed "
                  "in this context");
  }
  if (client.in_multi && (spec->flags & kNoMulti)) {
    return reject(protocol::kErrNotInTransaction);
  }
  return spec;
}

void Dispatcher::Invoke(const CommandSpec& spec, CmdArgs argv, ClientState& client,
                        protocol::ReplyBuilder& rb, protocol::RespWriter* writer, int64_t now_ms) {
  ++invoke_depth_;
  CountingBuilder counting(rb, invoke_depth_);
  CommandContext ctx{counting, client, server_, spec, writer, now_ms};
  const int64_t start_us = clock_us_;
  // The client's own command (EXEC's queued ones too) is what a script it runs records.
  const CommandSpec* outer_spec = caller_spec_;
  const CmdArgs outer_argv = caller_argv_;
  if (&client == server_.tracking().caller()) {
    caller_spec_ = &spec;
    caller_argv_ = argv;
  }
  {
    engine::RehashPause pause(server_.dbs(), client.db_index);  // slots stay valid across lookups
    spec.handler(argv, ctx);
  }
  caller_spec_ = outer_spec;
  caller_argv_ = outer_argv;
  --invoke_depth_;
  if ((spec.flags & kReadOnly) && server_.tracking().tracking_clients() != 0) {
    RememberTrackedKeys(spec, argv, client);
  }
  clock_us_ = engine::WallClockUs();
  CommandStats& stats = server_.command_stats().Local(spec);
  ++stats.calls;
  stats.usec += static_cast<uint64_t>(clock_us_ - start_us);
  ++server_.stats().total_commands_processed;
  if (counting.errored) {
    ++stats.failed_calls;
    ++server_.stats().total_error_replies;
    ++server_.stats().error_stats[counting.first_error_code];
  }
}

void Dispatcher::Execute(CmdArgs argv, ClientState& client, protocol::ReplyBuilder& rb,
                         protocol::RespWriter* writer) {
  const int64_t start_us = clock_us_;
  const int64_t now_ms = start_us / 1000;
  server_.dbs().SetNow(now_ms);  // the frozen time of this call and of every nested one
  client.last_interaction_ms = now_ms;
  ++client.commands;
  // Messages for this client from its own command go before the command's reply.
  struct CallerScope {
    PubSubRegistry& reg;
    TrackingRegistry& tracking;
    ClientState& client;
    const CommandSpec* spec = nullptr;
    Dispatcher& dispatcher;
    ~CallerScope() {
      dispatcher.caller_spec_ = nullptr;
      dispatcher.caller_argv_ = {};
      reg.SetCaller(nullptr, nullptr);
      // Invalidations of the caller's own keys follow its reply (Redis 7.0's pending keys).
      tracking.FlushCallerPending();
      tracking.SetCaller(nullptr, nullptr);
      // CLIENT CACHING applies to the next command, or the next transaction, as Redis's
      // resetClient: any CLIENT subcommand keeps it.
      if (client.tracking.caching && !client.in_multi &&
          !(spec && spec->name.substr(0, 7) == "client|")) {
        client.tracking.caching = false;
      }
    }
  } caller{server_.pubsub(), server_.tracking(), client, nullptr, *this};
  caller.reg.SetCaller(&client, &rb);
  caller.tracking.SetCaller(&client, &rb);

  const CommandSpec* spec = Admit(argv, client, rb);
  caller.spec = spec;
  caller_spec_ = spec;
  caller_argv_ = argv;
  if (!spec) {
    clock_us_ = engine::WallClockUs();
    return;
  }
  if (client.in_multi && !IsTransactionControl(*spec)) {
    QueueMultiCommand(*spec, argv, client, rb);
    clock_us_ = engine::WallClockUs();
    return;
  }
  Invoke(*spec, argv, client, rb, writer, now_ms);
  int64_t duration_us = clock_us_ - start_us;
  if (!(spec->flags & kSkipSlowlog)) RecordSlowlog(argv, client, duration_us);
  if (!server_.monitors().empty() && !(spec->flags & (kSkipMonitor | kAdmin))) {
    FeedMonitors(argv, client, start_us);
  }
  server_.blocking().ServeReadyKeys();
}

// Redis's trackingRememberKeys after a read-only command: the keys go to the tracking table
// for the client. Read-only scripts themselves are skipped; a read-only command a script
// runs records, as in Redis 7.0, the keys of the script's own call (EVAL's KEYS) for the
// script's caller.
void Dispatcher::RememberTrackedKeys(const CommandSpec& spec, CmdArgs argv, ClientState& client) {
  TrackingRegistry& tracking = server_.tracking();
  const std::string_view n = spec.name;
  if (n == "eval_ro" || n == "evalsha_ro" || n == "fcall_ro") return;
  ClientState* reader = &client;
  const CommandSpec* keys_of = &spec;
  if (tracking.caller() != nullptr && tracking.caller() != &client) {
    if (caller_spec_ == nullptr) return;
    reader = tracking.caller();
    keys_of = caller_spec_;
    argv = caller_argv_;
  }
  if (!reader->tracking.on || reader->tracking.bcast) return;
  if (keys_of->flags & kPubSub) return;
  tracking.RememberKeys(reader, argv, CommandKeyPositions(*keys_of, argv));
}

void Dispatcher::EndBatch() {
  TrackingRegistry& tracking = server_.tracking();
  if (tracking.tracking_clients() == 0 && tracking.total_keys() == 0) return;
  tracking.EndBatch(server_.config().tracking_table_max_keys);
}

void Dispatcher::QueueMultiCommand(const CommandSpec& spec, CmdArgs argv, ClientState& client,
                                   protocol::ReplyBuilder& rb) {
  StoredCommand stored(argv);
  client.multi_bytes += stored.bytes();
  client.multi_flags |= spec.flags;
  client.multi_queue.push_back({&spec, std::move(stored)});
  rb.SendSimple("QUEUED");
}

Dispatcher::EngineGuard Dispatcher::LockUnlessBusy() {
  EngineLock& mu = server_.engine_mutex();
  // Run from a busy script's hook on its own thread (EngineLock::LendToLoop).
  if (EngineLock::LentHere()) return EngineGuard(mu, std::defer_lock);
  if (mu.TrySpinning()) return EngineGuard(mu, std::adopt_lock);
  const ScriptRun& run = server_.script_run();
  while (!mu.try_lock_for_ms(10)) {
    if (run.busy.load(std::memory_order_acquire)) return EngineGuard(mu, std::defer_lock);
  }
  return EngineGuard(mu, std::adopt_lock);
}

bool Dispatcher::ExecuteWhileBusy(CmdArgs argv, ClientState& client, protocol::ReplyBuilder& rb) {
  const CommandTable& table = server_.commands();
  const CommandSpec* spec = table.Find(argv[0]);
  if (!spec) {
    rb.SendError(UnknownCommandError(argv));
    return true;
  }
  if (spec->IsContainer() && argv.size() >= 2) {
    const CommandSpec* sub = table.FindSub(*spec, argv[1]);
    if (!sub) {
      std::string err = "ERR unknown subcommand '";
      err.append(AsCString(argv[1], 128));
      err += "'. Try " + engine::ToUpper(spec->name) + " HELP.";
      rb.SendError(err);
      return true;
    }
    spec = sub;
  }
  int argc = static_cast<int>(argv.size());
  if ((spec->arity > 0 && argc != spec->arity) || argc < -spec->arity) {
    rb.SendError(protocol::WrongNumArgsError(spec->name));
    return true;
  }
  if (!client.authenticated && !(spec->flags & kNoAuth)) {
    rb.SendError(protocol::kErrNoAuth);
    return true;
  }
  ScriptRun& run = server_.script_run();
  const bool function = run.is_function.load(std::memory_order_acquire);
  const std::string_view busy = function ? protocol::kErrBusyFunction : protocol::kErrBusyScript;
  if (spec->name == "script|kill" || spec->name == "function|kill") {
    // Redis's scriptKill.
    const bool eval_kill = spec->name == "script|kill";
    if (!run.running.load(std::memory_order_acquire)) {
      rb.SendError(protocol::kErrNotBusy);
    } else if (run.wrote.load(std::memory_order_acquire)) {
      rb.SendError(protocol::kErrUnkillable);
    } else if (eval_kill && function) {
      rb.SendError(protocol::kErrBusyFunction);
    } else if (!eval_kill && !function) {
      rb.SendError(protocol::kErrBusyScript);
    } else {
      run.kill.store(true, std::memory_order_release);
      rb.SendOk();
    }
    return true;
  }
  if (spec->name == "function|stats") {
    // Redis's functionStatsCommand: a busy EVAL script gets the busy error; a busy function
    // is described.
    if (!function) {
      rb.SendError(busy);
    } else {
      CommandContext ctx{rb, client, server_, *spec, nullptr, engine::WallClockMs()};
      spec->handler(argv, ctx);
    }
    return true;
  }
  if (spec->name == "shutdown") {
    bool nosave = std::any_of(argv.begin() + 1, argv.end(), [](std::string_view a) {
      return engine::EqualsIgnoreCase(a, "nosave");
    });
    if (!nosave) {
      rb.SendError(busy);
      return true;
    }
    // The script stops at its next instruction check, written or not; then the server exits.
    run.kill.store(true, std::memory_order_release);
    if (server_.request_shutdown) server_.request_shutdown();
    return true;
  }
  if (spec->name == "quit") {
    rb.SendOk();
    client.close_after_reply = true;
    return true;
  }
  if (spec->flags & kAllowBusy) return false;
  rb.SendError(busy);
  return true;
}

bool Dispatcher::EvictForMaxmemory() {
  const Config& config = server_.config();
  return engine::EvictUntilUnderLimit(server_.dbs(), server_.eviction_policy,
                                      config.maxmemory_samples,
                                      [&] { return server_.UsedMemory() > config.maxmemory; });
}

void Dispatcher::BeginBatch() { clock_us_ = engine::WallClockUs(); }

void Dispatcher::PrefetchBatch(const ClientState& client) {
  engine::Database& db = server_.dbs().db(client.db_index);
  const size_t n = batch_args_.size();
  key_hints_.clear();
  const std::string_view* prev_key = nullptr;
  for (size_t i = 0; i < n; ++i) {
    CmdArgs argv = batch_args_[i];
    if (argv.size() < 2 || (prev_key && argv[1] == *prev_key)) continue;
    prev_key = &argv[1];
    key_hints_.push_back(db.PrefetchBucket(argv[1]));
  }
  for (uint64_t hash : key_hints_) db.PrefetchChain(hash);
  member_hints_.clear();
  prev_key = nullptr;
  const engine::StrTable* table = nullptr;
  for (size_t i = 0; i < n; ++i) {
    CmdArgs argv = batch_args_[i];
    if (argv.size() < 3) continue;
    const CommandSpec* spec = FindCommand(argv[0]);
    if (!spec || !(spec->flags & kMemberHint)) continue;
    if (!prev_key || argv[1] != *prev_key) {
      prev_key = &argv[1];
      table = db.MemberTable(argv[1]);
    }
    if (table) member_hints_.emplace_back(table, table->PrefetchBucket(argv[2]));
  }
  for (const auto& hint : member_hints_) hint.first->PrefetchChain(hint.second);
}

bool Dispatcher::PausedFor(CmdArgs argv) const {
  if (server_.pause_until_ms == 0 || engine::WallClockMs() >= server_.pause_until_ms) return false;
  if (argv.empty()) return false;
  const CommandSpec* spec = server_.commands().Resolve(argv);
  if (!spec) return false;
  if (!server_.pause_writes_only) return true;
  return (spec->flags & kWrite) || (spec->flags & kMayReplicate);
}

void Dispatcher::RecordSlowlog(CmdArgs argv, const ClientState& client, int64_t duration_us) {
  const Config& config = server_.config();
  if (config.slowlog_log_slower_than < 0 || duration_us < config.slowlog_log_slower_than) return;
  SlowlogEntry e;
  e.id = server_.NextSlowlogId();
  e.timestamp_s = engine::WallClockMs() / 1000;
  e.duration_us = duration_us;
  // Redis keeps at most 32 arguments (the last says how many more) of at most 128 bytes.
  size_t n = std::min<size_t>(argv.size(), 32);
  for (size_t i = 0; i < n; ++i) {
    if (i == 31 && argv.size() > 32) {
      e.argv.push_back("... (" + std::to_string(argv.size() - 31) + " more arguments)");
    } else if (argv[i].size() > 128) {
      e.argv.push_back(std::string(argv[i].substr(0, 128)) + "... (" +
                       std::to_string(argv[i].size() - 128) + " more bytes)");
    } else {
      e.argv.emplace_back(argv[i]);
    }
  }
  e.client_addr = client.addr;
  e.client_name = client.name;
  auto& log = server_.slowlog();
  log.push_front(std::move(e));
  while (log.size() > static_cast<size_t>(std::max<long long>(config.slowlog_max_len, 0))) {
    log.pop_back();
  }
}

void Dispatcher::FeedMonitors(CmdArgs argv, const ClientState& client, int64_t now_us) {
  char ts[64];
  std::snprintf(ts, sizeof(ts), "%lld.%06lld [%d ", static_cast<long long>(now_us / 1000000),
                static_cast<long long>(now_us % 1000000), client.db_index);
  std::string line = ts;
  line += client.unix_socket ? "unix:" + client.addr : client.addr;
  line += "]";
  for (std::string_view a : argv) {
    line += ' ';
    line += MonitorQuote(a);
  }
  auto push = protocol::Push::MonitorLine(std::move(line));
  for (ClientState* m : server_.monitors()) {
    if (m != &client) server_.outbox().Stage(m, push);
  }
}

}  // namespace tandem::commands

namespace tandem::commands {

void RegisterAllCommands(CommandTable& table) {
  RegisterConnectionFamily(table);
  RegisterServerFamily(table);
  RegisterClientFamily(table);
  RegisterKeysFamily(table);
  RegisterStringFamily(table);
  RegisterBitmapFamily(table);
  RegisterTransactionFamily(table);
  RegisterEvalFamily(table);
  RegisterFunctionFamily(table);
  RegisterSetFamily(table);
  RegisterHashFamily(table);
  RegisterSortFamily(table);
  RegisterZSetFamily(table);
  RegisterMemoryFamily(table);
  RegisterListFamily(table);
  RegisterPubSubFamily(table);
}

}  // namespace tandem::commands
