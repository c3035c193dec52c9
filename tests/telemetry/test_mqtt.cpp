// Telemetry through a real mosquitto broker on a free loopback port: published values show up
// measured, the broker is killed and restarted mid-stream and the client comes back, bad data
// over the wire is counted, and every value that arrived is in the historian.
#include "mosquitto_broker.h"
#include "telemetry_test_support.h"

#include "twin/telemetry/ingest.h"
#include "twin/telemetry/measured_source.h"
#include "twin/telemetry/mqtt_client.h"

#include <sqlite3.h>

using namespace ct::twin::telemetry;
using ct::twin::Provenance;

namespace {

const double kNoon = static_cast<double>(*ct::twin::parseIsoUtc("2026-07-15T12:00"));

BrokerAddress address(const ct::test::MosquittoBroker& broker) {
    return {"127.0.0.1", broker.port()};
}

std::string value(double v, double t, const char* unit = "MW") {
    return R"({"value": )" + std::to_string(v) + R"(, "time": ")" + formatTime(t) + R"(", "unit": ")" + unit + "\"}";
}

}  // namespace

TEST_CASE("values published to the broker show up measured, unbound quantities stay simulated", "[telemetry][mqtt]") {
    ct::test::MosquittoBroker broker;
    for (int qos : {0, 1}) {
        DYNAMIC_SECTION("QoS " << qos) {
            BindingFile b = ct::test::binding(R"({"points": [
                {"topic": "campus/+/it_power", "entity": "{1}", "quantity": "it_power"},
                {"topic": "meters/b2/supply", "entity": "bldg-02", "quantity": "coolant_supply_temperature",
                 "unit": "degF"}]})");
            b.mqtt.qos = qos;
            BadDataLog bad([](const std::string&) {});
            LastValueCache cache;
            Ingest ingest(b, ct::test::abileneQuantities(), cache, nullptr, bad);
            MqttSubscriber subscriber(b, ingest, bad);
            REQUIRE(subscriber.start(address(broker)).empty());
            MqttPublisher publisher({});
            REQUIRE(publisher.start(address(broker)).empty());
            REQUIRE(subscriber.waitConnected(10));
            REQUIRE(publisher.waitConnected(10));
            // The subscription is sent on connect: wait for the broker to acknowledge it.
            REQUIRE(ct::test::waitFor([&] { return subscriber.subscribed(); }));
            REQUIRE(publisher.publish("campus/bldg-01/it_power", value(77.0, kNoon + 60), qos));
            REQUIRE(publisher.publish("campus/bldg-03/it_power", value(55000, kNoon + 60, "kW"), qos));
            REQUIRE(publisher.publish("meters/b2/supply", "95", qos));  // plain number, time of arrival
            REQUIRE(ct::test::waitFor([&] { return ingest.accepted() == 3; }));

            ct::twin::Simulation sim(ct::test::abilene(), ct::test::abileneOptions());
            MeasuredSource twin(sim, cache, {.staleAfter_s = 300});
            const ct::twin::StateSnapshot& s = twin.advance();
            CHECK(s.buildings.at(0).it_mw == 77.0);
            CHECK(s.buildings.at(2).it_mw == Approx(55.0));
            CHECK(twin.provenance("bldg-01", "it_power") == Provenance::Measured);
            CHECK(twin.provenance("bldg-03", "it_power") == Provenance::Measured);
            // The plain number carries today's time, far from the simulated 2026 noon: stale.
            CHECK(twin.provenance("bldg-02", "coolant_supply_temperature") == Provenance::Simulated);
            LastValue supply;
            REQUIRE(cache.find("bldg-02", "coolant_supply_temperature", supply));
            CHECK(supply.value == Approx(35.0));
            CHECK(twin.provenance("bldg-02", "it_power") == Provenance::Simulated);
            CHECK(twin.provenance("campus", "it_power") == Provenance::Simulated);
            CHECK(bad.total() == 0);
        }
    }
}

TEST_CASE(
    "broker killed mid-stream and restarted: the client reconnects, nothing that arrived is lost, "
    "and values queued while the historian was busy are kept",
    "[telemetry][mqtt][restart]") {
    ct::test::MosquittoBroker broker;
    BindingFile b = ct::test::binding(R"({"mqtt": {"qos": 1, "reconnect_min_s": 1, "reconnect_max_s": 2},
        "points": [{"topic": "campus/+/it_power", "entity": "{1}", "quantity": "it_power"}]})");
    const std::string path = ct::test::tempPath("restart.db");
    std::vector<std::string> log;
    BadDataLog bad([&](const std::string& line) { log.push_back(line); });
    HistorianOpen h = Historian::open(path, {.flushInterval_s = 0.02}, &bad);
    REQUIRE(h.historian);
    LastValueCache cache;
    Ingest ingest(b, ct::test::abileneQuantities(), cache, h.historian.get(), bad);
    MqttSubscriber subscriber(b, ingest, bad);
    REQUIRE(subscriber.start(address(broker)).empty());
    REQUIRE(subscriber.waitConnected(10));
    REQUIRE(ct::test::waitFor([&] { return subscriber.subscribed(); }));  // its SUBACKs are in

    // Someone else holds the historian's file: what arrives now waits in its queue.
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);

    int sent = 0;
    auto sendBurst = [&](int n) {
        MqttPublisher publisher({});
        REQUIRE(publisher.start(address(broker)).empty());
        REQUIRE(publisher.waitConnected(10));
        for (int i = 0; i < n; ++i, ++sent)
            REQUIRE(publisher.publish("campus/bldg-0" + std::to_string(1 + sent % 9) + "/it_power",
                                      value(sent, kNoon + sent), 1));
        const int target = sent;
        REQUIRE(ct::test::waitFor([&] { return ingest.accepted() == static_cast<std::uint64_t>(target); }));
    };
    sendBurst(500);
    broker.stop();
    REQUIRE(ct::test::waitFor([&] { return !subscriber.connected(); }));
    CHECK(bad.count(BadData::BrokerDisconnect) >= 1);
    broker.start();
    REQUIRE(ct::test::waitFor(
        [&] { return subscriber.connected() && subscriber.connects() == 2 && subscriber.subscribed(); }, 20));
    sendBurst(500);

    CHECK(h.historian->committed() < 1000);  // still queued behind the lock
    REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(other);
    REQUIRE(h.historian->flush(30));
    CHECK(ingest.accepted() == 1000);
    CHECK(h.historian->rowCount() == 1000);  // count in == count stored
    CHECK(h.historian->range("bldg-01", "it_power", kNoon, kNoon + 1000).size() == 112);
    LastValue last;
    REQUIRE(cache.find("bldg-01", "it_power", last));
    CHECK(last.value == 999.0 - 999 % 9);
    // One line per kind seen: the disconnect, and (if the lock outlasted its 2 s wait) the busy file.
    std::size_t kinds = 0;
    for (std::size_t k = 0; k < kBadDataKinds; ++k)
        kinds += bad.count(static_cast<BadData>(k)) > 0;
    CHECK(log.size() == kinds);
    CHECK(bad.count(BadData::MalformedPayload) + bad.count(BadData::UnknownTopic) == 0);
}

TEST_CASE("a persistent session misses nothing published while the subscriber was away", "[telemetry][mqtt][restart]") {
    ct::test::MosquittoBroker broker;
    BindingFile b = ct::test::binding(R"({"mqtt": {"qos": 1, "client_id": "ct-test-persistent",
        "persistent_session": true, "reconnect_min_s": 1, "reconnect_max_s": 2},
        "points": [{"topic": "campus/+/it_power", "entity": "{1}", "quantity": "it_power"}]})");
    BadDataLog bad([](const std::string&) {});
    LastValueCache cache;
    Ingest ingest(b, ct::test::abileneQuantities(), cache, nullptr, bad);
    MqttPublisher publisher({});
    REQUIRE(publisher.start(address(broker)).empty());
    REQUIRE(publisher.waitConnected(10));
    auto publishRange = [&](int from, int to) {
        for (int i = from; i < to; ++i)
            REQUIRE(publisher.publish("campus/bldg-01/it_power", value(i, kNoon + i), 1));
        REQUIRE(publisher.waitDelivered(static_cast<std::uint64_t>(to), 20));
    };
    {
        MqttSubscriber subscriber(b, ingest, bad);
        REQUIRE(subscriber.start(address(broker)).empty());
        REQUIRE(subscriber.waitConnected(10));
        REQUIRE(ct::test::waitFor([&] { return subscriber.subscribed(); }));  // the subscription is in
        publishRange(0, 100);
        REQUIRE(ct::test::waitFor([&] { return ingest.accepted() == 100; }));
    }
    publishRange(100, 200);  // nobody connected with this client id: the broker queues them
    MqttSubscriber again(b, ingest, bad);
    REQUIRE(again.start(address(broker)).empty());
    REQUIRE(ct::test::waitFor([&] { return ingest.accepted() == 200; }, 20));
    CHECK(again.messages() == 100);
    CHECK(bad.total() == 0);
}

TEST_CASE("with a clean session, what is published while the subscriber is away is not delivered",
          "[telemetry][mqtt][restart]") {
    ct::test::MosquittoBroker broker;
    BindingFile b = ct::test::binding(R"({"mqtt": {"qos": 1, "client_id": "ct-test-clean"},
        "points": [{"topic": "campus/+/it_power", "entity": "{1}", "quantity": "it_power"}]})");
    BadDataLog bad([](const std::string&) {});
    LastValueCache cache;
    Ingest ingest(b, ct::test::abileneQuantities(), cache, nullptr, bad);
    MqttPublisher publisher({});
    REQUIRE(publisher.start(address(broker)).empty());
    REQUIRE(publisher.waitConnected(10));
    {
        MqttSubscriber subscriber(b, ingest, bad);
        REQUIRE(subscriber.start(address(broker)).empty());
        REQUIRE(subscriber.waitConnected(10));
    }
    for (int i = 0; i < 50; ++i)
        REQUIRE(publisher.publish("campus/bldg-01/it_power", value(i, kNoon + i), 1));
    REQUIRE(publisher.waitDelivered(50, 20));
    MqttSubscriber again(b, ingest, bad);
    REQUIRE(again.start(address(broker)).empty());
    REQUIRE(again.waitConnected(10));
    REQUIRE(ct::test::waitFor([&] { return again.subscribed(); }));
    // Subscribed, and still nothing comes: the clean session kept nothing for it.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK(again.messages() == 0);
    CHECK(ingest.accepted() == 0);
}

TEST_CASE("at QoS 1 a value published while the broker is down is kept and delivered once it is back",
          "[telemetry][mqtt][restart]") {
    ct::test::MosquittoBroker broker;
    MqttPublisher publisher({.reconnectMin_s = 1, .reconnectMax_s = 1});
    REQUIRE(publisher.start(address(broker)).empty());
    REQUIRE(publisher.waitConnected(10));
    for (int i = 0; i < 100; ++i)
        REQUIRE(publisher.publish("campus/bldg-01/it_power", value(i, kNoon + i), 1));
    REQUIRE(publisher.waitDelivered(100, 20));
    CHECK(publisher.keptWhileAway() == 0);

    broker.stop();
    REQUIRE(ct::test::waitFor([&] { return !publisher.connected(); }));
    for (int i = 100; i < 300; ++i)
        REQUIRE(publisher.publish("campus/bldg-01/it_power", value(i, kNoon + i), 1));
    CHECK(publisher.keptWhileAway() == 200);
    // At QoS 0 nothing keeps it: that is refused.
    CHECK_FALSE(publisher.publish("campus/bldg-01/it_power", value(0, kNoon), 0));
    CHECK(publisher.delivered() == 100);

    broker.start();
    // Every kept message acknowledged by the restarted broker: resent, not dropped.
    REQUIRE(publisher.waitDelivered(300, 20));
    CHECK(publisher.connects() == 2);
}

TEST_CASE("bad data over the wire is counted per kind and never stops good values", "[telemetry][mqtt][bad-data]") {
    ct::test::MosquittoBroker broker;
    BindingFile b = ct::test::binding(R"({"mqtt": {"qos": 0}, "points": [
        {"topic": "m/#", "entity": "bldg-01", "quantity": "it_power", "unit": "kW"}]})");
    BadDataLog bad([](const std::string&) {});
    LastValueCache cache;
    HistorianOpen h = Historian::open(ct::test::tempPath("bad_wire.db"), {}, &bad);
    REQUIRE(h.historian);
    Ingest ingest(b, ct::test::abileneQuantities(), cache, h.historian.get(), bad);
    MqttSubscriber subscriber(b, ingest, bad);
    REQUIRE(subscriber.start(address(broker)).empty());
    MqttPublisher publisher({});
    REQUIRE(publisher.start(address(broker)).empty());
    REQUIRE(subscriber.waitConnected(10));
    REQUIRE(publisher.waitConnected(10));
    REQUIRE(ct::test::waitFor([&] { return subscriber.subscribed(); }));
    const std::vector<std::string> payloads = {"",
                                               "{",
                                               "abc",
                                               R"({"value": true})",
                                               std::string("\x00\xff\xfe", 3),
                                               std::string(100000, '9'),
                                               R"({"value": 1, "unit": "furlongs"})",
                                               "nan",
                                               "inf",
                                               R"({"value": "NaN"})",
                                               value(1, kNoon + 1, "kW"),
                                               value(1, kNoon + 1, "kW"),
                                               value(2, kNoon, "kW"),
                                               value(3, kNoon + 2, "kW")};
    for (const std::string& p : payloads)
        REQUIRE(publisher.publish("m/x", p, 0));
    REQUIRE(ct::test::waitFor([&] { return subscriber.messages() == payloads.size(); }));
    CHECK(bad.count(BadData::MalformedPayload) == 6);
    CHECK(bad.count(BadData::WrongUnit) == 1);
    CHECK(bad.count(BadData::NotFinite) == 3);
    CHECK(bad.count(BadData::Duplicate) == 1);
    CHECK(bad.count(BadData::OutOfOrder) == 1);
    CHECK(ingest.accepted() == 3);
    REQUIRE(h.historian->flush());
    CHECK(h.historian->rowCount() == 3);
}
