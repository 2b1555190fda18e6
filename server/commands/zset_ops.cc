#include "server/commands/zset_ops.h"

#include <cmath>
#include <cstdlib>

namespace tandem::commands {

using engine::Entry;
using engine::ObjType;
using engine::ZSet;

namespace {

// strtod() over the argument read as a C string; the whole of it must be consumed.
bool ParseBound(std::string_view arg, double* v, bool* exclusive) {
  *exclusive = !arg.empty() && arg[0] == '(';
  if (*exclusive) arg.remove_prefix(1);
  std::string text(arg);
  char* end = nullptr;
  *v = std::strtod(text.c_str(), &end);
  return *end == '\0' && !std::isnan(*v);
}

bool ParseLexBound(std::string_view arg, engine::ZLexBound* b) {
  // Redis tests c[1] == '\0': bytes after an embedded NUL are ignored.
  auto alone = [&] { return arg.size() == 1 || arg[1] == '\0'; };
  if (arg.empty()) return false;
  switch (arg[0]) {
    case '+':
      if (!alone()) return false;
      b->kind = engine::ZLexBound::kPlusInf;
      return true;
    case '-':
      if (!alone()) return false;
      b->kind = engine::ZLexBound::kMinusInf;
      return true;
    case '(':
    case '[':
      b->kind = engine::ZLexBound::kValue;
      b->exclusive = arg[0] == '(';
      b->value = arg.substr(1);
      return true;
    default:
      return false;
  }
}

}  // namespace

bool ParseScoreRange(std::string_view min, std::string_view max, engine::ZScoreRange* r) {
  return ParseBound(min, &r->min, &r->minex) && ParseBound(max, &r->max, &r->maxex);
}

bool ParseLexRange(std::string_view min, std::string_view max, engine::ZLexRange* r) {
  return ParseLexBound(min, &r->min) && ParseLexBound(max, &r->max);
}

OpResult<Entry*> FindZSet(engine::Database& db, std::string_view key) {
  Entry* e = db.FindRead(key);
  if (!e) return OpStatus::kKeyNotFound;
  if (e->type() != ObjType::kZSet) return OpStatus::kWrongType;
  return e;
}

ZMembers PopZSet(engine::KeyWrite& kw, bool max, size_t count) {
  ZMembers out;
  kw.MutableObject();
  ZSet z(kw.entry());
  const size_t size = z.Size();
  count = std::min(count, size);
  const size_t first = max ? size - count : 0;
  out.reserve(count);
  z.Visit(first, first + count, max,
          [&](engine::ZItem it) { out.emplace_back(std::string(it.member), it.score); });
  if (count == size) {
    kw.Delete();
  } else {
    z.EraseRanks(first, first + count);
  }
  return out;
}

bool StoreZSet(engine::Database& db, std::string_view dst, ZMembers items, size_t max_entries,
               size_t max_value) {
  engine::KeyWrite kw(db, dst);
  const bool existed = kw.entry() != nullptr;
  if (items.empty()) {
    if (existed) kw.Delete();
    return existed;
  }
  Entry::Init init;
  init.type = ObjType::kZSet;
  init.object = ZSet::Build(std::move(items), max_entries, max_value, &init.encoding);
  kw.Set(init);
  return existed;
}

}  // namespace tandem::commands
