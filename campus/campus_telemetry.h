// CampusTelemetry: measured values for the live campus, from a broker or a recorded CSV. It owns
// the binding file, the last-value cache, the ingest and the source that feeds it (an MQTT
// subscriber on its own thread, or a CSV replay fed as the twin's clock passes its rows);
// LiveCampus lays the cache over its simulation with a telemetry::MeasuredSource, so every
// snapshot it hands out carries the measured values and their provenance.
//
//   CampusTelemetryResult t = openCampusTelemetry(scenario, {.binding = "b.json", .broker = "127.0.0.1:1883"});
//   if (!t.telemetry) fail(t.error);
//   live.attachTelemetry(std::move(t.telemetry));   // live.state().measured: what came in
// or, as the render command does, bindCampusTelemetry(live, launch, sessionOptions).
#pragma once

#include "campus/campus_session.h"
#include "campus/live_campus.h"
#include "twin/scenario.h"
#include "twin/telemetry/bad_data.h"
#include "twin/telemetry/binding_file.h"
#include "twin/telemetry/csv_replay.h"
#include "twin/telemetry/ingest.h"
#include "twin/telemetry/last_value_cache.h"
#include "twin/telemetry/measured_source.h"
#include "twin/telemetry/mqtt_client.h"

#include <memory>
#include <optional>
#include <string>

namespace ct::campus {

struct CampusTelemetryLaunch {
    std::string binding;  // binding file (docs/telemetry.md)
    std::string broker;   // host:port; or
    std::string replay;   // a recorded CSV
};

class CampusTelemetry {
public:
    CampusTelemetry(twin::telemetry::BindingFile binding, std::vector<twin::Quantity> known);
    CampusTelemetry(const CampusTelemetry&) = delete;  // the ingest and the subscriber refer to members
    CampusTelemetry& operator=(const CampusTelemetry&) = delete;

    // Subscribes in the background (libmosquitto reconnects by itself); an error only for what
    // can never work.
    std::string connect(const twin::telemetry::BrokerAddress& broker);
    // Loads a recording, fed row by row as the twin's time passes it.
    std::string replay(const std::string& csv);

    // The overlay options for a MeasuredSource over the simulation.
    twin::telemetry::MeasuredSourceOptions overlayOptions();
    const twin::telemetry::LastValueCache& cache() const { return cache_; }
    // Where the twin's clock should start: the recording's first instant, or now for a broker.
    twin::UtcSeconds startTime() const;
    bool live() const { return subscriber_ != nullptr; }
    std::uint64_t accepted() const { return ingest_.accepted(); }
    const twin::telemetry::BadDataLog& badData() const { return bad_; }
    bool connected() const { return subscriber_ && subscriber_->connected(); }

private:
    twin::telemetry::BindingFile binding_;
    std::vector<twin::Quantity> known_;
    twin::telemetry::BadDataLog bad_;
    twin::telemetry::LastValueCache cache_;
    twin::telemetry::Ingest ingest_;
    std::unique_ptr<twin::telemetry::CsvReplay> replay_;
    std::unique_ptr<twin::telemetry::MqttSubscriber> subscriber_;
};

struct CampusTelemetryResult {
    std::unique_ptr<CampusTelemetry> telemetry;
    std::string error;  // one line: a bad binding file, broker address or recording
};

// Loads the binding against every quantity the campus can have and starts its source.
CampusTelemetryResult openCampusTelemetry(const twin::Scenario& scenario, const CampusTelemetryLaunch& launch);

// What `campus-twin render --telemetry` does before the window opens: opens the telemetry, lays
// it over `live`, and sets the session's clock to it (a broker: now, in real time; a replay: from
// its first row). Returns "" or the one-line error.
std::string bindCampusTelemetry(LiveCampus& live, const CampusTelemetryLaunch& launch, SessionOptions& session);

}  // namespace ct::campus
