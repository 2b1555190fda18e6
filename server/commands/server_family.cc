#include "server/commands/families.h"

namespace tandem::commands {

void RegisterServerFamily(CommandTable& table) {}

}  // namespace tandem::commands
