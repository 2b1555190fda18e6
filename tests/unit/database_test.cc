// Database and DbSet: string encodings, lazy and active expiry, LRU/LFU bookkeeping, memory
// accounting, and the moves RENAME / MOVE / COPY / SWAPDB / FLUSH* are built from.
#include "server/engine/database.h"

#include <doctest/doctest.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "server/commands/string_ops.h"
#include "server/engine/collections.h"
#include "server/engine/db_set.h"
#include "server/engine/key_write.h"

namespace {

using tandem::engine::Database;
using tandem::engine::DbSet;
using tandem::engine::Encoding;
using tandem::engine::Entry;
using tandem::engine::KeyWrite;

constexpr int64_t kNow = 1700000000000;  // a fixed command time (ms)

std::string Key(int i) { return "key:" + std::to_string(i); }

std::string StringOf(const Entry* e) {
  char buf[24];
  return std::string(e->StringValue(buf));
}

struct Fixture {
  Fixture() { dbs.SetNow(kNow); }
  DbSet dbs{4};
  Database& db = dbs.db(0);
};

}  // namespace

TEST_CASE("PutString picks Redis's encodings") {
  Fixture f;
  struct Case {
    std::string value;
    Encoding encoding;
  };
  const std::vector<Case> cases = {
      {"0", Encoding::kInt},
      {"123", Encoding::kInt},
      {"-5", Encoding::kInt},
      {"9223372036854775807", Encoding::kInt},
      {"-9223372036854775808", Encoding::kInt},
      {"9223372036854775808", Encoding::kEmbStr},  // out of range
      {"0123", Encoding::kEmbStr},                 // not canonical
      {"+1", Encoding::kEmbStr},
      {" 1", Encoding::kEmbStr},
      {"1.5", Encoding::kEmbStr},
      {"", Encoding::kEmbStr},
      {"hello", Encoding::kEmbStr},
      {std::string(44, 'e'), Encoding::kEmbStr},
      {std::string(45, 'r'), Encoding::kRaw},
      {std::string(128, 'r'), Encoding::kRaw},
  };
  for (const Case& c : cases) {
    CAPTURE(c.value);
    Entry* e = f.db.PutString("k", c.value);
    CHECK(e->encoding() == c.encoding);
    CHECK(StringOf(f.db.Find("k")) == c.value);
  }
  CHECK(f.db.size() == 1);
}

TEST_CASE("Put replaces the value and keeps the TTL only with keep_ttl") {
  Fixture f;
  f.db.PutString("k", "v", false, true, kNow + 1000);
  CHECK(f.db.expires_count() == 1);
  Entry* e = f.db.PutString("k", "v2", /*keep_ttl=*/true);
  CHECK(e->has_expire());
  CHECK(e->expire_at() == kNow + 1000);
  e = f.db.PutString("k", "v3");
  CHECK_FALSE(e->has_expire());
  CHECK(f.db.expires_count() == 0);
  CHECK(f.db.size() == 1);
}

TEST_CASE("Overwriting a value of the same size reuses the entry; other sizes replace it") {
  Fixture f;
  Entry* e = f.db.PutString("k", "abc");
  size_t memory = f.db.memory();
  CHECK(f.db.PutString("k", "xyz") == e);  // same embedded length
  CHECK(StringOf(f.db.Find("k")) == "xyz");
  CHECK(f.db.memory() == memory);
  f.db.PutString("k", "longer value");
  CHECK(StringOf(f.db.Find("k")) == "longer value");
  CHECK(f.db.memory() > memory);

  e = f.db.PutString("n", "12");
  CHECK(f.db.PutString("n", "-99999") == e);  // integer over integer
  CHECK(f.db.Find("n")->int_value() == -99999);
  CHECK(f.db.Find("n")->encoding() == Encoding::kInt);

  // An expiry changes the layout: the entry is replaced and the counts follow.
  f.db.PutString("n", "13", false, true, kNow + 5000);
  CHECK(f.db.Find("n")->expire_at() == kNow + 5000);
  CHECK(f.db.expires_count() == 1);
  e = f.db.Find("n");
  CHECK(f.db.PutString("n", "14", false, true, kNow + 9000) == e);
  CHECK(f.db.Find("n")->expire_at() == kNow + 9000);
  CHECK(f.db.PutString("n", "15")->has_expire() == false);
  CHECK(f.db.expires_count() == 0);
  CHECK(f.db.size() == 2);
}

TEST_CASE("Lazy expiry deletes a key once the command time passes its expiry") {
  Fixture f;
  f.db.PutString("k", "v", false, true, kNow + 100);
  f.db.PutString("other", "v");
  CHECK(f.db.Find("k") != nullptr);
  f.dbs.SetNow(kNow + 100);  // expiry is "now > expire_at"
  CHECK(f.db.Find("k") != nullptr);
  f.dbs.SetNow(kNow + 101);
  CHECK(f.db.size() == 2);  // still there until looked up
  CHECK(f.db.Peek("k") != nullptr);
  CHECK(f.db.Find("k", Database::kNoTouch) == nullptr);
  CHECK(f.db.size() == 1);
  CHECK(f.db.expires_count() == 0);
  CHECK(f.dbs.stats().expired_keys == 1);
  CHECK(f.db.Peek("k") == nullptr);
  CHECK_FALSE(f.db.Delete("k"));
}

TEST_CASE("FindRead counts keyspace hits and misses; Find does not") {
  Fixture f;
  f.db.PutString("k", "v");
  f.db.FindRead("k");
  f.db.FindRead("k", Database::kNoTouch);
  f.db.FindRead("missing");
  f.db.Find("k");
  f.db.Find("missing");
  CHECK(f.dbs.keyspace_hits() == 2);
  CHECK(f.dbs.keyspace_misses() == 1);
}

TEST_CASE("Lookups refresh the LRU clock unless kNoTouch") {
  Fixture f;
  f.db.PutString("k", "v");
  const uint32_t created = f.db.Peek("k")->lru();
  CHECK(created == tandem::engine::LruClockFor(kNow));
  f.dbs.SetNow(kNow + 50000);
  f.db.Find("k", Database::kNoTouch);
  CHECK(f.db.Peek("k")->lru() == created);
  CHECK(tandem::engine::IdleSeconds(f.dbs.lru_clock(), created) == 50);
  f.db.Find("k");
  CHECK(f.db.Peek("k")->lru() == f.dbs.lru_clock());
  // The 24-bit clock wraps; idle time stays right across the wrap.
  CHECK(tandem::engine::IdleSeconds(5, tandem::engine::kLruClockMax - 10) == 15);
}

TEST_CASE("LFU policy: new values start at 5, the first access makes 6, time decays") {
  Fixture f;
  f.dbs.lfu_policy = true;
  f.db.PutString("k", "v");
  CHECK(f.dbs.LfuCounter(f.db.Peek("k")) == 5);
  f.db.Find("k", Database::kNoTouch);
  CHECK(f.dbs.LfuCounter(f.db.Peek("k")) == 5);
  f.db.Find("k");
  CHECK(f.dbs.LfuCounter(f.db.Peek("k")) == 6);
  // Increments get rarer as the counter grows, but never exceed 255.
  for (int i = 0; i < 100000; ++i) f.db.Find("k");
  const int hot = f.dbs.LfuCounter(f.db.Peek("k"));
  CHECK(hot > 6);
  CHECK(hot <= 255);
  // One decrement per lfu-decay-time minutes of inactivity.
  f.dbs.SetNow(kNow + 3 * 60000);
  CHECK(f.dbs.LfuCounter(f.db.Peek("k")) == hot - 3);
  f.dbs.lfu_decay_time = 0;
  CHECK(f.dbs.LfuCounter(f.db.Peek("k")) == hot);
  f.dbs.lfu_decay_time = 1;
  // Overwriting keeps the counter (Redis's dbSetValue); a new key starts afresh.
  uint32_t before = f.db.Peek("k")->lru();
  f.db.PutString("k", "other value");
  CHECK(f.db.Peek("k")->lru() == before);
  f.db.PutString("fresh", "v");
  CHECK(f.dbs.LfuCounter(f.db.Peek("fresh")) == 5);
  // A renamed or moved entry keeps its counter.
  Entry* moved = Entry::Rekey(KeyWrite(f.db, "k", Database::kNoTouch).Detach(), "k2");
  KeyWrite(f.dbs.db(1), "k2").Adopt(moved);
  CHECK(f.dbs.db(1).Peek("k2")->lru() == before);
}

TEST_CASE("SetExpire and Persist keep the expires count and memory accounting right") {
  Fixture f;
  f.db.PutString("k", std::string(100, 'x'));
  const size_t base = f.db.memory();
  KeyWrite(f.db, "k").SetExpire(kNow + 5000);
  Entry* e = f.db.Find("k");
  CHECK(e->has_expire());
  CHECK(e->expire_at() == kNow + 5000);
  CHECK(*e->raw() == std::string(100, 'x'));
  CHECK(f.db.expires_count() == 1);
  CHECK(f.db.memory() >= base);
  KeyWrite(f.db, "k").SetExpire(kNow + 9000);  // in place
  CHECK(f.db.Find("k") == e);
  CHECK(e->expire_at() == kNow + 9000);
  CHECK(f.db.expires_count() == 1);
  CHECK(KeyWrite(f.db, "k").Persist());
  CHECK_FALSE(KeyWrite(f.db, "k").Persist());  // nothing left to remove
  CHECK_FALSE(f.db.Find("k")->has_expire());
  CHECK(f.db.expires_count() == 0);
  CHECK(f.db.memory() == base);
}

TEST_CASE("Memory accounting returns to the bucket bytes after deleting everything") {
  Fixture f;
  CHECK(f.db.memory() == 0);
  for (int i = 0; i < 3000; ++i) {
    std::string value = i % 3 == 0 ? std::to_string(i) : std::string(i % 100, 'v');
    bool expire = i % 4 == 0;
    f.db.PutString(Key(i), value, false, expire, kNow + 100000);
  }
  CHECK(f.db.memory() > f.db.bucket_bytes());
  // Mutations that change sizes and layouts in place, several in one guard too.
  std::vector<std::string> keys;
  for (int i = 0; i < 3000; ++i) keys.push_back(Key(i));
  for (int i = 0; i < 3000; i += 7) KeyWrite(f.db, keys[i]).SetExpire(kNow + 5);
  for (int i = 0; i < 3000; i += 11) KeyWrite(f.db, keys[i]).Persist();
  for (int i = 1; i < 3000; i += 13) {
    KeyWrite w(f.db, keys[i]);
    w.MutableRaw()->append(200, 'a');
    if (i % 2) w.SetExpire(kNow + 5);
    w.MutableRaw()->append(1000, 'b');
    if (i % 3 == 0) w.Version();
  }
  for (int i = 0; i < 3000; i += 17) f.db.PutString(Key(i), "replacement");
  for (int i = 0; i < 3000; i += 19) KeyWrite(f.db, keys[i]).Version();
  // Delete everything through every path: Delete, KeyWrite::Delete, Detach, lazy expiry.
  f.dbs.SetNow(kNow + 10);
  for (int i = 0; i < 3000; ++i) {
    switch (i % 4) {
      case 0:
        f.db.Delete(Key(i));
        break;
      case 1:
        if (KeyWrite w(f.db, keys[i]); w.entry()) w.Delete();
        break;
      case 2:
        if (KeyWrite w(f.db, keys[i]); w.entry()) Entry::Destroy(w.Detach());
        break;
      default:
        f.db.Find(Key(i));
        f.db.Delete(Key(i));
    }
  }
  CHECK(f.db.size() == 0);
  CHECK(f.db.expires_count() == 0);
  CHECK(f.db.memory() == f.db.bucket_bytes());
  CHECK(f.db.bucket_bytes() > 0);
}

TEST_CASE("Detach and Adopt move an entry between databases with its TTL") {
  Fixture f;
  Database& other = f.dbs.db(1);
  f.db.PutString("k", "value", false, true, kNow + 7000);
  Entry* e = KeyWrite(f.db, "k").Detach();
  CHECK(f.db.size() == 0);
  CHECK(f.db.expires_count() == 0);
  CHECK(f.db.memory() == f.db.bucket_bytes());
  KeyWrite(other, "k").Adopt(e);
  CHECK(other.size() == 1);
  CHECK(other.expires_count() == 1);
  CHECK(other.Find("k")->expire_at() == kNow + 7000);
  // Clone for COPY: an independent deep copy with the same expiry.
  KeyWrite(other, "k2").Adopt(Entry::Clone(other.Find("k"), "k2"));
  CHECK(other.size() == 2);
  CHECK(other.expires_count() == 2);
  CHECK(StringOf(other.Find("k2")) == "value");
}

TEST_CASE("SWAPDB, FLUSHDB ASYNC and FLUSHALL") {
  Fixture f;
  for (int i = 0; i < 100; ++i) f.db.PutString(Key(i), "v", false, i % 2, kNow + 1000);
  f.dbs.db(1).PutString("one", "v");
  f.dbs.Swap(0, 1);
  CHECK(f.dbs.db(0).size() == 1);
  CHECK(f.dbs.db(1).size() == 100);
  CHECK(f.dbs.db(1).expires_count() == 50);
  CHECK(f.dbs.db(1).Find(Key(3)) != nullptr);
  f.dbs.FlushDb(1, /*async=*/true);
  CHECK(f.dbs.db(1).size() == 0);
  CHECK(f.dbs.db(1).expires_count() == 0);
  CHECK(f.dbs.db(1).memory() == 0);
  f.dbs.db(1).PutString("again", "v");  // usable after an async clear
  CHECK(f.dbs.db(1).Find("again") != nullptr);
  f.dbs.FlushAll(false);
  CHECK(f.dbs.total_keys() == 0);
  CHECK(f.dbs.memory() == 0);
  // The lazy-free thread freed the 100 keys of the async flush, counting each.
  f.dbs.lazy_free().Drain();
  CHECK(f.dbs.lazy_free().pending() == 0);
  CHECK(f.dbs.lazy_free().freed() == 100);
}

TEST_CASE("RandomLive skips and deletes expired keys") {
  Fixture f;
  std::mt19937_64 rng(3);
  CHECK(f.db.RandomLive(rng) == nullptr);
  for (int i = 0; i < 20; ++i) f.db.PutString(Key(i), "v", false, true, kNow + 10);
  f.db.PutString("live", "v");
  f.dbs.SetNow(kNow + 20);
  for (int i = 0; i < 50; ++i) {
    Entry* e = f.db.RandomLive(rng);
    REQUIRE(e != nullptr);
    CHECK(e->key() == "live");
  }
  f.db.Delete("live");
  // Only expired keys left: they are deleted on the way and nothing comes back.
  while (f.db.size() > 0) {
    Entry* e = f.db.RandomLive(rng);
    if (e) CHECK(f.db.IsExpired(e, f.dbs.now_ms()));
  }
  CHECK(f.db.RandomLive(rng) == nullptr);
}

TEST_CASE("Active expiry averages TTLs near INT64_MAX without overflow") {
  Fixture f;
  // PEXPIREAT far in the future: the sampled TTLs add up past INT64_MAX (UBSan caught the
  // long long sum in CI).
  for (int i = 0; i < 100; ++i) {
    f.db.PutString(Key(i), "v", false, true, INT64_MAX - 1000 - i);
  }
  f.dbs.SetNow(kNow);
  CHECK(f.db.ActiveExpire(kNow, tandem::engine::SteadyUs() + 5000000) == 0);
  CHECK(f.db.avg_ttl() > INT64_MAX / 2);
  CHECK(f.db.size() == 100);
}

TEST_CASE("Active expiry removes expired keys and leaves live ones") {
  Fixture f;
  for (int i = 0; i < 5000; ++i) {
    f.db.PutString(Key(i), "v", false, true, i % 2 ? kNow + 10 : kNow + 1000000);
  }
  for (int i = 0; i < 1000; ++i) f.db.PutString("persistent:" + std::to_string(i), "v");
  f.dbs.SetNow(kNow + 20);
  size_t deleted = f.db.ActiveExpire(kNow + 20, tandem::engine::SteadyUs() + 5000000);
  CHECK(deleted == 2500);
  CHECK(f.db.size() == 3500);
  CHECK(f.db.expires_count() == 2500);
  CHECK(f.dbs.stats().expired_keys == 2500);
  CHECK(f.db.avg_ttl() > 0);
  for (int i = 0; i < 5000; ++i) CHECK((f.db.Peek(Key(i)) != nullptr) == (i % 2 == 0));
}

TEST_CASE("Active expiry stops at its deadline and resumes where it left off") {
  Fixture f;
  const int n = 200000;
  for (int i = 0; i < n; ++i) f.db.PutString(Key(i), "v", false, true, kNow + 10);
  f.dbs.SetNow(kNow + 20);
  // A deadline already passed: one bounded batch only.
  const int64_t start = tandem::engine::SteadyUs();
  size_t first = f.db.ActiveExpire(kNow + 20, start);
  const int64_t elapsed = tandem::engine::SteadyUs() - start;
  CHECK(first > 0);
  CHECK(first < static_cast<size_t>(n));
  CHECK(elapsed < 50000);  // a batch of buckets, not the whole table
  size_t total = first;
  for (int round = 0; round < 100000 && f.db.size() > 0; ++round) {
    total += f.db.ActiveExpire(kNow + 20, tandem::engine::SteadyUs() + 1000);
  }
  CHECK(total == static_cast<size_t>(n));
  CHECK(f.db.size() == 0);
  CHECK(f.db.expires_count() == 0);
  CHECK(f.db.memory() == f.db.bucket_bytes());
}

TEST_CASE("DbSet::Cron expires keys in every database when enabled") {
  Fixture f;
  for (int d = 0; d < 4; ++d) {
    for (int i = 0; i < 100; ++i) f.dbs.db(d).PutString(Key(i), "v", false, true, 1);  // past
  }
  f.dbs.active_expire_enabled = false;
  f.dbs.Cron(100000);
  CHECK(f.dbs.total_keys() == 400);
  f.dbs.active_expire_enabled = true;
  for (int i = 0; i < 10 && f.dbs.total_keys() > 0; ++i) f.dbs.Cron(100000);
  CHECK(f.dbs.total_keys() == 0);
}

TEST_CASE("RehashPause: a command's lookups move no bucket, so held slots stay good") {
  Fixture f;
  // Grow until a rehash is under way.
  int n = 0;
  while (!f.db.rehashing() || n < 1000) {
    f.db.PutString(Key(n), "v" + std::to_string(n));
    ++n;
    if (!f.db.rehashing() && n > 1000) {
      REQUIRE(n < 100000);
    }
  }
  REQUIRE(f.db.rehashing());
  {
    tandem::engine::RehashPause pause(f.dbs, 0);
    // Two guards hold slots (and entry pointers) while the command looks up every key.
    const std::string ka = Key(1), kb = Key(2);  // a guard keeps a view of its key
    KeyWrite a(f.db, ka);
    KeyWrite b(f.db, kb);
    Entry* ea = a.entry();
    Entry* eb = b.entry();
    for (int round = 0; round < 3; ++round) {
      for (int i = 0; i < n; ++i) REQUIRE(f.db.Find(Key(i)) != nullptr);
    }
    // Without the pause n lookups would have moved n buckets and finished the rehash.
    CHECK(f.db.rehashing());
    CHECK(a.entry() == ea);
    CHECK(b.entry() == eb);
    CHECK(StringOf(ea) == "v1");
    CHECK(StringOf(eb) == "v2");
    a.Delete();
    b.Set(tandem::commands::StringInit(std::string(100, 'B')));
  }
  CHECK(f.db.Find(Key(1)) == nullptr);
  CHECK(StringOf(f.db.Find(Key(2))) == std::string(100, 'B'));
  for (int i = 3; i < n; ++i) REQUIRE(StringOf(f.db.Find(Key(i))) == "v" + std::to_string(i));
  CHECK(f.db.size() == static_cast<size_t>(n - 1));
  // Unpaused, lookups finish the rehash again.
  for (int i = 0; i < 4 * n && f.db.rehashing(); ++i) f.db.Find(Key(i % n));
  CHECK_FALSE(f.db.rehashing());
}

TEST_CASE("Guards alive at once stay right whatever the other one does to the table") {
  // RENAME-like pairs in one database: one guard deletes, replaces or inserts while the other
  // holds a slot that may sit in the same chain (its predecessor freed, its bucket head moved).
  Fixture f;
  std::mt19937_64 rng(11);
  const int n = 3000;
  for (int i = 0; i < n; ++i) f.db.PutString(Key(i), "v");
  std::vector<bool> present(n, true);
  tandem::engine::RehashPause pause(f.dbs, 0);
  for (int round = 0; round < 20000; ++round) {
    const int i = static_cast<int>(rng() % n);
    const int j = static_cast<int>(rng() % n);
    if (i == j) continue;
    const std::string ki = Key(i), kj = Key(j), tmp = Key(j) + ":tmp";
    KeyWrite first(f.db, ki);
    KeyWrite second(f.db, kj);
    switch (rng() % 3) {
      case 0:
        if (first.entry()) first.Delete();
        present[i] = false;
        break;
      case 1:
        first.Set(tandem::commands::StringInit(std::string(rng() % 80, 'x')));
        present[i] = true;
        break;
      default:
        if (first.entry()) {
          KeyWrite(f.db, tmp).Adopt(Entry::Rekey(first.Detach(), tmp));
        }
        present[i] = false;
        break;
    }
    if (second.entry()) {
      second.Delete();
    } else {
      second.Set(tandem::commands::StringInit("back"));
    }
    present[j] = second.entry() != nullptr;
    second.Commit();
    first.Commit();
    f.db.Delete(tmp);
  }
  size_t live = 0;
  for (int i = 0; i < n; ++i) {
    CHECK((f.db.Find(Key(i)) != nullptr) == present[i]);
    live += present[i];
  }
  CHECK(f.db.size() == live);
  size_t sum = 0;
  uint64_t cursor = 0;
  do {
    cursor = f.db.Scan(cursor, [&](Entry* e) { sum += e->MemoryUsage(); });
  } while (cursor != 0);
  CHECK(f.db.memory() == sum + f.db.bucket_bytes());
}

TEST_CASE("UNLINK-style deletes hand big values to the one lazy-free thread") {
  // A stand-in collection of 100 KB: worth freeing in the background.
  class Big final : public tandem::engine::Object {
   public:
    explicit Big(size_t bytes) { bytes_ = bytes; }
    Object* Clone() const override { return new Big(bytes_); }
  };
  Fixture f;
  for (int i = 0; i < 10; ++i) {
    Entry::Init init;
    init.type = tandem::engine::ObjType::kList;
    init.encoding = Encoding::kQuicklist;
    init.object = new Big(i < 5 ? 100 * 1024 : 100);
    f.db.Put(Key(i), init);
  }
  for (int i = 0; i < 10; ++i) {
    const std::string key = Key(i);
    KeyWrite(f.db, key).Delete(/*lazy=*/true);
  }
  CHECK(f.db.size() == 0);
  CHECK(f.db.memory() == f.db.bucket_bytes());
  f.dbs.lazy_free().Drain();
  CHECK(f.dbs.lazy_free().pending() == 0);
  CHECK(f.dbs.lazy_free().freed() == 5);  // the small ones were freed on the spot
  f.dbs.lazy_free().ResetStats();
  CHECK(f.dbs.lazy_free().freed() == 0);
}

TEST_CASE("The lazy-free thread frees what is still queued when it is destroyed") {
  auto dbs = std::make_unique<DbSet>(2);
  for (int i = 0; i < 20000; ++i) dbs->db(1).PutString(Key(i), std::string(50, 'v'));
  dbs->FlushAll(/*async=*/true);
  dbs.reset();  // joins the thread; leak checkers see the table freed
  CHECK(dbs == nullptr);
}

TEST_CASE("A read fetches an entry; copies keep it, new values and the active cycle count it") {
  Fixture f;
  f.db.PutString("k", "abc");
  CHECK_FALSE(f.db.Find("k")->fetched());  // a write's lookup does not fetch
  CHECK(f.db.FindRead("k")->fetched());
  // An expiry (a copy of the entry) keeps it; a new value, even in place, does not.
  KeyWrite(f.db, "k").SetExpire(kNow + 50000);
  CHECK(f.db.Find("k")->fetched());
  f.db.PutString("k", "xyz", /*keep_ttl=*/true);
  CHECK_FALSE(f.db.Find("k")->fetched());
  // A deep copy is a new item.
  Entry* copy = Entry::Clone(f.db.FindRead("k"), "copy");
  CHECK_FALSE(copy->fetched());
  Entry::Destroy(copy);

  // The active cycle counts the expired entries nobody read ("k" was read).
  for (int i = 0; i < 10; ++i) f.db.PutString(Key(i), "v", false, true, kNow + 10);
  for (int i = 0; i < 4; ++i) f.db.FindRead(Key(i));
  f.dbs.SetNow(kNow + 100000);
  f.db.ActiveExpire(kNow + 100000, INT64_MAX);
  CHECK(f.dbs.stats().expired_keys == 11);
  CHECK(f.dbs.stats().expired_unfetched == 6);
}

TEST_CASE("MemberTable finds the table of a hashtable set or hash, and nothing else") {
  using tandem::engine::HashPackObject;
  using tandem::engine::HashTableObject;
  using tandem::engine::IntSetObject;
  using tandem::engine::ObjType;
  using tandem::engine::SetTableObject;
  Fixture f;
  auto put = [&](std::string_view key, ObjType type, Encoding enc, tandem::engine::Object* o) {
    Entry::Init init;
    init.type = type;
    init.encoding = enc;
    init.object = o;
    f.db.Put(key, init);
  };
  auto* set = new SetTableObject();
  set->table().Insert("alpha");
  put("set", ObjType::kSet, Encoding::kHashtable, set);
  auto* hash = new HashTableObject();
  hash->table().Insert("field", "value");
  put("hash", ObjType::kHash, Encoding::kHashtable, hash);
  put("ints", ObjType::kSet, Encoding::kIntset, IntSetObject::Create());
  put("small", ObjType::kHash, Encoding::kListpack, HashPackObject::Create());
  f.db.PutString("str", "x");
  CHECK(f.db.MemberTable("set") == &set->table());
  CHECK(f.db.MemberTable("hash") == &hash->table());
  CHECK(f.db.MemberTable("ints") == nullptr);
  CHECK(f.db.MemberTable("small") == nullptr);
  CHECK(f.db.MemberTable("str") == nullptr);
  CHECK(f.db.MemberTable("nosuch") == nullptr);
  // The hints change nothing, for members present or not, and on an empty table.
  for (std::string_view member : {"alpha", "nope"}) {
    set->table().PrefetchChain(set->table().PrefetchBucket(member));
  }
  tandem::engine::StrTable empty({false});
  empty.PrefetchChain(empty.PrefetchBucket("x"));
  CHECK(set->table().size() == 1);
  CHECK(set->table().Contains("alpha"));
}
