#include "campus/power_flows.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ct::campus {

namespace {

const glm::vec3* find(const std::map<std::string, glm::vec3>& anchors, const std::string& id) {
    const auto it = anchors.find(id);
    return it == anchors.end() ? nullptr : &it->second;
}

// `weights` scaled to add up to `total`; equal shares when the weights carry no information.
std::vector<double> shares(const std::vector<double>& weights, double total) {
    std::vector<double> result(weights.size(), 0.0);
    if (weights.empty() || !std::isfinite(total)) return result;
    double sum = 0.0;
    for (const double w : weights)
        sum += std::isfinite(w) ? std::max(w, 0.0) : 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double w = std::isfinite(weights[i]) ? std::max(weights[i], 0.0) : 0.0;
        result[i] = sum > 0.0 ? total * w / sum : total / static_cast<double>(weights.size());
    }
    return result;
}

// Groups turbines (by index) so that any two closer than kWindFarmLink_m share a group: the
// connected components of the "closer than" graph, in the turbines' order.
std::vector<std::vector<std::size_t>> groupByDistance(const std::vector<glm::vec2>& positions) {
    std::vector<std::size_t> parent(positions.size());
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    auto root = [&](std::size_t i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    const float link = static_cast<float>(kWindFarmLink_m);
    for (std::size_t i = 0; i < positions.size(); ++i)
        for (std::size_t j = i + 1; j < positions.size(); ++j)
            if (glm::distance(positions[i], positions[j]) < link)
                parent[std::max(root(i), root(j))] = std::min(root(i), root(j));
    std::map<std::size_t, std::size_t> groupOfRoot;
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const auto [it, added] = groupOfRoot.emplace(root(i), groups.size());
        if (added) groups.emplace_back();
        groups[it->second].push_back(i);
    }
    return groups;
}

}  // namespace

const char* powerFlowKindName(PowerFlowKind kind) {
    switch (kind) {
        case PowerFlowKind::Solar:
            return "solar";
        case PowerFlowKind::Wind:
            return "wind";
        case PowerFlowKind::Gas:
            return "gas";
        case PowerFlowKind::Grid:
            return "grid";
        case PowerFlowKind::Battery:
            return "battery";
        case PowerFlowKind::Load:
            return "load";
    }
    return "?";
}

glm::vec3 powerFlowColor(PowerFlowKind kind) {
    switch (kind) {
        case PowerFlowKind::Solar:
            return {1.0f, 0.78f, 0.05f};
        case PowerFlowKind::Wind:
            return {0.05f, 0.8f, 1.0f};
        case PowerFlowKind::Gas:
            return {1.0f, 0.35f, 0.02f};
        case PowerFlowKind::Grid:
            return {0.55f, 0.2f, 1.0f};
        case PowerFlowKind::Battery:
            return {0.1f, 0.9f, 0.2f};
        case PowerFlowKind::Load:
            return {0.9f, 0.93f, 1.0f};
    }
    return glm::vec3(1.0f);
}

float powerFlowWidth(double mw, const PowerFlowOptions& options) {
    const double magnitude = std::isfinite(mw) ? std::abs(mw) : 0.0;
    const float width = options.widthPerSqrtMw_m * static_cast<float>(std::sqrt(magnitude));
    return std::clamp(width, options.minWidth_m, std::max(options.minWidth_m, options.maxWidth_m));
}

std::vector<glm::vec3> powerFlowArc(glm::vec3 from, glm::vec3 to) {
    const float length = glm::distance(from, to);
    const float lift = std::clamp(0.06f * length, 15.0f, 200.0f);
    std::vector<glm::vec3> points;
    points.reserve(kArcSamples);
    for (int i = 0; i < kArcSamples; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(kArcSamples - 1);
        glm::vec3 p = glm::mix(from, to, t);
        p.y += lift * std::sin(3.14159265f * t);
        points.push_back(p);
    }
    return points;
}

PowerFlowLayout powerFlowLayout(const twin::Scenario& scenario, const CampusScene& campus,
                                const std::set<std::string>* standing) {
    PowerFlowLayout layout;
    for (auto [id, top] : entityTops(campus)) {
        if (standing && id != scenario.substation.id && !standing->count(id)) continue;
        top.y = std::min(top.y, kMaxAnchor_m);
        layout.anchors.emplace(id, top);
    }

    std::vector<glm::vec2> positions;
    std::vector<const glm::vec3*> turbineAnchors;
    std::vector<const std::string*> turbineIds;
    for (const twin::Turbine& turbine : scenario.turbines) {
        const glm::vec3* anchor = find(layout.anchors, turbine.id);
        if (!anchor) continue;  // not standing at this phase
        positions.emplace_back(anchor->x, anchor->z);
        turbineAnchors.push_back(anchor);
        turbineIds.push_back(&turbine.id);
    }
    for (const std::vector<std::size_t>& group : groupByDistance(positions)) {
        WindFarm farm;
        farm.id = "wind-farm-" + std::to_string(layout.windFarms.size() + 1);
        for (const std::size_t i : group) {
            farm.turbines.push_back(*turbineIds[i]);
            farm.anchor += *turbineAnchors[i];
        }
        farm.anchor /= static_cast<float>(group.size());
        layout.windFarms.push_back(std::move(farm));
    }

    const glm::vec3* bus = find(layout.anchors, scenario.substation.id);
    if (!bus) return layout;
    layout.hasBus = true;
    layout.bus = *bus;
    // The grid arrives from the side of the substation away from the buildings.
    glm::vec2 centre(0.0f);
    int buildings = 0;
    for (const twin::Building& building : scenario.buildings) {
        if (const glm::vec3* anchor = find(layout.anchors, building.id)) {
            centre += glm::vec2(anchor->x, anchor->z);
            ++buildings;
        }
    }
    glm::vec2 outward(1.0f, 0.0f);
    if (buildings > 0) {
        const glm::vec2 away = glm::vec2(bus->x, bus->z) - centre / static_cast<float>(buildings);
        if (glm::length(away) > 1.0f) outward = glm::normalize(away);
    }
    layout.gridEntry = *bus + glm::vec3(outward.x, 0.0f, outward.y) * kGridEntryDistance_m;
    return layout;
}

std::vector<PowerFlow> powerFlows(const twin::Scenario& scenario, const PowerFlowLayout& layout,
                                  const twin::StateSnapshot& state, const PowerFlowOptions& options) {
    std::vector<PowerFlow> flows;
    if (!layout.hasBus) return flows;
    // One line from `at` to the bus (a source) or from the bus to `at` (a load).
    auto add = [&](PowerFlowKind kind, const std::string& entity, double mw, glm::vec3 at) {
        if (!std::isfinite(mw) || std::abs(mw) < options.minPower_mw) return;
        PowerFlow flow;
        flow.kind = kind;
        flow.entity = entity;
        flow.mw = mw;
        const bool load = kind == PowerFlowKind::Load;
        flow.line.points = load ? powerFlowArc(layout.bus, at) : powerFlowArc(at, layout.bus);
        flow.line.width_m = powerFlowWidth(mw, options);
        flow.line.color = powerFlowColor(kind);
        flow.line.speed_mps = mw < 0.0 ? -options.speed_mps : options.speed_mps;
        flow.line.dashLength_m = options.dashLength_m;
        flows.push_back(std::move(flow));
    };

    // Solar farms share what the campus took in proportion to what each produced.
    std::vector<const twin::SolarFarm*> farms;
    std::vector<double> farmOutput;
    for (const twin::SolarFarm& farm : scenario.solarFarms) {
        if (!find(layout.anchors, farm.id)) continue;
        farms.push_back(&farm);
        double ac = 0.0;
        for (const twin::SolarFarmSnapshot& s : state.solarFarms)
            if (s.id == farm.id) ac = s.ac_mw;
        farmOutput.push_back(ac);
    }
    const std::vector<double> solar = shares(farmOutput, state.campus.solar_mw);
    for (std::size_t i = 0; i < farms.size(); ++i)
        add(PowerFlowKind::Solar, farms[i]->id, solar[i], layout.anchors.at(farms[i]->id));

    std::vector<double> windOutput;
    for (const WindFarm& farm : layout.windFarms) {
        double sum = 0.0;
        for (const twin::TurbineSnapshot& t : state.turbines)
            if (std::find(farm.turbines.begin(), farm.turbines.end(), t.id) != farm.turbines.end()) sum += t.power_mw;
        windOutput.push_back(sum);
    }
    const std::vector<double> wind = shares(windOutput, state.campus.wind_mw);
    for (std::size_t i = 0; i < layout.windFarms.size(); ++i)
        add(PowerFlowKind::Wind, layout.windFarms[i].id, wind[i], layout.windFarms[i].anchor);

    if (const glm::vec3* gas = find(layout.anchors, scenario.gasPlant.id))
        add(PowerFlowKind::Gas, scenario.gasPlant.id, state.campus.gas_mw, *gas);
    add(PowerFlowKind::Grid, "grid", state.campus.grid_mw, layout.gridEntry);

    std::vector<const twin::Battery*> batteries;
    std::vector<double> ratings;
    for (const twin::Battery& battery : scenario.batteries) {
        if (!find(layout.anchors, battery.id)) continue;
        batteries.push_back(&battery);
        ratings.push_back(battery.power_mw);
    }
    const std::vector<double> battery = shares(ratings, state.campus.battery_mw);
    for (std::size_t i = 0; i < batteries.size(); ++i)
        add(PowerFlowKind::Battery, batteries[i]->id, battery[i], layout.anchors.at(batteries[i]->id));

    for (const twin::BuildingSnapshot& building : state.buildings) {
        if (const glm::vec3* at = find(layout.anchors, building.id))
            add(PowerFlowKind::Load, building.id, building.facility_mw, *at);
    }
    return flows;
}

std::vector<render::FlowLine> powerFlowLines(const twin::Scenario& scenario, const PowerFlowLayout& layout,
                                             const twin::StateSnapshot& state, const PowerFlowOptions& options) {
    std::vector<render::FlowLine> lines;
    for (PowerFlow& flow : powerFlows(scenario, layout, state, options))
        lines.push_back(std::move(flow.line));
    return lines;
}

std::vector<render::FlowLine> powerFlowLines(const twin::Scenario& scenario, const CampusScene& campus,
                                             const twin::StateSnapshot& state, const PowerFlowOptions& options) {
    return powerFlowLines(scenario, powerFlowLayout(scenario, campus), state, options);
}

}  // namespace ct::campus
