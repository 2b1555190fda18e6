// Hash commands: HSET HSETNX HMSET HGET HMGET HGETALL HKEYS HVALS HDEL HLEN HEXISTS HSTRLEN
// HINCRBY HINCRBYFLOAT HRANDFIELD HSCAN, with Redis 7.0.15's replies, errors, encodings and
// keyspace events (t_hash.c). Values: hash_ops.h.
#include <climits>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include "protocol/errors.h"
#include "server/commands/families.h"
#include "server/commands/hash_ops.h"
#include "server/commands/scan_args.h"
#include "server/engine/glob.h"
#include "server/engine/numbers.h"
#include "server/keyspace_events.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

using engine::Entry;
using engine::KeyWrite;
using engine::ObjType;

HashLimits Limits(CommandContext& ctx) {
  const Config& c = ctx.server.config();
  return {static_cast<size_t>(c.hash_max_listpack_entries),
          static_cast<size_t>(c.hash_max_listpack_value)};
}

bool IsHash(const Entry* e) { return e->type() == ObjType::kHash; }

// Sets field/value pairs of argv from index `from` on (hashTypeLookupWriteOrCreate then
// hashTypeSet); returns the number of new fields, or -1 after a WRONGTYPE reply.
long long SetPairs(CommandContext& ctx, CmdArgs argv, size_t from) {
  KeyWrite w(ctx.db(), argv[1]);
  long long created = 0;
  const HashLimits limits = Limits(ctx);
  if (!w.entry()) {
    HashRef h = HashRef::New();
    for (size_t i = from; i + 1 < argv.size(); i += 2)
      created += h.Set(argv[i], argv[i + 1], limits);
    w.Set(h.Init());
  } else {
    if (!IsHash(w.entry())) {
      ctx.rb.SendError(protocol::kErrWrongType);
      return -1;
    }
    HashEdit edit(w);
    for (size_t i = from; i + 1 < argv.size(); i += 2) {
      created += edit.ref().Set(argv[i], argv[i + 1], limits);
    }
    edit.Store(true);
  }
  ctx.Notify(notify::kHash, "hset", argv[1]);
  return created;
}

// HSET key field value [field value ...]
void CmdHSet(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() % 2 == 1) {
    return ctx.rb.SendError(protocol::WrongNumArgsError(ctx.cmd.name));
  }
  const long long created = SetPairs(ctx, argv, 2);
  if (created < 0) return;
  ctx.rb.SendLong(created);
}

// HMSET key field value [field value ...]
void CmdHMSet(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() % 2 == 1) {
    return ctx.rb.SendError(protocol::WrongNumArgsError(ctx.cmd.name));
  }
  if (SetPairs(ctx, argv, 2) >= 0) ctx.rb.SendOk();
}

// HSETNX key field value
void CmdHSetNx(CmdArgs argv, CommandContext& ctx) {
  KeyWrite w(ctx.db(), argv[1]);
  if (w.entry()) {
    if (!IsHash(w.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
    std::string_view v;
    if (HashRef::Of(w.entry()).Find(argv[2], &v)) return ctx.rb.SendLong(0);
    HashEdit edit(w);
    edit.ref().Set(argv[2], argv[3], Limits(ctx));
    edit.Store(true);
  } else {
    HashRef h = HashRef::New();
    h.Set(argv[2], argv[3], Limits(ctx));
    w.Set(h.Init());
  }
  ctx.Notify(notify::kHash, "hset", argv[1]);
  ctx.rb.SendLong(1);
}

// The hash at `key` for a read command: nullptr when missing; sends WRONGTYPE and sets
// *wrong when it holds another type.
const Entry* ReadHash(CommandContext& ctx, std::string_view key, bool* wrong) {
  const Entry* e = ctx.db().FindRead(key);
  *wrong = e && !IsHash(e);
  if (*wrong) ctx.rb.SendError(protocol::kErrWrongType);
  return *wrong ? nullptr : e;
}

// HGET key field
void CmdHGet(CmdArgs argv, CommandContext& ctx) {
  bool wrong;
  const Entry* e = ReadHash(ctx, argv[1], &wrong);
  if (wrong) return;
  std::string_view v;
  if (e && HashRef::Of(e).Find(argv[2], &v)) return ctx.rb.SendBulk(v);
  ctx.rb.SendNull();
}

// HMGET key field [field ...]
void CmdHMGet(CmdArgs argv, CommandContext& ctx) {
  bool wrong;
  const Entry* e = ReadHash(ctx, argv[1], &wrong);
  if (wrong) return;
  ctx.rb.StartArray(argv.size() - 2);
  for (size_t i = 2; i < argv.size(); ++i) {
    std::string_view v;
    if (e && HashRef::Of(e).Find(argv[i], &v)) {
      ctx.rb.SendBulk(v);
    } else {
      ctx.rb.SendNull();
    }
  }
}

// HLEN key
void CmdHLen(CmdArgs argv, CommandContext& ctx) {
  bool wrong;
  const Entry* e = ReadHash(ctx, argv[1], &wrong);
  if (wrong) return;
  ctx.rb.SendLong(e ? static_cast<long long>(HashRef::Of(e).size()) : 0);
}

// HSTRLEN key field
void CmdHStrLen(CmdArgs argv, CommandContext& ctx) {
  bool wrong;
  const Entry* e = ReadHash(ctx, argv[1], &wrong);
  if (wrong) return;
  std::string_view v;
  ctx.rb.SendLong(e && HashRef::Of(e).Find(argv[2], &v) ? static_cast<long long>(v.size()) : 0);
}

// HEXISTS key field
void CmdHExists(CmdArgs argv, CommandContext& ctx) {
  bool wrong;
  const Entry* e = ReadHash(ctx, argv[1], &wrong);
  if (wrong) return;
  std::string_view v;
  ctx.rb.SendLong(e && HashRef::Of(e).Find(argv[2], &v) ? 1 : 0);
}

// HGETALL / HKEYS / HVALS (genericHgetallCommand).
void GetAll(CmdArgs argv, CommandContext& ctx, bool keys, bool values) {
  bool wrong;
  const Entry* e = ReadHash(ctx, argv[1], &wrong);
  if (wrong) return;
  const size_t n = e ? HashRef::Of(e).size() : 0;
  if (keys && values) {
    ctx.rb.StartMap(n);
  } else {
    ctx.rb.StartArray(n);
  }
  if (!e) return;
  HashRef::Of(e).ForEach([&](std::string_view f, std::string_view v) {
    if (keys) ctx.rb.SendBulk(f);
    if (values) ctx.rb.SendBulk(v);
  });
}

// HGETALL key
void CmdHGetAll(CmdArgs argv, CommandContext& ctx) { GetAll(argv, ctx, true, true); }
// HKEYS key
void CmdHKeys(CmdArgs argv, CommandContext& ctx) { GetAll(argv, ctx, true, false); }
// HVALS key
void CmdHVals(CmdArgs argv, CommandContext& ctx) { GetAll(argv, ctx, false, true); }

// HDEL key field [field ...]
void CmdHDel(CmdArgs argv, CommandContext& ctx) {
  KeyWrite w(ctx.db(), argv[1]);
  if (!w.entry()) return ctx.rb.SendLong(0);
  if (!IsHash(w.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  long long deleted = 0;
  bool emptied;
  {
    HashEdit edit(w);
    for (size_t i = 2; i < argv.size(); ++i) {
      deleted += edit.ref().Erase(argv[i]);
      if (edit.ref().size() == 0) break;
    }
    edit.Store(deleted > 0);
    emptied = edit.ref().size() == 0;
  }
  if (emptied) w.Delete();
  if (deleted) {
    ctx.Notify(notify::kHash, "hdel", argv[1]);
    if (emptied) ctx.Notify(notify::kGeneric, "del", argv[1]);
  }
  ctx.rb.SendLong(deleted);
}

// Stores `value` under field argv[2] of the hash at argv[1] (created if missing), for the
// HINCRBY commands once the new value is known.
void StoreIncr(KeyWrite& w, CommandContext& ctx, CmdArgs argv, std::string_view value) {
  if (!w.entry()) {
    HashRef h = HashRef::New();
    h.Set(argv[2], value, Limits(ctx));
    w.Set(h.Init());
    return;
  }
  HashEdit edit(w);
  edit.ref().Set(argv[2], value, Limits(ctx));
  edit.Store(true);
}

// HINCRBY key field increment
void CmdHIncrBy(CmdArgs argv, CommandContext& ctx) {
  long long incr;
  if (!engine::StringToLL(argv[3], &incr)) return ctx.rb.SendError(protocol::kErrNotInteger);
  KeyWrite w(ctx.db(), argv[1]);
  if (w.entry() && !IsHash(w.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  long long value = 0;
  std::string_view old;
  if (w.entry() && HashRef::Of(w.entry()).Find(argv[2], &old)) {
    if (old.size() > 20 || !engine::StringToLL(old, &value)) {
      return ctx.rb.SendError(protocol::kErrHashNotInteger);
    }
  }
  if ((incr < 0 && value < 0 && incr < LLONG_MIN - value) ||
      (incr > 0 && value > 0 && incr > LLONG_MAX - value)) {
    return ctx.rb.SendError(protocol::kErrOverflow);
  }
  value += incr;
  char buf[engine::kLongStrSize];
  StoreIncr(w, ctx, argv, std::string_view(buf, engine::LLToString(buf, value)));
  ctx.Notify(notify::kHash, "hincrby", argv[1]);
  ctx.rb.SendLong(value);
}

// HINCRBYFLOAT key field increment
void CmdHIncrByFloat(CmdArgs argv, CommandContext& ctx) {
  long double incr;
  if (!engine::StringToLongDouble(argv[3], &incr)) {
    return ctx.rb.SendError(protocol::kErrNotFloat);
  }
  if (std::isnan(incr) || std::isinf(incr)) return ctx.rb.SendError(protocol::kErrNanOrInfinity);
  KeyWrite w(ctx.db(), argv[1]);
  if (w.entry() && !IsHash(w.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  long double value = 0;
  std::string_view old;
  if (w.entry() && HashRef::Of(w.entry()).Find(argv[2], &old)) {
    if (!engine::StringToLongDouble(old, &value)) {
      return ctx.rb.SendError(protocol::kErrHashNotFloat);
    }
  }
  value += incr;
  if (std::isnan(value) || std::isinf(value)) {
    return ctx.rb.SendError(protocol::kErrIncrNanOrInf);
  }
  std::string text = engine::LongDoubleToString(value, /*humanfriendly=*/true);
  StoreIncr(w, ctx, argv, text);
  ctx.Notify(notify::kHash, "hincrbyfloat", argv[1]);
  ctx.rb.SendBulk(text);
}

// HRANDFIELD key [count [WITHVALUES]]
void CmdHRandField(CmdArgs argv, CommandContext& ctx) {
  std::mt19937_64& rng = ctx.server.dbs().rng();
  if (argv.size() == 2) {
    bool wrong;
    const Entry* e = ReadHash(ctx, argv[1], &wrong);
    if (wrong) return;
    if (!e) return ctx.rb.SendNull();
    return ctx.rb.SendBulk(HashRef::Of(e).Random(rng).first);
  }
  bool with_values = false;
  if (argv.size() == 4) {
    if (!engine::EqualsTokenIgnoreCase(argv[3], "withvalues")) {
      return ctx.rb.SendError(protocol::kErrSyntax);
    }
    with_values = true;
  } else if (argv.size() > 4) {
    return ctx.rb.SendError(protocol::kErrSyntax);
  }
  long long l;
  if (!engine::StringToLL(argv[2], &l)) return ctx.rb.SendError(protocol::kErrNotInteger);
  if (l == LLONG_MIN) return ctx.rb.SendError(protocol::kErrLongRange);
  const bool uniq = l >= 0;
  if (!uniq && with_values && l < -LLONG_MAX / 2) {
    return ctx.rb.SendError(protocol::kErrValueOutOfRange);
  }
  bool wrong;
  const Entry* e = ReadHash(ctx, argv[1], &wrong);
  if (wrong) return;
  if (!e) return ctx.rb.StartArray(0);
  const unsigned long long count = uniq ? l : -l;
  if (count == 0) return ctx.rb.StartArray(0);
  const HashRef h = HashRef::Of(e);
  const size_t size = h.size();
  auto send_pair = [&](std::string_view f, std::string_view v) {
    if (with_values) ctx.rb.StartPair();
    ctx.rb.SendBulk(f);
    if (with_values) ctx.rb.SendBulk(v);
  };
  auto start = [&](size_t n) { with_values ? ctx.rb.StartPairArray(n) : ctx.rb.StartArray(n); };
  if (!uniq || count == 1) {
    start(count);
    for (unsigned long long i = 0; i < count; ++i) {
      auto [f, v] = h.Random(rng);
      send_pair(f, v);
    }
    return;
  }
  if (count >= size) {
    start(size);
    h.ForEach([&](std::string_view f, std::string_view v) { send_pair(f, v); });
    return;
  }
  std::vector<std::pair<std::string, std::string>> picked;
  if (count * 3 > size) {
    h.ForEach([&](std::string_view f, std::string_view v) { picked.emplace_back(f, v); });
    for (size_t i = 0; i < count; ++i) std::swap(picked[i], picked[i + rng() % (size - i)]);
    picked.resize(count);
  } else {
    std::unordered_set<std::string> seen;
    while (picked.size() < count) {
      auto pair = h.Random(rng);
      if (seen.insert(pair.first).second) picked.push_back(std::move(pair));
    }
  }
  start(picked.size());
  for (const auto& [f, v] : picked) send_pair(f, v);
}

// HSCAN key cursor [MATCH pattern] [COUNT count]
void CmdHScan(CmdArgs argv, CommandContext& ctx) {
  CollScanArgs a;
  if (!ParseCollScanCursor(argv, &a, ctx.rb)) return;
  const Entry* e = ctx.db().FindRead(argv[1]);
  if (!e) {
    ctx.rb.StartArray(2);
    ctx.rb.SendBulk("0");
    return ctx.rb.StartArray(0);
  }
  if (!IsHash(e)) return ctx.rb.SendError(protocol::kErrWrongType);
  if (!ParseCollScanOptions(argv, &a, ctx.rb)) return;
  std::vector<std::string> found;  // field, value, field, value...
  const HashRef h = HashRef::Of(e);
  uint64_t cursor = a.cursor;
  auto add = [&](std::string_view f, std::string_view v) {
    found.emplace_back(f);
    found.emplace_back(v);
  };
  if (h.enc == engine::Encoding::kListpack) {
    h.ForEach(add);
    cursor = 0;
  } else {
    const auto& table = static_cast<const engine::HashTableObject*>(h.obj)->table();
    long max_iterations = a.count * 10;
    do {
      cursor = table.ScanStep(cursor, add);
    } while (cursor && max_iterations-- && static_cast<long>(found.size()) < a.count);
  }
  size_t kept = found.size();
  if (a.use_pattern) {
    kept = 0;
    for (size_t i = 0; i < found.size(); i += 2) {
      if (!engine::GlobMatch(a.pattern, found[i])) continue;
      if (kept != i) {
        found[kept] = std::move(found[i]);
        found[kept + 1] = std::move(found[i + 1]);
      }
      kept += 2;
    }
  }
  char buf[engine::kLongStrSize];
  ctx.rb.StartArray(2);
  ctx.rb.SendBulk(std::string_view(buf, engine::ULLToString(buf, cursor)));
  ctx.rb.StartArray(kept);
  for (size_t i = 0; i < kept; ++i) ctx.rb.SendBulk(found[i]);
}

}  // namespace

void RegisterHashFamily(CommandTable& table) {
  // clang-format off
  table.Register({.name = "hset", .arity = -4, .flags = kWrite | kDenyOom | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHSet});
  table.Register({.name = "hsetnx", .arity = 4, .flags = kWrite | kDenyOom | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHSetNx});
  table.Register({.name = "hmset", .arity = -4, .flags = kWrite | kDenyOom | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHMSet});
  table.Register({.name = "hget", .arity = 3, .flags = kReadOnly | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHGet});
  table.Register({.name = "hmget", .arity = -3, .flags = kReadOnly | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHMGet});
  table.Register({.name = "hgetall", .arity = 2, .flags = kReadOnly | kRandom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHGetAll});
  table.Register({.name = "hkeys", .arity = 2, .flags = kReadOnly | kSortForScript,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHKeys});
  table.Register({.name = "hvals", .arity = 2, .flags = kReadOnly | kSortForScript,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHVals});
  table.Register({.name = "hdel", .arity = -3, .flags = kWrite | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHDel});
  table.Register({.name = "hlen", .arity = 2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHLen});
  table.Register({.name = "hexists", .arity = 3, .flags = kReadOnly | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHExists});
  table.Register({.name = "hstrlen", .arity = 3, .flags = kReadOnly | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHStrLen});
  table.Register({.name = "hincrby", .arity = 4, .flags = kWrite | kDenyOom | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHIncrBy});
  table.Register({.name = "hincrbyfloat", .arity = 4,
                  .flags = kWrite | kDenyOom | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHIncrByFloat});
  table.Register({.name = "hrandfield", .arity = -2, .flags = kReadOnly | kRandom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHRandField});
  table.Register({.name = "hscan", .arity = -3, .flags = kReadOnly | kRandom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdHScan});
  // clang-format on
}

}  // namespace tandem::commands
