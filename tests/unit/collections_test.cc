// Sets and hashes against simple in-test models: random operation sequences that cross every
// encoding threshold (intset widths and the intset -> hashtable conversion, listpack ->
// hashtable by entries and by value length), the hashtable's SCAN guarantee across resizes,
// and the accounted bytes following every change.
#include "server/engine/collections.h"

#include <doctest/doctest.h>
#include <malloc.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "server/commands/hash_ops.h"
#include "server/commands/set_ops.h"
#include "server/engine/str_table.h"

namespace tandem::commands {
namespace {

using engine::Encoding;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kSteps = 3000;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int kSteps = 3000;
#else
constexpr int kSteps = 20000;
#endif
#else
constexpr int kSteps = 20000;
#endif

std::string RandomMember(std::mt19937_64& rng) {
  switch (rng() % 6) {
    case 0:
      return std::to_string(static_cast<int64_t>(rng() % 200) - 100);  // 1-byte wide
    case 1:
      return std::to_string(static_cast<int64_t>(rng() % 100000) - 50000);  // 3 bytes
    case 2:
      return std::to_string(static_cast<int64_t>(rng()));  // up to 8 bytes
    case 3:
      return std::to_string(rng() % 50);
    case 4:
      return "m" + std::to_string(rng() % 300);  // not an integer: converts
    default:
      return "0" + std::to_string(rng() % 10);  // "01" is not canonical: not an intset member
  }
}

std::set<std::string> Members(const SetRef& s) {
  std::set<std::string> out;
  s.ForEach([&](std::string_view m) { CHECK(out.emplace(m).second); });
  return out;
}

TEST_CASE("sets follow a model across intset widths and the conversion to a hashtable") {
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    std::mt19937_64 rng(seed);
    const size_t max_intset = seed * 20;
    const bool ints_only = seed % 2 == 0;
    SetRef set = SetRef::NewIntset();
    std::set<std::string> model;
    for (int step = 0; step < kSteps / 4; ++step) {
      std::string m = RandomMember(rng);
      if (ints_only) m = std::to_string(static_cast<int64_t>(rng()) >> (rng() % 64));
      const int op = rng() % 10;
      if (op < 6) {
        CHECK(set.Add(m, max_intset) == model.insert(m).second);
      } else if (op < 9) {
        CHECK(set.Remove(m) == (model.erase(m) == 1));
      } else if (!model.empty()) {
        std::string r = set.Random(rng);
        CHECK(model.count(r) == 1);
      }
      CHECK(set.Contains(m) == (model.count(m) == 1));
      REQUIRE(set.size() == model.size());
      // Redis's rule: an intset while every member is a canonical integer and there are at
      // most max_intset of them; once a hashtable, always a hashtable.
      if (set.enc == Encoding::kIntset) {
        CHECK(model.size() <= max_intset);
        long long v;
        for (const std::string& x : model) CHECK(SetMemberAsInt(x, &v));
        // Ascending order.
        std::vector<long long> got;
        set.ForEach([&](std::string_view x) { got.push_back(std::stoll(std::string(x))); });
        CHECK(std::is_sorted(got.begin(), got.end()));
        CHECK(set.obj->MemoryUsage() == malloc_usable_size(set.obj));
      }
      if (step % 97 == 0) CHECK(Members(set) == model);
    }
    CHECK(Members(set) == model);
    // A copy is deep and equal.
    engine::Object* copy = set.obj->Clone();
    SetRef copied{copy, set.enc};
    CHECK(Members(copied) == model);
    delete copy;
    delete set.obj;
  }
}

TEST_CASE("intset widths: every boundary value round-trips") {
  engine::IntSetObject* is = engine::IntSetObject::Create();
  std::set<int64_t> model;
  for (int w = 1; w <= 8; ++w) {
    const int64_t lim = w == 8 ? INT64_MAX : (int64_t{1} << (8 * w - 1)) - 1;
    for (int64_t v : {lim, -lim - 1, lim - 1, int64_t{0}, int64_t{-1}}) {
      CHECK(engine::IntSetObject::Add(is, v) == model.insert(v).second);
    }
  }
  REQUIRE(is->size() == model.size());
  size_t i = 0;
  for (int64_t v : model) CHECK(is->At(i++) == v);
  for (int64_t v : model) CHECK(engine::IntSetObject::Remove(is, v));
  CHECK(is->size() == 0);
  delete is;
}

std::string RandomValue(std::mt19937_64& rng, size_t max_len) {
  std::string v(rng() % (max_len + 1), 'x');
  for (char& c : v) c = static_cast<char>('a' + rng() % 26);
  return v;
}

std::vector<std::pair<std::string, std::string>> Pairs(const HashRef& h) {
  std::vector<std::pair<std::string, std::string>> out;
  h.ForEach([&](std::string_view f, std::string_view v) { out.emplace_back(f, v); });
  return out;
}

TEST_CASE("hashes follow a model across the listpack limits, in insertion order") {
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    std::mt19937_64 rng(seed * 7919);
    const HashLimits limits{seed * 16, seed * 10};
    HashRef h = HashRef::New();
    std::vector<std::pair<std::string, std::string>> model;  // listpack order
    auto find = [&](const std::string& f) {
      return std::find_if(model.begin(), model.end(), [&](auto& p) { return p.first == f; });
    };
    for (int step = 0; step < kSteps / 4; ++step) {
      std::string f = "f" + std::to_string(rng() % (seed * 24));
      const int op = rng() % 10;
      if (op < 6) {
        // Mostly short values, sometimes one past the value limit.
        std::string v = RandomValue(rng, rng() % 20 == 0 ? limits.max_value + 5 : 8);
        auto it = find(f);
        const bool is_new = it == model.end();
        if (is_new) {
          model.emplace_back(f, v);
        } else {
          it->second = v;
        }
        CHECK(h.Set(f, v, limits) == is_new);
      } else if (op < 9) {
        auto it = find(f);
        const bool present = it != model.end();
        if (present) model.erase(it);
        CHECK(h.Erase(f) == present);
      } else if (!model.empty()) {
        auto [rf, rv] = h.Random(rng);
        auto it = find(rf);
        REQUIRE(it != model.end());
        CHECK(it->second == rv);
      }
      std::string_view got;
      auto it = find(f);
      CHECK(h.Find(f, &got) == (it != model.end()));
      if (it != model.end()) CHECK(got == it->second);
      REQUIRE(h.size() == model.size());
      if (h.enc == Encoding::kListpack) {
        CHECK(model.size() <= limits.max_entries);
        CHECK(Pairs(h) == model);  // insertion order, updates in place
        CHECK(h.obj->MemoryUsage() == malloc_usable_size(h.obj));
      }
    }
    auto got = Pairs(h);
    std::sort(got.begin(), got.end());
    auto want = model;
    std::sort(want.begin(), want.end());
    CHECK(got == want);
    delete h.obj;
  }
}

TEST_CASE("a hashtable scan returns every element present throughout, across resizes") {
  std::mt19937_64 rng(42);
  engine::StrTable t(/*with_values=*/false);
  for (int i = 0; i < 1000; ++i) t.Insert("k" + std::to_string(i));
  std::set<std::string> seen;
  uint64_t cursor = 0;
  int steps = 0;
  do {
    cursor = t.ScanStep(cursor, [&](std::string_view k, std::string_view) { seen.emplace(k); });
    // Grow and shrink the table under the scan: only keys k0..k999 stay throughout.
    if (steps % 3 == 0) {
      for (int j = 0; j < 300; ++j) t.Insert("x" + std::to_string(rng() % 5000));
    } else {
      for (int j = 0; j < 300; ++j) t.Erase("x" + std::to_string(rng() % 5000));
    }
    ++steps;
  } while (cursor != 0);
  for (int i = 0; i < 1000; ++i) CHECK(seen.count("k" + std::to_string(i)) == 1);
  size_t bytes = 0;
  t.ForEach([&](std::string_view, std::string_view) { ++bytes; });
  CHECK(bytes == t.size());
}

}  // namespace
}  // namespace tandem::commands
