// SORT and SORT_RO (Redis 7.0.15's sort.c): BY (with `nosort`-style patterns that contain no
// '*', and `*->field` hash patterns), LIMIT, GET (with `#`), ASC/DESC, ALPHA. Sorts the
// members of sets and sorted sets and the elements of lists, and STORE writes a list; a missing
// key sorts as an empty list, other types are WRONGTYPE. Unsorted (BY nosort), lists and
// sorted sets keep their order (reversed by DESC).
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "protocol/errors.h"
#include "scripting/scripting.h"
#include "server/commands/families.h"
#include "server/commands/hash_ops.h"
#include "server/commands/set_ops.h"
#include "server/engine/ascii.h"
#include "server/engine/key_write.h"
#include "server/engine/list.h"
#include "server/engine/sorted_set.h"
#include "server/keyspace_events.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

using engine::Database;
using engine::Entry;
using engine::ObjType;

struct SortOptions {
  bool desc = false;
  bool alpha = false;
  bool dontsort = false;
  bool has_by = false;
  std::string_view by;
  long long limit_start = 0;
  long long limit_count = -1;
  std::vector<std::string_view> gets;
  bool has_store = false;
  std::string_view store;
};

// Redis's lookupKeyByPattern: "#" is the element itself; otherwise the first '*' is replaced
// by the element and the key read as a string, or, with "->field" after the '*', as a hash
// field. nullopt when there is no '*', no such key or field, or the key has another type.
std::optional<std::string> LookupByPattern(Database& db, std::string_view pattern,
                                           std::string_view element) {
  // Redis works on C strings here: the pattern ends at its first NUL.
  pattern = pattern.substr(0, pattern.find('\0'));
  if (pattern == "#") return std::string(element);
  const size_t star = pattern.find('*');
  if (star == std::string_view::npos) return std::nullopt;
  std::string_view field;
  size_t key_end = pattern.size();
  const size_t arrow = pattern.find("->", star + 1);
  if (arrow != std::string_view::npos && arrow + 2 < pattern.size()) {
    field = pattern.substr(arrow + 2);
    key_end = arrow;
  }
  std::string key;
  key.reserve(key_end + element.size());
  key.append(pattern.substr(0, star));
  key.append(element);
  key.append(pattern.substr(star + 1, key_end - star - 1));
  const Entry* e = db.FindRead(key);
  if (!e) return std::nullopt;
  if (!field.empty()) {
    if (e->type() != ObjType::kHash) return std::nullopt;
    std::string_view v;
    if (!HashRef::Of(e).Find(field, &v)) return std::nullopt;
    return std::string(v);
  }
  if (e->type() != ObjType::kString) return std::nullopt;
  char buf[24];
  return std::string(e->StringValue(buf));
}

// Parses SORT's options (argv[2...]); sends the error and returns false on failure.
bool ParseSortOptions(CmdArgs argv, bool readonly, SortOptions* o, CommandContext& ctx) {
  for (size_t j = 2; j < argv.size(); ++j) {
    const size_t left = argv.size() - j - 1;
    std::string_view a = argv[j];
    if (engine::EqualsTokenIgnoreCase(a, "asc")) {
      o->desc = false;
    } else if (engine::EqualsTokenIgnoreCase(a, "desc")) {
      o->desc = true;
    } else if (engine::EqualsTokenIgnoreCase(a, "alpha")) {
      o->alpha = true;
    } else if (engine::EqualsTokenIgnoreCase(a, "limit") && left >= 2) {
      if (!engine::StringToLL(argv[j + 1], &o->limit_start) ||
          !engine::StringToLL(argv[j + 2], &o->limit_count)) {
        ctx.rb.SendError(protocol::kErrNotInteger);
        return false;
      }
      j += 2;
    } else if (engine::EqualsTokenIgnoreCase(a, "by") && left >= 1) {
      o->has_by = true;
      o->by = argv[++j];
      // A pattern without '*' (BY nosort) skips sorting.
      if (o->by.substr(0, o->by.find('\0')).find('*') == std::string_view::npos) {
        o->dontsort = true;
      }
    } else if (engine::EqualsTokenIgnoreCase(a, "get") && left >= 1) {
      o->gets.push_back(argv[++j]);
    } else if (!readonly && engine::EqualsTokenIgnoreCase(a, "store") && left >= 1) {
      o->has_store = true;
      o->store = argv[++j];
    } else {
      ctx.rb.SendError(protocol::kErrSyntax);
      return false;
    }
  }
  return true;
}

struct Item {
  std::string element;
  double score = 0;
  std::optional<std::string> cmp;  // ALPHA with BY: the looked-up value
};

int CompareBytes(std::string_view a, std::string_view b) {
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// STORE: the output (missing GET values as empty strings) as a list at o.store, replacing
// it; an empty output deletes it. Replies with the output's length.
void Store(CommandContext& ctx, const SortOptions& o, const std::vector<Item>& items,
           long long start, long long end, size_t outputlen) {
  Database& db = ctx.db();
  auto* list = new engine::ListObject(ctx.server.config().list_max_listpack_size,
                                      ctx.server.config().list_compress_depth);
  for (long long j = start; j <= end; ++j) {
    const std::string& el = items[j].element;
    if (o.gets.empty()) list->PushBack(el);
    for (std::string_view pattern : o.gets) {
      std::optional<std::string> v = LookupByPattern(db, pattern, el);
      list->PushBack(v ? *v : std::string());
    }
  }
  engine::KeyWrite kw(db, o.store);
  if (outputlen == 0) {
    delete list;
    if (kw.entry()) {
      kw.Delete();
      ctx.Notify(notify::kGeneric, "del", o.store);
    }
  } else {
    Entry::Init init;
    init.type = ObjType::kList;
    init.encoding = engine::Encoding::kQuicklist;
    init.object = list;
    kw.Set(init);
    kw.Commit();
    ctx.Notify(notify::kList, "sortstore", o.store);
  }
  ctx.rb.SendLong(static_cast<long long>(outputlen));
}

// SORT key ... / SORT_RO key ... (sortCommandGeneric).
void SortGeneric(CmdArgs argv, CommandContext& ctx, bool readonly) {
  SortOptions o;
  if (!ParseSortOptions(argv, readonly, &o, ctx)) return;
  Database& db = ctx.db();
  const Entry* e = db.FindRead(argv[1]);
  if (e && e->type() != ObjType::kSet && e->type() != ObjType::kList &&
      e->type() != ObjType::kZSet) {
    return ctx.rb.SendError(protocol::kErrWrongType);
  }
  if (e && e->type() == ObjType::kZSet && e->encoding() == engine::Encoding::kListpack) {
    // Redis converts a listpack sorted set to a skiplist for SORT (and keeps it so): OBJECT
    // ENCODING says "skiplist" afterwards. Not a change of the value: nothing is signalled.
    engine::KeyWrite kw(db, argv[1]);
    kw.MutableObject(/*modifies=*/false);
    engine::ZSet(kw.entry()).ToSkiplist();
    kw.Commit();
    e = kw.entry();
  }
  std::vector<Item> items;
  if (e && e->type() == ObjType::kZSet) {
    // Members in score order: BY nosort keeps it (reversed by DESC); sorting starts from it
    // where Redis starts from its dict's order (only ties of ALPHA BY could tell them apart).
    engine::ZSet z(const_cast<Entry*>(e));
    z.Visit(0, z.Size(), o.dontsort && o.desc,
            [&](engine::ZItem it) { items.push_back({std::string(it.member)}); });
  } else if (e && e->type() == ObjType::kList) {
    static_cast<const engine::ListObject*>(e->object())
        ->Walk(false, [&](size_t, std::string_view v) {
          items.push_back({std::string(v)});
          return true;
        });
    // Unsorted (BY nosort), a list keeps its order, read from the tail under DESC (Redis).
    if (o.dontsort && o.desc) std::reverse(items.begin(), items.end());
  } else if (e) {
    SetRef::Of(e).ForEach([&](std::string_view m) { items.push_back({std::string(m)}); });
    // A set's order is the hash table's: STORE and scripts sort it anyway (ALPHA), as Redis
    // does (CLIENT_SCRIPT), so the result is the same everywhere.
    const bool in_script =
        ctx.server.scripting && &ctx.client == &ctx.server.scripting->script_client();
    if (o.dontsort && (o.has_store || in_script)) {
      o.dontsort = false;
      o.alpha = true;
      o.has_by = false;
    }
  }
  const long long n = static_cast<long long>(items.size());
  long long start = o.limit_start < 0 ? 0 : o.limit_start;
  long long end = o.limit_count < 0 ? n - 1 : start + o.limit_count - 1;
  if (start >= n) {
    start = n - 1;
    end = n - 2;
  }
  if (end >= n) end = n - 1;

  if (!o.dontsort) {
    bool conversion_error = false;
    for (Item& it : items) {
      std::optional<std::string> by;
      if (o.has_by) {
        by = LookupByPattern(db, o.by, it.element);
        if (!by) continue;
      }
      const std::string& text = o.has_by ? *by : it.element;
      if (o.alpha) {
        if (o.has_by) it.cmp = std::move(by);
        continue;
      }
      errno = 0;
      char* eptr;
      it.score = std::strtod(text.c_str(), &eptr);
      if (*eptr != '\0' || errno == ERANGE || std::isnan(it.score)) conversion_error = true;
    }
    if (conversion_error) return ctx.rb.SendError(protocol::kErrSortNotFloat);
    auto cmp = [&](const Item& a, const Item& b) {
      int c;
      if (!o.alpha) {
        c = a.score > b.score ? 1 : a.score < b.score ? -1 : CompareBytes(a.element, b.element);
      } else if (o.has_by) {
        if (!a.cmp || !b.cmp) {
          c = (!a.cmp && !b.cmp) ? 0 : (!a.cmp ? -1 : 1);
        } else {
          c = CompareBytes(*a.cmp, *b.cmp);
        }
      } else {
        c = CompareBytes(a.element, b.element);
      }
      return (o.desc ? -c : c) < 0;
    };
    std::stable_sort(items.begin(), items.end(), cmp);
  }

  const size_t range = end >= start ? static_cast<size_t>(end - start + 1) : 0;
  const size_t outputlen = o.gets.empty() ? range : o.gets.size() * range;
  if (o.has_store) return Store(ctx, o, items, start, end, outputlen);
  ctx.rb.StartArray(outputlen);
  for (long long j = start; j <= end; ++j) {
    const std::string& el = items[j].element;
    if (o.gets.empty()) ctx.rb.SendBulk(el);
    for (std::string_view pattern : o.gets) {
      std::optional<std::string> v = LookupByPattern(db, pattern, el);
      v ? ctx.rb.SendBulk(*v) : ctx.rb.SendNull();
    }
  }
}

// SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC | DESC] [ALPHA]
void CmdSort(CmdArgs argv, CommandContext& ctx) { SortGeneric(argv, ctx, false); }

// SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC | DESC] [ALPHA]
void CmdSortRo(CmdArgs argv, CommandContext& ctx) { SortGeneric(argv, ctx, true); }

}  // namespace

void RegisterSortFamily(CommandTable& table) {
  // clang-format off
  table.Register({.name = "sort", .arity = -2, .flags = kWrite | kDenyOom | kMovableKeys,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSort});
  table.Register({.name = "sort_ro", .arity = -2, .flags = kReadOnly,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSortRo});
  // clang-format on
}

}  // namespace tandem::commands
