// What an engine operation (OpXxx) returns: a value, or the status saying why there is none.
// Shared by every family's Ops so that the Redis handlers, the memcached bridge and Lua read
// failures the same way; OpStatusError gives the Redis error reply for a status.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "protocol/errors.h"

namespace tandem::commands {

enum class OpStatus : uint8_t {
  kOk,
  kKeyNotFound,
  kWrongType,
  kSkipped,     // an NX / XX condition was not met
  kNotInteger,  // the stored value is not an integer
  kNotFloat,    // the stored value or the increment is not a valid float
  kOverflow,    // an integer increment would overflow
  kNanOrInf,    // a float increment would produce NaN or an infinity
  kTooBig,      // the result would exceed proto-max-bulk-len
};

// The Redis error reply for a failed status ("WRONGTYPE ...", "ERR ..."); empty for kOk,
// kKeyNotFound and kSkipped, which are not errors.
inline std::string_view OpStatusError(OpStatus status) {
  switch (status) {
    case OpStatus::kWrongType:
      return protocol::kErrWrongType;
    case OpStatus::kNotInteger:
      return protocol::kErrNotInteger;
    case OpStatus::kNotFloat:
      return protocol::kErrNotFloat;
    case OpStatus::kOverflow:
      return protocol::kErrOverflow;
    case OpStatus::kNanOrInf:
      return protocol::kErrIncrNanOrInf;
    case OpStatus::kTooBig:
      return protocol::kErrStringTooBig;
    case OpStatus::kOk:
    case OpStatus::kKeyNotFound:
    case OpStatus::kSkipped:
      break;
  }
  return {};
}

// A value or the reason there is none.
template <class T>
class OpResult {
 public:
  OpResult(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  OpResult(OpStatus status) : status_(status) {}   // NOLINT

  bool ok() const { return status_ == OpStatus::kOk; }
  OpStatus status() const { return status_; }
  const T& value() const { return value_; }
  T& value() { return value_; }
  const T& operator*() const { return value_; }
  const T* operator->() const { return &value_; }

 private:
  OpStatus status_ = OpStatus::kOk;
  T value_{};
};

}  // namespace tandem::commands
