#include "server/engine/db_set.h"

#include <chrono>

namespace tandem::engine {

int64_t WallClockUs() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

int64_t WallClockMs() { return WallClockUs() / 1000; }

int64_t SteadyUs() {
  using namespace std::chrono;
  return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

uint32_t LruClockFor(int64_t now_ms) { return static_cast<uint32_t>(now_ms / 1000) & kLruClockMax; }

uint64_t IdleSeconds(uint32_t now_lru, uint32_t entry_lru) {
  if (now_lru >= entry_lru) return now_lru - entry_lru;
  return (kLruClockMax - entry_lru) + now_lru;
}

DbSet::DbSet(int count) : rng_(std::random_device{}()) {
  for (int i = 0; i < count; ++i) dbs_.push_back(std::make_unique<Database>(this));
  SetNow(WallClockMs());
}

void DbSet::SetNow(int64_t now_ms) {
  now_ms_ = now_ms;
  lru_clock_ = LruClockFor(now_ms);
}

size_t DbSet::memory() const {
  size_t n = 0;
  for (const auto& db : dbs_) n += db->memory();
  return n;
}

size_t DbSet::total_keys() const {
  size_t n = 0;
  for (const auto& db : dbs_) n += db->size();
  return n;
}

void DbSet::FlushAll(bool async) {
  for (auto& db : dbs_) db->Clear(async);
}

void DbSet::Swap(int a, int b) {
  if (a != b) dbs_[a]->SwapContents(*dbs_[b]);
}

void DbSet::Cron(int64_t budget_us) {
  int64_t start = SteadyUs();
  int64_t deadline = start + budget_us;
  SetNow(WallClockMs());
  int n = count();
  for (int i = 0; i < n; ++i) {
    Database& db = *dbs_[(cron_db_ + i) % n];
    if (active_expire_enabled) db.ActiveExpire(now_ms_, deadline);
    if (SteadyUs() >= deadline) {
      cron_db_ = (cron_db_ + i + 1) % n;
      return;
    }
  }
  for (auto& db : dbs_) db->Housekeep(active_rehashing ? 1000 : 0);
}

}  // namespace tandem::engine
