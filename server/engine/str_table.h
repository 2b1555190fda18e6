// StrTable: the "hashtable" encoding of sets and hashes. A chained hash table whose nodes are
// one allocation each: [next][varint key length][key] and, for hashes, [varint value length]
// [value] (Redis needs a dictEntry plus one or two sds strings per element). Power-of-two
// bucket arrays, resized all at once (collections are per key and small next to the
// keyspace), and Redis's reverse-binary cursor for SSCAN/HSCAN, which keeps SCAN's guarantee
// across resizes. Owned by one collection Object; used only under the engine lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string_view>
#include <utility>

namespace tandem::engine {

class StrTable {
 public:
  explicit StrTable(bool with_values) : with_values_(with_values) {}
  ~StrTable() { Clear(); }
  StrTable(const StrTable& other);
  StrTable& operator=(const StrTable&) = delete;

  size_t size() const { return size_; }
  // Bytes held: the bucket array and every node (malloc's usable sizes).
  size_t bytes() const { return bytes_; }
  bool with_values() const { return with_values_; }

  // Room for n elements without a resize.
  void Reserve(size_t n);
  bool Contains(std::string_view key) const { return FindNode(key) != nullptr; }
  // The value stored under `key`; false when absent.
  bool Find(std::string_view key, std::string_view* value) const;
  // Adds `key` (with `value` for hashes), replacing the value of an existing key. True when
  // the key was new.
  bool Set(std::string_view key, std::string_view value = {});
  // Adds `key` only if absent; true when added.
  bool Insert(std::string_view key, std::string_view value = {});
  bool Erase(std::string_view key);
  void Clear();

  // fn(key, value) for every element, in bucket order.
  template <class F>
  void ForEach(F&& fn) const {
    for (size_t b = 0; b < nbuckets_; ++b) {
      for (Node* n = buckets_[b]; n; n = n->next) {
        auto [k, v] = Split(n);
        fn(k, v);
      }
    }
  }
  // One SCAN step: visits the bucket at `cursor` and returns the next cursor (0: done).
  template <class F>
  uint64_t ScanStep(uint64_t cursor, F&& fn) const {
    if (size_ == 0) return 0;
    const uint64_t mask = nbuckets_ - 1;
    for (Node* n = buckets_[cursor & mask]; n; n = n->next) {
      auto [k, v] = Split(n);
      fn(k, v);
    }
    cursor |= ~mask;
    cursor = Rev(cursor);
    ++cursor;
    return Rev(cursor);
  }
  // Lookup hints for a batch, as Table's: PrefetchBucket() fetches the bucket of `key` and
  // returns the key's hash, PrefetchChain() then the first node of its chain. They change
  // nothing.
  uint64_t PrefetchBucket(std::string_view key) const;
  void PrefetchChain(uint64_t hash) const;
  // A random element (the table must not be empty).
  std::pair<std::string_view, std::string_view> Random(std::mt19937_64& rng) const;

 private:
  struct Node {
    Node* next;
  };
  static uint64_t Rev(uint64_t v);
  std::pair<std::string_view, std::string_view> Split(const Node* n) const;
  Node* FindNode(std::string_view key) const;
  Node* NewNode(std::string_view key, std::string_view value);
  void FreeNode(Node* n);
  void Resize(size_t nbuckets);
  size_t BucketOf(std::string_view key) const;

  Node** buckets_ = nullptr;
  size_t nbuckets_ = 0;
  size_t size_ = 0;
  size_t bytes_ = 0;
  bool with_values_;
};

}  // namespace tandem::engine
