// Set values over both encodings (Redis 7.0.15's t_set.c setType* functions): an intset
// while every member is an integer and there are at most set-max-intset-entries of them,
// a hashtable otherwise; a set never goes back to an intset. Shared by the set commands and
// SORT. Used only under the engine lock.
#pragma once

#include <cstddef>
#include <random>
#include <string>
#include <string_view>

#include "server/engine/collections.h"
#include "server/engine/entry.h"
#include "server/engine/key_write.h"
#include "server/engine/numbers.h"

namespace tandem::commands {

// A set value being built or edited: the object and its encoding. Mutations may replace the
// object (a compact one moved, or a conversion).
struct SetRef {
  engine::Object* obj = nullptr;
  engine::Encoding enc = engine::Encoding::kIntset;

  // An empty intset (Redis's createIntsetObject).
  static SetRef NewIntset();
  // The empty set Redis's setTypeCreate makes for a first member.
  static SetRef NewFor(std::string_view first_member);
  static SetRef Of(const engine::Entry* e) { return {e->object(), e->encoding()}; }

  size_t size() const;
  bool Contains(std::string_view member) const;
  // Adds `member`, converting to a hashtable as Redis does; true when it was new.
  bool Add(std::string_view member, size_t max_intset_entries);
  bool Remove(std::string_view member);
  // A uniformly chosen member (the set must not be empty), copied.
  std::string Random(std::mt19937_64& rng) const;
  // fn(member) for every member: intsets in ascending order.
  template <class F>
  void ForEach(F&& fn) const {
    if (enc == engine::Encoding::kIntset) {
      auto* is = static_cast<const engine::IntSetObject*>(obj);
      char buf[engine::kLongStrSize];
      for (size_t i = 0; i < is->size(); ++i) {
        fn(std::string_view(buf, engine::LLToString(buf, is->At(i))));
      }
    } else {
      static_cast<const engine::SetTableObject*>(obj)->table().ForEach(
          [&](std::string_view k, std::string_view) { fn(k); });
    }
  }
  // Refreshes the accounted bytes after a change (hashtables).
  void Sync();
  // Moves the value into a new entry description.
  engine::Entry::Init Init() const;
};

// The set at `w` to edit in place; writes the (possibly moved) object back with Store().
class SetEdit {
 public:
  // Measures the entry before the first change (KeyWrite's accounting).
  explicit SetEdit(engine::KeyWrite& w) : w_(w) {
    w.MutableObject(/*modifies=*/false);
    ref_ = SetRef::Of(w.entry());
  }
  SetRef& ref() { return ref_; }
  // Stores the object and encoding back into the entry, marking it modified if `modified`.
  void Store(bool modified);

 private:
  engine::KeyWrite& w_;
  SetRef ref_;
};

// The integer value of a member an intset would hold (Redis's string2ll: canonical only).
bool SetMemberAsInt(std::string_view member, long long* v);

}  // namespace tandem::commands
