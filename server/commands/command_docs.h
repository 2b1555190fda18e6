// Static metadata for every Redis 7.0 command, as COMMAND INFO and COMMAND DOCS report it:
// argument trees, key specifications, tips, ACL categories, history, and our own short
// summaries. The data lives in command_docs_data.cc, generated (whole) by
// tools/gen_command_docs.py from a running redis-server 7.0.15 (summaries, complexity, history
// and key-spec notes come from tools/command_summaries.tsv, written in Tandem's own words);
// command_docs.cc holds the code that reads it. Everything is immutable and has static
// storage duration, so any thread may read it without locking.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "protocol/reply_builder.h"

namespace tandem::commands {

// The argument types COMMAND DOCS reports ("type" field).
enum class ArgType : uint8_t {
  kString,
  kInteger,
  kDouble,
  kKey,
  kPattern,
  kUnixTime,
  kPureToken,
  kOneOf,
  kBlock,
};
std::string_view ArgTypeName(ArgType type);

// ArgDoc::flags bits, reported in this order.
enum ArgFlag : uint8_t {
  kArgOptional = 1 << 0,
  kArgMultiple = 1 << 1,
  kArgMultipleToken = 1 << 2,
};

// Optional string fields here and below are absent when default-constructed (data() is
// nullptr) and present, possibly empty, otherwise: MIGRATE's key argument alternative
// "empty_string" has the token "", which COMMAND DOCS does send.

// One node of a command's argument tree. kOneOf and kBlock nodes have children in `args`.
struct ArgDoc {
  std::string_view name = {};
  ArgType type = ArgType::kString;
  int key_spec_index = -1;  // index into CommandDoc::key_specs, -1 when not a key
  std::string_view token = {};
  std::string_view summary = {};
  std::string_view since = {};
  std::string_view deprecated_since = {};
  uint8_t flags = 0;  // ArgFlag bits
  std::span<const ArgDoc> args = {};
};

// KeySpecDoc::flags bits, reported in this order (Redis CMD_KEY_*).
enum KeySpecFlag : uint16_t {
  kKeyRO = 1 << 0,
  kKeyRW = 1 << 1,
  kKeyOW = 1 << 2,
  kKeyRM = 1 << 3,
  kKeyAccess = 1 << 4,
  kKeyUpdate = 1 << 5,
  kKeyInsert = 1 << 6,
  kKeyDelete = 1 << 7,
  kKeyNotKey = 1 << 8,
  kKeyIncomplete = 1 << 9,
  kKeyVariableFlags = 1 << 10,
};

enum class BeginSearchType : uint8_t { kUnknown, kIndex, kKeyword };
enum class FindKeysType : uint8_t { kUnknown, kRange, kKeynum };

// Where the first key is: argv[index], or after `keyword` searched from `startfrom`
// (negative: from the end, backwards).
struct BeginSearch {
  BeginSearchType type = BeginSearchType::kUnknown;
  int index = 0;                  // kIndex
  std::string_view keyword = {};  // kKeyword
  int startfrom = 0;              // kKeyword
};

// Which arguments after the begin-search point are keys.
struct FindKeys {
  FindKeysType type = FindKeysType::kUnknown;
  int lastkey = 0;    // kRange: relative to the begin point; negative counts from the end
  int keystep = 0;    // kRange and kKeynum
  int limit = 0;      // kRange
  int keynumidx = 0;  // kKeynum: where the key count is, relative to the begin point
  int firstkey = 0;   // kKeynum: first key, relative to the begin point
};

struct KeySpecDoc {
  std::string_view notes = {};
  uint16_t flags = 0;  // KeySpecFlag bits
  BeginSearch begin_search = {};
  FindKeys find_keys = {};
};

// CommandDoc::doc_flags bits, reported in this order.
enum DocFlag : uint8_t {
  kDocDeprecated = 1 << 0,
  kDocSyscmd = 1 << 1,
};

struct HistoryDoc {
  std::string_view version = {};
  std::string_view description = {};
};

struct CommandDoc {
  std::string_view name = {};  // lowercase; "parent|sub" for subcommands
  // COMMAND INFO facts (also in the command table; kept here for cross-checks).
  int arity = 0;
  std::span<const std::string_view> flags = {};  // e.g. "write", "denyoom"
  int first_key = 0;
  int last_key = 0;
  int step = 0;
  std::span<const std::string_view> acl_categories = {};  // e.g. "@write", "@string"
  std::span<const std::string_view> tips = {};            // e.g. "nondeterministic_output"
  std::span<const KeySpecDoc> key_specs = {};
  // COMMAND DOCS fields; absent strings are omitted from replies, as Redis does.
  std::string_view summary = {};
  std::string_view since = {};
  std::string_view group = {};
  std::string_view complexity = {};
  uint8_t doc_flags = 0;  // DocFlag bits
  std::string_view deprecated_since = {};
  std::string_view replaced_by = {};
  std::span<const HistoryDoc> history = {};
  std::span<const ArgDoc> args = {};
  std::span<const CommandDoc> subcommands = {};  // sorted by name
};

// Looks up "get" or "client|kill" (lowercase). Returns nullptr for unknown names.
const CommandDoc* FindCommandDoc(std::string_view lowercase_name);

// All top-level commands, sorted by name; subcommands hang off their parent. Defined in the
// generated command_docs_data.cc.
std::span<const CommandDoc> AllCommandDocs();

// COMMAND INFO element 7: the ACL categories, a set of status strings.
void WriteAclCategories(const CommandDoc& doc, protocol::ReplyBuilder& rb);
// COMMAND INFO element 8: the tips, a set of bulk strings.
void WriteTips(const CommandDoc& doc, protocol::ReplyBuilder& rb);
// KeySpecFlag bits as a set of status strings ("RW", "access", ...), in Redis's order.
void WriteKeySpecFlags(uint16_t flags, protocol::ReplyBuilder& rb);
// COMMAND INFO element 9: the key specifications, a set of maps.
void WriteKeySpecs(const CommandDoc& doc, protocol::ReplyBuilder& rb);
// The value Redis pairs with a command's name in COMMAND DOCS: a map of summary, since,
// group, complexity, doc_flags, deprecated_since, replaced_by, history, arguments and, for
// containers when include_subcommands is set, subcommands (name -> the same map).
// Redis orders subcommands by hash; we send them sorted by name.
void WriteDocs(const CommandDoc& doc, protocol::ReplyBuilder& rb, bool include_subcommands);

}  // namespace tandem::commands
