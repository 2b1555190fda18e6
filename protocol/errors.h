// Error texts sent to clients, byte-exact with redis-server 7.0.15 (and memcached 1.6.18).
// Each is the full text without the leading '-' that RespWriter::SendError adds.
#pragma once

#include <string>
#include <string_view>

namespace tandem::protocol {

// An error text with its single "%s" replaced by `arg` (Redis's addReplyErrorFormat).
std::string FormatError(std::string_view format, std::string_view arg);

// Protocol errors (networking.c processInlineBuffer / processMultibulkBuffer). The
// connection replies with one of these and then closes.
inline constexpr std::string_view kProtoTooBigInline = "ERR Protocol error: too big inline request";
inline constexpr std::string_view kProtoUnbalancedQuotes =
    "ERR Protocol error: unbalanced quotes in request";
inline constexpr std::string_view kProtoTooBigMbulkCount =
    "ERR Protocol error: too big mbulk count string";
inline constexpr std::string_view kProtoInvalidMultibulkLength =
    "ERR Protocol error: invalid multibulk length";
inline constexpr std::string_view kProtoUnauthMultibulkLength =
    "ERR Protocol error: unauthenticated multibulk length";
inline constexpr std::string_view kProtoTooBigBulkCount =
    "ERR Protocol error: too big bulk count string";
// Followed by the offending byte and a closing quote: "... expected '$', got 'x'".
inline constexpr std::string_view kProtoExpectedDollarPrefix =
    "ERR Protocol error: expected '$', got '";
inline constexpr std::string_view kProtoInvalidBulkLength =
    "ERR Protocol error: invalid bulk length";
inline constexpr std::string_view kProtoUnauthBulkLength =
    "ERR Protocol error: unauthenticated bulk length";
// End of protocol errors.

// Command dispatch and common argument errors (server.c, object.c, t_string.c).
inline constexpr std::string_view kErrSyntax = "ERR syntax error";
// With the command's lower-case full name, 'config|get' for a subcommand (addReplyErrorArity):
// use WrongNumArgsError().
inline constexpr std::string_view kErrWrongNumArgs =
    "ERR wrong number of arguments for '%s' command";
inline constexpr std::string_view kErrNotInteger = "ERR value is not an integer or out of range";
inline constexpr std::string_view kErrNotFloat = "ERR value is not a valid float";
inline constexpr std::string_view kErrWrongType =
    "WRONGTYPE Operation against a key holding the wrong kind of value";
inline constexpr std::string_view kErrNoSuchKey = "ERR no such key";
inline constexpr std::string_view kErrDbIndexOutOfRange = "ERR DB index is out of range";
inline constexpr std::string_view kErrInvalidDbIndex = "ERR invalid DB index";
inline constexpr std::string_view kErrNoAuth = "NOAUTH Authentication required.";
inline constexpr std::string_view kErrWrongPass =
    "WRONGPASS invalid username-password pair or user is disabled.";
inline constexpr std::string_view kErrAuthNoPassword =
    "ERR AUTH <password> called without any password configured for the default user. Are you "
    "sure your configuration is correct?";
inline constexpr std::string_view kErrOom =
    "OOM command not allowed when used memory > 'maxmemory'.";
// A script past busy-reply-threshold (EVAL's and FCALL's wording), and SCRIPT/FUNCTION KILL.
inline constexpr std::string_view kErrBusyScript =
    "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
inline constexpr std::string_view kErrBusyFunction =
    "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";
inline constexpr std::string_view kErrNotBusy = "NOTBUSY No scripts in execution right now.";
inline constexpr std::string_view kErrUnkillable =
    "UNKILLABLE Sorry the script already executed write commands against the dataset. You can "
    "either wait the script termination or kill the server in a hard way using the SHUTDOWN "
    "NOSAVE command.";
inline constexpr std::string_view kErrMaxClients = "ERR max number of clients reached";
// With the command's name: use InvalidExpireError().
inline constexpr std::string_view kErrInvalidExpire = "ERR invalid expire time in '%s' command";
inline constexpr std::string_view kErrOverflow = "ERR increment or decrement would overflow";
inline constexpr std::string_view kErrSameObject =
    "ERR source and destination objects are the same";
inline constexpr std::string_view kErrOutOfRange = "ERR index out of range";
// End of command errors.

// "ERR wrong number of arguments for 'get' command".
inline std::string WrongNumArgsError(std::string_view command_fullname) {
  return FormatError(kErrWrongNumArgs, command_fullname);
}
// "ERR invalid expire time in 'set' command".
inline std::string InvalidExpireError(std::string_view command) {
  return FormatError(kErrInvalidExpire, command);
}

// String and bitmap families (t_string.c, bitops.c).
inline constexpr std::string_view kErrStringTooBig =
    "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
inline constexpr std::string_view kErrOffsetOutOfRange = "ERR offset is out of range";
inline constexpr std::string_view kErrDecrementOverflow = "ERR decrement would overflow";
inline constexpr std::string_view kErrIncrNanOrInf = "ERR increment would produce NaN or Infinity";
inline constexpr std::string_view kErrLcsNotStrings =
    "ERR The specified keys must contain string values";
inline constexpr std::string_view kErrLcsLenAndIdx =
    "ERR If you want both the length and indexes, please just use IDX.";
inline constexpr std::string_view kErrLcsTooLong = "ERR String too long for LCS";
inline constexpr std::string_view kErrLcsExceedsMaxBulk =
    "ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len";
inline constexpr std::string_view kErrLcsAllocFailed =
    "ERR Insufficient memory, failed allocating transient memory for LCS";
inline constexpr std::string_view kErrBitOffset =
    "ERR bit offset is not an integer or out of range";
inline constexpr std::string_view kErrBitValue = "ERR bit is not an integer or out of range";
inline constexpr std::string_view kErrBitposBit = "ERR The bit argument must be 1 or 0.";
inline constexpr std::string_view kErrBitopNot =
    "ERR BITOP NOT must be called with a single source key.";
inline constexpr std::string_view kErrBitfieldType =
    "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but "
    "i64 is.";
inline constexpr std::string_view kErrBitfieldOverflowType = "ERR Invalid OVERFLOW type specified";
inline constexpr std::string_view kErrBitfieldRoWrite =
    "ERR BITFIELD_RO only supports the GET subcommand";
// End of string and bitmap errors.

// Connection, client and server families (networking.c, server.c, config.c, debug.c).
// CONFIG SET port / bind failures: the reasons after "ERR CONFIG SET failed (...) - ".
inline constexpr std::string_view kConfigCannotListen =
    "Unable to listen on this port. Check server logs.";
inline constexpr std::string_view kConfigCannotBind = "Failed to bind to specified addresses.";
inline constexpr std::string_view kErrBadClientName =
    "ERR Client names cannot contain spaces, newlines or special characters.";
inline constexpr std::string_view kErrNoProto = "NOPROTO unsupported protocol version";
inline constexpr std::string_view kErrHelloProtover =
    "ERR Protocol version is not an integer or out of range";
inline constexpr std::string_view kErrHelloNoAuth =
    "NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO "
    "AUTH <user> <pass> option can be used to authenticate the client and select the RESP "
    "protocol version at the same time";
inline constexpr std::string_view kErrNoSuchClient = "ERR No such client";
inline constexpr std::string_view kErrClientIdPositive = "ERR client-id should be greater than 0";
inline constexpr std::string_view kErrInvalidClientId = "ERR Invalid client ID";
inline constexpr std::string_view kErrTimeoutNotInteger =
    "ERR timeout is not an integer or out of range";
inline constexpr std::string_view kErrTimeoutNegative = "ERR timeout is negative";
inline constexpr std::string_view kErrTimeoutOutOfRange = "ERR timeout is out of range";
inline constexpr std::string_view kErrUnblocked = "UNBLOCKED client unblocked via CLIENT UNBLOCK";
inline constexpr std::string_view kErrLposRankZero =
    "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use "
    "negative to start from the end of the list";
inline constexpr std::string_view kErrPauseMode = "ERR CLIENT PAUSE mode must be WRITE or ALL";
inline constexpr std::string_view kErrUnblockReason =
    "ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR";
inline constexpr std::string_view kErrCachingNotTracking =
    "ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or "
    "OPTOUT mode enabled";
inline constexpr std::string_view kErrCachingYesNeedsOptin =
    "ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.";
inline constexpr std::string_view kErrCachingNoNeedsOptout =
    "ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.";
inline constexpr std::string_view kErrTrackingOneRedirect =
    "ERR A client can only redirect to a single other client";
inline constexpr std::string_view kErrTrackingNoRedirectTarget =
    "ERR The client ID you want redirect to does not exist";
inline constexpr std::string_view kErrTrackingPrefixNeedsBcast =
    "ERR PREFIX option requires BCAST mode to be enabled";
inline constexpr std::string_view kErrTrackingBcastSwitch =
    "ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then "
    "re-enabling it with a different mode.";
inline constexpr std::string_view kErrTrackingOptInBcast =
    "ERR OPTIN and OPTOUT are not compatible with BCAST";
inline constexpr std::string_view kErrTrackingOptInOptOut =
    "ERR You can't specify both OPTIN mode and OPTOUT mode";
inline constexpr std::string_view kErrTrackingOptSwitch =
    "ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then "
    "re-enabling it with a different mode.";
inline constexpr std::string_view kErrSlowlogCount =
    "ERR count should be greater than or equal to -1";
inline constexpr std::string_view kErrGetkeysInvalidCommand = "ERR Invalid command specified";
inline constexpr std::string_view kErrGetkeysNoKeys = "ERR The command has no key arguments";
inline constexpr std::string_view kErrGetkeysArity =
    "ERR Invalid number of arguments specified for command";
inline constexpr std::string_view kErrGetkeysInvalidArgs =
    "ERR Invalid arguments specified for command";
inline constexpr std::string_view kErrDebugNotAllowed =
    "ERR DEBUG command not allowed. If the enable-debug-command option is set to \"local\", you "
    "can run it from a local connection, otherwise you need to set this option in the "
    "configuration file, and then restart the server.";
inline constexpr std::string_view kErrShutdownFailed = "ERR Errors trying to SHUTDOWN. Check logs.";
inline constexpr std::string_view kErrNoShutdownInProgress = "ERR No shutdown in progress.";
// End of connection, client and server errors.

// Keyspace family (db.c, expire.c, object.c).
inline constexpr std::string_view kErrIntRange =
    "ERR value is out of range, value must between -2147483648 and 2147483647";
inline constexpr std::string_view kErrInvalidFirstDbIndex = "ERR invalid first DB index";
inline constexpr std::string_view kErrInvalidSecondDbIndex = "ERR invalid second DB index";
inline constexpr std::string_view kErrInvalidCursor = "ERR invalid cursor";
// MULTI/EXEC/WATCH.
inline constexpr std::string_view kErrNotInTransaction =
    "ERR Command not allowed inside a transaction";
inline constexpr std::string_view kErrMultiNested = "ERR MULTI calls can not be nested";
inline constexpr std::string_view kErrExecWithoutMulti = "ERR EXEC without MULTI";
inline constexpr std::string_view kErrDiscardWithoutMulti = "ERR DISCARD without MULTI";
inline constexpr std::string_view kErrWatchInMulti = "ERR WATCH inside MULTI is not allowed";
inline constexpr std::string_view kErrExecAbort =
    "EXECABORT Transaction discarded because of previous errors.";
// Followed by the option as Redis prints it (up to an embedded NUL).
inline constexpr std::string_view kErrUnsupportedOptionPrefix = "ERR Unsupported option ";
inline constexpr std::string_view kErrExpireNxAndOthers =
    "ERR NX and XX, GT or LT options at the same time are not compatible";
inline constexpr std::string_view kErrExpireGtAndLt =
    "ERR GT and LT options at the same time are not compatible";
inline constexpr std::string_view kErrLfuNotSelected =
    "ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note "
    "that when switching between policies at runtime LRU and LFU data will take some time to "
    "adjust.";
inline constexpr std::string_view kErrLfuSelected =
    "ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when "
    "switching between policies at runtime LRU and LFU data will take some time to adjust.";
// End of keyspace errors.

// Set and hash families (t_set.c, t_hash.c).
inline constexpr std::string_view kErrSPopCountNegative =
    "ERR value is out of range, must be positive";
inline constexpr std::string_view kErrLongRange =
    "ERR value is out of range, value must between -9223372036854775807 and "
    "9223372036854775807";
inline constexpr std::string_view kErrValueOutOfRange = "ERR value is out of range";
inline constexpr std::string_view kErrNumkeysPositive = "ERR numkeys should be greater than 0";
inline constexpr std::string_view kErrNumkeysTooMany =
    "ERR Number of keys can't be greater than number of args";
inline constexpr std::string_view kErrLimitNegative = "ERR LIMIT can't be negative";
inline constexpr std::string_view kErrHashNotInteger = "ERR hash value is not an integer";
inline constexpr std::string_view kErrHashNotFloat = "ERR hash value is not a float";
inline constexpr std::string_view kErrNanOrInfinity = "ERR value is NaN or Infinity";
inline constexpr std::string_view kErrSortByInCluster =
    "ERR BY option of SORT denied in Cluster mode when keys formed by the pattern may be in "
    "different slots.";
inline constexpr std::string_view kErrSortNotFloat =
    "ERR One or more scores can't be converted into double";
// End of set and hash errors.

// Sorted sets (t_zset.c).
inline constexpr std::string_view kErrZaddXxNx =
    "ERR XX and NX options at the same time are not compatible";
inline constexpr std::string_view kErrZaddGtLtNx =
    "ERR GT, LT, and/or NX options at the same time are not compatible";
inline constexpr std::string_view kErrZaddIncrPair =
    "ERR INCR option supports a single increment-element pair";
inline constexpr std::string_view kErrZsetNan = "ERR resulting score is not a number (NaN)";
inline constexpr std::string_view kErrMinMaxNotFloat = "ERR min or max is not a float";
inline constexpr std::string_view kErrMinMaxNotLex = "ERR min or max not valid string range item";
inline constexpr std::string_view kErrLimitRankOnly =
    "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX";
inline constexpr std::string_view kErrWithscoresBylex =
    "ERR syntax error, WITHSCORES not supported in combination with BYLEX";
inline constexpr std::string_view kErrNotPositive = "ERR value is out of range, must be positive";
inline constexpr std::string_view kErrCountPositive = "ERR count should be greater than 0";
inline constexpr std::string_view kErrAtLeastOneKey =
    "ERR at least 1 input key is needed for '%s' command";
inline constexpr std::string_view kErrWeightNotFloat = "ERR weight value is not a float";
inline constexpr std::string_view kErrTimeoutNotFloat =
    "ERR timeout is not a float or out of range";
// End of sorted-set errors.

}  // namespace tandem::protocol
