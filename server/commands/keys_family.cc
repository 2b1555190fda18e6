#include "server/commands/families.h"

namespace tandem::commands {

void RegisterKeysFamily(CommandTable& table) {}

}  // namespace tandem::commands
