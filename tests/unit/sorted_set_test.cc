// Sorted-set values (server/engine/sorted_set.h): random operation sequences against a simple
// model (std::set of (score, member) plus a map), crossing the listpack -> skiplist
// conversion, checking sizes, scores, ranks, both walk directions, score and lex ranges, SCAN
// coverage and the memory count; the lazy-free threshold.
#include "server/engine/sorted_set.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "server/engine/lazy_free.h"

namespace {

using tandem::engine::Encoding;
using tandem::engine::Entry;
using tandem::engine::ObjType;
using tandem::engine::ZItem;
using tandem::engine::ZLexBound;
using tandem::engine::ZLexRange;
using tandem::engine::ZScoreRange;
using tandem::engine::ZSet;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kRounds = 300;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int kRounds = 300;
#else
constexpr int kRounds = 3000;
#endif
#else
constexpr int kRounds = 3000;
#endif

struct Model {
  std::set<std::pair<double, std::string>> order;
  std::map<std::string, double> scores;
};

std::vector<std::pair<std::string, double>> Walk(const ZSet& z, size_t first, size_t last,
                                                 bool reverse) {
  std::vector<std::pair<std::string, double>> out;
  z.Visit(first, last, reverse,
          [&](ZItem it) { out.emplace_back(std::string(it.member), it.score); });
  return out;
}

void CheckAgainst(Entry* e, const Model& m) {
  ZSet z(e);
  REQUIRE(z.Size() == m.order.size());
  std::vector<std::pair<std::string, double>> expect;
  for (const auto& [s, mem] : m.order) expect.emplace_back(mem, s);
  CHECK(Walk(z, 0, z.Size(), false) == expect);
  auto rev = Walk(z, 0, z.Size(), true);
  std::reverse(rev.begin(), rev.end());
  CHECK(rev == expect);
  size_t rank = 0;
  for (const auto& [mem, s] : expect) {
    size_t r;
    double sc;
    REQUIRE(z.Rank(mem, &r, &sc));
    CHECK(r == rank);
    CHECK(sc == s);
    if (rank % 7 == 0) CHECK(Walk(z, rank, rank + 1, false).front().first == mem);
    ++rank;
  }
  double sc;
  CHECK_FALSE(z.Score("absent-member", &sc));
  CHECK(e->object()->MemoryUsage() > 0);
}

}  // namespace

TEST_CASE("sorted sets match a model through random operations and encoding conversion") {
  std::mt19937 rng(12345);
  for (int trial = 0; trial < 6; ++trial) {
    const size_t max_entries = trial % 2 ? 8 : 128;
    const size_t max_value = trial % 3 ? 16 : 64;
    Entry::Init init;
    init.type = ObjType::kZSet;
    init.object = ZSet::New(max_entries, max_value, 1, &init.encoding);
    Entry* e = Entry::Create("z", init);
    Model m;
    for (int round = 0; round < kRounds; ++round) {
      const int op = rng() % 10;
      std::string member = "m" + std::to_string(rng() % 60);
      if (rng() % 50 == 0) member = std::string(20 + rng() % 60, 'x');  // long members
      // Scores: small integers (ties, for lex order), big integers, fractions, infinities.
      double score;
      switch (rng() % 5) {
        case 0:
          score = static_cast<int>(rng() % 5);
          break;
        case 1:
          score = static_cast<double>(rng()) * 1000.0;
          break;
        case 2:
          score = (static_cast<int>(rng() % 2000) - 1000) / 7.0;
          break;
        case 3:
          score = rng() % 2 ? INFINITY : -INFINITY;
          break;
        default:
          score = -static_cast<double>(rng() % 300);
      }
      ZSet z(e);
      double old;
      const bool present = z.Score(member, &old);
      if (op < 5) {
        if (present) {
          z.Update(member, old, score);
          m.order.erase({old, member});
        } else {
          z.Insert(member, score, max_entries, max_value);
        }
        m.order.insert({score, member});
        m.scores[member] = score;
      } else if (op < 7) {
        CHECK(z.Erase(member) == present);
        if (present) {
          m.order.erase({old, member});
          m.scores.erase(member);
        }
      } else if (op == 7 && !m.order.empty()) {
        size_t first = rng() % m.order.size();
        size_t last = std::min(m.order.size(), first + rng() % 4);
        z.EraseRanks(first, last);
        auto it = std::next(m.order.begin(), first);
        for (size_t i = first; i < last; ++i) {
          m.scores.erase(it->second);
          it = m.order.erase(it);
        }
      } else if (op == 8) {
        ZScoreRange r{static_cast<double>(static_cast<int>(rng() % 10) - 5),
                      static_cast<double>(static_cast<int>(rng() % 10) - 2), rng() % 2 == 0,
                      rng() % 2 == 0};
        size_t first = 0, last = 0;
        for (const auto& [s, mem] : m.order) {
          if (!(r.minex ? s > r.min : s >= r.min)) first++;
          if (r.maxex ? s < r.max : s <= r.max) last++;
        }
        last = std::max(first, last);
        auto got = z.ScoreRanks(r);
        CHECK(got.first == first);
        CHECK(got.second == last);
      } else if (op == 9) {
        std::string lo = "m" + std::to_string(rng() % 60), hi = "m" + std::to_string(rng() % 60);
        ZLexRange r{{ZLexBound::kValue, lo, rng() % 2 == 0}, {ZLexBound::kValue, hi, false}};
        // Only meaningful when every score is equal: check on a fresh all-zero set.
        Entry::Init li;
        li.type = ObjType::kZSet;
        std::vector<std::pair<std::string, double>> items;
        for (const auto& [mem, s] : m.scores) items.emplace_back(mem, 0);
        li.object = ZSet::Build(items, max_entries, max_value, &li.encoding);
        Entry* le = Entry::Create("l", li);
        size_t first = 0, last = 0;
        for (const auto& [mem, s] : m.scores) {
          if (!tandem::engine::LexGteMin(mem, r)) first++;
          if (tandem::engine::LexLteMax(mem, r)) last++;
        }
        auto got = ZSet(le).LexRanks(r);
        CHECK(got.first == first);
        CHECK(got.second - got.first == (last > first ? last - first : 0));
        Entry::Destroy(le);
      }
      if (round % 97 == 0) CheckAgainst(e, m);
      if (m.order.size() > max_entries) CHECK(e->encoding() == Encoding::kSkiplist);
    }
    CheckAgainst(e, m);
    // SCAN of a skiplist visits every member at least once.
    if (e->encoding() == Encoding::kSkiplist) {
      std::set<std::string> seen;
      uint64_t cursor = 0;
      do {
        cursor = ZSet(e).Scan(cursor, [&](ZItem it) { seen.insert(std::string(it.member)); });
      } while (cursor);
      CHECK(seen.size() == m.scores.size());
    }
    // A deep copy is equal and independent.
    Entry* copy = Entry::Clone(e, "copy");
    CheckAgainst(copy, m);
    Entry::Destroy(copy);
    Entry::Destroy(e);
  }
}

TEST_CASE("a large sorted set keeps order, ranks and ranges as it grows, churns and empties") {
  // Thousands of elements: a tree several levels deep whose leaves split, merge and empty,
  // and whose root grows and collapses, checked against the model all along.
  std::mt19937 rng(777);
  Entry::Init init;
  init.type = ObjType::kZSet;
  init.object = ZSet::New(0, 64, 1, &init.encoding);
  Entry* e = Entry::Create("big", init);
  REQUIRE(e->encoding() == Encoding::kSkiplist);
  Model m;
  const int pool = kRounds * 2;
  auto check_ranges = [&] {
    ZScoreRange r{static_cast<double>(rng() % 1000), static_cast<double>(rng() % 1000),
                  rng() % 2 == 0, rng() % 2 == 0};
    size_t first = 0, last = 0;
    for (const auto& [s, mem] : m.order) {
      if (!(r.minex ? s > r.min : s >= r.min)) first++;
      if (r.maxex ? s < r.max : s <= r.max) last++;
    }
    auto got = ZSet(e).ScoreRanks(r);
    CHECK(got.first == first);
    CHECK(got.second == std::max(first, last));
  };
  // Grows to about `pool`, then to empty, twice; in between, moves to new scores (mostly
  // leaving their place, sometimes within it, often onto equal scores).
  for (int cycle = 0; cycle < 2; ++cycle) {
    for (int round = 0; round < pool * 2; ++round) {
      ZSet z(e);
      std::string member = "member:" + std::to_string(rng() % pool);
      double score = static_cast<double>(rng() % 1000) + (rng() % 3 == 0 ? 0.5 : 0.0);
      double old;
      if (z.Score(member, &old)) {
        z.Update(member, old, score);
        m.order.erase({old, member});
      } else {
        z.Insert(member, score, 0, 64);
      }
      m.order.insert({score, member});
      m.scores[member] = score;
      if (round % 211 == 0) check_ranges();
      if (round % (pool / 2) == 0) CheckAgainst(e, m);
    }
    CheckAgainst(e, m);
    for (int round = 0; !m.order.empty(); ++round) {
      ZSet z(e);
      if (rng() % 4 == 0) {
        size_t first = rng() % m.order.size();
        size_t last = std::min(m.order.size(), first + 1 + rng() % 40);
        z.EraseRanks(first, last);
        auto it = std::next(m.order.begin(), first);
        for (size_t i = first; i < last; ++i) {
          m.scores.erase(it->second);
          it = m.order.erase(it);
        }
      } else {
        auto it = std::next(m.scores.begin(), rng() % m.scores.size());
        CHECK(z.Erase(it->first));
        m.order.erase({it->second, it->first});
        m.scores.erase(it);
      }
      if (round % 53 == 0) check_ranges();
      if (round % (pool / 4) == 0) CheckAgainst(e, m);
    }
    CheckAgainst(e, m);
  }
  Entry::Destroy(e);
}

TEST_CASE("a listpack holds integral scores as Redis does: -0 reads back as 0") {
  Entry::Init init;
  init.type = ObjType::kZSet;
  init.object = ZSet::New(128, 64, 1, &init.encoding);
  Entry* e = Entry::Create("z", init);
  ZSet(e).Insert("a", -0.0, 128, 64);
  ZSet(e).Insert("b", 1e17, 128, 64);
  ZSet(e).Insert("c", 4e18 + 1024, 128, 64);
  ZSet(e).Insert("d", -123456789.0, 128, 64);
  ZSet(e).Insert("e", 0.1, 128, 64);
  double s;
  REQUIRE(ZSet(e).Score("a", &s));
  CHECK(s == 0.0);
  CHECK_FALSE(std::signbit(s));
  REQUIRE(ZSet(e).Score("b", &s));
  CHECK(s == 1e17);
  REQUIRE(ZSet(e).Score("c", &s));
  CHECK(s == 4e18 + 1024);
  REQUIRE(ZSet(e).Score("d", &s));
  CHECK(s == -123456789.0);
  REQUIRE(ZSet(e).Score("e", &s));
  CHECK(s == 0.1);
  Entry::Destroy(e);
}

TEST_CASE("UNLINK frees a sorted set lazily past Redis's free effort of 64 skiplist nodes") {
  for (size_t n : {64, 65}) {
    Entry::Init init;
    init.type = ObjType::kZSet;
    init.object = ZSet::New(0, 64, 1, &init.encoding);
    Entry* e = Entry::Create("z", init);
    for (size_t i = 0; i < n; ++i) ZSet(e).Insert("m" + std::to_string(i), i, 0, 64);
    CHECK(tandem::engine::LazyFree::Worth(e) == (n > 64));
    Entry::Destroy(e);
  }
  // A listpack is one allocation, whatever its length.
  Entry::Init init;
  init.type = ObjType::kZSet;
  init.object = ZSet::New(128, 64, 1, &init.encoding);
  Entry* e = Entry::Create("z", init);
  for (size_t i = 0; i < 128; ++i) ZSet(e).Insert("m" + std::to_string(i), i, 128, 64);
  CHECK_FALSE(tandem::engine::LazyFree::Worth(e));
  Entry::Destroy(e);
}
