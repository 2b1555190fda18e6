// Incremental parser for Redis requests: RESP multibulk ("*2\r\n$3\r\nGET\r\n...") and
// inline (telnet) commands with Redis's quoting rules. Standard library only.
// Stateless between calls: Parse() is handed the unconsumed input each time, so a caller
// may call it again after appending more bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::protocol {

struct ParserLimits {
  size_t proto_max_bulk_len = 512ull * 1024 * 1024;
  // Clients that have not authenticated while a password is set are limited to
  // 10 arguments and 16 KB per argument, as in Redis.
  bool authenticated = true;
};

// One parsed request. argv views point either into the input buffer handed to Parse()
// or into `storage` (inline commands with escapes), so they stay valid while both live
// and neither moves. A short `storage` lives inside the object itself, so a ParsedCommand
// cannot be copied or moved: a container of them must never relocate its elements.
struct ParsedCommand {
  ParsedCommand() = default;
  ParsedCommand(const ParsedCommand&) = delete;
  ParsedCommand& operator=(const ParsedCommand&) = delete;

  std::vector<std::string_view> argv;
  std::string storage;
  void Clear() {
    argv.clear();
    storage.clear();
  }
};

class RespParser {
 public:
  enum class Status { kOk, kNeedMore, kError };

  // Parses at most one request from the front of `input`.
  // kOk: *consumed bytes form a request; cmd->argv holds it. argv may be empty (an empty
  //      inline line or a "*0"/"*-10" header), which callers skip.
  // kNeedMore: no complete request yet; nothing consumed.
  // kError: error() holds Redis's text (e.g. "ERR Protocol error: invalid bulk length");
  //      the caller replies with it and closes the connection.
  Status Parse(std::string_view input, size_t* consumed, ParsedCommand* cmd,
               const ParserLimits& limits = {});

  const std::string& error() const { return error_; }

 private:
  std::string error_;
};

// Splits an inline line the way Redis's sdssplitargs does: "..." with the escapes
// \n \r \t \b \a \\ \" \xHH, and '...' with only \' (returns false on unbalanced quotes).
bool SplitInlineArgs(std::string_view line, std::vector<std::string>* out);

}  // namespace tandem::protocol
