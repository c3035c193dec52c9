// Reads a whole text input (a scenario, a tour, a binding file, a CSV) up to a size limit, so a
// file that is huge by mistake (or /dev/zero, or a FIFO that never ends) is refused in one line
// instead of filling memory. The limits are in docs/limits.md.
//
//   TextFile file = readTextFile("abilene.json", kScenarioFileLimit, "scenario file");
//   if (!file.text) return fail(file.error);   // "abilene.json: cannot open the scenario file"
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ct::twin {

inline constexpr std::size_t kMiB = std::size_t{1} << 20;
inline constexpr std::size_t kScenarioFileLimit = 16 * kMiB;
inline constexpr std::size_t kTourFileLimit = 1 * kMiB;
inline constexpr std::size_t kBindingFileLimit = 4 * kMiB;
inline constexpr std::size_t kCsvFileLimit = 256 * kMiB;  // weather and recorded telemetry

struct TextFile {
    std::optional<std::string> text;
    std::string error;  // "<file>: cannot open the <kind>" or "<file>: larger than N MiB, ..."
};

// `kind` names the file in messages ("scenario file", "weather file").
TextFile readTextFile(const std::filesystem::path& path, std::size_t maxBytes, std::string_view kind);

}  // namespace ct::twin
