// A 2-D plot drawn with ImGui's draw list: data coordinates -> screen pixels.
//
// Shared by demos that draw points, lines and curves over a plane. It keeps no
// state between frames; build one per frame with fill_region().
#pragma once

#include <functional>

#include "imgui.h"

class Plot {
 public:
  // Takes the largest square (or the whole rectangle) left in the current
  // window and maps [x0, x1] x [y0, y1] onto it (y grows upwards).
  static Plot fill_square_region(float x0, float x1, float y0, float y1);
  static Plot fill_region(float x0, float x1, float y0, float y1);

  ImVec2 to_screen(float x, float y) const;
  bool hovered() const { return hovered_; }

  // Plain dark background; or, covering it all, the tinted cells below.
  // Each full layer costs a software renderer (SwiftShader) real frame time.
  void background();
  // Background cells tinted by the sign of f (orange < 0 < blue), stronger
  // where |f| is large: the perceptron's confidence.
  void shade_by_sign(const std::function<float(float, float)>& f, int cells = 48);
  void grid_and_axes(float spacing);
  void line_where_zero(float a, float b, float c, ImU32 color);  // a x + b y + c = 0
  void weight_arrow(float a, float b, float c);                  // normal (a, b) from the line
  void curve(const std::function<float(float)>& f, ImU32 color, float thickness = 2.5f);
  void point(float x, float y, int label, bool hollow);  // label +1 blue, -1 orange
  void ring(float x, float y, ImU32 color, float radius = 7);
  void legend(const char* text);

 private:
  bool inside(ImVec2 screen) const;

  ImDrawList* draw_ = nullptr;
  ImVec2 min_, max_;  // screen rectangle
  float x0_ = 0, x1_ = 1, y0_ = 0, y1_ = 1;
  bool hovered_ = false;
};

// The two class colours used everywhere (TensorFlow Playground's palette).
constexpr ImU32 kColorPositive = IM_COL32(64, 140, 220, 255);
constexpr ImU32 kColorNegative = IM_COL32(245, 147, 34, 255);
