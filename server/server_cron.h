// The periodic housekeeping Redis calls serverCron: active expiry, table rehash/shrink,
// idle-client timeouts and output-buffer soft limits. Runs on loop 0 every 1000/hz ms and
// takes the engine lock for a bounded time.
#pragma once

#include <asio/io_context.hpp>
#include <asio/steady_timer.hpp>

#include "server/server_state.h"

namespace tandem {

class ServerCron {
 public:
  ServerCron(asio::io_context& ctx, commands::ServerState& server) : timer_(ctx), server_(server) {}
  void Start();

 private:
  void Tick();
  void ClientsCron(int64_t now_ms);

  asio::steady_timer timer_;
  commands::ServerState& server_;
};

}  // namespace tandem
