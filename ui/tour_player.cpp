#include "ui/tour_player.h"

#include <algorithm>
#include <cmath>

namespace ct::ui {

TourPlayer::TourPlayer(Tour tour) : tour_(std::move(tour)) {
    double t = 0.0;
    for (const TourStop& stop : tour_.stops) {
        starts_.push_back(t);
        t += stop.transition_s + stop.duration_s;
    }
    starts_.push_back(t);
}

TourFrame TourPlayer::at(double t) const {
    TourFrame f;
    if (tour_.stops.empty()) return f;
    t = std::max(t, 0.0);
    f.finished = t >= duration();
    const auto next = std::upper_bound(starts_.begin(), starts_.end() - 1, t);
    f.stop = std::max(0, static_cast<int>(next - starts_.begin()) - 1);
    const TourStop& stop = tour_.stops[static_cast<std::size_t>(f.stop)];
    f.active = &stop;
    const double local = std::min(t - stopStart(f.stop), stop.transition_s + stop.duration_s);

    const CameraPose& from = f.stop > 0 ? tour_.stops[static_cast<std::size_t>(f.stop - 1)].camera : stop.camera;
    f.camera = CameraFlight(from, stop.camera, stop.transition_s).at(local);
    f.simTime = stop.timeSeconds + stop.timeSpeed * local;

    f.caption = stop.caption;
    const double shown = local - stop.transition_s;  // seconds since arrival
    if (!stop.caption.empty() && shown >= 0.0) {
        const double fadeIn = std::min(1.0, shown / kCaptionFade_s);
        // The last stop keeps its caption: the tour ends on it rather than on an empty frame.
        const bool last = f.stop + 1 == static_cast<int>(tour_.stops.size());
        const double fadeOut = last ? 1.0 : std::min(1.0, (stop.duration_s - shown) / kCaptionFade_s);
        f.captionAlpha = static_cast<float>(std::clamp(std::min(fadeIn, fadeOut), 0.0, 1.0));
    }
    return f;
}

TourFrame TourPlayer::looped(double t) const {
    const double d = duration();
    if (d <= 0.0) return at(0.0);
    TourFrame f = at(std::fmod(std::max(t, 0.0), d));
    f.finished = false;
    return f;
}

}  // namespace ct::ui
