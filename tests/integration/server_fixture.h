// Test fixtures for the integration tests: a tandem-server child process on a free port,
// a raw socket client for byte-exact checks, and a thin hiredis wrapper.
//
// The binary is TANDEM_SERVER_BINARY (compiled in by CMake). When the environment variable
// TANDEM_ADDR=host:port is set, tests that only need "a server" use that one instead, and
// tests that need their own configuration are skipped.
#pragma once

#include <hiredis/hiredis.h>
#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tandem::test {

struct Address {
  std::string host;
  int port = 0;
  std::string unix_path;  // when set, connect there instead of host:port
};

// A port that was free a moment ago on 127.0.0.1.
int FreePort();

// A tandem-server child process. The destructor kills it if it still runs.
class TestServer {
 public:
  // Starts the server with `args` (after --port/--bind) and waits until it accepts
  // connections. Returns nullptr (with the log in *failure) if it exits or never listens.
  static std::unique_ptr<TestServer> Start(const std::vector<std::string>& args,
                                           std::string* failure = nullptr);
  // Same, reading `config_file` first (the command-line port and bind override it).
  static std::unique_ptr<TestServer> StartWithConfig(const std::string& config_file,
                                                     std::string* failure = nullptr);
  // Same, with more arguments after --port/--bind.
  static std::unique_ptr<TestServer> StartWithConfig(const std::string& config_file,
                                                     const std::vector<std::string>& args,
                                                     std::string* failure);
  ~TestServer();

  Address address() const { return {"127.0.0.1", port_, ""}; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }

  // Sends `signal` and waits for the exit; returns the exit code, or -1 (killed by a signal
  // or still running after `timeout`).
  int StopWith(int signal, std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Waits for the process to exit by itself; exit code or -1.
  int WaitExit(std::chrono::milliseconds timeout);
  // Everything the server wrote to stdout and stderr so far.
  std::string Log() const;

 private:
  TestServer() = default;
  static std::unique_ptr<TestServer> Launch(const std::string& config_file,
                                            const std::vector<std::string>& args,
                                            std::string* failure);
  pid_t pid_ = -1;
  int port_ = 0;
  bool exited_ = false;
  int exit_code_ = -1;
  std::string log_path_;
};

// The server most tests share: TANDEM_ADDR if set, otherwise one started on first use
// (and stopped at exit).
Address SharedServer();
// True when TANDEM_ADDR points the tests at an external server.
bool UsingExternalServer();

// Runs the server binary to completion with `args`; returns the exit code (-1 on timeout
// or signal) and puts stdout+stderr in *output.
int RunServerBinary(const std::vector<std::string>& args, std::string* output,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10));

// A plain blocking TCP or unix socket client, for byte-exact protocol checks.
class RawConn {
 public:
  explicit RawConn(const Address& addr);
  ~RawConn();
  RawConn(const RawConn&) = delete;
  RawConn& operator=(const RawConn&) = delete;

  bool connected() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  void Send(const std::string& bytes);
  // Reads until `n` bytes are buffered, the peer closes, or the timeout passes; returns and
  // removes up to `n` bytes.
  std::string Read(size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(3));
  // Reads until a complete RESP reply (as far as a simple scanner can tell: one line for
  // + - : _ # , replies, header plus payload for $ and =, nested elements for * % ~ >).
  std::string ReadReply(std::chrono::milliseconds timeout = std::chrono::seconds(3));
  // Reads until the peer closes the connection (true) or the timeout passes (false);
  // anything received is appended to *data.
  bool WaitClosed(std::string* data, std::chrono::milliseconds timeout = std::chrono::seconds(3));
  // Sends a command as a RESP multibulk request and returns the reply bytes.
  std::string Command(const std::vector<std::string>& argv);

 private:
  bool Fill(std::chrono::steady_clock::time_point deadline);
  int fd_ = -1;
  bool eof_ = false;
  std::string buf_;
};

std::string EncodeCommand(const std::vector<std::string>& argv);

// hiredis connection that frees itself.
struct RedisDeleter {
  void operator()(redisContext* c) const { redisFree(c); }
};
struct ReplyDeleter {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using RedisConn = std::unique_ptr<redisContext, RedisDeleter>;
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

RedisConn Connect(const Address& addr);
// Runs a command given as separate arguments (binary safe); nullptr if the connection
// failed or closed.
Reply Run(redisContext* c, const std::vector<std::string>& argv);
// The reply as a string: status, error or bulk text, integer in decimal, "(nil)" for
// null, "(closed)" for no reply.
std::string Str(const Reply& r);
// A numeric field of INFO <section>.
long long InfoField(redisContext* c, const std::string& section, const std::string& field);

}  // namespace tandem::test
