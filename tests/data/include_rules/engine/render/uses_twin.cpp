// The engine reaching up into the twin.
#include "twin/simulation.h"
