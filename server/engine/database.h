// One of the numbered databases: the keyspace table plus expiry bookkeeping and memory
// accounting. Expiry times live inside the entries; the active cycle walks the table.
// Keys change only through KeyWrite (server/engine/key_write.h), which keeps the accounting
// and signals observers; the write helpers below are KeyWrites too.
// Owned by DbSet; used only under the engine lock.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "server/engine/entry.h"
#include "server/engine/hash.h"
#include "server/engine/table.h"

namespace tandem::engine {

class DbSet;
class StrTable;

class Database {
 public:
  Database(DbSet* owner, int index) : owner_(owner), index_(index) {}

  // The database's number (SELECT index), as observers are told.
  int index() const { return index_; }
  size_t size() const { return table_.size(); }
  size_t expires_count() const { return expires_; }
  // Visits the entries of up to max_buckets buckets from *cursor on (see Table::WalkBuckets).
  void WalkBuckets(uint64_t* cursor, size_t max_buckets, const std::function<void(Entry*)>& fn) {
    table_.WalkBuckets(cursor, max_buckets, fn);
  }
  // Bytes held by entries, their values and the bucket arrays.
  size_t memory() const { return memory_ + table_.BucketBytes(); }
  // The part of memory() held by the bucket arrays (what an empty database still holds).
  size_t bucket_bytes() const { return table_.BucketBytes(); }
  // Redis's avg_ttl estimate (ms), refreshed by the active expiry cycle.
  long long avg_ttl() const { return avg_ttl_; }
  // Whether incremental rehashing is under way (tests, DEBUG).
  bool rehashing() const { return table_.rehashing(); }

  // kNoTouch: leave the LRU/LFU data alone. kCountStats: count a keyspace hit or miss.
  enum LookupFlags : unsigned { kNone = 0, kNoTouch = 1, kCountStats = 2 };
  // The live entry for `key`, or nullptr. An expired entry is deleted here (lazy expiry,
  // signalled to observers). Updates the entry's LRU clock unless kNoTouch. The pointer is
  // valid until the key changes.
  Entry* Find(std::string_view key, unsigned flags = kNone) { return FindSlot(key, flags).entry; }
  // Find() for read commands: also counts keyspace hits and misses (INFO stats).
  Entry* FindRead(std::string_view key, unsigned flags = kNone) {
    return FindSlot(key, flags | kCountStats).entry;
  }
  // The entry for `key` even if it is logically expired: no expiry, no touch, no stats
  // (KEYS, SCAN's expiry filter).
  Entry* Peek(std::string_view key);
  // Peek without moving a rehash bucket: for key observers, which may be called in the
  // middle of a walk over the table (active expiry, eviction).
  Entry* PeekNoStep(std::string_view key) { return table_.Find(key, false).entry; }
  // Lookup hints for a batch (see Table::Prefetch): the bucket of every key (returns the
  // key's hash), then each chain's first entry.
  uint64_t PrefetchBucket(std::string_view key) const {
    uint64_t h = HashBytes(key);
    table_.Prefetch(h);
    return h;
  }
  void PrefetchChain(uint64_t hash) const { table_.PrefetchChain(hash); }

  // The member table of the set or hash at `key` when it has one ("hashtable" encoding),
  // for lookup hints (StrTable::PrefetchBucket); nullptr otherwise. No expiry, no stats.
  const StrTable* MemberTable(std::string_view key);

  // One-call writes, each a KeyWrite on `key`.
  // Stores a new value under `key`, replacing any old one. With keep_ttl the old expiry
  // carries over; otherwise init's expiry is used. Returns the new entry.
  Entry* Put(std::string_view key, const Entry::Init& init, bool keep_ttl = false);
  // Stores a string with Redis's encoding choice (int, embstr or raw).
  Entry* PutString(std::string_view key, std::string_view value, bool keep_ttl = false,
                   bool has_expire = false, int64_t expire_at_ms = 0);
  // Removes and frees `key`; false if absent.
  bool Delete(std::string_view key);

  uint64_t Scan(uint64_t cursor, const std::function<void(Entry*)>& fn) const {
    return table_.Scan(cursor, fn);
  }
  // A random live key, or nullptr (expired keys met on the way are deleted).
  Entry* RandomLive(std::mt19937_64& rng);

  // One active expiry pass: samples keys with a TTL and deletes the expired ones, until
  // `deadline_us` (steady clock, microseconds) passes. Returns keys deleted.
  size_t ActiveExpire(int64_t now_ms, int64_t deadline_us);
  // Cron housekeeping: finish rehashing a bit, shrink a sparse table.
  void Housekeep(int64_t rehash_us);
  // Moves one bucket if a rehash is under way (see RehashPause).
  void RehashStep() {
    if (table_.rehashing()) table_.RehashStep(1);
  }

  bool IsExpired(const Entry* e, int64_t now_ms) const {
    return e->has_expire() && now_ms > e->expire_at();
  }

 private:
  friend class DbSet;
  friend class KeyWrite;

  // The slot of the live entry for `key` (see Find).
  Table::Slot FindSlot(std::string_view key, unsigned flags);
  // Deletes the expired entry at `slot` (Redis's deleteExpiredKeyAndPropagate): counted in
  // expired_keys and signalled.
  void DeleteExpired(const Table::Slot& slot, std::string_view key);
  // Frees every key, silently (DbSet signals the flush). Async hands the old table to the
  // lazy-free thread.
  void Clear(bool async);
  void SwapContents(Database& other);

  DbSet* owner_;
  int index_;
  Table table_;
  size_t expires_ = 0;
  size_t memory_ = 0;
  uint64_t expire_cursor_ = 0;
  long long avg_ttl_ = 0;
};

}  // namespace tandem::engine
