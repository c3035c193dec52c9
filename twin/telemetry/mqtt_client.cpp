#include "twin/telemetry/mqtt_client.h"

#include <mosquitto.h>

#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>

namespace ct::twin::telemetry {

namespace {

void initLibraryOnce() {
    // mosquitto_lib_init is not thread-safe and must run once; cleanup is left to process exit
    // because connections may outlive any one owner.
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
}

}  // namespace

std::optional<BrokerAddress> parseBrokerAddress(const std::string& text, std::string& problem) {
    BrokerAddress a;
    const std::size_t colon = text.rfind(':');
    a.host = text.substr(0, colon);
    if (a.host.empty()) {
        problem = "'" + text + "': no host (expected host:port)";
        return std::nullopt;
    }
    if (colon != std::string::npos) {
        const std::string port = text.substr(colon + 1);
        char* end = nullptr;
        const long p = std::strtol(port.c_str(), &end, 10);
        if (port.empty() || *end != '\0' || p < 1 || p > 65535) {
            problem = "'" + text + "': port must be 1..65535";
            return std::nullopt;
        }
        a.port = static_cast<int>(p);
    }
    return a;
}

MqttConnection::MqttConnection(const MqttSettings& settings) : settings_(settings) {
    initLibraryOnce();
    const bool cleanSession = !settings.persistentSession;
    mosq_ = mosquitto_new(settings.clientId.empty() ? nullptr : settings.clientId.c_str(), cleanSession, this);
    if (!mosq_) return;
    mosquitto_connect_callback_set(mosq_, &MqttConnection::connectCallback);
    mosquitto_publish_callback_set(mosq_, &MqttConnection::publishCallback);
    mosquitto_disconnect_callback_set(mosq_, &MqttConnection::disconnectCallback);
    mosquitto_message_callback_set(mosq_, &MqttConnection::messageCallback);
    mosquitto_subscribe_callback_set(mosq_, &MqttConnection::subscribeCallback);
}

MqttConnection::~MqttConnection() {
    if (!mosq_) return;
    if (looping_) {
        mosquitto_disconnect(mosq_);
        mosquitto_loop_stop(mosq_, false);
    }
    mosquitto_destroy(mosq_);
}

std::string MqttConnection::start(const BrokerAddress& broker) {
    if (!mosq_) return "cannot create an MQTT client (out of memory)";
    const MqttSettings& s = settings_;
    if (!s.username.empty() &&
        mosquitto_username_pw_set(mosq_, s.username.c_str(), s.password.empty() ? nullptr : s.password.c_str()) !=
            MOSQ_ERR_SUCCESS)
        return "MQTT username or password rejected by libmosquitto";
    const TlsSettings& tls = s.tls;
    if (!tls.cafile.empty() || !tls.capath.empty()) {
        auto orNull = [](const std::string& v) { return v.empty() ? nullptr : v.c_str(); };
        const int rc = mosquitto_tls_set(mosq_, orNull(tls.cafile), orNull(tls.capath), orNull(tls.certfile),
                                         orNull(tls.keyfile), nullptr);
        if (rc != MOSQ_ERR_SUCCESS) return std::string("TLS settings: ") + mosquitto_strerror(rc);
        if (tls.insecure) mosquitto_tls_insecure_set(mosq_, true);
    }
    const unsigned minDelay = static_cast<unsigned>(std::max(1.0, std::round(s.reconnectMin_s)));
    const unsigned maxDelay = static_cast<unsigned>(std::max<double>(minDelay, std::round(s.reconnectMax_s)));
    mosquitto_reconnect_delay_set(mosq_, minDelay, maxDelay, true);
    mosquitto_int_option(mosq_, MOSQ_OPT_TCP_NODELAY, 1);
    // Asynchronous: a broker that is not up yet is retried by the loop thread, like a dropped one.
    const int rc = mosquitto_connect_async(mosq_, broker.host.c_str(), broker.port, s.keepalive_s);
    if (rc == MOSQ_ERR_INVAL) return "invalid broker address " + broker.host + ":" + std::to_string(broker.port);
    if (mosquitto_loop_start(mosq_) != MOSQ_ERR_SUCCESS) return "cannot start the MQTT network thread";
    looping_ = true;
    return {};
}

bool MqttConnection::waitConnected(double timeout_s) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    while (!connected_.load()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

void MqttConnection::connectCallback(mosquitto*, void* self, int rc) {
    auto* c = static_cast<MqttConnection*>(self);
    if (rc != 0) return;  // refused (bad credentials): the loop retries; disconnect reports it
    c->connected_ = true;
    ++c->connects_;
    c->onConnected();
}

void MqttConnection::disconnectCallback(mosquitto*, void* self, int rc) {
    auto* c = static_cast<MqttConnection*>(self);
    // Reported before the flag drops: whoever sees the client disconnected also finds the report.
    if (rc != 0) c->onDisconnected(rc);  // 0: we asked for it
    c->connected_ = false;
}

void MqttConnection::messageCallback(mosquitto*, void* self, const mosquitto_message* message) {
    if (message) static_cast<MqttConnection*>(self)->onMessage(*message);
}

void MqttConnection::publishCallback(mosquitto*, void* self, int) {
    ++static_cast<MqttConnection*>(self)->delivered_;
}

void MqttConnection::subscribeCallback(mosquitto*, void* self, int, int, const int*) {
    static_cast<MqttConnection*>(self)->onSubscribed();
}

MqttSubscriber::MqttSubscriber(const BindingFile& binding, Ingest& ingest, BadDataLog& bad)
    : MqttConnection(binding.mqtt), ingest_(ingest), bad_(bad) {
    for (const BindingPoint& p : binding.points)
        if (!p.topic.empty()) filters_.push_back(p.topic);
}

void MqttSubscriber::onConnected() {
    subscribed_ = filters_.empty();
    awaitingAcks_ = filters_.size();
    for (const std::string& filter : filters_)
        mosquitto_subscribe(handle(), nullptr, filter.c_str(), settings().qos);
}

void MqttSubscriber::onSubscribed() {
    if (awaitingAcks_ > 0 && --awaitingAcks_ == 0) subscribed_ = true;
}

void MqttSubscriber::onMessage(const mosquitto_message& message) {
    ++messages_;
    const std::string_view payload(static_cast<const char*>(message.payload),
                                   message.payloadlen > 0 ? static_cast<std::size_t>(message.payloadlen) : 0);
    ingest_.onMessage(message.topic ? message.topic : "", payload, wallClockNow());
}

void MqttSubscriber::onDisconnected(int reason) {
    bad_.report(BadData::BrokerDisconnect,
                std::string("lost the broker (") + mosquitto_strerror(reason) + "); reconnecting with backoff");
}

bool MqttPublisher::publish(const std::string& topic, std::string_view payload, int qos, bool retain) {
    const int rc = mosquitto_publish(handle(), nullptr, topic.c_str(), static_cast<int>(payload.size()), payload.data(),
                                     qos, retain);
    if (rc == MOSQ_ERR_SUCCESS) return true;
    // At QoS > 0 libmosquitto queues the message before it tries to send it; NO_CONN only says the
    // send found no socket. The reconnect resends the queue, and delivered() counts its PUBACKs.
    if (rc == MOSQ_ERR_NO_CONN && qos > 0) {
        ++keptWhileAway_;
        return true;
    }
    return false;
}

bool MqttPublisher::waitDelivered(std::uint64_t count, double timeout_s) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    while (delivered() < count) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace ct::twin::telemetry
