// CSV replay: recorded telemetry played into the twin as if it arrived live. The file has a
// "time" column (ISO 8601 UTC or seconds since 1970) and value columns named in the binding
// file's csv_column points. Rows may come in any order (they are sorted by time on load) and
// with gaps (an empty cell: nothing measured then). The decorator calls feedUntil(t) before
// each step, so the twin at time t sees exactly the rows up to t.
//
//   CsvReplayResult r = loadCsvReplay("recorded.csv", ingest, bad);
//   MeasuredSource twin(sim, cache, {.beforeOverlay = [&](double t) { r.replay->feedUntil(t); }});
#pragma once

#include "twin/telemetry/bad_data.h"
#include "twin/telemetry/ingest.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace ct::twin::telemetry {

class CsvReplay {
public:
    struct Row {
        TimeSeconds time = 0.0;
        std::size_t line = 0;            // in the file, for messages
        std::vector<std::string> cells;  // one per column of the header, time excluded
    };

    CsvReplay(Ingest& ingest, std::vector<std::string> columns, std::vector<Row> rows);

    // Feeds every row with time <= t not fed yet; returns how many rows went.
    std::size_t feedUntil(TimeSeconds t);
    std::size_t rowCount() const { return rows_.size(); }
    std::size_t fed() const { return next_; }
    TimeSeconds firstTime() const;
    TimeSeconds lastTime() const;

private:
    Ingest& ingest_;
    std::vector<std::string> columns_;
    std::vector<Row> rows_;  // sorted by time
    std::size_t next_ = 0;
};

struct CsvReplayResult {
    std::unique_ptr<CsvReplay> replay;
    std::string error;  // the file cannot be used at all: "rec.csv: no 'time' column"
};

// Rows that cannot be read (a bad time, a wrong cell count) are counted as malformed and skipped;
// the file is refused only when its header is unusable or a bound column is missing.
CsvReplayResult loadCsvReplay(const std::filesystem::path& path, Ingest& ingest, const BindingFile& binding,
                              BadDataLog& bad);

}  // namespace ct::twin::telemetry
