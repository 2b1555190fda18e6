#include "server/commands/string_ops.h"

#include <climits>
#include <cmath>
#include <cstring>

#include "protocol/errors.h"
#include "server/engine/key_write.h"
#include "server/engine/numbers.h"

namespace tandem::commands {

using engine::Database;
using engine::Encoding;
using engine::Entry;
using engine::KeyWrite;
using engine::ObjType;

namespace {

bool IsString(const Entry* e) { return e->type() == ObjType::kString; }

}  // namespace

Entry::Init StringInit(std::string_view value, bool allow_int) {
  Entry::Init init;
  long long v;
  if (allow_int && value.size() <= 20 && engine::StringToLL(value, &v)) {
    init.encoding = Encoding::kInt;
    init.integer = v;
  } else if (value.size() <= engine::kEmbStrMaxLen) {
    init.encoding = Encoding::kEmbStr;
    init.str = value;
  } else {
    init.encoding = Encoding::kRaw;
    init.raw = new std::string(value);
  }
  return init;
}

OpResult<std::string_view> OpGet(Database& db, std::string_view key, IntBuf& buf) {
  Entry* e = db.FindRead(key);
  if (!e) return OpStatus::kKeyNotFound;
  if (!IsString(e)) return OpStatus::kWrongType;
  return e->StringValue(buf);
}

OpResult<size_t> OpStrLen(Database& db, std::string_view key) {
  Entry* e = db.FindRead(key);
  if (!e) return size_t{0};
  if (!IsString(e)) return OpStatus::kWrongType;
  IntBuf buf;
  return e->StringValue(buf).size();
}

OpResult<std::string_view> OpGetRange(Database& db, std::string_view key, long long start,
                                      long long end, IntBuf& buf) {
  Entry* e = db.FindRead(key);
  if (!e) return std::string_view();
  if (!IsString(e)) return OpStatus::kWrongType;
  std::string_view s = e->StringValue(buf);
  const long long len = static_cast<long long>(s.size());
  if (start < 0 && end < 0 && start > end) return std::string_view();
  if (start < 0) start += len;
  if (end < 0) end += len;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= len) end = len - 1;
  if (start > end || len == 0) return std::string_view();
  return s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start + 1));
}

OpResult<SetOutcome> OpSet(Database& db, std::string_view key, std::string_view value,
                           const SetParams& params) {
  SetOutcome out;
  // SET ... GET reads like GET (a hit or miss, a touch); NX / XX look the key up for the
  // condition (a touch); a plain SET only overwrites.
  unsigned lookup = Database::kNoTouch;
  if (params.get_old) {
    lookup = Database::kCountStats;
  } else if (params.condition != SetParams::Condition::kAlways) {
    lookup = Database::kNone;
  }
  KeyWrite w(db, key, lookup);
  if (params.get_old && w.entry()) {
    if (!IsString(w.entry())) return OpStatus::kWrongType;
    IntBuf buf;
    out.old_value = w.entry()->StringValue(buf);
    out.had_old = true;
  }
  if (params.condition != SetParams::Condition::kAlways) {
    bool want_found = params.condition == SetParams::Condition::kIfPresent;
    if ((w.entry() != nullptr) != want_found) return out;
  }
  Entry::Init init = StringInit(value);
  init.has_expire = params.has_expire;
  init.expire_at_ms = params.expire_at_ms;
  w.Set(init, params.keep_ttl);
  out.stored = true;
  return out;
}

OpResult<std::string> OpGetDel(Database& db, std::string_view key) {
  KeyWrite w(db, key, Database::kCountStats);
  Entry* e = w.entry();
  if (!e) return OpStatus::kKeyNotFound;
  if (!IsString(e)) return OpStatus::kWrongType;
  IntBuf buf;
  std::string value(e->StringValue(buf));
  w.Delete();
  return value;
}

OpResult<long long> OpIncrBy(Database& db, std::string_view key, long long incr) {
  KeyWrite w(db, key);
  Entry* e = w.entry();
  long long old = 0;
  if (e) {
    if (!IsString(e)) return OpStatus::kWrongType;
    if (e->encoding() == Encoding::kInt) {
      old = e->int_value();
    } else {
      IntBuf buf;
      if (!engine::StringToLL(e->StringValue(buf), &old)) return OpStatus::kNotInteger;
    }
  }
  if ((incr < 0 && old < 0 && incr < LLONG_MIN - old) ||
      (incr > 0 && old > 0 && incr > LLONG_MAX - old)) {
    return OpStatus::kOverflow;
  }
  const long long value = old + incr;
  if (e && e->encoding() == Encoding::kInt) {
    w.SetInt(value);  // the hot path: no allocation, same entry
    return value;
  }
  Entry::Init init;
  init.encoding = Encoding::kInt;
  init.integer = value;
  w.Set(init, /*keep_ttl=*/true);
  return value;
}

OpResult<std::string> OpIncrByFloat(Database& db, std::string_view key, std::string_view incr) {
  KeyWrite w(db, key);
  Entry* e = w.entry();
  long double value = 0;
  if (e) {
    if (!IsString(e)) return OpStatus::kWrongType;
    if (e->encoding() == Encoding::kInt) {
      value = static_cast<long double>(e->int_value());
    } else {
      IntBuf buf;
      if (!engine::StringToLongDouble(e->StringValue(buf), &value)) return OpStatus::kNotFloat;
    }
  }
  long double delta;
  if (!engine::StringToLongDouble(incr, &delta)) return OpStatus::kNotFloat;
  value += delta;
  if (std::isnan(value) || std::isinf(value)) return OpStatus::kNanOrInf;
  std::string text = engine::LongDoubleToString(value, /*humanfriendly=*/true);
  w.Set(StringInit(text, /*allow_int=*/false), /*keep_ttl=*/true);
  return text;
}

OpResult<size_t> OpAppend(Database& db, std::string_view key, std::string_view value,
                          unsigned long long max_len) {
  KeyWrite w(db, key);
  if (!w.entry()) {
    w.Set(StringInit(value));
    return value.size();
  }
  if (!IsString(w.entry())) return OpStatus::kWrongType;
  IntBuf buf;
  if (ExceedsMaxLen(w.entry()->StringValue(buf).size(), value.size(), max_len)) {
    return OpStatus::kTooBig;
  }
  std::string* s = w.MutableRaw();
  s->append(value);
  return s->size();
}

OpResult<size_t> OpPrepend(Database& db, std::string_view key, std::string_view value,
                           unsigned long long max_len) {
  KeyWrite w(db, key);
  if (!w.entry()) return OpStatus::kKeyNotFound;
  if (!IsString(w.entry())) return OpStatus::kWrongType;
  IntBuf buf;
  if (ExceedsMaxLen(w.entry()->StringValue(buf).size(), value.size(), max_len)) {
    return OpStatus::kTooBig;
  }
  std::string* s = w.MutableRaw();
  s->insert(0, value);
  return s->size();
}

OpResult<size_t> OpSetRange(Database& db, std::string_view key, unsigned long long offset,
                            std::string_view value, unsigned long long max_len) {
  KeyWrite w(db, key);
  if (!w.entry()) {
    if (value.empty()) return size_t{0};
    if (ExceedsMaxLen(offset, value.size(), max_len)) return OpStatus::kTooBig;
    Entry::Init init;
    init.encoding = Encoding::kRaw;  // Redis builds a raw object here, even for short values
    init.raw = new std::string(offset, '\0');
    init.raw->append(value);
    w.Set(init);
    return init.raw->size();
  }
  if (!IsString(w.entry())) return OpStatus::kWrongType;
  IntBuf buf;
  const size_t len = w.entry()->StringValue(buf).size();
  if (value.empty()) return len;  // nothing written: Redis does not signal
  if (ExceedsMaxLen(offset, value.size(), max_len)) return OpStatus::kTooBig;
  std::string* s = w.MutableRaw();
  if (s->size() < offset + value.size()) s->resize(offset + value.size(), '\0');
  s->replace(offset, value.size(), value);
  return s->size();
}

OpResult<std::string*> BitsForWrite(KeyWrite& w, uint64_t max_bit) {
  const size_t need = static_cast<size_t>(max_bit >> 3) + 1;
  if (!w.entry()) {
    Entry::Init init;
    init.encoding = Encoding::kRaw;
    init.raw = new std::string(need, '\0');
    w.Set(init);
    return init.raw;
  }
  if (!IsString(w.entry())) return OpStatus::kWrongType;
  // Converting the encoding alone is not a change Redis signals (dbUnshareStringValue).
  std::string* s = w.MutableRaw(/*modifies=*/false);
  if (s->size() < need) {
    s->resize(need, '\0');
    w.MarkModified();
  }
  return s;
}

// --- GETEX, MSET, MSETNX, LCS ----------------------------------------------------------------

OpResult<std::string> OpGetEx(Database& db, std::string_view key, const GetExParams& params,
                              int64_t now_ms) {
  KeyWrite w(db, key, Database::kCountStats);
  Entry* e = w.entry();
  if (!e) return OpStatus::kKeyNotFound;
  if (!IsString(e)) return OpStatus::kWrongType;
  IntBuf buf;
  std::string value(e->StringValue(buf));
  switch (params.expiry) {
    case GetExParams::Expiry::kKeep:
      break;
    case GetExParams::Expiry::kPersist:
      w.Persist();  // without a TTL: no change, no signal
      break;
    case GetExParams::Expiry::kSet:
      if (params.expire_at_ms <= now_ms) {
        w.Delete();  // a time already past deletes the key
      } else {
        w.SetExpire(params.expire_at_ms);
      }
      break;
  }
  return value;
}

void OpMSet(Database& db, std::span<const std::string_view> key_values, const OnKeyStored& stored) {
  for (size_t i = 0; i + 1 < key_values.size(); i += 2) {
    db.PutString(key_values[i], key_values[i + 1]);
    if (stored) stored(key_values[i]);
  }
}

bool OpMSetNx(Database& db, std::span<const std::string_view> key_values,
              const OnKeyStored& stored) {
  for (size_t i = 0; i + 1 < key_values.size(); i += 2) {
    if (db.Find(key_values[i])) return false;
  }
  OpMSet(db, key_values, stored);
  return true;
}

OpResult<std::pair<std::string_view, std::string_view>> OpLcsInputs(Database& db,
                                                                    std::string_view key_a,
                                                                    std::string_view key_b,
                                                                    IntBuf& buf_a, IntBuf& buf_b) {
  const Entry* a = db.FindRead(key_a);
  const Entry* b = db.FindRead(key_b);
  if ((a && !IsString(a)) || (b && !IsString(b))) return OpStatus::kWrongType;
  return std::pair(a ? a->StringValue(buf_a) : std::string_view(),
                   b ? b->StringValue(buf_b) : std::string_view());
}

// --- Bit primitives --------------------------------------------------------------------------

namespace {

// Popcount over whole bytes, 8 at a time. The x86-64 build carries a POPCNT variant chosen at
// run time, since the baseline target lacks the instruction.
template <int kDummy>
inline uint64_t PopCountBody(const unsigned char* p, size_t n) {
  uint64_t c0 = 0, c1 = 0, c2 = 0, c3 = 0;
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    uint64_t w[4];
    std::memcpy(w, p + i, 32);
    c0 += __builtin_popcountll(w[0]);
    c1 += __builtin_popcountll(w[1]);
    c2 += __builtin_popcountll(w[2]);
    c3 += __builtin_popcountll(w[3]);
  }
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    c0 += __builtin_popcountll(w);
  }
  for (; i < n; ++i) c0 += __builtin_popcount(p[i]);
  return c0 + c1 + c2 + c3;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target("popcnt"))) uint64_t PopCountHw(const unsigned char* p, size_t n) {
  return PopCountBody<1>(p, n);
}
uint64_t PopCount(const unsigned char* p, size_t n) {
  static const bool kHasPopcnt = __builtin_cpu_supports("popcnt");
  return kHasPopcnt ? PopCountHw(p, n) : PopCountBody<0>(p, n);
}
#else
uint64_t PopCount(const unsigned char* p, size_t n) { return PopCountBody<0>(p, n); }
#endif

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

bool BitAt(const unsigned char* p, uint64_t i) { return (p[i >> 3] >> (7 - (i & 7))) & 1; }

}  // namespace

uint64_t CountBits(std::string_view s, uint64_t first_bit, uint64_t last_bit) {
  const unsigned char* p = Bytes(s);
  const uint64_t first_byte = first_bit >> 3, last_byte = last_bit >> 3;
  uint64_t count = PopCount(p + first_byte, last_byte - first_byte + 1);
  // Take back the bits of the edge bytes that lie outside the range.
  const unsigned head_mask = (0xFFu << (8 - (first_bit & 7))) & 0xFFu;
  const unsigned tail_mask = (1u << (7 - (last_bit & 7))) - 1;
  count -= __builtin_popcount(p[first_byte] & head_mask);
  count -= __builtin_popcount(p[last_byte] & tail_mask);
  return count;
}

long long FindBit(std::string_view s, bool bit, uint64_t first_bit, uint64_t last_bit) {
  const unsigned char* p = Bytes(s);
  const unsigned char skip = bit ? 0x00 : 0xFF;  // bytes holding no wanted bit
  uint64_t i = first_bit;
  while (i <= last_bit && (i & 7) != 0) {
    if (BitAt(p, i) == bit) return static_cast<long long>(i);
    ++i;
  }
  const uint64_t skip_word = bit ? 0 : ~uint64_t{0};
  while (i + 64 <= last_bit + 1) {
    uint64_t w;
    std::memcpy(&w, p + (i >> 3), 8);
    if (w != skip_word) break;
    i += 64;
  }
  while (i + 8 <= last_bit + 1 && p[i >> 3] == skip) i += 8;
  while (i <= last_bit) {
    if (BitAt(p, i) == bit) return static_cast<long long>(i);
    ++i;
  }
  return -1;
}

uint64_t GetUnsignedBitfield(const unsigned char* p, uint64_t offset, int bits) {
  uint64_t value = 0;
  for (int j = 0; j < bits; ++j, ++offset) value = (value << 1) | BitAt(p, offset);
  return value;
}

int64_t GetSignedBitfield(const unsigned char* p, uint64_t offset, int bits) {
  uint64_t value = GetUnsignedBitfield(p, offset, bits);
  // Sign-extend from the field's top bit.
  if (bits < 64 && (value & (uint64_t{1} << (bits - 1)))) value |= ~uint64_t{0} << bits;
  return static_cast<int64_t>(value);
}

void SetBitfield(unsigned char* p, uint64_t offset, int bits, uint64_t value) {
  for (int j = 0; j < bits; ++j, ++offset) {
    const unsigned bitval = (value >> (bits - 1 - j)) & 1;
    const unsigned shift = 7 - (offset & 7);
    unsigned char& byte = p[offset >> 3];
    byte = static_cast<unsigned char>((byte & ~(1u << shift)) | (bitval << shift));
  }
}

int CheckUnsignedBitfieldOverflow(uint64_t value, int64_t incr, int bits, BitfieldOverflow how,
                                  uint64_t* limit) {
  const uint64_t max = bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
  const int64_t maxincr = static_cast<int64_t>(max - value);
  const int64_t minincr = static_cast<int64_t>(0 - value);
  int result = 0;
  if (value > max || (incr > 0 && incr > maxincr)) {
    result = 1;
    if (how == BitfieldOverflow::kSat) *limit = max;
  } else if (incr < 0 && incr < minincr) {
    result = -1;
    if (how == BitfieldOverflow::kSat) *limit = 0;
  }
  if (result != 0 && how == BitfieldOverflow::kWrap) {
    *limit = (value + static_cast<uint64_t>(incr)) & max;
    return 1;  // Redis reports every wrapped overflow as 1
  }
  return result;
}

int CheckSignedBitfieldOverflow(int64_t value, int64_t incr, int bits, BitfieldOverflow how,
                                int64_t* limit) {
  const int64_t max = bits == 64 ? INT64_MAX : (int64_t{1} << (bits - 1)) - 1;
  const int64_t min = -max - 1;
  // These may wrap; Redis only relies on them once `value` is known to be in range.
  const int64_t maxincr = static_cast<int64_t>(static_cast<uint64_t>(max) - value);
  const int64_t minincr = static_cast<int64_t>(static_cast<uint64_t>(min) - value);
  int result = 0;
  if (value > max || (bits != 64 && incr > maxincr) || (value >= 0 && incr > 0 && incr > maxincr)) {
    result = 1;
    if (how == BitfieldOverflow::kSat) *limit = max;
  } else if (value < min || (bits != 64 && incr < minincr) ||
             (value < 0 && incr < 0 && incr < minincr)) {
    result = -1;
    if (how == BitfieldOverflow::kSat) *limit = min;
  }
  if (result != 0 && how == BitfieldOverflow::kWrap) {
    uint64_t c = static_cast<uint64_t>(value) + static_cast<uint64_t>(incr);
    if (bits < 64) {
      const uint64_t mask = ~uint64_t{0} << bits;
      c = (c & (uint64_t{1} << (bits - 1))) ? (c | mask) : (c & ~mask);
    }
    *limit = static_cast<int64_t>(c);
    return 1;
  }
  return result;
}

}  // namespace tandem::commands
