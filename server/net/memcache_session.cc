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
  // While a script is busy the client is answered without the lock and registered by its
  // first batch that takes it.
  auto lock = dispatcher_.LockUnlessBusy();
  if (!lock.owns_lock()) return Next::kRead;
  return Register();
}

Session::Next MemcacheSession::Register() {
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

bool MemcacheSession::Closed() {
  if (!registered_) return true;  // never registered (or refused): nothing refers to it
  if (server_.script_run().busy.load(std::memory_order_acquire)) return false;
  auto lock = dispatcher_.LockUnlessBusy();
  if (!lock.owns_lock()) return false;
  if (client_.id != 0) server_.clients().erase(client_.id);
  --server_.memcache_stats.curr_connections;
  registered_ = false;
  client_.id = 0;
  return true;
}

size_t MemcacheSession::AnswerWhileBusy(size_t count, memcache::TextProtocol::After* after) {
  std::string& out = out_.queued();
  for (size_t i = 0; i < count; ++i) {
    const protocol::memcache::Tokens& t = batch_[i].tokens;
    if (t.n > 0 && t.tok[0] == "quit") {
      *after = memcache::TextProtocol::After::kClose;
      return i + 1;
    }
    if (t.n > 1 && t.last() == "noreply") continue;
    out += protocol::memcache::kBusyScript;
  }
  return count;
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
    auto lock = count > 0 ? dispatcher_.LockBatch(
                                [this](size_t) -> const std::vector<std::string_view>& {
                                  static const std::vector<std::string_view> kNone;
                                  return kNone;
                                },
                                0, client_, /*unless_busy=*/true)
                          : commands::Dispatcher::EngineGuard();
    if (count > 0 && !lock.owns_lock()) {
      ran = AnswerWhileBusy(count, &after);
    } else if (count > 0 && !registered_ && Register() != Next::kRead) {
      dispatcher_.EndBatch();
      return Next::kCloseAfterWrite;  // refused (maxclients)
    } else if (count > 0) {
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
    if (lock.owns_lock()) lock.unlock();
    for (size_t i = 0; i < count; ++i) batch_[i].raw.reset();  // values not stored
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

bool MemcacheSession::OutputOverLimit(int64_t) { return false; }

}  // namespace tandem::net
