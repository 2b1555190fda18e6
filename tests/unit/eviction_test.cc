// Eviction policies over a DbSet: what each policy may take and when it gives up.
#include "server/engine/eviction.h"

#include <doctest/doctest.h>

#include <string>

namespace {

using tandem::engine::DbSet;
using tandem::engine::EvictionPolicy;
using tandem::engine::EvictUntilUnderLimit;
using tandem::engine::ParseEvictionPolicy;

constexpr int64_t kNow = 1700000000000;

void Fill(DbSet& dbs, int db, const std::string& prefix, int n, bool with_ttl) {
  for (int i = 0; i < n; ++i) {
    dbs.db(db).PutString(prefix + std::to_string(i), "value", false, with_ttl, kNow + 1000 + i);
  }
}

// An over_limit() that reports "over" for the first n calls.
auto OverFor(int n) {
  return [n]() mutable { return n-- > 0; };
}

}  // namespace

TEST_CASE("ParseEvictionPolicy knows Redis's eight names and nothing else") {
  CHECK(ParseEvictionPolicy("allkeys-lru") == EvictionPolicy::kAllKeysLru);
  CHECK(ParseEvictionPolicy("volatile-ttl") == EvictionPolicy::kVolatileTtl);
  CHECK(ParseEvictionPolicy("noeviction") == EvictionPolicy::kNoEviction);
  CHECK_FALSE(ParseEvictionPolicy("allkeys-lfux").has_value());
  CHECK_FALSE(ParseEvictionPolicy("ALLKEYS-LRU").has_value());  // config values are lowered first
}

TEST_CASE("allkeys policies evict one key per round across databases") {
  for (auto policy :
       {EvictionPolicy::kAllKeysLru, EvictionPolicy::kAllKeysLfu, EvictionPolicy::kAllKeysRandom}) {
    DbSet dbs(4);
    dbs.SetNow(kNow);
    Fill(dbs, 0, "a:", 3000, false);
    Fill(dbs, 3, "b:", 3000, false);
    CHECK(EvictUntilUnderLimit(dbs, policy, 5, OverFor(2500)));
    CHECK(dbs.stats().evicted_keys == 2500);
    CHECK(dbs.db(0).size() + dbs.db(3).size() == 3500);
  }
}

TEST_CASE("volatile policies take only keys with a TTL and fail when none is left") {
  DbSet dbs(2);
  dbs.SetNow(kNow);
  Fill(dbs, 0, "keep:", 500, false);
  Fill(dbs, 1, "ttl:", 100, true);
  CHECK_FALSE(EvictUntilUnderLimit(dbs, EvictionPolicy::kVolatileLru, 5, OverFor(1000)));
  CHECK(dbs.db(1).size() == 0);
  CHECK(dbs.db(0).size() == 500);
  CHECK(dbs.stats().evicted_keys == 100);
  CHECK(dbs.stats().evicted_unfetched == 100);  // none of them was read
}

TEST_CASE("Evicted keys that were read are not counted as evicted_unfetched") {
  DbSet dbs(1);
  dbs.SetNow(kNow);
  Fill(dbs, 0, "ttl:", 100, true);
  for (int i = 0; i < 30; ++i) dbs.db(0).FindRead("ttl:" + std::to_string(i));
  CHECK_FALSE(EvictUntilUnderLimit(dbs, EvictionPolicy::kVolatileRandom, 5, OverFor(1000)));
  CHECK(dbs.stats().evicted_keys == 100);
  CHECK(dbs.stats().evicted_unfetched == 70);
}

TEST_CASE("volatile-ttl takes the nearest expiry of the sample") {
  DbSet dbs(1);
  dbs.SetNow(kNow);
  Fill(dbs, 0, "ttl:", 4, true);  // expiries kNow+1000 .. kNow+1003: one walk sees them all
  CHECK(EvictUntilUnderLimit(dbs, EvictionPolicy::kVolatileTtl, 10, OverFor(1)));
  CHECK(dbs.db(0).Find("ttl:0") == nullptr);
  CHECK(dbs.db(0).size() == 3);
}

TEST_CASE("noeviction evicts nothing and reports whether memory is over the limit") {
  DbSet dbs(1);
  dbs.SetNow(kNow);
  Fill(dbs, 0, "k:", 10, false);
  CHECK_FALSE(EvictUntilUnderLimit(dbs, EvictionPolicy::kNoEviction, 5, OverFor(1)));
  CHECK(EvictUntilUnderLimit(dbs, EvictionPolicy::kNoEviction, 5, OverFor(0)));
  CHECK(dbs.db(0).size() == 10);
}
