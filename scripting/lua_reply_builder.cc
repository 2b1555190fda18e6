#include "scripting/lua_reply_builder.h"

#include <cstdio>
#include <lua.hpp>

namespace tandem::scripting {

namespace {

void PushString(lua_State* L, std::string_view s) { lua_pushlstring(L, s.data(), s.size()); }

// {field = s}
void PushField(lua_State* L, const char* field, std::string_view s) {
  lua_newtable(L);
  lua_pushstring(L, field);
  PushString(L, s);
  lua_rawset(L, -3);
}

}  // namespace

void LuaReplyBuilder::Added() {
  while (!open_.empty()) {
    Open& top = open_.back();
    if (top.kind == Agg::kArray) {
      lua_rawseti(L_, -2, top.index++);
    } else if (top.kind == Agg::kSet) {
      // Set members become keys of the inner table, with true as the value.
      lua_pushboolean(L_, 1);
      lua_rawset(L_, -3);
    } else {
      // Map: a key waits on the stack until its value comes.
      if (top.remaining % 2 == 0) {
        --top.remaining;
        return;
      }
      lua_rawset(L_, -3);
    }
    if (--top.remaining > 0) return;
    // Finished: RESP3 maps and sets are wrapped as {map = t} / {set = t}.
    Agg kind = top.kind;
    open_.pop_back();
    if (kind != Agg::kArray && resp_ == 3) {
      lua_newtable(L_);
      lua_pushstring(L_, kind == Agg::kMap ? "map" : "set");
      lua_pushvalue(L_, -3);
      lua_rawset(L_, -3);
      lua_remove(L_, -2);
    }
  }
  ++pushed_;
}

void LuaReplyBuilder::Start(Agg kind, size_t n) {
  lua_checkstack(L_, 8);
  lua_newtable(L_);
  if (n == 0) {
    if (kind != Agg::kArray && resp_ == 3) {
      lua_newtable(L_);
      lua_pushstring(L_, kind == Agg::kMap ? "map" : "set");
      lua_pushvalue(L_, -3);
      lua_rawset(L_, -3);
      lua_remove(L_, -2);
    }
    return Added();
  }
  open_.push_back({kind, kind == Agg::kMap ? 2 * n : n, 1});
}

void LuaReplyBuilder::SendSimple(std::string_view s) {
  PushField(L_, "ok", s);
  Added();
}

void LuaReplyBuilder::SendError(std::string_view s) {
  if (open_.empty() && pushed_ == 0) error_ = true;
  PushField(L_, "err", s);
  Added();
}

void LuaReplyBuilder::SendLong(long long v) {
  lua_pushnumber(L_, static_cast<lua_Number>(v));
  Added();
}

void LuaReplyBuilder::SendDouble(double v) {
  if (resp_ == 3) {
    lua_newtable(L_);
    lua_pushstring(L_, "double");
    lua_pushnumber(L_, v);
    lua_rawset(L_, -3);
  } else {
    char buf[64];
    int n = std::snprintf(buf, sizeof(buf), "%.17g", v);
    lua_pushlstring(L_, buf, n);
  }
  Added();
}

void LuaReplyBuilder::SendBulk(std::string_view s) {
  PushString(L_, s);
  Added();
}

void LuaReplyBuilder::SendNull() {
  // RESP2's null bulk is false; RESP3's null is nil.
  if (resp_ == 3) {
    lua_pushnil(L_);
  } else {
    lua_pushboolean(L_, 0);
  }
  Added();
}

void LuaReplyBuilder::SendNullArray() { SendNull(); }

void LuaReplyBuilder::SendBool(bool v) {
  if (resp_ == 3) {
    lua_pushboolean(L_, v);
  } else {
    lua_pushnumber(L_, v ? 1 : 0);
  }
  Added();
}

void LuaReplyBuilder::SendVerbatim(std::string_view s, std::string_view format) {
  if (resp_ == 3) {
    lua_newtable(L_);
    lua_pushstring(L_, "verbatim_string");
    lua_newtable(L_);
    lua_pushstring(L_, "string");
    PushString(L_, s);
    lua_rawset(L_, -3);
    lua_pushstring(L_, "format");
    PushString(L_, format);
    lua_rawset(L_, -3);
    lua_rawset(L_, -3);
  } else {
    PushString(L_, s);
  }
  Added();
}

void LuaReplyBuilder::SendBigNumber(std::string_view digits) {
  if (resp_ == 3) {
    PushField(L_, "big_number", digits);
  } else {
    PushString(L_, digits);
  }
  Added();
}

void LuaReplyBuilder::StartArray(size_t n) { Start(Agg::kArray, n); }
void LuaReplyBuilder::StartMap(size_t n) {
  // RESP2 sends a map as a flat array of keys and values.
  if (resp_ == 3) {
    Start(Agg::kMap, n);
  } else {
    Start(Agg::kArray, 2 * n);
  }
}
void LuaReplyBuilder::StartSet(size_t n) { Start(resp_ == 3 ? Agg::kSet : Agg::kArray, n); }
void LuaReplyBuilder::StartPush(size_t n) { Start(Agg::kArray, n); }

}  // namespace tandem::scripting
