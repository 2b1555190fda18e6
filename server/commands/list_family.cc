// List commands: LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP LLEN LRANGE LINDEX LSET LINSERT LREM LTRIM
// LPOS LMOVE RPOPLPUSH LMPOP and the blocking BLPOP BRPOP BLMOVE BRPOPLPUSH BLMPOP, with Redis
// 7.0.15's replies, errors, argument order and keyspace events (t_list.c). Values are
// engine::ListObject (server/engine/list.h); blocking goes through block_on_keys.h.
#include <algorithm>
#include <climits>
#include <string>
#include <vector>

#include "protocol/errors.h"
#include "server/commands/arg_parser.h"
#include "server/commands/block_on_keys.h"
#include "server/commands/families.h"
#include "server/engine/key_write.h"
#include "server/engine/list.h"
#include "server/keyspace_events.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

using engine::Entry;
using engine::KeyWrite;
using engine::ListObject;
using engine::ObjType;

enum class End : uint8_t { kHead, kTail };

std::string_view PushEvent(End e) { return e == End::kHead ? "lpush" : "rpush"; }
std::string_view PopEvent(End e) { return e == End::kHead ? "lpop" : "rpop"; }

// Redis's getLongFromObjectOrReply.
bool ParseLong(std::string_view arg, CommandContext& ctx, long long* v) {
  if (engine::StringToLL(arg, v)) return true;
  ctx.rb.SendError(protocol::kErrNotInteger);
  return false;
}

// Redis's getRangeLongFromObjectOrReply(min, max, msg): msg (with "ERR ") on a non-integer
// or out-of-range value.
bool ParseRange(std::string_view arg, long long min, long long max, std::string_view msg,
                CommandContext& ctx, long long* v) {
  if (engine::StringToLL(arg, v) && *v >= min && *v <= max) return true;
  ctx.rb.SendError(std::string("ERR ") + std::string(msg));
  return false;
}

// LEFT | RIGHT (getListPositionFromObjectOrReply).
bool ParseEnd(std::string_view arg, CommandContext& ctx, End* e) {
  if (engine::EqualsTokenIgnoreCase(arg, "left")) {
    *e = End::kHead;
  } else if (engine::EqualsTokenIgnoreCase(arg, "right")) {
    *e = End::kTail;
  } else {
    ctx.rb.SendError(protocol::kErrSyntax);
    return false;
  }
  return true;
}

// The list at `key` for reading; *wrong is set (and WRONGTYPE sent) for another type.
const ListObject* ReadList(CommandContext& ctx, std::string_view key, bool* wrong) {
  *wrong = false;
  Entry* e = ctx.db().FindRead(key);
  if (!e) return nullptr;
  if (e->type() != ObjType::kList) {
    *wrong = true;
    ctx.rb.SendError(protocol::kErrWrongType);
    return nullptr;
  }
  return static_cast<const ListObject*>(e->object());
}

bool IsWrongType(const Entry* e) { return e && e->type() != ObjType::kList; }

ListObject* MutableList(KeyWrite& kw, bool modifies = true) {
  return static_cast<ListObject*>(kw.MutableObject(modifies));
}

// Creates an empty list under the (absent) key of `kw`.
ListObject* CreateList(KeyWrite& kw, CommandContext& ctx) {
  Entry::Init init;
  init.type = ObjType::kList;
  init.encoding = engine::Encoding::kQuicklist;
  init.object = new ListObject(ctx.server.config().list_max_listpack_size,
                               ctx.server.config().list_compress_depth);
  kw.Set(init);
  return MutableList(kw);
}

// After elements were removed: deletes the key when the list is empty (Redis's
// listElementsRemoved without the pop event).
void DeleteIfEmpty(KeyWrite& kw, CommandContext& ctx) {
  if (static_cast<const ListObject*>(kw.entry()->object())->empty()) {
    kw.Delete();
    ctx.Notify(notify::kGeneric, "del", kw.key());
  }
}

// Sends elements start..end (already clamped, start <= end).
void SendRange(const ListObject& l, size_t start, size_t end, protocol::ReplyBuilder& rb) {
  rb.StartArray(end - start + 1);
  l.ForRange(start, end, [&](std::string_view v) { rb.SendBulk(v); });
}

// Pops up to `count` elements from one end of the non-empty list at kw and replies with them
// as an array (Redis's listPopRangeAndReplyWithKey without the key), then notifies and
// deletes the key if it emptied.
void PopRangeReply(KeyWrite& kw, End end, long long count, CommandContext& ctx) {
  ListObject* l = MutableList(kw);
  size_t n = std::min<size_t>(static_cast<size_t>(count), l->size());
  ctx.rb.StartArray(n);
  std::string v;
  for (size_t i = 0; i < n; ++i) {
    end == End::kHead ? l->PopFront(&v) : l->PopBack(&v);
    ctx.rb.SendBulk(v);
  }
  ctx.Notify(notify::kList, PopEvent(end), kw.key());
  DeleteIfEmpty(kw, ctx);
}

// --- Pushes ------------------------------------------------------------------------------

// LPUSH / RPUSH key element [element ...]; with only_existing, LPUSHX / RPUSHX.
void Push(CmdArgs argv, CommandContext& ctx, End end, bool only_existing) {
  KeyWrite kw(ctx.db(), argv[1]);
  if (IsWrongType(kw.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  ListObject* l;
  if (!kw.entry()) {
    if (only_existing) return ctx.rb.SendLong(0);
    l = CreateList(kw, ctx);
  } else {
    l = MutableList(kw);
  }
  for (size_t i = 2; i < argv.size(); ++i) {
    end == End::kHead ? l->PushFront(argv[i]) : l->PushBack(argv[i]);
  }
  const size_t len = l->size();
  kw.Commit();
  ctx.Notify(notify::kList, PushEvent(end), argv[1]);
  ctx.rb.SendLong(static_cast<long long>(len));
}

void CmdLPush(CmdArgs argv, CommandContext& ctx) { Push(argv, ctx, End::kHead, false); }
void CmdRPush(CmdArgs argv, CommandContext& ctx) { Push(argv, ctx, End::kTail, false); }
void CmdLPushX(CmdArgs argv, CommandContext& ctx) { Push(argv, ctx, End::kHead, true); }
void CmdRPushX(CmdArgs argv, CommandContext& ctx) { Push(argv, ctx, End::kTail, true); }

// --- Pops --------------------------------------------------------------------------------

// LPOP / RPOP key [count]
void Pop(CmdArgs argv, CommandContext& ctx, End end) {
  if (argv.size() > 3) return ctx.rb.SendError(protocol::WrongNumArgsError(ctx.cmd.name));
  const bool has_count = argv.size() == 3;
  long long count = 0;
  if (has_count &&
      !ParseRange(argv[2], 0, LLONG_MAX, "value is out of range, must be positive", ctx, &count)) {
    return;
  }
  KeyWrite kw(ctx.db(), argv[1]);
  if (!kw.entry()) return has_count ? ctx.rb.SendNullArray() : ctx.rb.SendNull();
  if (IsWrongType(kw.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  if (has_count && count == 0) return ctx.rb.StartArray(0);
  if (has_count) return PopRangeReply(kw, end, count, ctx);
  ListObject* l = MutableList(kw);
  std::string v;
  end == End::kHead ? l->PopFront(&v) : l->PopBack(&v);
  ctx.rb.SendBulk(v);
  ctx.Notify(notify::kList, PopEvent(end), argv[1]);
  DeleteIfEmpty(kw, ctx);
}

void CmdLPop(CmdArgs argv, CommandContext& ctx) { Pop(argv, ctx, End::kHead); }
void CmdRPop(CmdArgs argv, CommandContext& ctx) { Pop(argv, ctx, End::kTail); }

// --- Reads -------------------------------------------------------------------------------

// LLEN key
void CmdLLen(CmdArgs argv, CommandContext& ctx) {
  bool wrong;
  const ListObject* l = ReadList(ctx, argv[1], &wrong);
  if (wrong) return;
  ctx.rb.SendLong(l ? static_cast<long long>(l->size()) : 0);
}

// LRANGE key start stop
void CmdLRange(CmdArgs argv, CommandContext& ctx) {
  long long start, stop;
  if (!ParseLong(argv[2], ctx, &start) || !ParseLong(argv[3], ctx, &stop)) return;
  bool wrong;
  const ListObject* l = ReadList(ctx, argv[1], &wrong);
  if (wrong) return;
  if (!l) return ctx.rb.StartArray(0);
  const long long len = static_cast<long long>(l->size());
  if (start < 0) start += len;
  if (stop < 0) stop += len;
  if (start < 0) start = 0;
  if (start > stop || start >= len) return ctx.rb.StartArray(0);
  if (stop >= len) stop = len - 1;
  SendRange(*l, static_cast<size_t>(start), static_cast<size_t>(stop), ctx.rb);
}

// LINDEX key index
void CmdLIndex(CmdArgs argv, CommandContext& ctx) {
  bool wrong;
  const ListObject* l = ReadList(ctx, argv[1], &wrong);
  if (wrong) return;
  if (!l) return ctx.rb.SendNull();
  long long index;
  if (!ParseLong(argv[2], ctx, &index)) return;
  const long long len = static_cast<long long>(l->size());
  if (index < 0) index += len;
  if (index < 0 || index >= len) return ctx.rb.SendNull();
  ctx.rb.SendBulk(l->At(static_cast<size_t>(index)));
}

// LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]
void CmdLPos(CmdArgs argv, CommandContext& ctx) {
  long long rank = 1, count = -1, maxlen = 0;
  for (size_t j = 3; j < argv.size(); ++j) {
    const bool more = j + 1 < argv.size();
    if (more && engine::EqualsTokenIgnoreCase(argv[j], "rank")) {
      if (!ParseLong(argv[++j], ctx, &rank)) return;
      if (rank == 0) return ctx.rb.SendError(protocol::kErrLposRankZero);
    } else if (more && engine::EqualsTokenIgnoreCase(argv[j], "count")) {
      if (!ParseRange(argv[++j], 0, LLONG_MAX, "COUNT can't be negative", ctx, &count)) return;
    } else if (more && engine::EqualsTokenIgnoreCase(argv[j], "maxlen")) {
      if (!ParseRange(argv[++j], 0, LLONG_MAX, "MAXLEN can't be negative", ctx, &maxlen)) return;
    } else {
      return ctx.rb.SendError(protocol::kErrSyntax);
    }
  }
  const bool reverse = rank < 0;
  // -LLONG_MIN wraps to itself in Redis, which then takes every match: the same as rank 1.
  if (reverse) rank = rank == LLONG_MIN ? 1 : -rank;
  bool wrong;
  const ListObject* l = ReadList(ctx, argv[1], &wrong);
  if (wrong) return;
  if (!l) return count != -1 ? ctx.rb.StartArray(0) : ctx.rb.SendNull();
  std::vector<long long> found;
  long long scanned = 0, matches = 0;
  l->Walk(reverse, [&](size_t index, std::string_view v) {
    if (maxlen != 0 && scanned >= maxlen) return false;
    ++scanned;
    if (v != argv[2]) return true;
    if (++matches < rank) return true;
    found.push_back(static_cast<long long>(index));
    if (count == -1) return false;
    return count == 0 || static_cast<long long>(found.size()) < count;
  });
  if (count == -1) {
    return found.empty() ? ctx.rb.SendNull() : ctx.rb.SendLong(found[0]);
  }
  ctx.rb.StartArray(found.size());
  for (long long i : found) ctx.rb.SendLong(i);
}

// --- Edits -------------------------------------------------------------------------------

// LSET key index element
void CmdLSet(CmdArgs argv, CommandContext& ctx) {
  KeyWrite kw(ctx.db(), argv[1]);
  if (!kw.entry()) return ctx.rb.SendError(protocol::kErrNoSuchKey);
  if (IsWrongType(kw.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  long long index;
  if (!ParseLong(argv[2], ctx, &index)) return;
  const auto* cl = static_cast<const ListObject*>(kw.entry()->object());
  const long long len = static_cast<long long>(cl->size());
  if (index < 0) index += len;
  if (index < 0 || index >= len) return ctx.rb.SendError(protocol::kErrOutOfRange);
  MutableList(kw)->Set(static_cast<size_t>(index), argv[3]);
  kw.Commit();
  ctx.rb.SendOk();
  ctx.Notify(notify::kList, "lset", argv[1]);
}

// LINSERT key BEFORE | AFTER pivot element
void CmdLInsert(CmdArgs argv, CommandContext& ctx) {
  bool after;
  if (engine::EqualsTokenIgnoreCase(argv[2], "after")) {
    after = true;
  } else if (engine::EqualsTokenIgnoreCase(argv[2], "before")) {
    after = false;
  } else {
    return ctx.rb.SendError(protocol::kErrSyntax);
  }
  KeyWrite kw(ctx.db(), argv[1]);
  if (!kw.entry()) return ctx.rb.SendLong(0);
  if (IsWrongType(kw.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  ListObject* l = MutableList(kw, /*modifies=*/false);
  if (!l->Insert(argv[3], argv[4], after)) return ctx.rb.SendLong(-1);
  kw.MarkModified();
  const size_t len = l->size();
  kw.Commit();
  ctx.Notify(notify::kList, "linsert", argv[1]);
  ctx.rb.SendLong(static_cast<long long>(len));
}

// LREM key count element
void CmdLRem(CmdArgs argv, CommandContext& ctx) {
  long long count;
  if (!ParseLong(argv[2], ctx, &count)) return;
  KeyWrite kw(ctx.db(), argv[1]);
  if (!kw.entry()) return ctx.rb.SendLong(0);
  if (IsWrongType(kw.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  ListObject* l = MutableList(kw, /*modifies=*/false);
  const size_t limit =
      count < 0 ? static_cast<size_t>(-(count + 1)) + 1 : static_cast<size_t>(count);
  size_t removed = l->Remove(argv[3], limit, count < 0);
  if (removed > 0) {
    kw.MarkModified();
    ctx.Notify(notify::kList, "lrem", argv[1]);
    DeleteIfEmpty(kw, ctx);
  }
  ctx.rb.SendLong(static_cast<long long>(removed));
}

// LTRIM key start stop
void CmdLTrim(CmdArgs argv, CommandContext& ctx) {
  long long start, stop;
  if (!ParseLong(argv[2], ctx, &start) || !ParseLong(argv[3], ctx, &stop)) return;
  KeyWrite kw(ctx.db(), argv[1]);
  if (!kw.entry()) return ctx.rb.SendOk();
  if (IsWrongType(kw.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  ListObject* l = MutableList(kw);
  const long long len = static_cast<long long>(l->size());
  if (start < 0) start += len;
  if (stop < 0) stop += len;
  if (start < 0) start = 0;
  if (start > stop || start >= len) {
    std::string drop;
    while (l->PopBack(&drop)) {
    }
  } else {
    if (stop >= len) stop = len - 1;
    if (start > 0 || stop < len - 1) l->Trim(static_cast<size_t>(start), static_cast<size_t>(stop));
  }
  ctx.Notify(notify::kList, "ltrim", argv[1]);
  DeleteIfEmpty(kw, ctx);
  ctx.rb.SendOk();
}

// --- Moves -------------------------------------------------------------------------------

// Pops from the non-empty list at src and pushes onto dst (checked to be a list or absent),
// replying with the element (Redis's lmoveGenericCommand after its checks). dst may be the
// same key as src.
void MoveOne(KeyWrite& src, std::string_view dst_key, End from, End to, CommandContext& ctx) {
  std::string v;
  ListObject* sl = MutableList(src);
  from == End::kHead ? sl->PopFront(&v) : sl->PopBack(&v);
  if (dst_key == src.key()) {
    to == End::kHead ? sl->PushFront(v) : sl->PushBack(v);
    src.Commit();
    ctx.Notify(notify::kList, PushEvent(to), dst_key);
    ctx.rb.SendBulk(v);
    ctx.Notify(notify::kList, PopEvent(from), src.key());
    return;
  }
  {
    KeyWrite dst(ctx.db(), dst_key);
    ListObject* dl = dst.entry() ? MutableList(dst) : CreateList(dst, ctx);
    to == End::kHead ? dl->PushFront(v) : dl->PushBack(v);
    dst.Commit();
  }
  ctx.Notify(notify::kList, PushEvent(to), dst_key);
  ctx.rb.SendBulk(v);
  ctx.Notify(notify::kList, PopEvent(from), src.key());
  DeleteIfEmpty(src, ctx);
}

// True (after replying) when dst holds something other than a list.
bool DestinationWrongType(CommandContext& ctx, std::string_view dst_key) {
  Entry* d = ctx.db().Find(dst_key);
  if (!IsWrongType(d)) return false;
  ctx.rb.SendError(protocol::kErrWrongType);
  return true;
}

void Move(CmdArgs argv, CommandContext& ctx, End from, End to) {
  KeyWrite src(ctx.db(), argv[1]);
  if (!src.entry()) return ctx.rb.SendNull();
  if (IsWrongType(src.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
  if (DestinationWrongType(ctx, argv[2])) return;
  MoveOne(src, argv[2], from, to, ctx);
}

// LMOVE source destination LEFT | RIGHT LEFT | RIGHT
void CmdLMove(CmdArgs argv, CommandContext& ctx) {
  End from, to;
  if (!ParseEnd(argv[3], ctx, &from) || !ParseEnd(argv[4], ctx, &to)) return;
  Move(argv, ctx, from, to);
}

// RPOPLPUSH source destination
void CmdRPopLPush(CmdArgs argv, CommandContext& ctx) { Move(argv, ctx, End::kTail, End::kHead); }

// --- LMPOP -------------------------------------------------------------------------------

struct MPopArgs {
  CmdArgs keys;
  End end = End::kHead;
  long long count = 1;
};

// numkeys key [key ...] LEFT | RIGHT [COUNT count], from argv[numkeys_idx].
bool ParseMPop(CmdArgs argv, size_t numkeys_idx, CommandContext& ctx, MPopArgs* out) {
  long long numkeys;
  if (!ParseRange(argv[numkeys_idx], 1, LLONG_MAX, "numkeys should be greater than 0", ctx,
                  &numkeys)) {
    return false;
  }
  if (static_cast<unsigned long long>(numkeys) >= argv.size() - numkeys_idx - 1) {
    ctx.rb.SendError(protocol::kErrSyntax);
    return false;
  }
  const size_t where_idx = numkeys_idx + static_cast<size_t>(numkeys) + 1;
  if (!ParseEnd(argv[where_idx], ctx, &out->end)) return false;
  long long count = -1;
  for (size_t j = where_idx + 1; j < argv.size(); ++j) {
    if (count == -1 && j + 1 < argv.size() && engine::EqualsTokenIgnoreCase(argv[j], "count")) {
      if (!ParseRange(argv[++j], 1, LLONG_MAX, "count should be greater than 0", ctx, &count)) {
        return false;
      }
    } else {
      ctx.rb.SendError(protocol::kErrSyntax);
      return false;
    }
  }
  out->count = count == -1 ? 1 : count;
  out->keys = argv.subspan(numkeys_idx + 1, static_cast<size_t>(numkeys));
  return true;
}

// Pops from the first non-empty list of `keys`: [key, [elements]]. Returns false when every
// list is empty or absent (nothing sent); true when it replied (also WRONGTYPE).
bool MPopFirst(CmdArgs keys, End end, long long count, CommandContext& ctx) {
  for (std::string_view key : keys) {
    KeyWrite kw(ctx.db(), key);
    if (!kw.entry()) continue;
    if (IsWrongType(kw.entry())) {
      ctx.rb.SendError(protocol::kErrWrongType);
      return true;
    }
    ctx.rb.StartArray(2);
    ctx.rb.SendBulk(key);
    PopRangeReply(kw, end, count, ctx);
    return true;
  }
  return false;
}

// LMPOP numkeys key [key ...] LEFT | RIGHT [COUNT count]
void CmdLMPop(CmdArgs argv, CommandContext& ctx) {
  MPopArgs a;
  if (!ParseMPop(argv, 1, ctx, &a)) return;
  if (!MPopFirst(a.keys, a.end, a.count, ctx)) ctx.rb.SendNullArray();
}

// --- Blocking ----------------------------------------------------------------------------

// BLPOP / BRPOP served from `key`: [key, element].
bool ServeBPop(CmdArgs argv, CommandContext& ctx, std::string_view key, End end) {
  KeyWrite kw(ctx.db(), key);
  if (!kw.entry() || IsWrongType(kw.entry())) return false;
  ListObject* l = MutableList(kw);
  std::string v;
  end == End::kHead ? l->PopFront(&v) : l->PopBack(&v);
  ctx.rb.StartArray(2);
  ctx.rb.SendBulk(key);
  ctx.rb.SendBulk(v);
  ctx.Notify(notify::kList, PopEvent(end), key);
  DeleteIfEmpty(kw, ctx);
  return true;
}
bool ServeBLPop(CmdArgs argv, CommandContext& ctx, std::string_view key) {
  return ServeBPop(argv, ctx, key, End::kHead);
}
bool ServeBRPop(CmdArgs argv, CommandContext& ctx, std::string_view key) {
  return ServeBPop(argv, ctx, key, End::kTail);
}

// BLPOP / BRPOP key [key ...] timeout
void BPop(CmdArgs argv, CommandContext& ctx, End end) {
  int64_t deadline;
  if (!ParseBlockTimeout(argv.back(), ctx, &deadline)) return;
  CmdArgs keys = argv.subspan(1, argv.size() - 2);
  for (std::string_view key : keys) {
    KeyWrite kw(ctx.db(), key);
    if (!kw.entry()) continue;
    if (IsWrongType(kw.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
    ServeBPop(argv, ctx, key, end);
    return;
  }
  if (!MayBlock(ctx)) return ctx.rb.SendNullArray();
  BlockOnKeys(ctx, argv, keys, deadline, end == End::kHead ? &ServeBLPop : &ServeBRPop);
}

void CmdBLPop(CmdArgs argv, CommandContext& ctx) { BPop(argv, ctx, End::kHead); }
void CmdBRPop(CmdArgs argv, CommandContext& ctx) { BPop(argv, ctx, End::kTail); }

// BLMOVE source destination LEFT | RIGHT LEFT | RIGHT timeout, or BRPOPLPUSH source
// destination timeout: the ends come from the stored arguments.
void BMoveEnds(CmdArgs argv, End* from, End* to) {
  if (argv.size() == 4) {  // BRPOPLPUSH
    *from = End::kTail;
    *to = End::kHead;
    return;
  }
  *from = engine::EqualsTokenIgnoreCase(argv[3], "left") ? End::kHead : End::kTail;
  *to = engine::EqualsTokenIgnoreCase(argv[4], "left") ? End::kHead : End::kTail;
}

bool ServeBMove(CmdArgs argv, CommandContext& ctx, std::string_view key) {
  KeyWrite src(ctx.db(), key);
  if (!src.entry() || IsWrongType(src.entry())) return false;
  if (DestinationWrongType(ctx, argv[2])) return true;  // replied WRONGTYPE, popped nothing
  End from, to;
  BMoveEnds(argv, &from, &to);
  MoveOne(src, argv[2], from, to, ctx);
  return true;
}

void BMove(CmdArgs argv, CommandContext& ctx, End from, End to, int64_t deadline) {
  {
    KeyWrite src(ctx.db(), argv[1]);
    if (IsWrongType(src.entry())) return ctx.rb.SendError(protocol::kErrWrongType);
    if (src.entry()) {
      if (DestinationWrongType(ctx, argv[2])) return;
      return MoveOne(src, argv[2], from, to, ctx);
    }
  }
  if (!MayBlock(ctx)) return ctx.rb.SendNull();
  BlockOnKeys(ctx, argv, argv.subspan(1, 1), deadline, &ServeBMove);
}

// BLMOVE source destination LEFT | RIGHT LEFT | RIGHT timeout
void CmdBLMove(CmdArgs argv, CommandContext& ctx) {
  End from, to;
  if (!ParseEnd(argv[3], ctx, &from) || !ParseEnd(argv[4], ctx, &to)) return;
  int64_t deadline;
  if (!ParseBlockTimeout(argv[5], ctx, &deadline)) return;
  BMove(argv, ctx, from, to, deadline);
}

// BRPOPLPUSH source destination timeout
void CmdBRPopLPush(CmdArgs argv, CommandContext& ctx) {
  int64_t deadline;
  if (!ParseBlockTimeout(argv[3], ctx, &deadline)) return;
  BMove(argv, ctx, End::kTail, End::kHead, deadline);
}

bool ServeBLMPop(CmdArgs argv, CommandContext& ctx, std::string_view key) {
  MPopArgs a;
  if (!ParseMPop(argv, 2, ctx, &a)) return true;  // cannot happen: parsed when it blocked
  KeyWrite kw(ctx.db(), key);
  if (!kw.entry() || IsWrongType(kw.entry())) return false;
  ctx.rb.StartArray(2);
  ctx.rb.SendBulk(key);
  PopRangeReply(kw, a.end, a.count, ctx);
  return true;
}

// BLMPOP timeout numkeys key [key ...] LEFT | RIGHT [COUNT count]
void CmdBLMPop(CmdArgs argv, CommandContext& ctx) {
  MPopArgs a;
  if (!ParseMPop(argv, 2, ctx, &a)) return;
  int64_t deadline;
  if (!ParseBlockTimeout(argv[1], ctx, &deadline)) return;
  if (MPopFirst(a.keys, a.end, a.count, ctx)) return;
  if (!MayBlock(ctx)) return ctx.rb.SendNullArray();
  BlockOnKeys(ctx, argv, a.keys, deadline, &ServeBLMPop);
}

}  // namespace

void RegisterListFamily(CommandTable& table) {
  // clang-format off
  table.Register({.name = "lpush", .arity = -3, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdLPush});
  table.Register({.name = "rpush", .arity = -3, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdRPush});
  table.Register({.name = "lpushx", .arity = -3, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdLPushX});
  table.Register({.name = "rpushx", .arity = -3, .flags = kWrite | kDenyOom | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdRPushX});
  table.Register({.name = "lpop", .arity = -2, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdLPop});
  table.Register({.name = "rpop", .arity = -2, .flags = kWrite | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdRPop});
  table.Register({.name = "llen", .arity = 2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdLLen});
  table.Register({.name = "lrange", .arity = 4, .flags = kReadOnly,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdLRange});
  table.Register({.name = "lindex", .arity = 3, .flags = kReadOnly,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdLIndex});
  table.Register({.name = "lpos", .arity = -3, .flags = kReadOnly,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdLPos});
  table.Register({.name = "lset", .arity = 4, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdLSet});
  table.Register({.name = "linsert", .arity = 5, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdLInsert});
  table.Register({.name = "lrem", .arity = 4, .flags = kWrite,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdLRem});
  table.Register({.name = "ltrim", .arity = 4, .flags = kWrite,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdLTrim});
  table.Register({.name = "lmove", .arity = 5, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = 2, .step = 1, .handler = &CmdLMove});
  table.Register({.name = "rpoplpush", .arity = 3, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = 2, .step = 1, .handler = &CmdRPopLPush});
  table.Register({.name = "lmpop", .arity = -4, .flags = kWrite | kMovableKeys,
                  .handler = &CmdLMPop});
  table.Register({.name = "blpop", .arity = -3, .flags = kWrite | kNoScript | kBlocking,
                  .first_key = 1, .last_key = -2, .step = 1, .handler = &CmdBLPop});
  table.Register({.name = "brpop", .arity = -3, .flags = kWrite | kNoScript | kBlocking,
                  .first_key = 1, .last_key = -2, .step = 1, .handler = &CmdBRPop});
  table.Register({.name = "blmove", .arity = 6,
                  .flags = kWrite | kDenyOom | kNoScript | kBlocking,
                  .first_key = 1, .last_key = 2, .step = 1, .handler = &CmdBLMove});
  table.Register({.name = "brpoplpush", .arity = 4,
                  .flags = kWrite | kDenyOom | kNoScript | kBlocking,
                  .first_key = 1, .last_key = 2, .step = 1, .handler = &CmdBRPopLPush});
  table.Register({.name = "blmpop", .arity = -5, .flags = kWrite | kBlocking | kMovableKeys,
                  .handler = &CmdBLMPop});
  // clang-format on
}

}  // namespace tandem::commands
