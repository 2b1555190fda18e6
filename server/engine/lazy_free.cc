#include "server/engine/lazy_free.h"

#include <utility>

#include "server/engine/sorted_set.h"

namespace tandem::engine {
namespace {

constexpr size_t kLazyFreeBytes = 64 * 1024;

}  // namespace

LazyFree::~LazyFree() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

bool LazyFree::Worth(const Entry* e) {
  // Redis's lazyfreeGetFreeEffort for sorted sets: a listpack is one allocation, a skiplist
  // one per member; more than LAZYFREE_THRESHOLD (64) goes to the background thread.
  if (e->type() == ObjType::kZSet) {
    return e->encoding() == Encoding::kSkiplist && ZSet(const_cast<Entry*>(e)).Size() > kThreshold;
  }
  return e->type() != ObjType::kString && e->MemoryUsage() > kLazyFreeBytes;
}

void LazyFree::FreeEntry(Entry* e) {
  Job job;
  job.entry = e;
  job.objects = 1;
  Submit(std::move(job));
}

void LazyFree::FreeTable(std::unique_ptr<Table> table) {
  Job job;
  job.objects = table->size();
  job.table = std::move(table);
  Submit(std::move(job));
}

void LazyFree::FreeObject(std::shared_ptr<void> object, size_t objects) {
  Job job;
  job.object = std::move(object);
  job.objects = objects;
  Submit(std::move(job));
}

void LazyFree::Submit(Job job) {
  pending_.fetch_add(job.objects, std::memory_order_relaxed);
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(job));
    if (!thread_.joinable()) thread_ = std::thread([this] { Run(); });
  }
  work_cv_.notify_one();
}

void LazyFree::Drain() {
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

void LazyFree::Run() {
  std::unique_lock lock(mu_);
  while (true) {
    work_cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    // On stop, what is still queued is freed before the thread ends.
    if (queue_.empty()) return;
    Job job = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    if (job.entry) Entry::Destroy(job.entry);
    job.table.reset();
    job.object.reset();
    pending_.fetch_sub(job.objects, std::memory_order_relaxed);
    freed_.fetch_add(job.objects, std::memory_order_relaxed);
    lock.lock();
    busy_ = false;
    if (queue_.empty()) idle_cv_.notify_all();
  }
}

}  // namespace tandem::engine
