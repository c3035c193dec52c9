// A real mosquitto broker for the tests: on a free port of 127.0.0.1 (found by binding port 0),
// with a minimal configuration (anonymous, no persistence), started as a child process and
// killed at the end. Failures throw std::runtime_error (a test case reports it as a failure),
// so benchmarks can use it too. stop() kills it hard (SIGKILL, like a crash); start() brings it back on
// the same port.
#pragma once

#include <sys/types.h>
#include <string>

namespace ct::test {

class MosquittoBroker {
public:
    MosquittoBroker();  // starts it; throws unless it accepts within 10 s
    ~MosquittoBroker();
    MosquittoBroker(const MosquittoBroker&) = delete;
    MosquittoBroker& operator=(const MosquittoBroker&) = delete;

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
    void stop();
    void start();

private:
    int port_ = 0;
    std::string dir_;
    pid_t pid_ = -1;
};

// A free TCP port on 127.0.0.1 (bound to port 0, read back, released).
int freeLoopbackPort();
// True when something accepts connections on 127.0.0.1:port.
bool accepts(int port);
// The mosquitto executable (PATH, then /usr/sbin), or "" when it is not installed.
std::string mosquittoExecutable();

}  // namespace ct::test
