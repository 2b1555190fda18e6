#include "server/commands/set_ops.h"

namespace tandem::commands {

using engine::Encoding;
using engine::IntSetObject;
using engine::SetTableObject;

bool SetMemberAsInt(std::string_view member, long long* v) {
  return member.size() <= 20 && engine::StringToLL(member, v);
}

SetRef SetRef::NewIntset() { return {IntSetObject::Create(), Encoding::kIntset}; }

SetRef SetRef::NewFor(std::string_view first_member) {
  long long v;
  if (SetMemberAsInt(first_member, &v)) return NewIntset();
  return {new SetTableObject(), Encoding::kHashtable};
}

size_t SetRef::size() const {
  if (enc == Encoding::kIntset) return static_cast<const IntSetObject*>(obj)->size();
  return static_cast<const SetTableObject*>(obj)->table().size();
}

bool SetRef::Contains(std::string_view member) const {
  if (enc == Encoding::kIntset) {
    long long v;
    return SetMemberAsInt(member, &v) && static_cast<const IntSetObject*>(obj)->Contains(v);
  }
  return static_cast<const SetTableObject*>(obj)->table().Contains(member);
}

bool SetRef::Add(std::string_view member, size_t max_intset_entries) {
  if (enc == Encoding::kIntset) {
    auto* is = static_cast<IntSetObject*>(obj);
    long long v;
    if (SetMemberAsInt(member, &v)) {
      const bool added = IntSetObject::Add(is, v);
      obj = is;
      if (added && is->size() > max_intset_entries) {
        // Convert (Redis's setTypeConvert), as the new size passed the limit.
        auto* t = new SetTableObject();
        t->table().Reserve(is->size());
        char buf[engine::kLongStrSize];
        for (size_t i = 0; i < is->size(); ++i) {
          t->table().Insert(std::string_view(buf, engine::LLToString(buf, is->At(i))));
        }
        t->Sync();
        delete is;
        obj = t;
        enc = Encoding::kHashtable;
      }
      return added;
    }
    auto* t = new SetTableObject();
    t->table().Reserve(is->size() + 1);
    char buf[engine::kLongStrSize];
    for (size_t i = 0; i < is->size(); ++i) {
      t->table().Insert(std::string_view(buf, engine::LLToString(buf, is->At(i))));
    }
    delete is;
    obj = t;
    enc = Encoding::kHashtable;
  }
  auto* t = static_cast<SetTableObject*>(obj);
  const bool added = t->table().Insert(member);
  t->Sync();
  return added;
}

bool SetRef::Remove(std::string_view member) {
  if (enc == Encoding::kIntset) {
    long long v;
    if (!SetMemberAsInt(member, &v)) return false;
    auto* is = static_cast<IntSetObject*>(obj);
    const bool removed = IntSetObject::Remove(is, v);
    obj = is;
    return removed;
  }
  auto* t = static_cast<SetTableObject*>(obj);
  const bool removed = t->table().Erase(member);
  t->Sync();
  return removed;
}

std::string SetRef::Random(std::mt19937_64& rng) const {
  if (enc == Encoding::kIntset) {
    auto* is = static_cast<const IntSetObject*>(obj);
    return std::to_string(is->At(rng() % is->size()));
  }
  return std::string(static_cast<const SetTableObject*>(obj)->table().Random(rng).first);
}

void SetRef::Sync() {
  if (enc == Encoding::kHashtable) static_cast<SetTableObject*>(obj)->Sync();
}

engine::Entry::Init SetRef::Init() const {
  engine::Entry::Init init;
  init.type = engine::ObjType::kSet;
  init.encoding = enc;
  init.object = obj;
  return init;
}

void SetEdit::Store(bool modified) {
  engine::Entry* e = w_.entry();
  e->set_object(ref_.obj);
  e->set_encoding(ref_.enc);
  if (modified) w_.MarkModified();
}

}  // namespace tandem::commands
