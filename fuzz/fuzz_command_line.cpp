// The command line of every command: the input's lines are the arguments after the program
// name. Parsing never throws out of parseCommandLine; a usage error is bad input in one line;
// the options checked before any file is read (--time, --preset) fail in one line.
#include "fuzz_support.h"

#include "command_line.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args = ct::fuzz::splitLines(data, size, 64);
    args.insert(args.begin(), "campus-twin");
    std::vector<const char*> argv;
    for (const std::string& a : args)
        argv.push_back(a.c_str());
    ct::app::CommandLine line;
    const std::optional<ct::campus::Outcome> stop =
        ct::app::parseCommandLine(static_cast<int>(argv.size()), argv.data(), line);
    if (stop) {
        if (!stop->ok()) {
            if (stop->problem().kind != ct::campus::Stop::BadInput) {
                std::fprintf(stderr, "a usage error that is not bad input: %s\n", stop->problem().message.c_str());
                std::abort();
            }
            if (stop->problem().message.find('\n') != std::string::npos) {
                std::fprintf(stderr, "a usage error of more than one line: %s\n", stop->problem().message.c_str());
                std::abort();
            }
        }
        return 0;
    }
    if (line.command.empty()) {
        std::fprintf(stderr, "parseCommandLine accepted a command line without a command\n");
        std::abort();
    }
    for (const ct::app::CoupledFieldOptions* field : {&line.render.field, &line.heatmap.field}) {
        const std::string error = ct::campus::coupledFieldError(*field);
        if (!error.empty()) ct::fuzz::requireOneLineNaming(error, "--", "coupledFieldError");
    }
    return 0;
}
