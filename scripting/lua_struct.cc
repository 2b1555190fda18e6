// The `struct` library of Redis's Lua (Roberto Ierusalimschy's struct 0.2 interface):
// pack(fmt, ...), unpack(fmt, data [, pos]) and size(fmt) over binary strings. Format:
//   > < (big/little endian), ! [n] (maximum alignment, default 8), space (ignored),
//   x (a pad byte), b B h H l L T (char, short, long, size_t; lower case signed),
//   i[n] I[n] (n-byte integers, default 4, at most 32), f d (float, double),
//   c[n] (n chars; c0 takes the string's length, or in unpack the previous number),
//   s (a zero-terminated string).
// Alignment applies only after `!`: a value of size k is aligned to min(k, maxalign).
// Checks from Redis's CVE fixes: sizes may not overflow an int, unpack's position must be
// 1 or more and every read stays inside the data.
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstring>
#include <lua.hpp>
#include <string>

#include "scripting/lua_libs.h"

namespace tandem::scripting {
namespace {

constexpr int kMaxIntSize = 32;
constexpr int kMaxAlign = 8;

struct Header {
  bool big_endian = false;  // x86-64 is little endian
  int align = 1;
};

// An optional decimal count after an option; `fallback` when there is none.
int ReadCount(lua_State* L, const char** fmt, int fallback) {
  if (!std::isdigit(static_cast<unsigned char>(**fmt))) return fallback;
  int n = 0;
  do {
    int digit = **fmt - '0';
    if (n > INT_MAX / 10 || n * 10 > INT_MAX - digit) luaL_error(L, "integral size overflow");
    n = n * 10 + digit;
    ++*fmt;
  } while (std::isdigit(static_cast<unsigned char>(**fmt)));
  return n;
}

// The size of option `opt` (0 for options without one: s, c0 and the controls).
size_t OptionSize(lua_State* L, char opt, const char** fmt) {
  switch (opt) {
    case 'B':
    case 'b':
      return sizeof(char);
    case 'H':
    case 'h':
      return sizeof(short);
    case 'L':
    case 'l':
      return sizeof(long);
    case 'T':
      return sizeof(size_t);
    case 'f':
      return sizeof(float);
    case 'd':
      return sizeof(double);
    case 'x':
      return 1;
    case 'c':
      return static_cast<size_t>(ReadCount(L, fmt, 1));
    case 'i':
    case 'I': {
      int n = ReadCount(L, fmt, sizeof(int));
      if (n > kMaxIntSize) {
        luaL_error(L, "integral size %d is larger than limit of %d", n, kMaxIntSize);
      }
      return static_cast<size_t>(n);
    }
    default:
      return 0;
  }
}

// Padding before a value of `size` bytes at offset `len` (struct's own formula, also for
// sizes that are not powers of two).
size_t Padding(size_t len, const Header& h, char opt, size_t size) {
  if (size == 0 || opt == 'c') return 0;
  if (size > static_cast<size_t>(h.align)) size = h.align;
  return (size - (len & (size - 1))) & (size - 1);
}

void Control(lua_State* L, char opt, const char** fmt, Header* h) {
  switch (opt) {
    case ' ':
      return;
    case '>':
      h->big_endian = true;
      return;
    case '<':
      h->big_endian = false;
      return;
    case '!': {
      int a = ReadCount(L, fmt, kMaxAlign);
      if (a <= 0 || (a & (a - 1)) != 0) luaL_error(L, "alignment %d is not a power of 2", a);
      h->align = a;
      return;
    }
    default: {
      const char* msg = lua_pushfstring(L, "invalid format option '%c'", opt);
      luaL_argerror(L, 1, msg);
    }
  }
}

// A Lua number as the 64-bit pattern redis-server's C casts give on x86-64: negative
// numbers through int64_t, others through uint64_t (NaN, and values from 2^64, included).
uint64_t NumberBits(double n) {
  if (n < 0) return static_cast<uint64_t>(DoubleToInt64(n));
  constexpr double k2p63 = 9223372036854775808.0;
  if (!(n >= k2p63)) return static_cast<uint64_t>(DoubleToInt64(n));
  return static_cast<uint64_t>(DoubleToInt64(n - k2p63)) ^ (1ull << 63);
}

void PutInteger(lua_State* L, std::string& out, int arg, bool big_endian, size_t size) {
  uint64_t value = NumberBits(luaL_checknumber(L, arg));
  char buf[kMaxIntSize];
  for (size_t i = 0; i < size; ++i) {
    buf[big_endian ? size - 1 - i : i] = static_cast<char>(value & 0xff);
    value >>= 8;  // bytes past the eighth are zero
  }
  out.append(buf, size);
}

// `size` bytes in machine order, reversed for the other endianness.
void PutBytes(std::string& out, const void* p, size_t size, bool big_endian) {
  const char* c = static_cast<const char*>(p);
  if (big_endian) {
    for (size_t i = size; i-- > 0;) out.push_back(c[i]);
  } else {
    out.append(c, size);
  }
}

void GetBytes(void* p, const char* data, size_t size, bool big_endian) {
  char* c = static_cast<char*>(p);
  for (size_t i = 0; i < size; ++i) c[i] = data[big_endian ? size - 1 - i : i];
}

lua_Number GetInteger(const char* buf, bool big_endian, bool is_signed, size_t size) {
  uint64_t v = 0;
  for (size_t i = 0; i < size; ++i) {
    v = (v << 8) | static_cast<unsigned char>(buf[big_endian ? i : size - 1 - i]);
  }
  if (!is_signed) return static_cast<lua_Number>(v);
  // The sign bit's mask, with the shift count taken modulo 64 as x86-64 does for struct's
  // wider-than-8-byte integers.
  uint64_t mask = ~uint64_t{0} << ((size * 8 - 1) & 63);
  if (v & mask) v |= mask;
  return static_cast<lua_Number>(static_cast<int64_t>(v));
}

// struct.pack(fmt, v1, v2, ...)
int Pack(lua_State* L) {
  const char* fmt = luaL_checkstring(L, 1);
  Header h;
  int arg = 2;
  size_t total = 0;
  std::string out;
  // struct's mark between the arguments and its buffer: a missing argument reads as nil.
  lua_pushnil(L);
  while (*fmt != '\0') {
    char opt = *fmt++;
    size_t size = OptionSize(L, opt, &fmt);
    size_t pad = Padding(total, h, opt, size);
    total += pad;
    out.append(pad, '\0');
    switch (opt) {
      case 'b':
      case 'B':
      case 'h':
      case 'H':
      case 'l':
      case 'L':
      case 'T':
      case 'i':
      case 'I':
        PutInteger(L, out, arg++, h.big_endian, size);
        break;
      case 'x':
        out.push_back('\0');
        break;
      case 'f': {
        auto f = static_cast<float>(luaL_checknumber(L, arg++));
        PutBytes(out, &f, size, h.big_endian);
        break;
      }
      case 'd': {
        double d = luaL_checknumber(L, arg++);
        PutBytes(out, &d, size, h.big_endian);
        break;
      }
      case 'c':
      case 's': {
        size_t len;
        const char* s = luaL_checklstring(L, arg++, &len);
        if (size == 0) size = len;
        // The argument named is the next one, as struct's own check names it.
        luaL_argcheck(L, len >= size, arg, "string too short");
        out.append(s, size);
        if (opt == 's') {
          out.push_back('\0');
          ++size;
        }
        break;
      }
      default:
        Control(L, opt, &fmt, &h);
    }
    total += size;
  }
  lua_pushlstring(L, out.data(), out.size());
  return 1;
}

// struct.unpack(fmt, data [, pos]): the values, then the position after them.
int Unpack(lua_State* L) {
  const char* fmt = luaL_checkstring(L, 1);
  size_t ld;
  const char* data = luaL_checklstring(L, 2, &ld);
  auto pos = static_cast<size_t>(luaL_optinteger(L, 3, 1));
  luaL_argcheck(L, pos > 0, 3, "offset must be 1 or greater");
  --pos;
  Header h;
  int n = 0;
  while (*fmt) {
    char opt = *fmt++;
    size_t size = OptionSize(L, opt, &fmt);
    pos += Padding(pos, h, opt, size);
    luaL_argcheck(L, size <= ld && pos <= ld - size, 2, "data string too short");
    luaL_checkstack(L, 2, "too many results");
    switch (opt) {
      case 'b':
      case 'B':
      case 'h':
      case 'H':
      case 'l':
      case 'L':
      case 'T':
      case 'i':
      case 'I':
        lua_pushnumber(L, GetInteger(data + pos, h.big_endian, std::islower(opt), size));
        ++n;
        break;
      case 'x':
        break;
      case 'f': {
        float f;
        GetBytes(&f, data + pos, sizeof(f), h.big_endian);
        lua_pushnumber(L, f);
        ++n;
        break;
      }
      case 'd': {
        double d;
        GetBytes(&d, data + pos, sizeof(d), h.big_endian);
        lua_pushnumber(L, d);
        ++n;
        break;
      }
      case 'c': {
        if (size == 0) {
          if (n == 0 || !lua_isnumber(L, -1)) luaL_error(L, "format 'c0' needs a previous size");
          size = static_cast<size_t>(NumberBits(lua_tonumber(L, -1)));
          lua_pop(L, 1);
          --n;
          luaL_argcheck(L, size <= ld && pos <= ld - size, 2, "data string too short");
        }
        lua_pushlstring(L, data + pos, size);
        ++n;
        break;
      }
      case 's': {
        const void* end = std::memchr(data + pos, '\0', ld - pos);
        if (end == nullptr) luaL_error(L, "unfinished string in data");
        size = static_cast<size_t>(static_cast<const char*>(end) - (data + pos)) + 1;
        lua_pushlstring(L, data + pos, size - 1);
        ++n;
        break;
      }
      default:
        Control(L, opt, &fmt, &h);
    }
    pos += size;
  }
  lua_pushinteger(L, static_cast<lua_Integer>(pos + 1));
  return n + 1;
}

// struct.size(fmt): the bytes pack(fmt, ...) produces; formats with s or c0 have none.
int Size(lua_State* L) {
  const char* fmt = luaL_checkstring(L, 1);
  Header h;
  size_t pos = 0;
  while (*fmt) {
    char opt = *fmt++;
    size_t size = OptionSize(L, opt, &fmt);
    pos += Padding(pos, h, opt, size);
    if (opt == 's') {
      luaL_argerror(L, 1, "option 's' has no fixed size");
    } else if (opt == 'c' && size == 0) {
      luaL_argerror(L, 1, "option 'c0' has no fixed size");
    }
    if (!std::isalnum(static_cast<unsigned char>(opt))) Control(L, opt, &fmt, &h);
    pos += size;
  }
  lua_pushinteger(L, static_cast<lua_Integer>(pos));
  return 1;
}

}  // namespace

int OpenStruct(lua_State* L) {
  lua_newtable(L);
  lua_pushcfunction(L, Pack);
  lua_setfield(L, -2, "pack");
  lua_pushcfunction(L, Unpack);
  lua_setfield(L, -2, "unpack");
  lua_pushcfunction(L, Size);
  lua_setfield(L, -2, "size");
  return 1;
}

}  // namespace tandem::scripting
