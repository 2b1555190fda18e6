// The memcached session: memcached's text protocol on a Connection (server/net/connection.h),
// served by the same io threads, engine and dispatcher lock as RESP. Frames every complete
// request the input holds, runs them as one batch under one hold of the engine lock
// (Dispatcher::LockBatch) and appends the replies for one gathered write.
#pragma once

#include <memory>
#include <vector>

#include "server/commands/dispatcher.h"
#include "server/memcache/text_protocol.h"
#include "server/net/session.h"

namespace tandem::net {

class MemcacheSession final : public Session {
 public:
  MemcacheSession(commands::ServerState& server, commands::Dispatcher& dispatcher, InputBuffer& in,
                  OutputBuffer& out);

  Next Open() override;
  bool Closed() override;
  size_t ReadLimit() const override;
  Next Process() override;
  bool OutputOverLimit(int64_t now_ms) override;

 private:
  Next Register();
  // A busy script holds the engine: each request is answered without the lock.
  size_t AnswerWhileBusy(size_t count, memcache::TextProtocol::After* after);

  commands::ServerState& server_;
  commands::Dispatcher& dispatcher_;
  memcache::TextProtocol text_;
  std::shared_ptr<const Config> config_;
  std::vector<memcache::Request> batch_;
  std::vector<size_t> batch_ends_;
  // Bytes still to discard of a value too large to store (memcached's conn_swallow).
  size_t swallow_ = 0;
  // Bytes the input must hold to complete the request being read (0: unknown).
  size_t need_ = 0;
  bool registered_ = false;
};

}  // namespace tandem::net
