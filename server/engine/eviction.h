// maxmemory eviction, as Redis's evict.c approximates it: every round samples a few keys
// of each database (consecutive buckets from a random one, like dictGetSomeKeys) and
// deletes the best candidate among them for the policy, until memory is back under the
// limit. Used only under the engine lock.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "server/engine/db_set.h"

namespace tandem::engine {

enum class EvictionPolicy {
  kNoEviction,
  kAllKeysLru,
  kAllKeysLfu,
  kAllKeysRandom,
  kVolatileLru,
  kVolatileLfu,
  kVolatileRandom,
  kVolatileTtl,
};

// Redis's policy names ("allkeys-lru", ...); nullopt for anything else.
std::optional<EvictionPolicy> ParseEvictionPolicy(std::string_view name);

// Evicts keys while `over_limit()` says memory is above maxmemory. Returns false when it
// is still over the limit because nothing (more) could be evicted: noeviction, or no key
// the policy may take.
bool EvictUntilUnderLimit(DbSet& dbs, EvictionPolicy policy, int samples,
                          const std::function<bool()>& over_limit);

}  // namespace tandem::engine
