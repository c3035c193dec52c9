// The UI reaching into the campus library above it.
#include "campus/live_campus.h"
