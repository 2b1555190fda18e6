#include "server/engine/glob.h"

#include <cstddef>
#include <cstring>
#include <utility>

namespace tandem::engine {
namespace {

// Redis stops recursing (and reports "no match") past this many nested '*'.
constexpr int kMaxNesting = 1000;

// One match attempt. The pattern is walked as (p, plen); Redis reads its pattern as a
// NUL-terminated string and sometimes looks one byte past the remaining length, so At()
// yields '\0' there, like the terminator Redis would see.
class Matcher {
 public:
  explicit Matcher(bool nocase) : nocase_(nocase) {}

  bool Match(const char* p, size_t plen, const char* s, size_t slen, int nesting);

 private:
  bool SameByte(char a, char b) const {
    return nocase_ ? AsciiToLower(a) == AsciiToLower(b) : a == b;
  }
  // Matches the set starting after '['; advances p/plen to the set's last byte.
  bool MatchSet(const char*& p, size_t& plen, char c) const;

  bool nocase_;
  // Set once a '*' has failed to match the rest of the pattern at every later offset: no
  // earlier '*' can succeed either, so every pending level gives up at once.
  bool skip_longer_ = false;
};

inline bool IsSpecial(char c) { return c == '*' || c == '?' || c == '[' || c == '\\'; }

inline char At(const char* p, size_t plen, size_t i) { return i < plen ? p[i] : '\0'; }

// glibc's tolower() in the "C" locale, applied to a signed char value as Redis does: letters
// fold, and negative values other than EOF (-1) come back as value + 256.
inline int CToLower(int c) {
  if (c >= 'A' && c <= 'Z') return c + ('a' - 'A');
  if (c < -1) return c + 256;
  return c;
}

bool Matcher::MatchSet(const char*& p, size_t& plen, char c) const {
  // On entry p points just past '['.
  bool negate = At(p, plen, 0) == '^';
  if (negate) {
    ++p;
    --plen;
  }
  bool match = false;
  while (true) {
    if (At(p, plen, 0) == '\\' && plen >= 2) {
      ++p;
      --plen;
      if (p[0] == c) match = true;  // Escaped bytes compare case-sensitively, as in Redis.
    } else if (At(p, plen, 0) == ']') {
      break;
    } else if (plen == 0) {
      // Unterminated set: step back so the caller's final advance lands on the end.
      --p;
      ++plen;
      break;
    } else if (plen >= 3 && p[1] == '-') {
      int lo = static_cast<signed char>(p[0]);
      int hi = static_cast<signed char>(p[2]);
      int ch = static_cast<signed char>(c);
      if (lo > hi) std::swap(lo, hi);
      if (nocase_) {
        lo = CToLower(lo);
        hi = CToLower(hi);
        ch = CToLower(ch);
      }
      p += 2;
      plen -= 2;
      if (ch >= lo && ch <= hi) match = true;
    } else if (SameByte(p[0], c)) {
      match = true;
    }
    ++p;
    --plen;
  }
  return negate ? !match : match;
}

bool Matcher::Match(const char* p, size_t plen, const char* s, size_t slen, int nesting) {
  if (nesting > kMaxNesting) return false;
  while (plen > 0 && slen > 0) {
    switch (p[0]) {
      case '*':
        while (plen > 1 && p[1] == '*') {
          ++p;
          --plen;
        }
        if (plen == 1) return true;
        for (; slen > 0; ++s, --slen) {
          // When a plain byte follows the star, an attempt at an offset holding another byte
          // fails at once (without touching skip_longer_), so jump to the next candidate.
          if (const char next = p[1]; !IsSpecial(next)) {
            if (!nocase_) {
              const void* hit = std::memchr(s, next, slen);
              if (hit == nullptr) break;
              slen -= static_cast<const char*>(hit) - s;
              s = static_cast<const char*>(hit);
            } else if (!SameByte(next, s[0])) {
              continue;
            }
          }
          if (Match(p + 1, plen - 1, s, slen, nesting + 1)) return true;
          if (skip_longer_) return false;
        }
        skip_longer_ = true;
        return false;
      case '?':
        ++s;
        --slen;
        break;
      case '[':
        ++p;
        --plen;
        if (!MatchSet(p, plen, s[0])) return false;
        ++s;
        --slen;
        break;
      case '\\':
        if (plen >= 2) {
          ++p;
          --plen;
        }
        [[fallthrough]];
      default:
        if (!SameByte(p[0], s[0])) return false;
        ++s;
        --slen;
        break;
    }
    ++p;
    --plen;
    if (slen == 0) {
      while (At(p, plen, 0) == '*') {
        ++p;
        --plen;
      }
      break;
    }
  }
  return plen == 0 && slen == 0;
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view str, bool nocase) {
  Matcher matcher(nocase);
  return matcher.Match(pattern.data(), pattern.size(), str.data(), str.size(), 0);
}

bool GlobIsLiteral(std::string_view pattern) {
  for (char c : pattern) {
    if (IsSpecial(c)) return false;
  }
  return true;
}

}  // namespace tandem::engine
