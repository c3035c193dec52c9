// KPI history: what the sparklines and the inspector's plots draw. The campus series keep the
// last N snapshots recorded (one per frame's twin step); each building keeps the last 24 hours
// of simulated time at a fixed sample interval (5 minutes by default), however fast the clock
// runs. Time going backwards (a jump) clears everything: the plots never mix two timelines.
//
//   KpiHistory history;
//   history.record(sim.current());
//   const RingBuffer& pue = history.campus(CampusSeries::Pue);
#pragma once

#include "twin/state.h"

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace ct::ui {

// A fixed-capacity buffer that overwrites its oldest value; index 0 is the oldest kept.
class RingBuffer {
public:
    explicit RingBuffer(std::size_t capacity = 1);
    void push(float value);
    void clear() {
        size_ = 0;
        head_ = 0;
    }
    std::size_t size() const { return size_; }
    std::size_t capacity() const { return values_.size(); }
    float operator[](std::size_t i) const;  // 0 = oldest
    float latest() const { return size_ ? (*this)[size_ - 1] : 0.0f; }
    std::vector<float> toVector() const;  // oldest first: what ImGui::PlotLines takes
    float min() const;
    float max() const;

private:
    std::vector<float> values_;
    std::size_t head_ = 0;  // where the next value goes
    std::size_t size_ = 0;
};

enum class CampusSeries { ItMw, FacilityMw, Pue, RenewableShare, GasMw, GridMw, SolarMw, WindMw, Count };
enum class BuildingSeries { ItMw, CoolingMw, Pue, SupplyC, ReturnC, Count };
const char* seriesLabel(CampusSeries series);  // "IT MW"
const char* seriesLabel(BuildingSeries series);

struct KpiHistoryOptions {
    std::size_t campusSamples = 600;
    double buildingWindow_s = 86400.0;  // 24 h
    double buildingInterval_s = 300.0;  // one sample per 5 simulated minutes
};

class KpiHistory {
public:
    using BuildingHistory = std::array<RingBuffer, static_cast<std::size_t>(BuildingSeries::Count)>;

    explicit KpiHistory(KpiHistoryOptions options = {});

    void record(const twin::StateSnapshot& state);
    void clear();

    const RingBuffer& campus(CampusSeries series) const { return campus_[static_cast<std::size_t>(series)]; }
    // nullptr for a building never recorded.
    const RingBuffer* building(const std::string& id, BuildingSeries series) const;
    std::size_t buildingCapacity() const;

private:
    KpiHistoryOptions options_;
    std::array<RingBuffer, static_cast<std::size_t>(CampusSeries::Count)> campus_;
    std::map<std::string, BuildingHistory> buildings_;
    double lastTime_ = -1e300;
    double nextBuildingSample_ = -1e300;
};

}  // namespace ct::ui
