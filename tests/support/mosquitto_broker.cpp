#include "mosquitto_broker.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace ct::test {

namespace {

sockaddr_in loopback(int port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

}  // namespace

int freeLoopbackPort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("freeLoopbackPort: socket() failed");
    sockaddr_in a = loopback(0);
    socklen_t len = sizeof a;
    const bool bound = bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
                       getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0;
    close(fd);
    if (!bound) throw std::runtime_error("freeLoopbackPort: no free port on 127.0.0.1");
    return ntohs(a.sin_port);
}

bool accepts(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in a = loopback(port);
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    close(fd);
    return ok;
}

std::string mosquittoExecutable() {
    if (const char* path = std::getenv("PATH")) {
        std::string dirs = path;
        std::size_t begin = 0;
        while (begin <= dirs.size()) {
            const std::size_t colon = dirs.find(':', begin);
            const std::string dir = dirs.substr(begin, colon == std::string::npos ? std::string::npos : colon - begin);
            const std::string candidate = dir + "/mosquitto";
            if (!dir.empty() && access(candidate.c_str(), X_OK) == 0) return candidate;
            if (colon == std::string::npos) break;
            begin = colon + 1;
        }
    }
    for (const char* candidate : {"/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto"})
        if (access(candidate, X_OK) == 0) return candidate;
    return {};
}

MosquittoBroker::MosquittoBroker() {
    char pattern[] = "/tmp/ct-mosquitto.XXXXXX";
    if (mkdtemp(pattern) == nullptr) throw std::runtime_error("MosquittoBroker: mkdtemp failed");
    dir_ = pattern;
    port_ = freeLoopbackPort();
    std::ofstream conf(dir_ + "/mosquitto.conf");
    conf << "listener " << port_ << " 127.0.0.1\n"
         << "allow_anonymous true\n"
         << "persistence false\n"
         // The load test sends bursts: let the broker queue rather than drop for a slow reader.
         << "max_queued_messages 0\n"
         << "max_inflight_messages 0\n";
    conf.close();
    start();
}

MosquittoBroker::~MosquittoBroker() {
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

void MosquittoBroker::start() {
    const std::string exe = mosquittoExecutable();
    if (exe.empty()) throw std::runtime_error("mosquitto is not installed (tools/install-deps.sh installs it)");
    const std::string conf = dir_ + "/mosquitto.conf";
    const std::string log = dir_ + "/mosquitto.log";
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("MosquittoBroker: fork failed");
    if (pid_ == 0) {
        const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
        }
        execl(exe.c_str(), exe.c_str(), "-c", conf.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    for (int i = 0; i < 1000; ++i) {
        if (accepts(port_)) return;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("mosquitto exited at start; see " + log);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    throw std::runtime_error("mosquitto did not accept on 127.0.0.1:" + std::to_string(port_) + " within 10 s");
}

void MosquittoBroker::stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

}  // namespace ct::test
