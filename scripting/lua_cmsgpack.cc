// The `cmsgpack` library of Redis's Lua (lua-cmsgpack 0.4.0's interface): MessagePack.
//   pack(v1, v2, ...)          the values encoded one after the other
//   unpack(s)                  every value in s
//   unpack_one(s [, offset])   the offset after one value (-1 at the end), then the value
//   unpack_limit(s, n [, offset])  the same for at most n values
// Numbers that are 64-bit integers get the smallest integer encoding, others a float when
// it holds them exactly, else a double. A table whose keys are exactly 1..n is an array,
// any other a map (an empty table is an empty array). Tables nested 16 deep are encoded as
// nil, which is what makes circular references encodable. Unpacking refuses what would
// overflow the Lua stack (Redis's fixes for CVE-2018-11218/11219) and reads nothing past
// the input; bin and ext types are not decoded, as in Redis 7.0.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <lua.hpp>
#include <string>

#include "scripting/lua_libs.h"

namespace tandem::scripting {
namespace {

constexpr int kMaxNesting = 16;

void AppendBigEndian(std::string& out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void EncodeInteger(std::string& out, int64_t n) {
  auto u = static_cast<uint64_t>(n);
  if (n >= 0) {
    if (n <= 127) {
      out.push_back(static_cast<char>(n));
    } else if (n <= 0xff) {
      out.push_back(static_cast<char>(0xcc));
      AppendBigEndian(out, u, 1);
    } else if (n <= 0xffff) {
      out.push_back(static_cast<char>(0xcd));
      AppendBigEndian(out, u, 2);
    } else if (n <= 0xffffffffLL) {
      out.push_back(static_cast<char>(0xce));
      AppendBigEndian(out, u, 4);
    } else {
      out.push_back(static_cast<char>(0xcf));
      AppendBigEndian(out, u, 8);
    }
  } else if (n >= -32) {
    out.push_back(static_cast<char>(n));  // negative fixnum
  } else if (n >= -128) {
    out.push_back(static_cast<char>(0xd0));
    AppendBigEndian(out, u, 1);
  } else if (n >= -32768) {
    out.push_back(static_cast<char>(0xd1));
    AppendBigEndian(out, u, 2);
  } else if (n >= -2147483648LL) {
    out.push_back(static_cast<char>(0xd2));
    AppendBigEndian(out, u, 4);
  } else {
    out.push_back(static_cast<char>(0xd3));
    AppendBigEndian(out, u, 8);
  }
}

void EncodeNumber(std::string& out, double d) {
  if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 &&
      static_cast<double>(static_cast<int64_t>(d)) == d) {
    return EncodeInteger(out, static_cast<int64_t>(d));
  }
  auto f = static_cast<float>(d);
  if (static_cast<double>(f) == d) {
    uint32_t bits;
    std::memcpy(&bits, &f, sizeof(bits));
    out.push_back(static_cast<char>(0xca));
    AppendBigEndian(out, bits, 4);
  } else {
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof(bits));
    out.push_back(static_cast<char>(0xcb));
    AppendBigEndian(out, bits, 8);
  }
}

void EncodeString(std::string& out, const char* s, size_t len) {
  if (len < 32) {
    out.push_back(static_cast<char>(0xa0 | len));
  } else if (len <= 0xff) {
    out.push_back(static_cast<char>(0xd9));
    AppendBigEndian(out, len, 1);
  } else if (len <= 0xffff) {
    out.push_back(static_cast<char>(0xda));
    AppendBigEndian(out, len, 2);
  } else {
    out.push_back(static_cast<char>(0xdb));
    AppendBigEndian(out, len, 4);
  }
  out.append(s, len);
}

// An aggregate header: fix (4 bits), 16- or 32-bit count.
void EncodeCount(std::string& out, uint64_t n, int fix, int c16, int c32) {
  if (n <= 15) {
    out.push_back(static_cast<char>(fix | n));
  } else if (n <= 0xffff) {
    out.push_back(static_cast<char>(c16));
    AppendBigEndian(out, n, 2);
  } else {
    out.push_back(static_cast<char>(c32));
    AppendBigEndian(out, n, 4);
  }
}

// Whether the table on top of the stack has exactly the keys 1..n (n may be 0).
bool IsArray(lua_State* L) {
  long long count = 0;
  int max = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    lua_pop(L, 1);
    double k;
    if (lua_type(L, -1) != LUA_TNUMBER || (k = lua_tonumber(L, -1)) <= 0 ||
        static_cast<double>(DoubleToInt32(k)) != k) {
      lua_pop(L, 1);
      return false;
    }
    max = std::max(max, DoubleToInt32(k));
    ++count;
  }
  return max == count;
}

void EncodeValue(lua_State* L, std::string& out, int level);

void EncodeTable(lua_State* L, std::string& out, int level) {
  SeeThroughReadonly(L, lua_gettop(L));
  if (IsArray(L)) {
    size_t len = lua_objlen(L, -1);
    EncodeCount(out, len, 0x90, 0xdc, 0xdd);
    luaL_checkstack(L, 1, "in function mp_encode_lua_table_as_array");
    for (size_t j = 1; j <= len; ++j) {
      lua_pushnumber(L, static_cast<lua_Number>(j));
      lua_gettable(L, -2);
      EncodeValue(L, out, level + 1);
    }
    return;
  }
  luaL_checkstack(L, 3, "in function mp_encode_lua_table_as_map");
  size_t len = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    lua_pop(L, 1);
    ++len;
  }
  EncodeCount(out, len, 0x80, 0xde, 0xdf);
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    lua_pushvalue(L, -2);
    EncodeValue(L, out, level + 1);  // the key (the copy)
    EncodeValue(L, out, level + 1);  // the value
  }
}

// Encodes the value on top of the stack and pops it.
void EncodeValue(lua_State* L, std::string& out, int level) {
  int t = lua_type(L, -1);
  if (t == LUA_TTABLE && level == kMaxNesting) t = LUA_TNIL;
  switch (t) {
    case LUA_TSTRING: {
      size_t len;
      const char* s = lua_tolstring(L, -1, &len);
      EncodeString(out, s, len);
      break;
    }
    case LUA_TBOOLEAN:
      out.push_back(static_cast<char>(lua_toboolean(L, -1) ? 0xc3 : 0xc2));
      break;
    case LUA_TNUMBER:
      EncodeNumber(out, lua_tonumber(L, -1));
      break;
    case LUA_TTABLE:
      EncodeTable(L, out, level);
      break;
    default:
      out.push_back(static_cast<char>(0xc0));
  }
  lua_pop(L, 1);
}

// cmsgpack.pack(v1, ...)
int Pack(lua_State* L) {
  int nargs = lua_gettop(L);
  if (nargs == 0) return luaL_argerror(L, 0, "MessagePack pack needs input.");
  if (!lua_checkstack(L, nargs))
    return luaL_argerror(L, 0, "Too many arguments for MessagePack pack.");
  std::string out;
  for (int i = 1; i <= nargs; ++i) {
    luaL_checkstack(L, 1, "in function mp_check");
    lua_pushvalue(L, i);
    EncodeValue(L, out, 0);
  }
  lua_pushlstring(L, out.data(), out.size());
  return 1;
}

// ---- Decoding ----------------------------------------------------------------------------

enum class DecodeError { kNone, kEof, kBadFormat };

struct Cursor {
  const unsigned char* p;
  size_t left;
  DecodeError err = DecodeError::kNone;

  bool Need(size_t n) {
    if (left < n) {
      err = DecodeError::kEof;
      return false;
    }
    return true;
  }
  void Consume(size_t n) {
    p += n;
    left -= n;
  }
  uint64_t BigEndian(size_t offset, int bytes) const {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | p[offset + i];
    return v;
  }
};

void DecodeValue(lua_State* L, Cursor& c);

void DecodeArray(lua_State* L, Cursor& c, uint64_t len) {
  lua_newtable(L);
  luaL_checkstack(L, 1, "in function mp_decode_to_lua_array");
  for (uint64_t index = 1; index <= len; ++index) {
    lua_pushnumber(L, static_cast<lua_Number>(index));
    DecodeValue(L, c);
    if (c.err != DecodeError::kNone) return;
    lua_settable(L, -3);
  }
}

void DecodeMap(lua_State* L, Cursor& c, uint64_t len) {
  lua_newtable(L);
  while (len--) {
    DecodeValue(L, c);  // key
    if (c.err != DecodeError::kNone) return;
    DecodeValue(L, c);  // value
    if (c.err != DecodeError::kNone) return;
    lua_settable(L, -3);  // a nil or NaN key raises Lua's own error, as in Redis
  }
}

void PushString(lua_State* L, Cursor& c, size_t header, size_t len) {
  if (!c.Need(header + len)) return;
  lua_pushlstring(L, reinterpret_cast<const char*>(c.p + header), len);
  c.Consume(header + len);
}

// Decodes one value onto the stack; on an error sets c.err (what was pushed stays).
void DecodeValue(lua_State* L, Cursor& c) {
  if (!c.Need(1)) return;
  // Every value may be one more result of unpack: the stack grows one slot at a time.
  luaL_checkstack(L, 1, "too many return values at once; use unpack_one or unpack_limit instead.");
  const unsigned char type = c.p[0];
  switch (type) {
    case 0xcc:    // uint 8
    case 0xcd:    // uint 16
    case 0xce: {  // uint 32
      int bytes = 1 << (type - 0xcc);
      if (!c.Need(1 + bytes)) return;
      lua_pushnumber(L, static_cast<lua_Number>(c.BigEndian(1, bytes)));
      c.Consume(1 + bytes);
      return;
    }
    case 0xcf:    // uint 64, read as a signed 64-bit integer as Redis does
    case 0xd3: {  // int 64
      if (!c.Need(9)) return;
      lua_pushnumber(L, static_cast<lua_Number>(static_cast<int64_t>(c.BigEndian(1, 8))));
      c.Consume(9);
      return;
    }
    case 0xd0:
      if (!c.Need(2)) return;
      lua_pushnumber(L, static_cast<int8_t>(c.p[1]));
      c.Consume(2);
      return;
    case 0xd1:
      if (!c.Need(3)) return;
      lua_pushnumber(L, static_cast<int16_t>(c.BigEndian(1, 2)));
      c.Consume(3);
      return;
    case 0xd2:
      if (!c.Need(5)) return;
      lua_pushnumber(L, static_cast<int32_t>(c.BigEndian(1, 4)));
      c.Consume(5);
      return;
    case 0xc0:
      lua_pushnil(L);
      c.Consume(1);
      return;
    case 0xc2:
    case 0xc3:
      lua_pushboolean(L, type == 0xc3);
      c.Consume(1);
      return;
    case 0xca: {
      if (!c.Need(5)) return;
      auto bits = static_cast<uint32_t>(c.BigEndian(1, 4));
      float f;
      std::memcpy(&f, &bits, sizeof(f));
      lua_pushnumber(L, f);
      c.Consume(5);
      return;
    }
    case 0xcb: {
      if (!c.Need(9)) return;
      uint64_t bits = c.BigEndian(1, 8);
      double d;
      std::memcpy(&d, &bits, sizeof(d));
      lua_pushnumber(L, d);
      c.Consume(9);
      return;
    }
    case 0xd9:
      if (!c.Need(2)) return;
      return PushString(L, c, 2, c.p[1]);
    case 0xda:
      if (!c.Need(3)) return;
      return PushString(L, c, 3, c.BigEndian(1, 2));
    case 0xdb:
      if (!c.Need(5)) return;
      return PushString(L, c, 5, c.BigEndian(1, 4));
    case 0xdc:
    case 0xde: {
      if (!c.Need(3)) return;
      uint64_t n = c.BigEndian(1, 2);
      c.Consume(3);
      return type == 0xdc ? DecodeArray(L, c, n) : DecodeMap(L, c, n);
    }
    case 0xdd:
    case 0xdf: {
      if (!c.Need(5)) return;
      uint64_t n = c.BigEndian(1, 4);
      c.Consume(5);
      return type == 0xdd ? DecodeArray(L, c, n) : DecodeMap(L, c, n);
    }
    default:
      break;
  }
  if (type <= 0x7f) {  // positive fixnum
    lua_pushnumber(L, type);
    c.Consume(1);
  } else if (type >= 0xe0) {  // negative fixnum
    lua_pushnumber(L, static_cast<int8_t>(type));
    c.Consume(1);
  } else if ((type & 0xe0) == 0xa0) {  // fix string
    PushString(L, c, 1, type & 0x1f);
  } else if ((type & 0xf0) == 0x90) {  // fix array
    c.Consume(1);
    DecodeArray(L, c, type & 0x0f);
  } else if ((type & 0xf0) == 0x80) {  // fix map
    c.Consume(1);
    DecodeMap(L, c, type & 0x0f);
  } else {
    c.err = DecodeError::kBadFormat;
  }
}

// Decodes up to `limit` values from `offset` (limit 0 and offset 0: all of them, without
// the next offset in front).
int UnpackFull(lua_State* L, int limit, int offset) {
  size_t len;
  const char* s = luaL_checklstring(L, 1, &len);
  bool all = limit == 0 && offset == 0;
  if (offset < 0 || limit < 0) {
    // Redis's message prints the input length where it says "limit".
    return luaL_error(L, "Invalid request to unpack with offset of %d and limit of %d.", offset,
                      static_cast<int>(len));
  }
  if (static_cast<size_t>(offset) > len) {
    return luaL_error(L, "Start offset %d greater than input length %d.", offset,
                      static_cast<int>(len));
  }
  if (all) limit = INT_MAX;
  Cursor c{reinterpret_cast<const unsigned char*>(s) + offset, len - offset};
  int count = 0;
  for (; c.left > 0 && count < limit; ++count) {
    DecodeValue(L, c);
    if (c.err == DecodeError::kEof) return luaL_error(L, "Missing bytes in input.");
    if (c.err == DecodeError::kBadFormat) return luaL_error(L, "Bad data format in input.");
  }
  if (all) return count;
  luaL_checkstack(L, 1, "in function mp_unpack_full");
  lua_pushinteger(L, c.left == 0 ? -1 : static_cast<lua_Integer>(len - c.left));
  lua_insert(L, 2);  // the offset first, then the values
  return count + 1;
}

// cmsgpack.unpack(s)
int Unpack(lua_State* L) { return UnpackFull(L, 0, 0); }

// cmsgpack.unpack_one(s [, offset])
int UnpackOne(lua_State* L) {
  auto offset = static_cast<int>(luaL_optinteger(L, 2, 0));
  if (lua_gettop(L) > 1) lua_settop(L, 1);
  return UnpackFull(L, 1, offset);
}

// cmsgpack.unpack_limit(s, limit [, offset])
int UnpackLimit(lua_State* L) {
  auto limit = static_cast<int>(luaL_checkinteger(L, 2));
  auto offset = static_cast<int>(luaL_optinteger(L, 3, 0));
  if (lua_gettop(L) > 1) lua_settop(L, 1);
  return UnpackFull(L, limit, offset);
}

}  // namespace

int OpenCmsgpack(lua_State* L) {
  lua_newtable(L);
  const std::pair<const char*, lua_CFunction> functions[] = {
      {"pack", Pack}, {"unpack", Unpack}, {"unpack_one", UnpackOne}, {"unpack_limit", UnpackLimit}};
  for (auto& [name, f] : functions) {
    lua_pushcfunction(L, f);
    lua_setfield(L, -2, name);
  }
  const std::pair<const char*, const char*> fields[] = {
      {"_NAME", "cmsgpack"},
      {"_VERSION", "lua-cmsgpack 0.4.0"},
      {"_COPYRIGHT", "Copyright (C) 2012, Salvatore Sanfilippo"},
      {"_DESCRIPTION", "MessagePack C implementation for Lua"}};
  for (auto& [name, value] : fields) {
    lua_pushstring(L, value);
    lua_setfield(L, -2, name);
  }
  return 1;
}

}  // namespace tandem::scripting
