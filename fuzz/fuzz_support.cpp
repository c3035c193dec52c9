#include "fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace ct::fuzz {

const std::filesystem::path& workDir() {
    static const std::filesystem::path dir = [] {
        const auto path = std::filesystem::temp_directory_path() / ("ct-fuzz-" + std::to_string(getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return dir;
}

std::filesystem::path writeInput(const std::uint8_t* data, std::size_t size, const std::string& relative) {
    const std::filesystem::path path = workDir() / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

void linkFilesOf(const std::filesystem::path& from, const std::filesystem::path& to, const std::string& skipExtension) {
    std::filesystem::create_directories(to);
    for (const auto& entry : std::filesystem::directory_iterator(from)) {
        if (!entry.is_regular_file() || entry.path().extension() == skipExtension) continue;
        std::error_code ignored;
        std::filesystem::create_symlink(entry.path(), to / entry.path().filename(), ignored);
    }
}

void requireOneLineNaming(const std::string& error, const std::string& file, std::string_view what) {
    const char* problem = nullptr;
    if (error.empty())
        problem = "an empty error";
    else if (error.find('\n') != std::string::npos)
        problem = "an error of more than one line";
    else if (error.find(file) == std::string::npos)
        problem = "an error that does not name the file";
    if (!problem) return;
    std::fprintf(stderr, "%.*s gave %s: [%s] (file %s)\n", static_cast<int>(what.size()), what.data(), problem,
                 error.c_str(), file.c_str());
    std::abort();
}

std::vector<std::string> splitLines(const std::uint8_t* data, std::size_t size, std::size_t maxPieces) {
    std::vector<std::string> pieces(1);
    for (std::size_t i = 0; i < size; ++i) {
        const char c = static_cast<char>(data[i]);
        if (c == '\n' || c == '\0') {
            if (pieces.size() == maxPieces) break;
            pieces.emplace_back();
        } else {
            pieces.back() += c;
        }
    }
    return pieces;
}

}  // namespace ct::fuzz
