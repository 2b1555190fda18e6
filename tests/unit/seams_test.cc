// The seams later features plug into: stored commands that own their bytes, the capturing
// reply builder, typed pushes encoded once per protocol version and delivered across io
// threads, and the blocking registry's serving order and wake-ups.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "protocol/captured_reply.h"
#include "protocol/push.h"
#include "protocol/resp_writer.h"
#include "server/blocking.h"
#include "server/commands/dispatcher.h"
#include "server/commands/stored_command.h"
#include "server/net/connection.h"

namespace tandem {
namespace {

using protocol::CapturingReplyBuilder;
using protocol::Push;
using protocol::ReplyValue;
using protocol::RespWriter;

TEST_CASE("a stored command outlives the buffer its arguments were parsed from") {
  std::vector<commands::StoredCommand> queue;
  for (int i = 0; i < 100; ++i) {
    auto buffer = std::make_unique<std::string>("SET key" + std::to_string(i) + " v");
    std::vector<std::string_view> argv = {std::string_view(*buffer).substr(0, 3),
                                          std::string_view(*buffer).substr(4, 3 + (i > 9) + 1),
                                          std::string_view(*buffer).substr(buffer->size() - 1)};
    queue.emplace_back(commands::CmdArgs(argv));  // the vector grows: stored commands move
    buffer->assign(buffer->size(), '#');          // the read buffer is reused...
    buffer.reset();                               // ...and freed
  }
  commands::StoredCommand copy = queue[42];
  queue.erase(queue.begin());
  for (int i = 1; i < 100; ++i) {
    commands::CmdArgs argv = queue[i - 1].argv();
    REQUIRE(argv.size() == 3);
    CHECK(argv[0] == "SET");
    CHECK(argv[1] == "key" + std::to_string(i));
    CHECK(argv[2] == "v");
  }
  CHECK(copy.argv()[1] == "key42");
  CHECK(copy.bytes() == 3 + 5 + 1);
}

// Writes the same nested reply straight to a writer and through the capturing builder.
void WriteSample(protocol::ReplyBuilder& rb) {
  rb.StartArray(4);
  rb.SendBulk("a\r\nb");
  rb.StartMap(2);
  rb.SendSimple("k");
  rb.SendLong(-7);
  rb.SendBulk("empty");
  rb.StartSet(0);
  rb.StartArray(3);
  rb.SendNull();
  rb.SendDouble(1.5);
  rb.SendBool(true);
  rb.SendError("ERR inner");
  rb.SendVerbatim("text", "txt");
}

TEST_CASE("the capturing builder records typed values that replay byte for byte") {
  CapturingReplyBuilder capture;
  WriteSample(capture);
  CHECK(capture.complete());
  REQUIRE(capture.values().size() == 2);
  const ReplyValue& top = capture.values()[0];
  CHECK(top.kind == ReplyValue::Kind::kArray);
  REQUIRE(top.items.size() == 4);
  CHECK(top.items[1].kind == ReplyValue::Kind::kMap);
  CHECK(top.items[1].items.size() == 4);
  CHECK(top.items[1].items[3].kind == ReplyValue::Kind::kSet);
  CHECK(top.items[2].items[1].number == 1.5);
  CHECK(top.items[3].str == "ERR inner");
  for (int resp : {2, 3}) {
    std::string direct, replayed;
    RespWriter a(&direct, resp), b(&replayed, resp);
    WriteSample(a);
    for (const ReplyValue& v : capture.values()) v.Replay(b);
    CHECK(direct == replayed);
  }
  CapturingReplyBuilder partial;
  partial.StartArray(2);
  partial.SendLong(1);
  CHECK_FALSE(partial.complete());
}

std::shared_ptr<const Push> SampleMessage() {
  CapturingReplyBuilder capture;
  capture.StartPush(3);
  capture.SendBulk("message");
  capture.SendBulk("news");
  capture.SendBulk("hello");
  return std::make_shared<const Push>(Push::Kind::kPubSub, capture.Take()[0]);
}

TEST_CASE("a push is encoded once per protocol version, whoever asks first") {
  auto push = SampleMessage();
  const std::string resp2 = "*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n";
  const std::string resp3 = ">3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n";
  std::vector<std::thread> readers;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 8; ++t) {
    readers.emplace_back([&, t] {
      int resp = t % 2 ? 3 : 2;
      std::string_view bytes = push->Encoded(resp);
      if (bytes != (resp == 3 ? resp3 : resp2)) ++wrong;
      if (push->Encoded(resp).data() != bytes.data()) ++wrong;  // the same bytes, not a copy
    });
  }
  for (auto& t : readers) t.join();
  CHECK(wrong == 0);
  CHECK(Push::MonitorLine("1.0 [0 127.0.0.1:1] \"PING\"")->Encoded(3) ==
        "+1.0 [0 127.0.0.1:1] \"PING\"\r\n");
}

TEST_CASE("a push of bulk strings is made encoded, for both protocols, and replays the same") {
  auto flat = Push::Bulks(Push::Kind::kPubSub, {"message", "news", "hello"});
  auto tree = SampleMessage();
  for (int resp : {2, 3}) {
    CHECK(flat->Encoded(resp) == tree->Encoded(resp));
    std::string out = "x";
    flat->AppendEncoded(&out, resp);
    CHECK(out == "x" + std::string(tree->Encoded(resp)));
  }
  std::string a, b;
  RespWriter wa(&a, 3), wb(&b, 3);
  flat->Replay(wa);
  tree->Replay(wb);
  CHECK(a == b);
  auto empty = Push::Bulks(Push::Kind::kPubSub, {"pmessage", "", "c", std::string(300, 'v')});
  CapturingReplyBuilder c;
  empty->Replay(c);
  auto items = c.Take();
  REQUIRE(items.size() == 1);
  REQUIRE(items[0].items.size() == 4);
  CHECK(items[0].items[1].str.empty());
  CHECK(items[0].items[3].str == std::string(300, 'v'));
}

// Two connections on two io threads (socket pairs), one speaking RESP3.
struct TwoLoops {
  commands::CommandTable Table() {
    commands::CommandTable table;
    commands::RegisterAllCommands(table);
    return table;
  }
  commands::ServerState server{Config{}, Table()};
  commands::Dispatcher dispatcher{server};
  net::EventLoop loops[2];
  std::vector<std::thread> threads;
  int peers[2] = {-1, -1};

  TwoLoops() {
    for (int i = 0; i < 2; ++i) {
      int fds[2];
      REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
      peers[i] = fds[0];
      auto conn = std::make_shared<net::Connection>(loops[i], fds[1], server, dispatcher);
      loops[i].Post([conn, i] { conn->Start("peer" + std::to_string(i) + ":0", "", true); });
    }
    for (auto& loop : loops) threads.emplace_back([&loop] { loop.Run(); });
  }
  ~TwoLoops() {
    for (int fd : peers) close(fd);
    for (auto& loop : loops) loop.Stop();
    for (auto& t : threads) t.join();
  }
  std::string Exchange(int i, const std::string& request, size_t reply_bytes) {
    if (!request.empty()) REQUIRE(write(peers[i], request.data(), request.size()) > 0);
    return Read(i, reply_bytes);
  }
  std::string Read(int i, size_t n) {
    std::string got;
    while (got.size() < n) {
      char buf[4096];
      ssize_t r = read(peers[i], buf, std::min(sizeof(buf), n - got.size()));
      if (r <= 0) break;
      got.append(buf, r);
    }
    return got;
  }
  std::vector<commands::ClientState*> Clients() {
    std::lock_guard lock(server.engine_mutex());
    std::vector<commands::ClientState*> out;
    for (auto& [id, c] : server.clients()) out.push_back(c);
    return out;
  }
};

TEST_CASE("a push from another thread arrives in each receiver's protocol") {
  TwoLoops two;
  CHECK(two.Exchange(0, "PING\r\n", 7) == "+PONG\r\n");
  std::string hello = two.Exchange(1, "HELLO 3\r\n", 1);
  CHECK(hello == "%");
  auto clients = two.Clients();
  REQUIRE(clients.size() == 2);
  auto push = SampleMessage();
  std::thread publisher([&] {
    // Staged under the lock, handed to the receivers as it is released.
    std::lock_guard lock(two.server.engine_mutex());
    for (commands::ClientState* c : clients) two.server.outbox().Stage(c, push);
  });
  publisher.join();
  std::string resp2 = "*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n";
  CHECK(two.Read(0, resp2.size()) == resp2);
  // The RESP3 client still has HELLO's map to read first.
  std::string resp3 = ">3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n";
  std::string tail;
  for (int i = 0; i < 4096 && tail.find(resp3) == std::string::npos; ++i) tail += two.Read(1, 1);
  CHECK(tail.size() >= resp3.size());
  CHECK(tail.substr(tail.size() - resp3.size()) == resp3);
}

TEST_CASE("CLIENT UNPAUSE on one io thread wakes a paused client on another at once") {
  TwoLoops two;
  CHECK(two.Exchange(0, "CLIENT PAUSE 60000 WRITE\r\n", 5) == "+OK\r\n");
  CHECK(two.Exchange(1, "GET k\r\n", 5) == "$-1\r\n");  // reads are not paused
  REQUIRE(write(two.peers[1], "SET k v\r\n", 9) == 9);
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  auto start = std::chrono::steady_clock::now();
  CHECK(two.Exchange(0, "CLIENT UNPAUSE\r\n", 5) == "+OK\r\n");
  CHECK(two.Read(1, 5) == "+OK\r\n");
  auto waited = std::chrono::steady_clock::now() - start;
  CHECK(waited < std::chrono::milliseconds(50));  // a 100 ms poll would often miss this
}

TEST_CASE("a write through the dispatcher signals the blocking registry; SWAPDB readies both") {
  TwoLoops two;
  commands::ClientState waiter;
  int served = 0;
  {
    std::lock_guard lock(two.server.engine_mutex());
    two.server.blocking().Block(&waiter, 0, {"queue"},
                                [&](std::string_view) { return ++served > 0; });
  }
  CHECK(two.Exchange(0, "SET other 1\r\n", 5) == "+OK\r\n");
  CHECK(two.Exchange(0, "SET queue 1\r\n", 5) == "+OK\r\n");
  {
    std::lock_guard lock(two.server.engine_mutex());
    CHECK(served == 1);
    CHECK_FALSE(two.server.blocking().IsBlocked(&waiter));
    two.server.blocking().Block(&waiter, 3, {"queue"},
                                [&](std::string_view) { return ++served > 0; });
  }
  CHECK(two.Exchange(1, "SWAPDB 0 3\r\n", 5) == "+OK\r\n");
  std::lock_guard lock(two.server.engine_mutex());
  CHECK(served == 2);
  two.server.blocking().Forget(&waiter);
}

TEST_CASE("clients blocked on a key are served first blocked, first served") {
  commands::BlockingRegistry registry;
  commands::ClientState a, b, c;
  std::vector<char> served;
  int items = 2;
  auto serve = [&](char who) {
    return [&, who](std::string_view key) {
      CHECK(key == "list");
      if (items == 0) return false;
      --items;
      served.push_back(who);
      return true;
    };
  };
  registry.Block(&a, 0, {"list"}, serve('a'));
  registry.Block(&b, 0, {"other", "list"}, serve('b'));
  registry.Block(&c, 0, {"list"}, serve('c'));
  CHECK(registry.blocked_clients() == 3);
  registry.OnKeyModified(1, "list");  // another database: nobody waits there
  registry.ServeReadyKeys();
  CHECK(served.empty());
  registry.OnKeyModified(0, "list");
  registry.OnKeyModified(0, "list");  // signalled twice, served once
  registry.ServeReadyKeys();
  CHECK(served == std::vector<char>{'a', 'b'});
  CHECK(registry.blocked_clients() == 1);
  CHECK(registry.IsBlocked(&c));
  registry.Forget(&c);
  CHECK(registry.blocked_clients() == 0);

  int woken = 0;
  a.wake = [&] { ++woken; };
  registry.HoldForPause(&a);
  registry.WakePaused();
  registry.WakePaused();  // woken once: the hold is gone
  CHECK(woken == 1);
}

}  // namespace
}  // namespace tandem
