// Set commands: SADD SREM SMEMBERS SISMEMBER SMISMEMBER SCARD SPOP SRANDMEMBER SMOVE SINTER
// SINTERCARD SINTERSTORE SUNION SUNIONSTORE SDIFF SDIFFSTORE SSCAN, with Redis 7.0.15's
// replies, errors, encodings and keyspace events (t_set.c). Values: set_ops.h.
#include <algorithm>
#include <climits>
#include <string>
#include <unordered_set>
#include <vector>

#include "protocol/errors.h"
#include "server/commands/arg_parser.h"
#include "server/commands/families.h"
#include "server/commands/scan_args.h"
#include "server/commands/set_ops.h"
#include "server/engine/glob.h"
#include "server/keyspace_events.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

using engine::Database;
using engine::Entry;
using engine::KeyWrite;
using engine::ObjType;
using protocol::ReplyBuilder;

size_t MaxIntset(CommandContext& ctx) {
  return static_cast<size_t>(ctx.server.config().set_max_intset_entries);
}

std::mt19937_64& Rng(CommandContext& ctx) { return ctx.server.dbs().rng(); }

bool IsSet(const Entry* e) { return e->type() == ObjType::kSet; }

// Replies with every member of `set` as a RESP3 set (an array in RESP2).
void ReplyMembers(const SetRef& set, ReplyBuilder& rb) {
  rb.StartSet(set.size());
  set.ForEach([&](std::string_view m) { rb.SendBulk(m); });
}

// SADD key member [member ...]
void CmdSAdd(CmdArgs argv, CommandContext& ctx) {
  KeyWrite w(ctx.db(), argv[1]);
  long long added = 0;
  if (!w.entry()) {
    SetRef set = SetRef::NewFor(argv[2]);
    for (size_t i = 2; i < argv.size(); ++i) added += set.Add(argv[i], MaxIntset(ctx));
    w.Set(set.Init());
  } else {
    if (!IsSet(w.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
    SetEdit edit(w);
    for (size_t i = 2; i < argv.size(); ++i) added += edit.ref().Add(argv[i], MaxIntset(ctx));
    edit.Store(added > 0);
  }
  if (added) ctx.Notify(notify::kSet, "sadd", argv[1]);
  ctx.rb.SendLong(added);
}

// SREM key member [member ...]
void CmdSRem(CmdArgs argv, CommandContext& ctx) {
  KeyWrite w(ctx.db(), argv[1]);
  if (!w.entry()) return ctx.rb.SendLong(0);
  if (!IsSet(w.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  long long removed = 0;
  bool emptied = false;
  {
    SetEdit edit(w);
    for (size_t i = 2; i < argv.size(); ++i) {
      removed += edit.ref().Remove(argv[i]);
      if (edit.ref().size() == 0) break;
    }
    edit.Store(removed > 0);
    emptied = edit.ref().size() == 0;
  }
  if (emptied) w.Delete();
  if (removed) {
    ctx.Notify(notify::kSet, "srem", argv[1]);
    if (emptied) ctx.Notify(notify::kGeneric, "del", argv[1]);
  }
  ctx.rb.SendLong(removed);
}

// SISMEMBER key member
void CmdSIsMember(CmdArgs argv, CommandContext& ctx) {
  const Entry* e = ctx.db().FindRead(argv[1]);
  if (e && !IsSet(e)) return ctx.rb.SendError(protocol::kErrWrongType);
  ctx.rb.SendLong(e && SetRef::Of(e).Contains(argv[2]) ? 1 : 0);
}

// SMISMEMBER key member [member ...]
void CmdSMIsMember(CmdArgs argv, CommandContext& ctx) {
  const Entry* e = ctx.db().FindRead(argv[1]);
  if (e && !IsSet(e)) return ctx.rb.SendError(protocol::kErrWrongType);
  ctx.rb.StartArray(argv.size() - 2);
  for (size_t i = 2; i < argv.size(); ++i) {
    ctx.rb.SendLong(e && SetRef::Of(e).Contains(argv[i]) ? 1 : 0);
  }
}

// SCARD key
void CmdSCard(CmdArgs argv, CommandContext& ctx) {
  const Entry* e = ctx.db().FindRead(argv[1]);
  if (e && !IsSet(e)) return ctx.rb.SendError(protocol::kErrWrongType);
  ctx.rb.SendLong(e ? static_cast<long long>(SetRef::Of(e).size()) : 0);
}

// SPOP key [count]
void CmdSPop(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() > 3) return ctx.rb.SendError(protocol::kErrSyntax);
  long long count = 1;
  const bool with_count = argv.size() == 3;
  if (with_count) {
    if (!engine::StringToLL(argv[2], &count) || count < 0) {
      return ctx.rb.SendError(protocol::kErrSPopCountNegative);
    }
  }
  KeyWrite w(ctx.db(), argv[1]);
  if (!w.entry()) return with_count ? ctx.rb.StartSet(0) : ctx.rb.SendNull();
  if (!IsSet(w.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  if (with_count && count == 0) return ctx.rb.StartSet(0);
  SetRef current = SetRef::Of(w.entry());
  const size_t size = current.size();
  if (with_count && static_cast<unsigned long long>(count) >= size) {
    // The whole set goes (Redis replies through SUNION, then deletes the key).
    ReplyMembers(current, ctx.rb);
    w.Delete();
    ctx.Notify(notify::kSet, "spop", argv[1]);
    ctx.Notify(notify::kGeneric, "del", argv[1]);
    return;
  }
  std::vector<std::string> popped;
  bool emptied;
  {
    SetEdit edit(w);
    for (long long i = 0; i < count; ++i) {
      popped.push_back(edit.ref().Random(Rng(ctx)));
      edit.ref().Remove(popped.back());
    }
    edit.Store(true);
    emptied = edit.ref().size() == 0;
  }
  if (emptied) w.Delete();
  ctx.Notify(notify::kSet, "spop", argv[1]);
  if (emptied) ctx.Notify(notify::kGeneric, "del", argv[1]);
  if (!with_count) return ctx.rb.SendBulk(popped[0]);
  ctx.rb.StartSet(popped.size());
  for (const std::string& m : popped) ctx.rb.SendBulk(m);
}

// SRANDMEMBER key [count]
void CmdSRandMember(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() > 3) return ctx.rb.SendError(protocol::kErrSyntax);
  if (argv.size() == 2) {
    const Entry* e = ctx.db().FindRead(argv[1]);
    if (!e) return ctx.rb.SendNull();
    if (!IsSet(e)) return ctx.rb.SendError(protocol::kErrWrongType);
    return ctx.rb.SendBulk(SetRef::Of(e).Random(Rng(ctx)));
  }
  long long l;
  if (!engine::StringToLL(argv[2], &l)) return ctx.rb.SendError(protocol::kErrNotInteger);
  if (l == LLONG_MIN) return ctx.rb.SendError(protocol::kErrLongRange);
  const bool uniq = l >= 0;
  const unsigned long long count = uniq ? l : -l;
  const Entry* e = ctx.db().FindRead(argv[1]);
  if (!e) return ctx.rb.StartArray(0);
  if (!IsSet(e)) return ctx.rb.SendError(protocol::kErrWrongType);
  if (count == 0) return ctx.rb.StartArray(0);
  const SetRef set = SetRef::Of(e);
  const size_t size = set.size();
  if (!uniq || count == 1) {
    ctx.rb.StartArray(count);
    for (unsigned long long i = 0; i < count; ++i) ctx.rb.SendBulk(set.Random(Rng(ctx)));
    return;
  }
  if (count >= size) {
    ctx.rb.StartArray(size);
    return set.ForEach([&](std::string_view m) { ctx.rb.SendBulk(m); });
  }
  std::vector<std::string> picked;
  if (count * 3 > size) {
    // Many of the members: shuffle a copy of them all.
    set.ForEach([&](std::string_view m) { picked.emplace_back(m); });
    for (size_t i = 0; i < count; ++i) {
      std::swap(picked[i], picked[i + Rng(ctx)() % (size - i)]);
    }
    picked.resize(count);
  } else {
    std::unordered_set<std::string> seen;
    while (picked.size() < count) {
      std::string m = set.Random(Rng(ctx));
      if (seen.insert(m).second) picked.push_back(std::move(m));
    }
  }
  ctx.rb.StartArray(picked.size());
  for (const std::string& m : picked) ctx.rb.SendBulk(m);
}

// SMOVE source destination member
void CmdSMove(CmdArgs argv, CommandContext& ctx) {
  Database& db = ctx.db();
  KeyWrite src(db, argv[1]);
  KeyWrite dst(db, argv[2]);
  if (!src.entry()) return ctx.rb.SendLong(0);
  if (!IsSet(src.entry()) || (dst.entry() && !IsSet(dst.entry()))) {
    return ctx.rb.SendError(protocol::kErrWrongType);
  }
  if (argv[1] == argv[2]) {
    return ctx.rb.SendLong(SetRef::Of(src.entry()).Contains(argv[3]) ? 1 : 0);
  }
  bool emptied;
  {
    SetEdit edit(src);
    if (!edit.ref().Remove(argv[3])) return ctx.rb.SendLong(0);
    edit.Store(true);
    emptied = edit.ref().size() == 0;
  }
  ctx.Notify(notify::kSet, "srem", argv[1]);
  if (emptied) {
    src.Delete();
    ctx.Notify(notify::kGeneric, "del", argv[1]);
  }
  src.Commit();
  bool added;
  if (!dst.entry()) {
    SetRef set = SetRef::NewFor(argv[3]);
    added = set.Add(argv[3], MaxIntset(ctx));
    dst.Set(set.Init());
  } else {
    SetEdit edit(dst);
    added = edit.ref().Add(argv[3], MaxIntset(ctx));
    edit.Store(added);
  }
  if (added) ctx.Notify(notify::kSet, "sadd", argv[2]);
  ctx.rb.SendLong(1);
}

// --- SINTER / SUNION / SDIFF -----------------------------------------------------------------

enum class SetOp { kUnion, kDiff };

// Replaces `dst_key` with `result` (or deletes it when the result is empty), replying with the
// size and notifying `event`, as Redis's *STORE commands do.
void StoreResult(CommandContext& ctx, std::string_view dst_key, SetRef result,
                 std::string_view event) {
  KeyWrite w(ctx.db(), dst_key);
  const size_t size = result.size();
  if (size > 0) {
    w.Set(result.Init());
    ctx.Notify(notify::kSet, event, dst_key);
  } else {
    delete result.obj;
    if (w.entry()) {
      w.Delete();
      ctx.Notify(notify::kGeneric, "del", dst_key);
    }
  }
  ctx.rb.SendLong(static_cast<long long>(size));
}

// SINTER, SINTERSTORE and SINTERCARD (sinterGenericCommand). `limit` 0 is no limit.
void SInterGeneric(CommandContext& ctx, CmdArgs keys, std::string_view dst_key, bool store,
                   bool card_only, unsigned long long limit) {
  Database& db = ctx.db();
  std::vector<SetRef> sets;
  bool missing = false;
  for (std::string_view key : keys) {
    const Entry* e = store ? db.Find(key) : db.FindRead(key);
    if (!e) {
      missing = true;
      continue;
    }
    if (!IsSet(e)) return ctx.rb.SendError(protocol::kErrWrongType);
    sets.push_back(SetRef::Of(e));
  }
  if (missing) {
    if (store) return StoreResult(ctx, dst_key, SetRef::NewIntset(), "sinterstore");
    return card_only ? ctx.rb.SendLong(0) : ctx.rb.StartSet(0);
  }
  std::stable_sort(sets.begin(), sets.end(),
                   [](const SetRef& a, const SetRef& b) { return a.size() < b.size(); });
  std::vector<std::string> members;
  unsigned long long card = 0;
  bool done = false;
  sets[0].ForEach([&](std::string_view m) {
    if (done) return;
    for (size_t j = 1; j < sets.size(); ++j) {
      if (sets[j].obj != sets[0].obj && !sets[j].Contains(m)) return;
    }
    ++card;
    if (!card_only) members.emplace_back(m);
    if (limit && card >= limit) done = true;
  });
  if (card_only) return ctx.rb.SendLong(static_cast<long long>(card));
  if (store) {
    SetRef result = SetRef::NewIntset();
    for (const std::string& m : members) result.Add(m, MaxIntset(ctx));
    return StoreResult(ctx, dst_key, result, "sinterstore");
  }
  ctx.rb.StartSet(members.size());
  for (const std::string& m : members) ctx.rb.SendBulk(m);
}

// SUNION, SDIFF and their STORE forms (sunionDiffGenericCommand).
void SUnionDiffGeneric(CommandContext& ctx, CmdArgs keys, std::string_view dst_key, bool store,
                       SetOp op) {
  Database& db = ctx.db();
  std::vector<const Entry*> entries;
  for (std::string_view key : keys) {
    const Entry* e = store ? db.Find(key) : db.FindRead(key);
    if (e && !IsSet(e)) return ctx.rb.SendError(protocol::kErrWrongType);
    entries.push_back(e);
  }
  SetRef result = SetRef::NewIntset();
  const size_t max = MaxIntset(ctx);
  if (op == SetOp::kUnion) {
    for (const Entry* e : entries) {
      if (e) SetRef::Of(e).ForEach([&](std::string_view m) { result.Add(m, max); });
    }
  } else if (entries[0]) {
    SetRef::Of(entries[0]).ForEach([&](std::string_view m) {
      for (size_t j = 1; j < entries.size(); ++j) {
        if (!entries[j]) continue;
        if (entries[j] == entries[0] || SetRef::Of(entries[j]).Contains(m)) return;
      }
      result.Add(m, max);
    });
  }
  if (store) {
    return StoreResult(ctx, dst_key, result, op == SetOp::kUnion ? "sunionstore" : "sdiffstore");
  }
  ReplyMembers(result, ctx.rb);
  delete result.obj;
}

// SINTER key [key ...]
void CmdSInter(CmdArgs argv, CommandContext& ctx) {
  SInterGeneric(ctx, argv.subspan(1), {}, false, false, 0);
}

// SINTERSTORE destination key [key ...]
void CmdSInterStore(CmdArgs argv, CommandContext& ctx) {
  SInterGeneric(ctx, argv.subspan(2), argv[1], true, false, 0);
}

// SINTERCARD numkeys key [key ...] [LIMIT limit]
void CmdSInterCard(CmdArgs argv, CommandContext& ctx) {
  long long numkeys;
  if (!engine::StringToLL(argv[1], &numkeys) || numkeys <= 0) {
    return ctx.rb.SendError(protocol::kErrNumkeysPositive);
  }
  if (static_cast<unsigned long long>(numkeys) > argv.size() - 2) {
    return ctx.rb.SendError(protocol::kErrNumkeysTooMany);
  }
  unsigned long long limit = 0;
  ArgParser parser(argv.subspan(2 + numkeys));
  while (parser.HasNext()) {
    if (parser.Remaining() > 1 && parser.Check("LIMIT")) {
      long long l;
      if (!engine::StringToLL(parser.Next(), &l) || l < 0) {
        return ctx.rb.SendError(protocol::kErrLimitNegative);
      }
      limit = l;
    } else {
      parser.Fail();
    }
  }
  if (!parser.Finalize()) return ctx.rb.SendError(parser.ErrorText());
  SInterGeneric(ctx, argv.subspan(2, numkeys), {}, false, true, limit);
}

// SUNION key [key ...]
void CmdSUnion(CmdArgs argv, CommandContext& ctx) {
  SUnionDiffGeneric(ctx, argv.subspan(1), {}, false, SetOp::kUnion);
}

// SUNIONSTORE destination key [key ...]
void CmdSUnionStore(CmdArgs argv, CommandContext& ctx) {
  SUnionDiffGeneric(ctx, argv.subspan(2), argv[1], true, SetOp::kUnion);
}

// SDIFF key [key ...]
void CmdSDiff(CmdArgs argv, CommandContext& ctx) {
  SUnionDiffGeneric(ctx, argv.subspan(1), {}, false, SetOp::kDiff);
}

// SDIFFSTORE destination key [key ...]
void CmdSDiffStore(CmdArgs argv, CommandContext& ctx) {
  SUnionDiffGeneric(ctx, argv.subspan(2), argv[1], true, SetOp::kDiff);
}

// SMEMBERS key
void CmdSMembers(CmdArgs argv, CommandContext& ctx) {
  SInterGeneric(ctx, argv.subspan(1, 1), {}, false, false, 0);
}

// SSCAN key cursor [MATCH pattern] [COUNT count]
void CmdSScan(CmdArgs argv, CommandContext& ctx) {
  CollScanArgs a;
  if (!ParseCollScanCursor(argv, &a, ctx.rb)) return;
  const Entry* e = ctx.db().FindRead(argv[1]);
  if (!e) {
    ctx.rb.StartArray(2);
    ctx.rb.SendBulk("0");
    return ctx.rb.StartArray(0);
  }
  if (!IsSet(e)) return ctx.rb.SendError(protocol::kErrWrongType);
  if (!ParseCollScanOptions(argv, &a, ctx.rb)) return;
  std::vector<std::string> found;
  const SetRef set = SetRef::Of(e);
  uint64_t cursor = a.cursor;
  if (set.enc == engine::Encoding::kIntset) {
    set.ForEach([&](std::string_view m) { found.emplace_back(m); });
    cursor = 0;
  } else {
    const auto& table = static_cast<const engine::SetTableObject*>(set.obj)->table();
    long max_iterations = a.count * 10;
    do {
      cursor = table.ScanStep(cursor,
                              [&](std::string_view k, std::string_view) { found.emplace_back(k); });
    } while (cursor && max_iterations-- && static_cast<long>(found.size()) < a.count);
  }
  if (a.use_pattern) {
    std::erase_if(found, [&](const std::string& m) { return !engine::GlobMatch(a.pattern, m); });
  }
  char buf[engine::kLongStrSize];
  ctx.rb.StartArray(2);
  ctx.rb.SendBulk(std::string_view(buf, engine::ULLToString(buf, cursor)));
  ctx.rb.StartArray(found.size());
  for (const std::string& m : found) ctx.rb.SendBulk(m);
}

}  // namespace

void RegisterSetFamily(CommandTable& table) {
  // clang-format off
  table.Register({.name = "sadd", .arity = -3, .flags = kWrite | kDenyOom | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSAdd});
  table.Register({.name = "srem", .arity = -3, .flags = kWrite | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSRem});
  table.Register({.name = "smembers", .arity = 2, .flags = kReadOnly | kSortForScript,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSMembers});
  table.Register({.name = "sismember", .arity = 3, .flags = kReadOnly | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSIsMember});
  table.Register({.name = "smismember", .arity = -3, .flags = kReadOnly | kFast | kMemberHint,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSMIsMember});
  table.Register({.name = "scard", .arity = 2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSCard});
  table.Register({.name = "spop", .arity = -2, .flags = kWrite | kFast | kRandom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSPop});
  table.Register({.name = "srandmember", .arity = -2, .flags = kReadOnly | kRandom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSRandMember});
  table.Register({.name = "smove", .arity = 4, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 2, .step = 1, .handler = &CmdSMove});
  table.Register({.name = "sinter", .arity = -2, .flags = kReadOnly | kSortForScript,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdSInter});
  table.Register({.name = "sintercard", .arity = -3, .flags = kReadOnly | kMovableKeys,
                  .handler = &CmdSInterCard});
  table.Register({.name = "sinterstore", .arity = -3, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdSInterStore});
  table.Register({.name = "sunion", .arity = -2, .flags = kReadOnly | kSortForScript,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdSUnion});
  table.Register({.name = "sunionstore", .arity = -3, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdSUnionStore});
  table.Register({.name = "sdiff", .arity = -2, .flags = kReadOnly | kSortForScript,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdSDiff});
  table.Register({.name = "sdiffstore", .arity = -3, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdSDiffStore});
  table.Register({.name = "sscan", .arity = -3, .flags = kReadOnly | kRandom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSScan});
  // clang-format on
}

}  // namespace tandem::commands
