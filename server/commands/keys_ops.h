// Engine operations on keys of any type (Redis 7.0.15's db.c and expire.c): deleting, testing,
// renaming, copying and moving keys, their TTLs, and iterating the keyspace. Shared by the
// keyspace commands and, later, the memcached bridge and Lua. Ops touch only the engine: they
// neither parse arguments nor send replies. Used only under the engine lock; views and
// entries they return point into the database and are valid until its next change.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "server/engine/database.h"
#include "server/engine/db_set.h"

namespace tandem::commands {

// DEL / UNLINK: how many of `keys` existed (and are now gone); expired keys do not count.
// With `lazy`, big values are freed by the lazy-free thread.
long long OpDelete(engine::Database& db, std::span<const std::string_view> keys, bool lazy);

// EXISTS (flags kNoTouch) / TOUCH (kNone): how many of `keys` exist, repeats counted.
long long OpCountExisting(engine::Database& db, std::span<const std::string_view> keys,
                          unsigned flags);

// TYPE: the type name of the value at `key` ("string", ...), or "none" when it is missing.
std::string_view OpType(engine::Database& db, std::string_view key);

enum class MoveOutcome : uint8_t { kNoSource, kTargetExists, kDone };

// RENAME / RENAMENX (nx): `src` moves to `dst` with its value, TTL and LFU data; signals `src`,
// then `dst`. A key renamed onto itself is kDone (kTargetExists with nx) and changes nothing,
// as in Redis.
MoveOutcome OpRename(engine::Database& db, std::string_view src, std::string_view dst, bool nx);

// COPY: a deep copy of `key` (value and TTL; fresh LRU/LFU data) stored as `dst_key` in `dst`,
// replacing an existing one only with `replace`. Signals `dst_key` only.
MoveOutcome OpCopy(engine::DbSet& dbs, engine::Database& src, std::string_view key,
                   engine::Database& dst, std::string_view dst_key, bool replace);

// MOVE: `key` leaves `src` for `dst` (another database) unless it already exists there;
// signals it in `src`, then in `dst`.
MoveOutcome OpMove(engine::Database& src, engine::Database& dst, std::string_view key);

// The EXPIRE family's conditions; OpExpire takes any valid combination of them.
enum ExpireFlags : unsigned { kExpireNx = 1, kExpireXx = 2, kExpireGt = 4, kExpireLt = 8 };

// EXPIRE family with an absolute time: 1 when the TTL was set (or the key deleted because
// `when_ms` is not after `now_ms`), 0 when the key is missing or a condition failed.
int OpExpire(engine::Database& db, std::string_view key, int64_t when_ms, unsigned flags,
             int64_t now_ms);

// PERSIST: 1 when a TTL was removed.
int OpPersist(engine::Database& db, std::string_view key);

// TTL PTTL EXPIRETIME PEXPIRETIME: -2 missing, -1 no TTL, otherwise the remaining time (or the
// absolute time with `absolute`), in ms or rounded to seconds.
long long OpTtl(engine::Database& db, std::string_view key, bool ms, bool absolute, int64_t now_ms);

struct ScanOptions {
  long count = 10;
  std::string_view pattern;
  bool use_pattern = false;
  std::string_view type;
  bool use_type = false;
};

// One SCAN step from *cursor (updated): the keys Redis's scanGenericCommand returns. Like
// Redis, it visits buckets until `count` keys are collected (at most 10*count more steps),
// then filters by pattern, by type (an expired key met there reads as type "none") and drops
// expired keys, deleting them.
std::vector<std::string> OpScan(engine::Database& db, uint64_t* cursor, const ScanOptions& o,
                                int64_t now_ms);

// KEYS: live keys matching `pattern` (views into the database, valid until it changes).
std::vector<std::string_view> OpKeys(engine::Database& db, std::string_view pattern,
                                     int64_t now_ms);

// RANDOMKEY: a random live key, or nullptr. Expired keys met on the way are deleted.
const engine::Entry* OpRandomKey(engine::Database& db, engine::DbSet& dbs);

}  // namespace tandem::commands
