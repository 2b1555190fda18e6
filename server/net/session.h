// A protocol session: turns the bytes its connection reads into commands for the dispatch
// layer, and their replies into bytes. One per connection, owned by it and used only on its
// io thread. The connection (the transport) owns the socket and the buffers; it knows
// nothing of the protocol, so a listener can carry RESP or memcached sessions alike.
#pragma once

#include <cstddef>
#include <cstdint>

#include "server/client_state.h"
#include "server/net/buffers.h"

namespace tandem::net {

class Session {
 public:
  // What the transport does after Process().
  enum class Next {
    kRead,             // everything complete has run: read more input
    kYield,            // the time slice ended with commands left: run again after other events
    kPaused,           // CLIENT PAUSE holds the next command: run again when it lifts
    kAfterScript,      // served from inside a busy script, the next command needs the lock
                       // (AUTH, MULTI...): run again once the script ends
    kBlocked,          // a command blocked on keys: keep reading (to see a close), run again
                       // when woken or at client().block_deadline_ms
    kCloseAfterWrite,  // QUIT, protocol error, refused client: write what is queued, then close
    kClose,            // close now and drop the output (output limit, attack)
  };

  Session(InputBuffer& in, OutputBuffer& out) : in_(in), out_(out) {}
  virtual ~Session() = default;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  commands::ClientState& client() { return client_; }

  // Registers the client with the server. Returns kRead, or kCloseAfterWrite with the
  // refusal queued (maxclients).
  virtual Next Open() = 0;
  // The connection closed: unregisters the client. Returns false, having done nothing, when
  // a busy script holds the engine lock: the connection calls it again later from its loop,
  // which meanwhile serves its other clients instead of waiting behind the script.
  virtual bool Closed() = 0;
  // How many bytes the next read may take, given what is pending (protocols read in
  // chunks so that their size limits trigger where the reference server's do).
  virtual size_t ReadLimit() const = 0;
  // Runs what the input holds, appending replies to the output.
  virtual Next Process() = 0;
  // Bytes were appended to the output from outside Process (a push): true if the client
  // crossed its output limit and must be closed. `now_ms`: the wall clock, read once by the
  // caller for a whole drain of pushes (a clock read per push was ~8% of a fan-out's CPU).
  virtual bool OutputOverLimit(int64_t now_ms) = 0;
  // On the client's loop, after its blocked command was woken or its deadline passed: sends
  // the reply it was served with, or Redis's timeout reply if the deadline passed first.
  virtual void Unblocked() {}

 protected:
  InputBuffer& in_;
  OutputBuffer& out_;
  commands::ClientState client_;
};

}  // namespace tandem::net
