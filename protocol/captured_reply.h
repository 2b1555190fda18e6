// A reply recorded as a typed value instead of bytes, and the builder that records it.
// EXEC's aggregate, Lua's view of a command's reply, pushes to other connections and tests
// use it: what was captured is replayed later into any other ReplyBuilder (a RespWriter of
// either protocol version, the Lua stack...), so nothing ever re-parses RESP bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/reply_builder.h"

namespace tandem::protocol {

struct ReplyValue {
  enum class Kind {
    kSimple,
    kError,
    kLong,
    kDouble,
    kBulk,
    kNull,
    kNullArray,
    kBool,
    kVerbatim,
    kBigNumber,
    kArray,
    kMap,
    kSet,
    kPush,
    kPairArray,  // StartPairArray: items are kPair values
    kPair,
  };
  Kind kind = Kind::kNull;
  std::string str;        // simple, error, bulk, verbatim text, big number digits
  std::string format;     // verbatim format
  long long integer = 0;  // long, bool (0/1)
  double number = 0;      // double
  // Aggregates: the elements (a map holds 2n: key, value, key, value...).
  std::vector<ReplyValue> items;

  bool IsAggregate() const { return kind >= Kind::kArray; }
  // Writes the value into `rb` as the original calls would have.
  void Replay(ReplyBuilder& rb) const;
};

// Records calls as a ReplyValue tree. Every top-level value becomes one entry of values().
class CapturingReplyBuilder final : public ReplyBuilder {
 public:
  void SendSimple(std::string_view s) override;
  void SendError(std::string_view s) override;
  void SendLong(long long v) override;
  void SendDouble(double v) override;
  void SendBulk(std::string_view s) override;
  void SendNull() override;
  void SendNullArray() override;
  void SendBool(bool v) override;
  void SendVerbatim(std::string_view s, std::string_view format = "txt") override;
  void SendBigNumber(std::string_view digits) override;
  void StartArray(size_t n) override;
  void StartMap(size_t n) override;
  void StartSet(size_t n) override;
  void StartPush(size_t n) override;
  void StartPairArray(size_t n) override;
  void StartPair() override;

  // The complete top-level values captured so far.
  const std::vector<ReplyValue>& values() const { return values_; }
  std::vector<ReplyValue> Take();
  // True when no aggregate is waiting for elements.
  bool complete() const { return open_.empty(); }

 private:
  ReplyValue& Add(ReplyValue::Kind kind);
  void Start(ReplyValue::Kind kind, size_t elements);
  void Close();  // finishes every aggregate that has all its elements

  std::vector<ReplyValue> values_;
  // Aggregates being filled: the path from a top-level value down, and how many elements
  // each still waits for. Indexes, not pointers: vectors grow.
  struct Open {
    size_t remaining;
  };
  std::vector<Open> open_;
};

}  // namespace tandem::protocol
