// Server-wide scripting state: the Lua VM of EVAL scripts, the script that runs now, and
// the per-script flags. One instance per ServerState (ServerState::scripting), created
// on first use; everything here is used under the engine lock.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "scripting/lua_vm.h"
#include "server/client_state.h"

namespace tandem::commands {
class ServerState;
}

namespace tandem::scripting {

// Shebang flags (#!lua flags=...), as Redis 7.0 names them.
enum ScriptFlag : uint32_t {
  kScriptNoWrites = 1u << 0,
  kScriptAllowOom = 1u << 1,
  kScriptAllowStale = 1u << 2,
  kScriptNoCluster = 1u << 3,
  kScriptAllowCrossSlot = 1u << 4,
  kScriptShebang = 1u << 5,  // the script has a shebang (not Redis's compatibility mode)
};

class ScriptingState {
 public:
  LuaVm& vm() { return vm_; }
  // The client that scripts' commands run as (Redis's fake Lua client).
  commands::ClientState& script_client() { return script_client_; }
  std::unordered_map<std::string, uint32_t>& flags() { return flags_; }

 private:
  LuaVm vm_;
  commands::ClientState script_client_;
  std::unordered_map<std::string, uint32_t> flags_;  // sha -> ScriptFlag bits
};

// The scripting state of `server`, created on first use.
ScriptingState& ScriptingOf(commands::ServerState& server);

}  // namespace tandem::scripting
