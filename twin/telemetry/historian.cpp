#include "twin/telemetry/historian.h"

#include <sqlite3.h>

#include <chrono>

namespace ct::twin::telemetry {

namespace {

constexpr const char* kSchema =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"  // WAL + NORMAL: a crash may lose the last commits, never corrupts
    "CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, entity TEXT NOT NULL, quantity TEXT NOT NULL,"
    " UNIQUE(entity, quantity));"
    "CREATE TABLE IF NOT EXISTS samples(series INTEGER NOT NULL REFERENCES series(id), time REAL NOT NULL,"
    " value REAL NOT NULL, provenance TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS samples_by_series_time ON samples(series, time);"
    "PRAGMA user_version=1;";

bool exec(sqlite3* db, const char* sql) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

Provenance provenanceFromName(const unsigned char* text) {
    const std::string name = text ? reinterpret_cast<const char*>(text) : "";
    if (name == "measured") return Provenance::Measured;
    if (name == "assumed") return Provenance::Assumed;
    return Provenance::Simulated;
}

// Statements are finalised with their connection; this only keeps the call sites short.
sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    return stmt;
}

}  // namespace

Historian::Historian(std::filesystem::path path, HistorianOptions options, BadDataLog* bad)
    : path_(std::move(path)), options_(options), bad_(bad) {}

HistorianOpen Historian::open(const std::filesystem::path& path, HistorianOptions options, BadDataLog* bad) {
    std::unique_ptr<Historian> h(new Historian(path, options, bad));
    if (std::string error = h->openConnections(); !error.empty()) return {nullptr, path.string() + ": " + error};
    h->writer_ = std::thread([raw = h.get()] { raw->writerLoop(); });
    return {std::move(h), {}};
}

std::string Historian::openConnections() {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    for (sqlite3** db : {&writeDb_, &readDb_}) {
        if (sqlite3_open_v2(path_.c_str(), db, flags, nullptr) != SQLITE_OK)
            return *db ? sqlite3_errmsg(*db) : "cannot open";
        sqlite3_busy_timeout(*db, 2000);
    }
    if (!exec(writeDb_, kSchema)) return sqlite3_errmsg(writeDb_);
    insert_ = prepare(writeDb_, "INSERT INTO samples(series, time, value, provenance) VALUES(?,?,?,?)");
    insertSeries_ = prepare(writeDb_, "INSERT OR IGNORE INTO series(entity, quantity) VALUES(?,?)");
    findSeries_ = prepare(writeDb_, "SELECT id FROM series WHERE entity=? AND quantity=?");
    if (!insert_ || !insertSeries_ || !findSeries_) return sqlite3_errmsg(writeDb_);
    return {};
}

Historian::~Historian() {
    if (writer_.joinable()) {
        {
            std::lock_guard lock(queueMutex_);
            stopping_ = true;
        }
        queueChanged_.notify_all();
        writer_.join();
    }
    for (sqlite3_stmt* s : {insert_, insertSeries_, findSeries_})
        sqlite3_finalize(s);
    sqlite3_close(writeDb_);
    sqlite3_close(readDb_);
}

void Historian::append(Sample sample) {
    std::size_t queued = 0;
    {
        std::lock_guard lock(queueMutex_);
        queue_.push_back(std::move(sample));
        ++appended_;
        queued = queue_.size();
    }
    if (queued >= options_.batchSize) queueChanged_.notify_one();
}

void Historian::append(std::vector<Sample> samples) {
    {
        std::lock_guard lock(queueMutex_);
        appended_ += samples.size();
        if (queue_.empty())
            queue_ = std::move(samples);
        else
            queue_.insert(queue_.end(), std::make_move_iterator(samples.begin()),
                          std::make_move_iterator(samples.end()));
    }
    queueChanged_.notify_one();
}

bool Historian::flush(double timeout_s) {
    std::unique_lock lock(queueMutex_);
    const std::uint64_t target = appended_;
    queueChanged_.notify_one();
    return drained_.wait_for(lock, std::chrono::duration<double>(timeout_s), [&] { return committedCount_ >= target; });
}

void Historian::writerLoop() {
    using namespace std::chrono;
    int failures = 0;
    std::vector<Sample> batch;
    while (true) {
        {
            std::unique_lock lock(queueMutex_);
            queueChanged_.wait_for(lock, duration<double>(options_.flushInterval_s),
                                   [&] { return stopping_ || queue_.size() >= options_.batchSize; });
            if (queue_.empty()) {
                if (stopping_) return;
                continue;
            }
            // Stopping with a file that keeps failing: give up after a few tries rather than hang.
            if (stopping_ && failures >= 5) return;
            batch.swap(queue_);
        }
        std::size_t done = 0;
        bool ok = true;
        while (done < batch.size()) {
            const std::size_t n = std::min(options_.batchSize, batch.size() - done);
            const std::vector<Sample> chunk(
                std::make_move_iterator(batch.begin() + static_cast<std::ptrdiff_t>(done)),
                std::make_move_iterator(batch.begin() + static_cast<std::ptrdiff_t>(done + n)));
            if (!commit(chunk)) {
                // Keep what did not commit, ahead of what arrived meanwhile, and try again later.
                std::lock_guard lock(queueMutex_);
                std::vector<Sample> rest(chunk.begin(), chunk.end());
                rest.insert(rest.end(), std::make_move_iterator(batch.begin() + static_cast<std::ptrdiff_t>(done + n)),
                            std::make_move_iterator(batch.end()));
                rest.insert(rest.end(), std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
                queue_ = std::move(rest);
                ok = false;
                break;
            }
            done += n;
            // Retention before the rows count as written: once flush() returns, old rows are gone.
            applyRetention();
            std::lock_guard lock(queueMutex_);
            committedCount_ += n;
        }
        batch.clear();
        drained_.notify_all();
        if (ok) {
            failures = 0;
        } else {
            ++failures;
            std::this_thread::sleep_for(milliseconds(std::min(2000, 50 << std::min(failures, 5))));
        }
    }
}

std::int64_t Historian::seriesId(const Sample& s) {
    const auto key = std::make_pair(s.entity, s.quantity);
    if (const auto it = series_.find(key); it != series_.end()) return it->second;
    for (sqlite3_stmt* stmt : {insertSeries_, findSeries_}) {
        sqlite3_reset(stmt);
        sqlite3_bind_text(stmt, 1, s.entity.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 2, s.quantity.c_str(), -1, SQLITE_TRANSIENT);
    }
    if (sqlite3_step(insertSeries_) != SQLITE_DONE) return -1;
    if (sqlite3_step(findSeries_) != SQLITE_ROW) return -1;
    const std::int64_t id = sqlite3_column_int64(findSeries_, 0);
    sqlite3_reset(findSeries_);
    series_[key] = id;
    return id;
}

bool Historian::commit(const std::vector<Sample>& batch) {
    auto fail = [&](const char* what) {
        const std::string message = std::string(what) + ": " + sqlite3_errmsg(writeDb_);
        exec(writeDb_, "ROLLBACK");
        series_.clear();  // ids inserted in the rolled-back transaction are gone
        if (bad_)
            bad_->report(BadData::HistorianError, path_.string() + ": " + message + " (the batch is kept and retried)");
        return false;
    };
    if (!exec(writeDb_, "BEGIN IMMEDIATE")) return fail("begin");
    TimeSeconds newest = newestWritten_;
    for (const Sample& s : batch) {
        const std::int64_t id = seriesId(s);
        if (id < 0) return fail("series");
        sqlite3_reset(insert_);
        sqlite3_bind_int64(insert_, 1, id);
        sqlite3_bind_double(insert_, 2, s.time);
        sqlite3_bind_double(insert_, 3, s.value);
        sqlite3_bind_text(insert_, 4, provenanceName(s.provenance), -1, SQLITE_STATIC);
        if (sqlite3_step(insert_) != SQLITE_DONE) return fail("insert");
        newest = std::max(newest, s.time);
    }
    if (!exec(writeDb_, "COMMIT")) return fail("commit");
    newestWritten_ = newest;
    return true;
}

void Historian::applyRetention() {
    if (options_.retention_s <= 0.0 || newestWritten_ < -1e299) return;
    const TimeSeconds cutoff = newestWritten_ - options_.retention_s;
    // Deleting costs a scan of the old rows: do it when the cut-off has moved by 1% of the
    // retention, not on every batch.
    if (cutoff - lastCutoff_ < options_.retention_s * 0.01) return;
    lastCutoff_ = cutoff;
    sqlite3_stmt* stmt = prepare(writeDb_, "DELETE FROM samples WHERE series IN (SELECT id FROM series) AND time < ?");
    sqlite3_bind_double(stmt, 1, cutoff);
    if (sqlite3_step(stmt) != SQLITE_DONE && bad_)
        bad_->report(BadData::HistorianError, path_.string() + ": retention: " + sqlite3_errmsg(writeDb_));
    sqlite3_finalize(stmt);
}

std::vector<Sample> Historian::range(const std::string& entity, const std::string& quantity, TimeSeconds t0,
                                     TimeSeconds t1) const {
    std::lock_guard lock(readMutex_);
    std::vector<Sample> out;
    sqlite3_stmt* stmt = prepare(readDb_,
                                 "SELECT s.time, s.value, s.provenance FROM samples s JOIN series r ON s.series = r.id"
                                 " WHERE r.entity=? AND r.quantity=? AND s.time BETWEEN ? AND ? ORDER BY s.time");
    sqlite3_bind_text(stmt, 1, entity.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 2, quantity.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(stmt, 3, t0);
    sqlite3_bind_double(stmt, 4, t1);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        out.push_back({entity, quantity, sqlite3_column_double(stmt, 0), sqlite3_column_double(stmt, 1),
                       provenanceFromName(sqlite3_column_text(stmt, 2))});
    sqlite3_finalize(stmt);
    return out;
}

std::uint64_t Historian::rowCount() const {
    std::lock_guard lock(readMutex_);
    sqlite3_stmt* stmt = prepare(readDb_, "SELECT count(*) FROM samples");
    std::uint64_t n = 0;
    if (sqlite3_step(stmt) == SQLITE_ROW) n = static_cast<std::uint64_t>(sqlite3_column_int64(stmt, 0));
    sqlite3_finalize(stmt);
    return n;
}

std::uint64_t Historian::committed() const {
    std::lock_guard lock(queueMutex_);
    return committedCount_;
}

std::optional<TimeSeconds> Historian::newestTime() const {
    std::lock_guard lock(readMutex_);
    sqlite3_stmt* stmt = prepare(readDb_, "SELECT max(time) FROM samples");
    std::optional<TimeSeconds> t;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
        t = sqlite3_column_double(stmt, 0);
    sqlite3_finalize(stmt);
    return t;
}

std::uint64_t Historian::deleteOlderThan(TimeSeconds cutoff) {
    std::lock_guard lock(readMutex_);
    // Through the (series, time) index: a plain "time < ?" would scan every row.
    sqlite3_stmt* stmt = prepare(readDb_, "DELETE FROM samples WHERE series IN (SELECT id FROM series) AND time < ?");
    sqlite3_bind_double(stmt, 1, cutoff);
    std::uint64_t n = 0;
    if (sqlite3_step(stmt) == SQLITE_DONE)
        n = static_cast<std::uint64_t>(sqlite3_changes(readDb_));
    else if (bad_)
        bad_->report(BadData::HistorianError, path_.string() + ": delete: " + sqlite3_errmsg(readDb_));
    sqlite3_finalize(stmt);
    return n;
}

}  // namespace ct::twin::telemetry
