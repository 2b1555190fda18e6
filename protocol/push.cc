#include "protocol/push.h"

#include "protocol/resp_writer.h"

namespace tandem::protocol {

std::shared_ptr<const Push> Push::MonitorLine(std::string line) {
  ReplyValue v;
  v.kind = ReplyValue::Kind::kSimple;
  v.str = std::move(line);
  return std::make_shared<const Push>(Kind::kMonitor, std::move(v));
}

std::string_view Push::Encoded(int resp) const {
  int i = resp == 3 ? 1 : 0;
  std::call_once(once_[i], [&] {
    RespWriter writer(&bytes_[i], resp);
    value_.Replay(writer);
  });
  return bytes_[i];
}

}  // namespace tandem::protocol
