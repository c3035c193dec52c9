// Telemetry throughput: values per second from an MQTT broker into the twin's ingest and the
// SQLite historian, against a baseline measured in the same run: the same values handed to the
// ingest directly (no broker, no sockets). The ratio is what the MQTT path costs; the baseline's
// rate is what the ingest and the historian can take at most. One iteration sends a batch of
// QoS 0 JSON values round-robin over the Phase 1 quantities and waits until the historian has
// committed every one. The tests (tests/telemetry/test_load.cpp) check that none is lost or
// duplicated; here only the speed is measured.
#include "mosquitto_broker.h"

#include "twin/scenario_loader.h"
#include "twin/simulation.h"
#include "twin/telemetry/ingest.h"
#include "twin/telemetry/mqtt_client.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace {

using namespace ct::twin::telemetry;

constexpr std::uint64_t kBatch = 50000;

const std::vector<ct::twin::Quantity>& phase1Quantities() {
    static const std::vector<ct::twin::Quantity> quantities = [] {
        const ct::twin::ScenarioResult loaded =
            ct::twin::loadScenario(std::string(CT_SCENARIO_DIR) + "/abilene.json");
        if (!loaded.ok()) throw std::runtime_error(loaded.error);
        const ct::twin::SimulationOptions options{
            .start = *ct::twin::parseIsoUtc("2026-07-15T12:00"), .step_s = 60.0, .phase = 1, .seed = 3};
        return ct::twin::Simulation(*loaded.scenario, options).current().quantities();
    }();
    return quantities;
}

// The pipeline under test: a binding for campus/<entity>/<quantity>, the ingest, a fresh historian.
struct Pipeline {
    BindingFile binding;
    BadDataLog bad;
    LastValueCache cache;
    std::unique_ptr<Historian> historian;
    std::unique_ptr<Ingest> ingest;
    std::vector<std::string> topics;
    double t0 = 0.0;
    std::uint64_t sent = 0;  // across iterations, so every time stamp is new

    explicit Pipeline(const std::string& name) {
        BindingResult parsed = parseBindingFile(R"({"mqtt": {"qos": 0},
            "points": [{"topic": "campus/+/+", "entity": "{1}", "quantity": "{2}"},
                       {"topic": "campus/+/+/+", "entity": "{1}/{2}", "quantity": "{3}"}]})",
                                                "bench.json", phase1Quantities());
        if (!parsed.binding) throw std::runtime_error(parsed.error);
        binding = *parsed.binding;
        const auto file = std::filesystem::temp_directory_path() / ("ct-bench-" + name + ".db");
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(file.string() + suffix);
        HistorianOpen opened = Historian::open(file, {.batchSize = 50000, .flushInterval_s = 0.25}, &bad);
        if (!opened.historian) throw std::runtime_error(opened.error);
        historian = std::move(opened.historian);
        ingest = std::make_unique<Ingest>(binding, phase1Quantities(), cache, historian.get(), bad);
        for (const ct::twin::Quantity& q : phase1Quantities())
            topics.push_back("campus/" + q.entity + "/" + q.name);
        t0 = static_cast<double>(*ct::twin::parseIsoUtc("2026-07-15T00:00"));
    }

    // Sends the next kBatch values, each through send(topic, payload).
    template <typename Send>
    void sendBatch(Send&& send) {
        char payload[96];
        for (std::uint64_t end = sent + kBatch; sent < end; ++sent) {
            const std::size_t k = sent % topics.size();
            const double t = t0 + static_cast<double>(sent / topics.size()) * 0.001;
            const int n = std::snprintf(payload, sizeof payload, "{\"value\":%llu,\"time\":%.3f}",
                                        static_cast<unsigned long long>(sent % 1000), t);
            send(topics[k], std::string_view(payload, static_cast<std::size_t>(n)));
        }
    }
};

void waitUntil(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    while (!done() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

// Baseline: the values handed to the ingest on this thread, then committed.
void telemetryIngestDirect(benchmark::State& state) {
    Pipeline p("direct");
    for (auto _ : state) {
        p.sendBatch([&](const std::string& topic, std::string_view payload) { p.ingest->onMessage(topic, payload, 0.0); });
        p.historian->flush(300);
    }
    if (p.ingest->accepted() != p.sent) state.SkipWithError("values lost");
    state.SetItemsProcessed(static_cast<std::int64_t>(p.sent));
}

// Through a real mosquitto broker on 127.0.0.1: publisher, broker, subscriber, ingest, historian.
void telemetryThroughBroker(benchmark::State& state) {
    Pipeline p("broker");
    ct::test::MosquittoBroker broker;
    MqttSubscriber subscriber(p.binding, *p.ingest, p.bad);
    MqttPublisher publisher({});
    if (!subscriber.start({"127.0.0.1", broker.port()}).empty() || !publisher.start({"127.0.0.1", broker.port()}).empty() ||
        !subscriber.waitConnected(10) || !publisher.waitConnected(10)) {
        state.SkipWithError("could not connect to the broker");
        return;
    }
    // Until the broker has acknowledged the subscriptions, a published value could pass by.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!subscriber.subscribed() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!subscriber.subscribed()) {
        state.SkipWithError("the broker did not acknowledge the subscriptions");
        return;
    }
    for (auto _ : state) {
        p.sendBatch([&](const std::string& topic, std::string_view payload) { publisher.publish(topic, payload, 0); });
        waitUntil([&] { return subscriber.messages() >= p.sent; });
        p.historian->flush(300);
    }
    if (p.ingest->accepted() != p.sent) state.SkipWithError("values lost");
    state.SetItemsProcessed(static_cast<std::int64_t>(p.sent));
}

}  // namespace

BENCHMARK(telemetryIngestDirect)->Unit(benchmark::kMillisecond)->Iterations(4)->UseRealTime();
BENCHMARK(telemetryThroughBroker)->Unit(benchmark::kMillisecond)->Iterations(4)->UseRealTime();
