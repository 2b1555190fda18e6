// ArgParser: a cursor over a command's arguments that keeps the FIRST parse error and is
// checked once at the end, instead of hand-written strcasecmp loops in every handler.
//
//   // SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | KEEPTTL]
//   ArgParser parser(args.subspan(2));
//   while (parser.HasNext()) {             // false as soon as an error is recorded
//     if (parser.Check("NX")) nx = true;
//     else if (parser.Check("EX", &seconds)) unit = kSeconds;
//     else parser.Fail();                 // "ERR syntax error"
//   }
//   if (!parser.Finalize()) return builder.SendError(parser.ErrorText());
//
// Owned by one handler call on one thread; it only borrows `args`, which must outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "protocol/errors.h"
#include "server/engine/ascii.h"
#include "server/engine/numbers.h"

namespace tandem::commands {

// The error texts ArgParser produces; the constants live in protocol/errors.h.
using protocol::kErrNotFloat;    // "ERR value is not a valid float"
using protocol::kErrNotInteger;  // "ERR value is not an integer or out of range"
using protocol::kErrSyntax;      // "ERR syntax error"

class ArgParser {
 public:
  enum class ErrorKind : uint8_t {
    kSyntax,      // kErrSyntax: missing argument, unknown token, extra arguments.
    kNotInteger,  // kErrNotInteger
    kNotFloat,    // kErrNotFloat
    kCustom,      // the text given to Fail(std::string_view)
  };
  struct ErrorInfo {
    ErrorKind kind;
    size_t index;  // Position in args of the offending argument (args.size() if missing).
  };

  explicit ArgParser(std::span<const std::string_view> args) : args_(args) {}

  // True while arguments remain AND no error has been recorded, so option loops stop at the
  // first error on their own.
  bool HasNext() const { return pos_ < args_.size() && !error_; }
  size_t Remaining() const { return args_.size() - pos_; }
  // Position of the argument Next() would return.
  size_t Index() const { return pos_; }
  // The current argument without consuming it; empty if none is left.
  std::string_view Peek() const { return pos_ < args_.size() ? args_[pos_] : std::string_view(); }

  // Consumes and returns the current argument; a syntax error (and "") if none is left.
  std::string_view Next() {
    if (pos_ >= args_.size()) {
      Record(ErrorKind::kSyntax, pos_);
      return {};
    }
    return args_[pos_++];
  }

  // Consumes the current argument and converts it: integral types with Redis's string2ll plus
  // a range check for T (kNotInteger, so unsigned types reject negatives and values above
  // LLONG_MAX), double with string2d and long double with string2ld (kNotFloat; both accept
  // "inf"). On failure records the error and returns T{}.
  template <class T>
  T Next();

  // If the current argument equals `token` ignoring ASCII case, consumes it and returns true.
  // Like Redis's strcasecmp, the argument ends at its first NUL byte ("NX\0x" is NX); this and
  // MapNext are the only token comparisons.
  bool Check(std::string_view token) {
    if (pos_ >= args_.size() || !engine::EqualsTokenIgnoreCase(args_[pos_], token)) return false;
    ++pos_;
    return true;
  }

  // Check(token) followed by *out = Next<T>(): "EX 10". A matching token without a value
  // records a syntax error (as Redis does for "SET k v EX").
  template <class T>
  bool Check(std::string_view token, T* out) {
    if (!Check(token)) return false;
    *out = Next<T>();
    return true;
  }

  // Consumes the current argument and maps it, ignoring ASCII case, through alternating
  // token/value pairs: MapNext("BEFORE", Where::kBefore, "AFTER", Where::kAfter).
  // An unknown or missing token records a syntax error and returns T{}.
  template <class T, class... Rest>
  T MapNext(std::string_view token, T value, Rest... rest) {
    static_assert(sizeof...(Rest) % 2 == 0, "MapNext takes token/value pairs");
    if (pos_ >= args_.size()) {
      Record(ErrorKind::kSyntax, pos_);
      return T{};
    }
    const std::string_view arg = args_[pos_++];
    std::optional<T> found = Lookup(arg, token, value, rest...);
    if (!found) {
      Record(ErrorKind::kSyntax, pos_ - 1);
      return T{};
    }
    return *found;
  }

  // Skips n arguments (fewer if not that many are left).
  void Skip(size_t n) { pos_ += n < Remaining() ? n : Remaining(); }

  // Records an error about the current argument (kept only if it is the first one).
  void Fail(ErrorKind kind = ErrorKind::kSyntax) { Record(kind, pos_); }
  void Fail(std::string_view text) {
    if (error_) return;
    custom_text_.assign(text);
    Record(ErrorKind::kCustom, pos_);
  }

  // True if no error was recorded and every argument was consumed; otherwise false, and left-
  // over arguments become a syntax error (if nothing failed before).
  bool Finalize() {
    if (pos_ < args_.size()) Record(ErrorKind::kSyntax, pos_);
    return !error_;
  }

  bool Ok() const { return !error_; }
  std::optional<ErrorInfo> Error() const { return error_; }
  // The error reply text ("ERR ..."); empty if there is no error.
  std::string_view ErrorText() const {
    if (!error_) return {};
    switch (error_->kind) {
      case ErrorKind::kSyntax:
        return kErrSyntax;
      case ErrorKind::kNotInteger:
        return kErrNotInteger;
      case ErrorKind::kNotFloat:
        return kErrNotFloat;
      case ErrorKind::kCustom:
        break;
    }
    return custom_text_;
  }

 private:
  void Record(ErrorKind kind, size_t index) {
    if (!error_) error_ = ErrorInfo{kind, index};
  }

  template <class T, class... Rest>
  static std::optional<T> Lookup(std::string_view arg, std::string_view token, T value,
                                 Rest... rest) {
    if (engine::EqualsTokenIgnoreCase(arg, token)) return value;
    if constexpr (sizeof...(Rest) > 0) {
      return Lookup(arg, rest...);
    } else {
      return std::nullopt;
    }
  }

  std::span<const std::string_view> args_;
  size_t pos_ = 0;
  std::optional<ErrorInfo> error_;
  std::string custom_text_;
};

template <class T>
T ArgParser::Next() {
  if constexpr (std::is_same_v<T, std::string_view>) {
    return Next();
  } else {
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, float>,
                  "Next<T> supports string_view, integral types, double and long double");
    if (pos_ >= args_.size()) {
      Record(ErrorKind::kSyntax, pos_);
      return T{};
    }
    const size_t index = pos_;
    const std::string_view arg = args_[pos_++];
    if constexpr (std::is_integral_v<T>) {
      long long v;
      if (!engine::StringToLL(arg, &v) || !std::in_range<T>(v)) {
        Record(ErrorKind::kNotInteger, index);
        return T{};
      }
      return static_cast<T>(v);
    } else if constexpr (std::is_same_v<T, double>) {
      double v;
      if (!engine::StringToDouble(arg, &v)) {
        Record(ErrorKind::kNotFloat, index);
        return T{};
      }
      return v;
    } else {
      long double v;
      if (!engine::StringToLongDouble(arg, &v)) {
        Record(ErrorKind::kNotFloat, index);
        return T{};
      }
      return v;
    }
  }
}

}  // namespace tandem::commands
