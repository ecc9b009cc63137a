// A strict RFC 4180 reader: UTF-8 (BOM accepted), LF or CRLF, quoted fields,
// columns found by header name, and every malformed input reported as FILE:LINE:COLUMN.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/utf8.hpp>
#include <localgov/error.hpp>
#include <localgov/io/file.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

// A field's value as shown inside an error message: at most `max_code_points` code
// points (then "…"), with control characters and U+FEFF (an invisible BOM) escaped
// (\n, \r, \t, \xNN, \uFEFF), so that a hostile field never makes a message of a
// megabyte, of several lines or with an invisible difference. The value must be valid
// UTF-8, as every field of a csv_reader is. O(min(size, max_code_points)).
[[nodiscard]] LOCALGOV_DECL std::string excerpt(std::string_view value, std::size_t max_code_points = 64);

// The text a loader reads: a view of it and, when it is a mapped file, the mapping, which
// the reader lets go of behind itself (mapped_file::release_before) so that a file of a
// gigabyte is never all resident at once. Made implicitly from a std::string, a
// std::string_view, a C string or an io::mapped_file, so loaders take any of them; like
// a view, it must not outlive what it was made from (a loader's argument never does).
class input_text {
 public:
  input_text(std::string_view text) noexcept : text_(text) {}        // NOLINT(google-explicit-constructor)
  input_text(const std::string& text) noexcept : text_(text) {}      // NOLINT(google-explicit-constructor)
  input_text(const char* text) noexcept : text_(text) {}             // NOLINT(google-explicit-constructor)
  input_text(const mapped_file& file) noexcept                      // NOLINT(google-explicit-constructor)
      : text_(file.text()), file_(file.mapped() ? &file : nullptr) {}

  [[nodiscard]] std::string_view view() const noexcept { return text_; }
  operator std::string_view() const noexcept { return text_; }  // NOLINT(google-explicit-constructor)

  // Lets go of the bytes before `offset` when they are a mapping; else nothing.
  void release_before(std::size_t offset) const noexcept {
    if (file_ != nullptr) file_->release_before(offset);
  }
  // How far a pass over the text goes between two releases: small enough to keep the
  // footprint small, large enough that releasing costs nothing measurable.
  static constexpr std::size_t release_step = std::size_t{16} << 20;

 private:
  std::string_view text_;
  const mapped_file* file_ = nullptr;
};

// Reads records from text that outlives the reader. Usage:
//   csv_reader csv(text, "units.csv");
//   const auto code = csv.require_column("code");
//   while (csv.next()) use(csv.field(code));
// Complexity: linear in the size of the text; fields are views, copied only when
// they contain escaped quotes.
class csv_reader {
 public:
  csv_reader(input_text text, std::string file);

  // The reader keeps a view of the text: a temporary string would dangle, so it is refused.
  template <class String>
    requires std::is_same_v<std::remove_const_t<String>, std::string>
  csv_reader(String&& text, std::string file) = delete;

  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  [[nodiscard]] const std::vector<std::string>& header() const noexcept { return header_; }

  [[nodiscard]] std::optional<std::size_t> find_column(std::string_view name) const noexcept;

  // The index of a column the caller cannot do without; names it when missing.
  [[nodiscard]] std::size_t require_column(std::string_view name) const;

  // Advances to the next record; false at the end. Blank lines are skipped.
  bool next() {
    if (!read_record()) return false;
    // Too many fields: point at the first one too many; too few: at the last one there is.
    if (fields_.size() != header_.size()) fail_field_count();
    return true;
  }

  // A reader `rows` records ahead of this one, for hints (e.g. to start loading what a
  // record further on will look up): the same text read with the same grammar, except
  // that it never lets go of pages (the reader behind it still needs them) and that its
  // advance() stops quietly at the end or at the first malformed record, which this
  // reader reports when it gets there. O(rows + header size).
  [[nodiscard]] csv_reader lookahead(std::size_t rows) const {
    csv_reader ahead = *this;
    ahead.releases_ = false;
    for (std::size_t i = 0; i < rows && ahead.advance(); ++i) {
    }
    return ahead;
  }
  // next() for a lookahead reader: false at the end and, from then on, once a record is
  // malformed. Never throws.
  bool advance() noexcept {
    if (stopped_) return false;
    try {
      if (next()) return true;
    } catch (...) {  // this reader's error, reported by the reader behind when it gets there
    }
    stopped_ = true;
    return false;
  }

  [[nodiscard]] std::size_t size() const noexcept { return fields_.size(); }
  [[nodiscard]] std::string_view field(std::size_t i) const noexcept {
    const auto& f = fields_[i];
    return f.escaped ? std::string_view(scratch_).substr(f.value_begin, f.value_size)
                     : text_.substr(f.value_begin, f.value_size);
  }

  // Line on which the current record starts.
  [[nodiscard]] std::uint32_t line() const noexcept { return record_line_; }
  [[nodiscard]] source_location location(std::size_t i) const { return location_of(fields_[i].begin); }
  // Line and column of field i, without the file name (cheap to keep per row).
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> position(std::size_t i) const {
    const auto where = location_of(fields_[i].begin);
    return {where.line, where.column};
  }

  // Throws input_error pointing at field i of the current record.
  [[noreturn]] void fail(std::size_t i, std::string id, std::string message) const;

 private:
  struct field_span {
    std::size_t begin;        // offset of the field's first character (its quote, if quoted)
    std::size_t value_begin;  // offset in text_ or, when escaped, in scratch_
    std::size_t value_size;
    bool escaped;
  };

  // Whether a byte ends a run of an unquoted field's text: ',', '\n', '\r' or '"' (a
  // table lookup, so that the scan costs a load and a test per byte).
  static bool ends_unquoted_run(char c) noexcept {
    static constexpr auto table = [] {
      std::array<bool, 256> t{};
      t[','] = t['\n'] = t['\r'] = t['"'] = true;
      return t;
    }();
    return table[static_cast<unsigned char>(c)];
  }

  // The offsets of the first byte that is not valid UTF-8 and of the first NUL (npos
  // when there is none): both checks made before reading, in one pass. Runs of ASCII
  // without NUL, the bulk of a CSV file, are skipped eight bytes at a time; elsewhere
  // detail::utf8_sequence_length decides, as in detail::find_invalid_utf8. O(size).
  static std::pair<std::size_t, std::size_t> find_bad_bytes(const input_text& input) noexcept {
    constexpr auto npos = std::string_view::npos;
    const std::string_view text = input.view();
    std::size_t released = 0;
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL, low_bits = 0x0101010101010101ULL;
    const std::size_t n = text.size();
    std::size_t nul = npos, i = 0;
    while (i < n) {
      if (i - released >= input_text::release_step) input.release_before(released = i);
      if (i + 8 <= n) {
        std::uint64_t chunk;
        std::memcpy(&chunk, text.data() + i, 8);
        const std::uint64_t has_zero_byte = (chunk - low_bits) & ~chunk & high_bits;
        if (((chunk & high_bits) | has_zero_byte) == 0) {
          i += 8;
          continue;
        }
      }
      // Byte by byte up to the end of this block of eight (a sequence may run past it).
      for (const std::size_t block_end = std::min(i + 8, n); i < block_end;) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x80) {
          const std::size_t length = detail::utf8_sequence_length(text, i);
          if (length == 0) return {i, nul};
          i += length;
          continue;
        }
        if (byte == 0 && nul == npos) nul = i;
        ++i;
      }
    }
    return {npos, nul};
  }

  static std::string hex(unsigned char b);

  // Line and column (in code points) of a byte offset. Offsets inside the current
  // record are resolved from the record's start (records begin at a line start), so
  // this costs O(record length); earlier offsets scan from the top (errors only).
  [[nodiscard]] source_location location_of(std::size_t offset) const;

  [[noreturn]] void fail_at(std::size_t offset, std::string id, std::string message) const;
  // Throws csv.field_count for the current record (next's error path, out of line).
  [[noreturn]] void fail_field_count() const;

  // Reads one record into fields_; false at the end of the text.
  bool read_record() {
    fields_.clear();
    scratch_.clear();
    const std::size_t n = text_.size();
    // Skip blank lines.
    while (pos_ < n && (text_[pos_] == '\n' || (text_[pos_] == '\r' && pos_ + 1 < n && text_[pos_ + 1] == '\n'))) {
      pos_ += text_[pos_] == '\r' ? 2 : 1;
      ++current_line_;
    }
    if (pos_ >= n) return false;
    if (releases_ && pos_ - released_to_ >= input_text::release_step) input_.release_before(released_to_ = pos_);
    record_start_ = pos_;
    record_line_ = current_line_;
    for (;;) {
      field_span f{pos_, pos_, 0, false};
      if (pos_ < n && text_[pos_] == '"') {
        read_quoted(f);
      } else {
        const std::size_t start = pos_;
        while (pos_ < n && !ends_unquoted_run(text_[pos_])) ++pos_;
        if (pos_ < n && text_[pos_] == '\r' && (pos_ + 1 >= n || text_[pos_ + 1] != '\n'))
          fail_at(pos_, "csv.stray_carriage_return", "carriage return not followed by a line feed");
        if (pos_ < n && text_[pos_] == '"')
          fail_at(pos_, "csv.quote_in_unquoted_field",
                  "quote inside an unquoted field (expected the whole field in quotes, with \"\" for a quote)");
        f.value_begin = start;
        f.value_size = pos_ - start;
      }
      fields_.push_back(f);
      if (pos_ >= n) return true;
      const char c = text_[pos_];
      if (c == ',') {
        ++pos_;
        continue;
      }
      // End of line: "\n" or "\r\n".
      pos_ += c == '\r' ? 2 : 1;
      ++current_line_;
      return true;
    }
  }

  void read_quoted(field_span& f) {
    const std::size_t n = text_.size();
    const std::size_t open = pos_++;
    const std::size_t start = pos_;
    bool escaped = false;
    for (;;) {
      const void* q = std::memchr(text_.data() + pos_, '"', n - pos_);
      if (q == nullptr) fail_at(open, "csv.unterminated_quote", "unterminated quoted field (no closing quote)");
      const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(q) - text_.data());
      for (auto quoted = text_.substr(pos_, at - pos_); !quoted.empty();) {  // line breaks inside quotes
        const auto line_feed = quoted.find('\n');
        if (line_feed == std::string_view::npos) break;
        ++current_line_;
        quoted.remove_prefix(line_feed + 1);
      }
      pos_ = at + 1;
      if (pos_ < n && text_[pos_] == '"') {  // "" is an escaped quote
        escaped = true;
        ++pos_;
        continue;
      }
      break;
    }
    const std::size_t end = pos_ - 1;  // the closing quote
    if (pos_ < n && text_[pos_] == '\r' && (pos_ + 1 >= n || text_[pos_ + 1] != '\n'))
      fail_at(pos_, "csv.stray_carriage_return", "carriage return not followed by a line feed");
    if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
      fail_at(pos_, "csv.text_after_quote", "text after a closing quote (expected ',' or the end of the line)");
    if (!escaped) {
      f.value_begin = start;
      f.value_size = end - start;
      return;
    }
    f.escaped = true;
    f.value_begin = scratch_.size();
    for (std::size_t i = start; i < end; ++i) {
      scratch_ += text_[i];
      if (text_[i] == '"') ++i;  // skip the second quote of ""
    }
    f.value_size = scratch_.size() - f.value_begin;
  }

  std::string_view text_;
  input_text input_;
  std::size_t released_to_ = 0;  // input_.release_before has been called up to here
  bool releases_ = true;         // false in a lookahead reader
  bool stopped_ = false;         // a lookahead reader met the end or a malformed record
  std::string file_;
  std::vector<std::string> header_;
  std::vector<field_span> fields_;
  std::string scratch_;
  std::size_t pos_ = 0;
  std::size_t record_start_ = 0;
  std::uint32_t current_line_ = 1;
  std::uint32_t record_line_ = 1;
  std::uint32_t header_line_ = 1;
};

// Newline characters in `text`: an upper bound of its records (blank lines and line
// breaks inside quotes count too), to size tables before reading. O(size); counted in
// blocks of 64 bytes with a small counter, a loop compilers vectorise (std::count's
// 64-bit counter keeps it to a byte at a time).
[[nodiscard]] inline std::size_t count_newlines(const input_text& input) noexcept {
  const std::string_view text = input.view();
  std::size_t lines = 0, i = 0, released = 0;
  for (; i + 64 <= text.size(); i += 64) {
    if (i - released >= input_text::release_step) input.release_before(released = i);
    unsigned block = 0;
    for (std::size_t k = 0; k < 64; ++k) block += text[i + k] == '\n';
    lines += block;
  }
  for (; i < text.size(); ++i) lines += text[i] == '\n';
  return lines;
}

// Writes one CSV field, quoting it only when needed.
inline void append_csv_field(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace io
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/io/impl/csv.ipp>
#endif
