// The libraries Redis 7.0 loads into its Lua VM besides Lua's own: cjson, cmsgpack, struct
// and bit. Written for Tandem against the Lua 5.1 C API from the libraries' documented
// behaviour (lua-cjson 2.1.0 with Redis's limits, lua-cmsgpack 0.4.0, Roberto Ierusalimschy's
// struct, LuaBitOp 1.0), checked reply by reply against redis-server 7.0.15
// (tests/differential/scripts/lua_libs.txt). Used only under the engine lock, by the VM
// that opened them.
#pragma once

#include <cmath>
#include <cstdint>

struct lua_State;

namespace tandem::scripting {

// Each pushes its library table (the caller makes it a global and read-only).
int OpenCjson(lua_State* L);
int OpenCmsgpack(lua_State* L);
int OpenStruct(lua_State* L);
int OpenBit(lua_State* L);

// Puts the configuration of the `cjson` table opened in L back to its defaults: SCRIPT
// FLUSH does, as Redis's recreating its Lua state does.
void ResetCjson(lua_State* L);

// Replaces a read-only proxy at `idx` (the sandbox's library tables and _G) by the table
// it shows, so the encoders see the contents. Defined in lua_vm.cc.
void SeeThroughReadonly(lua_State* L, int idx);

// A double converted to a 64-bit integer the way x86-64's cvttsd2si does it (NaN and values
// out of range give INT64_MIN), which is what redis-server's casts produce; C++'s own cast
// is undefined there.
inline int64_t DoubleToInt64(double d) {
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return INT64_MIN;
  return static_cast<int64_t>(d);
}

// The same for a 32-bit destination.
inline int32_t DoubleToInt32(double d) {
  if (!(d > -2147483649.0 && d < 2147483648.0)) return INT32_MIN;
  return static_cast<int32_t>(d);
}

}  // namespace tandem::scripting
