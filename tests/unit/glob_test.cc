// GlobMatch must agree byte for byte with redis-server 7.0.15's stringmatchlen(). The tables
// below were produced by running KEYS <pattern> against a redis-server holding exactly kKeys,
// and COMMAND LIST FILTERBY PATTERN <pattern> (a case-insensitive match) for the nocase table.
#include "server/engine/glob.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace std::literals;
using tandem::engine::GlobIsLiteral;
using tandem::engine::GlobMatch;

struct GlobCase {
  std::string_view pattern;
  std::vector<std::string_view> matches;  // The keys redis-server returned.
};

// clang-format off
const std::vector<std::string_view> kKeys = {
    "", "a", "b", "ab", "abc", "abcd", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c", "a^c",
    "hello", "hallo", "hxllo", "hllo", "heeeello", "HELLO", "Hello", "-", "]", "[", "\\", "*", "?",
    "^", "foo:bar", "foo:1:baz", "foo", "\x00"sv, "a\x00""b"sv, "\x80", "\xff", "\xe9t\xe9", "aaa",
    "aaab", "Z", "z", "_", "1", "12", "123"};
const std::vector<GlobCase> kCases = {
    {"**", {"a", "b", "ab", "abc", "abcd", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c", "a^c",
        "hello", "hallo", "hxllo", "hllo", "heeeello", "HELLO", "Hello", "-", "]", "[", "\\", "*",
        "?", "^", "foo:bar", "foo:1:baz", "foo", "\x00"sv, "a\x00""b"sv, "\x80", "\xff",
        "\xe9t\xe9", "aaa", "aaab", "Z", "z", "_", "1", "12", "123"}},
    {"", {""}},
    {"?", {"a", "b", "-", "]", "[", "\\", "*", "?", "^", "\x00"sv, "\x80", "\xff", "Z", "z", "_",
        "1"}},
    {"??", {"ab", "12"}},
    {"???", {"abc", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c", "a^c", "foo", "a\x00""b"sv,
        "\xe9t\xe9", "aaa", "123"}},
    {"*?", {"a", "b", "ab", "abc", "abcd", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c", "a^c",
        "hello", "hallo", "hxllo", "hllo", "heeeello", "HELLO", "Hello", "-", "]", "[", "\\", "*",
        "?", "^", "foo:bar", "foo:1:baz", "foo", "\x00"sv, "a\x00""b"sv, "\x80", "\xff",
        "\xe9t\xe9", "aaa", "aaab", "Z", "z", "_", "1", "12", "123"}},
    {"?*", {"a", "b", "ab", "abc", "abcd", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c", "a^c",
        "hello", "hallo", "hxllo", "hllo", "heeeello", "HELLO", "Hello", "-", "]", "[", "\\", "*",
        "?", "^", "foo:bar", "foo:1:baz", "foo", "\x00"sv, "a\x00""b"sv, "\x80", "\xff",
        "\xe9t\xe9", "aaa", "aaab", "Z", "z", "_", "1", "12", "123"}},
    {"a*", {"a", "ab", "abc", "abcd", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c", "a^c",
        "a\x00""b"sv, "aaa", "aaab"}},
    {"*c", {"abc", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c", "a^c"}},
    {"a*c", {"abc", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c", "a^c"}},
    {"a?c", {"abc", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c", "a^c"}},
    {"a**c", {"abc", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c", "a^c"}},
    {"*a*", {"a", "ab", "abc", "abcd", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c", "a^c",
        "hallo", "foo:bar", "foo:1:baz", "a\x00""b"sv, "aaa", "aaab"}},
    {"a*a", {"aaa"}},
    {"*b", {"b", "ab", "a\x00""b"sv, "aaab"}},
    {"h?llo", {"hello", "hallo", "hxllo"}},
    {"h*llo", {"hello", "hallo", "hxllo", "hllo", "heeeello"}},
    {"h[ae]llo", {"hello", "hallo"}},
    {"h[^e]llo", {"hallo", "hxllo"}},
    {"h[a-b]llo", {"hallo"}},
    {"h[b-a]llo", {"hallo"}},
    {"h[^a-b]llo", {"hello", "hxllo"}},
    {"h*o", {"hello", "hallo", "hxllo", "hllo", "heeeello"}},
    {"h*l*o", {"hello", "hallo", "hxllo", "hllo", "heeeello"}},
    {"*ll*", {"hello", "hallo", "hxllo", "hllo", "heeeello", "Hello"}},
    {"a\\*c", {"a*c"}},
    {"a\\?c", {"a?c"}},
    {"a\\[c", {"a[c"}},
    {"a\\\\c", {"a\\c"}},
    {"a\\c", {}},
    {"\\", {"\\"}},
    {"\\\\", {"\\"}},
    {"a\\", {}},
    {"\\a", {"a"}},
    {"\\*", {"*"}},
    {"h\\ello", {"hello"}},
    {"[", {}},
    {"[^", {"a", "b", "-", "]", "[", "\\", "*", "?", "^", "\x00"sv, "\x80", "\xff", "Z", "z", "_",
        "1"}},
    {"[a", {"a"}},
    {"[ab", {"a", "b"}},
    {"[^a", {"b", "-", "]", "[", "\\", "*", "?", "^", "\x00"sv, "\x80", "\xff", "Z", "z", "_", "1"
        }},
    {"a[", {}},
    {"a[b", {"ab"}},
    {"a[^", {"ab"}},
    {"[]", {}},
    {"[]]", {}},
    {"[]a]", {}},
    {"[\\]]", {"]"}},
    {"[\\]", {"]"}},
    {"[\\", {"\\"}},
    {"[a-", {"a", "-"}},
    {"[a-]", {"a", "]", "^", "_"}},
    {"[a-]c]", {"a", "]", "^", "_"}},
    {"[-a]", {"a", "-"}},
    {"a[\\-]c", {"a-c"}},
    {"a[*]c", {"a*c"}},
    {"a[?]c", {"a?c"}},
    {"a[[]c", {"a[c"}},
    {"[[]", {"["}},
    {"[^]]", {}},
    {"[!a]", {"a"}},
    {"[a-c-e]", {"a", "b", "-"}},
    {"[\\a-c]", {"a", "-"}},
    {"[a\\-c]", {"a", "-"}},
    {"[\\^]*", {"^"}},
    {"[^^]*", {"a", "b", "ab", "abc", "abcd", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c",
        "a^c", "hello", "hallo", "hxllo", "hllo", "heeeello", "HELLO", "Hello", "-", "]", "[", "\\",
        "*", "?", "foo:bar", "foo:1:baz", "foo", "\x00"sv, "a\x00""b"sv, "\x80", "\xff",
        "\xe9t\xe9", "aaa", "aaab", "Z", "z", "_", "1", "12", "123"}},
    {"^*", {"^"}},
    {"]", {"]"}},
    {"-", {"-"}},
    {"{a,b}", {}},
    {"[A-Z]", {"Z"}},
    {"[Z-A]", {"Z"}},
    {"[a-z]*", {"a", "b", "ab", "abc", "abcd", "aXc", "a*c", "a?c", "a[c", "a]c", "a\\c", "a-c",
        "a^c", "hello", "hallo", "hxllo", "hllo", "heeeello", "foo:bar", "foo:1:baz", "foo",
        "a\x00""b"sv, "aaa", "aaab", "z"}},
    {"[^a-z]", {"-", "]", "[", "\\", "*", "?", "^", "\x00"sv, "\x80", "\xff", "Z", "_", "1"}},
    {"[0-9]", {"1"}},
    {"[0-9]*", {"1", "12", "123"}},
    {"*[0-9]", {"1", "12", "123"}},
    {"[1-2]?", {"12"}},
    {"foo:*", {"foo:bar", "foo:1:baz"}},
    {"foo:*:baz", {"foo:1:baz"}},
    {"*:*", {"foo:bar", "foo:1:baz"}},
    {"f*:?", {}},
    {"*\x00*"sv, {"\x00"sv, "a\x00""b"sv}},
    {"a\x00""b"sv, {"a\x00""b"sv}},
    {"?\x00?"sv, {"a\x00""b"sv}},
    {"[\x00]"sv, {"\x00"sv}},
    {"[\x80-\xff]", {"\x80", "\xff"}},
    {"[a-\xff]", {"a", "-", "]", "[", "\\", "*", "?", "^", "\x00"sv, "\xff", "Z", "_", "1"}},
    {"[\xff-a]", {"a", "-", "]", "[", "\\", "*", "?", "^", "\x00"sv, "\xff", "Z", "_", "1"}},
    {"[\x00-\x7f]"sv, {"a", "b", "-", "]", "[", "\\", "*", "?", "^", "\x00"sv, "Z", "z", "_", "1"}},
    {"[^\x00-\x7f]"sv, {"\x80", "\xff"}},
    {"\xe9*", {"\xe9t\xe9"}},
    {"*\xe9", {"\xe9t\xe9"}},
    {"[\xe9]t[\xe9]", {"\xe9t\xe9"}},
    {"a*b*c*d", {"abcd"}},
    {"*a*a*", {"aaa", "aaab"}},
    {"a[bX]c*", {"abc", "abcd", "aXc"}},
    {"[ha]*[ol]", {"hello", "hallo", "hxllo", "hllo", "heeeello"}},
    {"*[", {}},
    {"a*[", {}},
    {"[^a]*", {"b", "hello", "hallo", "hxllo", "hllo", "heeeello", "HELLO", "Hello", "-", "]", "[",
        "\\", "*", "?", "^", "foo:bar", "foo:1:baz", "foo", "\x00"sv, "\x80", "\xff", "\xe9t\xe9",
        "Z", "z", "_", "1", "12", "123"}},
    {"*]", {"]"}},
    {"a]c", {"a]c"}},
    {"z*", {"z"}},
};

const std::vector<std::string_view> kCommandNames = {
    "get", "set", "getset", "getdel", "config|get", "config|set", "hget", "mget", "lset", "ttl",
    "type", "xadd", "zadd"};
const std::vector<GlobCase> kNocaseCases = {
    {"GET", {"get"}},
    {"Get", {"get"}},
    {"gEt", {"get"}},
    {"*GET", {"get", "config|get", "hget", "mget"}},
    {"G*", {"get", "getset", "getdel"}},
    {"[G]et", {"get"}},
    {"[A-H]ET", {"get"}},
    {"[a-h]ET", {"get"}},
    {"[^G]ET", {"set"}},
    {"[Z-a]et", {}},
    {"[\\G]et", {}},
    {"[\\g]et", {"get"}},
    {"\\Get", {"get"}},
    {"CONFIG|*", {"config|get", "config|set"}},
    {"*|GET", {"config|get"}},
    {"?ET", {"get", "set"}},
    {"[\x80-z]et", {}},
    {"[\xff-z]et", {"get", "set"}},
    {"[z-\xff]et", {"get", "set"}},
    {"[\x80-Z]et", {}},
    {"[^\x80-z]et", {"get", "set"}},
    {"T?PE", {"type"}},
    {"[S-T]*", {"set", "ttl", "type"}},
    {"*[D-E]*", {"get", "set", "getset", "getdel", "config|get", "config|set", "hget", "mget",
        "lset", "type", "xadd", "zadd"}},
};
// clang-format on

bool Contains(const std::vector<std::string_view>& v, std::string_view s) {
  for (std::string_view x : v) {
    if (x == s) return true;
  }
  return false;
}

void CheckTable(const std::vector<std::string_view>& universe, const std::vector<GlobCase>& cases,
                bool nocase) {
  for (const GlobCase& c : cases) {
    for (std::string_view key : universe) {
      INFO("pattern=\"", std::string(c.pattern), "\" key=\"", std::string(key), "\"");
      CHECK(GlobMatch(c.pattern, key, nocase) == Contains(c.matches, key));
    }
  }
}

}  // namespace

TEST_CASE("GlobMatch agrees with redis-server KEYS on every curated pattern and key") {
  CheckTable(kKeys, kCases, /*nocase=*/false);
}

TEST_CASE("GlobMatch with nocase agrees with redis-server COMMAND LIST FILTERBY PATTERN") {
  CheckTable(kCommandNames, kNocaseCases, /*nocase=*/true);
}

TEST_CASE("GlobMatch basics") {
  CHECK(GlobMatch("h?llo", "hello"));
  CHECK(GlobMatch("h*llo", "hllo"));
  CHECK(GlobMatch("h[ae]llo", "hallo"));
  CHECK_FALSE(GlobMatch("h[^e]llo", "hello"));
  CHECK(GlobMatch("h[a-b]llo", "hbllo"));
  CHECK_FALSE(GlobMatch("hello", "HELLO"));
  CHECK(GlobMatch("hello", "HELLO", /*nocase=*/true));
  CHECK(GlobMatch("", ""));
  CHECK_FALSE(GlobMatch("", "a"));
}

TEST_CASE("A lone star does not match the empty string, like Redis's matcher") {
  // KEYS * and SCAN without MATCH return the empty key only because they skip the matcher.
  CHECK_FALSE(GlobMatch("*", ""));
  CHECK_FALSE(GlobMatch("**", ""));
  CHECK(GlobMatch("*", "x"));
  CHECK(GlobMatch("a*", "a"));  // Trailing stars are skipped once the string is consumed.
}

TEST_CASE("A reversed range matches like the forward range") {
  CHECK(GlobMatch("[z-a]", "m"));
  CHECK(GlobMatch("[9-0]", "5"));
  CHECK_FALSE(GlobMatch("[z-a]", "A"));
}

TEST_CASE("Range bounds compare as signed chars") {
  // [a-\xff] is [\xff-a] = [-1..97]: '\0' and 'a' match, 'b' and '\x80' do not.
  CHECK(GlobMatch("[a-\xff]", "\0"sv));
  CHECK(GlobMatch("[a-\xff]", "a"));
  CHECK_FALSE(GlobMatch("[a-\xff]", "b"));
  CHECK_FALSE(GlobMatch("[a-\xff]", "\x80"));
  CHECK(GlobMatch("[\x80-\xff]", "\x90"));
}

TEST_CASE("With nocase, range bounds above 0x7f shift like glibc's tolower") {
  CHECK(GlobMatch("[\x80-z]et", "get"));
  CHECK_FALSE(GlobMatch("[\x80-z]et", "get", /*nocase=*/true));
  CHECK(GlobMatch("[\xff-z]et", "get", /*nocase=*/true));  // 0xff is EOF (-1): unchanged.
}

TEST_CASE("Escapes outside and inside brackets are literal; a trailing backslash is literal") {
  CHECK(GlobMatch("a\\*c", "a*c"));
  CHECK_FALSE(GlobMatch("a\\*c", "abc"));
  CHECK(GlobMatch("[\\]]", "]"));
  CHECK(GlobMatch("a\\", "a\\"));
  CHECK(GlobMatch("\\", "\\"));
  CHECK(GlobMatch("a[\\-]c", "a-c"));
  // Inside brackets an escaped byte compares case-sensitively even with nocase.
  CHECK_FALSE(GlobMatch("[\\G]et", "get", /*nocase=*/true));
  CHECK(GlobMatch("\\Get", "get", /*nocase=*/true));
}

TEST_CASE("An unterminated bracket set ends at the end of the pattern") {
  CHECK(GlobMatch("[ab", "a"));
  CHECK(GlobMatch("a[bc", "ac"));
  CHECK_FALSE(GlobMatch("[", "["));
  CHECK(GlobMatch("[^", "x"));
}

TEST_CASE("A ']' right after '[' closes an empty set, which never matches") {
  CHECK_FALSE(GlobMatch("[]", "]"));
  CHECK_FALSE(GlobMatch("[]]", "]"));
  CHECK_FALSE(GlobMatch("[]a]", "a"));
  CHECK(GlobMatch("[\\]]", "]"));
}

TEST_CASE("A dash before the closing bracket makes a range ending at ']'") {
  // "[a-]" is the range ']'..'a' and the set continues past that ']'.
  CHECK(GlobMatch("[a-]c]", "^"));
  CHECK(GlobMatch("[a-]c]", "c"));
  CHECK_FALSE(GlobMatch("[a-]c]", "b"));
}

TEST_CASE("Patterns and strings may contain NUL bytes") {
  CHECK(GlobMatch("a\0b"sv, "a\0b"sv));
  CHECK(GlobMatch("*\0*"sv, "x\0y"sv));
  CHECK_FALSE(GlobMatch("a\0b"sv, "a"));
  CHECK(GlobMatch("[\0]"sv, "\0"sv));
}

TEST_CASE("Star nesting deeper than 1000 levels does not match (redis-server 7.0.15)") {
  // Checked against redis-server: KEYS ("*a" x 1000) finds a 3000-byte key of 'a's, KEYS
  // ("*a" x 1001) does not; a trailing star costs no nesting level.
  const std::string key(3000, 'a');
  auto repeat = [](std::string_view unit, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += unit;
    return s;
  };
  CHECK(GlobMatch(repeat("*a", 999), key));
  CHECK(GlobMatch(repeat("*a", 1000), key));
  CHECK_FALSE(GlobMatch(repeat("*a", 1001), key));
  CHECK(GlobMatch(repeat("a*", 1001), key));
  CHECK_FALSE(GlobMatch(repeat("a*", 1002), key));
}

TEST_CASE("Many stars against a long non-matching string finish quickly") {
  std::string pattern;
  for (int i = 0; i < 30; ++i) pattern += "*a";
  pattern += "*b";
  const std::string str(20000, 'a');
  CHECK_FALSE(GlobMatch(pattern, str));
  CHECK(GlobMatch(pattern, str + "b"));
}

TEST_CASE("GlobIsLiteral is true only without * ? [ and backslash") {
  CHECK(GlobIsLiteral("user:1000"));
  CHECK(GlobIsLiteral(""));
  CHECK(GlobIsLiteral("a]b^c-d"));
  CHECK_FALSE(GlobIsLiteral("user:*"));
  CHECK_FALSE(GlobIsLiteral("h?llo"));
  CHECK_FALSE(GlobIsLiteral("h[ae]llo"));
  CHECK_FALSE(GlobIsLiteral("a\\b"));
  // For a literal pattern GlobMatch is plain equality.
  CHECK(GlobMatch("a]b^c-d", "a]b^c-d"));
}

TEST_CASE("EqualsIgnoreCase folds ASCII letters only") {
  using tandem::engine::EqualsIgnoreCase;
  CHECK(EqualsIgnoreCase("PX", "px"));
  CHECK(EqualsIgnoreCase("KeepTTL", "KEEPTTL"));
  CHECK(EqualsIgnoreCase("", ""));
  CHECK_FALSE(EqualsIgnoreCase("EX", "EXAT"));
  CHECK_FALSE(EqualsIgnoreCase("@", "`"));  // 0x40 and 0x60 differ by the case bit only.
  CHECK_FALSE(EqualsIgnoreCase("[", "{"));
  CHECK_FALSE(EqualsIgnoreCase("\xc9", "\xe9"));  // Latin-1 É/é are not letters in "C".
  CHECK(EqualsIgnoreCase("a\0B"sv, "A\0b"sv));
}

TEST_CASE("ToLower and ToUpper change ASCII letters only") {
  using tandem::engine::ToLower;
  using tandem::engine::ToLowerInPlace;
  using tandem::engine::ToUpper;
  CHECK(ToLower("CONFIG|GET") == "config|get");
  CHECK(ToUpper("zAdd") == "ZADD");
  CHECK(ToLower("\xc9@[Z]") == "\xc9@[z]");
  std::string s = "HeLLo";
  ToLowerInPlace(s);
  CHECK(s == "hello");
}
