// Accepts TCP (every `bind` address) and unix-socket connections on the control loop and
// hands each new socket to the next io loop.
#pragma once

#include <asio/ip/tcp.hpp>
#include <asio/local/stream_protocol.hpp>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/commands/dispatcher.h"
#include "server/net/connection.h"
#include "server/net/io_pool.h"

namespace tandem::net {

class Listener {
 public:
  Listener(IoPool& pool, commands::ServerState& server, commands::Dispatcher& dispatcher);

  // Opens every listening socket from the config. Returns false (with *err) if a
  // required address cannot be bound.
  bool Open(std::string* err);
  void Close();
  // CONFIG SET port / bind: listens on the new TCP addresses instead of the old ones.
  // Returns Redis's error text, empty on success. Safe from any thread.
  std::string Rebind(int old_port, const std::vector<std::string>& old_bind, int port,
                     const std::vector<std::string>& bind);

 private:
  using Acceptors = std::vector<std::unique_ptr<asio::ip::tcp::acceptor>>;
  bool OpenTcp(int port, const std::vector<std::string>& bind, Acceptors* out, std::string* err);
  // Closes the TCP acceptors; called with mutex_ held.
  void RetireTcp();
  // Both start an accept; called before the loops run or with mutex_ held.
  void AcceptTcp(asio::ip::tcp::acceptor& acceptor,
                 Connection::Protocol protocol = Connection::Protocol::kResp);
  void AcceptUnix();
  // Gives an accepted socket to the next io loop, where its connection starts.
  void Handover(int fd, Connection::Protocol protocol, std::string addr, std::string laddr,
                bool unix_socket);

  IoPool& pool_;
  commands::ServerState& server_;
  commands::Dispatcher& dispatcher_;
  // Guards the acceptors once the loops run: accept handlers on the control loop and
  // Rebind() on whichever io loop ran CONFIG SET. pool_.Next() is the control loop's.
  std::mutex mutex_;
  Acceptors tcp_;
  Acceptors retired_;
  // The memcached door (memcached-port, memcached-bind).
  Acceptors memcache_;
  std::unique_ptr<asio::local::stream_protocol::acceptor> unix_;
  std::string unix_path_;
};

}  // namespace tandem::net
