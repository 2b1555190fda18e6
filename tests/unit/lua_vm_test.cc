// The Lua VM on its own: SHA-1 names, Redis's random generator, the sandbox and the
// conversions between Lua values and replies (a fake host answers redis.call).
#include "scripting/lua_vm.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "protocol/captured_reply.h"
#include "scripting/sha1.h"

namespace tandem::scripting {
namespace {

using protocol::CapturingReplyBuilder;
using protocol::ReplyValue;

// Answers every call with the reply its first argument names.
class FakeHost final : public ScriptHost {
 public:
  std::vector<std::vector<std::string>> calls;
  std::string Call(Args argv, protocol::ReplyBuilder& rb) override {
    calls.emplace_back(argv.begin(), argv.end());
    if (argv[0] == "refuse") return "-NOPE refused";
    if (argv[0] == "error") {
      rb.SendError("ERR failed");
    } else if (argv[0] == "map") {
      rb.StartMap(1);
      rb.SendBulk("k");
      rb.SendLong(7);
    } else if (argv[0] == "double") {
      rb.SendDouble(1.5);
    } else if (argv[0] == "null") {
      rb.SendNull();
    } else if (argv[0] == "bignum") {
      rb.SendBigNumber("1234567999999999999999999999999999999");
    } else {
      rb.StartArray(2);
      rb.SendBulk("a");
      rb.SendSimple("OK");
    }
    return "";
  }
  bool Known(std::string_view name) override { return name == "get"; }
};

ReplyValue RunScript(LuaVm& vm, std::string_view body, FakeHost& host) {
  std::string error;
  std::string sha = vm.Load(body, &error);
  CapturingReplyBuilder rb;
  if (sha.empty()) {
    rb.SendError(error);
  } else {
    LuaVm::RunOptions options;
    options.sha = sha;
    vm.Run(sha, {}, {}, host, rb, options);
  }
  REQUIRE(rb.values().size() == 1);
  return rb.values()[0];
}

TEST_CASE("Sha1Hex matches the FIPS test vectors") {
  CHECK(Sha1Hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(Sha1Hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(Sha1Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(Sha1Hex(std::string(1000, 'a')) == "291e9a6c66994949b57ba5e650361e98fc36b1ba");
}

TEST_CASE("Rand48 seeded with 0 gives redis-server 2.6-6.2's first math.random(100): 18") {
  LuaVm vm;
  FakeHost host;
  std::string error;
  std::string sha = vm.Load("return math.random(100)", &error);
  for (int i = 0; i < 3; ++i) {
    CapturingReplyBuilder rb;
    LuaVm::RunOptions options;
    options.sha = sha;
    options.deterministic = true;
    vm.Run(sha, {}, {}, host, rb, options);
    REQUIRE(rb.values().size() == 1);
    CHECK(rb.values()[0].integer == 18);
  }
}

TEST_CASE("redis.call converts replies to Lua and results back") {
  LuaVm vm;
  FakeHost host;
  ReplyValue v = RunScript(vm, "local r = redis.call('x', 1, 2.5) return {r[1], r[2].ok}", host);
  REQUIRE(v.kind == ReplyValue::Kind::kArray);
  REQUIRE(v.items.size() == 2);
  CHECK(v.items[0].str == "a");
  CHECK(v.items[1].str == "OK");
  REQUIRE(host.calls.size() == 1);
  CHECK(host.calls[0] == std::vector<std::string>{"x", "1", "2.5"});

  v = RunScript(vm, "return redis.call('map')", host);  // RESP2: a flat array
  REQUIRE(v.items.size() == 2);
  CHECK(v.items[1].integer == 7);
  v = RunScript(vm, "redis.setresp(3) return redis.call('map').map.k", host);
  CHECK(v.integer == 7);
  v = RunScript(vm, "redis.setresp(3) return redis.call('double')", host);
  CHECK(v.kind == ReplyValue::Kind::kDouble);
  v = RunScript(vm, "return redis.call('null') == false", host);
  CHECK(v.integer == 1);
}

TEST_CASE("big numbers both ways: {big_number=...} in RESP3, a string in RESP2") {
  LuaVm vm;
  FakeHost host;
  constexpr char kDigits[] = "1234567999999999999999999999999999999";
  ReplyValue v = RunScript(vm, "return redis.call('bignum')", host);
  CHECK(v.kind == ReplyValue::Kind::kBulk);
  CHECK(v.str == kDigits);
  v = RunScript(
      vm, "redis.setresp(3) local r = redis.call('bignum') return {type(r), r.big_number}", host);
  REQUIRE(v.items.size() == 2);
  CHECK(v.items[0].str == "table");
  CHECK(v.items[1].str == kDigits);
  // Returned as is: the writer sends RESP3's "(" or RESP2's bulk.
  v = RunScript(vm, "redis.setresp(3) return redis.call('bignum')", host);
  CHECK(v.kind == ReplyValue::Kind::kBigNumber);
  CHECK(v.str == kDigits);
  v = RunScript(vm, "return {big_number='12\\r\\n3'}", host);
  CHECK(v.kind == ReplyValue::Kind::kBigNumber);
  CHECK(v.str == "12  3");
}

TEST_CASE("Redis's libraries are loaded read-only; SCRIPT FLUSH resets cjson's settings") {
  LuaVm vm;
  FakeHost host;
  CHECK(RunScript(vm, "return cjson.encode({1, 'a', {b=true}})", host).str ==
        "[1,\"a\",{\"b\":true}]");
  CHECK(RunScript(vm, "return cmsgpack.pack(1, 'a')", host).str ==
        "\x01\xa1"
        "a");
  CHECK(RunScript(vm, "return struct.pack('>I2', 258)", host).str == "\x01\x02");
  CHECK(RunScript(vm, "return bit.tohex(65535, -2147483648)", host).str == "0000FFFF");
  for (const char* lib : {"cjson", "cmsgpack", "struct", "bit"}) {
    CHECK(RunScript(vm, std::string(lib) + ".x = 1", host).str.find("readonly") !=
          std::string::npos);
  }
  CHECK(RunScript(vm, "return cjson.encode_max_depth(3)", host).integer == 3);
  CHECK(RunScript(vm, "return cjson.encode_max_depth()", host).integer == 3);
  vm.Flush();
  CHECK(RunScript(vm, "return cjson.encode_max_depth()", host).integer == 1000);
}

TEST_CASE("errors carry the script name and line; refusals keep their code") {
  LuaVm vm;
  FakeHost host;
  ReplyValue v = RunScript(vm, "\nreturn redis.call('error')", host);
  CHECK(v.kind == ReplyValue::Kind::kError);
  CHECK(v.str.find("ERR failed script: ") == 0);
  CHECK(v.str.find(", on @user_script:2.") != std::string::npos);
  v = RunScript(vm, "return redis.pcall('refuse')", host);
  CHECK(v.str == "NOPE refused");
  v = RunScript(vm, "return redis.acl_check_cmd('get')", host);
  CHECK(v.integer == 1);
  v = RunScript(vm, "retur", host);
  CHECK(v.str ==
        "ERR Error compiling script (new function): user_script:1: '=' expected near "
        "'<eof>'");
}

TEST_CASE("the sandbox: readonly globals and libraries, no bytecode, bounded unpack") {
  LuaVm vm;
  FakeHost host;
  CHECK(RunScript(vm, "x = 1", host).str.find("Attempt to modify a readonly table") !=
        std::string::npos);
  CHECK(RunScript(vm, "string.rep = nil", host).str.find("readonly") != std::string::npos);
  CHECK(RunScript(vm, "rawset(_G, 'y', 1)", host).str.find("readonly") != std::string::npos);
  CHECK(RunScript(vm, "return os", host).str.find("nonexistent global variable 'os'") !=
        std::string::npos);
  CHECK(RunScript(vm, "return loadstring(string.dump(function() end)) == nil", host).integer == 1);
  CHECK(RunScript(vm, "return pcall(unpack, {}, -2147483648, 2147483647)", host).kind ==
        ReplyValue::Kind::kNull);
  ReplyValue deep = RunScript(vm, "local t = {} t[1] = t return t", host);
  CHECK(deep.kind == ReplyValue::Kind::kArray);
}

}  // namespace
}  // namespace tandem::scripting

namespace tandem::scripting {

TEST_CASE(
    "LuaAllocator keeps a block's bytes across every kind of resize and reuses freed blocks") {
  LuaAllocator alloc;
  auto fill = [](void* p, size_t n, char c) { std::memset(p, c, n); };
  auto holds = [](const void* p, size_t n, char c) {
    const char* b = static_cast<const char*>(p);
    for (size_t i = 0; i < n; ++i) {
      if (b[i] != c) return false;
    }
    return true;
  };
  // Within a class, to another small class, to a big block and back, and freed.
  const size_t steps[] = {1, 15, 16, 17, 31, 200, 256, 257, 4000, 300, 256, 40, 8};
  void* p = LuaAllocator::Alloc(&alloc, nullptr, 0, steps[0]);
  fill(p, steps[0], 'x');
  for (size_t i = 1; i < sizeof(steps) / sizeof(steps[0]); ++i) {
    const size_t before = steps[i - 1], after = steps[i];
    p = LuaAllocator::Alloc(&alloc, p, before, after);
    REQUIRE(p != nullptr);
    CHECK(holds(p, std::min(before, after), 'x'));
    fill(p, after, 'x');
  }
  CHECK(LuaAllocator::Alloc(&alloc, p, steps[12], 0) == nullptr);
  // Blocks of one class are handed out again once freed.
  void* a = LuaAllocator::Alloc(&alloc, nullptr, 0, 40);
  LuaAllocator::Alloc(&alloc, a, 40, 0);
  void* b = LuaAllocator::Alloc(&alloc, nullptr, 0, 33);
  if (LuaAllocator::kPooled) CHECK(b == a);
  fill(b, 33, 'y');
  LuaAllocator::Alloc(&alloc, b, 33, 0);
}

TEST_CASE("A state on the pooled allocator runs many scripts and collects their garbage") {
  LuaVm vm;
  std::string error;
  std::string sha = vm.Load(
      "local t = {} for i = 1, 200 do t[i] = string.rep('a', i) .. i end return #t[200]", &error);
  REQUIRE(!sha.empty());
  FakeHost host;
  for (int i = 0; i < 300; ++i) {
    CapturingReplyBuilder rb;
    LuaVm::RunOptions options;
    options.sha = sha;
    vm.Run(sha, {}, {}, host, rb, options);
    REQUIRE(rb.Take().front().integer == 203);
  }
}

}  // namespace tandem::scripting
