// SHA-1 (FIPS 180-1), for script names: EVAL's f_<sha1> and redis.sha1hex.
#pragma once

#include <string>
#include <string_view>

namespace tandem::scripting {

// The 40 lowercase hex digits of the SHA-1 digest of `data`.
std::string Sha1Hex(std::string_view data);

}  // namespace tandem::scripting
