// Accepts TCP (every `bind` address) and unix-socket connections on loop 0 and hands each
// new socket to the next io loop.
#pragma once

#include <asio/ip/tcp.hpp>
#include <asio/local/stream_protocol.hpp>
#include <memory>
#include <string>
#include <vector>

#include "server/commands/dispatcher.h"
#include "server/net/io_pool.h"

namespace tandem::net {

class Listener {
 public:
  Listener(IoPool& pool, commands::ServerState& server, commands::Dispatcher& dispatcher);

  // Opens every listening socket from the config. Returns false (with *err) if a
  // required address cannot be bound.
  bool Open(std::string* err);
  void Close();

 private:
  void AcceptTcp(asio::ip::tcp::acceptor& acceptor);
  void AcceptUnix();

  IoPool& pool_;
  commands::ServerState& server_;
  commands::Dispatcher& dispatcher_;
  std::vector<std::unique_ptr<asio::ip::tcp::acceptor>> tcp_;
  std::unique_ptr<asio::local::stream_protocol::acceptor> unix_;
  std::string unix_path_;
};

}  // namespace tandem::net
