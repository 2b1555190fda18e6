// The engine's data: the numbered databases, the command-time clock and keyspace
// statistics. Everything here is used only under the engine lock.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include "server/engine/database.h"

namespace tandem::engine {

struct KeyspaceStats {
  uint64_t expired_keys = 0;
  uint64_t evicted_keys = 0;
  uint64_t keyspace_hits = 0;
  uint64_t keyspace_misses = 0;
  uint64_t expired_stale_perc = 0;
};

class DbSet {
 public:
  explicit DbSet(int count);

  int count() const { return static_cast<int>(dbs_.size()); }
  Database& db(int i) { return *dbs_[i]; }

  // The time commands see: fixed for the duration of one command, like Redis's
  // command time snapshot.
  int64_t now_ms() const { return now_ms_; }
  uint32_t lru_clock() const { return lru_clock_; }
  void SetNow(int64_t now_ms);

  KeyspaceStats& stats() { return stats_; }
  std::mt19937_64& rng() { return rng_; }

  // Bytes accounted to data in all databases.
  size_t memory() const;
  size_t total_keys() const;

  void FlushAll(bool async);
  void Swap(int a, int b);

  // With an LFU maxmemory policy the entries' 24-bit LRU field holds Redis's LFU data (16-bit
  // minutes of the last decrement, 8-bit logarithmic counter) instead of the LRU clock. Set
  // by the server from maxmemory-policy, lfu-log-factor and lfu-decay-time.
  bool lfu_policy = false;
  int lfu_log_factor = 10;
  int lfu_decay_time = 1;
  // The LRU field of a newly created value: the clock, or LFU's initial counter.
  uint32_t NewEntryLru() const;
  // Records an access to `e` (Redis's lookupKey: the clock, or updateLFU).
  void TouchEntry(Entry* e);
  // The entry's LFU counter after decay (Redis's LFUDecrAndReturn, OBJECT FREQ).
  uint8_t LfuCounter(const Entry* e) const;

  bool active_expire_enabled = true;
  bool active_rehashing = true;
  // Runs active expiry and table housekeeping for at most `budget_us` microseconds.
  void Cron(int64_t budget_us);

 private:
  std::vector<std::unique_ptr<Database>> dbs_;
  int64_t now_ms_ = 0;
  uint32_t lru_clock_ = 0;
  KeyspaceStats stats_;
  std::mt19937_64 rng_;
  int cron_db_ = 0;
};

int64_t WallClockMs();
int64_t WallClockUs();
int64_t SteadyUs();
// Redis's LRU clock: seconds, 24 bits, wrapping.
uint32_t LruClockFor(int64_t now_ms);
// Seconds an entry has been idle given the current LRU clock (wrap-aware, as Redis).
uint64_t IdleSeconds(uint32_t now_lru, uint32_t entry_lru);

}  // namespace tandem::engine
