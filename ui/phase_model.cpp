#include "ui/phase_model.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace ct::ui {

namespace {

// A missing or unreadable date never arrives (as in twin::Simulation).
twin::UtcSeconds dateOrNever(const std::string& iso) {
    const auto t = twin::parseIsoUtc(iso);
    return t ? *t : INT64_MAX;
}

}  // namespace

twin::BuildingState phaseStateAt(const twin::Phase& phase, twin::UtcSeconds t) {
    if (dateOrNever(phase.energised) <= t) return twin::BuildingState::Energised;
    if (dateOrNever(phase.constructionStart) <= t) return twin::BuildingState::UnderConstruction;
    return twin::BuildingState::NotBuilt;
}

PhaseModel::PhaseModel(const twin::Scenario& scenario)
    : scenario_(scenario), states_(scenario.phases.size(), twin::BuildingState::Energised) {}

const twin::Phase& PhaseModel::phase(int number) const {
    if (number < 1 || number > phaseCount()) throw std::out_of_range("no phase " + std::to_string(number));
    return scenario_.phases[static_cast<std::size_t>(number - 1)];
}

bool PhaseModel::siteStands(int number) const {
    for (int p = std::max(number, 1); p <= phaseCount(); ++p)
        if (phaseShown(p)) return true;
    return false;
}

twin::BuildingState PhaseModel::phaseState(int number) const {
    if (number < 1 || number > phaseCount()) return twin::BuildingState::NotBuilt;
    return states_[static_cast<std::size_t>(number - 1)];
}

void PhaseModel::set(int number, twin::BuildingState state) {
    auto& current = states_[static_cast<std::size_t>(number - 1)];
    if (current == state) return;
    current = state;
    ++revision_;
}

void PhaseModel::setPhaseShown(int number, bool shown) {
    if (number < 1 || number > phaseCount()) return;
    if (asOf_) ++revision_;
    asOf_.reset();
    set(number, shown ? twin::BuildingState::Energised : twin::BuildingState::NotBuilt);
}

void PhaseModel::showThrough(int n) {
    if (asOf_) ++revision_;
    asOf_.reset();
    for (int p = 1; p <= phaseCount(); ++p)
        set(p, p <= n ? twin::BuildingState::Energised : twin::BuildingState::NotBuilt);
}

void PhaseModel::setAsOf(twin::UtcSeconds t) {
    if (asOf_ != t) ++revision_;
    asOf_ = t;
    for (int p = 1; p <= phaseCount(); ++p)
        set(p, phaseStateAt(phase(p), t));
}

twin::BuildingState PhaseModel::buildingState(std::size_t buildingIndex) const {
    return phaseState(scenario_.buildings.at(buildingIndex).phase);
}

std::vector<std::string> PhaseModel::shownBuildings() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scenario_.buildings.size(); ++i)
        if (buildingState(i) != twin::BuildingState::NotBuilt) out.push_back(scenario_.buildings[i].id);
    return out;
}

int PhaseModel::highestShownPhase() const {
    int highest = 0;
    for (int p = 1; p <= phaseCount(); ++p)
        if (phaseShown(p)) highest = p;
    return highest;
}

bool PhaseModel::shownIsPrefix() const {
    const int highest = highestShownPhase();
    for (int p = 1; p <= highest; ++p)
        if (!phaseShown(p)) return false;
    return true;
}

}  // namespace ct::ui
