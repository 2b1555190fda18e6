// Sorted-set values in two encodings, chosen as Redis 7.0 chooses listpack or skiplist:
//   - ZListpack ("listpack"): one allocation holding the object header and the elements,
//     sorted by (score, member), each as varint member length, member bytes and a score
//     byte-coded as a small integer, a 1..8-byte integer or a raw double. No per-element
//     allocation and no back-length byte (a small set is walked forward; a reverse walk
//     collects offsets first), so an element takes 2 bytes plus its member for small
//     integer scores, against listpack's 4.
//   - ZTree ("skiplist", Redis's name for this encoding; zset_tree.h): a B+ tree counting
//     the elements under each child (O(log N) rank, range and score search), plus an
//     open-addressing index of the elements by member.
// ZSet is the one interface the commands use; it switches on the entry's encoding, converts a
// listpack to a skiplist when zset-max-listpack-entries/-value are crossed, and replaces the
// entry's object when a listpack reallocates. Ranks are 0-based in ascending order.
// Owned by their Entry; used only under the engine lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "server/engine/entry.h"

namespace tandem::engine {

struct ZItem {
  std::string_view member;
  double score;
};

// Redis's zrangespec: a score interval.
struct ZScoreRange {
  double min, max;
  bool minex = false, maxex = false;
};

// Redis's zlexrangespec: "-" and "+" are below and above every member.
struct ZLexBound {
  enum Kind : uint8_t { kValue, kMinusInf, kPlusInf };
  Kind kind = kValue;
  std::string_view value;
  bool exclusive = false;
};
struct ZLexRange {
  ZLexBound min, max;
};

class ZListpack;
class ZTree;

// Read and write access to the sorted set held by one entry.
class ZSet {
 public:
  // A new value holding `items`, sorted here; encoded by size and member lengths. The
  // members must be distinct.
  static Object* Build(std::vector<std::pair<std::string, double>> items, size_t max_entries,
                       size_t max_value, Encoding* encoding);
  // An empty listpack (or skiplist when max_entries is 0 or the first member is too long).
  static Object* New(size_t max_entries, size_t max_value, size_t first_member_len,
                     Encoding* encoding);

  explicit ZSet(Entry* e) : e_(e) {}

  size_t Size() const;
  bool Score(std::string_view member, double* score) const;
  // Where a member lies (a listpack offset or a skiplist node), valid until the next write.
  struct Pos {
    long offset = -1;
    void* node = nullptr;
  };
  // Score() that also returns the member's place, for UpdateAt (ZADD looks a member up once).
  bool Find(std::string_view member, double* score, Pos* pos) const;
  // The rank of `member` (ascending), and its score.
  bool Rank(std::string_view member, size_t* rank, double* score) const;
  // Ranks [first, last) of the elements inside `r`.
  std::pair<size_t, size_t> ScoreRanks(const ZScoreRange& r) const;
  std::pair<size_t, size_t> LexRanks(const ZLexRange& r) const;
  // Visits the elements of ranks [first, last) in ascending order, or descending with
  // `reverse`: fn(ZItem) returning void. Views are valid during the call only.
  template <class Fn>
  void Visit(size_t first, size_t last, bool reverse, Fn&& fn) const;

  // Skiplist only: one SCAN step from `cursor` over the member index (Redis's dictScan);
  // fn(ZItem) for each element visited. Returns the next cursor, 0 when done.
  template <class Fn>
  uint64_t Scan(uint64_t cursor, Fn&& fn) const {
    auto call = [](void* arg, ZItem item) {
      (*static_cast<std::remove_reference_t<Fn>*>(arg))(item);
    };
    return ScanStep(cursor, call, const_cast<void*>(static_cast<const void*>(&fn)));
  }

  // --- Writes (through KeyWrite::MutableObject first) ---------------------------------------
  // Inserts an absent member. Converts to a skiplist when a limit is crossed.
  void Insert(std::string_view member, double score, size_t max_entries, size_t max_value);
  // Moves a present member to a new score.
  void Update(std::string_view member, double old_score, double new_score);
  // Moves the member Find() found at `pos` to a new score. `member` must not view the set's
  // own bytes (it is copied while they move).
  void UpdateAt(const Pos& pos, std::string_view member, double new_score);
  // Removes a member; false when absent.
  bool Erase(std::string_view member);
  // Removes ranks [first, last).
  void EraseRanks(size_t first, size_t last);
  // Converts a listpack to a skiplist (SORT does, as Redis's sortCommandGeneric).
  void ToSkiplist();

  // Whether the encoding is the listpack.
  bool compact() const { return e_->encoding() == Encoding::kListpack; }

 private:
  ZListpack* lp() const;
  ZTree* sl() const;
  uint64_t ScanStep(uint64_t cursor, void (*fn)(void*, ZItem), void* arg) const;
  void VisitLp(size_t first, size_t last, bool reverse, void (*fn)(void*, ZItem), void* arg) const;
  void VisitSl(size_t first, size_t last, bool reverse, void (*fn)(void*, ZItem), void* arg) const;

  Entry* e_;
};

template <class Fn>
void ZSet::Visit(size_t first, size_t last, bool reverse, Fn&& fn) const {
  if (first >= last) return;
  auto call = [](void* arg, ZItem item) {
    (*static_cast<std::remove_reference_t<Fn>*>(arg))(item);
  };
  void* arg = const_cast<void*>(static_cast<const void*>(&fn));
  compact() ? VisitLp(first, last, reverse, call, arg) : VisitSl(first, last, reverse, call, arg);
}

// Redis's zslValueGteMin / zslValueLteMax and the lex counterparts.
inline bool ScoreGteMin(double v, const ZScoreRange& r) { return r.minex ? v > r.min : v >= r.min; }
inline bool ScoreLteMax(double v, const ZScoreRange& r) { return r.maxex ? v < r.max : v <= r.max; }
bool LexGteMin(std::string_view v, const ZLexRange& r);
// Redis's double2ll: whether a listpack holds `d` as the integer *v.
bool ListpackScoreAsInt(double d, int64_t* v);
bool LexLteMax(std::string_view v, const ZLexRange& r);

}  // namespace tandem::engine
