#include "server/net/resp_session.h"

#include <algorithm>
#include <climits>

#include "protocol/errors.h"
#include "server/engine/ascii.h"
#include "server/log.h"

namespace tandem::net {
namespace {

// Redis reads 16 KB while its query buffer is small, then as much as its (greedy, jemalloc
// rounded) buffer holds: a request arriving in one packet is read 16,384 then up to 81,910
// bytes in all before the 64 KB inline and multibulk-header limits are checked.
constexpr size_t kFirstReadBytes = 16 * 1024;
constexpr size_t kGreedyQueryBytes = 81910;
constexpr size_t kInlineLimit = 64 * 1024;
// A batch gives the io loop back after this long, so other clients on the loop and
// SIGTERM never wait behind one client's pipeline for more than a few milliseconds.
constexpr int64_t kSliceUs = 2000;
// Redis closes an unauthenticated client whose replies overflow its 16 KB reply buffer
// (more than 1 KB in the reply list), so a client that cannot log in cannot grow memory.
constexpr size_t kUnauthenticatedOutputBytes = 16 * 1024 + 1024;

bool IsCrossProtocolAttack(std::string_view name) {
  return engine::EqualsIgnoreCase(name, "post") || engine::EqualsIgnoreCase(name, "host:");
}

}  // namespace

RespSession::RespSession(commands::ServerState& server, commands::Dispatcher& dispatcher,
                         InputBuffer& in, OutputBuffer& out)
    : Session(in, out), server_(server), dispatcher_(dispatcher), writer_(&out.queued()) {}

Session::Next RespSession::Open() {
  // A client connecting while a script is busy is not stuck behind it: it is answered
  // without the lock (-BUSY...) and registered by its first command that takes the lock.
  auto lock = dispatcher_.LockUnlessBusy();
  if (!lock.owns_lock()) {
    client_.authenticated = server_.config_snapshot()->requirepass.empty();
    registered_ = false;
    return Next::kRead;
  }
  return Register();
}

Session::Next RespSession::Register() {
  registered_ = true;
  const Config& config = server_.config();
  client_.id = server_.NextClientId();
  client_.created_ms = engine::WallClockMs();
  client_.last_interaction_ms = client_.created_ms;
  client_.authenticated = config.requirepass.empty();
  ++server_.stats().total_connections_received;
  if (server_.clients().size() >= static_cast<size_t>(config.maxclients)) {
    ++server_.stats().rejected_connections;
    writer_.SendError(protocol::kErrMaxClients);
    client_.id = 0;
    return Next::kCloseAfterWrite;
  }
  server_.clients().emplace(client_.id, &client_);
  return Next::kRead;
}

bool RespSession::Closed() {
  if (!registered_) return true;  // never ran under the lock: nothing refers to it
  if (server_.script_run().busy.load(std::memory_order_acquire)) return false;
  auto lock = dispatcher_.LockUnlessBusy();
  if (!lock.owns_lock()) return false;
  if (client_.id != 0) server_.clients().erase(client_.id);
  auto& monitors = server_.monitors();
  monitors.erase(std::remove(monitors.begin(), monitors.end(), &client_), monitors.end());
  server_.blocking().Forget(&client_);
  server_.watches().UnwatchAll(&client_);
  server_.pubsub().UnsubscribeAll(&client_);
  server_.tracking().Disable(&client_);
  server_.outbox().Forget(&client_);
  client_.id = 0;
  return true;
}

size_t RespSession::ReadLimit() const {
  size_t pending = in_.size();
  if (pending >= kInlineLimit) return SIZE_MAX;  // a big bulk argument reads freely
  return pending == 0 ? kFirstReadBytes : kGreedyQueryBytes - pending;
}

size_t RespSession::ParseBatch(size_t max, std::string* error) {
  protocol::ParserLimits limits;
  server_.RefreshConfigSnapshot(&config_);
  limits.proto_max_bulk_len = config_->proto_max_bulk_len;
  limits.authenticated = client_.authenticated;
  std::string_view input = in_.Pending();
  size_t pos = 0;
  size_t count = 0;
  while (pos < input.size() && count < max) {
    if (batch_.size() == count) {
      batch_.emplace_back();
      batch_ends_.push_back(0);
    }
    protocol::ParsedCommand& cmd = batch_[count];
    cmd.Clear();
    size_t consumed = 0;
    auto status = parser_.Parse(input.substr(pos), &consumed, &cmd, limits);
    if (status == protocol::RespParser::Status::kNeedMore) break;
    if (status == protocol::RespParser::Status::kError) {
      *error = parser_.error();
      break;
    }
    pos += consumed;
    if (cmd.argv.empty()) {  // an empty line or "*0": consumed with the next command
      if (count == 0) {
        in_.Consume(pos);
        input = in_.Pending();
        pos = 0;
      }
      continue;
    }
    batch_ends_[count++] = pos;
  }
  return count;
}

Session::Next RespSession::Process() {
  while (in_.size() > 0) {
    // An unauthenticated client runs one command at a time: AUTH changes the parser
    // limits that apply to the next one.
    size_t max_batch = client_.authenticated ? SIZE_MAX : 1;
    std::string error;
    size_t count = ParseBatch(max_batch, &error);
    Next next = Next::kRead;
    size_t ran = count > 0 ? RunBatch(count, &next) : 0;
    if (ran > 0) in_.Consume(batch_ends_[ran - 1]);
    if (next != Next::kRead) return next;  // what follows a QUIT is never parsed or answered
    if (!error.empty()) {
      Log(LogLevel::kVerbose, "Protocol error (" + error + ") from client: addr=" + client_.addr);
      writer_.SendError(error);
      return Next::kCloseAfterWrite;
    }
    if (count < max_batch) break;  // the rest is incomplete
  }
  return Next::kRead;
}

size_t RespSession::RunWhileScriptRuns(size_t from, size_t count, Next* next) {
  commands::ScriptRun& run = server_.script_run();
  size_t i = from;
  while (i < count) {
    // No longer busy: the script ended (another may have started since): the lock decides.
    if (!run.busy.load(std::memory_order_acquire)) return i;
    if (!dispatcher_.ExecuteWhileBusy(commands::CmdArgs(batch_[i].argv), client_, writer_)) {
      return i;
    }
    ++i;
    if (client_.close_after_reply) {
      *next = Next::kCloseAfterWrite;
      return i;
    }
  }
  return i;
}

size_t RespSession::RunBatch(size_t count, Next* next) {
  using Mode = commands::ClientState::ReplyMode;
  size_t first = 0;
  commands::Dispatcher::EngineGuard lock;
  // The first wait gives up if a script turns busy meanwhile (a script may be starting on
  // another thread right now); the commands that need the lock even then (AUTH, HELLO...)
  // wait for it.
  for (bool unless_busy = true; !lock.owns_lock(); unless_busy = false) {
    // A script that is merely running is waited for behind the lock (LockUnlessBusy
    // gives up when it turns busy): a sleep here cost each batch that met a short script
    // on another thread a 200 µs stall.
    if (server_.script_run().busy.load(std::memory_order_acquire)) {
      first = RunWhileScriptRuns(first, count, next);
      if (first == count || *next != Next::kRead) return first;
    }
    if (EngineLock::LentHere()) {  // the lock is the busy script's, on this very thread
      *next = Next::kAfterScript;
      return first;
    }
    lock = dispatcher_.LockBatch(
        [this](size_t i) -> const std::vector<std::string_view>& { return batch_[i].argv; }, count,
        client_, unless_busy);
  }
  // Still under the lock, however the batch ends (Redis's beforeSleep).
  struct BatchEnd {
    commands::Dispatcher& dispatcher;
    ~BatchEnd() { dispatcher.EndBatch(); }
  } batch_end{dispatcher_};
  if (!registered_ && Register() != Next::kRead) {
    *next = Next::kCloseAfterWrite;
    return first;
  }
  const int64_t slice_end_us = dispatcher_.now_us() + kSliceUs;
  size_t ran = first;
  if (client_.take_pushes) client_.take_pushes();  // what was sent to us before this batch
  SendServedReply();  // before anything that follows the blocked command
  if (server_.blocking().IsBlocked(&client_)) {
    *next = Next::kBlocked;  // still waiting: what follows runs once it is served
    return first;
  }
  for (; ran < count; ++ran) {
    commands::CmdArgs argv(batch_[ran].argv);
    if (client_.killed) {
      *next = Next::kClose;
      break;
    }
    if (IsCrossProtocolAttack(argv[0])) {
      // As Redis: an HTTP request sent to us is likely a cross-protocol attack; drop it.
      Log(LogLevel::kWarning,
          "Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: "
          "commands to Redis. This is likely due to an attacker attempting to use Cross "
          "Protocol Scripting to compromise your Redis instance. Connection aborted.");
      *next = Next::kClose;
      break;
    }
    if (server_.pause_until_ms != 0 && dispatcher_.PausedFor(argv)) {
      server_.blocking().HoldForPause(&client_);  // CLIENT UNPAUSE wakes us
      *next = Next::kPaused;
      break;
    }
    if (ran > 0 && dispatcher_.now_us() >= slice_end_us) {
      *next = Next::kYield;
      break;
    }
    if (client_.reply_mode == Mode::kSkipNext) client_.reply_mode = Mode::kSkipThis;
    size_t mark = out_.queued().size();
    dispatcher_.Execute(argv, client_, writer_, &writer_);
    // As Redis decides per reply: CLIENT REPLY ON sends its +OK even under OFF or SKIP,
    // because it switches replies back on before replying.
    if (client_.reply_mode == Mode::kOff || client_.reply_mode == Mode::kSkipThis) {
      out_.queued().resize(mark);
    }
    if (client_.reply_mode == Mode::kSkipThis) client_.reply_mode = Mode::kOn;
    // Read after every command: a CONFIG SET in the batch replaces the configuration.
    if (CheckOutputLimits(server_.config(), dispatcher_.now_us() / 1000)) {
      *next = Next::kClose;
      ++ran;
      break;
    }
    if (client_.close_after_reply) {
      *next = Next::kCloseAfterWrite;
      ++ran;
      break;
    }
    if (server_.blocking().IsBlocked(&client_)) {
      *next = Next::kBlocked;
      ++ran;
      break;
    }
  }
  return ran;
}

// Called under the engine lock.
bool RespSession::CheckOutputLimits(const Config& config, int64_t now_ms) {
  bool over = false;
  // Only replies not yet handed to the socket: the previous batch's may be on their way.
  if (!client_.authenticated && out_.queued().size() > kUnauthenticatedOutputBytes) {
    over = true;
  } else {
    over = out_.OverLimit(client_.pubsub ? config.obuf_pubsub : config.obuf_normal, now_ms);
  }
  if (!over) return false;
  Log(LogLevel::kWarning,
      "Client addr=" + client_.addr +
          " scheduled to be closed ASAP for overcoming of output buffer limits.");
  ++server_.stats().client_output_limit_disconnections;
  return true;
}

void RespSession::Unblocked() {
  auto lock = dispatcher_.LockEngine();
  if (server_.blocking().IsBlocked(&client_) && client_.block_deadline_ms != 0 &&
      engine::WallClockMs() >= client_.block_deadline_ms) {
    server_.blocking().Forget(&client_);
    writer_.SendNullArray();  // Redis's reply to a blocked list or zset command timing out
  }
  SendServedReply();
}

void RespSession::SendServedReply() {
  if (!client_.served_reply) return;
  client_.served_reply->Replay(writer_);
  client_.served_reply.reset();
}

// On the connection's thread, without the engine lock: the limits come from the
// connection's configuration snapshot, and what decides the client's class (pubsub,
// authenticated) is changed only by its own commands, on this thread. The lock is taken
// only to count a disconnection.
bool RespSession::OutputOverLimit(int64_t now_ms) {
  server_.RefreshConfigSnapshot(&config_);
  const Config& config = *config_;
  bool over = false;
  if (!client_.authenticated && out_.queued().size() > kUnauthenticatedOutputBytes) {
    over = true;
  } else {
    over = out_.OverLimit(client_.pubsub ? config.obuf_pubsub : config.obuf_normal, now_ms);
  }
  if (!over) return false;
  Log(LogLevel::kWarning,
      "Client addr=" + client_.addr +
          " scheduled to be closed ASAP for overcoming of output buffer limits.");
  auto lock = dispatcher_.LockEngine();
  ++server_.stats().client_output_limit_disconnections;
  return true;
}

}  // namespace tandem::net
