// The campus library reaching back into the command line.
#pragma once
#include "command_line.h"
