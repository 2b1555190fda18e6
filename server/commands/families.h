// The families' registration functions, called once by RegisterAllCommands().
#pragma once

#include "server/commands/command_table.h"

namespace tandem::commands {

void RegisterConnectionFamily(CommandTable& table);
void RegisterServerFamily(CommandTable& table);
void RegisterClientFamily(CommandTable& table);
void RegisterKeysFamily(CommandTable& table);
void RegisterStringFamily(CommandTable& table);
void RegisterBitmapFamily(CommandTable& table);
void RegisterTransactionFamily(CommandTable& table);
void RegisterEvalFamily(CommandTable& table);      // scripting/eval_family.cc
void RegisterFunctionFamily(CommandTable& table);  // scripting/function_family.cc
void RegisterSetFamily(CommandTable& table);
void RegisterHashFamily(CommandTable& table);
void RegisterSortFamily(CommandTable& table);
void RegisterZSetFamily(CommandTable& table);
void RegisterMemoryFamily(CommandTable& table);
void RegisterListFamily(CommandTable& table);
void RegisterPubSubFamily(CommandTable& table);

}  // namespace tandem::commands
