// Screenshot export (campus/view_export.h) without a window: a renderer standing in for the
// window's, at a small extent with a heat-map overlay set, is exported larger than its extent in
// forced small tiles. The PNG must match a direct render at that size with the same state, the
// renderer must come back at its own extent and draw as before, and nothing may be reported by
// the validation layer. Bad sizes and unwritable places come back as errors.
#include "campus/view_export.h"
#include "render/data_dir.h"
#include "render/image_file.h"
#include "render/offscreen_capture.h"
#include "scene/load_gltf.h"
#include "support/pixel_difference.h"
#include "vk/uploader.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

namespace {

namespace fs = std::filesystem;

fs::path outputDir(const std::string& name) {
    const fs::path dir = fs::path(CT_TEST_OUTPUT_DIR) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// A shadowed plane with a box, under a west-to-east ramp as the ground overlay: the state a
// window's renderer would hold.
struct LiveRenderer {
    explicit LiveRenderer(VkExtent2D extent)
        : context({.validation = true, .quiet = true}), renderer(context, ct::render::shaderDir(), {.extent = extent}) {
        ct::scene::LoadResult loaded = ct::scene::loadGltf(fs::path(CT_TEST_DATA_DIR) / "shadow_plane.gltf");
        REQUIRE(loaded.ok());
        scene = std::move(*loaded.scene);
        camera = ct::render::cameraFromScene(scene, ct::render::findSceneCamera(scene, "main"));
        renderer.setScene(scene);
        const int n = 16;
        std::vector<float> ramp(n * n);
        for (int i = 0; i < n * n; ++i)
            ramp[i] = static_cast<float>(i % n);
        values = ct::vk::Buffer(context, {ramp.size() * sizeof(float),
                                          VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                          ct::vk::MemoryUsage::DeviceLocal, "overlay values"});
        ct::vk::Uploader uploader(context);
        uploader.toBuffer(values, 0, ramp.data(), ramp.size() * sizeof(float));
        uploader.submit();
        ct::render::GroundOverlay overlay;
        overlay.enabled = true;
        overlay.values = values.get();
        overlay.bytes = values.size();
        overlay.nx = n;
        overlay.nz = n;
        overlay.originX = -8.0f;
        overlay.originZ = -8.0f;
        overlay.rangeMax = 15.0f;
        overlay.colormap = ct::render::Colormap::Turbo;
        overlay.opacity = 0.8f;
        renderer.setGroundOverlay(overlay);
    }

    ct::vk::Context context;
    ct::render::Renderer renderer;
    ct::scene::Scene scene;
    ct::render::Camera camera;
    ct::render::Lighting lighting;
    ct::vk::Buffer values;
};

}  // namespace

TEST_CASE("a view exported larger than the renderer, in tiles, matches a direct render", "[export]") {
    LiveRenderer live({100, 60});
    ct::render::OffscreenCapture windowCapture(live.context, live.renderer);  // the window's own frames
    const ct::render::CapturedFrame before = windowCapture.render(live.camera, live.lighting);

    const fs::path dir = outputDir("view_export");
    ct::campus::ViewExport job;
    job.width = 320;
    job.height = 200;
    job.folder = dir / "shots";  // created on the way
    job.maxTile = 64;            // 5 x 4 tiles of 64 x 50
    const ct::ui::ScreenshotStatus done =
        ct::campus::exportView(live.context, live.renderer, live.camera, live.lighting, job);
    INFO(done.error);
    REQUIRE(done.error.empty());
    REQUIRE(fs::exists(done.path));
    CHECK(fs::path(done.path).parent_path() == fs::absolute(dir / "shots"));
    CHECK(fs::path(done.path).filename().string().rfind("campus-twin_", 0) == 0);
    CHECK(fs::path(done.path).filename().string().find("_320x200.png") != std::string::npos);

    // The window's renderer is back at its extent, with its state, and draws as before.
    CHECK(live.renderer.extent().width == 100);
    CHECK(live.renderer.extent().height == 60);
    CHECK(live.renderer.groundOverlay().enabled);
    const ct::render::CapturedFrame after = windowCapture.render(live.camera, live.lighting);
    CHECK(ct::test::compareImages(before.rgba, after.rgba, 0).pixels == 0);

    // The same state rendered whole at the export's size.
    ct::render::Renderer whole(live.context, ct::render::shaderDir(), {.extent = {320, 200}});
    whole.setScene(live.scene);
    whole.setGroundOverlay(live.renderer.groundOverlay());
    ct::render::OffscreenCapture wholeCapture(live.context, whole);
    const ct::render::CapturedFrame reference = wholeCapture.render(live.camera, live.lighting);

    ct::render::RgbaImage png;
    REQUIRE(ct::render::readPng(done.path, png).empty());
    REQUIRE(png.width == 320);
    REQUIRE(png.height == 200);
    const ct::test::ImageDifference d = ct::test::compareImages(reference.rgba, png.rgba, 12);
    INFO("pixels differing by more than 12: " << d.pixels << ", largest difference " << d.largest);
    CHECK(d.pixels < 320 * 200 / 200);  // < 0.5 %: a few seam pixels at most
    // The overlay is in the export: the ground's colour differs from the overlay-less render.
    ct::render::Renderer plain(live.context, ct::render::shaderDir(), {.extent = {320, 200}});
    plain.setScene(live.scene);
    ct::render::OffscreenCapture plainCapture(live.context, plain);
    const ct::test::ImageDifference fromPlain =
        ct::test::compareImages(plainCapture.render(live.camera, live.lighting).rgba, png.rgba, 12);
    CHECK(fromPlain.pixels > 320 * 200 / 10);

    CHECK(live.context.validationCounts().total() == 0);
}

TEST_CASE("screenshot names carry the time and size and never overwrite", "[export]") {
    const fs::path dir = outputDir("view_export_names");
    const std::time_t when = 1'780'000'000;
    const fs::path first = ct::campus::screenshotName(dir, 3840, 2160, when);
    CHECK(first.parent_path() == dir);
    CHECK(first.extension() == ".png");
    CHECK(first.filename().string().find("_3840x2160") != std::string::npos);
    std::ofstream(first) << "taken";
    const fs::path second = ct::campus::screenshotName(dir, 3840, 2160, when);
    CHECK(second != first);
    CHECK(second.filename().string().find("_3840x2160-2.png") != std::string::npos);
}

TEST_CASE("a screenshot that cannot be written or is out of range is an error, not a crash", "[export]") {
    LiveRenderer live({100, 60});
    const fs::path dir = outputDir("view_export_errors");
    std::ofstream(dir / "a_file") << "not a folder";

    ct::campus::ViewExport job;
    job.width = 320;
    job.height = 200;
    job.folder = dir / "a_file" / "shots";  // below a file: cannot be created
    ct::ui::ScreenshotStatus done =
        ct::campus::exportView(live.context, live.renderer, live.camera, live.lighting, job);
    CHECK_FALSE(done.error.empty());
    CHECK(done.path.empty());

    job.folder.clear();
    job.path = dir / "a_file" / "x.png";
    done = ct::campus::exportView(live.context, live.renderer, live.camera, live.lighting, job);
    CHECK_FALSE(done.error.empty());

    job.path = dir / "too_big.png";
    job.width = 7681;
    job.height = 4320;
    done = ct::campus::exportView(live.context, live.renderer, live.camera, live.lighting, job);
    CHECK(done.error.find("out of range") != std::string::npos);
    job.width = 0;
    job.height = 0;
    done = ct::campus::exportView(live.context, live.renderer, live.camera, live.lighting, job);
    CHECK_FALSE(done.error.empty());
    CHECK_FALSE(fs::exists(dir / "too_big.png"));

    CHECK(live.renderer.extent().width == 100);
    CHECK(live.renderer.extent().height == 60);
    CHECK(live.context.validationCounts().total() == 0);
}
