// The Lua 5.1 virtual machine of the EVAL family: one sandboxed state, the script cache
// (scripts compiled once into functions named f_<sha1>, kept in the registry, out of _G),
// the `redis` API and the conversions between Lua values and replies, as Redis 7.0 does
// them. Commands called by scripts reach the server through a ScriptHost, so this file
// knows nothing of connections. Used only under the engine lock.
#pragma once

#include <cstdint>
#include <ctime>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "protocol/reply_builder.h"

struct lua_State;

namespace tandem::scripting {

using Args = std::span<const std::string_view>;

// The server side of a running script: implemented by the EVAL family.
class ScriptHost {
 public:
  virtual ~ScriptHost() = default;
  // Runs argv (non-empty) as a command called by the script, with replies in RESP `resp`
  // converted onto the Lua stack by `rb`. Returns an empty string when the command ran
  // (its reply, maybe an error, is in rb), or the refusal in Redis's form ("msg" or
  // "-CODE msg") when it was not run (unknown command, arity, noscript, read-only...).
  virtual std::string Call(Args argv, protocol::ReplyBuilder& rb) = 0;
  // Whether `name` is a command (redis.acl_check_cmd).
  virtual bool Known(std::string_view name) = 0;
  // Called by redis.replicate_commands().
  virtual void ReplicateCommands() {}
  // Called every 100,000 Lua instructions: true stops the script with Redis's "Script
  // killed by user" error (and every later line raises it again, so pcall cannot hold it).
  virtual bool Interrupted() { return false; }
};

// Shebang flags (#!lua flags=...) and function flags (redis.register_function's flags), as
// Redis 7.0 names them.
enum ScriptFlag : uint32_t {
  kScriptNoWrites = 1u << 0,
  kScriptAllowOom = 1u << 1,
  kScriptAllowStale = 1u << 2,
  kScriptNoCluster = 1u << 3,
  kScriptAllowCrossSlot = 1u << 4,
  kScriptShebang = 1u << 5,  // the script has a shebang (not Redis's compatibility mode)
};

// The flags' names, in the order Redis lists them (FUNCTION LIST).
inline constexpr std::pair<std::string_view, uint32_t> kScriptFlagNames[] = {
    {"no-writes", kScriptNoWrites},
    {"allow-oom", kScriptAllowOom},
    {"allow-stale", kScriptAllowStale},
    {"no-cluster", kScriptNoCluster},
    {"allow-cross-slot-keys", kScriptAllowCrossSlot}};

// A function a library registered with redis.register_function while it loaded; its
// callback is kept in the Lua registry under `ref`.
struct RegisteredFunction {
  std::string name;
  std::string description;
  bool has_description = false;
  uint32_t flags = 0;
  int ref = -2;  // LUA_NOREF
};

// Redis's 48-bit linear congruential generator (drand48's constants), which its Lua
// math.random uses.
class Rand48 {
 public:
  void Seed(int32_t seed) {
    x_ = (static_cast<uint64_t>(static_cast<uint32_t>(seed)) << 16) | 0x330E;
  }
  // 31 random bits.
  int32_t Next() {
    x_ = (0x5DEECE66Dull * x_ + 0xB) & ((1ull << 48) - 1);
    return static_cast<int32_t>(x_ >> 17);
  }

 private:
  uint64_t x_ = 0x330E;
};

#if defined(__SANITIZE_ADDRESS__)
#define TANDEM_LUA_POOL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TANDEM_LUA_POOL 0
#endif
#endif
#ifndef TANDEM_LUA_POOL
#define TANDEM_LUA_POOL 1
#endif

// The Lua states' allocator. Blocks of up to 256 bytes come from free lists (16-byte size
// classes) that keep what the collector frees for the next runs instead of handing it back
// to malloc: every script run makes and drops the same small strings and tables (glibc's
// malloc and free were ~10% of an EVALSHA rate-limiter profile). Larger blocks use realloc.
// One per state, used under the engine lock like the state. Under AddressSanitizer every
// block goes to malloc, so a use after free stays caught.
class LuaAllocator {
 public:
  static constexpr bool kPooled = TANDEM_LUA_POOL;
  LuaAllocator() = default;
  LuaAllocator(const LuaAllocator&) = delete;
  LuaAllocator& operator=(const LuaAllocator&) = delete;
  ~LuaAllocator();
  // Lua's lua_Alloc, with `ud` the allocator.
  static void* Alloc(void* ud, void* ptr, size_t osize, size_t nsize);

 private:
  static constexpr size_t kGranule = 16;
  static constexpr size_t kPoolMax = 256;
  struct FreeBlock {
    FreeBlock* next;
  };
  static size_t ClassOf(size_t size) { return (size + kGranule - 1) / kGranule - 1; }
  void* Get(size_t size);
  void Put(void* p, size_t size);
  FreeBlock* free_[kPoolMax / kGranule] = {};
};

class LuaVm {
 public:
  // kEval: EVAL's state (KEYS and ARGV globals). kFunctions: the state of function
  // libraries, whose callbacks get keys and args as parameters, and whose library code runs
  // with only the library API (redis.register_function, redis.log) visible.
  enum class Kind { kEval, kFunctions };
  explicit LuaVm(Kind kind = Kind::kEval);
  ~LuaVm();
  LuaVm(const LuaVm&) = delete;
  LuaVm& operator=(const LuaVm&) = delete;

  // Compiles `body` unless cached; returns its sha1. On a compile error returns "" and
  // sets *error to Redis's full error text.
  std::string Load(std::string_view body, std::string* error);
  // Whether a script with this (lowercase) sha1 is cached.
  bool Exists(const std::string& sha) const { return bodies_.contains(sha); }
  // Forgets every cached script.
  void Flush();
  size_t script_count() const { return bodies_.size(); }
  size_t body_bytes() const { return body_bytes_; }
  // Bytes the Lua state uses.
  size_t memory() const;

  // Runs a library's code (what follows its shebang line, the newline included) so that it
  // registers its functions into *out. False on an error, with Redis's text in *error (and
  // nothing left registered).
  bool LoadLibrary(std::string_view code, std::vector<RegisteredFunction>* out, std::string* error);
  // Releases a function's callback.
  void Unref(int ref);

  struct RunOptions {
    std::string_view sha;       // the cached script to run
    bool deterministic = true;  // reseed math.random with 0 for this run
    int function_ref = -2;      // else: a registered function, called with (keys, args)
  };
  // Runs the cached script options.sha with KEYS and ARGV, writing its result (or Redis's
  // error, naming the script `name`) to `rb`.
  void Run(std::string_view name, Args keys, Args argv, ScriptHost& host,
           protocol::ReplyBuilder& rb, const RunOptions& options);

  // State of the running script, for the C functions of the `redis` API.
  ScriptHost* host() const { return host_; }
  int resp() const { return resp_; }
  void set_resp(int resp) { resp_ = resp; }
  Rand48& rand() { return rand_; }
  lua_State* state() const { return L_; }
  // During LoadLibrary: where redis.register_function registers; else null.
  std::vector<RegisteredFunction>* loading() const { return loading_; }
  // During LoadLibrary: whether it ran past FUNCTION LOAD's 500 ms.
  bool LoadTimedOut() const;

 private:
  void SetupSandbox();
  void SetupLibraryApi();
  // Writes the value on top of the stack to rb as Redis's luaReplyToRedisReply; pops it.
  void ReplyFromLua(protocol::ReplyBuilder& rb);

  LuaAllocator alloc_;  // outlives L_: ~LuaVm closes the state first
  lua_State* L_ = nullptr;
  std::unordered_map<std::string, std::string> bodies_;  // sha -> body
  size_t body_bytes_ = 0;
  ScriptHost* host_ = nullptr;
  int resp_ = 2;
  Rand48 rand_;
  Kind kind_;
  std::vector<RegisteredFunction>* loading_ = nullptr;
  int64_t load_start_ms_ = 0;
  static constexpr int kGcPeriod = 50;  // Redis's LUA_GC_CYCLE_PERIOD
  int runs_since_gc_ = 0;
};

}  // namespace tandem::scripting
