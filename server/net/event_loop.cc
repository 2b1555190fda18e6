#include "server/net/event_loop.h"

#include <liburing.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <utility>

namespace tandem::net {
namespace {

constexpr uint64_t kWakeToken = ~uint64_t{0};
constexpr int kEventsPerRound = 256;
// A round's bounds on its tasks, so that tasks that keep posting more (a client whose
// input fills every read) do not keep the loop from polling the others' news.
constexpr int kPassesPerRound = 8;
constexpr size_t kTasksPerRound = 4096;
// Submission queue entries: a batch larger than this goes in several calls.
constexpr unsigned kRingEntries = 256;

// The loop whose Run() this thread is in.
thread_local EventLoop* t_current = nullptr;

int64_t NowNs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000 + ts.tv_nsec;
}

}  // namespace

void EventLoop::Timer::Start(int64_t delay_ms, Task task) {
  Cancel();
  at_ = loop_.timers_.emplace(NowNs() + std::max<int64_t>(0, delay_ms) * 1000000,
                              std::make_pair(this, std::move(task)));
  armed_ = true;
}

void EventLoop::Timer::Cancel() {
  if (!armed_) return;
  armed_ = false;
  Task dropped = std::move(at_->second.second);
  loop_.timers_.erase(at_);
}  // `dropped` may hold the timer's owner: destroyed once the map no longer refers to it

EventLoop::EventLoop(bool batch_in_one_call)
    : epfd_(epoll_create1(EPOLL_CLOEXEC)),
      wake_fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)),
      ring_tried_(!batch_in_one_call) {
  if (epfd_ < 0 || wake_fd_ < 0) return;  // Add() then refuses every descriptor
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLET;
  ev.data.u64 = kWakeToken;
  epoll_ctl(epfd_, EPOLL_CTL_ADD, wake_fd_, &ev);
}

EventLoop::~EventLoop() {
  // What is left holds connections, whose destruction may cancel their timers: the timers
  // are disarmed first, and every task is destroyed outside the containers.
  std::vector<Task> left;
  for (auto& [deadline, entry] : timers_) {
    entry.first->armed_ = false;
    left.push_back(std::move(entry.second));
  }
  timers_.clear();
  for (auto& t : tasks_) left.push_back(std::move(t));
  tasks_.clear();
  {
    std::lock_guard lock(remote_mu_);
    for (auto& t : remote_) left.push_back(std::move(t));
    remote_.clear();
  }
  left.clear();
  std::vector<std::shared_ptr<Handler>> handlers;
  handlers.swap(slots_);
  handlers.clear();
  if (ring_) io_uring_queue_exit(ring_.get());
  if (wake_fd_ >= 0) close(wake_fd_);
  if (epfd_ >= 0) close(epfd_);
}

void EventLoop::Post(Task task) {
  if (t_current == this) {
    tasks_.push_back(std::move(task));
    return;
  }
  {
    std::lock_guard lock(remote_mu_);
    remote_.push_back(std::move(task));
  }
  // Ordered after the push (seq_cst): the loop either finds the task before it sleeps or
  // had announced its sleep before the push, and then this write wakes it.
  if (sleeping_.exchange(false)) Wake();
}

void EventLoop::Wake() {
  const uint64_t one = 1;
  [[maybe_unused]] ssize_t n = write(wake_fd_, &one, sizeof(one));
}

void EventLoop::Run() {
  EventLoop* outer = std::exchange(t_current, this);
  while (!stop_.load(std::memory_order_acquire)) Round(/*may_sleep=*/true, -1);
  t_current = outer;
}

void EventLoop::Stop() {
  stop_.store(true, std::memory_order_release);
  Wake();
}

void EventLoop::Serve(int max_tasks) { Round(/*may_sleep=*/false, max_tasks); }

int64_t EventLoop::Add(int fd, std::shared_ptr<Handler> handler) {
  if (epfd_ < 0) return -1;
  uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  ev.data.u64 = slot;
  if (epoll_ctl(epfd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
    free_slots_.push_back(slot);
    return -1;
  }
  slots_[slot] = std::move(handler);
  return slot;
}

void EventLoop::Remove(int64_t token, int fd) {
  if (token < 0) return;
  epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, nullptr);
  // Reset before the slot is reused; the handler may be the caller's last reference.
  std::shared_ptr<Handler> gone = std::move(slots_[token]);
  free_slots_.push_back(static_cast<uint32_t>(token));
}

// Only a kernel whose io_uring sends and receives complete a would-block operation with
// -EAGAIN under MSG_DONTWAIT (5.12 and later: native workers) is used.
io_uring* EventLoop::Ring() {
  if (ring_tried_) return ring_.get();
  ring_tried_ = true;
  auto ring = std::make_unique<io_uring>();
  // Completions are reaped at once by the submitting thread: no task work to signal.
  if (io_uring_queue_init(kRingEntries, ring.get(),
                          IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_COOP_TASKRUN) != 0 &&
      io_uring_queue_init(kRingEntries, ring.get(), 0) != 0) {
    return nullptr;
  }
  io_uring_probe* probe = io_uring_get_probe_ring(ring.get());
  const bool usable = (ring->features & IORING_FEAT_NATIVE_WORKERS) && probe != nullptr &&
                      io_uring_opcode_supported(probe, IORING_OP_SEND) &&
                      io_uring_opcode_supported(probe, IORING_OP_RECV);
  if (probe != nullptr) io_uring_free_probe(probe);
  if (!usable) {
    io_uring_queue_exit(ring.get());
    return nullptr;
  }
  ring_ = std::move(ring);
  return ring_.get();
}

bool EventLoop::BatchesInOneCall() { return Ring() != nullptr; }

// MSG_DONTWAIT makes io_uring complete an operation that would block with -EAGAIN instead of
// waiting on it, so every operation completes within the submitting call.
void EventLoop::RunBatch(std::span<IoOp> ops, bool send) {
  io_uring* ring = ops.size() > 1 ? Ring() : nullptr;
  for (size_t start = 0; start < ops.size() && ring != nullptr; start += kRingEntries) {
    const size_t count = std::min<size_t>(kRingEntries, ops.size() - start);
    for (size_t i = start; i < start + count; ++i) {
      io_uring_sqe* sqe = io_uring_get_sqe(ring);
      if (send) {
        io_uring_prep_send(sqe, ops[i].fd, ops[i].data, ops[i].size, MSG_NOSIGNAL | MSG_DONTWAIT);
      } else {
        io_uring_prep_recv(sqe, ops[i].fd, ops[i].data, ops[i].size, MSG_DONTWAIT);
      }
      sqe->user_data = i;
    }
    const int submitted = io_uring_submit_and_wait(ring, static_cast<unsigned>(count));
    if (submitted < 0 && submitted != -EINTR) {
      // Nothing went in and the ring is unusable: this chunk and the rest go one by one.
      io_uring_queue_exit(ring);
      ring_.reset();
      ops = ops.subspan(start);
      break;
    }
    for (size_t reaped = 0; reaped < count;) {
      io_uring_cqe* cqe;
      if (io_uring_peek_cqe(ring, &cqe) != 0) {
        io_uring_submit_and_wait(ring, 1);  // what an interrupted call left (none completes later)
        continue;
      }
      ops[cqe->user_data].result = cqe->res;
      io_uring_cqe_seen(ring, cqe);
      ++reaped;
    }
    if (start + count == ops.size()) return;
  }
  for (IoOp& op : ops) {
    ssize_t n;
    do {
      n = send ? ::send(op.fd, op.data, op.size, MSG_NOSIGNAL | MSG_DONTWAIT)
               : ::recv(op.fd, op.data, op.size, MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    op.result = n < 0 ? -errno : n;
  }
}

bool EventLoop::TakeRemote() {
  {
    std::lock_guard lock(remote_mu_);
    if (remote_.empty()) return false;
    taking_.swap(remote_);
  }
  for (auto& t : taking_) tasks_.push_back(std::move(t));
  taking_.clear();
  return true;
}

int EventLoop::TimeoutMs() const {
  if (timers_.empty()) return -1;
  const int64_t wait_ns = timers_.begin()->first - NowNs();
  if (wait_ns <= 0) return 0;
  const int64_t wait_ms = (wait_ns + 999999) / 1000000;  // never wakes before the deadline
  return wait_ms > 1000000 ? 1000000 : static_cast<int>(wait_ms);
}

void EventLoop::FireTimers() {
  if (timers_.empty()) return;
  const int64_t now = NowNs();
  while (!timers_.empty() && timers_.begin()->first <= now) {
    auto it = timers_.begin();
    it->second.first->armed_ = false;
    Task task = std::move(it->second.second);
    timers_.erase(it);
    task();
  }
}

// A round: the queued tasks, in passes (a pass runs what was queued before it; what it
// posts waits for the next pass) until none is left or the round has run its share, then
// one poll, whose news becomes a task queued behind the rest, and the timers that are due.
// A task posted by a task thus runs before the news of any later poll, as in asio: a
// write's completion before the input its reply provoked (a client's end of stream, read
// before the completion, would close the connection with replies unsent). Running passes
// until the queue is empty makes one poll a round where asio polled before each pass (the
// news, the deferred writes, their completions: three epoll_wait for one). The news's
// handlers are resolved (and held) at the poll, because one may close another and its
// slot may be reused meanwhile.
void EventLoop::Round(bool may_sleep, int max_tasks) {
  TakeRemote();
  const size_t budget = max_tasks >= 0 ? static_cast<size_t>(max_tasks) : kTasksPerRound;
  size_t done = 0;
  for (int pass = 0; pass < kPassesPerRound && done < budget && !tasks_.empty(); ++pass) {
    const size_t run = std::min(tasks_.size(), budget - done);
    // A busy script run by a task serves the loop (Serve) from inside it: the queue may be
    // shorter than `run` by then.
    for (size_t i = 0; i < run && !tasks_.empty(); ++i, ++done) {
      Task task = std::move(tasks_.front());
      tasks_.pop_front();
      task();
    }
    if (max_tasks >= 0) break;  // a busy script's round: one pass
  }
  int timeout = 0;
  // Stop() may have come during a busy script's rounds (Serve), which then took its wake-up.
  if (may_sleep && tasks_.empty() && !stop_.load(std::memory_order_acquire)) {
    timeout = TimeoutMs();
    if (timeout != 0) {
      sleeping_.store(true);
      if (TakeRemote()) timeout = 0;
    }
  }
  std::array<epoll_event, kEventsPerRound> events;
  int n = epoll_wait(epfd_, events.data(), kEventsPerRound, timeout);
  if (timeout != 0) sleeping_.store(false, std::memory_order_relaxed);
  std::vector<std::pair<std::shared_ptr<Handler>, uint32_t>> ready;
  for (int i = 0; i < n; ++i) {
    const uint64_t token = events[i].data.u64;  // a packed struct: copied, not bound
    const uint32_t ev = events[i].events;
    if (token == kWakeToken) {
      uint64_t count;
      [[maybe_unused]] ssize_t r = read(wake_fd_, &count, sizeof(count));
      continue;
    }
    if (const auto& handler = slots_[token]) ready.emplace_back(handler, ev);
  }
  if (!ready.empty()) {
    tasks_.push_back([ready = std::move(ready)] {
      for (auto& [handler, ev] : ready) handler->OnEvents(ev);
    });
  }
  FireTimers();
}

}  // namespace tandem::net
