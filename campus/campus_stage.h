// CampusStage: what the renderer draws of a CampusSession beyond the scene itself, the same for
// the window and the headless tour exporter: every node's look (phases rising and sinking in
// scaffolding, hidden layers), the power-flow lines and their moving dashes, and the heat map
// (the air field computed on the renderer's device, coupled into the twin's steps).
//
//   CampusStage stage(session, context, {.heatmapCells = 256});
//   renderer.setScene(session.campus().scene);   // once
//   session.update(dt, camera);
//   stage.apply(renderer, dt);                   // before recording each frame
//   renderer.record(frame, camera, session.lighting());
#pragma once

#include "campus/campus_session.h"
#include "campus/heat_coupling.h"
#include "render/renderer.h"

#include <memory>
#include <string>

namespace ct::campus {

struct CampusStageOptions {
    int heatmapCells = 256;        // per side of the air field
    std::string backend = "auto";  // its solver: auto, gpu or cpu (campus/field_backend.h)
};

class CampusStage {
public:
    // The context must outlive the stage (the heat field lives on it).
    CampusStage(CampusSession& session, vk::Context& context, CampusStageOptions options = {});
    ~CampusStage();
    CampusStage(const CampusStage&) = delete;
    CampusStage& operator=(const CampusStage&) = delete;

    // Brings the renderer (showing the session's campus) up to the session's state after
    // session.update(dt).
    void apply(render::Renderer& renderer, double dt);
    // Frees the heat field (its GPU buffers) while the device still exists.
    void release();

    bool heatmapAvailable() const { return !heatFailed_; }
    // The heat map's colour range in use, for the legend.
    float legendMin_c() const { return legendMin_c_; }
    float legendMax_c() const { return legendMax_c_; }

private:
    void applyHeatmap(render::Renderer& renderer);
    void applyPowerFlows(render::Renderer& renderer, double dt);

    CampusSession& session_;
    vk::Context& context_;
    CampusStageOptions options_;
    std::unique_ptr<HeatCoupling> heat_;  // created when the layer is first shown
    bool heatFailed_ = false;
    float legendMin_c_ = 0.0f;
    float legendMax_c_ = 1.0f;
    // The power-flow layer: its dash clock, and whether lines were set last frame.
    double flowClock_s_ = 0.0;
    bool flowsShown_ = false;
    const render::GpuScene* lampsSetFor_ = nullptr;  // the renderer's scene the lamps were set for
};

}  // namespace ct::campus
