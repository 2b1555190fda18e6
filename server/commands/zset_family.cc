// Sorted-set commands: ZADD ZINCRBY ZREM ZCARD ZCOUNT ZLEXCOUNT ZSCORE ZMSCORE ZRANK ZREVRANK
// ZRANGE ZRANGESTORE ZRANGEBYSCORE ZREVRANGEBYSCORE ZRANGEBYLEX ZREVRANGEBYLEX ZREVRANGE
// ZREMRANGEBYRANK ZREMRANGEBYSCORE ZREMRANGEBYLEX ZPOPMIN ZPOPMAX ZMPOP ZRANDMEMBER ZUNION
// ZINTER ZDIFF ZUNIONSTORE ZINTERSTORE ZDIFFSTORE ZINTERCARD ZSCAN, with Redis 7.0.15's
// replies, errors, notifications and encodings (t_zset.c). The values live in
// server/engine/sorted_set.h; shared engine steps in zset_ops.h.
#include <algorithm>
#include <climits>
#include <cmath>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "protocol/errors.h"
#include "server/commands/arg_parser.h"
#include "server/commands/block_on_keys.h"
#include "server/commands/families.h"
#include "server/commands/set_ops.h"
#include "server/commands/zset_ops.h"
#include "server/engine/glob.h"
#include "server/engine/hash.h"
#include "server/engine/numbers.h"
#include "server/keyspace_events.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

using engine::Entry;
using engine::ObjType;
using engine::ZItem;
using engine::ZSet;
using protocol::ReplyBuilder;

size_t MaxEntries(CommandContext& ctx) {
  return static_cast<size_t>(ctx.server.config().zset_max_listpack_entries);
}
size_t MaxValue(CommandContext& ctx) {
  return static_cast<size_t>(ctx.server.config().zset_max_listpack_value);
}

// Sends the error for a failed lookup; true when it was one (kKeyNotFound is not).
bool ReplyError(OpStatus status, ReplyBuilder& rb) {
  std::string_view err = OpStatusError(status);
  if (err.empty()) return false;
  rb.SendError(err);
  return true;
}

// Redis's getLongFromObjectOrReply.
bool ParseLong(std::string_view arg, long long* v) { return engine::StringToLL(arg, v); }

// --- ZADD / ZINCRBY ---------------------------------------------------------------------------

struct ZAddFlags {
  bool nx = false, xx = false, gt = false, lt = false, ch = false, incr = false;
};

// The ZADD core after parsing (zaddGenericCommand).
void ZAddGeneric(std::string_view key, const ZAddFlags& f,
                 const std::vector<std::pair<double, std::string_view>>& elems,
                 CommandContext& ctx) {
  engine::KeyWrite kw(ctx.db(), key);
  Entry* e = kw.entry();
  if (e && e->type() != ObjType::kZSet) return ctx.rb.SendError(protocol::kErrWrongType);
  long long added = 0, updated = 0, processed = 0;
  double score = 0;
  bool nan = false;
  for (const auto& [input, member] : elems) {
    score = input;
    if (!kw.entry()) {
      if (f.xx) break;
      Entry::Init init;
      init.type = ObjType::kZSet;
      init.object = ZSet::New(MaxEntries(ctx), MaxValue(ctx), member.size(), &init.encoding);
      kw.Set(init);
    }
    ZSet z(kw.entry());
    double cur;
    ZSet::Pos pos;
    if (z.Find(member, &cur, &pos)) {
      if (f.nx) continue;
      if (f.incr) {
        score += cur;
        if (std::isnan(score)) {
          nan = true;
          break;
        }
      }
      if ((f.lt && score >= cur) || (f.gt && score <= cur)) continue;
      processed++;
      if (score != cur) {
        kw.MutableObject();  // the object itself does not move: `pos` stays valid
        ZSet(kw.entry()).UpdateAt(pos, member, score);
        updated++;
      }
    } else {
      if (f.xx) continue;
      kw.MutableObject();
      ZSet(kw.entry()).Insert(member, score, MaxEntries(ctx), MaxValue(ctx));
      added++;
      processed++;
    }
  }
  if (added || updated) ctx.Notify(notify::kZset, f.incr ? "zincr" : "zadd", key);
  if (nan) return ctx.rb.SendError(protocol::kErrZsetNan);
  if (f.incr) {
    if (processed) return ctx.rb.SendDouble(score);
    return ctx.rb.SendNull();
  }
  ctx.rb.SendLong(f.ch ? added + updated : added);
}

// ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]
void CmdZAdd(CmdArgs argv, CommandContext& ctx) {
  ZAddFlags f;
  size_t i = 2;
  for (; i < argv.size(); ++i) {
    std::string_view a = argv[i];
    if (engine::EqualsTokenIgnoreCase(a, "nx")) {
      f.nx = true;
    } else if (engine::EqualsTokenIgnoreCase(a, "xx")) {
      f.xx = true;
    } else if (engine::EqualsTokenIgnoreCase(a, "ch")) {
      f.ch = true;
    } else if (engine::EqualsTokenIgnoreCase(a, "incr")) {
      f.incr = true;
    } else if (engine::EqualsTokenIgnoreCase(a, "gt")) {
      f.gt = true;
    } else if (engine::EqualsTokenIgnoreCase(a, "lt")) {
      f.lt = true;
    } else {
      break;
    }
  }
  const size_t n = argv.size() - i;
  if (n == 0 || n % 2) return ctx.rb.SendError(protocol::kErrSyntax);
  if (f.nx && f.xx) return ctx.rb.SendError(protocol::kErrZaddXxNx);
  if ((f.gt && f.nx) || (f.lt && f.nx) || (f.gt && f.lt)) {
    return ctx.rb.SendError(protocol::kErrZaddGtLtNx);
  }
  if (f.incr && n > 2) return ctx.rb.SendError(protocol::kErrZaddIncrPair);
  std::vector<std::pair<double, std::string_view>> elems(n / 2);
  for (size_t j = 0; j < n / 2; ++j) {
    if (!engine::StringToDouble(argv[i + 2 * j], &elems[j].first)) {
      return ctx.rb.SendError(protocol::kErrNotFloat);
    }
    elems[j].second = argv[i + 2 * j + 1];
  }
  ZAddGeneric(argv[1], f, elems, ctx);
}

// ZINCRBY key increment member
void CmdZIncrBy(CmdArgs argv, CommandContext& ctx) {
  ZAddFlags f;
  f.incr = true;
  double incr;
  if (!engine::StringToDouble(argv[2], &incr)) return ctx.rb.SendError(protocol::kErrNotFloat);
  ZAddGeneric(argv[1], f, {{incr, argv[3]}}, ctx);
}

// --- Simple reads -----------------------------------------------------------------------------

// ZCARD key
void CmdZCard(CmdArgs argv, CommandContext& ctx) {
  auto r = FindZSet(ctx.db(), argv[1]);
  if (ReplyError(r.status(), ctx.rb)) return;
  ctx.rb.SendLong(r.ok() ? ZSet(*r).Size() : 0);
}

// ZSCORE key member
void CmdZScore(CmdArgs argv, CommandContext& ctx) {
  auto r = FindZSet(ctx.db(), argv[1]);
  if (ReplyError(r.status(), ctx.rb)) return;
  double score;
  if (!r.ok() || !ZSet(*r).Score(argv[2], &score)) return ctx.rb.SendNull();
  ctx.rb.SendDouble(score);
}

// ZMSCORE key member [member ...]
void CmdZMScore(CmdArgs argv, CommandContext& ctx) {
  auto r = FindZSet(ctx.db(), argv[1]);
  if (ReplyError(r.status(), ctx.rb)) return;
  ctx.rb.StartArray(argv.size() - 2);
  for (size_t i = 2; i < argv.size(); ++i) {
    double score;
    if (r.ok() && ZSet(*r).Score(argv[i], &score)) {
      ctx.rb.SendDouble(score);
    } else {
      ctx.rb.SendNull();
    }
  }
}

// ZRANK key member / ZREVRANK key member
void RankGeneric(CmdArgs argv, CommandContext& ctx, bool reverse) {
  auto r = FindZSet(ctx.db(), argv[1]);
  if (ReplyError(r.status(), ctx.rb)) return;
  size_t rank;
  double score;
  if (!r.ok()) return ctx.rb.SendNull();
  ZSet z(*r);
  if (!z.Rank(argv[2], &rank, &score)) return ctx.rb.SendNull();
  ctx.rb.SendLong(reverse ? z.Size() - 1 - rank : rank);
}
void CmdZRank(CmdArgs argv, CommandContext& ctx) { RankGeneric(argv, ctx, false); }
void CmdZRevRank(CmdArgs argv, CommandContext& ctx) { RankGeneric(argv, ctx, true); }

// ZCOUNT key min max
void CmdZCount(CmdArgs argv, CommandContext& ctx) {
  engine::ZScoreRange range;
  if (!ParseScoreRange(argv[2], argv[3], &range)) {
    return ctx.rb.SendError(protocol::kErrMinMaxNotFloat);
  }
  auto r = FindZSet(ctx.db(), argv[1]);
  if (ReplyError(r.status(), ctx.rb)) return;
  if (!r.ok()) return ctx.rb.SendLong(0);
  auto [first, last] = ZSet(*r).ScoreRanks(range);
  ctx.rb.SendLong(last - first);
}

// ZLEXCOUNT key min max
void CmdZLexCount(CmdArgs argv, CommandContext& ctx) {
  engine::ZLexRange range;
  if (!ParseLexRange(argv[2], argv[3], &range)) {
    return ctx.rb.SendError(protocol::kErrMinMaxNotLex);
  }
  auto r = FindZSet(ctx.db(), argv[1]);
  if (ReplyError(r.status(), ctx.rb)) return;
  if (!r.ok()) return ctx.rb.SendLong(0);
  auto [first, last] = ZSet(*r).LexRanks(range);
  ctx.rb.SendLong(last - first);
}

// --- ZRANGE and friends -----------------------------------------------------------------------

enum class RangeKind : uint8_t { kAuto, kRank, kScore, kLex };
enum class Direction : uint8_t { kAuto, kForward, kReverse };

struct RangeRequest {
  RangeKind kind = RangeKind::kAuto;
  Direction direction = Direction::kAuto;
  bool withscores = false;
  long long offset = 0, limit = -1;
  long long start = 0, end = 0;
  engine::ZScoreRange score;
  engine::ZLexRange lex;
};

// The ranks [first, last) a request selects in `z`, visited backwards when reverse.
std::pair<size_t, size_t> ResolveRange(const ZSet& z, const RangeRequest& q) {
  const bool reverse = q.direction == Direction::kReverse;
  const long long llen = static_cast<long long>(z.Size());
  if (q.kind == RangeKind::kRank) {
    long long start = q.start, end = q.end;
    if (start < 0) start += llen;
    if (end < 0) end += llen;
    if (start < 0) start = 0;
    if (start > end || start >= llen) return {0, 0};
    if (end >= llen) end = llen - 1;
    if (reverse) return {static_cast<size_t>(llen - 1 - end), static_cast<size_t>(llen - start)};
    return {static_cast<size_t>(start), static_cast<size_t>(end + 1)};
  }
  auto [first, last] = q.kind == RangeKind::kScore ? z.ScoreRanks(q.score) : z.LexRanks(q.lex);
  if (q.offset < 0) return {0, 0};
  const size_t offset = static_cast<size_t>(q.offset);
  if (offset >= last - first) return {0, 0};
  if (!reverse) {
    first += offset;
    if (q.limit >= 0) last = std::min(last, first + static_cast<size_t>(q.limit));
  } else {
    last -= offset;
    if (q.limit >= 0 && last - first > static_cast<size_t>(q.limit)) {
      first = last - static_cast<size_t>(q.limit);
    }
  }
  return {first, last};
}

// zrangeGenericCommand's parsing: options from argv[opt_index] on, then the range from
// argv[min_index], argv[min_index + 1]. Sends the error and returns false on failure.
bool ParseRangeRequest(CmdArgs argv, size_t min_index, bool store, RangeRequest* q,
                       CommandContext& ctx) {
  for (size_t j = min_index + 2; j < argv.size(); ++j) {
    const size_t left = argv.size() - j - 1;
    std::string_view a = argv[j];
    if (!store && engine::EqualsTokenIgnoreCase(a, "withscores")) {
      q->withscores = true;
    } else if (engine::EqualsTokenIgnoreCase(a, "limit") && left >= 2) {
      if (!ParseLong(argv[j + 1], &q->offset) || !ParseLong(argv[j + 2], &q->limit)) {
        ctx.rb.SendError(protocol::kErrNotInteger);
        return false;
      }
      j += 2;
    } else if (q->direction == Direction::kAuto && engine::EqualsTokenIgnoreCase(a, "rev")) {
      q->direction = Direction::kReverse;
    } else if (q->kind == RangeKind::kAuto && engine::EqualsTokenIgnoreCase(a, "bylex")) {
      q->kind = RangeKind::kLex;
    } else if (q->kind == RangeKind::kAuto && engine::EqualsTokenIgnoreCase(a, "byscore")) {
      q->kind = RangeKind::kScore;
    } else {
      ctx.rb.SendError(protocol::kErrSyntax);
      return false;
    }
  }
  if (q->direction == Direction::kAuto) q->direction = Direction::kForward;
  if (q->kind == RangeKind::kAuto) q->kind = RangeKind::kRank;
  if (q->limit != -1 && q->kind == RangeKind::kRank) {
    ctx.rb.SendError(protocol::kErrLimitRankOnly);
    return false;
  }
  if (q->withscores && q->kind == RangeKind::kLex) {
    ctx.rb.SendError(protocol::kErrWithscoresBylex);
    return false;
  }
  std::string_view min = argv[min_index], max = argv[min_index + 1];
  if (q->direction == Direction::kReverse && q->kind != RangeKind::kRank) std::swap(min, max);
  switch (q->kind) {
    case RangeKind::kAuto:
    case RangeKind::kRank:
      if (!ParseLong(min, &q->start) || !ParseLong(max, &q->end)) {
        ctx.rb.SendError(protocol::kErrNotInteger);
        return false;
      }
      break;
    case RangeKind::kScore:
      if (!ParseScoreRange(min, max, &q->score)) {
        ctx.rb.SendError(protocol::kErrMinMaxNotFloat);
        return false;
      }
      break;
    case RangeKind::kLex:
      if (!ParseLexRange(min, max, &q->lex)) {
        ctx.rb.SendError(protocol::kErrMinMaxNotLex);
        return false;
      }
      break;
  }
  return true;
}

// Sends ranks [first, last) of `z` (descending with reverse), with scores as pairs.
void SendRange(const ZSet& z, size_t first, size_t last, bool reverse, bool withscores,
               ReplyBuilder& rb) {
  const size_t n = last > first ? last - first : 0;
  if (withscores) {
    rb.StartPairArray(n);
    z.Visit(first, last, reverse, [&](ZItem it) {
      rb.StartPair();
      rb.SendBulk(it.member);
      rb.SendDouble(it.score);
    });
    return;
  }
  rb.StartArray(n);
  z.Visit(first, last, reverse, [&](ZItem it) { rb.SendBulk(it.member); });
}

void RangeGeneric(CmdArgs argv, CommandContext& ctx, RangeKind kind, Direction direction) {
  RangeRequest q;
  q.kind = kind;
  q.direction = direction;
  if (!ParseRangeRequest(argv, 2, false, &q, ctx)) return;
  auto r = FindZSet(ctx.db(), argv[1]);
  if (ReplyError(r.status(), ctx.rb)) return;
  if (!r.ok()) return ctx.rb.StartArray(0);
  ZSet z(*r);
  auto [first, last] = ResolveRange(z, q);
  SendRange(z, first, last, q.direction == Direction::kReverse, q.withscores, ctx.rb);
}

// ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]
void CmdZRange(CmdArgs argv, CommandContext& ctx) {
  RangeGeneric(argv, ctx, RangeKind::kAuto, Direction::kAuto);
}
// ZREVRANGE key start stop [WITHSCORES]
void CmdZRevRange(CmdArgs argv, CommandContext& ctx) {
  RangeGeneric(argv, ctx, RangeKind::kRank, Direction::kReverse);
}
// ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]
void CmdZRangeByScore(CmdArgs argv, CommandContext& ctx) {
  RangeGeneric(argv, ctx, RangeKind::kScore, Direction::kForward);
}
// ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]
void CmdZRevRangeByScore(CmdArgs argv, CommandContext& ctx) {
  RangeGeneric(argv, ctx, RangeKind::kScore, Direction::kReverse);
}
// ZRANGEBYLEX key min max [LIMIT offset count]
void CmdZRangeByLex(CmdArgs argv, CommandContext& ctx) {
  RangeGeneric(argv, ctx, RangeKind::kLex, Direction::kForward);
}
// ZREVRANGEBYLEX key max min [LIMIT offset count]
void CmdZRevRangeByLex(CmdArgs argv, CommandContext& ctx) {
  RangeGeneric(argv, ctx, RangeKind::kLex, Direction::kReverse);
}

// ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]
void CmdZRangeStore(CmdArgs argv, CommandContext& ctx) {
  RangeRequest q;
  if (!ParseRangeRequest(argv, 3, true, &q, ctx)) return;
  auto r = FindZSet(ctx.db(), argv[2]);
  if (ReplyError(r.status(), ctx.rb)) return;
  ZMembers items;
  if (r.ok()) {
    ZSet z(*r);
    auto [first, last] = ResolveRange(z, q);
    z.Visit(first, last, q.direction == Direction::kReverse,
            [&](ZItem it) { items.emplace_back(std::string(it.member), it.score); });
  }
  const size_t n = items.size();
  const bool existed =
      StoreZSet(ctx.db(), argv[1], std::move(items), MaxEntries(ctx), MaxValue(ctx));
  if (n) {
    ctx.Notify(notify::kZset, "zrangestore", argv[1]);
  } else if (existed) {
    ctx.Notify(notify::kGeneric, "del", argv[1]);
  }
  ctx.rb.SendLong(n);
}

// --- Removal ----------------------------------------------------------------------------------

// ZREM key member [member ...]
void CmdZRem(CmdArgs argv, CommandContext& ctx) {
  engine::KeyWrite kw(ctx.db(), argv[1]);
  Entry* e = kw.entry();
  if (!e) return ctx.rb.SendLong(0);
  if (e->type() != ObjType::kZSet) return ctx.rb.SendError(protocol::kErrWrongType);
  long long deleted = 0;
  bool removed_key = false;
  for (size_t i = 2; i < argv.size(); ++i) {
    ZSet probe(kw.entry());
    double s;
    if (!probe.Score(argv[i], &s)) continue;
    kw.MutableObject();
    ZSet z(kw.entry());
    z.Erase(argv[i]);
    deleted++;
    if (z.Size() == 0) {
      kw.Delete();
      removed_key = true;
      break;
    }
  }
  if (deleted) {
    ctx.Notify(notify::kZset, "zrem", argv[1]);
    if (removed_key) ctx.Notify(notify::kGeneric, "del", argv[1]);
  }
  ctx.rb.SendLong(deleted);
}

void RemRangeGeneric(CmdArgs argv, CommandContext& ctx, RangeKind kind, std::string_view event) {
  RangeRequest q;
  q.kind = kind;
  q.direction = Direction::kForward;
  if (kind == RangeKind::kRank) {
    if (!ParseLong(argv[2], &q.start) || !ParseLong(argv[3], &q.end)) {
      return ctx.rb.SendError(protocol::kErrNotInteger);
    }
  } else if (kind == RangeKind::kScore) {
    if (!ParseScoreRange(argv[2], argv[3], &q.score)) {
      return ctx.rb.SendError(protocol::kErrMinMaxNotFloat);
    }
  } else if (!ParseLexRange(argv[2], argv[3], &q.lex)) {
    return ctx.rb.SendError(protocol::kErrMinMaxNotLex);
  }
  engine::KeyWrite kw(ctx.db(), argv[1]);
  Entry* e = kw.entry();
  if (!e) return ctx.rb.SendLong(0);
  if (e->type() != ObjType::kZSet) return ctx.rb.SendError(protocol::kErrWrongType);
  auto [first, last] = ResolveRange(ZSet(e), q);
  if (first >= last) return ctx.rb.SendLong(0);
  kw.MutableObject();
  ZSet z(kw.entry());
  const bool all = last - first == z.Size();
  if (all) {
    kw.Delete();
  } else {
    z.EraseRanks(first, last);
  }
  ctx.Notify(notify::kZset, event, argv[1]);
  if (all) ctx.Notify(notify::kGeneric, "del", argv[1]);
  ctx.rb.SendLong(last - first);
}

// ZREMRANGEBYRANK key start stop
void CmdZRemRangeByRank(CmdArgs argv, CommandContext& ctx) {
  RemRangeGeneric(argv, ctx, RangeKind::kRank, "zremrangebyrank");
}
// ZREMRANGEBYSCORE key min max
void CmdZRemRangeByScore(CmdArgs argv, CommandContext& ctx) {
  RemRangeGeneric(argv, ctx, RangeKind::kScore, "zremrangebyscore");
}
// ZREMRANGEBYLEX key min max
void CmdZRemRangeByLex(CmdArgs argv, CommandContext& ctx) {
  RemRangeGeneric(argv, ctx, RangeKind::kLex, "zremrangebylex");
}

// --- Pops -------------------------------------------------------------------------------------

// genericZpopCommand: pops from the first non-empty sorted set of `keys`. With `nested`
// (ZMPOP) the reply is [key, [[member, score] ...]]; otherwise a flat [member, score] without
// `has_count`, pairs (RESP3) with it.
void PopGeneric(CmdArgs keys, bool max, long long count, bool has_count, bool nested,
                CommandContext& ctx) {
  for (std::string_view key : keys) {
    engine::KeyWrite kw(ctx.db(), key);
    Entry* e = kw.entry();
    if (!e) continue;
    if (e->type() != ObjType::kZSet) return ctx.rb.SendError(protocol::kErrWrongType);
    const bool all = static_cast<size_t>(count) >= ZSet(e).Size();
    ZMembers items = PopZSet(kw, max, static_cast<size_t>(count));
    kw.Commit();
    ctx.Notify(notify::kZset, max ? "zpopmax" : "zpopmin", key);
    if (all) ctx.Notify(notify::kGeneric, "del", key);
    if (nested) {
      ctx.rb.StartArray(2);
      ctx.rb.SendBulk(key);
      ctx.rb.StartArray(items.size());
    } else if (has_count) {
      ctx.rb.StartPairArray(items.size());
    } else {
      ctx.rb.StartArray(2);
    }
    for (const auto& [m, s] : items) {
      if (nested) {
        ctx.rb.StartArray(2);
      } else if (has_count) {
        ctx.rb.StartPair();
      }
      ctx.rb.SendBulk(m);
      ctx.rb.SendDouble(s);
    }
    return;
  }
  nested ? ctx.rb.SendNullArray() : ctx.rb.StartArray(0);
}

// ZPOPMIN key [count] / ZPOPMAX key [count]
void PopMinMax(CmdArgs argv, CommandContext& ctx, bool max) {
  if (argv.size() > 3) return ctx.rb.SendError(protocol::kErrSyntax);
  long long count = 1;
  if (argv.size() == 3) {
    if (!ParseLong(argv[2], &count) || count < 0) {
      return ctx.rb.SendError(protocol::kErrNotPositive);
    }
    if (count == 0) return ctx.rb.StartArray(0);
  }
  PopGeneric(argv.subspan(1, 1), max, count, argv.size() == 3, false, ctx);
}
void CmdZPopMin(CmdArgs argv, CommandContext& ctx) { PopMinMax(argv, ctx, false); }
void CmdZPopMax(CmdArgs argv, CommandContext& ctx) { PopMinMax(argv, ctx, true); }

struct ZMPopArgs {
  CmdArgs keys;
  bool max = false;
  long long count = 1;
};

// zmpopGenericCommand's parsing from argv[numkeys_idx]; sends the error and returns false on
// failure.
bool ParseZMPop(CmdArgs argv, size_t numkeys_idx, CommandContext& ctx, ZMPopArgs* a) {
  long long numkeys;
  if (!ParseLong(argv[numkeys_idx], &numkeys) || numkeys < 1) {
    ctx.rb.SendError(protocol::kErrNumkeysPositive);
    return false;
  }
  const size_t where = numkeys_idx + 1 + static_cast<size_t>(numkeys);
  if (numkeys > static_cast<long long>(argv.size()) || where >= argv.size()) {
    ctx.rb.SendError(protocol::kErrSyntax);
    return false;
  }
  if (engine::EqualsTokenIgnoreCase(argv[where], "min")) {
    a->max = false;
  } else if (engine::EqualsTokenIgnoreCase(argv[where], "max")) {
    a->max = true;
  } else {
    ctx.rb.SendError(protocol::kErrSyntax);
    return false;
  }
  long long count = -1;
  for (size_t j = where + 1; j < argv.size(); ++j) {
    if (count == -1 && engine::EqualsTokenIgnoreCase(argv[j], "count") && j + 1 < argv.size()) {
      ++j;
      if (!ParseLong(argv[j], &count) || count < 1) {
        ctx.rb.SendError(protocol::kErrCountPositive);
        return false;
      }
    } else {
      ctx.rb.SendError(protocol::kErrSyntax);
      return false;
    }
  }
  a->count = count == -1 ? 1 : count;
  a->keys = argv.subspan(numkeys_idx + 1, static_cast<size_t>(numkeys));
  return true;
}

// ZMPOP numkeys key [key ...] MIN | MAX [COUNT count]
void CmdZMPop(CmdArgs argv, CommandContext& ctx) {
  ZMPopArgs a;
  if (!ParseZMPop(argv, 1, ctx, &a)) return;
  PopGeneric(a.keys, a.max, a.count, true, true, ctx);
}

// --- BZPOPMIN / BZPOPMAX ----------------------------------------------------------------------

// Pops one element of `key` for a blocking pop: [key, member, score]. False when the key holds
// no sorted set (keep waiting).
bool ServeBZPop(CommandContext& ctx, std::string_view key, bool max) {
  engine::KeyWrite kw(ctx.db(), key);
  Entry* e = kw.entry();
  if (!e || e->type() != ObjType::kZSet) return false;
  const bool all = ZSet(e).Size() == 1;
  ZMembers items = PopZSet(kw, max, 1);
  kw.Commit();
  ctx.Notify(notify::kZset, max ? "zpopmax" : "zpopmin", key);
  if (all) ctx.Notify(notify::kGeneric, "del", key);
  ctx.rb.StartArray(3);
  ctx.rb.SendBulk(key);
  ctx.rb.SendBulk(items[0].first);
  ctx.rb.SendDouble(items[0].second);
  return true;
}
bool ServeBZPopMin(CmdArgs, CommandContext& ctx, std::string_view key) {
  return ServeBZPop(ctx, key, false);
}
bool ServeBZPopMax(CmdArgs, CommandContext& ctx, std::string_view key) {
  return ServeBZPop(ctx, key, true);
}

// BZPOPMIN key [key ...] timeout / BZPOPMAX key [key ...] timeout
void BZPopGeneric(CmdArgs argv, CommandContext& ctx, bool max) {
  int64_t deadline;
  if (!ParseBlockTimeout(argv.back(), ctx, &deadline)) return;
  CmdArgs keys = argv.subspan(1, argv.size() - 2);
  for (std::string_view key : keys) {
    Entry* e = ctx.db().Find(key);
    if (!e) continue;
    if (e->type() != ObjType::kZSet) return ctx.rb.SendError(protocol::kErrWrongType);
    ServeBZPop(ctx, key, max);
    return;
  }
  if (!MayBlock(ctx)) return ctx.rb.SendNullArray();
  BlockOnKeys(ctx, argv, keys, deadline, max ? &ServeBZPopMax : &ServeBZPopMin);
}
// BZMPOP served from `key`: ZMPOP's reply.
bool ServeBZMPop(CmdArgs argv, CommandContext& ctx, std::string_view key) {
  ZMPopArgs a;
  if (!ParseZMPop(argv, 2, ctx, &a)) return true;  // cannot happen: parsed when it blocked
  Entry* e = ctx.db().Find(key);
  if (!e || e->type() != ObjType::kZSet) return false;
  PopGeneric(CmdArgs(&key, 1), a.max, a.count, true, true, ctx);
  return true;
}

// BZMPOP timeout numkeys key [key ...] MIN | MAX [COUNT count]
void CmdBZMPop(CmdArgs argv, CommandContext& ctx) {
  ZMPopArgs a;
  if (!ParseZMPop(argv, 2, ctx, &a)) return;
  int64_t deadline;
  if (!ParseBlockTimeout(argv[1], ctx, &deadline)) return;
  for (std::string_view key : a.keys) {
    Entry* e = ctx.db().Find(key);
    if (!e) continue;
    if (e->type() != ObjType::kZSet) return ctx.rb.SendError(protocol::kErrWrongType);
    return PopGeneric(CmdArgs(&key, 1), a.max, a.count, true, true, ctx);
  }
  if (!MayBlock(ctx)) return ctx.rb.SendNullArray();
  BlockOnKeys(ctx, argv, a.keys, deadline, &ServeBZMPop);
}

void CmdBZPopMin(CmdArgs argv, CommandContext& ctx) { BZPopGeneric(argv, ctx, false); }
void CmdBZPopMax(CmdArgs argv, CommandContext& ctx) { BZPopGeneric(argv, ctx, true); }

// --- ZRANDMEMBER ------------------------------------------------------------------------------

std::mt19937_64& Rng() {
  static thread_local std::mt19937_64 rng(std::random_device{}());
  return rng;
}

// ZRANDMEMBER key [count [WITHSCORES]]
void CmdZRandMember(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() == 2) {
    auto r = FindZSet(ctx.db(), argv[1]);
    if (ReplyError(r.status(), ctx.rb)) return;
    if (!r.ok()) return ctx.rb.SendNull();
    ZSet z(*r);
    size_t rank = std::uniform_int_distribution<size_t>(0, z.Size() - 1)(Rng());
    z.Visit(rank, rank + 1, false, [&](ZItem it) { ctx.rb.SendBulk(it.member); });
    return;
  }
  long long count;
  if (!ParseLong(argv[2], &count)) return ctx.rb.SendError(protocol::kErrNotInteger);
  if (count == LLONG_MIN) {
    return ctx.rb.SendError(
        "ERR value is out of range, value must between -9223372036854775807 and "
        "9223372036854775807");
  }
  bool withscores = false;
  if (argv.size() > 4 ||
      (argv.size() == 4 && !engine::EqualsTokenIgnoreCase(argv[3], "withscores"))) {
    return ctx.rb.SendError(protocol::kErrSyntax);
  }
  if (argv.size() == 4) {
    withscores = true;
    if (count < -LLONG_MAX / 2 || count > LLONG_MAX / 2) {
      return ctx.rb.SendError(protocol::kErrValueOutOfRange);
    }
  }
  auto r = FindZSet(ctx.db(), argv[1]);
  if (ReplyError(r.status(), ctx.rb)) return;
  if (!r.ok() || count == 0) return ctx.rb.StartArray(0);
  ZSet z(*r);
  const size_t size = z.Size();
  auto send = [&](ZItem it) {
    if (withscores) ctx.rb.StartPair();
    ctx.rb.SendBulk(it.member);
    if (withscores) ctx.rb.SendDouble(it.score);
  };
  auto start = [&](size_t n) { withscores ? ctx.rb.StartPairArray(n) : ctx.rb.StartArray(n); };
  if (count < 0) {
    // Repetitions allowed: |count| independent picks.
    const size_t n = static_cast<size_t>(-count);
    start(n);
    std::uniform_int_distribution<size_t> pick(0, size - 1);
    for (size_t i = 0; i < n; ++i) {
      size_t rank = pick(Rng());
      z.Visit(rank, rank + 1, false, send);
    }
    return;
  }
  if (static_cast<size_t>(count) >= size) {
    start(size);
    z.Visit(0, size, true, send);
    return;
  }
  // Distinct members: a random sample of ranks (Floyd's algorithm), sent in random order.
  std::vector<size_t> ranks;
  std::unordered_map<size_t, bool> chosen;
  const size_t n = static_cast<size_t>(count);
  for (size_t j = size - n; j < size; ++j) {
    size_t t = std::uniform_int_distribution<size_t>(0, j)(Rng());
    if (chosen.count(t)) t = j;
    chosen[t] = true;
    ranks.push_back(t);
  }
  start(n);
  for (size_t rank : ranks) z.Visit(rank, rank + 1, false, send);
}

// --- ZUNION / ZINTER / ZDIFF ------------------------------------------------------------------

enum class SetOp : uint8_t { kUnion, kInter, kDiff };
enum class Aggregate : uint8_t { kSum, kMin, kMax };

void AggregateInto(double* target, double v, Aggregate agg) {
  switch (agg) {
    case Aggregate::kSum:
      *target += v;
      // +inf + -inf is NaN: Redis keeps 0 instead.
      if (std::isnan(*target)) *target = 0.0;
      break;
    case Aggregate::kMin:
      *target = std::min(*target, v);
      break;
    case Aggregate::kMax:
      *target = std::max(*target, v);
      break;
  }
}

// One input of ZUNION / ZINTER / ZDIFF: a sorted set, a set (every member scored 1, as
// Redis's zuiNext gives), or a missing key (empty).
struct Source {
  const Entry* entry = nullptr;
  double weight = 1.0;
  bool is_set() const { return entry->type() == ObjType::kSet; }
  ZSet zset() const { return ZSet(const_cast<Entry*>(entry)); }
  size_t size() const {
    if (!entry) return 0;
    return is_set() ? SetRef::Of(entry).size() : zset().Size();
  }
  bool Score(std::string_view member, double* score) const {
    if (!entry) return false;
    if (!is_set()) return zset().Score(member, score);
    if (!SetRef::Of(entry).Contains(member)) return false;
    *score = 1.0;
    return true;
  }
  // fn(ZItem) for every element.
  template <class Fn>
  void ForEach(Fn&& fn) const {
    if (!entry) return;
    if (is_set()) {
      SetRef::Of(entry).ForEach([&](std::string_view m) { fn(ZItem{m, 1.0}); });
      return;
    }
    ZSet z = zset();
    z.Visit(0, z.Size(), false, fn);
  }
};

// zunionInterDiffGenericCommand: `dst` empty for the reply forms; cardinality_only for
// ZINTERCARD. argv[numkeys_index] is numkeys.
void SetOpGeneric(CmdArgs argv, CommandContext& ctx, std::string_view dst, size_t numkeys_index,
                  SetOp op, bool cardinality_only) {
  const bool store = !dst.empty();
  long long setnum;
  if (!ParseLong(argv[numkeys_index], &setnum)) return ctx.rb.SendError(protocol::kErrNotInteger);
  if (setnum < 1) {
    std::string name(ctx.cmd.name);
    return ctx.rb.SendError(protocol::FormatError(protocol::kErrAtLeastOneKey, name));
  }
  if (setnum > static_cast<long long>(argv.size() - numkeys_index - 1)) {
    return ctx.rb.SendError(protocol::kErrSyntax);
  }
  std::vector<Source> src(static_cast<size_t>(setnum));
  size_t j = numkeys_index + 1;
  for (size_t i = 0; i < src.size(); ++i, ++j) {
    const Entry* e = ctx.db().FindRead(argv[j]);
    if (e && e->type() != ObjType::kZSet && e->type() != ObjType::kSet) {
      return ctx.rb.SendError(protocol::kErrWrongType);
    }
    src[i].entry = e;
  }
  Aggregate agg = Aggregate::kSum;
  bool withscores = false;
  long long limit = 0;
  while (j < argv.size()) {
    const size_t remaining = argv.size() - j;
    std::string_view a = argv[j];
    if (op != SetOp::kDiff && !cardinality_only && remaining >= src.size() + 1 &&
        engine::EqualsTokenIgnoreCase(a, "weights")) {
      ++j;
      for (size_t i = 0; i < src.size(); ++i, ++j) {
        if (!engine::StringToDouble(argv[j], &src[i].weight)) {
          return ctx.rb.SendError(protocol::kErrWeightNotFloat);
        }
      }
    } else if (op != SetOp::kDiff && !cardinality_only && remaining >= 2 &&
               engine::EqualsTokenIgnoreCase(a, "aggregate")) {
      std::string_view v = argv[j + 1];
      if (engine::EqualsTokenIgnoreCase(v, "sum")) {
        agg = Aggregate::kSum;
      } else if (engine::EqualsTokenIgnoreCase(v, "min")) {
        agg = Aggregate::kMin;
      } else if (engine::EqualsTokenIgnoreCase(v, "max")) {
        agg = Aggregate::kMax;
      } else {
        return ctx.rb.SendError(protocol::kErrSyntax);
      }
      j += 2;
    } else if (!store && !cardinality_only && engine::EqualsTokenIgnoreCase(a, "withscores")) {
      ++j;
      withscores = true;
    } else if (cardinality_only && remaining >= 2 && engine::EqualsTokenIgnoreCase(a, "limit")) {
      if (!ParseLong(argv[j + 1], &limit) || limit < 0) {
        return ctx.rb.SendError(protocol::kErrLimitNegative);
      }
      j += 2;
    } else {
      return ctx.rb.SendError(protocol::kErrSyntax);
    }
  }

  // Members of every source, read once. Members are copied: the destination may be a source.
  std::unordered_map<std::string, double> acc;
  ZMembers out;
  if (op == SetOp::kInter) {
    // Walk the smallest set, probing the others (Redis sorts the sources by size).
    std::vector<size_t> order(src.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return src[a].size() < src[b].size(); });
    const Source& first = src[order[0]];
    bool stop = false;
    first.ForEach([&](ZItem it) {
      if (stop) return;
      double score = first.weight * it.score;
      if (std::isnan(score)) score = 0;
      for (size_t k = 1; k < order.size(); ++k) {
        const Source& s = src[order[k]];
        double other;
        if (!s.Score(it.member, &other)) return;
        double v = s.weight * other;
        if (std::isnan(v)) v = 0;
        AggregateInto(&score, v, agg);
      }
      if (cardinality_only) {
        out.emplace_back();
        if (limit && static_cast<long long>(out.size()) >= limit) stop = true;
        return;
      }
      out.emplace_back(std::string(it.member), score);
    });
    if (cardinality_only) return ctx.rb.SendLong(static_cast<long long>(out.size()));
  } else if (op == SetOp::kUnion) {
    for (const Source& s : src) {
      s.ForEach([&](ZItem it) {
        double v = s.weight * it.score;
        if (std::isnan(v)) v = 0;
        auto [pos, inserted] = acc.try_emplace(std::string(it.member), v);
        if (!inserted) AggregateInto(&pos->second, v, agg);
      });
    }
    out.reserve(acc.size());
    for (auto& [m, s] : acc) out.emplace_back(m, s);
  } else {
    src[0].ForEach([&](ZItem it) {
      for (size_t k = 1; k < src.size(); ++k) {
        double other;
        if (src[k].Score(it.member, &other)) return;
      }
      out.emplace_back(std::string(it.member), it.score);
    });
  }

  if (store) {
    const size_t n = out.size();
    const bool existed = StoreZSet(ctx.db(), dst, std::move(out), MaxEntries(ctx), MaxValue(ctx));
    static constexpr std::string_view kEvents[] = {"zunionstore", "zinterstore", "zdiffstore"};
    if (n) {
      ctx.Notify(notify::kZset, kEvents[static_cast<int>(op)], dst);
    } else if (existed) {
      ctx.Notify(notify::kGeneric, "del", dst);
    }
    return ctx.rb.SendLong(static_cast<long long>(n));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second < b.second || (a.second == b.second && a.first < b.first);
  });
  if (withscores) {
    ctx.rb.StartPairArray(out.size());
  } else {
    ctx.rb.StartArray(out.size());
  }
  for (const auto& [m, s] : out) {
    if (withscores) ctx.rb.StartPair();
    ctx.rb.SendBulk(m);
    if (withscores) ctx.rb.SendDouble(s);
  }
}

// ZUNION numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]
void CmdZUnion(CmdArgs argv, CommandContext& ctx) {
  SetOpGeneric(argv, ctx, {}, 1, SetOp::kUnion, false);
}
// ZINTER numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]
void CmdZInter(CmdArgs argv, CommandContext& ctx) {
  SetOpGeneric(argv, ctx, {}, 1, SetOp::kInter, false);
}
// ZDIFF numkeys key [key ...] [WITHSCORES]
void CmdZDiff(CmdArgs argv, CommandContext& ctx) {
  SetOpGeneric(argv, ctx, {}, 1, SetOp::kDiff, false);
}
// ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE ...]
void CmdZUnionStore(CmdArgs argv, CommandContext& ctx) {
  SetOpGeneric(argv, ctx, argv[1], 2, SetOp::kUnion, false);
}
// ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE ...]
void CmdZInterStore(CmdArgs argv, CommandContext& ctx) {
  SetOpGeneric(argv, ctx, argv[1], 2, SetOp::kInter, false);
}
// ZDIFFSTORE destination numkeys key [key ...]
void CmdZDiffStore(CmdArgs argv, CommandContext& ctx) {
  SetOpGeneric(argv, ctx, argv[1], 2, SetOp::kDiff, false);
}
// ZINTERCARD numkeys key [key ...] [LIMIT limit]
void CmdZInterCard(CmdArgs argv, CommandContext& ctx) {
  SetOpGeneric(argv, ctx, {}, 1, SetOp::kInter, true);
}

// --- ZSCAN ------------------------------------------------------------------------------------

// ZSCAN key cursor [MATCH pattern] [COUNT count]
void CmdZScan(CmdArgs argv, CommandContext& ctx) {
  std::string text(argv[2]);
  if (!text.empty() && std::isspace(static_cast<unsigned char>(text[0]))) {
    return ctx.rb.SendError(protocol::kErrInvalidCursor);
  }
  errno = 0;
  char* end = nullptr;
  unsigned long long cursor = std::strtoull(text.c_str(), &end, 10);
  if (*end != '\0' || errno == ERANGE) return ctx.rb.SendError(protocol::kErrInvalidCursor);
  ArgParser parser(argv.subspan(3));
  long count = 10;
  std::string_view pattern;
  bool use_pattern = false;
  while (parser.HasNext()) {
    if (parser.Check("COUNT", &count)) {
      if (parser.Ok() && count < 1) parser.Fail();
    } else if (parser.Check("MATCH", &pattern)) {
      use_pattern = pattern != "*";
    } else {
      parser.Fail();
    }
  }
  if (!parser.Finalize()) return ctx.rb.SendError(parser.ErrorText());
  auto r = FindZSet(ctx.db(), argv[1]);
  if (ReplyError(r.status(), ctx.rb)) return;
  std::vector<std::pair<std::string, double>> items;
  uint64_t next = 0;
  bool compact = false;
  if (r.ok()) {
    ZSet z(*r);
    // A listpack is returned whole in one call, as Redis does; a skiplist is scanned through its
    // member index like Redis's dict.
    compact = z.compact();
    if (compact) {
      z.Visit(0, z.Size(), false,
              [&](ZItem it) { items.emplace_back(std::string(it.member), it.score); });
    } else {
      // Redis's scanGenericCommand: steps until `count` elements or 10 * count steps.
      long budget = count > LONG_MAX / 10 ? LONG_MAX : count * 10;
      next = cursor;
      do {
        next =
            z.Scan(next, [&](ZItem it) { items.emplace_back(std::string(it.member), it.score); });
      } while (next && budget-- && items.size() < static_cast<size_t>(count));
    }
  }
  if (use_pattern) {
    std::erase_if(items, [&](const auto& it) { return !engine::GlobMatch(pattern, it.first); });
  }
  ctx.rb.StartArray(2);
  ctx.rb.SendBulk(engine::LLToString(static_cast<long long>(next)));
  ctx.rb.StartArray(items.size() * 2);
  char buf[engine::kMaxDoubleChars];
  for (const auto& [m, s] : items) {
    ctx.rb.SendBulk(m);
    // A listpack holds integral scores as integers, printed as such; others go through
    // d2string.
    int64_t as_int;
    if (compact && engine::ListpackScoreAsInt(s, &as_int)) {
      ctx.rb.SendBulk(std::string_view(buf, engine::LLToString(buf, as_int)));
    } else {
      ctx.rb.SendBulk(std::string_view(buf, engine::DoubleToString(buf, s)));
    }
  }
}

}  // namespace

void RegisterZSetFamily(CommandTable& table) {
  constexpr uint32_t kW = kWrite, kR = kReadOnly, kD = kDenyOom, kF = kFast;
  table.Register({.name = "zadd",
                  .arity = -4,
                  .flags = kW | kD | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZAdd});
  table.Register({.name = "zincrby",
                  .arity = 4,
                  .flags = kW | kD | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZIncrBy});
  table.Register({.name = "zcard",
                  .arity = 2,
                  .flags = kR | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZCard});
  table.Register({.name = "zcount",
                  .arity = 4,
                  .flags = kR | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZCount});
  table.Register({.name = "zlexcount",
                  .arity = 4,
                  .flags = kR | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZLexCount});
  table.Register({.name = "zscore",
                  .arity = 3,
                  .flags = kR | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZScore});
  table.Register({.name = "zmscore",
                  .arity = -3,
                  .flags = kR | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZMScore});
  table.Register({.name = "zrank",
                  .arity = 3,
                  .flags = kR | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRank});
  table.Register({.name = "zrevrank",
                  .arity = 3,
                  .flags = kR | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRevRank});
  table.Register({.name = "zrange",
                  .arity = -4,
                  .flags = kR,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRange});
  table.Register({.name = "zrevrange",
                  .arity = -4,
                  .flags = kR,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRevRange});
  table.Register({.name = "zrangebyscore",
                  .arity = -4,
                  .flags = kR,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRangeByScore});
  table.Register({.name = "zrevrangebyscore",
                  .arity = -4,
                  .flags = kR,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRevRangeByScore});
  table.Register({.name = "zrangebylex",
                  .arity = -4,
                  .flags = kR,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRangeByLex});
  table.Register({.name = "zrevrangebylex",
                  .arity = -4,
                  .flags = kR,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRevRangeByLex});
  table.Register({.name = "zrangestore",
                  .arity = -5,
                  .flags = kW | kD,
                  .first_key = 1,
                  .last_key = 2,
                  .step = 1,
                  .handler = &CmdZRangeStore});
  table.Register({.name = "zrem",
                  .arity = -3,
                  .flags = kW | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRem});
  table.Register({.name = "zremrangebyrank",
                  .arity = 4,
                  .flags = kW,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRemRangeByRank});
  table.Register({.name = "zremrangebyscore",
                  .arity = 4,
                  .flags = kW,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRemRangeByScore});
  table.Register({.name = "zremrangebylex",
                  .arity = 4,
                  .flags = kW,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRemRangeByLex});
  table.Register({.name = "zpopmin",
                  .arity = -2,
                  .flags = kW | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZPopMin});
  table.Register({.name = "zpopmax",
                  .arity = -2,
                  .flags = kW | kF,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZPopMax});
  table.Register({.name = "bzpopmin",
                  .arity = -3,
                  .flags = kW | kNoScript | kBlocking | kF,
                  .first_key = 1,
                  .last_key = -2,
                  .step = 1,
                  .handler = &CmdBZPopMin});
  table.Register({.name = "bzpopmax",
                  .arity = -3,
                  .flags = kW | kNoScript | kBlocking | kF,
                  .first_key = 1,
                  .last_key = -2,
                  .step = 1,
                  .handler = &CmdBZPopMax});
  table.Register({.name = "bzmpop",
                  .arity = -5,
                  .flags = kW | kBlocking | kMovableKeys,
                  .handler = &CmdBZMPop});
  table.Register({.name = "zmpop", .arity = -4, .flags = kW | kMovableKeys, .handler = &CmdZMPop});
  table.Register({.name = "zrandmember",
                  .arity = -2,
                  .flags = kR,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZRandMember});
  table.Register(
      {.name = "zunion", .arity = -3, .flags = kR | kMovableKeys, .handler = &CmdZUnion});
  table.Register(
      {.name = "zinter", .arity = -3, .flags = kR | kMovableKeys, .handler = &CmdZInter});
  table.Register({.name = "zdiff", .arity = -3, .flags = kR | kMovableKeys, .handler = &CmdZDiff});
  table.Register(
      {.name = "zintercard", .arity = -3, .flags = kR | kMovableKeys, .handler = &CmdZInterCard});
  table.Register({.name = "zunionstore",
                  .arity = -4,
                  .flags = kW | kD | kMovableKeys,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZUnionStore});
  table.Register({.name = "zinterstore",
                  .arity = -4,
                  .flags = kW | kD | kMovableKeys,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZInterStore});
  table.Register({.name = "zdiffstore",
                  .arity = -4,
                  .flags = kW | kD | kMovableKeys,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZDiffStore});
  table.Register({.name = "zscan",
                  .arity = -3,
                  .flags = kR,
                  .first_key = 1,
                  .last_key = 1,
                  .step = 1,
                  .handler = &CmdZScan});
}

}  // namespace tandem::commands
