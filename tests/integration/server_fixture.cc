#include "tests/integration/server_fixture.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#ifndef TANDEM_SERVER_BINARY
#define TANDEM_SERVER_BINARY "build/tandem-server"
#endif

namespace tandem::test {
namespace {

using Clock = std::chrono::steady_clock;

std::string TempPath(const std::string& stem) {
  static int counter = 0;
  return "/tmp/tandem-it-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + "-" +
         stem;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// fork + exec of the server binary with stdout and stderr going to `log_path`.
pid_t Spawn(const std::vector<std::string>& args, const std::string& log_path) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    dup2(fd, 1);
    dup2(fd, 2);
    close(fd);
  }
  std::vector<char*> argv;
  std::string binary = TANDEM_SERVER_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(binary.c_str(), argv.data());
  _exit(127);
}

// Polls waitpid until the child exits or the deadline passes.
bool WaitChild(pid_t pid, Clock::time_point deadline, int* code) {
  while (true) {
    int status = 0;
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      return true;
    }
    if (r < 0 || Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

bool CanConnect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_port = htons(static_cast<uint16_t>(port));
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&sa), sizeof(sa)) == 0;
  close(fd);
  return ok;
}

// Length of the complete RESP value at the front of `b`, or 0 if it is not complete yet.
size_t ReplyLength(std::string_view b, size_t pos = 0) {
  if (pos >= b.size()) return 0;
  size_t eol = b.find("\r\n", pos);
  if (eol == std::string_view::npos) return 0;
  size_t line_end = eol + 2;
  char type = b[pos];
  long long n = std::atoll(std::string(b.substr(pos + 1, eol - pos - 1)).c_str());
  switch (type) {
    case '$':
    case '=':
    case '!':
      if (n < 0) return line_end - pos;
      if (b.size() < line_end + n + 2) return 0;
      return line_end + n + 2 - pos;
    case '*':
    case '~':
    case '>':
    case '%':
    case '|': {
      if (n < 0) return line_end - pos;
      long long elements = (type == '%' || type == '|') ? 2 * n : n;
      size_t at = line_end;
      for (long long i = 0; i < elements; ++i) {
        size_t len = ReplyLength(b, at);
        if (len == 0) return 0;
        at += len;
      }
      return at - pos;
    }
    default:
      return line_end - pos;
  }
}

}  // namespace

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  sa.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof(sa));
  socklen_t len = sizeof(sa);
  getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len);
  close(fd);
  return ntohs(sa.sin_port);
}

std::unique_ptr<TestServer> TestServer::Start(const std::vector<std::string>& args,
                                              std::string* failure) {
  return Launch("", args, failure);
}

std::unique_ptr<TestServer> TestServer::StartWithConfig(const std::string& config_file,
                                                        std::string* failure) {
  return Launch(config_file, {}, failure);
}

std::unique_ptr<TestServer> TestServer::StartWithConfig(const std::string& config_file,
                                                        const std::vector<std::string>& args,
                                                        std::string* failure) {
  return Launch(config_file, args, failure);
}

std::unique_ptr<TestServer> TestServer::Launch(const std::string& config_file,
                                               const std::vector<std::string>& args,
                                               std::string* failure) {
  std::unique_ptr<TestServer> server(new TestServer());
  server->port_ = FreePort();
  server->log_path_ = TempPath("server.log");
  std::vector<std::string> full;
  if (!config_file.empty()) full.push_back(config_file);
  // No memcached door unless a test asks for one: a busy port 11211 stops start-up.
  for (const char* a :
       {"--memcached-port", "0", "--port", "", "--bind", "127.0.0.1", "--io-threads", "2"}) {
    full.push_back(a);
  }
  full[full.size() - 5] = std::to_string(server->port_);
  full.insert(full.end(), args.begin(), args.end());
  server->pid_ = Spawn(full, server->log_path_);
  auto deadline = Clock::now() + std::chrono::seconds(5);
  while (Clock::now() < deadline) {
    int code;
    if (WaitChild(server->pid_, Clock::now(), &code)) {
      server->exited_ = true;
      server->exit_code_ = code;
      break;
    }
    if (CanConnect(server->port_)) return server;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (failure) *failure = server->Log();
  return nullptr;
}

TestServer::~TestServer() {
  if (!exited_ && pid_ > 0) {
    kill(pid_, SIGKILL);
    int code;
    WaitChild(pid_, Clock::now() + std::chrono::seconds(5), &code);
  }
  if (!log_path_.empty()) unlink(log_path_.c_str());
}

int TestServer::StopWith(int signal, std::chrono::milliseconds timeout) {
  if (!exited_) kill(pid_, signal);
  return WaitExit(timeout);
}

int TestServer::WaitExit(std::chrono::milliseconds timeout) {
  if (!exited_ && WaitChild(pid_, Clock::now() + timeout, &exit_code_)) exited_ = true;
  return exited_ ? exit_code_ : -1;
}

std::string TestServer::Log() const { return ReadFile(log_path_); }

bool UsingExternalServer() { return std::getenv("TANDEM_ADDR") != nullptr; }

Address SharedServer() {
  if (const char* env = std::getenv("TANDEM_ADDR")) {
    std::string s = env;
    size_t colon = s.rfind(':');
    return {s.substr(0, colon), std::atoi(s.c_str() + colon + 1), ""};
  }
  static std::unique_ptr<TestServer> shared = [] {
    std::string failure;
    auto server = TestServer::Start({}, &failure);
    if (!server) throw std::runtime_error("tandem-server did not start:\n" + failure);
    return server;
  }();
  return shared->address();
}

int RunServerBinary(const std::vector<std::string>& args, std::string* output,
                    std::chrono::milliseconds timeout) {
  std::string path = TempPath("run.log");
  pid_t pid = Spawn(args, path);
  int code = -1;
  if (!WaitChild(pid, Clock::now() + timeout, &code)) {
    kill(pid, SIGKILL);
    WaitChild(pid, Clock::now() + std::chrono::seconds(5), &code);
    code = -1;
  }
  *output = ReadFile(path);
  unlink(path.c_str());
  return code;
}

// ---- RawConn --------------------------------------------------------------------------------

RawConn::RawConn(const Address& addr) {
  if (!addr.unix_path.empty()) {
    fd_ = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un sa{};
    sa.sun_family = AF_UNIX;
    std::strncpy(sa.sun_path, addr.unix_path.c_str(), sizeof(sa.sun_path) - 1);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&sa), sizeof(sa)) != 0) {
      close(fd_);
      fd_ = -1;
    }
    return;
  }
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_port = htons(static_cast<uint16_t>(addr.port));
  inet_pton(AF_INET, addr.host.c_str(), &sa.sin_addr);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&sa), sizeof(sa)) != 0) {
    close(fd_);
    fd_ = -1;
  }
}

RawConn::~RawConn() {
  if (fd_ >= 0) close(fd_);
}

void RawConn::Send(const std::string& bytes) {
  size_t sent = 0;
  while (fd_ >= 0 && sent < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

bool RawConn::Fill(Clock::time_point deadline) {
  if (fd_ < 0 || eof_) return false;
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (left.count() <= 0) return false;
  pollfd p{fd_, POLLIN, 0};
  if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
  char chunk[65536];
  ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  buf_.append(chunk, static_cast<size_t>(n));
  return true;
}

std::string RawConn::Read(size_t n, std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  while (buf_.size() < n && Fill(deadline)) {
  }
  std::string out = buf_.substr(0, n);
  buf_.erase(0, out.size());
  return out;
}

std::string RawConn::ReadReply(std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  size_t len;
  while ((len = ReplyLength(buf_)) == 0 && Fill(deadline)) {
  }
  if (len == 0) len = buf_.size();
  std::string out = buf_.substr(0, len);
  buf_.erase(0, len);
  return out;
}

bool RawConn::WaitClosed(std::string* data, std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  while (!eof_ && Fill(deadline)) {
  }
  data->append(buf_);
  buf_.clear();
  return eof_;
}

std::string EncodeCommand(const std::vector<std::string>& argv) {
  std::string out = "*" + std::to_string(argv.size()) + "\r\n";
  for (const std::string& a : argv) out += "$" + std::to_string(a.size()) + "\r\n" + a + "\r\n";
  return out;
}

std::string RawConn::Command(const std::vector<std::string>& argv) {
  Send(EncodeCommand(argv));
  return ReadReply();
}

// ---- hiredis --------------------------------------------------------------------------------

RedisConn Connect(const Address& addr) {
  timeval tv{3, 0};
  redisContext* c = addr.unix_path.empty()
                        ? redisConnectWithTimeout(addr.host.c_str(), addr.port, tv)
                        : redisConnectUnixWithTimeout(addr.unix_path.c_str(), tv);
  if (c) redisSetTimeout(c, tv);
  return RedisConn(c);
}

Reply Run(redisContext* c, const std::vector<std::string>& argv) {
  if (!c || c->err) return nullptr;
  std::vector<const char*> ptrs;
  std::vector<size_t> lens;
  for (const std::string& a : argv) {
    ptrs.push_back(a.data());
    lens.push_back(a.size());
  }
  void* r = redisCommandArgv(c, static_cast<int>(argv.size()), ptrs.data(), lens.data());
  return Reply(static_cast<redisReply*>(r));
}

std::string Str(const Reply& r) {
  if (!r) return "(closed)";
  switch (r->type) {
    case REDIS_REPLY_INTEGER:
      return std::to_string(r->integer);
    case REDIS_REPLY_NIL:
      return "(nil)";
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
    case REDIS_REPLY_ERROR:
      return std::string(r->str, r->len);
    default:
      return "(aggregate)";
  }
}

long long InfoField(redisContext* c, const std::string& section, const std::string& field) {
  std::string info = Str(Run(c, {"INFO", section}));
  size_t at = info.find("\r\n" + field + ":");
  REQUIRE(at != std::string::npos);
  return std::stoll(info.substr(at + field.size() + 3));
}

}  // namespace tandem::test
