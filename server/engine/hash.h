// Seeded 64-bit hash for keyspace tables. Fast for short keys (a few multiplies) and
// seeded once per process so clients cannot force collisions.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace tandem::engine {

// Set once at start-up, before any table exists.
inline uint64_t g_hash_seed = 0x9e3779b97f4a7c15ull;
inline void SetHashSeed(uint64_t seed) { g_hash_seed = seed; }
inline uint64_t HashSeed() { return g_hash_seed; }

namespace detail {
inline uint64_t Mix(uint64_t a, uint64_t b) {
  __uint128_t r = static_cast<__uint128_t>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}
inline uint64_t Read64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint64_t Read32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
}  // namespace detail

// A wyhash-style hash: processes 16 bytes per round with 128-bit multiplies.
inline uint64_t HashBytes(std::string_view s) {
  using namespace detail;
  constexpr uint64_t kP0 = 0xa0761d6478bd642full, kP1 = 0xe7037ed1a0b428dbull,
                     kP2 = 0x8ebc6af09c88c6e3ull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t seed = HashSeed() ^ kP0;
  uint64_t a, b;
  if (n <= 16) {
    if (n >= 4) {
      a = (Read32(p) << 32) | Read32(p + ((n >> 3) << 2));
      b = (Read32(p + n - 4) << 32) | Read32(p + n - 4 - ((n >> 3) << 2));
    } else if (n > 0) {
      a = (static_cast<uint64_t>(static_cast<uint8_t>(p[0])) << 16) |
          (static_cast<uint64_t>(static_cast<uint8_t>(p[n >> 1])) << 8) |
          static_cast<uint8_t>(p[n - 1]);
      b = 0;
    } else {
      a = b = 0;
    }
  } else {
    size_t i = n;
    while (i > 16) {
      seed = Mix(Read64(p) ^ kP1, Read64(p + 8) ^ seed);
      p += 16;
      i -= 16;
    }
    a = Read64(p + i - 16);
    b = Read64(p + i - 8);
  }
  return Mix(kP1 ^ n, Mix(a ^ kP1, b ^ seed) ^ kP2);
}

}  // namespace tandem::engine
