// SceneComposer: builds one scene out of many placed copies of loaded models (the campus: 20
// buildings, 60 turbines, thousands of solar rows). A model's meshes, materials and images are
// added once; each placement adds only nodes, so twenty buildings cost one building's memory.
//
//   SceneComposer composer;
//   ModelHandle building = composer.addModel(loadedBuilding);
//   int root = composer.place(building, placement, "bldg-01");  // nodes "bldg-01/<name>"
//   Scene campus = composer.finish();                            // worlds and bounds resolved
#pragma once

#include "scene/scene.h"

#include <string>

namespace ct::scene {

struct ModelHandle {
    int index = -1;
};

class SceneComposer {
public:
    ModelHandle addModel(const Scene& model);
    // Places the model's displayed hierarchy under a new root node named `name` with local
    // transform `placement`; the model's nodes are renamed "<name>/<their name>". Returns the
    // root node's index.
    int place(ModelHandle model, const glm::mat4& placement, const std::string& name, int parent = -1);
    // A bare node (for hand-made instancing or grouping); `mesh` is a mesh index of the
    // composed scene (see meshIndex).
    int addNode(Node node, int parent = -1);
    // The composed scene's index of mesh `meshInModel` of `model`, and its bounds.
    int meshIndex(ModelHandle model, int meshInModel) const;
    // The model's node called `name` (as in the model file), or -1.
    int findModelNode(ModelHandle model, const std::string& name) const;
    const Scene& model(ModelHandle handle) const { return models_.at(handle.index).source; }

    Scene finish();

private:
    struct Model {
        Scene source;
        int meshOffset = 0;
    };
    std::vector<Model> models_;
    Scene scene_;
};

// Recomputes every node's world matrix from its parent's, and the scene bounds over every
// drawn instance. Nodes that are only LOD stand-ins count towards the bounds too.
void resolveWorldTransforms(Scene& scene);

}  // namespace ct::scene
