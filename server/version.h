#pragma once

namespace tandem {

inline constexpr const char* kTandemVersion = "0.1.0";
// The redis-server version whose behaviour we reproduce; reported where clients look for
// a Redis version (INFO redis_version, HELLO) so that they enable the right features.
inline constexpr const char* kRedisCompatVersion = "7.0.15";

}  // namespace tandem
