// The SQLite historian: batched commits, range queries, retention, and no value lost while the
// file is locked by someone else.
#include "telemetry_test_support.h"

#include "twin/telemetry/historian.h"

#include <sqlite3.h>

#include <fstream>

using namespace ct::twin::telemetry;
using ct::twin::Provenance;

TEST_CASE("historian stores values and answers time-range queries in order", "[telemetry][historian]") {
    const std::string path = ct::test::tempPath("range.db");
    BadDataLog bad([](const std::string&) {});
    HistorianOpen h = Historian::open(path, {}, &bad);
    REQUIRE(h.historian);
    // Appended out of order on purpose: the query sorts by time.
    for (int i = 9; i >= 0; --i)
        h.historian->append({"bldg-01", "it_power", 1000.0 + i, i * 1.5, Provenance::Measured});
    h.historian->append({"bldg-02", "it_power", 1005.0, 7.0, Provenance::Simulated});
    REQUIRE(h.historian->flush());
    CHECK(h.historian->rowCount() == 11);
    const std::vector<Sample> rows = h.historian->range("bldg-01", "it_power", 1002.0, 1005.0);
    REQUIRE(rows.size() == 4);
    CHECK(rows.front().time == 1002.0);
    CHECK(rows.back().value == 7.5);
    CHECK(rows.back().provenance == Provenance::Measured);
    CHECK(h.historian->range("bldg-02", "it_power", 0, 2000).at(0).provenance == Provenance::Simulated);
    CHECK(h.historian->range("bldg-03", "it_power", 0, 2000).empty());
    CHECK(*h.historian->newestTime() == 1009.0);
    CHECK(bad.total() == 0);
}

TEST_CASE("historian retention deletes what is older than the setting", "[telemetry][historian]") {
    const std::string path = ct::test::tempPath("retention.db");
    BadDataLog bad([](const std::string&) {});
    {
        HistorianOpen h = Historian::open(path, {.retention_s = 100.0}, &bad);
        REQUIRE(h.historian);
        for (int i = 0; i < 500; ++i)
            h.historian->append({"campus", "pue", static_cast<double>(i), 1.1, Provenance::Simulated});
        REQUIRE(h.historian->flush());
        // Newest 499: everything before 399 is gone, the rest is there.
        const auto rows = h.historian->range("campus", "pue", 0, 1000);
        REQUIRE_FALSE(rows.empty());
        CHECK(rows.front().time >= 399.0 - 5.0);  // retention moves in steps of 1% of the setting
        CHECK(rows.back().time == 499.0);
        CHECK(h.historian->deleteOlderThan(450.0) > 0);
        CHECK(h.historian->range("campus", "pue", 0, 1000).front().time == 450.0);
    }
    // Reopened: the file is intact and keeps its rows.
    HistorianOpen again = Historian::open(path, {}, &bad);
    REQUIRE(again.historian);
    CHECK(again.historian->rowCount() == 50);
}

TEST_CASE("historian keeps values queued while another writer holds the file, then commits them all",
          "[telemetry][historian]") {
    const std::string path = ct::test::tempPath("busy.db");
    std::vector<std::string> logged;
    BadDataLog bad([&](const std::string& line) { logged.push_back(line); });
    HistorianOpen h = Historian::open(path, {.flushInterval_s = 0.02}, &bad);
    REQUIRE(h.historian);
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    for (int i = 0; i < 1000; ++i)
        h.historian->append({"campus", "it_power", static_cast<double>(i), 1.0, Provenance::Measured});
    // The writer waits 2 s for the lock, fails, keeps the batch and retries.
    CHECK_FALSE(h.historian->flush(3.0));
    CHECK(bad.count(BadData::HistorianError) >= 1);
    REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(other);
    REQUIRE(h.historian->flush(20.0));
    CHECK(h.historian->rowCount() == 1000);
    CHECK(logged.size() == 1);  // logged once, however often it failed
}

TEST_CASE("a file that is not a database is refused with its name", "[telemetry][historian]") {
    const std::string path = ct::test::tempPath("not_a_db.db");
    std::ofstream(path) << "this is a text file, not SQLite, and it is long enough to have a header page\n";
    const HistorianOpen h = Historian::open(path, {}, nullptr);
    CHECK_FALSE(h.historian);
    CHECK(h.error.find("not_a_db.db: ") != std::string::npos);
}
