#include "protocol/push.h"

#include "protocol/resp_writer.h"

namespace tandem::protocol {

std::shared_ptr<const Push> Push::MonitorLine(std::string line) {
  ReplyValue v;
  v.kind = ReplyValue::Kind::kSimple;
  v.str = std::move(line);
  return std::make_shared<const Push>(Kind::kMonitor, std::move(v));
}

std::shared_ptr<const Push> Push::Bulks(Kind kind, std::initializer_list<std::string_view> bulks) {
  std::string bytes;
  // One allocation: each bulk's header ("$<len>\r\n") and trailer take at most 24 bytes.
  size_t size = 16;
  for (std::string_view b : bulks) size += b.size() + 24;
  bytes.reserve(size);
  RespWriter writer(&bytes, 2);
  writer.StartPush(bulks.size());
  for (std::string_view b : bulks) writer.SendBulk(b);
  return std::make_shared<const Push>(BulksTag{}, kind, std::move(bytes), bulks.size());
}

void Push::AppendEncoded(std::string* out, int resp) const {
  if (bulks_ == 0) {
    out->append(Encoded(resp));
    return;
  }
  out->push_back(resp == 3 ? '>' : '*');
  out->append(bytes_[0], 1);
}

void Push::Replay(ReplyBuilder& rb) const {
  if (bulks_ == 0) return value_.Replay(rb);
  // Reads back what Bulks() wrote: "*<n>\r\n", then "$<len>\r\n<bytes>\r\n" per bulk.
  rb.StartPush(bulks_);
  const std::string& b = bytes_[0];
  size_t pos = b.find('\n') + 1;
  for (size_t i = 0; i < bulks_; ++i) {
    const size_t eol = b.find('\r', pos);
    const size_t len = std::stoul(b.substr(pos + 1, eol - pos - 1));
    rb.SendBulk(std::string_view(b).substr(eol + 2, len));
    pos = eol + 2 + len + 2;
  }
}

std::string_view Push::Encoded(int resp) const {
  int i = resp == 3 ? 1 : 0;
  if (bulks_ != 0 && i == 0) return bytes_[0];
  std::call_once(once_[i], [&] {
    if (bulks_ != 0) {
      AppendEncoded(&bytes_[1], 3);
      return;
    }
    RespWriter writer(&bytes_[i], resp);
    value_.Replay(writer);
  });
  return bytes_[i];
}

}  // namespace tandem::protocol
