#include "twin/telemetry/binding_file.h"

#include "twin/text_file.h"

#include "twin/json_reader.h"
#include "twin/telemetry/topic_pattern.h"
#include "twin/telemetry/units.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace ct::twin::telemetry {

namespace {

using QuantityUnits = std::map<std::pair<std::string, std::string>, std::string>;

bool hasTemplate(const std::string& text) {
    return text.find('{') != std::string::npos;
}

std::string oneLine(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

TlsSettings readTls(const JsonNode& node) {
    JsonObjectReader r(node);
    TlsSettings tls;
    tls.cafile = r.stringOr("cafile", "");
    tls.capath = r.stringOr("capath", "");
    tls.certfile = r.stringOr("certfile", "");
    tls.keyfile = r.stringOr("keyfile", "");
    tls.insecure = r.booleanOr("insecure", false);
    if (tls.certfile.empty() != tls.keyfile.empty())
        node.fail("certfile and keyfile go together: give both or neither");
    if (tls.cafile.empty() && tls.capath.empty()) node.fail("TLS needs cafile or capath");
    r.finish();
    return tls;
}

MqttSettings readMqtt(const JsonNode& node) {
    JsonObjectReader r(node);
    MqttSettings m;
    m.clientId = r.stringOr("client_id", "");
    m.username = r.stringOr("username", "");
    m.password = r.stringOr("password", "");
    if (!m.password.empty() && m.username.empty()) r.required("password").fail("a password needs a username");
    m.qos = r.integerOr("qos", 0, 1, 1);
    m.persistentSession = r.booleanOr("persistent_session", false);
    if (m.persistentSession && m.clientId.empty())
        r.required("persistent_session").fail("a persistent session needs a client_id");
    m.keepalive_s = r.integerOr("keepalive_s", 5, 3600, 30);
    m.reconnectMin_s = r.numberOr("reconnect_min_s", {0.1, 3600}, 1.0);
    m.reconnectMax_s = r.numberOr("reconnect_max_s", {0.1, 3600}, 30.0);
    if (m.reconnectMax_s < m.reconnectMin_s)
        r.required("reconnect_max_s").fail("must not be less than reconnect_min_s");
    if (auto tls = r.optional("tls")) m.tls = readTls(*tls);
    r.finish();
    return m;
}

BindingPoint readPoint(const JsonNode& node, const QuantityUnits& known) {
    JsonObjectReader r(node);
    BindingPoint p;
    p.pointer = node.pointer();
    const bool topic = r.has("topic");
    const bool column = r.has("csv_column");
    if (topic == column) node.fail("give exactly one of \"topic\" and \"csv_column\"");
    if (topic) {
        p.topic = r.string("topic");
        if (const std::string problem = topicFilterProblem(p.topic); !problem.empty())
            r.required("topic").fail("'" + p.topic + "': " + problem);
    } else {
        p.csvColumn = r.string("csv_column");
        if (p.csvColumn == "time") r.required("csv_column").fail("'time' is the timestamp column, not a value");
    }
    p.entity = r.string("entity");
    p.quantity = r.string("quantity");
    p.unit = r.stringOr("unit", "");
    p.scale = r.numberOr("scale", {-1e12, 1e12}, 1.0);
    p.offset = r.numberOr("offset", {-1e12, 1e12}, 0.0);
    if (p.scale == 0.0) r.required("scale").fail("must not be 0 (every value would read 0)");
    r.finish();

    if (p.templated()) {
        if (!topic) node.fail("\"{N}\" templates take levels of a topic; a CSV column has none");
        const int levels = wildcardCount(p.topic);
        for (const std::string* text : {&p.entity, &p.quantity}) {
            if (!substituteCaptures(*text, std::vector<std::string>(static_cast<std::size_t>(levels), "x")))
                r.required(text == &p.entity ? "entity" : "quantity")
                    .fail("'" + *text + "' names a '+' level the topic '" + p.topic + "' does not have");
        }
        return p;
    }
    const auto it = known.find({p.entity, p.quantity});
    if (it == known.end()) {
        bool entityKnown = false;
        for (const auto& [key, unit] : known)
            entityKnown = entityKnown || key.first == p.entity;
        if (!entityKnown) r.required("entity").fail("no entity '" + p.entity + "' in the scenario");
        r.required("quantity").fail("entity '" + p.entity + "' has no quantity '" + p.quantity + "'");
    }
    if (!p.unit.empty() && !unitConversion(p.unit, it->second))
        r.required("unit").fail("'" + p.unit + "' cannot be converted to " + it->second + " (the unit of " + p.entity +
                                "/" + p.quantity + ")");
    return p;
}

BindingFile readFile(const nlohmann::json& root, const QuantityUnits& known) {
    JsonObjectReader r(JsonNode(root, ""));
    BindingFile file;
    r.skipText("notes");
    file.staleAfter_s = r.numberOr("stale_after_s", {1, 30 * 86400.0}, 300.0);
    if (auto mqtt = r.optional("mqtt")) file.mqtt = readMqtt(*mqtt);
    const std::vector<JsonNode> points = r.required("points").elements();
    if (points.empty()) r.required("points").fail("no points: bind at least one topic or column");
    std::set<std::string> topics;
    std::set<std::string> columns;
    for (const JsonNode& node : points) {
        BindingPoint p = readPoint(node, known);
        if (!p.topic.empty() && !topics.insert(p.topic).second)
            node.child("topic").fail("topic '" + p.topic + "' is bound twice");
        if (!p.csvColumn.empty() && !columns.insert(p.csvColumn).second)
            node.child("csv_column").fail("column '" + p.csvColumn + "' is bound twice");
        file.points.push_back(std::move(p));
    }
    r.finish();
    return file;
}

}  // namespace

bool BindingPoint::templated() const {
    return hasTemplate(entity) || hasTemplate(quantity);
}

bool BindingFile::hasTopics() const {
    for (const BindingPoint& p : points)
        if (!p.topic.empty()) return true;
    return false;
}

bool BindingFile::hasCsvColumns() const {
    for (const BindingPoint& p : points)
        if (!p.csvColumn.empty()) return true;
    return false;
}

BindingResult parseBindingFile(const std::string& text, const std::string& path, const std::vector<Quantity>& known) {
    QuantityUnits units;
    for (const Quantity& q : known)
        units[{q.entity, q.name}] = q.unit;
    BindingResult result;
    try {
        result.binding = readFile(parseJsonWithPositions(text), units);
        result.binding->path = path;
    } catch (const JsonReadError& e) {
        result.error = oneLine(path + ": " + (e.pointer.empty() ? "/" : e.pointer) + ": " + e.problem);
    }
    return result;
}

BindingResult loadBindingFile(const std::filesystem::path& path, const std::vector<Quantity>& known) {
    const TextFile file = readTextFile(path, kBindingFileLimit, "binding file");
    if (!file.text) return {std::nullopt, file.error};
    return parseBindingFile(*file.text, path.string(), known);
}

}  // namespace ct::twin::telemetry
