// RespParser / SplitInlineArgs: every behaviour below was checked against redis-server
// 7.0.15 by sending the same raw bytes over a socket.
#include "protocol/resp_parser.h"

#include <doctest/doctest.h>

#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/errors.h"

namespace tandem::protocol {
namespace {

using Status = RespParser::Status;
using Args = std::vector<std::string>;

struct Outcome {
  Status status;
  size_t consumed = 0;
  Args argv;
  std::string error;
};

// Parses from an exact-size heap copy, so sanitizer builds catch reads past the end
// (a std::string would hide them behind its NUL terminator).
Outcome ParseOne(std::string_view input, const ParserLimits& limits = {}) {
  std::unique_ptr<char[]> copy(new char[input.size()]);
  if (!input.empty()) std::memcpy(copy.get(), input.data(), input.size());
  RespParser parser;
  ParsedCommand cmd;
  Outcome out;
  out.status =
      parser.Parse(std::string_view(copy.get(), input.size()), &out.consumed, &cmd, limits);
  for (std::string_view a : cmd.argv) out.argv.emplace_back(a);
  if (out.status == Status::kError) out.error = parser.error();
  return out;
}

ParserLimits Unauthenticated() {
  ParserLimits limits;
  limits.authenticated = false;
  return limits;
}

std::string Multibulk(const Args& args) {
  std::string out = "*" + std::to_string(args.size()) + "\r\n";
  for (const std::string& a : args) out += "$" + std::to_string(a.size()) + "\r\n" + a + "\r\n";
  return out;
}

void CheckError(std::string_view input, std::string_view error, const ParserLimits& limits = {}) {
  CAPTURE(input);
  Outcome out = ParseOne(input, limits);
  CHECK(out.status == Status::kError);
  CHECK(out.error == error);
  CHECK(out.consumed == 0);
  CHECK(out.argv.empty());
}

void CheckNeedMore(std::string_view input, const ParserLimits& limits = {}) {
  CAPTURE(input);
  Outcome out = ParseOne(input, limits);
  CHECK(out.status == Status::kNeedMore);
  CHECK(out.consumed == 0);
  CHECK(out.argv.empty());
}

void CheckOk(std::string_view input, const Args& argv, size_t consumed,
             const ParserLimits& limits = {}) {
  CAPTURE(input);
  Outcome out = ParseOne(input, limits);
  REQUIRE(out.status == Status::kOk);
  CHECK(out.argv == argv);
  CHECK(out.consumed == consumed);
}

void CheckInline(std::string_view line, const Args& argv) {
  std::string input = std::string(line) + "\r\n";
  CheckOk(input, argv, input.size());
}

// ---- Multibulk ----

TEST_CASE("multibulk request parses into argv and consumes exactly its bytes") {
  std::string req = "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n";
  CheckOk(req, {"SET", "key", "value"}, req.size());
  CheckOk(req + "*1\r\n$4\r\nPING\r\n", {"SET", "key", "value"}, req.size());
}

TEST_CASE("multibulk argv views point into the input buffer without copies") {
  std::string req = "*2\r\n$4\r\nECHO\r\n$5\r\nhello\r\n";
  RespParser parser;
  ParsedCommand cmd;
  size_t consumed = 0;
  REQUIRE(parser.Parse(req, &consumed, &cmd) == Status::kOk);
  REQUIRE(cmd.argv.size() == 2);
  CHECK(cmd.argv[0].data() == req.data() + 8);
  CHECK(cmd.argv[1].data() == req.data() + 18);
  CHECK(cmd.storage.empty());
}

TEST_CASE("multibulk payloads may hold CR, LF and NUL bytes") {
  std::string payload("a\r\nb\0c", 6);
  std::string req = Multibulk({"SET", "k", payload});
  CheckOk(req, {"SET", "k", payload}, req.size());
}

TEST_CASE("empty bulk strings are valid arguments") {
  CheckOk("*2\r\n$3\r\nGET\r\n$0\r\n\r\n", {"GET", ""}, 19);
}

TEST_CASE("pipelined commands parse one by one") {
  std::string stream;
  std::vector<Args> sent;
  for (int i = 0; i < 20; ++i) {
    Args args = {"SET", "key:" + std::to_string(i), std::string(i * 7, 'v')};
    sent.push_back(args);
    stream += Multibulk(args);
    if (i % 5 == 0) stream += "PING\r\n";
  }
  RespParser parser;
  ParsedCommand cmd;
  std::string_view rest = stream;
  std::vector<Args> got;
  for (;;) {
    size_t consumed = 0;
    Status status = parser.Parse(rest, &consumed, &cmd);
    if (status != Status::kOk) {
      CHECK(status == Status::kNeedMore);
      break;
    }
    REQUIRE(consumed > 0);
    REQUIRE(consumed <= rest.size());
    rest.remove_prefix(consumed);
    got.emplace_back(cmd.argv.begin(), cmd.argv.end());
  }
  CHECK(rest.empty());
  std::vector<Args> expected;
  for (int i = 0; i < 20; ++i) {
    expected.push_back(sent[i]);
    if (i % 5 == 0) expected.push_back({"PING"});
  }
  CHECK(got == expected);
}

TEST_CASE("every proper prefix of a request needs more input and consumes nothing") {
  std::vector<std::string> requests = {
      Multibulk({"SET", "key", "value"}),
      Multibulk({"", "x", std::string(300, 'z')}),
      "*0\r\n",
      "*-1\r\n",
      "PING\r\n",
      "SET \"a b\" 'c d'\n",
  };
  for (const std::string& req : requests) {
    for (size_t cut = 0; cut < req.size(); ++cut) CheckNeedMore(req.substr(0, cut));
    Outcome out = ParseOne(req);
    CHECK(out.status == Status::kOk);
    CHECK(out.consumed == req.size());
  }
}

TEST_CASE("a zero or negative multibulk count is consumed as an empty command") {
  CheckOk("*0\r\nPING\r\n", {}, 4);
  CheckOk("*-1\r\n", {}, 5);
  CheckOk("*-10\r\n$3\r\n", {}, 6);
  CheckOk("*-9223372036854775808\r\n", {}, 23);
}

TEST_CASE("a malformed multibulk count is an invalid multibulk length") {
  for (std::string_view in :
       {"*\r\n", "*-0\r\n", "*01\r\n", "*+1\r\n", "* 1\r\n", "*1 \r\n", "*1x\r\n", "*-\r\n",
        "*x\r\n", "*99999999999999999999\r\n", "*9223372036854775808\r\n",
        "*-9223372036854775809\r\n", "*000000000000000000001\r\n"}) {
    CheckError(in, kProtoInvalidMultibulkLength);
  }
}

TEST_CASE("multibulk counts up to INT_MAX are accepted, larger ones are invalid") {
  // Redis 7.0 dropped the old 1M-element limit; only > INT_MAX is rejected.
  CheckNeedMore("*1048577\r\n");
  CheckNeedMore("*1073741825\r\n");
  CheckNeedMore("*2147483647\r\n");
  CheckError("*2147483648\r\n", kProtoInvalidMultibulkLength);
}

TEST_CASE("a multibulk count line without CR over 64 KB is too big") {
  CheckNeedMore("*" + std::string(65535, '1'));
  CheckError("*" + std::string(65536, '1'), kProtoTooBigMbulkCount);
}

TEST_CASE("unauthenticated clients may send at most 10 arguments") {
  CheckNeedMore("*10\r\n", Unauthenticated());
  CheckError("*11\r\n", kProtoUnauthMultibulkLength, Unauthenticated());
  CheckNeedMore("*11\r\n");
  // The generic count check comes first.
  CheckError("*2147483648\r\n", kProtoInvalidMultibulkLength, Unauthenticated());
  CheckOk("*-20\r\n", {}, 6, Unauthenticated());
}

TEST_CASE("multibulk with a non-$ bulk header is a protocol error naming the byte") {
  CheckError("*1\r\nx$4\r\nPING\r\n", "ERR Protocol error: expected '$', got 'x'");
  CheckError("*2\r\n$4\r\nPING\r\n*1\r\n$4\r\nPING\r\n",
             "ERR Protocol error: expected '$', got '*'");
  CheckError(std::string("*1\r\n\xff$4\r\nPING\r\n"),
             std::string("ERR Protocol error: expected '$', got '\xff'"));
}

TEST_CASE("a CR or LF in place of '$' is reported as a space") {
  CheckError("*1\r\n\r\n$4\r\nPING\r\n", "ERR Protocol error: expected '$', got ' '");
  CheckError("*1\r\n\n$4\r\nPING\r\n", "ERR Protocol error: expected '$', got ' '");
}

TEST_CASE("a malformed, negative or oversized bulk length is an invalid bulk length") {
  for (std::string_view in :
       {"*1\r\n$-1\r\n", "*1\r\n$\r\n", "*1\r\n$+4\r\n", "*1\r\n$04\r\n", "*1\r\n$ 4\r\n",
        "*1\r\n$4 \r\n", "*1\r\n$4x\r\n", "*1\r\n$-0\r\n", "*1\r\n$536870913\r\n",
        "*1\r\n$9223372036854775807\r\n", "*1\r\n$-9223372036854775808\r\n",
        "*1\r\n$11111111111111111111\r\n"}) {
    CheckError(in, kProtoInvalidBulkLength);
  }
  CheckNeedMore("*1\r\n$536870912\r\n");
}

TEST_CASE("the bulk length limit follows proto_max_bulk_len") {
  ParserLimits limits;
  limits.proto_max_bulk_len = 5;
  CheckOk("*1\r\n$5\r\nhello\r\n", {"hello"}, 15, limits);
  CheckError("*1\r\n$6\r\nhello!\r\n", kProtoInvalidBulkLength, limits);
}

TEST_CASE("unauthenticated clients may send bulks of at most 16384 bytes") {
  CheckNeedMore("*1\r\n$16384\r\n", Unauthenticated());
  CheckError("*1\r\n$16385\r\n", kProtoUnauthBulkLength, Unauthenticated());
  CheckNeedMore("*1\r\n$16385\r\n");
  CheckError("*1\r\n$536870913\r\n", kProtoInvalidBulkLength, Unauthenticated());
  std::string big(16384, 'a');
  std::string req = Multibulk({"SET", "k", big});
  CheckOk(req, {"SET", "k", big}, req.size(), Unauthenticated());
}

TEST_CASE("a bulk length line without CR over 64 KB is too big") {
  CheckNeedMore("*1\r\n" + std::string(65536, '$'));
  CheckError("*1\r\n" + std::string(65537, '$'), kProtoTooBigBulkCount);
  // Measured from the start of the current bulk header, not of the request.
  CheckError("*2\r\n$1\r\na\r\n" + std::string(65537, '$'), kProtoTooBigBulkCount);
  CheckNeedMore("*2\r\n$1\r\na\r\n" + std::string(65536, '$'));
}

TEST_CASE("a header line ends at the first CR and the next byte is not checked") {
  CheckOk("*1\rX$4\rYPING\r\n", {"PING"}, 14);
  CheckNeedMore("*1\r");
  CheckNeedMore("*1\r\n$4\r");
}

TEST_CASE("the two bytes after a bulk payload are skipped unchecked") {
  CheckOk("*1\r\n$4\r\nPINGxy", {"PING"}, 14);
  CheckOk("*1\r\n$4\r\nPINGxyPING\r\n", {"PING"}, 14);
  CheckNeedMore("*1\r\n$4\r\nPINGx");
}

TEST_CASE("a NUL before a header's CR hides the CR, as with Redis's strchr") {
  CheckNeedMore(std::string("*1\0\r\n$4\r\nPING\r\n", 15));
  CheckNeedMore(std::string("*1\r\n$4\0\r\nPING\r\n", 15));
  std::string nuls("*1\r\n$1");
  nuls.append(65537, '\0');
  CheckError(nuls, kProtoTooBigBulkCount);
  std::string count_nuls("*1");
  count_nuls.append(65535, '\0');
  CheckError(count_nuls, kProtoTooBigMbulkCount);
}

TEST_CASE("commands before a protocol error still parse") {
  std::string stream = "PING\r\n*1\r\n$x\r\nPING\r\n";
  RespParser parser;
  ParsedCommand cmd;
  size_t consumed = 0;
  REQUIRE(parser.Parse(stream, &consumed, &cmd) == Status::kOk);
  CHECK(consumed == 6);
  CHECK(cmd.argv.size() == 1);
  std::string_view rest = std::string_view(stream).substr(consumed);
  CHECK(parser.Parse(rest, &consumed, &cmd) == Status::kError);
  CHECK(parser.error() == kProtoInvalidBulkLength);
  CHECK(cmd.argv.empty());
}

TEST_CASE("a reused ParsedCommand holds only the latest request") {
  RespParser parser;
  ParsedCommand cmd;
  size_t consumed = 0;
  REQUIRE(parser.Parse("SET \"a b\" c\r\n", &consumed, &cmd) == Status::kOk);
  CHECK(cmd.argv.size() == 3);
  REQUIRE(parser.Parse("*1\r\n$4\r\nPING\r\n", &consumed, &cmd) == Status::kOk);
  CHECK(cmd.argv.size() == 1);
  CHECK(cmd.storage.empty());
  CHECK(parser.Parse("*2\r\n$4\r\nPING\r\n", &consumed, &cmd) == Status::kNeedMore);
  CHECK(cmd.argv.empty());
  CHECK(consumed == 0);
}

// ---- Inline ----

TEST_CASE("an empty input needs more") { CheckNeedMore(""); }

TEST_CASE("inline commands end at LF with an optional CR before it") {
  CheckOk("PING\r\n", {"PING"}, 6);
  CheckOk("PING\n", {"PING"}, 5);
  CheckOk("SET a b\nGET a\n", {"SET", "a", "b"}, 8);
  // Only one CR is stripped; the other ends the token.
  CheckOk("ECHO a\r\r\n", {"ECHO", "a"}, 9);
  CheckNeedMore("PING");
  CheckNeedMore("PING\r");
}

TEST_CASE("empty and blank inline lines give an empty argv") {
  CheckOk("\r\n", {}, 2);
  CheckOk("\n", {}, 1);
  CheckOk("  \t \r\nPING\r\n", {}, 6);
}

TEST_CASE("inline tokens are split on spaces, tabs and CR but not inside on VT or FF") {
  CheckInline("  SET\tkey   value  ", {"SET", "key", "value"});
  CheckInline("a\rb", {"a", "b"});
  CheckInline("ECHO a\vb", {"ECHO", "a\vb"});
  CheckInline("ECHO x\fy", {"ECHO", "x\fy"});
  // Leading VT/FF are skipped as blanks (isspace).
  CheckInline("\vECHO \fx", {"ECHO", "x"});
  CheckInline("ECHO \xa0x", {"ECHO", "\xa0x"});
}

TEST_CASE("double quotes support C escapes and \\xHH bytes") {
  CheckInline("ECHO \"a\\x41b\"", {"ECHO", "aAb"});
  CheckInline("ECHO \"a\\x4a\"", {"ECHO", "aJ"});
  CheckInline("ECHO \"\\xZZ\\t\\b\\a\\n\\r\"", {"ECHO", "xZZ\t\b\a\n\r"});
  CheckInline("ECHO \"\\x4\"", {"ECHO", "x4"});
  CheckInline("ECHO \"a\\qb\"", {"ECHO", "aqb"});
  CheckInline("ECHO \"say \\\"hi\\\" \\\\ ok\"", {"ECHO", "say \"hi\" \\ ok"});
  CheckInline("ECHO \"a'b\"", {"ECHO", "a'b"});
  CheckInline("ECHO \"\\x00\"", {"ECHO", std::string(1, '\0')});
  CheckInline("ECHO \"a\rb\"", {"ECHO", "a\rb"});
}

TEST_CASE("single quotes only unescape \\'") {
  CheckInline("ECHO 'a\\'b'", {"ECHO", "a'b"});
  CheckInline("ECHO 'a\\nb'", {"ECHO", "a\\nb"});
  CheckInline("ECHO 'a\"b'", {"ECHO", "a\"b"});
}

TEST_CASE("quoted parts join the bare text before them") {
  CheckInline("ECHO a\"b c\"", {"ECHO", "ab c"});
  CheckInline("ECHO a'b c' d", {"ECHO", "ab c", "d"});
  CheckInline("ECHO \"\"", {"ECHO", ""});
  CheckInline("ECHO '' x", {"ECHO", "", "x"});
  CheckInline("ECHO \"a\"\vX", {"ECHO", "a", "X"});
}

TEST_CASE("inline quoting errors are unbalanced quotes") {
  for (std::string_view line :
       {"ECHO \"abc", "ECHO 'abc", "ECHO \"a\"b", "ECHO 'a'b", "ECHO \"a\\\"", "ECHO 'a\\'",
        "ECHO 'a'\"b\"", "ECHO \"a\"\"b\"", "ECHO \"a\\", "\""}) {
    CheckError(std::string(line) + "\r\n", kProtoUnbalancedQuotes);
  }
}

TEST_CASE("quoted inline arguments live in storage, bare ones in the input") {
  std::string req = "SET \"k\\x41\" value\r\n";
  RespParser parser;
  ParsedCommand cmd;
  size_t consumed = 0;
  REQUIRE(parser.Parse(req, &consumed, &cmd) == Status::kOk);
  REQUIRE(cmd.argv.size() == 3);
  CHECK(cmd.argv[0].data() == req.data());
  CHECK(cmd.argv[1] == "kA");
  CHECK(cmd.argv[1].data() >= cmd.storage.data());
  CHECK(cmd.argv[1].data() < cmd.storage.data() + cmd.storage.size());
  CHECK(cmd.argv[2].data() == req.data() + 12);
}

TEST_CASE("many quoted inline arguments all stay valid") {
  std::string line = "RPUSH";
  Args expected = {"RPUSH"};
  for (int i = 0; i < 50; ++i) {
    line += " \"v" + std::to_string(i) + "\\n\"";
    expected.push_back("v" + std::to_string(i) + "\n");
  }
  CheckInline(line, expected);
}

TEST_CASE("an inline line without LF over 64 KB is too big") {
  CheckNeedMore(std::string(65536, 'a'));
  CheckError(std::string(65537, 'a'), kProtoTooBigInline);
  std::string long_line = std::string(70000, 'a') + "\n";
  CheckOk(long_line, {std::string(70000, 'a')}, long_line.size());
}

TEST_CASE("a NUL before the inline LF hides the LF, as with Redis's strchr") {
  CheckNeedMore(std::string("PING\0\r\n", 7));
  std::string stuck("PING\0\r\n", 7);
  stuck.append(65530, 'a');
  CheckError(stuck, kProtoTooBigInline);
}

TEST_CASE("inline commands have no unauthenticated limits") {
  std::string line = "RPUSH k";
  for (int i = 0; i < 20; ++i) line += " " + std::string(20000, 'x');
  line += "\r\n";
  Outcome out = ParseOne(line, Unauthenticated());
  CHECK(out.status == Status::kOk);
  CHECK(out.argv.size() == 22);
}

TEST_CASE("SplitInlineArgs follows sdssplitargs and stops at a NUL") {
  Args out;
  REQUIRE(SplitInlineArgs("set \"a b\" 'c\\'d' e\\x41", &out));
  CHECK(out == Args{"set", "a b", "c'd", "e\\x41"});
  REQUIRE(SplitInlineArgs(std::string_view("a b\0c d", 7), &out));
  CHECK(out == Args{"a", "b"});
  REQUIRE(SplitInlineArgs("", &out));
  CHECK(out.empty());
  CHECK_FALSE(SplitInlineArgs("\"open", &out));
  CHECK_FALSE(SplitInlineArgs(std::string_view("\"x\0\"", 4), &out));
}

}  // namespace
}  // namespace tandem::protocol
