// Input readiness for one io thread's connections, from an edge-triggered epoll of its own
// that sits in the io_context's reactor as a single descriptor. A connection registers its
// socket once and is told each time new input arrives, whether or not it is waiting for
// it, so waiting for input costs no system call. asio's own ways to wait cost one per wait:
// a queued read is tried at once (a recv that finds the socket empty, since asio 1.22 never
// stops trying), and async_wait re-arms epoll with an epoll_ctl. Under memcaslap that was
// one recv in two; memcached makes one read a request.
//
// Used only on the io_context's own thread. One per io_context (an asio service).
#pragma once

#include <sys/epoll.h>

#include <array>
#include <asio/io_context.hpp>
#include <asio/posix/stream_descriptor.hpp>
#include <cstdint>
#include <memory>
#include <vector>

namespace tandem::net {

class Connection;

class ReadyPoller : public asio::execution_context::service {
 public:
  static inline asio::execution_context::id id;  // NOLINT: asio's service key

  explicit ReadyPoller(asio::execution_context& ctx);
  ~ReadyPoller() override;

  // The poller of `ctx`, made at first use.
  static ReadyPoller& Of(asio::io_context& ctx) { return asio::use_service<ReadyPoller>(ctx); }

  // Watches `fd` until Remove(), calling conn->OnReadable() on each arrival of input (or
  // of the end of the stream, or of an error), and keeps the connection alive meanwhile
  // (a waiting connection has no pending handler that would). Returns the registration's
  // token, or -1 when epoll refuses the descriptor.
  int64_t Add(int fd, std::shared_ptr<Connection> conn);
  // When the connection closes, before its socket does.
  void Remove(int64_t token, int fd);

 private:
  void shutdown() override;
  void Arm();
  void OnReady();

  int epfd_ = -1;
  asio::posix::stream_descriptor watch_;  // epfd_ in the io_context's reactor
  bool armed_ = false;
  std::vector<std::shared_ptr<Connection>> slots_;  // indexed by token
  std::vector<uint32_t> free_slots_;
  std::array<epoll_event, 256> events_;
};

}  // namespace tandem::net
