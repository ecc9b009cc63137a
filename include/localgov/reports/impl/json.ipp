// Body of reports/json.hpp: JSON string escaping.
#pragma once

#include <localgov/reports/json.hpp>

#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace reports {

LOCALGOV_DECL void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

}  // namespace reports
LOCALGOV_NAMESPACE_END
