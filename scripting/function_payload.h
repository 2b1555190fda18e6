// FUNCTION DUMP / RESTORE payloads as redis-server 7.0 writes and reads them: for each
// library the opcode RDB_OPCODE_FUNCTION2 (245) and its code as an RDB string, then the RDB
// version (10, two bytes little-endian) and the CRC64 (Jones polynomial, as Redis's
// crc64.c) of everything before it, eight bytes little-endian. Pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::scripting {

inline constexpr uint8_t kRdbOpcodeFunction2 = 245;
inline constexpr uint8_t kRdbOpcodeFunctionPreGa = 246;
inline constexpr uint16_t kRdbVersion = 10;

// Redis's crc64(0, data, len): reflected Jones polynomial, "123456789" -> 0xe9c6d914c4b8d9ca.
uint64_t Crc64(uint64_t crc, std::string_view data);

// Appends `s` as an RDB string (length-prefixed, uncompressed).
void AppendRdbString(std::string* out, std::string_view s);

// Reads an RDB string at *pos (any encoding Redis writes: lengths of 6, 14, 32 and 64 bits,
// 8/16/32-bit integers, LZF); false when it is malformed or runs past `data`.
bool ReadRdbString(std::string_view data, size_t* pos, std::string* out);

// Redis's verifyDumpPayload: at least 10 bytes, a version not above 10, and a matching CRC.
bool VerifyDumpPayload(std::string_view payload);

// The payload of these library codes, in this order.
std::string DumpFunctions(const std::vector<std::string_view>& codes);

}  // namespace tandem::scripting
