// The reply interface every command handler writes to. Handlers never see bytes or the
// protocol version: RespWriter turns calls into RESP2 or RESP3, other builders capture
// them (MULTI, Lua, tests).
#pragma once

#include <cstdint>
#include <string_view>

namespace tandem::protocol {

class ReplyBuilder {
 public:
  virtual ~ReplyBuilder() = default;

  // "+OK" style status line; `s` must not contain CR or LF.
  virtual void SendSimple(std::string_view s) = 0;
  // An error line; `s` is the full text without the leading '-', e.g. "ERR syntax error".
  virtual void SendError(std::string_view s) = 0;
  virtual void SendLong(long long v) = 0;
  // RESP3 double; RESP2 sends it as a bulk string in Redis's %.17g form.
  virtual void SendDouble(double v) = 0;
  virtual void SendBulk(std::string_view s) = 0;
  // A missing value: RESP2 "$-1", RESP3 "_".
  virtual void SendNull() = 0;
  // A missing aggregate: RESP2 "*-1", RESP3 "_".
  virtual void SendNullArray() = 0;
  // RESP3 boolean; RESP2 ":1" / ":0".
  virtual void SendBool(bool v) = 0;
  // RESP3 verbatim string ("=" with a 3-letter format); RESP2 bulk string.
  virtual void SendVerbatim(std::string_view s, std::string_view format = "txt") = 0;
  // RESP3's big number (digits as text); RESP2 and builders that do not know it: a bulk.
  virtual void SendBigNumber(std::string_view digits) { SendBulk(digits); }
  virtual void StartArray(size_t n) = 0;
  // n key/value pairs; RESP2 sends an array of 2n elements.
  virtual void StartMap(size_t n) = 0;
  // RESP2 sends a plain array.
  virtual void StartSet(size_t n) = 0;
  // Out-of-band push (pub/sub); RESP2 sends a plain array.
  virtual void StartPush(size_t n) = 0;

  // n pairs (HRANDFIELD ... WITHVALUES, ZRANGE ... WITHSCORES): RESP3 nests each pair in a
  // 2-element array, each opened with StartPair(); RESP2 sends one flat array of 2n elements.
  // A builder that forwards to another must forward these too.
  virtual void StartPairArray(size_t n) { StartArray(2 * n); }
  virtual void StartPair() {}

  // Convenience helpers built on the primitives above.
  void SendOk() { SendSimple("OK"); }
  void SendBulkOrNull(const std::string_view* s) { s ? SendBulk(*s) : SendNull(); }
};

}  // namespace tandem::protocol
