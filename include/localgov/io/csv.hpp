// A strict RFC 4180 reader: UTF-8 (BOM accepted), LF or CRLF, quoted fields,
// columns found by header name, and every malformed input reported as FILE:LINE:COLUMN.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/csv_scan.hpp>
#include <localgov/detail/utf8.hpp>
#include <localgov/detail/utf8_scan.hpp>
#include <localgov/error.hpp>
#include <localgov/io/file.hpp>
#include <localgov/io/fwd.hpp>

#include <algorithm>
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
// points (then "…"), with control characters (C0, DEL, C1, direction controls) and U+FEFF
// (an invisible BOM) escaped (\n, \r, \t, \xNN, \uNNNN), so that a hostile field never makes a message of a
// megabyte, of several lines or with an invisible difference. The value must be valid
// UTF-8, as every field of a csv_reader is. O(min(size, max_code_points)).
[[nodiscard]] LOCALGOV_DECL std::string excerpt(std::string_view value, std::size_t max_code_points = 64);

// Free text as a terminal or a viewer should show it: whole, with control characters
// escaped as excerpt() does, never passed on raw to move the cursor, colour the screen,
// reverse a line or break a row. O(size).
[[nodiscard]] LOCALGOV_DECL std::string shown(std::string_view text);

// The longest text a loader takes in a field, in characters (code points); longer is
// input_error "csv.too_long" at the field. Far above any real value: they bound what a
// hostile file can make a program hold, print or index.
namespace limits {
inline constexpr std::size_t code = 64;      // unit codes, person ids (io::is_valid_code: ASCII, so bytes)
inline constexpr std::size_t id = 128;       // proposal and rule ids
inline constexpr std::size_t name = 512;     // names of units and people
inline constexpr std::size_t title = 4096;   // proposal titles
inline constexpr std::size_t note = 16384;   // notes of events, rules' legal basis
}  // namespace limits

// Throws "csv.too_long" when field `col` of the record `csv` is on has more than `most`
// characters; `what` names it ("unit name"). O(1) when it has at most `most` bytes.
LOCALGOV_DECL void require_at_most(const csv_reader& csv, std::size_t col, std::string_view what, std::size_t most);

// Why `value` cannot be an identifier (a proposal's or a rule's id): it is empty, has a
// control character (detail::control_length: a tab, a line break, a terminal escape, a
// direction control), or begins or ends with a space, which would make " P-1" another id
// than "P-1"; empty when it can. `what` names it ("proposal id").
[[nodiscard]] LOCALGOV_DECL std::string identifier_problem(std::string_view what, std::string_view value);

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

  // A pass over the text at `offset` lets go of the bytes a release_step and more behind
  // it, when they are a mapping (else nothing), a release_step at a time: not those just
  // read, whose views a loader may still use. O(1) amortised.
  void release_behind(std::size_t offset) noexcept {
    if (file_ != nullptr && offset >= released_to_ + 2 * release_step) file_->release_before(released_to_ = offset - release_step);
  }
  // How far a pass over the text goes between two releases: small enough to keep the
  // footprint small, large enough that releasing costs nothing measurable.
  static constexpr std::size_t release_step = std::size_t{16} << 20;

 private:
  std::string_view text_;
  const mapped_file* file_ = nullptr;
  std::size_t released_to_ = 0;  // released up to here
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
  [[nodiscard]] std::string_view text() const noexcept { return text_; }
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

  [[nodiscard]] std::size_t size() const noexcept { return fields_.size(); }
  [[nodiscard]] std::string_view field(std::size_t i) const noexcept {
    const auto& f = fields_[i];  // its span lies in the text or in scratch_: no bounds to check
    return {(f.escaped ? scratch_.data() : text_.data()) + f.value_begin, f.value_size};
  }

  // Whether field i had doubled quotes: its view is then into the reader's own buffer,
  // valid until the next record, where other views last as long as the text.
  [[nodiscard]] bool escaped(std::size_t i) const noexcept { return fields_[i].escaped; }

  // Line on which the current record starts, and its byte offset in the text.
  [[nodiscard]] std::uint32_t line() const noexcept { return record_line_; }
  [[nodiscard]] std::size_t record_offset() const noexcept { return record_start_; }
  // Where the next record (or the blank lines before it) begins, and its line.
  [[nodiscard]] std::size_t next_offset() const noexcept { return pos_; }
  [[nodiscard]] std::uint32_t next_line() const noexcept { return current_line_; }
  // A reader of the same text and header that goes on from `offset`, a line start, as
  // line `line`, and reads nothing from `end` on (the text is cut there, as if it ended):
  // for reading a text in chunks (see detail::run_chunks). Its bytes are checked from
  // `offset` on (those before are another reader's), and it never releases pages. O(header).
  [[nodiscard]] csv_reader at(std::size_t offset, std::uint32_t line, std::size_t end = std::string_view::npos) const {
    csv_reader from = *this;
    from.text_ = text_.substr(0, end);
    from.releases_ = false;
    from.pos_ = from.checked_to_ = offset;
    from.bad_ = std::string_view::npos;
    from.current_line_ = line;
    from.delimiters_.reset();  // its text may be cut shorter
    return from;
  }
  // A reader on the record at `offset` on `line` (a record_offset() and line() a reader
  // gave), read again: to report an error about a record read earlier, as the loaders
  // that parse ahead of their use do. O(header + record).
  [[nodiscard]] csv_reader reread(std::size_t offset, std::uint32_t line) const {
    auto again = at(offset, line);
    again.next();
    return again;
  }
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

  // The first byte in [from, to) that is not valid UTF-8 or is NUL (npos if none), and
  // where the check stopped: at `to`, or past it when a sequence straddles it. Sixteen
  // bytes at a time (see detail::scan_utf8). O(to - from).
  static std::pair<std::size_t, std::size_t> find_bad_byte(std::string_view text, std::size_t from, std::size_t to) noexcept {
    const auto scan = detail::scan_utf8(text, from, to);
    return {scan.bad, scan.stopped};
  }

  // Checks the bytes up to `end` (and, in one go, some way beyond, so that short records
  // share a check): throws csv.invalid_utf8 or csv.nul_byte for a bad byte before `end`;
  // one found beyond is kept for the record that reaches it. The bytes are thus checked
  // just ahead of the parse, in the same pass over the text, and errors come in text order.
  void check_through(std::size_t end) {
    constexpr auto npos = std::string_view::npos;
    if (bad_ == npos && checked_to_ < end) {
      const auto to = std::min(text_.size(), std::max(end, checked_to_ + (std::size_t{64} << 10)));
      const auto [bad, stopped] = find_bad_byte(text_, checked_to_, to);
      checked_to_ = stopped;
      bad_ = bad;
    }
    if (bad_ < end) fail_bad_byte(bad_);
  }
  // Throws csv.invalid_utf8 or csv.nul_byte for the byte at `offset`.
  [[noreturn]] void fail_bad_byte(std::size_t offset) const;

  static std::string hex(unsigned char b);

  // Line and column (in code points) of a byte offset. Offsets inside the current
  // record are resolved from the record's start (records begin at a line start), so
  // this costs O(record length); earlier offsets scan from the top (errors only).
  [[nodiscard]] source_location location_of(std::size_t offset) const;

  // Throws the error at `offset`, unless a bad byte comes before it (in the part of the
  // text not checked yet): that one is reported instead, as errors come in text order.
  [[noreturn]] void fail_at(std::size_t offset, std::string id, std::string message) const;
  // Throws csv.field_count for the current record (next's error path, out of line).
  [[noreturn]] void fail_field_count() const;

  // Reads one record into fields_, its bytes checked; false at the end of the text.
  bool read_record() {
    if (!parse_record()) return false;
    check_through(pos_);
    return true;
  }
  bool parse_record() {
    fields_.clear();
    scratch_.clear();
    const std::size_t n = text_.size();
    // Skip blank lines.
    while (pos_ < n && (text_[pos_] == '\n' || (text_[pos_] == '\r' && pos_ + 1 < n && text_[pos_ + 1] == '\n'))) {
      pos_ += text_[pos_] == '\r' ? 2 : 1;
      ++current_line_;
    }
    if (pos_ >= n) return false;
    if (releases_) input_.release_behind(pos_);
    record_start_ = pos_;
    record_line_ = current_line_;
    for (;;) {
      if (pos_ < n && text_[pos_] == '"') {
        fields_.push_back(read_quoted());  // which checks what follows it: ',', "\n" or "\r\n"
      } else {
        const std::size_t start = pos_;
        pos_ = delimiters_.find(text_, pos_);
        // Made whole in place: a span built in steps and then copied stalls on the copy.
        fields_.push_back({start, start, pos_ - start, false});
        // The delimiter: ',' and '\n' first, as nearly every field ends so.
        if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n') {
          if (text_[pos_] == '"')
            fail_at(pos_, "csv.quote_in_unquoted_field",
                    "quote inside an unquoted field (expected the whole field in quotes, with \"\" for a quote)");
          if (pos_ + 1 >= n || text_[pos_ + 1] != '\n')
            fail_at(pos_, "csv.stray_carriage_return", "carriage return not followed by a line feed");
        }
      }
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

  // Reads the quoted field at pos_ (its opening quote) and returns its span.
  field_span read_quoted() {
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
    if (!escaped) return {open, start, end - start, false};
    const std::size_t value_begin = scratch_.size();
    for (std::size_t i = start; i < end; ++i) {
      scratch_ += text_[i];
      if (text_[i] == '"') ++i;  // skip the second quote of ""
    }
    return {open, value_begin, scratch_.size() - value_begin, true};
  }

  std::string_view text_;
  input_text input_;
  bool releases_ = true;  // false in a reader made by at() or reread()
  std::size_t checked_to_ = 0;                     // the bytes before it are valid UTF-8 without NUL
  std::size_t bad_ = std::string_view::npos;       // the first bad byte found, at checked_to_
  std::string file_;
  std::vector<std::string> header_;
  std::vector<field_span> fields_;
  std::string scratch_;
  detail::csv_delimiter_finder delimiters_;  // where unquoted fields end
  std::size_t pos_ = 0;
  std::size_t record_start_ = 0;
  std::uint32_t current_line_ = 1;
  std::uint32_t record_line_ = 1;
  std::uint32_t header_line_ = 1;
};

// How a loader reads: in chunks of about `chunk_bytes` of text, parsed by as many threads
// as the machine has cores (2 to 8) with `parallel`, and used (looked up, applied) in the
// text's order by the caller's thread (see detail/pipeline.hpp). The results and the
// errors are the same either way, and for any chunk size; parallel reads take less time
// on a machine with a core to spare.
struct read_options {
  bool parallel = false;
  // Measured with a fresh `localgov report` of a million proposals (bench_tracking):
  // chunks of 1 MiB hand over some 200 a file between the threads, each a wake-up of
  // tens of microseconds under a hypervisor. Small values are for tests.
  std::size_t chunk_bytes = std::size_t{1} << 20;
};

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
