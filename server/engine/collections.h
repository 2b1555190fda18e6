// The values of sets and hashes, one Object subclass per encoding:
//   IntSetObject   sets of integers ("intset"): a sorted array of signed integers in one
//                  allocation with the header, each element 1 to 8 bytes wide (the width of
//                  the widest element; Redis's intset only has 2, 4 and 8).
//   SetTableObject other sets ("hashtable"): a StrTable of members.
//   HashPackObject small hashes ("listpack"): field/value pairs in insertion order, each
//                  with a one-byte length header when both are short, in one allocation
//                  with the header, grown and shrunk to the exact size.
//   HashTableObject other hashes ("hashtable"): a StrTable of field -> value.
// The compact objects live in a single allocation that moves when it grows: their mutators
// take the object by reference to a pointer and update it; the caller stores it back into
// the entry (Entry::set_object). Each object keeps Object::bytes_ current.
// Owned by their Entry; used only under the engine lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <utility>

#include "server/engine/entry.h"
#include "server/engine/str_table.h"

namespace tandem::engine {

class IntSetObject final : public Object {
 public:
  static IntSetObject* Create();
  Object* Clone() const override;
  static void operator delete(void* p) { std::free(p); }

  size_t size() const { return count_; }
  int64_t At(size_t i) const;
  bool Contains(int64_t v) const {
    size_t pos;
    return Search(v, &pos);
  }
  // Adds v; false if present. May move the object (`self` is updated).
  static bool Add(IntSetObject*& self, int64_t v);
  // Removes v; false if absent. May move the object.
  static bool Remove(IntSetObject*& self, int64_t v);
  // Removes the element at index i. May move the object.
  static void RemoveAt(IntSetObject*& self, size_t i);

 private:
  IntSetObject() = default;
  bool Search(int64_t v, size_t* pos) const;
  char* data() { return reinterpret_cast<char*>(this) + sizeof(IntSetObject); }
  const char* data() const { return reinterpret_cast<const char*>(this) + sizeof(IntSetObject); }
  static IntSetObject* Resize(IntSetObject* self, size_t count, uint8_t width);
  void Put(size_t i, int64_t v);

  uint32_t count_ = 0;
  uint8_t width_ = 1;
};

class SetTableObject final : public Object {
 public:
  SetTableObject() { Sync(); }
  Object* Clone() const override { return new SetTableObject(*this); }
  StrTable& table() { return table_; }
  const StrTable& table() const { return table_; }
  // Call after changing table(): refreshes the accounted bytes.
  void Sync() { bytes_ = sizeof(*this) + table_.bytes(); }

 private:
  SetTableObject(const SetTableObject& o) : Object(), table_(o.table_) { Sync(); }
  StrTable table_{false};
};

class HashPackObject final : public Object {
 public:
  static HashPackObject* Create();
  Object* Clone() const override;
  static void operator delete(void* p) { std::free(p); }

  // Counted by walking the pairs (at most hash-max-listpack-entries of them).
  size_t size() const;
  bool Find(std::string_view field, std::string_view* value) const;
  // Stores field = value; true when the field is new. May move the object.
  static bool Set(HashPackObject*& self, std::string_view field, std::string_view value);
  // False when the field is absent. May move the object.
  static bool Erase(HashPackObject*& self, std::string_view field);
  // fn(field, value) in order; stops early when fn returns false.
  template <class F>
  void ForEach(F&& fn) const {
    const char* p = data();
    while (static_cast<uint8_t>(*p) != kEnd) {
      std::string_view f, v;
      p = ReadPair(p, &f, &v);
      if (!fn(f, v)) return;
    }
  }
  // The i-th pair.
  std::pair<std::string_view, std::string_view> At(size_t i) const;

 private:
  // The pairs follow the header, then one kEnd byte. A pair whose field and value are short
  // starts with one byte holding both lengths (field << 4 | value); any other pair starts
  // with kLong and two varint lengths. Then the field's bytes and the value's.
  static constexpr uint8_t kEnd = 0xfe;
  static constexpr uint8_t kLong = 0xff;

  HashPackObject() = default;
  static const char* ReadPair(const char* p, std::string_view* f, std::string_view* v);
  static std::string EncodePair(std::string_view field, std::string_view value);
  // The offset of field's pair and its length, and the offset of the end byte.
  bool Locate(std::string_view field, size_t* off, size_t* len, size_t* end) const;
  size_t EndOffset() const;
  static HashPackObject* Reserve(HashPackObject* self, size_t used);
  char* data() { return reinterpret_cast<char*>(this) + sizeof(HashPackObject); }
  const char* data() const { return reinterpret_cast<const char*>(this) + sizeof(HashPackObject); }
};

class HashTableObject final : public Object {
 public:
  HashTableObject() { Sync(); }
  Object* Clone() const override { return new HashTableObject(*this); }
  StrTable& table() { return table_; }
  const StrTable& table() const { return table_; }
  void Sync() { bytes_ = sizeof(*this) + table_.bytes(); }

 private:
  HashTableObject(const HashTableObject& o) : Object(), table_(o.table_) { Sync(); }
  StrTable table_{true};
};

}  // namespace tandem::engine
