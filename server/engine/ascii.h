// ASCII-only case helpers, equivalent to the C library in the "C" locale (what Redis uses for
// strcasecmp, tolower and toupper): only 'A'-'Z' and 'a'-'z' fold; every other byte, including
// bytes >= 0x80, compares and converts as itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tandem::engine {

constexpr char AsciiToLower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c; }
constexpr char AsciiToUpper(char c) { return (c >= 'a' && c <= 'z') ? char(c - ('a' - 'A')) : c; }

// True when a and b have the same length and are equal ignoring ASCII case (strcasecmp == 0,
// except that embedded NUL bytes are compared like any other byte).
constexpr bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i] && AsciiToLower(a[i]) != AsciiToLower(b[i])) return false;
  }
  return true;
}

// What C code sees of a binary-safe argument: the bytes before its first NUL.
constexpr std::string_view CStringPart(std::string_view s) { return s.substr(0, s.find('\0')); }

// Redis's strcasecmp(arg, token) == 0 for a NUL-free `token`: `arg` matches up to its first
// NUL, so "NX\0junk" is NX, as for every option Redis compares with strcasecmp.
constexpr bool EqualsTokenIgnoreCase(std::string_view arg, std::string_view token) {
  return EqualsIgnoreCase(CStringPart(arg), token);
}

inline void ToLowerInPlace(std::string& s) {
  for (char& c : s) c = AsciiToLower(c);
}

inline void ToUpperInPlace(std::string& s) {
  for (char& c : s) c = AsciiToUpper(c);
}

inline std::string ToLower(std::string_view s) {
  std::string out(s);
  ToLowerInPlace(out);
  return out;
}

inline std::string ToUpper(std::string_view s) {
  std::string out(s);
  ToUpperInPlace(out);
  return out;
}

}  // namespace tandem::engine
