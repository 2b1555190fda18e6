#include "server/engine/sorted_set.h"

#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#include <random>

#include "server/engine/hash.h"
#include "server/engine/varint.h"

namespace tandem::engine {

// ---- Element coding shared by the listpack --------------------------------------------------

namespace {

// Score byte codes: t < 0xF0 is the integer t - 16; 0xF1..0xF8 a little-endian signed
// integer of t - 0xF0 bytes; 0xFF a raw double. Integers are used where Redis's listpack
// stores an integer (double2ll: integral and within +-LLONG_MAX/2, -0 included, which thus
// reads back as 0, as in Redis).
constexpr uint8_t kSmallIntMax = 0xF0;
constexpr int kSmallIntBias = 16;
constexpr uint8_t kDoubleTag = 0xFF;

bool ScoreAsInt(double d, int64_t* v) { return ListpackScoreAsInt(d, v); }

size_t ScoreBytes(double d) {
  int64_t v;
  if (!ScoreAsInt(d, &v)) return 9;
  if (v >= -kSmallIntBias && v < kSmallIntMax - kSmallIntBias) return 1;
  size_t n = 1;
  while (n < 8) {
    int64_t lim = int64_t{1} << (8 * n - 1);
    if (v >= -lim && v < lim) break;
    ++n;
  }
  return 1 + n;
}

char* PutScore(char* p, double d) {
  int64_t v;
  if (!ScoreAsInt(d, &v)) {
    *p++ = static_cast<char>(kDoubleTag);
    std::memcpy(p, &d, 8);
    return p + 8;
  }
  if (v >= -kSmallIntBias && v < kSmallIntMax - kSmallIntBias) {
    *p++ = static_cast<char>(v + kSmallIntBias);
    return p;
  }
  size_t n = ScoreBytes(d) - 1;
  *p++ = static_cast<char>(0xF0 + n);
  uint64_t u = static_cast<uint64_t>(v);
  for (size_t i = 0; i < n; ++i) *p++ = static_cast<char>(u >> (8 * i));
  return p;
}

const char* GetScore(const char* p, double* d) {
  const uint8_t t = static_cast<uint8_t>(*p++);
  if (t < kSmallIntMax) {
    *d = static_cast<double>(int{t} - kSmallIntBias);
    return p;
  }
  if (t == kDoubleTag) {
    std::memcpy(d, p, 8);
    return p + 8;
  }
  const size_t n = t - 0xF0;
  uint64_t u = 0;
  for (size_t i = 0; i < n; ++i) u |= uint64_t{static_cast<uint8_t>(p[i])} << (8 * i);
  if (n < 8 && (u >> (8 * n - 1)) & 1) u |= ~uint64_t{0} << (8 * n);  // sign-extend
  *d = static_cast<double>(static_cast<int64_t>(u));
  return p + n;
}

const char* GetItem(const char* p, ZItem* item) {
  size_t len;
  p = GetVarint(p, &len);
  item->member = std::string_view(p, len);
  return GetScore(p + len, &item->score);
}

size_t ItemBytes(std::string_view member, double score) {
  return VarintSize(member.size()) + member.size() + ScoreBytes(score);
}

// (score, member) order, as Redis's zslInsert.
bool Before(double s1, std::string_view m1, double s2, std::string_view m2) {
  return s1 < s2 || (s1 == s2 && m1 < m2);
}

}  // namespace

bool ListpackScoreAsInt(double d, int64_t* v) {
  constexpr double kLimit = static_cast<double>(INT64_MAX / 2);
  if (!(d >= -kLimit && d <= kLimit)) return false;
  const int64_t i = static_cast<int64_t>(d);
  if (static_cast<double>(i) != d) return false;
  *v = i;
  return true;
}

bool LexGteMin(std::string_view v, const ZLexRange& r) {
  switch (r.min.kind) {
    case ZLexBound::kMinusInf:
      return true;
    case ZLexBound::kPlusInf:
      return false;
    case ZLexBound::kValue:
      break;
  }
  return r.min.exclusive ? v > r.min.value : v >= r.min.value;
}

bool LexLteMax(std::string_view v, const ZLexRange& r) {
  switch (r.max.kind) {
    case ZLexBound::kMinusInf:
      return false;
    case ZLexBound::kPlusInf:
      return true;
    case ZLexBound::kValue:
      break;
  }
  return r.max.exclusive ? v < r.max.value : v <= r.max.value;
}

// ---- ZListpack ------------------------------------------------------------------------------

// One allocation: this header, then `used_` bytes of elements. Grown and shrunk with realloc,
// so the owner must take the returned pointer after every resize.
class ZListpack final : public Object {
 public:
  static ZListpack* Create(size_t bytes) {
    void* mem = std::malloc(sizeof(ZListpack) + std::max<size_t>(bytes, 1));
    if (!mem) throw std::bad_alloc();
    auto* lp = new (mem) ZListpack();
    lp->Measure();
    return lp;
  }
  static void operator delete(void* p) { std::free(p); }

  Object* Clone() const override {
    ZListpack* lp = Create(used_);
    std::memcpy(lp->data(), data(), used_);
    lp->used_ = used_;
    lp->count_ = count_;
    return lp;
  }

  // Resizes to hold `used` bytes of elements; returns the (possibly moved) object.
  ZListpack* Resize(size_t used) {
    void* mem =
        std::realloc(static_cast<void*>(this), sizeof(ZListpack) + std::max<size_t>(used, 1));
    if (!mem) throw std::bad_alloc();
    auto* lp = static_cast<ZListpack*>(mem);
    lp->Measure();
    return lp;
  }

  char* data() { return reinterpret_cast<char*>(this + 1); }
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
  const char* end() const { return data() + used_; }

  // The offset of `member`'s element and its score, or -1.
  long Find(std::string_view member, double* score) const {
    const char* p = data();
    const char* e = end();
    while (p < e) {
      ZItem it;
      const char* next = GetItem(p, &it);
      if (it.member == member) {
        *score = it.score;
        return p - data();
      }
      p = next;
    }
    return -1;
  }

  // Offset of the element at `rank` (end for count_).
  size_t OffsetOf(size_t rank) const {
    const char* p = data();
    for (size_t i = 0; i < rank; ++i) {
      ZItem it;
      p = GetItem(p, &it);
    }
    return p - data();
  }

  // Inserts at the place of (score, member); returns the new object.
  ZListpack* Insert(std::string_view member, double score) {
    const char* p = data();
    const char* e = end();
    while (p < e) {
      ZItem it;
      const char* next = GetItem(p, &it);
      if (Before(score, member, it.score, it.member)) break;
      p = next;
    }
    const size_t off = p - data();
    const size_t n = ItemBytes(member, score);
    const size_t old_used = used_;
    ZListpack* lp = Resize(old_used + n);
    char* at = lp->data() + off;
    std::memmove(at + n, at, old_used - off);
    at = PutVarint(at, member.size());
    std::memcpy(at, member.data(), member.size());
    PutScore(at + member.size(), score);
    lp->used_ = old_used + n;
    lp->count_++;
    return lp;
  }

  // Removes bytes [from, to) holding `items` elements; returns the new object.
  ZListpack* EraseBytes(size_t from, size_t to, size_t items, bool shrink = true) {
    std::memmove(data() + from, data() + to, used_ - to);
    used_ -= to - from;
    count_ -= items;
    return shrink ? Resize(used_) : this;
  }

  size_t ElementEnd(size_t off) const {
    ZItem it;
    return GetItem(data() + off, &it) - data();
  }

  uint32_t count_ = 0;
  uint32_t used_ = 0;

 private:
  ZListpack() = default;
  void Measure() { bytes_ = malloc_usable_size(this); }
};

// ---- ZSkiplist ------------------------------------------------------------------------------

namespace {

constexpr int kMaxLevel = 32;

struct ZNode {
  struct Level {
    ZNode* forward;
    size_t span;
  };
  double score;
  ZNode* backward;
  uint32_t len;
  uint32_t level;

  Level* lv() { return reinterpret_cast<Level*>(this + 1); }
  const Level* lv() const { return reinterpret_cast<const Level*>(this + 1); }
  std::string_view member() const { return {reinterpret_cast<const char*>(lv() + level), len}; }

  static ZNode* Create(int level, std::string_view member, double score) {
    void* mem = std::malloc(sizeof(ZNode) + level * sizeof(Level) + member.size());
    if (!mem) throw std::bad_alloc();
    auto* n = static_cast<ZNode*>(mem);
    n->score = score;
    n->backward = nullptr;
    n->len = static_cast<uint32_t>(member.size());
    n->level = level;
    for (int i = 0; i < level; ++i) n->lv()[i] = {nullptr, 0};
    if (!member.empty()) std::memcpy(n->lv() + level, member.data(), member.size());
    return n;
  }
};

uint64_t ReverseBits(uint64_t v) {
  v = ((v >> 1) & 0x5555555555555555ull) | ((v & 0x5555555555555555ull) << 1);
  v = ((v >> 2) & 0x3333333333333333ull) | ((v & 0x3333333333333333ull) << 2);
  v = ((v >> 4) & 0x0F0F0F0F0F0F0F0Full) | ((v & 0x0F0F0F0F0F0F0F0Full) << 4);
  return __builtin_bswap64(v);
}

int RandomLevel() {
  static thread_local std::minstd_rand rng(0x5eed);
  int level = 1;
  while (level < kMaxLevel && (rng() & 0xffff) < 0xffff / 4) ++level;
  return level;
}

}  // namespace

class ZSkiplist final : public Object {
 public:
  ZSkiplist() : header_(ZNode::Create(kMaxLevel, {}, 0)) {
    bytes_ = sizeof(ZSkiplist);
    Account(header_, true);
  }
  ~ZSkiplist() override {
    ZNode* x = header_;
    while (x) {
      ZNode* next = x->lv()[0].forward;
      std::free(x);
      x = next;
    }
    std::free(index_);
  }
  Object* Clone() const override {
    auto* c = new ZSkiplist();
    for (const ZNode* x = header_->lv()[0].forward; x; x = x->lv()[0].forward) {
      c->Insert(x->member(), x->score);
    }
    return c;
  }

  size_t size() const { return length_; }

  ZNode* Find(std::string_view member) const {
    if (!index_) return nullptr;
    size_t mask = slots_ - 1;
    for (size_t i = HashBytes(member) & mask;; i = (i + 1) & mask) {
      ZNode* n = index_[i];
      if (!n) return nullptr;
      if (n->member() == member) return n;
    }
  }

  void Insert(std::string_view member, double score) {
    ZNode* n = ZNode::Create(RandomLevel(), member, score);
    Account(n, true);
    Link(n);
    IndexAdd(n);
  }

  void Erase(ZNode* n) {
    ZNode* update[kMaxLevel];
    Path(n->score, n->member(), update, nullptr);
    Unlink(n, update);
    IndexRemove(n);
    Account(n, false);
    std::free(n);
  }

  void Update(ZNode* n, double score) {
    // In place when the node stays between its neighbours (Redis's zslUpdateScore).
    ZNode* next = n->lv()[0].forward;
    if ((!n->backward || n->backward->score < score) && (!next || next->score > score)) {
      n->score = score;
      return;
    }
    ZNode* update[kMaxLevel];
    Path(n->score, n->member(), update, nullptr);
    Unlink(n, update);
    n->score = score;
    Link(n);
  }

  // 0-based rank of node `n`.
  size_t RankOf(const ZNode* n) const {
    size_t rank = 0;
    const ZNode* x = header_;
    for (int i = level_ - 1; i >= 0; --i) {
      while (x->lv()[i].forward && !Before(n->score, n->member(), x->lv()[i].forward->score,
                                           x->lv()[i].forward->member())) {
        rank += x->lv()[i].span;
        x = x->lv()[i].forward;
        if (x == n) return rank - 1;
      }
    }
    return rank - 1;
  }

  // The node of 0-based `rank` (< size).
  ZNode* AtRank(size_t rank) const {
    size_t traversed = 0;
    ZNode* x = header_;
    const size_t target = rank + 1;
    for (int i = level_ - 1; i >= 0; --i) {
      while (x->lv()[i].forward && traversed + x->lv()[i].span <= target) {
        traversed += x->lv()[i].span;
        x = x->lv()[i].forward;
      }
      if (traversed == target) return x;
    }
    return nullptr;
  }

  // Number of leading elements for which `before(node)` holds (a prefix of the order).
  template <class Pred>
  size_t CountWhile(Pred before) const {
    size_t rank = 0;
    const ZNode* x = header_;
    for (int i = level_ - 1; i >= 0; --i) {
      while (x->lv()[i].forward && before(x->lv()[i].forward)) {
        rank += x->lv()[i].span;
        x = x->lv()[i].forward;
      }
    }
    return rank;
  }

  void EraseRanks(size_t first, size_t last) {
    ZNode* update[kMaxLevel];
    size_t traversed = 0;
    ZNode* x = header_;
    for (int i = level_ - 1; i >= 0; --i) {
      while (x->lv()[i].forward && traversed + x->lv()[i].span <= first) {
        traversed += x->lv()[i].span;
        x = x->lv()[i].forward;
      }
      update[i] = x;
    }
    x = x->lv()[0].forward;
    for (size_t k = first; k < last && x; ++k) {
      ZNode* next = x->lv()[0].forward;
      Unlink(x, update);
      IndexRemove(x);
      Account(x, false);
      std::free(x);
      x = next;
    }
  }

  // One step of a SCAN over the index (Redis's dictScan over one table): visits the nodes
  // whose home slot is `cursor` masked to the table, returns the next cursor (0 at the end).
  // With linear probing and backward-shift deletion, a node lies in the unbroken run of
  // slots that starts at its home, so the reverse-binary cursor keeps SCAN's guarantee
  // across resizes.
  template <class Fn>
  uint64_t Scan(uint64_t cursor, Fn&& fn) const {
    if (!index_) return 0;
    const uint64_t mask = slots_ - 1;
    const size_t home = cursor & mask;
    for (size_t j = home; index_[j]; j = (j + 1) & mask) {
      if ((HashBytes(index_[j]->member()) & mask) == home) fn(index_[j]);
    }
    cursor |= ~mask;
    cursor = ReverseBits(cursor);
    cursor++;
    return ReverseBits(cursor);
  }

  ZNode* first() const { return header_->lv()[0].forward; }
  ZNode* last() const { return tail_; }

 private:
  void Account(ZNode* n, bool add) {
    size_t b = malloc_usable_size(n);
    add ? bytes_ += b : bytes_ -= b;
  }

  // update[i]: the last node at level i before (score, member); ranks[i] its rank.
  void Path(double score, std::string_view member, ZNode** update, size_t* ranks) const {
    ZNode* x = header_;
    size_t rank = 0;
    for (int i = level_ - 1; i >= 0; --i) {
      while (x->lv()[i].forward &&
             Before(x->lv()[i].forward->score, x->lv()[i].forward->member(), score, member)) {
        rank += x->lv()[i].span;
        x = x->lv()[i].forward;
      }
      update[i] = x;
      if (ranks) ranks[i] = rank;
    }
  }

  void Link(ZNode* n) {
    ZNode* update[kMaxLevel];
    size_t ranks[kMaxLevel];
    Path(n->score, n->member(), update, ranks);
    const int level = static_cast<int>(n->level);
    if (level > level_) {
      for (int i = level_; i < level; ++i) {
        ranks[i] = 0;
        update[i] = header_;
        update[i]->lv()[i].span = length_;
      }
      level_ = level;
    }
    for (int i = 0; i < level; ++i) {
      n->lv()[i].forward = update[i]->lv()[i].forward;
      update[i]->lv()[i].forward = n;
      n->lv()[i].span = update[i]->lv()[i].span - (ranks[0] - ranks[i]);
      update[i]->lv()[i].span = (ranks[0] - ranks[i]) + 1;
    }
    for (int i = level; i < level_; ++i) update[i]->lv()[i].span++;
    n->backward = update[0] == header_ ? nullptr : update[0];
    if (n->lv()[0].forward) {
      n->lv()[0].forward->backward = n;
    } else {
      tail_ = n;
    }
    length_++;
  }

  void Unlink(ZNode* n, ZNode** update) {
    for (int i = 0; i < level_; ++i) {
      if (update[i]->lv()[i].forward == n) {
        update[i]->lv()[i].span += n->lv()[i].span - 1;
        update[i]->lv()[i].forward = n->lv()[i].forward;
      } else {
        update[i]->lv()[i].span -= 1;
      }
    }
    if (n->lv()[0].forward) {
      n->lv()[0].forward->backward = n->backward;
    } else {
      tail_ = n->backward;
    }
    while (level_ > 1 && !header_->lv()[level_ - 1].forward) level_--;
    length_--;
  }

  // Open-addressing index by member, linear probing, at most 3/4 full.
  void IndexAdd(ZNode* n) {
    if ((indexed_ + 1) * 4 > slots_ * 3) Rehash(slots_ ? slots_ * 2 : 8);
    Place(n);
    indexed_++;
  }
  void Place(ZNode* n) {
    size_t mask = slots_ - 1;
    size_t i = HashBytes(n->member()) & mask;
    while (index_[i]) i = (i + 1) & mask;
    index_[i] = n;
  }
  void Rehash(size_t slots) {
    ZNode** old = index_;
    size_t old_slots = slots_;
    index_ = static_cast<ZNode**>(std::calloc(slots, sizeof(ZNode*)));
    if (!index_) throw std::bad_alloc();
    slots_ = slots;
    for (size_t i = 0; i < old_slots; ++i) {
      if (old[i]) Place(old[i]);
    }
    if (old) bytes_ -= malloc_usable_size(old);
    std::free(old);
    bytes_ += malloc_usable_size(index_);
  }
  void IndexRemove(ZNode* n) {
    size_t mask = slots_ - 1;
    size_t i = HashBytes(n->member()) & mask;
    while (index_[i] != n) i = (i + 1) & mask;
    // Backward-shift deletion keeps every probe sequence unbroken.
    size_t j = i;
    for (;;) {
      j = (j + 1) & mask;
      if (!index_[j]) break;
      size_t home = HashBytes(index_[j]->member()) & mask;
      // Move j into the hole at i unless its home lies cyclically in (i, j].
      bool in_between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
      if (!in_between) {
        index_[i] = index_[j];
        i = j;
      }
    }
    index_[i] = nullptr;
    indexed_--;
    if (slots_ > 8 && indexed_ * 8 < slots_) Rehash(slots_ / 2);
  }

  ZNode* header_;
  ZNode* tail_ = nullptr;
  size_t length_ = 0;
  int level_ = 1;
  ZNode** index_ = nullptr;
  size_t slots_ = 0;
  size_t indexed_ = 0;
};

// ---- ZSet -----------------------------------------------------------------------------------

ZListpack* ZSet::lp() const { return static_cast<ZListpack*>(e_->object()); }
ZSkiplist* ZSet::sl() const { return static_cast<ZSkiplist*>(e_->object()); }

namespace {
ZSkiplist* NewSkiplist() { return new ZSkiplist(); }
}  // namespace

Object* ZSet::New(size_t max_entries, size_t max_value, size_t first_member_len,
                  Encoding* encoding) {
  if (max_entries == 0 || first_member_len > max_value) {
    *encoding = Encoding::kSkiplist;
    return NewSkiplist();
  }
  *encoding = Encoding::kListpack;
  return ZListpack::Create(0);
}

Object* ZSet::Build(std::vector<std::pair<std::string, double>> items, size_t max_entries,
                    size_t max_value, Encoding* encoding) {
  std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    return Before(a.second, a.first, b.second, b.first);
  });
  bool compact = items.size() <= max_entries;
  size_t bytes = 0;
  for (const auto& [m, s] : items) {
    if (m.size() > max_value) compact = false;
    bytes += ItemBytes(m, s);
  }
  if (!compact) {
    *encoding = Encoding::kSkiplist;
    ZSkiplist* s = NewSkiplist();
    for (const auto& [m, sc] : items) s->Insert(m, sc);
    return s;
  }
  *encoding = Encoding::kListpack;
  ZListpack* lp = ZListpack::Create(bytes);
  char* p = lp->data();
  for (const auto& [m, s] : items) {
    p = PutVarint(p, m.size());
    std::memcpy(p, m.data(), m.size());
    p = PutScore(p + m.size(), s);
  }
  lp->used_ = static_cast<uint32_t>(bytes);
  lp->count_ = static_cast<uint32_t>(items.size());
  return lp;
}

size_t ZSet::Size() const { return compact() ? lp()->count_ : sl()->size(); }

bool ZSet::Score(std::string_view member, double* score) const {
  if (compact()) return lp()->Find(member, score) >= 0;
  ZNode* n = sl()->Find(member);
  if (!n) return false;
  *score = n->score;
  return true;
}

bool ZSet::Find(std::string_view member, double* score, Pos* pos) const {
  if (compact()) {
    pos->offset = lp()->Find(member, score);
    return pos->offset >= 0;
  }
  ZNode* n = sl()->Find(member);
  if (!n) return false;
  *score = n->score;
  pos->node = n;
  return true;
}

bool ZSet::Rank(std::string_view member, size_t* rank, double* score) const {
  if (compact()) {
    const ZListpack* l = lp();
    const char* p = l->data();
    for (size_t r = 0; p < l->end(); ++r) {
      ZItem it;
      p = GetItem(p, &it);
      if (it.member == member) {
        *rank = r;
        *score = it.score;
        return true;
      }
    }
    return false;
  }
  ZNode* n = sl()->Find(member);
  if (!n) return false;
  *score = n->score;
  *rank = sl()->RankOf(n);
  return true;
}

std::pair<size_t, size_t> ZSet::ScoreRanks(const ZScoreRange& r) const {
  if (compact()) {
    size_t first = 0, last = 0;
    const ZListpack* l = lp();
    for (const char* p = l->data(); p < l->end();) {
      ZItem it;
      p = GetItem(p, &it);
      if (!ScoreGteMin(it.score, r)) first++;
      if (ScoreLteMax(it.score, r)) last++;
    }
    return {first, std::max(first, last)};
  }
  size_t first = sl()->CountWhile([&](const ZNode* n) { return !ScoreGteMin(n->score, r); });
  size_t last = sl()->CountWhile([&](const ZNode* n) { return ScoreLteMax(n->score, r); });
  return {first, std::max(first, last)};
}

std::pair<size_t, size_t> ZSet::LexRanks(const ZLexRange& r) const {
  if (compact()) {
    // Redis walks a listpack from the front: the first member >= min starts the range, which
    // ends at the first member past max.
    const ZListpack* l = lp();
    size_t rank = 0, first = 0;
    const char* p = l->data();
    for (; p < l->end(); ++rank) {
      ZItem it;
      const char* next = GetItem(p, &it);
      if (LexGteMin(it.member, r)) break;
      p = next;
    }
    first = rank;
    for (; p < l->end(); ++rank) {
      ZItem it;
      p = GetItem(p, &it);
      if (!LexLteMax(it.member, r)) break;
    }
    return {first, rank};
  }
  size_t first = sl()->CountWhile([&](const ZNode* n) { return !LexGteMin(n->member(), r); });
  size_t last = sl()->CountWhile([&](const ZNode* n) { return LexLteMax(n->member(), r); });
  return {first, std::max(first, last)};
}

void ZSet::VisitLp(size_t first, size_t last, bool reverse, void (*fn)(void*, ZItem),
                   void* arg) const {
  const ZListpack* l = lp();
  last = std::min<size_t>(last, l->count_);
  if (first >= last) return;
  const char* p = l->data() + l->OffsetOf(first);
  if (!reverse) {
    for (size_t i = first; i < last; ++i) {
      ZItem it;
      p = GetItem(p, &it);
      fn(arg, it);
    }
    return;
  }
  std::vector<uint32_t> offsets;
  offsets.reserve(last - first);
  for (size_t i = first; i < last; ++i) {
    offsets.push_back(static_cast<uint32_t>(p - l->data()));
    ZItem it;
    p = GetItem(p, &it);
  }
  for (size_t i = offsets.size(); i-- > 0;) {
    ZItem it;
    GetItem(l->data() + offsets[i], &it);
    fn(arg, it);
  }
}

void ZSet::VisitSl(size_t first, size_t last, bool reverse, void (*fn)(void*, ZItem),
                   void* arg) const {
  const ZSkiplist* s = sl();
  last = std::min(last, s->size());
  if (first >= last) return;
  if (!reverse) {
    ZNode* x = first == 0 ? s->first() : s->AtRank(first);
    for (size_t i = first; i < last && x; ++i, x = x->lv()[0].forward) {
      fn(arg, {x->member(), x->score});
    }
    return;
  }
  ZNode* x = last == s->size() ? s->last() : s->AtRank(last - 1);
  for (size_t i = last; i > first && x; --i, x = x->backward) fn(arg, {x->member(), x->score});
}

uint64_t ZSet::ScanStep(uint64_t cursor, void (*fn)(void*, ZItem), void* arg) const {
  return sl()->Scan(cursor, [&](const ZNode* n) { fn(arg, {n->member(), n->score}); });
}

void ZSet::Insert(std::string_view member, double score, size_t max_entries, size_t max_value) {
  if (compact()) {
    ZListpack* l = lp();
    if (l->count_ + 1 <= max_entries && member.size() <= max_value) {
      e_->set_object(l->Insert(member, score));
      return;
    }
    ToSkiplist();
  }
  sl()->Insert(member, score);
}

void ZSet::ToSkiplist() {
  if (!compact()) return;
  // Redis's zsetConvert.
  ZListpack* l = lp();
  ZSkiplist* s = NewSkiplist();
  for (const char* p = l->data(); p < l->end();) {
    ZItem it;
    p = GetItem(p, &it);
    s->Insert(it.member, it.score);
  }
  delete l;
  e_->set_object(s);
  e_->set_encoding(Encoding::kSkiplist);
}

void ZSet::Update(std::string_view member, double old_score, double new_score) {
  Pos pos;
  double s;
  if (Find(member, &s, &pos)) UpdateAt(pos, member, new_score);
  (void)old_score;
}

void ZSet::UpdateAt(const Pos& pos, std::string_view member, double new_score) {
  if (compact()) {
    // Remove and insert again at the new place, as Redis does for a listpack (one realloc:
    // the removal keeps the room).
    ZListpack* l = lp();
    const auto off = static_cast<size_t>(pos.offset);
    l->EraseBytes(off, l->ElementEnd(off), 1, /*shrink=*/false);
    e_->set_object(l->Insert(member, new_score));
    return;
  }
  sl()->Update(static_cast<ZNode*>(pos.node), new_score);
}

bool ZSet::Erase(std::string_view member) {
  if (compact()) {
    ZListpack* l = lp();
    double s;
    long off = l->Find(member, &s);
    if (off < 0) return false;
    e_->set_object(l->EraseBytes(off, l->ElementEnd(off), 1));
    return true;
  }
  ZNode* n = sl()->Find(member);
  if (!n) return false;
  sl()->Erase(n);
  return true;
}

void ZSet::EraseRanks(size_t first, size_t last) {
  last = std::min(last, Size());
  if (first >= last) return;
  if (compact()) {
    ZListpack* l = lp();
    size_t from = l->OffsetOf(first);
    size_t to = from;
    for (size_t i = first; i < last; ++i) to = l->ElementEnd(to);
    e_->set_object(l->EraseBytes(from, to, last - first));
    return;
  }
  sl()->EraseRanks(first, last);
}

}  // namespace tandem::engine
