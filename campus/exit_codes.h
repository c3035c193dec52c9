// Process exit codes, the same for every subcommand.
#pragma once

namespace ct::campus {
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;   // a runtime failure: no Vulkan device, a driver error
constexpr int kExitBadInput = 2;  // the user's input is wrong: a file, an option
}  // namespace ct::campus
