#include "monitor_command.h"

#include "campus/wall_clock.h"
#include "twin/scenario_loader.h"
#include "twin/simulation.h"
#include "twin/telemetry/csv_replay.h"
#include "twin/telemetry/historian.h"
#include "twin/telemetry/ingest.h"
#include "twin/telemetry/measured_source.h"
#include "twin/telemetry/mqtt_client.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

namespace ct::app {

using namespace ct::campus;  // the campus library these commands call

namespace tel = twin::telemetry;

Outcome runMonitor(const MonitorOptions& o) {
    const twin::ScenarioResult loaded = twin::loadScenario(o.scenario);
    if (!loaded.ok()) return badInput(loaded.error);
    const twin::Scenario& scenario = *loaded.scenario;
    if (o.broker.empty() && o.replay.empty())
        return badInput("give --broker host:port or --replay file.csv");
    twin::SimulationOptions options{.step_s = o.step_s, .seed = o.seed};
    if (o.phase > 0) options.phase = o.phase;
    // Every quantity the campus can have: with all phases built, each building has its cooler banks.
    twin::SimulationOptions everything = options;
    everything.phase = std::max<int>(1, static_cast<int>(scenario.phases.size()));
    const std::vector<twin::Quantity> known = twin::Simulation(scenario, everything).current().quantities();
    const tel::BindingResult binding = tel::loadBindingFile(o.telemetry, known);
    if (!binding.binding) return badInput(binding.error);
    const tel::BindingFile& b = *binding.binding;
    if (!o.broker.empty() && !b.hasTopics()) return badInput(o.telemetry + ": binds no topic for --broker");
    if (!o.replay.empty() && !b.hasCsvColumns())
        return badInput(o.telemetry + ": binds no csv_column for --replay");

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
        if (!found) return badInput("--watch " + w + ": no such entity/quantity");
        columns.emplace_back(w.substr(0, slash), w.substr(slash + 1));
    }

    tel::BadDataLog bad;
    std::unique_ptr<tel::Historian> historian;
    if (!o.historian.empty()) {
        tel::HistorianOpen h = tel::Historian::open(o.historian, {.retention_s = o.retention_h * 3600.0}, &bad);
        if (!h.historian) return badInput(h.error);
        historian = std::move(h.historian);
    }
    tel::LastValueCache cache;
    tel::Ingest ingest(b, known, cache, historian.get(), bad);
    std::unique_ptr<tel::CsvReplay> replay;
    std::unique_ptr<tel::MqttSubscriber> subscriber;
    std::string startText = o.start;
    if (!o.replay.empty()) {
        tel::CsvReplayResult r = tel::loadCsvReplay(o.replay, ingest, b, bad);
        if (!r.replay) return badInput(r.error);
        replay = std::move(r.replay);
        if (startText.empty())
            startText = twin::formatIsoUtc(static_cast<twin::UtcSeconds>(std::floor(replay->firstTime())));
    } else {
        std::string problem;
        const auto address = tel::parseBrokerAddress(o.broker, problem);
        if (!address) return badInput("--broker " + problem);
        subscriber = std::make_unique<tel::MqttSubscriber>(b, ingest, bad);
        if (const std::string e = subscriber->start(*address); !e.empty()) return badInput(e);
        if (startText.empty()) startText = "now";
    }
    const auto start = startTime(startText);
    if (!start) return badInput("--start " + startText + ": not 'now' or an ISO 8601 time");
    options.start = *start;

    std::ofstream file;
    if (!o.out.empty()) {
        file.open(o.out, std::ios::binary);
        if (!file) return badInput(o.out + ": cannot open for writing");
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
    const WallClockPacer pacer(o.step_s, o.speed >= 0.0 ? o.speed : (replay ? 0.0 : 1.0));
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
    if (historian && !historian->flush()) std::fprintf(stderr, "warning: the historian did not drain\n");
    if (!out) return badInput((o.out.empty() ? std::string("standard output") : o.out) + ": write failed");
    std::fprintf(stderr, "%lld steps, %lld with measured values; %llu values received%s%s\n", steps + 1, measuredSteps,
                 static_cast<unsigned long long>(ingest.accepted()), bad.total() ? "; bad data: " : "",
                 bad.summary().c_str());
    return done();
}

}  // namespace ct::app
