// Drawing helpers for the logic-gates mode: a small network diagram with the
// weights written on its links, and a tick or a cross for truth tables.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

// One unit of a diagram: bias and one incoming weight per unit of the layer
// before it (the inputs x1, x2 for the first layer).
struct DiagramUnit {
  std::string label;  // written inside the node: "OR", "h1"
  float bias = 0;
  std::vector<float> weights;
  ImU32 outline = IM_COL32(255, 255, 255, 255);  // the colour of the unit's line on the plot
};

struct NetworkDiagram {
  std::string caption;                           // what each unit computes
  std::vector<std::vector<DiagramUnit>> layers;  // hidden layers..., then the output layer
  const char* output_label = "";                 // written after the output node
};

// Draws x1, x2 -> layers... as circles and links across the available width,
// `height` pixels tall, and advances the cursor past it. Link colour is the
// weight's sign (blue +, orange -), thickness its size.
void draw_network_diagram(const NetworkDiagram& net, float height);

// A green tick or a red cross, one text line high, as an ImGui item.
void tick_or_cross(bool right);

// Line colours of hidden units 1 and 2, shared by diagram nodes and plot lines.
constexpr ImU32 kHiddenColors[2] = {IM_COL32(110, 230, 140, 255), IM_COL32(235, 120, 235, 255)};
