#include "scripting/lua_vm.h"

#include <strings.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <lua.hpp>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "scripting/lua_libs.h"
#include "scripting/lua_reply_builder.h"
#include "scripting/sha1.h"
#include "server/log.h"

namespace tandem::scripting {
namespace {

// Registry keys (the addresses are the keys).
char kScriptsKey;       // table: sha -> compiled function
char kReadonlyKey;      // table: readonly proxy -> the table it shows
char kGlobalsKey;       // the real globals table (scripts see a readonly proxy of it)
char kVmKey;            // the LuaVm, for the instruction-count hook
char kLibraryApiKey;    // functions: what library code sees as globals while it loads
char kErrorHandlerKey;  // ErrorHandler, made once (a closure pushed per run is a malloc)

constexpr char kReadonlyError[] = "Attempt to modify a readonly table";

LuaVm* VmOf(lua_State* L) { return static_cast<LuaVm*>(lua_touserdata(L, lua_upvalueindex(1))); }

void PushString(lua_State* L, std::string_view s) { lua_pushlstring(L, s.data(), s.size()); }

// Redis's luaPushErrorBuff: "-CODE msg" keeps its code, "msg" gets ERR; the table
// {err = "CODE msg"} is left on the stack.
void PushError(lua_State* L, std::string_view text) {
  std::string code = "ERR";
  std::string msg;
  if (!text.empty() && text[0] == '-') {
    size_t space = text.find(' ');
    if (space == std::string_view::npos) {
      msg = std::string(text.substr(1));
    } else {
      code = std::string(text.substr(1, space - 1));
      msg = std::string(text.substr(space + 1));
    }
  } else {
    msg = std::string(text);
  }
  while (!msg.empty() && (msg.back() == '\r' || msg.back() == '\n')) msg.pop_back();
  size_t start = msg.find_first_not_of("\r\n");
  msg = start == std::string::npos ? "" : msg.substr(start);
  lua_newtable(L);
  lua_pushstring(L, "err");
  PushString(L, code + " " + msg);
  lua_rawset(L, -3);
}

// Raises Redis's error table for `text` (see PushError).
int RaiseError(lua_State* L, std::string_view text) {
  PushError(L, text);
  return lua_error(L);
}

// A Lua number as a command argument, as Redis 7.0 prints it ("%.17g").
std::string NumberArg(double d) {
  char buf[64];
  int n = std::snprintf(buf, sizeof(buf), "%.17g", d);
  return std::string(buf, n);
}

// unpack(t [, i [, j]]) with the element count computed without overflow (Lua 5.1's own
// overflows on unpack({}, -2147483648, 2147483647)).
int Unpack(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  int i = luaL_optint(L, 2, 1);
  int e = luaL_opt(L, luaL_checkint, 3, static_cast<int>(lua_objlen(L, 1)));
  if (i > e) return 0;
  long long n = static_cast<long long>(e) - i + 1;
  if (n >= INT_MAX || !lua_checkstack(L, static_cast<int>(n))) {
    return luaL_error(L, "too many results to unpack");
  }
  lua_rawgeti(L, 1, i);
  while (i++ < e) lua_rawgeti(L, 1, i);
  return static_cast<int>(n);
}

// ---- The redis API -----------------------------------------------------------------------

int RedisGenericCall(lua_State* L, bool raise) {
  LuaVm* vm = VmOf(L);
  const int argc = lua_gettop(L);
  std::string_view refusal;
  if (argc == 0) {
    refusal = "Please specify at least one argument for this redis lib call";
  } else if (vm->host() == nullptr) {
    refusal = "redis.call() may only be called from a running script";
  } else {
    // The arguments borrow the Lua strings, which the stack keeps alive during the call
    // (numbers are replaced there by their text first).
    std::string_view small[16];
    std::vector<std::string_view> big;
    std::string_view* argv = small;
    if (argc > 16) {
      big.resize(argc);
      argv = big.data();
    }
    for (int i = 1; i <= argc; ++i) {
      int t = lua_type(L, i);
      if (t == LUA_TNUMBER) {
        std::string text = NumberArg(lua_tonumber(L, i));
        PushString(L, text);
        lua_replace(L, i);
      } else if (t != LUA_TSTRING) {
        refusal = "Lua redis lib command arguments must be strings or integers";
        break;
      }
      size_t len;
      const char* s = lua_tolstring(L, i, &len);
      argv[i - 1] = std::string_view(s, len);
    }
    if (refusal.empty()) {
      LuaReplyBuilder rb(L, vm->resp());
      std::string error = vm->host()->Call(scripting::Args(argv, argc), rb);
      if (error.empty()) {
        if (rb.pushed() == 0) lua_pushboolean(L, 0);
        // The reply, on top of the arguments, becomes the only value on the stack.
        lua_replace(L, 1);
        lua_settop(L, 1);
        if (raise && rb.error()) return -1;  // raised by the caller, outside this scope
        return 1;
      }
      lua_settop(L, 0);
      PushError(L, error);
      return raise ? -1 : 1;
    }
  }
  lua_settop(L, 0);
  PushError(L, refusal);
  return raise ? -1 : 1;
}

int RedisCall(lua_State* L) {
  int n = RedisGenericCall(L, true);
  if (n < 0) return lua_error(L);
  return n;
}

int RedisPCall(lua_State* L) { return RedisGenericCall(L, false); }

int RedisSha1Hex(lua_State* L) {
  if (lua_gettop(L) != 1) return RaiseError(L, "wrong number of arguments");
  size_t len;
  const char* s = lua_tolstring(L, 1, &len);
  std::string hex = Sha1Hex(std::string_view(s ? s : "", s ? len : 0));
  PushString(L, hex);
  return 1;
}

int RedisErrorReply(lua_State* L) {
  if (lua_gettop(L) != 1 || lua_type(L, -1) != LUA_TSTRING) {
    PushError(L, "wrong number or type of arguments");
    return 1;
  }
  size_t len;
  const char* s = lua_tolstring(L, 1, &len);
  std::string text(s, len);
  if (text.empty() || text[0] != '-') text = "-" + text;
  PushError(L, text);
  return 1;
}

int RedisStatusReply(lua_State* L) {
  if (lua_gettop(L) != 1 || lua_type(L, -1) != LUA_TSTRING) {
    PushError(L, "wrong number or type of arguments");
    return 1;
  }
  lua_newtable(L);
  lua_pushstring(L, "ok");
  lua_pushvalue(L, 1);
  lua_rawset(L, -3);
  return 1;
}

int RedisLog(lua_State* L) {
  int argc = lua_gettop(L);
  if (argc < 2) return RaiseError(L, "redis.log() requires two arguments or more.");
  if (!lua_isnumber(L, 1)) return RaiseError(L, "First argument must be a number (log level).");
  int level = DoubleToInt32(lua_tonumber(L, 1));
  if (level < 0 || level > 3) return RaiseError(L, "Invalid debug level.");
  std::string msg;
  for (int i = 2; i <= argc; ++i) {
    size_t len;
    const char* s = lua_tolstring(L, i, &len);
    if (!s) continue;
    if (i > 2) msg += ' ';
    msg.append(s, len);
  }
  static constexpr LogLevel kLevels[] = {LogLevel::kDebug, LogLevel::kVerbose, LogLevel::kNotice,
                                         LogLevel::kWarning};
  Log(kLevels[level], msg);
  return 0;
}

int RedisSetResp(lua_State* L) {
  if (lua_gettop(L) != 1) return RaiseError(L, "redis.setresp() requires one argument.");
  int resp = DoubleToInt32(lua_tonumber(L, 1));
  if (resp != 2 && resp != 3) return RaiseError(L, "RESP version must be 2 or 3.");
  VmOf(L)->set_resp(resp);
  return 0;
}

int RedisSetRepl(lua_State* L) {
  if (lua_gettop(L) != 1) return RaiseError(L, "redis.set_repl() requires one argument.");
  int flags = DoubleToInt32(lua_tonumber(L, 1));
  if (flags < 0 || flags > 3) {
    return RaiseError(
        L, "Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.");
  }
  return 0;
}

int RedisReplicateCommands(lua_State* L) {
  LuaVm* vm = VmOf(L);
  if (vm->host()) vm->host()->ReplicateCommands();
  lua_pushboolean(L, 1);
  return 1;
}

int RedisBreakpoint(lua_State* L) {
  lua_pushboolean(L, 0);
  return 1;
}

int RedisDebug(lua_State* L) { return 0; }

int RedisAclCheckCmd(lua_State* L) {
  LuaVm* vm = VmOf(L);
  int argc = lua_gettop(L);
  if (argc == 0)
    return RaiseError(L, "Please specify at least one argument for this redis lib call");
  std::string name;
  if (lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER) name = lua_tostring(L, 1);
  if (!vm->host() || !vm->host()->Known(name)) {
    return RaiseError(L, "Invalid command passed to redis.acl_check_cmd()");
  }
  lua_pushboolean(L, 1);
  return 1;
}

// ---- math.random on Redis's generator (Lua 5.1's own mapping of the bits) -----------------

int MathRandom(lua_State* L) {
  LuaVm* vm = VmOf(L);
  constexpr double kMax = 2147483647.0;
  double r = static_cast<double>(vm->rand().Next() % 2147483647) / kMax;
  switch (lua_gettop(L)) {
    case 0:
      lua_pushnumber(L, r);
      break;
    case 1: {
      int u = luaL_checkint(L, 1);
      luaL_argcheck(L, 1 <= u, 1, "interval is empty");
      lua_pushnumber(L, std::floor(r * u) + 1);
      break;
    }
    case 2: {
      int l = luaL_checkint(L, 1);
      int u = luaL_checkint(L, 2);
      luaL_argcheck(L, l <= u, 2, "interval is empty");
      lua_pushnumber(L, std::floor(r * (u - l + 1)) + l);
      break;
    }
    default:
      return luaL_error(L, "wrong number of arguments");
  }
  return 1;
}

int MathRandomSeed(lua_State* L) {
  VmOf(L)->rand().Seed(luaL_checkint(L, 1));
  return 0;
}

// ---- Long scripts ----------------------------------------------------------------------

constexpr int kHookInstructions = 100000;

void CountHook(lua_State* L, lua_Debug* ar) {
  lua_pushlightuserdata(L, &kVmKey);
  lua_rawget(L, LUA_REGISTRYINDEX);
  auto* vm = static_cast<LuaVm*>(lua_touserdata(L, -1));
  lua_pop(L, 1);
  if (!vm || !vm->host() || !vm->host()->Interrupted()) return;
  Log(LogLevel::kWarning, "Lua script killed by user with SCRIPT KILL.");
  lua_sethook(L, CountHook, LUA_MASKLINE, 0);
  RaiseError(L, "Script killed by user with SCRIPT KILL...");
}

// ---- The sandbox --------------------------------------------------------------------------

// Replaces a readonly proxy at `idx` by the table it shows; leaves other values alone.
void SeeThrough(lua_State* L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE) return;
  lua_pushlightuserdata(L, &kReadonlyKey);
  lua_rawget(L, LUA_REGISTRYINDEX);
  lua_pushvalue(L, idx);
  lua_rawget(L, -2);
  if (!lua_isnil(L, -1)) lua_replace(L, idx);
  lua_settop(L, lua_gettop(L) - (lua_isnil(L, -1) ? 2 : 1));
}

bool IsReadonly(lua_State* L, int idx) {
  if (lua_type(L, idx) != LUA_TTABLE) return false;
  lua_pushlightuserdata(L, &kReadonlyKey);
  lua_rawget(L, LUA_REGISTRYINDEX);
  lua_pushvalue(L, idx);
  lua_rawget(L, -2);
  bool ro = !lua_isnil(L, -1);
  lua_pop(L, 2);
  return ro;
}

int ReadonlyNewIndex(lua_State* L) { return luaL_error(L, kReadonlyError); }

int NonexistentGlobal(lua_State* L) {
  const char* name = lua_tostring(L, 2);
  return luaL_error(L, "Script attempted to access nonexistent global variable '%s'",
                    name ? name : "?");
}

// A function that refuses a readonly table as its first argument, then calls the
// original (upvalue 1) with every argument.
int GuardFirstArg(lua_State* L) {
  if (IsReadonly(L, 1)) {
    lua_pushstring(L, kReadonlyError);
    return lua_error(L);
  }
  int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, n, LUA_MULTRET);
  return lua_gettop(L);
}

// A function that sees through readonly proxies in its first argument (next, rawget...).
int SeeThroughFirstArg(lua_State* L) {
  int n = lua_gettop(L);
  if (n >= 1) SeeThrough(L, 1);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, n, LUA_MULTRET);
  return lua_gettop(L);
}

int Pairs(lua_State* L) {
  luaL_checkany(L, 1);
  SeeThrough(L, 1);
  lua_pushvalue(L, lua_upvalueindex(1));  // next
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

// Redis's Lua refuses bytecode: its parser reads the chunk as text and stops at ESC.
void PushBytecodeError(lua_State* L, std::string_view chunk, const char* chunkname) {
  std::string id;
  if (chunkname && (chunkname[0] == '=' || chunkname[0] == '@')) {
    id = std::string(chunkname + 1).substr(0, 59);
  } else {
    std::string src = chunkname ? chunkname : std::string(chunk);
    size_t len = std::min(std::strcspn(src.c_str(), "\n\r"), std::strlen(src.c_str()));
    const size_t room = 60 - sizeof(" [string \"...\"] ");
    bool cut = len > room || src.c_str()[len] != '\0';
    if (len > room) len = room;
    id = "[string \"" + src.substr(0, len) + (cut ? "..." : "") + "\"]";
  }
  std::string msg = id + ":1: unexpected symbol near 'char(27)'";
  PushString(L, msg);
}

int LoadString(lua_State* L) {
  size_t len;
  const char* s = luaL_checklstring(L, 1, &len);
  const char* name = luaL_optstring(L, 2, s);
  if (len > 0 && s[0] == '\033') {
    lua_pushnil(L);
    PushBytecodeError(L, std::string_view(s, len), name);
    return 2;
  }
  if (luaL_loadbuffer(L, s, len, name) == 0) return 1;
  lua_pushnil(L);
  lua_insert(L, -2);
  return 2;
}

// load(func [, chunkname]): the pieces are gathered first, so bytecode is refused too.
int LoadChunk(lua_State* L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  const char* name = luaL_optstring(L, 2, "=(load)");
  std::string chunk;
  for (;;) {
    lua_pushvalue(L, 1);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
      lua_pop(L, 1);
      break;
    }
    if (!lua_isstring(L, -1)) {
      lua_pushnil(L);
      lua_pushstring(L, "reader function must return a string");
      return 2;
    }
    size_t len;
    const char* piece = lua_tolstring(L, -1, &len);
    if (len == 0) {
      lua_pop(L, 1);
      break;
    }
    chunk.append(piece, len);
    lua_pop(L, 1);
  }
  if (!chunk.empty() && chunk[0] == '\033') {
    lua_pushnil(L);
    PushBytecodeError(L, chunk, name);
    return 2;
  }
  if (luaL_loadbuffer(L, chunk.data(), chunk.size(), name) == 0) return 1;
  lua_pushnil(L);
  lua_insert(L, -2);
  return 2;
}

// Redis's error handler: a string error becomes {err = "ERR <text>"}; the table gets the
// source and line of the script code that raised it (skipping a C function like
// redis.call).
int ErrorHandler(lua_State* L) {
  lua_Debug ar;
  bool have = false;
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "nSl", &ar)) {
    have = true;
    if (std::strcmp(ar.what, "C") == 0) {
      have = lua_getstack(L, 2, &ar) && lua_getinfo(L, "nSl", &ar);
    }
  }
  if (!lua_istable(L, 1)) {
    const char* msg = lua_tostring(L, 1);
    std::string text = "ERR ";
    if (msg) {
      text += msg;
    } else {
      text += lua_isnil(L, 1) ? "nil" : luaL_typename(L, 1);
      if (!lua_isnil(L, 1) && !lua_isboolean(L, 1)) {
        char buf[64];
        std::snprintf(buf, sizeof(buf), ": %p", lua_topointer(L, 1));
        text += buf;
      } else if (lua_isboolean(L, 1)) {
        text = std::string("ERR ") + (lua_toboolean(L, 1) ? "true" : "false");
      }
    }
    lua_settop(L, 0);
    lua_newtable(L);
    lua_pushstring(L, "err");
    PushString(L, text);
    lua_rawset(L, -3);
  }
  lua_settop(L, 1);
  if (have) {
    lua_pushstring(L, "source");
    lua_pushstring(L, ar.source);
    lua_rawset(L, 1);
    lua_pushstring(L, "line");
    lua_pushnumber(L, ar.currentline);
    lua_rawset(L, 1);
  }
  return 1;
}

void SetFunction(lua_State* L, LuaVm* vm, const char* name, lua_CFunction f) {
  lua_pushstring(L, name);
  lua_pushlightuserdata(L, vm);
  lua_pushcclosure(L, f, 1);
  lua_rawset(L, -3);
}

// Wraps t[name] (t on top of the stack) in `wrapper`, the original as upvalue 1.
void Wrap(lua_State* L, const char* name, lua_CFunction wrapper) {
  lua_pushstring(L, name);
  lua_pushstring(L, name);
  lua_rawget(L, -3);
  lua_pushcclosure(L, wrapper, 1);
  lua_rawset(L, -3);
}

// Pushes a readonly proxy of the table at `idx`: reads go to it, writes fail.
void PushReadonlyProxy(lua_State* L, int idx) {
  idx = idx < 0 ? lua_gettop(L) + idx + 1 : idx;
  lua_newtable(L);  // proxy
  lua_newtable(L);  // its metatable
  lua_pushstring(L, "__index");
  lua_pushvalue(L, idx);
  lua_rawset(L, -3);
  lua_pushstring(L, "__newindex");
  lua_pushcfunction(L, ReadonlyNewIndex);
  lua_rawset(L, -3);
  lua_pushstring(L, "__metatable");
  lua_pushboolean(L, 0);
  lua_rawset(L, -3);
  lua_setmetatable(L, -2);
  // Remember proxy -> table.
  lua_pushlightuserdata(L, &kReadonlyKey);
  lua_rawget(L, LUA_REGISTRYINDEX);
  lua_pushvalue(L, -2);
  lua_pushvalue(L, idx);
  lua_rawset(L, -3);
  lua_pop(L, 1);
}

}  // namespace

void SeeThroughReadonly(lua_State* L, int idx) {
  // Proxies have a metatable; most tables have none, and cost one check.
  if (!lua_getmetatable(L, idx)) return;
  lua_pop(L, 1);
  SeeThrough(L, idx);
}

LuaAllocator::~LuaAllocator() {
  for (FreeBlock*& head : free_) {
    while (head) std::free(std::exchange(head, head->next));
  }
}

void* LuaAllocator::Get(size_t size) {
  if (size > kPoolMax) return std::malloc(size);
  FreeBlock*& head = free_[ClassOf(size)];
  if (!head) return std::malloc((ClassOf(size) + 1) * kGranule);
  return std::exchange(head, head->next);
}

void LuaAllocator::Put(void* p, size_t size) {
  if (size > kPoolMax) return std::free(p);
  FreeBlock*& head = free_[ClassOf(size)];
  head = new (p) FreeBlock{head};
}

void* LuaAllocator::Alloc(void* ud, void* ptr, size_t osize, size_t nsize) {
  if (!kPooled) {  // every block exactly its size, for the sanitizer
    if (nsize == 0) {
      std::free(ptr);
      return nullptr;
    }
    return std::realloc(ptr, nsize);
  }
  auto* self = static_cast<LuaAllocator*>(ud);
  if (nsize == 0) {
    if (ptr) self->Put(ptr, osize);
    return nullptr;
  }
  if (!ptr) return self->Get(nsize);
  if (osize > kPoolMax && nsize > kPoolMax) return std::realloc(ptr, nsize);
  if (osize <= kPoolMax && nsize <= kPoolMax && ClassOf(osize) == ClassOf(nsize)) return ptr;
  void* moved = self->Get(nsize);
  if (!moved) return nullptr;  // Lua keeps the old block
  std::memcpy(moved, ptr, std::min(osize, nsize));
  self->Put(ptr, osize);
  return moved;
}

namespace {

// As lauxlib's: an error outside any protected call cannot be recovered.
int Panic(lua_State* L) {
  std::fprintf(stderr, "PANIC: unprotected error in call to Lua API (%s)\n", lua_tostring(L, -1));
  return 0;
}

}  // namespace

LuaVm::LuaVm(Kind kind) : kind_(kind) {
  L_ = lua_newstate(LuaAllocator::Alloc, &alloc_);
  if (!L_) throw std::bad_alloc();
  lua_atpanic(L_, Panic);
  const std::pair<const char*, lua_CFunction> libs[] = {{"", luaopen_base},
                                                        {LUA_TABLIBNAME, luaopen_table},
                                                        {LUA_STRLIBNAME, luaopen_string},
                                                        {LUA_MATHLIBNAME, luaopen_math}};
  for (auto& [name, open] : libs) {
    lua_pushcfunction(L_, open);
    lua_pushstring(L_, name);
    lua_call(L_, 1, 0);
  }
  // Redis's own libraries, as globals.
  const std::pair<const char*, lua_CFunction> redis_libs[] = {
      {"cjson", OpenCjson}, {"cmsgpack", OpenCmsgpack}, {"struct", OpenStruct}, {"bit", OpenBit}};
  for (auto& [name, open] : redis_libs) {
    lua_pushcfunction(L_, open);
    lua_call(L_, 0, 1);
    lua_setfield(L_, LUA_GLOBALSINDEX, name);
  }
  lua_settop(L_, 0);
  SetupSandbox();
  rand_.Seed(static_cast<int32_t>(std::time(nullptr) ^ reinterpret_cast<uintptr_t>(this)));
}

LuaVm::~LuaVm() {
  if (L_) lua_close(L_);
}

void LuaVm::SetupSandbox() {
  lua_State* L = L_;
  lua_pushlightuserdata(L, &kScriptsKey);
  lua_newtable(L);
  lua_rawset(L, LUA_REGISTRYINDEX);
  lua_pushlightuserdata(L, &kReadonlyKey);
  lua_newtable(L);
  lua_newtable(L);  // weak keys: proxies of dropped tables may go
  lua_pushstring(L, "__mode");
  lua_pushstring(L, "k");
  lua_rawset(L, -3);
  lua_setmetatable(L, -2);
  lua_rawset(L, LUA_REGISTRYINDEX);

  lua_pushlightuserdata(L, &kVmKey);
  lua_pushlightuserdata(L, this);
  lua_rawset(L, LUA_REGISTRYINDEX);
  lua_pushlightuserdata(L, &kErrorHandlerKey);
  lua_pushcfunction(L, ErrorHandler);
  lua_rawset(L, LUA_REGISTRYINDEX);

  lua_pushvalue(L, LUA_GLOBALSINDEX);
  const int g = lua_gettop(L);
  lua_pushlightuserdata(L, &kGlobalsKey);
  lua_pushvalue(L, g);
  lua_rawset(L, LUA_REGISTRYINDEX);

  // What Redis removes from the base library.
  for (const char* name : {"dofile", "loadfile", "print", "setfenv", "getfenv", "newproxy",
                           "module", "require", "package"}) {
    lua_pushstring(L, name);
    lua_pushnil(L);
    lua_rawset(L, g);
  }
  // Bytecode is refused; readonly tables cannot be written through the raw functions.
  lua_pushstring(L, "loadstring");
  lua_pushcfunction(L, LoadString);
  lua_rawset(L, g);
  lua_pushstring(L, "load");
  lua_pushcfunction(L, LoadChunk);
  lua_rawset(L, g);
  Wrap(L, "rawset", GuardFirstArg);
  Wrap(L, "setmetatable", GuardFirstArg);
  Wrap(L, "rawget", SeeThroughFirstArg);
  Wrap(L, "next", SeeThroughFirstArg);
  lua_pushstring(L, "pairs");
  lua_pushstring(L, "next");
  lua_rawget(L, g);
  lua_pushcclosure(L, Pairs, 1);
  lua_rawset(L, g);
  lua_pushstring(L, "unpack");
  lua_pushcfunction(L, Unpack);
  lua_rawset(L, g);
  lua_pushstring(L, "__redis__err__handler");
  lua_pushcfunction(L, ErrorHandler);
  lua_rawset(L, g);

  lua_getfield(L, g, LUA_TABLIBNAME);
  for (const char* name : {"insert", "remove", "sort", "setn", "foreach", "foreachi"}) {
    Wrap(L, name, GuardFirstArg);
  }
  lua_pop(L, 1);

  lua_getfield(L, g, LUA_MATHLIBNAME);
  SetFunction(L, this, "random", MathRandom);
  SetFunction(L, this, "randomseed", MathRandomSeed);
  lua_pop(L, 1);

  // The redis table.
  lua_pushstring(L, "redis");
  lua_newtable(L);
  SetFunction(L, this, "call", RedisCall);
  SetFunction(L, this, "pcall", RedisPCall);
  SetFunction(L, this, "sha1hex", RedisSha1Hex);
  SetFunction(L, this, "error_reply", RedisErrorReply);
  SetFunction(L, this, "status_reply", RedisStatusReply);
  SetFunction(L, this, "log", RedisLog);
  SetFunction(L, this, "setresp", RedisSetResp);
  SetFunction(L, this, "set_repl", RedisSetRepl);
  SetFunction(L, this, "replicate_commands", RedisReplicateCommands);
  SetFunction(L, this, "breakpoint", RedisBreakpoint);
  SetFunction(L, this, "debug", RedisDebug);
  SetFunction(L, this, "acl_check_cmd", RedisAclCheckCmd);
  const std::pair<const char*, int> numbers[] = {
      {"LOG_DEBUG", 0},  {"LOG_VERBOSE", 1},
      {"LOG_NOTICE", 2}, {"LOG_WARNING", 3},
      {"REPL_NONE", 0},  {"REPL_AOF", 1},
      {"REPL_SLAVE", 2}, {"REPL_REPLICA", 2},
      {"REPL_ALL", 3},   {"REDIS_VERSION_NUM", 0x07000f}};
  for (auto& [name, v] : numbers) {
    lua_pushstring(L, name);
    lua_pushnumber(L, v);
    lua_rawset(L, -3);
  }
  lua_pushstring(L, "REDIS_VERSION");
  lua_pushstring(L, "7.0.15");
  lua_rawset(L, -3);
  lua_rawset(L, g);

  // Functions get their keys and arguments as parameters.
  for (const char* name : {"KEYS", "ARGV"}) {
    if (kind_ == Kind::kFunctions) break;
    lua_pushstring(L, name);
    lua_newtable(L);
    lua_rawset(L, g);
  }

  // The string metatable's __index becomes the readonly string library, and the metatable
  // itself is shown readonly.
  lua_pushstring(L, "");
  lua_getmetatable(L, -1);
  const int smt = lua_gettop(L);

  // Library tables become readonly proxies.
  for (const char* name :
       {"string", "table", "math", "redis", "coroutine", "cjson", "cmsgpack", "struct", "bit"}) {
    lua_getfield(L, g, name);
    PushReadonlyProxy(L, -1);
    if (std::strcmp(name, "string") == 0) {
      lua_pushstring(L, "__index");
      lua_pushvalue(L, -2);
      lua_rawset(L, smt);
    }
    lua_pushstring(L, name);
    lua_insert(L, -2);
    lua_rawset(L, g);
    lua_pop(L, 1);
  }
  PushReadonlyProxy(L, smt);
  lua_pushstring(L, "__metatable");
  lua_insert(L, -2);
  lua_rawset(L, smt);
  lua_settop(L, g);

  // Globals: scripts see a readonly proxy; names that do not exist raise an error.
  lua_newtable(L);
  lua_pushstring(L, "__index");
  lua_pushcfunction(L, NonexistentGlobal);
  lua_rawset(L, -3);
  lua_setmetatable(L, g);
  PushReadonlyProxy(L, g);
  lua_pushstring(L, "_G");
  lua_pushvalue(L, -2);
  lua_rawset(L, g);
  lua_replace(L, LUA_GLOBALSINDEX);
  lua_settop(L, 0);
  if (kind_ == Kind::kFunctions) SetupLibraryApi();
}

std::string LuaVm::Load(std::string_view body, std::string* error) {
  std::string sha = Sha1Hex(body);
  if (Exists(sha)) return sha;
  std::string_view code = body;
  std::string commented;
  if (body.substr(0, 2) == "#!") {
    // The shebang line stays, as a comment, so line numbers hold.
    commented = "--" + std::string(body);
    code = commented;
  }
  if (!code.empty() && code[0] == '\033') {
    *error =
        "ERR Error compiling script (new function): user_script:1: unexpected symbol near "
        "'char(27)'";
    return "";
  }
  if (luaL_loadbuffer(L_, code.data(), code.size(), "@user_script") != 0) {
    const char* msg = lua_tostring(L_, -1);
    *error = std::string("ERR Error compiling script (new function): ") + (msg ? msg : "");
    lua_settop(L_, 0);
    return "";
  }
  lua_pushlightuserdata(L_, &kScriptsKey);
  lua_rawget(L_, LUA_REGISTRYINDEX);
  PushString(L_, sha);
  lua_pushvalue(L_, -3);
  lua_rawset(L_, -3);
  lua_settop(L_, 0);
  body_bytes_ += body.size();
  bodies_.emplace(sha, std::string(body));
  return sha;
}

void LuaVm::Flush() {
  lua_pushlightuserdata(L_, &kScriptsKey);
  lua_newtable(L_);
  lua_rawset(L_, LUA_REGISTRYINDEX);
  bodies_.clear();
  body_bytes_ = 0;
  ResetCjson(L_);  // Redis's SCRIPT FLUSH starts a new Lua state: settings are back to defaults
  lua_gc(L_, LUA_GCCOLLECT, 0);
}

size_t LuaVm::memory() const {
  return static_cast<size_t>(lua_gc(L_, LUA_GCCOUNT, 0)) * 1024 +
         static_cast<size_t>(lua_gc(L_, LUA_GCCOUNTB, 0));
}

namespace {

void PushArgs(lua_State* L, Args args) {
  lua_createtable(L, static_cast<int>(args.size()), 0);
  for (size_t i = 0; i < args.size(); ++i) {
    PushString(L, args[i]);
    lua_rawseti(L, -2, static_cast<int>(i + 1));
  }
}

void SetArgsTable(lua_State* L, int globals, const char* name, Args args) {
  lua_pushstring(L, name);
  PushArgs(L, args);
  lua_rawset(L, globals);
}

std::string FieldString(lua_State* L, int table, const char* field, bool* found) {
  lua_pushstring(L, field);
  lua_rawget(L, table);
  *found = lua_type(L, -1) == LUA_TSTRING || lua_type(L, -1) == LUA_TNUMBER;
  std::string out;
  if (*found) {
    size_t len;
    const char* s = lua_tolstring(L, -1, &len);
    out.assign(s, len);
  }
  lua_pop(L, 1);
  return out;
}

std::string NoNewlines(std::string s) {
  for (char& c : s) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return s;
}

}  // namespace

void LuaVm::ReplyFromLua(protocol::ReplyBuilder& rb) {
  lua_State* L = L_;
  if (!lua_checkstack(L, 4)) {
    rb.SendError("ERR reached lua stack limit");
    lua_pop(L, 1);
    return;
  }
  const int t = lua_gettop(L);
  switch (lua_type(L, t)) {
    case LUA_TSTRING: {
      size_t len;
      const char* s = lua_tolstring(L, t, &len);
      rb.SendBulk(std::string_view(s, len));
      break;
    }
    case LUA_TBOOLEAN:
      if (resp_ == 2) {
        if (lua_toboolean(L, t)) {
          rb.SendLong(1);
        } else {
          rb.SendNull();
        }
      } else {
        rb.SendBool(lua_toboolean(L, t));
      }
      break;
    case LUA_TNUMBER:
      // As redis-server's cast on x86-64: inf, NaN and huge numbers give LLONG_MIN.
      rb.SendLong(DoubleToInt64(lua_tonumber(L, t)));
      break;
    case LUA_TTABLE: {
      bool found;
      std::string s = FieldString(L, t, "err", &found);
      if (found && lua_type(L, -1) != LUA_TNUMBER) {
        lua_pushstring(L, "err");
        lua_rawget(L, t);
        bool is_string = lua_type(L, -1) == LUA_TSTRING;
        lua_pop(L, 1);
        if (is_string) {
          rb.SendError(NoNewlines(s));
          break;
        }
      }
      lua_pushstring(L, "ok");
      lua_rawget(L, t);
      if (lua_type(L, -1) == LUA_TSTRING) {
        size_t len;
        const char* ok = lua_tolstring(L, -1, &len);
        std::string status = NoNewlines(std::string(ok, len));
        lua_pop(L, 1);
        rb.SendSimple(status);
        break;
      }
      lua_pop(L, 1);
      lua_pushstring(L, "double");
      lua_rawget(L, t);
      if (lua_type(L, -1) == LUA_TNUMBER) {
        double d = lua_tonumber(L, -1);
        lua_pop(L, 1);
        rb.SendDouble(d);
        break;
      }
      lua_pop(L, 1);
      lua_pushstring(L, "big_number");
      lua_rawget(L, t);
      if (lua_type(L, -1) == LUA_TSTRING) {
        size_t len;
        const char* num = lua_tolstring(L, -1, &len);
        std::string text = NoNewlines(std::string(num, len));
        lua_pop(L, 1);
        rb.SendBigNumber(text);
        break;
      }
      lua_pop(L, 1);
      lua_pushstring(L, "map");
      lua_rawget(L, t);
      if (lua_type(L, -1) == LUA_TTABLE) {
        const int m = lua_gettop(L);
        size_t n = 0;
        lua_pushnil(L);
        while (lua_next(L, m)) {
          lua_pop(L, 1);
          ++n;
        }
        rb.StartMap(n);
        lua_pushnil(L);
        while (lua_next(L, m)) {
          // Stack: map, key, value, key copy (Redis's order: the stack a nested map uses,
          // and so the depth where "reached lua stack limit" stops it, are the same).
          lua_pushvalue(L, -2);
          ReplyFromLua(rb);  // the key copy
          ReplyFromLua(rb);  // the value; the key continues the walk
        }
        lua_pop(L, 1);
        break;
      }
      lua_pop(L, 1);
      lua_pushstring(L, "set");
      lua_rawget(L, t);
      if (lua_type(L, -1) == LUA_TTABLE) {
        const int m = lua_gettop(L);
        size_t n = 0;
        lua_pushnil(L);
        while (lua_next(L, m)) {
          lua_pop(L, 1);
          ++n;
        }
        rb.StartSet(n);
        lua_pushnil(L);
        while (lua_next(L, m)) {
          lua_pop(L, 1);
          lua_pushvalue(L, -1);
          ReplyFromLua(rb);
        }
        lua_pop(L, 1);
        break;
      }
      lua_pop(L, 1);
      // An array: up to the first nil.
      size_t n = 0;
      for (;;) {
        lua_rawgeti(L, t, static_cast<int>(n + 1));
        bool nil = lua_isnil(L, -1);
        lua_pop(L, 1);
        if (nil) break;
        ++n;
      }
      rb.StartArray(n);
      for (size_t j = 1; j <= n; ++j) {
        lua_rawgeti(L, t, static_cast<int>(j));
        ReplyFromLua(rb);
      }
      break;
    }
    default:
      rb.SendNull();
  }
  lua_settop(L, t - 1);
}

void LuaVm::Run(std::string_view name, Args keys, Args argv, ScriptHost& host,
                protocol::ReplyBuilder& rb, const RunOptions& options) {
  lua_State* L = L_;
  lua_settop(L, 0);
  host_ = &host;
  resp_ = 2;
  if (options.deterministic) rand_.Seed(0);
  if (options.function_ref == LUA_NOREF) {
    lua_pushlightuserdata(L, &kGlobalsKey);
    lua_rawget(L, LUA_REGISTRYINDEX);
    SetArgsTable(L, 1, "KEYS", keys);
    SetArgsTable(L, 1, "ARGV", argv);
    lua_pop(L, 1);
  }
  lua_pushlightuserdata(L, &kErrorHandlerKey);
  lua_rawget(L, LUA_REGISTRYINDEX);
  int nargs = 0;
  if (options.function_ref != LUA_NOREF) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, options.function_ref);
    PushArgs(L, keys);
    PushArgs(L, argv);
    nargs = 2;
  } else {
    lua_pushlightuserdata(L, &kScriptsKey);
    lua_rawget(L, LUA_REGISTRYINDEX);
    PushString(L, options.sha);
    lua_rawget(L, -2);
    lua_remove(L, -2);
  }
  lua_sethook(L, CountHook, LUA_MASKCOUNT, kHookInstructions);
  int status = lua_pcall(L, nargs, 1, 1);
  lua_sethook(L, nullptr, 0, 0);
  host_ = nullptr;
  if (status == 0) {
    ReplyFromLua(rb);
  } else if (!lua_istable(L, -1)) {
    const char* msg = lua_tostring(L, -1);
    std::string text = "ERR Error running script " + std::string(name) + ", " +
                       std::string(msg ? msg : "execution failure").substr(0, 100);
    rb.SendError(NoNewlines(text));
  } else {
    bool has_msg, has_source, has_line;
    const int e = lua_gettop(L);
    std::string msg = FieldString(L, e, "err", &has_msg);
    std::string source = FieldString(L, e, "source", &has_source);
    std::string line = FieldString(L, e, "line", &has_line);
    if (has_source && has_line)
      msg += " script: " + std::string(name) + ", on " + source + ":" + line + ".";
    rb.SendError(NoNewlines(msg));
  }
  lua_settop(L, 0);
  // Like Redis: a collection step of 50 every 50 runs, so the garbage of many small runs
  // is collected a bit at a time without paying a step on each run.
  if (++runs_since_gc_ == kGcPeriod) {
    lua_gc(L, LUA_GCSTEP, kGcPeriod);
    runs_since_gc_ = 0;
  }
}

}  // namespace tandem::scripting

// ---- Function libraries (the state of Kind::kFunctions) -----------------------------------

namespace tandem::scripting {
namespace {

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Redis's functionsVerifyName: letters, digits and underscores, at least one.
bool ValidFunctionName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

constexpr char kErrBadName[] =
    "Library names can only contain letters, numbers, or underscores(_) and must be at least "
    "one character long";

// A string or a number at `idx`, as Redis's luaGetStringSds; false for other types.
bool GetString(lua_State* L, int idx, std::string* out) {
  if (!lua_isstring(L, idx)) return false;
  lua_pushvalue(L, idx);  // lua_tolstring converts numbers in place: convert a copy
  size_t len;
  const char* s = lua_tolstring(L, -1, &len);
  out->assign(s, len);
  lua_pop(L, 1);
  return true;
}

// The flags table on top of the stack: {"no-writes", ...}; false on an unknown flag.
bool ReadFunctionFlags(lua_State* L, uint32_t* flags) {
  uint32_t out = 0;
  for (int j = 1;; ++j) {
    lua_pushnumber(L, j);
    lua_gettable(L, -2);
    if (lua_isnil(L, -1)) {
      lua_pop(L, 1);
      break;
    }
    std::string name;
    bool found = false;
    if (GetString(L, -1, &name)) {
      for (const auto& [flag_name, bit] : kScriptFlagNames) {
        if (name.size() == flag_name.size() &&
            strncasecmp(name.data(), flag_name.data(), name.size()) == 0) {
          out |= bit;
          found = true;
          break;
        }
      }
    }
    lua_pop(L, 1);
    if (!found) return false;
  }
  *flags = out;
  return true;
}

bool KeyIs(const std::string& key, const char* name) { return strcasecmp(key.c_str(), name) == 0; }

// redis.register_function(name, callback) or redis.register_function{function_name=...,
// callback=..., flags=..., description=...}, only while FUNCTION LOAD runs the library.
int RegisterFunction(lua_State* L) {
  LuaVm* vm = VmOf(L);
  std::vector<RegisteredFunction>* library = vm->loading();
  if (!library) {
    return RaiseError(L, "redis.register_function can only be called on FUNCTION LOAD command");
  }
  const int argc = lua_gettop(L);
  if (argc < 1 || argc > 2) {
    return RaiseError(L, "wrong number of arguments to redis.register_function");
  }
  RegisteredFunction f;
  if (argc == 2) {
    if (!GetString(L, 1, &f.name)) {
      return RaiseError(L, "first argument to redis.register_function must be a string");
    }
    if (!lua_isfunction(L, 2)) {
      return RaiseError(L, "second argument to redis.register_function must be a function");
    }
  } else {
    if (!lua_istable(L, 1)) {
      return RaiseError(L,
                        "calling redis.register_function with a single argument is only "
                        "applicable to Lua table (representing named arguments).");
    }
    lua_pushnil(L);  // slot 2: the callback
    bool has_name = false;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
      std::string key;
      if (!GetString(L, -2, &key)) {
        return RaiseError(L, "named argument key given to redis.register_function is not a string");
      }
      if (KeyIs(key, "function_name")) {
        if (!GetString(L, -1, &f.name)) {
          return RaiseError(
              L, "function_name argument given to redis.register_function must be a string");
        }
        has_name = true;
      } else if (KeyIs(key, "description")) {
        if (!GetString(L, -1, &f.description)) {
          return RaiseError(
              L, "description argument given to redis.register_function must be a string");
        }
        f.has_description = true;
      } else if (KeyIs(key, "callback")) {
        if (!lua_isfunction(L, -1)) {
          return RaiseError(
              L, "callback argument given to redis.register_function must be a function");
        }
        lua_pushvalue(L, -1);
        lua_replace(L, 2);
      } else if (KeyIs(key, "flags")) {
        if (!lua_istable(L, -1)) {
          return RaiseError(L,
                            "flags argument to redis.register_function must be a table "
                            "representing function flags");
        }
        if (!ReadFunctionFlags(L, &f.flags)) return RaiseError(L, "unknown flag given");
      } else {
        return RaiseError(L, "unknown argument given to redis.register_function");
      }
      lua_pop(L, 1);
    }
    if (!has_name) {
      return RaiseError(L, "redis.register_function must get a function name argument");
    }
    if (lua_isnil(L, 2)) {
      return RaiseError(L, "redis.register_function must get a callback argument");
    }
  }
  if (!ValidFunctionName(f.name)) return RaiseError(L, kErrBadName);
  for (const RegisteredFunction& other : *library) {
    if (other.name == f.name) return RaiseError(L, "Function already exists in the library");
  }
  lua_settop(L, 2);
  f.ref = luaL_ref(L, LUA_REGISTRYINDEX);
  library->push_back(std::move(f));
  return 0;
}

// FUNCTION LOAD gives a library 500 ms to register its functions.
void LoadHook(lua_State* L, lua_Debug* ar) {
  lua_pushlightuserdata(L, &kVmKey);
  lua_rawget(L, LUA_REGISTRYINDEX);
  auto* vm = static_cast<LuaVm*>(lua_touserdata(L, -1));
  lua_pop(L, 1);
  if (!vm || !vm->LoadTimedOut()) return;
  lua_sethook(L, LoadHook, LUA_MASKLINE, 0);
  RaiseError(L, "FUNCTION LOAD timeout");
}

// Points the globals proxy's reads at `key`'s table in the registry.
void SetGlobalsView(lua_State* L, void* key) {
  lua_getmetatable(L, LUA_GLOBALSINDEX);
  lua_pushstring(L, "__index");
  lua_pushlightuserdata(L, key);
  lua_rawget(L, LUA_REGISTRYINDEX);
  lua_rawset(L, -3);
  lua_pop(L, 1);
}

}  // namespace

// What library code sees while it loads: only `redis`, with register_function, log, the
// LOG_* levels and the version; any other name raises the nonexistent-global error.
void LuaVm::SetupLibraryApi() {
  lua_State* L = L_;
  lua_newtable(L);  // the metatable of missing names
  const int missing = lua_gettop(L);
  lua_pushstring(L, "__index");
  lua_pushcfunction(L, NonexistentGlobal);
  lua_rawset(L, missing);
  lua_newtable(L);
  const int api = lua_gettop(L);
  lua_pushvalue(L, missing);
  lua_setmetatable(L, api);
  lua_newtable(L);
  SetFunction(L, this, "register_function", RegisterFunction);
  SetFunction(L, this, "log", RedisLog);
  const std::pair<const char*, int> numbers[] = {{"LOG_DEBUG", 0},
                                                 {"LOG_VERBOSE", 1},
                                                 {"LOG_NOTICE", 2},
                                                 {"LOG_WARNING", 3},
                                                 {"REDIS_VERSION_NUM", 0x07000f}};
  for (auto& [name, v] : numbers) {
    lua_pushstring(L, name);
    lua_pushnumber(L, v);
    lua_rawset(L, -3);
  }
  lua_pushstring(L, "REDIS_VERSION");
  lua_pushstring(L, "7.0.15");
  lua_rawset(L, -3);
  lua_pushvalue(L, missing);
  lua_setmetatable(L, -2);
  PushReadonlyProxy(L, -1);
  lua_pushstring(L, "redis");
  lua_insert(L, -2);
  lua_rawset(L, api);
  lua_pop(L, 1);
  lua_pushlightuserdata(L, &kLibraryApiKey);
  lua_pushvalue(L, api);
  lua_rawset(L, LUA_REGISTRYINDEX);
  lua_settop(L, 0);
}

bool LuaVm::LoadTimedOut() const { return SteadyMs() - load_start_ms_ > 500; }

bool LuaVm::LoadLibrary(std::string_view code, std::vector<RegisteredFunction>* out,
                        std::string* error) {
  lua_State* L = L_;
  lua_settop(L, 0);
  if (luaL_loadbuffer(L, code.data(), code.size(), "@user_function") != 0) {
    const char* msg = lua_tostring(L, -1);
    *error = std::string("ERR Error compiling function: ") + (msg ? msg : "");
    lua_settop(L, 0);
    return false;
  }
  SetGlobalsView(L, &kLibraryApiKey);
  loading_ = out;
  load_start_ms_ = SteadyMs();
  lua_sethook(L, LoadHook, LUA_MASKCOUNT, kHookInstructions);
  int status = lua_pcall(L, 0, 0, 0);
  lua_sethook(L, nullptr, 0, 0);
  loading_ = nullptr;
  SetGlobalsView(L, &kGlobalsKey);
  if (status != 0) {
    std::string msg;
    if (lua_istable(L, -1)) {
      bool found;
      msg = FieldString(L, lua_gettop(L), "err", &found);
    } else {
      const char* s = lua_tostring(L, -1);
      msg = std::string("ERR ") + (s ? s : "");
    }
    *error = "ERR Error registering functions: " + msg;
    for (const RegisteredFunction& f : *out) Unref(f.ref);
    out->clear();
  }
  lua_settop(L, 0);
  return status == 0;
}

void LuaVm::Unref(int ref) { luaL_unref(L_, LUA_REGISTRYINDEX, ref); }

}  // namespace tandem::scripting
