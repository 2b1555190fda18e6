// The large encoding of a sorted set (Redis's "skiplist"): a B+ tree of elements in (score,
// member) order whose inner nodes count the elements under each child, for O(log N) rank,
// range and score search, plus an open-addressing index of the elements by member.
//
// Why a tree and not Redis's skiplist: a skiplist step is a pointer to a node elsewhere in
// memory, and an insert or removal rewrites the spans of nodes on every level. A leaf holds 32
// elements with their scores side by side, so a search in a set of 100,000 touches a handful
// of cache lines (the upper levels stay cached) where the skiplist takes a miss per step;
// ZADD on one hot key spent half its time in skiplist searches. Leaves that fall under a
// quarter full merge with a neighbour, so memory per element stays bounded under removals.
//
// Owned by its Entry; used only under the engine lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "server/engine/entry.h"

namespace tandem::engine {

// One element: its score and its member bytes, in one allocation the tree and the index
// point to.
struct ZElem {
  double score;
  uint32_t len;
  std::string_view member() const { return {reinterpret_cast<const char*>(this + 1), len}; }
};

class ZTree final : public Object {
 public:
  ZTree();
  ~ZTree() override;
  ZTree(const ZTree&) = delete;
  ZTree& operator=(const ZTree&) = delete;
  Object* Clone() const override;

  size_t size() const { return size_; }
  ZElem* Find(std::string_view member) const;
  // Adds an absent member.
  void Insert(std::string_view member, double score);
  void Erase(ZElem* e);
  // Moves `e` to a new score (in place when it keeps its neighbours, as Redis's
  // zslUpdateScore).
  void Update(ZElem* e, double score);
  // 0-based rank of `e`.
  size_t RankOf(const ZElem* e) const;
  // Removes ranks [first, last).
  void EraseRanks(size_t first, size_t last);

  // Number of leading elements for which before(score, elem) holds (a prefix of the order).
  template <class Pred>
  size_t CountWhile(Pred before) const;
  // Visits ranks [first, last) in ascending order, or descending with `reverse`:
  // fn(const ZElem*).
  template <class Fn>
  void Visit(size_t first, size_t last, bool reverse, Fn&& fn) const;
  // One step of a SCAN over the member index (Redis's dictScan): fn(const ZElem*) for each
  // element visited; returns the next cursor, 0 at the end.
  template <class Fn>
  uint64_t Scan(uint64_t cursor, Fn&& fn) const;

 private:
  static constexpr int kFan = 32;
  static constexpr int kMaxHeight = 32;

  struct Node {
    uint16_t n = 0;  // elements (leaf) or children (inner)
    bool leaf;
    explicit Node(bool is_leaf) : leaf(is_leaf) {}
  };
  struct Leaf : Node {
    Leaf() : Node(true) {}
    Leaf* prev = nullptr;
    Leaf* next = nullptr;
    double s[kFan];  // the elements' scores, read without touching the elements
    ZElem* e[kFan];
  };
  // Each child with the number of elements under it and its first element.
  struct Inner : Node {
    Inner() : Node(false) {}
    uint32_t count[kFan];
    double min_s[kFan];
    ZElem* min_e[kFan];
    Node* child[kFan];
  };
  struct Step {
    Inner* node;
    int c;  // the child taken
  };

  static Leaf* AsLeaf(Node* x) { return static_cast<Leaf*>(x); }
  static Inner* AsInner(Node* x) { return static_cast<Inner*>(x); }
  static const Leaf* AsLeaf(const Node* x) { return static_cast<const Leaf*>(x); }
  static const Inner* AsInner(const Node* x) { return static_cast<const Inner*>(x); }

  // Descends towards (score, member), recording the path; returns the leaf.
  Leaf* Descend(double score, std::string_view member, Step* path, int* depth) const;
  // The leaf and slot of rank `rank` (< size).
  const Leaf* AtRank(size_t rank, int* pos) const;

  void Link(ZElem* e);    // into the tree
  void Unlink(ZElem* e);  // out of the tree (the element stays allocated and indexed)
  // Unlink() of slot p of leaf l, which Descend() reached by `path`.
  void UnlinkAt(Step* path, int depth, Leaf* l, int p);
  // Refreshes path[i]'s entries from the child below, bottom-up; `extra` is a new right
  // sibling of the lowest child, to be entered after it (splitting parents as needed).
  void FixUp(Step* path, int depth, Node* extra);
  // Merges the child at `c` with a neighbour when it fell under a quarter full; returns the
  // index the (merged) child now has.
  int MergeIfSparse(Inner* in, int c);
  void SetEntry(Inner* in, int c, Node* child);
  void InsertEntry(Inner* in, int c, Node* child);
  void RemoveEntry(Inner* in, int c);
  static uint32_t CountOf(const Node* x);
  // Copies n entries of src from index `from` to dst at index `at` (a split's upper half, a
  // merge's right node).
  static void CopyEntries(Leaf* dst, int at, const Leaf* src, int from, int n);
  static void CopyEntries(Inner* dst, int at, const Inner* src, int from, int n);

  template <class T>
  T* NewNode();
  // Splits a full node: its upper half moves to a new node, which is returned.
  template <class T>
  T* SplitOff(T* full);
  static constexpr int kHalf = kFan / 2;
  void FreeNode(Node* x);
  void FreeSubtree(Node* x);
  void Account(const void* p, bool add);

  // The member index: linear probing, at most 3/4 full, backward-shift deletion.
  void IndexAdd(ZElem* e);
  void IndexRemove(const ZElem* e);
  void Place(ZElem* e);
  void Rehash(size_t slots);
  uint64_t ScanStep(uint64_t cursor, void (*fn)(void*, const ZElem*), void* arg) const;

  Node* root_;
  Leaf* head_;
  Leaf* tail_;
  size_t size_ = 0;
  ZElem** index_ = nullptr;
  size_t slots_ = 0;
  size_t indexed_ = 0;
};

template <class Pred>
size_t ZTree::CountWhile(Pred before) const {
  size_t rank = 0;
  const Node* x = root_;
  while (!x->leaf) {
    const Inner* in = AsInner(x);
    int i = 0;
    while (i + 1 < in->n && before(in->min_s[i + 1], in->min_e[i + 1])) rank += in->count[i++];
    x = in->child[i];
  }
  const Leaf* l = AsLeaf(x);
  int p = 0;
  while (p < l->n && before(l->s[p], l->e[p])) ++p;
  return rank + p;
}

template <class Fn>
void ZTree::Visit(size_t first, size_t last, bool reverse, Fn&& fn) const {
  if (last > size_) last = size_;
  if (first >= last) return;
  int p;
  size_t left = last - first;
  if (!reverse) {
    for (const Leaf* l = AtRank(first, &p); l && left > 0; l = l->next, p = 0) {
      for (; p < l->n && left > 0; ++p, --left) fn(static_cast<const ZElem*>(l->e[p]));
    }
    return;
  }
  for (const Leaf* l = AtRank(last - 1, &p); l && left > 0;) {
    for (; p >= 0 && left > 0; --p, --left) fn(static_cast<const ZElem*>(l->e[p]));
    l = l->prev;
    if (l) p = l->n - 1;
  }
}

template <class Fn>
uint64_t ZTree::Scan(uint64_t cursor, Fn&& fn) const {
  auto call = [](void* arg, const ZElem* e) {
    (*static_cast<std::remove_reference_t<Fn>*>(arg))(e);
  };
  return ScanStep(cursor, call, const_cast<void*>(static_cast<const void*>(&fn)));
}

}  // namespace tandem::engine
