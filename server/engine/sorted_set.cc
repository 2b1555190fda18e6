#include "server/engine/sorted_set.h"

#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>

#include "server/engine/hash.h"
#include "server/engine/varint.h"
#include "server/engine/zset_tree.h"

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

// ---- ZSet -----------------------------------------------------------------------------------

ZListpack* ZSet::lp() const { return static_cast<ZListpack*>(e_->object()); }
ZTree* ZSet::sl() const { return static_cast<ZTree*>(e_->object()); }

Object* ZSet::New(size_t max_entries, size_t max_value, size_t first_member_len,
                  Encoding* encoding) {
  if (max_entries == 0 || first_member_len > max_value) {
    *encoding = Encoding::kSkiplist;
    return new ZTree();
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
    ZTree* s = new ZTree();
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
  const ZElem* n = sl()->Find(member);
  if (!n) return false;
  *score = n->score;
  return true;
}

bool ZSet::Find(std::string_view member, double* score, Pos* pos) const {
  if (compact()) {
    pos->offset = lp()->Find(member, score);
    return pos->offset >= 0;
  }
  ZElem* n = sl()->Find(member);
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
  const ZElem* n = sl()->Find(member);
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
  size_t first = sl()->CountWhile([&](double s, const ZElem*) { return !ScoreGteMin(s, r); });
  size_t last = sl()->CountWhile([&](double s, const ZElem*) { return ScoreLteMax(s, r); });
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
  size_t first =
      sl()->CountWhile([&](double, const ZElem* e) { return !LexGteMin(e->member(), r); });
  size_t last = sl()->CountWhile([&](double, const ZElem* e) { return LexLteMax(e->member(), r); });
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
  sl()->Visit(first, last, reverse, [&](const ZElem* e) { fn(arg, {e->member(), e->score}); });
}

uint64_t ZSet::ScanStep(uint64_t cursor, void (*fn)(void*, ZItem), void* arg) const {
  return sl()->Scan(cursor, [&](const ZElem* e) { fn(arg, {e->member(), e->score}); });
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
  ZTree* s = new ZTree();
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
  sl()->Update(static_cast<ZElem*>(pos.node), new_score);
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
  ZElem* n = sl()->Find(member);
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
