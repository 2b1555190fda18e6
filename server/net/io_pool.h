// The io threads: one EventLoop per thread. Connections are assigned round-robin and stay
// on their loop for life. A separate control loop (asio), on the thread that calls Run(),
// holds the acceptors, signals, cron and shutdown: it never runs a command, so a busy
// script on any io thread cannot stop new connections from being accepted (and answered
// -BUSY) or SHUTDOWN NOSAVE from being carried out.
#pragma once

#include <asio/executor_work_guard.hpp>
#include <asio/io_context.hpp>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "server/net/event_loop.h"

namespace tandem::net {

class IoPool {
 public:
  explicit IoPool(int threads);
  ~IoPool();

  EventLoop& Next();
  EventLoop& at(size_t i) { return *loops_[i]; }
  asio::io_context& control() { return *control_; }
  size_t size() const { return loops_.size(); }

  // Runs the io loops on new threads and the control loop on the calling thread until
  // Stop().
  void Run();
  void Stop();

 private:
  using Guard = asio::executor_work_guard<asio::io_context::executor_type>;
  std::unique_ptr<asio::io_context> control_;
  std::optional<Guard> guard_;
  std::vector<std::unique_ptr<EventLoop>> loops_;
  std::vector<std::thread> threads_;
  size_t next_ = 0;
};

}  // namespace tandem::net
