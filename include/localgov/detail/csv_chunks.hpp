// The CSV loaders' machinery for reading a text in chunks on several threads: the records
// of a chunk, the fields a parsed block keeps past its record, and the sizing of a
// loader's tables from a sample. Internal: the loaders (io/proposals_csv, io/events_csv)
// use it; a user reads through them, with io::read_options.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/pipeline.hpp>
#include <localgov/io/csv.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace detail {

// How many records a text of `size` bytes holds, estimated from its first `sample`
// records (the first starting at `first` and the last at `last`), with an eighth to spare,
// and never more than one per `fields` bytes (a record has a byte per field at least: its
// commas and its line end): for sizing a loader's tables once, early, without a pass over
// the text to count its lines. O(1).
[[nodiscard]] inline std::size_t estimated_records(std::size_t size, std::size_t sample, std::size_t first, std::size_t last,
                                                   std::size_t fields) noexcept {
  if (sample < 2 || last <= first) return sample;
  const double per_record = static_cast<double>(last - first) / static_cast<double>(sample - 1);
  const double estimate = static_cast<double>(size - first) / per_record * 1.125;
  return std::max(sample, std::min(static_cast<std::size_t>(estimate), size / std::max<std::size_t>(fields, 1)));
}

// The records of one chunk of a text read in chunks (detail::run_chunks), for a loader's
// fill: a reader made from the one that read the header (csv_reader::at, cut at the
// chunk's horizon), next() while records start before the chunk's limit, and end() for
// what the fill returns.
class chunk_records {
 public:
  chunk_records(const io::csv_reader& header, const text_chunk& chunk)
      : reader_(header.at(chunk.begin, chunk.first_line, chunk.horizon)), begin_(chunk.begin), limit_(chunk.limit), first_line_(chunk.first_line) {}
  bool next() { return reader_.next_offset() < limit_ && reader_.next(); }
  [[nodiscard]] const io::csv_reader& reader() const noexcept { return reader_; }
  // The record's offset from the chunk's begin, for rows that keep it in 4 bytes: a record
  // that starts 4 GiB or more into its chunk (after a record that long) is refused as
  // csv.field_too_long.
  [[nodiscard]] std::uint32_t offset_in_chunk() const {
    const std::size_t offset = reader_.record_offset() - begin_;
    if (offset > UINT32_MAX)
      reader_.fail(0, "csv.field_too_long", "record starting " + std::to_string(offset) + " bytes into its part of the file (expected records under 4 GiB)");
    return static_cast<std::uint32_t>(offset);
  }
  [[nodiscard]] chunk_end end() const noexcept { return {reader_.next_offset(), reader_.next_line() - first_line_}; }

 private:
  io::csv_reader reader_;
  std::size_t begin_, limit_;
  std::uint32_t first_line_;
};

// How a loader reads `header`'s text in chunks with `options` (see io::read_options).
[[nodiscard]] inline chunk_plan chunk_plan_for(const io::csv_reader& header, const io::read_options& options) {
  return {header.next_offset(), header.next_line(), options.chunk_bytes, options.parallel ? parallel_threads() : 1};
}

// Fields kept past their record, for loaders that parse records in blocks ahead of using
// them: a field is kept as its place in the text, counted from the block's `base` (where
// its chunk begins), or, when it had doubled quotes (its view then dies with the record),
// as a copy held here. 8 bytes a field, so that a loader's parsed rows stay small (they
// are written by one core and read by another: their bytes are the loaders' memory
// traffic). Hence a kept field is under 2 GiB and ends within 4 GiB of its block's base:
// anything else is refused as csv.field_too_long.
class kept_fields {
 public:
  class ref {
   public:
    [[nodiscard]] bool copied() const noexcept { return (size_ & copied_bit) != 0; }
    [[nodiscard]] std::uint32_t size() const noexcept { return size_ & ~copied_bit; }

   private:
    friend class kept_fields;
    static constexpr std::uint32_t copied_bit = std::uint32_t{1} << 31;
    std::uint32_t begin_ = 0;  // from the base, or in the copies
    std::uint32_t size_ = 0;   // with copied_bit
  };
  // Forgets the copies; the fields kept from now on are counted from `base`, an offset in
  // the text at or before them.
  void clear(std::size_t base = 0) noexcept {
    copies_.clear();
    base_ = base;
  }
  [[nodiscard]] ref keep(const io::csv_reader& csv, std::size_t i) {
    const auto value = csv.field(i);
    const std::size_t at = csv.escaped(i) ? copies_.size() : static_cast<std::size_t>(value.data() - csv.text().data()) - base_;
    if (value.size() >= ref::copied_bit || at + value.size() > UINT32_MAX)
      csv.fail(i, "csv.field_too_long",
               "field of " + std::to_string(value.size()) + " bytes" + (value.size() >= ref::copied_bit ? "" : " ending more than 4 GiB into its part of the file") +
                   " (expected fields under 2 GiB, records under 4 GiB)");
    ref kept;
    kept.begin_ = static_cast<std::uint32_t>(at);
    kept.size_ = static_cast<std::uint32_t>(value.size());
    if (csv.escaped(i)) {
      kept.size_ |= ref::copied_bit;
      copies_ += value;
    }
    return kept;
  }
  [[nodiscard]] std::string_view view(ref r, std::string_view text) const noexcept {
    return r.copied() ? std::string_view(copies_).substr(r.begin_, r.size()) : text.substr(base_ + r.begin_, r.size());
  }

 private:
  std::string copies_;
  std::size_t base_ = 0;
};

}  // namespace detail
LOCALGOV_NAMESPACE_END
