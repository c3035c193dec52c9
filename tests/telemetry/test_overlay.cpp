// Measured over simulated: the snapshot's typed fields, the decorator with staleness, the
// ingest's bad-data counting, CSV replay in any order with gaps, and the one timeline.
#include "telemetry_test_support.h"

#include "twin/telemetry/csv_replay.h"
#include "twin/telemetry/ingest.h"
#include "twin/telemetry/measured_source.h"
#include "twin/telemetry/snapshot_fields.h"
#include "twin/telemetry/timeline.h"

#include <limits>

using namespace ct::twin::telemetry;
using ct::twin::Provenance;
using ct::twin::Quantity;

namespace {
const double kNoon = static_cast<double>(*ct::twin::parseIsoUtc("2026-07-15T12:00"));
}

TEST_CASE("every quantity of a snapshot has a typed field that holds its value", "[telemetry][overlay]") {
    ct::twin::Simulation sim(ct::test::abilene(), ct::test::abileneOptions());
    ct::twin::StateSnapshot s = sim.advance();
    const std::vector<Quantity> before = s.quantities();
    REQUIRE(before.size() > 100);
    for (const Quantity& q : before) {
        INFO(q.entity << "/" << q.name);
        double* field = quantityField(s, q.entity, q.name);
        REQUIRE(field != nullptr);
        CHECK(*field == q.value);
        *field = 1234.5;
    }
    for (const Quantity& q : s.quantities())
        CHECK(q.value == 1234.5);
    CHECK(quantityField(s, "bldg-01", "no_such") == nullptr);
    CHECK(quantityField(s, "bldg-01/cooler-99", "heat_rejected") == nullptr);
}

TEST_CASE("fresh measurements replace simulated values and are marked measured, stale ones revert",
          "[telemetry][overlay]") {
    ct::twin::Simulation sim(ct::test::abilene(), ct::test::abileneOptions());
    LastValueCache cache;
    MeasuredSource twin(sim, cache, {.staleAfter_s = 120.0});
    cache.update("bldg-01", "it_power", 42.0, kNoon + 60.0);
    cache.update("bldg-01/cooler-02", "heat_rejected", 3.25, kNoon + 60.0);
    const ct::twin::StateSnapshot& s = twin.advance();  // 12:01
    CHECK(s.buildings.at(0).it_mw == 42.0);
    CHECK(s.buildings.at(0).bankHeat_mw.at(1) == 3.25);
    CHECK(twin.provenance("bldg-01", "it_power") == Provenance::Measured);
    CHECK(twin.provenance("bldg-02", "it_power") == Provenance::Simulated);
    CHECK(twin.measuredCount() == 2);
    int measured = 0;
    for (const Quantity& q : twin.quantities())
        measured += q.provenance == Provenance::Measured;
    // The snapshot itself carries the provenance: whoever reads it (labels, KPI output) sees it.
    int measuredInSnapshot = 0;
    for (const Quantity& q : twin.current().quantities())
        measuredInSnapshot += q.provenance == Provenance::Measured;
    CHECK(measuredInSnapshot == 2);
    CHECK(measured == 2);
    // 12:02 and 12:03: within 120 s of 12:01; 12:04: stale, back to the simulation.
    twin.advance();
    CHECK(twin.advance().buildings.at(0).it_mw == 42.0);
    CHECK(twin.advance().buildings.at(0).it_mw == sim.current().buildings.at(0).it_mw);
    CHECK(twin.provenance("bldg-01", "it_power") == Provenance::Simulated);
}

TEST_CASE("each kind of bad data is counted and logged once, and good values still flow", "[telemetry][bad-data]") {
    const BindingFile b = ct::test::binding(R"({"points": [
        {"topic": "site/b1/it", "entity": "bldg-01", "quantity": "it_power", "unit": "kW"},
        {"topic": "campus/+/+", "entity": "{1}", "quantity": "{2}"}]})");
    std::vector<std::string> log;
    BadDataLog bad([&](const std::string& line) { log.push_back(line); });
    LastValueCache cache;
    Ingest ingest(b, ct::test::abileneQuantities(), cache, nullptr, bad);
    auto at = [](double s) { return R"({"value": 5, "time": )" + std::to_string(kNoon + s) + "}"; };
    for (int i = 0; i < 3; ++i) {
        ingest.onMessage("site/b1/it", "five", kNoon);                             // malformed
        ingest.onMessage("site/b1/it", "{\"value\": [1]}", kNoon);                 // malformed
        ingest.onMessage("site/b1/it", R"({"value": 5, "unit": "degC"})", kNoon);  // wrong unit
        ingest.onMessage("site/b1/it", "NaN", kNoon);                              // not finite
        ingest.onMessage("site/b1/it", R"({"value": "-Infinity"})", kNoon);        // not finite
        ingest.onMessage("nowhere/x", "1", kNoon);                                 // unknown topic
        ingest.onMessage("campus/bldg-01/bogus", "1", kNoon);                      // template, no quantity
    }
    ingest.onMessage("site/b1/it", at(10), kNoon);  // good
    ingest.onMessage("site/b1/it", at(10), kNoon);  // duplicate
    ingest.onMessage("site/b1/it", at(5), kNoon);   // out of order: stored, not current
    ingest.onMessage("site/b1/it", at(20), kNoon);  // good
    CHECK(bad.count(BadData::MalformedPayload) == 6);
    CHECK(bad.count(BadData::WrongUnit) == 3);
    CHECK(bad.count(BadData::NotFinite) == 6);
    CHECK(bad.count(BadData::UnknownTopic) == 6);
    CHECK(bad.count(BadData::Duplicate) == 1);
    CHECK(bad.count(BadData::OutOfOrder) == 1);
    CHECK(log.size() == 6);  // one line per kind seen
    CHECK(ingest.accepted() == 3);
    LastValue v;
    REQUIRE(cache.find("bldg-01", "it_power", v));
    CHECK(v.value == Approx(0.005));  // 5 kW in MW
    CHECK(v.time == kNoon + 20);
    CHECK(bad.summary().find("duplicate=1") != std::string::npos);
}

TEST_CASE("CSV replay plays rows in time order, skips gaps, and counts its bad rows", "[telemetry][replay]") {
    const std::string dir = std::string(CT_TEST_DATA_DIR) + "/telemetry/";
    BindingResult b = loadBindingFile(dir + "replay_binding.json", ct::test::abileneQuantities());
    REQUIRE(b.binding);
    BadDataLog bad([](const std::string&) {});
    LastValueCache cache;
    HistorianOpen h = Historian::open(ct::test::tempPath("replay.db"), {}, &bad);
    REQUIRE(h.historian);
    Ingest ingest(*b.binding, ct::test::abileneQuantities(), cache, h.historian.get(), bad);
    CsvReplayResult r = loadCsvReplay(dir + "replay_out_of_order.csv", ingest, *b.binding, bad);
    REQUIRE(r.replay);
    CHECK(r.replay->rowCount() == 6);
    CHECK(bad.count(BadData::MalformedPayload) == 1);  // the row without a time

    ct::twin::Simulation sim(ct::test::abilene(), ct::test::abileneOptions());
    MeasuredSource twin(sim, cache,
                        {.staleAfter_s = b.binding->staleAfter_s,
                         .historian = h.historian.get(),
                         .beforeOverlay = [&](double t) { r.replay->feedUntil(t); }});
    // 12:00: the first row, whatever its place in the file.
    CHECK(twin.current().buildings.at(0).it_mw == Approx(80.0));
    CHECK(twin.current().buildings.at(0).supply_c == Approx(32.0));
    twin.advance();  // 12:01
    twin.advance();  // 12:02: only the supply temperature was measured; IT power still 12:01's
    CHECK(twin.current().buildings.at(0).supply_c == Approx(33.0));
    CHECK(twin.current().buildings.at(0).it_mw == Approx(81.0));
    twin.advance();  // 12:03
    CHECK(twin.current().weather.ambient_c == Approx(36.5));
    for (int i = 0; i < 3; ++i)
        twin.advance();  // 12:06: the 12:03 values are 180 s old, stale
    CHECK(twin.provenance("bldg-01", "it_power") == Provenance::Simulated);
    for (int i = 0; i < 4; ++i)
        twin.advance();  // 12:10: two rows at one time, the second a duplicate
    CHECK(twin.current().buildings.at(0).it_mw == Approx(90.0));
    CHECK(bad.count(BadData::Duplicate) == 1);
    REQUIRE(h.historian->flush());
    // Measured values stored as measured, the rest of each step as simulated.
    const auto it = h.historian->range("bldg-01", "it_power", kNoon, kNoon + 600);
    int measured = 0;
    for (const Sample& s : it)
        measured += s.provenance == Provenance::Measured;
    CHECK(measured == 4);  // 12:00, 12:01, 12:03, 12:10
    CHECK(ingest.accepted() == 12);
}

TEST_CASE("the timeline spans the stored past and the simulated future", "[telemetry][timeline]") {
    BadDataLog bad([](const std::string&) {});
    HistorianOpen h = Historian::open(ct::test::tempPath("timeline.db"), {}, &bad);
    REQUIRE(h.historian);
    for (int i = 0; i <= 10; ++i)
        h.historian->append({"bldg-01", "it_power", kNoon + 60.0 * i, 50.0 + i, Provenance::Measured});
    REQUIRE(h.historian->flush());
    Timeline timeline(h.historian.get(), simulatedForecast(ct::test::abilene(), ct::test::abileneOptions()));
    const double now = kNoon + 600.0;
    const std::vector<Sample> points = timeline.values("bldg-01", "it_power", kNoon, now + 600.0, now);
    REQUIRE(points.size() == 21);
    CHECK(points[10].provenance == Provenance::Measured);
    CHECK(points[10].value == 60.0);
    CHECK(points[11].provenance == Provenance::Simulated);
    CHECK(points[11].time == now + 60.0);
    for (std::size_t i = 1; i < points.size(); ++i)
        CHECK(points[i].time > points[i - 1].time);
}
