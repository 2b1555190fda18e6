#include "server/engine/list.h"

#include <liblzf/lzf.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "server/engine/numbers.h"
#include "server/engine/varint.h"

namespace tandem::engine {

// A packed node: a 16-byte header and `cap` bytes; its `count` elements lie in
// data[head, used). The gap before `head` makes LPOP and LPUSH O(1) instead of moving the
// node's bytes (listpack moves them every time): LPOP leaves a gap, closed once it is as
// large as what is left; LPUSH into a node without a gap opens one of up to 1/8 of it.
//
// A node deeper than list-compress-depth from both ends is LZF-compressed, as in Redis's
// quicklist: `head` is kPacked, data[0, 4) holds the plain length and data[4, used) the LZF
// bytes; `count` stays, so Locate never decompresses. Readers decompress such a node into a
// per-thread buffer (Elements); editors unpack it in place, and Settle packs it again.
struct ListObject::Node {
  static constexpr uint32_t kPacked = UINT32_MAX;
  uint32_t count;
  uint32_t used;
  uint32_t cap;
  uint32_t head;
  char data[];
  bool packed() const { return head == kPacked; }
  char* begin() { return data + head; }
  const char* begin() const { return data + head; }
  size_t live() const { return used - head; }
  uint32_t plain_size() const {
    uint32_t len;
    std::memcpy(&len, data, sizeof(len));
    return len;
  }
};

namespace {

constexpr size_t kNodeHeader = sizeof(uint32_t) * 4;

// glibc's chunk for a request of n bytes (8 bytes of header, 16-byte granules): what the
// allocation really holds, so accounting matches resident growth.
size_t ChunkSize(size_t n) { return std::max<size_t>(32, (n + 8 + 15) & ~size_t{15}); }

size_t ElementBytes(size_t len) { return len + 2 * VarintSize(len); }

char* WriteElement(char* p, std::string_view v) {
  size_t len = v.size();
  const size_t vl = VarintSize(len);
  p = PutVarint(p, len);
  if (len) std::memcpy(p, v.data(), len);
  p += len;
  // The length again, backwards: the last byte holds the low 7 bits.
  for (size_t k = vl; k-- > 0;) {
    *p++ = static_cast<char>(((len >> (7 * k)) & 0x7f) | (k + 1 < vl ? 0x80 : 0));
  }
  return p;
}

// The element starting at p; returns the position after it.
const char* ReadForward(const char* p, std::string_view* out) {
  size_t len = 0;
  p = GetVarint(p, &len);
  *out = {p, len};
  return p + len + VarintSize(len);
}

// The element ending at `end`; returns its start.
const char* ReadBackward(const char* end, std::string_view* out) {
  size_t len = 0;
  size_t shift = 0;
  const char* p = end;
  uint8_t b;
  do {
    b = static_cast<uint8_t>(*--p);
    len |= size_t{b & 0x7fu} << shift;
    shift += 7;
  } while (b & 0x80);
  const size_t vl = VarintSize(len);
  *out = {p - len, len};
  return p - len - vl;
}

// Redis's MIN_COMPRESS_BYTES and MIN_COMPRESS_IMPROVE: smaller nodes stay plain, and so do
// nodes LZF cannot shrink by more than 8 bytes.
constexpr size_t kMinPackBytes = 48;
constexpr size_t kMinPackGain = 8;

}  // namespace

ListObject::Bytes ListObject::Elements(const Node* n) {
  if (!n->packed()) return {n->begin(), n->data + n->used};
  thread_local std::string plain;
  const uint32_t len = n->plain_size();
  if (plain.size() < len) plain.resize(len);
  const unsigned got =
      lzf_decompress(n->data + sizeof(uint32_t), n->used - sizeof(uint32_t), plain.data(), len);
  if (got != len) std::abort();  // our own bytes: cannot happen short of memory corruption
  return {plain.data(), plain.data() + len};
}

void ListObject::Pack(size_t k) {
  Node* n = nodes_[k];
  if (n->packed() || n->live() < kMinPackBytes) return;
  const size_t live = n->live();
  thread_local std::string out;
  if (out.size() < live) out.resize(live);
  const unsigned len = lzf_compress(n->begin(), live, out.data(), live - kMinPackGain - 1);
  if (len == 0) return;  // does not shrink enough: stays plain
  Node* c = NewNode(sizeof(uint32_t) + len);
  const auto plain = static_cast<uint32_t>(live);
  std::memcpy(c->data, &plain, sizeof(plain));
  std::memcpy(c->data + sizeof(plain), out.data(), len);
  c->used = static_cast<uint32_t>(sizeof(plain) + len);
  c->count = n->count;
  c->head = Node::kPacked;
  Account(-static_cast<ptrdiff_t>(ChunkSize(kNodeHeader + n->cap)));
  std::free(n);
  nodes_[k] = c;
}

ListObject::Node* ListObject::Unpack(size_t k) {
  Node* c = nodes_[k];
  if (!c->packed()) return c;
  const Bytes b = Elements(c);
  Node* n = NewNode(static_cast<size_t>(b.end - b.begin));
  std::memcpy(n->data, b.begin, static_cast<size_t>(b.end - b.begin));
  n->used = static_cast<uint32_t>(b.end - b.begin);
  n->count = c->count;
  Account(-static_cast<ptrdiff_t>(ChunkSize(kNodeHeader + c->cap)));
  std::free(c);
  nodes_[k] = n;
  return n;
}

void ListObject::Settle(size_t lo, size_t hi) {
  const size_t d = static_cast<size_t>(compress_);
  const size_t n = nnodes_;
  if (d == 0) return;
  // Plain ends: the d nodes at each end (all of them when the list has no more than 2d).
  const size_t head_end = std::min(d, n);
  for (size_t k = 0; k < head_end; ++k) Unpack(k);
  for (size_t k = n > d ? std::max(n - d, head_end) : n; k < n; ++k) Unpack(k);
  if (n <= 2 * d) return;
  // Packed middle: the nodes just past the ends, and the edited ones with the d on either
  // side (a split or merge shifts up to d nodes across the boundary).
  Pack(d);
  Pack(n - 1 - d);
  for (size_t k = std::max(lo, 2 * d) - d; k < std::min(hi + d, n - d); ++k) Pack(k);
}

ListObject::ListObject(int fill, int compress)
    : nodes_(&inline_node_), fill_(fill), compress_(compress) {
  bytes_ = ChunkSize(sizeof(*this));
}

ListObject::~ListObject() {
  for (uint32_t i = 0; i < nnodes_; ++i) std::free(nodes_[i]);
  if (nodes_ != &inline_node_) delete[] nodes_;
}

Object* ListObject::Clone() const {
  auto* copy = new ListObject(fill_, compress_);
  copy->Reserve(nnodes_);
  for (uint32_t i = 0; i < nnodes_; ++i) {
    const Node* n = nodes_[i];
    auto* c = static_cast<Node*>(std::malloc(kNodeHeader + n->cap));
    if (!c) throw std::bad_alloc();
    std::memcpy(c, n, kNodeHeader + n->used);
    copy->nodes_[i] = c;
    copy->Account(static_cast<ptrdiff_t>(ChunkSize(kNodeHeader + n->cap)));
  }
  copy->nnodes_ = nnodes_;
  copy->count_ = count_;
  return copy;
}

void ListObject::Reserve(size_t nodes) {
  if (nodes <= cap_) return;
  size_t cap = std::max<size_t>(nodes, size_t{cap_} * 2);
  Node** fresh = new Node*[cap];
  std::copy(nodes_, nodes_ + nnodes_, fresh);
  if (nodes_ != &inline_node_) {
    delete[] nodes_;
    Account(-static_cast<ptrdiff_t>(ChunkSize(cap_ * sizeof(Node*))));
  }
  nodes_ = fresh;
  cap_ = static_cast<uint32_t>(cap);
  Account(static_cast<ptrdiff_t>(ChunkSize(cap * sizeof(Node*))));
}

bool ListObject::NodeHasRoom(const Node* n, size_t len) const {
  if (n->count == 0) return true;
  // Redis's _quicklistNodeAllowInsert: the node's listpack size (its bytes plus listpack's 7
  // bytes of header and end; the same for strings up to 63 bytes) plus the element's length
  // and an 8-byte overestimate, against 4 KB << (-fill - 1) for a negative fill, or 8 KB and
  // `fill` elements for a positive one: lists split into nodes where Redis's do.
  const size_t new_sz = n->live() + 7 + len + 8;
  if (fill_ > 0) return new_sz <= 8192 && n->count < static_cast<uint32_t>(fill_);
  const int level = std::min(-fill_, 5);
  const size_t limit = size_t{4096} << (std::max(level, 1) - 1);
  return new_sz <= limit;
}

ListObject::Node* ListObject::NewNode(size_t room) {
  size_t chunk = ChunkSize(kNodeHeader + room);
  size_t cap = chunk - 8 - kNodeHeader;
  auto* n = static_cast<Node*>(std::malloc(kNodeHeader + cap));
  if (!n) throw std::bad_alloc();
  n->count = 0;
  n->used = 0;
  n->cap = static_cast<uint32_t>(cap);
  n->head = 0;
  Account(static_cast<ptrdiff_t>(chunk));
  return n;
}

ListObject::Node* ListObject::Grow(size_t i, size_t extra) {
  Node* n = nodes_[i];
  if (size_t{n->used} + extra > n->cap && n->head) {  // close the gap before growing
    std::memmove(n->data, n->begin(), n->live());
    n->used -= n->head;
    n->head = 0;
  }
  size_t need = size_t{n->used} + extra;
  // A big node grows by an eighth (at most 1 KB) at a time, not by one element: once freed
  // nodes fragment the heap, realloc can seldom grow in place and copied the whole node
  // every few RPUSHes (RPUSH -P 16 on a list refilled after pops ran 15% slower than on a
  // fresh one). The slack goes when the node is full (PushBack); small nodes stay exact.
  if (need > n->cap && n->live() >= kSlackFrom) need += std::min<size_t>(n->live() / 8, 1024);
  return ReserveNode(i, need);
}

void ListObject::ShrinkNode(size_t i) {
  Node* n = nodes_[i];
  if (n->cap - n->used < 64) return;
  size_t old_chunk = ChunkSize(kNodeHeader + n->cap);
  size_t chunk = ChunkSize(kNodeHeader + n->used);
  size_t cap = chunk - 8 - kNodeHeader;
  if (cap >= n->cap) return;
  auto* g = static_cast<Node*>(std::realloc(n, kNodeHeader + cap));
  if (!g) return;  // keeps the bigger node
  g->cap = static_cast<uint32_t>(cap);
  nodes_[i] = g;
  Account(static_cast<ptrdiff_t>(chunk) - static_cast<ptrdiff_t>(old_chunk));
}

ListObject::Node* ListObject::ReserveNode(size_t i, size_t need) {
  Node* n = nodes_[i];
  if (need <= n->cap) return n;
  size_t old_chunk = ChunkSize(kNodeHeader + n->cap);
  size_t chunk = ChunkSize(kNodeHeader + need);
  size_t cap = chunk - 8 - kNodeHeader;
  auto* g = static_cast<Node*>(std::realloc(n, kNodeHeader + cap));
  if (!g) throw std::bad_alloc();
  g->cap = static_cast<uint32_t>(cap);
  nodes_[i] = g;
  Account(static_cast<ptrdiff_t>(chunk) - static_cast<ptrdiff_t>(old_chunk));
  return g;
}

void ListObject::InsertNode(size_t at, Node* n) {
  Reserve(size_t{nnodes_} + 1);
  std::copy_backward(nodes_ + at, nodes_ + nnodes_, nodes_ + nnodes_ + 1);
  nodes_[at] = n;
  ++nnodes_;
}

void ListObject::EraseNode(size_t at) {
  Node* n = nodes_[at];
  Account(-static_cast<ptrdiff_t>(ChunkSize(kNodeHeader + n->cap)));
  std::free(n);
  std::copy(nodes_ + at + 1, nodes_ + nnodes_, nodes_ + at);
  --nnodes_;
}

void ListObject::PushBack(std::string_view v) {
  const size_t es = ElementBytes(v.size());
  if (nnodes_ == 0 || !NodeHasRoom(nodes_[nnodes_ - 1], v.size())) {
    if (nnodes_ > 0) ShrinkNode(nnodes_ - 1);  // full: its growth slack goes
    InsertNode(nnodes_, NewNode(es));
    Settle(nnodes_ - 1, nnodes_ - 1);
  }
  Node* n = Grow(nnodes_ - 1, es);
  WriteElement(n->data + n->used, v);
  n->used += static_cast<uint32_t>(es);
  ++n->count;
  ++count_;
}

void ListObject::PushFront(std::string_view v) {
  const size_t es = ElementBytes(v.size());
  if (nnodes_ == 0 || !NodeHasRoom(nodes_[0], v.size())) {
    InsertNode(0, NewNode(es));
    Settle(0, 0);
  }
  Node* n = nodes_[0];
  if (n->head < es) {
    // Open a gap: the element plus up to 1/8 of the node, so the next pushes write in place.
    const size_t live = n->live();
    const size_t gap = es + std::min<size_t>(live / 8, 1024);
    n = ReserveNode(0, gap + live);
    std::memmove(n->data + gap, n->begin(), live);
    n->head = static_cast<uint32_t>(gap);
    n->used = static_cast<uint32_t>(gap + live);
  }
  n->head -= static_cast<uint32_t>(es);
  WriteElement(n->begin(), v);
  ++n->count;
  ++count_;
}

bool ListObject::PopFront(std::string* out) {
  if (count_ == 0) return false;
  Node* n = nodes_[0];
  std::string_view v;
  const char* next = ReadForward(n->begin(), &v);
  out->assign(v);
  n->head = static_cast<uint32_t>(next - n->data);
  --n->count;
  --count_;
  if (n->count == 0) {
    EraseNode(0);
    Settle(0, 0);
  } else if (n->head >= n->live()) {  // moving what is left costs no more than was popped
    std::memmove(n->data, n->begin(), n->live());
    n->used -= n->head;
    n->head = 0;
  }
  return true;
}

bool ListObject::PopBack(std::string* out) {
  if (count_ == 0) return false;
  Node* n = nodes_[nnodes_ - 1];
  std::string_view v;
  const char* start = ReadBackward(n->data + n->used, &v);
  out->assign(v);
  n->used = static_cast<uint32_t>(start - n->data);
  --n->count;
  --count_;
  if (n->count == 0) {
    EraseNode(nnodes_ - 1);
    Settle(nnodes_, nnodes_);
  }
  return true;
}

size_t ListObject::Locate(size_t i, size_t* in_node) const {
  if (i >= count_ / 2) {  // closer to the tail: count from there
    size_t from_end = count_ - 1 - i;
    for (size_t k = nnodes_; k-- > 0;) {
      if (from_end < nodes_[k]->count) {
        *in_node = nodes_[k]->count - 1 - from_end;
        return k;
      }
      from_end -= nodes_[k]->count;
    }
  }
  for (size_t k = 0; k < nnodes_; ++k) {
    if (i < nodes_[k]->count) {
      *in_node = i;
      return k;
    }
    i -= nodes_[k]->count;
  }
  *in_node = 0;
  return nnodes_;
}

std::string_view ListObject::At(size_t i) const {
  size_t j;
  const Node* n = nodes_[Locate(i, &j)];
  const Bytes b = Elements(n);
  std::string_view v;
  if (j < n->count / 2) {
    const char* p = b.begin;
    for (size_t k = 0; k <= j; ++k) p = ReadForward(p, &v);
  } else {
    const char* p = b.end;
    for (size_t k = n->count; k-- > j;) p = ReadBackward(p, &v);
  }
  return v;
}

void ListObject::ForRange(size_t start, size_t end,
                          const std::function<void(std::string_view)>& fn) const {
  size_t j;
  size_t k = Locate(start, &j);
  size_t left = end - start + 1;
  for (; k < nnodes_ && left > 0; ++k, j = 0) {
    const Node* n = nodes_[k];
    const char* p = Elements(n).begin;
    std::string_view v;
    for (size_t s = 0; s < j; ++s) p = ReadForward(p, &v);
    for (size_t s = j; s < n->count && left > 0; ++s, --left) {
      p = ReadForward(p, &v);
      fn(v);
    }
  }
}

void ListObject::Walk(bool reverse, const std::function<bool(size_t, std::string_view)>& fn) const {
  std::string_view v;
  if (!reverse) {
    size_t idx = 0;
    for (size_t k = 0; k < nnodes_; ++k) {
      const Node* n = nodes_[k];
      const char* p = Elements(n).begin;
      for (size_t s = 0; s < n->count; ++s) {
        p = ReadForward(p, &v);
        if (!fn(idx++, v)) return;
      }
    }
    return;
  }
  size_t idx = count_;
  for (size_t k = nnodes_; k-- > 0;) {
    const Node* n = nodes_[k];
    const char* p = Elements(n).end;
    for (size_t s = 0; s < n->count; ++s) {
      p = ReadBackward(p, &v);
      if (!fn(--idx, v)) return;
    }
  }
}

std::vector<std::string> ListObject::Decode(const Node* n) {
  std::vector<std::string> out;
  out.reserve(n->count);
  const char* p = Elements(n).begin;
  std::string_view v;
  for (size_t s = 0; s < n->count; ++s) {
    p = ReadForward(p, &v);
    out.emplace_back(v);
  }
  return out;
}

void ListObject::Rebuild(size_t i, const std::vector<std::string>& elems) {
  count_ -= nodes_[i]->count;
  EraseNode(i);
  size_t at = i;
  Node* cur = nullptr;
  for (const std::string& e : elems) {
    const size_t es = ElementBytes(e.size());
    if (!cur || !NodeHasRoom(cur, e.size())) {
      // Size the node for what is left to place, up to its limit.
      cur = NewNode(es);
      InsertNode(at++, cur);
    }
    cur = Grow(at - 1, es);
    WriteElement(cur->data + cur->used, e);
    cur->used += static_cast<uint32_t>(es);
    ++cur->count;
    ++count_;
  }
}

void ListObject::Set(size_t i, std::string_view v) {
  size_t j;
  size_t k = Locate(i, &j);
  const size_t before = nnodes_;
  Node* n = Unpack(k);
  const char* p = n->begin();
  std::string_view old;
  for (size_t s = 0; s <= j; ++s) p = ReadForward(p, &old);
  if (old.size() == v.size()) {  // same size: in place
    std::memcpy(const_cast<char*>(old.data()), v.data(), v.size());
  } else {
    std::vector<std::string> elems = Decode(n);
    elems[j].assign(v);
    Rebuild(k, elems);
  }
  Settle(k, k + 1 + nnodes_ - before);
}

bool ListObject::Insert(std::string_view pivot, std::string_view v, bool after) {
  for (size_t k = 0; k < nnodes_; ++k) {
    const Node* n = nodes_[k];
    const char* p = Elements(n).begin;
    std::string_view e;
    for (size_t s = 0; s < n->count; ++s) {
      p = ReadForward(p, &e);
      if (e != pivot) continue;
      std::vector<std::string> elems = Decode(n);
      elems.insert(elems.begin() + static_cast<ptrdiff_t>(s + (after ? 1 : 0)), std::string(v));
      const size_t before = nnodes_;
      Rebuild(k, elems);
      Settle(k, k + 1 + nnodes_ - before);
      return true;
    }
  }
  return false;
}

size_t ListObject::Remove(std::string_view v, size_t limit, bool from_back) {
  size_t removed = 0;
  auto visit = [&](size_t k) {  // returns true if node k was erased
    const Node* n = nodes_[k];
    std::vector<std::string> elems = Decode(n);
    std::vector<std::string> kept;
    kept.reserve(elems.size());
    size_t before = removed;
    if (!from_back) {
      for (auto& e : elems) {
        if ((limit == 0 || removed < limit) && e == v) {
          ++removed;
        } else {
          kept.push_back(std::move(e));
        }
      }
    } else {
      for (size_t s = elems.size(); s-- > 0;) {
        if ((limit == 0 || removed < limit) && elems[s] == v) {
          ++removed;
        } else {
          kept.push_back(std::move(elems[s]));
        }
      }
      std::reverse(kept.begin(), kept.end());
    }
    if (removed == before) return false;
    bool gone = kept.empty();
    Rebuild(k, kept);
    return gone;
  };
  if (!from_back) {
    for (size_t k = 0; k < nnodes_ && (limit == 0 || removed < limit);) {
      if (!visit(k)) ++k;
    }
  } else {
    for (size_t k = nnodes_; k-- > 0 && (limit == 0 || removed < limit);) visit(k);
  }
  if (removed) Settle(0, nnodes_);  // packs the rebuilt nodes again
  return removed;
}

void ListObject::Trim(size_t start, size_t end) {
  // Whole nodes past the end, then before the start; then the boundary nodes.
  size_t idx = 0;
  for (size_t k = 0; k < nnodes_;) {
    Node* n = nodes_[k];
    size_t first = idx, last = idx + n->count - 1;
    idx += n->count;
    if (last < start || first > end) {
      count_ -= n->count;
      EraseNode(k);
      continue;
    }
    if (first < start || last > end) {
      std::vector<std::string> elems = Decode(n);
      size_t lo = start > first ? start - first : 0;
      size_t hi = std::min(last, end) - first;
      std::vector<std::string> kept(elems.begin() + static_cast<ptrdiff_t>(lo),
                                    elems.begin() + static_cast<ptrdiff_t>(hi + 1));
      size_t before = nnodes_;
      Rebuild(k, kept);
      k += nnodes_ - before + 1;
      continue;
    }
    ++k;
  }
  Settle(0, 0);  // only removes: nodes come closer to the ends, none moves away
}

namespace {

// Redis's lpEncodeBacklen size for an entry of `l` bytes.
size_t BacklenBytes(size_t l) {
  return l < 128 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
}

// Bytes of `v` as one listpack entry: integers (as lpStringToInt64 reads them) in 1-9 bytes,
// strings with a 1, 2 or 5-byte header; then the back length.
size_t ListpackEntryBytes(std::string_view v) {
  size_t enc;
  long long x;
  if (!v.empty() && v.size() < 21 && StringToLL(v, &x)) {
    enc = (x >= 0 && x <= 127)                 ? 1
          : (x >= -4096 && x <= 4095)          ? 2
          : (x >= -32768 && x <= 32767)        ? 3
          : (x >= -8388608 && x <= 8388607)    ? 4
          : (x >= INT32_MIN && x <= INT32_MAX) ? 5
                                               : 9;
  } else {
    enc = v.size() + (v.size() < 64 ? 1 : v.size() < 4096 ? 2 : 5);
  }
  return enc + BacklenBytes(enc);
}

}  // namespace

size_t ListObject::ListpackBytes(size_t k) const {
  const Node* n = nodes_[k];
  size_t bytes = 7;  // 4-byte total, 2-byte count, end byte
  const char* p = Elements(n).begin;
  std::string_view v;
  for (size_t s = 0; s < n->count; ++s) {
    p = ReadForward(p, &v);
    bytes += ListpackEntryBytes(v);
  }
  return bytes;
}

bool ListObject::node_packed(size_t k) const { return nodes_[k]->packed(); }

size_t ListObject::PackedBytes() const {
  size_t n = 0;
  for (size_t k = 0; k < nnodes_; ++k) {
    n += nodes_[k]->packed() ? nodes_[k]->used : nodes_[k]->live();
  }
  return n;
}

}  // namespace tandem::engine
