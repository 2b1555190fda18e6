#include "server/net/io_pool.h"

#include "server/engine_lock.h"

namespace tandem::net {
namespace {

// Tasks a busy script runs of its loop per hook call (every 100,000 Lua instructions), so
// that tasks that post more work cannot keep it from going on.
constexpr int kLentTasks = 256;

}  // namespace

IoPool::IoPool(int threads) {
  if (threads < 1) threads = 1;
  control_ = std::make_unique<asio::io_context>(1);
  guard_.emplace(control_->get_executor());
  for (int i = 0; i < threads; ++i) loops_.push_back(std::make_unique<EventLoop>());
}

IoPool::~IoPool() {
  Stop();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  // The control loop's pending handlers (accepts, signals, the cron) go before the io loops
  // and their connections.
  control_.reset();
}

EventLoop& IoPool::Next() {
  EventLoop& loop = *loops_[next_];
  next_ = (next_ + 1) % loops_.size();
  return loop;
}

void IoPool::Run() {
  for (auto& owned : loops_) {
    threads_.emplace_back([loop = owned.get()] {
      // What a busy script on this thread runs of its loop: one round that does not sleep.
      EngineLock::SetLoopServer([](void* arg) { static_cast<EventLoop*>(arg)->Serve(kLentTasks); },
                                [](void* arg, void (*fn)(void*), void* fn_arg) {
                                  static_cast<EventLoop*>(arg)->Post([fn, fn_arg] { fn(fn_arg); });
                                },
                                loop);
      loop->Run();
    });
  }
  control_->run();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void IoPool::Stop() {
  guard_.reset();
  control_->stop();
  for (auto& loop : loops_) loop->Stop();
}

}  // namespace tandem::net
