// Frees big values and whole keyspace tables on one background thread with a queue (Redis's
// lazyfree bio thread), so UNLINK, FLUSHALL ASYNC and the lazy-free paths return without
// waiting for free(). Owned by DbSet. Submissions come from the engine thread (under the
// engine lock); the counters may be read from any thread. The thread starts with the first
// submission; the destructor frees what is still queued and joins it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "server/engine/entry.h"
#include "server/engine/table.h"

namespace tandem::engine {

class LazyFree {
 public:
  LazyFree() = default;
  ~LazyFree();
  LazyFree(const LazyFree&) = delete;
  LazyFree& operator=(const LazyFree&) = delete;

  // Whether freeing `e` is worth a hand-off: a collection holding more than 64 KB (Redis
  // defers values whose free takes more than 64 steps; a string is one free()).
  static bool Worth(const Entry* e);

  // Takes a detached entry and frees it in the background: one object.
  void FreeEntry(Entry* e);
  // Takes a whole table and frees it in the background: one object per key, as Redis
  // counts an emptied database.
  void FreeTable(std::unique_ptr<Table> table);
  // Takes anything else (a retired Lua state with its scripts or libraries) and frees it in
  // the background, counted as `objects`.
  void FreeObject(std::shared_ptr<void> object, size_t objects);
  // Redis's LAZYFREE_THRESHOLD: a free of fewer steps is not worth a hand-off.
  static constexpr size_t kThreshold = 64;

  // Objects submitted and not freed yet (INFO lazyfree_pending_objects).
  size_t pending() const { return pending_.load(std::memory_order_relaxed); }
  // Objects freed in the background since start or ResetStats() (INFO lazyfreed_objects).
  uint64_t freed() const { return freed_.load(std::memory_order_relaxed); }
  // CONFIG RESETSTAT: zeroes freed().
  void ResetStats() { freed_.store(0, std::memory_order_relaxed); }
  // Blocks until everything submitted so far has been freed.
  void Drain();

 private:
  struct Job {
    Entry* entry = nullptr;
    std::unique_ptr<Table> table;
    std::shared_ptr<void> object;
    size_t objects = 0;
  };

  void Submit(Job job);
  void Run();

  std::mutex mu_;
  std::condition_variable work_cv_;  // a job was queued, or stop_
  std::condition_variable idle_cv_;  // the queue emptied and the thread is idle
  std::deque<Job> queue_;            // guarded by mu_
  bool busy_ = false;                // guarded by mu_: a job is being freed
  bool stop_ = false;                // guarded by mu_
  std::thread thread_;               // started by the first Submit, under mu_
  std::atomic<size_t> pending_{0};
  std::atomic<uint64_t> freed_{0};
};

}  // namespace tandem::engine
