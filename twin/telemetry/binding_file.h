// The telemetry binding file (JSON; schema in docs/telemetry.md): which MQTT topics and which
// CSV columns feed which twin quantity, in what unit, with what scale and offset, plus the MQTT
// connection settings and how long a measurement stays fresh.
//
//   BindingResult r = loadBindingFile("campus.json", simulation.current().quantities());
//   if (!r.binding) { fprintf(stderr, "%s\n", r.error.c_str()); return 2; }
//
// Errors are one line: "campus.json: /points/3/unit: 'kWh' cannot be converted to MW (the unit
// of bldg-01/it_power)". A point whose entity or quantity is a template ("{1}", from a '+' of
// its topic) is checked when a message arrives instead, since only then is the name known.
#pragma once

#include "twin/state.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ct::twin::telemetry {

struct BindingPoint {
    std::string topic;      // MQTT topic filter; empty for a CSV column
    std::string csvColumn;  // CSV column name; empty for a topic
    std::string entity;     // may hold "{1}".."{9}" for a topic's '+' levels
    std::string quantity;   // likewise
    std::string unit;       // of the raw value; empty: the quantity's own unit
    double scale = 1.0;     // raw * scale + offset is in `unit`
    double offset = 0.0;
    std::string pointer;  // "/points/3": where the point sits in the file, for messages

    bool templated() const;
};

struct TlsSettings {
    std::string cafile;  // CA certificate(s) to trust; enables TLS when set
    std::string capath;
    std::string certfile;  // client certificate and key, for brokers that ask for one
    std::string keyfile;
    bool insecure = false;  // skip the host name check (test brokers only)
};

struct MqttSettings {
    std::string clientId;  // empty: a random id from the broker
    // The broker keeps the subscriptions and queues QoS 1 messages while this client is away
    // (a restart, a dropped link); needs a client id. Off: a clean session each connect.
    bool persistentSession = false;
    std::string username;
    std::string password;
    int qos = 1;  // 0 or 1
    int keepalive_s = 30;
    double reconnectMin_s = 1.0;  // first retry after a drop; doubles up to the maximum
    double reconnectMax_s = 30.0;
    TlsSettings tls;
};

struct BindingFile {
    std::string path;
    std::vector<BindingPoint> points;
    double staleAfter_s = 300.0;  // a measurement older than this reverts to the simulation
    MqttSettings mqtt;

    bool hasTopics() const;
    bool hasCsvColumns() const;
};

struct BindingResult {
    std::optional<BindingFile> binding;
    std::string error;  // one line, naming the file and the JSON path
};

// `known`: the twin's quantities (entity, name, unit), e.g. Simulation::current().quantities().
BindingResult loadBindingFile(const std::filesystem::path& path, const std::vector<Quantity>& known);
// The same from text already read (tests); `path` only names it in messages.
BindingResult parseBindingFile(const std::string& text, const std::string& path, const std::vector<Quantity>& known);

}  // namespace ct::twin::telemetry
