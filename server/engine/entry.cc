#include "server/engine/entry.h"

#include <malloc.h>

#include <cstddef>
#include <cstdlib>
#include <new>

#include "server/engine/varint.h"

namespace tandem::engine {
namespace {

size_t ValueSize(const Entry::Init& init) {
  if (init.type != ObjType::kString) return sizeof(void*);
  switch (init.encoding) {
    case Encoding::kInt:
      return sizeof(int64_t);
    case Encoding::kEmbStr:
      return VarintSize(init.str.size()) + init.str.size();
    default:
      return sizeof(void*);
  }
}

}  // namespace

std::string_view EncodingName(Encoding e) {
  static constexpr std::string_view kNames[] = {"raw",       "int",      "embstr", "hashtable",
                                                "quicklist", "listpack", "intset", "skiplist"};
  return kNames[static_cast<int>(e)];
}

std::string_view TypeName(ObjType t) {
  static constexpr std::string_view kNames[] = {"string", "list", "set", "zset", "hash"};
  return kNames[static_cast<int>(t)];
}

// malloc's alignment is what frees the link word's low bits for the optional-field flags.
static_assert(alignof(std::max_align_t) >= 16, "entries need 16-byte aligned allocations");

Entry* Entry::Create(std::string_view key, const Init& init) {
  const bool has_flags = init.client_flags != 0;
  size_t size = kHeaderSize + (init.has_expire ? 8 : 0) + (init.has_version ? 8 : 0) +
                (has_flags ? 4 : 0) + VarintSize(key.size()) + key.size() + ValueSize(init);
  void* mem = std::malloc(size);
  if (!mem) throw std::bad_alloc();
  Entry* e = static_cast<Entry*>(mem);
  uint8_t tag = static_cast<uint8_t>(init.type) | (static_cast<uint8_t>(init.encoding) << 3) |
                (init.has_expire ? kExpireBit : 0);
  e->word_ = (uint64_t{tag} << 48) | (init.has_version ? kVersionBit : 0) |
             (has_flags ? kFlagsBit : 0) | (init.lease & kLeaseBits);
  e->set_lru(init.lru);
  e->state_ = init.fetched ? kFetchedBit : 0;
  char* p = e->body();
  if (init.has_expire) {
    std::memcpy(p, &init.expire_at_ms, 8);
    p += 8;
  }
  if (init.has_version) {
    std::memcpy(p, &init.version, 8);
    p += 8;
  }
  if (has_flags) {
    std::memcpy(p, &init.client_flags, 4);
    p += 4;
  }
  p = PutVarint(p, key.size());
  std::memcpy(p, key.data(), key.size());
  p += key.size();
  if (init.type != ObjType::kString) {
    std::memcpy(p, &init.object, sizeof(void*));
  } else if (init.encoding == Encoding::kInt) {
    int64_t v = init.integer;
    std::memcpy(p, &v, 8);
  } else if (init.encoding == Encoding::kEmbStr) {
    p = PutVarint(p, init.str.size());
    std::memcpy(p, init.str.data(), init.str.size());
  } else {
    std::memcpy(p, &init.raw, sizeof(void*));
  }
  return e;
}

void Entry::Destroy(Entry* e) {
  if (e->type() != ObjType::kString) {
    delete e->object();
  } else if (e->encoding() == Encoding::kRaw) {
    delete e->raw();
  }
  std::free(e);
}

// Everything `e` holds, the value by reference (owning pointers are shared, not copied).
Entry::Init Entry::InitFrom(const Entry* e) {
  Init init;
  init.type = e->type();
  init.encoding = e->encoding();
  init.has_expire = e->has_expire();
  init.expire_at_ms = init.has_expire ? e->expire_at() : 0;
  init.lru = e->lru();
  init.client_flags = e->client_flags();
  init.has_version = e->has_version();
  init.version = init.has_version ? e->version() : 0;
  init.lease = e->lease();
  init.fetched = e->fetched();
  if (init.type != ObjType::kString) {
    init.object = e->object();
  } else if (init.encoding == Encoding::kInt) {
    init.integer = e->int_value();
  } else if (init.encoding == Encoding::kEmbStr) {
    init.str = e->emb();
  } else {
    init.raw = e->raw();
  }
  return init;
}

Entry* Entry::WithExpire(Entry* e, bool has_expire, int64_t expire_at_ms) {
  if (e->has_expire() == has_expire) {
    if (has_expire) e->set_expire_at(expire_at_ms);
    return e;
  }
  Init init = InitFrom(e);
  init.has_expire = has_expire;
  init.expire_at_ms = expire_at_ms;
  Entry* copy = Create(e->key(), init);
  copy->set_next(e->next());
  copy->set_unshared(e->unshared());
  std::free(e);  // the value now belongs to `copy`
  return copy;
}

Entry* Entry::WithVersion(Entry* e, uint64_t version) {
  if (e->has_version()) {
    e->set_version(version);
    return e;
  }
  Init init = InitFrom(e);
  init.has_version = true;
  init.version = version;
  Entry* copy = Create(e->key(), init);
  copy->set_next(e->next());
  copy->set_unshared(e->unshared());
  std::free(e);  // the value now belongs to `copy`
  return copy;
}

Entry* Entry::WithRawValue(Entry* e) {
  if (e->encoding() == Encoding::kRaw) return e;
  Init init = InitFrom(e);
  char buf[24];
  init.encoding = Encoding::kRaw;
  init.raw = new std::string(e->StringValue(buf));
  Entry* copy = Create(e->key(), init);
  copy->set_next(e->next());
  std::free(e);  // an int or embedded value lived inside `e`: nothing else to free
  return copy;
}

Entry* Entry::Rekey(Entry* e, std::string_view key) {
  Entry* copy = Create(key, InitFrom(e));
  copy->set_unshared(e->unshared());
  std::free(e);  // the value now belongs to `copy`
  return copy;
}

Entry* Entry::Clone(const Entry* e, std::string_view key) {
  Init init = InitFrom(e);
  init.has_version = false;
  init.version = 0;
  init.lease = 0;
  init.fetched = false;
  if (init.type != ObjType::kString) {
    init.object = e->object()->Clone();
  } else if (init.encoding == Encoding::kRaw) {
    init.raw = new std::string(*e->raw());
  }
  Entry* copy = Create(key, init);
  // Redis's dupStringObject gives a private object even for a shared integer.
  copy->set_unshared(init.type == ObjType::kString && init.encoding == Encoding::kInt);
  return copy;
}

int64_t Entry::expire_at() const {
  int64_t v;
  std::memcpy(&v, body(), 8);
  return v;
}

void Entry::set_expire_at(int64_t ms) { std::memcpy(body(), &ms, 8); }

void Entry::set_lru(uint32_t v) {
  word_ = (word_ & ~(uint64_t{0xff} << 56)) | (uint64_t{v & 0xff} << 56);
  lru_hi_[0] = static_cast<uint8_t>(v >> 8);
  lru_hi_[1] = static_cast<uint8_t>(v >> 16);
}

uint32_t Entry::client_flags() const {
  if (!(word_ & kFlagsBit)) return 0;
  uint32_t v;
  std::memcpy(&v, body() + OptionalBytes() - 4, 4);
  return v;
}

uint64_t Entry::version() const {
  uint64_t v;
  std::memcpy(&v, body() + (has_expire() ? 8 : 0), 8);
  return v;
}

void Entry::set_version(uint64_t v) { std::memcpy(body() + (has_expire() ? 8 : 0), &v, 8); }

const char* Entry::ReadLongLength(const char* p, size_t* len) { return GetVarint(p, len); }

long long Entry::int_value() const {
  int64_t v;
  std::memcpy(&v, value_start(), 8);
  return v;
}

void Entry::set_int_value(long long v) {
  int64_t x = v;
  std::memcpy(const_cast<char*>(value_start()), &x, 8);
  set_unshared(false);
}

std::string* Entry::raw() const {
  std::string* s;
  std::memcpy(&s, value_start(), sizeof(s));
  return s;
}

bool Entry::OverwriteInPlace(const Init& init) {
  if (init.type != ObjType::kString || type() != ObjType::kString || init.encoding != encoding() ||
      init.has_expire != has_expire() || (init.client_flags != 0) != ((word_ & kFlagsBit) != 0)) {
    return false;
  }
  if (init.encoding == Encoding::kInt) {
    set_int_value(init.integer);
  } else if (init.encoding == Encoding::kEmbStr && emb().size() == init.str.size()) {
    std::memmove(const_cast<char*>(emb().data()), init.str.data(), init.str.size());
  } else {
    return false;
  }
  if (init.has_expire) set_expire_at(init.expire_at_ms);
  if (init.client_flags != 0) {
    std::memcpy(body() + OptionalBytes() - 4, &init.client_flags, 4);
  }
  set_lease(init.lease);
  set_fetched(init.fetched);
  return true;
}

Object* Entry::object() const {
  Object* o;
  std::memcpy(&o, value_start(), sizeof(o));
  return o;
}

std::string_view Entry::StringValue(char (&buf)[24]) const {
  switch (encoding()) {
    case Encoding::kInt: {
      long long v = int_value();
      char* end = buf + sizeof(buf);
      char* p = end;
      unsigned long long u = v < 0 ? 0ull - static_cast<unsigned long long>(v) : v;
      do {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
      } while (u);
      if (v < 0) *--p = '-';
      return {p, static_cast<size_t>(end - p)};
    }
    case Encoding::kEmbStr:
      return emb();
    default:
      return *raw();
  }
}

size_t Entry::MemoryUsage() const {
  size_t n = malloc_usable_size(const_cast<Entry*>(this));
  if (type() != ObjType::kString) {
    n += object()->MemoryUsage();
  } else if (encoding() == Encoding::kRaw) {
    n += sizeof(std::string) + raw()->capacity() + 1;
  }
  return n;
}

}  // namespace tandem::engine
