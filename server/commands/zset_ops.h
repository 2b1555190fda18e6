// Engine operations on sorted sets shared by the sorted-set commands (zset_family.cc) and the
// blocking pops: parsing Redis's range arguments, resolving a range to ranks, popping, and
// storing a computed result. Semantics are Redis 7.0.15's t_zset.c. Used only under the
// engine lock.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/commands/op_result.h"
#include "server/engine/database.h"
#include "server/engine/key_write.h"
#include "server/engine/sorted_set.h"

namespace tandem::commands {

using ZMembers = std::vector<std::pair<std::string, double>>;

// Redis's zslParseRange: "(" for exclusive, strtod() for the number (leading blanks, hex and
// "inf" accepted, NaN and trailing bytes rejected).
bool ParseScoreRange(std::string_view min, std::string_view max, engine::ZScoreRange* r);
// Redis's zslParseLexRange: "-", "+", "(value" or "[value".
bool ParseLexRange(std::string_view min, std::string_view max, engine::ZLexRange* r);

// The sorted set at `key` for reading: nullptr when missing (kKeyNotFound) or kWrongType.
OpResult<engine::Entry*> FindZSet(engine::Database& db, std::string_view key);

// Pops up to `count` elements from the lowest (or highest, `max`) end of the sorted set
// `kw` holds, deleting the key when it empties. The caller notifies.
ZMembers PopZSet(engine::KeyWrite& kw, bool max, size_t count);

// Stores `items` (distinct members) as a sorted set at `dst`, replacing any value, encoded by
// the zset-max-listpack-* limits; deletes `dst` when `items` is empty. Returns whether dst
// existed before (for the "del" notification of an empty result).
bool StoreZSet(engine::Database& db, std::string_view dst, ZMembers items, size_t max_entries,
               size_t max_value);

}  // namespace tandem::commands
