#include "telemetry_command.h"

#include "exit_codes.h"
#include "twin/scenario_loader.h"
#include "twin/simulation.h"
#include "twin/telemetry/csv_replay.h"
#include "twin/telemetry/ingest.h"
#include "twin/telemetry/measured_source.h"
#include "twin/telemetry/mqtt_client.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

namespace ct::app {

namespace tel = twin::telemetry;

namespace {

int badInput(const char* command, const std::string& message) {
    std::fprintf(stderr, "campus-twin %s: %s\n", command, message.c_str());
    return kExitBadInput;
}

// "now" (the current minute) or an ISO 8601 UTC time.
std::optional<twin::UtcSeconds> startTime(const std::string& text) {
    if (text == "now") return static_cast<twin::UtcSeconds>(std::floor(tel::wallClockNow() / 60.0) * 60.0);
    return twin::parseIsoUtc(text);
}

// Paces the simulation against the wall clock: step i is due at i * step / speed seconds.
class Pacer {
public:
    Pacer(double step_s, double speed) : step_s_(step_s), speed_(speed), start_(std::chrono::steady_clock::now()) {}
    void waitForStep(long long i) const {
        if (speed_ <= 0.0) return;
        std::this_thread::sleep_until(start_ +
                                      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                          std::chrono::duration<double>(static_cast<double>(i) * step_s_ / speed_)));
    }

private:
    double step_s_;
    double speed_;
    std::chrono::steady_clock::time_point start_;
};

struct LoadedTwin {
    std::optional<twin::ScenarioResult> loaded;
    twin::SimulationOptions options;
};

std::string publishPayload(const twin::Quantity& q, double time) {
    char value[64];
    std::snprintf(value, sizeof value, "%.9g", q.value);
    return std::string("{\"value\":") + value + ",\"time\":\"" + tel::formatTime(time) + "\",\"unit\":\"" + q.unit +
           "\",\"provenance\":\"" + twin::provenanceName(q.provenance) + "\"}";
}

}  // namespace

int runPublish(const PublishOptions& o) {
    const twin::ScenarioResult loaded = twin::loadScenario(o.scenario);
    if (!loaded.ok()) return std::fprintf(stderr, "%s\n", loaded.error.c_str()), kExitBadInput;
    std::string problem;
    const auto broker = tel::parseBrokerAddress(o.broker, problem);
    if (!broker) return badInput("publish", "--broker " + problem);
    const auto start = startTime(o.start);
    if (!start) return badInput("publish", "--start " + o.start + ": not 'now' or an ISO 8601 time");
    twin::SimulationOptions options{.start = *start, .step_s = o.step_s, .seed = o.seed};
    if (o.phase > 0) options.phase = o.phase;

    tel::MqttPublisher publisher({});
    if (const std::string e = publisher.start(*broker); !e.empty()) return badInput("publish", e);
    if (!publisher.waitConnected(10)) {
        std::fprintf(stderr, "campus-twin publish: no broker at %s after 10 s\n", o.broker.c_str());
        return kExitFailure;
    }
    twin::Simulation simulation(*loaded.scenario, options);
    const long long steps = std::llround(o.hours * 3600.0 / o.step_s);
    const Pacer pacer(o.step_s, o.speed);
    unsigned long long sent = 0;
    unsigned long long refused = 0;
    for (long long i = 0; i <= steps; ++i) {
        pacer.waitForStep(i);
        const twin::StateSnapshot& s = i == 0 ? simulation.current() : simulation.advance();
        for (const twin::Quantity& q : s.quantities()) {
            const bool ok = publisher.publish(o.topicPrefix + q.entity + "/" + q.name,
                                              publishPayload(q, static_cast<double>(s.time)), o.qos);
            ok ? ++sent : ++refused;
        }
    }
    // Let libmosquitto's thread hand over what is queued (at QoS 1: until the broker has
    // acknowledged it, also what was kept while the broker was away) before disconnecting.
    const bool drained = publisher.waitDelivered(sent, o.qos > 0 ? 60.0 : 5.0);
    std::string notes;
    if (publisher.keptWhileAway())
        notes += ", " + std::to_string(publisher.keptWhileAway()) + " of them kept while the broker was away";
    if (refused) notes += " (" + std::to_string(refused) + " refused)";
    std::fprintf(stderr, "%llu values published to %s in %lld steps, %llu delivered%s\n", sent, o.broker.c_str(),
                 steps + 1, static_cast<unsigned long long>(publisher.delivered()), notes.c_str());
    return refused || !drained ? kExitFailure : kExitOk;
}

int runMonitor(const MonitorOptions& o) {
    const twin::ScenarioResult loaded = twin::loadScenario(o.scenario);
    if (!loaded.ok()) return std::fprintf(stderr, "%s\n", loaded.error.c_str()), kExitBadInput;
    const twin::Scenario& scenario = *loaded.scenario;
    if (o.broker.empty() && o.replay.empty())
        return badInput("monitor", "give --broker host:port or --replay file.csv");
    twin::SimulationOptions options{.step_s = o.step_s, .seed = o.seed};
    if (o.phase > 0) options.phase = o.phase;
    // Every quantity the campus can have: with all phases built, each building has its cooler banks.
    twin::SimulationOptions everything = options;
    everything.phase = std::max<int>(1, static_cast<int>(scenario.phases.size()));
    const std::vector<twin::Quantity> known = twin::Simulation(scenario, everything).current().quantities();
    const tel::BindingResult binding = tel::loadBindingFile(o.telemetry, known);
    if (!binding.binding) return std::fprintf(stderr, "%s\n", binding.error.c_str()), kExitBadInput;
    const tel::BindingFile& b = *binding.binding;
    if (!o.broker.empty() && !b.hasTopics()) return badInput("monitor", o.telemetry + ": binds no topic for --broker");
    if (!o.replay.empty() && !b.hasCsvColumns())
        return badInput("monitor", o.telemetry + ": binds no csv_column for --replay");

    // Columns: every bound quantity whose name is known now, then --watch.
    std::vector<std::pair<std::string, std::string>> columns;
    for (const tel::BindingPoint& p : b.points)
        if (!p.templated()) columns.emplace_back(p.entity, p.quantity);
    for (const std::string& w : o.watch) {
        const std::size_t slash = w.rfind('/');
        bool found = false;
        for (const twin::Quantity& q : known)
            found = found ||
                    (slash != std::string::npos && q.entity == w.substr(0, slash) && q.name == w.substr(slash + 1));
        if (!found) return badInput("monitor", "--watch " + w + ": no such entity/quantity");
        columns.emplace_back(w.substr(0, slash), w.substr(slash + 1));
    }

    tel::BadDataLog bad;
    std::unique_ptr<tel::Historian> historian;
    if (!o.historian.empty()) {
        tel::HistorianOpen h = tel::Historian::open(o.historian, {.retention_s = o.retention_h * 3600.0}, &bad);
        if (!h.historian) return badInput("monitor", h.error);
        historian = std::move(h.historian);
    }
    tel::LastValueCache cache;
    tel::Ingest ingest(b, known, cache, historian.get(), bad);
    std::unique_ptr<tel::CsvReplay> replay;
    std::unique_ptr<tel::MqttSubscriber> subscriber;
    std::string startText = o.start;
    if (!o.replay.empty()) {
        tel::CsvReplayResult r = tel::loadCsvReplay(o.replay, ingest, b, bad);
        if (!r.replay) return badInput("monitor", r.error);
        replay = std::move(r.replay);
        if (startText.empty())
            startText = twin::formatIsoUtc(static_cast<twin::UtcSeconds>(std::floor(replay->firstTime())));
    } else {
        std::string problem;
        const auto address = tel::parseBrokerAddress(o.broker, problem);
        if (!address) return badInput("monitor", "--broker " + problem);
        subscriber = std::make_unique<tel::MqttSubscriber>(b, ingest, bad);
        if (const std::string e = subscriber->start(*address); !e.empty()) return badInput("monitor", e);
        if (startText.empty()) startText = "now";
    }
    const auto start = startTime(startText);
    if (!start) return badInput("monitor", "--start " + startText + ": not 'now' or an ISO 8601 time");
    options.start = *start;

    std::ofstream file;
    if (!o.out.empty()) {
        file.open(o.out, std::ios::binary);
        if (!file) return badInput("monitor", o.out + ": cannot open for writing");
    }
    std::ostream& out = o.out.empty() ? std::cout : file;
    out << "time,measured_count";
    for (const auto& [entity, name] : columns)
        out << ',' << entity << '/' << name << ',' << entity << '/' << name << "_provenance";
    out << '\n';

    twin::Simulation simulation(scenario, options);
    tel::MeasuredSourceOptions overlay{.staleAfter_s = b.staleAfter_s, .historian = historian.get()};
    if (replay) overlay.beforeOverlay = [&](double t) { replay->feedUntil(t); };
    tel::MeasuredSource twinSource(simulation, cache, overlay);
    const long long steps = std::llround(o.hours * 3600.0 / o.step_s);
    const Pacer pacer(o.step_s, o.speed >= 0.0 ? o.speed : (replay ? 0.0 : 1.0));
    long long measuredSteps = 0;
    for (long long i = 0; i <= steps; ++i) {
        pacer.waitForStep(i);
        const twin::StateSnapshot& s = i == 0 ? twinSource.current() : twinSource.advance();
        measuredSteps += twinSource.measuredCount() > 0;
        out << twin::formatIsoUtc(s.time) << ',' << twinSource.measuredCount();
        const std::vector<twin::Quantity> quantities = twinSource.quantities();
        for (const auto& [entity, name] : columns) {
            for (const twin::Quantity& q : quantities) {
                if (q.entity != entity || q.name != name) continue;
                char value[48];
                std::snprintf(value, sizeof value, ",%.6g,", q.value);
                out << value << twin::provenanceName(q.provenance);
            }
        }
        out << '\n';
    }
    out.flush();
    if (historian && !historian->flush()) std::fprintf(stderr, "campus-twin monitor: the historian did not drain\n");
    if (!out) return badInput("monitor", (o.out.empty() ? std::string("standard output") : o.out) + ": write failed");
    std::fprintf(stderr, "%lld steps, %lld with measured values; %llu values received%s%s\n", steps + 1, measuredSteps,
                 static_cast<unsigned long long>(ingest.accepted()), bad.total() ? "; bad data: " : "",
                 bad.summary().c_str());
    return kExitOk;
}

}  // namespace ct::app
