// Values kept once per thread and read together: each thread writes only its own block, so
// no counter or clock is shared between io threads, and readers (INFO) visit every block.
// A thread's block is found through a thread-local cache, so the hot path is one compare.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

namespace tandem {

template <typename T>
class PerThread {
 public:
  // New blocks are copies of `initial`.
  explicit PerThread(T initial = T()) : initial_(std::move(initial)) {}
  PerThread(const PerThread&) = delete;
  PerThread& operator=(const PerThread&) = delete;

  // This thread's block.
  T& Local() {
    Cache& c = cache_;
    if (c.identity == identity_) return *c.block;
    return Attach();
  }
  // Calls f(block) for every thread's block. Blocks written concurrently by running threads
  // are read as they are (callers hold the lock that orders those writes).
  template <typename F>
  void ForEach(F&& f) {
    std::lock_guard lock(mu_);
    for (Entry& e : blocks_) f(e.value);
  }

 private:
  struct Entry {
    std::thread::id thread;
    T value;
  };
  struct Cache {
    uint64_t identity = 0;
    T* block = nullptr;
  };

  // A thread's first use of this table (or its first since it used another table of the
  // same type): finds the block it made before, or makes one.
  T& Attach() {
    std::lock_guard lock(mu_);
    const std::thread::id me = std::this_thread::get_id();
    T* block = nullptr;
    for (Entry& e : blocks_) {
      if (e.thread == me) block = &e.value;
    }
    if (!block) block = &blocks_.emplace_back(Entry{me, initial_}).value;
    cache_ = {identity_, block};
    return *block;
  }

  static inline std::atomic<uint64_t> next_identity_{1};
  static inline thread_local Cache cache_;

  // Tells this table from an earlier one at the same address.
  const uint64_t identity_ = next_identity_.fetch_add(1);
  const T initial_;
  std::mutex mu_;
  std::deque<Entry> blocks_;  // a deque: blocks never move
};

}  // namespace tandem
