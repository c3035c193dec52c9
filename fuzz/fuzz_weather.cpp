// Weather files (CSV: time, temperature, wind speed and direction, irradiance).
#include "fuzz_support.h"

#include "twin/weather.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = ct::fuzz::writeInput(data, size, "fuzz_weather.csv");
    const ct::twin::WeatherFileResult result = ct::twin::loadWeatherFile(path);
    if (!result.source) ct::fuzz::requireOneLineNaming(result.error, "fuzz_weather.csv", "loadWeatherFile");
    return 0;
}
