// One keyspace entry: a single allocation holding the bucket-chain link, type/encoding
// tag, LRU clock, optional expiry, the key and (for small strings and integers) the value.
// Layout (bytes):
//   [0..8)   next pointer (bits 4..47; entries are 16-byte aligned, so its low 4 bits hold
//            the optional-field bits below and memcached's two lease bits) | tag (8 bits) |
//            lru low byte (8 bits)
//   [8..10)  lru high bits
//   [10]     state bits (kFetchedBit)
//   then the optional fields, each present only when its bit is set:
//     8 bytes  expire time in ms                 (tag's expire bit)
//     8 bytes  version, memcached's CAS          (kVersionBit in the link word)
//     4 bytes  memcached client flags, non-zero  (kFlagsBit in the link word)
//   varint key length, key bytes
//   value: kInt -> int64; kEmbStr -> varint length + bytes; otherwise an owning pointer
//          (std::string for kRaw strings, Object for collections).
// An entry written only through the Redis door carries none of the optional fields: a
// version is stamped on the first read that needs one (a memcached `gets`), and client
// flags only exist when they are not zero.
// Entries are owned by a Table and only touched under the engine lock.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace tandem::engine {

enum class ObjType : uint8_t { kString = 0, kList = 1, kSet = 2, kZSet = 3, kHash = 4 };

// Redis's OBJECT ENCODING names, in tag order.
enum class Encoding : uint8_t {
  kRaw = 0,
  kInt = 1,
  kEmbStr = 2,
  kHashtable = 3,
  kQuicklist = 4,
  kListpack = 5,
  kIntset = 6,
  kSkiplist = 7,
};

std::string_view EncodingName(Encoding e);
std::string_view TypeName(ObjType t);

// Base of collection values (lists, sets, ...). Owned by its Entry.
class Object {
 public:
  virtual ~Object() = default;
  // Bytes held by this object, for memory accounting. The object keeps the count current as
  // it grows and shrinks, so accounting reads a field instead of walking the value or
  // making a virtual call.
  size_t MemoryUsage() const { return bytes_; }
  // A deep copy (COPY, MOVE keep the source intact).
  virtual Object* Clone() const = 0;

 protected:
  size_t bytes_ = 0;
};

// Strings of up to this length are stored inside the entry (Redis's embstr limit).
inline constexpr size_t kEmbStrMaxLen = 44;

class Entry {
 public:
  // What to store. Exactly one of the value fields is used, chosen by `encoding`.
  struct Init {
    ObjType type = ObjType::kString;
    Encoding encoding = Encoding::kEmbStr;
    std::string_view str;        // kEmbStr
    long long integer = 0;       // kInt
    std::string* raw = nullptr;  // kRaw: ownership passes to the entry
    Object* object = nullptr;    // collections: ownership passes to the entry
    bool has_expire = false;
    int64_t expire_at_ms = 0;
    uint32_t lru = 0;
    // memcached's client flags; stored only when non-zero.
    uint32_t client_flags = 0;
    // A version field (memcached's CAS), stored only when has_version.
    bool has_version = false;
    uint64_t version = 0;
    // memcached's lease bits (kLeaseStale | kLeaseTokenSent); a new value has none.
    uint8_t lease = 0;
    // Whether the value was read (see fetched()); a new value was not.
    bool fetched = false;
  };

  // memcached's lease state, set by the meta commands: the item was marked stale (md I,
  // ms I) / a client was sent the token (W) that makes it the one to recache the item.
  // Copies of the entry (touch, a CAS stamp) keep them; a new value starts without.
  static constexpr uint8_t kLeaseStale = 0x4;
  static constexpr uint8_t kLeaseTokenSent = 0x8;

  static Entry* Create(std::string_view key, const Init& init);
  // Frees the entry and the value it owns.
  static void Destroy(Entry* e);
  // These copies keep `e`'s chain link, so the table only needs pointing at them
  // (Table::Moved).
  // Copies `e` with a different expiry (the value moves to the copy; `e` is freed).
  static Entry* WithExpire(Entry* e, bool has_expire, int64_t expire_at_ms);
  // Copies `e` with a version field holding `version` (the value moves; `e` is freed).
  static Entry* WithVersion(Entry* e, uint64_t version);
  // Copies a string entry with its value held as a raw std::string (same text, expiry,
  // LRU, flags and version; `e` is freed). For values about to be edited in place.
  static Entry* WithRawValue(Entry* e);
  // A deep copy under a (possibly different) key, same value, expiry and client flags; no
  // version (the copy is a new item).
  static Entry* Clone(const Entry* e, std::string_view key);
  // Copies `e` under another key (RENAME): the value and expiry move to the copy; `e`, which
  // must already be out of its table, is freed.
  static Entry* Rekey(Entry* e, std::string_view key);

  // Stores `init`'s string value, expiry and client flags in place when they take exactly
  // the room the current ones take (an integer over an integer, an embedded string over one
  // of the same length, the same expiry and flags presence). A version field stays. Returns
  // false, changing nothing, otherwise.
  bool OverwriteInPlace(const Init& init);

  Entry* next() const { return reinterpret_cast<Entry*>(word_ & kPtrMask); }
  void set_next(Entry* n) { word_ = (word_ & ~kPtrMask) | reinterpret_cast<uint64_t>(n); }

  // memcached's client flags (0 when the entry has none).
  uint32_t client_flags() const;
  // Only when has_version(): the version memcached reports as the CAS value.
  bool has_version() const { return word_ & kVersionBit; }
  uint8_t lease() const { return word_ & kLeaseBits; }
  void set_lease(uint8_t bits) { word_ = (word_ & ~kLeaseBits) | (bits & kLeaseBits); }
  uint64_t version() const;
  void set_version(uint64_t v);
  // memcached's ITEM_FETCHED: the value was read (a memcached get, gat, touch or mg, a Redis
  // read command) since it was stored. `mg ... h` reports it; expiry and eviction of values
  // never read are counted (expired_unfetched, evicted_unfetched). Copies of the entry keep
  // it; a new value, an in-place overwrite and a clone start without.
  bool fetched() const { return state_ & kFetchedBit; }
  void set_fetched(bool v) { state_ = v ? state_ | kFetchedBit : state_ & ~kFetchedBit; }

  ObjType type() const { return static_cast<ObjType>(tag() & 0x7); }
  Encoding encoding() const { return static_cast<Encoding>((tag() >> 3) & 0x7); }
  // Changes the encoding among those that keep the same value layout (pointer-sized:
  // collections switching representation).
  void set_encoding(Encoding e) { set_tag((tag() & ~0x38) | (static_cast<uint8_t>(e) << 3)); }
  bool has_expire() const { return tag() & kExpireBit; }
  int64_t expire_at() const;
  // Only valid when has_expire(); the entry keeps its size.
  void set_expire_at(int64_t ms);

  uint32_t lru() const {
    return static_cast<uint32_t>(word_ >> 56) | (uint32_t{lru_hi_[0]} << 8) |
           (uint32_t{lru_hi_[1]} << 16);
  }
  void set_lru(uint32_t v);

  std::string_view key() const {
    size_t len;
    const char* p = key_start(&len);
    return {p, len};
  }

  // String access. int_value() for kInt, raw() for kRaw, emb() for kEmbStr.
  long long int_value() const;
  // Only when encoding() == kInt. Clears unshared(): a new integer value is what Redis would
  // take from its shared integers.
  void set_int_value(long long v);
  // An int-encoded value Redis would hold as a private object rather than one of its shared
  // integers 0..9999 (COPY duplicates the object); only OBJECT REFCOUNT and DEBUG OBJECT's
  // refcount tell the difference.
  bool unshared() const { return tag() & kUnsharedBit; }
  void set_unshared(bool v) { set_tag(v ? tag() | kUnsharedBit : tag() & ~kUnsharedBit); }
  std::string* raw() const;
  std::string_view emb() const {
    size_t len;
    const char* p = ReadLength(value_start(), &len);
    return {p, len};
  }
  // The string value whatever its encoding; integers are formatted into `buf`.
  std::string_view StringValue(char (&buf)[24]) const;
  Object* object() const;
  // Points the entry at another collection object (a compact value that moved as it grew);
  // the old one is not freed. Only for collections.
  void set_object(Object* o) { std::memcpy(const_cast<char*>(value_start()), &o, sizeof(o)); }

  // Bytes this entry accounts for (allocation plus owned value).
  size_t MemoryUsage() const;

 private:
  // Bits of the link word: the pointer's bits 4..47, and in the low bits that malloc's
  // 16-byte alignment leaves zero two optional-field flags and the lease bits.
  static constexpr uint64_t kPtrMask = ((uint64_t{1} << 48) - 1) & ~uint64_t{0xf};
  static constexpr uint64_t kVersionBit = 0x1;
  static constexpr uint64_t kFlagsBit = 0x2;
  static constexpr uint64_t kLeaseBits = kLeaseStale | kLeaseTokenSent;
  static constexpr uint8_t kExpireBit = 0x40;
  static constexpr uint8_t kUnsharedBit = 0x80;
  static constexpr uint8_t kFetchedBit = 0x1;
  static_assert(((uint64_t{kExpireBit} << 48) >> 51) == 8, "OptionalBytes reads the expire bit");

  // Bytes of the optional fields that precede the key: 8 for the expiry (the tag's bit 6, bit
  // 54 of the word), 8 for a version, 4 for flags. Branch-free: every key lookup pays it.
  size_t OptionalBytes() const {
    return ((word_ >> 51) & 8) + ((word_ & kVersionBit) << 3) + ((word_ & kFlagsBit) << 1);
  }
  static Init InitFrom(const Entry* e);

  uint8_t tag() const { return static_cast<uint8_t>(word_ >> 48); }
  void set_tag(uint8_t t) { word_ = (word_ & ~(uint64_t{0xff} << 48)) | (uint64_t{t} << 48); }
  const char* body() const { return reinterpret_cast<const char*>(this) + kHeaderSize; }
  char* body() { return reinterpret_cast<char*>(this) + kHeaderSize; }
  // A varint length at `p` (one byte below 128, the common case, read inline).
  static const char* ReadLength(const char* p, size_t* len) {
    const uint8_t b = static_cast<uint8_t>(*p);
    if (b < 0x80) {
      *len = b;
      return p + 1;
    }
    return ReadLongLength(p, len);
  }
  static const char* ReadLongLength(const char* p, size_t* len);
  const char* key_start(size_t* key_len) const {
    return ReadLength(body() + OptionalBytes(), key_len);
  }
  const char* value_start() const {
    size_t len;
    const char* p = key_start(&len);
    return p + len;
  }

  static constexpr size_t kHeaderSize = 11;
  uint64_t word_;
  uint8_t lru_hi_[2];
  uint8_t state_;
};

// Redis-compatible 24-bit LRU clock in seconds.
inline constexpr uint32_t kLruClockMax = (1u << 24) - 1;

}  // namespace tandem::engine
