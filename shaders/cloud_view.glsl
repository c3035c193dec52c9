// The cloud layer as a viewer sees it (cloud_field.glsl's pattern at the base height): from
// below, over the sky where the view ray crosses the base (sky.frag); from above, over the ground
// and everything on it where the ray down to them crosses it (mesh.frag, and sky.frag's plain
// past the terrain), so a camera flown above the base still sees the clouds whose shadows lie on
// the ground. A cloud is a matte white sheet: seen from below its base, greyer as it thickens into
// a storm's; from above its sunlit top; hazed by the air in front of it.
// Needs lighting.glsl, aerial.glsl and cloud_field.glsl.
#ifndef CT_CLOUD_VIEW_GLSL
#define CT_CLOUD_VIEW_GLSL

// Where the clouds would alias (their smallest cells a few pixels across at grazing angles) the
// layer fades over this distance.
const float kCloudFade_m = 40000.0;

// A cloud top's relief: its slope taken over this run, and how steeply it swells with the density.
const float kCloudTopRelief_m = 250.0;
const float kCloudTopSwell = 3.0;

// The layer `distance_m` along `direction` from the camera, over `behind`: `cover` of it the
// cloud, lit facing `normal`.
vec3 cloudOver(vec3 behind, vec3 direction, float distance_m, float cover, vec3 albedo, vec3 normal,
               bool atmosphere) {
    vec3 lit = sunAndSkyRadiance(albedo, vec3(0.0), 1.0, normal, -direction, 1.0, 1.0);
    if (atmosphere) lit = aerialPerspective(lit, direction, distance_m * 1e-3);
    return mix(behind, lit, cover * exp(-distance_m / kCloudFade_m));
}

// The clouds over the sky seen along `direction` (looking up from below the base).
vec3 cloudsOverSky(vec3 sky, vec3 direction, bool atmosphere) {
    float below = frame.cloudShape.x - frame.cameraPosition.y;
    if (!cloudsPresent() || direction.y <= 0.0 || below <= 0.0) return sky;
    float distance_m = below / direction.y;
    float cover = cloudDensityAt((frame.cameraPosition.xyz + direction * distance_m).xz);
    if (cover <= 0.0) return sky;
    float storm = clamp((frame.cloudLayer.w - 0.75) * 4.0, 0.0, 1.0);
    return cloudOver(sky, direction, distance_m, cover, vec3(0.82) * (1.0 - 0.6 * storm),
                     normalize(frame.sunDirection.xyz), atmosphere);
}

// The clouds over `color`, the light from `point` below the base, seen along `direction` (from
// the camera towards the point: for an orthographic view the view's axis, not the line from the
// eye) by a camera above the base.
vec3 cloudsOverGround(vec3 color, vec3 point, vec3 direction, bool atmosphere) {
    float above = frame.cameraPosition.y - frame.cloudShape.x;
    if (!cloudsPresent() || above <= 0.0 || point.y >= frame.cloudShape.x || direction.y >= -1e-4) return color;
    // Back along the ray from the point to where it crossed the base.
    vec3 crossing = point - direction * ((frame.cloudShape.x - point.y) / -direction.y);
    vec2 at = crossing.xz;
    float cover = cloudDensityAt(at);
    if (cover <= 0.0) return color;
    // A top swells where the cloud thickens: one more look towards the sun gives its slope there,
    // so the sides facing the sun are bright and the far sides in their own shade.
    vec2 sunward = normalize(frame.sunDirection.xz + vec2(1e-4, 0.0));
    float slope = (cloudDensityAt(at + sunward * kCloudTopRelief_m) - cover) * kCloudTopSwell;
    vec3 normal = normalize(vec3(-slope * sunward.x, 1.0, -slope * sunward.y));
    return cloudOver(color, direction, length(crossing - frame.cameraPosition.xyz), cover, vec3(0.82), normal,
                     atmosphere);
}

#endif
