// The historian: every value received or simulated, in one SQLite file (WAL mode), for plots
// and scrubbing. append() only queues (any thread, never blocks on the disk); a writer thread
// commits the queue in batches, one transaction each. A batch that fails (the file is busy,
// the disk full) stays queued and is retried, so nothing is lost while the historian is busy,
// and a transaction either commits whole or not at all, so the file is never half-written.
//
//   auto h = Historian::open("campus.db", {.retention_s = 7 * 86400}, &bad);
//   h.historian->append({"bldg-01", "it_power", t, 82.5, Provenance::Measured});
//   h.historian->flush();  // wait until committed
//   auto rows = h.historian->range("bldg-01", "it_power", t0, t1);
#pragma once

#include "twin/state.h"
#include "twin/telemetry/bad_data.h"
#include "twin/telemetry/payload.h"

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ct::twin::telemetry {

struct Sample {
    std::string entity;
    std::string quantity;
    TimeSeconds time = 0.0;
    double value = 0.0;
    Provenance provenance = Provenance::Simulated;
};

struct HistorianOptions {
    double retention_s = 0.0;       // delete values older than newest-written minus this; 0: keep all
    std::size_t batchSize = 20000;  // values per transaction at most
    double flushInterval_s = 0.1;   // how long a value may wait in the queue
};

class Historian;

struct HistorianOpen {
    std::unique_ptr<Historian> historian;
    std::string error;  // "campus.db: file is not a database"
};

class Historian {
public:
    static HistorianOpen open(const std::filesystem::path& path, HistorianOptions options, BadDataLog* bad);
    ~Historian();  // commits what is queued, then stops the writer
    Historian(const Historian&) = delete;
    Historian& operator=(const Historian&) = delete;

    void append(Sample sample);
    void append(std::vector<Sample> samples);
    // Waits until everything appended before the call is committed (or `timeout_s` passes);
    // false on time-out.
    bool flush(double timeout_s = 60.0);

    // Committed values of one quantity with t0 <= time <= t1, by time.
    std::vector<Sample> range(const std::string& entity, const std::string& quantity, TimeSeconds t0,
                              TimeSeconds t1) const;
    std::uint64_t rowCount() const;   // rows in the file
    std::uint64_t committed() const;  // values this historian committed since open
    std::optional<TimeSeconds> newestTime() const;
    // Deletes rows older than `cutoff`; returns how many went.
    std::uint64_t deleteOlderThan(TimeSeconds cutoff);
    const std::filesystem::path& path() const { return path_; }

private:
    Historian(std::filesystem::path path, HistorianOptions options, BadDataLog* bad);
    std::string openConnections();
    void writerLoop();
    bool commit(const std::vector<Sample>& batch);
    std::int64_t seriesId(const Sample& s);
    void applyRetention();

    std::filesystem::path path_;
    HistorianOptions options_;
    BadDataLog* bad_;
    sqlite3* writeDb_ = nullptr;
    sqlite3* readDb_ = nullptr;  // readers use their own connection: WAL lets them run beside the writer
    mutable std::mutex readMutex_;
    sqlite3_stmt* insert_ = nullptr;
    sqlite3_stmt* insertSeries_ = nullptr;
    sqlite3_stmt* findSeries_ = nullptr;
    std::map<std::pair<std::string, std::string>, std::int64_t> series_;  // writer thread only
    TimeSeconds newestWritten_ = -1e300;                                  // writer thread only
    TimeSeconds lastCutoff_ = -1e300;                                     // writer thread only

    mutable std::mutex queueMutex_;
    std::condition_variable queueChanged_;
    std::condition_variable drained_;
    std::vector<Sample> queue_;
    std::uint64_t appended_ = 0;        // values ever appended
    std::uint64_t committedCount_ = 0;  // values ever committed
    bool stopping_ = false;
    std::thread writer_;
};

}  // namespace ct::twin::telemetry
