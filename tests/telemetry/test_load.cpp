// The load test (label telemetry-load): a publisher sends a fixed number of QoS 0 values (60,000
// unless CT_LOAD_COUNT says otherwise) as fast as it can, through a real broker into the twin's
// ingest and the historian. Every value sent must be received, accepted and stored exactly once,
// with its value intact. How fast is a benchmark's question, not a test's:
// bench/bench_telemetry.cpp measures values per second against a baseline in the same run.
#include "mosquitto_broker.h"
#include "telemetry_test_support.h"

#include "twin/telemetry/ingest.h"
#include "twin/telemetry/mqtt_client.h"

#include <sqlite3.h>

#include <cstdio>
#include <map>

using namespace ct::twin::telemetry;

namespace {

std::uint64_t countOr(const char* name, std::uint64_t fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

// One integer from a query on the historian's file, read the way any other SQLite client would.
double queryNumber(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    INFO(sql << ": " << sqlite3_errmsg(db));
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    const double value = sqlite3_column_double(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

}  // namespace

TEST_CASE("load: every value sent through the broker is stored in the historian exactly once", "[telemetry-load]") {
    const std::uint64_t total = countOr("CT_LOAD_COUNT", 60000);
    ct::test::MosquittoBroker broker;
    BindingFile b = ct::test::binding(R"({"mqtt": {"qos": 0},
        "points": [{"topic": "campus/+/+", "entity": "{1}", "quantity": "{2}"},
                   {"topic": "campus/+/+/+", "entity": "{1}/{2}", "quantity": "{3}"}]})");
    BadDataLog bad;
    LastValueCache cache;
    const std::string file = ct::test::tempPath("load.db");
    HistorianOpen h = Historian::open(file, {.batchSize = 50000, .flushInterval_s = 0.25}, &bad);
    REQUIRE(h.historian);
    Ingest ingest(b, ct::test::abileneQuantities(), cache, h.historian.get(), bad);
    MqttSubscriber subscriber(b, ingest, bad);
    REQUIRE(subscriber.start({"127.0.0.1", broker.port()}).empty());
    MqttPublisher publisher({});
    REQUIRE(publisher.start({"127.0.0.1", broker.port()}).empty());
    REQUIRE(subscriber.waitConnected(10));
    REQUIRE(publisher.waitConnected(10));
    REQUIRE(ct::test::waitFor([&] { return subscriber.subscribed(); }));

    std::vector<std::string> topics;
    for (const ct::twin::Quantity& q : ct::test::abileneQuantities())
        topics.push_back("campus/" + q.entity + "/" + q.name);
    const double t0 = static_cast<double>(*ct::twin::parseIsoUtc("2026-07-15T00:00"));
    std::uint64_t sent = 0;
    std::uint64_t refused = 0;
    std::uint64_t valueSum = 0;
    std::map<std::string, std::uint64_t> perTopic;
    char payload[96];
    for (; sent < total; ++sent) {
        // Each quantity's own clock ticks 1 ms per round, so no time stamp repeats.
        const std::size_t k = sent % topics.size();
        const double t = t0 + static_cast<double>(sent / topics.size()) * 0.001;
        const std::uint64_t value = sent % 1000;
        const int n = std::snprintf(payload, sizeof payload, "{\"value\":%llu,\"time\":%.3f}",
                                    static_cast<unsigned long long>(value), t);
        if (!publisher.publish(topics[k], std::string_view(payload, static_cast<std::size_t>(n)), 0)) ++refused;
        valueSum += value;
        ++perTopic[topics[k]];
    }
    // Deadlines only guard against a hang; nothing here depends on how fast it went.
    const bool arrived = ct::test::waitFor([&] { return subscriber.messages() >= sent; }, 300);
    REQUIRE(h.historian->flush(300));
    const std::uint64_t stored = h.historian->rowCount();
    std::printf("values sent %llu (refused %llu), received %llu, accepted %llu, stored %llu; bad data: %s\n",
                static_cast<unsigned long long>(sent), static_cast<unsigned long long>(refused),
                static_cast<unsigned long long>(subscriber.messages()),
                static_cast<unsigned long long>(ingest.accepted()), static_cast<unsigned long long>(stored),
                bad.summary().empty() ? "none" : bad.summary().c_str());

    CHECK(arrived);
    CHECK(refused == 0);
    CHECK(bad.total() == 0);
    CHECK(subscriber.messages() == sent);  // nothing delivered twice
    CHECK(ingest.accepted() == sent);
    CHECK(stored == sent);  // count in == count stored
    // None duplicated, none altered: one row per (series, time), the values' sum as sent, and
    // each topic's count as sent.
    CHECK(queryNumber(file, "SELECT COUNT(*) FROM (SELECT DISTINCT series, time FROM samples)") ==
          static_cast<double>(sent));
    CHECK(queryNumber(file, "SELECT SUM(value) FROM samples") == static_cast<double>(valueSum));
    CHECK(queryNumber(file, "SELECT COUNT(*) FROM series") == static_cast<double>(perTopic.size()));
    CHECK(queryNumber(file, "SELECT MAX(n) - MIN(n) FROM (SELECT COUNT(*) AS n FROM samples GROUP BY series)") <= 1.0);
}
