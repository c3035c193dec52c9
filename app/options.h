// Options shared by several subcommands.
#pragma once

namespace ct::app {

struct GlobalOptions {
    bool validate = false;
    int device = -1;
};

struct LightingOptions {
    float sunElevation = 50.0f;
    float sunAzimuth = 135.0f;
    bool noShadows = false;
};

}  // namespace ct::app
