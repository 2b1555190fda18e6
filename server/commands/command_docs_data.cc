// GENERATED FILE: do not edit by hand. Regenerate with tools/gen_command_docs.py, which
// reads COMMAND INFO and COMMAND DOCS from redis-server 7.0.15, and check the result
// with tools/gen_command_docs.py --verify.
// Summaries, complexity, history and notes: tools/command_summaries.tsv (our own words).
// Commands: all of redis-7.0-commands.tsv.
// The types are in command_docs.h; the code that reads the data is command_docs.cc.
#include "server/commands/command_docs.h"

namespace tandem::commands {
namespace {

// clang-format off
using SV = std::string_view;
using T = ArgType;
using BS = BeginSearchType;
using FK = FindKeysType;

constexpr SV kS0[] = {"noscript", "loading", "stale"};
constexpr SV kS1[] = {"@slow"};
constexpr ArgDoc kA0[] = {
    {.name = "categoryname", .type = T::kString, .flags = kArgOptional}
};
constexpr SV kS2[] = {"admin", "noscript", "loading", "stale"};
constexpr SV kS3[] = {"@admin", "@slow", "@dangerous"};
constexpr ArgDoc kA1[] = {
    {.name = "username", .type = T::kString, .flags = kArgMultiple}
};
constexpr ArgDoc kA2[] = {
    {.name = "username", .type = T::kString},
    {.name = "command", .type = T::kString},
    {.name = "arg", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr ArgDoc kA3[] = {
    {.name = "bits", .type = T::kInteger, .flags = kArgOptional}
};
constexpr HistoryDoc kH0[] = {
    {"6.2.0", "Reports Pub/Sub channel patterns."},
    {"7.0.0", "Reports selectors; key and channel patterns are shown as rules instead of lists."}
};
constexpr ArgDoc kA4[] = {
    {.name = "username", .type = T::kString}
};
constexpr SV kS4[] = {"loading", "stale"};
constexpr ArgDoc kA5[] = {
    {.name = "count", .type = T::kInteger},
    {.name = "reset", .type = T::kPureToken, .token = "RESET"}
};
constexpr ArgDoc kA6[] = {
    {.name = "operation", .type = T::kOneOf, .flags = kArgOptional, .args = kA5}
};
constexpr HistoryDoc kH1[] = {
    {"6.2.0", "Accepts Pub/Sub channel patterns."},
    {"7.0.0", "Accepts selectors and key permissions."}
};
constexpr ArgDoc kA7[] = {
    {.name = "username", .type = T::kString},
    {.name = "rule", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr CommandDoc kC0[] = {
    {.name = "acl|cat", .arity = -2, .flags = kS0, .acl_categories = kS1,
       .summary = "Lists the ACL categories, or the commands that belong to one category.",
       .since = "6.0.0", .group = "server",
       .complexity = "O(1): the categories and commands form a fixed set.", .args = kA0},
    {.name = "acl|deluser", .arity = -3, .flags = kS2, .acl_categories = kS3,
       .summary = "Deletes ACL users and the rules attached to them.", .since = "6.0.0",
       .group = "server", .complexity = "O(1) amortized for typical users.", .args = kA1},
    {.name = "acl|dryrun", .arity = -4, .flags = kS2, .acl_categories = kS3,
       .summary = "Tells whether a user could run a command, without running it.", .since = "7.0.0",
       .group = "server", .complexity = "O(1)", .args = kA2},
    {.name = "acl|genpass", .arity = -2, .flags = kS0, .acl_categories = kS1,
       .summary = "Returns a random, cryptographically strong password for ACL users.",
       .since = "6.0.0", .group = "server", .complexity = "O(1)", .args = kA3},
    {.name = "acl|getuser", .arity = 3, .flags = kS2, .acl_categories = kS3,
       .summary = "Returns the rules of one ACL user.", .since = "6.0.0", .group = "server",
       .complexity = "O(N), N being the count of password, command and pattern rules of the user.",
       .history = kH0, .args = kA4},
    {.name = "acl|help", .arity = 2, .flags = kS4, .acl_categories = kS1,
       .summary = "Describes the ACL subcommands.", .since = "6.0.0", .group = "server",
       .complexity = "O(1)"},
    {.name = "acl|list", .arity = 2, .flags = kS2, .acl_categories = kS3,
       .summary = "Returns the current ACL rules in the format of an ACL file.", .since = "6.0.0",
       .group = "server", .complexity = "O(N), N being the number of users."},
    {.name = "acl|load", .arity = 2, .flags = kS2, .acl_categories = kS3,
       .summary = "Reloads the ACL rules from the configured ACL file.", .since = "6.0.0",
       .group = "server", .complexity = "O(N), N being the number of users."},
    {.name = "acl|log", .arity = -2, .flags = kS2, .acl_categories = kS3,
       .summary = "Lists recent commands and authentications that the ACLs refused.",
       .since = "6.0.0", .group = "server",
       .complexity = "O(N), N being the number of entries returned.", .args = kA6},
    {.name = "acl|save", .arity = 2, .flags = kS2, .acl_categories = kS3,
       .summary = "Writes the current ACL rules to the configured ACL file.", .since = "6.0.0",
       .group = "server", .complexity = "O(N), N being the number of users."},
    {.name = "acl|setuser", .arity = -3, .flags = kS2, .acl_categories = kS3,
       .summary = "Creates an ACL user or changes its rules.", .since = "6.0.0", .group = "server",
       .complexity = "O(N), N being the number of rules given.", .history = kH1, .args = kA7},
    {.name = "acl|users", .arity = 2, .flags = kS2, .acl_categories = kS3,
       .summary = "Returns the names of all ACL users.", .since = "6.0.0", .group = "server",
       .complexity = "O(N), N being the number of users."},
    {.name = "acl|whoami", .arity = 2, .flags = kS0, .acl_categories = kS1,
       .summary = "Returns the user name the current connection is authenticated as.",
       .since = "6.0.0", .group = "server", .complexity = "O(1)"}
};
constexpr SV kS5[] = {"write", "denyoom", "fast"};
constexpr SV kS6[] = {"@write", "@string", "@fast"};
constexpr KeySpecDoc kK0[] = {
    {.flags = kKeyRW | kKeyInsert, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA8[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "value", .type = T::kString}
};
constexpr SV kS7[] = {"fast"};
constexpr SV kS8[] = {"@fast", "@connection"};
constexpr SV kS9[] = {"noscript", "loading", "stale", "fast", "no_auth", "allow_busy"};
constexpr HistoryDoc kH2[] = {
    {"6.0.0", "Accepts a user name along with the password (ACL style)."}
};
constexpr ArgDoc kA9[] = {
    {.name = "username", .type = T::kString, .since = "6.0.0", .flags = kArgOptional},
    {.name = "password", .type = T::kString}
};
constexpr SV kS10[] = {"admin", "noscript", "no_async_loading"};
constexpr HistoryDoc kH3[] = {
    {"3.2.2", "Accepts SCHEDULE."}
};
constexpr ArgDoc kA10[] = {
    {.name = "schedule", .type = T::kPureToken, .token = "SCHEDULE", .since = "3.2.2",
       .flags = kArgOptional}
};
constexpr SV kS11[] = {"readonly"};
constexpr SV kS12[] = {"@read", "@bitmap", "@slow"};
constexpr KeySpecDoc kK1[] = {
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH4[] = {
    {"7.0.0", "Accepts a BYTE or BIT unit for the range."}
};
constexpr ArgDoc kA11[] = {
    {.name = "byte", .type = T::kPureToken, .token = "BYTE"},
    {.name = "bit", .type = T::kPureToken, .token = "BIT"}
};
constexpr ArgDoc kA12[] = {
    {.name = "start", .type = T::kInteger},
    {.name = "end", .type = T::kInteger},
    {.name = "index_unit", .type = T::kOneOf, .since = "7.0.0", .flags = kArgOptional, .args = kA11}
};
constexpr ArgDoc kA13[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "index", .type = T::kBlock, .flags = kArgOptional, .args = kA12}
};
constexpr SV kS13[] = {"write", "denyoom"};
constexpr SV kS14[] = {"@write", "@bitmap", "@slow"};
constexpr KeySpecDoc kK2[] = {
    {.notes = "Reads and writes the key.",
       .flags = kKeyRW | kKeyAccess | kKeyUpdate | kKeyVariableFlags,
       .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA14[] = {
    {.name = "encoding", .type = T::kString},
    {.name = "offset", .type = T::kInteger}
};
constexpr ArgDoc kA15[] = {
    {.name = "wrap", .type = T::kPureToken, .token = "WRAP"},
    {.name = "sat", .type = T::kPureToken, .token = "SAT"},
    {.name = "fail", .type = T::kPureToken, .token = "FAIL"}
};
constexpr ArgDoc kA16[] = {
    {.name = "encoding", .type = T::kString},
    {.name = "offset", .type = T::kInteger},
    {.name = "value", .type = T::kInteger}
};
constexpr ArgDoc kA17[] = {
    {.name = "encoding", .type = T::kString},
    {.name = "offset", .type = T::kInteger},
    {.name = "increment", .type = T::kInteger}
};
constexpr ArgDoc kA18[] = {
    {.name = "encoding_offset_value", .type = T::kBlock, .token = "SET", .args = kA16},
    {.name = "encoding_offset_increment", .type = T::kBlock, .token = "INCRBY", .args = kA17}
};
constexpr ArgDoc kA19[] = {
    {.name = "wrap_sat_fail", .type = T::kOneOf, .token = "OVERFLOW", .flags = kArgOptional,
       .args = kA15},
    {.name = "write_operation", .type = T::kOneOf, .args = kA18}
};
constexpr ArgDoc kA20[] = {
    {.name = "encoding_offset", .type = T::kBlock, .token = "GET", .args = kA14},
    {.name = "write", .type = T::kBlock, .args = kA19}
};
constexpr ArgDoc kA21[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "operation", .type = T::kOneOf, .flags = kArgOptional | kArgMultiple, .args = kA20}
};
constexpr SV kS15[] = {"readonly", "fast"};
constexpr SV kS16[] = {"@read", "@bitmap", "@fast"};
constexpr ArgDoc kA22[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "encoding_offset", .type = T::kBlock, .token = "GET",
       .flags = kArgOptional | kArgMultiple | kArgMultipleToken, .args = kA14}
};
constexpr KeySpecDoc kK3[] = {
    {.flags = kKeyOW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 3},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA23[] = {
    {.name = "operation", .type = T::kString},
    {.name = "destkey", .type = T::kKey, .key_spec_index = 0},
    {.name = "key", .type = T::kKey, .key_spec_index = 1, .flags = kArgMultiple}
};
constexpr ArgDoc kA24[] = {
    {.name = "end", .type = T::kInteger},
    {.name = "index_unit", .type = T::kOneOf, .since = "7.0.0", .flags = kArgOptional, .args = kA11}
};
constexpr ArgDoc kA25[] = {
    {.name = "start", .type = T::kInteger},
    {.name = "end_index", .type = T::kBlock, .flags = kArgOptional, .args = kA24}
};
constexpr ArgDoc kA26[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "bit", .type = T::kInteger},
    {.name = "index", .type = T::kBlock, .flags = kArgOptional, .args = kA25}
};
constexpr SV kS17[] = {"write", "denyoom", "noscript", "blocking"};
constexpr SV kS18[] = {"@write", "@list", "@slow", "@blocking"};
constexpr KeySpecDoc kK4[] = {
    {.flags = kKeyRW | kKeyAccess | kKeyDelete, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyRW | kKeyInsert, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA27[] = {
    {.name = "left", .type = T::kPureToken, .token = "LEFT"},
    {.name = "right", .type = T::kPureToken, .token = "RIGHT"}
};
constexpr ArgDoc kA28[] = {
    {.name = "source", .type = T::kKey, .key_spec_index = 0},
    {.name = "destination", .type = T::kKey, .key_spec_index = 1},
    {.name = "wherefrom", .type = T::kOneOf, .args = kA27},
    {.name = "whereto", .type = T::kOneOf, .args = kA27},
    {.name = "timeout", .type = T::kDouble}
};
constexpr SV kS19[] = {"write", "blocking", "movablekeys"};
constexpr KeySpecDoc kK5[] = {
    {.flags = kKeyRW | kKeyAccess | kKeyDelete, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kKeynum, .keystep = 1, .keynumidx = 0, .firstkey = 1}}
};
constexpr ArgDoc kA29[] = {
    {.name = "timeout", .type = T::kDouble},
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgMultiple},
    {.name = "where", .type = T::kOneOf, .args = kA27},
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional}
};
constexpr SV kS20[] = {"write", "noscript", "blocking"};
constexpr KeySpecDoc kK6[] = {
    {.flags = kKeyRW | kKeyAccess | kKeyDelete, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = -2, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH5[] = {
    {"6.0.0", "The timeout may be fractional."}
};
constexpr ArgDoc kA30[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgMultiple},
    {.name = "timeout", .type = T::kDouble}
};
constexpr ArgDoc kA31[] = {
    {.name = "source", .type = T::kKey, .key_spec_index = 0},
    {.name = "destination", .type = T::kKey, .key_spec_index = 1},
    {.name = "timeout", .type = T::kDouble}
};
constexpr SV kS21[] = {"@write", "@sortedset", "@slow", "@blocking"};
constexpr ArgDoc kA32[] = {
    {.name = "min", .type = T::kPureToken, .token = "MIN"},
    {.name = "max", .type = T::kPureToken, .token = "MAX"}
};
constexpr ArgDoc kA33[] = {
    {.name = "timeout", .type = T::kDouble},
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgMultiple},
    {.name = "where", .type = T::kOneOf, .args = kA32},
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional}
};
constexpr SV kS22[] = {"write", "noscript", "blocking", "fast"};
constexpr SV kS23[] = {"@write", "@sortedset", "@fast", "@blocking"};
constexpr SV kS24[] = {"@slow", "@connection"};
constexpr ArgDoc kA34[] = {
    {.name = "yes", .type = T::kPureToken, .token = "YES"},
    {.name = "no", .type = T::kPureToken, .token = "NO"}
};
constexpr ArgDoc kA35[] = {
    {.name = "mode", .type = T::kOneOf, .args = kA34}
};
constexpr SV kS25[] = {"nondeterministic_output"};
constexpr SV kS26[] = {"@admin", "@slow", "@dangerous", "@connection"};
constexpr HistoryDoc kH6[] = {
    {"2.8.12", "Accepts filters given as name/value pairs."},
    {"2.8.12", "Accepts the ID filter."},
    {"3.2.0", "The TYPE filter accepts master."},
    {"5.0.0", "The TYPE filter accepts replica; slave remains an alias."},
    {"6.2.0", "Accepts the LADDR filter."}
};
constexpr ArgDoc kA36[] = {
    {.name = "normal", .type = T::kPureToken, .token = "NORMAL"},
    {.name = "master", .type = T::kPureToken, .token = "MASTER", .since = "3.2.0"},
    {.name = "slave", .type = T::kPureToken, .token = "SLAVE"},
    {.name = "replica", .type = T::kPureToken, .token = "REPLICA", .since = "5.0.0"},
    {.name = "pubsub", .type = T::kPureToken, .token = "PUBSUB"}
};
constexpr ArgDoc kA37[] = {
    {.name = "client-id", .type = T::kInteger, .token = "ID", .since = "2.8.12",
       .flags = kArgOptional},
    {.name = "normal_master_slave_pubsub", .type = T::kOneOf, .token = "TYPE", .since = "2.8.12",
       .flags = kArgOptional, .args = kA36},
    {.name = "username", .type = T::kString, .token = "USER", .flags = kArgOptional},
    {.name = "ip:port", .type = T::kString, .token = "ADDR", .flags = kArgOptional},
    {.name = "ip:port", .type = T::kString, .token = "LADDR", .since = "6.2.0",
       .flags = kArgOptional},
    {.name = "yes/no", .type = T::kString, .token = "SKIPME", .flags = kArgOptional}
};
constexpr ArgDoc kA38[] = {
    {.name = "ip:port", .type = T::kString, .deprecated_since = "2.8.12"},
    {.name = "new-format", .type = T::kOneOf, .flags = kArgMultiple, .args = kA37}
};
constexpr ArgDoc kA39[] = {
    {.name = "filter", .type = T::kOneOf, .args = kA38}
};
constexpr HistoryDoc kH7[] = {
    {"2.8.12", "Reports the client id."},
    {"5.0.0", "Accepts the TYPE filter."},
    {"6.0.0", "Reports the user."},
    {"6.2.0", "Reports argv-mem, tot-mem, laddr and redir; accepts the ID filter."},
    {"7.0.0", "Reports resp, multi-mem, rbs and rbp."},
    {"7.0.3", "Reports ssub."}
};
constexpr ArgDoc kA40[] = {
    {.name = "normal", .type = T::kPureToken, .token = "NORMAL"},
    {.name = "master", .type = T::kPureToken, .token = "MASTER"},
    {.name = "replica", .type = T::kPureToken, .token = "REPLICA"},
    {.name = "pubsub", .type = T::kPureToken, .token = "PUBSUB"}
};
constexpr ArgDoc kA41[] = {
    {.name = "client-id", .type = T::kInteger, .flags = kArgMultiple}
};
constexpr ArgDoc kA42[] = {
    {.name = "normal_master_replica_pubsub", .type = T::kOneOf, .token = "TYPE", .since = "5.0.0",
       .flags = kArgOptional, .args = kA40},
    {.name = "id", .type = T::kBlock, .token = "ID", .since = "6.2.0", .flags = kArgOptional,
       .args = kA41}
};
constexpr ArgDoc kA43[] = {
    {.name = "on", .type = T::kPureToken, .token = "ON"},
    {.name = "off", .type = T::kPureToken, .token = "OFF"}
};
constexpr ArgDoc kA44[] = {
    {.name = "enabled", .type = T::kOneOf, .args = kA43}
};
constexpr HistoryDoc kH8[] = {
    {"6.2.0", "Accepts a mode; WRITE pauses only writes."}
};
constexpr ArgDoc kA45[] = {
    {.name = "write", .type = T::kPureToken, .token = "WRITE"},
    {.name = "all", .type = T::kPureToken, .token = "ALL"}
};
constexpr ArgDoc kA46[] = {
    {.name = "timeout", .type = T::kInteger},
    {.name = "mode", .type = T::kOneOf, .since = "6.2.0", .flags = kArgOptional, .args = kA45}
};
constexpr ArgDoc kA47[] = {
    {.name = "on", .type = T::kPureToken, .token = "ON"},
    {.name = "off", .type = T::kPureToken, .token = "OFF"},
    {.name = "skip", .type = T::kPureToken, .token = "SKIP"}
};
constexpr ArgDoc kA48[] = {
    {.name = "on_off_skip", .type = T::kOneOf, .args = kA47}
};
constexpr ArgDoc kA49[] = {
    {.name = "connection-name", .type = T::kString}
};
constexpr ArgDoc kA50[] = {
    {.name = "status", .type = T::kOneOf, .args = kA43},
    {.name = "client-id", .type = T::kInteger, .token = "REDIRECT", .flags = kArgOptional},
    {.name = "prefix", .type = T::kString, .token = "PREFIX",
       .flags = kArgOptional | kArgMultiple | kArgMultipleToken},
    {.name = "bcast", .type = T::kPureToken, .token = "BCAST", .flags = kArgOptional},
    {.name = "optin", .type = T::kPureToken, .token = "OPTIN", .flags = kArgOptional},
    {.name = "optout", .type = T::kPureToken, .token = "OPTOUT", .flags = kArgOptional},
    {.name = "noloop", .type = T::kPureToken, .token = "NOLOOP", .flags = kArgOptional}
};
constexpr ArgDoc kA51[] = {
    {.name = "timeout", .type = T::kPureToken, .token = "TIMEOUT"},
    {.name = "error", .type = T::kPureToken, .token = "ERROR"}
};
constexpr ArgDoc kA52[] = {
    {.name = "client-id", .type = T::kInteger},
    {.name = "timeout_error", .type = T::kOneOf, .flags = kArgOptional, .args = kA51}
};
constexpr CommandDoc kC1[] = {
    {.name = "client|caching", .arity = 3, .flags = kS0, .acl_categories = kS24,
       .summary = "Tells the server whether to track the keys read by the next command.",
       .since = "6.0.0", .group = "connection", .complexity = "O(1)", .args = kA35},
    {.name = "client|getname", .arity = 2, .flags = kS0, .acl_categories = kS24,
       .summary = "Returns the name of the current connection.", .since = "2.6.9",
       .group = "connection", .complexity = "O(1)"},
    {.name = "client|getredir", .arity = 2, .flags = kS0, .acl_categories = kS24,
       .summary = "Returns the ID of the client that receives this connection's tracking notifications, if any.",
       .since = "6.0.0", .group = "connection", .complexity = "O(1)"},
    {.name = "client|help", .arity = 2, .flags = kS4, .acl_categories = kS24,
       .summary = "Describes the CLIENT subcommands.", .since = "5.0.0", .group = "connection",
       .complexity = "O(1)"},
    {.name = "client|id", .arity = 2, .flags = kS0, .acl_categories = kS24,
       .summary = "Returns the ID of the current connection.", .since = "5.0.0",
       .group = "connection", .complexity = "O(1)"},
    {.name = "client|info", .arity = 2, .flags = kS0, .acl_categories = kS24, .tips = kS25,
       .summary = "Describes the current connection.", .since = "6.2.0", .group = "connection",
       .complexity = "O(1)"},
    {.name = "client|kill", .arity = -3, .flags = kS2, .acl_categories = kS26,
       .summary = "Closes the connections of the matching clients.", .since = "2.4.0",
       .group = "connection", .complexity = "O(N), N being the number of connected clients.",
       .history = kH6, .args = kA39},
    {.name = "client|list", .arity = -2, .flags = kS2, .acl_categories = kS26, .tips = kS25,
       .summary = "Lists the connected clients.", .since = "2.4.0", .group = "connection",
       .complexity = "O(N), N being the number of connected clients.", .history = kH7, .args = kA42},
    {.name = "client|no-evict", .arity = 3, .flags = kS2, .acl_categories = kS26,
       .summary = "Exempts the current connection from client eviction, or makes it eligible again.",
       .since = "7.0.0", .group = "connection", .complexity = "O(1)", .args = kA44},
    {.name = "client|pause", .arity = -3, .flags = kS2, .acl_categories = kS26,
       .summary = "Suspends command processing for all clients for a while.", .since = "2.9.50",
       .group = "connection", .complexity = "O(1)", .history = kH8, .args = kA46},
    {.name = "client|reply", .arity = 3, .flags = kS0, .acl_categories = kS24,
       .summary = "Turns the server's replies to this connection on or off, or skips the next one.",
       .since = "3.2.0", .group = "connection", .complexity = "O(1)", .args = kA48},
    {.name = "client|setname", .arity = 3, .flags = kS0, .acl_categories = kS24,
       .summary = "Names the current connection.", .since = "2.6.9", .group = "connection",
       .complexity = "O(1)", .args = kA49},
    {.name = "client|tracking", .arity = -3, .flags = kS0, .acl_categories = kS24,
       .summary = "Turns server-assisted client-side caching on or off for this connection.",
       .since = "6.0.0", .group = "connection", .complexity = "O(1); some options add work.",
       .args = kA50},
    {.name = "client|trackinginfo", .arity = 2, .flags = kS0, .acl_categories = kS24,
       .summary = "Describes the client-side caching state of this connection.", .since = "6.2.0",
       .group = "connection", .complexity = "O(1)"},
    {.name = "client|unblock", .arity = -3, .flags = kS2, .acl_categories = kS26,
       .summary = "Wakes a client that is blocked on a blocking command.", .since = "5.0.0",
       .group = "connection", .complexity = "O(log(N)), N being the number of connected clients.",
       .args = kA52},
    {.name = "client|unpause", .arity = 2, .flags = kS2, .acl_categories = kS26,
       .summary = "Resumes command processing for paused clients.", .since = "6.2.0",
       .group = "connection", .complexity = "O(N), N being the number of paused clients."}
};
constexpr SV kS27[] = {"admin", "stale", "no_async_loading"};
constexpr ArgDoc kA53[] = {
    {.name = "slot", .type = T::kInteger, .flags = kArgMultiple}
};
constexpr ArgDoc kA54[] = {
    {.name = "start-slot", .type = T::kInteger},
    {.name = "end-slot", .type = T::kInteger}
};
constexpr ArgDoc kA55[] = {
    {.name = "start-slot_end-slot", .type = T::kBlock, .flags = kArgMultiple, .args = kA54}
};
constexpr SV kS28[] = {"admin", "stale"};
constexpr ArgDoc kA56[] = {
    {.name = "node-id", .type = T::kString}
};
constexpr SV kS29[] = {"stale"};
constexpr ArgDoc kA57[] = {
    {.name = "slot", .type = T::kInteger}
};
constexpr ArgDoc kA58[] = {
    {.name = "force", .type = T::kPureToken, .token = "FORCE"},
    {.name = "takeover", .type = T::kPureToken, .token = "TAKEOVER"}
};
constexpr ArgDoc kA59[] = {
    {.name = "options", .type = T::kOneOf, .flags = kArgOptional, .args = kA58}
};
constexpr ArgDoc kA60[] = {
    {.name = "slot", .type = T::kInteger},
    {.name = "count", .type = T::kInteger}
};
constexpr ArgDoc kA61[] = {
    {.name = "key", .type = T::kString}
};
constexpr HistoryDoc kH9[] = {
    {"4.0.0", "Accepts the cluster bus port."}
};
constexpr ArgDoc kA62[] = {
    {.name = "ip", .type = T::kString},
    {.name = "port", .type = T::kInteger},
    {.name = "cluster_bus_port", .type = T::kInteger, .since = "4.0.0", .flags = kArgOptional}
};
constexpr SV kS30[] = {"admin", "noscript", "stale"};
constexpr ArgDoc kA63[] = {
    {.name = "hard", .type = T::kPureToken, .token = "HARD"},
    {.name = "soft", .type = T::kPureToken, .token = "SOFT"}
};
constexpr ArgDoc kA64[] = {
    {.name = "hard_soft", .type = T::kOneOf, .flags = kArgOptional, .args = kA63}
};
constexpr ArgDoc kA65[] = {
    {.name = "config-epoch", .type = T::kInteger}
};
constexpr ArgDoc kA66[] = {
    {.name = "node-id", .type = T::kString, .token = "IMPORTING"},
    {.name = "node-id", .type = T::kString, .token = "MIGRATING"},
    {.name = "node-id", .type = T::kString, .token = "NODE"},
    {.name = "stable", .type = T::kPureToken, .token = "STABLE"}
};
constexpr ArgDoc kA67[] = {
    {.name = "slot", .type = T::kInteger},
    {.name = "subcommand", .type = T::kOneOf, .args = kA66}
};
constexpr HistoryDoc kH10[] = {
    {"4.0.0", "Reports node IDs."},
    {"7.0.0", "Reports extra networking metadata per node."}
};
constexpr CommandDoc kC2[] = {
    {.name = "cluster|addslots", .arity = -3, .flags = kS27, .acl_categories = kS3,
       .summary = "Assigns hash slots to this node.", .since = "3.0.0", .group = "cluster",
       .complexity = "O(N), N being the number of slots given.", .args = kA53},
    {.name = "cluster|addslotsrange", .arity = -4, .flags = kS27, .acl_categories = kS3,
       .summary = "Assigns ranges of hash slots to this node.", .since = "7.0.0",
       .group = "cluster", .complexity = "O(N), N being the number of slots covered by the ranges.",
       .args = kA55},
    {.name = "cluster|bumpepoch", .arity = 2, .flags = kS27, .acl_categories = kS3, .tips = kS25,
       .summary = "Increments this node's configuration epoch.", .since = "3.0.0",
       .group = "cluster", .complexity = "O(1)"},
    {.name = "cluster|count-failure-reports", .arity = 3, .flags = kS28, .acl_categories = kS3,
       .tips = kS25, .summary = "Returns how many failure reports are active for a node.",
       .since = "3.0.0", .group = "cluster",
       .complexity = "O(N), N being the number of failure reports.", .args = kA56},
    {.name = "cluster|countkeysinslot", .arity = 3, .flags = kS29, .acl_categories = kS1,
       .summary = "Returns how many local keys hash to a slot.", .since = "3.0.0",
       .group = "cluster", .complexity = "O(1)", .args = kA57},
    {.name = "cluster|delslots", .arity = -3, .flags = kS27, .acl_categories = kS3,
       .summary = "Unassigns hash slots from this node.", .since = "3.0.0", .group = "cluster",
       .complexity = "O(N), N being the number of slots given.", .args = kA53},
    {.name = "cluster|delslotsrange", .arity = -4, .flags = kS27, .acl_categories = kS3,
       .summary = "Unassigns ranges of hash slots from this node.", .since = "7.0.0",
       .group = "cluster", .complexity = "O(N), N being the number of slots covered by the ranges.",
       .args = kA55},
    {.name = "cluster|failover", .arity = -2, .flags = kS27, .acl_categories = kS3,
       .summary = "Makes a replica take over from its master.", .since = "3.0.0",
       .group = "cluster", .complexity = "O(1)", .args = kA59},
    {.name = "cluster|flushslots", .arity = 2, .flags = kS27, .acl_categories = kS3,
       .summary = "Clears this node's slot assignments.", .since = "3.0.0", .group = "cluster",
       .complexity = "O(1)"},
    {.name = "cluster|forget", .arity = 3, .flags = kS27, .acl_categories = kS3,
       .summary = "Removes a node from this node's table of nodes.", .since = "3.0.0",
       .group = "cluster", .complexity = "O(1)", .args = kA56},
    {.name = "cluster|getkeysinslot", .arity = 4, .flags = kS29, .acl_categories = kS1,
       .tips = kS25, .summary = "Returns local key names that hash to a slot.", .since = "3.0.0",
       .group = "cluster", .complexity = "O(log(N)), N being the number of keys asked for.",
       .args = kA60},
    {.name = "cluster|help", .arity = 2, .flags = kS4, .acl_categories = kS1,
       .summary = "Describes the CLUSTER subcommands.", .since = "5.0.0", .group = "cluster",
       .complexity = "O(1)"},
    {.name = "cluster|info", .arity = 2, .flags = kS29, .acl_categories = kS1, .tips = kS25,
       .summary = "Reports the state of the cluster as this node sees it.", .since = "3.0.0",
       .group = "cluster", .complexity = "O(1)"},
    {.name = "cluster|keyslot", .arity = 3, .flags = kS29, .acl_categories = kS1,
       .summary = "Returns the hash slot of a key.", .since = "3.0.0", .group = "cluster",
       .complexity = "O(N), N being the length of the key in bytes.", .args = kA61},
    {.name = "cluster|links", .arity = 2, .flags = kS29, .acl_categories = kS1, .tips = kS25,
       .summary = "Lists the cluster bus connections of this node.", .since = "7.0.0",
       .group = "cluster", .complexity = "O(N), N being the number of nodes."},
    {.name = "cluster|meet", .arity = -4, .flags = kS27, .acl_categories = kS3,
       .summary = "Connects this node to another one, joining their clusters.", .since = "3.0.0",
       .group = "cluster", .complexity = "O(1)", .history = kH9, .args = kA62},
    {.name = "cluster|myid", .arity = 2, .flags = kS29, .acl_categories = kS1,
       .summary = "Returns this node's ID.", .since = "3.0.0", .group = "cluster",
       .complexity = "O(1)"},
    {.name = "cluster|nodes", .arity = 2, .flags = kS29, .acl_categories = kS1, .tips = kS25,
       .summary = "Returns the cluster configuration as this node sees it.", .since = "3.0.0",
       .group = "cluster", .complexity = "O(N), N being the number of nodes."},
    {.name = "cluster|replicas", .arity = 3, .flags = kS28, .acl_categories = kS3, .tips = kS25,
       .summary = "Lists the replicas of a master node.", .since = "5.0.0", .group = "cluster",
       .complexity = "O(1)", .args = kA56},
    {.name = "cluster|replicate", .arity = 3, .flags = kS27, .acl_categories = kS3,
       .summary = "Makes this node a replica of a master node.", .since = "3.0.0",
       .group = "cluster", .complexity = "O(1)", .args = kA56},
    {.name = "cluster|reset", .arity = -2, .flags = kS30, .acl_categories = kS3,
       .summary = "Resets this cluster node.", .since = "3.0.0", .group = "cluster",
       .complexity = "O(N), N being the number of known nodes; may also flush the whole dataset.",
       .args = kA64},
    {.name = "cluster|saveconfig", .arity = 2, .flags = kS27, .acl_categories = kS3,
       .summary = "Writes the cluster configuration to disk.", .since = "3.0.0", .group = "cluster",
       .complexity = "O(1)"},
    {.name = "cluster|set-config-epoch", .arity = 3, .flags = kS27, .acl_categories = kS3,
       .summary = "Sets the configuration epoch of a fresh node.", .since = "3.0.0",
       .group = "cluster", .complexity = "O(1)", .args = kA65},
    {.name = "cluster|setslot", .arity = -4, .flags = kS27, .acl_categories = kS3,
       .summary = "Changes how a hash slot is bound to nodes.", .since = "3.0.0",
       .group = "cluster", .complexity = "O(1)", .args = kA67},
    {.name = "cluster|shards", .arity = 2, .flags = kS29, .acl_categories = kS1, .tips = kS25,
       .summary = "Describes the shards of the cluster and their slots.", .since = "7.0.0",
       .group = "cluster", .complexity = "O(N), N being the number of nodes."},
    {.name = "cluster|slaves", .arity = 3, .flags = kS28, .acl_categories = kS3, .tips = kS25,
       .summary = "Lists the replicas of a master node (old name of CLUSTER REPLICAS).",
       .since = "3.0.0", .group = "cluster", .complexity = "O(1)", .doc_flags = kDocDeprecated,
       .deprecated_since = "5.0.0", .replaced_by = "`CLUSTER REPLICAS`", .args = kA56},
    {.name = "cluster|slots", .arity = 2, .flags = kS29, .acl_categories = kS1, .tips = kS25,
       .summary = "Maps hash slot ranges to nodes.", .since = "3.0.0", .group = "cluster",
       .complexity = "O(N), N being the number of nodes.", .doc_flags = kDocDeprecated,
       .deprecated_since = "7.0.0", .replaced_by = "`CLUSTER SHARDS`", .history = kH10}
};
constexpr SV kS31[] = {"nondeterministic_output_order"};
constexpr ArgDoc kA68[] = {
    {.name = "command-name", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr HistoryDoc kH11[] = {
    {"7.0.0", "May be called without arguments to describe every command."}
};
constexpr ArgDoc kA69[] = {
    {.name = "module-name", .type = T::kString, .token = "MODULE"},
    {.name = "category", .type = T::kString, .token = "ACLCAT"},
    {.name = "pattern", .type = T::kPattern, .token = "PATTERN"}
};
constexpr ArgDoc kA70[] = {
    {.name = "filterby", .type = T::kOneOf, .token = "FILTERBY", .flags = kArgOptional, .args = kA69}
};
constexpr CommandDoc kC3[] = {
    {.name = "command|count", .arity = 2, .flags = kS4, .acl_categories = kS24,
       .summary = "Returns how many commands the server knows.", .since = "2.8.13",
       .group = "server", .complexity = "O(1)"},
    {.name = "command|docs", .arity = -2, .flags = kS4, .acl_categories = kS24, .tips = kS31,
       .summary = "Returns documentation for commands.", .since = "7.0.0", .group = "server",
       .complexity = "O(N), N being the number of commands asked for.", .args = kA68},
    {.name = "command|getkeys", .arity = -4, .flags = kS4, .acl_categories = kS24,
       .summary = "Returns the keys a full command line would access.", .since = "2.8.13",
       .group = "server", .complexity = "O(N), N being the number of arguments of the command."},
    {.name = "command|getkeysandflags", .arity = -4, .flags = kS4, .acl_categories = kS24,
       .summary = "Returns the keys a full command line would access, with their access flags.",
       .since = "7.0.0", .group = "server",
       .complexity = "O(N), N being the number of arguments of the command."},
    {.name = "command|help", .arity = 2, .flags = kS4, .acl_categories = kS24,
       .summary = "Describes the COMMAND subcommands.", .since = "5.0.0", .group = "server",
       .complexity = "O(1)"},
    {.name = "command|info", .arity = -2, .flags = kS4, .acl_categories = kS24, .tips = kS31,
       .summary = "Describes the given commands, or all of them when none is given.",
       .since = "2.8.13", .group = "server",
       .complexity = "O(N), N being the number of commands asked for.", .history = kH11,
       .args = kA68},
    {.name = "command|list", .arity = -2, .flags = kS4, .acl_categories = kS24, .tips = kS31,
       .summary = "Returns the names of the commands, optionally filtered.", .since = "7.0.0",
       .group = "server", .complexity = "O(N), N being the number of commands.", .args = kA70}
};
constexpr HistoryDoc kH12[] = {
    {"7.0.0", "Accepts several patterns in one call."}
};
constexpr ArgDoc kA71[] = {
    {.name = "parameter", .type = T::kString}
};
constexpr ArgDoc kA72[] = {
    {.name = "parameter", .type = T::kBlock, .flags = kArgMultiple, .args = kA71}
};
constexpr SV kS32[] = {"request_policy:all_nodes", "response_policy:all_succeeded"};
constexpr HistoryDoc kH13[] = {
    {"7.0.0", "Accepts several parameters in one call."}
};
constexpr ArgDoc kA73[] = {
    {.name = "parameter", .type = T::kString},
    {.name = "value", .type = T::kString}
};
constexpr ArgDoc kA74[] = {
    {.name = "parameter_value", .type = T::kBlock, .flags = kArgMultiple, .args = kA73}
};
constexpr CommandDoc kC4[] = {
    {.name = "config|get", .arity = -3, .flags = kS2, .acl_categories = kS3,
       .summary = "Returns the values of configuration parameters.", .since = "2.0.0",
       .group = "server", .complexity = "O(N), N being the number of parameters asked for.",
       .history = kH12, .args = kA72},
    {.name = "config|help", .arity = 2, .flags = kS4, .acl_categories = kS1,
       .summary = "Describes the CONFIG subcommands.", .since = "5.0.0", .group = "server",
       .complexity = "O(1)"},
    {.name = "config|resetstat", .arity = 2, .flags = kS2, .acl_categories = kS3,
       .summary = "Zeroes the statistics that INFO reports.", .since = "2.0.0", .group = "server",
       .complexity = "O(1)"},
    {.name = "config|rewrite", .arity = 2, .flags = kS2, .acl_categories = kS3,
       .summary = "Saves the running configuration to the configuration file.", .since = "2.8.0",
       .group = "server", .complexity = "O(1)"},
    {.name = "config|set", .arity = -4, .flags = kS2, .acl_categories = kS3, .tips = kS32,
       .summary = "Changes configuration parameters.", .since = "2.0.0", .group = "server",
       .complexity = "O(N), N being the number of parameters given.", .history = kH13, .args = kA74}
};
constexpr SV kS33[] = {"@keyspace", "@write", "@slow"};
constexpr KeySpecDoc kK7[] = {
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyOW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA75[] = {
    {.name = "source", .type = T::kKey, .key_spec_index = 0},
    {.name = "destination", .type = T::kKey, .key_spec_index = 1},
    {.name = "destination-db", .type = T::kInteger, .token = "DB", .flags = kArgOptional},
    {.name = "replace", .type = T::kPureToken, .token = "REPLACE", .flags = kArgOptional}
};
constexpr SV kS34[] = {"@keyspace", "@read", "@fast"};
constexpr SV kS35[] = {"request_policy:all_shards", "response_policy:agg_sum"};
constexpr KeySpecDoc kK8[] = {
    {.flags = kKeyRW | kKeyAccess | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA76[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0}
};
constexpr ArgDoc kA77[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "decrement", .type = T::kInteger}
};
constexpr SV kS36[] = {"write"};
constexpr SV kS37[] = {"request_policy:multi_shard", "response_policy:agg_sum"};
constexpr KeySpecDoc kK9[] = {
    {.flags = kKeyRM | kKeyDelete, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA78[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgMultiple}
};
constexpr SV kS38[] = {"noscript", "loading", "stale", "fast", "allow_busy"};
constexpr SV kS39[] = {"@fast", "@transaction"};
constexpr SV kS40[] = {"@keyspace", "@read", "@slow"};
constexpr SV kS41[] = {"loading", "stale", "fast"};
constexpr ArgDoc kA79[] = {
    {.name = "message", .type = T::kString}
};
constexpr SV kS42[] = {"noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"};
constexpr SV kS43[] = {"@slow", "@scripting"};
constexpr KeySpecDoc kK10[] = {
    {.notes = "Key use is unknown, so read-write with update is assumed.",
       .flags = kKeyRW | kKeyAccess | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kKeynum, .keystep = 1, .keynumidx = 0, .firstkey = 1}}
};
constexpr ArgDoc kA80[] = {
    {.name = "script", .type = T::kString},
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgOptional | kArgMultiple},
    {.name = "arg", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr SV kS44[] = {"readonly", "noscript", "stale", "skip_monitor", "no_mandatory_keys",
   "movablekeys"};
constexpr KeySpecDoc kK11[] = {
    {.notes = "Key use is unknown, so read-only with access is assumed.",
       .flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kKeynum, .keystep = 1, .keynumidx = 0, .firstkey = 1}}
};
constexpr KeySpecDoc kK12[] = {
    {.flags = kKeyRW | kKeyAccess | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kKeynum, .keystep = 1, .keynumidx = 0, .firstkey = 1}}
};
constexpr ArgDoc kA81[] = {
    {.name = "sha1", .type = T::kString},
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgOptional | kArgMultiple},
    {.name = "arg", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr KeySpecDoc kK13[] = {
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kKeynum, .keystep = 1, .keynumidx = 0, .firstkey = 1}}
};
constexpr SV kS45[] = {"noscript", "loading", "stale", "skip_slowlog"};
constexpr SV kS46[] = {"@slow", "@transaction"};
constexpr KeySpecDoc kK14[] = {
    {.flags = kKeyRO, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH14[] = {
    {"3.0.3", "Accepts several keys."}
};
constexpr SV kS47[] = {"write", "fast"};
constexpr SV kS48[] = {"@keyspace", "@write", "@fast"};
constexpr KeySpecDoc kK15[] = {
    {.flags = kKeyRW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH15[] = {
    {"7.0.0", "Accepts NX, XX, GT and LT."}
};
constexpr ArgDoc kA82[] = {
    {.name = "nx", .type = T::kPureToken, .token = "NX"},
    {.name = "xx", .type = T::kPureToken, .token = "XX"},
    {.name = "gt", .type = T::kPureToken, .token = "GT"},
    {.name = "lt", .type = T::kPureToken, .token = "LT"}
};
constexpr ArgDoc kA83[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "seconds", .type = T::kInteger},
    {.name = "condition", .type = T::kOneOf, .since = "7.0.0", .flags = kArgOptional, .args = kA82}
};
constexpr ArgDoc kA84[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "unix-time-seconds", .type = T::kUnixTime},
    {.name = "condition", .type = T::kOneOf, .since = "7.0.0", .flags = kArgOptional, .args = kA82}
};
constexpr ArgDoc kA85[] = {
    {.name = "host", .type = T::kString},
    {.name = "port", .type = T::kInteger},
    {.name = "force", .type = T::kPureToken, .token = "FORCE", .flags = kArgOptional}
};
constexpr ArgDoc kA86[] = {
    {.name = "target", .type = T::kBlock, .token = "TO", .flags = kArgOptional, .args = kA85},
    {.name = "abort", .type = T::kPureToken, .token = "ABORT", .flags = kArgOptional},
    {.name = "milliseconds", .type = T::kInteger, .token = "TIMEOUT", .flags = kArgOptional}
};
constexpr ArgDoc kA87[] = {
    {.name = "function", .type = T::kString},
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgOptional | kArgMultiple},
    {.name = "arg", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr SV kS49[] = {"@keyspace", "@write", "@slow", "@dangerous"};
constexpr SV kS50[] = {"request_policy:all_shards", "response_policy:all_succeeded"};
constexpr HistoryDoc kH16[] = {
    {"4.0.0", "Accepts ASYNC."},
    {"6.2.0", "Accepts SYNC."}
};
constexpr ArgDoc kA88[] = {
    {.name = "async", .type = T::kPureToken, .token = "ASYNC", .since = "4.0.0"},
    {.name = "sync", .type = T::kPureToken, .token = "SYNC", .since = "6.2.0"}
};
constexpr ArgDoc kA89[] = {
    {.name = "async", .type = T::kOneOf, .flags = kArgOptional, .args = kA88}
};
constexpr SV kS51[] = {"write", "noscript"};
constexpr SV kS52[] = {"@write", "@slow", "@scripting"};
constexpr ArgDoc kA90[] = {
    {.name = "library-name", .type = T::kString}
};
constexpr SV kS53[] = {"noscript"};
constexpr ArgDoc kA91[] = {
    {.name = "async", .type = T::kPureToken, .token = "ASYNC"},
    {.name = "sync", .type = T::kPureToken, .token = "SYNC"}
};
constexpr ArgDoc kA92[] = {
    {.name = "async", .type = T::kOneOf, .flags = kArgOptional, .args = kA91}
};
constexpr SV kS54[] = {"noscript", "allow_busy"};
constexpr SV kS55[] = {"request_policy:all_shards", "response_policy:one_succeeded"};
constexpr ArgDoc kA93[] = {
    {.name = "library-name-pattern", .type = T::kString, .token = "LIBRARYNAME",
       .flags = kArgOptional},
    {.name = "withcode", .type = T::kPureToken, .token = "WITHCODE", .flags = kArgOptional}
};
constexpr SV kS56[] = {"write", "denyoom", "noscript"};
constexpr ArgDoc kA94[] = {
    {.name = "replace", .type = T::kPureToken, .token = "REPLACE", .flags = kArgOptional},
    {.name = "function-code", .type = T::kString}
};
constexpr ArgDoc kA95[] = {
    {.name = "flush", .type = T::kPureToken, .token = "FLUSH"},
    {.name = "append", .type = T::kPureToken, .token = "APPEND"},
    {.name = "replace", .type = T::kPureToken, .token = "REPLACE"}
};
constexpr ArgDoc kA96[] = {
    {.name = "serialized-value", .type = T::kString},
    {.name = "policy", .type = T::kOneOf, .flags = kArgOptional, .args = kA95}
};
constexpr SV kS57[] = {"nondeterministic_output", "request_policy:all_shards",
   "response_policy:special"};
constexpr CommandDoc kC5[] = {
    {.name = "function|delete", .arity = 3, .flags = kS51, .acl_categories = kS52, .tips = kS50,
       .summary = "Deletes a function library.", .since = "7.0.0", .group = "scripting",
       .complexity = "O(1)", .args = kA90},
    {.name = "function|dump", .arity = 2, .flags = kS53, .acl_categories = kS43,
       .summary = "Serializes all function libraries into a binary payload.", .since = "7.0.0",
       .group = "scripting", .complexity = "O(N), N being the number of functions."},
    {.name = "function|flush", .arity = -2, .flags = kS51, .acl_categories = kS52, .tips = kS50,
       .summary = "Deletes all function libraries.", .since = "7.0.0", .group = "scripting",
       .complexity = "O(N), N being the number of functions deleted.", .args = kA92},
    {.name = "function|help", .arity = 2, .flags = kS4, .acl_categories = kS43,
       .summary = "Describes the FUNCTION subcommands.", .since = "7.0.0", .group = "scripting",
       .complexity = "O(1)"},
    {.name = "function|kill", .arity = 2, .flags = kS54, .acl_categories = kS43, .tips = kS55,
       .summary = "Stops the function that is running.", .since = "7.0.0", .group = "scripting",
       .complexity = "O(1)"},
    {.name = "function|list", .arity = -2, .flags = kS53, .acl_categories = kS43, .tips = kS31,
       .summary = "Lists the function libraries and their functions.", .since = "7.0.0",
       .group = "scripting", .complexity = "O(N), N being the number of functions.", .args = kA93},
    {.name = "function|load", .arity = -3, .flags = kS56, .acl_categories = kS52, .tips = kS50,
       .summary = "Loads a function library from source code.", .since = "7.0.0",
       .group = "scripting", .complexity = "O(1), not counting compilation.", .args = kA94},
    {.name = "function|restore", .arity = -3, .flags = kS56, .acl_categories = kS52, .tips = kS50,
       .summary = "Loads function libraries from a serialized payload.", .since = "7.0.0",
       .group = "scripting", .complexity = "O(N), N being the number of functions in the payload.",
       .args = kA96},
    {.name = "function|stats", .arity = 2, .flags = kS54, .acl_categories = kS43, .tips = kS57,
       .summary = "Reports the function that is running, if any, and the engines.",
       .since = "7.0.0", .group = "scripting", .complexity = "O(1)"}
};
constexpr SV kS58[] = {"@write", "@geo", "@slow"};
constexpr HistoryDoc kH17[] = {
    {"6.2.0", "Accepts CH, NX and XX."}
};
constexpr ArgDoc kA97[] = {
    {.name = "nx", .type = T::kPureToken, .token = "NX"},
    {.name = "xx", .type = T::kPureToken, .token = "XX"}
};
constexpr ArgDoc kA98[] = {
    {.name = "longitude", .type = T::kDouble},
    {.name = "latitude", .type = T::kDouble},
    {.name = "member", .type = T::kString}
};
constexpr ArgDoc kA99[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "condition", .type = T::kOneOf, .since = "6.2.0", .flags = kArgOptional, .args = kA97},
    {.name = "change", .type = T::kPureToken, .token = "CH", .since = "6.2.0", .flags = kArgOptional},
    {.name = "longitude_latitude_member", .type = T::kBlock, .flags = kArgMultiple, .args = kA98}
};
constexpr SV kS59[] = {"@read", "@geo", "@slow"};
constexpr ArgDoc kA100[] = {
    {.name = "m", .type = T::kPureToken, .token = "M"},
    {.name = "km", .type = T::kPureToken, .token = "KM"},
    {.name = "ft", .type = T::kPureToken, .token = "FT"},
    {.name = "mi", .type = T::kPureToken, .token = "MI"}
};
constexpr ArgDoc kA101[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "member1", .type = T::kString},
    {.name = "member2", .type = T::kString},
    {.name = "unit", .type = T::kOneOf, .flags = kArgOptional, .args = kA100}
};
constexpr ArgDoc kA102[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "member", .type = T::kString, .flags = kArgMultiple}
};
constexpr SV kS60[] = {"write", "denyoom", "movablekeys"};
constexpr KeySpecDoc kK16[] = {
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyOW | kKeyUpdate,
       .begin_search = {.type = BS::kKeyword, .keyword = "STORE", .startfrom = 6},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyOW | kKeyUpdate,
       .begin_search = {.type = BS::kKeyword, .keyword = "STOREDIST", .startfrom = 6},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH18[] = {
    {"6.2.0", "Accepts ANY with COUNT."},
    {"7.0.0", "Accepts units in upper case."}
};
constexpr ArgDoc kA103[] = {
    {.name = "count", .type = T::kInteger, .token = "COUNT"},
    {.name = "any", .type = T::kPureToken, .token = "ANY", .since = "6.2.0", .flags = kArgOptional}
};
constexpr ArgDoc kA104[] = {
    {.name = "asc", .type = T::kPureToken, .token = "ASC"},
    {.name = "desc", .type = T::kPureToken, .token = "DESC"}
};
constexpr ArgDoc kA105[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "longitude", .type = T::kDouble},
    {.name = "latitude", .type = T::kDouble},
    {.name = "radius", .type = T::kDouble},
    {.name = "unit", .type = T::kOneOf, .args = kA100},
    {.name = "withcoord", .type = T::kPureToken, .token = "WITHCOORD", .flags = kArgOptional},
    {.name = "withdist", .type = T::kPureToken, .token = "WITHDIST", .flags = kArgOptional},
    {.name = "withhash", .type = T::kPureToken, .token = "WITHHASH", .flags = kArgOptional},
    {.name = "count", .type = T::kBlock, .flags = kArgOptional, .args = kA103},
    {.name = "order", .type = T::kOneOf, .flags = kArgOptional, .args = kA104},
    {.name = "key", .type = T::kKey, .key_spec_index = 1, .token = "STORE", .flags = kArgOptional},
    {.name = "key", .type = T::kKey, .key_spec_index = 2, .token = "STOREDIST",
       .flags = kArgOptional}
};
constexpr HistoryDoc kH19[] = {
    {"6.2.0", "Accepts ANY with COUNT."}
};
constexpr ArgDoc kA106[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "longitude", .type = T::kDouble},
    {.name = "latitude", .type = T::kDouble},
    {.name = "radius", .type = T::kDouble},
    {.name = "unit", .type = T::kOneOf, .args = kA100},
    {.name = "withcoord", .type = T::kPureToken, .token = "WITHCOORD", .flags = kArgOptional},
    {.name = "withdist", .type = T::kPureToken, .token = "WITHDIST", .flags = kArgOptional},
    {.name = "withhash", .type = T::kPureToken, .token = "WITHHASH", .flags = kArgOptional},
    {.name = "count", .type = T::kBlock, .flags = kArgOptional, .args = kA103},
    {.name = "order", .type = T::kOneOf, .flags = kArgOptional, .args = kA104}
};
constexpr KeySpecDoc kK17[] = {
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyOW | kKeyUpdate,
       .begin_search = {.type = BS::kKeyword, .keyword = "STORE", .startfrom = 5},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyOW | kKeyUpdate,
       .begin_search = {.type = BS::kKeyword, .keyword = "STOREDIST", .startfrom = 5},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH20[] = {
    {"7.0.0", "Accepts units in upper case."}
};
constexpr ArgDoc kA107[] = {
    {.name = "count", .type = T::kInteger, .token = "COUNT"},
    {.name = "any", .type = T::kPureToken, .token = "ANY", .flags = kArgOptional}
};
constexpr ArgDoc kA108[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "member", .type = T::kString},
    {.name = "radius", .type = T::kDouble},
    {.name = "unit", .type = T::kOneOf, .args = kA100},
    {.name = "withcoord", .type = T::kPureToken, .token = "WITHCOORD", .flags = kArgOptional},
    {.name = "withdist", .type = T::kPureToken, .token = "WITHDIST", .flags = kArgOptional},
    {.name = "withhash", .type = T::kPureToken, .token = "WITHHASH", .flags = kArgOptional},
    {.name = "count", .type = T::kBlock, .flags = kArgOptional, .args = kA107},
    {.name = "order", .type = T::kOneOf, .flags = kArgOptional, .args = kA104},
    {.name = "key", .type = T::kKey, .key_spec_index = 1, .token = "STORE", .flags = kArgOptional},
    {.name = "key", .type = T::kKey, .key_spec_index = 2, .token = "STOREDIST",
       .flags = kArgOptional}
};
constexpr ArgDoc kA109[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "member", .type = T::kString},
    {.name = "radius", .type = T::kDouble},
    {.name = "unit", .type = T::kOneOf, .args = kA100},
    {.name = "withcoord", .type = T::kPureToken, .token = "WITHCOORD", .flags = kArgOptional},
    {.name = "withdist", .type = T::kPureToken, .token = "WITHDIST", .flags = kArgOptional},
    {.name = "withhash", .type = T::kPureToken, .token = "WITHHASH", .flags = kArgOptional},
    {.name = "count", .type = T::kBlock, .flags = kArgOptional, .args = kA107},
    {.name = "order", .type = T::kOneOf, .flags = kArgOptional, .args = kA104}
};
constexpr ArgDoc kA110[] = {
    {.name = "longitude", .type = T::kDouble},
    {.name = "latitude", .type = T::kDouble}
};
constexpr ArgDoc kA111[] = {
    {.name = "member", .type = T::kString, .token = "FROMMEMBER"},
    {.name = "longitude_latitude", .type = T::kBlock, .token = "FROMLONLAT", .args = kA110}
};
constexpr ArgDoc kA112[] = {
    {.name = "radius", .type = T::kDouble, .token = "BYRADIUS"},
    {.name = "unit", .type = T::kOneOf, .args = kA100}
};
constexpr ArgDoc kA113[] = {
    {.name = "width", .type = T::kDouble, .token = "BYBOX"},
    {.name = "height", .type = T::kDouble},
    {.name = "unit", .type = T::kOneOf, .args = kA100}
};
constexpr ArgDoc kA114[] = {
    {.name = "circle", .type = T::kBlock, .args = kA112},
    {.name = "box", .type = T::kBlock, .args = kA113}
};
constexpr ArgDoc kA115[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "from", .type = T::kOneOf, .args = kA111},
    {.name = "by", .type = T::kOneOf, .args = kA114},
    {.name = "order", .type = T::kOneOf, .flags = kArgOptional, .args = kA104},
    {.name = "count", .type = T::kBlock, .flags = kArgOptional, .args = kA107},
    {.name = "withcoord", .type = T::kPureToken, .token = "WITHCOORD", .flags = kArgOptional},
    {.name = "withdist", .type = T::kPureToken, .token = "WITHDIST", .flags = kArgOptional},
    {.name = "withhash", .type = T::kPureToken, .token = "WITHHASH", .flags = kArgOptional}
};
constexpr KeySpecDoc kK18[] = {
    {.flags = kKeyOW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA116[] = {
    {.name = "destination", .type = T::kKey, .key_spec_index = 0},
    {.name = "source", .type = T::kKey, .key_spec_index = 1},
    {.name = "from", .type = T::kOneOf, .args = kA111},
    {.name = "by", .type = T::kOneOf, .args = kA114},
    {.name = "order", .type = T::kOneOf, .flags = kArgOptional, .args = kA104},
    {.name = "count", .type = T::kBlock, .flags = kArgOptional, .args = kA107},
    {.name = "storedist", .type = T::kPureToken, .token = "STOREDIST", .flags = kArgOptional}
};
constexpr SV kS61[] = {"@read", "@string", "@fast"};
constexpr ArgDoc kA117[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "offset", .type = T::kInteger}
};
constexpr KeySpecDoc kK19[] = {
    {.flags = kKeyRW | kKeyAccess | kKeyDelete, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr KeySpecDoc kK20[] = {
    {.notes = "Read-write with update because the expiry may change.",
       .flags = kKeyRW | kKeyAccess | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA118[] = {
    {.name = "seconds", .type = T::kInteger, .token = "EX"},
    {.name = "milliseconds", .type = T::kInteger, .token = "PX"},
    {.name = "unix-time-seconds", .type = T::kUnixTime, .token = "EXAT"},
    {.name = "unix-time-milliseconds", .type = T::kUnixTime, .token = "PXAT"},
    {.name = "persist", .type = T::kPureToken, .token = "PERSIST"}
};
constexpr ArgDoc kA119[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "expiration", .type = T::kOneOf, .flags = kArgOptional, .args = kA118}
};
constexpr SV kS62[] = {"@read", "@string", "@slow"};
constexpr ArgDoc kA120[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "start", .type = T::kInteger},
    {.name = "end", .type = T::kInteger}
};
constexpr SV kS63[] = {"@write", "@hash", "@fast"};
constexpr KeySpecDoc kK21[] = {
    {.flags = kKeyRW | kKeyDelete, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH21[] = {
    {"2.4.0", "Accepts several fields."}
};
constexpr ArgDoc kA121[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "field", .type = T::kString, .flags = kArgMultiple}
};
constexpr HistoryDoc kH22[] = {
    {"6.2.0", "The protocol version is optional; without arguments the reply describes the connection."}
};
constexpr ArgDoc kA122[] = {
    {.name = "username", .type = T::kString},
    {.name = "password", .type = T::kString}
};
constexpr ArgDoc kA123[] = {
    {.name = "protover", .type = T::kInteger},
    {.name = "username_password", .type = T::kBlock, .token = "AUTH", .flags = kArgOptional,
       .args = kA122},
    {.name = "clientname", .type = T::kString, .token = "SETNAME", .flags = kArgOptional}
};
constexpr ArgDoc kA124[] = {
    {.name = "arguments", .type = T::kBlock, .flags = kArgOptional, .args = kA123}
};
constexpr SV kS64[] = {"@read", "@hash", "@fast"};
constexpr KeySpecDoc kK22[] = {
    {.flags = kKeyRO, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA125[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "field", .type = T::kString}
};
constexpr SV kS65[] = {"@read", "@hash", "@slow"};
constexpr ArgDoc kA126[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "field", .type = T::kString},
    {.name = "increment", .type = T::kInteger}
};
constexpr ArgDoc kA127[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "field", .type = T::kString},
    {.name = "increment", .type = T::kDouble}
};
constexpr ArgDoc kA128[] = {
    {.name = "field", .type = T::kString},
    {.name = "value", .type = T::kString}
};
constexpr ArgDoc kA129[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "field_value", .type = T::kBlock, .flags = kArgMultiple, .args = kA128}
};
constexpr ArgDoc kA130[] = {
    {.name = "count", .type = T::kInteger},
    {.name = "withvalues", .type = T::kPureToken, .token = "WITHVALUES", .flags = kArgOptional}
};
constexpr ArgDoc kA131[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "options", .type = T::kBlock, .flags = kArgOptional, .args = kA130}
};
constexpr ArgDoc kA132[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "cursor", .type = T::kInteger},
    {.name = "pattern", .type = T::kPattern, .token = "MATCH", .flags = kArgOptional},
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional}
};
constexpr HistoryDoc kH23[] = {
    {"4.0.0", "Accepts several field-value pairs."}
};
constexpr ArgDoc kA133[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "field", .type = T::kString},
    {.name = "value", .type = T::kString}
};
constexpr ArgDoc kA134[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "increment", .type = T::kInteger}
};
constexpr ArgDoc kA135[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "increment", .type = T::kDouble}
};
constexpr SV kS66[] = {"@slow", "@dangerous"};
constexpr HistoryDoc kH24[] = {
    {"7.0.0", "Accepts several sections."}
};
constexpr ArgDoc kA136[] = {
    {.name = "section", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr SV kS67[] = {"@keyspace", "@read", "@slow", "@dangerous"};
constexpr SV kS68[] = {"request_policy:all_shards", "nondeterministic_output_order"};
constexpr ArgDoc kA137[] = {
    {.name = "pattern", .type = T::kPattern}
};
constexpr SV kS69[] = {"@admin", "@fast", "@dangerous"};
constexpr SV kS70[] = {"nondeterministic_output", "request_policy:all_nodes",
   "response_policy:special"};
constexpr ArgDoc kA138[] = {
    {.name = "event", .type = T::kString}
};
constexpr ArgDoc kA139[] = {
    {.name = "command", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr ArgDoc kA140[] = {
    {.name = "event", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr CommandDoc kC6[] = {
    {.name = "latency|doctor", .arity = 2, .flags = kS2, .acl_categories = kS3, .tips = kS70,
       .summary = "Returns a readable analysis of the recorded latency events.", .since = "2.8.13",
       .group = "server", .complexity = "O(1)"},
    {.name = "latency|graph", .arity = 3, .flags = kS2, .acl_categories = kS3, .tips = kS70,
       .summary = "Draws an ASCII graph of an event's latency samples.", .since = "2.8.13",
       .group = "server", .complexity = "O(1)", .args = kA138},
    {.name = "latency|help", .arity = 2, .flags = kS4, .acl_categories = kS1,
       .summary = "Describes the LATENCY subcommands.", .since = "2.8.13", .group = "server",
       .complexity = "O(1)"},
    {.name = "latency|histogram", .arity = -2, .flags = kS2, .acl_categories = kS3, .tips = kS70,
       .summary = "Returns latency histograms of some or all commands.", .since = "7.0.0",
       .group = "server", .complexity = "O(N), N being the number of commands reported.",
       .args = kA139},
    {.name = "latency|history", .arity = 3, .flags = kS2, .acl_categories = kS3, .tips = kS70,
       .summary = "Returns the time and latency samples recorded for an event.", .since = "2.8.13",
       .group = "server", .complexity = "O(1)", .args = kA138},
    {.name = "latency|latest", .arity = 2, .flags = kS2, .acl_categories = kS3, .tips = kS70,
       .summary = "Returns the latest latency sample of every event.", .since = "2.8.13",
       .group = "server", .complexity = "O(1)"},
    {.name = "latency|reset", .arity = -2, .flags = kS2, .acl_categories = kS3, .tips = kS32,
       .summary = "Clears the latency samples of some or all events.", .since = "2.8.13",
       .group = "server", .complexity = "O(1)", .args = kA140}
};
constexpr KeySpecDoc kK23[] = {
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 1, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA141[] = {
    {.name = "key1", .type = T::kKey, .key_spec_index = 0},
    {.name = "key2", .type = T::kKey, .key_spec_index = 0},
    {.name = "len", .type = T::kPureToken, .token = "LEN", .flags = kArgOptional},
    {.name = "idx", .type = T::kPureToken, .token = "IDX", .flags = kArgOptional},
    {.name = "len", .type = T::kInteger, .token = "MINMATCHLEN", .flags = kArgOptional},
    {.name = "withmatchlen", .type = T::kPureToken, .token = "WITHMATCHLEN", .flags = kArgOptional}
};
constexpr SV kS71[] = {"@read", "@list", "@slow"};
constexpr ArgDoc kA142[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "index", .type = T::kInteger}
};
constexpr SV kS72[] = {"@write", "@list", "@slow"};
constexpr ArgDoc kA143[] = {
    {.name = "before", .type = T::kPureToken, .token = "BEFORE"},
    {.name = "after", .type = T::kPureToken, .token = "AFTER"}
};
constexpr ArgDoc kA144[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "where", .type = T::kOneOf, .args = kA143},
    {.name = "pivot", .type = T::kString},
    {.name = "element", .type = T::kString}
};
constexpr SV kS73[] = {"@read", "@list", "@fast"};
constexpr ArgDoc kA145[] = {
    {.name = "source", .type = T::kKey, .key_spec_index = 0},
    {.name = "destination", .type = T::kKey, .key_spec_index = 1},
    {.name = "wherefrom", .type = T::kOneOf, .args = kA27},
    {.name = "whereto", .type = T::kOneOf, .args = kA27}
};
constexpr SV kS74[] = {"write", "movablekeys"};
constexpr KeySpecDoc kK24[] = {
    {.flags = kKeyRW | kKeyAccess | kKeyDelete, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kKeynum, .keystep = 1, .keynumidx = 0, .firstkey = 1}}
};
constexpr ArgDoc kA146[] = {
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgMultiple},
    {.name = "where", .type = T::kOneOf, .args = kA27},
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional}
};
constexpr SV kS75[] = {"@read", "@fast"};
constexpr ArgDoc kA147[] = {
    {.name = "version", .type = T::kInteger, .token = "VERSION", .flags = kArgOptional}
};
constexpr SV kS76[] = {"@write", "@list", "@fast"};
constexpr HistoryDoc kH25[] = {
    {"6.2.0", "Accepts a count."}
};
constexpr ArgDoc kA148[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "count", .type = T::kInteger, .since = "6.2.0", .flags = kArgOptional}
};
constexpr ArgDoc kA149[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "element", .type = T::kString},
    {.name = "rank", .type = T::kInteger, .token = "RANK", .flags = kArgOptional},
    {.name = "num-matches", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional},
    {.name = "len", .type = T::kInteger, .token = "MAXLEN", .flags = kArgOptional}
};
constexpr HistoryDoc kH26[] = {
    {"2.4.0", "Accepts several elements."}
};
constexpr ArgDoc kA150[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "element", .type = T::kString, .flags = kArgMultiple}
};
constexpr HistoryDoc kH27[] = {
    {"4.0.0", "Accepts several elements."}
};
constexpr ArgDoc kA151[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "start", .type = T::kInteger},
    {.name = "stop", .type = T::kInteger}
};
constexpr ArgDoc kA152[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "count", .type = T::kInteger},
    {.name = "element", .type = T::kString}
};
constexpr ArgDoc kA153[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "index", .type = T::kInteger},
    {.name = "element", .type = T::kString}
};
constexpr SV kS77[] = {"@read", "@slow"};
constexpr KeySpecDoc kK25[] = {
    {.flags = kKeyRO, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA154[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "count", .type = T::kInteger, .token = "SAMPLES", .flags = kArgOptional}
};
constexpr CommandDoc kC7[] = {
    {.name = "memory|doctor", .arity = 2, .acl_categories = kS1, .tips = kS57,
       .summary = "Returns a readable report on memory problems.", .since = "4.0.0",
       .group = "server", .complexity = "O(1)"},
    {.name = "memory|help", .arity = 2, .flags = kS4, .acl_categories = kS1,
       .summary = "Describes the MEMORY subcommands.", .since = "4.0.0", .group = "server",
       .complexity = "O(1)"},
    {.name = "memory|malloc-stats", .arity = 2, .acl_categories = kS1, .tips = kS57,
       .summary = "Returns the allocator's internal statistics.", .since = "4.0.0",
       .group = "server", .complexity = "Grows with the allocated memory; may be slow."},
    {.name = "memory|purge", .arity = 2, .acl_categories = kS1, .tips = kS50,
       .summary = "Asks the allocator to give memory back to the system.", .since = "4.0.0",
       .group = "server", .complexity = "Grows with the allocated memory; may be slow."},
    {.name = "memory|stats", .arity = 2, .acl_categories = kS1, .tips = kS57,
       .summary = "Returns details about the server's memory use.", .since = "4.0.0",
       .group = "server", .complexity = "O(1)"},
    {.name = "memory|usage", .arity = -3, .flags = kS11, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS77, .key_specs = kK25,
       .summary = "Estimates how many bytes a key and its value use.", .since = "4.0.0",
       .group = "server", .complexity = "O(N), N being the number of samples.", .args = kA154}
};
constexpr SV kS78[] = {"request_policy:multi_shard"};
constexpr KeySpecDoc kK26[] = {
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 0}}
};
constexpr KeySpecDoc kK27[] = {
    {.flags = kKeyRW | kKeyAccess | kKeyDelete, .begin_search = {.type = BS::kIndex, .index = 3},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyRW | kKeyAccess | kKeyDelete | kKeyIncomplete,
       .begin_search = {.type = BS::kKeyword, .keyword = "KEYS", .startfrom = -2},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH28[] = {
    {"3.0.0", "Accepts COPY and REPLACE."},
    {"3.0.6", "Accepts KEYS."},
    {"4.0.7", "Accepts AUTH."},
    {"6.0.0", "Accepts AUTH2."}
};
constexpr ArgDoc kA155[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "empty_string", .type = T::kPureToken, .token = ""}
};
constexpr ArgDoc kA156[] = {
    {.name = "password", .type = T::kString, .token = "AUTH", .since = "4.0.7",
       .flags = kArgOptional},
    {.name = "username_password", .type = T::kBlock, .token = "AUTH2", .since = "6.0.0",
       .flags = kArgOptional, .args = kA122}
};
constexpr ArgDoc kA157[] = {
    {.name = "host", .type = T::kString},
    {.name = "port", .type = T::kInteger},
    {.name = "key_or_empty_string", .type = T::kOneOf, .args = kA155},
    {.name = "destination-db", .type = T::kInteger},
    {.name = "timeout", .type = T::kInteger},
    {.name = "copy", .type = T::kPureToken, .token = "COPY", .since = "3.0.0", .flags = kArgOptional},
    {.name = "replace", .type = T::kPureToken, .token = "REPLACE", .since = "3.0.0",
       .flags = kArgOptional},
    {.name = "authentication", .type = T::kOneOf, .flags = kArgOptional, .args = kA156},
    {.name = "key", .type = T::kKey, .key_spec_index = 1, .token = "KEYS", .since = "3.0.6",
       .flags = kArgOptional | kArgMultiple}
};
constexpr SV kS79[] = {"admin", "noscript"};
constexpr ArgDoc kA158[] = {
    {.name = "path", .type = T::kString},
    {.name = "arg", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr ArgDoc kA159[] = {
    {.name = "name", .type = T::kString},
    {.name = "value", .type = T::kString}
};
constexpr ArgDoc kA160[] = {
    {.name = "arg", .type = T::kString}
};
constexpr ArgDoc kA161[] = {
    {.name = "path", .type = T::kString},
    {.name = "configs", .type = T::kBlock, .token = "CONFIG",
       .flags = kArgOptional | kArgMultiple | kArgMultipleToken, .args = kA159},
    {.name = "args", .type = T::kBlock, .token = "ARGS", .flags = kArgOptional | kArgMultiple,
       .args = kA160}
};
constexpr ArgDoc kA162[] = {
    {.name = "name", .type = T::kString}
};
constexpr CommandDoc kC8[] = {
    {.name = "module|help", .arity = 2, .flags = kS4, .acl_categories = kS1,
       .summary = "Describes the MODULE subcommands.", .since = "5.0.0", .group = "server",
       .complexity = "O(1)"},
    {.name = "module|list", .arity = 2, .flags = kS79, .acl_categories = kS3, .tips = kS31,
       .summary = "Lists the loaded modules.", .since = "4.0.0", .group = "server",
       .complexity = "O(N), N being the number of loaded modules."},
    {.name = "module|load", .arity = -3, .flags = kS10, .acl_categories = kS3,
       .summary = "Loads a module.", .since = "4.0.0", .group = "server", .complexity = "O(1)",
       .args = kA158},
    {.name = "module|loadex", .arity = -3, .flags = kS10, .acl_categories = kS3,
       .summary = "Loads a module with configuration and arguments.", .since = "7.0.0",
       .group = "server", .complexity = "O(1)", .args = kA161},
    {.name = "module|unload", .arity = 3, .flags = kS10, .acl_categories = kS3,
       .summary = "Unloads a module.", .since = "4.0.0", .group = "server", .complexity = "O(1)",
       .args = kA162}
};
constexpr ArgDoc kA163[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "db", .type = T::kInteger}
};
constexpr SV kS80[] = {"@write", "@string", "@slow"};
constexpr SV kS81[] = {"request_policy:multi_shard", "response_policy:all_succeeded"};
constexpr KeySpecDoc kK28[] = {
    {.flags = kKeyOW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 2, .limit = 0}}
};
constexpr ArgDoc kA164[] = {
    {.name = "key_value", .type = T::kBlock, .flags = kArgMultiple, .args = kA8}
};
constexpr SV kS82[] = {"request_policy:multi_shard", "response_policy:agg_min"};
constexpr KeySpecDoc kK29[] = {
    {.flags = kKeyOW | kKeyInsert, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 2, .limit = 0}}
};
constexpr SV kS83[] = {"@keyspace", "@slow"};
constexpr CommandDoc kC9[] = {
    {.name = "object|encoding", .arity = 3, .flags = kS11, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS40, .tips = kS25, .key_specs = kK25,
       .summary = "Returns the internal encoding of the value of a key.", .since = "2.2.3",
       .group = "generic", .complexity = "O(1)", .args = kA76},
    {.name = "object|freq", .arity = 3, .flags = kS11, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS40, .tips = kS25, .key_specs = kK25,
       .summary = "Returns the logarithmic access frequency counter of a key.", .since = "4.0.0",
       .group = "generic", .complexity = "O(1)", .args = kA76},
    {.name = "object|help", .arity = 2, .flags = kS4, .acl_categories = kS83,
       .summary = "Describes the OBJECT subcommands.", .since = "6.2.0", .group = "generic",
       .complexity = "O(1)"},
    {.name = "object|idletime", .arity = 3, .flags = kS11, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS40, .tips = kS25, .key_specs = kK25,
       .summary = "Returns the seconds since the key was last accessed.", .since = "2.2.3",
       .group = "generic", .complexity = "O(1)", .args = kA76},
    {.name = "object|refcount", .arity = 3, .flags = kS11, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS40, .tips = kS25, .key_specs = kK25,
       .summary = "Returns the reference count of the value of a key.", .since = "2.2.3",
       .group = "generic", .complexity = "O(1)", .args = kA76}
};
constexpr ArgDoc kA165[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "milliseconds", .type = T::kInteger},
    {.name = "condition", .type = T::kOneOf, .since = "7.0.0", .flags = kArgOptional, .args = kA82}
};
constexpr ArgDoc kA166[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "unix-time-milliseconds", .type = T::kUnixTime},
    {.name = "condition", .type = T::kOneOf, .since = "7.0.0", .flags = kArgOptional, .args = kA82}
};
constexpr SV kS84[] = {"@write", "@hyperloglog", "@fast"};
constexpr ArgDoc kA167[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "element", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr SV kS85[] = {"@read", "@hyperloglog", "@slow"};
constexpr KeySpecDoc kK30[] = {
    {.notes = "Read-write because counting may rewrite the cached value, which is also replicated.",
       .flags = kKeyRW | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 0}}
};
constexpr SV kS86[] = {"write", "denyoom", "admin"};
constexpr SV kS87[] = {"@write", "@hyperloglog", "@admin", "@slow", "@dangerous"};
constexpr KeySpecDoc kK31[] = {
    {.flags = kKeyRW | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA168[] = {
    {.name = "subcommand", .type = T::kString},
    {.name = "key", .type = T::kKey, .key_spec_index = 0}
};
constexpr SV kS88[] = {"@write", "@hyperloglog", "@slow"};
constexpr KeySpecDoc kK32[] = {
    {.flags = kKeyRW | kKeyAccess | kKeyInsert, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA169[] = {
    {.name = "destkey", .type = T::kKey, .key_spec_index = 0},
    {.name = "sourcekey", .type = T::kKey, .key_spec_index = 1, .flags = kArgMultiple}
};
constexpr SV kS89[] = {"admin"};
constexpr SV kS90[] = {"@hyperloglog", "@admin", "@slow", "@dangerous"};
constexpr ArgDoc kA170[] = {
    {.name = "message", .type = T::kString, .flags = kArgOptional}
};
constexpr KeySpecDoc kK33[] = {
    {.flags = kKeyOW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA171[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "milliseconds", .type = T::kInteger},
    {.name = "value", .type = T::kString}
};
constexpr SV kS91[] = {"pubsub", "noscript", "loading", "stale"};
constexpr SV kS92[] = {"@pubsub", "@slow"};
constexpr ArgDoc kA172[] = {
    {.name = "pattern", .type = T::kBlock, .flags = kArgMultiple, .args = kA137}
};
constexpr SV kS93[] = {"admin", "noscript", "no_async_loading", "no_multi"};
constexpr ArgDoc kA173[] = {
    {.name = "replicationid", .type = T::kString},
    {.name = "offset", .type = T::kInteger}
};
constexpr HistoryDoc kH29[] = {
    {"2.8.0", "Replies -2 for missing keys."}
};
constexpr SV kS94[] = {"pubsub", "loading", "stale", "fast"};
constexpr SV kS95[] = {"@pubsub", "@fast"};
constexpr ArgDoc kA174[] = {
    {.name = "channel", .type = T::kString},
    {.name = "message", .type = T::kString}
};
constexpr SV kS96[] = {"pubsub", "loading", "stale"};
constexpr ArgDoc kA175[] = {
    {.name = "pattern", .type = T::kPattern, .flags = kArgOptional}
};
constexpr ArgDoc kA176[] = {
    {.name = "channel", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr ArgDoc kA177[] = {
    {.name = "shardchannel", .type = T::kString, .flags = kArgOptional | kArgMultiple}
};
constexpr CommandDoc kC10[] = {
    {.name = "pubsub|channels", .arity = -2, .flags = kS96, .acl_categories = kS92,
       .summary = "Lists the channels that have subscribers.", .since = "2.8.0", .group = "pubsub",
       .complexity = "O(N), N being the number of active channels, assuming short names and patterns.",
       .args = kA175},
    {.name = "pubsub|help", .arity = 2, .flags = kS4, .acl_categories = kS1,
       .summary = "Describes the PUBSUB subcommands.", .since = "6.2.0", .group = "pubsub",
       .complexity = "O(1)"},
    {.name = "pubsub|numpat", .arity = 2, .flags = kS96, .acl_categories = kS92,
       .summary = "Returns the number of distinct patterns subscribed to.", .since = "2.8.0",
       .group = "pubsub", .complexity = "O(1)"},
    {.name = "pubsub|numsub", .arity = -2, .flags = kS96, .acl_categories = kS92,
       .summary = "Returns the number of subscribers of channels.", .since = "2.8.0",
       .group = "pubsub", .complexity = "O(N), N being the number of channels given.", .args = kA176},
    {.name = "pubsub|shardchannels", .arity = -2, .flags = kS96, .acl_categories = kS92,
       .summary = "Lists the shard channels that have subscribers.", .since = "7.0.0",
       .group = "pubsub",
       .complexity = "O(N), N being the number of active shard channels, assuming short names and patterns.",
       .args = kA175},
    {.name = "pubsub|shardnumsub", .arity = -2, .flags = kS96, .acl_categories = kS92,
       .summary = "Returns the number of subscribers of shard channels.", .since = "7.0.0",
       .group = "pubsub", .complexity = "O(N), N being the number of shard channels given.",
       .args = kA177}
};
constexpr ArgDoc kA178[] = {
    {.name = "pattern", .type = T::kPattern, .flags = kArgOptional | kArgMultiple}
};
constexpr SV kS97[] = {"request_policy:all_shards", "nondeterministic_output"};
constexpr KeySpecDoc kK34[] = {
    {.flags = kKeyRW | kKeyAccess | kKeyDelete, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyOW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA179[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "newkey", .type = T::kKey, .key_spec_index = 1}
};
constexpr KeySpecDoc kK35[] = {
    {.flags = kKeyRW | kKeyAccess | kKeyDelete, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyOW | kKeyInsert, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH30[] = {
    {"3.2.0", "No error when the old and new names are equal."}
};
constexpr SV kS98[] = {"admin", "noscript", "loading", "stale", "allow_busy"};
constexpr SV kS99[] = {"admin", "noscript", "stale", "no_async_loading"};
constexpr ArgDoc kA180[] = {
    {.name = "host", .type = T::kString},
    {.name = "port", .type = T::kInteger}
};
constexpr ArgDoc kA181[] = {
    {.name = "no", .type = T::kPureToken, .token = "NO"},
    {.name = "one", .type = T::kPureToken, .token = "ONE"}
};
constexpr ArgDoc kA182[] = {
    {.name = "host-port", .type = T::kBlock, .args = kA180},
    {.name = "no-one", .type = T::kBlock, .args = kA181}
};
constexpr ArgDoc kA183[] = {
    {.name = "args", .type = T::kOneOf, .args = kA182}
};
constexpr HistoryDoc kH31[] = {
    {"3.0.0", "Accepts REPLACE."},
    {"5.0.0", "Accepts ABSTTL."},
    {"5.0.0", "Accepts IDLETIME and FREQ."}
};
constexpr ArgDoc kA184[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "ttl", .type = T::kInteger},
    {.name = "serialized-value", .type = T::kString},
    {.name = "replace", .type = T::kPureToken, .token = "REPLACE", .since = "3.0.0",
       .flags = kArgOptional},
    {.name = "absttl", .type = T::kPureToken, .token = "ABSTTL", .since = "5.0.0",
       .flags = kArgOptional},
    {.name = "seconds", .type = T::kInteger, .token = "IDLETIME", .since = "5.0.0",
       .flags = kArgOptional},
    {.name = "frequency", .type = T::kInteger, .token = "FREQ", .since = "5.0.0",
       .flags = kArgOptional}
};
constexpr SV kS100[] = {"write", "denyoom", "asking"};
constexpr SV kS101[] = {"noscript", "loading", "stale", "fast"};
constexpr ArgDoc kA185[] = {
    {.name = "source", .type = T::kKey, .key_spec_index = 0},
    {.name = "destination", .type = T::kKey, .key_spec_index = 1}
};
constexpr SV kS102[] = {"@write", "@set", "@fast"};
constexpr HistoryDoc kH32[] = {
    {"2.4.0", "Accepts several members."}
};
constexpr SV kS103[] = {"nondeterministic_output", "request_policy:special"};
constexpr HistoryDoc kH33[] = {
    {"6.0.0", "Accepts TYPE."}
};
constexpr ArgDoc kA186[] = {
    {.name = "cursor", .type = T::kInteger},
    {.name = "pattern", .type = T::kPattern, .token = "MATCH", .flags = kArgOptional},
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional},
    {.name = "type", .type = T::kString, .token = "TYPE", .since = "6.0.0", .flags = kArgOptional}
};
constexpr SV kS104[] = {"@read", "@set", "@fast"};
constexpr ArgDoc kA187[] = {
    {.name = "yes", .type = T::kPureToken, .token = "YES"},
    {.name = "sync", .type = T::kPureToken, .token = "SYNC"},
    {.name = "no", .type = T::kPureToken, .token = "NO"}
};
constexpr ArgDoc kA188[] = {
    {.name = "mode", .type = T::kOneOf, .args = kA187}
};
constexpr SV kS105[] = {"request_policy:all_shards", "response_policy:agg_logical_and"};
constexpr ArgDoc kA189[] = {
    {.name = "sha1", .type = T::kString, .flags = kArgMultiple}
};
constexpr HistoryDoc kH34[] = {
    {"6.2.0", "Accepts ASYNC and SYNC."}
};
constexpr ArgDoc kA190[] = {
    {.name = "async", .type = T::kOneOf, .since = "6.2.0", .flags = kArgOptional, .args = kA91}
};
constexpr SV kS106[] = {"noscript", "stale"};
constexpr ArgDoc kA191[] = {
    {.name = "script", .type = T::kString}
};
constexpr CommandDoc kC11[] = {
    {.name = "script|debug", .arity = 3, .flags = kS53, .acl_categories = kS43,
       .summary = "Sets the debugging mode of scripts run after it.", .since = "3.2.0",
       .group = "scripting", .complexity = "O(1)", .args = kA188},
    {.name = "script|exists", .arity = -3, .flags = kS53, .acl_categories = kS43, .tips = kS105,
       .summary = "Tells which scripts are in the script cache.", .since = "2.6.0",
       .group = "scripting", .complexity = "O(N), N being the number of digests given.",
       .args = kA189},
    {.name = "script|flush", .arity = -2, .flags = kS53, .acl_categories = kS43, .tips = kS32,
       .summary = "Empties the script cache.", .since = "2.6.0", .group = "scripting",
       .complexity = "O(N), N being the number of cached scripts.", .history = kH34, .args = kA190},
    {.name = "script|help", .arity = 2, .flags = kS4, .acl_categories = kS43,
       .summary = "Describes the SCRIPT subcommands.", .since = "5.0.0", .group = "scripting",
       .complexity = "O(1)"},
    {.name = "script|kill", .arity = 2, .flags = kS54, .acl_categories = kS43, .tips = kS55,
       .summary = "Stops the script that is running.", .since = "2.6.0", .group = "scripting",
       .complexity = "O(1)"},
    {.name = "script|load", .arity = 3, .flags = kS106, .acl_categories = kS43, .tips = kS32,
       .summary = "Adds a Lua script to the script cache without running it.", .since = "2.6.0",
       .group = "scripting", .complexity = "O(N), N being the length of the script in bytes.",
       .args = kA191}
};
constexpr SV kS107[] = {"@read", "@set", "@slow"};
constexpr SV kS108[] = {"@write", "@set", "@slow"};
constexpr KeySpecDoc kK36[] = {
    {.flags = kKeyOW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA192[] = {
    {.name = "destination", .type = T::kKey, .key_spec_index = 0},
    {.name = "key", .type = T::kKey, .key_spec_index = 1, .flags = kArgMultiple}
};
constexpr ArgDoc kA193[] = {
    {.name = "index", .type = T::kInteger}
};
constexpr KeySpecDoc kK37[] = {
    {.notes = "Read-write with access because GET may return the old value.",
       .flags = kKeyRW | kKeyAccess | kKeyUpdate | kKeyVariableFlags,
       .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH35[] = {
    {"2.6.12", "Accepts EX, PX, NX and XX."},
    {"6.0.0", "Accepts KEEPTTL."},
    {"6.2.0", "Accepts GET, EXAT and PXAT."},
    {"7.0.0", "NX and GET may be combined."}
};
constexpr ArgDoc kA194[] = {
    {.name = "seconds", .type = T::kInteger, .token = "EX", .since = "2.6.12"},
    {.name = "milliseconds", .type = T::kInteger, .token = "PX", .since = "2.6.12"},
    {.name = "unix-time-seconds", .type = T::kUnixTime, .token = "EXAT", .since = "6.2.0"},
    {.name = "unix-time-milliseconds", .type = T::kUnixTime, .token = "PXAT", .since = "6.2.0"},
    {.name = "keepttl", .type = T::kPureToken, .token = "KEEPTTL", .since = "6.0.0"}
};
constexpr ArgDoc kA195[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "value", .type = T::kString},
    {.name = "condition", .type = T::kOneOf, .since = "2.6.12", .flags = kArgOptional, .args = kA97},
    {.name = "get", .type = T::kPureToken, .token = "GET", .since = "6.2.0", .flags = kArgOptional},
    {.name = "expiration", .type = T::kOneOf, .flags = kArgOptional, .args = kA194}
};
constexpr ArgDoc kA196[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "offset", .type = T::kInteger},
    {.name = "value", .type = T::kInteger}
};
constexpr ArgDoc kA197[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "seconds", .type = T::kInteger},
    {.name = "value", .type = T::kString}
};
constexpr KeySpecDoc kK38[] = {
    {.flags = kKeyOW | kKeyInsert, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA198[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "offset", .type = T::kInteger},
    {.name = "value", .type = T::kString}
};
constexpr SV kS109[] = {"admin", "noscript", "loading", "stale", "no_multi", "allow_busy"};
constexpr HistoryDoc kH36[] = {
    {"7.0.0", "Accepts NOW, FORCE and ABORT."}
};
constexpr ArgDoc kA199[] = {
    {.name = "nosave", .type = T::kPureToken, .token = "NOSAVE"},
    {.name = "save", .type = T::kPureToken, .token = "SAVE"}
};
constexpr ArgDoc kA200[] = {
    {.name = "nosave_save", .type = T::kOneOf, .flags = kArgOptional, .args = kA199},
    {.name = "now", .type = T::kPureToken, .token = "NOW", .since = "7.0.0", .flags = kArgOptional},
    {.name = "force", .type = T::kPureToken, .token = "FORCE", .since = "7.0.0",
       .flags = kArgOptional},
    {.name = "abort", .type = T::kPureToken, .token = "ABORT", .since = "7.0.0",
       .flags = kArgOptional}
};
constexpr SV kS110[] = {"readonly", "movablekeys"};
constexpr KeySpecDoc kK39[] = {
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kKeynum, .keystep = 1, .keynumidx = 0, .firstkey = 1}}
};
constexpr ArgDoc kA201[] = {
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgMultiple},
    {.name = "limit", .type = T::kInteger, .token = "LIMIT", .flags = kArgOptional}
};
constexpr KeySpecDoc kK40[] = {
    {.flags = kKeyRW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA202[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "member", .type = T::kString}
};
constexpr SV kS111[] = {"admin", "loading", "stale"};
constexpr SV kS112[] = {"request_policy:all_nodes", "nondeterministic_output"};
constexpr HistoryDoc kH37[] = {
    {"4.0.0", "Reports the client address and name."}
};
constexpr ArgDoc kA203[] = {
    {.name = "count", .type = T::kInteger, .flags = kArgOptional}
};
constexpr SV kS113[] = {"request_policy:all_nodes", "response_policy:agg_sum",
   "nondeterministic_output"};
constexpr CommandDoc kC12[] = {
    {.name = "slowlog|get", .arity = -2, .flags = kS111, .acl_categories = kS3, .tips = kS112,
       .summary = "Returns entries of the slow log.", .since = "2.2.12", .group = "server",
       .complexity = "O(N), N being the number of entries returned.", .history = kH37, .args = kA203},
    {.name = "slowlog|help", .arity = 2, .flags = kS4, .acl_categories = kS1,
       .summary = "Describes the SLOWLOG subcommands.", .since = "6.2.0", .group = "server",
       .complexity = "O(1)"},
    {.name = "slowlog|len", .arity = 2, .flags = kS111, .acl_categories = kS3, .tips = kS113,
       .summary = "Returns the number of entries in the slow log.", .since = "2.2.12",
       .group = "server", .complexity = "O(1)"},
    {.name = "slowlog|reset", .arity = 2, .flags = kS111, .acl_categories = kS3, .tips = kS32,
       .summary = "Empties the slow log.", .since = "2.2.12", .group = "server",
       .complexity = "O(N), N being the number of entries in the slow log."}
};
constexpr ArgDoc kA204[] = {
    {.name = "source", .type = T::kKey, .key_spec_index = 0},
    {.name = "destination", .type = T::kKey, .key_spec_index = 1},
    {.name = "member", .type = T::kString}
};
constexpr SV kS114[] = {"@write", "@set", "@sortedset", "@list", "@slow", "@dangerous"};
constexpr KeySpecDoc kK41[] = {
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.notes = "Keys named by BY and GET; unknown because they are built from the sorted values.",
       .flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kUnknown},
       .find_keys = {.type = FK::kUnknown}},
    {.notes = "Destination given by STORE; unknown because the keyword may appear at any position.",
       .flags = kKeyOW | kKeyUpdate, .begin_search = {.type = BS::kUnknown},
       .find_keys = {.type = FK::kUnknown}}
};
constexpr ArgDoc kA205[] = {
    {.name = "offset", .type = T::kInteger},
    {.name = "count", .type = T::kInteger}
};
constexpr ArgDoc kA206[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "pattern", .type = T::kPattern, .key_spec_index = 1, .token = "BY",
       .flags = kArgOptional},
    {.name = "offset_count", .type = T::kBlock, .token = "LIMIT", .flags = kArgOptional,
       .args = kA205},
    {.name = "pattern", .type = T::kPattern, .key_spec_index = 1, .token = "GET",
       .flags = kArgOptional | kArgMultiple | kArgMultipleToken},
    {.name = "order", .type = T::kOneOf, .flags = kArgOptional, .args = kA104},
    {.name = "sorting", .type = T::kPureToken, .token = "ALPHA", .flags = kArgOptional},
    {.name = "destination", .type = T::kKey, .key_spec_index = 2, .token = "STORE",
       .flags = kArgOptional}
};
constexpr SV kS115[] = {"@read", "@set", "@sortedset", "@list", "@slow", "@dangerous"};
constexpr KeySpecDoc kK42[] = {
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.notes = "Keys named by BY and GET; unknown because they are built from the sorted values.",
       .flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kUnknown},
       .find_keys = {.type = FK::kUnknown}}
};
constexpr ArgDoc kA207[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "pattern", .type = T::kPattern, .key_spec_index = 1, .token = "BY",
       .flags = kArgOptional},
    {.name = "offset_count", .type = T::kBlock, .token = "LIMIT", .flags = kArgOptional,
       .args = kA205},
    {.name = "pattern", .type = T::kPattern, .key_spec_index = 1, .token = "GET",
       .flags = kArgOptional | kArgMultiple | kArgMultipleToken},
    {.name = "order", .type = T::kOneOf, .flags = kArgOptional, .args = kA104},
    {.name = "sorting", .type = T::kPureToken, .token = "ALPHA", .flags = kArgOptional}
};
constexpr HistoryDoc kH38[] = {
    {"3.2.0", "Accepts a count."}
};
constexpr ArgDoc kA208[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "count", .type = T::kInteger, .since = "3.2.0", .flags = kArgOptional}
};
constexpr KeySpecDoc kK43[] = {
    {.flags = kKeyNotKey, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA209[] = {
    {.name = "shardchannel", .type = T::kString},
    {.name = "message", .type = T::kString}
};
constexpr HistoryDoc kH39[] = {
    {"2.6.0", "Accepts a count."}
};
constexpr ArgDoc kA210[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "count", .type = T::kInteger, .since = "2.6.0", .flags = kArgOptional}
};
constexpr KeySpecDoc kK44[] = {
    {.flags = kKeyNotKey, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA211[] = {
    {.name = "shardchannel", .type = T::kString, .flags = kArgMultiple}
};
constexpr ArgDoc kA212[] = {
    {.name = "channel", .type = T::kString, .flags = kArgMultiple}
};
constexpr SV kS116[] = {"@keyspace", "@write", "@fast", "@dangerous"};
constexpr ArgDoc kA213[] = {
    {.name = "index1", .type = T::kInteger},
    {.name = "index2", .type = T::kInteger}
};
constexpr SV kS117[] = {"@fast"};
constexpr SV kS118[] = {"request_policy:all_shards", "response_policy:agg_min"};
constexpr ArgDoc kA214[] = {
    {.name = "numreplicas", .type = T::kInteger},
    {.name = "timeout", .type = T::kInteger}
};
constexpr SV kS119[] = {"@write", "@stream", "@fast"};
constexpr ArgDoc kA215[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "group", .type = T::kString},
    {.name = "id", .type = T::kString, .flags = kArgMultiple}
};
constexpr KeySpecDoc kK45[] = {
    {.notes = "Update rather than insert, since trimming may remove entries.",
       .flags = kKeyRW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH40[] = {
    {"6.2.0", "Accepts NOMKSTREAM, the MINID strategy and LIMIT."},
    {"7.0.0", "Accepts IDs of the form <ms>-*."}
};
constexpr ArgDoc kA216[] = {
    {.name = "maxlen", .type = T::kPureToken, .token = "MAXLEN"},
    {.name = "minid", .type = T::kPureToken, .token = "MINID", .since = "6.2.0"}
};
constexpr ArgDoc kA217[] = {
    {.name = "equal", .type = T::kPureToken, .token = "="},
    {.name = "approximately", .type = T::kPureToken, .token = "~"}
};
constexpr ArgDoc kA218[] = {
    {.name = "strategy", .type = T::kOneOf, .args = kA216},
    {.name = "operator", .type = T::kOneOf, .flags = kArgOptional, .args = kA217},
    {.name = "threshold", .type = T::kString},
    {.name = "count", .type = T::kInteger, .token = "LIMIT", .since = "6.2.0", .flags = kArgOptional}
};
constexpr ArgDoc kA219[] = {
    {.name = "auto_id", .type = T::kPureToken, .token = "*"},
    {.name = "id", .type = T::kString}
};
constexpr ArgDoc kA220[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "nomkstream", .type = T::kPureToken, .token = "NOMKSTREAM", .since = "6.2.0",
       .flags = kArgOptional},
    {.name = "trim", .type = T::kBlock, .flags = kArgOptional, .args = kA218},
    {.name = "id_or_auto", .type = T::kOneOf, .args = kA219},
    {.name = "field_value", .type = T::kBlock, .flags = kArgMultiple, .args = kA128}
};
constexpr HistoryDoc kH41[] = {
    {"7.0.0", "The reply also lists the deleted entries removed from the pending list."}
};
constexpr ArgDoc kA221[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "group", .type = T::kString},
    {.name = "consumer", .type = T::kString},
    {.name = "min-idle-time", .type = T::kString},
    {.name = "start", .type = T::kString},
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional},
    {.name = "justid", .type = T::kPureToken, .token = "JUSTID", .flags = kArgOptional}
};
constexpr ArgDoc kA222[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "group", .type = T::kString},
    {.name = "consumer", .type = T::kString},
    {.name = "min-idle-time", .type = T::kString},
    {.name = "id", .type = T::kString, .flags = kArgMultiple},
    {.name = "ms", .type = T::kInteger, .token = "IDLE", .flags = kArgOptional},
    {.name = "unix-time-milliseconds", .type = T::kUnixTime, .token = "TIME", .flags = kArgOptional},
    {.name = "count", .type = T::kInteger, .token = "RETRYCOUNT", .flags = kArgOptional},
    {.name = "force", .type = T::kPureToken, .token = "FORCE", .flags = kArgOptional},
    {.name = "justid", .type = T::kPureToken, .token = "JUSTID", .flags = kArgOptional},
    {.name = "id", .type = T::kString, .token = "LASTID", .flags = kArgOptional}
};
constexpr ArgDoc kA223[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "id", .type = T::kString, .flags = kArgMultiple}
};
constexpr SV kS120[] = {"@write", "@stream", "@slow"};
constexpr KeySpecDoc kK46[] = {
    {.flags = kKeyRW | kKeyInsert, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH42[] = {
    {"7.0.0", "Accepts ENTRIESREAD."}
};
constexpr ArgDoc kA224[] = {
    {.name = "id", .type = T::kString},
    {.name = "new_id", .type = T::kPureToken, .token = "$"}
};
constexpr ArgDoc kA225[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "groupname", .type = T::kString},
    {.name = "id", .type = T::kOneOf, .args = kA224},
    {.name = "mkstream", .type = T::kPureToken, .token = "MKSTREAM", .flags = kArgOptional},
    {.name = "entries_read", .type = T::kInteger, .token = "ENTRIESREAD", .flags = kArgOptional}
};
constexpr ArgDoc kA226[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "groupname", .type = T::kString},
    {.name = "consumername", .type = T::kString}
};
constexpr KeySpecDoc kK47[] = {
    {.flags = kKeyRW | kKeyDelete, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA227[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "groupname", .type = T::kString}
};
constexpr SV kS121[] = {"@stream", "@slow"};
constexpr KeySpecDoc kK48[] = {
    {.flags = kKeyRW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr ArgDoc kA228[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "groupname", .type = T::kString},
    {.name = "id", .type = T::kOneOf, .args = kA224},
    {.name = "entries_read", .type = T::kInteger, .token = "ENTRIESREAD", .flags = kArgOptional}
};
constexpr CommandDoc kC13[] = {
    {.name = "xgroup|create", .arity = -5, .flags = kS13, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS120, .key_specs = kK46,
       .summary = "Creates a consumer group on a stream.", .since = "5.0.0", .group = "stream",
       .complexity = "O(1)", .history = kH42, .args = kA225},
    {.name = "xgroup|createconsumer", .arity = 5, .flags = kS13, .first_key = 2, .last_key = 2,
       .step = 1, .acl_categories = kS120, .key_specs = kK46,
       .summary = "Adds a consumer to a consumer group.", .since = "6.2.0", .group = "stream",
       .complexity = "O(1)", .args = kA226},
    {.name = "xgroup|delconsumer", .arity = 5, .flags = kS36, .first_key = 2, .last_key = 2,
       .step = 1, .acl_categories = kS120, .key_specs = kK47,
       .summary = "Removes a consumer from a consumer group.", .since = "5.0.0", .group = "stream",
       .complexity = "O(1)", .args = kA226},
    {.name = "xgroup|destroy", .arity = 4, .flags = kS36, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS120, .key_specs = kK47, .summary = "Deletes a consumer group.",
       .since = "5.0.0", .group = "stream",
       .complexity = "O(N), N being the size of the group's pending list.", .args = kA227},
    {.name = "xgroup|help", .arity = 2, .flags = kS4, .acl_categories = kS121,
       .summary = "Describes the XGROUP subcommands.", .since = "5.0.0", .group = "stream",
       .complexity = "O(1)"},
    {.name = "xgroup|setid", .arity = -5, .flags = kS36, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS120, .key_specs = kK48,
       .summary = "Sets the last delivered ID of a consumer group.", .since = "5.0.0",
       .group = "stream", .complexity = "O(1)", .history = kH42, .args = kA228}
};
constexpr SV kS122[] = {"@read", "@stream", "@slow"};
constexpr KeySpecDoc kK49[] = {
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}}
};
constexpr HistoryDoc kH43[] = {
    {"7.0.0", "Reports entries-read and lag."}
};
constexpr HistoryDoc kH44[] = {
    {"6.0.0", "Accepts FULL."},
    {"7.0.0", "Reports max-deleted-entry-id, entries-added, recorded-first-entry-id, entries-read and lag."}
};
constexpr ArgDoc kA229[] = {
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional}
};
constexpr ArgDoc kA230[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "full", .type = T::kBlock, .token = "FULL", .flags = kArgOptional, .args = kA229}
};
constexpr CommandDoc kC14[] = {
    {.name = "xinfo|consumers", .arity = 4, .flags = kS11, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS122, .tips = kS25, .key_specs = kK49,
       .summary = "Lists the consumers of a consumer group.", .since = "5.0.0", .group = "stream",
       .complexity = "O(1)", .args = kA227},
    {.name = "xinfo|groups", .arity = 3, .flags = kS11, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS122, .key_specs = kK49,
       .summary = "Lists the consumer groups of a stream.", .since = "5.0.0", .group = "stream",
       .complexity = "O(1)", .history = kH43, .args = kA76},
    {.name = "xinfo|help", .arity = 2, .flags = kS4, .acl_categories = kS121,
       .summary = "Describes the XINFO subcommands.", .since = "5.0.0", .group = "stream",
       .complexity = "O(1)"},
    {.name = "xinfo|stream", .arity = -3, .flags = kS11, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS122, .key_specs = kK49, .summary = "Describes a stream.",
       .since = "5.0.0", .group = "stream", .complexity = "O(1)", .history = kH44, .args = kA230}
};
constexpr SV kS123[] = {"@read", "@stream", "@fast"};
constexpr HistoryDoc kH45[] = {
    {"6.2.0", "Accepts IDLE and exclusive ranges."}
};
constexpr ArgDoc kA231[] = {
    {.name = "min-idle-time", .type = T::kInteger, .token = "IDLE", .since = "6.2.0",
       .flags = kArgOptional},
    {.name = "start", .type = T::kString},
    {.name = "end", .type = T::kString},
    {.name = "count", .type = T::kInteger},
    {.name = "consumer", .type = T::kString, .flags = kArgOptional}
};
constexpr ArgDoc kA232[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "group", .type = T::kString},
    {.name = "filters", .type = T::kBlock, .flags = kArgOptional, .args = kA231}
};
constexpr HistoryDoc kH46[] = {
    {"6.2.0", "Accepts exclusive ranges."}
};
constexpr ArgDoc kA233[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "start", .type = T::kString},
    {.name = "end", .type = T::kString},
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional}
};
constexpr SV kS124[] = {"readonly", "blocking", "movablekeys"};
constexpr SV kS125[] = {"@read", "@stream", "@slow", "@blocking"};
constexpr KeySpecDoc kK50[] = {
    {.flags = kKeyRO | kKeyAccess,
       .begin_search = {.type = BS::kKeyword, .keyword = "STREAMS", .startfrom = 1},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 2}}
};
constexpr ArgDoc kA234[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgMultiple},
    {.name = "id", .type = T::kString, .flags = kArgMultiple}
};
constexpr ArgDoc kA235[] = {
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional},
    {.name = "milliseconds", .type = T::kInteger, .token = "BLOCK", .flags = kArgOptional},
    {.name = "streams", .type = T::kBlock, .token = "STREAMS", .args = kA234}
};
constexpr SV kS126[] = {"@write", "@stream", "@slow", "@blocking"};
constexpr KeySpecDoc kK51[] = {
    {.flags = kKeyRO | kKeyAccess,
       .begin_search = {.type = BS::kKeyword, .keyword = "STREAMS", .startfrom = 4},
       .find_keys = {.type = FK::kRange, .lastkey = -1, .keystep = 1, .limit = 2}}
};
constexpr ArgDoc kA236[] = {
    {.name = "group", .type = T::kString},
    {.name = "consumer", .type = T::kString}
};
constexpr ArgDoc kA237[] = {
    {.name = "group_consumer", .type = T::kBlock, .token = "GROUP", .args = kA236},
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional},
    {.name = "milliseconds", .type = T::kInteger, .token = "BLOCK", .flags = kArgOptional},
    {.name = "noack", .type = T::kPureToken, .token = "NOACK", .flags = kArgOptional},
    {.name = "streams", .type = T::kBlock, .token = "STREAMS", .args = kA234}
};
constexpr ArgDoc kA238[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "end", .type = T::kString},
    {.name = "start", .type = T::kString},
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional}
};
constexpr HistoryDoc kH47[] = {
    {"7.0.0", "Accepts ENTRIESADDED and MAXDELETEDID."}
};
constexpr ArgDoc kA239[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "last-id", .type = T::kString},
    {.name = "entries_added", .type = T::kInteger, .token = "ENTRIESADDED", .since = "7.0.0",
       .flags = kArgOptional},
    {.name = "max_deleted_entry_id", .type = T::kString, .token = "MAXDELETEDID", .since = "7.0.0",
       .flags = kArgOptional}
};
constexpr HistoryDoc kH48[] = {
    {"6.2.0", "Accepts the MINID strategy and LIMIT."}
};
constexpr ArgDoc kA240[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "trim", .type = T::kBlock, .args = kA218}
};
constexpr SV kS127[] = {"@write", "@sortedset", "@fast"};
constexpr HistoryDoc kH49[] = {
    {"2.4.0", "Accepts several members."},
    {"3.0.2", "Accepts XX, NX, CH and INCR."},
    {"6.2.0", "Accepts GT and LT."}
};
constexpr ArgDoc kA241[] = {
    {.name = "gt", .type = T::kPureToken, .token = "GT"},
    {.name = "lt", .type = T::kPureToken, .token = "LT"}
};
constexpr ArgDoc kA242[] = {
    {.name = "score", .type = T::kDouble},
    {.name = "member", .type = T::kString}
};
constexpr ArgDoc kA243[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "condition", .type = T::kOneOf, .since = "3.0.2", .flags = kArgOptional, .args = kA97},
    {.name = "comparison", .type = T::kOneOf, .since = "6.2.0", .flags = kArgOptional, .args = kA241},
    {.name = "change", .type = T::kPureToken, .token = "CH", .since = "3.0.2", .flags = kArgOptional},
    {.name = "increment", .type = T::kPureToken, .token = "INCR", .since = "3.0.2",
       .flags = kArgOptional},
    {.name = "score_member", .type = T::kBlock, .flags = kArgMultiple, .args = kA242}
};
constexpr SV kS128[] = {"@read", "@sortedset", "@fast"};
constexpr ArgDoc kA244[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "min", .type = T::kDouble},
    {.name = "max", .type = T::kDouble}
};
constexpr SV kS129[] = {"@read", "@sortedset", "@slow"};
constexpr ArgDoc kA245[] = {
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgMultiple},
    {.name = "withscores", .type = T::kPureToken, .token = "WITHSCORES", .flags = kArgOptional}
};
constexpr SV kS130[] = {"@write", "@sortedset", "@slow"};
constexpr KeySpecDoc kK52[] = {
    {.flags = kKeyOW | kKeyUpdate, .begin_search = {.type = BS::kIndex, .index = 1},
       .find_keys = {.type = FK::kRange, .lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = kKeyRO | kKeyAccess, .begin_search = {.type = BS::kIndex, .index = 2},
       .find_keys = {.type = FK::kKeynum, .keystep = 1, .keynumidx = 0, .firstkey = 1}}
};
constexpr ArgDoc kA246[] = {
    {.name = "destination", .type = T::kKey, .key_spec_index = 0},
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 1, .flags = kArgMultiple}
};
constexpr ArgDoc kA247[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "increment", .type = T::kInteger},
    {.name = "member", .type = T::kString}
};
constexpr ArgDoc kA248[] = {
    {.name = "sum", .type = T::kPureToken, .token = "SUM"},
    {.name = "min", .type = T::kPureToken, .token = "MIN"},
    {.name = "max", .type = T::kPureToken, .token = "MAX"}
};
constexpr ArgDoc kA249[] = {
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgMultiple},
    {.name = "weight", .type = T::kInteger, .token = "WEIGHTS", .flags = kArgOptional | kArgMultiple},
    {.name = "aggregate", .type = T::kOneOf, .token = "AGGREGATE", .flags = kArgOptional,
       .args = kA248},
    {.name = "withscores", .type = T::kPureToken, .token = "WITHSCORES", .flags = kArgOptional}
};
constexpr ArgDoc kA250[] = {
    {.name = "destination", .type = T::kKey, .key_spec_index = 0},
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 1, .flags = kArgMultiple},
    {.name = "weight", .type = T::kInteger, .token = "WEIGHTS", .flags = kArgOptional | kArgMultiple},
    {.name = "aggregate", .type = T::kOneOf, .token = "AGGREGATE", .flags = kArgOptional,
       .args = kA248}
};
constexpr ArgDoc kA251[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "min", .type = T::kString},
    {.name = "max", .type = T::kString}
};
constexpr ArgDoc kA252[] = {
    {.name = "numkeys", .type = T::kInteger},
    {.name = "key", .type = T::kKey, .key_spec_index = 0, .flags = kArgMultiple},
    {.name = "where", .type = T::kOneOf, .args = kA32},
    {.name = "count", .type = T::kInteger, .token = "COUNT", .flags = kArgOptional}
};
constexpr ArgDoc kA253[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "count", .type = T::kInteger, .flags = kArgOptional}
};
constexpr ArgDoc kA254[] = {
    {.name = "count", .type = T::kInteger},
    {.name = "withscores", .type = T::kPureToken, .token = "WITHSCORES", .flags = kArgOptional}
};
constexpr ArgDoc kA255[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "options", .type = T::kBlock, .flags = kArgOptional, .args = kA254}
};
constexpr HistoryDoc kH50[] = {
    {"6.2.0", "Accepts REV, BYSCORE, BYLEX and LIMIT."}
};
constexpr ArgDoc kA256[] = {
    {.name = "byscore", .type = T::kPureToken, .token = "BYSCORE"},
    {.name = "bylex", .type = T::kPureToken, .token = "BYLEX"}
};
constexpr ArgDoc kA257[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "start", .type = T::kString},
    {.name = "stop", .type = T::kString},
    {.name = "sortby", .type = T::kOneOf, .since = "6.2.0", .flags = kArgOptional, .args = kA256},
    {.name = "rev", .type = T::kPureToken, .token = "REV", .since = "6.2.0", .flags = kArgOptional},
    {.name = "offset_count", .type = T::kBlock, .token = "LIMIT", .since = "6.2.0",
       .flags = kArgOptional, .args = kA205},
    {.name = "withscores", .type = T::kPureToken, .token = "WITHSCORES", .flags = kArgOptional}
};
constexpr ArgDoc kA258[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "min", .type = T::kString},
    {.name = "max", .type = T::kString},
    {.name = "offset_count", .type = T::kBlock, .token = "LIMIT", .flags = kArgOptional,
       .args = kA205}
};
constexpr HistoryDoc kH51[] = {
    {"2.0.0", "Accepts WITHSCORES."}
};
constexpr ArgDoc kA259[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "min", .type = T::kDouble},
    {.name = "max", .type = T::kDouble},
    {.name = "withscores", .type = T::kPureToken, .token = "WITHSCORES", .since = "2.0.0",
       .flags = kArgOptional},
    {.name = "offset_count", .type = T::kBlock, .token = "LIMIT", .flags = kArgOptional,
       .args = kA205}
};
constexpr ArgDoc kA260[] = {
    {.name = "dst", .type = T::kKey, .key_spec_index = 0},
    {.name = "src", .type = T::kKey, .key_spec_index = 1},
    {.name = "min", .type = T::kString},
    {.name = "max", .type = T::kString},
    {.name = "sortby", .type = T::kOneOf, .flags = kArgOptional, .args = kA256},
    {.name = "rev", .type = T::kPureToken, .token = "REV", .flags = kArgOptional},
    {.name = "offset_count", .type = T::kBlock, .token = "LIMIT", .flags = kArgOptional,
       .args = kA205}
};
constexpr ArgDoc kA261[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "start", .type = T::kInteger},
    {.name = "stop", .type = T::kInteger},
    {.name = "withscores", .type = T::kPureToken, .token = "WITHSCORES", .flags = kArgOptional}
};
constexpr ArgDoc kA262[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "max", .type = T::kString},
    {.name = "min", .type = T::kString},
    {.name = "offset_count", .type = T::kBlock, .token = "LIMIT", .flags = kArgOptional,
       .args = kA205}
};
constexpr HistoryDoc kH52[] = {
    {"2.1.6", "Accepts exclusive bounds."}
};
constexpr ArgDoc kA263[] = {
    {.name = "key", .type = T::kKey, .key_spec_index = 0},
    {.name = "max", .type = T::kDouble},
    {.name = "min", .type = T::kDouble},
    {.name = "withscores", .type = T::kPureToken, .token = "WITHSCORES", .flags = kArgOptional},
    {.name = "offset_count", .type = T::kBlock, .token = "LIMIT", .flags = kArgOptional,
       .args = kA205}
};
constexpr CommandDoc kCommands[] = {
    {.name = "acl", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the access control list (ACL) subcommands.", .since = "6.0.0",
       .group = "server", .complexity = "Varies with the subcommand.", .subcommands = kC0},
    {.name = "append", .arity = 3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS6, .key_specs = kK0,
       .summary = "Appends a string to the value of a key, creating the key if needed.",
       .since = "2.0.0", .group = "string",
       .complexity = "O(1) amortized: the string buffer grows geometrically, so appending a small value costs constant time whatever the current length.",
       .args = kA8},
    {.name = "asking", .arity = 1, .flags = kS7, .acl_categories = kS8,
       .summary = "Marks the next command as following an -ASK redirection in a cluster.",
       .since = "3.0.0", .group = "cluster", .complexity = "O(1)"},
    {.name = "auth", .arity = -2, .flags = kS9, .acl_categories = kS8,
       .summary = "Authenticates the connection.", .since = "1.0.0", .group = "connection",
       .complexity = "O(N), N being the number of passwords the user has.", .history = kH2,
       .args = kA9},
    {.name = "bgrewriteaof", .arity = 1, .flags = kS10, .acl_categories = kS3,
       .summary = "Rewrites the append-only file in the background.", .since = "1.0.0",
       .group = "server", .complexity = "O(1)"},
    {.name = "bgsave", .arity = -1, .flags = kS10, .acl_categories = kS3,
       .summary = "Saves the dataset to disk in the background.", .since = "1.0.0",
       .group = "server", .complexity = "O(1)", .history = kH3, .args = kA10},
    {.name = "bitcount", .arity = -2, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS12, .key_specs = kK1, .summary = "Counts the bits set to 1 in a string.",
       .since = "2.6.0", .group = "bitmap", .complexity = "O(N)", .history = kH4, .args = kA13},
    {.name = "bitfield", .arity = -2, .flags = kS13, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS14, .key_specs = kK2,
       .summary = "Reads, writes and increments integer fields of arbitrary width inside a string.",
       .since = "3.2.0", .group = "bitmap", .complexity = "O(1) per operation given.", .args = kA21},
    {.name = "bitfield_ro", .arity = -2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS16, .key_specs = kK1,
       .summary = "Reads integer fields of arbitrary width inside a string; the read-only form of BITFIELD.",
       .since = "6.0.0", .group = "bitmap", .complexity = "O(1) per operation given.", .args = kA22},
    {.name = "bitop", .arity = -4, .flags = kS13, .first_key = 2, .last_key = -1, .step = 1,
       .acl_categories = kS14, .key_specs = kK3,
       .summary = "Combines strings bit by bit (AND, OR, XOR, NOT) and stores the result.",
       .since = "2.6.0", .group = "bitmap", .complexity = "O(N)", .args = kA23},
    {.name = "bitpos", .arity = -3, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS12, .key_specs = kK1,
       .summary = "Returns the position of the first bit set to 1 or 0 in a string.",
       .since = "2.8.7", .group = "bitmap", .complexity = "O(N)", .history = kH4, .args = kA26},
    {.name = "blmove", .arity = 6, .flags = kS17, .first_key = 1, .last_key = 2, .step = 1,
       .acl_categories = kS18, .key_specs = kK4,
       .summary = "Moves an element from one list to another and returns it, blocking while the source is empty.",
       .since = "6.2.0", .group = "list", .complexity = "O(1)", .args = kA28},
    {.name = "blmpop", .arity = -5, .flags = kS19, .acl_categories = kS18, .key_specs = kK5,
       .summary = "Pops elements from the first non-empty list among several, blocking while all are empty.",
       .since = "7.0.0", .group = "list",
       .complexity = "O(N+M), N being the number of keys given and M the number of elements popped.",
       .args = kA29},
    {.name = "blpop", .arity = -3, .flags = kS20, .first_key = 1, .last_key = -2, .step = 1,
       .acl_categories = kS18, .key_specs = kK6,
       .summary = "Pops the first element of the first non-empty list, blocking while all are empty.",
       .since = "2.0.0", .group = "list", .complexity = "O(N), N being the number of keys given.",
       .history = kH5, .args = kA30},
    {.name = "brpop", .arity = -3, .flags = kS20, .first_key = 1, .last_key = -2, .step = 1,
       .acl_categories = kS18, .key_specs = kK6,
       .summary = "Pops the last element of the first non-empty list, blocking while all are empty.",
       .since = "2.0.0", .group = "list", .complexity = "O(N), N being the number of keys given.",
       .history = kH5, .args = kA30},
    {.name = "brpoplpush", .arity = 4, .flags = kS17, .first_key = 1, .last_key = 2, .step = 1,
       .acl_categories = kS18, .key_specs = kK4,
       .summary = "Moves the last element of a list to the head of another and returns it, blocking while the source is empty.",
       .since = "2.2.0", .group = "list", .complexity = "O(1)", .doc_flags = kDocDeprecated,
       .deprecated_since = "6.2.0", .replaced_by = "`BLMOVE` with the `RIGHT` and `LEFT` arguments",
       .history = kH5, .args = kA31},
    {.name = "bzmpop", .arity = -5, .flags = kS19, .acl_categories = kS21, .key_specs = kK5,
       .summary = "Pops members with their scores from the first non-empty sorted set among several, blocking while all are empty.",
       .since = "7.0.0", .group = "sorted-set",
       .complexity = "O(K) + O(M*log(N)), K being the number of keys given, N the size of the sorted set and M the number of members popped.",
       .args = kA33},
    {.name = "bzpopmax", .arity = -3, .flags = kS22, .first_key = 1, .last_key = -2, .step = 1,
       .acl_categories = kS23, .key_specs = kK6,
       .summary = "Pops the highest-scoring member of the first non-empty sorted set, blocking while all are empty.",
       .since = "5.0.0", .group = "sorted-set",
       .complexity = "O(log(N)), N being the size of the sorted set.", .history = kH5, .args = kA30},
    {.name = "bzpopmin", .arity = -3, .flags = kS22, .first_key = 1, .last_key = -2, .step = 1,
       .acl_categories = kS23, .key_specs = kK6,
       .summary = "Pops the lowest-scoring member of the first non-empty sorted set, blocking while all are empty.",
       .since = "5.0.0", .group = "sorted-set",
       .complexity = "O(log(N)), N being the size of the sorted set.", .history = kH5, .args = kA30},
    {.name = "client", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the subcommands that manage client connections.", .since = "2.4.0",
       .group = "connection", .complexity = "Varies with the subcommand.", .subcommands = kC1},
    {.name = "cluster", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the Redis Cluster subcommands.", .since = "3.0.0",
       .group = "cluster", .complexity = "Varies with the subcommand.", .subcommands = kC2},
    {.name = "command", .arity = -1, .flags = kS4, .acl_categories = kS24, .tips = kS31,
       .summary = "Describes every command the server knows.", .since = "2.8.13", .group = "server",
       .complexity = "O(N), N being the number of commands.", .subcommands = kC3},
    {.name = "config", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the server configuration subcommands.", .since = "2.0.0",
       .group = "server", .complexity = "Varies with the subcommand.", .subcommands = kC4},
    {.name = "copy", .arity = -3, .flags = kS13, .first_key = 1, .last_key = 2, .step = 1,
       .acl_categories = kS33, .key_specs = kK7,
       .summary = "Copies the value of a key to another key.", .since = "6.2.0", .group = "generic",
       .complexity = "O(N) for collections, N being the number of nested elements; O(1) for strings.",
       .args = kA75},
    {.name = "dbsize", .arity = 1, .flags = kS15, .acl_categories = kS34, .tips = kS35,
       .summary = "Returns the number of keys in the current database.", .since = "1.0.0",
       .group = "server", .complexity = "O(1)"},
    {.name = "debug", .arity = -2, .flags = kS2, .acl_categories = kS3,
       .summary = "Container for debugging subcommands.", .since = "1.0.0", .group = "server",
       .complexity = "Varies with the subcommand.", .doc_flags = kDocSyscmd},
    {.name = "decr", .arity = 2, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS6, .key_specs = kK8,
       .summary = "Subtracts one from the integer stored at a key.", .since = "1.0.0",
       .group = "string", .complexity = "O(1)", .args = kA76},
    {.name = "decrby", .arity = 3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS6, .key_specs = kK8,
       .summary = "Subtracts a number from the integer stored at a key.", .since = "1.0.0",
       .group = "string", .complexity = "O(1)", .args = kA77},
    {.name = "del", .arity = -2, .flags = kS36, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS33, .tips = kS37, .key_specs = kK9, .summary = "Deletes keys.",
       .since = "1.0.0", .group = "generic",
       .complexity = "O(N), N being the number of keys deleted; deleting a collection also costs O(M), M being its number of elements, while a string costs O(1).",
       .args = kA78},
    {.name = "discard", .arity = 1, .flags = kS38, .acl_categories = kS39,
       .summary = "Drops the commands queued since MULTI.", .since = "2.0.0",
       .group = "transactions", .complexity = "O(N), N being the number of queued commands."},
    {.name = "dump", .arity = 2, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS40, .tips = kS25, .key_specs = kK1,
       .summary = "Returns the value of a key in a serialized form.", .since = "2.6.0",
       .group = "generic",
       .complexity = "O(1) to find the key plus O(N*M) to serialize it, N being the number of objects in the value and M their average size; O(1) for small strings.",
       .args = kA76},
    {.name = "echo", .arity = 2, .flags = kS41, .acl_categories = kS8,
       .summary = "Returns its argument.", .since = "1.0.0", .group = "connection",
       .complexity = "O(1)", .args = kA79},
    {.name = "eval", .arity = -3, .flags = kS42, .acl_categories = kS43, .key_specs = kK10,
       .summary = "Runs a Lua script on the server.", .since = "2.6.0", .group = "scripting",
       .complexity = "Depends on the script.", .args = kA80},
    {.name = "eval_ro", .arity = -3, .flags = kS44, .acl_categories = kS43, .key_specs = kK11,
       .summary = "Runs a read-only Lua script on the server.", .since = "7.0.0",
       .group = "scripting", .complexity = "Depends on the script.", .args = kA80},
    {.name = "evalsha", .arity = -3, .flags = kS42, .acl_categories = kS43, .key_specs = kK12,
       .summary = "Runs a cached Lua script, named by its SHA1 digest.", .since = "2.6.0",
       .group = "scripting", .complexity = "Depends on the script.", .args = kA81},
    {.name = "evalsha_ro", .arity = -3, .flags = kS44, .acl_categories = kS43, .key_specs = kK13,
       .summary = "Runs a cached read-only Lua script, named by its SHA1 digest.", .since = "7.0.0",
       .group = "scripting", .complexity = "Depends on the script.", .args = kA81},
    {.name = "exec", .arity = 1, .flags = kS45, .acl_categories = kS46,
       .summary = "Runs the commands queued since MULTI.", .since = "1.2.0",
       .group = "transactions", .complexity = "Depends on the queued commands."},
    {.name = "exists", .arity = -2, .flags = kS15, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS34, .tips = kS37, .key_specs = kK14,
       .summary = "Counts how many of the given keys exist.", .since = "1.0.0", .group = "generic",
       .complexity = "O(N), N being the number of keys given.", .history = kH14, .args = kA78},
    {.name = "expire", .arity = -3, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS48, .key_specs = kK15,
       .summary = "Sets the time to live of a key, in seconds.", .since = "1.0.0",
       .group = "generic", .complexity = "O(1)", .history = kH15, .args = kA83},
    {.name = "expireat", .arity = -3, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS48, .key_specs = kK15,
       .summary = "Sets the expiry of a key as a Unix time in seconds.", .since = "1.2.0",
       .group = "generic", .complexity = "O(1)", .history = kH15, .args = kA84},
    {.name = "expiretime", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS34, .key_specs = kK1,
       .summary = "Returns the expiry of a key as a Unix time in seconds.", .since = "7.0.0",
       .group = "generic", .complexity = "O(1)", .args = kA76},
    {.name = "failover", .arity = -1, .flags = kS30, .acl_categories = kS3,
       .summary = "Hands the master role over to one of the replicas, in a coordinated way.",
       .since = "6.2.0", .group = "server", .complexity = "O(1)", .args = kA86},
    {.name = "fcall", .arity = -3, .flags = kS42, .acl_categories = kS43, .key_specs = kK10,
       .summary = "Calls a function.", .since = "7.0.0", .group = "scripting",
       .complexity = "Depends on the function.", .args = kA87},
    {.name = "fcall_ro", .arity = -3, .flags = kS44, .acl_categories = kS43, .key_specs = kK11,
       .summary = "Calls a read-only function.", .since = "7.0.0", .group = "scripting",
       .complexity = "Depends on the function.", .args = kA87},
    {.name = "flushall", .arity = -1, .flags = kS36, .acl_categories = kS49, .tips = kS50,
       .summary = "Deletes every key of every database.", .since = "1.0.0", .group = "server",
       .complexity = "O(N), N being the number of keys in all databases.", .history = kH16,
       .args = kA89},
    {.name = "flushdb", .arity = -1, .flags = kS36, .acl_categories = kS49, .tips = kS50,
       .summary = "Deletes every key of the current database.", .since = "1.0.0", .group = "server",
       .complexity = "O(N), N being the number of keys in the database.", .history = kH16,
       .args = kA89},
    {.name = "function", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the function subcommands.", .since = "7.0.0", .group = "scripting",
       .complexity = "Varies with the subcommand.", .subcommands = kC5},
    {.name = "geoadd", .arity = -5, .flags = kS13, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS58, .key_specs = kK15,
       .summary = "Adds positions to a geospatial index stored as a sorted set.", .since = "3.2.0",
       .group = "geo",
       .complexity = "O(log(N)) per position added, N being the size of the sorted set.",
       .history = kH17, .args = kA99},
    {.name = "geodist", .arity = -4, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS59, .key_specs = kK1,
       .summary = "Returns the distance between two members of a geospatial index.",
       .since = "3.2.0", .group = "geo", .complexity = "O(log(N))", .args = kA101},
    {.name = "geohash", .arity = -2, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS59, .key_specs = kK1,
       .summary = "Returns the geohash strings of members of a geospatial index.", .since = "3.2.0",
       .group = "geo",
       .complexity = "O(log(N)) per member asked for, N being the size of the sorted set.",
       .args = kA102},
    {.name = "geopos", .arity = -2, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS59, .key_specs = kK1,
       .summary = "Returns the longitude and latitude of members of a geospatial index.",
       .since = "3.2.0", .group = "geo",
       .complexity = "O(N), N being the number of members asked for.", .args = kA102},
    {.name = "georadius", .arity = -6, .flags = kS60, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS58, .key_specs = kK16,
       .summary = "Returns members of a geospatial index within a radius of a point, optionally storing them.",
       .since = "3.2.0", .group = "geo",
       .complexity = "O(N+log(M)), N being the number of members in the bounding box of the circle and M the size of the index.",
       .doc_flags = kDocDeprecated, .deprecated_since = "6.2.0",
       .replaced_by = "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` argument",
       .history = kH18, .args = kA105},
    {.name = "georadius_ro", .arity = -6, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS59, .key_specs = kK1,
       .summary = "Returns members of a geospatial index within a radius of a point; the read-only form of GEORADIUS.",
       .since = "3.2.10", .group = "geo",
       .complexity = "O(N+log(M)), N being the number of members in the bounding box of the circle and M the size of the index.",
       .doc_flags = kDocDeprecated, .deprecated_since = "6.2.0",
       .replaced_by = "`GEOSEARCH` with the `BYRADIUS` argument", .history = kH19, .args = kA106},
    {.name = "georadiusbymember", .arity = -5, .flags = kS60, .first_key = 1, .last_key = 1,
       .step = 1, .acl_categories = kS58, .key_specs = kK17,
       .summary = "Returns members of a geospatial index within a radius of another member, optionally storing them.",
       .since = "3.2.0", .group = "geo",
       .complexity = "O(N+log(M)), N being the number of members in the bounding box of the circle and M the size of the index.",
       .doc_flags = kDocDeprecated, .deprecated_since = "6.2.0",
       .replaced_by = "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` and `FROMMEMBER` arguments",
       .history = kH20, .args = kA108},
    {.name = "georadiusbymember_ro", .arity = -5, .flags = kS11, .first_key = 1, .last_key = 1,
       .step = 1, .acl_categories = kS59, .key_specs = kK1,
       .summary = "Returns members of a geospatial index within a radius of another member; the read-only form of GEORADIUSBYMEMBER.",
       .since = "3.2.10", .group = "geo",
       .complexity = "O(N+log(M)), N being the number of members in the bounding box of the circle and M the size of the index.",
       .doc_flags = kDocDeprecated, .deprecated_since = "6.2.0",
       .replaced_by = "`GEOSEARCH` with the `BYRADIUS` and `FROMMEMBER` arguments", .args = kA109},
    {.name = "geosearch", .arity = -7, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS59, .key_specs = kK1,
       .summary = "Returns members of a geospatial index inside a circle or a box.",
       .since = "6.2.0", .group = "geo",
       .complexity = "O(N+log(M)), N being the number of members in the grid-aligned bounding box of the shape and M the number of members inside the shape.",
       .history = kH20, .args = kA115},
    {.name = "geosearchstore", .arity = -8, .flags = kS13, .first_key = 1, .last_key = 2, .step = 1,
       .acl_categories = kS58, .key_specs = kK18,
       .summary = "Stores in a key the members of a geospatial index inside a circle or a box.",
       .since = "6.2.0", .group = "geo",
       .complexity = "O(N+log(M)), N being the number of members in the grid-aligned bounding box of the shape and M the number of members inside the shape.",
       .history = kH20, .args = kA116},
    {.name = "get", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS61, .key_specs = kK1,
       .summary = "Returns the string value stored at a key.", .since = "1.0.0", .group = "string",
       .complexity = "O(1)", .args = kA76},
    {.name = "getbit", .arity = 3, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS16, .key_specs = kK1,
       .summary = "Returns the bit at an offset of a string.", .since = "2.2.0", .group = "bitmap",
       .complexity = "O(1)", .args = kA117},
    {.name = "getdel", .arity = 2, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS6, .key_specs = kK19,
       .summary = "Returns the string value of a key and deletes the key.", .since = "6.2.0",
       .group = "string", .complexity = "O(1)", .args = kA76},
    {.name = "getex", .arity = -2, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS6, .key_specs = kK20,
       .summary = "Returns the string value of a key and optionally changes its expiry.",
       .since = "6.2.0", .group = "string", .complexity = "O(1)", .args = kA119},
    {.name = "getrange", .arity = 4, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS62, .key_specs = kK1,
       .summary = "Returns part of the string stored at a key.", .since = "2.4.0",
       .group = "string",
       .complexity = "O(N), N being the length of the returned part; copying is cheap, so short parts cost about O(1).",
       .args = kA120},
    {.name = "getset", .arity = 3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS6, .key_specs = kK8,
       .summary = "Sets the string value of a key and returns the previous value.",
       .since = "1.0.0", .group = "string", .complexity = "O(1)", .doc_flags = kDocDeprecated,
       .deprecated_since = "6.2.0", .replaced_by = "`SET` with the `!GET` argument", .args = kA8},
    {.name = "hdel", .arity = -3, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS63, .key_specs = kK21, .summary = "Deletes fields from a hash.",
       .since = "2.0.0", .group = "hash", .complexity = "O(N), N being the number of fields given.",
       .history = kH21, .args = kA121},
    {.name = "hello", .arity = -1, .flags = kS9, .acl_categories = kS8,
       .summary = "Negotiates the protocol version and optionally authenticates and names the connection.",
       .since = "6.0.0", .group = "connection", .complexity = "O(1)", .history = kH22, .args = kA124},
    {.name = "hexists", .arity = 3, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS64, .key_specs = kK22,
       .summary = "Tells whether a field exists in a hash.", .since = "2.0.0", .group = "hash",
       .complexity = "O(1)", .args = kA125},
    {.name = "hget", .arity = 3, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS64, .key_specs = kK1, .summary = "Returns the value of a hash field.",
       .since = "2.0.0", .group = "hash", .complexity = "O(1)", .args = kA125},
    {.name = "hgetall", .arity = 2, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS65, .tips = kS31, .key_specs = kK1,
       .summary = "Returns every field and value of a hash.", .since = "2.0.0", .group = "hash",
       .complexity = "O(N), N being the number of fields in the hash.", .args = kA76},
    {.name = "hincrby", .arity = 4, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS63, .key_specs = kK8,
       .summary = "Adds an integer to the integer value of a hash field.", .since = "2.0.0",
       .group = "hash", .complexity = "O(1)", .args = kA126},
    {.name = "hincrbyfloat", .arity = 4, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS63, .key_specs = kK8,
       .summary = "Adds a floating-point number to the value of a hash field.", .since = "2.6.0",
       .group = "hash", .complexity = "O(1)", .args = kA127},
    {.name = "hkeys", .arity = 2, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS65, .tips = kS31, .key_specs = kK1,
       .summary = "Returns every field name of a hash.", .since = "2.0.0", .group = "hash",
       .complexity = "O(N), N being the number of fields in the hash.", .args = kA76},
    {.name = "hlen", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS64, .key_specs = kK22,
       .summary = "Returns the number of fields in a hash.", .since = "2.0.0", .group = "hash",
       .complexity = "O(1)", .args = kA76},
    {.name = "hmget", .arity = -3, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS64, .key_specs = kK1,
       .summary = "Returns the values of several hash fields.", .since = "2.0.0", .group = "hash",
       .complexity = "O(N), N being the number of fields asked for.", .args = kA121},
    {.name = "hmset", .arity = -4, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS63, .key_specs = kK15, .summary = "Sets several hash fields.",
       .since = "2.0.0", .group = "hash", .complexity = "O(N), N being the number of fields given.",
       .doc_flags = kDocDeprecated, .deprecated_since = "4.0.0",
       .replaced_by = "`HSET` with multiple field-value pairs", .args = kA129},
    {.name = "hrandfield", .arity = -2, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS65, .tips = kS25, .key_specs = kK1,
       .summary = "Returns one or more random fields of a hash.", .since = "6.2.0", .group = "hash",
       .complexity = "O(N), N being the number of fields returned.", .args = kA131},
    {.name = "hscan", .arity = -3, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS65, .tips = kS25, .key_specs = kK1,
       .summary = "Iterates over the fields and values of a hash with a cursor.", .since = "2.8.0",
       .group = "hash",
       .complexity = "O(1) per call; O(N) for a full iteration, N being the number of elements.",
       .args = kA132},
    {.name = "hset", .arity = -4, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS63, .key_specs = kK15, .summary = "Sets fields of a hash.",
       .since = "2.0.0", .group = "hash",
       .complexity = "O(1) per field-value pair, so O(N) for N pairs.", .history = kH23,
       .args = kA129},
    {.name = "hsetnx", .arity = 4, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS63, .key_specs = kK0,
       .summary = "Sets a hash field only when it does not exist yet.", .since = "2.0.0",
       .group = "hash", .complexity = "O(1)", .args = kA133},
    {.name = "hstrlen", .arity = 3, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS64, .key_specs = kK22,
       .summary = "Returns the length of the value of a hash field.", .since = "3.2.0",
       .group = "hash", .complexity = "O(1)", .args = kA125},
    {.name = "hvals", .arity = 2, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS65, .tips = kS31, .key_specs = kK1,
       .summary = "Returns every value of a hash.", .since = "2.0.0", .group = "hash",
       .complexity = "O(N), N being the number of fields in the hash.", .args = kA76},
    {.name = "incr", .arity = 2, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS6, .key_specs = kK8,
       .summary = "Adds one to the integer stored at a key.", .since = "1.0.0", .group = "string",
       .complexity = "O(1)", .args = kA76},
    {.name = "incrby", .arity = 3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS6, .key_specs = kK8,
       .summary = "Adds an integer to the integer stored at a key.", .since = "1.0.0",
       .group = "string", .complexity = "O(1)", .args = kA134},
    {.name = "incrbyfloat", .arity = 3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS6, .key_specs = kK8,
       .summary = "Adds a floating-point number to the number stored at a key.", .since = "2.6.0",
       .group = "string", .complexity = "O(1)", .args = kA135},
    {.name = "info", .arity = -1, .flags = kS4, .acl_categories = kS66, .tips = kS57,
       .summary = "Returns information and statistics about the server.", .since = "1.0.0",
       .group = "server", .complexity = "O(1)", .history = kH24, .args = kA136},
    {.name = "keys", .arity = 2, .flags = kS11, .acl_categories = kS67, .tips = kS68,
       .summary = "Returns the keys that match a glob-style pattern.", .since = "1.0.0",
       .group = "generic",
       .complexity = "O(N), N being the number of keys in the database, for key names and patterns of bounded length.",
       .args = kA137},
    {.name = "lastsave", .arity = 1, .flags = kS41, .acl_categories = kS69, .tips = kS25,
       .summary = "Returns the Unix time of the last successful save to disk.", .since = "1.0.0",
       .group = "server", .complexity = "O(1)"},
    {.name = "latency", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the latency diagnostics subcommands.", .since = "2.8.13",
       .group = "server", .complexity = "Varies with the subcommand.", .subcommands = kC6},
    {.name = "lcs", .arity = -3, .flags = kS11, .first_key = 1, .last_key = 2, .step = 1,
       .acl_categories = kS62, .key_specs = kK23,
       .summary = "Finds the longest common subsequence of two strings.", .since = "7.0.0",
       .group = "string", .complexity = "O(N*M), N and M being the lengths of the two strings.",
       .args = kA141},
    {.name = "lindex", .arity = 3, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS71, .key_specs = kK1, .summary = "Returns the list element at an index.",
       .since = "1.0.0", .group = "list",
       .complexity = "O(N), N being the number of elements walked to reach the index; O(1) for either end.",
       .args = kA142},
    {.name = "linsert", .arity = 5, .flags = kS13, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS72, .key_specs = kK0,
       .summary = "Inserts an element before or after another element of a list.", .since = "2.2.0",
       .group = "list",
       .complexity = "O(N), N being the number of elements walked before the pivot is found; O(1) near the head.",
       .args = kA144},
    {.name = "llen", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS73, .key_specs = kK22, .summary = "Returns the length of a list.",
       .since = "1.0.0", .group = "list", .complexity = "O(1)", .args = kA76},
    {.name = "lmove", .arity = 5, .flags = kS13, .first_key = 1, .last_key = 2, .step = 1,
       .acl_categories = kS72, .key_specs = kK4,
       .summary = "Moves an element from one list to another and returns it.", .since = "6.2.0",
       .group = "list", .complexity = "O(1)", .args = kA145},
    {.name = "lmpop", .arity = -4, .flags = kS74, .acl_categories = kS72, .key_specs = kK24,
       .summary = "Pops elements from the first non-empty list among several.", .since = "7.0.0",
       .group = "list",
       .complexity = "O(N+M), N being the number of keys given and M the number of elements popped.",
       .args = kA146},
    {.name = "lolwut", .arity = -1, .flags = kS15, .acl_categories = kS75,
       .summary = "Shows a piece of computer art and the server version.", .since = "5.0.0",
       .group = "server", .args = kA147},
    {.name = "lpop", .arity = -2, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS76, .key_specs = kK19,
       .summary = "Removes and returns elements from the head of a list.", .since = "1.0.0",
       .group = "list", .complexity = "O(N), N being the number of elements returned.",
       .history = kH25, .args = kA148},
    {.name = "lpos", .arity = -3, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS71, .key_specs = kK1,
       .summary = "Returns the positions of the elements of a list equal to a value.",
       .since = "6.0.6", .group = "list",
       .complexity = "O(N), N being the length of the list, in the average case; matches near either end, or a MAXLEN, make it fast.",
       .args = kA149},
    {.name = "lpush", .arity = -3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS76, .key_specs = kK0,
       .summary = "Inserts elements at the head of a list.", .since = "1.0.0", .group = "list",
       .complexity = "O(1) per element, so O(N) for N elements.", .history = kH26, .args = kA150},
    {.name = "lpushx", .arity = -3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS76, .key_specs = kK0,
       .summary = "Inserts elements at the head of a list, only when the list exists.",
       .since = "2.2.0", .group = "list", .complexity = "O(1) per element, so O(N) for N elements.",
       .history = kH27, .args = kA150},
    {.name = "lrange", .arity = 4, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS71, .key_specs = kK1,
       .summary = "Returns a range of elements of a list.", .since = "1.0.0", .group = "list",
       .complexity = "O(S+N), S being the distance from the start of the range to the head (or to the nearest end for big lists) and N the number of elements in the range.",
       .args = kA151},
    {.name = "lrem", .arity = 4, .flags = kS36, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS72, .key_specs = kK21,
       .summary = "Removes the elements of a list equal to a value.", .since = "1.0.0",
       .group = "list",
       .complexity = "O(N+M), N being the length of the list and M the number of elements removed.",
       .args = kA152},
    {.name = "lset", .arity = 4, .flags = kS13, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS72, .key_specs = kK15,
       .summary = "Replaces the list element at an index.", .since = "1.0.0", .group = "list",
       .complexity = "O(N), N being the length of the list; O(1) for either end.", .args = kA153},
    {.name = "ltrim", .arity = 4, .flags = kS36, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS72, .key_specs = kK21,
       .summary = "Keeps only a range of a list's elements.", .since = "1.0.0", .group = "list",
       .complexity = "O(N), N being the number of elements removed.", .args = kA151},
    {.name = "memory", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the memory diagnostics subcommands.", .since = "4.0.0",
       .group = "server", .complexity = "Varies with the subcommand.", .subcommands = kC7},
    {.name = "mget", .arity = -2, .flags = kS15, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS61, .tips = kS78, .key_specs = kK26,
       .summary = "Returns the string values of several keys.", .since = "1.0.0", .group = "string",
       .complexity = "O(N), N being the number of keys given.", .args = kA78},
    {.name = "migrate", .arity = -6, .flags = kS74, .first_key = 3, .last_key = 3, .step = 1,
       .acl_categories = kS49, .tips = kS25, .key_specs = kK27,
       .summary = "Moves keys to another Redis instance atomically.", .since = "2.6.0",
       .group = "generic",
       .complexity = "A DUMP and DEL here plus a RESTORE on the target, with their complexities, and an O(N) transfer between the two.",
       .history = kH28, .args = kA157},
    {.name = "module", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the module subcommands.", .since = "4.0.0", .group = "server",
       .complexity = "Varies with the subcommand.", .subcommands = kC8},
    {.name = "monitor", .arity = 1, .flags = kS2, .acl_categories = kS3,
       .summary = "Streams every command the server processes.", .since = "1.0.0", .group = "server"},
    {.name = "move", .arity = 3, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS48, .key_specs = kK8, .summary = "Moves a key to another database.",
       .since = "1.0.0", .group = "generic", .complexity = "O(1)", .args = kA163},
    {.name = "mset", .arity = -3, .flags = kS13, .first_key = 1, .last_key = -1, .step = 2,
       .acl_categories = kS80, .tips = kS81, .key_specs = kK28,
       .summary = "Sets the string values of several keys.", .since = "1.0.1", .group = "string",
       .complexity = "O(N), N being the number of keys given.", .args = kA164},
    {.name = "msetnx", .arity = -3, .flags = kS13, .first_key = 1, .last_key = -1, .step = 2,
       .acl_categories = kS80, .tips = kS82, .key_specs = kK29,
       .summary = "Sets the string values of several keys, only when none of them exists.",
       .since = "1.0.1", .group = "string", .complexity = "O(N), N being the number of keys given.",
       .args = kA164},
    {.name = "multi", .arity = 1, .flags = kS38, .acl_categories = kS39,
       .summary = "Starts a transaction.", .since = "1.2.0", .group = "transactions",
       .complexity = "O(1)"},
    {.name = "object", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the object inspection subcommands.", .since = "2.2.3",
       .group = "generic", .complexity = "Varies with the subcommand.", .subcommands = kC9},
    {.name = "persist", .arity = 2, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS48, .key_specs = kK15, .summary = "Removes the expiry of a key.",
       .since = "2.2.0", .group = "generic", .complexity = "O(1)", .args = kA76},
    {.name = "pexpire", .arity = -3, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS48, .key_specs = kK15,
       .summary = "Sets the time to live of a key, in milliseconds.", .since = "2.6.0",
       .group = "generic", .complexity = "O(1)", .history = kH15, .args = kA165},
    {.name = "pexpireat", .arity = -3, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS48, .key_specs = kK15,
       .summary = "Sets the expiry of a key as a Unix time in milliseconds.", .since = "2.6.0",
       .group = "generic", .complexity = "O(1)", .history = kH15, .args = kA166},
    {.name = "pexpiretime", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS34, .key_specs = kK1,
       .summary = "Returns the expiry of a key as a Unix time in milliseconds.", .since = "7.0.0",
       .group = "generic", .complexity = "O(1)", .args = kA76},
    {.name = "pfadd", .arity = -2, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS84, .key_specs = kK0, .summary = "Adds elements to a HyperLogLog.",
       .since = "2.8.9", .group = "hyperloglog", .complexity = "O(1) per element.", .args = kA167},
    {.name = "pfcount", .arity = -2, .flags = kS11, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS85, .key_specs = kK30,
       .summary = "Returns the estimated number of distinct elements seen by one or more HyperLogLogs.",
       .since = "2.8.9", .group = "hyperloglog",
       .complexity = "O(1) with a small constant for one key; O(N) with a large constant for N keys.",
       .args = kA78},
    {.name = "pfdebug", .arity = 3, .flags = kS86, .first_key = 2, .last_key = 2, .step = 1,
       .acl_categories = kS87, .key_specs = kK31,
       .summary = "Inspects the internals of a HyperLogLog (internal use).", .since = "2.8.9",
       .group = "hyperloglog", .complexity = "Not applicable.", .doc_flags = kDocSyscmd,
       .args = kA168},
    {.name = "pfmerge", .arity = -2, .flags = kS13, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS88, .key_specs = kK32, .summary = "Merges HyperLogLogs into one.",
       .since = "2.8.9", .group = "hyperloglog",
       .complexity = "O(N) for N HyperLogLogs, with a large constant.", .args = kA169},
    {.name = "pfselftest", .arity = 1, .flags = kS89, .acl_categories = kS90,
       .summary = "Runs the HyperLogLog self test (internal use).", .since = "2.8.9",
       .group = "hyperloglog", .complexity = "Not applicable.", .doc_flags = kDocSyscmd},
    {.name = "ping", .arity = -1, .flags = kS7, .acl_categories = kS8, .tips = kS50,
       .summary = "Checks that the server answers.", .since = "1.0.0", .group = "connection",
       .complexity = "O(1)", .args = kA170},
    {.name = "psetex", .arity = 4, .flags = kS13, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS80, .key_specs = kK33,
       .summary = "Sets the string value of a key with a time to live in milliseconds.",
       .since = "2.6.0", .group = "string", .complexity = "O(1)", .args = kA171},
    {.name = "psubscribe", .arity = -2, .flags = kS91, .acl_categories = kS92,
       .summary = "Subscribes to the channels whose names match patterns.", .since = "2.0.0",
       .group = "pubsub",
       .complexity = "O(N), N being the number of patterns the client already subscribes to.",
       .args = kA172},
    {.name = "psync", .arity = -3, .flags = kS93, .acl_categories = kS3,
       .summary = "Starts replication from a master (internal use).", .since = "2.8.0",
       .group = "server", .args = kA173},
    {.name = "pttl", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS34, .tips = kS25, .key_specs = kK1,
       .summary = "Returns the time to live of a key, in milliseconds.", .since = "2.6.0",
       .group = "generic", .complexity = "O(1)", .history = kH29, .args = kA76},
    {.name = "publish", .arity = 3, .flags = kS94, .acl_categories = kS95,
       .summary = "Sends a message to a channel.", .since = "2.0.0", .group = "pubsub",
       .complexity = "O(N+M), N being the number of subscribers of the channel and M the number of pattern subscriptions.",
       .args = kA174},
    {.name = "pubsub", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the Pub/Sub inspection subcommands.", .since = "2.8.0",
       .group = "pubsub", .complexity = "Varies with the subcommand.", .subcommands = kC10},
    {.name = "punsubscribe", .arity = -1, .flags = kS91, .acl_categories = kS92,
       .summary = "Unsubscribes from channel patterns.", .since = "2.0.0", .group = "pubsub",
       .complexity = "O(N+M), N being the number of patterns the client subscribes to and M the number of pattern subscriptions of all clients.",
       .args = kA178},
    {.name = "quit", .arity = -1, .flags = kS9, .acl_categories = kS8,
       .summary = "Closes the connection.", .since = "1.0.0", .group = "connection",
       .complexity = "O(1)"},
    {.name = "randomkey", .arity = 1, .flags = kS11, .acl_categories = kS40, .tips = kS97,
       .summary = "Returns a random key name.", .since = "1.0.0", .group = "generic",
       .complexity = "O(1)"},
    {.name = "readonly", .arity = 1, .flags = kS41, .acl_categories = kS8,
       .summary = "Allows read commands on a cluster replica for this connection.",
       .since = "3.0.0", .group = "cluster", .complexity = "O(1)"},
    {.name = "readwrite", .arity = 1, .flags = kS41, .acl_categories = kS8,
       .summary = "Stops allowing read commands on a cluster replica for this connection.",
       .since = "3.0.0", .group = "cluster", .complexity = "O(1)"},
    {.name = "rename", .arity = 3, .flags = kS36, .first_key = 1, .last_key = 2, .step = 1,
       .acl_categories = kS33, .key_specs = kK34,
       .summary = "Renames a key, replacing any existing destination.", .since = "1.0.0",
       .group = "generic", .complexity = "O(1)", .args = kA179},
    {.name = "renamenx", .arity = 3, .flags = kS47, .first_key = 1, .last_key = 2, .step = 1,
       .acl_categories = kS48, .key_specs = kK35,
       .summary = "Renames a key, only when the new name is free.", .since = "1.0.0",
       .group = "generic", .complexity = "O(1)", .history = kH30, .args = kA179},
    {.name = "replconf", .arity = -1, .flags = kS98, .acl_categories = kS3,
       .summary = "Configures the replication stream (internal use).", .since = "3.0.0",
       .group = "server", .complexity = "O(1)", .doc_flags = kDocSyscmd},
    {.name = "replicaof", .arity = 3, .flags = kS99, .acl_categories = kS3,
       .summary = "Makes the server a replica of another one, or a master again.", .since = "5.0.0",
       .group = "server", .complexity = "O(1)", .args = kA183},
    {.name = "reset", .arity = 1, .flags = kS9, .acl_categories = kS8,
       .summary = "Returns the connection to its initial state.", .since = "6.2.0",
       .group = "connection", .complexity = "O(1)"},
    {.name = "restore", .arity = -4, .flags = kS13, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS49, .key_specs = kK33,
       .summary = "Creates a key from a value serialized by DUMP.", .since = "2.6.0",
       .group = "generic",
       .complexity = "O(1) to create the key plus O(N*M) to rebuild the value, N being the number of objects and M their average size; O(1) for small strings, O(N*M*log(N)) for sorted sets.",
       .history = kH31, .args = kA184},
    {.name = "restore-asking", .arity = -4, .flags = kS100, .first_key = 1, .last_key = 1,
       .step = 1, .acl_categories = kS49, .key_specs = kK33,
       .summary = "Restores a key during a cluster migration (internal use).", .since = "3.0.0",
       .group = "server",
       .complexity = "O(1) to create the key plus O(N*M) to rebuild the value, N being the number of objects and M their average size; O(1) for small strings, O(N*M*log(N)) for sorted sets.",
       .doc_flags = kDocSyscmd, .history = kH31, .args = kA184},
    {.name = "role", .arity = 1, .flags = kS101, .acl_categories = kS69,
       .summary = "Returns the replication role of the server and its state.", .since = "2.8.12",
       .group = "server", .complexity = "O(1)"},
    {.name = "rpop", .arity = -2, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS76, .key_specs = kK19,
       .summary = "Removes and returns elements from the tail of a list.", .since = "1.0.0",
       .group = "list", .complexity = "O(N), N being the number of elements returned.",
       .history = kH25, .args = kA148},
    {.name = "rpoplpush", .arity = 3, .flags = kS13, .first_key = 1, .last_key = 2, .step = 1,
       .acl_categories = kS72, .key_specs = kK4,
       .summary = "Moves the last element of a list to the head of another and returns it.",
       .since = "1.2.0", .group = "list", .complexity = "O(1)", .doc_flags = kDocDeprecated,
       .deprecated_since = "6.2.0", .replaced_by = "`LMOVE` with the `RIGHT` and `LEFT` arguments",
       .args = kA185},
    {.name = "rpush", .arity = -3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS76, .key_specs = kK0,
       .summary = "Appends elements to the tail of a list.", .since = "1.0.0", .group = "list",
       .complexity = "O(1) per element, so O(N) for N elements.", .history = kH26, .args = kA150},
    {.name = "rpushx", .arity = -3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS76, .key_specs = kK0,
       .summary = "Appends elements to the tail of a list, only when the list exists.",
       .since = "2.2.0", .group = "list", .complexity = "O(1) per element, so O(N) for N elements.",
       .history = kH27, .args = kA150},
    {.name = "sadd", .arity = -3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS102, .key_specs = kK0, .summary = "Adds members to a set.",
       .since = "1.0.0", .group = "set", .complexity = "O(1) per member, so O(N) for N members.",
       .history = kH32, .args = kA102},
    {.name = "save", .arity = 1, .flags = kS93, .acl_categories = kS3,
       .summary = "Saves the dataset to disk, blocking the server.", .since = "1.0.0",
       .group = "server", .complexity = "O(N), N being the number of keys in all databases."},
    {.name = "scan", .arity = -2, .flags = kS11, .acl_categories = kS40, .tips = kS103,
       .summary = "Iterates over the key names with a cursor.", .since = "2.8.0",
       .group = "generic",
       .complexity = "O(1) per call; O(N) for a full iteration, N being the number of keys.",
       .history = kH33, .args = kA186},
    {.name = "scard", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS104, .key_specs = kK22,
       .summary = "Returns the number of members of a set.", .since = "1.0.0", .group = "set",
       .complexity = "O(1)", .args = kA76},
    {.name = "script", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the Lua script cache subcommands.", .since = "2.6.0",
       .group = "scripting", .complexity = "Varies with the subcommand.", .subcommands = kC11},
    {.name = "sdiff", .arity = -2, .flags = kS11, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS107, .tips = kS31, .key_specs = kK26,
       .summary = "Returns the members of the first set that are in none of the others.",
       .since = "1.0.0", .group = "set",
       .complexity = "O(N), N being the total number of members of all sets.", .args = kA78},
    {.name = "sdiffstore", .arity = -3, .flags = kS13, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS108, .key_specs = kK36,
       .summary = "Stores in a key the members of the first set that are in none of the others.",
       .since = "1.0.0", .group = "set",
       .complexity = "O(N), N being the total number of members of all sets.", .args = kA192},
    {.name = "select", .arity = 2, .flags = kS41, .acl_categories = kS8,
       .summary = "Switches the connection to another database.", .since = "1.0.0",
       .group = "connection", .complexity = "O(1)", .args = kA193},
    {.name = "set", .arity = -3, .flags = kS13, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS80, .key_specs = kK37,
       .summary = "Sets the string value of a key, with optional expiry and conditions.",
       .since = "1.0.0", .group = "string", .complexity = "O(1)", .history = kH35, .args = kA195},
    {.name = "setbit", .arity = 4, .flags = kS13, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS14, .key_specs = kK8,
       .summary = "Sets or clears the bit at an offset of a string.", .since = "2.2.0",
       .group = "bitmap", .complexity = "O(1)", .args = kA196},
    {.name = "setex", .arity = 4, .flags = kS13, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS80, .key_specs = kK33,
       .summary = "Sets the string value of a key with a time to live in seconds.",
       .since = "2.0.0", .group = "string", .complexity = "O(1)", .args = kA197},
    {.name = "setnx", .arity = 3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS6, .key_specs = kK38,
       .summary = "Sets the string value of a key, only when the key does not exist.",
       .since = "1.0.0", .group = "string", .complexity = "O(1)", .args = kA8},
    {.name = "setrange", .arity = 4, .flags = kS13, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS80, .key_specs = kK15,
       .summary = "Overwrites part of a string starting at an offset.", .since = "2.2.0",
       .group = "string",
       .complexity = "O(1) besides copying the new bytes, which costs O(M) for a value of length M.",
       .args = kA198},
    {.name = "shutdown", .arity = -1, .flags = kS109, .acl_categories = kS3,
       .summary = "Optionally saves the dataset, then stops the server.", .since = "1.0.0",
       .group = "server",
       .complexity = "O(N) when saving, N being the number of keys in all databases; O(1) otherwise.",
       .history = kH36, .args = kA200},
    {.name = "sinter", .arity = -2, .flags = kS11, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS107, .tips = kS31, .key_specs = kK26,
       .summary = "Returns the members common to all the given sets.", .since = "1.0.0",
       .group = "set",
       .complexity = "O(N*M) worst case, N being the size of the smallest set and M the number of sets.",
       .args = kA78},
    {.name = "sintercard", .arity = -3, .flags = kS110, .acl_categories = kS107, .key_specs = kK39,
       .summary = "Returns the number of members common to all the given sets.", .since = "7.0.0",
       .group = "set",
       .complexity = "O(N*M) worst case, N being the size of the smallest set and M the number of sets.",
       .args = kA201},
    {.name = "sinterstore", .arity = -3, .flags = kS13, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS108, .key_specs = kK40,
       .summary = "Stores in a key the members common to all the given sets.", .since = "1.0.0",
       .group = "set",
       .complexity = "O(N*M) worst case, N being the size of the smallest set and M the number of sets.",
       .args = kA192},
    {.name = "sismember", .arity = 3, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS104, .key_specs = kK22,
       .summary = "Tells whether a value is a member of a set.", .since = "1.0.0", .group = "set",
       .complexity = "O(1)", .args = kA202},
    {.name = "slaveof", .arity = 3, .flags = kS99, .acl_categories = kS3,
       .summary = "Makes the server a replica of another one, or a master again (old name of REPLICAOF).",
       .since = "1.0.0", .group = "server", .complexity = "O(1)", .doc_flags = kDocDeprecated,
       .deprecated_since = "5.0.0", .replaced_by = "`REPLICAOF`", .args = kA183},
    {.name = "slowlog", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the slow log subcommands.", .since = "2.2.12", .group = "server",
       .complexity = "Varies with the subcommand.", .subcommands = kC12},
    {.name = "smembers", .arity = 2, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS107, .tips = kS31, .key_specs = kK1,
       .summary = "Returns every member of a set.", .since = "1.0.0", .group = "set",
       .complexity = "O(N), N being the size of the set.", .args = kA76},
    {.name = "smismember", .arity = -3, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS104, .key_specs = kK1,
       .summary = "Tells, for each value, whether it is a member of a set.", .since = "6.2.0",
       .group = "set", .complexity = "O(N), N being the number of values given.", .args = kA102},
    {.name = "smove", .arity = 4, .flags = kS47, .first_key = 1, .last_key = 2, .step = 1,
       .acl_categories = kS102, .key_specs = kK4,
       .summary = "Moves a member from one set to another.", .since = "1.0.0", .group = "set",
       .complexity = "O(1)", .args = kA204},
    {.name = "sort", .arity = -2, .flags = kS60, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS114, .key_specs = kK41,
       .summary = "Sorts the elements of a list, set or sorted set, optionally storing the result.",
       .since = "1.0.0", .group = "generic",
       .complexity = "O(N+M*log(M)), N being the number of elements to sort and M the number returned; O(N) without sorting.",
       .args = kA206},
    {.name = "sort_ro", .arity = -2, .flags = kS110, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS115, .key_specs = kK42,
       .summary = "Sorts the elements of a list, set or sorted set; the read-only form of SORT.",
       .since = "7.0.0", .group = "generic",
       .complexity = "O(N+M*log(M)), N being the number of elements to sort and M the number returned; O(N) without sorting.",
       .args = kA207},
    {.name = "spop", .arity = -2, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS102, .tips = kS25, .key_specs = kK19,
       .summary = "Removes and returns random members of a set.", .since = "1.0.0", .group = "set",
       .complexity = "O(1) without a count; otherwise O(N), N being the count.", .history = kH38,
       .args = kA208},
    {.name = "spublish", .arity = 3, .flags = kS94, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS95, .key_specs = kK43, .summary = "Sends a message to a shard channel.",
       .since = "7.0.0", .group = "pubsub",
       .complexity = "O(N), N being the number of subscribers of the shard channel.", .args = kA209},
    {.name = "srandmember", .arity = -2, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS107, .tips = kS25, .key_specs = kK1,
       .summary = "Returns random members of a set without removing them.", .since = "1.0.0",
       .group = "set",
       .complexity = "O(1) without a count; otherwise O(N), N being the absolute value of the count.",
       .history = kH39, .args = kA210},
    {.name = "srem", .arity = -3, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS102, .key_specs = kK21, .summary = "Removes members from a set.",
       .since = "1.0.0", .group = "set", .complexity = "O(N), N being the number of members given.",
       .history = kH32, .args = kA102},
    {.name = "sscan", .arity = -3, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS107, .tips = kS25, .key_specs = kK1,
       .summary = "Iterates over the members of a set with a cursor.", .since = "2.8.0",
       .group = "set",
       .complexity = "O(1) per call; O(N) for a full iteration, N being the number of elements.",
       .args = kA132},
    {.name = "ssubscribe", .arity = -2, .flags = kS91, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS92, .key_specs = kK44, .summary = "Subscribes to shard channels.",
       .since = "7.0.0", .group = "pubsub",
       .complexity = "O(N), N being the number of shard channels given.", .args = kA211},
    {.name = "strlen", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS61, .key_specs = kK22,
       .summary = "Returns the length of the string stored at a key.", .since = "2.2.0",
       .group = "string", .complexity = "O(1)", .args = kA76},
    {.name = "subscribe", .arity = -2, .flags = kS91, .acl_categories = kS92,
       .summary = "Subscribes to channels.", .since = "2.0.0", .group = "pubsub",
       .complexity = "O(N), N being the number of channels given.", .args = kA212},
    {.name = "substr", .arity = 4, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS62, .key_specs = kK1,
       .summary = "Returns part of the string stored at a key (old name of GETRANGE).",
       .since = "1.0.0", .group = "string",
       .complexity = "O(N), N being the length of the returned part; copying is cheap, so short parts cost about O(1).",
       .doc_flags = kDocDeprecated, .deprecated_since = "2.0.0", .replaced_by = "`GETRANGE`",
       .args = kA120},
    {.name = "sunion", .arity = -2, .flags = kS11, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS107, .tips = kS31, .key_specs = kK26,
       .summary = "Returns the members of all the given sets.", .since = "1.0.0", .group = "set",
       .complexity = "O(N), N being the total number of members of all sets.", .args = kA78},
    {.name = "sunionstore", .arity = -3, .flags = kS13, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS108, .key_specs = kK36,
       .summary = "Stores in a key the members of all the given sets.", .since = "1.0.0",
       .group = "set", .complexity = "O(N), N being the total number of members of all sets.",
       .args = kA192},
    {.name = "sunsubscribe", .arity = -1, .flags = kS91, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS92, .key_specs = kK44, .summary = "Unsubscribes from shard channels.",
       .since = "7.0.0", .group = "pubsub",
       .complexity = "O(N), N being the number of clients subscribed to a shard channel.",
       .args = kA177},
    {.name = "swapdb", .arity = 3, .flags = kS47, .acl_categories = kS116,
       .summary = "Exchanges the contents of two databases.", .since = "4.0.0", .group = "server",
       .complexity = "O(N), N being the number of clients watching or blocked on keys of either database.",
       .args = kA213},
    {.name = "sync", .arity = 1, .flags = kS93, .acl_categories = kS3,
       .summary = "Starts full replication from a master (internal use).", .since = "1.0.0",
       .group = "server"},
    {.name = "time", .arity = 1, .flags = kS41, .acl_categories = kS117, .tips = kS25,
       .summary = "Returns the server's current time.", .since = "2.6.0", .group = "server",
       .complexity = "O(1)"},
    {.name = "touch", .arity = -2, .flags = kS15, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS34, .tips = kS37, .key_specs = kK14,
       .summary = "Updates the last access time of keys and counts how many exist.",
       .since = "3.2.1", .group = "generic",
       .complexity = "O(N), N being the number of keys given.", .args = kA78},
    {.name = "ttl", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS34, .tips = kS25, .key_specs = kK1,
       .summary = "Returns the time to live of a key, in seconds.", .since = "1.0.0",
       .group = "generic", .complexity = "O(1)", .history = kH29, .args = kA76},
    {.name = "type", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS34, .key_specs = kK22,
       .summary = "Returns the type of the value stored at a key.", .since = "1.0.0",
       .group = "generic", .complexity = "O(1)", .args = kA76},
    {.name = "unlink", .arity = -2, .flags = kS47, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS48, .tips = kS37, .key_specs = kK9,
       .summary = "Deletes keys, reclaiming their memory in the background.", .since = "4.0.0",
       .group = "generic",
       .complexity = "O(1) per key whatever its size, plus O(N) work in a background thread, N being the number of allocations freed.",
       .args = kA78},
    {.name = "unsubscribe", .arity = -1, .flags = kS91, .acl_categories = kS92,
       .summary = "Unsubscribes from channels.", .since = "2.0.0", .group = "pubsub",
       .complexity = "O(N), N being the number of clients subscribed to a channel.", .args = kA176},
    {.name = "unwatch", .arity = 1, .flags = kS38, .acl_categories = kS39,
       .summary = "Stops watching every watched key.", .since = "2.2.0", .group = "transactions",
       .complexity = "O(1)"},
    {.name = "wait", .arity = 3, .flags = kS53, .acl_categories = kS24, .tips = kS118,
       .summary = "Blocks until the writes of this connection reach a number of replicas, or a timeout.",
       .since = "3.0.0", .group = "generic", .complexity = "O(1)", .args = kA214},
    {.name = "watch", .arity = -2, .flags = kS38, .first_key = 1, .last_key = -1, .step = 1,
       .acl_categories = kS39, .key_specs = kK14,
       .summary = "Watches keys so that a following EXEC fails if they change.", .since = "2.2.0",
       .group = "transactions", .complexity = "O(1) per key.", .args = kA78},
    {.name = "xack", .arity = -4, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS119, .key_specs = kK15,
       .summary = "Acknowledges messages of a consumer group, removing them from its pending list, and returns how many were acknowledged.",
       .since = "5.0.0", .group = "stream", .complexity = "O(1) per message ID.", .args = kA215},
    {.name = "xadd", .arity = -5, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS119, .tips = kS25, .key_specs = kK45,
       .summary = "Appends an entry to a stream.", .since = "5.0.0", .group = "stream",
       .complexity = "O(1) to add; O(N) when trimming, N being the number of entries removed.",
       .history = kH40, .args = kA220},
    {.name = "xautoclaim", .arity = -6, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS119, .tips = kS25, .key_specs = kK21,
       .summary = "Transfers to a consumer the pending messages of a group that have been idle long enough.",
       .since = "6.2.0", .group = "stream", .complexity = "O(1) for a small COUNT.",
       .history = kH41, .args = kA221},
    {.name = "xclaim", .arity = -6, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS119, .tips = kS25, .key_specs = kK15,
       .summary = "Transfers pending messages of a consumer group to another consumer.",
       .since = "5.0.0", .group = "stream",
       .complexity = "O(log(N)), N being the size of the group's pending list.", .args = kA222},
    {.name = "xdel", .arity = -3, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS119, .key_specs = kK21,
       .summary = "Deletes entries from a stream and returns how many existed.", .since = "5.0.0",
       .group = "stream", .complexity = "O(1) per entry, whatever the size of the stream.",
       .args = kA223},
    {.name = "xgroup", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the consumer group subcommands.", .since = "5.0.0",
       .group = "stream", .complexity = "Varies with the subcommand.", .subcommands = kC13},
    {.name = "xinfo", .arity = -2, .acl_categories = kS1,
       .summary = "Container for the stream inspection subcommands.", .since = "5.0.0",
       .group = "stream", .complexity = "Varies with the subcommand.", .subcommands = kC14},
    {.name = "xlen", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS123, .key_specs = kK22,
       .summary = "Returns the number of entries in a stream.", .since = "5.0.0", .group = "stream",
       .complexity = "O(1)", .args = kA76},
    {.name = "xpending", .arity = -3, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS122, .tips = kS25, .key_specs = kK1,
       .summary = "Inspects the messages that a consumer group delivered but that were not acknowledged.",
       .since = "5.0.0", .group = "stream",
       .complexity = "O(N), N being the number of entries returned; O(M) with IDLE, M being the number of entries scanned; the summary form is O(1) for few consumers, otherwise O(N) over the consumers.",
       .history = kH45, .args = kA232},
    {.name = "xrange", .arity = -4, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS122, .key_specs = kK1,
       .summary = "Returns the stream entries within a range of IDs.", .since = "5.0.0",
       .group = "stream",
       .complexity = "O(N), N being the number of entries returned; O(1) for a fixed COUNT.",
       .history = kH46, .args = kA233},
    {.name = "xread", .arity = -4, .flags = kS124, .acl_categories = kS125, .key_specs = kK50,
       .summary = "Returns entries of several streams with IDs above the given ones, optionally blocking.",
       .since = "5.0.0", .group = "stream",
       .complexity = "Per stream, O(N), N being the number of entries returned; with BLOCK, XADD pays O(M) to serve M blocked clients.",
       .args = kA235},
    {.name = "xreadgroup", .arity = -7, .flags = kS19, .acl_categories = kS126, .key_specs = kK51,
       .summary = "Returns stream entries for a consumer of a consumer group, or its pending ones, optionally blocking.",
       .since = "5.0.0", .group = "stream",
       .complexity = "Per stream, O(M), M being the number of entries returned; when blocking, XADD pays O(N) to serve N blocked clients.",
       .args = kA237},
    {.name = "xrevrange", .arity = -4, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS122, .key_specs = kK1,
       .summary = "Returns the stream entries within a range of IDs, from the highest ID down.",
       .since = "5.0.0", .group = "stream",
       .complexity = "O(N), N being the number of entries returned; O(1) for a fixed COUNT.",
       .history = kH46, .args = kA238},
    {.name = "xsetid", .arity = -3, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS119, .key_specs = kK15,
       .summary = "Sets the last ID of a stream (internal use).", .since = "5.0.0",
       .group = "stream", .complexity = "O(1)", .history = kH47, .args = kA239},
    {.name = "xtrim", .arity = -4, .flags = kS36, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS120, .tips = kS25, .key_specs = kK21,
       .summary = "Shortens a stream, exactly or approximately, to a length or a minimum ID.",
       .since = "5.0.0", .group = "stream",
       .complexity = "O(N), N being the number of entries removed, with a small constant since entries are freed node by node.",
       .history = kH48, .args = kA240},
    {.name = "zadd", .arity = -4, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS127, .key_specs = kK15,
       .summary = "Adds members to a sorted set, or updates their scores.", .since = "1.2.0",
       .group = "sorted-set",
       .complexity = "O(log(N)) per member added, N being the size of the sorted set.",
       .history = kH49, .args = kA243},
    {.name = "zcard", .arity = 2, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS128, .key_specs = kK22,
       .summary = "Returns the number of members of a sorted set.", .since = "1.2.0",
       .group = "sorted-set", .complexity = "O(1)", .args = kA76},
    {.name = "zcount", .arity = 4, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS128, .key_specs = kK1,
       .summary = "Counts the members of a sorted set with scores in a range.", .since = "2.0.0",
       .group = "sorted-set", .complexity = "O(log(N)), N being the size of the sorted set.",
       .args = kA244},
    {.name = "zdiff", .arity = -3, .flags = kS110, .acl_categories = kS129, .key_specs = kK39,
       .summary = "Returns the members of the first sorted set that are in none of the others.",
       .since = "6.2.0", .group = "sorted-set",
       .complexity = "O(L + (N-K)log(N)) worst case, L being the total number of members, N the size of the first set and K the size of the result.",
       .args = kA245},
    {.name = "zdiffstore", .arity = -4, .flags = kS60, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS130, .key_specs = kK52,
       .summary = "Stores in a key the members of the first sorted set that are in none of the others.",
       .since = "6.2.0", .group = "sorted-set",
       .complexity = "O(L + (N-K)log(N)) worst case, L being the total number of members, N the size of the first set and K the size of the result.",
       .args = kA246},
    {.name = "zincrby", .arity = 4, .flags = kS5, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS127, .key_specs = kK8,
       .summary = "Adds a number to the score of a member of a sorted set.", .since = "1.2.0",
       .group = "sorted-set", .complexity = "O(log(N)), N being the size of the sorted set.",
       .args = kA247},
    {.name = "zinter", .arity = -3, .flags = kS110, .acl_categories = kS129, .key_specs = kK39,
       .summary = "Returns the members common to all the given sorted sets.", .since = "6.2.0",
       .group = "sorted-set",
       .complexity = "O(N*K)+O(M*log(M)) worst case, N being the size of the smallest set, K the number of sets and M the size of the result.",
       .args = kA249},
    {.name = "zintercard", .arity = -3, .flags = kS110, .acl_categories = kS129, .key_specs = kK39,
       .summary = "Returns the number of members common to all the given sorted sets.",
       .since = "7.0.0", .group = "sorted-set",
       .complexity = "O(N*K) worst case, N being the size of the smallest set and K the number of sets.",
       .args = kA201},
    {.name = "zinterstore", .arity = -4, .flags = kS60, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS130, .key_specs = kK52,
       .summary = "Stores in a key the members common to all the given sorted sets.",
       .since = "2.0.0", .group = "sorted-set",
       .complexity = "O(N*K)+O(M*log(M)) worst case, N being the size of the smallest set, K the number of sets and M the size of the result.",
       .args = kA250},
    {.name = "zlexcount", .arity = 4, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS128, .key_specs = kK1,
       .summary = "Counts the members of a sorted set within a lexicographical range.",
       .since = "2.8.9", .group = "sorted-set",
       .complexity = "O(log(N)), N being the size of the sorted set.", .args = kA251},
    {.name = "zmpop", .arity = -4, .flags = kS74, .acl_categories = kS130, .key_specs = kK24,
       .summary = "Pops members with their scores from the first non-empty sorted set among several.",
       .since = "7.0.0", .group = "sorted-set",
       .complexity = "O(K) + O(M*log(N)), K being the number of keys given, N the size of the sorted set and M the number of members popped.",
       .args = kA252},
    {.name = "zmscore", .arity = -3, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS128, .key_specs = kK1,
       .summary = "Returns the scores of several members of a sorted set.", .since = "6.2.0",
       .group = "sorted-set", .complexity = "O(N), N being the number of members given.",
       .args = kA102},
    {.name = "zpopmax", .arity = -2, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS127, .key_specs = kK19,
       .summary = "Removes and returns the highest-scoring members of a sorted set.",
       .since = "5.0.0", .group = "sorted-set",
       .complexity = "O(log(N)*M), N being the size of the sorted set and M the number of members popped.",
       .args = kA253},
    {.name = "zpopmin", .arity = -2, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS127, .key_specs = kK19,
       .summary = "Removes and returns the lowest-scoring members of a sorted set.",
       .since = "5.0.0", .group = "sorted-set",
       .complexity = "O(log(N)*M), N being the size of the sorted set and M the number of members popped.",
       .args = kA253},
    {.name = "zrandmember", .arity = -2, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS129, .tips = kS25, .key_specs = kK1,
       .summary = "Returns random members of a sorted set.", .since = "6.2.0",
       .group = "sorted-set", .complexity = "O(N), N being the number of members returned.",
       .args = kA255},
    {.name = "zrange", .arity = -4, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS129, .key_specs = kK1,
       .summary = "Returns members of a sorted set by rank, score or lexicographical range.",
       .since = "1.2.0", .group = "sorted-set",
       .complexity = "O(log(N)+M), N being the size of the sorted set and M the number of members returned.",
       .history = kH50, .args = kA257},
    {.name = "zrangebylex", .arity = -4, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS129, .key_specs = kK1,
       .summary = "Returns members of a sorted set within a lexicographical range.",
       .since = "2.8.9", .group = "sorted-set",
       .complexity = "O(log(N)+M), N being the size of the sorted set and M the number of members returned; O(log(N)) for a fixed LIMIT.",
       .doc_flags = kDocDeprecated, .deprecated_since = "6.2.0",
       .replaced_by = "`ZRANGE` with the `BYLEX` argument", .args = kA258},
    {.name = "zrangebyscore", .arity = -4, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS129, .key_specs = kK1,
       .summary = "Returns members of a sorted set within a score range.", .since = "1.0.5",
       .group = "sorted-set",
       .complexity = "O(log(N)+M), N being the size of the sorted set and M the number of members returned; O(log(N)) for a fixed LIMIT.",
       .doc_flags = kDocDeprecated, .deprecated_since = "6.2.0",
       .replaced_by = "`ZRANGE` with the `BYSCORE` argument", .history = kH51, .args = kA259},
    {.name = "zrangestore", .arity = -5, .flags = kS13, .first_key = 1, .last_key = 2, .step = 1,
       .acl_categories = kS130, .key_specs = kK18,
       .summary = "Stores in a key a range of members of a sorted set.", .since = "6.2.0",
       .group = "sorted-set",
       .complexity = "O(log(N)+M), N being the size of the sorted set and M the number of members stored.",
       .args = kA260},
    {.name = "zrank", .arity = 3, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS128, .key_specs = kK1,
       .summary = "Returns the rank of a member in a sorted set, lowest score first.",
       .since = "2.0.0", .group = "sorted-set", .complexity = "O(log(N))", .args = kA202},
    {.name = "zrem", .arity = -3, .flags = kS47, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS127, .key_specs = kK21, .summary = "Removes members from a sorted set.",
       .since = "1.2.0", .group = "sorted-set",
       .complexity = "O(M*log(N)), N being the size of the sorted set and M the number of members removed.",
       .history = kH32, .args = kA102},
    {.name = "zremrangebylex", .arity = 4, .flags = kS36, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS130, .key_specs = kK21,
       .summary = "Removes the members of a sorted set within a lexicographical range.",
       .since = "2.8.9", .group = "sorted-set",
       .complexity = "O(log(N)+M), N being the size of the sorted set and M the number of members removed.",
       .args = kA251},
    {.name = "zremrangebyrank", .arity = 4, .flags = kS36, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS130, .key_specs = kK21,
       .summary = "Removes the members of a sorted set within a range of ranks.", .since = "2.0.0",
       .group = "sorted-set",
       .complexity = "O(log(N)+M), N being the size of the sorted set and M the number of members removed.",
       .args = kA151},
    {.name = "zremrangebyscore", .arity = 4, .flags = kS36, .first_key = 1, .last_key = 1,
       .step = 1, .acl_categories = kS130, .key_specs = kK21,
       .summary = "Removes the members of a sorted set within a score range.", .since = "1.2.0",
       .group = "sorted-set",
       .complexity = "O(log(N)+M), N being the size of the sorted set and M the number of members removed.",
       .args = kA244},
    {.name = "zrevrange", .arity = -4, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS129, .key_specs = kK1,
       .summary = "Returns members of a sorted set by rank, highest score first.", .since = "1.2.0",
       .group = "sorted-set",
       .complexity = "O(log(N)+M), N being the size of the sorted set and M the number of members returned.",
       .doc_flags = kDocDeprecated, .deprecated_since = "6.2.0",
       .replaced_by = "`ZRANGE` with the `REV` argument", .args = kA261},
    {.name = "zrevrangebylex", .arity = -4, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS129, .key_specs = kK1,
       .summary = "Returns members of a sorted set within a lexicographical range, in reverse order.",
       .since = "2.8.9", .group = "sorted-set",
       .complexity = "O(log(N)+M), N being the size of the sorted set and M the number of members returned; O(log(N)) for a fixed LIMIT.",
       .doc_flags = kDocDeprecated, .deprecated_since = "6.2.0",
       .replaced_by = "`ZRANGE` with the `REV` and `BYLEX` arguments", .args = kA262},
    {.name = "zrevrangebyscore", .arity = -4, .flags = kS11, .first_key = 1, .last_key = 1,
       .step = 1, .acl_categories = kS129, .key_specs = kK1,
       .summary = "Returns members of a sorted set within a score range, highest score first.",
       .since = "2.2.0", .group = "sorted-set",
       .complexity = "O(log(N)+M), N being the size of the sorted set and M the number of members returned; O(log(N)) for a fixed LIMIT.",
       .doc_flags = kDocDeprecated, .deprecated_since = "6.2.0",
       .replaced_by = "`ZRANGE` with the `REV` and `BYSCORE` arguments", .history = kH52,
       .args = kA263},
    {.name = "zrevrank", .arity = 3, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS128, .key_specs = kK1,
       .summary = "Returns the rank of a member in a sorted set, highest score first.",
       .since = "2.0.0", .group = "sorted-set", .complexity = "O(log(N))", .args = kA202},
    {.name = "zscan", .arity = -3, .flags = kS11, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS129, .tips = kS25, .key_specs = kK1,
       .summary = "Iterates over the members and scores of a sorted set with a cursor.",
       .since = "2.8.0", .group = "sorted-set",
       .complexity = "O(1) per call; O(N) for a full iteration, N being the number of elements.",
       .args = kA132},
    {.name = "zscore", .arity = 3, .flags = kS15, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS128, .key_specs = kK1,
       .summary = "Returns the score of a member of a sorted set.", .since = "1.2.0",
       .group = "sorted-set", .complexity = "O(1)", .args = kA202},
    {.name = "zunion", .arity = -3, .flags = kS110, .acl_categories = kS129, .key_specs = kK39,
       .summary = "Returns the members of all the given sorted sets.", .since = "6.2.0",
       .group = "sorted-set",
       .complexity = "O(N)+O(M*log(M)), N being the total size of the input sets and M the size of the result.",
       .args = kA249},
    {.name = "zunionstore", .arity = -4, .flags = kS60, .first_key = 1, .last_key = 1, .step = 1,
       .acl_categories = kS130, .key_specs = kK52,
       .summary = "Stores in a key the members of all the given sorted sets.", .since = "2.0.0",
       .group = "sorted-set",
       .complexity = "O(N)+O(M*log(M)), N being the total size of the input sets and M the size of the result.",
       .args = kA250}
};
// clang-format on

}  // namespace

std::span<const CommandDoc> AllCommandDocs() { return kCommands; }

}  // namespace tandem::commands
