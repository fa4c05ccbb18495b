// Every demo of the playground, in side-panel order.
#pragma once

#include <memory>
#include <vector>

#include "demos/demo.h"

std::vector<std::unique_ptr<Demo>> make_all_demos();
