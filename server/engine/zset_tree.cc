#include "server/engine/zset_tree.h"

#include <malloc.h>

#include <cstdlib>
#include <cstring>
#include <new>

#include "server/engine/hash.h"

namespace tandem::engine {
namespace {

// Whether (s, m) comes before the element e (Redis's (score, member) order).
bool KeyBefore(double s, std::string_view m, double es, const ZElem* e) {
  return s < es || (s == es && m < e->member());
}

// The first index in [lo, hi) whose entry (scores[i], elems[i]) comes after (s, m); hi when
// none does.
int FirstAfter(double s, std::string_view m, const double* scores, ZElem* const* elems, int lo,
               int hi) {
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (KeyBefore(s, m, scores[mid], elems[mid])) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

ZElem* NewElem(std::string_view member, double score) {
  void* mem = std::malloc(sizeof(ZElem) + member.size());
  if (!mem) throw std::bad_alloc();
  auto* e = static_cast<ZElem*>(mem);
  e->score = score;
  e->len = static_cast<uint32_t>(member.size());
  if (!member.empty()) std::memcpy(e + 1, member.data(), member.size());
  return e;
}

uint64_t ReverseBits(uint64_t v) {
  v = ((v >> 1) & 0x5555555555555555ull) | ((v & 0x5555555555555555ull) << 1);
  v = ((v >> 2) & 0x3333333333333333ull) | ((v & 0x3333333333333333ull) << 2);
  v = ((v >> 4) & 0x0F0F0F0F0F0F0F0Full) | ((v & 0x0F0F0F0F0F0F0F0Full) << 4);
  return __builtin_bswap64(v);
}

}  // namespace

ZTree::ZTree() {
  bytes_ = sizeof(ZTree);
  head_ = tail_ = NewNode<Leaf>();
  root_ = head_;
}

ZTree::~ZTree() {
  for (Leaf* l = head_; l; l = l->next) {
    for (int i = 0; i < l->n; ++i) std::free(l->e[i]);
  }
  FreeSubtree(root_);
  std::free(index_);
}

Object* ZTree::Clone() const {
  auto* c = new ZTree();
  for (const Leaf* l = head_; l; l = l->next) {
    for (int i = 0; i < l->n; ++i) c->Insert(l->e[i]->member(), l->e[i]->score);
  }
  return c;
}

template <class T>
T* ZTree::NewNode() {
  void* mem = std::malloc(sizeof(T));
  if (!mem) throw std::bad_alloc();
  T* x = new (mem) T();
  Account(x, true);
  return x;
}

template <class T>
T* ZTree::SplitOff(T* full) {
  T* r = NewNode<T>();
  CopyEntries(r, 0, full, kHalf, kFan - kHalf);
  r->n = kFan - kHalf;
  full->n = kHalf;
  return r;
}

void ZTree::FreeNode(Node* x) {
  Account(x, false);
  std::free(x);  // Leaf and Inner are trivially destructible
}

void ZTree::FreeSubtree(Node* x) {
  if (!x->leaf) {
    Inner* in = AsInner(x);
    for (int i = 0; i < in->n; ++i) FreeSubtree(in->child[i]);
  }
  FreeNode(x);
}

void ZTree::Account(const void* p, bool add) {
  size_t b = malloc_usable_size(const_cast<void*>(p));
  add ? bytes_ += b : bytes_ -= b;
}

ZElem* ZTree::Find(std::string_view member) const {
  if (!index_) return nullptr;
  size_t mask = slots_ - 1;
  for (size_t i = HashBytes(member) & mask;; i = (i + 1) & mask) {
    ZElem* e = index_[i];
    if (!e) return nullptr;
    if (e->member() == member) return e;
  }
}

void ZTree::Insert(std::string_view member, double score) {
  ZElem* e = NewElem(member, score);
  Account(e, true);
  IndexAdd(e);
  Link(e);
}

void ZTree::Erase(ZElem* e) {
  Unlink(e);
  IndexRemove(e);
  Account(e, false);
  std::free(e);
}

void ZTree::EraseRanks(size_t first, size_t last) {
  if (last > size_) last = size_;
  for (size_t k = first; k < last; ++k) {
    int p;
    const Leaf* l = AtRank(first, &p);
    Erase(l->e[p]);
  }
}

ZTree::Leaf* ZTree::Descend(double score, std::string_view member, Step* path, int* depth) const {
  Node* x = root_;
  int d = 0;
  while (!x->leaf) {
    Inner* in = AsInner(x);
    // The last child whose first element is not after the key (the first child when the key
    // precedes them all).
    const int c = FirstAfter(score, member, in->min_s, in->min_e, 1, in->n) - 1;
    path[d++] = {in, c};
    x = in->child[c];
  }
  *depth = d;
  return AsLeaf(x);
}

// The slot of e in the leaf Descend() found for it.
static int SlotOf(const double* s, ZElem* const* elems, int n, const ZElem* e) {
  int lo = 0, hi = n;
  while (lo < hi) {  // the first score not below e's
    int mid = (lo + hi) / 2;
    if (s[mid] < e->score) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  while (elems[lo] != e) ++lo;
  return lo;
}

const ZTree::Leaf* ZTree::AtRank(size_t rank, int* pos) const {
  const Node* x = root_;
  while (!x->leaf) {
    const Inner* in = AsInner(x);
    int i = 0;
    while (i + 1 < in->n && rank >= in->count[i]) rank -= in->count[i++];
    x = in->child[i];
  }
  *pos = static_cast<int>(rank);
  return AsLeaf(x);
}

size_t ZTree::RankOf(const ZElem* e) const {
  Step path[kMaxHeight];
  int d;
  const Leaf* l = Descend(e->score, e->member(), path, &d);
  size_t rank = SlotOf(l->s, l->e, l->n, e);
  for (int i = 0; i < d; ++i) {
    for (int j = 0; j < path[i].c; ++j) rank += path[i].node->count[j];
  }
  return rank;
}

void ZTree::Link(ZElem* e) {
  Step path[kMaxHeight];
  int d;
  Leaf* l = Descend(e->score, e->member(), path, &d);
  int p = FirstAfter(e->score, e->member(), l->s, l->e, 0, l->n);
  Node* extra = nullptr;
  if (l->n == kFan) {
    Leaf* r = SplitOff(l);
    r->next = l->next;
    r->prev = l;
    (l->next ? l->next->prev : tail_) = r;
    l->next = r;
    extra = r;
    if (p > kHalf) {
      l = r;
      p -= kHalf;
    }
  }
  std::memmove(l->s + p + 1, l->s + p, (l->n - p) * sizeof(double));
  std::memmove(l->e + p + 1, l->e + p, (l->n - p) * sizeof(ZElem*));
  l->s[p] = e->score;
  l->e[p] = e;
  l->n++;
  size_++;
  FixUp(path, d, extra);
}

void ZTree::FixUp(Step* path, int depth, Node* extra) {
  for (int i = depth - 1; i >= 0; --i) {
    Inner* in = path[i].node;
    const int c = path[i].c;
    SetEntry(in, c, in->child[c]);
    if (!extra) continue;
    Node* split = nullptr;
    if (in->n == kFan) {
      Inner* r = SplitOff(in);
      split = r;
      c + 1 > kHalf ? InsertEntry(r, c + 1 - kHalf, extra) : InsertEntry(in, c + 1, extra);
    } else {
      InsertEntry(in, c + 1, extra);
    }
    extra = split;
  }
  if (extra) {
    Inner* root = NewNode<Inner>();
    InsertEntry(root, 0, root_);
    InsertEntry(root, 1, extra);
    root_ = root;
  }
}

void ZTree::Unlink(ZElem* e) {
  Step path[kMaxHeight];
  int d;
  Leaf* l = Descend(e->score, e->member(), path, &d);
  UnlinkAt(path, d, l, SlotOf(l->s, l->e, l->n, e));
}

void ZTree::UnlinkAt(Step* path, int depth, Leaf* l, int p) {
  std::memmove(l->s + p, l->s + p + 1, (l->n - p - 1) * sizeof(double));
  std::memmove(l->e + p, l->e + p + 1, (l->n - p - 1) * sizeof(ZElem*));
  l->n--;
  size_--;
  for (int i = depth - 1; i >= 0; --i) {
    Inner* in = path[i].node;
    const int c = MergeIfSparse(in, path[i].c);
    if (c >= 0) SetEntry(in, c, in->child[c]);
  }
  while (!root_->leaf && root_->n == 1) {
    Node* old = root_;
    root_ = AsInner(old)->child[0];
    FreeNode(old);
  }
  if (!root_->leaf && root_->n == 0) {  // every leaf went
    FreeNode(root_);
    head_ = tail_ = NewNode<Leaf>();
    root_ = head_;
  }
}

int ZTree::MergeIfSparse(Inner* in, int c) {
  Node* x = in->child[c];
  if (x->n == 0) {
    if (x->leaf) {
      Leaf* l = AsLeaf(x);
      (l->prev ? l->prev->next : head_) = l->next;
      (l->next ? l->next->prev : tail_) = l->prev;
    }
    FreeNode(x);
    RemoveEntry(in, c);
    return -1;
  }
  if (x->n >= kFan / 4) return c;
  auto absorb = [this](Node* left, Node* right) {
    const int n = left->n, m = right->n;
    if (left->leaf) {
      Leaf* a = AsLeaf(left);
      Leaf* b = AsLeaf(right);
      CopyEntries(a, n, b, 0, m);
      a->next = b->next;
      (b->next ? b->next->prev : tail_) = a;
    } else {
      CopyEntries(AsInner(left), n, AsInner(right), 0, m);
    }
    left->n = static_cast<uint16_t>(n + m);
    FreeNode(right);
  };
  if (c > 0 && in->child[c - 1]->n + x->n <= kFan) {
    absorb(in->child[c - 1], x);
    RemoveEntry(in, c);
    return c - 1;
  }
  if (c + 1 < in->n && in->child[c + 1]->n + x->n <= kFan) {
    absorb(x, in->child[c + 1]);
    RemoveEntry(in, c + 1);
  }
  return c;
}

void ZTree::CopyEntries(Leaf* dst, int at, const Leaf* src, int from, int n) {
  std::memcpy(dst->s + at, src->s + from, n * sizeof(double));
  std::memcpy(dst->e + at, src->e + from, n * sizeof(ZElem*));
}

void ZTree::CopyEntries(Inner* dst, int at, const Inner* src, int from, int n) {
  std::memcpy(dst->count + at, src->count + from, n * sizeof(uint32_t));
  std::memcpy(dst->min_s + at, src->min_s + from, n * sizeof(double));
  std::memcpy(dst->min_e + at, src->min_e + from, n * sizeof(ZElem*));
  std::memcpy(dst->child + at, src->child + from, n * sizeof(Node*));
}

uint32_t ZTree::CountOf(const Node* x) {
  if (x->leaf) return x->n;
  const Inner* in = AsInner(x);
  uint32_t total = 0;
  for (int i = 0; i < in->n; ++i) total += in->count[i];
  return total;
}

void ZTree::SetEntry(Inner* in, int c, Node* child) {
  in->child[c] = child;
  in->count[c] = CountOf(child);
  if (child->leaf) {
    in->min_s[c] = AsLeaf(child)->s[0];
    in->min_e[c] = AsLeaf(child)->e[0];
  } else {
    in->min_s[c] = AsInner(child)->min_s[0];
    in->min_e[c] = AsInner(child)->min_e[0];
  }
}

void ZTree::InsertEntry(Inner* in, int c, Node* child) {
  const int move = in->n - c;
  std::memmove(in->count + c + 1, in->count + c, move * sizeof(uint32_t));
  std::memmove(in->min_s + c + 1, in->min_s + c, move * sizeof(double));
  std::memmove(in->min_e + c + 1, in->min_e + c, move * sizeof(ZElem*));
  std::memmove(in->child + c + 1, in->child + c, move * sizeof(Node*));
  in->n++;
  SetEntry(in, c, child);
}

void ZTree::RemoveEntry(Inner* in, int c) {
  const int move = in->n - c - 1;
  std::memmove(in->count + c, in->count + c + 1, move * sizeof(uint32_t));
  std::memmove(in->min_s + c, in->min_s + c + 1, move * sizeof(double));
  std::memmove(in->min_e + c, in->min_e + c + 1, move * sizeof(ZElem*));
  std::memmove(in->child + c, in->child + c + 1, move * sizeof(Node*));
  in->n--;
}

void ZTree::Update(ZElem* e, double score) {
  Step path[kMaxHeight];
  int d;
  Leaf* l = Descend(e->score, e->member(), path, &d);
  const int p = SlotOf(l->s, l->e, l->n, e);
  // In place when the element stays between its neighbours (Redis's zslUpdateScore).
  const Leaf* pl = p > 0 ? l : l->prev;
  const Leaf* nl = p + 1 < l->n ? l : l->next;
  const bool after_prev = !pl || pl->s[p > 0 ? p - 1 : pl->n - 1] < score;
  const bool before_next = !nl || nl->s[p + 1 < l->n ? p + 1 : 0] > score;
  if (after_prev && before_next) {
    e->score = score;
    l->s[p] = score;
    if (p == 0) FixUp(path, d, nullptr);  // the leaf's first score is its parents' key
    return;
  }
  UnlinkAt(path, d, l, p);
  e->score = score;
  Link(e);
}

// ---- The member index ------------------------------------------------------------------------

void ZTree::IndexAdd(ZElem* e) {
  if ((indexed_ + 1) * 4 > slots_ * 3) Rehash(slots_ ? slots_ * 2 : 8);
  Place(e);
  indexed_++;
}

void ZTree::Place(ZElem* e) {
  size_t mask = slots_ - 1;
  size_t i = HashBytes(e->member()) & mask;
  while (index_[i]) i = (i + 1) & mask;
  index_[i] = e;
}

void ZTree::Rehash(size_t slots) {
  ZElem** old = index_;
  size_t old_slots = slots_;
  index_ = static_cast<ZElem**>(std::calloc(slots, sizeof(ZElem*)));
  if (!index_) throw std::bad_alloc();
  slots_ = slots;
  for (size_t i = 0; i < old_slots; ++i) {
    if (old[i]) Place(old[i]);
  }
  if (old) Account(old, false);
  std::free(old);
  Account(index_, true);
}

void ZTree::IndexRemove(const ZElem* e) {
  size_t mask = slots_ - 1;
  size_t i = HashBytes(e->member()) & mask;
  while (index_[i] != e) i = (i + 1) & mask;
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

// Visits the elements whose home slot is `cursor` masked to the table. With linear probing
// and backward-shift deletion, an element lies in the unbroken run of slots that starts at
// its home, so the reverse-binary cursor keeps SCAN's guarantee across resizes.
uint64_t ZTree::ScanStep(uint64_t cursor, void (*fn)(void*, const ZElem*), void* arg) const {
  if (!index_) return 0;
  const uint64_t mask = slots_ - 1;
  const size_t home = cursor & mask;
  for (size_t j = home; index_[j]; j = (j + 1) & mask) {
    if ((HashBytes(index_[j]->member()) & mask) == home) fn(arg, index_[j]);
  }
  cursor |= ~mask;
  cursor = ReverseBits(cursor);
  cursor++;
  return ReverseBits(cursor);
}

}  // namespace tandem::engine
