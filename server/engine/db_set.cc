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
  for (int i = 0; i < count; ++i) dbs_.push_back(std::make_unique<Database>(this, i));
  SetNow(WallClockMs());
}

void DbSet::SetNow(int64_t now_ms) {
  CallState& c = calls_.Local();
  c.now_ms = now_ms;
  c.lru_clock = LruClockFor(now_ms);
}

uint64_t DbSet::keyspace_hits() const {
  uint64_t n = 0;
  calls_.ForEach([&](const CallState& c) { n += c.hits; });
  return n;
}

uint64_t DbSet::keyspace_misses() const {
  uint64_t n = 0;
  calls_.ForEach([&](const CallState& c) { n += c.misses; });
  return n;
}

void DbSet::ResetStats() {
  stats_ = KeyspaceStats();
  calls_.ForEach([](CallState& c) { c.hits = c.misses = 0; });
}

namespace {

constexpr uint32_t kLfuInitVal = 5;

// Redis's LFUGetTimeInMinutes: 16 bits of minutes.
uint32_t LfuMinutes(int64_t now_ms) { return static_cast<uint32_t>(now_ms / 60000) & 65535; }

}  // namespace

uint32_t DbSet::NewEntryLru() const {
  return lfu_policy ? (LfuMinutes(now_ms()) << 8) | kLfuInitVal : lru_clock();
}

uint8_t DbSet::LfuCounter(const Entry* e) const {
  uint32_t ldt = e->lru() >> 8;
  uint32_t counter = e->lru() & 255;
  uint32_t now = LfuMinutes(now_ms());
  uint32_t elapsed = now >= ldt ? now - ldt : 65535 - ldt + now;
  uint32_t periods = lfu_decay_time > 0 ? elapsed / static_cast<uint32_t>(lfu_decay_time) : 0;
  return static_cast<uint8_t>(periods > counter ? 0 : counter - periods);
}

void DbSet::TouchEntry(Entry* e) {
  if (!lfu_policy) {
    e->set_lru(lru_clock());
    return;
  }
  // Redis's LFULogIncr: the higher the counter, the less likely an access increments it.
  uint32_t counter = LfuCounter(e);
  if (counter < 255) {
    double r = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
    double base = counter > kLfuInitVal ? counter - kLfuInitVal : 0;
    if (r < 1.0 / (base * lfu_log_factor + 1)) ++counter;
  }
  e->set_lru((LfuMinutes(now_ms()) << 8) | counter);
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

void DbSet::FlushDb(int i, bool async) {
  for (KeyObserver* o : observers_) o->OnFlush(i);
  dbs_[i]->Clear(async);
}

void DbSet::FlushAll(bool async) {
  for (KeyObserver* o : observers_) o->OnFlush(KeyObserver::kAllDbs);
  for (auto& db : dbs_) db->Clear(async);
}

void DbSet::Swap(int a, int b) {
  if (a == b) return;
  dbs_[a]->SwapContents(*dbs_[b]);
  for (KeyObserver* o : observers_) o->OnSwap(a, b);
}

void DbSet::Cron(int64_t budget_us) {
  int64_t start = SteadyUs();
  int64_t deadline = start + budget_us;
  SetNow(WallClockMs());
  int n = count();
  for (int i = 0; i < n; ++i) {
    Database& db = *dbs_[(cron_db_ + i) % n];
    if (active_expire_enabled) db.ActiveExpire(now_ms(), deadline);
    if (SteadyUs() >= deadline) {
      cron_db_ = (cron_db_ + i + 1) % n;
      return;
    }
  }
  for (auto& db : dbs_) db->Housekeep(active_rehashing ? 1000 : 0);
}

}  // namespace tandem::engine
