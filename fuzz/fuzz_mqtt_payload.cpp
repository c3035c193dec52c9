// MQTT messages as the subscriber hands them to the ingest: the first line of the input is
// the topic, the rest the payload (a number, or JSON with value, time and unit). Bad values
// are counted in the bad-data log, never thrown; the payload parser is also called alone.
#include "fuzz_abilene.h"
#include "fuzz_support.h"

#include "twin/telemetry/ingest.h"
#include "twin/telemetry/payload.h"

using namespace ct::twin::telemetry;

namespace {
const BindingFile& templatedBinding() {
    static const BindingResult parsed = parseBindingFile(R"({"mqtt": {"qos": 0},
        "points": [{"topic": "campus/+/+", "entity": "{1}", "quantity": "{2}"},
                   {"topic": "campus/+/+/+", "entity": "{1}/{2}", "quantity": "{3}"},
                   {"topic": "site/b1/it_kw", "entity": "bldg-01", "quantity": "it_power", "unit": "kW"},
                   {"topic": "site/#", "entity": "bldg-02", "quantity": "it_power", "scale": 0.001}]})",
                                                         "fuzz.json", ct::fuzz::abileneQuantities());
    return ct::fuzz::bindingOrAbort(parsed);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = input.find('\n');
    const std::string_view topic = input.substr(0, newline);
    const std::string_view payload = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
    (void)parsePayload(payload);
    BadDataLog bad;
    LastValueCache cache;
    Ingest ingest(templatedBinding(), ct::fuzz::abileneQuantities(), cache, nullptr, bad);
    ingest.onMessage(topic, payload, 1.78e9);
    ingest.onMessage(topic, payload, 1.78e9 + 1.0);  // the same again: a duplicate or a newer value
    return 0;
}
