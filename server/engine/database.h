// One of the numbered databases: the keyspace table plus expiry bookkeeping and memory
// accounting. Expiry times live inside the entries; the active cycle walks the table.
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

class Database {
 public:
  explicit Database(DbSet* owner) : owner_(owner) {}

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

  enum LookupFlags : unsigned { kNone = 0, kNoTouch = 1 };
  // The live entry for `key`, or nullptr. An expired entry is deleted here (lazy expiry).
  // Updates the entry's LRU clock unless kNoTouch. The pointer is valid until the next
  // change to this database.
  Entry* Find(std::string_view key, unsigned flags = kNone);
  // Find() for read commands: also counts keyspace hits and misses (INFO stats).
  Entry* FindRead(std::string_view key, unsigned flags = kNone);
  // The entry for `key` even if it is logically expired: no expiry, no touch, no stats
  // (KEYS, SCAN's expiry filter).
  Entry* Peek(std::string_view key);
  // Like Find() but returns the slot, for callers that replace or unlink in place.
  Table::Slot FindSlot(std::string_view key, unsigned flags = kNone);
  // Lookup hints for a batch (see Table::Prefetch): phase 0 for every key, then phase 1.
  void PrefetchKey(std::string_view key, int phase) const {
    uint64_t h = HashBytes(key);
    phase == 0 ? table_.Prefetch(h) : table_.PrefetchChain(h);
  }

  // Stores a new value under `key`, replacing any old one. With keep_ttl the old expiry
  // carries over; otherwise init's expiry is used. Returns the new entry.
  Entry* Put(std::string_view key, Entry::Init init, bool keep_ttl = false);
  // Adds `key`, which must not exist, as a new value (fresh LRU/LFU data).
  Entry* Add(std::string_view key, const Entry::Init& init);
  // Stores a string with Redis's encoding choice (int, embstr or raw).
  Entry* PutString(std::string_view key, std::string_view value, bool keep_ttl = false,
                   bool has_expire = false, int64_t expire_at_ms = 0);
  // Replaces the entry in `slot` by `e` (same key); frees the old one. `e` takes the old
  // entry's LFU data (an overwrite keeps it, as Redis) or, with LRU, the current clock.
  Entry* ReplaceAt(const Table::Slot& slot, Entry* e);
  // Inserts a prepared entry (MOVE, COPY, RENAME); its key must not exist. Keeps the entry's
  // LFU data; with LRU its clock is set to now.
  void Insert(Entry* e);
  // Removes and frees `key`; false if absent.
  bool Delete(std::string_view key);
  // Removes the entry at `slot` and frees it.
  void DeleteAt(const Table::Slot& slot);
  // Removes the entry at `slot` and hands it to the caller (RENAME, MOVE).
  Entry* Detach(const Table::Slot& slot);

  // Sets or clears the expiry of an existing key. Returns the (possibly moved) entry.
  Entry* SetExpire(const Table::Slot& slot, int64_t expire_at_ms);
  Entry* Persist(const Table::Slot& slot);

  // A raw (mutable, growable) std::string for the string at `slot`, converting from int or
  // embstr. Call NoteResize(before) with the MemoryUsage() taken before changing it.
  std::string* MutableRaw(const Table::Slot& slot);
  // Adjusts accounting after a value changed size in place.
  void NoteResize(size_t old_usage, size_t new_usage) { memory_ += new_usage - old_usage; }

  // Frees every key. Async hands the old table to a background thread.
  void Clear(bool async = false);
  void SwapContents(Database& other);

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

  bool IsExpired(const Entry* e, int64_t now_ms) const {
    return e->has_expire() && now_ms > e->expire_at();
  }

 private:
  void Account(Entry* e, int sign);
  void Unlinked(Entry* e);

  DbSet* owner_;
  Table table_;
  size_t expires_ = 0;
  size_t memory_ = 0;
  uint64_t expire_cursor_ = 0;
  long long avg_ttl_ = 0;
};

}  // namespace tandem::engine
