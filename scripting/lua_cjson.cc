// The `cjson` library of Redis's Lua (lua-cjson 2.1.0's interface, with Redis's limits):
//   encode(v), decode(s), null, new(), and the settings, each returning its current value:
//   encode_sparse_array([convert [, ratio [, safe]]])  (false, 2, 10)
//   encode_max_depth([n]), decode_max_depth([n])         (1000, 1000)
//   encode_number_precision([1..14])                     (14: numbers print as "%.14g")
//   encode_keep_buffer([bool]), encode_invalid_numbers([bool | "null"]),
//   decode_invalid_numbers([bool])                       (true, false, true)
// Settings live with the table that new() (or opening) created and persist across scripts
// until SCRIPT FLUSH. Encoding: a table whose keys are all positive integers is an array
// (holes are null) unless it is too sparse, any other (the empty one included) an object;
// strings are escaped as lua-cjson does (also "/" and DEL). Decoding follows lua-cjson's
// tokenizer, its error texts and character positions; null decodes to cjson.null.
#include <strings.h>

#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <lua.hpp>
#include <string>

#include "scripting/lua_libs.h"

namespace tandem::scripting {
namespace {

char kDefaultConfigKey;  // registry: the config of the `cjson` global

struct Config {
  int sparse_convert;
  int sparse_ratio;
  int sparse_safe;
  int encode_max_depth;
  int decode_max_depth;
  int precision;
  int keep_buffer;
  int encode_invalid;  // 0 off, 1 on, 2 "null"
  int decode_invalid;
};

void SetDefaults(Config* c) {
  *c = Config{.sparse_convert = 0,
              .sparse_ratio = 2,
              .sparse_safe = 10,
              .encode_max_depth = 1000,
              .decode_max_depth = 1000,
              .precision = 14,
              .keep_buffer = 1,
              .encode_invalid = 0,
              .decode_invalid = 1};
}

Config* ConfigOf(lua_State* L) {
  return static_cast<Config*>(lua_touserdata(L, lua_upvalueindex(1)));
}

// ---- Settings ------------------------------------------------------------------------------

// Checks there are at most `n` arguments and pads the missing ones with nil.
Config* SettingArgs(lua_State* L, int n) {
  luaL_argcheck(L, lua_gettop(L) <= n, n + 1, "found too many arguments");
  while (lua_gettop(L) < n) lua_pushnil(L);
  return ConfigOf(L);
}

// An option among `names` (or a boolean for names[0]/names[1]); pushes the current value:
// false, true, or the name of a third choice.
void EnumSetting(lua_State* L, int idx, int* setting, const char* const* names) {
  static const char* const kBool[] = {"off", "on", nullptr};
  if (!names) names = kBool;
  if (!lua_isnoneornil(L, idx)) {
    if (lua_isboolean(L, idx)) {
      *setting = lua_toboolean(L, idx);
    } else {
      *setting = luaL_checkoption(L, idx, nullptr, names);
    }
  }
  if (*setting <= 1) {
    lua_pushboolean(L, *setting);
  } else {
    lua_pushstring(L, names[*setting]);
  }
}

// An integer in [lo, hi]; the range error always names argument 1, as lua-cjson does.
void IntSetting(lua_State* L, int idx, int* setting, int lo, int hi) {
  if (!lua_isnil(L, idx)) {
    auto value = static_cast<int>(luaL_checkinteger(L, idx));
    char msg[64];
    std::snprintf(msg, sizeof(msg), "expected integer between %d and %d", lo, hi);
    luaL_argcheck(L, lo <= value && value <= hi, 1, msg);
    *setting = value;
  }
  lua_pushinteger(L, *setting);
}

int EncodeSparseArray(lua_State* L) {
  Config* c = SettingArgs(L, 3);
  EnumSetting(L, 1, &c->sparse_convert, nullptr);
  IntSetting(L, 2, &c->sparse_ratio, 0, INT_MAX);
  IntSetting(L, 3, &c->sparse_safe, 0, INT_MAX);
  return 3;
}

int EncodeMaxDepth(lua_State* L) {
  Config* c = SettingArgs(L, 1);
  IntSetting(L, 1, &c->encode_max_depth, 1, INT_MAX);
  return 1;
}

int DecodeMaxDepth(lua_State* L) {
  Config* c = SettingArgs(L, 1);
  IntSetting(L, 1, &c->decode_max_depth, 1, INT_MAX);
  return 1;
}

int EncodeNumberPrecision(lua_State* L) {
  Config* c = SettingArgs(L, 1);
  IntSetting(L, 1, &c->precision, 1, 14);
  return 1;
}

int EncodeKeepBuffer(lua_State* L) {
  Config* c = SettingArgs(L, 1);
  EnumSetting(L, 1, &c->keep_buffer, nullptr);
  return 1;
}

int EncodeInvalidNumbers(lua_State* L) {
  static const char* const kNames[] = {"off", "on", "null", nullptr};
  Config* c = SettingArgs(L, 1);
  EnumSetting(L, 1, &c->encode_invalid, kNames);
  return 1;
}

int DecodeInvalidNumbers(lua_State* L) {
  Config* c = SettingArgs(L, 1);
  EnumSetting(L, 1, &c->decode_invalid, nullptr);
  return 1;
}

// ---- Encoding ------------------------------------------------------------------------------

[[noreturn]] void EncodeError(lua_State* L, int idx, const char* reason) {
  luaL_error(L, "Cannot serialise %s: %s", luaL_typename(L, idx), reason);
  std::abort();  // not reached: luaL_error raises
}

// lua-cjson's escapes: the named control characters, \u00XX for the others and DEL,
// and the quote, the backslash and the slash.
const char* Escape(unsigned char ch) {
  static char table[256][7];
  static bool ready = [] {
    for (int i = 0; i < 256; ++i) table[i][0] = '\0';
    for (int i = 0; i < 32; ++i) std::snprintf(table[i], 7, "\\u%04x", i);
    std::snprintf(table[127], 7, "\\u%04x", 127);
    std::strcpy(table['\b'], "\\b");
    std::strcpy(table['\t'], "\\t");
    std::strcpy(table['\n'], "\\n");
    std::strcpy(table['\f'], "\\f");
    std::strcpy(table['\r'], "\\r");
    std::strcpy(table['"'], "\\\"");
    std::strcpy(table['\\'], "\\\\");
    std::strcpy(table['/'], "\\/");
    return true;
  }();
  (void)ready;
  return table[ch][0] ? table[ch] : nullptr;
}

void AppendString(lua_State* L, std::string& out, int idx) {
  size_t len;
  const char* s = lua_tolstring(L, idx, &len);
  out.push_back('"');
  for (size_t i = 0; i < len; ++i) {
    const char* esc = Escape(static_cast<unsigned char>(s[i]));
    if (esc) {
      out.append(esc);
    } else {
      out.push_back(s[i]);
    }
  }
  out.push_back('"');
}

void AppendNumber(lua_State* L, const Config& c, std::string& out, int idx) {
  double d = lua_tonumber(L, idx);
  if (std::isinf(d) || std::isnan(d)) {
    if (c.encode_invalid == 0) EncodeError(L, idx, "must not be NaN or Inf");
    if (c.encode_invalid == 2) {
      out.append("null");
    } else if (std::isnan(d)) {
      out.append("nan");
    } else {
      out.append(d > 0 ? "inf" : "-inf");
    }
    return;
  }
  char buf[32];
  int n = std::snprintf(buf, sizeof(buf), "%.*g", c.precision, d);
  out.append(buf, n);
}

// The length of the table on top of the stack as an array, or -1 for an object. Its
// largest key is kept in an int as lua-cjson keeps it (keys from 2^31 up make an object).
int ArrayLength(lua_State* L, const Config& c) {
  int max = 0;
  int items = 0;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) == LUA_TNUMBER) {
      double k = lua_tonumber(L, -2);
      if (std::floor(k) == k && k >= 1) {
        int ik = DoubleToInt32(k);
        if (ik > max) max = ik;
        ++items;
        lua_pop(L, 1);
        continue;
      }
    }
    lua_pop(L, 2);
    return -1;
  }
  // items * ratio in int arithmetic, wrapping as lua-cjson's does.
  auto scaled =
      static_cast<int32_t>(static_cast<uint32_t>(items) * static_cast<uint32_t>(c.sparse_ratio));
  if (c.sparse_ratio > 0 && max > scaled && max > c.sparse_safe) {
    if (!c.sparse_convert) EncodeError(L, -1, "excessively sparse array");
    return -1;
  }
  return max;
}

void AppendValue(lua_State* L, const Config& c, int depth, std::string& out);

void AppendTable(lua_State* L, const Config& c, int depth, std::string& out) {
  ++depth;
  if (depth > c.encode_max_depth || !lua_checkstack(L, 3)) {
    luaL_error(L, "Cannot serialise, excessive nesting (%d)", depth);
  }
  SeeThroughReadonly(L, lua_gettop(L));
  int len = ArrayLength(L, c);
  if (len > 0) {
    out.push_back('[');
    for (int i = 1; i <= len; ++i) {
      if (i > 1) out.push_back(',');
      lua_rawgeti(L, -1, i);
      AppendValue(L, c, depth, out);
      lua_pop(L, 1);
    }
    out.push_back(']');
    return;
  }
  out.push_back('{');
  bool comma = false;
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (comma) out.push_back(',');
    comma = true;
    int key_type = lua_type(L, -2);
    if (key_type == LUA_TNUMBER) {
      out.push_back('"');
      AppendNumber(L, c, out, -2);
      out.append("\":");
    } else if (key_type == LUA_TSTRING) {
      AppendString(L, out, -2);
      out.push_back(':');
    } else {
      EncodeError(L, -2, "table key must be a number or string");
    }
    AppendValue(L, c, depth, out);
    lua_pop(L, 1);
  }
  out.push_back('}');
}

// Appends the value on top of the stack (left there).
void AppendValue(lua_State* L, const Config& c, int depth, std::string& out) {
  switch (lua_type(L, -1)) {
    case LUA_TSTRING:
      return AppendString(L, out, -1);
    case LUA_TNUMBER:
      return AppendNumber(L, c, out, -1);
    case LUA_TBOOLEAN:
      out.append(lua_toboolean(L, -1) ? "true" : "false");
      return;
    case LUA_TTABLE:
      return AppendTable(L, c, depth, out);
    case LUA_TNIL:
      out.append("null");
      return;
    case LUA_TLIGHTUSERDATA:
      if (lua_touserdata(L, -1) == nullptr) {
        out.append("null");
        return;
      }
      [[fallthrough]];
    default:
      EncodeError(L, -1, "type not supported");
  }
}

// cjson.encode(value)
int Encode(lua_State* L) {
  const Config& c = *ConfigOf(L);
  luaL_argcheck(L, lua_gettop(L) == 1, 1, "expected 1 argument");
  std::string out;
  AppendValue(L, c, 0, out);
  lua_pushlstring(L, out.data(), out.size());
  return 1;
}

// ---- Decoding ------------------------------------------------------------------------------

enum class Tok {
  kObjBegin,
  kObjEnd,
  kArrBegin,
  kArrEnd,
  kString,
  kNumber,
  kBoolean,
  kNull,
  kColon,
  kComma,
  kEnd,
  kWhitespace,
  kError,
  kUnknown
};

const char* const kTokNames[] = {"T_OBJ_BEGIN", "T_OBJ_END", "T_ARR_BEGIN", "T_ARR_END",
                                 "T_STRING",    "T_NUMBER",  "T_BOOLEAN",   "T_NULL",
                                 "T_COLON",     "T_COMMA",   "T_END",       "T_WHITESPACE",
                                 "T_ERROR",     "T_UNKNOWN"};

struct Token {
  Tok type = Tok::kEnd;
  size_t index = 0;  // where it starts (or where the error is)
  const char* error = nullptr;
  double number = 0;
  bool boolean = false;
};

class Parser {
 public:
  Parser(lua_State* L, const Config& c, const char* data) : L_(L), c_(c), data_(data), p_(data) {}

  void Value(Token& t);
  void Next(Token& t);
  [[noreturn]] void Fail(const char* expected, const Token& t) {
    const char* found = t.type == Tok::kError ? t.error : kTokNames[static_cast<int>(t.type)];
    luaL_error(L_, "Expected %s but found %s at character %d", expected, found,
               static_cast<int>(t.index + 1));
    std::abort();  // not reached
  }

 private:
  static Tok Classify(unsigned char ch) {
    switch (ch) {
      case '{':
        return Tok::kObjBegin;
      case '}':
        return Tok::kObjEnd;
      case '[':
        return Tok::kArrBegin;
      case ']':
        return Tok::kArrEnd;
      case ',':
        return Tok::kComma;
      case ':':
        return Tok::kColon;
      case '\0':
        return Tok::kEnd;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        return Tok::kWhitespace;
      case 'f':
      case 'i':
      case 'I':
      case 'n':
      case 'N':
      case 't':
      case '"':
      case '+':
      case '-':
        return Tok::kUnknown;
      default:
        return ch >= '0' && ch <= '9' ? Tok::kUnknown : Tok::kError;
    }
  }
  void SetError(Token& t, const char* what) {
    t.type = Tok::kError;
    t.index = static_cast<size_t>(p_ - data_);
    t.error = what;
  }
  // Numbers JSON forbids: a leading '+', hex, leading zeros, inf and nan.
  bool IsInvalidNumber() const {
    const char* p = p_;
    if (*p == '+') return true;
    if (*p == '-') ++p;
    if (*p == '0') {
      char ch2 = p[1];
      return (ch2 | 0x20) == 'x' || (ch2 >= '0' && ch2 <= '9');
    }
    if (*p <= '9') return false;
    return strncasecmp(p, "inf", 3) == 0 || strncasecmp(p, "nan", 3) == 0;
  }
  void NumberToken(Token& t) {
    char* end;
    t.type = Tok::kNumber;
    t.number = std::strtod(p_, &end);
    if (end == p_) {
      SetError(t, "invalid number");
    } else {
      p_ = end;
    }
  }
  void StringToken(Token& t);
  bool UnicodeEscape();
  void Descend(int slots) {
    ++depth_;
    if (depth_ <= c_.decode_max_depth && lua_checkstack(L_, slots)) return;
    luaL_error(L_, "Found too many nested data structures (%d) at character %d", depth_,
               static_cast<int>(p_ - data_));
  }
  void Object();
  void Array();

  lua_State* L_;
  const Config& c_;
  const char* data_;
  const char* p_;
  std::string str_;  // the last string token, decoded
  int depth_ = 0;
};

void Parser::Next(Token& t) {
  Tok type;
  for (;;) {
    type = Classify(static_cast<unsigned char>(*p_));
    if (type != Tok::kWhitespace) break;
    ++p_;
  }
  t.type = type;
  t.index = static_cast<size_t>(p_ - data_);
  if (type == Tok::kError) return SetError(t, "invalid token");
  if (type == Tok::kEnd) return;
  if (type != Tok::kUnknown) {
    ++p_;
    return;
  }
  char ch = *p_;
  if (ch == '"') return StringToken(t);
  if (ch == '-' || (ch >= '0' && ch <= '9')) {
    if (!c_.decode_invalid && IsInvalidNumber()) return SetError(t, "invalid number");
    return NumberToken(t);
  }
  if (std::strncmp(p_, "true", 4) == 0) {
    t.type = Tok::kBoolean;
    t.boolean = true;
    p_ += 4;
    return;
  }
  if (std::strncmp(p_, "false", 5) == 0) {
    t.type = Tok::kBoolean;
    t.boolean = false;
    p_ += 5;
    return;
  }
  if (std::strncmp(p_, "null", 4) == 0) {
    t.type = Tok::kNull;
    p_ += 4;
    return;
  }
  if (c_.decode_invalid && IsInvalidNumber()) return NumberToken(t);
  SetError(t, "invalid token");
}

int HexDigit(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  ch |= 0x20;
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  return -1;
}

int Hex4(const char* s) {
  int v = 0;
  for (int i = 0; i < 4; ++i) {
    int d = HexDigit(s[i]);  // stops at the terminating NUL
    if (d < 0) return -1;
    v = (v << 4) | d;
  }
  return v;
}

// \uXXXX (and a surrogate pair \uD8xx\uDCxx) at p_, appended as UTF-8.
bool Parser::UnicodeEscape() {
  int cp = Hex4(p_ + 2);
  if (cp < 0) return false;
  int escape_len = 6;
  if ((cp & 0xF800) == 0xD800) {
    if (cp & 0x400) return false;  // a low surrogate first
    if (p_[6] != '\\' || p_[7] != 'u') return false;
    int low = Hex4(p_ + 8);
    if (low < 0 || (low & 0xFC00) != 0xDC00) return false;
    cp = (((cp & 0x3FF) << 10) | (low & 0x3FF)) + 0x10000;
    escape_len = 12;
  }
  if (cp < 0x80) {
    str_.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    str_.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    str_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    str_.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    str_.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    str_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    str_.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    str_.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    str_.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    str_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  p_ += escape_len;
  return true;
}

void Parser::StringToken(Token& t) {
  ++p_;  // the opening quote
  str_.clear();
  char ch;
  while ((ch = *p_) != '"') {
    if (ch == '\0') return SetError(t, "unexpected end of string");
    if (ch == '\\') {
      switch (p_[1]) {
        case '"':
        case '\\':
        case '/':
          ch = p_[1];
          break;
        case 'b':
          ch = '\b';
          break;
        case 'f':
          ch = '\f';
          break;
        case 'n':
          ch = '\n';
          break;
        case 'r':
          ch = '\r';
          break;
        case 't':
          ch = '\t';
          break;
        case 'u':
          if (UnicodeEscape()) continue;
          return SetError(t, "invalid unicode escape code");
        default:
          return SetError(t, "invalid escape code");
      }
      ++p_;  // the backslash
    }
    str_.push_back(ch);
    ++p_;
  }
  ++p_;  // the closing quote
  t.type = Tok::kString;
}

void Parser::Object() {
  Descend(3);
  lua_newtable(L_);
  Token t;
  Next(t);
  if (t.type == Tok::kObjEnd) {
    --depth_;
    return;
  }
  for (;;) {
    if (t.type != Tok::kString) Fail("object key string", t);
    lua_pushlstring(L_, str_.data(), str_.size());
    Next(t);
    if (t.type != Tok::kColon) Fail("colon", t);
    Next(t);
    Value(t);
    lua_rawset(L_, -3);
    Next(t);
    if (t.type == Tok::kObjEnd) {
      --depth_;
      return;
    }
    if (t.type != Tok::kComma) Fail("comma or object end", t);
    Next(t);
  }
}

void Parser::Array() {
  Descend(2);
  lua_newtable(L_);
  Token t;
  Next(t);
  if (t.type == Tok::kArrEnd) {
    --depth_;
    return;
  }
  for (int i = 1;; ++i) {
    Value(t);
    lua_rawseti(L_, -2, i);
    Next(t);
    if (t.type == Tok::kArrEnd) {
      --depth_;
      return;
    }
    if (t.type != Tok::kComma) Fail("comma or array end", t);
    Next(t);
  }
}

void Parser::Value(Token& t) {
  switch (t.type) {
    case Tok::kString:
      lua_pushlstring(L_, str_.data(), str_.size());
      return;
    case Tok::kNumber:
      lua_pushnumber(L_, t.number);
      return;
    case Tok::kBoolean:
      lua_pushboolean(L_, t.boolean);
      return;
    case Tok::kObjBegin:
      return Object();
    case Tok::kArrBegin:
      return Array();
    case Tok::kNull:
      lua_pushlightuserdata(L_, nullptr);
      return;
    default:
      Fail("value", t);
  }
}

// cjson.decode(json)
int Decode(lua_State* L) {
  const Config& c = *ConfigOf(L);
  luaL_argcheck(L, lua_gettop(L) == 1, 1, "expected 1 argument");
  size_t len;
  const char* data = luaL_checklstring(L, 1, &len);
  // A NUL among the first two bytes means UTF-16 or UTF-32 (RFC 4627).
  if (len >= 2 && (data[0] == '\0' || data[1] == '\0')) {
    luaL_error(L, "JSON parser does not support UTF-16 or UTF-32");
  }
  Parser parser(L, c, data);  // Lua strings end with a NUL, which is the end token
  Token t;
  parser.Next(t);
  parser.Value(t);
  parser.Next(t);
  if (t.type != Tok::kEnd) parser.Fail("the end", t);
  return 1;
}

int New(lua_State* L);

// Pushes a new cjson table with its own settings; returns the settings.
Config* PushInstance(lua_State* L) {
  lua_newtable(L);
  auto* c = static_cast<Config*>(lua_newuserdata(L, sizeof(Config)));
  SetDefaults(c);
  const std::pair<const char*, lua_CFunction> functions[] = {
      {"encode", Encode},
      {"decode", Decode},
      {"encode_sparse_array", EncodeSparseArray},
      {"encode_max_depth", EncodeMaxDepth},
      {"decode_max_depth", DecodeMaxDepth},
      {"encode_number_precision", EncodeNumberPrecision},
      {"encode_keep_buffer", EncodeKeepBuffer},
      {"encode_invalid_numbers", EncodeInvalidNumbers},
      {"decode_invalid_numbers", DecodeInvalidNumbers},
      {"new", New}};
  for (auto& [name, f] : functions) {
    lua_pushvalue(L, -1);
    lua_pushcclosure(L, f, 1);
    lua_setfield(L, -3, name);
  }
  lua_pop(L, 1);  // the settings (kept by the closures)
  lua_pushlightuserdata(L, nullptr);
  lua_setfield(L, -2, "null");
  lua_pushstring(L, "cjson");
  lua_setfield(L, -2, "_NAME");
  lua_pushstring(L, "2.1.0");
  lua_setfield(L, -2, "_VERSION");
  return c;
}

// cjson.new(): a separate instance with default settings.
int New(lua_State* L) {
  PushInstance(L);
  return 1;
}

}  // namespace

int OpenCjson(lua_State* L) {
  Config* c = PushInstance(L);
  lua_pushlightuserdata(L, &kDefaultConfigKey);
  lua_pushlightuserdata(L, c);
  lua_rawset(L, LUA_REGISTRYINDEX);
  return 1;
}

void ResetCjson(lua_State* L) {
  lua_pushlightuserdata(L, &kDefaultConfigKey);
  lua_rawget(L, LUA_REGISTRYINDEX);
  auto* c = static_cast<Config*>(lua_touserdata(L, -1));
  lua_pop(L, 1);
  if (c) SetDefaults(c);
}

}  // namespace tandem::scripting
