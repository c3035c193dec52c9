#include "ui/kpi_history.h"

#include <algorithm>
#include <cmath>

namespace ct::ui {

RingBuffer::RingBuffer(std::size_t capacity) : values_(std::max<std::size_t>(capacity, 1), 0.0f) {}

void RingBuffer::push(float value) {
    values_[head_] = value;
    head_ = (head_ + 1) % values_.size();
    size_ = std::min(size_ + 1, values_.size());
}

float RingBuffer::operator[](std::size_t i) const {
    const std::size_t oldest = (head_ + values_.size() - size_) % values_.size();
    return values_[(oldest + i) % values_.size()];
}

std::vector<float> RingBuffer::toVector() const {
    std::vector<float> out(size_);
    for (std::size_t i = 0; i < size_; ++i)
        out[i] = (*this)[i];
    return out;
}

float RingBuffer::min() const {
    float m = size_ ? (*this)[0] : 0.0f;
    for (std::size_t i = 1; i < size_; ++i)
        m = std::min(m, (*this)[i]);
    return m;
}

float RingBuffer::max() const {
    float m = size_ ? (*this)[0] : 0.0f;
    for (std::size_t i = 1; i < size_; ++i)
        m = std::max(m, (*this)[i]);
    return m;
}

const char* seriesLabel(CampusSeries series) {
    switch (series) {
        case CampusSeries::ItMw:
            return "IT MW";
        case CampusSeries::FacilityMw:
            return "Facility MW";
        case CampusSeries::Pue:
            return "PUE";
        case CampusSeries::RenewableShare:
            return "Renewable %";
        case CampusSeries::GasMw:
            return "Gas MW";
        case CampusSeries::GridMw:
            return "Grid MW";
        case CampusSeries::SolarMw:
            return "Solar MW";
        case CampusSeries::WindMw:
            return "Wind MW";
        case CampusSeries::Count:
            break;
    }
    return "?";
}

const char* seriesLabel(BuildingSeries series) {
    switch (series) {
        case BuildingSeries::ItMw:
            return "IT MW";
        case BuildingSeries::CoolingMw:
            return "Cooling MW";
        case BuildingSeries::Pue:
            return "PUE";
        case BuildingSeries::SupplyC:
            return "Coolant supply C";
        case BuildingSeries::ReturnC:
            return "Coolant return C";
        case BuildingSeries::Count:
            break;
    }
    return "?";
}

KpiHistory::KpiHistory(KpiHistoryOptions options) : options_(options) {
    for (RingBuffer& series : campus_)
        series = RingBuffer(options_.campusSamples);
}

std::size_t KpiHistory::buildingCapacity() const {
    return static_cast<std::size_t>(std::ceil(options_.buildingWindow_s / options_.buildingInterval_s));
}

void KpiHistory::clear() {
    for (RingBuffer& series : campus_)
        series.clear();
    buildings_.clear();
    lastTime_ = -1e300;
    nextBuildingSample_ = -1e300;
}

void KpiHistory::record(const twin::StateSnapshot& s) {
    const double t = static_cast<double>(s.time);
    if (t < lastTime_) clear();
    lastTime_ = t;
    const twin::CampusKpis& k = s.campus;
    const float values[] = {float(k.it_mw),  float(k.facility_mw), float(k.pue),      float(k.renewableShare * 100.0),
                            float(k.gas_mw), float(k.grid_mw),     float(k.solar_mw), float(k.wind_mw)};
    for (std::size_t i = 0; i < campus_.size(); ++i)
        campus_[i].push(values[i]);

    if (t < nextBuildingSample_) return;
    // Sample on the interval's grid, so a fast clock skips samples rather than bunching them.
    nextBuildingSample_ = (std::floor(t / options_.buildingInterval_s) + 1.0) * options_.buildingInterval_s;
    for (const twin::BuildingSnapshot& b : s.buildings) {
        auto [it, added] = buildings_.try_emplace(b.id);
        if (added)
            for (RingBuffer& series : it->second)
                series = RingBuffer(buildingCapacity());
        const float bv[] = {float(b.it_mw), float(b.cooling_mw), float(b.pue), float(b.supply_c), float(b.return_c)};
        for (std::size_t i = 0; i < it->second.size(); ++i)
            it->second[i].push(bv[i]);
    }
}

const RingBuffer* KpiHistory::building(const std::string& id, BuildingSeries series) const {
    const auto it = buildings_.find(id);
    return it == buildings_.end() ? nullptr : &it->second[static_cast<std::size_t>(series)];
}

}  // namespace ct::ui
