// memcached's statistics for the memcached door (what `stats` prints). Counted under the
// engine lock by the text-protocol handlers and the sessions; `stats reset` zeroes the
// resettable ones as memcached's stats_reset does.
#pragma once

#include <cstdint>

namespace tandem::memcache {

struct Stats {
  // Connections (not reset).
  uint64_t curr_connections = 0;
  uint64_t total_connections = 0;
  uint64_t rejected_connections = 0;
  // Commands.
  uint64_t cmd_get = 0;
  uint64_t cmd_set = 0;
  uint64_t cmd_flush = 0;
  uint64_t cmd_touch = 0;
  uint64_t cmd_meta = 0;
  uint64_t get_hits = 0;
  uint64_t get_misses = 0;
  uint64_t get_expired = 0;
  uint64_t get_flushed = 0;
  uint64_t delete_misses = 0;
  uint64_t delete_hits = 0;
  uint64_t incr_misses = 0;
  uint64_t incr_hits = 0;
  uint64_t decr_misses = 0;
  uint64_t decr_hits = 0;
  uint64_t cas_misses = 0;
  uint64_t cas_hits = 0;
  uint64_t cas_badval = 0;
  uint64_t touch_hits = 0;
  uint64_t touch_misses = 0;
  uint64_t store_too_large = 0;
  uint64_t store_no_memory = 0;
  uint64_t bytes_read = 0;
  uint64_t bytes_written = 0;
  // Items.
  uint64_t total_items = 0;
  // Whether an item was ever stored: memcached's slab pages, once taken, stay listed in
  // `stats slabs` (not reset).
  bool slab_pages = false;
  void CountItem() {
    ++total_items;
    slab_pages = true;
  }
  // Items flush_all removed (and of those, the ones never fetched); the active expiry cycle's
  // and eviction's are counted by the engine (KeyspaceStats).
  uint64_t reclaimed = 0;
  uint64_t expired_unfetched = 0;
  // The engine's counters when these were last reset.
  uint64_t evictions_base = 0;
  uint64_t expired_base = 0;
  uint64_t expired_unfetched_base = 0;
  uint64_t evicted_unfetched_base = 0;
  // `verbosity`, kept for `stats settings`.
  uint32_t verbosity = 0;
  // flush_all with a delay: when (wall-clock ms) the memcached database is emptied; 0: none.
  int64_t flush_at_ms = 0;
};

}  // namespace tandem::memcache
