#include "tour_command.h"

#include "campus/campus_stage.h"
#include "campus/live_campus.h"
#include "campus/scene_output.h"
#include "render/data_dir.h"
#include "render/frame_report.h"
#include "render/image_file.h"
#include "render/offscreen_capture.h"
#include "render/render_quality.h"
#include "render/supersample.h"
#include "render/tiled_capture.h"
#include "twin/scenario_loader.h"
#include "ui/caption_raster.h"
#include "ui/tour_player.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>

namespace ct::app {

using namespace ct::campus;  // the campus library these commands call

namespace {

// ffmpeg reading raw RGBA frames on its standard input. pclose in the destructor, so an
// exception mid-tour still ends the encoder.
class FfmpegPipe {
public:
    FfmpegPipe(const std::string& out, unsigned width, unsigned height, unsigned fps) {
        const std::string command = "ffmpeg -loglevel error -y -f rawvideo -pix_fmt rgba -s " + std::to_string(width) +
                                    "x" + std::to_string(height) + " -r " + std::to_string(fps) +
                                    " -i - -c:v libx264 -preset medium -pix_fmt yuv420p -movflags +faststart '" + out +
                                    "'";
        pipe_ = popen(command.c_str(), "w");
    }
    ~FfmpegPipe() {
        if (pipe_) pclose(pipe_);
    }
    FfmpegPipe(const FfmpegPipe&) = delete;
    FfmpegPipe& operator=(const FfmpegPipe&) = delete;

    bool ok() const { return pipe_ != nullptr; }
    bool write(const std::vector<std::uint8_t>& rgba) {
        return std::fwrite(rgba.data(), 1, rgba.size(), pipe_) == rgba.size();
    }
    int close() {
        const int status = pclose(pipe_);
        pipe_ = nullptr;
        return status;
    }

private:
    FILE* pipe_ = nullptr;
};

// Redrawn only when the percentage changes, so a log of the run stays short.
void progress(int done, int total) {
    const int width = 40;
    if (done != total && done * 100 / total == (done - 1) * 100 / total) return;
    const int filled = total ? done * width / total : width;
    std::fprintf(stderr, "\rtour [%s%s] %3d%%  frame %d/%d", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), total ? done * 100 / total : 100,
                 done, total);
    if (done == total) std::fprintf(stderr, "\n");
}

// A problem met mid-tour goes on a line of its own, not after the progress bar.
void endProgressLine() {
    std::fprintf(stderr, "\n");
}

}  // namespace

Outcome runTour(const GlobalOptions& global, const TourOptions& o) {
    if (o.out.empty() && o.framesDir.empty()) return badInput("give --out tour.mp4, --frames-dir DIR, or both");
    if (!o.out.empty() && (o.width % 2 || o.height % 2))
        return badInput("H.264 (yuv420p) needs an even width and height, not " + std::to_string(o.width) + "x" +
                        std::to_string(o.height));
    twin::ScenarioResult loaded = twin::loadScenario(o.scenario);
    if (!loaded.ok()) return badInput(loaded.error);
    const ui::TourResult tour = ui::loadTour(o.tour, *loaded.scenario);
    if (!tour.tour) return badInput(tour.error);
    const ui::TourPlayer player(*tour.tour);
    LiveCampus live(std::move(*loaded.scenario));
    // Every model is read here, before ffmpeg or Vulkan start: a broken one is bad input (exit 2).
    if (std::string error; !live.campusWithEveryPhase(error)) return badInput(error);
    const ui::CaptionRaster captions(ui::defaultCaptionFont());

    const double seconds = o.maxSeconds > 0.0 ? std::min(o.maxSeconds, player.duration()) : player.duration();
    const int frames = std::max(1, static_cast<int>(std::lround(seconds * o.fps)));
    if (!o.framesDir.empty()) std::filesystem::create_directories(o.framesDir);
    std::unique_ptr<FfmpegPipe> ffmpeg;
    if (!o.out.empty()) {
        if (const auto parent = std::filesystem::path(o.out).parent_path(); !parent.empty())
            std::filesystem::create_directories(parent);
        ffmpeg = std::make_unique<FfmpegPipe>(o.out, o.width, o.height, o.fps);
        if (!ffmpeg->ok()) return failure("cannot start ffmpeg (install it: apt-get install ffmpeg)");
    }
    std::fprintf(stderr, "%s: %zu stops, %.1f s; rendering %d frames at %ux%u, %u fps\n", tour.tour->name.c_str(),
                 tour.tour->stops.size(), player.duration(), frames, o.width, o.height, o.fps);

    vk::Context context({.validation = global.validate, .deviceIndex = global.device});
    const render::RenderQuality quality =
        render::renderQuality(render::parseQualityPreset(o.quality).value_or(render::QualityPreset::Standard));
    // Supersampled, each frame is rendered larger (in tiles where the device needs them) and shrunk.
    const render::TileGrid grid = render::planTiles(o.width * quality.supersample, o.height * quality.supersample,
                                                    tileLimit(context, o.tileSize));
    if (grid.count() > 1)
        std::fprintf(stderr, "each frame in %u tiles of %ux%u\n", grid.count(), grid.tileWidth, grid.tileHeight);
    render::RendererOptions rendering = render::rendererOptions(quality, {grid.tileWidth, grid.tileHeight});
    rendering.culling = instanceCulling(global);
    render::Renderer renderer(context, render::shaderDir(), rendering);
    render::OffscreenCapture capture(context, renderer);
    // The window's own session and stage, played at a fixed step: the same phases rising, twin,
    // heat map and power flows as on screen, and the same frames on every run.
    const auto session = std::make_unique<CampusSession>(live, SessionOptions{.tour = *tour.tour});
    CampusStage stage(*session, context);
    session->setTourPlaying(true);
    renderer.setScene(session->campus().scene);
    render::Camera camera = session->startCamera(static_cast<float>(o.width) / static_cast<float>(o.height));
    render::FrameReport report;
    for (int i = 0; i < frames; ++i) {
        const double dt = i == 0 ? 0.0 : 1.0 / o.fps;
        session->update(dt, camera);
        if (i == 0) session->settleConstruction();
        stage.apply(renderer, dt);
        const auto started = std::chrono::steady_clock::now();
        render::CapturedFrame frame =
            render::downsample(render::renderTiled(capture, grid, camera, session->lighting()), quality.supersample);
        report.add(frame.stats,
                   std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
        const ui::CampusView view = session->view(stage.heatmapAvailable(), stage.legendMin_c(), stage.legendMax_c());
        captions.draw(frame.rgba, frame.width, frame.height, view.caption, view.captionAlpha);
        if (!o.framesDir.empty()) {
            char name[32];
            std::snprintf(name, sizeof(name), "frame_%05d.png", i);
            const std::string path = (std::filesystem::path(o.framesDir) / name).string();
            if (const std::string e = render::writePng(path, {frame.width, frame.height, frame.rgba}); !e.empty()) {
                endProgressLine();
                return badInput(e);
            }
        }
        if (ffmpeg && !ffmpeg->write(frame.rgba)) {
            endProgressLine();
            return failure("ffmpeg stopped reading frames");
        }
        progress(i + 1, frames);
    }
    if (ffmpeg && ffmpeg->close() != 0) return failure("ffmpeg failed writing " + o.out);
    if (!o.out.empty()) std::printf("%s\n", std::filesystem::absolute(o.out).string().c_str());
    if (!o.framesDir.empty()) std::printf("%s\n", std::filesystem::absolute(o.framesDir).string().c_str());
    if (o.stats) std::fprintf(stderr, "%s\n", report.report(context.allocator().stats()).c_str());
    return validationOutcome(global.validate, context.validationCounts());
}

}  // namespace ct::app
