// Reading telemetry: units, topic filters, payloads, and the binding file with its errors.
#include "telemetry_test_support.h"

#include "twin/telemetry/payload.h"
#include "twin/telemetry/topic_pattern.h"
#include "twin/telemetry/units.h"

#include <cmath>

using namespace ct::twin::telemetry;
using ct::test::binding;

TEST_CASE("units convert power, temperature and fractions, and refuse the rest", "[telemetry][units]") {
    CHECK(unitConversion("kW", "MW")->apply(1500.0) == Approx(1.5));
    CHECK(unitConversion("W", "MW")->apply(2.5e6) == Approx(2.5));
    CHECK(unitConversion("GW", "MW")->apply(0.25) == Approx(250.0));
    CHECK(unitConversion("degF", "degC")->apply(212.0) == Approx(100.0));
    CHECK(unitConversion("degF", "degC")->apply(32.0) == Approx(0.0).margin(1e-12));
    CHECK(unitConversion("K", "degC")->apply(300.15) == Approx(27.0));
    CHECK(unitConversion("%", "1")->apply(42.0) == Approx(0.42));
    CHECK(unitConversion("m/s", "m/s")->apply(3.0) == 3.0);
    CHECK_FALSE(unitConversion("kWh", "MW"));
    CHECK_FALSE(unitConversion("degC", "MW"));
    CHECK_FALSE(unitConversion("degC", "K"));  // the twin's K is a difference
    CHECK(unitConversion("K", "K"));
}

TEST_CASE("topic filters match with + and # and capture the + levels", "[telemetry][topics]") {
    CHECK(matchTopic("campus/+/it_power", "campus/bldg-01/it_power") == std::vector<std::string>{"bldg-01"});
    CHECK(matchTopic("campus/#", "campus/a/b/c") == std::vector<std::string>{});
    CHECK(matchTopic("campus/#", "campus"));  // '#' also matches the parent level
    CHECK_FALSE(matchTopic("campus/+", "campus/a/b"));
    CHECK_FALSE(matchTopic("campus/a", "campus/b"));
    CHECK(topicFilterProblem("campus/#/x") != "");
    CHECK(topicFilterProblem("campus/a+") != "");
    CHECK(topicFilterProblem("campus/+/x/#") == "");
    CHECK(substituteCaptures("{2}-{1}", {"a", "b"}) == "b-a");
    CHECK_FALSE(substituteCaptures("{3}", {"a"}));
}

TEST_CASE("payloads: a number or JSON with value, time and unit", "[telemetry][payload]") {
    CHECK(parsePayload(" 12.5\n").payload->value == 12.5);
    const PayloadResult json = parsePayload(R"({"value": 81.5, "time": "2026-07-15T12:00:00.250Z", "unit": "kW"})");
    REQUIRE(json.payload);
    CHECK(json.payload->value == 81.5);
    CHECK(*json.payload->time == Approx(*ct::twin::parseIsoUtc("2026-07-15T12:00:00") + 0.25));
    CHECK(json.payload->unit == "kW");
    CHECK(std::isnan(parsePayload("nan").payload->value));
    CHECK(std::isinf(parsePayload(R"({"value": "inf"})").payload->value));
    CHECK(parsePayload("twelve").problem.find("not a number") != std::string::npos);
    CHECK(parsePayload("{\"value\": 1").problem == "not valid JSON");
    CHECK(parsePayload(R"({"time": "2026-07-15T12:00Z"})").problem.find("without \"value\"") != std::string::npos);
    CHECK(parsePayload(R"({"value": 1, "time": "yesterday"})").problem.find("\"time\"") != std::string::npos);
    CHECK(parsePayload("").problem == "empty payload");
    CHECK(formatTime(*parseTime("2026-07-15T12:00:01.5+00:00")) == "2026-07-15T12:00:01.500Z");
}

TEST_CASE("a binding file with topics, columns, templates and MQTT settings reads", "[telemetry][binding]") {
    const BindingFile b = binding(R"({
      "stale_after_s": 120,
      "mqtt": {"username": "twin", "password": "secret", "qos": 0,
               "tls": {"cafile": "/etc/ssl/ca.pem", "certfile": "c.pem", "keyfile": "k.pem"}},
      "points": [
        {"topic": "site/b1/it_kw", "entity": "bldg-01", "quantity": "it_power", "unit": "kW"},
        {"topic": "campus/+/+", "entity": "{1}", "quantity": "{2}"},
        {"csv_column": "b2_supply_f", "entity": "bldg-02", "quantity": "coolant_supply_temperature",
         "unit": "degF", "scale": 1.0, "offset": 0.5}
      ]})");
    CHECK(b.staleAfter_s == 120);
    CHECK(b.mqtt.qos == 0);
    CHECK(b.mqtt.tls.certfile == "c.pem");
    REQUIRE(b.points.size() == 3);
    CHECK(b.points[1].templated());
    CHECK(b.points[2].offset == 0.5);
    CHECK(b.hasTopics());
    CHECK(b.hasCsvColumns());
}

TEST_CASE("binding file errors name the file, the JSON path and the problem", "[telemetry][binding]") {
    auto error = [](const std::string& json) {
        const BindingResult r = parseBindingFile(json, "b.json", ct::test::abileneQuantities());
        REQUIRE_FALSE(r.binding);
        CHECK(r.error.find('\n') == std::string::npos);
        return r.error;
    };
    const std::string point = R"("entity": "bldg-01", "quantity": "it_power")";
    CHECK(error(R"({"points": [{"topic": "a/#/b", )" + point + "}]}") ==
          "b.json: /points/0/topic: 'a/#/b': '#' must be a whole level and the last one");
    CHECK(error(R"({"points": [{"topic": "a", "entity": "bldg-99", "quantity": "it_power"}]})") ==
          "b.json: /points/0/entity: no entity 'bldg-99' in the scenario");
    CHECK(error(R"({"points": [{"topic": "a", "entity": "bldg-01", "quantity": "it_pwr"}]})") ==
          "b.json: /points/0/quantity: entity 'bldg-01' has no quantity 'it_pwr'");
    CHECK(error(R"({"points": [{"topic": "a", "unit": "kWh", )" + point + "}]}") ==
          "b.json: /points/0/unit: 'kWh' cannot be converted to MW (the unit of bldg-01/it_power)");
    CHECK(error(R"({"points": [{"topic": "a", "csv_column": "c", )" + point + "}]}") ==
          "b.json: /points/0: give exactly one of \"topic\" and \"csv_column\"");
    CHECK(error(R"({"points": [{"topic": "a/+", "entity": "{2}", "quantity": "it_power"}]})") ==
          "b.json: /points/0/entity: '{2}' names a '+' level the topic 'a/+' does not have");
    CHECK(error(R"({"points": []})") == "b.json: /points: no points: bind at least one topic or column");
    CHECK(error(R"({"points": [{"topic": "a", )" + point + R"(}, {"topic": "a", )" + point + "}]}") ==
          "b.json: /points/1/topic: topic 'a' is bound twice");
    CHECK(error(R"({"mqtt": {"qos": 2}, "points": [{"topic": "a", )" + point + "}]}").find("/mqtt/qos") !=
          std::string::npos);
    CHECK(error(R"({"points": [{"topic": "a", "scael": 2, )" + point + "}]}").find("did you mean 'scale'") !=
          std::string::npos);
    CHECK(error("{\"points\": [").find("b.json: line") == 0);
}
