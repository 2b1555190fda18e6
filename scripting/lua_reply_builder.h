// A ReplyBuilder that writes a command's reply straight onto a Lua stack, converted as
// Redis 7.0 converts replies for redis.call (RESP2 or RESP3, chosen by redis.setresp).
// Used only under the engine lock, by the script that owns the Lua state.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "protocol/reply_builder.h"

struct lua_State;

namespace tandem::scripting {

class LuaReplyBuilder final : public protocol::ReplyBuilder {
 public:
  LuaReplyBuilder(lua_State* L, int resp) : L_(L), resp_(resp) {}

  void SendSimple(std::string_view s) override;
  void SendError(std::string_view s) override;
  void SendLong(long long v) override;
  void SendDouble(double v) override;
  void SendBulk(std::string_view s) override;
  void SendNull() override;
  void SendNullArray() override;
  void SendBool(bool v) override;
  void SendVerbatim(std::string_view s, std::string_view format = "txt") override;
  // RESP3: {big_number = digits}; RESP2: the digits as a string.
  void SendBigNumber(std::string_view digits) override;
  void StartArray(size_t n) override;
  void StartMap(size_t n) override;
  void StartSet(size_t n) override;
  void StartPush(size_t n) override;
  // RESP3 nests pairs in 2-element arrays, as Redis's reply would.
  void StartPairArray(size_t n) override { StartArray(resp_ == 3 ? n : 2 * n); }
  void StartPair() override {
    if (resp_ == 3) StartArray(2);
  }

  // How many complete top-level values were pushed (a command pushes one).
  int pushed() const { return pushed_; }
  // The first top-level value was an error reply.
  bool error() const { return error_; }

 private:
  enum class Agg { kArray, kMap, kSet };
  struct Open {
    Agg kind;
    size_t remaining;  // values still expected (a map's keys and values both count)
    int index;         // next array index
  };
  void Start(Agg kind, size_t n);
  // Stores the value on top of the stack into the open aggregate, closing finished ones.
  void Added();

  lua_State* L_;
  int resp_;
  std::vector<Open> open_;
  int pushed_ = 0;
  bool error_ = false;
};

}  // namespace tandem::scripting
