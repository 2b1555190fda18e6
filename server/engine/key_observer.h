// What a write tells the rest of the server: Redis's signalModifiedKey and signalFlushedDb.
// WATCH, blocked clients (keyed by (db, key)), client-side caching and keyspace
// notifications register a KeyObserver with DbSet. Calls arrive on the engine thread,
// under the engine lock, once the change is complete; an observer must not change the
// keyspace from inside a call.
#pragma once

#include <string_view>

namespace tandem::engine {

class KeyObserver {
 public:
  // OnFlush's database number for FLUSHALL (Redis's dbid -1).
  static constexpr int kAllDbs = -1;
  // What the engine itself does to a key, beyond the change OnKeyModified reports: Redis's
  // "new" (dbAdd), "expired" (lazy or active expiry) and "evicted" (maxmemory) events.
  enum class KeyEvent { kNew, kExpired, kEvicted };

  virtual ~KeyObserver() = default;
  // `key` in database `db` changed: written, deleted, renamed away or onto, moved, expired or
  // evicted. Once per key per command that changed it (MSET names a repeated key each time,
  // as Redis does).
  virtual void OnKeyModified(int db, std::string_view key) = 0;
  // Every key of database `db` (every database with kAllDbs) is about to go: FLUSHDB,
  // FLUSHALL. Called just before, so an observer can still see which keys existed.
  virtual void OnFlush(int db) {}
  // Databases `a` and `b` exchanged their contents: SWAPDB.
  virtual void OnSwap(int a, int b) {}
  // `key` of database `db` was created (when it is added, before the command's own change is
  // complete), expired or evicted (after it is gone, before OnKeyModified).
  virtual void OnKeyEvent(int db, std::string_view key, KeyEvent event) {}
};

}  // namespace tandem::engine
