#include "publish_command.h"

#include "campus/wall_clock.h"
#include "twin/scenario_loader.h"
#include "twin/simulation.h"
#include "twin/telemetry/payload.h"
#include "twin/telemetry/mqtt_client.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace ct::app {

using namespace ct::campus;  // the campus library these commands call

namespace tel = twin::telemetry;

namespace {

std::string publishPayload(const twin::Quantity& q, double time) {
    char value[64];
    std::snprintf(value, sizeof value, "%.9g", q.value);
    return std::string("{\"value\":") + value + ",\"time\":\"" + tel::formatTime(time) + "\",\"unit\":\"" + q.unit +
           "\",\"provenance\":\"" + twin::provenanceName(q.provenance) + "\"}";
}

}  // namespace

Outcome runPublish(const PublishOptions& o) {
    const twin::ScenarioResult loaded = twin::loadScenario(o.scenario);
    if (!loaded.ok()) return badInput(loaded.error);
    std::string problem;
    const auto broker = tel::parseBrokerAddress(o.broker, problem);
    if (!broker) return badInput("--broker " + problem);
    const auto start = startTime(o.start);
    if (!start) return badInput("--start " + o.start + ": not 'now' or an ISO 8601 time");
    twin::SimulationOptions options{.start = *start, .step_s = o.step_s, .seed = o.seed};
    if (o.phase > 0) options.phase = o.phase;

    tel::MqttPublisher publisher({});
    if (const std::string e = publisher.start(*broker); !e.empty()) return badInput(e);
    if (!publisher.waitConnected(10)) return failure("no broker at " + o.broker + " after 10 s");
    twin::Simulation simulation(*loaded.scenario, options);
    const long long steps = std::llround(o.hours * 3600.0 / o.step_s);
    const WallClockPacer pacer(o.step_s, o.speed);
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
    if (refused) return failure(std::to_string(refused) + " values refused by libmosquitto");
    if (!drained) return failure("not every value was delivered before the broker went quiet");
    return done();
}

}  // namespace ct::app
