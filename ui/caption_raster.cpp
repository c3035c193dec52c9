#include "ui/caption_raster.h"

// The implementation lives in libstb (Debian's libstb-dev builds every stb library once).
#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace ct::ui {

struct CaptionRaster::Font {
    stbtt_fontinfo info;
};

namespace {

// Decodes one UTF-8 code point; malformed bytes come out as '?'.
std::uint32_t nextCodepoint(const std::string& s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0) return '?';
    std::uint32_t cp = c & (0x3F >> extra);
    for (; extra > 0 && i < s.size(); --extra)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return cp;
}

}  // namespace

std::filesystem::path defaultCaptionFont() {
    return "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}

CaptionRaster::CaptionRaster(const std::filesystem::path& fontFile) : font_(new Font{}) {
    std::ifstream in(fontFile, std::ios::binary);
    fontData_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (fontData_.empty() ||
        !stbtt_InitFont(&font_->info, fontData_.data(), stbtt_GetFontOffsetForIndex(fontData_.data(), 0))) {
        delete font_;
        throw std::runtime_error(fontFile.string() + ": cannot read the caption font (install fonts-dejavu-core)");
    }
}

CaptionRaster::~CaptionRaster() {
    delete font_;
}

float CaptionRaster::textWidth(const std::string& text, float scale) const {
    float width = 0.0f;
    for (std::size_t i = 0; i < text.size();) {
        int advance = 0;
        int bearing = 0;
        stbtt_GetCodepointHMetrics(&font_->info, static_cast<int>(nextCodepoint(text, i)), &advance, &bearing);
        width += static_cast<float>(advance) * scale;
    }
    return width;
}

std::vector<std::string> CaptionRaster::wrap(const std::string& text, float pixelHeight, float maxWidth) const {
    const float scale = stbtt_ScaleForPixelHeight(&font_->info, pixelHeight);
    std::vector<std::string> lines;
    std::istringstream words(text);
    std::string word;
    std::string line;
    while (words >> word) {
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && textWidth(candidate, scale) > maxWidth) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

void CaptionRaster::drawLine(std::vector<std::uint8_t>& rgba, std::uint32_t width, std::uint32_t height,
                             const std::string& line, float x, float baseline, float scale, float alpha) const {
    std::vector<unsigned char> glyph;
    for (std::size_t i = 0; i < line.size();) {
        const int cp = static_cast<int>(nextCodepoint(line, i));
        int advance = 0;
        int bearing = 0;
        stbtt_GetCodepointHMetrics(&font_->info, cp, &advance, &bearing);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        const float shiftX = x - std::floor(x);
        stbtt_GetCodepointBitmapBoxSubpixel(&font_->info, cp, scale, scale, shiftX, 0.0f, &x0, &y0, &x1, &y1);
        const int gw = x1 - x0;
        const int gh = y1 - y0;
        if (gw > 0 && gh > 0) {
            glyph.assign(static_cast<std::size_t>(gw * gh), 0);
            stbtt_MakeCodepointBitmapSubpixel(&font_->info, glyph.data(), gw, gh, gw, scale, scale, shiftX, 0.0f, cp);
            const int ox = static_cast<int>(std::floor(x)) + x0;
            const int oy = static_cast<int>(std::lround(baseline)) + y0;
            for (int gy = 0; gy < gh; ++gy) {
                const int py = oy + gy;
                if (py < 0 || py >= static_cast<int>(height)) continue;
                for (int gx = 0; gx < gw; ++gx) {
                    const int px = ox + gx;
                    if (px < 0 || px >= static_cast<int>(width)) continue;
                    const float a = alpha * glyph[static_cast<std::size_t>(gy * gw + gx)] / 255.0f;
                    std::uint8_t* p = &rgba[(static_cast<std::size_t>(py) * width + static_cast<std::size_t>(px)) * 4];
                    for (int c = 0; c < 3; ++c)
                        p[c] = static_cast<std::uint8_t>(std::lround(p[c] + (255.0f - p[c]) * a));
                }
            }
        }
        x += static_cast<float>(advance) * scale;
    }
}

void CaptionRaster::draw(std::vector<std::uint8_t>& rgba, std::uint32_t width, std::uint32_t height,
                         const std::string& text, float alpha) const {
    alpha = std::clamp(alpha, 0.0f, 1.0f);
    if (text.empty() || alpha <= 0.0f || rgba.size() < static_cast<std::size_t>(width) * height * 4) return;
    const float pixelHeight = std::max(10.0f, static_cast<float>(height) * 0.042f);
    const float scale = stbtt_ScaleForPixelHeight(&font_->info, pixelHeight);
    const std::vector<std::string> lines = wrap(text, pixelHeight, static_cast<float>(width) * 0.8f);
    const float lineHeight = pixelHeight * 1.25f;
    const float pad = pixelHeight * 0.6f;
    const float bandHeight = lineHeight * static_cast<float>(lines.size()) + 2.0f * pad;
    const float bandBottom = static_cast<float>(height) * 0.94f;
    const float bandTop = bandBottom - bandHeight;

    // The band: darken what is behind, so white text reads on sky and on sunlit roofs alike.
    const int top = std::max(0, static_cast<int>(bandTop));
    const int bottom = std::min(static_cast<int>(height), static_cast<int>(bandBottom));
    const float darken = 1.0f - 0.55f * alpha;
    for (int y = top; y < bottom; ++y)
        for (std::uint32_t x = 0; x < width; ++x) {
            std::uint8_t* p = &rgba[(static_cast<std::size_t>(y) * width + x) * 4];
            for (int c = 0; c < 3; ++c)
                p[c] = static_cast<std::uint8_t>(p[c] * darken);
        }

    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&font_->info, &ascent, &descent, &gap);
    float baseline = bandTop + pad + static_cast<float>(ascent) * scale;
    for (const std::string& line : lines) {
        const float x = (static_cast<float>(width) - textWidth(line, scale)) * 0.5f;
        drawLine(rgba, width, height, line, x, baseline, scale, alpha);
        baseline += lineHeight;
    }
}

}  // namespace ct::ui
