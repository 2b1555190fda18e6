// The io threads: one asio::io_context per thread, each running its own event loop.
// Connections are assigned round-robin and stay on their loop for life.
#pragma once

#include <asio/executor_work_guard.hpp>
#include <asio/io_context.hpp>
#include <memory>
#include <thread>
#include <vector>

namespace tandem::net {

class IoPool {
 public:
  explicit IoPool(int threads);
  ~IoPool();

  asio::io_context& Next();
  asio::io_context& at(size_t i) { return *contexts_[i]; }
  size_t size() const { return contexts_.size(); }

  // Runs loops 1..n-1 on new threads and loop 0 on the calling thread until Stop().
  void Run();
  void Stop();

 private:
  using Guard = asio::executor_work_guard<asio::io_context::executor_type>;
  std::vector<std::unique_ptr<asio::io_context>> contexts_;
  std::vector<Guard> guards_;
  std::vector<std::thread> threads_;
  size_t next_ = 0;
};

}  // namespace tandem::net
