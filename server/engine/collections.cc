#include "server/engine/collections.h"

#include <malloc.h>

#include <cstring>
#include <new>

namespace tandem::engine {
namespace {

uint8_t WidthOf(int64_t v) {
  for (uint8_t w = 1; w < 8; ++w) {
    const int64_t lim = int64_t{1} << (8 * w - 1);
    if (v >= -lim && v < lim) return w;
  }
  return 8;
}

size_t VarintSize(size_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

char* PutVarint(char* p, size_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
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
  void* mem = Allocate(nullptr, sizeof(HashPackObject));
  HashPackObject* h = new (mem) HashPackObject();
  h->bytes_ = malloc_usable_size(h);
  return h;
}

Object* HashPackObject::Clone() const {
  void* mem = Allocate(nullptr, sizeof(HashPackObject) + used_);
  HashPackObject* h = new (mem) HashPackObject();
  h->used_ = used_;
  h->count_ = count_;
  std::memcpy(h->data(), data(), used_);
  h->bytes_ = malloc_usable_size(h);
  return h;
}

const char* HashPackObject::Read(const char* p, std::string_view* s) {
  size_t len = 0;
  int shift = 0;
  while (true) {
    const uint8_t b = static_cast<uint8_t>(*p++);
    len |= size_t{b & 0x7fu} << shift;
    if (!(b & 0x80)) break;
    shift += 7;
  }
  *s = std::string_view(p, len);
  return p + len;
}

bool HashPackObject::Locate(std::string_view field, size_t* off, size_t* len,
                            std::string_view* value) const {
  const char* begin = data();
  const char* p = begin;
  const char* end = p + used_;
  while (p < end) {
    std::string_view f, v;
    const char* next = Read(Read(p, &f), &v);
    if (f == field) {
      *off = p - begin;
      *len = next - p;
      *value = v;
      return true;
    }
    p = next;
  }
  return false;
}

bool HashPackObject::Find(std::string_view field, std::string_view* value) const {
  size_t off, len;
  return Locate(field, &off, &len, value);
}

std::pair<std::string_view, std::string_view> HashPackObject::At(size_t i) const {
  const char* p = data();
  std::string_view f, v;
  for (size_t k = 0; k <= i; ++k) p = Read(Read(p, &f), &v);
  return {f, v};
}

HashPackObject* HashPackObject::Reserve(HashPackObject* self, size_t used) {
  HashPackObject* h = static_cast<HashPackObject*>(Allocate(self, sizeof(HashPackObject) + used));
  h->bytes_ = malloc_usable_size(h);
  return h;
}

bool HashPackObject::Set(HashPackObject*& self, std::string_view field, std::string_view value) {
  size_t off, len;
  std::string_view old;
  if (self->Locate(field, &off, &len, &old)) {
    if (old.size() == value.size()) {
      std::memmove(const_cast<char*>(old.data()), value.data(), value.size());
      return false;
    }
    // Rewrite the pair in place: keep the field, resize the value part.
    const size_t voff = (old.data() - self->data()) - VarintSize(old.size());
    const size_t old_vlen = old.data() + old.size() - (self->data() + voff);
    const size_t new_vlen = VarintSize(value.size()) + value.size();
    const size_t used = self->used_;
    const size_t tail = used - (voff + old_vlen);
    if (new_vlen > old_vlen) self = Reserve(self, used - old_vlen + new_vlen);
    char* d = self->data();
    std::memmove(d + voff + new_vlen, d + voff + old_vlen, tail);
    char* p = PutVarint(d + voff, value.size());
    std::memcpy(p, value.data(), value.size());
    self->used_ = static_cast<uint32_t>(used - old_vlen + new_vlen);
    if (new_vlen < old_vlen) self = Reserve(self, self->used_);
    return false;
  }
  const size_t add =
      VarintSize(field.size()) + field.size() + VarintSize(value.size()) + value.size();
  const size_t used = self->used_;
  self = Reserve(self, used + add);
  char* p = PutVarint(self->data() + used, field.size());
  std::memcpy(p, field.data(), field.size());
  p = PutVarint(p + field.size(), value.size());
  std::memcpy(p, value.data(), value.size());
  self->used_ = static_cast<uint32_t>(used + add);
  ++self->count_;
  return true;
}

bool HashPackObject::Erase(HashPackObject*& self, std::string_view field) {
  size_t off, len;
  std::string_view old;
  if (!self->Locate(field, &off, &len, &old)) return false;
  char* d = self->data();
  std::memmove(d + off, d + off + len, self->used_ - off - len);
  self->used_ -= static_cast<uint32_t>(len);
  --self->count_;
  self = Reserve(self, self->used_);
  return true;
}

}  // namespace tandem::engine
