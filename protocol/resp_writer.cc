// RESP2/RESP3 reply encoding, byte-exact with redis-server 7.0.15 networking.c (addReply*).
#include "protocol/resp_writer.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace tandem::protocol {
namespace {

constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Writes the decimal digits of `v` so that they end just before `end`; returns the start.
char* WriteDigitsBackward(unsigned long long v, char* end) {
  while (v >= 100) {
    size_t pair = static_cast<size_t>(v % 100) * 2;
    v /= 100;
    end -= 2;
    std::memcpy(end, kDigitPairs + pair, 2);
  }
  if (v >= 10) {
    end -= 2;
    std::memcpy(end, kDigitPairs + v * 2, 2);
  } else {
    *--end = static_cast<char>('0' + v);
  }
  return end;
}

// Large enough for "%.17g" of any double (at most 24 bytes) plus slack.
constexpr size_t kDoubleBufSize = 64;

// Redis's addReplyDouble text: infinities spelled out explicitly, everything else "%.17g".
size_t FormatDoubleTo(double v, char* buf) {
  if (std::isinf(v)) {
    const char* text = v > 0 ? "inf" : "-inf";
    size_t len = std::strlen(text);
    std::memcpy(buf, text, len);
    return len;
  }
  int len = std::snprintf(buf, kDoubleBufSize, "%.17g", v);
  return len > 0 ? static_cast<size_t>(len) : 0;
}

}  // namespace

std::string FormatDouble(double v) {
  char buf[kDoubleBufSize];
  return std::string(buf, FormatDoubleTo(v, buf));
}

void RespWriter::AppendHeader(char prefix, long long n) {
  char buf[32];
  char* end = buf + sizeof(buf);
  end[-2] = '\r';
  end[-1] = '\n';
  unsigned long long magnitude =
      n < 0 ? 0ull - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
  char* p = WriteDigitsBackward(magnitude, end - 2);
  if (n < 0) *--p = '-';
  *--p = prefix;
  out_->append(p, end - p);
}

void RespWriter::AppendLine(char prefix, std::string_view s) {
  out_->push_back(prefix);
  size_t start = out_->size();
  out_->append(s);
  for (size_t i = start; i < out_->size(); ++i) {
    char& c = (*out_)[i];
    if (c == '\r' || c == '\n') c = ' ';
  }
  out_->append("\r\n", 2);
}

// +<text>
void RespWriter::SendSimple(std::string_view s) { AppendLine('+', s); }

// -<code> <text>
void RespWriter::SendError(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  AppendLine('-', s);
}

// :<n>
void RespWriter::SendLong(long long v) { AppendHeader(':', v); }

// RESP3 ,<double>   RESP2 $<len> <double>
void RespWriter::SendDouble(double v) {
  char buf[kDoubleBufSize];
  size_t len = FormatDoubleTo(v, buf);
  if (resp3_) {
    out_->push_back(',');
    out_->append(buf, len);
    out_->append("\r\n", 2);
  } else {
    SendBulk(std::string_view(buf, len));
  }
}

// $<len> <bytes>
void RespWriter::SendBulk(std::string_view s) {
  AppendHeader('$', static_cast<long long>(s.size()));
  out_->append(s);
  out_->append("\r\n", 2);
}

// RESP3 _   RESP2 $-1
void RespWriter::SendNull() {
  if (resp3_) {
    out_->append("_\r\n", 3);
  } else {
    out_->append("$-1\r\n", 5);
  }
}

// RESP3 _   RESP2 *-1
void RespWriter::SendNullArray() {
  if (resp3_) {
    out_->append("_\r\n", 3);
  } else {
    out_->append("*-1\r\n", 5);
  }
}

// RESP3 #t / #f   RESP2 :1 / :0
void RespWriter::SendBool(bool v) {
  if (resp3_) {
    out_->append(v ? "#t\r\n" : "#f\r\n", 4);
  } else {
    out_->append(v ? ":1\r\n" : ":0\r\n", 4);
  }
}

// RESP3 (<digits>   RESP2 $<len> <digits>
void RespWriter::SendBigNumber(std::string_view digits) {
  if (!resp3_) return SendBulk(digits);
  out_->push_back('(');
  out_->append(digits);
  out_->append("\r\n", 2);
}

// RESP3 =<len+4> <fmt>:<bytes>   RESP2 $<len> <bytes>
void RespWriter::SendVerbatim(std::string_view s, std::string_view format) {
  if (!resp3_) {
    SendBulk(s);
    return;
  }
  AppendHeader('=', static_cast<long long>(s.size() + 4));
  // Like the C original, the format ends at a NUL and is padded with spaces.
  char ext[4] = {' ', ' ', ' ', ':'};
  for (size_t i = 0; i < 3 && i < format.size() && format[i] != '\0'; ++i) ext[i] = format[i];
  out_->append(ext, 4);
  out_->append(s);
  out_->append("\r\n", 2);
}

// *<n>
void RespWriter::StartArray(size_t n) { AppendHeader('*', static_cast<long long>(n)); }

// RESP3 %<n>   RESP2 *<2n>
void RespWriter::StartMap(size_t n) {
  if (resp3_) {
    AppendHeader('%', static_cast<long long>(n));
  } else {
    AppendHeader('*', static_cast<long long>(n * 2));
  }
}

// RESP3 *<n> of *2 pairs   RESP2 *<2n>
void RespWriter::StartPairArray(size_t n) {
  AppendHeader('*', static_cast<long long>(resp3_ ? n : n * 2));
}

void RespWriter::StartPair() {
  if (resp3_) AppendHeader('*', 2);
}

// RESP3 ~<n>   RESP2 *<n>
void RespWriter::StartSet(size_t n) { AppendHeader(resp3_ ? '~' : '*', static_cast<long long>(n)); }

// RESP3 ><n>   RESP2 *<n>
void RespWriter::StartPush(size_t n) {
  AppendHeader(resp3_ ? '>' : '*', static_cast<long long>(n));
}

}  // namespace tandem::protocol
