#include "server/net/io_pool.h"

#include <asio/post.hpp>

#include "server/engine_lock.h"

namespace tandem::net {
namespace {

// Handlers a busy script runs of its loop per hook call (every 100,000 Lua instructions),
// so that handlers that post more work cannot keep it from going on.
constexpr int kLentHandlers = 256;

}  // namespace

IoPool::IoPool(int threads) {
  if (threads < 1) threads = 1;
  control_ = std::make_unique<asio::io_context>(1);
  guards_.emplace_back(control_->get_executor());
  for (int i = 0; i < threads; ++i) {
    contexts_.push_back(std::make_unique<asio::io_context>(1));
    guards_.emplace_back(contexts_.back()->get_executor());
  }
}

IoPool::~IoPool() {
  Stop();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  // The control loop goes first: an accept still queued there holds a socket of one of the
  // io loops, and destroying it needs that loop alive.
  control_.reset();
}

asio::io_context& IoPool::Next() {
  asio::io_context& ctx = *contexts_[next_];
  next_ = (next_ + 1) % contexts_.size();
  return ctx;
}

void IoPool::Run() {
  for (size_t i = 0; i < contexts_.size(); ++i) {
    threads_.emplace_back([ctx = contexts_[i].get()] {
      // What a busy script on this thread runs of its loop: the handlers ready now.
      EngineLock::SetLoopServer(
          [](void* arg) {
            auto* loop = static_cast<asio::io_context*>(arg);
            for (int i = 0; i < kLentHandlers && loop->poll_one() > 0; ++i) {
            }
          },
          [](void* arg, void (*fn)(void*), void* fn_arg) {
            asio::post(*static_cast<asio::io_context*>(arg), [fn, fn_arg] { fn(fn_arg); });
          },
          ctx);
      ctx->run();
    });
  }
  control_->run();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void IoPool::Stop() {
  guards_.clear();
  control_->stop();
  for (auto& ctx : contexts_) ctx->stop();
}

}  // namespace tandem::net
