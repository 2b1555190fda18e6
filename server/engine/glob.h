// Glob-style pattern matching with exactly the semantics of Redis 7.0's stringmatchlen(), used
// by KEYS, SCAN/HSCAN/SSCAN/ZSCAN MATCH, PSUBSCRIBE, CONFIG GET, COMMAND LIST FILTERBY PATTERN
// and ACL key/channel patterns.
#pragma once

#include <string_view>

#include "server/engine/ascii.h"  // EqualsIgnoreCase, ToLower: re-exported for callers.

namespace tandem::engine {

// Returns true when `str` matches `pattern`, byte for byte like Redis's stringmatchlen():
//   *        any run of bytes (consecutive stars collapse into one);
//   ?        exactly one byte;
//   [abc]    one byte of the set; [^abc] one byte not in it; [a-z] a range (a reversed range
//            [z-a] means [a-z]); `\x` inside the brackets is the literal x; an unterminated
//            set ("[abc") ends at the end of the pattern;
//   \x       the literal x; a trailing backslash matches a literal backslash;
//   anything else matches itself.
// With `nocase`, letters compare ignoring ASCII case (except after a backslash inside a set).
// Range bounds compare as *signed* chars, as in Redis, so [a-\xff] is really [\xff-a]; with
// `nocase` they also go through glibc's tolower(), which maps -128..-2 to 128..254, so
// [\x80-z] matches nothing there (checked against COMMAND LIST FILTERBY PATTERN).
//
// Redis quirks kept on purpose:
// - "*" does NOT match the empty string (KEYS * and SCAN without MATCH special-case "*" to
//   mean "everything" before calling the matcher; callers must do the same).
// - Each '*' recursion level counts towards a nesting limit of 1000 (CVE-2024-31228): a
//   pattern needing deeper nesting does not match. A failed tail match also stops the search
//   early (CVE-2022-36021), so patterns like "*a*a*a*...b" run in polynomial time.
bool GlobMatch(std::string_view pattern, std::string_view str, bool nocase = false);

// True when `pattern` contains none of the special bytes * ? [ \ so that GlobMatch(pattern, s)
// is exactly pattern == s (with nocase: EqualsIgnoreCase(pattern, s)). Lets callers replace a
// scan with a single lookup.
bool GlobIsLiteral(std::string_view pattern);

}  // namespace tandem::engine
