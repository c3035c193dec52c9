// Cameras: where the eye is and how it projects. Vulkan conventions: depth 0..1, clip-space Y
// pointing down (the projection is flipped here, once).
#pragma once

#include "scene/scene.h"

#include <glm/glm.hpp>

#include <optional>
#include <string>

namespace ct::render {

struct Camera {
    glm::vec3 eye{0.0f, 0.0f, 5.0f};
    glm::vec3 target{0.0f};
    glm::vec3 up{0.0f, 1.0f, 0.0f};
    float yfov = 0.8f;  // radians
    float znear = 0.1f;
    float zfar = 1000.0f;
    bool orthographic = false;
    float orthoHalfHeight = 1.0f;
    float orthoHalfWidth = 0.0f;  // 0: from the aspect ratio
    // Tiled rendering: the part of the full image this render covers, as {x0, y0, x1, y1} in the
    // full image's clip space after the Y flip (x right, y down, -1..1). projection() scales and
    // offsets clip space so the rectangle fills the target; the default is the whole image.
    glm::vec4 tile{-1.0f, -1.0f, 1.0f, 1.0f};
    float fullAspect = 0.0f;  // > 0: the full image's aspect, used instead of the target's (tiles)

    glm::mat4 view() const;
    glm::mat4 projection(float aspect) const;
};

// Frames `bounds` from a pleasant three-quarter view (or along `direction`, pointing from the
// target to the eye) so that the whole box is inside the view at the given aspect.
Camera frameBounds(const scene::Bounds& bounds, float aspect, std::optional<glm::vec3> direction = std::nullopt,
                   float yfov = 0.8f);

// The glTF camera placed by scene.placedCameras[index]; near/far planes fitted to the scene
// where the file leaves them open.
Camera cameraFromScene(const scene::Scene& scene, int placedCameraIndex);

// Index into scene.placedCameras of the camera whose camera or node name is `name`, or -1.
int findSceneCamera(const scene::Scene& scene, const std::string& name);

// Tightens near/far to what `bounds` needs from this eye, keeping depth precision useful.
void fitDepthRange(Camera& camera, const scene::Bounds& bounds);

}  // namespace ct::render
