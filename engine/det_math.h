// Deterministic elementary functions: the same bits on every platform.
//
// libm's log, exp, sin and cos may differ in the last bit between glibc
// (native) and musl (Emscripten). A seeded Gaussian draw, or a loss whose
// gradient steers thousands of training steps, would then drift apart between
// the desktop app and the browser. These use only +, -, *, /, floor, frexp and
// ldexp, which IEEE 754 fixes exactly on every target.
#pragma once

namespace det_math {

double log(double x);  // about 1e-15 relative error for x > 0 (subnormals included); -inf at 0, +inf at +inf, NaN below 0 and for NaN
double exp(double x);  // about 1e-16 relative error; 0 below -745, +inf above 709.78, NaN stays NaN

struct SinCos {
  double sin, cos;
};
// Both at once, about 1e-16 absolute error for |x| up to about 1e6 (the
// reduction by pi/2 is exact there); NaN for NaN and infinities.
SinCos sin_cos(double x);
inline double sin(double x) { return sin_cos(x).sin; }

}  // namespace det_math
