// Keyspace commands with Redis 7.0.15's replies and errors (db.c, expire.c, object.c):
// DEL UNLINK EXISTS TYPE TOUCH RENAME RENAMENX COPY MOVE SWAPDB SELECT DBSIZE FLUSHDB FLUSHALL
// KEYS SCAN RANDOMKEY, the expiry commands EXPIRE PEXPIRE EXPIREAT PEXPIREAT PERSIST TTL PTTL
// EXPIRETIME PEXPIRETIME, and OBJECT ENCODING|FREQ|IDLETIME|REFCOUNT|HELP.
#include "server/commands/keys_family.h"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/errors.h"
#include "server/commands/arg_parser.h"
#include "server/commands/families.h"
#include "server/commands/keys_ops.h"
#include "server/engine/database.h"
#include "server/engine/glob.h"
#include "server/engine/key_write.h"
#include "server/engine/numbers.h"
#include "server/keyspace_events.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

using engine::Database;
using engine::DbSet;
using engine::Entry;
using engine::KeyWrite;
using protocol::ReplyBuilder;

// Redis's OBJ_SHARED_INTEGERS and OBJ_SHARED_REFCOUNT: values 0..9999 stored as integers are
// one shared object, whose OBJECT REFCOUNT is INT_MAX.
constexpr long long kSharedIntegers = 10000;
constexpr int kSharedRefcount = INT_MAX;

// --- Argument helpers --------------------------------------------------------------------------

// Redis's getIntFromObjectOrReply: a canonical integer in the int range. Returns the error
// text, empty on success: with an empty `msg` "not an integer" or Redis's range text,
// otherwise `msg` for both.
std::string_view ParseInt(std::string_view arg, int* out, std::string_view msg = {}) {
  long long v;
  if (!engine::StringToLL(arg, &v)) return msg.empty() ? protocol::kErrNotInteger : msg;
  if (v < INT_MIN || v > INT_MAX) return msg.empty() ? protocol::kErrIntRange : msg;
  *out = static_cast<int>(v);
  return {};
}

// A DB index argument (SELECT, MOVE, COPY ... DB): parsed as an int, then checked against the
// number of databases. Returns the error text, empty when the index is usable.
std::string_view ParseDbIndex(std::string_view arg, CommandContext& ctx, int* index) {
  if (std::string_view err = ParseInt(arg, index); !err.empty()) return err;
  if (*index < 0 || *index >= ctx.server.dbs().count()) return protocol::kErrDbIndexOutOfRange;
  return {};
}

// Redis's parseScanCursorOrReply: strtoul() over the whole argument read as a C string (so
// "-1" wraps to 2^64-1, "" is 0 and bytes after a NUL are ignored), no leading space.
bool ParseScanCursor(std::string_view arg, uint64_t* cursor) {
  std::string text(arg);
  if (!text.empty() && std::isspace(static_cast<unsigned char>(text[0]))) return false;
  errno = 0;
  char* end = nullptr;
  unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (*end != '\0' || errno == ERANGE) return false;
  *cursor = v;
  return true;
}

// FLUSHDB / FLUSHALL [ASYNC | SYNC]: whether to free in the background (by default as
// lazyfree-lazy-user-flush says). Sends the error and returns false on failure.
bool ParseFlushMode(CmdArgs argv, CommandContext& ctx, bool* async) {
  *async = ctx.server.config().lazyfree_lazy_user_flush;
  ArgParser parser(argv.subspan(1));
  if (parser.HasNext()) *async = parser.MapNext("SYNC", false, "ASYNC", true);
  if (parser.Finalize()) return true;
  ctx.rb.SendError(parser.ErrorText());
  return false;
}

bool PolicyIsLfu(const Config& config) {
  return config.maxmemory_policy.find("lfu") != std::string::npos;
}

}  // namespace

// --- Ops: engine work only, declared in keys_ops.h ---------------------------------------------

long long OpDelete(Database& db, CmdArgs keys, bool lazy) {
  long long deleted = 0;
  for (std::string_view key : keys) {
    KeyWrite w(db, key, Database::kNoTouch);
    if (!w.entry()) continue;
    w.Delete(lazy);
    ++deleted;
  }
  return deleted;
}

long long OpCountExisting(Database& db, CmdArgs keys, unsigned flags) {
  long long n = 0;
  for (std::string_view key : keys) n += db.FindRead(key, flags) != nullptr;
  return n;
}

std::string_view OpType(Database& db, std::string_view key) {
  const Entry* e = db.FindRead(key, Database::kNoTouch);
  return e ? engine::TypeName(e->type()) : "none";
}

MoveOutcome OpRename(Database& db, std::string_view src, std::string_view dst, bool nx) {
  if (!db.Find(src)) return MoveOutcome::kNoSource;
  if (src == dst) return nx ? MoveOutcome::kTargetExists : MoveOutcome::kDone;
  KeyWrite target(db, dst);
  if (target.entry()) {
    if (nx) return MoveOutcome::kTargetExists;
    target.Delete();
  }
  KeyWrite source(db, src, Database::kNoTouch);
  target.Adopt(Entry::Rekey(source.Detach(), dst));
  source.Commit();
  target.Commit();
  return MoveOutcome::kDone;
}

MoveOutcome OpCopy(DbSet& dbs, Database& src, std::string_view key, Database& dst,
                   std::string_view dst_key, bool replace) {
  const Entry* source = src.FindRead(key);
  if (!source) return MoveOutcome::kNoSource;
  KeyWrite target(dst, dst_key);
  if (target.entry() && !replace) return MoveOutcome::kTargetExists;
  Entry* copy = Entry::Clone(source, dst_key);
  copy->set_lru(dbs.NewEntryLru());
  if (target.entry()) target.Delete();
  target.Adopt(copy);
  return MoveOutcome::kDone;
}

MoveOutcome OpMove(Database& src, Database& dst, std::string_view key) {
  KeyWrite source(src, key);
  if (!source.entry()) return MoveOutcome::kNoSource;
  KeyWrite target(dst, key);
  if (target.entry()) return MoveOutcome::kTargetExists;
  target.Adopt(source.Detach());
  source.Commit();
  target.Commit();
  return MoveOutcome::kDone;
}

int OpExpire(Database& db, std::string_view key, int64_t when_ms, unsigned flags, int64_t now_ms) {
  KeyWrite w(db, key);
  if (!w.entry()) return 0;
  if (flags) {
    // No TTL counts as an infinite one: GT always fails, LT always passes.
    const bool has = w.entry()->has_expire();
    const int64_t current = has ? w.entry()->expire_at() : -1;
    if ((flags & kExpireNx) && has) return 0;
    if ((flags & kExpireXx) && !has) return 0;
    if ((flags & kExpireGt) && (!has || when_ms <= current)) return 0;
    if ((flags & kExpireLt) && has && when_ms >= current) return 0;
  }
  if (when_ms <= now_ms) {
    w.Delete();
  } else {
    w.SetExpire(when_ms);
  }
  return 1;
}

int OpPersist(Database& db, std::string_view key) {
  KeyWrite w(db, key);
  return w.entry() && w.Persist() ? 1 : 0;
}

long long OpTtl(Database& db, std::string_view key, bool ms, bool absolute, int64_t now_ms) {
  const Entry* e = db.FindRead(key, Database::kNoTouch);
  if (!e) return -2;
  if (!e->has_expire()) return -1;
  long long ttl = absolute ? e->expire_at() : e->expire_at() - now_ms;
  if (ttl < 0) ttl = 0;
  return ms ? ttl : (ttl + 500) / 1000;
}

std::vector<std::string> OpScan(Database& db, uint64_t* cursor, const ScanOptions& o,
                                int64_t now_ms) {
  std::vector<std::string> keys;
  long max_iterations = o.count > LONG_MAX / 10 ? LONG_MAX : o.count * 10;
  do {
    *cursor = db.Scan(*cursor, [&](Entry* e) { keys.emplace_back(e->key()); });
  } while (*cursor && max_iterations-- && keys.size() < static_cast<size_t>(o.count));

  std::vector<std::string> out;
  out.reserve(keys.size());
  for (std::string& key : keys) {
    if (o.use_pattern && !engine::GlobMatch(o.pattern, key)) continue;
    if (o.use_type) {
      const Entry* e = db.FindRead(key, Database::kNoTouch);
      std::string_view type = e ? engine::TypeName(e->type()) : "none";
      if (!engine::EqualsTokenIgnoreCase(o.type, type)) continue;
    }
    const Entry* e = db.Peek(key);
    if (e && db.IsExpired(e, now_ms)) {
      db.Delete(key);  // lazy expiry, counted in expired_keys
      continue;
    }
    out.push_back(std::move(key));
  }
  return out;
}

std::vector<std::string_view> OpKeys(Database& db, std::string_view pattern, int64_t now_ms) {
  std::vector<std::string_view> keys;
  if (engine::GlobIsLiteral(pattern)) {
    const Entry* e = db.Peek(pattern);
    if (e && !db.IsExpired(e, now_ms)) keys.push_back(e->key());
    return keys;
  }
  // "*" matches everything, including the empty key the matcher would refuse.
  const bool all = pattern == "*";
  uint64_t cursor = 0;
  do {
    cursor = db.Scan(cursor, [&](Entry* e) {
      if ((all || engine::GlobMatch(pattern, e->key())) && !db.IsExpired(e, now_ms)) {
        keys.push_back(e->key());
      }
    });
  } while (cursor != 0);
  return keys;
}

const Entry* OpRandomKey(Database& db, DbSet& dbs) {
  const Entry* e;
  // RandomLive gives up after a bounded number of expired picks; keep going like a Redis
  // master does until a live key turns up or the database is empty.
  while ((e = db.RandomLive(dbs.rng())) && db.IsExpired(e, dbs.now_ms())) {
  }
  return e;
}

namespace {

// --- Handlers ----------------------------------------------------------------------------------

// DEL and UNLINK: a "del" event for each key deleted (keys one by one only when someone may
// listen).
long long DeleteKeys(CmdArgs argv, CommandContext& ctx, bool lazy) {
  if (!(ctx.server.config().notify_keyspace_events & notify::kGeneric)) {
    return OpDelete(ctx.db(), argv.subspan(1), lazy);
  }
  long long n = 0;
  for (size_t i = 1; i < argv.size(); ++i) {
    if (OpDelete(ctx.db(), argv.subspan(i, 1), lazy) == 0) continue;
    ++n;
    ctx.Notify(notify::kGeneric, "del", argv[i]);
  }
  return n;
}

// DEL key [key ...]
void CmdDel(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendLong(DeleteKeys(argv, ctx, ctx.server.config().lazyfree_lazy_user_del));
}

// UNLINK key [key ...]
void CmdUnlink(CmdArgs argv, CommandContext& ctx) { ctx.rb.SendLong(DeleteKeys(argv, ctx, true)); }

// EXISTS key [key ...]
void CmdExists(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendLong(OpCountExisting(ctx.db(), argv.subspan(1), Database::kNoTouch));
}

// TOUCH key [key ...]
void CmdTouch(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendLong(OpCountExisting(ctx.db(), argv.subspan(1), Database::kNone));
}

// TYPE key
void CmdType(CmdArgs argv, CommandContext& ctx) { ctx.rb.SendSimple(OpType(ctx.db(), argv[1])); }

void RenameGeneric(CmdArgs argv, CommandContext& ctx, bool nx) {
  switch (OpRename(ctx.db(), argv[1], argv[2], nx)) {
    case MoveOutcome::kNoSource:
      return ctx.rb.SendError(protocol::kErrNoSuchKey);
    case MoveOutcome::kTargetExists:
      return ctx.rb.SendLong(0);
    case MoveOutcome::kDone:
      if (argv[1] != argv[2]) {  // renaming a key onto itself changes nothing
        ctx.Notify(notify::kGeneric, "rename_from", argv[1]);
        ctx.Notify(notify::kGeneric, "rename_to", argv[2]);
      }
      return nx ? ctx.rb.SendLong(1) : ctx.rb.SendOk();
  }
}

// RENAME key newkey
void CmdRename(CmdArgs argv, CommandContext& ctx) { RenameGeneric(argv, ctx, false); }

// RENAMENX key newkey
void CmdRenameNx(CmdArgs argv, CommandContext& ctx) { RenameGeneric(argv, ctx, true); }

// COPY source destination [DB destination-db] [REPLACE]
void CmdCopy(CmdArgs argv, CommandContext& ctx) {
  int dst_index = ctx.client.db_index;
  bool replace = false;
  ArgParser parser(argv.subspan(3));
  while (parser.HasNext()) {
    if (parser.Check("REPLACE")) {
      replace = true;
    } else if (parser.Remaining() >= 2 && parser.Check("DB")) {
      std::string_view err = ParseDbIndex(parser.Next(), ctx, &dst_index);
      if (!err.empty()) parser.Fail(err);
    } else {
      parser.Fail();
    }
  }
  if (!parser.Finalize()) return ctx.rb.SendError(parser.ErrorText());
  if (dst_index == ctx.client.db_index && argv[1] == argv[2]) {
    return ctx.rb.SendError(protocol::kErrSameObject);
  }
  DbSet& dbs = ctx.server.dbs();
  MoveOutcome r = OpCopy(dbs, ctx.db(), argv[1], dbs.db(dst_index), argv[2], replace);
  if (r == MoveOutcome::kDone) {
    NotifyKeyspaceEvent(ctx.server, notify::kGeneric, "copy_to", argv[2], dst_index);
  }
  ctx.rb.SendLong(r == MoveOutcome::kDone ? 1 : 0);
}

// MOVE key db
void CmdMove(CmdArgs argv, CommandContext& ctx) {
  int dst_index;
  std::string_view err = ParseDbIndex(argv[2], ctx, &dst_index);
  if (!err.empty()) return ctx.rb.SendError(err);
  if (dst_index == ctx.client.db_index) return ctx.rb.SendError(protocol::kErrSameObject);
  MoveOutcome r = OpMove(ctx.db(), ctx.server.dbs().db(dst_index), argv[1]);
  if (r == MoveOutcome::kDone) {
    ctx.Notify(notify::kGeneric, "move_from", argv[1]);
    NotifyKeyspaceEvent(ctx.server, notify::kGeneric, "move_to", argv[1], dst_index);
  }
  ctx.rb.SendLong(r == MoveOutcome::kDone ? 1 : 0);
}

// SWAPDB index1 index2
void CmdSwapDb(CmdArgs argv, CommandContext& ctx) {
  int a, b;
  std::string_view err = ParseInt(argv[1], &a, protocol::kErrInvalidFirstDbIndex);
  if (err.empty()) err = ParseInt(argv[2], &b, protocol::kErrInvalidSecondDbIndex);
  if (!err.empty()) return ctx.rb.SendError(err);
  DbSet& dbs = ctx.server.dbs();
  if (a < 0 || a >= dbs.count() || b < 0 || b >= dbs.count()) {
    return ctx.rb.SendError(protocol::kErrDbIndexOutOfRange);
  }
  dbs.Swap(a, b);
  ctx.rb.SendOk();
}

// SELECT index
void CmdSelect(CmdArgs argv, CommandContext& ctx) {
  int index;
  std::string_view err = ParseDbIndex(argv[1], ctx, &index);
  if (!err.empty()) return ctx.rb.SendError(err);
  ctx.client.db_index = index;
  ctx.rb.SendOk();
}

// DBSIZE
void CmdDbSize(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendLong(static_cast<long long>(ctx.db().size()));
}

// FLUSHDB [ASYNC | SYNC]
void CmdFlushDb(CmdArgs argv, CommandContext& ctx) {
  bool async;
  if (!ParseFlushMode(argv, ctx, &async)) return;
  ctx.server.dbs().FlushDb(ctx.client.db_index, async);
  ctx.rb.SendOk();
}

// FLUSHALL [ASYNC | SYNC]
void CmdFlushAll(CmdArgs argv, CommandContext& ctx) {
  bool async;
  if (!ParseFlushMode(argv, ctx, &async)) return;
  ctx.server.dbs().FlushAll(async);
  ctx.rb.SendOk();
}

// KEYS pattern
void CmdKeys(CmdArgs argv, CommandContext& ctx) {
  std::vector<std::string_view> keys = OpKeys(ctx.db(), argv[1], ctx.server.dbs().now_ms());
  ctx.rb.StartArray(keys.size());
  for (std::string_view key : keys) ctx.rb.SendBulk(key);
}

// Parses SCAN's options after the cursor; sends the error and returns false on failure.
bool ParseScanOptions(CmdArgs args, ScanOptions* o, ReplyBuilder& rb) {
  ArgParser parser(args);
  while (parser.HasNext()) {
    if (parser.Check("COUNT", &o->count)) {
      if (parser.Ok() && o->count < 1) parser.Fail();
    } else if (parser.Check("MATCH", &o->pattern)) {
      o->use_pattern = o->pattern != "*";
    } else if (parser.Check("TYPE", &o->type)) {
      o->use_type = true;
    } else {
      parser.Fail();
    }
  }
  if (parser.Finalize()) return true;
  rb.SendError(parser.ErrorText());
  return false;
}

// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]
void CmdScan(CmdArgs argv, CommandContext& ctx) {
  uint64_t cursor;
  if (!ParseScanCursor(argv[1], &cursor)) return ctx.rb.SendError(protocol::kErrInvalidCursor);
  ScanOptions options;
  if (!ParseScanOptions(argv.subspan(2), &options, ctx.rb)) return;
  std::vector<std::string> keys = OpScan(ctx.db(), &cursor, options, ctx.server.dbs().now_ms());
  char buf[engine::kLongStrSize];
  ctx.rb.StartArray(2);
  ctx.rb.SendBulk(std::string_view(buf, engine::ULLToString(buf, cursor)));
  ctx.rb.StartArray(keys.size());
  for (const std::string& key : keys) ctx.rb.SendBulk(key);
}

// RANDOMKEY
void CmdRandomKey(CmdArgs argv, CommandContext& ctx) {
  const Entry* e = OpRandomKey(ctx.db(), ctx.server.dbs());
  if (!e) return ctx.rb.SendNull();
  ctx.rb.SendBulk(e->key());
}

// Parses EXPIRE's trailing NX | XX | GT | LT options; sends the error and returns false.
bool ParseExpireFlags(CmdArgs args, unsigned* flags, ReplyBuilder& rb) {
  ArgParser parser(args);
  while (parser.HasNext()) {
    if (parser.Check("NX")) {
      *flags |= kExpireNx;
    } else if (parser.Check("XX")) {
      *flags |= kExpireXx;
    } else if (parser.Check("GT")) {
      *flags |= kExpireGt;
    } else if (parser.Check("LT")) {
      *flags |= kExpireLt;
    } else {
      // Redis formats the option with %s: it ends at an embedded NUL.
      parser.Fail(std::string(protocol::kErrUnsupportedOptionPrefix)
                      .append(engine::CStringPart(parser.Peek())));
    }
  }
  if (!parser.Finalize()) {
    rb.SendError(parser.ErrorText());
    return false;
  }
  if ((*flags & kExpireNx) && (*flags & (kExpireXx | kExpireGt | kExpireLt))) {
    rb.SendError(protocol::kErrExpireNxAndOthers);
    return false;
  }
  if ((*flags & kExpireGt) && (*flags & kExpireLt)) {
    rb.SendError(protocol::kErrExpireGtAndLt);
    return false;
  }
  return true;
}

// The absolute expiry time in ms from EXPIRE's argument, or false on overflow (Redis checks
// the unit conversion and the addition of the base time).
bool ExpireTimeMs(long long when, bool seconds, long long base_ms, long long* out) {
  if (seconds) {
    if (when > LLONG_MAX / 1000 || when < LLONG_MIN / 1000) return false;
    when *= 1000;
  }
  if (when > LLONG_MAX - base_ms) return false;
  *out = when + base_ms;
  return true;
}

void ExpireGeneric(CmdArgs argv, CommandContext& ctx, bool seconds, bool relative) {
  unsigned flags = 0;
  if (!ParseExpireFlags(argv.subspan(3), &flags, ctx.rb)) return;
  long long when;
  if (!engine::StringToLL(argv[2], &when)) return ctx.rb.SendError(protocol::kErrNotInteger);
  const int64_t now_ms = ctx.server.dbs().now_ms();
  if (!ExpireTimeMs(when, seconds, relative ? now_ms : 0, &when)) {
    return ctx.rb.SendError(protocol::InvalidExpireError(ctx.cmd.name));
  }
  const long long set = OpExpire(ctx.db(), argv[1], when, flags, now_ms);
  if (set) {
    // A time in the past deletes the key (Redis then reports "del").
    ctx.Notify(notify::kGeneric, ctx.db().Peek(argv[1]) ? "expire" : "del", argv[1]);
  }
  ctx.rb.SendLong(set);
}

// EXPIRE key seconds [NX | XX | GT | LT]
void CmdExpire(CmdArgs argv, CommandContext& ctx) { ExpireGeneric(argv, ctx, true, true); }

// PEXPIRE key milliseconds [NX | XX | GT | LT]
void CmdPExpire(CmdArgs argv, CommandContext& ctx) { ExpireGeneric(argv, ctx, false, true); }

// EXPIREAT key unix-time-seconds [NX | XX | GT | LT]
void CmdExpireAt(CmdArgs argv, CommandContext& ctx) { ExpireGeneric(argv, ctx, true, false); }

// PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]
void CmdPExpireAt(CmdArgs argv, CommandContext& ctx) { ExpireGeneric(argv, ctx, false, false); }

// PERSIST key
void CmdPersist(CmdArgs argv, CommandContext& ctx) {
  const long long r = OpPersist(ctx.db(), argv[1]);
  if (r) ctx.Notify(notify::kGeneric, "persist", argv[1]);
  ctx.rb.SendLong(r);
}

void TtlGeneric(CmdArgs argv, CommandContext& ctx, bool ms, bool absolute) {
  ctx.rb.SendLong(OpTtl(ctx.db(), argv[1], ms, absolute, ctx.server.dbs().now_ms()));
}

// TTL key
void CmdTtl(CmdArgs argv, CommandContext& ctx) { TtlGeneric(argv, ctx, false, false); }

// PTTL key
void CmdPTtl(CmdArgs argv, CommandContext& ctx) { TtlGeneric(argv, ctx, true, false); }

// EXPIRETIME key
void CmdExpireTime(CmdArgs argv, CommandContext& ctx) { TtlGeneric(argv, ctx, false, true); }

// PEXPIRETIME key
void CmdPExpireTime(CmdArgs argv, CommandContext& ctx) { TtlGeneric(argv, ctx, true, true); }

// The value OBJECT inspects (no touch, counts a hit or miss); replies null when missing.
const Entry* ObjectLookup(std::string_view key, CommandContext& ctx) {
  const Entry* e = ctx.db().FindRead(key, Database::kNoTouch);
  if (!e) ctx.rb.SendNull();
  return e;
}

// OBJECT ENCODING key
void CmdObjectEncoding(CmdArgs argv, CommandContext& ctx) {
  if (const Entry* e = ObjectLookup(argv[2], ctx)) {
    ctx.rb.SendBulk(engine::EncodingName(e->encoding()));
  }
}

// OBJECT REFCOUNT key
void CmdObjectRefcount(CmdArgs argv, CommandContext& ctx) {
  if (const Entry* e = ObjectLookup(argv[2], ctx)) ctx.rb.SendLong(ObjectRefcount(ctx.server, *e));
}

// OBJECT IDLETIME key
void CmdObjectIdletime(CmdArgs argv, CommandContext& ctx) {
  const Entry* e = ObjectLookup(argv[2], ctx);
  if (!e) return;
  if (PolicyIsLfu(ctx.server.config())) return ctx.rb.SendError(protocol::kErrLfuSelected);
  uint64_t idle = engine::IdleSeconds(ctx.server.dbs().lru_clock(), e->lru());
  ctx.rb.SendLong(static_cast<long long>(idle));
}

// OBJECT FREQ key
void CmdObjectFreq(CmdArgs argv, CommandContext& ctx) {
  const Entry* e = ObjectLookup(argv[2], ctx);
  if (!e) return;
  if (!PolicyIsLfu(ctx.server.config())) return ctx.rb.SendError(protocol::kErrLfuNotSelected);
  ctx.rb.SendLong(ctx.server.dbs().LfuCounter(e));
}

// OBJECT HELP
void CmdObjectHelp(CmdArgs argv, CommandContext& ctx) {
  static constexpr std::string_view kLines[] = {
      "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "ENCODING <key>",
      "    Return the kind of internal representation used in order to store the value",
      "    associated with a <key>.",
      "FREQ <key>",
      "    Return the access frequency index of the <key>. The returned integer is",
      "    proportional to the logarithm of the recent access frequency of the key.",
      "IDLETIME <key>",
      "    Return the idle time of the <key>, that is the approximated number of",
      "    seconds elapsed since the last access to the key.",
      "REFCOUNT <key>",
      "    Return the number of references of the value associated with the specified",
      "    <key>.",
      "HELP",
      "    Prints this help.",
  };
  ctx.rb.StartArray(std::size(kLines));
  for (std::string_view line : kLines) ctx.rb.SendSimple(line);
}

}  // namespace

int ObjectRefcount(ServerState& server, const Entry& e) {
  // Redis shares small integers unless maxmemory is set with an LRU or LFU policy.
  const Config& config = server.config();
  const bool lru_or_lfu =
      config.maxmemory_policy.find("lru") != std::string::npos || PolicyIsLfu(config);
  const bool sharing = config.maxmemory == 0 || !lru_or_lfu;
  const bool shared = sharing && e.type() == engine::ObjType::kString &&
                      e.encoding() == engine::Encoding::kInt && !e.unshared() &&
                      e.int_value() >= 0 && e.int_value() < kSharedIntegers;
  return shared ? kSharedRefcount : 1;
}

void RegisterKeysFamily(CommandTable& table) {
  // Facts from the command table (redis-7.0-commands.tsv), two lines per command at most.
  // clang-format off

  // Deleting, testing and renaming keys.
  table.Register({.name = "del", .arity = -2, .flags = kWrite,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdDel});
  table.Register({.name = "unlink", .arity = -2, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdUnlink});
  table.Register({.name = "exists", .arity = -2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdExists});
  table.Register({.name = "touch", .arity = -2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = -1, .step = 1, .handler = &CmdTouch});
  table.Register({.name = "type", .arity = 2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdType});
  table.Register({.name = "rename", .arity = 3, .flags = kWrite,
                  .first_key = 1, .last_key = 2, .step = 1, .handler = &CmdRename});
  table.Register({.name = "renamenx", .arity = 3, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 2, .step = 1, .handler = &CmdRenameNx});
  table.Register({.name = "copy", .arity = -3, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = 2, .step = 1, .handler = &CmdCopy});
  table.Register({.name = "move", .arity = 3, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdMove});

  // Databases.
  table.Register({.name = "select", .arity = 2, .flags = kLoading | kStale | kFast,
                  .handler = &CmdSelect});
  table.Register({.name = "swapdb", .arity = 3, .flags = kWrite | kFast, .handler = &CmdSwapDb});
  table.Register({.name = "dbsize", .arity = 1, .flags = kReadOnly | kFast, .handler = &CmdDbSize});
  table.Register({.name = "flushdb", .arity = -1, .flags = kWrite, .handler = &CmdFlushDb});
  table.Register({.name = "flushall", .arity = -1, .flags = kWrite, .handler = &CmdFlushAll});

  // Iterating.
  table.Register({.name = "keys", .arity = 2, .flags = kReadOnly | kSortForScript, .handler = &CmdKeys});
  table.Register({.name = "scan", .arity = -2, .flags = kReadOnly | kRandom, .handler = &CmdScan});
  table.Register({.name = "randomkey", .arity = 1, .flags = kReadOnly | kRandom, .handler = &CmdRandomKey});

  // Expiry.
  table.Register({.name = "expire", .arity = -3, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdExpire});
  table.Register({.name = "pexpire", .arity = -3, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdPExpire});
  table.Register({.name = "expireat", .arity = -3, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdExpireAt});
  table.Register({.name = "pexpireat", .arity = -3, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdPExpireAt});
  table.Register({.name = "persist", .arity = 2, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdPersist});
  table.Register({.name = "ttl", .arity = 2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdTtl});
  table.Register({.name = "pttl", .arity = 2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdPTtl});
  table.Register({.name = "expiretime", .arity = 2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdExpireTime});
  table.Register({.name = "pexpiretime", .arity = 2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdPExpireTime});

  // OBJECT and its subcommands.
  table.Register({.name = "object", .arity = -2});
  table.Register({.name = "object|encoding", .arity = 3, .flags = kReadOnly,
                  .first_key = 2, .last_key = 2, .step = 1, .handler = &CmdObjectEncoding});
  table.Register({.name = "object|freq", .arity = 3, .flags = kReadOnly,
                  .first_key = 2, .last_key = 2, .step = 1, .handler = &CmdObjectFreq});
  table.Register({.name = "object|help", .arity = 2, .flags = kLoading | kStale,
                  .handler = &CmdObjectHelp});
  table.Register({.name = "object|idletime", .arity = 3, .flags = kReadOnly,
                  .first_key = 2, .last_key = 2, .step = 1, .handler = &CmdObjectIdletime});
  table.Register({.name = "object|refcount", .arity = 3, .flags = kReadOnly,
                  .first_key = 2, .last_key = 2, .step = 1, .handler = &CmdObjectRefcount});
  // clang-format on
}

}  // namespace tandem::commands
