// The io threads' event loop: tasks posted from its own and from other threads, the order
// of tasks against the sockets' news, timers, registrations, Stop() and Serve(), and the
// batched socket calls (with io_uring where the kernel allows it, and without).
#include "server/net/event_loop.h"

#include <doctest/doctest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace tandem::net {
namespace {

using Clock = std::chrono::steady_clock;

// Runs a loop on a thread of its own for the test's length.
struct LoopThread {
  EventLoop loop;
  std::thread thread{[this] { loop.Run(); }};
  ~LoopThread() {
    loop.Stop();
    thread.join();
  }
  // Runs `fn` on the loop and waits for it.
  void Sync(std::function<void()> fn) {
    std::atomic<bool> done{false};
    loop.Post([&] {
      fn();
      done = true;
    });
    while (!done) std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
};

// Records the events of one end of a socket pair, in a log shared with the test.
struct Recorder : EventLoop::Handler {
  std::vector<std::string>* log;
  int fd;
  Recorder(std::vector<std::string>* l, int f) : log(l), fd(f) {}
  void OnEvents(uint32_t events) override {
    if (!(events & EPOLLIN)) return;
    char buf[64];
    while (read(fd, buf, sizeof(buf)) > 0) {
    }
    log->push_back("input");
  }
};

struct Pair {
  int fds[2] = {-1, -1};
  Pair() { REQUIRE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds) == 0); }
  ~Pair() {
    if (fds[0] >= 0) close(fds[0]);
    if (fds[1] >= 0) close(fds[1]);
  }
};

// The batch's operations as each mode runs them: through io_uring when the kernel allows it
// (reported), and one call each.
std::vector<bool> BatchModes() {
  EventLoop probe;
  const std::string how = probe.BatchesInOneCall() ? "yes" : "refused by the kernel";
  MESSAGE("io_uring batches: " << how);
  return {true, false};
}

TEST_CASE("SendAll and RecvAll move each operation's bytes; empty and closed sockets answer") {
  for (bool one_call : BatchModes()) {
    CAPTURE(one_call);
    EventLoop loop(one_call);
    if (!one_call) CHECK_FALSE(loop.BatchesInOneCall());
    Pair a, b, c;
    std::string x = "first", y(3000, 'y'), z = "third\r\n";
    std::vector<EventLoop::IoOp> sends = {{a.fds[0], x.data(), x.size()},
                                          {b.fds[0], y.data(), y.size()},
                                          {c.fds[0], z.data(), z.size()}};
    loop.SendAll(sends);
    CHECK(sends[0].result == 5);
    CHECK(sends[1].result == 3000);
    CHECK(sends[2].result == 7);
    char ba[16], bb[4096], bc[16];
    std::vector<EventLoop::IoOp> recvs = {
        {a.fds[1], ba, sizeof(ba)}, {b.fds[1], bb, sizeof(bb)}, {c.fds[1], bc, sizeof(bc)}};
    loop.RecvAll(recvs);
    REQUIRE(recvs[0].result == 5);
    REQUIRE(recvs[1].result == 3000);
    REQUIRE(recvs[2].result == 7);
    CHECK(std::string(ba, 5) == x);
    CHECK(std::string(bb, 3000) == y);
    CHECK(std::string(bc, 7) == z);
    // Nothing to read: -EAGAIN at once, never a wait; the peer gone: 0.
    close(std::exchange(c.fds[0], -1));
    auto start = Clock::now();
    recvs = {{a.fds[1], ba, sizeof(ba)}, {b.fds[1], bb, sizeof(bb)}, {c.fds[1], bc, sizeof(bc)}};
    loop.RecvAll(recvs);
    CHECK(recvs[0].result == -EAGAIN);
    CHECK(recvs[1].result == -EAGAIN);
    CHECK(recvs[2].result == 0);
    CHECK(Clock::now() - start < std::chrono::seconds(1));
  }
}

TEST_CASE("SendAll to a full socket answers -EAGAIN at once; the others are sent") {
  for (bool one_call : BatchModes()) {
    CAPTURE(one_call);
    EventLoop loop(one_call);
    Pair full, open;
    std::string chunk(65536, 'f');
    while (send(full.fds[0], chunk.data(), chunk.size(), MSG_DONTWAIT) > 0) {
    }
    std::string small = "fits";
    std::vector<EventLoop::IoOp> sends = {{full.fds[0], chunk.data(), chunk.size()},
                                          {open.fds[0], small.data(), small.size()}};
    auto start = Clock::now();
    loop.SendAll(sends);
    CHECK(sends[0].result == -EAGAIN);
    CHECK(sends[1].result == 4);
    CHECK(Clock::now() - start < std::chrono::seconds(1));
    // A peer that closed: -EPIPE, and no SIGPIPE ends the process.
    close(std::exchange(open.fds[1], -1));
    sends = {{open.fds[0], small.data(), small.size()}, {open.fds[0], small.data(), 1}};
    loop.SendAll(sends);
    CHECK(sends[0].result == -EPIPE);
    CHECK(sends[1].result == -EPIPE);
  }
}

TEST_CASE("a batch larger than the ring goes in several calls, every operation answered") {
  for (bool one_call : BatchModes()) {
    CAPTURE(one_call);
    EventLoop loop(one_call);
    std::vector<std::unique_ptr<Pair>> pairs;
    for (int i = 0; i < 8; ++i) pairs.push_back(std::make_unique<Pair>());
    char byte = 'b';
    std::vector<EventLoop::IoOp> sends;
    for (int i = 0; i < 700; ++i) sends.push_back({pairs[i % 8]->fds[0], &byte, 1});
    loop.SendAll(sends);
    int sent = 0;
    for (auto& op : sends) sent += op.result == 1;
    CHECK(sent == 700);
    char buf[256];  // 700 = 4 x 88 + 4 x 87
    for (size_t i = 0; i < pairs.size(); ++i) {
      CHECK(read(pairs[i]->fds[1], buf, sizeof(buf)) == (i < 4 ? 88 : 87));
    }
  }
}

TEST_CASE("tasks posted from other threads wake a sleeping loop and keep each thread's order") {
  LoopThread t;
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the loop sleeps by now
  std::atomic<bool> ran{false};
  auto start = Clock::now();
  t.loop.Post([&] { ran = true; });
  while (!ran && Clock::now() - start < std::chrono::seconds(2)) std::this_thread::yield();
  CHECK(ran);
  CHECK(Clock::now() - start < std::chrono::milliseconds(200));

  constexpr int kThreads = 4;
  constexpr int kPerThread = 20000;
  std::vector<int> last(kThreads, -1);  // touched on the loop's thread only
  std::atomic<int> out_of_order{0};
  std::atomic<int> count{0};
  std::vector<std::thread> posters;
  for (int p = 0; p < kThreads; ++p) {
    posters.emplace_back([&, p] {
      for (int i = 0; i < kPerThread; ++i) {
        t.loop.Post([&, p, i] {
          if (last[p] != i - 1) ++out_of_order;
          last[p] = i;
          ++count;
        });
        if (i % 1000 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
    });
  }
  for (auto& th : posters) th.join();
  start = Clock::now();
  while (count < kThreads * kPerThread && Clock::now() - start < std::chrono::seconds(10)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  CHECK(count == kThreads * kPerThread);
  CHECK(out_of_order == 0);
}

TEST_CASE("a task posted by a task runs before the news of a later poll") {
  LoopThread t;
  Pair pair;
  std::vector<std::string> log;  // the loop thread's
  auto recorder = std::make_shared<Recorder>(&log, pair.fds[1]);
  int64_t token = -1;
  t.Sync([&] { token = t.loop.Add(pair.fds[1], recorder); });
  REQUIRE(token >= 0);
  std::atomic<bool> done{false};
  t.loop.Post([&] {
    log.push_back("a");
    CHECK(write(pair.fds[0], "x", 1) == 1);  // readable from now on
    t.loop.Post([&] {
      log.push_back("b");
      t.loop.Post([&] { log.push_back("c"); });
    });
  });
  auto start = Clock::now();
  t.Sync([&] { done = log.size() == 4; });
  while (!done && Clock::now() - start < std::chrono::seconds(2)) {
    t.Sync([&] { done = log.size() == 4; });
  }
  t.Sync([&] {
    CHECK(log == std::vector<std::string>{"a", "b", "c", "input"});
    t.loop.Remove(token, pair.fds[1]);
  });
  CHECK(recorder.use_count() == 1);  // the loop let go of it
}

TEST_CASE("a removed descriptor reports no more; its slot serves the next registration") {
  LoopThread t;
  Pair first;
  Pair second;
  std::vector<std::string> log_first;
  std::vector<std::string> log_second;
  int64_t a = -1;
  int64_t b = -1;
  t.Sync([&] {
    a = t.loop.Add(first.fds[1], std::make_shared<Recorder>(&log_first, first.fds[1]));
    t.loop.Remove(a, first.fds[1]);
    b = t.loop.Add(second.fds[1], std::make_shared<Recorder>(&log_second, second.fds[1]));
  });
  CHECK(a == b);
  REQUIRE(write(first.fds[0], "x", 1) == 1);
  REQUIRE(write(second.fds[0], "y", 1) == 1);
  size_t seen = 0;
  auto start = Clock::now();
  while (seen == 0 && Clock::now() - start < std::chrono::seconds(2)) {
    t.Sync([&] { seen = log_second.size(); });
  }
  t.Sync([&] {
    CHECK(log_first.empty());
    CHECK(log_second.size() == 1);
    t.loop.Remove(b, second.fds[1]);
  });
}

TEST_CASE("timers fire in deadline order; Cancel and Start drop what was pending") {
  LoopThread t;
  std::mutex mu;
  std::vector<std::string> fired;
  auto note = [&](std::string what) {
    std::lock_guard lock(mu);
    fired.push_back(std::move(what));
  };
  auto slow = std::make_unique<EventLoop::Timer>(t.loop);
  auto fast = std::make_unique<EventLoop::Timer>(t.loop);
  auto cancelled = std::make_unique<EventLoop::Timer>(t.loop);
  auto replaced = std::make_unique<EventLoop::Timer>(t.loop);
  auto again = std::make_unique<EventLoop::Timer>(t.loop);
  auto owner = std::make_shared<int>(0);  // what a pending task holds
  int rounds = 0;
  std::function<void()> repeat = [&] {
    note("again");
    if (++rounds < 3) again->Start(5, repeat);
  };
  auto start = Clock::now();
  t.Sync([&] {
    slow->Start(60, [&] { note("slow"); });
    fast->Start(20, [&] { note("fast"); });
    cancelled->Start(10, [&, owner] { note("cancelled"); });
    cancelled->Cancel();
    replaced->Start(10, [&] { note("replaced-old"); });
    replaced->Start(40, [&] { note("replaced-new"); });
    again->Start(5, repeat);
  });
  CHECK(owner.use_count() == 1);  // the cancelled task is gone, not kept
  for (;;) {
    {
      std::lock_guard lock(mu);
      if (fired.size() >= 6 || Clock::now() - start > std::chrono::seconds(3)) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  auto took = Clock::now() - start;
  std::lock_guard lock(mu);
  CHECK(fired ==
        std::vector<std::string>{"again", "again", "again", "fast", "replaced-new", "slow"});
  CHECK(took >= std::chrono::milliseconds(60));
}

TEST_CASE("Serve runs at most its share of the queued tasks and does not sleep") {
  EventLoop loop;
  int ran = 0;
  for (int i = 0; i < 10; ++i) loop.Post([&] { ++ran; });
  auto start = Clock::now();
  loop.Serve(4);
  CHECK(ran == 4);
  loop.Serve(100);
  CHECK(ran == 10);
  loop.Serve(100);  // nothing queued, nothing ready: returns at once
  CHECK(Clock::now() - start < std::chrono::milliseconds(100));
}

TEST_CASE("Stop during a busy script's round, which takes the wake-up, still ends Run") {
  EventLoop loop;
  std::atomic<bool> returned{false};
  std::thread runner([&] {
    loop.Run();
    returned = true;
  });
  loop.Post([&] {
    std::thread([&] { loop.Stop(); }).join();
    loop.Serve(10);  // as a busy script's hook: its poll reads the Stop's wake-up
  });
  auto start = Clock::now();
  while (!returned && Clock::now() - start < std::chrono::seconds(2)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  CHECK(returned);
  if (!returned) loop.Post([] {});  // wakes the sleeping loop, so the test ends
  runner.join();
}

TEST_CASE("Stop from another thread ends Run; what is left is destroyed with the loop") {
  auto owner = std::make_shared<int>(0);
  {
    std::unique_ptr<EventLoop::Timer> timer;  // outlives the loop, as a connection may
    EventLoop loop;
    std::thread runner([&] { loop.Run(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    loop.Stop();
    runner.join();
    loop.Post([owner] {});  // never runs
    timer = std::make_unique<EventLoop::Timer>(loop);
    timer->Start(100000, [owner] {});
    CHECK(owner.use_count() == 3);
  }  // the loop goes first: it drops both tasks and disarms the timer
  CHECK(owner.use_count() == 1);
}

}  // namespace
}  // namespace tandem::net
