#include "server/net/connection.h"

#include <algorithm>
#include <asio/post.hpp>
#include <asio/write.hpp>

#include "protocol/errors.h"
#include "server/engine/ascii.h"
#include "server/engine/db_set.h"
#include "server/log.h"

namespace tandem::net {
namespace {

constexpr size_t kInitialReadBuffer = 16 * 1024;
constexpr size_t kMinReadRoom = 4 * 1024;
constexpr size_t kReadChunk = 16 * 1024;
constexpr size_t kKeepWriteBuffer = 16 * 1024;
constexpr size_t kInlineLimit = 64 * 1024;
// Stop reading while this much output waits, so a client that never reads cannot make
// us buffer without bound (the output buffer limits act on top of this).
constexpr size_t kReadPauseOutputBytes = 4 * 1024 * 1024;

bool IsCrossProtocolAttack(std::string_view name) {
  return engine::EqualsIgnoreCase(name, "post") || engine::EqualsIgnoreCase(name, "host:");
}

}  // namespace

std::string FormatAddress(const std::string& ip, unsigned short port) {
  if (ip.find(':') != std::string::npos) return "[" + ip + "]:" + std::to_string(port);
  return ip + ":" + std::to_string(port);
}

Connection::Connection(asio::io_context& ctx, Socket socket, commands::ServerState& server,
                       commands::Dispatcher& dispatcher)
    : ctx_(ctx),
      socket_(std::move(socket)),
      server_(server),
      dispatcher_(dispatcher),
      rbuf_(kInitialReadBuffer),
      writer_(&out_),
      pause_timer_(ctx) {}

Connection::~Connection() = default;

void Connection::Start(std::string addr, std::string laddr, bool unix_socket) {
  client_.addr = std::move(addr);
  client_.laddr = std::move(laddr);
  client_.unix_socket = unix_socket;
  client_.fd = socket_.native_handle();
  std::weak_ptr<Connection> weak = weak_from_this();
  client_.kill = [weak, &ctx = ctx_] {
    asio::post(ctx, [weak] {
      if (auto self = weak.lock()) self->Close();
    });
  };
  client_.push = [weak, &ctx = ctx_](std::string bytes) {
    asio::post(ctx, [weak, bytes = std::move(bytes)] {
      auto self = weak.lock();
      if (!self || self->closed_) return;
      self->out_ += bytes;
      self->StartWrite();
    });
  };
  {
    std::lock_guard lock(server_.engine_mutex());
    const Config& config = server_.config();
    client_.id = server_.NextClientId();
    client_.created_ms = engine::WallClockMs();
    client_.last_interaction_ms = client_.created_ms;
    client_.authenticated = config.requirepass.empty();
    ++server_.stats().total_connections_received;
    if (server_.clients().size() >= static_cast<size_t>(config.maxclients)) {
      ++server_.stats().rejected_connections;
      writer_.SendError(protocol::kErrMaxClients);
      close_after_write_ = true;
      client_.id = 0;
    } else {
      server_.clients().emplace(client_.id, &client_);
    }
  }
  if (close_after_write_) {
    StartWrite();
    return;
  }
  ReadMore();
}

void Connection::ReadMore() {
  if (reading_ || closed_ || close_after_write_) return;
  if (out_.size() + sending_.size() > kReadPauseOutputBytes) return;  // resumes after write
  if (rbuf_.size() - rend_ < kMinReadRoom) {
    if (rstart_ > 0) {
      std::memmove(rbuf_.data(), rbuf_.data() + rstart_, rend_ - rstart_);
      rend_ -= rstart_;
      rstart_ = 0;
    }
    if (rbuf_.size() - rend_ < kMinReadRoom) rbuf_.resize(rbuf_.size() * 2);
  }
  // Like Redis, read at most 16 KB while the pending request is small, so the 64 KB
  // "too big inline/count" limits trigger at the same point; big bulk payloads read freely.
  size_t room = rbuf_.size() - rend_;
  if (rend_ - rstart_ < kInlineLimit) room = std::min(room, kReadChunk);
  reading_ = true;
  socket_.async_read_some(
      asio::buffer(rbuf_.data() + rend_, room),
      [self = shared_from_this()](const asio::error_code& ec, size_t n) { self->OnRead(ec, n); });
}

void Connection::OnRead(const asio::error_code& ec, size_t n) {
  reading_ = false;
  if (closed_) return;
  if (ec) {
    Close();
    return;
  }
  server_.stats().net_input_bytes += n;
  rend_ += n;
  ProcessInput();
  if (closed_) return;
  if (rend_ - rstart_ > server_.config().client_query_buffer_limit) {
    Log(LogLevel::kWarning, "Closing client that reached max query buffer length: addr=" +
                                client_.addr);
    Close();
    return;
  }
  StartWrite();
  ReadMore();
}

void Connection::ProcessInput() {
  while (rstart_ < rend_ && !closed_ && !close_after_write_) {
    protocol::ParserLimits limits;
    limits.proto_max_bulk_len = server_.config().proto_max_bulk_len;
    limits.authenticated = client_.authenticated;
    // An unauthenticated client runs one command at a time: AUTH changes the limits
    // that apply to the next command.
    size_t max_batch = client_.authenticated ? SIZE_MAX : 1;
    size_t count = 0;
    size_t pos = rstart_;
    std::string error;
    while (pos < rend_ && count < max_batch) {
      if (batch_.size() == count) {
        batch_.emplace_back();
        batch_ends_.push_back(0);
      }
      protocol::ParsedCommand& cmd = batch_[count];
      cmd.Clear();
      size_t consumed = 0;
      auto status = parser_.Parse({rbuf_.data() + pos, rend_ - pos}, &consumed, &cmd, limits);
      if (status == protocol::RespParser::Status::kNeedMore) break;
      if (status == protocol::RespParser::Status::kError) {
        error = parser_.error();
        break;
      }
      pos += consumed;
      if (cmd.argv.empty()) {
        if (count == 0) rstart_ = pos;  // skip empty lines and "*0" with nothing before
        continue;
      }
      batch_ends_[count++] = pos;
    }
    size_t ran = count > 0 ? ExecuteBatch(count) : 0;
    if (closed_after_attack_) {
      Close();
      return;
    }
    if (ran < count) {  // paused or closing: keep the rest for later
      if (ran > 0) rstart_ = batch_ends_[ran - 1];
      return;
    }
    rstart_ = pos;
    if (!error.empty()) {
      ProtocolError(error);
      return;
    }
    if (count < max_batch) break;  // need more input
  }
  // A read may be in flight (a paused batch resumed from the timer): it writes at rend_.
  if (rstart_ == rend_ && !reading_) rstart_ = rend_ = 0;
}

size_t Connection::ExecuteBatch(size_t count) {
  using Mode = commands::ClientState::ReplyMode;
  size_t ran = 0;
  std::lock_guard lock(server_.engine_mutex());
  dispatcher_.BeginBatch();
  if (count > 1) {
    for (int phase = 0; phase < 2; ++phase) {
      for (size_t i = 0; i < count; ++i) {
        dispatcher_.PrefetchKey(commands::CmdArgs(batch_[i].argv), client_, phase);
      }
    }
  }
  for (; ran < count; ++ran) {
    commands::CmdArgs argv(batch_[ran].argv);
    if (IsCrossProtocolAttack(argv[0])) {
      // As Redis: an HTTP request sent to us is likely a cross-protocol attack; drop it.
      Log(LogLevel::kWarning,
          "Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: "
          "commands to Redis. This is likely due to an attacker attempting to use Cross "
          "Protocol Scripting to compromise your Redis instance. Connection aborted.");
      closed_after_attack_ = true;
      break;
    }
    if (server_.pause_until_ms != 0 && dispatcher_.PausedFor(argv)) {
      SchedulePauseRetry();
      break;
    }
    if (client_.reply_mode == Mode::kSkipNext) client_.reply_mode = Mode::kSkipThis;
    size_t mark = out_.size();
    dispatcher_.Execute(argv, client_, writer_, &writer_);
    // As Redis decides per reply: CLIENT REPLY ON sends its +OK even under OFF or SKIP,
    // because it switches replies back on before replying.
    if (client_.reply_mode == Mode::kOff || client_.reply_mode == Mode::kSkipThis) {
      out_.resize(mark);
    }
    if (client_.reply_mode == Mode::kSkipThis) client_.reply_mode = Mode::kOn;
    if (client_.close_after_reply) {
      close_after_write_ = true;
      ++ran;
      break;
    }
  }
  client_.query_buf = rend_ - rstart_;
  client_.query_buf_free = rbuf_.size() - rend_;
  client_.output_bytes = out_.size() + sending_.size();
  ReportBufferBytes(rbuf_.capacity() + out_.capacity() + sending_.capacity());
  return ran;
}

// Keeps ServerState::client_buffer_bytes (INFO mem_clients_normal, maxmemory) at the sum of
// every connection's buffers: each adds the change since its last report.
void Connection::ReportBufferBytes(size_t bytes) {
  server_.client_buffer_bytes.fetch_add(bytes - reported_buffer_bytes_, std::memory_order_relaxed);
  reported_buffer_bytes_ = bytes;
}

void Connection::SchedulePauseRetry() {
  int64_t wait_ms = std::max<int64_t>(1, server_.pause_until_ms - engine::WallClockMs());
  pause_timer_.expires_after(std::chrono::milliseconds(std::min<int64_t>(wait_ms, 100)));
  pause_timer_.async_wait([self = shared_from_this()](const asio::error_code& ec) {
    if (ec || self->closed_) return;
    self->ProcessInput();
    self->StartWrite();
    self->ReadMore();
  });
}

void Connection::ProtocolError(const std::string& error) {
  Log(LogLevel::kVerbose, "Protocol error (" + error + ") from client: addr=" + client_.addr);
  writer_.SendError(error);
  close_after_write_ = true;
  rstart_ = rend_ = 0;
}

bool Connection::OverOutputLimit() {
  if (client_.monitor) return false;
  const OutputBufferLimit& l = server_.config().obuf_normal;
  size_t pending = out_.size() + sending_.size();
  if (l.hard > 0 && pending >= l.hard) return true;
  if (l.soft > 0 && pending >= l.soft) {
    int64_t now = engine::WallClockMs();
    if (soft_limit_since_ms_ == 0) soft_limit_since_ms_ = now;
    return now - soft_limit_since_ms_ > l.soft_seconds * 1000;
  }
  soft_limit_since_ms_ = 0;
  return false;
}

void Connection::StartWrite() {
  if (closed_ || writing_) return;
  if (out_.empty()) {
    if (close_after_write_) Close();
    return;
  }
  if (OverOutputLimit()) {
    Log(LogLevel::kWarning, "Client addr=" + client_.addr +
                                " scheduled to be closed ASAP for overcoming of output buffer limits.");
    {
      std::lock_guard lock(server_.engine_mutex());
      ++server_.stats().client_output_limit_disconnections;
    }
    out_.clear();
    Close();
    return;
  }
  sending_.swap(out_);
  out_.clear();
  writing_ = true;
  asio::async_write(socket_, asio::buffer(sending_),
                    [self = shared_from_this()](const asio::error_code& ec, size_t n) {
                      self->OnWritten(ec, n);
                    });
}

void Connection::OnWritten(const asio::error_code& ec, size_t n) {
  writing_ = false;
  if (closed_) return;
  if (ec) {
    Close();
    return;
  }
  server_.stats().net_output_bytes += n;
  sending_.clear();
  // A big reply's buffer goes back once written, so idle connections stay small.
  if (sending_.capacity() > kKeepWriteBuffer) std::string().swap(sending_);
  if (!out_.empty()) {
    StartWrite();
  } else if (close_after_write_) {
    Close();
    return;
  }
  ReadMore();
}

void Connection::Unregister() {
  ReportBufferBytes(0);
  std::lock_guard lock(server_.engine_mutex());
  if (client_.id != 0) server_.clients().erase(client_.id);
  auto& monitors = server_.monitors();
  monitors.erase(std::remove(monitors.begin(), monitors.end(), &client_), monitors.end());
  client_.id = 0;
}

void Connection::Close() {
  if (closed_) return;
  closed_ = true;
  Unregister();
  pause_timer_.cancel();
  asio::error_code ignored;
  socket_.shutdown(asio::socket_base::shutdown_both, ignored);
  socket_.close(ignored);
}

}  // namespace tandem::net
