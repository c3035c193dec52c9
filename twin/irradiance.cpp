#include "twin/irradiance.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ct::twin {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kMaxZenithForBeam_deg = 87.0;

double toRadians(double degrees) {
    return degrees * kPi / 180.0;
}
double toDegrees(double radians) {
    return radians * 180.0 / kPi;
}

bool finite(double value) {
    return std::isfinite(value);
}

// Sun up and every number usable: the guard all models below share.
bool sunUp(const SolarPosition& sun) {
    return finite(sun.zenith_deg) && sun.zenith_deg < 90.0;
}

double nonNegative(double value) {
    return finite(value) && value > 0.0 ? value : 0.0;
}

}  // namespace

double extraterrestrialNormal(double earthSunDistance_au) {
    if (!finite(earthSunDistance_au) || earthSunDistance_au <= 0.0) return kSolarConstant_wm2;
    return kSolarConstant_wm2 / (earthSunDistance_au * earthSunDistance_au);
}

double relativeAirMass(double zenith_deg) {
    if (!finite(zenith_deg) || zenith_deg >= 90.0) return 0.0;
    zenith_deg = std::max(zenith_deg, 0.0);
    return 1.0 / (std::cos(toRadians(zenith_deg)) + 0.50572 * std::pow(96.07995 - zenith_deg, -1.6364));
}

Irradiance clearSkyIneichenPerez(const SolarPosition& sun, double elevation_m, double linkeTurbidity) {
    if (!sunUp(sun) || !finite(elevation_m) || !finite(linkeTurbidity) || linkeTurbidity <= 0.0) return {};
    const double cosZenith = std::cos(toRadians(sun.zenith_deg));
    // Absolute air mass: relative air mass scaled by the standard-atmosphere pressure at the site.
    const double pressureRatio = std::pow(1.0 - 2.25577e-5 * elevation_m, 5.25588);
    const double airMass = relativeAirMass(sun.zenith_deg) * pressureRatio;
    const double e0 = extraterrestrialNormal(sun.earthSunDistance_au);
    const double tl = linkeTurbidity;

    // Ineichen and Perez 2002, eqs. 1..3 with the altitude corrections fh1, fh2, cg1, cg2.
    const double fh1 = std::exp(-elevation_m / 8000.0);
    const double fh2 = std::exp(-elevation_m / 1250.0);
    const double cg1 = 5.09e-5 * elevation_m + 0.868;
    const double cg2 = 3.92e-5 * elevation_m + 0.0387;
    const double ghi = cg1 * e0 * cosZenith * std::exp(-cg2 * airMass * (fh1 + fh2 * (tl - 1.0)));

    // Beam: the model's own DNI, limited by the empirical correction so DHI never goes negative.
    const double b = 0.664 + 0.163 / fh1;
    const double dniModel = b * e0 * std::exp(-0.09 * airMass * (tl - 1.0));
    const double dniLimit = ghi * (1.0 - (0.1 - 0.2 * std::exp(-tl)) / (0.1 + 0.882 / fh1)) / cosZenith;
    const double dni = std::clamp(std::min(dniModel, dniLimit), 0.0, e0);

    Irradiance out;
    out.ghi = nonNegative(ghi);
    out.dni = nonNegative(dni);
    out.dhi = nonNegative(out.ghi - out.dni * cosZenith);
    return out;
}

double erbsDiffuseFraction(double clearnessIndex) {
    const double kt = std::clamp(finite(clearnessIndex) ? clearnessIndex : 0.0, 0.0, 1.0);
    if (kt <= 0.22) return 1.0 - 0.09 * kt;
    if (kt <= 0.80) return 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * std::pow(kt, 3) + 12.336 * std::pow(kt, 4);
    return 0.165;
}

namespace {

// GHI split with a given diffuse fraction, keeping GHI = DNI cos z + DHI exactly.
Irradiance splitGhi(double ghi, double diffuseFraction, const SolarPosition& sun) {
    Irradiance out;
    out.ghi = nonNegative(ghi);
    if (out.ghi <= 0.0) return {};
    if (sun.zenith_deg > kMaxZenithForBeam_deg) {
        out.dhi = out.ghi;
        return out;
    }
    const double cosZenith = std::cos(toRadians(sun.zenith_deg));
    const double e0 = extraterrestrialNormal(sun.earthSunDistance_au);
    out.dni = std::min(out.ghi * (1.0 - std::clamp(diffuseFraction, 0.0, 1.0)) / cosZenith, e0);
    out.dhi = out.ghi - out.dni * cosZenith;
    return out;
}

double clearnessIndex(double ghi, const SolarPosition& sun) {
    const double horizontalExtraterrestrial =
        extraterrestrialNormal(sun.earthSunDistance_au) * std::cos(toRadians(sun.zenith_deg));
    return horizontalExtraterrestrial > 0.0 ? ghi / horizontalExtraterrestrial : 0.0;
}

}  // namespace

Irradiance erbsDecomposition(double ghi, const SolarPosition& sun) {
    if (!sunUp(sun)) return {};
    return splitGhi(ghi, erbsDiffuseFraction(clearnessIndex(nonNegative(ghi), sun)), sun);
}

Irradiance cloudySky(const Irradiance& clear, const SolarPosition& sun, double cloudiness) {
    if (!sunUp(sun) || !finite(clear.ghi) || clear.ghi <= 0.0) return {};
    const double lost = std::clamp(finite(cloudiness) ? cloudiness : 0.0, 0.0, 1.0);
    if (lost == 0.0) return clear;
    const double ghi = clear.ghi * (1.0 - lost);
    const double clearFraction = clear.dhi / clear.ghi;
    // Erbs's change in diffuse fraction from the clear-sky clearness index to the cloudy one.
    const double shift =
        erbsDiffuseFraction(clearnessIndex(ghi, sun)) - erbsDiffuseFraction(clearnessIndex(clear.ghi, sun));
    return splitGhi(ghi, std::clamp(clearFraction + shift, clearFraction, 1.0), sun);
}

double trackerRotation(const SolarPosition& sun, const TrackerGeometry& tracker) {
    if (!sunUp(sun) || !finite(sun.azimuth_deg)) return 0.0;
    // Sun direction in the tracker's frame: `across` points to the right of the axis direction
    // (west for an axis pointing south), `up` is the zenith. Marion and Dobos eq. 7 for a
    // horizontal axis reduces to R = atan2(across, up).
    const double zenith = toRadians(sun.zenith_deg);
    const double relativeAzimuth = toRadians(sun.azimuth_deg - tracker.axisAzimuth_deg);
    const double across = std::sin(zenith) * std::sin(relativeAzimuth);
    const double up = std::cos(zenith);
    // sin(az - 180) is negative for a sun in the east: that gives a negative (east-facing) angle.
    double rotation_deg = toDegrees(std::atan2(across, up));

    if (tracker.backtrack && tracker.groundCoverageRatio > 0.0 && finite(tracker.groundCoverageRatio)) {
        // Rows shade each other when |cos R| < GCR; turn back by acos(|cos R| / GCR) so the shadow
        // edge just touches the next row (Anderson and Mikofski 2020, eq. 14, flat ground).
        const double ratio = std::abs(std::cos(toRadians(rotation_deg))) / tracker.groundCoverageRatio;
        if (ratio < 1.0) rotation_deg -= (rotation_deg > 0.0 ? 1.0 : -1.0) * toDegrees(std::acos(ratio));
    }
    const double limit = finite(tracker.limit_deg) ? std::clamp(std::abs(tracker.limit_deg), 0.0, 90.0) : 0.0;
    return std::clamp(rotation_deg, -limit, limit);
}

PlaneOfArray trackerPlaneOfArray(const SolarPosition& sun, const Irradiance& sky, const TrackerGeometry& tracker) {
    PlaneOfArray out;
    if (!sunUp(sun)) return out;
    out.trackerAngle_deg = trackerRotation(sun, tracker);

    // Panel normal tilted by R from the zenith toward the `across` direction; cos(AOI) is its dot
    // product with the sun direction.
    const double zenith = toRadians(sun.zenith_deg);
    const double rotation = toRadians(out.trackerAngle_deg);
    const double relativeAzimuth = toRadians(sun.azimuth_deg - tracker.axisAzimuth_deg);
    const double cosIncidence = std::clamp(
        std::sin(rotation) * std::sin(zenith) * std::sin(relativeAzimuth) + std::cos(rotation) * std::cos(zenith), -1.0,
        1.0);
    out.incidence_deg = toDegrees(std::acos(cosIncidence));

    const double tilt = std::abs(rotation);  // surface tilt from horizontal
    const double albedo = finite(tracker.albedo) ? std::clamp(tracker.albedo, 0.0, 1.0) : kDefaultAlbedo;
    out.beam_wm2 = nonNegative(sky.dni) * std::max(cosIncidence, 0.0);
    out.diffuse_wm2 = nonNegative(sky.dhi) * (1.0 + std::cos(tilt)) / 2.0;
    out.ground_wm2 = nonNegative(sky.ghi) * albedo * (1.0 - std::cos(tilt)) / 2.0;
    out.poa_wm2 = out.beam_wm2 + out.diffuse_wm2 + out.ground_wm2;
    return out;
}

}  // namespace ct::twin
