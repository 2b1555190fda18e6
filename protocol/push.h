// What one connection sends another: a MONITOR line, a pub/sub message, a tracking
// invalidation, an unblocked client's reply. The sender builds a typed value once and
// posts a shared pointer to every receiver's loop; each receiver encodes it in its own
// protocol version. The bytes are made at most once per version (not once per receiver),
// by whichever receiver needs them first, so a fan-out to thousands costs two encodings.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "protocol/captured_reply.h"

namespace tandem::protocol {

class Push {
 public:
  enum class Kind { kMonitor, kPubSub, kInvalidate, kReply };

  Push(Kind kind, ReplyValue value) : kind_(kind), value_(std::move(value)) {}

  // A MONITOR line: a status reply in both protocols.
  static std::shared_ptr<const Push> MonitorLine(std::string line);

  Kind kind() const { return kind_; }
  const ReplyValue& value() const { return value_; }
  // The bytes for a receiver speaking RESP `resp` (2 or 3). Safe from any thread.
  std::string_view Encoded(int resp) const;

 private:
  Kind kind_;
  ReplyValue value_;
  mutable std::once_flag once_[2];
  mutable std::string bytes_[2];
};

using PushPtr = std::shared_ptr<const Push>;

}  // namespace tandem::protocol
