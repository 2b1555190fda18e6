// The RESP session: Redis's request parser and reply writer around the dispatch layer.
// Parses every complete command the input holds, runs them as one batch under one hold of
// the engine lock, and checks the client's output limits after every reply.
#pragma once

#include <deque>
#include <vector>

#include "protocol/resp_parser.h"
#include "protocol/resp_writer.h"
#include "server/commands/dispatcher.h"
#include "server/net/session.h"

namespace tandem::net {

class RespSession final : public Session {
 public:
  RespSession(commands::ServerState& server, commands::Dispatcher& dispatcher, InputBuffer& in,
              OutputBuffer& out);

  Next Open() override;
  bool Closed() override;
  size_t ReadLimit() const override;
  Next Process() override;
  bool OutputOverLimit(int64_t now_ms) override;
  void Unblocked() override;

 private:
  // Parses up to `max` commands from the input into batch_; returns how many. Sets
  // *error to the protocol error that stopped parsing, if any.
  size_t ParseBatch(size_t max, std::string* error);
  // Runs the first `count` parsed commands; returns how many ran and sets *next when the
  // batch stopped early.
  size_t RunBatch(size_t count, Next* next);
  // Under the engine lock: counts the client and lists it (CLIENT LIST), or refuses it
  // past maxclients.
  Next Register();
  // While a script is busy (holding the engine lock, maybe on this thread, serving its
  // loop): answers commands from `from` on without the lock (-BUSY, SCRIPT KILL...), until
  // one needs the lock or the script ends.
  // Returns the index of the first command it did not answer; the rest run under the lock.
  size_t RunWhileScriptRuns(size_t from, size_t count, Next* next);
  // True when the output limit of the client's class is crossed (closing is up to the caller).
  bool CheckOutputLimits(const Config& config, int64_t now_ms);
  // Under the engine lock: writes the reply a blocked command was served with, if any.
  void SendServedReply();
  // False while the client connected during a busy script and has not been registered.
  bool registered_ = true;

  commands::ServerState& server_;
  commands::Dispatcher& dispatcher_;
  // The configuration as of the last parse: read there without the engine lock.
  std::shared_ptr<const Config> config_;
  protocol::RespParser parser_;
  protocol::RespWriter writer_;
  // A deque: growing it never moves a parsed command, whose arguments may point into its
  // own storage (a quoted inline token).
  std::deque<protocol::ParsedCommand> batch_;
  std::vector<size_t> batch_ends_;  // input offset after each parsed command
};

}  // namespace tandem::net
