// One io thread's event loop: an edge-triggered epoll of the thread's sockets, a queue of
// tasks and its timers. It replaces asio's io_context on the io threads (the control loop,
// with the acceptors, signals and cron, stays on asio), because asio waited on the sockets
// through a second epoll nested in its reactor: every round paid two epoll_wait and an
// epoll_ctl re-arm, and every task a mutex round trip in asio's scheduler. Here a round is
// one epoll_wait; a socket is registered once (input and output, edge-triggered) and never
// re-armed; tasks posted on the loop's own thread take no lock, and a task posted from
// another thread writes the loop's eventfd only when the loop sleeps (or is about to).
// Sockets are read and written in batches (SendAll, RecvAll): one io_uring_enter for the
// sends or receives of all the connections a round serves, where the kernel allows io_uring
// (a system call costs ~0.6 us on this 2-core VM, more than a small send's own work).
//
// Everything but Post() and Stop() is for the loop's own thread.
#pragma once

#include <sys/epoll.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

struct io_uring;

namespace tandem::net {

class EventLoop {
 public:
  using Task = std::function<void()>;

  // What a registered descriptor reports to.
  class Handler {
   public:
    virtual ~Handler() = default;
    // `events` are epoll's (EPOLLIN, EPOLLOUT, EPOLLRDHUP, EPOLLHUP, EPOLLERR).
    virtual void OnEvents(uint32_t events) = 0;
  };

  // A one-shot timer on this loop: Start() replaces what is pending, Cancel() and the
  // destructor drop it (its task is destroyed, not run).
  class Timer {
   public:
    explicit Timer(EventLoop& loop) : loop_(loop) {}
    ~Timer() { Cancel(); }
    Timer(const Timer&) = delete;
    Timer& operator=(const Timer&) = delete;

    void Start(int64_t delay_ms, Task task);
    void Cancel();

   private:
    friend class EventLoop;
    EventLoop& loop_;
    bool armed_ = false;
    std::multimap<int64_t, std::pair<Timer*, Task>>::iterator at_;
  };

  // `batch_in_one_call` false makes every batch one send() or recv() per operation.
  explicit EventLoop(bool batch_in_one_call = true);
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Queues `task` behind the tasks already queued. Any thread.
  void Post(Task task);
  // Runs rounds until Stop(). On the thread that is to be the loop's.
  void Run();
  // Makes Run() return after the round it is in. Any thread.
  void Stop();
  // One round that does not sleep and runs at most `max_tasks` queued tasks: what a busy
  // script on this thread runs of its loop (EngineLock::LendToLoop).
  void Serve(int max_tasks);

  // Watches `fd` (input and output, edge-triggered) until Remove(), reporting to `handler`,
  // which the loop keeps alive meanwhile. Returns the registration's token, or -1 when
  // epoll refuses the descriptor.
  int64_t Add(int fd, std::shared_ptr<Handler> handler);
  // Before the descriptor closes.
  void Remove(int64_t token, int fd);

  // One socket operation of a batch: `result` is what send() or recv() returned, or -errno.
  struct IoOp {
    int fd;
    char* data;
    size_t size;
    ssize_t result = 0;
  };
  // Sends (receives) each op's bytes without waiting (a full (empty) socket gives -EAGAIN):
  // with one system call for the batch through io_uring, else one send() (recv()) each.
  // On the loop's thread.
  void SendAll(std::span<IoOp> ops) { RunBatch(ops, /*send=*/true); }
  void RecvAll(std::span<IoOp> ops) { RunBatch(ops, /*send=*/false); }
  // Whether batches go through io_uring (false where the kernel refuses it).
  bool BatchesInOneCall();

 private:
  void Round(bool may_sleep, int max_tasks);
  // Moves the tasks other threads posted behind the local ones; true if there were any.
  bool TakeRemote();
  // Ends the loop's epoll_wait (or its next one).
  void Wake();
  int TimeoutMs() const;
  void FireTimers();
  void RunBatch(std::span<IoOp> ops, bool send);
  // The loop's ring, set up on first use on the loop's thread; null without io_uring.
  io_uring* Ring();

  int epfd_ = -1;
  int wake_fd_ = -1;  // an eventfd, token kWakeToken
  std::atomic<bool> stop_{false};
  // The loop is in (or about to enter) an epoll_wait that may sleep: a poster wakes it.
  std::atomic<bool> sleeping_{false};
  std::deque<Task> tasks_;
  std::mutex remote_mu_;
  std::vector<Task> remote_;                     // posted by other threads
  std::vector<Task> taking_;                     // TakeRemote()'s swap space
  std::vector<std::shared_ptr<Handler>> slots_;  // indexed by token
  std::vector<uint32_t> free_slots_;
  std::multimap<int64_t, std::pair<Timer*, Task>> timers_;  // by deadline, monotonic ns
  std::unique_ptr<io_uring> ring_;
  bool ring_tried_;  // no ring is set up once this is true
};

}  // namespace tandem::net
