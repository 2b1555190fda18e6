// LEB128-style lengths used inside entries and compact collections: 7 bits a byte, low
// bits first, the high bit set on every byte but the last.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tandem::engine {

inline size_t VarintSize(size_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

inline char* PutVarint(char* p, size_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}

inline const char* GetVarint(const char* p, size_t* v) {
  size_t result = 0;
  int shift = 0;
  while (true) {
    const uint8_t b = static_cast<uint8_t>(*p++);
    result |= size_t{b & 0x7fu} << shift;
    if (!(b & 0x80)) break;
    shift += 7;
  }
  *v = result;
  return p;
}

}  // namespace tandem::engine
