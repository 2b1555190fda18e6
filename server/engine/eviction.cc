#include "server/engine/eviction.h"

#include <limits>
#include <string>
#include <vector>

namespace tandem::engine {
namespace {

constexpr std::pair<std::string_view, EvictionPolicy> kPolicies[] = {
    {"noeviction", EvictionPolicy::kNoEviction},
    {"allkeys-lru", EvictionPolicy::kAllKeysLru},
    {"allkeys-lfu", EvictionPolicy::kAllKeysLfu},
    {"allkeys-random", EvictionPolicy::kAllKeysRandom},
    {"volatile-lru", EvictionPolicy::kVolatileLru},
    {"volatile-lfu", EvictionPolicy::kVolatileLfu},
    {"volatile-random", EvictionPolicy::kVolatileRandom},
    {"volatile-ttl", EvictionPolicy::kVolatileTtl},
};

bool VolatileOnly(EvictionPolicy p) {
  return p == EvictionPolicy::kVolatileLru || p == EvictionPolicy::kVolatileLfu ||
         p == EvictionPolicy::kVolatileRandom || p == EvictionPolicy::kVolatileTtl;
}

// How good a victim `e` is: higher is evicted first (idle time, rarity of use, nearness of
// the expiry; random policies take the first sample).
uint64_t Score(DbSet& dbs, EvictionPolicy p, const Entry* e) {
  switch (p) {
    case EvictionPolicy::kAllKeysLru:
    case EvictionPolicy::kVolatileLru:
      return IdleSeconds(dbs.lru_clock(), e->lru());
    case EvictionPolicy::kAllKeysLfu:
    case EvictionPolicy::kVolatileLfu:
      return 255 - dbs.LfuCounter(e);
    case EvictionPolicy::kVolatileTtl:
      return std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(e->expire_at());
    default:
      return 0;
  }
}

struct Victim {
  int db = -1;
  std::string key;
  uint64_t score = 0;
  bool fetched = false;
};

// Samples up to `samples` candidates in every database and returns the best one (db -1
// when no database holds a key the policy may evict).
Victim PickVictim(DbSet& dbs, EvictionPolicy policy, int samples) {
  const bool volatile_only = VolatileOnly(policy);
  const bool random =
      policy == EvictionPolicy::kAllKeysRandom || policy == EvictionPolicy::kVolatileRandom;
  Victim best;
  const int first = static_cast<int>(dbs.rng()() % dbs.count());  // no favourite database
  for (int k = 0; k < dbs.count(); ++k) {
    const int i = (first + k) % dbs.count();
    Database& db = dbs.db(i);
    if (db.size() == 0 || (volatile_only && db.expires_count() == 0)) continue;
    int found = 0;
    auto visit = [&](Entry* e) {
      if (found >= samples || (volatile_only && !e->has_expire())) return;
      ++found;
      uint64_t score = Score(dbs, policy, e);
      if (best.db < 0 || score > best.score) {
        best = {i, std::string(e->key()), score, e->fetched()};
      }
    };
    // Bounded walks: a sparse table or rare volatile keys may leave one walk empty-handed.
    const size_t max_buckets = static_cast<size_t>(samples) * 16 + 64;
    for (int walk = 0; walk < 8 && found == 0; ++walk) {
      uint64_t cursor = dbs.rng()();
      db.WalkBuckets(&cursor, max_buckets, visit);
    }
    if (random && best.db >= 0) break;
  }
  return best;
}

}  // namespace

std::optional<EvictionPolicy> ParseEvictionPolicy(std::string_view name) {
  for (const auto& [n, p] : kPolicies) {
    if (n == name) return p;
  }
  return std::nullopt;
}

bool EvictUntilUnderLimit(DbSet& dbs, EvictionPolicy policy, int samples,
                          const std::function<bool()>& over_limit) {
  if (policy == EvictionPolicy::kNoEviction) return !over_limit();
  while (over_limit()) {
    Victim v = PickVictim(dbs, policy, samples);
    if (v.db < 0) return false;
    // Delete() is false only when the key had just expired: it is gone all the same.
    if (dbs.db(v.db).Delete(v.key)) {
      ++dbs.stats().evicted_keys;
      if (!v.fetched) ++dbs.stats().evicted_unfetched;
      dbs.SignalEvent(v.db, v.key, KeyObserver::KeyEvent::kEvicted);
    }
  }
  return true;
}

}  // namespace tandem::engine
