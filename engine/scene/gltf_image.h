// The image decoder handed to tinygltf: every image becomes RGBA8, whatever it was stored as.
//
// tinygltf calls the decoder with the bytes of an image; for an image stored in a buffer view
// it computes those bytes from the view without checking the view fits its buffer, so the
// decoder does that check itself before reading, using the model tinygltf is filling.
#pragma once

#include <tiny_gltf.h>

#include <string>

namespace ct::scene::gltf {

struct ImageDecodeContext {
    const tinygltf::Model* model = nullptr;  // the model being parsed
    std::string error;                       // "images[i]: ..." when decoding failed
};

// Matches tinygltf::LoadImageDataFunction; `user` is an ImageDecodeContext.
bool decodeImageRgba8(tinygltf::Image* image, int index, std::string* err, std::string* warn, int reqWidth,
                      int reqHeight, const unsigned char* bytes, int size, void* user);

}  // namespace ct::scene::gltf
