#include "protocol/captured_reply.h"

#include <algorithm>
#include <utility>

namespace tandem::protocol {

void ReplyValue::Replay(ReplyBuilder& rb) const {
  switch (kind) {
    case Kind::kSimple:
      return rb.SendSimple(str);
    case Kind::kError:
      return rb.SendError(str);
    case Kind::kLong:
      return rb.SendLong(integer);
    case Kind::kDouble:
      return rb.SendDouble(number);
    case Kind::kBulk:
      return rb.SendBulk(str);
    case Kind::kNull:
      return rb.SendNull();
    case Kind::kNullArray:
      return rb.SendNullArray();
    case Kind::kBool:
      return rb.SendBool(integer != 0);
    case Kind::kVerbatim:
      return rb.SendVerbatim(str, format);
    case Kind::kBigNumber:
      return rb.SendBigNumber(str);
    case Kind::kArray:
      rb.StartArray(items.size());
      break;
    case Kind::kMap:
      rb.StartMap(items.size() / 2);
      break;
    case Kind::kSet:
      rb.StartSet(items.size());
      break;
    case Kind::kPairArray:
      rb.StartPairArray(items.size());
      break;
    case Kind::kPair:
      rb.StartPair();
      break;
    case Kind::kPush:
      rb.StartPush(items.size());
      break;
  }
  for (const ReplyValue& item : items) item.Replay(rb);
}

ReplyValue& CapturingReplyBuilder::Add(ReplyValue::Kind kind) {
  std::vector<ReplyValue>* level = &values_;
  for (size_t depth = 0; depth < open_.size(); ++depth) level = &level->back().items;
  ReplyValue& v = level->emplace_back();
  v.kind = kind;
  return v;
}

void CapturingReplyBuilder::Close() {
  while (!open_.empty()) {
    if (--open_.back().remaining > 0) return;
    open_.pop_back();  // complete: one more element of its parent
  }
}

void CapturingReplyBuilder::Start(ReplyValue::Kind kind, size_t elements) {
  Add(kind).items.reserve(std::min<size_t>(elements, 1024));
  if (elements == 0) return Close();  // complete at once: one more element of its parent
  open_.push_back({elements});
}

void CapturingReplyBuilder::SendSimple(std::string_view s) {
  Add(ReplyValue::Kind::kSimple).str = s;
  Close();
}
void CapturingReplyBuilder::SendError(std::string_view s) {
  Add(ReplyValue::Kind::kError).str = s;
  Close();
}
void CapturingReplyBuilder::SendLong(long long v) {
  Add(ReplyValue::Kind::kLong).integer = v;
  Close();
}
void CapturingReplyBuilder::SendDouble(double v) {
  Add(ReplyValue::Kind::kDouble).number = v;
  Close();
}
void CapturingReplyBuilder::SendBulk(std::string_view s) {
  Add(ReplyValue::Kind::kBulk).str = s;
  Close();
}
void CapturingReplyBuilder::SendNull() {
  Add(ReplyValue::Kind::kNull);
  Close();
}
void CapturingReplyBuilder::SendNullArray() {
  Add(ReplyValue::Kind::kNullArray);
  Close();
}
void CapturingReplyBuilder::SendBool(bool v) {
  Add(ReplyValue::Kind::kBool).integer = v;
  Close();
}
void CapturingReplyBuilder::SendVerbatim(std::string_view s, std::string_view format) {
  ReplyValue& v = Add(ReplyValue::Kind::kVerbatim);
  v.str = s;
  v.format = format;
  Close();
}
void CapturingReplyBuilder::SendBigNumber(std::string_view digits) {
  Add(ReplyValue::Kind::kBigNumber).str = digits;
  Close();
}
void CapturingReplyBuilder::StartArray(size_t n) { Start(ReplyValue::Kind::kArray, n); }
void CapturingReplyBuilder::StartMap(size_t n) { Start(ReplyValue::Kind::kMap, 2 * n); }
void CapturingReplyBuilder::StartSet(size_t n) { Start(ReplyValue::Kind::kSet, n); }
void CapturingReplyBuilder::StartPush(size_t n) { Start(ReplyValue::Kind::kPush, n); }
void CapturingReplyBuilder::StartPairArray(size_t n) { Start(ReplyValue::Kind::kPairArray, n); }
void CapturingReplyBuilder::StartPair() { Start(ReplyValue::Kind::kPair, 2); }

std::vector<ReplyValue> CapturingReplyBuilder::Take() {
  open_.clear();
  return std::exchange(values_, {});
}

}  // namespace tandem::protocol
