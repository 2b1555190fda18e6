// One client connection: the transport under a protocol session. Lives on one io thread
// (its EventLoop) for its whole life. It waits until the socket is readable,
// reads into a query buffer that exists only while a request is partly read, hands the
// bytes to its session, and writes the replies with one gathered write; its io thread's
// reads and writes go in batches (EventLoop::RecvAll, SendAll). Other threads reach it
// only through ClientState::kill / ::push, which post onto its loop.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/commands/dispatcher.h"
#include "server/net/buffers.h"
#include "server/net/event_loop.h"
#include "server/net/session.h"

namespace tandem::net {

class Connection : public EventLoop::Handler, public std::enable_shared_from_this<Connection> {
 public:
  // Which session the connection carries.
  enum class Protocol { kResp, kMemcache };

  // Takes ownership of the connected socket `fd`.
  Connection(EventLoop& loop, int fd, commands::ServerState& server,
             commands::Dispatcher& dispatcher, Protocol protocol = Protocol::kResp);
  ~Connection() override;

  // Registers the client and starts reading. `addr`/`laddr` are Redis-formatted peer and
  // local addresses.
  void Start(std::string addr, std::string laddr, bool unix_socket);

  // The socket's news from the loop: input arrived (or the end of the stream, or an
  // error), or room to write came back.
  void OnEvents(uint32_t events) override;

 private:
  // Reads when allowed (not held, not closing, output not piled up); `drained` when the
  // last read emptied the socket, so the next one waits for input unless some came since.
  void ReadMore(bool drained = false);
  void WaitReadable();
  // While the session runs (running_), a handler of this connection can only be reached
  // from a busy script that serves the loop (EngineLock::LendToLoop): the handler calls
  // this to be kept in after_run_ and posted when the run ends. Checked before the closure
  // is made: the check is on every request's path, the closure (a shared_ptr copy and an
  // allocation) is not.
  void Later(std::function<void()> fn);
  // Reads what the socket has (waiting until it is readable if it has nothing).
  void TryRead();
  // Runs this io thread's batch of reads.
  static void FlushDeferredReads();
  // Reads at once, outside the batch: a new connection, whose first request (or end of
  // stream) is usually there already.
  void ReadNow();
  // Takes in what the read into `room` bytes of input returned (bytes, or -errno).
  void TookRead(ssize_t result, size_t room);
  // Runs the `n` bytes a read added to the input (`filled`: the read took all the room it
  // had, so more may wait).
  void AfterRead(size_t n, bool filled);
  // Lets the session run what the input holds and acts on what it asks next.
  void Run();
  // Runs commands the session held (yielded, paused, blocked) when their time comes.
  void Resume();
  void SchedulePauseRetry();
  void RetryAfterScript();
  void ScheduleBlockTimeout();
  void StartWrite();
  // Starts a write of what the output holds: false when there is none to start (none
  // pending, one in flight, or the connection is closed or running).
  bool BeginWrite();
  // Sends what the write in flight has left; OnWritten() is posted once all is sent (or the
  // socket failed), and EPOLLOUT resumes it when the socket is full.
  void SendSome();
  // Takes in what one send of the write in flight returned (bytes, or -errno): true while
  // more is to be sent now.
  bool TookSend(ssize_t result);
  void OnReadable(uint32_t events);
  // Like Redis's handleClientsWithPendingWrites: the replies of the commands run for the
  // connections that were ready together are written after all of them ran, not each
  // right after its own (a write wakes the client, which then preempts this loop: measured
  // 133k -> 155k EVALSHA/s and 0.88 -> 0.97x memcached on memcaslap, 2 cores).
  void DeferWrite();
  // Starts the writes this io thread deferred.
  static void FlushDeferredWrites();
  void OnWritten(bool ok, size_t n);
  // Appends the pushes other threads left in the mailbox to the output (encoded in this
  // connection's protocol) and checks the output limit once for all of them.
  void DrainPushes();
  // Appends what the mailbox holds to the output. In a batch (under the engine lock), also
  // what is staged for the client, and the batch checks the output limit; else false as
  // soon as the client crosses its output limit (the rest is dropped).
  bool TakePushes(bool in_batch);
  // CLIENT LIST's qbuf, qbuf-free and obl, and the buffers' share of used_memory.
  void ReportBuffers();
  void Close();
  // Calls Session::Closed() again until it can unregister the client.
  void RetryClosed();

  EventLoop& loop_;
  int fd_;
  commands::ServerState& server_;
  // The configuration as of the last read: read here without the engine lock.
  std::shared_ptr<const Config> config_;
  InputBuffer in_;
  int64_t ready_token_ = -1;  // the socket's registration with loop_
  OutputBuffer out_;
  std::unique_ptr<Session> session_;
  EventLoop::Timer pause_timer_;
  EventLoop::Timer block_timer_;    // a blocked command's timeout
  EventLoop::Timer cleanup_timer_;  // retries Session::Closed() while a script is busy
  // Pushes posted by other connections (messages, MONITOR lines): ClientState::push adds
  // to it from any thread and posts one drain when it was empty, so a burst of messages
  // costs one wake-up of this loop, not one per message.
  struct Mailbox {
    std::mutex mu;
    std::vector<protocol::PushPtr> items;
  };
  std::shared_ptr<Mailbox> mailbox_ = std::make_shared<Mailbox>();
  std::vector<protocol::PushPtr> draining_;
  size_t reported_buffer_bytes_ = 0;
  std::vector<std::function<void()>> after_run_;
  bool waiting_ = false;       // waits for OnReadable() to read
  bool input_arrived_ = true;  // input came since the last read that emptied the socket
  bool peer_closed_ = false;   // the peer's end of stream or an error was announced
  bool held_ = false;          // commands are left to run (yielded or paused): no reading
  bool blocked_ = false;       // a command waits on keys: reading goes on, running resumes on wake
  bool writing_ = false;
  size_t sent_ = 0;                // of the write in flight
  bool send_blocked_ = false;      // the write in flight waits for EPOLLOUT
  bool running_ = false;           // inside session_->Process()
  bool write_deferred_ = false;    // in this thread's deferred writes
  bool read_deferred_ = false;     // in this thread's batch of reads, until its result is in
  bool wait_after_write_ = false;  // reading goes on after that write
  bool closed_ = false;
  bool close_after_write_ = false;
};

// Formats "ip:port" like Redis ("[::1]:6379" for IPv6).
std::string FormatAddress(const std::string& ip, unsigned short port);

}  // namespace tandem::net
