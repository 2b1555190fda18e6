// String commands: SET GET GETEX GETDEL GETSET SETNX SETEX PSETEX MSET MSETNX MGET APPEND STRLEN
// SETRANGE GETRANGE SUBSTR INCR DECR INCRBY DECRBY INCRBYFLOAT LCS, with Redis 7.0.15's
// replies, errors and encodings (t_string.c). Engine work lives in string_ops.cc.
#include <algorithm>
#include <climits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "protocol/errors.h"
#include "server/commands/arg_parser.h"
#include "server/commands/families.h"
#include "server/commands/string_ops.h"
#include "server/engine/numbers.h"
#include "server/keyspace_events.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

using protocol::ReplyBuilder;

// Sends the error for a failed Op. Returns true if `status` was an error.
bool ReplyError(OpStatus status, ReplyBuilder& rb) {
  std::string_view err = OpStatusError(status);
  if (err.empty()) return false;
  rb.SendError(err);
  return true;
}

unsigned long long MaxBulkLen(CommandContext& ctx) {
  return ctx.server.config().proto_max_bulk_len;
}

// --- SET / GETEX options ---------------------------------------------------------------------

enum class ExpireKind : uint8_t { kNone, kEx, kPx, kExAt, kPxAt };

struct ExtendedOptions {
  bool nx = false;
  bool xx = false;
  bool get = false;
  bool keep_ttl = false;
  bool persist = false;
  ExpireKind expire = ExpireKind::kNone;
  std::string_view expire_arg;
};

// Redis's parseExtendedStringArgumentsOrReply for SET (is_set) or GETEX: an option that
// conflicts with an earlier one is a syntax error, but repeating an option is accepted.
bool ParseExtendedOptions(CmdArgs args, bool is_set, ExtendedOptions* o) {
  ArgParser parser(args);
  // An expiry option may follow no other expiry kind (nor KEEPTTL / PERSIST).
  auto expire_ok = [&](ExpireKind kind) {
    return !o->keep_ttl && !o->persist && (o->expire == ExpireKind::kNone || o->expire == kind);
  };
  auto check_expire = [&](std::string_view token, ExpireKind kind) {
    if (!expire_ok(kind) || !parser.Check(token, &o->expire_arg)) return false;
    o->expire = kind;
    return true;
  };
  while (parser.HasNext()) {
    const bool timed = o->expire != ExpireKind::kNone;
    if (is_set && !o->xx && parser.Check("NX")) {
      o->nx = true;
    } else if (is_set && !o->nx && parser.Check("XX")) {
      o->xx = true;
    } else if (is_set && parser.Check("GET")) {
      o->get = true;
    } else if (is_set && !o->persist && !timed && parser.Check("KEEPTTL")) {
      o->keep_ttl = true;
    } else if (!is_set && !timed && !o->keep_ttl && parser.Check("PERSIST")) {
      o->persist = true;
    } else if (!check_expire("EX", ExpireKind::kEx) && !check_expire("PX", ExpireKind::kPx) &&
               !check_expire("EXAT", ExpireKind::kExAt) &&
               !check_expire("PXAT", ExpireKind::kPxAt)) {
      parser.Fail();
    }
  }
  return parser.Finalize();
}

// Turns an EX / PX / EXAT / PXAT argument into an absolute time in ms, as setGenericCommand
// and getexCommand do; returns the error text on failure, "" on success.
std::string ResolveExpire(ExpireKind kind, std::string_view arg, CommandContext& ctx,
                          int64_t* when) {
  long long ms;
  if (!engine::StringToLL(arg, &ms)) return std::string(protocol::kErrNotInteger);
  const bool seconds = kind == ExpireKind::kEx || kind == ExpireKind::kExAt;
  if (ms <= 0 || (seconds && ms > LLONG_MAX / 1000)) {
    return protocol::InvalidExpireError(ctx.cmd.name);
  }
  if (seconds) ms *= 1000;
  if (kind == ExpireKind::kEx || kind == ExpireKind::kPx) {
    // Wraps like Redis's signed addition; a wrapped (negative) time is rejected below.
    ms = static_cast<long long>(static_cast<unsigned long long>(ms) +
                                static_cast<unsigned long long>(ctx.server.dbs().now_ms()));
  }
  if (ms <= 0) return protocol::InvalidExpireError(ctx.cmd.name);
  *when = ms;
  return "";
}

// SET/SETNX/SETEX/PSETEX/GETSET core (setGenericCommand). `ok_reply` false replies 1/0 (SETNX).
void SetGeneric(CommandContext& ctx, std::string_view key, std::string_view value,
                const ExtendedOptions& o, bool ok_reply = true) {
  SetParams params;
  if (o.expire != ExpireKind::kNone) {
    std::string err = ResolveExpire(o.expire, o.expire_arg, ctx, &params.expire_at_ms);
    if (!err.empty()) return ctx.rb.SendError(err);
    params.has_expire = true;
  }
  params.keep_ttl = o.keep_ttl;
  params.get_old = o.get;
  if (o.nx) params.condition = SetParams::Condition::kIfAbsent;
  if (o.xx) params.condition = SetParams::Condition::kIfPresent;
  OpResult<SetOutcome> r = OpSet(ctx.db(), key, value, params);
  if (ReplyError(r.status(), ctx.rb)) return;
  if (r->stored) {
    ctx.Notify(notify::kString, "set", key);
    if (params.has_expire) ctx.Notify(notify::kGeneric, "expire", key);
  }
  if (o.get) {
    r->had_old ? ctx.rb.SendBulk(r->old_value) : ctx.rb.SendNull();
  } else if (!ok_reply) {
    ctx.rb.SendLong(r->stored ? 1 : 0);
  } else if (r->stored) {
    ctx.rb.SendOk();
  } else {
    ctx.rb.SendNull();
  }
}

// SET key value [NX | XX] [GET] [EX seconds | PX ms | EXAT unix-s | PXAT unix-ms | KEEPTTL]
void CmdSet(CmdArgs argv, CommandContext& ctx) {
  ExtendedOptions o;
  if (!ParseExtendedOptions(argv.subspan(3), /*is_set=*/true, &o)) {
    return ctx.rb.SendError(protocol::kErrSyntax);
  }
  SetGeneric(ctx, argv[1], argv[2], o);
}

// SETNX key value
void CmdSetNx(CmdArgs argv, CommandContext& ctx) {
  ExtendedOptions o;
  o.nx = true;
  SetGeneric(ctx, argv[1], argv[2], o, /*ok_reply=*/false);
}

// SETEX key seconds value
void CmdSetEx(CmdArgs argv, CommandContext& ctx) {
  ExtendedOptions o;
  o.expire = ExpireKind::kEx;
  o.expire_arg = argv[2];
  SetGeneric(ctx, argv[1], argv[3], o);
}

// PSETEX key milliseconds value
void CmdPSetEx(CmdArgs argv, CommandContext& ctx) {
  ExtendedOptions o;
  o.expire = ExpireKind::kPx;
  o.expire_arg = argv[2];
  SetGeneric(ctx, argv[1], argv[3], o);
}

// GETSET key value
void CmdGetSet(CmdArgs argv, CommandContext& ctx) {
  ExtendedOptions o;
  o.get = true;
  SetGeneric(ctx, argv[1], argv[2], o);
}

// GET key
void CmdGet(CmdArgs argv, CommandContext& ctx) {
  IntBuf buf;
  OpResult<std::string_view> r = OpGet(ctx.db(), argv[1], buf);
  if (ReplyError(r.status(), ctx.rb)) return;
  r.ok() ? ctx.rb.SendBulk(*r) : ctx.rb.SendNull();
}

// GETEX key [EX seconds | PX ms | EXAT unix-s | PXAT unix-ms | PERSIST]
void CmdGetEx(CmdArgs argv, CommandContext& ctx) {
  ExtendedOptions o;
  if (!ParseExtendedOptions(argv.subspan(2), /*is_set=*/false, &o)) {
    return ctx.rb.SendError(protocol::kErrSyntax);
  }
  GetExParams params;
  std::string expire_error;
  if (o.expire != ExpireKind::kNone) {
    expire_error = ResolveExpire(o.expire, o.expire_arg, ctx, &params.expire_at_ms);
    if (expire_error.empty()) params.expiry = GetExParams::Expiry::kSet;
  } else if (o.persist) {
    params.expiry = GetExParams::Expiry::kPersist;
  }
  // Like Redis, a bad expiry is reported only for an existing string: a missing key still
  // replies null and another type WRONGTYPE (the Op then changes nothing).
  OpResult<std::string> r = OpGetEx(ctx.db(), argv[1], params, ctx.server.dbs().now_ms());
  if (ReplyError(r.status(), ctx.rb)) return;
  if (!r.ok()) return ctx.rb.SendNull();
  if (!expire_error.empty()) return ctx.rb.SendError(expire_error);
  if (params.expiry == GetExParams::Expiry::kSet) {
    ctx.Notify(notify::kGeneric, "expire", argv[1]);
  } else if (params.expiry == GetExParams::Expiry::kPersist) {
    ctx.Notify(notify::kGeneric, "persist", argv[1]);
  }
  ctx.rb.SendBulk(*r);
}

// GETDEL key
void CmdGetDel(CmdArgs argv, CommandContext& ctx) {
  OpResult<std::string> r = OpGetDel(ctx.db(), argv[1]);
  if (ReplyError(r.status(), ctx.rb)) return;
  if (r.ok()) ctx.Notify(notify::kGeneric, "del", argv[1]);
  r.ok() ? ctx.rb.SendBulk(*r) : ctx.rb.SendNull();
}

// MGET key [key ...]
void CmdMGet(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.StartArray(argv.size() - 1);
  OpMGet(ctx.db(), argv.subspan(1), [&](std::optional<std::string_view> value) {
    value ? ctx.rb.SendBulk(*value) : ctx.rb.SendNull();
  });
}

// MSET key value [key value ...]
void CmdMSet(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() % 2 == 0) return ctx.rb.SendError(protocol::WrongNumArgsError(ctx.cmd.name));
  OpMSet(ctx.db(), argv.subspan(1),
         [&](std::string_view key) { ctx.Notify(notify::kString, "set", key); });
  ctx.rb.SendOk();
}

// MSETNX key value [key value ...]
void CmdMSetNx(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() % 2 == 0) return ctx.rb.SendError(protocol::WrongNumArgsError(ctx.cmd.name));
  const bool stored = OpMSetNx(ctx.db(), argv.subspan(1), [&](std::string_view key) {
    ctx.Notify(notify::kString, "set", key);
  });
  ctx.rb.SendLong(stored ? 1 : 0);
}

// APPEND key value
void CmdAppend(CmdArgs argv, CommandContext& ctx) {
  OpResult<size_t> r = OpAppend(ctx.db(), argv[1], argv[2], MaxBulkLen(ctx));
  if (ReplyError(r.status(), ctx.rb)) return;
  ctx.Notify(notify::kString, "append", argv[1]);
  ctx.rb.SendLong(static_cast<long long>(*r));
}

// STRLEN key
void CmdStrLen(CmdArgs argv, CommandContext& ctx) {
  OpResult<size_t> r = OpStrLen(ctx.db(), argv[1]);
  if (ReplyError(r.status(), ctx.rb)) return;
  ctx.rb.SendLong(static_cast<long long>(*r));
}

// SETRANGE key offset value
void CmdSetRange(CmdArgs argv, CommandContext& ctx) {
  long long offset;
  if (!engine::StringToLL(argv[2], &offset)) return ctx.rb.SendError(protocol::kErrNotInteger);
  if (offset < 0) return ctx.rb.SendError(protocol::kErrOffsetOutOfRange);
  OpResult<size_t> r = OpSetRange(ctx.db(), argv[1], static_cast<unsigned long long>(offset),
                                  argv[3], MaxBulkLen(ctx));
  if (ReplyError(r.status(), ctx.rb)) return;
  if (!argv[3].empty()) ctx.Notify(notify::kString, "setrange", argv[1]);
  ctx.rb.SendLong(static_cast<long long>(*r));
}

// GETRANGE key start end  (and SUBSTR key start end)
void CmdGetRange(CmdArgs argv, CommandContext& ctx) {
  long long start, end;
  if (!engine::StringToLL(argv[2], &start) || !engine::StringToLL(argv[3], &end)) {
    return ctx.rb.SendError(protocol::kErrNotInteger);
  }
  IntBuf buf;
  OpResult<std::string_view> r = OpGetRange(ctx.db(), argv[1], start, end, buf);
  if (ReplyError(r.status(), ctx.rb)) return;
  ctx.rb.SendBulk(*r);
}

// --- Counters --------------------------------------------------------------------------------

void IncrBy(CommandContext& ctx, std::string_view key, long long incr) {
  OpResult<long long> r = OpIncrBy(ctx.db(), key, incr);
  if (ReplyError(r.status(), ctx.rb)) return;
  ctx.Notify(notify::kString, "incrby", key);
  ctx.rb.SendLong(*r);
}

// INCR key
void CmdIncr(CmdArgs argv, CommandContext& ctx) { IncrBy(ctx, argv[1], 1); }

// DECR key
void CmdDecr(CmdArgs argv, CommandContext& ctx) { IncrBy(ctx, argv[1], -1); }

// INCRBY key increment
void CmdIncrBy(CmdArgs argv, CommandContext& ctx) {
  long long incr;
  if (!engine::StringToLL(argv[2], &incr)) return ctx.rb.SendError(protocol::kErrNotInteger);
  IncrBy(ctx, argv[1], incr);
}

// DECRBY key decrement
void CmdDecrBy(CmdArgs argv, CommandContext& ctx) {
  long long decr;
  if (!engine::StringToLL(argv[2], &decr)) return ctx.rb.SendError(protocol::kErrNotInteger);
  if (decr == LLONG_MIN) return ctx.rb.SendError(protocol::kErrDecrementOverflow);
  IncrBy(ctx, argv[1], -decr);
}

// INCRBYFLOAT key increment
void CmdIncrByFloat(CmdArgs argv, CommandContext& ctx) {
  OpResult<std::string> r = OpIncrByFloat(ctx.db(), argv[1], argv[2]);
  if (ReplyError(r.status(), ctx.rb)) return;
  ctx.Notify(notify::kString, "incrbyfloat", argv[1]);
  ctx.rb.SendBulk(*r);
}

// --- LCS -------------------------------------------------------------------------------------

struct LcsOptions {
  bool len = false;
  bool idx = false;
  bool with_match_len = false;
  long long min_match_len = 0;
};

// Parses LCS's options; on failure sends the error and returns false.
bool ParseLcsOptions(CmdArgs args, CommandContext& ctx, LcsOptions* o) {
  ArgParser parser(args);
  while (parser.HasNext()) {
    if (parser.Check("IDX")) {
      o->idx = true;
    } else if (parser.Check("LEN")) {
      o->len = true;
    } else if (parser.Check("WITHMATCHLEN")) {
      o->with_match_len = true;
    } else if (parser.Remaining() >= 2 && parser.Check("MINMATCHLEN", &o->min_match_len)) {
      if (o->min_match_len < 0) o->min_match_len = 0;
    } else {
      parser.Fail();
    }
  }
  if (!parser.Finalize()) {
    ctx.rb.SendError(parser.ErrorText());
    return false;
  }
  if (o->idx && o->len) {
    ctx.rb.SendError(protocol::kErrLcsLenAndIdx);
    return false;
  }
  return true;
}

// The LCS length of a and b with two DP rows (LEN needs no backtracking).
uint32_t LcsLength(std::string_view a, std::string_view b) {
  std::vector<uint32_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

struct LcsRange {
  uint32_t a_start, a_end, b_start, b_end;
};

// Walks the DP table back from the end as Redis does (preferring to drop a byte of `b` on
// ties), collecting the LCS string and its matching ranges, last match first.
void LcsBacktrack(std::string_view a, std::string_view b, const uint32_t* dp, std::string* lcs,
                  std::vector<LcsRange>* ranges) {
  const size_t stride = b.size() + 1;
  auto at = [&](size_t i, size_t j) { return dp[i * stride + j]; };
  size_t idx = at(a.size(), b.size());
  lcs->assign(idx, '\0');
  size_t i = a.size(), j = b.size();
  bool open = false;
  LcsRange cur{};
  while (i > 0 && j > 0) {
    bool emit = false;
    if (a[i - 1] == b[j - 1]) {
      (*lcs)[idx - 1] = a[i - 1];
      if (!open) {
        cur = {uint32_t(i - 1), uint32_t(i - 1), uint32_t(j - 1), uint32_t(j - 1)};
        open = true;
      } else {
        --cur.a_start;  // consecutive matches always extend the range backwards
        --cur.b_start;
      }
      if (cur.a_start == 0 || cur.b_start == 0) emit = true;
      --idx, --i, --j;
    } else {
      if (at(i - 1, j) > at(i, j - 1)) {
        --i;
      } else {
        --j;
      }
      if (open) emit = true;
    }
    if (emit) {
      ranges->push_back(cur);
      open = false;
    }
  }
}

void ReplyLcsIdx(CommandContext& ctx, const LcsOptions& o, const std::vector<LcsRange>& ranges,
                 uint32_t len) {
  ReplyBuilder& rb = ctx.rb;
  size_t shown = 0;
  for (const LcsRange& r : ranges) {
    if (o.min_match_len == 0 || r.a_end - r.a_start + 1 >= o.min_match_len) ++shown;
  }
  rb.StartMap(2);
  rb.SendBulk("matches");
  rb.StartArray(shown);
  for (const LcsRange& r : ranges) {
    const uint32_t match_len = r.a_end - r.a_start + 1;
    if (o.min_match_len != 0 && match_len < o.min_match_len) continue;
    rb.StartArray(o.with_match_len ? 3 : 2);
    rb.StartArray(2);
    rb.SendLong(r.a_start);
    rb.SendLong(r.a_end);
    rb.StartArray(2);
    rb.SendLong(r.b_start);
    rb.SendLong(r.b_end);
    if (o.with_match_len) rb.SendLong(match_len);
  }
  rb.SendBulk("len");
  rb.SendLong(len);
}

// LCS key1 key2 [LEN] [IDX] [MINMATCHLEN min-match-len] [WITHMATCHLEN]
void CmdLcs(CmdArgs argv, CommandContext& ctx) {
  // Like Redis, the types are checked before the options are parsed.
  IntBuf buf_a, buf_b;
  auto inputs = OpLcsInputs(ctx.db(), argv[1], argv[2], buf_a, buf_b);
  if (!inputs.ok()) return ctx.rb.SendError(protocol::kErrLcsNotStrings);
  const auto [a, b] = *inputs;
  LcsOptions o;
  if (!ParseLcsOptions(argv.subspan(3), ctx, &o)) return;
  if (a.size() >= UINT32_MAX - 1 || b.size() >= UINT32_MAX - 1) {
    return ctx.rb.SendError(protocol::kErrLcsTooLong);
  }
  const unsigned long long cells = (a.size() + 1ull) * (b.size() + 1ull);
  if (cells * sizeof(uint32_t) > MaxBulkLen(ctx)) {
    return ctx.rb.SendError(protocol::kErrLcsExceedsMaxBulk);
  }
  if (o.len) return ctx.rb.SendLong(LcsLength(a, b));
  std::unique_ptr<uint32_t[]> dp(new (std::nothrow) uint32_t[cells]);
  if (!dp) return ctx.rb.SendError(protocol::kErrLcsAllocFailed);
  const size_t stride = b.size() + 1;
  for (size_t j = 0; j <= b.size(); ++j) dp[j] = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    uint32_t* row = &dp[i * stride];
    const uint32_t* up = row - stride;
    row[0] = 0;
    for (size_t j = 1; j <= b.size(); ++j) {
      row[j] = a[i - 1] == b[j - 1] ? up[j - 1] + 1 : std::max(up[j], row[j - 1]);
    }
  }
  std::string lcs;
  std::vector<LcsRange> ranges;
  LcsBacktrack(a, b, dp.get(), &lcs, &ranges);
  if (o.idx) return ReplyLcsIdx(ctx, o, ranges, dp[cells - 1]);
  ctx.rb.SendBulk(lcs);
}

}  // namespace

void RegisterStringFamily(CommandTable& table) {
  // One command per two lines, like the table they come from.
  // clang-format off
  table.Register({.name = "get", .arity = 2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdGet});
  table.Register({.name = "set", .arity = -3, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSet});
  table.Register({.name = "setnx", .arity = 3, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSetNx});
  table.Register({.name = "setex", .arity = 4, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSetEx});
  table.Register({.name = "psetex", .arity = 4, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdPSetEx});
  table.Register({.name = "getset", .arity = 3, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdGetSet});
  table.Register({.name = "getex", .arity = -2, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdGetEx});
  table.Register({.name = "getdel", .arity = 2, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdGetDel});
  table.Register({.name = "mget", .arity = -2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdMGet});
  table.Register({.name = "mset", .arity = -3, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = -1, .step = 2, .handler = &CmdMSet});
  table.Register({.name = "msetnx", .arity = -3, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = -1, .step = 2, .handler = &CmdMSetNx});
  table.Register({.name = "append", .arity = 3, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdAppend});
  table.Register({.name = "strlen", .arity = 2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdStrLen});
  table.Register({.name = "setrange", .arity = 4, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSetRange});
  table.Register({.name = "getrange", .arity = 4, .flags = kReadOnly,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdGetRange});
  table.Register({.name = "substr", .arity = 4, .flags = kReadOnly,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdGetRange});
  table.Register({.name = "incr", .arity = 2, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdIncr});
  table.Register({.name = "decr", .arity = 2, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdDecr});
  table.Register({.name = "incrby", .arity = 3, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdIncrBy});
  table.Register({.name = "decrby", .arity = 3, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdDecrBy});
  table.Register({.name = "incrbyfloat", .arity = 3, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdIncrByFloat});
  table.Register({.name = "lcs", .arity = -3, .flags = kReadOnly,
                  .first_key = 1, .last_key = 2, .step = 1, .handler = &CmdLcs});
  // clang-format on
}

}  // namespace tandem::commands
