// The `bit` library of Redis's Lua (LuaBitOp 1.0's interface): 32-bit operations on Lua
// numbers. Arguments are reduced modulo 2^32 (numbers and numeric strings), results are
// signed 32-bit numbers.
#include <cstdint>
#include <cstring>
#include <lua.hpp>

#include "scripting/lua_libs.h"

namespace tandem::scripting {
namespace {

// The low 32 bits of the integer part of argument `idx`, rounded to nearest: adding
// 2^52 + 2^51 puts the integer in the low mantissa bits, as LuaBitOp does.
uint32_t Arg(lua_State* L, int idx) {
  double d = lua_tonumber(L, idx) + 6755399441055744.0;
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof(bits));
  auto b = static_cast<uint32_t>(bits);
  if (b == 0 && !lua_isnumber(L, idx)) luaL_typerror(L, idx, "number");
  return b;
}

int Return(lua_State* L, uint32_t b) {
  lua_pushnumber(L, static_cast<lua_Number>(static_cast<int32_t>(b)));
  return 1;
}

int ToBit(lua_State* L) { return Return(L, Arg(L, 1)); }
int BNot(lua_State* L) { return Return(L, ~Arg(L, 1)); }

// band/bor/bxor take one or more arguments; the first is read first, then the last down to
// the second (which decides which bad argument an error names).
template <typename Op>
int Fold(lua_State* L, Op op) {
  uint32_t b = Arg(L, 1);
  for (int i = lua_gettop(L); i > 1; --i) b = op(b, Arg(L, i));
  return Return(L, b);
}
int BAnd(lua_State* L) {
  return Fold(L, [](uint32_t a, uint32_t b) { return a & b; });
}
int BOr(lua_State* L) {
  return Fold(L, [](uint32_t a, uint32_t b) { return a | b; });
}
int BXor(lua_State* L) {
  return Fold(L, [](uint32_t a, uint32_t b) { return a ^ b; });
}

int LShift(lua_State* L) {
  uint32_t b = Arg(L, 1);
  uint32_t n = Arg(L, 2) & 31;
  return Return(L, b << n);
}
int RShift(lua_State* L) {
  uint32_t b = Arg(L, 1);
  uint32_t n = Arg(L, 2) & 31;
  return Return(L, b >> n);
}
int ARShift(lua_State* L) {
  uint32_t b = Arg(L, 1);
  uint32_t n = Arg(L, 2) & 31;
  return Return(L, static_cast<uint32_t>(static_cast<int32_t>(b) >> n));
}
int Rol(lua_State* L) {
  uint32_t b = Arg(L, 1);
  uint32_t n = Arg(L, 2) & 31;
  return Return(L, n == 0 ? b : (b << n) | (b >> (32 - n)));
}
int Ror(lua_State* L) {
  uint32_t b = Arg(L, 1);
  uint32_t n = Arg(L, 2) & 31;
  return Return(L, n == 0 ? b : (b >> n) | (b << (32 - n)));
}
int BSwap(lua_State* L) {
  uint32_t b = Arg(L, 1);
  return Return(L, (b >> 24) | ((b >> 8) & 0xff00) | ((b & 0xff00) << 8) | (b << 24));
}

// tohex(x [, n]): n hex digits (default 8, at most 8), uppercase when n is negative.
// n = -2^31 has no positive counterpart: it counts as -(2^31 - 1) (Redis's CVE fix).
int ToHex(lua_State* L) {
  uint32_t b = Arg(L, 1);
  int32_t n = lua_isnone(L, 2) ? 8 : static_cast<int32_t>(Arg(L, 2));
  const char* digits = "0123456789abcdef";
  if (n == INT32_MIN) n = INT32_MIN + 1;
  if (n < 0) {
    n = -n;
    digits = "0123456789ABCDEF";
  }
  if (n > 8) n = 8;
  char buf[8];
  for (int i = n - 1; i >= 0; --i) {
    buf[i] = digits[b & 15];
    b >>= 4;
  }
  lua_pushlstring(L, buf, static_cast<size_t>(n));
  return 1;
}

}  // namespace

int OpenBit(lua_State* L) {
  static const luaL_Reg kFunctions[] = {
      {"tobit", ToBit},   {"bnot", BNot},     {"band", BAnd},       {"bor", BOr}, {"bxor", BXor},
      {"lshift", LShift}, {"rshift", RShift}, {"arshift", ARShift}, {"rol", Rol}, {"ror", Ror},
      {"bswap", BSwap},   {"tohex", ToHex},   {nullptr, nullptr}};
  lua_newtable(L);
  for (const luaL_Reg* f = kFunctions; f->name; ++f) {
    lua_pushcfunction(L, f->func);
    lua_setfield(L, -2, f->name);
  }
  return 1;
}

}  // namespace tandem::scripting
