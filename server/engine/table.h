// The keyspace table: chained hashing through the entries' own link field (no per-key
// nodes), power-of-two bucket arrays and Redis-style incremental rehash (two arrays while
// growing or shrinking; every lookup or insert moves a bucket unless the caller pauses
// that, as Database does for the length of a command). Scan() uses the reverse-binary
// cursor, so a full iteration returns every key present throughout it even across
// rehashes. Owned by a Database; used only under the engine lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <string_view>

#include "server/engine/entry.h"

namespace tandem::engine {

class Table {
 public:
  // Where an entry sits: its bucket and its predecessor in the chain (nullptr at head). A
  // slot is only usable while the table's shape is the one it was found in (Valid()): any
  // insert, unlink, replace or rehash step may move a bucket head or free a predecessor.
  // Entry pointers themselves stay valid until their entry is removed.
  struct Slot {
    Entry** bucket = nullptr;
    Entry* prev = nullptr;
    Entry* entry = nullptr;
    uint64_t epoch = 0;
  };

  Table() = default;
  ~Table();
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  Table(Table&& o) noexcept;
  Table& operator=(Table&& o) noexcept;

  size_t size() const { return used_[0] + used_[1]; }
  bool rehashing() const { return rehash_idx_ >= 0; }
  // Bytes held by the bucket arrays.
  size_t BucketBytes() const { return (size_[0] + size_[1]) * sizeof(Entry*); }
  size_t bucket_count() const { return size_[0] + size_[1]; }

  // Finds `key`; slot.entry is nullptr when absent. With rehash_step, first performs one
  // incremental rehash step.
  Slot Find(std::string_view key, bool rehash_step = true);
  // Whether `slot` still describes where its entry sits (nothing changed the table since).
  bool Valid(const Slot& slot) const { return slot.epoch == epoch_; }
  // Pipelined lookups: Prefetch() the bucket of each key of a batch, then PrefetchChain()
  // each, so that the batch's cache misses overlap instead of coming one by one. Both are
  // hints only: they change nothing.
  void Prefetch(uint64_t hash) const;
  void PrefetchChain(uint64_t hash) const;
  // Inserts an entry whose key is not present and returns where it went. Without
  // rehash_step no bucket moves, except when a paused rehash has left the new array fuller
  // than one entry per bucket: then every insert moves one, so that a command adding many
  // keys cannot grow the chains without bound.
  Slot Insert(Entry* e, bool rehash_step = true);
  // Puts `e` where slot.entry was (same key); returns the old entry, which the caller frees.
  // The slot must be Valid(); it then describes `e`, and other slots are stale.
  Entry* Replace(Slot& slot, Entry* e);
  // slot.entry was reallocated as `e`, which already carries its chain link (Entry::
  // WithExpire and friends free the old allocation): points the chain at `e`. Same rules.
  void Moved(Slot& slot, Entry* e);
  // Removes slot.entry from the table and returns it (the caller frees it). The slot must be
  // Valid(); other slots are stale afterwards.
  Entry* Unlink(const Slot& slot);
  // Frees every entry; the table becomes empty.
  void Clear();

  // Calls fn for every entry in the bucket(s) at `cursor`; returns the next cursor, 0 when
  // the iteration is complete.
  uint64_t Scan(uint64_t cursor, const std::function<void(Entry*)>& fn) const;
  // A random entry, or nullptr when empty. With rehash_step, first moves one bucket.
  Entry* Random(std::mt19937_64& rng, bool rehash_step = true);

  // Moves up to n buckets to the new array; returns false when rehashing is finished.
  bool RehashStep(int n);
  // Rehashes for about `us` microseconds (cron).
  void RehashFor(int64_t us);
  // Starts a shrink when the table is mostly empty (cron). Returns true if it started.
  bool ShrinkIfSparse();

  // Visits buckets starting at *cursor (wrapping, and skipping the buckets a rehash has
  // already emptied), calling fn for every entry, until `max_buckets` buckets were visited;
  // used by the active expiry cycle and eviction sampling. fn may not modify the table.
  void WalkBuckets(uint64_t* cursor, size_t max_buckets, const std::function<void(Entry*)>& fn);

 private:
  void Expand(size_t min_size);
  void ExpandIfNeeded();
  size_t IndexOf(std::string_view key, int t) const;

  Entry** buckets_[2] = {nullptr, nullptr};
  size_t size_[2] = {0, 0};
  size_t used_[2] = {0, 0};
  int64_t rehash_idx_ = -1;
  // Changes whenever an entry is linked, unlinked or moved: what Slot::epoch is checked against.
  uint64_t epoch_ = 0;
};

}  // namespace tandem::engine
