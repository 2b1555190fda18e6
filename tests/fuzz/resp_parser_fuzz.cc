// libFuzzer target for RespParser. Each input is parsed as a client byte stream, command
// after command, under several limits, and checked against invariants:
//  - kOk consumes at least one byte and no more than it was given; argv views lie inside
//    the consumed bytes or the command's storage;
//  - kNeedMore and kError consume nothing and leave argv empty; kError names an error;
//  - every proper prefix (up to 64 KB) of an accepted request needs more input;
//  - a multibulk request re-encoded from its argv parses back to the same argv;
//  - parsing a data-derived prefix of the stream first, then the whole stream, gives the
//    same commands as parsing the whole stream at once (incremental == one-shot);
//  - stricter limits (unauthenticated, small proto_max_bulk_len) accept a prefix of the
//    commands the default limits accept.
// Build: CXX=clang++ cmake ... && cmake --build <dir> --target resp-parser-fuzzer
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/resp_parser.h"

namespace {

using tandem::protocol::ParsedCommand;
using tandem::protocol::ParserLimits;
using tandem::protocol::RespParser;
using Status = RespParser::Status;
using Args = std::vector<std::string>;

constexpr size_t kInlineMaxSize = 64 * 1024;

#define FUZZ_CHECK(cond)                                                            \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

struct Trace {
  std::vector<Args> commands;
  Status final_status = Status::kNeedMore;
  std::string error;
  size_t consumed = 0;  // Bytes consumed by `commands`.
};

bool Within(std::string_view inner, const char* begin, size_t size) {
  if (inner.empty()) return true;
  return inner.data() >= begin && inner.data() + inner.size() <= begin + size;
}

std::string EncodeMultibulk(const std::vector<std::string_view>& argv) {
  std::string out = "*" + std::to_string(argv.size()) + "\r\n";
  for (std::string_view a : argv) {
    out += "$" + std::to_string(a.size()) + "\r\n";
    out.append(a);
    out += "\r\n";
  }
  return out;
}

// A prefix of an accepted request must need more input (the 64 KB limits cannot fire).
void CheckPrefixNeedsMore(std::string_view request, size_t cut, const ParserLimits& limits) {
  if (cut >= request.size() || cut > kInlineMaxSize) return;
  RespParser parser;
  ParsedCommand cmd;
  size_t consumed = 99;
  FUZZ_CHECK(parser.Parse(request.substr(0, cut), &consumed, &cmd, limits) == Status::kNeedMore);
  FUZZ_CHECK(consumed == 0);
  FUZZ_CHECK(cmd.argv.empty());
}

// Uses default limits: inline commands are not subject to the multibulk limits.
void CheckRoundTrip(const ParsedCommand& cmd) {
  if (cmd.argv.empty()) return;
  std::string encoded = EncodeMultibulk(cmd.argv);
  RespParser parser;
  ParsedCommand again;
  size_t consumed = 0;
  FUZZ_CHECK(parser.Parse(encoded, &consumed, &again) == Status::kOk);
  FUZZ_CHECK(consumed == encoded.size());
  FUZZ_CHECK(again.argv.size() == cmd.argv.size());
  for (size_t i = 0; i < cmd.argv.size(); ++i) FUZZ_CHECK(again.argv[i] == cmd.argv[i]);
}

// Parses `input` from `*pos` until kNeedMore or kError, appending to `trace`.
void ParseStream(std::string_view input, size_t* pos, const ParserLimits& limits, size_t salt,
                 bool deep_checks, Trace* trace) {
  RespParser parser;
  ParsedCommand cmd;
  for (;;) {
    std::string_view rest = input.substr(*pos);
    size_t consumed = 12345;
    Status status = parser.Parse(rest, &consumed, &cmd, limits);
    if (status != Status::kOk) {
      FUZZ_CHECK(consumed == 0);
      FUZZ_CHECK(cmd.argv.empty());
      if (status == Status::kError) {
        FUZZ_CHECK(parser.error().rfind("ERR Protocol error: ", 0) == 0);
      }
      trace->final_status = status;
      trace->error = status == Status::kError ? parser.error() : "";
      return;
    }
    FUZZ_CHECK(consumed > 0);
    FUZZ_CHECK(consumed <= rest.size());
    bool multibulk = rest[0] == '*';
    for (std::string_view arg : cmd.argv) {
      bool in_input = Within(arg, rest.data(), consumed);
      bool in_storage = Within(arg, cmd.storage.data(), cmd.storage.size());
      FUZZ_CHECK(in_input || (!multibulk && in_storage));
    }
    if (deep_checks) {
      CheckPrefixNeedsMore(rest.substr(0, consumed), (salt + *pos) % consumed, limits);
      CheckRoundTrip(cmd);
    }
    trace->commands.emplace_back(cmd.argv.begin(), cmd.argv.end());
    *pos += consumed;
    trace->consumed = *pos;
  }
}

Trace OneShot(std::string_view input, const ParserLimits& limits, size_t salt) {
  Trace trace;
  size_t pos = 0;
  ParseStream(input, &pos, limits, salt, /*deep_checks=*/true, &trace);
  return trace;
}

bool IsSizeLimitError(const std::string& error) {
  return error.find("too big") != std::string::npos;
}

// Parses input[0, split) first, as if only that much had arrived, then the whole input.
void CheckIncremental(std::string_view input, size_t split, const ParserLimits& limits,
                      const Trace& expected) {
  Trace first;
  size_t pos = 0;
  ParseStream(input.substr(0, split), &pos, limits, 0, false, &first);
  // Commands complete within the prefix are the first commands of the whole stream.
  FUZZ_CHECK(first.commands.size() <= expected.commands.size());
  for (size_t i = 0; i < first.commands.size(); ++i) {
    FUZZ_CHECK(first.commands[i] == expected.commands[i]);
  }
  if (first.final_status == Status::kError) {
    // Only the 64 KB limits depend on how much has arrived; any other error is final.
    if (IsSizeLimitError(first.error)) return;
    FUZZ_CHECK(expected.final_status == Status::kError);
    FUZZ_CHECK(first.error == expected.error);
    FUZZ_CHECK(first.commands.size() == expected.commands.size());
    return;
  }
  Trace rest = first;
  ParseStream(input, &pos, limits, 0, false, &rest);
  FUZZ_CHECK(rest.commands == expected.commands);
  FUZZ_CHECK(rest.final_status == expected.final_status);
  FUZZ_CHECK(rest.error == expected.error);
  FUZZ_CHECK(rest.consumed == expected.consumed);
}

// Commands accepted under stricter limits are a prefix of those accepted by default.
void CheckStricterIsPrefix(const Trace& strict, const Trace& relaxed) {
  FUZZ_CHECK(strict.commands.size() <= relaxed.commands.size());
  for (size_t i = 0; i < strict.commands.size(); ++i) {
    FUZZ_CHECK(strict.commands[i] == relaxed.commands[i]);
  }
  if (strict.final_status != Status::kError) {
    FUZZ_CHECK(strict.commands.size() == relaxed.commands.size());
    FUZZ_CHECK(strict.final_status == relaxed.final_status);
  }
}

size_t Hash(std::string_view data) {
  size_t h = 1469598103934665603ull;
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t salt = Hash(input);
  size_t split = size == 0 ? 0 : salt % (size + 1);

  ParserLimits relaxed;
  ParserLimits unauthenticated;
  unauthenticated.authenticated = false;
  ParserLimits small_bulks;
  small_bulks.proto_max_bulk_len = 8;

  Trace base = OneShot(input, relaxed, salt);
  CheckIncremental(input, split, relaxed, base);
  for (const ParserLimits& limits : {unauthenticated, small_bulks}) {
    Trace strict = OneShot(input, limits, salt);
    CheckIncremental(input, split, limits, strict);
    CheckStricterIsPrefix(strict, base);
  }

  std::vector<std::string> words;
  tandem::protocol::SplitInlineArgs(input, &words);
  return 0;
}
