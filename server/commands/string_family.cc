#include "server/commands/families.h"

namespace tandem::commands {

void RegisterStringFamily(CommandTable& table) {}

}  // namespace tandem::commands
