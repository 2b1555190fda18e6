// tandem-pubsub-bench: what redis-benchmark cannot measure — PUBLISH fan-out to subscribers
// that read everything, and MULTI/EXEC transactions. One server per run; bench/pubsub_bench.py
// runs it against redis-server and Tandem side by side and prints the ratios.
//
//   tandem-pubsub-bench --port P --test publish --subscribers N [--clients C] [--pipeline D]
//                       [--requests R]
//   tandem-pubsub-bench --port P --test multi [--clients C] [--pipeline D] [--requests R]
//
// publish: N subscribers on one channel (raw sockets, read by two threads), C publisher
// connections each sending D PUBLISHes of a 16-byte message at a time. The clock stops when
// every subscriber has read every message; prints PUBLISH calls per second.
// multi: C connections each sending D transactions (MULTI, 10 INCRs on random keys of 100,000,
// EXEC) at a time; prints transactions per second.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Options {
  int port = 6379;
  std::string test = "publish";
  int subscribers = 10;
  int clients = 50;
  int pipeline = 1;
  long long requests = 100000;
};

const char kChannel[] = "bench-channel";
const char kPayload[] = "0123456789abcdef";

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "tandem-pubsub-bench: %s\n", what.c_str());
  std::exit(1);
}

int ConnectRaw(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) Die("connect failed");
  return fd;
}

// The length of the complete RESP reply at the start of [p, p + n), or 0 while it is
// incomplete. Errors stop the run: a benchmark of failing commands measures nothing.
size_t ScanReply(const char* p, size_t n) {
  const char* eol = static_cast<const char*>(memchr(p, '\n', n));
  if (eol == nullptr) return 0;
  size_t line = static_cast<size_t>(eol - p) + 1;
  switch (p[0]) {
    case '+':
    case ':':
      return line;
    case '-':
      Die("error reply: " + std::string(p, line - 2));
    case '$': {
      long long len = std::atoll(p + 1);
      if (len < 0) return line;
      size_t total = line + static_cast<size_t>(len) + 2;
      return total <= n ? total : 0;
    }
    case '*': {
      long long count = std::atoll(p + 1);
      size_t at = line;
      for (long long i = 0; i < count; ++i) {
        size_t sub = ScanReply(p + at, n - at);
        if (sub == 0) return 0;
        at += sub;
      }
      return at;
    }
    default:
      Die("unexpected reply byte");
  }
}

void SendAll(int fd, const std::string& bytes) {
  size_t at = 0;
  while (at < bytes.size()) {
    ssize_t n = send(fd, bytes.data() + at, bytes.size() - at, 0);
    if (n <= 0) Die("connection lost");
    at += static_cast<size_t>(n);
  }
}

// Reads until `want` complete replies arrived on `fd`; `pending` keeps a partial reply.
void ReadReplies(int fd, int want, std::string& pending) {
  char buf[1 << 16];
  while (want > 0) {
    size_t at = 0;
    while (want > 0) {
      size_t len = ScanReply(pending.data() + at, pending.size() - at);
      if (len == 0) break;
      at += len;
      --want;
    }
    pending.erase(0, at);
    if (want == 0) break;
    ssize_t n = recv(fd, buf, sizeof(buf), 0);
    if (n <= 0) Die("connection lost");
    pending.append(buf, static_cast<size_t>(n));
  }
}

// Runs `ops` operations over `clients` connections, `pipeline` at a time per connection, from
// two threads; `append(buf, rng)` adds one operation's requests to buf and returns how many
// replies it expects. Requests are laid out by hand and replies only counted (as
// redis-benchmark does), so the client spends far less CPU than the servers it measures:
// with hiredis's formatting and reply objects it took as much CPU per transaction as
// redis-server did, and both servers measured the client.
template <class Append>
void Drive(const Options& o, long long ops, Append append) {
  const int threads = std::min(2, o.clients);
  std::vector<std::thread> workers;
  std::atomic<long long> next{0};
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::vector<int> conns;
      for (int i = t; i < o.clients; i += threads) conns.push_back(ConnectRaw(o.port));
      std::mt19937_64 rng(t + 1);
      std::vector<int> expect(conns.size());
      std::vector<std::string> pending(conns.size());
      std::string out;
      for (;;) {
        bool any = false;
        // Every connection's commands go out before any reply is read, so all of them are
        // in flight together.
        for (size_t i = 0; i < conns.size(); ++i) {
          expect[i] = 0;
          long long first = next.fetch_add(o.pipeline);
          long long n = std::min<long long>(o.pipeline, ops - first);
          out.clear();
          for (long long j = 0; j < n; ++j) expect[i] += append(out, rng);
          if (!out.empty()) SendAll(conns[i], out);
          any |= n > 0;
        }
        for (size_t i = 0; i < conns.size(); ++i) ReadReplies(conns[i], expect[i], pending[i]);
        if (!any) break;
      }
      for (int fd : conns) close(fd);
    });
  }
  for (auto& w : workers) w.join();
}

double PublishTest(const Options& o) {
  std::vector<int> fds;
  const std::string subscribe = std::string("*2\r\n$9\r\nSUBSCRIBE\r\n$") +
                                std::to_string(strlen(kChannel)) + "\r\n" + kChannel + "\r\n";
  const std::string confirm = std::string("*3\r\n$9\r\nsubscribe\r\n$") +
                              std::to_string(strlen(kChannel)) + "\r\n" + kChannel + "\r\n:1\r\n";
  for (int i = 0; i < o.subscribers; ++i) {
    int fd = ConnectRaw(o.port);
    if (send(fd, subscribe.data(), subscribe.size(), 0) != static_cast<ssize_t>(subscribe.size())) {
      Die("send failed");
    }
    fds.push_back(fd);
  }
  for (int fd : fds) {
    std::string got;
    char buf[256];
    while (got.size() < confirm.size()) {
      ssize_t n = recv(fd, buf, sizeof(buf), 0);
      if (n <= 0) Die("subscriber lost");
      got.append(buf, static_cast<size_t>(n));
    }
    if (got != confirm) Die("unexpected SUBSCRIBE reply");
  }
  const std::string message = std::string("*3\r\n$7\r\nmessage\r\n$") +
                              std::to_string(strlen(kChannel)) + "\r\n" + kChannel + "\r\n$" +
                              std::to_string(strlen(kPayload)) + "\r\n" + kPayload + "\r\n";
  const long long expected = static_cast<long long>(message.size()) * o.requests;
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> readers;
  const int reader_threads = std::min<int>(2, o.subscribers);
  for (int t = 0; t < reader_threads; ++t) {
    readers.emplace_back([&, t] {
      std::vector<pollfd> pfds;
      std::vector<long long> got;
      for (size_t i = t; i < fds.size(); i += reader_threads) {
        pfds.push_back({fds[i], POLLIN, 0});
        got.push_back(0);
      }
      size_t done = 0;
      std::vector<char> buf(1 << 18);
      while (done < pfds.size()) {
        if (poll(pfds.data(), pfds.size(), 1000) <= 0) continue;
        for (size_t i = 0; i < pfds.size(); ++i) {
          if (!(pfds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
          ssize_t n = recv(pfds[i].fd, buf.data(), buf.size(), MSG_DONTWAIT);
          if (n == 0) Die("a subscriber was disconnected");
          if (n < 0) continue;
          got[i] += n;
          if (got[i] == expected) {
            ++done;
            pfds[i].events = 0;
          }
        }
      }
    });
  }
  const std::string publish = std::string("*3\r\n$7\r\nPUBLISH\r\n$") +
                              std::to_string(strlen(kChannel)) + "\r\n" + kChannel + "\r\n$" +
                              std::to_string(strlen(kPayload)) + "\r\n" + kPayload + "\r\n";
  Drive(o, o.requests, [&](std::string& out, std::mt19937_64&) {
    out += publish;
    return 1;
  });
  for (auto& r : readers) r.join();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (int fd : fds) close(fd);
  return static_cast<double>(o.requests) / s;
}

double MultiTest(const Options& o) {
  auto start = std::chrono::steady_clock::now();
  Drive(o, o.requests, [](std::string& out, std::mt19937_64& rng) {
    out += "*1\r\n$5\r\nMULTI\r\n";
    for (int i = 0; i < 10; ++i) {
      char incr[64];
      int n = std::snprintf(incr, sizeof(incr), "*2\r\n$4\r\nINCR\r\n$10\r\nkey:%06d\r\n",
                            static_cast<int>(rng() % 100000));
      out.append(incr, static_cast<size_t>(n));
    }
    out += "*1\r\n$4\r\nEXEC\r\n";
    return 12;
  });
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return static_cast<double>(o.requests) / s;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--port") {
      o.port = std::stoi(value);
    } else if (flag == "--test") {
      o.test = value;
    } else if (flag == "--subscribers") {
      o.subscribers = std::stoi(value);
    } else if (flag == "--clients") {
      o.clients = std::stoi(value);
    } else if (flag == "--pipeline") {
      o.pipeline = std::stoi(value);
    } else if (flag == "--requests") {
      o.requests = std::stoll(value);
    } else {
      Die("unknown flag " + flag);
    }
  }
  double rate = o.test == "multi" ? MultiTest(o) : PublishTest(o);
  std::printf("%.0f\n", rate);
  return 0;
}
