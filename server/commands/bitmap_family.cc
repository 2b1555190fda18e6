#include "server/commands/families.h"

namespace tandem::commands {

void RegisterBitmapFamily(CommandTable& table) {}

}  // namespace tandem::commands
