#include "server/net/memcache_session.h"

#include <algorithm>

#include "protocol/memcache_errors.h"
#include "server/log.h"

namespace tandem::net {
namespace {

// memcached reads into 16 KB buffers: a line's length limit triggers where its does.
constexpr size_t kReadBytes = 16 * 1024;

}  // namespace

MemcacheSession::MemcacheSession(commands::ServerState& server, commands::Dispatcher& dispatcher,
                                 InputBuffer& in, OutputBuffer& out)
    : Session(in, out), server_(server), dispatcher_(dispatcher), text_(server) {}

Session::Next MemcacheSession::Open() {
  auto lock = dispatcher_.LockEngine();
  const Config& config = server_.config();
  memcache::Stats& st = server_.memcache_stats;
  client_.id = server_.NextClientId();
  client_.created_ms = engine::WallClockMs();
  client_.last_interaction_ms = client_.created_ms;
  client_.authenticated = true;
  client_.db_index = config.memcached_db < config.databases ? config.memcached_db : 0;
  if (server_.clients().size() >= static_cast<size_t>(config.maxclients)) {
    ++st.rejected_connections;
    out_.queued() += protocol::memcache::kTooManyConnections;
    client_.id = 0;
    return Next::kCloseAfterWrite;
  }
  ++st.curr_connections;
  ++st.total_connections;
  registered_ = true;
  server_.clients().emplace(client_.id, &client_);
  return Next::kRead;
}

void MemcacheSession::Closed() {
  auto lock = dispatcher_.LockEngine();
  if (client_.id != 0) server_.clients().erase(client_.id);
  if (registered_) --server_.memcache_stats.curr_connections;
  registered_ = false;
  client_.id = 0;
}

size_t MemcacheSession::ReadLimit() const {
  const size_t pending = in_.size();
  if (need_ > pending) return std::max(need_ - pending, kReadBytes);
  return kReadBytes;
}

Session::Next MemcacheSession::Process() {
  server_.RefreshConfigSnapshot(&config_);
  const size_t item_size_max = static_cast<size_t>(config_->memcached_item_size_max);
  for (;;) {
    if (swallow_ > 0) {
      const size_t n = std::min(swallow_, in_.size());
      in_.Consume(n);
      swallow_ -= n;
      if (swallow_ > 0) return Next::kRead;
    }
    // Frame every complete request.
    std::string_view input = in_.Pending();
    size_t pos = 0;
    size_t count = 0;
    size_t swallow = 0;
    bool close = false;
    need_ = 0;
    while (pos < input.size()) {
      if (batch_.size() == count) {
        batch_.emplace_back();
        batch_ends_.push_back(0);
      }
      memcache::Frame f = memcache::FrameRequest(input.substr(pos), item_size_max, &batch_[count]);
      if (f.kind == memcache::Frame::kNeedMore) {
        need_ = f.need;
        break;
      }
      if (f.kind == memcache::Frame::kClose) {
        close = true;
        break;
      }
      pos += f.consumed;
      batch_ends_[count++] = pos;
      if (f.kind == memcache::Frame::kSwallow) {
        swallow = f.swallow;
        break;
      }
    }
    auto after = memcache::TextProtocol::After::kContinue;
    size_t ran = 0;
    if (count > 0) {
      auto lock = dispatcher_.LockBatch(
          [this](size_t) -> const std::vector<std::string_view>& {
            static const std::vector<std::string_view> kNone;
            return kNone;
          },
          0, client_);
      server_.dbs().SetNow(dispatcher_.now_us() / 1000);
      std::string& out = out_.queued();
      const size_t before = out.size();
      text_.BeginBatch(before);
      for (; ran < count; ++ran) {
        after = text_.Execute(batch_[ran], &out);
        if (after != memcache::TextProtocol::After::kContinue) {
          ++ran;
          break;
        }
      }
      memcache::Stats& st = server_.memcache_stats;
      st.bytes_read += batch_ends_[ran - 1];
      st.bytes_written += out.size() - before;
      client_.last_interaction_ms = server_.dbs().now_ms();
      dispatcher_.EndBatch();
    }
    if (ran > 0) in_.Consume(batch_ends_[ran - 1]);
    if (after == memcache::TextProtocol::After::kClose) return Next::kClose;
    if (after == memcache::TextProtocol::After::kCloseAfterWrite) return Next::kCloseAfterWrite;
    if (close) return Next::kClose;
    if (ran == count && swallow > 0) {
      swallow_ = swallow;
      continue;
    }
    return Next::kRead;
  }
}

bool MemcacheSession::OutputOverLimit() { return false; }

}  // namespace tandem::net
