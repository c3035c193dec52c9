// A command including another command.
#include "render_command.h"
#include "heatmap_command.h"
