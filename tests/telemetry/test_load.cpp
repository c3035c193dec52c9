// The load test (label telemetry-load): a publisher sends QoS 0 values at a fixed rate (50,000
// per second for 60 s unless CT_LOAD_RATE / CT_LOAD_SECONDS say otherwise) through a real
// broker into the twin's ingest and the historian; every value sent must be stored. The
// figures (rate achieved, CPU of this process and of the broker) are printed and written to
// test-output/telemetry/load.txt for docs/BENCHMARKS.md.
#include "mosquitto_broker.h"
#include "telemetry_test_support.h"

#include "twin/telemetry/ingest.h"
#include "twin/telemetry/mqtt_client.h"

#include <sys/resource.h>

#include <cstdio>
#include <fstream>
#include <sstream>

using namespace ct::twin::telemetry;

namespace {

double envOr(const char* name, double fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atof(v) : fallback;
}

double processCpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

// utime + stime of another process, from /proc/PID/stat (fields 14 and 15, in clock ticks).
double childCpuSeconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t close = text.rfind(')');
    if (close == std::string::npos) return 0.0;
    std::istringstream fields(text.substr(close + 2));
    std::string skip;
    for (int i = 3; i < 14; ++i)
        fields >> skip;
    double utime = 0.0;
    double stime = 0.0;
    fields >> utime >> stime;
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace

TEST_CASE("load: values per second through the broker into the twin and the historian, none lost", "[telemetry-load]") {
    const double rate = envOr("CT_LOAD_RATE", 50000.0);
    const double seconds = envOr("CT_LOAD_SECONDS", 60.0);
    const double minRate = envOr("CT_LOAD_MIN_RATE", rate * 0.95);
    ct::test::MosquittoBroker broker;
    BindingFile b = ct::test::binding(R"({"mqtt": {"qos": 0},
        "points": [{"topic": "campus/+/+", "entity": "{1}", "quantity": "{2}"},
                   {"topic": "campus/+/+/+", "entity": "{1}/{2}", "quantity": "{3}"}]})");
    BadDataLog bad;
    LastValueCache cache;
    HistorianOpen h =
        Historian::open(ct::test::tempPath("load.db"), {.batchSize = 50000, .flushInterval_s = 0.25}, &bad);
    REQUIRE(h.historian);
    Ingest ingest(b, ct::test::abileneQuantities(), cache, h.historian.get(), bad);
    MqttSubscriber subscriber(b, ingest, bad);
    REQUIRE(subscriber.start({"127.0.0.1", broker.port()}).empty());
    MqttPublisher publisher({});
    REQUIRE(publisher.start({"127.0.0.1", broker.port()}).empty());
    REQUIRE(subscriber.waitConnected(10));
    REQUIRE(publisher.waitConnected(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    std::vector<std::string> topics;
    for (const ct::twin::Quantity& q : ct::test::abileneQuantities())
        topics.push_back("campus/" + q.entity + "/" + q.name);
    const double t0 = static_cast<double>(*ct::twin::parseIsoUtc("2026-07-15T00:00"));
    const double cpuBefore = processCpuSeconds();
    const double brokerCpuBefore = childCpuSeconds(broker.pid());
    const auto start = std::chrono::steady_clock::now();
    const auto total = static_cast<std::uint64_t>(rate * seconds);
    std::uint64_t sent = 0;
    std::uint64_t refused = 0;
    char payload[96];
    while (sent < total) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const auto due = std::min(total, static_cast<std::uint64_t>(elapsed * rate) + 1);
        if (sent >= due) {
            std::this_thread::sleep_for(std::chrono::microseconds(500));
            continue;
        }
        for (; sent < due; ++sent) {
            // Each quantity's own clock ticks 1 ms per round, so no time stamp repeats.
            const std::size_t k = sent % topics.size();
            const double t = t0 + static_cast<double>(sent / topics.size()) * 0.001;
            const int n = std::snprintf(payload, sizeof payload, "{\"value\":%llu,\"time\":%.3f}",
                                        static_cast<unsigned long long>(sent % 1000), t);
            if (!publisher.publish(topics[k], std::string_view(payload, static_cast<std::size_t>(n)), 0)) ++refused;
        }
    }
    const double sendSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const bool arrived = ct::test::waitFor([&] { return subscriber.messages() >= sent; }, 120);
    const double receiveSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(h.historian->flush(120));
    const double storeSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = processCpuSeconds() - cpuBefore;
    const double brokerCpu = childCpuSeconds(broker.pid()) - brokerCpuBefore;
    const std::uint64_t stored = h.historian->rowCount();

    std::ostringstream report;
    report << "values sent " << sent << " (refused " << refused << ") in " << sendSeconds
           << " s: " << static_cast<double>(sent) / sendSeconds << " values/s offered\n"
           << "received " << subscriber.messages() << " by " << receiveSeconds << " s, accepted " << ingest.accepted()
           << ", stored " << stored << " by " << storeSeconds << " s: " << static_cast<double>(stored) / storeSeconds
           << " values/s end to end\n"
           << "CPU: test process (publisher + subscriber + historian) " << cpu << " s = " << 100.0 * cpu / storeSeconds
           << "% of one core; broker " << brokerCpu << " s = " << 100.0 * brokerCpu / storeSeconds << "%\n"
           << "bad data: " << (bad.summary().empty() ? "none" : bad.summary()) << "\n";
    std::printf("%s", report.str().c_str());
    std::ofstream(ct::test::tempPath("load.txt")) << report.str();

    CHECK(arrived);
    CHECK(refused == 0);
    CHECK(bad.total() == 0);
    CHECK(ingest.accepted() == sent);
    CHECK(stored == sent);  // count in == count stored
    CHECK(static_cast<double>(stored) / storeSeconds >= minRate);
}
