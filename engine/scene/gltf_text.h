// Text from a glTF file or from tinygltf as it may stand in a one-line error: tinygltf's messages
// span lines and may quote a whole data URI, and a string in the file may hold a newline.
#pragma once

#include <string>

namespace ct::scene {

// Line breaks and tabs become "; ", and a data URI is cut to its first 48 characters.
std::string oneLine(const std::string& text);

}  // namespace ct::scene
