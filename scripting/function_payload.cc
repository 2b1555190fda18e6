#include "scripting/function_payload.h"

#include <array>
#include <cstring>

namespace tandem::scripting {
namespace {

// 0xad93d23594c935a9 with its bits reversed (the table walks reflected input).
constexpr uint64_t kReflectedPoly = 0x95ac9329ac4bc9b5ull;

constexpr std::array<uint64_t, 256> MakeCrcTable() {
  std::array<uint64_t, 256> table{};
  for (uint64_t i = 0; i < 256; ++i) {
    uint64_t crc = i;
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1) ? (crc >> 1) ^ kReflectedPoly : crc >> 1;
    table[i] = crc;
  }
  return table;
}

constexpr std::array<uint64_t, 256> kCrcTable = MakeCrcTable();

// liblzf's lzf_decompress: false unless `in` expands to exactly out->size() bytes.
bool LzfDecompress(std::string_view in, std::string* out) {
  const auto* ip = reinterpret_cast<const uint8_t*>(in.data());
  const uint8_t* const in_end = ip + in.size();
  size_t op = 0;
  const size_t out_len = out->size();
  while (ip < in_end) {
    unsigned ctrl = *ip++;
    if (ctrl < 32) {  // a literal run of ctrl + 1 bytes
      size_t len = ctrl + 1;
      if (op + len > out_len || ip + len > in_end) return false;
      std::memcpy(out->data() + op, ip, len);
      op += len;
      ip += len;
      continue;
    }
    size_t len = ctrl >> 5;  // a back reference
    if (len == 7) {
      if (ip >= in_end) return false;
      len += *ip++;
    }
    if (ip >= in_end) return false;
    size_t back = ((ctrl & 0x1f) << 8) + *ip++ + 1;
    len += 2;
    if (back > op || op + len > out_len) return false;
    for (size_t i = 0; i < len; ++i, ++op) (*out)[op] = (*out)[op - back];
  }
  return op == out_len;
}

// rdbLoadLen: the length at *pos, or the special encoding (*encoded) in *len.
bool ReadLength(std::string_view data, size_t* pos, uint64_t* len, bool* encoded) {
  *encoded = false;
  if (*pos >= data.size()) return false;
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(data[i]); };
  uint8_t first = byte((*pos)++);
  switch (first >> 6) {
    case 0:
      *len = first & 0x3f;
      return true;
    case 1:
      if (*pos >= data.size()) return false;
      *len = (static_cast<uint64_t>(first & 0x3f) << 8) | byte((*pos)++);
      return true;
    case 3:
      *encoded = true;
      *len = first & 0x3f;
      return true;
    default:
      break;
  }
  size_t n = first == 0x80 ? 4 : first == 0x81 ? 8 : 0;
  if (n == 0 || *pos + n > data.size()) return false;
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v = (v << 8) | byte((*pos)++);
  *len = v;
  return true;
}

}  // namespace

uint64_t Crc64(uint64_t crc, std::string_view data) {
  for (unsigned char c : data) crc = kCrcTable[(crc ^ c) & 0xff] ^ (crc >> 8);
  return crc;
}

void AppendRdbString(std::string* out, std::string_view s) {
  const uint64_t len = s.size();
  if (len < (1u << 6)) {
    out->push_back(static_cast<char>(len));
  } else if (len < (1u << 14)) {
    out->push_back(static_cast<char>(0x40 | (len >> 8)));
    out->push_back(static_cast<char>(len & 0xff));
  } else {
    const bool wide = len > UINT32_MAX;
    out->push_back(static_cast<char>(wide ? 0x81 : 0x80));
    for (int shift = wide ? 56 : 24; shift >= 0; shift -= 8) {
      out->push_back(static_cast<char>((len >> shift) & 0xff));
    }
  }
  out->append(s);
}

bool ReadRdbString(std::string_view data, size_t* pos, std::string* out) {
  uint64_t len;
  bool encoded;
  if (!ReadLength(data, pos, &len, &encoded)) return false;
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(data[i]); };
  if (!encoded) {
    if (len > data.size() - *pos) return false;
    out->assign(data.substr(*pos, len));
    *pos += len;
    return true;
  }
  if (len <= 2) {  // 8, 16 or 32-bit integer, little-endian
    size_t n = size_t{1} << len;
    if (*pos + n > data.size()) return false;
    uint32_t u = 0;
    for (size_t i = 0; i < n; ++i) u |= static_cast<uint32_t>(byte(*pos + i)) << (8 * i);
    *pos += n;
    long long v = n == 1   ? static_cast<int8_t>(u)
                  : n == 2 ? static_cast<int16_t>(u)
                           : static_cast<int32_t>(u);
    *out = std::to_string(v);
    return true;
  }
  if (len != 3) return false;
  uint64_t clen, ulen;
  bool enc;
  if (!ReadLength(data, pos, &clen, &enc) || enc) return false;
  if (!ReadLength(data, pos, &ulen, &enc) || enc) return false;
  if (clen > data.size() - *pos || ulen > (uint64_t{1} << 32)) return false;
  out->assign(ulen, '\0');
  if (!LzfDecompress(data.substr(*pos, clen), out)) return false;
  *pos += clen;
  return true;
}

bool VerifyDumpPayload(std::string_view payload) {
  if (payload.size() < 10) return false;
  const auto* footer = reinterpret_cast<const uint8_t*>(payload.data() + payload.size() - 10);
  uint16_t version = static_cast<uint16_t>(footer[0] | (footer[1] << 8));
  if (version > kRdbVersion) return false;
  uint64_t crc = Crc64(0, payload.substr(0, payload.size() - 8));
  for (int i = 0; i < 8; ++i) {
    if (footer[2 + i] != ((crc >> (8 * i)) & 0xff)) return false;
  }
  return true;
}

std::string DumpFunctions(const std::vector<std::string_view>& codes) {
  std::string out;
  for (std::string_view code : codes) {
    out.push_back(static_cast<char>(kRdbOpcodeFunction2));
    AppendRdbString(&out, code);
  }
  out.push_back(static_cast<char>(kRdbVersion & 0xff));
  out.push_back(static_cast<char>(kRdbVersion >> 8));
  uint64_t crc = Crc64(0, out);
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((crc >> (8 * i)) & 0xff));
  return out;
}

}  // namespace tandem::scripting
