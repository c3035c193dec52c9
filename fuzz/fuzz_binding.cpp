// Telemetry binding files (JSON: MQTT settings, topic templates, CSV columns, units) against
// the Abilene scenario's Phase 1 quantities.
#include "fuzz_abilene.h"
#include "fuzz_support.h"

#include "twin/telemetry/binding_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const ct::twin::telemetry::BindingResult result =
        ct::twin::telemetry::parseBindingFile(text, "fuzz_binding.json", ct::fuzz::abileneQuantities());
    if (!result.binding) ct::fuzz::requireOneLineNaming(result.error, "fuzz_binding.json", "parseBindingFile");
    return 0;
}
