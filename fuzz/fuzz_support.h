// What every libFuzzer harness shares: a private folder for the input written as a file (most
// loaders take a path, as the program does), and the one rule every parser must keep for bad
// input: one line, naming the file. A harness that sees the rule broken aborts, so libFuzzer
// keeps the input as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ct::fuzz {

// This process's own folder under the system's temporary folder, made on first use.
const std::filesystem::path& workDir();

// Writes the input to workDir()/relative (folders made as needed) and returns the full path.
std::filesystem::path writeInput(const std::uint8_t* data, std::size_t size, const std::string& relative);

// Links every file of `from` whose name does not end in `skipExtension` into `to`, so a fuzzed
// file there can refer to the buffers and images the seeds refer to.
void linkFilesOf(const std::filesystem::path& from, const std::filesystem::path& to, const std::string& skipExtension);

// Aborts, printing why, unless `error` is one non-empty line that names `file`.
void requireOneLineNaming(const std::string& error, const std::string& file, std::string_view what);

// Splits the input at newlines and NUL bytes (empty pieces kept: an empty argument is legal).
std::vector<std::string> splitLines(const std::uint8_t* data, std::size_t size, std::size_t maxPieces);

}  // namespace ct::fuzz
