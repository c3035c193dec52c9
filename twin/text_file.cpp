#include "twin/text_file.h"

#include <fstream>

namespace ct::twin {

TextFile readTextFile(const std::filesystem::path& path, std::size_t maxBytes, std::string_view kind) {
    const std::string name = path.string();
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return {std::nullopt, name + ": is a folder, not a " + std::string(kind)};
    std::ifstream in(path, std::ios::binary);
    if (!in) return {std::nullopt, name + ": cannot open the " + std::string(kind)};
    // Read in blocks up to one byte past the limit: a device or a pipe has no size to ask for.
    std::string text;
    char block[65536];
    while (in.read(block, sizeof block) || in.gcount() > 0) {
        text.append(block, static_cast<std::size_t>(in.gcount()));
        if (text.size() > maxBytes)
            return {std::nullopt, name + ": larger than " + std::to_string(maxBytes / kMiB) + " MiB, the limit for a " +
                                      std::string(kind) + " (docs/limits.md)"};
    }
    if (in.bad()) return {std::nullopt, name + ": read error"};
    return {std::move(text), {}};
}

}  // namespace ct::twin
