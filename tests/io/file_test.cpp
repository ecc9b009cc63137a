// Whole files: reads (mapped or copied), atomic writes that leave no temporary file behind, concurrent writers.
#include <doctest/doctest.h>

#include "../cli/cli_support.hpp"

#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/file.hpp>
#include <localgov/io/graphviz.hpp>
#include <localgov/detail/prepare_memory.hpp>

#if defined(__linux__)
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/resource.h>
#endif

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

using namespace localgov;

namespace {

template <class F>
error expect_error(F&& f) {
  try {
    f();
  } catch (const error& e) {
    return e;
  }
  FAIL("no localgov::error was thrown");
  return error("none", "");
}

}  // namespace

TEST_CASE("write_file_atomically: writes, replaces, leaves nothing behind") {
  const auto path = test::tmp_path(std::to_string(::getpid()) + "-atomic.txt");
  io::write_file_atomically(path, "first\n");
  CHECK(io::read_file(path) == "first\n");
  io::write_file_atomically(path, std::string(1 << 20, 'x'));  // replaces, whole
  CHECK(io::read_file(path) == std::string(1 << 20, 'x'));
  io::write_file_atomically(path, "");
  CHECK(io::read_file(path).empty());
  CHECK(test::temp_leftovers(path).empty());
  std::filesystem::remove(path);
}

TEST_CASE("write_file_atomically: a write that fails names the file and changes nothing") {
  const auto missing_dir = test::tmp_path("no-such-directory/out.txt");
  const auto e = expect_error([&] { io::write_file_atomically(missing_dir, "x"); });
  CHECK(e.id() == "io.cannot_write");
  CHECK(std::string(e.what()).starts_with(missing_dir + ": cannot write: "));

  // The target is a directory: the rename fails, the directory and its parent are as before.
  const auto dir = test::tmp_path(std::to_string(::getpid()) + "-a-directory");
  std::filesystem::create_directory(dir);
  const auto e2 = expect_error([&] { io::write_file_atomically(dir, "x"); });
  CHECK(e2.id() == "io.cannot_write");
  CHECK(std::filesystem::is_directory(dir));
  CHECK(test::temp_leftovers(dir).empty());
  std::filesystem::remove(dir);
}

TEST_CASE("write_file_atomically: what the path is decides: a file keeps its mode, a link is followed, a FIFO written into") {
  namespace fs = std::filesystem;
  const auto base = test::tmp_path(std::to_string(::getpid()) + "-targets");
  fs::create_directory(base);

  // A private file stays private.
  const auto secret = base + "/secret.csv";
  io::write_file_atomically(secret, "old\n");
  fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write);
  io::write_file_atomically(secret, "new\n");
  CHECK(io::read_file(secret) == "new\n");
  CHECK(fs::status(secret).permissions() == (fs::perms::owner_read | fs::perms::owner_write));

  // A symbolic link (to a link) stays one; the file it reaches is written.
  const auto link = base + "/latest.csv", middle = base + "/middle.csv";
  fs::create_symlink("secret.csv", middle);
  fs::create_symlink("middle.csv", link);
  io::write_file_atomically(link, "through the links\n");
  CHECK(fs::is_symlink(link));
  CHECK(fs::is_symlink(middle));
  CHECK(io::read_file(secret) == "through the links\n");
  CHECK(test::temp_leftovers(secret).empty());

  // A FIFO is written into, not replaced by a file.
  const auto fifo = base + "/pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] { received = io::read_file(fifo); });
  io::write_file_atomically(fifo, "streamed\n");
  reader.join();
  CHECK(received == "streamed\n");
  CHECK(fs::is_fifo(fifo));
  // A device too.
  io::write_file_atomically("/dev/null", "gone\n");
  CHECK(fs::is_character_file("/dev/null"));

  // A directory is refused, named.
  const auto e = expect_error([&] { io::write_file_atomically(base, "x"); });
  CHECK(std::string(e.what()) == base + ": cannot write: it is a directory (expected a file's path)");
  fs::remove_all(base);
}

TEST_CASE("read_file: a stream that is not text ends at its first bad byte") {
  // /dev/zero never ends: read_file stops at its first byte, the NUL, which the reader of
  // the text then reports.
  CHECK(io::read_file("/dev/zero") == std::string(1, '\0'));
  const auto noise = io::read_file("/dev/urandom");
  CHECK(!noise.empty());
  CHECK(noise.size() < (std::size_t{1} << 20));  // random bytes are not text for long
}

TEST_CASE("write_file_atomically: concurrent writers never mix their contents") {
  const auto path = test::tmp_path(std::to_string(::getpid()) + "-contended.txt");
  constexpr int writers = 4, rounds = 25;
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w)
    threads.emplace_back([&, w] {
      const std::string content(64 * 1024, static_cast<char>('a' + w));
      for (int r = 0; r < rounds; ++r) io::write_file_atomically(path, content);
    });
  for (auto& t : threads) t.join();
  const auto text = io::read_file(path);
  REQUIRE(text.size() == 64 * 1024);
  CHECK(text == std::string(text.size(), text[0]));  // one writer's whole content
  CHECK(test::temp_leftovers(path).empty());
  std::filesystem::remove(path);
}

TEST_CASE("render_dot: a failed rendering keeps the old picture") {
  if (!io::find_program("dot")) {
    MESSAGE("Graphviz's dot is not installed: skipped");
    return;
  }
  const auto path = test::tmp_path(std::to_string(::getpid()) + "-chart.svg");
  io::write_file_atomically(path, "old picture");
  const auto e = expect_error([&] { io::render_dot("digraph {", "svg", path); });
  CHECK(e.id() == "graphviz.failed");
  CHECK(io::read_file(path) == "old picture");
  CHECK(test::temp_leftovers(path).empty());
  io::render_dot("digraph { a -> b }", "svg", path);
  CHECK(io::read_file(path).find("<svg") != std::string::npos);
  CHECK(test::temp_leftovers(path).empty());
  std::filesystem::remove(path);
}

TEST_CASE("mapped_file: the bytes of a file, mapped or read") {
  const auto path = test::tmp_path(std::to_string(::getpid()) + "-mapped.csv");
  const std::string content = "id,unit_code\nKN-1,04795\n" + std::string(100000, 'x') + "\n";
  io::write_file_atomically(path, content);
  {
    io::mapped_file mapped(path);
    CHECK(mapped.text() == content);
    io::mapped_file moved(std::move(mapped));
    CHECK(std::string_view(moved) == content);
    CHECK(mapped.text().empty());  // NOLINT(bugprone-use-after-move): a moved-from file is empty
  }
  io::write_file_atomically(path, "");
  CHECK(io::mapped_file(path).text().empty());  // an empty file cannot be mapped: read
  std::filesystem::remove(path);

  const auto missing = expect_error([&] { const io::mapped_file m(path); });
  CHECK(missing.id() == "io.cannot_read");
  CHECK(std::string(missing.what()) == path + ": cannot open: No such file or directory");
  const auto directory = expect_error([] { const io::mapped_file m(LOCALGOV_TEST_TMP_DIR); });
  CHECK(directory.id() == "io.cannot_read");
  CHECK(std::string(directory.what()).ends_with(": cannot read: Is a directory"));
}

TEST_CASE("mapped_file: bytes let go of are read again from the file") {
  const auto path = test::tmp_path(std::to_string(::getpid()) + "-released.csv");
  // More than two release steps of rows, so the reader lets go of pages behind it.
  std::string content = "id,value\n";
  std::size_t rows = 0;
  while (content.size() < 2 * io::input_text::release_step + 12345) content += "row-" + std::to_string(rows++) + ",x\n";
  io::write_file_atomically(path, content);
  const io::mapped_file mapped(path);
  io::csv_reader csv(mapped, path);
  std::size_t seen = 0, wrong = 0;
  for (; csv.next(); ++seen) wrong += csv.field(0) != "row-" + std::to_string(seen);
  CHECK(seen == rows);
  CHECK(wrong == 0);
  CHECK(mapped.text() == content);  // released pages come back intact
  mapped.release_before(content.size());
  CHECK(mapped.text() == content);
  // Populating (a hint) any range, in bounds or not, changes nothing that is read.
  for (const auto& [offset, length] : {std::pair<std::size_t, std::size_t>{0, content.size()}, {4097, 10}, {content.size() - 1, 100},
                                      {content.size() + 5, 1}, {0, 0}, {123, std::size_t(-1)}})
    mapped.populate(offset, length);
  CHECK(mapped.text() == content);
  mapped.release_before(content.size());
  mapped.populate(0, content.size());
  CHECK(mapped.text() == content);
  std::filesystem::remove(path);
}

#if defined(__linux__)
namespace {
struct parsed_row {
  std::uint64_t a, b, c;
  std::uint32_t d;
};
}  // namespace

TEST_CASE("prepare_memory: the large tables take memory made ready, in the order they ask, bytes intact") {
  constexpr std::size_t mib = std::size_t{1} << 20;
  auto minor_faults = [] {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
  };
  // Tables larger than the blocks kept for reuse (32 MiB in all), which come first.
  constexpr std::size_t table = 34 * mib, words = table / sizeof(std::uint64_t);
  REQUIRE(detail::prepare_memory(2 * table + 4 * mib));  // Linux 5.14 and later
  CHECK_FALSE(detail::prepare_memory(mib));  // once per process
  const auto before = minor_faults();
  detail::big_vector<std::uint64_t> first(words);  // written through: zeros
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)  // their shadow memory faults in too
  CHECK(minor_faults() - before == 0);  // populated ahead: no page to fault in (else 17 huge pages or 8,704 small)
#else
  (void)before;
#endif
  for (std::size_t i = 0; i < first.size(); ++i) first[i] = i * 0x9E3779B97F4A7C15ULL;
  // The next table is carved right after the first, from what is left.
  const detail::big_vector<std::uint64_t> second(words, 7);
  CHECK(second.data() == first.data() + first.size());
  bool intact = true;
  for (std::size_t i = 0; i < first.size(); ++i) intact = intact && first[i] == i * 0x9E3779B97F4A7C15ULL;
  CHECK(intact);
  CHECK(std::all_of(second.begin(), second.end(), [](std::uint64_t v) { return v == 7; }));
  // A table let go of (too large to keep for reuse) leaves its memory, not its addresses:
  // they stay the ready mapping's, mapped, while another thread may be populating it.
  void* const freed = first.data();
  detail::big_vector<std::uint64_t>().swap(first);
  unsigned char resident = 0;
  CHECK(mincore(freed, 4096, &resident) == 0);  // ENOMEM if unmapped
  // Smaller pieces, from a quarter of a megabyte, are carved to the cache line, not to
  // the huge page: a loader's blocks of a megabyte take one each, not two.
  auto& ready = detail::ready_mapping::instance();
  CHECK(ready.opened());
  std::vector<detail::big_vector<char>> pieces;
  pieces.emplace_back(300'001, 'a');
  pieces.emplace_back(300'000, 'b');
  CHECK(ready.contains(pieces[0].data()));
  CHECK(pieces[1].data() == pieces[0].data() + 300'032);
  CHECK(reinterpret_cast<std::uintptr_t>(pieces[1].data()) % 64 == 0);
  const detail::big_vector<char> small(100'000, 's');  // below a quarter of a megabyte: the heap's
  CHECK_FALSE(ready.contains(small.data()));
  detail::big_vector<parsed_row> block;
  detail::reserve_block(block, mib);
  CHECK(block.capacity() == mib / sizeof(parsed_row));
  CHECK(ready.contains(block.data()));
  // A piece let go of is taken again by the next of its length, its neighbours intact.
  const char* const first_piece = pieces[0].data();
  detail::big_vector<char>().swap(pieces[0]);
  pieces.emplace_back(300'010, 'c');
  CHECK(pieces.back().data() == first_piece);
  CHECK(std::all_of(pieces[1].begin(), pieces[1].end(), [](char c) { return c == 'b'; }));
  CHECK(std::all_of(pieces.back().begin(), pieces.back().end(), [](char c) { return c == 'c'; }));
}
#endif
