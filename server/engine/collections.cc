#include "server/engine/collections.h"

#include <malloc.h>

#include <cstring>
#include <new>

#include "server/engine/varint.h"

namespace tandem::engine {
namespace {

uint8_t WidthOf(int64_t v) {
  for (uint8_t w = 1; w < 8; ++w) {
    const int64_t lim = int64_t{1} << (8 * w - 1);
    if (v >= -lim && v < lim) return w;
  }
  return 8;
}

void* Allocate(void* old, size_t size) {
  void* p = std::realloc(old, size);
  if (!p) throw std::bad_alloc();
  return p;
}

}  // namespace

// --- IntSetObject ----------------------------------------------------------------------------

IntSetObject* IntSetObject::Create() {
  void* mem = Allocate(nullptr, sizeof(IntSetObject));
  IntSetObject* s = new (mem) IntSetObject();
  s->bytes_ = malloc_usable_size(s);
  return s;
}

Object* IntSetObject::Clone() const {
  const size_t size = sizeof(IntSetObject) + size_t{count_} * width_;
  void* mem = Allocate(nullptr, size);
  IntSetObject* s = new (mem) IntSetObject();
  s->count_ = count_;
  s->width_ = width_;
  std::memcpy(s->data(), data(), size - sizeof(IntSetObject));
  s->bytes_ = malloc_usable_size(s);
  return s;
}

int64_t IntSetObject::At(size_t i) const {
  uint64_t u = 0;
  std::memcpy(&u, data() + i * width_, width_);  // little-endian
  const int shift = 64 - 8 * width_;
  return static_cast<int64_t>(u << shift) >> shift;
}

void IntSetObject::Put(size_t i, int64_t v) { std::memcpy(data() + i * width_, &v, width_); }

bool IntSetObject::Search(int64_t v, size_t* pos) const {
  size_t lo = 0, hi = count_;
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    const int64_t x = At(mid);
    if (x == v) {
      *pos = mid;
      return true;
    }
    if (x < v) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  *pos = lo;
  return false;
}

IntSetObject* IntSetObject::Resize(IntSetObject* self, size_t count, uint8_t width) {
  IntSetObject* s =
      static_cast<IntSetObject*>(Allocate(self, sizeof(IntSetObject) + count * width));
  s->bytes_ = malloc_usable_size(s);
  return s;
}

bool IntSetObject::Add(IntSetObject*& self, int64_t v) {
  size_t pos;
  if (self->Search(v, &pos)) return false;
  const uint8_t w = WidthOf(v);
  const size_t n = self->count_;
  if (w > self->width_) {
    // Widen every element, from the end so nothing is overwritten before it is read.
    const uint8_t old_w = self->width_;
    self = Resize(self, n + 1, w);
    for (size_t i = n; i-- > 0;) {
      self->width_ = old_w;
      const int64_t x = self->At(i);
      self->width_ = w;
      self->Put(i, x);
    }
    self->width_ = w;
  } else {
    self = Resize(self, n + 1, self->width_);
  }
  std::memmove(self->data() + (pos + 1) * self->width_, self->data() + pos * self->width_,
               (n - pos) * self->width_);
  self->Put(pos, v);
  self->count_ = static_cast<uint32_t>(n + 1);
  return true;
}

void IntSetObject::RemoveAt(IntSetObject*& self, size_t i) {
  const size_t n = self->count_;
  std::memmove(self->data() + i * self->width_, self->data() + (i + 1) * self->width_,
               (n - i - 1) * self->width_);
  self->count_ = static_cast<uint32_t>(n - 1);
  self = Resize(self, n - 1, self->width_);
}

bool IntSetObject::Remove(IntSetObject*& self, int64_t v) {
  size_t pos;
  if (!self->Search(v, &pos)) return false;
  RemoveAt(self, pos);
  return true;
}

// --- HashPackObject --------------------------------------------------------------------------

HashPackObject* HashPackObject::Create() {
  void* mem = Allocate(nullptr, sizeof(HashPackObject) + 1);
  HashPackObject* h = new (mem) HashPackObject();
  h->data()[0] = static_cast<char>(kEnd);
  h->bytes_ = malloc_usable_size(h);
  return h;
}

Object* HashPackObject::Clone() const {
  const size_t used = EndOffset() + 1;
  void* mem = Allocate(nullptr, sizeof(HashPackObject) + used);
  HashPackObject* h = new (mem) HashPackObject();
  std::memcpy(h->data(), data(), used);
  h->bytes_ = malloc_usable_size(h);
  return h;
}

const char* HashPackObject::ReadPair(const char* p, std::string_view* f, std::string_view* v) {
  const uint8_t h = static_cast<uint8_t>(*p++);
  size_t flen, vlen;
  if (h != kLong) {
    flen = h >> 4;
    vlen = h & 0xf;
  } else {
    p = GetVarint(GetVarint(p, &flen), &vlen);
  }
  *f = std::string_view(p, flen);
  *v = std::string_view(p + flen, vlen);
  return p + flen + vlen;
}

std::string HashPackObject::EncodePair(std::string_view field, std::string_view value) {
  std::string out;
  const size_t f = field.size(), v = value.size();
  if (f < 16 && v < 16 && ((f << 4) | v) < kEnd) {
    out.push_back(static_cast<char>((f << 4) | v));
  } else {
    char buf[21];
    char* p = buf;
    *p++ = static_cast<char>(kLong);
    p = PutVarint(PutVarint(p, f), v);
    out.append(buf, p - buf);
  }
  out.append(field);
  out.append(value);
  return out;
}

size_t HashPackObject::EndOffset() const {
  const char* p = data();
  std::string_view f, v;
  while (static_cast<uint8_t>(*p) != kEnd) p = ReadPair(p, &f, &v);
  return p - data();
}

size_t HashPackObject::size() const {
  size_t n = 0;
  ForEach([&](std::string_view, std::string_view) {
    ++n;
    return true;
  });
  return n;
}

bool HashPackObject::Locate(std::string_view field, size_t* off, size_t* len, size_t* end) const {
  const char* begin = data();
  const char* p = begin;
  bool found = false;
  while (static_cast<uint8_t>(*p) != kEnd) {
    std::string_view f, v;
    const char* next = ReadPair(p, &f, &v);
    if (!found && f == field) {
      found = true;
      *off = p - begin;
      *len = next - p;
    }
    p = next;
  }
  *end = p - begin;
  return found;
}

bool HashPackObject::Find(std::string_view field, std::string_view* value) const {
  const char* p = data();
  while (static_cast<uint8_t>(*p) != kEnd) {
    std::string_view f, v;
    p = ReadPair(p, &f, &v);
    if (f == field) {
      *value = v;
      return true;
    }
  }
  return false;
}

std::pair<std::string_view, std::string_view> HashPackObject::At(size_t i) const {
  const char* p = data();
  std::string_view f, v;
  for (size_t k = 0; k <= i; ++k) p = ReadPair(p, &f, &v);
  return {f, v};
}

HashPackObject* HashPackObject::Reserve(HashPackObject* self, size_t used) {
  HashPackObject* h = static_cast<HashPackObject*>(Allocate(self, sizeof(HashPackObject) + used));
  h->bytes_ = malloc_usable_size(h);
  return h;
}

bool HashPackObject::Set(HashPackObject*& self, std::string_view field, std::string_view value) {
  size_t off = 0, len = 0, end;
  const bool found = self->Locate(field, &off, &len, &end);
  if (found) {
    std::string_view f, old;
    ReadPair(self->data() + off, &f, &old);
    if (old.size() == value.size()) {  // same lengths, same header: overwrite in place
      std::memmove(const_cast<char*>(old.data()), value.data(), value.size());
      return false;
    }
  } else {
    off = end;  // append before the end byte
  }
  const std::string pair = EncodePair(field, value);
  const size_t used = end + 1;
  const size_t new_used = used - len + pair.size();
  if (new_used > used) self = Reserve(self, new_used);
  char* d = self->data();
  std::memmove(d + off + pair.size(), d + off + len, used - off - len);
  std::memcpy(d + off, pair.data(), pair.size());
  if (new_used < used) self = Reserve(self, new_used);
  return !found;
}

bool HashPackObject::Erase(HashPackObject*& self, std::string_view field) {
  size_t off, len, end;
  if (!self->Locate(field, &off, &len, &end)) return false;
  char* d = self->data();
  std::memmove(d + off, d + off + len, end + 1 - off - len);
  self = Reserve(self, end + 1 - len);
  return true;
}

}  // namespace tandem::engine
