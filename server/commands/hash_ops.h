// Hash values over both encodings (Redis 7.0.15's t_hash.c hashType* functions): a listpack
// (insertion order) while there are at most hash-max-listpack-entries fields and every field
// and value is at most hash-max-listpack-value bytes, a hashtable otherwise; a hash never goes
// back to a listpack. Shared by the hash commands and SORT's `*->field` patterns. Used only
// under the engine lock.
#pragma once

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <utility>

#include "server/engine/collections.h"
#include "server/engine/entry.h"
#include "server/engine/key_write.h"

namespace tandem::commands {

struct HashLimits {
  size_t max_entries;
  size_t max_value;
};

struct HashRef {
  engine::Object* obj = nullptr;
  engine::Encoding enc = engine::Encoding::kListpack;

  static HashRef New() { return {engine::HashPackObject::Create(), engine::Encoding::kListpack}; }
  static HashRef Of(const engine::Entry* e) { return {e->object(), e->encoding()}; }

  size_t size() const;
  // The value of `field`, valid until the hash changes.
  bool Find(std::string_view field, std::string_view* value) const;
  // Stores field = value (converting to a hashtable as Redis does); true when the field is
  // new. `value` must not point into this hash.
  bool Set(std::string_view field, std::string_view value, const HashLimits& limits);
  bool Erase(std::string_view field);
  // A uniformly chosen pair (the hash must not be empty), copied.
  std::pair<std::string, std::string> Random(std::mt19937_64& rng) const;
  // fn(field, value) for every pair: listpacks in insertion order.
  template <class F>
  void ForEach(F&& fn) const {
    if (enc == engine::Encoding::kListpack) {
      static_cast<const engine::HashPackObject*>(obj)->ForEach(
          [&](std::string_view f, std::string_view v) {
            fn(f, v);
            return true;
          });
    } else {
      static_cast<const engine::HashTableObject*>(obj)->table().ForEach(fn);
    }
  }
  engine::Entry::Init Init() const;

 private:
  void Convert();
};

// The hash at `w` to edit in place (see SetEdit).
class HashEdit {
 public:
  explicit HashEdit(engine::KeyWrite& w) : w_(w) {
    w.MutableObject(/*modifies=*/false);
    ref_ = HashRef::Of(w.entry());
  }
  HashRef& ref() { return ref_; }
  void Store(bool modified);

 private:
  engine::KeyWrite& w_;
  HashRef ref_;
};

}  // namespace tandem::commands
