// TourPlayer: where a tour is at any time t (seconds since it started). Stop i occupies
// [start_i, start_i + transition_i + duration_i): the camera flies from the previous stop's
// pose during the transition (eased), then holds. The stop's phase, time, preset and layers
// apply from its start; its caption fades in once the camera arrives and fades out at the
// stop's end. Pure function of t: the window plays it against the wall clock, the exporter
// frame by frame, and both see the same tour.
//
//   TourPlayer player(tour);
//   TourFrame f = player.at(frameIndex / fps);
#pragma once

#include "ui/tour.h"

namespace ct::ui {

struct TourFrame {
    int stop = 0;
    const TourStop* active = nullptr;
    CameraPose camera;
    double simTime = 0.0;  // UTC seconds: the stop's time plus time_speed x time at the stop
    std::string caption;
    float captionAlpha = 0.0f;  // 0..1
    bool finished = false;      // t at or past the end (the last stop is held)
};

class TourPlayer {
public:
    static constexpr double kCaptionFade_s = 0.6;

    explicit TourPlayer(Tour tour);

    const Tour& tour() const { return tour_; }
    double duration() const { return starts_.back(); }
    double stopStart(int stop) const { return starts_[static_cast<std::size_t>(stop)]; }

    TourFrame at(double t) const;
    // Playing unattended: t wraps around the tour's duration.
    TourFrame looped(double t) const;

private:
    Tour tour_;
    std::vector<double> starts_;  // per stop, plus the end
};

}  // namespace ct::ui
