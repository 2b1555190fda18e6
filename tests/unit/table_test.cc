// The keyspace table (chained hashing with incremental rehash, reverse-binary Scan, Random)
// and the Entry layout it links (tag, LRU, optional expiry, varint key and value lengths).
#include "server/engine/table.h"

#include <doctest/doctest.h>
#include <malloc.h>

#include <algorithm>
#include <climits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "server/engine/entry.h"

namespace {

using tandem::engine::Encoding;
using tandem::engine::Entry;
using tandem::engine::ObjType;
using tandem::engine::Table;

Entry* MakeEntry(std::string_view key, std::string_view value = "v") {
  Entry::Init init;
  init.encoding = Encoding::kEmbStr;
  init.str = value;
  return Entry::Create(key, init);
}

std::string Key(int i) { return "key:" + std::to_string(i); }

void InsertKeys(Table& t, int from, int to) {
  for (int i = from; i < to; ++i) t.Insert(MakeEntry(Key(i)));
}

bool Remove(Table& t, std::string_view key) {
  Table::Slot slot = t.Find(key);
  if (!slot.entry) return false;
  Entry::Destroy(t.Unlink(slot));
  return true;
}

// Every key a full Scan iteration returns, with how many times it was returned.
std::map<std::string, int> ScanAll(const Table& t) {
  std::map<std::string, int> seen;
  uint64_t cursor = 0;
  do {
    cursor = t.Scan(cursor, [&](Entry* e) { ++seen[std::string(e->key())]; });
  } while (cursor != 0);
  return seen;
}

std::string StringOf(const Entry* e) {
  char buf[24];
  return std::string(e->StringValue(buf));
}

}  // namespace

// --- Entry layout ------------------------------------------------------------------------------

TEST_CASE("Entry round-trips keys and embedded values across varint length boundaries") {
  const size_t sizes[] = {0, 1, 44, 126, 127, 128, 129, 255, 16383, 16384, 16385};
  for (bool expire : {false, true}) {
    for (size_t key_len : sizes) {
      for (size_t value_len : sizes) {
        std::string key(key_len, 'k');
        if (key_len > 0) key.back() = 'K';
        std::string value(value_len, 'v');
        if (value_len > 0) value.front() = 'V';
        Entry::Init init;
        init.encoding = Encoding::kEmbStr;
        init.str = value;
        init.has_expire = expire;
        init.expire_at_ms = expire ? 4102444800123 : 0;
        init.lru = 0xABCDEF;
        Entry* e = Entry::Create(key, init);
        CAPTURE(expire);
        CAPTURE(key_len);
        CAPTURE(value_len);
        CHECK(e->key() == key);
        CHECK(e->emb() == value);
        CHECK(StringOf(e) == value);
        CHECK(e->type() == ObjType::kString);
        CHECK(e->encoding() == Encoding::kEmbStr);
        CHECK(e->has_expire() == expire);
        if (expire) CHECK(e->expire_at() == 4102444800123);
        CHECK(e->lru() == 0xABCDEF);
        CHECK(e->next() == nullptr);
        CHECK(e->MemoryUsage() >= 10 + key_len + value_len + (expire ? 8 : 0));
        Entry::Destroy(e);
      }
    }
  }
}

TEST_CASE("Entry stores integers and raw strings next to keys of any length") {
  const long long ints[] = {0, 1, -1, 9999, 10000, LLONG_MAX, LLONG_MIN};
  for (bool expire : {false, true}) {
    for (size_t key_len : {size_t{0}, size_t{127}, size_t{128}}) {
      std::string key(key_len, 'x');
      for (long long v : ints) {
        Entry::Init init;
        init.encoding = Encoding::kInt;
        init.integer = v;
        init.has_expire = expire;
        init.expire_at_ms = 77;
        Entry* e = Entry::Create(key, init);
        CHECK(e->key() == key);
        CHECK(e->int_value() == v);
        CHECK(StringOf(e) == std::to_string(v));
        e->set_int_value(v / 2);
        CHECK(e->int_value() == v / 2);
        CHECK(e->key() == key);
        if (expire) CHECK(e->expire_at() == 77);
        Entry::Destroy(e);
      }
      Entry::Init init;
      init.encoding = Encoding::kRaw;
      init.raw = new std::string(128, 'r');
      init.has_expire = expire;
      init.expire_at_ms = 88;
      Entry* e = Entry::Create(key, init);
      CHECK(e->key() == key);
      CHECK(*e->raw() == std::string(128, 'r'));
      CHECK(e->encoding() == Encoding::kRaw);
      // The raw string's buffer is accounted on top of the entry.
      CHECK(e->MemoryUsage() >= 10 + key_len + sizeof(std::string) + 128);
      Entry::Destroy(e);
    }
  }
}

TEST_CASE("Entry LRU, tag and chain link do not disturb each other") {
  Entry* a = MakeEntry("a");
  Entry* b = MakeEntry("b");
  a->set_next(b);
  for (uint32_t lru : {0u, 1u, 0xFFu, 0x100u, 0xFFFFFFu}) {
    a->set_lru(lru);
    CHECK(a->lru() == lru);
    CHECK(a->next() == b);
    CHECK(a->encoding() == Encoding::kEmbStr);
  }
  a->set_encoding(Encoding::kRaw);
  CHECK(a->encoding() == Encoding::kRaw);
  CHECK(a->next() == b);
  CHECK(a->lru() == 0xFFFFFFu);
  a->set_encoding(Encoding::kEmbStr);
  Entry::Destroy(a);
  Entry::Destroy(b);
}

TEST_CASE("WithExpire adds and removes the expiry keeping key, value, LRU and link") {
  for (size_t key_len : {size_t{1}, size_t{127}, size_t{128}}) {
    std::string key(key_len, 'q');
    Entry* next = MakeEntry("next");
    Entry* e = MakeEntry(key, std::string(128, 'z'));
    e->set_lru(12345);
    e->set_next(next);
    e = Entry::WithExpire(e, true, 5000);
    CHECK(e->has_expire());
    CHECK(e->expire_at() == 5000);
    CHECK(e->key() == key);
    CHECK(e->emb() == std::string(128, 'z'));
    CHECK(e->lru() == 12345);
    CHECK(e->next() == next);
    e->set_expire_at(6000);
    CHECK(e->expire_at() == 6000);
    CHECK(Entry::WithExpire(e, true, 7000) == e);  // same layout: updated in place
    CHECK(e->expire_at() == 7000);
    e = Entry::WithExpire(e, false, 0);
    CHECK_FALSE(e->has_expire());
    CHECK(e->key() == key);
    CHECK(e->emb() == std::string(128, 'z'));
    CHECK(e->next() == next);
    Entry::Destroy(e);
    Entry::Destroy(next);
  }
}

TEST_CASE("Clone deep-copies the value; Rekey moves it under a new key") {
  Entry::Init init;
  init.encoding = Encoding::kRaw;
  init.raw = new std::string("raw value that is long enough to stay raw, really long");
  init.has_expire = true;
  init.expire_at_ms = 999;
  init.lru = 42;
  Entry* original = Entry::Create("src", init);

  Entry* copy = Entry::Clone(original, "copy");
  CHECK(copy->key() == "copy");
  CHECK(copy->raw() != original->raw());
  copy->raw()->append("!");
  CHECK(*original->raw() == "raw value that is long enough to stay raw, really long");
  CHECK(copy->has_expire());
  CHECK(copy->expire_at() == 999);

  std::string* value = original->raw();
  Entry* renamed = Entry::Rekey(original, std::string(200, 'n'));  // frees `original`
  CHECK(renamed->key() == std::string(200, 'n'));
  CHECK(renamed->raw() == value);
  CHECK(renamed->expire_at() == 999);
  CHECK(renamed->lru() == 42);
  Entry::Destroy(renamed);
  Entry::Destroy(copy);

  Entry::Init small;
  small.encoding = Encoding::kEmbStr;
  small.str = "tiny";
  Entry* e = Entry::Create("a", small);
  Entry* r = Entry::Rekey(e, "b");
  CHECK(r->emb() == "tiny");
  CHECK_FALSE(r->has_expire());
  Entry::Destroy(r);
}

TEST_CASE("A cloned integer is unshared until its value changes; moves keep the mark") {
  Entry::Init init;
  init.encoding = Encoding::kInt;
  init.integer = 5;
  Entry* e = Entry::Create("k", init);
  CHECK_FALSE(e->unshared());
  Entry* copy = Entry::Clone(e, "k2");
  CHECK(copy->unshared());
  CHECK(copy->encoding() == Encoding::kInt);
  copy = Entry::WithExpire(copy, true, 100);
  CHECK(copy->unshared());
  CHECK(copy->has_expire());
  copy = Entry::Rekey(copy, "k3");
  CHECK(copy->unshared());
  copy->set_lru(0xFFFFFF);
  copy->set_encoding(Encoding::kInt);
  CHECK(copy->unshared());
  CHECK(copy->int_value() == 5);
  copy->set_int_value(6);
  CHECK_FALSE(copy->unshared());
  Entry::Destroy(copy);
  Entry::Destroy(e);
  Entry* s = MakeEntry("s", "text");
  Entry* scopy = Entry::Clone(s, "s2");
  CHECK_FALSE(scopy->unshared());
  Entry::Destroy(scopy);
  Entry::Destroy(s);
}

TEST_CASE("Entry keeps client flags and a version only when asked, next to every other field") {
  const uint32_t flag_values[] = {0, 1, 0xDEADBEEF};
  for (bool expire : {false, true}) {
    for (bool version : {false, true}) {
      for (uint32_t flags : flag_values) {
        for (Encoding encoding : {Encoding::kInt, Encoding::kEmbStr, Encoding::kRaw}) {
          Entry::Init init;
          init.encoding = encoding;
          init.integer = -42;
          init.str = "embedded";
          if (encoding == Encoding::kRaw) init.raw = new std::string(100, 'r');
          init.has_expire = expire;
          init.expire_at_ms = 4102444800123;
          init.has_version = version;
          init.version = 0x0123456789ABCDEFull;
          init.client_flags = flags;
          init.lru = 0xABCDEF;
          std::string key(130, 'k');  // a two-byte varint length
          Entry* next = MakeEntry("next");
          Entry* e = Entry::Create(key, init);
          e->set_next(next);
          CAPTURE(expire);
          CAPTURE(version);
          CAPTURE(flags);
          CAPTURE(static_cast<int>(encoding));
          CHECK(e->next() == next);
          CHECK(e->key() == key);
          CHECK(e->has_expire() == expire);
          if (expire) CHECK(e->expire_at() == 4102444800123);
          CHECK(e->has_version() == version);
          if (version) CHECK(e->version() == 0x0123456789ABCDEFull);
          CHECK(e->client_flags() == flags);
          CHECK(e->lru() == 0xABCDEF);
          const std::string value = encoding == Encoding::kInt   ? "-42"
                                    : encoding == Encoding::kRaw ? std::string(100, 'r')
                                                                 : "embedded";
          CHECK(StringOf(e) == value);
          // The copies that keep the link carry flags and version along.
          e = Entry::WithExpire(e, !expire, 77);
          CHECK(e->has_expire() == !expire);
          CHECK(e->next() == next);
          CHECK(e->has_version() == version);
          CHECK(e->client_flags() == flags);
          CHECK(StringOf(e) == value);
          e = Entry::WithVersion(e, 99);
          CHECK(e->version() == 99);
          CHECK(e->client_flags() == flags);
          if (!expire) CHECK(e->expire_at() == 77);
          CHECK(e->next() == next);
          e->set_version(100);
          CHECK(e->version() == 100);
          if (!expire) CHECK(e->expire_at() == 77);
          CHECK(e->key() == key);
          e = Entry::WithRawValue(e);
          CHECK(e->encoding() == Encoding::kRaw);
          CHECK(StringOf(e) == value);
          CHECK(e->version() == 100);
          CHECK(e->client_flags() == flags);
          CHECK(e->next() == next);
          // A copy for COPY is a new item: same flags, no version.
          Entry* copy = Entry::Clone(e, "c");
          CHECK_FALSE(copy->has_version());
          CHECK(copy->client_flags() == flags);
          CHECK(StringOf(copy) == value);
          Entry::Destroy(copy);
          e = Entry::Rekey(e, "renamed");
          CHECK(e->key() == "renamed");
          CHECK(e->version() == 100);
          CHECK(e->client_flags() == flags);
          Entry::Destroy(e);
          Entry::Destroy(next);
        }
      }
    }
  }
}

TEST_CASE("Entries without flags or a version are as small as before; the fields cost 4 and 8") {
  // The memory probe's entry: an 11-byte key and a 16-byte embedded value, 39 bytes.
  auto usable = [](uint32_t flags, bool version) {
    Entry::Init init;
    init.str = "val:0000000:abcd";
    init.client_flags = flags;
    init.has_version = version;
    Entry* e = Entry::Create("key:0000000", init);
    size_t n = malloc_usable_size(e);
    Entry::Destroy(e);
    return n;
  };
  // 39 bytes: glibc's 48-byte chunk (40 usable), as before the optional fields existed.
  // (malloc_usable_size is exact under AddressSanitizer, rounded up by glibc.)
  CHECK(usable(0, false) >= 39);
  CHECK(usable(0, false) <= 40);
  CHECK(usable(7, false) >= 43);  // flags: 4 more bytes, glibc's next chunk size
  CHECK(usable(0, true) >= 47);   // a version: 8 more
}

TEST_CASE("OverwriteInPlace keeps the version field and needs the same flags presence") {
  Entry::Init init;
  init.str = "abc";
  init.client_flags = 5;
  init.has_version = true;
  init.version = 7;
  Entry* e = Entry::Create("k", init);
  Entry::Init same = init;
  same.str = "xyz";
  same.client_flags = 9;
  same.has_version = false;
  CHECK(e->OverwriteInPlace(same));
  CHECK(e->emb() == "xyz");
  CHECK(e->client_flags() == 9);
  CHECK(e->version() == 7);  // the version is the writer's to bump
  Entry::Init no_flags = same;
  no_flags.client_flags = 0;
  CHECK_FALSE(e->OverwriteInPlace(no_flags));  // the flags field would have to go
  CHECK(e->client_flags() == 9);
  Entry::Destroy(e);
}

// --- Table ---------------------------------------------------------------------------------

TEST_CASE("Table finds, replaces and unlinks entries") {
  Table t;
  CHECK(t.size() == 0);
  CHECK(t.Find("missing").entry == nullptr);
  t.Insert(MakeEntry("a", "1"));
  t.Insert(MakeEntry("b", "2"));
  CHECK(t.size() == 2);
  Table::Slot slot = t.Find("a");
  REQUIRE(slot.entry != nullptr);
  CHECK(slot.entry->emb() == "1");
  Entry* old = t.Replace(slot, MakeEntry("a", "one"));
  Entry::Destroy(old);
  CHECK(t.Find("a").entry->emb() == "one");
  CHECK(t.size() == 2);
  CHECK(Remove(t, "a"));
  CHECK_FALSE(Remove(t, "a"));
  CHECK(t.size() == 1);
  CHECK(t.Find("b").entry->emb() == "2");
}

TEST_CASE("Table keeps every key reachable while it rehashes incrementally") {
  Table t;
  InsertKeys(t, 0, 4);
  CHECK_FALSE(t.rehashing());
  t.Insert(MakeEntry(Key(4)));  // the 5th key in 4 buckets starts a rehash to 8
  bool saw_rehash = t.rehashing();
  for (int i = 5; i < 5000; ++i) {
    t.Insert(MakeEntry(Key(i)));
    saw_rehash |= t.rehashing();
    if (i % 97 == 0) {
      // Lookups in the middle of a rehash see both arrays.
      for (int j = 0; j <= i; j += 13) REQUIRE(t.Find(Key(j)).entry != nullptr);
    }
  }
  CHECK(saw_rehash);
  CHECK(t.size() == 5000);
  // Unlink from both arrays during a rehash: grow once more and delete as it progresses.
  InsertKeys(t, 5000, 9000);
  CHECK(t.rehashing());
  for (int i = 0; i < 9000; i += 2) REQUIRE(Remove(t, Key(i)));
  CHECK(t.size() == 4500);
  for (int i = 0; i < 9000; ++i) CHECK((t.Find(Key(i)).entry != nullptr) == (i % 2 == 1));
  while (t.RehashStep(100)) {
  }
  CHECK_FALSE(t.rehashing());
  CHECK(t.size() == 4500);
}

TEST_CASE("Table shrinks a sparse table and finishes with RehashFor") {
  Table t;
  InsertKeys(t, 0, 1000);
  t.RehashFor(1000000);
  CHECK_FALSE(t.rehashing());
  const size_t big = t.bucket_count();
  CHECK(big >= 1000);
  CHECK_FALSE(t.ShrinkIfSparse());  // still full
  for (int i = 10; i < 1000; ++i) REQUIRE(Remove(t, Key(i)));
  CHECK(t.ShrinkIfSparse());
  CHECK(t.rehashing());
  t.RehashFor(1000000);
  CHECK_FALSE(t.rehashing());
  CHECK(t.bucket_count() < big);
  CHECK(t.BucketBytes() == t.bucket_count() * sizeof(Entry*));
  for (int i = 0; i < 10; ++i) CHECK(t.Find(Key(i)).entry != nullptr);
}

TEST_CASE("Table move transfers ownership of the entries") {
  Table a;
  InsertKeys(a, 0, 100);
  Table b(std::move(a));
  CHECK(a.size() == 0);
  CHECK(a.Find(Key(1)).entry == nullptr);
  CHECK(b.size() == 100);
  CHECK(b.Find(Key(99)).entry != nullptr);
  Table c;
  InsertKeys(c, 500, 510);
  c = std::move(b);  // frees c's own entries
  CHECK(c.size() == 100);
  CHECK(c.Find(Key(500)).entry == nullptr);
  c.Clear();
  CHECK(c.size() == 0);
  CHECK(c.bucket_count() == 0);
}

TEST_CASE("Scan returns each key exactly once on a table that does not change") {
  for (int n : {0, 1, 3, 4, 5, 100, 1000}) {
    Table t;
    InsertKeys(t, 0, n);
    std::map<std::string, int> seen = ScanAll(t);
    CHECK(seen.size() == static_cast<size_t>(n));
    for (const auto& [key, count] : seen) CHECK(count == 1);
  }
  // Also when frozen in the middle of a rehash (both arrays populated).
  Table t;
  InsertKeys(t, 0, 1024);
  t.RehashFor(1000000);
  t.Insert(MakeEntry(Key(1024)));
  REQUIRE(t.rehashing());
  std::map<std::string, int> seen = ScanAll(t);
  CHECK(seen.size() == 1025);
  for (const auto& [key, count] : seen) CHECK(count == 1);
}

TEST_CASE("Scan returns every key present for the whole iteration while the table grows") {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    Table t;
    const int stable = 200 + static_cast<int>(rng() % 300);
    InsertKeys(t, 0, stable);
    std::set<std::string> seen;
    int next = 1000000;
    uint64_t cursor = 0;
    int calls = 0;
    do {
      cursor = t.Scan(cursor, [&](Entry* e) { seen.emplace(e->key()); });
      // Between calls: add a burst of keys (growing and rehashing) and drop some of them;
      // growth stops after a while, or the iteration could never catch up.
      int burst = calls < 300 ? static_cast<int>(rng() % 64) : 0;
      InsertKeys(t, next, next + burst);
      next += burst;
      if (rng() % 3 == 0 && next > 1000000) Remove(t, Key(1000000 + rng() % (next - 1000000)));
      ++calls;
    } while (cursor != 0 && calls < 1000000);
    CAPTURE(seed);
    REQUIRE(cursor == 0);
    for (int i = 0; i < stable; ++i) CHECK(seen.count(Key(i)) == 1);
  }
}

TEST_CASE("Scan returns every key present for the whole iteration while the table shrinks") {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    Table t;
    const int stable = 20;
    const int doomed = 4000;
    InsertKeys(t, 0, stable);
    InsertKeys(t, 1000000, 1000000 + doomed);
    t.RehashFor(1000000);
    std::vector<int> order(doomed);
    for (int i = 0; i < doomed; ++i) order[i] = 1000000 + i;
    std::shuffle(order.begin(), order.end(), rng);
    std::set<std::string> seen;
    size_t removed = 0;
    uint64_t cursor = 0;
    do {
      cursor = t.Scan(cursor, [&](Entry* e) { seen.emplace(e->key()); });
      // Between calls: delete a batch, start shrinking when sparse, rehash a little.
      for (int k = 0; k < 300 && removed < order.size(); ++k) Remove(t, Key(order[removed++]));
      t.ShrinkIfSparse();
      t.RehashStep(static_cast<int>(rng() % 4));
    } while (cursor != 0);
    CAPTURE(seed);
    for (int i = 0; i < stable; ++i) CHECK(seen.count(Key(i)) == 1);
  }
}

TEST_CASE("Scan survives grow and shrink cycles between calls") {
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    std::mt19937_64 rng(seed);
    Table t;
    InsertKeys(t, 0, 50);
    std::set<std::string> seen;
    std::vector<int> extra;
    int next = 1000000;
    uint64_t cursor = 0;
    int step = 0;
    do {
      cursor = t.Scan(cursor, [&](Entry* e) { seen.emplace(e->key()); });
      if ((step++ / 5) % 2 == 0) {
        for (int k = 0; k < 200; ++k) extra.push_back(next++);
        InsertKeys(t, next - 200, next);
      } else {
        while (!extra.empty()) {
          Remove(t, Key(extra.back()));
          extra.pop_back();
        }
        t.ShrinkIfSparse();
      }
      t.RehashStep(static_cast<int>(rng() % 8));
    } while (cursor != 0 && step < 100000);
    CAPTURE(seed);
    REQUIRE(cursor == 0);
    for (int i = 0; i < 50; ++i) CHECK(seen.count(Key(i)) == 1);
  }
}

TEST_CASE("Random returns present entries, including while rehashing") {
  std::mt19937_64 rng(7);
  Table t;
  CHECK(t.Random(rng) == nullptr);
  InsertKeys(t, 0, 8);
  std::set<std::string> drawn;
  for (int i = 0; i < 2000; ++i) {
    Entry* e = t.Random(rng);
    REQUIRE(e != nullptr);
    drawn.emplace(e->key());
  }
  CHECK(drawn.size() == 8);  // every key comes up eventually

  Table big;
  InsertKeys(big, 0, 512);
  big.RehashFor(1000000);
  InsertKeys(big, 512, 600);
  for (int i = 0; i < 5000; ++i) {
    Entry* e = big.Random(rng);
    REQUIRE(e != nullptr);
    REQUIRE(big.Find(e->key()).entry == e);
  }
  for (int i = 0; i < 600; ++i) Remove(big, Key(i));
  CHECK(big.Random(rng) == nullptr);
}

TEST_CASE("WalkBuckets visits every entry once per full pass") {
  Table t;
  InsertKeys(t, 0, 300);
  t.RehashFor(1000000);
  std::map<std::string, int> seen;
  uint64_t cursor = 0;
  size_t total = t.bucket_count();
  t.WalkBuckets(&cursor, total, [&](Entry* e) { ++seen[std::string(e->key())]; });
  CHECK(seen.size() == 300);
  for (const auto& [key, count] : seen) CHECK(count == 1);
  CHECK(cursor % total == 0);
}

TEST_CASE("A slot stays valid across lookups and goes stale when the table changes") {
  Table t;
  InsertKeys(t, 0, 100);
  Table::Slot a = t.Find(Key(1), /*rehash_step=*/false);
  for (int i = 0; i < 100; ++i) t.Find(Key(i), /*rehash_step=*/false);
  CHECK(t.Valid(a));
  Table::Slot b = t.Find(Key(2));
  Entry::Destroy(t.Unlink(b));
  CHECK_FALSE(t.Valid(a));
  a = t.Find(Key(1));
  CHECK(t.Valid(a));
  Entry::Destroy(t.Replace(a, MakeEntry(Key(1), "new")));
  CHECK(t.Valid(a));  // Replace updates the slot it was given
  CHECK(a.entry->emb() == "new");
  Table::Slot c = t.Insert(MakeEntry("fresh"));
  CHECK(t.Valid(c));
  CHECK_FALSE(t.Valid(a));
  CHECK(t.Find("fresh").entry == c.entry);
}

TEST_CASE("Lookups without rehash steps leave a rehash where it is") {
  Table t;
  InsertKeys(t, 0, 4);
  t.Insert(MakeEntry(Key(4)));  // starts growing to 8 buckets
  REQUIRE(t.rehashing());
  for (int round = 0; round < 1000; ++round) {
    for (int i = 0; i < 5; ++i) REQUIRE(t.Find(Key(i), /*rehash_step=*/false).entry != nullptr);
  }
  CHECK(t.rehashing());
  for (int i = 0; i < 100 && t.rehashing(); ++i) t.Find(Key(0));
  CHECK_FALSE(t.rehashing());
}

TEST_CASE("Inserts into a paused rehash move buckets once the new array is full") {
  // A command adding many keys while rehashing is paused (MSET with many pairs) must not
  // pile them into ever longer chains of a table that cannot grow.
  Table t;
  InsertKeys(t, 0, 5);
  REQUIRE(t.rehashing());
  const int n = 200000;
  for (int i = 5; i < n; ++i) t.Insert(MakeEntry(Key(i)), /*rehash_step=*/false);
  CHECK(t.size() == static_cast<size_t>(n));
  CHECK(t.bucket_count() >= static_cast<size_t>(n) / 2);  // it kept growing: chains stay short
  for (int i = 0; i < n; i += 97) REQUIRE(t.Find(Key(i), false).entry != nullptr);
}
