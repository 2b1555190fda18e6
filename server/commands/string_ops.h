// Engine operations on string values, shared by the Redis string and bitmap commands and, later,
// by the memcached bridge and Lua. Ops touch only the engine: they neither parse arguments nor
// send replies, and they report failures as an OpStatus (op_result.h). Every write goes
// through one engine::KeyWrite per key, so it is accounted and signalled exactly when Redis
// signals it. Their semantics (encodings, expiry carried over, size limits) are Redis
// 7.0.15's t_string.c / bitops.c. Used only under the engine lock; views they return point
// into the database and are valid until its next change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "server/commands/op_result.h"
#include "server/engine/database.h"
#include "server/engine/key_write.h"

namespace tandem::commands {

// Room to format an int-encoded value.
using IntBuf = char[24];

// The Entry::Init Redis would build for a string argument (tryObjectEncoding): int when it is
// a canonical long long of at most 20 bytes, embstr up to 44 bytes, raw beyond. With
// allow_int false the int encoding is skipped (INCRBYFLOAT results are never "int").
engine::Entry::Init StringInit(std::string_view value, bool allow_int = true);

// --- Reads -----------------------------------------------------------------------------------

// GET: the value at `key`, counting a keyspace hit or miss. kKeyNotFound, kWrongType.
OpResult<std::string_view> OpGet(engine::Database& db, std::string_view key, IntBuf& buf);

// STRLEN: 0 for a missing key. kWrongType.
OpResult<size_t> OpStrLen(engine::Database& db, std::string_view key);

// GETRANGE with Redis's index rules (negative from the end, clamped, empty when inverted).
// A missing key gives "". kWrongType.
OpResult<std::string_view> OpGetRange(engine::Database& db, std::string_view key, long long start,
                                      long long end, IntBuf& buf);

// MGET: calls visit(std::optional<std::string_view>) for each of `keys` in order, with nullopt
// when the key is missing or holds another type (MGET never fails), counting keyspace hits
// and misses. A value is valid during its visit only.
template <class Visit>
void OpMGet(engine::Database& db, std::span<const std::string_view> keys, Visit&& visit) {
  for (std::string_view key : keys) {
    const engine::Entry* e = db.FindRead(key);
    if (!e || e->type() != engine::ObjType::kString) {
      visit(std::optional<std::string_view>());
      continue;
    }
    IntBuf buf;
    visit(std::optional<std::string_view>(e->StringValue(buf)));
  }
}

// LCS's inputs: the strings at `key_a` and `key_b` ("" for a missing key), counting keyspace
// hits and misses. kWrongType when either holds another type. The views are valid until the
// database changes.
OpResult<std::pair<std::string_view, std::string_view>> OpLcsInputs(engine::Database& db,
                                                                    std::string_view key_a,
                                                                    std::string_view key_b,
                                                                    IntBuf& buf_a, IntBuf& buf_b);

// --- Writes ----------------------------------------------------------------------------------

struct SetParams {
  enum class Condition : uint8_t { kAlways, kIfAbsent, kIfPresent };  // -, NX, XX
  Condition condition = Condition::kAlways;
  bool keep_ttl = false;
  bool has_expire = false;
  int64_t expire_at_ms = 0;  // absolute, when has_expire
  bool get_old = false;      // SET ... GET: read the previous value first
};

struct SetOutcome {
  bool stored = false;
  bool had_old = false;  // with get_old: the key existed (old_value is set)
  std::string old_value;
};

// SET: stores `value` unless the condition fails (stored = false). With get_old, a non-string
// at `key` fails the whole operation with kWrongType, as SET ... GET does.
OpResult<SetOutcome> OpSet(engine::Database& db, std::string_view key, std::string_view value,
                           const SetParams& params);

// GETDEL / memcached-style take: the value, then the key is deleted. kKeyNotFound, kWrongType.
OpResult<std::string> OpGetDel(engine::Database& db, std::string_view key);

struct GetExParams {
  enum class Expiry : uint8_t { kKeep, kSet, kPersist };
  Expiry expiry = Expiry::kKeep;
  int64_t expire_at_ms = 0;  // absolute, with kSet
};

// GETEX / memcached-style get-and-touch: the string at `key` (a copy, as the key may go), then
// its TTL changed: kSet expires it at expire_at_ms, deleting it when that is not after
// `now_ms`; kPersist removes the TTL. Counts a keyspace hit or miss. kKeyNotFound, kWrongType.
OpResult<std::string> OpGetEx(engine::Database& db, std::string_view key, const GetExParams& params,
                              int64_t now_ms);

// Called after each key MSET / MSETNX stored (its "set" event goes out before the next key's
// "new", as in Redis).
using OnKeyStored = std::function<void(std::string_view key)>;

// MSET: stores each key/value pair of `key_values` in order (a repeated key keeps the last).
void OpMSet(engine::Database& db, std::span<const std::string_view> key_values,
            const OnKeyStored& stored = {});

// MSETNX: stores every pair of `key_values` only if none of the keys exists; true if stored.
bool OpMSetNx(engine::Database& db, std::span<const std::string_view> key_values,
              const OnKeyStored& stored = {});

// INCRBY / DECRBY / INCR / DECR: the new value; a missing key counts as 0. The result is always
// int-encoded and the TTL is kept. kWrongType, kNotInteger, kOverflow.
OpResult<long long> OpIncrBy(engine::Database& db, std::string_view key, long long incr);

// INCRBYFLOAT: the new value's text (Redis's human-friendly long double format), stored as a
// plain string with the TTL kept. The increment is passed as text because Redis checks the key's
// type and value before parsing it. kWrongType, kNotFloat, kNanOrInf.
OpResult<std::string> OpIncrByFloat(engine::Database& db, std::string_view key,
                                    std::string_view incr);

// APPEND: the new length. A missing key is created from `value` (with the usual encoding
// choice); an existing one becomes a raw string grown in place (amortized O(1)).
// kWrongType, kTooBig (beyond max_len bytes).
OpResult<size_t> OpAppend(engine::Database& db, std::string_view key, std::string_view value,
                          unsigned long long max_len);

// Memcached prepend: only on an existing key. kKeyNotFound, kWrongType, kTooBig.
OpResult<size_t> OpPrepend(engine::Database& db, std::string_view key, std::string_view value,
                           unsigned long long max_len);

// SETRANGE at a non-negative byte offset: the new length. Writing nothing reports the current
// length (0 and no key when missing); growth pads with zero bytes. kWrongType, kTooBig.
OpResult<size_t> OpSetRange(engine::Database& db, std::string_view key, unsigned long long offset,
                            std::string_view value, unsigned long long max_len);

// The raw string under `w`'s key, grown with zero bytes to hold bit `max_bit` (Redis's
// lookupStringForBitCommand): a missing key is created. Creating or growing counts as a
// modification; converting an int or embedded value to raw does not. kWrongType.
OpResult<std::string*> BitsForWrite(engine::KeyWrite& w, uint64_t max_bit);

// SETBIT / BITFIELD writes: runs `edit(std::string&, bool grown)` on the string at `key` as
// given by BitsForWrite (`grown`: created or grown for this write). `edit` returns whether
// the command changed the key as Redis counts it, which is the result: the command then
// notifies "setbit". A key that was neither created, grown nor changed is not signalled
// (Redis 7.0 skips the signal and propagation then). kWrongType, with `edit` not run.
template <class Edit>
OpResult<bool> OpEditBits(engine::Database& db, std::string_view key, uint64_t max_bit,
                          Edit&& edit) {
  engine::KeyWrite w(db, key);
  OpResult<std::string*> s = BitsForWrite(w, max_bit);
  if (!s.ok()) return s.status();
  const bool changed = edit(**s, w.modified());
  if (changed) w.MarkModified();
  return changed;
}

// True when `a` + `b` bytes would exceed `max_len` (Redis checkStringLength, overflow-safe).
inline bool ExceedsMaxLen(unsigned long long a, unsigned long long b, unsigned long long max_len) {
  return a > max_len || b > max_len - a;
}

// --- Bit primitives (bitops.c) ---------------------------------------------------------------
// Bit 0 is the most significant bit of byte 0.

// Set bits among bits [first_bit, last_bit] of `s`, both inside the string.
uint64_t CountBits(std::string_view s, uint64_t first_bit, uint64_t last_bit);

// The first bit equal to `bit` among bits [first_bit, last_bit] of `s`, or -1.
long long FindBit(std::string_view s, bool bit, uint64_t first_bit, uint64_t last_bit);

// A `bits`-wide field at bit `offset` of `p`, which must hold every byte the field touches.
uint64_t GetUnsignedBitfield(const unsigned char* p, uint64_t offset, int bits);
int64_t GetSignedBitfield(const unsigned char* p, uint64_t offset, int bits);
void SetBitfield(unsigned char* p, uint64_t offset, int bits, uint64_t value);

enum class BitfieldOverflow : uint8_t { kWrap, kSat, kFail };

// Whether value + incr overflows a `bits`-wide field (1 above, -1 below, 0 not), and with WRAP
// or SAT the value to store instead in *limit. Mirrors Redis's checks bug for bug, e.g. an
// unsigned SET of -5 saturates to the maximum.
int CheckUnsignedBitfieldOverflow(uint64_t value, int64_t incr, int bits, BitfieldOverflow how,
                                  uint64_t* limit);
int CheckSignedBitfieldOverflow(int64_t value, int64_t incr, int bits, BitfieldOverflow how,
                                int64_t* limit);

}  // namespace tandem::commands
