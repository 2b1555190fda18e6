// Bitmap commands: SETBIT GETBIT BITCOUNT BITPOS BITOP BITFIELD BITFIELD_RO, with Redis 7.0.15's
// argument order, replies and errors (bitops.c). Bitmaps are plain strings; bit 0 is the most
// significant bit of the first byte. Bit-level primitives live in string_ops.cc.
#include <algorithm>
#include <climits>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "protocol/errors.h"
#include "server/commands/arg_parser.h"
#include "server/commands/families.h"
#include "server/commands/string_ops.h"
#include "server/engine/database.h"
#include "server/keyspace_events.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

using engine::Database;
using engine::Encoding;
using engine::Entry;
using engine::ObjType;
using protocol::ReplyBuilder;

// Redis getBitOffsetFromArgument: a bit offset, or with `hash` "#N" meaning N * bits; it must
// address a byte below proto-max-bulk-len.
bool ParseBitOffset(std::string_view arg, bool hash, int bits, unsigned long long max_bulk_len,
                    uint64_t* offset) {
  const bool use_hash = hash && bits > 0 && !arg.empty() && arg[0] == '#';
  long long v;
  if (!engine::StringToLL(arg.substr(use_hash ? 1 : 0), &v)) return false;
  if (use_hash) v = static_cast<long long>(static_cast<unsigned long long>(v) * bits);  // wraps
  if (v < 0 || static_cast<unsigned long long>(v >> 3) >= max_bulk_len) return false;
  *offset = static_cast<uint64_t>(v);
  return true;
}

// Redis getBitfieldTypeFromArgument: "i1".."i64" or "u1".."u63".
bool ParseBitfieldType(std::string_view arg, bool* is_signed, int* bits) {
  arg = engine::CStringPart(arg);
  if (arg.empty() || (arg[0] != 'i' && arg[0] != 'u')) return false;
  *is_signed = arg[0] == 'i';
  long long n;
  if (!engine::StringToLL(arg.substr(1), &n) || n < 1 || n > (*is_signed ? 64 : 63)) return false;
  *bits = static_cast<int>(n);
  return true;
}

unsigned long long MaxBulkLen(CommandContext& ctx) {
  return ctx.server.config().proto_max_bulk_len;
}

// Looks up a string for a read-only bit command. Sends `missing_reply` (a number) when the key
// is absent and WRONGTYPE for other types; returns nullptr in both cases.
Entry* FindBits(CommandContext& ctx, std::string_view key, long long missing_reply) {
  Entry* e = ctx.db().FindRead(key);
  if (!e) {
    ctx.rb.SendLong(missing_reply);
    return nullptr;
  }
  if (e->type() != ObjType::kString) {
    ctx.rb.SendError(protocol::kErrWrongType);
    return nullptr;
  }
  return e;
}

// SETBIT key offset value
void CmdSetBit(CmdArgs argv, CommandContext& ctx) {
  uint64_t offset;
  if (!ParseBitOffset(argv[2], false, 0, MaxBulkLen(ctx), &offset)) {
    return ctx.rb.SendError(protocol::kErrBitOffset);
  }
  long long on;
  if (!engine::StringToLL(argv[3], &on) || (on & ~1LL)) {
    return ctx.rb.SendError(protocol::kErrBitValue);
  }
  bool old = false;
  OpResult<bool> changed = OpEditBits(ctx.db(), argv[1], offset, [&](std::string& s, bool grown) {
    unsigned char& byte = reinterpret_cast<unsigned char&>(s[offset >> 3]);
    const unsigned shift = 7 - (offset & 7);
    old = (byte >> shift) & 1;
    byte = static_cast<unsigned char>((byte & ~(1u << shift)) | (unsigned(on) << shift));
    return grown || old != (on != 0);
  });
  if (!changed.ok()) return ctx.rb.SendError(OpStatusError(changed.status()));
  if (*changed) ctx.Notify(notify::kString, "setbit", argv[1]);
  ctx.rb.SendLong(old ? 1 : 0);
}

// GETBIT key offset
void CmdGetBit(CmdArgs argv, CommandContext& ctx) {
  uint64_t offset;
  if (!ParseBitOffset(argv[2], false, 0, MaxBulkLen(ctx), &offset)) {
    return ctx.rb.SendError(protocol::kErrBitOffset);
  }
  Entry* e = FindBits(ctx, argv[1], 0);
  if (!e) return;
  IntBuf buf;
  std::string_view s = e->StringValue(buf);
  const uint64_t byte = offset >> 3;
  bool bit = byte < s.size() && ((static_cast<unsigned char>(s[byte]) >> (7 - (offset & 7))) & 1);
  ctx.rb.SendLong(bit ? 1 : 0);
}

// Reads "BYTE" or "BIT" (either case); false on anything else.
bool ParseBitUnit(std::string_view arg, bool* is_bit) {
  ArgParser parser(CmdArgs(&arg, 1));
  *is_bit = parser.MapNext("BIT", true, "BYTE", false);
  return parser.Ok();
}

// Converts a BITCOUNT / BITPOS range (negative from the end, clamped) into bits
// [*first, *last] of a string of `len` bytes. False when the range is empty.
bool ResolveBitRange(long long start, long long end, bool is_bit, size_t len, uint64_t* first,
                     uint64_t* last) {
  const long long total = static_cast<long long>(len) * (is_bit ? 8 : 1);
  if (start < 0) start += total;
  if (end < 0) end += total;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= total) end = total - 1;
  if (start > end) return false;
  *first = is_bit ? start : start * 8;
  *last = is_bit ? end : end * 8 + 7;
  return true;
}

// BITCOUNT key [start end [BYTE | BIT]]
void CmdBitCount(CmdArgs argv, CommandContext& ctx) {
  // Redis looks the key up before it reads the range: a missing key counts 0 whatever follows.
  Entry* e = FindBits(ctx, argv[1], 0);
  if (!e) return;
  IntBuf buf;
  std::string_view s = e->StringValue(buf);
  long long start = 0, end = static_cast<long long>(s.size()) - 1;
  bool is_bit = false;
  if (argv.size() == 4 || argv.size() == 5) {
    if (!engine::StringToLL(argv[2], &start) || !engine::StringToLL(argv[3], &end)) {
      return ctx.rb.SendError(protocol::kErrNotInteger);
    }
    // Redis answers an empty negative range before it looks at the unit: BITCOUNT k -1 -5 x
    // is 0, not a syntax error.
    if (start < 0 && end < 0 && start > end) return ctx.rb.SendLong(0);
    if (argv.size() == 5 && !ParseBitUnit(argv[4], &is_bit)) {
      return ctx.rb.SendError(protocol::kErrSyntax);
    }
  } else if (argv.size() != 2) {
    return ctx.rb.SendError(protocol::kErrSyntax);
  }
  uint64_t first, last;
  if (!ResolveBitRange(start, end, is_bit, s.size(), &first, &last)) return ctx.rb.SendLong(0);
  ctx.rb.SendLong(static_cast<long long>(CountBits(s, first, last)));
}

// BITPOS key bit [start [end [BYTE | BIT]]]
void CmdBitPos(CmdArgs argv, CommandContext& ctx) {
  long long bit;
  if (!engine::StringToLL(argv[2], &bit)) return ctx.rb.SendError(protocol::kErrNotInteger);
  if (bit != 0 && bit != 1) return ctx.rb.SendError(protocol::kErrBitposBit);
  // A missing key is an endless run of zero bits.
  Entry* e = FindBits(ctx, argv[1], bit ? -1 : 0);
  if (!e) return;
  IntBuf buf;
  std::string_view s = e->StringValue(buf);
  long long start = 0, end = static_cast<long long>(s.size()) - 1;
  bool is_bit = false, end_given = false;
  if (argv.size() >= 4 && argv.size() <= 6) {
    if (!engine::StringToLL(argv[3], &start)) return ctx.rb.SendError(protocol::kErrNotInteger);
    if (argv.size() == 6 && !ParseBitUnit(argv[5], &is_bit)) {
      return ctx.rb.SendError(protocol::kErrSyntax);
    }
    if (argv.size() >= 5) {
      if (!engine::StringToLL(argv[4], &end)) return ctx.rb.SendError(protocol::kErrNotInteger);
      end_given = true;
    }
  } else if (argv.size() != 3) {
    return ctx.rb.SendError(protocol::kErrSyntax);
  }
  uint64_t first, last;
  if (!ResolveBitRange(start, end, is_bit, s.size(), &first, &last)) return ctx.rb.SendLong(-1);
  long long pos = FindBit(s, bit == 1, first, last);
  // Looking for a 0 with no explicit end, the string counts as padded with zeros on the right.
  if (pos == -1 && bit == 0 && !end_given) pos = static_cast<long long>(last) + 1;
  ctx.rb.SendLong(pos);
}

enum class BitOp : uint8_t { kNone, kAnd, kOr, kXor, kNot };

// The BITOP result over `srcs` (missing bytes count as zero), `max_len` bytes long.
std::string ComputeBitOp(BitOp op, const std::vector<std::string_view>& srcs, size_t max_len) {
  std::string out(max_len, '\0');
  unsigned char* r = reinterpret_cast<unsigned char*>(out.data());
  const std::string_view first = srcs[0];
  if (!first.empty()) std::memcpy(r, first.data(), first.size());
  if (op == BitOp::kNot) {
    for (size_t i = 0; i < max_len; ++i) r[i] = static_cast<unsigned char>(~r[i]);
    return out;
  }
  for (size_t k = 1; k < srcs.size(); ++k) {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(srcs[k].data());
    const size_t n = srcs[k].size();
    switch (op) {
      case BitOp::kAnd:
        for (size_t i = 0; i < n; ++i) r[i] &= p[i];
        std::memset(r + n, 0, max_len - n);
        break;
      case BitOp::kOr:
        for (size_t i = 0; i < n; ++i) r[i] |= p[i];
        break;
      case BitOp::kXor:
        for (size_t i = 0; i < n; ++i) r[i] ^= p[i];
        break;
      default:
        break;
    }
  }
  return out;
}

BitOp ParseBitOp(std::string_view name) {
  ArgParser parser(CmdArgs(&name, 1));
  const BitOp op =
      parser.MapNext("AND", BitOp::kAnd, "OR", BitOp::kOr, "XOR", BitOp::kXor, "NOT", BitOp::kNot);
  return parser.Ok() ? op : BitOp::kNone;
}

// BITOP AND | OR | XOR | NOT destkey key [key ...]
void CmdBitOp(CmdArgs argv, CommandContext& ctx) {
  const BitOp op = ParseBitOp(argv[1]);
  if (op == BitOp::kNone) return ctx.rb.SendError(protocol::kErrSyntax);
  if (op == BitOp::kNot && argv.size() != 4) return ctx.rb.SendError(protocol::kErrBitopNot);
  Database& db = ctx.db();
  std::vector<std::string_view> srcs;
  std::deque<std::string> int_texts;  // int-encoded sources, formatted (stable addresses)
  size_t max_len = 0;
  for (size_t i = 3; i < argv.size(); ++i) {
    Entry* e = db.FindRead(argv[i]);
    std::string_view s;
    if (e) {
      if (e->type() != ObjType::kString) return ctx.rb.SendError(protocol::kErrWrongType);
      IntBuf buf;
      s = e->StringValue(buf);
      if (e->encoding() == Encoding::kInt) s = int_texts.emplace_back(s);
    }
    srcs.push_back(s);
    max_len = std::max(max_len, s.size());
  }
  const std::string_view dest = argv[2];
  if (max_len == 0) {
    if (db.Delete(dest)) ctx.Notify(notify::kGeneric, "del", dest);
    return ctx.rb.SendLong(0);
  }
  Entry::Init init;
  init.encoding = Encoding::kRaw;  // Redis stores BITOP results as raw strings
  init.raw = new std::string(ComputeBitOp(op, srcs, max_len));
  db.Put(dest, init);
  ctx.Notify(notify::kString, "set", dest);
  ctx.rb.SendLong(static_cast<long long>(max_len));
}

// --- BITFIELD --------------------------------------------------------------------------------

struct BitfieldOp {
  enum Kind : uint8_t { kGet, kSet, kIncrBy } kind;
  BitfieldOverflow overflow;
  bool is_signed;
  int bits;
  uint64_t offset;
  long long value;  // SET value or INCRBY increment
};

// Parses BITFIELD's operations; false (and *error set) on the first bad one.
bool ParseBitfieldOps(CmdArgs args, unsigned long long max_bulk_len, std::vector<BitfieldOp>* ops,
                      std::string* error) {
  ArgParser parser(args);
  BitfieldOverflow overflow = BitfieldOverflow::kWrap;
  while (parser.HasNext()) {
    const size_t rest = parser.Remaining() - 1;
    BitfieldOp op{};
    if (rest >= 2 && parser.Check("GET")) {
      op.kind = BitfieldOp::kGet;
    } else if (rest >= 3 && parser.Check("SET")) {
      op.kind = BitfieldOp::kSet;
    } else if (rest >= 3 && parser.Check("INCRBY")) {
      op.kind = BitfieldOp::kIncrBy;
    } else if (rest >= 1 && parser.Check("OVERFLOW")) {
      if (parser.Check("WRAP")) {
        overflow = BitfieldOverflow::kWrap;
      } else if (parser.Check("SAT")) {
        overflow = BitfieldOverflow::kSat;
      } else if (parser.Check("FAIL")) {
        overflow = BitfieldOverflow::kFail;
      } else {
        parser.Fail(protocol::kErrBitfieldOverflowType);
      }
      continue;
    } else {
      parser.Fail();
      break;
    }
    op.overflow = overflow;
    if (!ParseBitfieldType(parser.Next(), &op.is_signed, &op.bits)) {
      parser.Fail(protocol::kErrBitfieldType);
    } else if (!ParseBitOffset(parser.Next(), true, op.bits, max_bulk_len, &op.offset)) {
      parser.Fail(protocol::kErrBitOffset);
    } else if (op.kind != BitfieldOp::kGet) {
      op.value = parser.Next<long long>();
    }
    ops->push_back(op);
  }
  if (parser.Finalize()) return true;
  *error = parser.ErrorText();
  return false;
}

// Runs a SET or INCRBY on `p` and replies with the old (SET) or new (INCRBY) value, or nil when
// OVERFLOW FAIL refused it. Returns whether it counts as a change for Redis: applied, and the
// field's bits changed or the string was created or grown (`grown`) for this command.
bool ApplyBitfieldWrite(const BitfieldOp& op, unsigned char* p, bool grown, ReplyBuilder& rb) {
  const bool incr = op.kind == BitfieldOp::kIncrBy;
  int overflow;
  uint64_t stored, reply, previous;
  if (op.is_signed) {
    const int64_t old = GetSignedBitfield(p, op.offset, op.bits);
    int64_t wrapped = 0,
            next = incr ? static_cast<int64_t>(static_cast<uint64_t>(old) + op.value) : op.value;
    overflow = CheckSignedBitfieldOverflow(incr ? old : op.value, incr ? op.value : 0, op.bits,
                                           op.overflow, &wrapped);
    if (overflow) next = wrapped;
    stored = static_cast<uint64_t>(next);
    previous = static_cast<uint64_t>(old);
    reply = static_cast<uint64_t>(incr ? next : old);
  } else {
    const uint64_t old = GetUnsignedBitfield(p, op.offset, op.bits);
    uint64_t wrapped = 0,
             next = incr ? old + static_cast<uint64_t>(op.value) : static_cast<uint64_t>(op.value);
    overflow = CheckUnsignedBitfieldOverflow(incr ? old : static_cast<uint64_t>(op.value),
                                             incr ? op.value : 0, op.bits, op.overflow, &wrapped);
    if (overflow) next = wrapped;
    stored = next;
    previous = old;
    reply = incr ? next : old;
  }
  if (overflow && op.overflow == BitfieldOverflow::kFail) {
    rb.SendNull();
    return false;
  }
  rb.SendLong(static_cast<long long>(reply));
  SetBitfield(p, op.offset, op.bits, stored);
  return grown || stored != previous;
}

// A GET on `s`, which may be shorter than the field: missing bytes read as zero.
void ApplyBitfieldGet(const BitfieldOp& op, std::string_view s, ReplyBuilder& rb) {
  unsigned char window[9] = {0};
  const uint64_t byte = op.offset >> 3;
  for (uint64_t i = 0; i < 9 && byte + i < s.size(); ++i) window[i] = s[byte + i];
  const uint64_t offset = op.offset - byte * 8;
  if (op.is_signed) {
    rb.SendLong(GetSignedBitfield(window, offset, op.bits));
  } else {
    rb.SendLong(static_cast<long long>(GetUnsignedBitfield(window, offset, op.bits)));
  }
}

void BitfieldGeneric(CmdArgs argv, CommandContext& ctx, bool read_only_command) {
  std::vector<BitfieldOp> ops;
  std::string error;
  if (!ParseBitfieldOps(argv.subspan(2), MaxBulkLen(ctx), &ops, &error)) {
    return ctx.rb.SendError(error);
  }
  uint64_t highest_write = 0;
  bool writes = false;
  for (const BitfieldOp& op : ops) {
    if (op.kind == BitfieldOp::kGet) continue;
    writes = true;
    highest_write = std::max(highest_write, op.offset + op.bits - 1);
  }
  if (!writes) {
    IntBuf buf;
    std::string_view current;
    Entry* e = ctx.db().FindRead(argv[1]);
    if (e && e->type() != ObjType::kString) return ctx.rb.SendError(protocol::kErrWrongType);
    if (e) current = e->StringValue(buf);
    ctx.rb.StartArray(ops.size());
    for (const BitfieldOp& op : ops) ApplyBitfieldGet(op, current, ctx.rb);
    return;
  }
  if (read_only_command) return ctx.rb.SendError(protocol::kErrBitfieldRoWrite);
  auto edit = [&](std::string& target, bool grown) {
    bool changed = false;
    ctx.rb.StartArray(ops.size());
    for (const BitfieldOp& op : ops) {
      if (op.kind == BitfieldOp::kGet) {
        ApplyBitfieldGet(op, target, ctx.rb);
      } else {
        changed |=
            ApplyBitfieldWrite(op, reinterpret_cast<unsigned char*>(target.data()), grown, ctx.rb);
      }
    }
    return changed;
  };
  OpResult<bool> changed = OpEditBits(ctx.db(), argv[1], highest_write, edit);
  if (!changed.ok()) return ctx.rb.SendError(OpStatusError(changed.status()));
  if (*changed) ctx.Notify(notify::kString, "setbit", argv[1]);
}

// BITFIELD key [GET type offset | [OVERFLOW WRAP|SAT|FAIL] SET type offset value |
//               [OVERFLOW WRAP|SAT|FAIL] INCRBY type offset increment ...]
void CmdBitfield(CmdArgs argv, CommandContext& ctx) { BitfieldGeneric(argv, ctx, false); }

// BITFIELD_RO key [GET type offset ...]
void CmdBitfieldRo(CmdArgs argv, CommandContext& ctx) { BitfieldGeneric(argv, ctx, true); }

}  // namespace

void RegisterBitmapFamily(CommandTable& table) {
  // One command per two lines, like the table they come from.
  // clang-format off
  table.Register({.name = "setbit", .arity = 4, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdSetBit});
  table.Register({.name = "getbit", .arity = 3, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdGetBit});
  table.Register({.name = "bitcount", .arity = -2, .flags = kReadOnly,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdBitCount});
  table.Register({.name = "bitpos", .arity = -3, .flags = kReadOnly,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdBitPos});
  table.Register({.name = "bitop", .arity = -4, .flags = kWrite | kDenyOom,
                  .first_key = 2, .last_key = -1, .step = 1, .handler = &CmdBitOp});
  table.Register({.name = "bitfield", .arity = -2, .flags = kWrite | kDenyOom,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdBitfield});
  table.Register({.name = "bitfield_ro", .arity = -2, .flags = kReadOnly | kFast,
                  .first_key = 1, .last_key = 1, .step = 1, .handler = &CmdBitfieldRo});
  // clang-format on
}

}  // namespace tandem::commands
