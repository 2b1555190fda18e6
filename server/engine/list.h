// A list value: Redis's quicklist of listpacks, in the same shape. The elements live in
// packed nodes, byte arrays holding
//   [varint length][bytes][length again, varint written backwards]
// per element (the trailing length lets RPOP and backward walks step over an element
// without scanning from the front), so a small list is one object plus one node and no
// element costs an allocation. Nodes fill up to `list-max-listpack-size` (positive: that
// many elements; negative: 4 KB << (-fill - 1) bytes, as Redis) and a full node starts a
// new one. Middle edits (LSET, LINSERT, LREM, LTRIM) rebuild the one node they touch.
// Under list-compress-depth d, the nodes more than d from both ends are LZF-compressed
// (Redis's rule: nodes under 48 bytes, or that would not shrink by more than 8, stay plain).
// OBJECT ENCODING answers "quicklist" for every list, as redis-server 7.0.15 does.
//
// Owned by its Entry; used only under the engine lock. Views it returns stay valid until
// the list changes, and those into a compressed node only until the next read of any list
// on the same thread (they point into a per-thread buffer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "server/engine/entry.h"

namespace tandem::engine {

class ListObject final : public Object {
 public:
  // `fill` is list-max-listpack-size at creation; SetFill changes it for later growth.
  // `compress` is list-compress-depth at creation: how many nodes at each end stay plain
  // (0: all of them).
  explicit ListObject(int fill = -2, int compress = 0);
  ~ListObject() override;
  ListObject(const ListObject&) = delete;
  ListObject& operator=(const ListObject&) = delete;

  Object* Clone() const override;

  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  size_t node_count() const { return nnodes_; }
  void SetFill(int fill) { fill_ = fill; }
  int fill() const { return fill_; }
  int compress() const { return compress_; }
  // Whether node k (0 <= k < node_count()) is LZF-compressed.
  bool node_packed(size_t k) const;

  void PushFront(std::string_view v);
  void PushBack(std::string_view v);
  // Removes the first (last) element into *out; false when empty.
  bool PopFront(std::string* out);
  bool PopBack(std::string* out);

  // Element i (0 <= i < size()).
  std::string_view At(size_t i) const;
  // Replaces element i (0 <= i < size()).
  void Set(size_t i, std::string_view v);
  // Calls fn for elements start..end inclusive (start <= end < size()), front to back.
  void ForRange(size_t start, size_t end, const std::function<void(std::string_view)>& fn) const;
  // Calls fn(index, element) from the front (or from the back when reverse) until it
  // returns false.
  void Walk(bool reverse, const std::function<bool(size_t, std::string_view)>& fn) const;
  // Inserts v before (or after) the first element equal to pivot; false if none is.
  bool Insert(std::string_view pivot, std::string_view v, bool after);
  // Removes up to `limit` elements equal to v (0: all), from the back when from_back.
  size_t Remove(std::string_view v, size_t limit, bool from_back);
  // Keeps only elements start..end inclusive (start <= end < size()).
  void Trim(size_t start, size_t end);

  // Bytes of the nodes' elements (as stored: compressed ones count their LZF bytes).
  size_t PackedBytes() const;
  // What node k would take as a Redis 7.0 listpack (DEBUG OBJECT's ql_uncompressed_size adds
  // them up; its serializedlength is built from them).
  size_t ListpackBytes(size_t k) const;

 private:
  struct Node;
  struct Bytes {
    const char* begin;
    const char* end;
  };

  // Node n's element bytes; a compressed node is decompressed into a per-thread buffer,
  // valid until the next call.
  static Bytes Elements(const Node* n);
  // Compresses nodes_[k] if it is plain and LZF shrinks it enough.
  void Pack(size_t k);
  // Makes nodes_[k] plain (decompressing it in place) and returns it.
  Node* Unpack(size_t k);
  // Restores list-compress-depth's shape after nodes_[lo, hi) changed or nodes came or
  // went: the ends plain, the middle nodes near the change and at the boundaries packed.
  void Settle(size_t lo, size_t hi);

  // Whether an element of `len` bytes may join node n.
  bool NodeHasRoom(const Node* n, size_t len) const;
  Node* NewNode(size_t room);
  // Makes room for `extra` more bytes after nodes_[i]'s elements (closing its gap if it
  // must grow); the node may move.
  Node* Grow(size_t i, size_t extra);
  // Makes nodes_[i] hold at least `need` bytes of data; the node may move.
  Node* ReserveNode(size_t i, size_t need);
  // Gives back what nodes_[i] holds beyond its data (Grow's slack).
  void ShrinkNode(size_t i);
  static constexpr size_t kSlackFrom = 2048;  // node bytes from which Grow adds slack
  void InsertNode(size_t at, Node* n);
  void EraseNode(size_t at);
  // The node holding element i and i's index inside it.
  size_t Locate(size_t i, size_t* in_node) const;
  // Rebuilds nodes_[i] from `elems` (splitting it when it overflows, removing it if empty).
  void Rebuild(size_t i, const std::vector<std::string>& elems);
  static std::vector<std::string> Decode(const Node* n);
  void Account(ptrdiff_t delta) {
    bytes_ = static_cast<size_t>(static_cast<ptrdiff_t>(bytes_) + delta);
  }
  void Reserve(size_t nodes);

  Node** nodes_;
  Node* inline_node_ = nullptr;  // nodes_ points here while the list has one node slot
  uint32_t nnodes_ = 0;
  uint32_t cap_ = 1;
  size_t count_ = 0;
  int fill_;
  int compress_;
};

}  // namespace tandem::engine
