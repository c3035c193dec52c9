// MQTT topic filters as the binding file writes them: '+' matches one level, '#' (last) matches
// the rest. Matching also returns what each '+' matched, so one binding point can name its
// entity or quantity from the topic ("campus/+/+" with entity "{1}" and quantity "{2}").
//
//   auto m = matchTopic("campus/+/it_power", "campus/bldg-01/it_power");  // captures {"bldg-01"}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ct::twin::telemetry {

// Why a filter is invalid ("'#' must be the last level"), or empty when it is valid.
std::string topicFilterProblem(std::string_view filter);

// The '+' captures, in order, when `topic` matches `filter`; nullopt otherwise.
std::optional<std::vector<std::string>> matchTopic(std::string_view filter, std::string_view topic);

// Replaces "{1}".."{9}" in `text` with the captures; nullopt when a referenced capture is missing.
std::optional<std::string> substituteCaptures(std::string_view text, const std::vector<std::string>& captures);

// The number of '+' levels in a filter.
int wildcardCount(std::string_view filter);

}  // namespace ct::twin::telemetry
