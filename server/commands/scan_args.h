// SSCAN / HSCAN / ZSCAN arguments (Redis's scanGenericCommand over a key): the cursor as
// parseScanCursorOrReply reads it, then MATCH and COUNT (TYPE only exists for SCAN).
#pragma once

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "protocol/errors.h"
#include "server/commands/arg_parser.h"
#include "server/commands/command.h"

namespace tandem::commands {

struct CollScanArgs {
  uint64_t cursor = 0;
  long count = 10;
  std::string_view pattern;
  bool use_pattern = false;
};

// Parses the cursor, argv[2]; sends the error and returns false on failure. Redis parses it
// before looking the key up, and the options only for an existing key of the right type.
inline bool ParseCollScanCursor(CmdArgs argv, CollScanArgs* a, protocol::ReplyBuilder& rb) {
  std::string text(argv[2]);
  if (!text.empty() && std::isspace(static_cast<unsigned char>(text[0]))) {
    rb.SendError(protocol::kErrInvalidCursor);
    return false;
  }
  errno = 0;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (*end != '\0' || errno == ERANGE) {
    rb.SendError(protocol::kErrInvalidCursor);
    return false;
  }
  a->cursor = v;
  return true;
}

// Parses MATCH and COUNT from argv[3...]; sends the error and returns false on failure.
inline bool ParseCollScanOptions(CmdArgs argv, CollScanArgs* a, protocol::ReplyBuilder& rb) {
  ArgParser parser(argv.subspan(3));
  while (parser.HasNext()) {
    if (parser.Check("COUNT", &a->count)) {
      if (parser.Ok() && a->count < 1) parser.Fail();
    } else if (parser.Check("MATCH", &a->pattern)) {
      a->use_pattern = a->pattern != "*";
    } else {
      parser.Fail();
    }
  }
  if (parser.Finalize()) return true;
  rb.SendError(parser.ErrorText());
  return false;
}

}  // namespace tandem::commands
