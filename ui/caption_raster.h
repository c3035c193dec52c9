// CaptionRaster: draws a caption onto an RGBA image on the CPU with stb_truetype, the way the
// tour exporter titles its frames without a window or a GPU text pass. The caption sits in a
// translucent band at the bottom third, centred, word-wrapped to 80% of the width, its size a
// fixed fraction of the image height so a 320x180 preview and a 4K film look alike.
//
//   CaptionRaster captions(defaultCaptionFont());
//   captions.draw(rgba, width, height, "Phase 1: two buildings", 1.0f);
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ct::ui {

// DejaVu Sans from fonts-dejavu-core.
std::filesystem::path defaultCaptionFont();

class CaptionRaster {
public:
    // Throws std::runtime_error if the font cannot be read.
    explicit CaptionRaster(const std::filesystem::path& fontFile);
    ~CaptionRaster();
    CaptionRaster(const CaptionRaster&) = delete;
    CaptionRaster& operator=(const CaptionRaster&) = delete;

    // rgba: width x height, rows top to bottom. alpha fades the band and the text together.
    void draw(std::vector<std::uint8_t>& rgba, std::uint32_t width, std::uint32_t height, const std::string& text,
              float alpha) const;
    // Lines the caption wraps into at this pixel size and width (for tests and layout).
    std::vector<std::string> wrap(const std::string& text, float pixelHeight, float maxWidth) const;

private:
    float textWidth(const std::string& text, float scale) const;
    void drawLine(std::vector<std::uint8_t>& rgba, std::uint32_t width, std::uint32_t height, const std::string& line,
                  float x, float baseline, float scale, float alpha) const;

    std::vector<unsigned char> fontData_;
    struct Font;
    Font* font_;
};

}  // namespace ct::ui
