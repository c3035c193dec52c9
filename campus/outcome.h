// What a command, or a step of one, comes to: done, or stopped with one line saying why. The
// line is complete ("abilene.json: /buildings/3/id: duplicate id 'bldg-01'", "--phase 7: the
// scenario has phases 1..4") and says whose fault it was: bad input (a file or an option the
// user can fix) or a runtime failure (no Vulkan device, a driver error, ffmpeg gone, the layer's
// validation messages). Nothing below main prints such a line or picks an exit code: main
// (app/main.cpp) prints it once, prefixed with the command, and maps the kind to the exit code.
//
//   Result<Scenario> loaded = ...;   if (!loaded) return loaded.problem();
//   if (bad) return badInput("--range " + text + ": expected lo,hi with lo < hi");
//   return done();
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace ct::campus {

enum class Stop {
    BadInput,  // the user's input: a file, an option, an output path that cannot be written
    Failure,   // the program's or the machine's: a device, a driver, a helper process
};

struct Problem {
    Stop kind = Stop::Failure;
    std::string message;  // one line, no trailing newline
};

// Done, or a Problem.
class [[nodiscard]] Outcome {
public:
    Outcome() = default;
    Outcome(Problem problem) : problem_(std::move(problem)) {}  // NOLINT: implicit, so `return problem;` reads

    bool ok() const { return !problem_; }
    explicit operator bool() const { return ok(); }
    const Problem& problem() const { return *problem_; }

private:
    std::optional<Problem> problem_;
};

// A value, or the Problem that stopped it from being made.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : value_(std::move(value)) {}              // NOLINT: implicit on purpose
    Result(Problem problem) : problem_(std::move(problem)) {}  // NOLINT

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    const Problem& problem() const { return *problem_; }

private:
    std::optional<T> value_;
    std::optional<Problem> problem_;
};

inline Outcome done() {
    return {};
}
inline Problem badInput(std::string message) {
    return {Stop::BadInput, std::move(message)};
}
inline Problem failure(std::string message) {
    return {Stop::Failure, std::move(message)};
}

}  // namespace ct::campus
