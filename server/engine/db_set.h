// The engine's data: the numbered databases, the command-time clock, keyspace statistics,
// the key-change observers, the version counter and the lazy-free thread. Everything here
// is used only under the engine lock (LazyFree's counters excepted). The clock and the
// hit/miss counters are kept per thread (a call's own), so no io thread writes what
// another's call reads, and a striped lock would need no change here.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <random>
#include <string_view>
#include <vector>

#include "server/engine/database.h"
#include "server/engine/key_observer.h"
#include "server/engine/lazy_free.h"
#include "server/per_thread.h"

namespace tandem::engine {

struct KeyspaceStats {
  uint64_t expired_keys = 0;
  uint64_t evicted_keys = 0;
  // Of those removed by the active expiry cycle and by eviction, the values never read
  // (Entry::fetched): memcached's expired_unfetched and evicted_unfetched.
  uint64_t expired_unfetched = 0;
  uint64_t evicted_unfetched = 0;
  uint64_t expired_stale_perc = 0;
};

class DbSet {
 public:
  explicit DbSet(int count);

  int count() const { return static_cast<int>(dbs_.size()); }
  Database& db(int i) { return *dbs_[i]; }

  // The time this thread's current command sees: fixed for the duration of the command
  // (and of every call nested in it), like Redis's command time snapshot.
  int64_t now_ms() const { return calls_.Local().now_ms; }
  uint32_t lru_clock() const { return calls_.Local().lru_clock; }
  void SetNow(int64_t now_ms);

  KeyspaceStats& stats() { return stats_; }
  // Redis's keyspace_hits / keyspace_misses, counted by the thread of the lookup.
  void CountLookup(bool hit) { ++(hit ? calls_.Local().hits : calls_.Local().misses); }
  uint64_t keyspace_hits() const;
  uint64_t keyspace_misses() const;
  // CONFIG RESETSTAT.
  void ResetStats();
  std::mt19937_64& rng() { return rng_; }

  // Bytes accounted to data in all databases.
  size_t memory() const;
  size_t total_keys() const;

  // FLUSHDB / FLUSHALL: empties one database / all of them (async: the lazy-free thread
  // frees the old tables) and signals the flush.
  void FlushDb(int i, bool async);
  void FlushAll(bool async);
  // SWAPDB: exchanges two databases' contents and signals it.
  void Swap(int a, int b);

  // Key-change observers (WATCH, blocked clients, tracking, notifications). Not owned; an
  // observer stays registered until removed.
  void AddObserver(KeyObserver* o) { observers_.push_back(o); }
  void RemoveObserver(KeyObserver* o) {
    observers_.erase(std::remove(observers_.begin(), observers_.end(), o), observers_.end());
  }
  // Redis's signalModifiedKey. With no observer registered this is one branch.
  void SignalModified(int db, std::string_view key) {
    if (observers_.empty()) return;
    for (KeyObserver* o : observers_) o->OnKeyModified(db, key);
  }
  // A key was created, expired or evicted (KeyObserver::OnKeyEvent).
  void SignalEvent(int db, std::string_view key, KeyObserver::KeyEvent event) {
    for (KeyObserver* o : observers_) o->OnKeyEvent(db, key, event);
  }

  // A new value for an entry's version field, higher than every one handed out before
  // (memcached's CAS unique).
  uint64_t NextVersion() { return ++last_version_; }

  // Incremental rehashing moves no bucket during a lookup or insert while paused (see
  // RehashPause).
  bool rehash_paused() const { return rehash_pause_ != 0; }

  LazyFree& lazy_free() { return lazy_free_; }

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
  friend class RehashPause;

  // Declared first so that it outlives the databases' destruction.
  LazyFree lazy_free_;
  std::vector<std::unique_ptr<Database>> dbs_;
  std::vector<KeyObserver*> observers_;
  uint64_t last_version_ = 0;
  uint32_t rehash_pause_ = 0;
  // One thread's calls: their clock and lookup counters.
  struct CallState {
    int64_t now_ms = 0;
    uint32_t lru_clock = 0;
    uint64_t hits = 0;
    uint64_t misses = 0;
  };
  mutable PerThread<CallState> calls_;
  KeyspaceStats stats_;
  std::mt19937_64 rng_;
  int cron_db_ = 0;
};

// Pauses incremental rehashing in every database while alive: Redis's dictPauseRehashing,
// held by the dispatcher around each command's handler. Lookups then never move a bucket,
// so the slots a handler holds (one KeyWrite per key it changes) stay valid across its
// other lookups. The outermost pause first moves one bucket of the command's database, the
// step its first lookup would have made: commands keep driving the rehash. Nestable.
class RehashPause {
 public:
  RehashPause(DbSet& dbs, int db) : dbs_(dbs) {
    if (dbs_.rehash_pause_++ == 0) dbs_.db(db).RehashStep();
  }
  ~RehashPause() { --dbs_.rehash_pause_; }
  RehashPause(const RehashPause&) = delete;
  RehashPause& operator=(const RehashPause&) = delete;

 private:
  DbSet& dbs_;
};

int64_t WallClockMs();
int64_t WallClockUs();
int64_t SteadyUs();
// Redis's LRU clock: seconds, 24 bits, wrapping.
uint32_t LruClockFor(int64_t now_ms);
// Seconds an entry has been idle given the current LRU clock (wrap-aware, as Redis).
uint64_t IdleSeconds(uint32_t now_lru, uint32_t entry_lru);

}  // namespace tandem::engine
