// Time, sun, irradiance and PV: the NREL SPA published case, civil time and US daylight saving,
// clear-sky and tracker sanity at Abilene, and a PVWatts case computed by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <iomanip>
#include <limits>
#include <numbers>

#include "twin/civil_time.h"
#include "twin/irradiance.h"
#include "twin/pv_system.h"
#include "twin/solar_position.h"

using namespace ct::twin;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Abilene (campus-facts.md: centre 32.5022 N, 99.7892 W; elevation 546 m), US Central time.
Site abileneSite() {
    Site site;
    site.latitude_deg = 32.5022;
    site.longitude_deg = -99.7892;
    site.elevation_m = 546.0;
    site.timeZone = "America/Chicago";
    site.standardUtcOffset_h = -6.0;
    site.usDaylightSaving = true;
    return site;
}

SolarPosition abileneSun(UtcSeconds t) {
    return solarPosition(solarPositionInputFor(abileneSite(), t));
}

UtcSeconds utc(const char* text) {
    const auto parsed = parseIsoUtc(text);
    REQUIRE(parsed.has_value());
    return *parsed;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Solar position

TEST_CASE("SPA reproduces the published NREL test case", "[twin][solar]") {
    // Reda and Andreas, Table A5.1: 2003-10-17 12:30:30 at UTC-7 is 19:30:30 UTC.
    SolarPositionInput input;
    input.time = utc("2003-10-17T19:30:30Z");
    input.deltaT_s = 67.0;
    input.deltaUt1_s = 0.0;
    input.latitude_deg = 39.742476;
    input.longitude_deg = -105.1786;
    input.elevation_m = 1830.14;
    input.pressure_mbar = 820.0;
    input.temperature_c = 11.0;
    input.atmosphericRefraction_deg = 0.5667;
    const SolarPosition sun = solarPosition(input);

    INFO("zenith " << std::setprecision(9) << sun.zenith_deg << " azimuth " << sun.azimuth_deg);
    CHECK(sun.zenith_deg == Approx(50.111622).margin(0.001));
    CHECK(sun.azimuth_deg == Approx(194.340241).margin(0.001));
    // Intermediate values published with the case (Table A5.1), to localise any table typo.
    CHECK(sun.julianDay == Approx(2452930.312847).margin(1e-6));
    CHECK(sun.earthSunDistance_au == Approx(0.9965422974).margin(1e-8));
    CHECK(sun.declination_deg == Approx(-9.31434).margin(1e-4));
    CHECK(sun.rightAscension_deg == Approx(202.22741).margin(1e-4));
    CHECK(sun.hourAngle_deg == Approx(11.10629).margin(1e-4));
    CHECK(sun.equationOfTime_min == Approx(14.64).margin(0.05));  // mid-October: about +14.6 min
    CHECK(sun.elevation_deg == Approx(90.0 - sun.zenith_deg));
}

TEST_CASE("A site's solar input carries its coordinates and standard pressure", "[twin][solar]") {
    const SolarPositionInput input = solarPositionInputFor(abileneSite(), 1234);
    CHECK(input.time == 1234);
    CHECK(input.latitude_deg == 32.5022);
    CHECK(input.longitude_deg == -99.7892);
    CHECK(input.pressure_mbar == Approx(950.0).margin(3.0));
}

TEST_CASE("At Abilene the June-solstice noon sun stands 90 - (lat - 23.44) high, at midnight it is down",
          "[twin][solar]") {
    const Site site = abileneSite();
    const UtcSeconds noon = solarNoonUtc(utc("2026-06-21"), site.longitude_deg);
    const SolarPosition sun = abileneSun(noon);
    CHECK(sun.elevation_deg == Approx(90.0 - (site.latitude_deg - 23.44)).margin(0.5));
    // At transit the sun is due south (the latitude is north of the tropic).
    CHECK(std::abs(sun.hourAngle_deg) < 0.05);
    CHECK(sun.azimuth_deg == Approx(180.0).margin(0.5));
    // The transit is the highest point of the day.
    CHECK(abileneSun(noon - 600).elevation_deg < sun.elevation_deg);
    CHECK(abileneSun(noon + 600).elevation_deg < sun.elevation_deg);
    // Local noon in Abilene (CDT, UTC-5) is near 13:40.
    const CivilTime localNoon = toLocal(site, noon);
    CHECK(localNoon.hour == 13);

    const SolarPosition midnight = abileneSun(noon + 12 * 3600);
    CHECK(midnight.elevation_deg < -30.0);
    CHECK(midnight.zenith_deg > 90.0);
}

TEST_CASE("Morning sun is in the east, afternoon sun in the west", "[twin][solar]") {
    const UtcSeconds noon = solarNoonUtc(utc("2026-03-20"), abileneSite().longitude_deg);
    const SolarPosition morning = abileneSun(noon - 4 * 3600);
    const SolarPosition afternoon = abileneSun(noon + 4 * 3600);
    CHECK(morning.azimuth_deg > 90.0);
    CHECK(morning.azimuth_deg < 180.0);
    CHECK(afternoon.azimuth_deg > 180.0);
    CHECK(afternoon.azimuth_deg < 270.0);
    CHECK(morning.elevation_deg == Approx(afternoon.elevation_deg).margin(0.3));
}

// ---------------------------------------------------------------------------------------------
// Civil time

TEST_CASE("Days from civil and back agree with known dates and round trip", "[twin][time]") {
    CHECK(daysFromCivil(1970, 1, 1) == 0);
    CHECK(daysFromCivil(2000, 3, 1) == 11017);
    CHECK(daysFromCivil(1969, 12, 31) == -1);
    CHECK(civilFromDays(0) == CivilTime{1970, 1, 1, 0, 0, 0});
    CHECK(civilFromDays(-719468) == CivilTime{0, 3, 1, 0, 0, 0});
    CHECK(weekdayFromDays(daysFromCivil(2026, 3, 8)) == 0);    // a Sunday
    CHECK(weekdayFromDays(daysFromCivil(1969, 12, 28)) == 0);  // a Sunday before the epoch
    for (std::int64_t days = -800000; days <= 800000; days += 997) {
        const CivilTime civil = civilFromDays(days);
        REQUIRE(daysFromCivil(civil.year, civil.month, civil.day) == days);
    }
    for (UtcSeconds t = -3'000'000'000LL; t < 5'000'000'000LL; t += 86'399'937LL) {
        REQUIRE(toUtcSeconds(toCivilUtc(t)) == t);
        REQUIRE(parseIsoUtc(formatIsoUtc(t)) == t);
    }
    CHECK(isLeapYear(2000));
    CHECK_FALSE(isLeapYear(1900));
    CHECK(isLeapYear(2028));
    CHECK(daysInMonth(2026, 2) == 28);
    CHECK(daysInMonth(2028, 2) == 29);
}

TEST_CASE("ISO 8601 UTC parsing accepts the documented forms and formats back", "[twin][time]") {
    const UtcSeconds expected = 1784073600;  // 2026-07-15T00:00:00Z
    CHECK(parseIsoUtc("2026-07-15") == expected);
    CHECK(parseIsoUtc("2026-07-15T00:00") == expected);
    CHECK(parseIsoUtc("2026-07-15T00:00:00") == expected);
    CHECK(parseIsoUtc("2026-07-15T00:00:00Z") == expected);
    CHECK(parseIsoUtc("2026-07-15 00:00Z") == expected);
    CHECK(parseIsoUtc("2026-07-15T13:45:07Z") == expected + 13 * 3600 + 45 * 60 + 7);
    CHECK(formatIsoUtc(expected) == "2026-07-15T00:00:00Z");
    CHECK(formatIsoUtc(0) == "1970-01-01T00:00:00Z");
    CHECK(formatIsoUtc(-1) == "1969-12-31T23:59:59Z");
    CHECK(parseIsoUtc("2028-02-29").has_value());
}

TEST_CASE("ISO 8601 UTC parsing rejects malformed and out-of-range text", "[twin][time]") {
    for (const char* bad : {"",
                            "2026",
                            "2026-7-15",
                            "2026-07-15T",
                            "2026-07-15T1:00",
                            "2026-07-15T00:00:0",
                            "2026-13-01",
                            "2026-00-10",
                            "2026-02-29",
                            "2026-04-31",
                            "2026-07-00",
                            "2026-07-15T24:00",
                            "2026-07-15T23:60",
                            "2026-07-15T23:59:60",
                            "2026-07-15T00:00+02:00",
                            "2026/07/15",
                            "2026-07-15X00:00",
                            "x026-07-15",
                            "2026-07-15T00:00:00ZZ",
                            "2026-07-15T00:00:00.5"}) {
        INFO(bad);
        CHECK_FALSE(parseIsoUtc(bad).has_value());
    }
}

TEST_CASE("A moment may carry a fraction of a second, whole times read as parseIsoUtc reads them", "[twin][time]") {
    const double whole = static_cast<double>(*parseIsoUtc("2026-07-15T18:30:00Z"));
    CHECK(parseIsoUtcMoment("2026-07-15T18:30:00.100Z").value() == Approx(whole + 0.1).margin(1e-6));
    CHECK(parseIsoUtcMoment("2026-07-15T18:30:00.5").value() == Approx(whole + 0.5).margin(1e-6));
    CHECK(parseIsoUtcMoment("2026-07-15T18:30:00.000000001Z").value() == Approx(whole).margin(1e-6));
    CHECK(parseIsoUtcMoment("2026-07-15T18:30:00Z").value() == whole);
    CHECK(parseIsoUtcMoment("2026-07-15T18:30").value() == whole);
    CHECK(parseIsoUtcMoment("2026-07-15").value() == static_cast<double>(*parseIsoUtc("2026-07-15")));
    for (const char* bad : {"2026-07-15T18:30:00.", "2026-07-15T18:30:00.1234567890", "2026-07-15T18:30:00,5",
                            "2026-07-15T18:30:00.5x", "2026-07-15T18:30.5", "2026-07-15T18:30:00.-5", ""}) {
        INFO(bad);
        CHECK_FALSE(parseIsoUtcMoment(bad).has_value());
    }
}

TEST_CASE("US daylight saving in 2026 starts March 8 and ends November 1 at 02:00 local", "[twin][time]") {
    const Site site = abileneSite();
    // Spring forward: 02:00 CST = 08:00 UTC on Sunday 8 March 2026.
    const UtcSeconds springForward = utc("2026-03-08T08:00Z");
    CHECK(localOffsetHours(site, springForward - 1) == -6.0);
    CHECK(localOffsetHours(site, springForward) == -5.0);
    CHECK(toLocal(site, springForward - 1) == CivilTime{2026, 3, 8, 1, 59, 59});
    CHECK(toLocal(site, springForward) == CivilTime{2026, 3, 8, 3, 0, 0});
    // Fall back: 02:00 CDT = 07:00 UTC on Sunday 1 November 2026; 01:xx happens twice.
    const UtcSeconds fallBack = utc("2026-11-01T07:00Z");
    CHECK(localOffsetHours(site, fallBack - 1) == -5.0);
    CHECK(localOffsetHours(site, fallBack) == -6.0);
    CHECK(toLocal(site, fallBack - 1) == CivilTime{2026, 11, 1, 1, 59, 59});
    CHECK(toLocal(site, fallBack) == CivilTime{2026, 11, 1, 1, 0, 0});
    // Summer and winter, and a site without daylight saving.
    CHECK(toLocal(site, utc("2026-07-15T00:00")) == CivilTime{2026, 7, 14, 19, 0, 0});
    CHECK(toLocal(site, utc("2026-01-15T00:00")) == CivilTime{2026, 1, 14, 18, 0, 0});
    Site noDst = site;
    noDst.usDaylightSaving = false;
    CHECK(localOffsetHours(noDst, utc("2026-07-15T00:00")) == -6.0);
}

TEST_CASE("Day of year and fractions of year and day", "[twin][time]") {
    CHECK(dayOfYear(utc("2026-01-01T00:00")) == 1);
    CHECK(dayOfYear(utc("2026-12-31T23:59:59")) == 365);
    CHECK(dayOfYear(utc("2028-12-31")) == 366);
    CHECK(fractionOfYear(utc("2026-01-01")) == 0.0);
    CHECK(fractionOfYear(utc("2026-07-02T12:00")) == Approx(0.5));
    CHECK(fractionOfDay(utc("2026-07-02T18:00")) == Approx(0.75));
    CHECK(fractionOfDay(-21600) == Approx(0.75));
}

// ---------------------------------------------------------------------------------------------
// Irradiance

TEST_CASE("Clear-sky GHI at a July noon in Abilene is 900-1050 W/m2 and zero at night", "[twin][irradiance]") {
    const Site site = abileneSite();
    const UtcSeconds noon = solarNoonUtc(utc("2026-07-15"), site.longitude_deg);
    const SolarPosition sun = abileneSun(noon);
    const Irradiance clear = clearSkyIneichenPerez(sun, site.elevation_m);
    INFO("GHI " << clear.ghi << " DNI " << clear.dni << " DHI " << clear.dhi);
    CHECK(clear.ghi > 900.0);
    CHECK(clear.ghi < 1050.0);
    CHECK(clear.dni > 800.0);
    CHECK(clear.dhi > 0.0);
    CHECK(clear.ghi ==
          Approx(clear.dni * std::cos(sun.zenith_deg * std::numbers::pi / 180.0) + clear.dhi).margin(1e-9));

    const Irradiance night = clearSkyIneichenPerez(abileneSun(noon + 12 * 3600), site.elevation_m);
    CHECK(night.ghi == 0.0);
    CHECK(night.dni == 0.0);
    CHECK(night.dhi == 0.0);

    CHECK(extraterrestrialNormal(1.0) == Approx(1361.0));
    CHECK(extraterrestrialNormal(sun.earthSunDistance_au) < 1361.0);  // July: near aphelion
}

TEST_CASE("Clouds dim GHI, shift it to diffuse and keep the components consistent", "[twin][irradiance]") {
    const Site site = abileneSite();
    const UtcSeconds noon = solarNoonUtc(utc("2026-07-15"), site.longitude_deg);
    for (UtcSeconds t : {noon, noon - 5 * 3600, noon + 6 * 3600}) {
        const SolarPosition sun = abileneSun(t);
        const Irradiance clear = clearSkyIneichenPerez(sun, site.elevation_m);
        const double cosZenith = std::cos(sun.zenith_deg * std::numbers::pi / 180.0);
        double previousDiffuseFraction = clear.dhi / clear.ghi;
        CHECK(cloudySky(clear, sun, 0.0).ghi == clear.ghi);
        for (double cloudiness : {0.01, 0.2, 0.5, 0.8, 1.0}) {
            const Irradiance sky = cloudySky(clear, sun, cloudiness);
            INFO("cloudiness " << cloudiness << " zenith " << sun.zenith_deg);
            CHECK(sky.ghi == Approx(clear.ghi * (1.0 - cloudiness)));
            CHECK(sky.ghi == Approx(sky.dni * cosZenith + sky.dhi).margin(1e-9));
            CHECK(sky.dni >= 0.0);
            CHECK(sky.dhi >= 0.0);
            if (sky.ghi > 0.0) {
                CHECK(sky.dhi / sky.ghi >= previousDiffuseFraction - 1e-12);
                previousDiffuseFraction = sky.dhi / sky.ghi;
            }
        }
        // Continuous as the first clouds arrive.
        CHECK(cloudySky(clear, sun, 1e-6).dni == Approx(clear.dni).epsilon(1e-4));
    }
    CHECK(erbsDiffuseFraction(0.1) == Approx(0.991));
    CHECK(erbsDiffuseFraction(0.9) == Approx(0.165));
    const Irradiance measured = erbsDecomposition(800.0, abileneSun(noon));
    CHECK(measured.ghi == 800.0);
    CHECK(measured.dni > 0.0);
    CHECK(erbsDecomposition(kNaN, abileneSun(noon)).ghi == 0.0);
    CHECK(erbsDecomposition(-5.0, abileneSun(noon)).dni == 0.0);
}

TEST_CASE("Tracker angle is symmetric about solar noon, flat at noon and held to its limit", "[twin][irradiance]") {
    const Site site = abileneSite();
    const UtcSeconds noon = solarNoonUtc(utc("2026-07-15"), site.longitude_deg);
    TrackerGeometry tracker;
    tracker.limit_deg = 60.0;
    tracker.backtrack = false;
    CHECK(trackerRotation(abileneSun(noon), tracker) == Approx(0.0).margin(0.1));
    for (int hours = 1; hours <= 6; ++hours) {
        const double morning = trackerRotation(abileneSun(noon - hours * 3600), tracker);
        const double afternoon = trackerRotation(abileneSun(noon + hours * 3600), tracker);
        INFO("hours from noon " << hours);
        CHECK(morning < 0.0);  // facing east
        CHECK(afternoon > 0.0);
        CHECK(-morning == Approx(afternoon).margin(0.5));
        CHECK(std::abs(morning) <= 60.0);
    }
    CHECK(trackerRotation(abileneSun(noon - 6 * 3600), tracker) == Approx(-60.0));  // sun low: at the limit
    CHECK(trackerRotation(abileneSun(noon + 12 * 3600), tracker) == 0.0);           // night: stowed flat

    // Backtracking turns the rows back toward flat in the early morning, never past the true angle.
    TrackerGeometry backtracking = tracker;
    backtracking.backtrack = true;
    const SolarPosition early = abileneSun(noon - 6 * 3600 - 1800);
    REQUIRE(early.elevation_deg > 0.0);
    CHECK(std::abs(trackerRotation(early, backtracking)) < std::abs(trackerRotation(early, tracker)));
    CHECK(trackerRotation(abileneSun(noon - 2 * 3600), backtracking) ==
          Approx(trackerRotation(abileneSun(noon - 2 * 3600), tracker)));
}

TEST_CASE("Plane-of-array irradiance on a tracker adds beam, sky and ground", "[twin][irradiance]") {
    const Site site = abileneSite();
    const UtcSeconds noon = solarNoonUtc(utc("2026-07-15"), site.longitude_deg);
    TrackerGeometry tracker;
    for (int hours : {-5, -3, 0, 2, 4}) {
        const SolarPosition sun = abileneSun(noon + hours * 3600);
        const Irradiance sky = clearSkyIneichenPerez(sun, site.elevation_m);
        const PlaneOfArray poa = trackerPlaneOfArray(sun, sky, tracker);
        INFO("hours " << hours);
        CHECK(poa.poa_wm2 == Approx(poa.beam_wm2 + poa.diffuse_wm2 + poa.ground_wm2));
        CHECK(poa.poa_wm2 >= sky.ghi * 0.95);  // a tracker collects at least about what flat ground gets
        CHECK(poa.incidence_deg <= sun.zenith_deg + 1e-9);
    }
    const SolarPosition night = abileneSun(noon + 12 * 3600);
    CHECK(trackerPlaneOfArray(night, Irradiance{}, tracker).poa_wm2 == 0.0);
}

// ---------------------------------------------------------------------------------------------
// PVWatts

TEST_CASE("PVWatts v5 DC, losses and inverter match a hand computation", "[twin][pv]") {
    const double pdc0 = 100.0;  // MW
    const double losses = 14.08;
    // POA 1000 W/m2 at 25 C: the rating, less the system losses.
    CHECK(applySystemLosses(pvwattsDc(1000.0, 25.0, pdc0, -0.0035), losses) == Approx(100.0 * (1.0 - 0.1408)));
    // POA 800 W/m2 at 45 C: 100 x 0.8 x (1 - 0.0035 x 20) x (1 - 0.1408) = 63.92448.
    CHECK(applySystemLosses(pvwattsDc(800.0, 45.0, pdc0, -0.0035), losses) == Approx(63.92448).epsilon(1e-9));

    // Inverter at its nominal point: z = 1 gives eta_nom / 0.9637 x 0.9637 = eta_nom.
    const double pac0 = 50.0;
    const double etaNominal = 0.96;
    const double pdc0Inverter = pac0 / etaNominal;
    CHECK(pvwattsInverter(pdc0Inverter * 0.999999, pac0, etaNominal) == Approx(pac0).epsilon(1e-5));
    // Half load: eta = 0.96 / 0.9637 x (-0.0081 - 0.0118 + 0.9858) = 0.962208156.
    CHECK(pvwattsInverter(pdc0Inverter * 0.5, pac0, etaNominal) ==
          Approx(pdc0Inverter * 0.5 * 0.96 / 0.9637 * 0.9659).epsilon(1e-9));
    // Clipping at high DC, zero at zero and bad input.
    CHECK(pvwattsInverter(200.0, pac0, etaNominal) == pac0);
    CHECK(pvwattsInverter(0.0, pac0, etaNominal) == 0.0);
    CHECK(pvwattsInverter(1e-6, pac0, etaNominal) == 0.0);  // below the tare loss
    CHECK(pvwattsInverter(kNaN, pac0, etaNominal) == 0.0);
    CHECK(pvwattsInverter(-5.0, pac0, etaNominal) == 0.0);
}

TEST_CASE("SAPM cell temperature rises with irradiance and falls with wind", "[twin][pv]") {
    CHECK(sapmCellTemperature(0.0, 30.0, 2.0) == Approx(30.0));
    // 1000 W/m2, 1 m/s: 1000 exp(-3.56 - 0.075) + 3 = 29.39 C above ambient.
    CHECK(sapmCellTemperature(1000.0, 20.0, 1.0) == Approx(20.0 + 1000.0 * std::exp(-3.635) + 3.0));
    CHECK(sapmCellTemperature(1000.0, 20.0, 8.0) < sapmCellTemperature(1000.0, 20.0, 1.0));
    CHECK(std::isfinite(sapmCellTemperature(kNaN, kNaN, kNaN)));
}

TEST_CASE("A solar farm at noon, at night and with bad inputs", "[twin][pv]") {
    SolarFarm farm;
    farm.rows = 400;
    farm.panelsPerRow = 500;
    farm.panelWatts = 550.0;  // 110 MW DC
    farm.dcAcRatio = 1.3;
    CHECK(farmDcCapacity_mw(farm) == Approx(110.0));
    const Site site = abileneSite();
    const UtcSeconds noon = solarNoonUtc(utc("2026-07-15"), site.longitude_deg);
    const SolarPosition sun = abileneSun(noon);
    const Irradiance sky = clearSkyIneichenPerez(sun, site.elevation_m);

    const PvOutput pv = simulatePvFarm(farm, sun, sky, 35.0, 3.0);
    INFO("POA " << pv.poa_wm2 << " Tcell " << pv.cellTemp_c << " DC " << pv.dc_mw << " AC " << pv.ac_mw);
    CHECK(pv.poa_wm2 > 900.0);
    CHECK(pv.cellTemp_c > 55.0);
    CHECK(pv.dc_mw > 70.0);
    CHECK(pv.ac_mw > 0.9 * pv.dc_mw * 0.96);
    CHECK(pv.ac_mw <= 110.0 / 1.3 + 1e-9);
    CHECK(pv.trackerAngle_deg == Approx(0.0).margin(0.5));

    const PvOutput night = simulatePvFarm(farm, abileneSun(noon + 12 * 3600), Irradiance{}, 25.0, 3.0);
    CHECK(night.ac_mw == 0.0);
    CHECK(night.dc_mw == 0.0);

    // A cold, bright day overloads the inverters: AC clips at Pdc0 / (DC/AC ratio).
    farm.dcAcRatio = 2.0;
    CHECK(simulatePvFarm(farm, sun, sky, -10.0, 10.0).ac_mw == Approx(55.0));

    // NaN and negative inputs give zeros and finite numbers, never NaN.
    const Irradiance badSky{kNaN, -100.0, kNaN};
    SolarPosition badSun = sun;
    badSun.zenith_deg = kNaN;
    for (const PvOutput& out :
         {simulatePvFarm(farm, sun, badSky, kNaN, -3.0), simulatePvFarm(farm, badSun, sky, 25.0, 1.0)}) {
        CHECK(std::isfinite(out.poa_wm2));
        CHECK(std::isfinite(out.cellTemp_c));
        CHECK(std::isfinite(out.trackerAngle_deg));
        CHECK(out.dc_mw >= 0.0);
        CHECK(out.ac_mw >= 0.0);
        CHECK(std::isfinite(out.ac_mw));
    }
    CHECK(simulatePvFarm(farm, badSun, sky, 25.0, 1.0).ac_mw == 0.0);
    SolarFarm empty;
    empty.rows = 0;
    empty.capacityDc_mw = -5.0;
    CHECK(simulatePvFarm(empty, sun, sky, 25.0, 1.0).ac_mw == 0.0);
}

TEST_CASE("Trackers face east at 09:00 and west at 15:00 on a clear day, and lie flat in a gale", "[twin][pv]") {
    SolarFarm farm;
    farm.rows = 10;
    farm.panelsPerRow = 50;
    farm.panelWatts = 550.0;
    const Site site = abileneSite();
    const UtcSeconds noon = solarNoonUtc(utc("2026-07-15"), site.longitude_deg);
    const auto at = [&](double hoursFromNoon, double wind_ms) {
        const SolarPosition sun = abileneSun(noon + static_cast<UtcSeconds>(hoursFromNoon * 3600.0));
        return simulatePvFarm(farm, sun, clearSkyIneichenPerez(sun, site.elevation_m), 30.0, wind_ms);
    };
    // Solar noon at Abilene is about 13:40 local in July: 09:00 and 15:00 local are 4.7 h before
    // and 1.3 h after it.
    const PvOutput morning = at(-4.7, 4.0);
    const PvOutput afternoon = at(1.3, 4.0);
    INFO("09:00 " << morning.trackerAngle_deg << " deg, 15:00 " << afternoon.trackerAngle_deg << " deg");
    CHECK(morning.trackerAngle_deg < -20.0);  // negative: facing east
    CHECK(afternoon.trackerAngle_deg > 10.0);
    const PvOutput stowed = at(-4.7, kTrackerStowWind_ms + 1.0);
    CHECK(stowed.trackerAngle_deg == 0.0);
    CHECK(stowed.poa_wm2 < morning.poa_wm2);  // flat in the morning takes less of the sun
    CHECK(at(-4.7, kTrackerStowWind_ms - 1.0).trackerAngle_deg == Approx(morning.trackerAngle_deg));
}
