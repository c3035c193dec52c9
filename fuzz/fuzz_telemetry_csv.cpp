// Recorded telemetry (CSV replay) read through the test binding, every cell through the ingest
// into the last-value cache: malformed rows are counted, a file with an unusable header is
// refused in one line.
#include "fuzz_abilene.h"
#include "fuzz_support.h"

#include "twin/telemetry/csv_replay.h"
#include "twin/telemetry/ingest.h"

using namespace ct::twin::telemetry;

namespace {
const BindingFile& replayBinding() {
    static const BindingResult loaded =
        loadBindingFile(CT_TEST_DATA_DIR "/telemetry/replay_binding.json", ct::fuzz::abileneQuantities());
    return ct::fuzz::bindingOrAbort(loaded);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = ct::fuzz::writeInput(data, size, "fuzz_replay.csv");
    BadDataLog bad;
    LastValueCache cache;
    Ingest ingest(replayBinding(), ct::fuzz::abileneQuantities(), cache, nullptr, bad);
    CsvReplayResult result = loadCsvReplay(path, ingest, replayBinding(), bad);
    if (!result.replay) {
        ct::fuzz::requireOneLineNaming(result.error, "fuzz_replay.csv", "loadCsvReplay");
        return 0;
    }
    // Play every row into the ingest, as `monitor --replay` does.
    result.replay->feedUntil(1e18);
    return 0;
}
