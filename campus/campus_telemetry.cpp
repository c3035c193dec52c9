#include "campus/campus_telemetry.h"

#include "twin/simulation.h"

#include <algorithm>
#include <cmath>

namespace ct::campus {

namespace tel = twin::telemetry;

CampusTelemetry::CampusTelemetry(tel::BindingFile binding, std::vector<twin::Quantity> known)
    : binding_(std::move(binding)), known_(std::move(known)), ingest_(binding_, known_, cache_, nullptr, bad_) {}

std::string CampusTelemetry::connect(const tel::BrokerAddress& broker) {
    subscriber_ = std::make_unique<tel::MqttSubscriber>(binding_, ingest_, bad_);
    return subscriber_->start(broker);
}

std::string CampusTelemetry::replay(const std::string& csv) {
    tel::CsvReplayResult r = tel::loadCsvReplay(csv, ingest_, binding_, bad_);
    if (!r.replay) return r.error;
    replay_ = std::move(r.replay);
    return {};
}

tel::MeasuredSourceOptions CampusTelemetry::overlayOptions() {
    tel::MeasuredSourceOptions options{.staleAfter_s = binding_.staleAfter_s};
    if (replay_) options.beforeOverlay = [this](tel::TimeSeconds t) { replay_->feedUntil(t); };
    return options;
}

twin::UtcSeconds CampusTelemetry::startTime() const {
    const double t = replay_ ? replay_->firstTime() : tel::wallClockNow();
    return static_cast<twin::UtcSeconds>(std::floor(t / 60.0) * 60.0);
}

CampusTelemetryResult openCampusTelemetry(const twin::Scenario& scenario, const CampusTelemetryLaunch& launch) {
    if (launch.broker.empty() == launch.replay.empty())
        return {nullptr, "--telemetry needs --broker host:port or --replay file.csv (one of them)"};
    // Every quantity the campus can have: with all phases built, each building has its cooler banks.
    twin::SimulationOptions everything;
    everything.phase = std::max<int>(1, static_cast<int>(scenario.phases.size()));
    std::vector<twin::Quantity> known = twin::Simulation(scenario, everything).current().quantities();
    tel::BindingResult loaded = tel::loadBindingFile(launch.binding, known);
    if (!loaded.binding) return {nullptr, loaded.error};
    const tel::BindingFile& b = *loaded.binding;
    if (!launch.broker.empty() && !b.hasTopics()) return {nullptr, launch.binding + ": binds no topic for --broker"};
    if (!launch.replay.empty() && !b.hasCsvColumns())
        return {nullptr, launch.binding + ": binds no csv_column for --replay"};
    auto telemetry = std::make_unique<CampusTelemetry>(std::move(*loaded.binding), std::move(known));
    if (!launch.replay.empty()) {
        if (std::string e = telemetry->replay(launch.replay); !e.empty()) return {nullptr, e};
        return {std::move(telemetry), {}};
    }
    std::string problem;
    const auto address = tel::parseBrokerAddress(launch.broker, problem);
    if (!address) return {nullptr, "--broker " + problem};
    if (std::string e = telemetry->connect(*address); !e.empty()) return {nullptr, e};
    return {std::move(telemetry), {}};
}

std::string bindCampusTelemetry(LiveCampus& live, const CampusTelemetryLaunch& launch, SessionOptions& session) {
    CampusTelemetryResult opened = openCampusTelemetry(live.scenario(), launch);
    if (!opened.telemetry) return opened.error;
    session.start = twin::formatIsoUtc(opened.telemetry->startTime());
    if (opened.telemetry->live()) session.speed = 1.0;  // measurements are stamped with the wall clock
    live.attachTelemetry(std::move(opened.telemetry));
    return {};
}

}  // namespace ct::campus
