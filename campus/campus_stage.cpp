#include "campus/campus_stage.h"

#include <cstdio>
#include <exception>

namespace ct::campus {

CampusStage::CampusStage(CampusSession& session, vk::Context& context, CampusStageOptions options)
    : session_(session), context_(context), options_(options) {}

CampusStage::~CampusStage() {
    release();
}

void CampusStage::release() {
    session_.setBeforeStep({});
    heat_.reset();
}

void CampusStage::apply(render::Renderer& renderer, double dt) {
    renderer.setNodeAnimations(session_.nodeAnimations());
    renderer.setPlumes(session_.plumes());
    // The lamps go with the scene: set again whenever the renderer was given a scene.
    if (renderer.gpuScene() != lampsSetFor_) {
        renderer.setLamps(session_.campus().lamps);
        lampsSetFor_ = renderer.gpuScene();
    }
    applyPowerFlows(renderer, dt);
    applyHeatmap(renderer);
}

void CampusStage::applyHeatmap(render::Renderer& renderer) {
    const ui::LayerSettings& layers = session_.layers();
    if (layers.heatmap && !heat_ && !heatFailed_) {
        try {
            const FieldBackendChoice solver = chooseFieldBackend(options_.backend, &context_.deviceInfo());
            HeatCouplingOptions heat;
            heat.cells = options_.heatmapCells;
            heat.backend = solver.backend;
            heat_ = std::make_unique<HeatCoupling>(session_.scenario(), session_.campus(), heat, &context_);
            std::fprintf(stderr, "%s\n", describe(solver).c_str());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "campus-twin: the heat map is unavailable: %s\n", e.what());
            heatFailed_ = true;
        }
    }
    if (!layers.heatmap) heat_.reset();
    // The field moves with the twin: one field step before each twin step.
    if (heat_)
        session_.setBeforeStep([this](twin::Simulation& sim, double step_s) { heat_->step(sim, step_s); });
    else
        session_.setBeforeStep({});

    const double ambient = session_.state().weather.ambient_c;
    legendMin_c_ = static_cast<float>(layers.autoRange ? ambient : layers.rangeMin_c);
    legendMax_c_ = static_cast<float>(layers.autoRange ? ambient + layers.autoSpan_k : layers.rangeMax_c);
    if (!heat_) {
        if (renderer.groundOverlay().enabled) renderer.setGroundOverlay({});
        return;
    }
    render::GroundOverlay overlay = heat_->overlay(ambient, legendMin_c_, legendMax_c_);
    overlay.colormap = layers.colormap;
    overlay.opacity = layers.opacity;
    overlay.contourStep = layers.contours ? layers.contourStep_k : 0.0f;
    renderer.setGroundOverlay(overlay);
}

void CampusStage::applyPowerFlows(render::Renderer& renderer, double dt) {
    flowClock_s_ += dt;
    renderer.setFlowTime(static_cast<float>(flowClock_s_));
    // Rebuilt every frame while shown (a few dozen arcs): the twin may have stepped, restarted at
    // the same instant or taken a measurement, and the standing phases may have changed.
    const bool shown = session_.layers().powerFlows;
    if (!shown && !flowsShown_) return;
    flowsShown_ = shown;
    const std::vector<render::FlowLine> lines = shown ? session_.powerFlowLines() : std::vector<render::FlowLine>{};
    renderer.setFlowLines(lines);
}

}  // namespace ct::campus
