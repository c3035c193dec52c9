#include "twin/telemetry/csv_replay.h"

#include "twin/text_file.h"

#include <algorithm>
#include <sstream>

namespace ct::twin::telemetry {

namespace {

std::vector<std::string> splitCsvLine(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    for (char c : line) {
        if (c == ',') {
            cells.push_back(cell);
            cell.clear();
        } else if (c != '\r') {
            cell += c;
        }
    }
    cells.push_back(cell);
    for (std::string& s : cells) {
        while (!s.empty() && s.front() == ' ')
            s.erase(s.begin());
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
    }
    return cells;
}

}  // namespace

CsvReplay::CsvReplay(Ingest& ingest, std::vector<std::string> columns, std::vector<Row> rows)
    : ingest_(ingest), columns_(std::move(columns)), rows_(std::move(rows)) {
    // Stable: two rows at one time keep their file order, so the later line is the duplicate.
    std::stable_sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) { return a.time < b.time; });
}

std::size_t CsvReplay::feedUntil(TimeSeconds t) {
    std::size_t n = 0;
    for (; next_ < rows_.size() && rows_[next_].time <= t; ++next_, ++n) {
        const Row& row = rows_[next_];
        for (std::size_t c = 0; c < columns_.size(); ++c)
            if (!row.cells[c].empty()) ingest_.onCsvCell(columns_[c], row.time, row.cells[c]);
    }
    return n;
}

TimeSeconds CsvReplay::firstTime() const {
    return rows_.empty() ? 0.0 : rows_.front().time;
}

TimeSeconds CsvReplay::lastTime() const {
    return rows_.empty() ? 0.0 : rows_.back().time;
}

CsvReplayResult loadCsvReplay(const std::filesystem::path& path, Ingest& ingest, const BindingFile& binding,
                              BadDataLog& bad) {
    const std::string file = path.string();
    const TextFile text = readTextFile(path, kCsvFileLimit, "telemetry file");
    if (!text.text) return {nullptr, text.error};
    std::istringstream in(*text.text);
    std::string line;
    if (!std::getline(in, line)) return {nullptr, file + ": empty file (expected a header with a 'time' column)"};
    const std::vector<std::string> header = splitCsvLine(line);
    const auto timeColumn = std::find(header.begin(), header.end(), "time");
    if (timeColumn == header.end()) return {nullptr, file + ":1: no 'time' column in the header"};
    const std::size_t timeIndex = static_cast<std::size_t>(timeColumn - header.begin());
    std::vector<std::string> columns;
    for (std::size_t i = 0; i < header.size(); ++i)
        if (i != timeIndex) columns.push_back(header[i]);
    for (const BindingPoint& p : binding.points)
        if (!p.csvColumn.empty() && std::find(columns.begin(), columns.end(), p.csvColumn) == columns.end())
            return {nullptr,
                    file + ":1: no column '" + p.csvColumn + "' (bound at " + binding.path + " " + p.pointer + ")"};
    for (const std::string& c : columns)
        if (!ingest.bindsColumn(c))
            bad.report(BadData::UnknownTopic, file + ": column '" + c + "' is not bound (ignored)");

    std::vector<CsvReplay::Row> rows;
    std::size_t lineNumber = 1;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (line.empty() || line == "\r") continue;
        std::vector<std::string> cells = splitCsvLine(line);
        const std::string where = file + ":" + std::to_string(lineNumber);
        if (cells.size() != header.size()) {
            bad.report(BadData::MalformedPayload, where + ": " + std::to_string(cells.size()) +
                                                      " cells, the header has " + std::to_string(header.size()));
            continue;
        }
        const auto time = parseTime(cells[timeIndex]);
        if (!time) {
            bad.report(BadData::MalformedPayload, where + ": time '" + cells[timeIndex] + "' is not ISO 8601 UTC");
            continue;
        }
        cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(timeIndex));
        rows.push_back({*time, lineNumber, std::move(cells)});
    }
    return {std::make_unique<CsvReplay>(ingest, std::move(columns), std::move(rows)), {}};
}

}  // namespace ct::twin::telemetry
