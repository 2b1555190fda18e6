#include "server/net/connection.h"

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "server/engine/db_set.h"
#include "server/log.h"
#include "server/net/memcache_session.h"
#include "server/net/resp_session.h"

namespace tandem::net {
namespace {

// Stop reading while this much output waits, so a client that never reads cannot make
// us buffer without bound (the output buffer limits act on top of this).
constexpr size_t kReadPauseOutputBytes = 4 * 1024 * 1024;
// The longest a round of batches keeps the engine lock (FlushDeferredReads).
constexpr int64_t kRoundUs = 1000;

// This io thread's connections whose replies wait for the end of the loop's current round
// (Connection::DeferWrite).
thread_local std::vector<std::shared_ptr<Connection>> deferred_writes;
// Those whose reads wait for the same (Connection::TryRead).
thread_local std::vector<std::shared_ptr<Connection>> deferred_reads;

}  // namespace

std::string FormatAddress(const std::string& ip, unsigned short port) {
  if (ip.find(':') != std::string::npos) return "[" + ip + "]:" + std::to_string(port);
  return ip + ":" + std::to_string(port);
}

Connection::Connection(EventLoop& loop, int fd, commands::ServerState& server,
                       commands::Dispatcher& dispatcher, Protocol protocol)
    : loop_(loop),
      fd_(fd),
      server_(server),
      session_(protocol == Protocol::kMemcache
                   ? std::unique_ptr<Session>(
                         std::make_unique<MemcacheSession>(server, dispatcher, in_, out_))
                   : std::make_unique<RespSession>(server, dispatcher, in_, out_)),
      pause_timer_(loop),
      block_timer_(loop),
      cleanup_timer_(loop) {}

Connection::~Connection() {
  if (fd_ >= 0) close(fd_);  // never started (the loop stopped first)
}

void Connection::Start(std::string addr, std::string laddr, bool unix_socket) {
  commands::ClientState& client = session_->client();
  client.addr = std::move(addr);
  client.laddr = std::move(laddr);
  client.unix_socket = unix_socket;
  client.fd = fd_;
  fcntl(fd_, F_SETFL, fcntl(fd_, F_GETFL) | O_NONBLOCK);
  std::weak_ptr<Connection> weak = weak_from_this();
  client.kill = [weak, &loop = loop_] {
    loop.Post([weak] {
      if (auto self = weak.lock()) self->Close();
    });
  };
  client.push = [weak, mailbox = mailbox_, &loop = loop_](std::vector<protocol::PushPtr>& pushes) {
    bool first;
    {
      std::lock_guard<std::mutex> guard(mailbox->mu);
      first = mailbox->items.empty();
      if (first) {
        mailbox->items.swap(pushes);  // the empty mailbox's capacity goes back to the outbox
      } else {
        mailbox->items.insert(mailbox->items.end(), std::make_move_iterator(pushes.begin()),
                              std::make_move_iterator(pushes.end()));
      }
    }
    if (!first) return;  // a drain is already on its way
    loop.Post([weak] {
      if (auto self = weak.lock()) self->DrainPushes();
    });
  };
  client.take_pushes = [this] { TakePushes(/*in_batch=*/true); };
  client.wake = [weak, &loop = loop_] {
    loop.Post([weak] {
      if (auto self = weak.lock()) self->Resume();
    });
  };
  ready_token_ = loop_.Add(fd_, shared_from_this());
  if (ready_token_ < 0) {
    Log(LogLevel::kWarning, "Cannot watch client's socket for input: addr=" + client.addr);
    return Close();
  }
  if (session_->Open() == Session::Next::kCloseAfterWrite) {
    close_after_write_ = true;
    StartWrite();
    return;
  }
  ReadNow();
}

void Connection::ReadMore(bool drained) {
  if (running_) return Later([self = shared_from_this(), drained] { self->ReadMore(drained); });
  if (waiting_ || held_ || closed_ || close_after_write_) return;
  if (out_.pending() > kReadPauseOutputBytes) return;  // resumes after the write
  if (drained && !input_arrived_) return WaitReadable();
  TryRead();
}

// Only after a read found the socket empty: the poller calls OnReadable() when input comes.
void Connection::WaitReadable() {
  in_.ReleaseIfEmpty();
  ReportBuffers();
  waiting_ = true;
}

void Connection::OnEvents(uint32_t events) {
  if (send_blocked_ && (events & (EPOLLOUT | EPOLLHUP | EPOLLERR))) {
    send_blocked_ = false;
    SendSome();
  }
  if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) OnReadable(events);
}

void Connection::OnReadable(uint32_t events) {
  input_arrived_ = true;
  // After the peer's end of stream (or an error), a short read no longer means that more
  // will be announced: reading goes on until it returns the end or would block.
  if (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) peer_closed_ = true;
  if (!waiting_) return;  // the next ReadMore() reads it
  waiting_ = false;
  ReadMore();
}

void Connection::Later(std::function<void()> fn) { after_run_.push_back(std::move(fn)); }

// Reads what the socket has, as much as the protocol asks for at once, so requests are cut
// where Redis's and memcached's reads cut them (the inline and query-buffer limits depend
// on it). The read joins this thread's batch (FlushDeferredReads), posted behind the
// handlers and tasks already queued: the connections a poll reported ready are read with
// one system call.
void Connection::TryRead() {
  if (read_deferred_) return;  // already in the batch
  read_deferred_ = true;
  const bool first = deferred_reads.empty();
  deferred_reads.push_back(shared_from_this());
  if (first) loop_.Post([] { FlushDeferredReads(); });
}

// All the batch's reads land in their buffers before any connection runs: a busy script
// run by one serves the loop (EngineLock::LendToLoop), which may run another's commands.
void Connection::FlushDeferredReads() {
  std::vector<std::shared_ptr<Connection>> batch;
  batch.swap(deferred_reads);
  std::vector<Connection*> readers;
  std::vector<EventLoop::IoOp> ops;
  for (auto& c : batch) {
    if (c->running_) {  // its session's arguments point into its input
      c->read_deferred_ = false;
      c->Later([c] { c->ReadMore(); });
    } else if (c->waiting_ || c->held_ || c->closed_ || c->close_after_write_) {
      c->read_deferred_ = false;
    } else {
      std::span<char> room = c->in_.PrepareRead(c->session_->ReadLimit());
      ops.push_back({c->fd_, room.data(), room.size()});
      readers.push_back(c.get());
    }
  }
  if (readers.empty()) return;
  readers.front()->loop_.RecvAll(ops);
  // All leave the batch with their input in, and those that read nothing wait for more,
  // before any runs: a busy script's loop may read them again.
  for (size_t i = 0; i < readers.size(); ++i) {
    readers[i]->read_deferred_ = false;
    if (ops[i].result > 0) readers[i]->in_.CommitRead(static_cast<size_t>(ops[i].result));
  }
  size_t with_input = 0;
  for (size_t i = 0; i < readers.size(); ++i) {
    if (ops[i].result > 0) {
      ++with_input;
    } else {
      readers[i]->TookRead(ops[i].result, ops[i].size);
    }
  }
  if (with_input == 0) return;
  // Two or more connections to run: their batches run in one round of the engine lock
  // (EngineLock::BeginRound), given back after kRoundUs so that other threads' clients, the
  // cron and SIGTERM wait no longer than behind one long batch. Not while a script is busy
  // (LockUnlessBusy gives no lock): each connection then answers on its own.
  commands::ServerState& server = readers.front()->server_;
  commands::Dispatcher::EngineGuard round;
  if (with_input >= 2 && !EngineLock::InRound()) {
    round = server.dispatcher->LockUnlessBusy();
    if (round.owns_lock()) round.mutex()->BeginRound();
  }
  const int64_t round_end_us = round.owns_lock() ? engine::WallClockUs() + kRoundUs : 0;
  for (size_t i = 0; i < readers.size(); ++i) {
    if (ops[i].result <= 0) continue;
    readers[i]->TookRead(ops[i].result, ops[i].size);
    if (round.owns_lock() && server.dispatcher->now_us() >= round_end_us) {
      round.mutex()->EndRound();
      round.unlock();
    }
  }
  if (round.owns_lock()) round.mutex()->EndRound();
}

void Connection::ReadNow() {
  std::span<char> room = in_.PrepareRead(session_->ReadLimit());
  EventLoop::IoOp op{fd_, room.data(), room.size()};
  loop_.RecvAll({&op, 1});
  if (op.result > 0) in_.CommitRead(static_cast<size_t>(op.result));
  TookRead(op.result, op.size);
}

void Connection::TookRead(ssize_t result, size_t room) {
  if (closed_) return;
  if (result == -EAGAIN || result == -EWOULDBLOCK) {
    input_arrived_ = false;
    return WaitReadable();
  }
  if (result == -EINTR) return TryRead();
  if (result <= 0) return Close();  // end of stream included
  const size_t n = static_cast<size_t>(result);
  if (n < room && !peer_closed_) input_arrived_ = false;
  AfterRead(n, n == room);
}

void Connection::AfterRead(size_t n, bool filled) {
  server_.stats().net_input_bytes += n;
  Run();
  if (closed_) return;
  server_.RefreshConfigSnapshot(&config_);
  if (in_.size() > config_->client_query_buffer_limit) {
    Log(LogLevel::kWarning,
        "Closing client that reached max query buffer length: addr=" + session_->client().addr);
    {
      auto lock = std::lock_guard(server_.engine_mutex());
      ++server_.stats().client_query_limit_disconnections;
    }
    return Close();
  }
  if (!filled) {
    // With the replies' write deferred (DeferWrite), reading goes on after it: an end of
    // stream read before it would close the connection with the replies unsent.
    if (write_deferred_) {
      wait_after_write_ = true;
    } else {
      ReadMore(/*drained=*/true);
    }
  } else {
    // More may be waiting: read it after the loop's other work, not recursively.
    loop_.Post([self = shared_from_this()] { self->ReadMore(); });
  }
}

void Connection::Run() {
  running_ = true;
  const Session::Next next = session_->Process();
  running_ = false;
  // What came for this connection while a busy script it runs served the loop.
  for (auto& fn : after_run_) loop_.Post(std::move(fn));
  after_run_.clear();
  switch (next) {
    case Session::Next::kRead:
      held_ = false;
      break;
    case Session::Next::kYield:
      held_ = true;
      loop_.Post([self = shared_from_this()] { self->Resume(); });
      break;
    case Session::Next::kPaused:
      held_ = true;
      SchedulePauseRetry();
      break;
    case Session::Next::kAfterScript:
      held_ = true;
      RetryAfterScript();
      break;
    case Session::Next::kBlocked:
      held_ = false;
      blocked_ = true;
      ScheduleBlockTimeout();
      break;
    case Session::Next::kCloseAfterWrite:
      close_after_write_ = true;
      break;
    case Session::Next::kClose:
      out_.Clear();
      return Close();
  }
  in_.ReleaseIfEmpty();
  DeferWrite();
  ReportBuffers();
}

void Connection::DeferWrite() {
  if (writing_ || out_.pending() == 0) return StartWrite();
  const bool first = deferred_writes.empty();
  write_deferred_ = true;
  deferred_writes.push_back(shared_from_this());
  if (!first) return;
  // Posted behind the read handlers already queued on this loop: it runs once they ran.
  loop_.Post([] { FlushDeferredWrites(); });
}

// The writes that can start go out together (EventLoop::SendAll); what one leaves unsent
// goes on by itself.
void Connection::FlushDeferredWrites() {
  std::vector<std::shared_ptr<Connection>> batch;
  batch.swap(deferred_writes);
  std::vector<Connection*> senders;
  std::vector<EventLoop::IoOp> ops;
  for (auto& c : batch) {
    c->write_deferred_ = false;
    if (!c->BeginWrite()) continue;
    std::string_view bytes = c->out_.sending_bytes();
    ops.push_back({c->fd_, const_cast<char*>(bytes.data()), bytes.size()});
    senders.push_back(c.get());
  }
  if (!senders.empty()) senders.front()->loop_.SendAll(ops);
  for (size_t i = 0; i < senders.size(); ++i) {
    if (senders[i]->TookSend(ops[i].result)) senders[i]->SendSome();
  }
  for (auto& c : batch) {
    if (std::exchange(c->wait_after_write_, false)) c->ReadMore(/*drained=*/true);
  }
}

void Connection::Resume() {
  if (running_) return Later([self = shared_from_this()] { self->Resume(); });
  if (closed_ || (!held_ && !blocked_)) return;
  if (blocked_) {
    blocked_ = false;
    block_timer_.Cancel();
    session_->Unblocked();
  }
  Run();
  ReadMore();
}

// Waits for the pause to end by itself; CLIENT UNPAUSE wakes us sooner through the
// blocking registry. No polling either way.
void Connection::SchedulePauseRetry() {
  int64_t deadline_ms;
  {
    auto lock = std::lock_guard(server_.engine_mutex());
    deadline_ms = server_.pause_until_ms;
  }
  int64_t wait_ms = std::max<int64_t>(1, deadline_ms - engine::WallClockMs());
  pause_timer_.Start(wait_ms, [self = shared_from_this()] { self->Resume(); });
}

// Served from inside a busy script, the session waits for the lock: tries again every 10 ms
// (answering what it can without the lock meanwhile), so once the script ends it runs.
void Connection::RetryAfterScript() {
  pause_timer_.Start(10, [self = shared_from_this()] { self->Resume(); });
}

// A blocked command's deadline (set under the engine lock by this thread's own command).
void Connection::ScheduleBlockTimeout() {
  int64_t deadline_ms = session_->client().block_deadline_ms;
  if (deadline_ms == 0) return;
  int64_t wait_ms = std::max<int64_t>(0, deadline_ms - engine::WallClockMs());
  block_timer_.Start(wait_ms, [self = shared_from_this()] {
    if (!self->closed_) self->Resume();
  });
}

void Connection::StartWrite() {
  if (BeginWrite()) SendSome();
}

bool Connection::BeginWrite() {
  if (closed_ || writing_ || running_) return false;  // a running session's Run() writes after it
  if (out_.pending() == 0) {
    if (close_after_write_) Close();
    return false;
  }
  writing_ = true;
  out_.BeginSend();
  sent_ = 0;
  return true;
}

void Connection::SendSome() {
  if (closed_) return;
  for (;;) {
    std::string_view rest = out_.sending_bytes().substr(sent_);
    EventLoop::IoOp op{fd_, const_cast<char*>(rest.data()), rest.size()};
    loop_.SendAll({&op, 1});
    if (!TookSend(op.result)) return;
  }
}

// The completion is posted, not run here: StartWrite()'s callers go on after it (a deferred
// write's reading, for one) before the write's consequences.
bool Connection::TookSend(ssize_t result) {
  if (result > 0) {
    sent_ += static_cast<size_t>(result);
    if (sent_ < out_.sending_bytes().size()) return true;
  } else if (result == -EINTR) {
    return true;
  } else if (result == -EAGAIN || result == -EWOULDBLOCK) {
    send_blocked_ = true;  // OnEvents() goes on when the socket has room
    return false;
  }
  const bool ok = result > 0;
  loop_.Post([self = shared_from_this(), ok] { self->OnWritten(ok, self->sent_); });
  return false;
}

void Connection::OnWritten(bool ok, size_t n) {
  if (running_) return Later([self = shared_from_this(), ok, n] { self->OnWritten(ok, n); });
  writing_ = false;
  if (closed_) return;
  if (!ok) return Close();
  server_.stats().net_output_bytes += n;
  out_.EndSend();
  if (out_.pending() > 0) {
    StartWrite();
  } else if (close_after_write_) {
    return Close();
  }
  ReportBuffers();
  ReadMore();
}

void Connection::DrainPushes() {
  if (running_) return Later([self = shared_from_this()] { self->DrainPushes(); });
  if (!TakePushes(/*in_batch=*/false)) return Close();
  if (closed_) return;
  // Joins the round's writes: a publisher's reply, deferred before the messages it fanned
  // out to this loop's subscribers, goes first in the batch.
  DeferWrite();
  ReportBuffers();
}

bool Connection::TakePushes(bool in_batch) {
  {
    std::lock_guard<std::mutex> guard(mailbox_->mu);
    draining_.swap(mailbox_->items);
  }
  // What is staged for us and not handed over yet is newer than the mailbox's.
  if (in_batch) server_.outbox().TakeFor(&session_->client(), &draining_);
  const bool check_limit = !in_batch;
  if (closed_) {
    draining_.clear();
    return true;
  }
  // The protocol is changed only by this connection's own commands (HELLO), on this thread.
  const int resp = session_->client().resp;
  const int64_t now_ms = check_limit ? engine::WallClockMs() : 0;
  std::string& out = out_.queued();
  for (const auto& push : draining_) {
    push->AppendEncoded(&out, resp);
    // Checked per push: a subscriber far behind is cut off at its limit, not after taking
    // in everything that waited for it.
    if (check_limit && session_->OutputOverLimit(now_ms)) {
      draining_.clear();
      return false;
    }
  }
  draining_.clear();
  return true;
}

void Connection::ReportBuffers() {
  size_t bytes = in_.capacity() + out_.capacity();
  commands::ClientState& client = session_->client();
  client.query_buf.store(in_.size(), std::memory_order_relaxed);
  client.query_buf_free.store(in_.free_space(), std::memory_order_relaxed);
  client.output_bytes.store(out_.pending(), std::memory_order_relaxed);
  if (bytes == reported_buffer_bytes_) return;  // the shared counter is touched on change only
  server_.client_buffer_bytes.fetch_add(bytes - reported_buffer_bytes_, std::memory_order_relaxed);
  reported_buffer_bytes_ = bytes;
}

void Connection::Close() {
  if (running_) return Later([self = shared_from_this()] { self->Close(); });
  if (closed_) return;
  closed_ = true;
  auto self = shared_from_this();  // the poller may hold the last reference
  server_.client_buffer_bytes.fetch_sub(std::exchange(reported_buffer_bytes_, 0),
                                        std::memory_order_relaxed);
  if (!session_->Closed()) RetryClosed();  // a busy script: the loop goes on meanwhile
  pause_timer_.Cancel();
  block_timer_.Cancel();
  send_blocked_ = false;
  loop_.Remove(std::exchange(ready_token_, -1), fd_);
  shutdown(fd_, SHUT_RDWR);
  close(std::exchange(fd_, -1));
}

void Connection::RetryClosed() {
  cleanup_timer_.Start(10, [self = shared_from_this()] {
    if (!self->session_->Closed()) self->RetryClosed();
  });
}

}  // namespace tandem::net
