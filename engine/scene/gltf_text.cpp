#include "scene/gltf_text.h"

#include <algorithm>

namespace ct::scene {

std::string oneLine(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            if (!out.empty() && out.back() != ' ' && out.back() != ';') {
                out += "; ";
            }
        } else {
            out += c;
        }
    }
    for (std::size_t at = out.find("data:"); at != std::string::npos; at = out.find("data:", at + 1)) {
        const std::size_t end = std::min(out.find(' ', at), out.size());
        constexpr std::size_t kKeep = 48;
        if (end - at > kKeep) {
            out.replace(at + kKeep, end - at - kKeep, "...");
        }
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == ';')) {
        out.pop_back();
    }
    constexpr std::size_t kMaxLength = 400;
    if (out.size() > kMaxLength) {
        out.resize(kMaxLength);
        out += "...";
    }
    return out.empty() ? "unknown error" : out;
}

}  // namespace ct::scene
