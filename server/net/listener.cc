#include "server/net/listener.h"

#include <sys/stat.h>
#include <unistd.h>

#include <asio/ip/v6_only.hpp>

#include "protocol/errors.h"
#include "server/log.h"
#include "server/net/connection.h"

namespace tandem::net {

Listener::Listener(IoPool& pool, commands::ServerState& server, commands::Dispatcher& dispatcher)
    : pool_(pool), server_(server), dispatcher_(dispatcher) {}

bool Listener::OpenTcp(int port, const std::vector<std::string>& bind, Acceptors* out,
                       std::string* err) {
  if (port == 0) return true;
  for (std::string addr : bind) {
    bool optional = !addr.empty() && addr[0] == '-';
    if (optional) addr = addr.substr(1);
    if (addr == "*") addr = "0.0.0.0";
    if (addr == "::*") addr = "::";
    asio::error_code ec;
    auto ip = asio::ip::make_address(addr, ec);
    auto acceptor = std::make_unique<asio::ip::tcp::acceptor>(pool_.control());
    if (!ec) {
      asio::ip::tcp::endpoint ep(ip, static_cast<unsigned short>(port));
      acceptor->open(ep.protocol(), ec);
      if (!ec) acceptor->set_option(asio::socket_base::reuse_address(true), ec);
      if (!ec && ip.is_v6()) acceptor->set_option(asio::ip::v6_only(true), ec);
      if (!ec) acceptor->bind(ep, ec);
      if (!ec) acceptor->listen(server_.config_snapshot()->tcp_backlog, ec);
    }
    if (ec) {
      if (optional) continue;
      *err = "Warning: Could not create server TCP listening socket " + addr + ":" +
             std::to_string(port) + ": " + ec.message();
      return false;
    }
    out->push_back(std::move(acceptor));
  }
  return true;
}

bool Listener::Open(std::string* err) {
  const std::shared_ptr<const Config> snapshot = server_.config_snapshot();
  const Config& config = *snapshot;
  if (!OpenTcp(config.port, config.bind, &tcp_, err)) return false;
  for (auto& acceptor : tcp_) AcceptTcp(*acceptor);
  // The memcached door. A busy port stops start-up, as a busy Redis port does: a server that
  // came up without the door its clients use would fail them later and less visibly.
  if (config.memcached_port != 0) {
    std::string why;
    const auto& addrs = config.memcached_bind.empty() ? config.bind : config.memcached_bind;
    if (!OpenTcp(config.memcached_port, addrs, &memcache_, &why)) {
      Log(LogLevel::kWarning, why);
      *err = "Failed listening on memcached port " + std::to_string(config.memcached_port) +
             " (TCP), aborting.";
      return false;
    }
    for (auto& acceptor : memcache_) AcceptTcp(*acceptor, Connection::Protocol::kMemcache);
  }
  if (!config.unixsocket.empty()) {
    unix_path_ = config.unixsocket;
    ::unlink(unix_path_.c_str());
    asio::error_code ec;
    unix_ = std::make_unique<asio::local::stream_protocol::acceptor>(pool_.control());
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

// Called from any io thread under the engine lock. A new port is opened before the old
// sockets close, so a failure changes nothing; new addresses on the same port need the old
// sockets closed first, and get them back if they cannot be bound.
std::string Listener::Rebind(int old_port, const std::vector<std::string>& old_bind, int port,
                             const std::vector<std::string>& bind) {
  std::lock_guard lock(mutex_);
  Acceptors fresh;
  std::string why, result;
  if (port != old_port) {
    if (!OpenTcp(port, bind, &fresh, &why)) {
      Log(LogLevel::kWarning, why);
      return std::string(protocol::kConfigCannotListen);
    }
    RetireTcp();
  } else {
    RetireTcp();
    if (!OpenTcp(port, bind, &fresh, &why)) {
      Log(LogLevel::kWarning, why);
      fresh.clear();
      OpenTcp(old_port, old_bind, &fresh, &why);  // back to the old addresses
      result = protocol::kConfigCannotBind;
    }
  }
  for (auto& acceptor : fresh) {
    tcp_.push_back(std::move(acceptor));
    AcceptTcp(*tcp_.back());
  }
  return result;
}

void Listener::RetireTcp() {
  asio::error_code ignored;
  for (auto& a : tcp_) {
    a->close(ignored);                 // a pending accept completes with operation_aborted
    retired_.push_back(std::move(a));  // kept: that completion still refers to it
  }
  tcp_.clear();
}

void Listener::Close() {
  std::lock_guard lock(mutex_);
  asio::error_code ignored;
  for (auto& a : tcp_) a->close(ignored);
  for (auto& a : memcache_) a->close(ignored);
  if (unix_) {
    unix_->close(ignored);
    ::unlink(unix_path_.c_str());
  }
}

void Listener::AcceptTcp(asio::ip::tcp::acceptor& acceptor, Connection::Protocol protocol) {
  acceptor.async_accept(
      [this, &acceptor, protocol](const asio::error_code& ec, asio::ip::tcp::socket sock) {
        if (ec == asio::error::operation_aborted) return;
        if (!ec) {
          asio::error_code ignored;
          sock.set_option(asio::ip::tcp::no_delay(true), ignored);
          if (server_.config_snapshot()->tcp_keepalive > 0) {
            sock.set_option(asio::socket_base::keep_alive(true), ignored);
          }
          auto peer = sock.remote_endpoint(ignored);
          auto local = sock.local_endpoint(ignored);
          std::string addr = FormatAddress(peer.address().to_string(), peer.port());
          std::string laddr = FormatAddress(local.address().to_string(), local.port());
          Handover(sock.release(ignored), protocol, std::move(addr), std::move(laddr), false);
        }
        std::lock_guard lock(mutex_);
        if (acceptor.is_open())
          AcceptTcp(acceptor, protocol);  // closed: retired by Rebind or Close
      });
}

void Listener::AcceptUnix() {
  unix_->async_accept(
      [this](const asio::error_code& ec, asio::local::stream_protocol::socket sock) {
        if (ec == asio::error::operation_aborted) return;
        if (!ec) {
          asio::error_code ignored;
          std::string addr = unix_path_ + ":0";
          Handover(sock.release(ignored), Connection::Protocol::kResp, addr, addr, true);
        }
        std::lock_guard lock(mutex_);
        if (unix_->is_open()) AcceptUnix();
      });
}

void Listener::Handover(int fd, Connection::Protocol protocol, std::string addr, std::string laddr,
                        bool unix_socket) {
  if (fd < 0) return;
  EventLoop& target = pool_.Next();
  auto conn = std::make_shared<Connection>(target, fd, server_, dispatcher_, protocol);
  target.Post([conn, addr = std::move(addr), laddr = std::move(laddr), unix_socket] {
    conn->Start(addr, laddr, unix_socket);
  });
}

}  // namespace tandem::net
