// The MQTT side of telemetry, over libmosquitto's threaded client (mosquitto_loop_start): the
// network runs on libmosquitto's own thread, which reconnects by itself with exponential
// backoff (mosquitto_reconnect_delay_set) after the broker goes away.
//
// MqttSubscriber subscribes to every topic of a binding file (again after each reconnect: the
// session is clean) and hands each message to the Ingest. MqttPublisher sends; `publish` and
// the load test use it.
//
//   MqttSubscriber sub(binding.mqtt, ingest, bad);
//   if (auto e = sub.start("127.0.0.1", 1883, binding.topicFilters()); !e.empty()) fail(e);
#pragma once

#include "twin/telemetry/bad_data.h"
#include "twin/telemetry/binding_file.h"
#include "twin/telemetry/ingest.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct mosquitto;
struct mosquitto_message;

namespace ct::twin::telemetry {

struct BrokerAddress {
    std::string host = "127.0.0.1";
    int port = 1883;
};
// "host:port" or "host" (port 1883); nullopt with a reason in `problem` otherwise.
std::optional<BrokerAddress> parseBrokerAddress(const std::string& text, std::string& problem);

// One connection; owns its libmosquitto handle and network thread.
class MqttConnection {
public:
    explicit MqttConnection(const MqttSettings& settings);
    virtual ~MqttConnection();
    MqttConnection(const MqttConnection&) = delete;
    MqttConnection& operator=(const MqttConnection&) = delete;

    // Starts connecting in the background; an error only for what can never work (bad TLS files).
    std::string start(const BrokerAddress& broker);
    bool connected() const { return connected_.load(); }
    bool waitConnected(double timeout_s) const;
    std::uint64_t connects() const { return connects_.load(); }  // successful connects so far
    // Messages this client has handed over: written (QoS 0) or acknowledged by the broker (QoS 1).
    std::uint64_t delivered() const { return delivered_.load(); }

protected:
    virtual void onConnected() {}
    virtual void onMessage(const mosquitto_message&) {}
    virtual void onDisconnected(int /*reason*/) {}
    virtual void onSubscribed() {}
    mosquitto* handle() const { return mosq_; }
    const MqttSettings& settings() const { return settings_; }

private:
    static void connectCallback(mosquitto*, void* self, int rc);
    static void disconnectCallback(mosquitto*, void* self, int rc);
    static void messageCallback(mosquitto*, void* self, const mosquitto_message* message);
    static void publishCallback(mosquitto*, void* self, int messageId);
    static void subscribeCallback(mosquitto*, void* self, int messageId, int grantedCount, const int* granted);

    MqttSettings settings_;
    mosquitto* mosq_ = nullptr;
    bool looping_ = false;
    std::atomic<bool> connected_{false};
    std::atomic<std::uint64_t> connects_{0};
    std::atomic<std::uint64_t> delivered_{0};
};

class MqttSubscriber : public MqttConnection {
public:
    MqttSubscriber(const BindingFile& binding, Ingest& ingest, BadDataLog& bad);
    std::uint64_t messages() const { return messages_.load(); }
    // True once the broker has acknowledged every subscription of the current connection: from
    // then on nothing published to a bound topic passes this subscriber by.
    bool subscribed() const { return subscribed_.load(); }

private:
    void onConnected() override;
    void onSubscribed() override;
    void onMessage(const mosquitto_message& message) override;
    void onDisconnected(int reason) override;

    std::vector<std::string> filters_;
    Ingest& ingest_;
    BadDataLog& bad_;
    std::atomic<std::uint64_t> messages_{0};
    std::atomic<std::size_t> awaitingAcks_{0};
    std::atomic<bool> subscribed_{false};
};

class MqttPublisher : public MqttConnection {
public:
    explicit MqttPublisher(const MqttSettings& settings) : MqttConnection(settings) {}
    // True when the message is sent or kept for sending. At QoS 1 and 2 a message published while
    // the broker is away is kept by libmosquitto and sent once the connection is back (it answers
    // MOSQ_ERR_NO_CONN but has queued it): that counts as kept (keptWhileAway()), not refused.
    // False when it is refused: not connected at QoS 0 (nothing keeps it), out of memory, a bad
    // topic or an over-long payload.
    bool publish(const std::string& topic, std::string_view payload, int qos, bool retain = false);
    std::uint64_t keptWhileAway() const { return keptWhileAway_; }
    // Waits until `count` messages are delivered (delivered()); false on time-out. At QoS 1,
    // messages published while the broker was away are sent again once it is back.
    bool waitDelivered(std::uint64_t count, double timeout_s) const;

private:
    std::uint64_t keptWhileAway_ = 0;
};

}  // namespace ct::twin::telemetry
