#include "server/engine/str_table.h"

#include <malloc.h>

#include <cstdlib>
#include <cstring>
#include <new>

#include "server/engine/hash.h"
#include "server/engine/varint.h"

namespace tandem::engine {
namespace {

constexpr size_t kMinBuckets = 4;

}  // namespace

StrTable::StrTable(const StrTable& other) : with_values_(other.with_values_) {
  Reserve(other.size_);
  other.ForEach([&](std::string_view k, std::string_view v) { Insert(k, v); });
}

uint64_t StrTable::Rev(uint64_t v) {
  v = ((v >> 1) & 0x5555555555555555ull) | ((v & 0x5555555555555555ull) << 1);
  v = ((v >> 2) & 0x3333333333333333ull) | ((v & 0x3333333333333333ull) << 2);
  v = ((v >> 4) & 0x0f0f0f0f0f0f0f0full) | ((v & 0x0f0f0f0f0f0f0f0full) << 4);
  return __builtin_bswap64(v);
}

std::pair<std::string_view, std::string_view> StrTable::Split(const Node* n) const {
  size_t klen;
  const char* p = GetVarint(reinterpret_cast<const char*>(n + 1), &klen);
  std::string_view key(p, klen);
  if (!with_values_) return {key, {}};
  size_t vlen;
  const char* q = GetVarint(p + klen, &vlen);
  return {key, std::string_view(q, vlen)};
}

size_t StrTable::BucketOf(std::string_view key) const { return HashBytes(key) & (nbuckets_ - 1); }

StrTable::Node* StrTable::FindNode(std::string_view key) const {
  if (size_ == 0) return nullptr;
  for (Node* n = buckets_[BucketOf(key)]; n; n = n->next) {
    if (Split(n).first == key) return n;
  }
  return nullptr;
}

uint64_t StrTable::PrefetchBucket(std::string_view key) const {
  uint64_t h = HashBytes(key);
  if (size_ != 0) __builtin_prefetch(&buckets_[h & (nbuckets_ - 1)]);
  return h;
}

void StrTable::PrefetchChain(uint64_t hash) const {
  if (size_ == 0) return;
  if (Node* n = buckets_[hash & (nbuckets_ - 1)]) __builtin_prefetch(n);
}

bool StrTable::Find(std::string_view key, std::string_view* value) const {
  Node* n = FindNode(key);
  if (!n) return false;
  *value = Split(n).second;
  return true;
}

StrTable::Node* StrTable::NewNode(std::string_view key, std::string_view value) {
  size_t size = sizeof(Node) + VarintSize(key.size()) + key.size();
  if (with_values_) size += VarintSize(value.size()) + value.size();
  Node* n = static_cast<Node*>(std::malloc(size));
  if (!n) throw std::bad_alloc();
  char* p = PutVarint(reinterpret_cast<char*>(n + 1), key.size());
  std::memcpy(p, key.data(), key.size());
  if (with_values_) {
    p = PutVarint(p + key.size(), value.size());
    std::memcpy(p, value.data(), value.size());
  }
  bytes_ += malloc_usable_size(n);
  return n;
}

void StrTable::FreeNode(Node* n) {
  bytes_ -= malloc_usable_size(n);
  std::free(n);
}

void StrTable::Resize(size_t nbuckets) {
  Node** fresh = static_cast<Node**>(std::calloc(nbuckets, sizeof(Node*)));
  if (!fresh) throw std::bad_alloc();
  for (size_t b = 0; b < nbuckets_; ++b) {
    Node* n = buckets_[b];
    while (n) {
      Node* next = n->next;
      const size_t to = HashBytes(Split(n).first) & (nbuckets - 1);
      n->next = fresh[to];
      fresh[to] = n;
      n = next;
    }
  }
  bytes_ -= nbuckets_ * sizeof(Node*);
  std::free(buckets_);
  buckets_ = fresh;
  nbuckets_ = nbuckets;
  bytes_ += nbuckets_ * sizeof(Node*);
}

void StrTable::Reserve(size_t n) {
  size_t want = kMinBuckets;
  while (want < n) want <<= 1;
  if (want > nbuckets_) Resize(want);
}

bool StrTable::Insert(std::string_view key, std::string_view value) {
  if (FindNode(key)) return false;
  if (size_ + 1 > nbuckets_) Reserve(size_ + 1);
  Node* n = NewNode(key, value);
  Node*& head = buckets_[BucketOf(key)];
  n->next = head;
  head = n;
  ++size_;
  return true;
}

bool StrTable::Set(std::string_view key, std::string_view value) {
  if (size_ == 0) return Insert(key, value);
  for (Node** link = &buckets_[BucketOf(key)]; *link; link = &(*link)->next) {
    Node* n = *link;
    auto [k, v] = Split(n);
    if (k != key) continue;
    if (!with_values_) return false;
    if (v.size() == value.size()) {
      std::memmove(const_cast<char*>(v.data()), value.data(), value.size());
      return false;
    }
    Node* fresh = NewNode(key, value);  // `key` may point into `n`: copy before freeing
    fresh->next = n->next;
    *link = fresh;
    FreeNode(n);
    return false;
  }
  return Insert(key, value);
}

bool StrTable::Erase(std::string_view key) {
  if (size_ == 0) return false;
  for (Node** link = &buckets_[BucketOf(key)]; *link; link = &(*link)->next) {
    Node* n = *link;
    if (Split(n).first != key) continue;
    *link = n->next;
    FreeNode(n);
    --size_;
    if (nbuckets_ > kMinBuckets && size_ * 8 < nbuckets_) {
      size_t want = kMinBuckets;
      while (want < size_) want <<= 1;
      Resize(want);
    }
    return true;
  }
  return false;
}

void StrTable::Clear() {
  for (size_t b = 0; b < nbuckets_; ++b) {
    Node* n = buckets_[b];
    while (n) {
      Node* next = n->next;
      std::free(n);
      n = next;
    }
  }
  std::free(buckets_);
  buckets_ = nullptr;
  nbuckets_ = size_ = bytes_ = 0;
}

std::pair<std::string_view, std::string_view> StrTable::Random(std::mt19937_64& rng) const {
  Node* head;
  do {
    head = buckets_[rng() & (nbuckets_ - 1)];
  } while (!head);
  size_t len = 0;
  for (Node* n = head; n; n = n->next) ++len;
  size_t pick = rng() % len;
  Node* n = head;
  while (pick--) n = n->next;
  return Split(n);
}

}  // namespace tandem::engine
