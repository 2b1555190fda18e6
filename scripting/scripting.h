// Server-wide scripting state: the Lua VM of EVAL scripts, the function libraries, the script that
// runs now, and the per-script flags. One instance per ServerState (ServerState::scripting),
// created on first use; everything here is used under the engine lock.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "scripting/functions.h"
#include "scripting/lua_vm.h"
#include "server/client_state.h"

namespace tandem::commands {
class ServerState;
}

namespace tandem::scripting {

class ScriptingState {
 public:
  LuaVm& vm() { return *vm_; }
  // SCRIPT FLUSH on a new Lua state (as Redis makes one): returns the old one, with its
  // scripts, for the caller to free (ASYNC: on the lazy-free thread).
  std::shared_ptr<LuaVm> ReplaceVm();
  // The client that scripts' commands run as (Redis's fake Lua client).
  commands::ClientState& script_client() { return script_client_; }
  std::unordered_map<std::string, uint32_t>& flags() { return flags_; }
  // Redis 7.0 functions (FUNCTION LOAD, FCALL), in a Lua state of their own.
  FunctionRegistry& functions() { return functions_; }

 private:
  std::unique_ptr<LuaVm> vm_ = std::make_unique<LuaVm>();
  commands::ClientState script_client_;
  std::unordered_map<std::string, uint32_t> flags_;  // sha -> ScriptFlag bits
  FunctionRegistry functions_;
};

// The scripting state of `server`, created on first use.
ScriptingState& ScriptingOf(commands::ServerState& server);

}  // namespace tandem::scripting
