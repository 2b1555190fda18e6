// engine::ListObject against a std::deque model: random pushes, pops, sets, inserts,
// removals and trims, across node-size settings (list-max-listpack-size) small enough that
// every operation crosses node boundaries and compress depths (list-compress-depth) that
// put nodes in and out of LZF, with elements from empty to past 128 bytes (the two-byte
// length).
#include "server/engine/list.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace tandem::engine {
namespace {

std::vector<std::string> Contents(const ListObject& l) {
  std::vector<std::string> out;
  l.Walk(false, [&](size_t i, std::string_view v) {
    CHECK(i == out.size());
    out.emplace_back(v);
    return true;
  });
  return out;
}

// list-compress-depth's shape: the `compress()` nodes at each end are plain.
void CheckEndsPlain(const ListObject& l) {
  const size_t d = static_cast<size_t>(l.compress());
  for (size_t k = 0; k < l.node_count(); ++k) {
    CAPTURE(k);
    if (d == 0 || k < d || k + d >= l.node_count()) CHECK(!l.node_packed(k));
  }
}

void CheckSame(const ListObject& l, const std::deque<std::string>& m) {
  REQUIRE(l.size() == m.size());
  CheckEndsPlain(l);
  std::vector<std::string> want(m.begin(), m.end());
  CHECK(Contents(l) == want);
  std::vector<std::string> back;
  l.Walk(true, [&](size_t i, std::string_view v) {
    CHECK(i == m.size() - 1 - back.size());
    back.emplace_back(v);
    return true;
  });
  std::reverse(back.begin(), back.end());
  CHECK(back == want);
  if (!m.empty()) {
    std::vector<std::string> range;
    size_t a = m.size() / 3, b = m.size() - 1;
    l.ForRange(a, b, [&](std::string_view v) { range.emplace_back(v); });
    CHECK(range == std::vector<std::string>(m.begin() + a, m.end()));
    CHECK(l.At(0) == m.front());
    CHECK(l.At(m.size() - 1) == m.back());
    CHECK(l.At(m.size() / 2) == m[m.size() / 2]);
  }
}

TEST_CASE("ListObject matches a deque model under random operations at every node size") {
  std::vector<std::pair<int, int>> cases;  // list-max-listpack-size, list-compress-depth
  for (int fill : {1, 3, 16, -1, -2}) {
    for (int depth : {0, 1, 3}) cases.emplace_back(fill, depth);
  }
  for (const auto& c : cases) {
    const int fill = c.first, depth = c.second;
    CAPTURE(fill);
    CAPTURE(depth);
    std::mt19937 rng(fill + 100 + depth);
    ListObject l(fill, depth);
    std::deque<std::string> m;
    auto value = [&] {
      int kind = rng() % 10;
      size_t len = kind == 0 ? 0 : kind == 1 ? 130 + rng() % 200 : kind == 2 ? 2000 : rng() % 12;
      std::string s(len, 'a' + static_cast<char>(rng() % 4));
      if (!s.empty()) s[0] = static_cast<char>('a' + rng() % 4);
      return s;
    };
    for (int step = 0; step < 3000; ++step) {
      int op = rng() % 12;
      std::string v = value();
      if (op <= 2) {
        l.PushBack(v);
        m.push_back(v);
      } else if (op <= 4) {
        l.PushFront(v);
        m.push_front(v);
      } else if (op == 5 || op == 6) {
        const bool front = op == 5;
        std::string out;
        CHECK((front ? l.PopFront(&out) : l.PopBack(&out)) == !m.empty());
        if (!m.empty()) {
          CHECK(out == (front ? m.front() : m.back()));
          front ? m.pop_front() : m.pop_back();
        }
      } else if (op == 7 && !m.empty()) {
        size_t i = rng() % m.size();
        l.Set(i, v);
        m[i] = v;
      } else if (op == 8 && !m.empty()) {
        const std::string pivot = m[rng() % m.size()];
        bool after = rng() % 2;
        CHECK(l.Insert(pivot, v, after));
        auto it = std::find(m.begin(), m.end(), pivot);
        m.insert(after ? it + 1 : it, v);
      } else if (op == 9 && !m.empty()) {
        const std::string target = m[rng() % m.size()];
        size_t limit = rng() % 3;
        bool from_back = rng() % 2;
        size_t removed = l.Remove(target, limit, from_back);
        size_t want = 0;
        if (!from_back) {
          for (auto it = m.begin(); it != m.end();) {
            if (*it == target && (limit == 0 || want < limit)) {
              it = m.erase(it);
              ++want;
            } else {
              ++it;
            }
          }
        } else {
          for (size_t i = m.size(); i-- > 0;) {
            if (m[i] == target && (limit == 0 || want < limit)) {
              m.erase(m.begin() + static_cast<long>(i));
              ++want;
            }
          }
        }
        CHECK(removed == want);
      } else if (op == 10 && m.size() > 2 && rng() % 8 == 0) {
        size_t a = rng() % m.size();
        size_t b = a + rng() % (m.size() - a);
        l.Trim(a, b);
        m = std::deque<std::string>(m.begin() + a, m.begin() + b + 1);
      } else if (op == 11 && step % 500 == 0) {
        ListObject* copy = static_cast<ListObject*>(l.Clone());
        CHECK(Contents(*copy) == Contents(l));
        CHECK(copy->MemoryUsage() <= l.MemoryUsage());  // its node array fits exactly
        delete copy;
      }
      if (step % 100 == 0) CheckSame(l, m);
    }
    CheckSame(l, m);
    // Positive fills cap the elements per node; every node is used.
    if (fill > 0 && !m.empty()) CHECK(l.node_count() >= m.size() / static_cast<size_t>(fill));
    CHECK(l.MemoryUsage() > 0);
  }
}

TEST_CASE("RPUSH grows big nodes with slack and gives it back when they fill") {
  // 8 KB nodes (fill -2) of 100-byte elements: built by PushBack, the full nodes hold
  // their data and no more (within a malloc chunk's rounding), as a copy of the list does.
  ListObject l(-2);
  const std::string v(100, 'x');
  for (int i = 0; i < 20000; ++i) l.PushBack(v);
  REQUIRE(l.node_count() > 100);
  std::unique_ptr<Object> copy(l.Clone());
  // Only the last node may carry Grow's slack (at most 1 KB); each full node, 64 bytes.
  CHECK(l.MemoryUsage() <= copy->MemoryUsage() + 1024 + 64 * l.node_count());
  CHECK(l.MemoryUsage() < l.PackedBytes() * 105 / 100);
  std::string out;
  for (int i = 0; i < 20000; ++i) REQUIRE(l.PopFront(&out));
  CHECK(l.empty());
}

TEST_CASE("a small list is one node: no allocation per element") {
  ListObject l(-2);
  for (int i = 0; i < 100; ++i) l.PushBack("e0000001");
  CHECK(l.node_count() == 1);
  CHECK(l.PackedBytes() == 100 * 10);  // length, 8 bytes, length backwards
  CHECK(l.MemoryUsage() < 1200);
}

TEST_CASE("list-compress-depth compresses the interior nodes and keeps the ends plain") {
  // 10,000 elements of 100 compressible bytes in 8 KB nodes (~125 nodes).
  auto element = [](int i) { return std::string(96, 'a' + i % 3) + std::to_string(1000 + i); };
  ListObject plain(-2, 0), packed(-2, 2);
  for (int i = 0; i < 10000; ++i) {
    plain.PushBack(element(i));
    i % 2 ? packed.PushBack(element(i)) : packed.PushFront(element(i));
  }
  REQUIRE(packed.node_count() > 100);
  CheckEndsPlain(packed);
  for (size_t k = 2; k + 2 < packed.node_count(); ++k) CHECK(packed.node_packed(k));
  CHECK(packed.MemoryUsage() * 5 < plain.MemoryUsage());
  // Reads and edits reach into the compressed nodes; every element is where it should be.
  std::deque<std::string> m;
  for (int i = 0; i < 10000; ++i) i % 2 ? m.push_back(element(i)) : m.push_front(element(i));
  CheckSame(packed, m);
  packed.Set(5000, "short");
  m[5000] = "short";
  packed.Set(5001, std::string(m[5001].size(), 'z'));  // same size: in place
  m[5001] = std::string(m[5001].size(), 'z');
  CHECK(packed.Insert(m[7000], "inserted", true));
  m.insert(m.begin() + 7001, "inserted");
  CHECK(packed.Remove(m[3000], 1, false) == 1);
  m.erase(m.begin() + 3000);
  CheckSame(packed, m);
  for (size_t k = 2; k + 2 < packed.node_count(); ++k) CHECK(packed.node_packed(k));
  // A copy keeps the compressed nodes; trimming to the middle brings them to the ends.
  std::unique_ptr<Object> copy(packed.Clone());
  CHECK(copy->MemoryUsage() <= packed.MemoryUsage());
  CHECK(Contents(*static_cast<ListObject*>(copy.get())) == Contents(packed));
  packed.Trim(4000, 4999);
  CheckSame(packed, std::deque<std::string>(m.begin() + 4000, m.begin() + 5000));
  // Nodes LZF cannot shrink stay plain.
  std::mt19937 rng(1);
  ListObject noise(-2, 1);
  for (int i = 0; i < 2000; ++i) {
    std::string v(100, ' ');
    for (char& c : v) c = static_cast<char>(rng());
    noise.PushBack(v);
  }
  for (size_t k = 0; k < noise.node_count(); ++k) CHECK(!noise.node_packed(k));
}

}  // namespace
}  // namespace tandem::engine

namespace tandem::engine {
namespace {

TEST_CASE("runs of LPUSH and LPOP through a node's front gap keep the model's order") {
  for (int fill : {5, -1, -2}) {
    CAPTURE(fill);
    std::mt19937 rng(fill + 7);
    ListObject l(fill);
    std::deque<std::string> m;
    for (int run = 0; run < 200; ++run) {
      const int op = static_cast<int>(rng() % 4);
      const size_t len = rng() % 600;
      for (size_t k = 0; k < len; ++k) {
        std::string v(rng() % 3 == 0 ? 140 : rng() % 10, static_cast<char>('a' + k % 26));
        std::string out;
        if (op == 0) {
          l.PushFront(v);
          m.push_front(v);
        } else if (op == 1) {
          l.PushBack(v);
          m.push_back(v);
        } else if (op == 2 && !m.empty()) {
          REQUIRE(l.PopFront(&out));
          CHECK(out == m.front());
          m.pop_front();
        } else if (op == 3 && !m.empty()) {
          REQUIRE(l.PopBack(&out));
          CHECK(out == m.back());
          m.pop_back();
        }
      }
      if (!m.empty()) {
        const size_t i = rng() % m.size();
        CHECK(l.At(i) == m[i]);
      }
      if (run % 20 == 0) CheckSame(l, m);
    }
    CheckSame(l, m);
  }
}

}  // namespace
}  // namespace tandem::engine
