// Minimal JSON writing: string escaping and a streaming object/array writer, enough for
// localgov's reports without a JSON dependency.
#pragma once

#include <localgov/config.hpp>

#include <cstdint>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace reports {

// Appends `text` as a JSON string literal (UTF-8 kept as is; controls escaped).
LOCALGOV_DECL void append_json_string(std::string& out, std::string_view text);

// Writes objects and arrays with commas in the right places:
//   json_writer w; w.begin_object(); w.key("a"); w.value(1); w.end_object();
class json_writer {
 public:
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k) {
    comma();
    append_json_string(out_, k);
    out_ += ": ";
    after_key_ = true;
  }
  void value(std::string_view v) {
    comma();
    append_json_string(out_, v);
  }
  void value(const char* v) { value(std::string_view(v)); }
  void value(std::int64_t v) {
    comma();
    out_ += std::to_string(v);
  }
  void value(std::uint64_t v) {
    comma();
    out_ += std::to_string(v);
  }
  void value(int v) { value(static_cast<std::int64_t>(v)); }
  void value(bool v) {
    comma();
    out_ += v ? "true" : "false";
  }
  void null() {
    comma();
    out_ += "null";
  }
  // A pre-formatted number (e.g. "12.5").
  void raw(std::string_view v) {
    comma();
    out_ += v;
  }
  [[nodiscard]] const std::string& str() const noexcept { return out_; }
  [[nodiscard]] std::string take() { return std::move(out_); }

 private:
  void comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (need_comma_) out_ += ", ";
    need_comma_ = true;
  }
  void open(char c) {
    comma();
    out_ += c;
    need_comma_ = false;
  }
  void close(char c) {
    out_ += c;
    need_comma_ = true;
  }
  std::string out_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

}  // namespace reports
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/reports/impl/json.ipp>
#endif
