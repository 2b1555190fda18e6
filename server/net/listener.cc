#include "server/net/listener.h"

#include <sys/stat.h>
#include <unistd.h>

#include <asio/ip/v6_only.hpp>
#include <asio/post.hpp>

#include "server/log.h"
#include "server/net/connection.h"

namespace tandem::net {

Listener::Listener(IoPool& pool, commands::ServerState& server, commands::Dispatcher& dispatcher)
    : pool_(pool), server_(server), dispatcher_(dispatcher) {}

bool Listener::Open(std::string* err) {
  const Config& config = server_.config();
  if (config.port != 0) {
    for (std::string addr : config.bind) {
      bool optional = !addr.empty() && addr[0] == '-';
      if (optional) addr = addr.substr(1);
      if (addr == "*") addr = "0.0.0.0";
      if (addr == "::*") addr = "::";
      asio::error_code ec;
      auto ip = asio::ip::make_address(addr, ec);
      auto acceptor = std::make_unique<asio::ip::tcp::acceptor>(pool_.at(0));
      if (!ec) {
        asio::ip::tcp::endpoint ep(ip, static_cast<unsigned short>(config.port));
        acceptor->open(ep.protocol(), ec);
        if (!ec) acceptor->set_option(asio::socket_base::reuse_address(true), ec);
        if (!ec && ip.is_v6()) acceptor->set_option(asio::ip::v6_only(true), ec);
        if (!ec) acceptor->bind(ep, ec);
        if (!ec) acceptor->listen(config.tcp_backlog, ec);
      }
      if (ec) {
        if (optional) continue;
        *err = "Warning: Could not create server TCP listening socket " + addr + ":" +
               std::to_string(config.port) + ": " + ec.message();
        return false;
      }
      tcp_.push_back(std::move(acceptor));
      AcceptTcp(*tcp_.back());
    }
  }
  if (!config.unixsocket.empty()) {
    unix_path_ = config.unixsocket;
    ::unlink(unix_path_.c_str());
    asio::error_code ec;
    unix_ = std::make_unique<asio::local::stream_protocol::acceptor>(pool_.at(0));
    asio::local::stream_protocol::endpoint ep(unix_path_);
    unix_->open(ep.protocol(), ec);
    if (!ec) unix_->bind(ep, ec);
    if (!ec) unix_->listen(config.tcp_backlog, ec);
    if (ec) {
      *err = "Failed opening Unix socket: " + ec.message();
      return false;
    }
    if (config.unixsocketperm) ::chmod(unix_path_.c_str(), config.unixsocketperm);
    AcceptUnix();
  }
  if (tcp_.empty() && !unix_) {
    *err = "Configured to not listen anywhere, exiting.";
    return false;
  }
  return true;
}

void Listener::Close() {
  asio::error_code ignored;
  for (auto& a : tcp_) a->close(ignored);
  if (unix_) {
    unix_->close(ignored);
    ::unlink(unix_path_.c_str());
  }
}

void Listener::AcceptTcp(asio::ip::tcp::acceptor& acceptor) {
  asio::io_context& target = pool_.Next();
  acceptor.async_accept(target, [this, &acceptor, &target](const asio::error_code& ec,
                                                           asio::ip::tcp::socket sock) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) {
      asio::error_code ignored;
      sock.set_option(asio::ip::tcp::no_delay(true), ignored);
      if (server_.config().tcp_keepalive > 0) {
        sock.set_option(asio::socket_base::keep_alive(true), ignored);
      }
      auto peer = sock.remote_endpoint(ignored);
      auto local = sock.local_endpoint(ignored);
      std::string addr = FormatAddress(peer.address().to_string(), peer.port());
      std::string laddr = FormatAddress(local.address().to_string(), local.port());
      auto proto = local.protocol();
      Connection::Socket generic(target, asio::generic::stream_protocol(proto.family(), proto.protocol()),
                                 sock.release(ignored));
      auto conn = std::make_shared<Connection>(target, std::move(generic), server_, dispatcher_);
      asio::post(target, [conn, addr, laddr] { conn->Start(addr, laddr, false); });
    }
    AcceptTcp(acceptor);
  });
}

void Listener::AcceptUnix() {
  asio::io_context& target = pool_.Next();
  unix_->async_accept(target, [this, &target](const asio::error_code& ec,
                                              asio::local::stream_protocol::socket sock) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) {
      asio::error_code ignored;
      Connection::Socket generic(target, asio::generic::stream_protocol(AF_UNIX, 0),
                                 sock.release(ignored));
      auto conn = std::make_shared<Connection>(target, std::move(generic), server_, dispatcher_);
      std::string addr = unix_path_ + ":0";
      asio::post(target, [conn, addr] { conn->Start(addr, addr, true); });
    }
    AcceptUnix();
  });
}

}  // namespace tandem::net
