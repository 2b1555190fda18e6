#include "server/commands/hash_ops.h"

namespace tandem::commands {

using engine::Encoding;
using engine::HashPackObject;
using engine::HashTableObject;

size_t HashRef::size() const {
  if (enc == Encoding::kListpack) return static_cast<const HashPackObject*>(obj)->size();
  return static_cast<const HashTableObject*>(obj)->table().size();
}

bool HashRef::Find(std::string_view field, std::string_view* value) const {
  if (enc == Encoding::kListpack)
    return static_cast<const HashPackObject*>(obj)->Find(field, value);
  return static_cast<const HashTableObject*>(obj)->table().Find(field, value);
}

void HashRef::Convert() {
  auto* lp = static_cast<HashPackObject*>(obj);
  auto* t = new HashTableObject();
  t->table().Reserve(lp->size() + 1);
  lp->ForEach([&](std::string_view f, std::string_view v) {
    t->table().Insert(f, v);
    return true;
  });
  t->Sync();
  delete lp;
  obj = t;
  enc = Encoding::kHashtable;
}

bool HashRef::Set(std::string_view field, std::string_view value, const HashLimits& limits) {
  if (enc == Encoding::kListpack &&
      (field.size() > limits.max_value || value.size() > limits.max_value)) {
    Convert();
  }
  if (enc == Encoding::kListpack) {
    auto* lp = static_cast<HashPackObject*>(obj);
    const bool added = HashPackObject::Set(lp, field, value);
    obj = lp;
    if (added && lp->size() > limits.max_entries) Convert();
    return added;
  }
  auto* t = static_cast<HashTableObject*>(obj);
  const bool added = t->table().Set(field, value);
  t->Sync();
  return added;
}

bool HashRef::Erase(std::string_view field) {
  if (enc == Encoding::kListpack) {
    auto* lp = static_cast<HashPackObject*>(obj);
    const bool removed = HashPackObject::Erase(lp, field);
    obj = lp;
    return removed;
  }
  auto* t = static_cast<HashTableObject*>(obj);
  const bool removed = t->table().Erase(field);
  t->Sync();
  return removed;
}

std::pair<std::string, std::string> HashRef::Random(std::mt19937_64& rng) const {
  if (enc == Encoding::kListpack) {
    auto* lp = static_cast<const HashPackObject*>(obj);
    auto [f, v] = lp->At(rng() % lp->size());
    return {std::string(f), std::string(v)};
  }
  auto [f, v] = static_cast<const HashTableObject*>(obj)->table().Random(rng);
  return {std::string(f), std::string(v)};
}

engine::Entry::Init HashRef::Init() const {
  engine::Entry::Init init;
  init.type = engine::ObjType::kHash;
  init.encoding = enc;
  init.object = obj;
  return init;
}

void HashEdit::Store(bool modified) {
  engine::Entry* e = w_.entry();
  e->set_object(ref_.obj);
  e->set_encoding(ref_.enc);
  if (modified) w_.MarkModified();
}

}  // namespace tandem::commands
