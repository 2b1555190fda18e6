// What one connection sends another: a MONITOR line, a pub/sub message, a tracking
// invalidation, an unblocked client's reply. The sender builds a typed value once and
// posts a shared pointer to every receiver's loop; each receiver encodes it in its own
// protocol version. The bytes are made at most once per version (not once per receiver),
// by whichever receiver needs them first, so a fan-out to thousands costs two encodings.
#pragma once

#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "protocol/captured_reply.h"

namespace tandem::protocol {

class Push {
  struct BulksTag {};  // only Bulks() makes these

 public:
  enum class Kind { kMonitor, kPubSub, kInvalidate, kReply };

  Push(Kind kind, ReplyValue value) : kind_(kind), value_(std::move(value)) {}
  Push(BulksTag, Kind kind, std::string resp2, size_t count)
      : kind_(kind), bulks_(count), bytes_{std::move(resp2), {}} {}

  // A MONITOR line: a status reply in both protocols.
  static std::shared_ptr<const Push> MonitorLine(std::string line);
  // A push of bulk strings (a pub/sub message): encoded once, at once, for both protocols,
  // which differ only in the first byte ('*' array, '>' push). Two allocations instead of
  // a value tree and a lazily made encoding per protocol.
  static std::shared_ptr<const Push> Bulks(Kind kind,
                                           std::initializer_list<std::string_view> bulks);

  Kind kind() const { return kind_; }
  // The bytes for a receiver speaking RESP `resp` (2 or 3). Safe from any thread.
  std::string_view Encoded(int resp) const;
  // Appends the bytes for a receiver speaking RESP `resp` (2 or 3). Safe from any thread.
  void AppendEncoded(std::string* out, int resp) const;
  // Sends the push through `rb` (a caller that receives its own message in its reply).
  void Replay(ReplyBuilder& rb) const;

 private:
  Kind kind_;
  ReplyValue value_;
  size_t bulks_ = 0;  // made by Bulks(): this many bulk strings, encoded in bytes_[0]
  mutable std::once_flag once_[2];
  mutable std::string bytes_[2];
};

using PushPtr = std::shared_ptr<const Push>;

}  // namespace tandem::protocol
