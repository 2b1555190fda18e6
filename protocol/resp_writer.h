// RespWriter: the one place that knows RESP2 from RESP3. It appends reply bytes, byte-exact
// with redis-server 7.0.15, to an output buffer owned by the connection. A writer belongs to
// one connection and is used only on that connection's thread.
#pragma once

#include <string>
#include <string_view>

#include "protocol/reply_builder.h"

namespace tandem::protocol {

class RespWriter final : public ReplyBuilder {
 public:
  // `out` must outlive the writer (or be replaced with set_output()).
  explicit RespWriter(std::string* out, int resp = 2) : out_(out) { SetProtocol(resp); }

  // 2 or 3 (HELLO); any other value is treated as 2.
  void SetProtocol(int resp) { resp3_ = resp == 3; }
  int protocol() const { return resp3_ ? 3 : 2; }

  std::string* output() const { return out_; }
  void set_output(std::string* out) { out_ = out; }

  // CR/LF inside the text become spaces, as addReplyStatusFormat does.
  void SendSimple(std::string_view s) override;
  // Trailing CR/LF are dropped and inner ones become spaces, as addReplyErrorFormat does.
  void SendError(std::string_view s) override;
  void SendLong(long long v) override;
  void SendDouble(double v) override;
  void SendBulk(std::string_view s) override;
  void SendNull() override;
  void SendNullArray() override;
  void SendBool(bool v) override;
  // The format is cut or space-padded to 3 bytes, as addReplyVerbatim does.
  void SendVerbatim(std::string_view s, std::string_view format = "txt") override;
  void SendBigNumber(std::string_view digits) override;
  void StartArray(size_t n) override;
  void StartMap(size_t n) override;
  void StartPairArray(size_t n) override;
  void StartPair() override;
  void StartSet(size_t n) override;
  void StartPush(size_t n) override;

 private:
  // Appends `prefix`, the decimal `n`, and CRLF.
  void AppendHeader(char prefix, long long n);
  // Appends `prefix`, `s` with CR/LF mapped to spaces, and CRLF.
  void AppendLine(char prefix, std::string_view s);

  std::string* out_;
  bool resp3_ = false;
};

// A double as Redis 7.0 prints it in replies: printf's "%.17g" ("0.10000000000000001",
// "1e+20", "3"), and "inf" / "-inf" for infinities.
std::string FormatDouble(double v);

}  // namespace tandem::protocol
