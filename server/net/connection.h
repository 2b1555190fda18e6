// One client connection. Lives on one io thread (its socket's io_context) for its whole
// life; reads, parses every complete command in the buffer, runs the batch under the
// engine lock once, and sends all replies with one write. Other threads reach it only
// through ClientState::kill / ::push, which post onto its loop.
#pragma once

#include <asio/generic/stream_protocol.hpp>
#include <asio/io_context.hpp>
#include <asio/steady_timer.hpp>
#include <memory>
#include <string>
#include <vector>

#include "protocol/resp_parser.h"
#include "protocol/resp_writer.h"
#include "server/client_state.h"
#include "server/commands/dispatcher.h"

namespace tandem::net {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  using Socket = asio::generic::stream_protocol::socket;

  Connection(asio::io_context& ctx, Socket socket, commands::ServerState& server,
             commands::Dispatcher& dispatcher);
  ~Connection();

  // Registers the client (under the engine lock) and starts reading. `addr`/`laddr` are
  // Redis-formatted peer and local addresses.
  void Start(std::string addr, std::string laddr, bool unix_socket);

 private:
  void ReadMore();
  void OnRead(const asio::error_code& ec, size_t n);
  // Parses and runs what the buffer holds; returns false if the connection closed.
  void ProcessInput();
  // Runs the parsed batch under the engine lock; returns how many commands ran.
  size_t ExecuteBatch(size_t count);
  void ProtocolError(const std::string& error);
  void StartWrite();
  void OnWritten(const asio::error_code& ec, size_t n);
  bool OverOutputLimit();
  void Close();
  void Unregister();
  void SchedulePauseRetry();
  void ReportBufferBytes(size_t bytes);

  asio::io_context& ctx_;
  Socket socket_;
  commands::ServerState& server_;
  commands::Dispatcher& dispatcher_;
  commands::ClientState client_;

  std::vector<char> rbuf_;
  size_t rstart_ = 0;
  size_t rend_ = 0;
  protocol::RespParser parser_;
  std::vector<protocol::ParsedCommand> batch_;
  std::vector<size_t> batch_ends_;

  std::string out_;
  std::string sending_;
  protocol::RespWriter writer_;
  bool reading_ = false;
  bool writing_ = false;
  bool closed_ = false;
  bool close_after_write_ = false;
  bool closed_after_attack_ = false;
  int64_t soft_limit_since_ms_ = 0;
  size_t reported_buffer_bytes_ = 0;
  asio::steady_timer pause_timer_;
};

// Formats "ip:port" like Redis ("[::1]:6379" for IPv6).
std::string FormatAddress(const std::string& ip, unsigned short port);

}  // namespace tandem::net
