// Tour JSON against the shipped Abilene scenario (its cameras, phases and layers).
#include "fuzz_abilene.h"
#include "fuzz_support.h"

#include "ui/tour.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const ct::ui::TourResult result = ct::ui::parseTour(text, "fuzz_tour.json", ct::fuzz::abilene());
    if (!result.tour) ct::fuzz::requireOneLineNaming(result.error, "fuzz_tour.json", "parseTour");
    return 0;
}
